/*
 * Raqmi: the page's "Available offline" starter. scripts/post-build.mjs appends it to the
 * staged pwa.js only when the corpus's data files are above the offline limit, with OFFER (the
 * data files' gzip total, in bytes) filled in; under the limit the page carries none of it.
 * Once the page has loaded and a service worker is active (and not in an embed), it imports
 * www/offline.js (the offer, its progress and its strings), which nothing else loads.
 */
(function () {
  'use strict';
  var OFFER = /*__RAQMI_OFFER__*/0;
  // Not in an embedded chart (a partner's page is no place to offer the whole corpus).
  if (!OFFER || !('serviceWorker' in navigator) || new URLSearchParams(window.location.search).get('embed') === '1') return;
  // Once a worker is active (never, where service workers are blocked: nothing is fetched then).
  function load() {
    navigator.serviceWorker.ready.then(function () { return import('./offline.js'); }).then(function (m) { m.start(OFFER); });
  }
  if (document.readyState === 'complete') load();
  else window.addEventListener('load', load, { once: true });
})();
