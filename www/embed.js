/*!
 * Raqmi embed helper, for partners' pages. MIT License, (c) the Raqmi authors.
 *
 * Sizes Raqmi iframes to their content, so an embedded chart or search never shows a scrollbar:
 *
 *   <script src="https://raqmi.example.org/embed.js"></script>   (in <head>, before the iframes)
 *   <iframe data-raqmi src="https://raqmi.example.org/?view=chart&cat=budget&embed=1"
 *           title="Raqmi : budgets annoncés" width="100%" height="480"></iframe>
 *
 * (or copy this file next to your page). Load it before the iframes: an embedded page reports
 * its height when it first renders and then only when it changes. An embedded Raqmi page (`embed=1`) posts
 * `{type: "raqmi:resize", height: N}` to its parent when its content height changes. This script
 * listens to `message` events and applies one only if it comes from one of the page's
 * `iframe[data-raqmi]` (event.source is that iframe's window, event.origin is the origin of its
 * src) and is exactly that object, with a finite height between 0 and 100000 CSS px. Everything
 * else is ignored. Iframes added later are found too (they are looked up per message).
 * No dependency, no global, no network request.
 */
(function () {
  'use strict';
  var MAX_HEIGHT = 100000;

  function isResize(data) {
    if (data === null || typeof data !== 'object' || Object.getPrototypeOf(data) !== Object.prototype) return false;
    var keys = Object.keys(data);
    return keys.length === 2 && data.type === 'raqmi:resize' && typeof data.height === 'number' &&
      isFinite(data.height) && data.height >= 0 && data.height <= MAX_HEIGHT;
  }

  function originOf(iframe) {
    try { return new URL(iframe.src, document.baseURI).origin; } catch (e) { return null; }
  }

  window.addEventListener('message', function (event) {
    if (!event.source) return;
    var frames = document.querySelectorAll('iframe[data-raqmi]');
    for (var i = 0; i < frames.length; i++) {
      var iframe = frames[i];
      if (iframe.contentWindow !== event.source) continue;
      if (event.origin !== originOf(iframe) || !isResize(event.data)) return;
      // The height is the content's: with box-sizing border-box, add the frame's own border and padding.
      var style = getComputedStyle(iframe);
      var extra = style.boxSizing === 'border-box'
        ? parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth) + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom)
        : 0;
      iframe.style.height = Math.ceil(event.data.height + extra) + 'px';
      return;
    }
  });
})();
