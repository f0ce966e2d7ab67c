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
 * Also which wasm starts the page: for a URL that is a query alone (`?q=…`), the small search-only
 * one first (www/first.js, crates/first: the query's first results before the app), and the
 * app's only once first.js is done (`window.raqmiFirst`, which the app's loader awaits:
 * scripts/post-build.mjs); for any other URL the app's, preloaded from here (its glue and its
 * wasm, at low priority, behind the page and its first paint), not from the head, so that a
 * shared link's first results never wait behind it (post-build writes the app's file names in
 * `app`).
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
      element.onerror = window.raqmiFirstDone;
    }
    document.head.appendChild(element);
  }

  var app = '__RAQMI_APP__'.split(' ');
  var query = /^\?q=[^&#]*$/.test(window.location.search) && window.WebAssembly;
  if (query && new URLSearchParams(window.location.search).get('q').trim()) {
    window.raqmiFirst = new Promise(function (resolve) {
      window.raqmiFirstDone = resolve;
    });
    add('link', { rel: 'preload', as: 'fetch', type: 'application/wasm', crossorigin: 'anonymous', href: './raqmi-first_bg.wasm' });
    // In order (not async): the glue defines `wasm_bindgen`, which first.js calls. A script that
    // cannot load lets the app start.
    add('script', { src: './raqmi-first.js' }, true);
    add('script', { src: './first.js' }, true);
  } else {
    add('link', { rel: 'modulepreload', crossorigin: 'anonymous', href: app[0] });
    add('link', { rel: 'preload', as: 'fetch', type: 'application/wasm', crossorigin: 'anonymous', fetchpriority: 'low', href: app[1] });
  }

  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (types && types.indexOf('largest-contentful-paint') >= 0) {
    new PerformanceObserver(function (list, observer) {
      root.dataset.painted = '';
      observer.disconnect();
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } else {
    root.dataset.painted = '';
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
