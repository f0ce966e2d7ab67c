/*
 * Raqmi: the prerendered page's side (classic script at the top of <body>, before #app, neither
 * `defer` nor `async`: it runs before the prerendered view is parsed, hence before it is painted).
 *
 * `index.html` holds the default view (no query, no filter, French, the article list) as static
 * HTML inside `#app`, in `<div class="prerendered">` (written at build time by
 * scripts/post-build.mjs with `corpus prerender`). The app replaces it when it mounts.
 *
 * Owns:
 * - `document.documentElement.dataset.prerender = "stale"` when the URL has any parameter: the
 *   page then asks for another view (a query, filters, an article, a chart, another language or
 *   theme, an embed, or an unknown parameter the app will report), and styles.css hides the
 *   prerendered list, which would show the wrong results until the app replaced it.
 * - While the prerendered view is on screen: "/" focuses its search box, as the app's shortcut
 *   does (the box's hint says so), and its form never submits (the app's never does; the
 *   policy's form-action 'none' would refuse it and report a violation). What is typed there is
 *   kept by the app when it takes over (src/app/view.rs).
 * It registers no `message` listener.
 */
(function () {
  'use strict';
  var root = document.documentElement;
  if (window.location.search) root.dataset.prerender = 'stale';

  function prerenderedBox() {
    if (root.dataset.prerender === 'stale') return null;
    return document.querySelector('.prerendered input[type="search"]');
  }

  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var box = prerenderedBox();
    var active = document.activeElement;
    if (!box || (active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
    e.preventDefault();
    box.focus();
    box.select();
  });

  document.addEventListener('submit', function (e) {
    if (e.target instanceof Element && e.target.closest('.prerendered')) e.preventDefault();
  });
})();
