/*
 * Raqmi: the framed side of embedding (classic script, loaded with `defer`).
 *
 * Owns: when the URL has `embed=1` and the page is in a frame, telling the parent page the
 * height of the content, as `{type: "raqmi:resize", height: <integer CSS px>}`, each time it
 * changes (a ResizeObserver on the document element, and after DOM changes), and nothing else. The partner's page
 * applies it with embed.js. It also sets `document.documentElement.dataset.embed = "1"` so the
 * app and the styles can drop the site chrome.
 *
 * Framed by the AMP snippet (its src ends with `#amp`, read once here, before the app may
 * rewrite the URL), the same height goes out in AMP's own resize request instead,
 * `{sentinel: "amp", type: "embed-size", height}`, which `<amp-iframe resizable>` applies (or
 * offers behind its overflow button): still one message, the height, and nothing else.
 *
 * The height is not a secret, and a partner's origin is not known in advance: target "*".
 * This file registers no `message` listener: the page ignores every message it receives.
 *
 * In the full app it also loads two modules the first load does not carry, each on the first
 * click of its button: "Intégrer" (`.embed-button`) imports www/embed-dialog.js, the dialog;
 * a chart's "Télécharger PNG" (`.export-png`) www/export-png.js, the drawing. The app's own
 * click handler has written onto the button what the module needs (its listener, on the
 * app's root, runs before this one, on the document).
 */
(function () {
  'use strict';
  var modules = {};
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('.embed-button, .export-png');
    if (!b) return;
    var path = b.classList.contains('export-png') ? './export-png.js' : './embed-dialog.js';
    if (!modules[path]) modules[path] = import(path);
    modules[path].then(function (m) { m.open(b); });
  });
  if (new URLSearchParams(window.location.search).get('embed') !== '1') return;
  if (window.parent === window) return;
  var root = document.documentElement;
  root.dataset.embed = '1';
  var amp = window.location.hash === '#amp';
  var last = -1;
  function post() {
    // The root element's box is as tall as its content (it has no height of its own), unlike
    // scrollHeight, which never goes below the frame's current height and so could not shrink.
    var height = Math.ceil(root.getBoundingClientRect().height);
    // 0: the app has not rendered yet; the frame keeps its initial height until it has.
    if (height === last || height === 0) return;
    last = height;
    window.parent.postMessage(amp ? { sentinel: 'amp', type: 'embed-size', height: height }
      : { type: 'raqmi:resize', height: height }, '*');
  }
  new ResizeObserver(post).observe(root);
  // Chromium does not run the rendering steps (so no ResizeObserver callbacks) of a cross-origin
  // frame that is off screen: a frame below the fold would keep its initial height until
  // scrolled to. DOM changes (one callback per yew render) measure it too.
  new MutationObserver(post).observe(root, { childList: true, subtree: true, characterData: true });
})();
