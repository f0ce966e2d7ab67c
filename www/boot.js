/*
 * Raqmi: the prerendered view's side (classic blocking script, inline at the top of <body>, before
 * #app, so it runs before the prerendered view is parsed). index.html holds the default view
 * (no query, French, the list) in #app's <div class="prerendered"> (scripts/post-build.mjs);
 * the app replaces it when it mounts, keeping what was typed in it (src/view.rs).
 *
 * Owns: `<html data-prerender="stale">` when the URL has any parameter (another view: a query,
 * filters, an article, another language, theme or embed, an unknown parameter), for which
 * styles.css hides the prerendered list, whose results would be wrong. While that view is on
 * screen, "/" focuses its search box as the app's shortcut does, and its form never submits
 * (the policy's form-action 'none' would refuse it). It registers no `message` listener.
 *
 * Also which wasm starts the page, and when: for a URL that is a query alone (`?q=…`), the small
 * search-only one first (www/first.js, crates/first: the query's first results before the
 * app's wasm is even requested); the app's once they are drawn, once the prerendered view's
 * largest paint is reported, or at once for another view (`window.raqmiStart`, which the app's
 * loader awaits: scripts/post-build.mjs). Its glue and wasm are preloaded from here at that
 * moment, not from the head, whose preloads would be fetched before any script could decide
 * (post-build writes their names in `app`).
 *
 * Also `<html data-painted>` once the browser has reported a largest contentful paint (or at
 * once where it reports none): the app takes over only then (src/view.rs, wait_for_paint).
 * A paint is reported when the compositor says the frame was presented, which on a busy
 * machine comes frames later; an element removed before that is dropped as a candidate, and
 * the app's copy of it, painted later, would become the largest paint.
 */
(function () {
  'use strict';
  var root = document.documentElement;
  if (window.location.search) root.dataset.prerender = 'stale';

  function add(tag, attributes, ordered) {
    var element = document.createElement(tag);
    for (var name in attributes) element.setAttribute(name, attributes[name]);
    // Before it is inserted: a script inserted async stays so.
    if (ordered) {
      element.async = false;
      element.onerror = startApp;
    }
    document.head.appendChild(element);
  }

  // When the app's wasm may be fetched and started: its loader imports the app once
  // `window.raqmiStart` resolves (scripts/post-build.mjs). For a query alone, once www/first.js
  // has drawn its first results (or failed to); over the prerendered default view, once its
  // largest paint is reported (a download started before it counts, for Lighthouse's
  // simulation, among what that paint waited for: 265 KB at its throttled speed, an LCP of
  // 2.3 s instead of 1.1 s; and at high priority it slowed the paint itself), at most after 3 s
  // (a tab hidden meanwhile reports no paint; src/view.rs waits as long before taking over);
  // at once for any other view (the prerendered one is hidden: nothing of it to paint first).
  // Then the app's glue and wasm are preloaded, the wasm at low priority.
  var app = '__RAQMI_APP__'.split(' ');
  var go;
  window.raqmiStart = new Promise(function (resolve) {
    go = resolve;
  });
  function startApp() {
    if (!go) return;
    add('link', { rel: 'modulepreload', crossorigin: 'anonymous', href: app[0] });
    add('link', { rel: 'preload', as: 'fetch', type: 'application/wasm', crossorigin: 'anonymous', fetchpriority: 'low', href: app[1] });
    go();
    go = null;
  }
  window.raqmiStartApp = startApp;

  var first = /^\?q=[^&#]*$/.test(window.location.search) && !!window.WebAssembly
    && new URLSearchParams(window.location.search).get('q').trim() !== '';
  if (first) {
    add('link', { rel: 'preload', as: 'fetch', type: 'application/wasm', crossorigin: 'anonymous', href: './raqmi-first_bg.wasm' });
    // In order (not async): the glue defines `wasm_bindgen`, which first.js calls. A script that
    // cannot load lets the app start.
    add('script', { src: './raqmi-first.js' }, true);
    add('script', { src: './first.js' }, true);
  } else if (root.dataset.prerender === 'stale') {
    startApp();
  } else {
    setTimeout(startApp, 3000);
  }

  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (types && types.indexOf('largest-contentful-paint') >= 0) {
    new PerformanceObserver(function (list, observer) {
      root.dataset.painted = '';
      observer.disconnect();
      if (!first) startApp();
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } else {
    root.dataset.painted = '';
    if (!first) startApp();
  }

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
