/*
 * Raqmi: a shared link's first results before the app (issue 14). www/boot.js loads this
 * script, after the glue of the small search-only wasm (crates/first, `wasm_bindgen`), only for
 * a URL that is a query alone (`?q=…`), and holds the app's wasm back meanwhile: at 10 000
 * articles the app's wasm was most of what a first search transferred.
 *
 * Owns: fetching the manifest and, round after round, the data files the wasm asks for (the
 * tables, the query's term shards, the text files of its first cards), then putting the HTML
 * it draws (the app's markup: raqmi_explorer::prerender::list_view) in place of the
 * prerendered default view, which boot.js hid, and showing it (`<html data-prerender>`
 * removed). Then, whatever happened, it lets the app start (`window.raqmiStartApp`): the app
 * takes over from these results as from the prerendered view, keeping what was typed in the
 * search box. A failure here (offline, a refused file, a view the app draws itself) draws
 * nothing: the app then fetches what it needs and says what failed, in place, with a retry.
 * The files are fetched again by the app from the HTTP cache (their names never change
 * meaning; the manifest is revalidated).
 */
(function () {
  'use strict';
  var done = window.raqmiStartApp || function () {};

  function get(name) {
    var init = name === 'manifest.bin' ? { cache: 'no-cache' } : {};
    return fetch('./data/' + name, init).then(function (response) {
      if (!response.ok) throw new Error(name);
      return response.arrayBuffer();
    }).then(function (buffer) {
      return new Uint8Array(buffer);
    });
  }

  function show(html) {
    var pre = document.querySelector('#app > .prerendered');
    if (!pre) return;
    pre.outerHTML = html;
    delete document.documentElement.dataset.prerender;
    if (window.performance && performance.mark) performance.mark('raqmi:early-results');
  }

  // Its glue did not load (boot.js then let the app start already).
  if (typeof wasm_bindgen !== 'function') return done();
  var manifest = get('manifest.bin');
  Promise.all([manifest, wasm_bindgen('./raqmi-first_bg.wasm')]).then(function (loaded) {
    var first = wasm_bindgen.First.start(window.location.search, loaded[0]);
    if (!first) return;
    // A dozen files at most per round: the browser queues them itself.
    function round() {
      var names = first.wanted();
      if (!names.length) return first.html();
      return Promise.all(names.map(get)).then(function (files) {
        for (var i = 0; i < names.length; i++) {
          if (!first.add(names[i], files[i])) throw new Error(names[i]);
        }
        return round();
      });
    }
    return round().then(function (html) {
      if (html) show(html);
    }).finally(function () {
      first.free();
    });
  }).catch(function () {
    // Nothing drawn: the app fetches the same files and tells what failed, where it shows.
  }).then(done);
})();
