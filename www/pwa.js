/*
 * Raqmi: the page side of the offline app (classic script, loaded with `defer`).
 *
 * Owns:
 * - `document.documentElement.dataset.online` = "1" | "0", set on load and on online/offline
 *   events; the Rust app shows a localized indicator from it.
 * - Registering the service worker (sw.js, written by scripts/post-build.mjs next to this file),
 *   once the page has loaded: its start-up and its precache of the whole build would otherwise
 *   compete with the first paint and the app's own downloads for the CPU and the connections.
 * - Announcing a waiting new version, when a controller exists: sets
 *   `document.documentElement.dataset.update = "available"` and dispatches
 *   `window` event "raqmi:update-available". If no element `[data-raqmi-update-banner]` appears
 *   within 1 s (the Rust banner), it renders a minimal fallback banner (DOM APIs, CSS class
 *   `update-banner-fallback` in styles.css).
 * - Applying it: a click on any `[data-action="apply-update"]` posts {type: "SKIP_WAITING"} to
 *   the waiting worker; on `controllerchange` the page reloads once, so a page never runs on a
 *   mix of two versions' files.
 * - Handing over what the first visit fetched: the corpus's data files the page requested
 *   before a service worker controlled it never went through one; when the first worker takes
 *   control, their URLs are posted to it as {type: "KEEP", files: [...]} (www/sw.template.js
 *   keeps the intact ones from the HTTP cache). Above the offline limit that is the only way
 *   they are kept; under it they are precached already and the worker skips them.
 * It registers no `message` listener: the page ignores every message it receives, but for
 * www/offline.js's (the worker's download progress), which only a build above the offline
 * limit loads (scripts/post-build.mjs appends www/pwa-offline.js, its starter, to this file).
 */
(function () {
  'use strict';
  var root = document.documentElement;

  function setOnline() { root.dataset.online = navigator.onLine ? '1' : '0'; }
  setOnline();
  window.addEventListener('online', setOnline);
  window.addEventListener('offline', setOnline);

  if (!('serviceWorker' in navigator)) return;
  var sw = navigator.serviceWorker;
  // sw.js sits next to this (hashed) file, at the root of wherever the app is deployed.
  var scriptUrl = new URL('sw.js', document.currentScript.src).href;
  var hadController = Boolean(sw.controller);
  var reloading = false;

  // The data files requested while no worker controlled the page (resource timing; buffered:
  // those requested before this script ran too). A request started after the take-over went
  // through the worker, which keeps it itself.
  var DATA_FILE = /\/data\/[a-z]+-[0-9a-f]{16}\.bin$/;
  var uncontrolled = [];
  var controlledSince = hadController ? 0 : Infinity;
  function handOver(urls) {
    if (urls.length && sw.controller) sw.controller.postMessage({ type: 'KEEP', files: urls });
  }
  if (!hadController && typeof PerformanceObserver === 'function') {
    try {
      new PerformanceObserver(function (list) {
        var late = [];
        list.getEntries().forEach(function (entry) {
          if (entry.startTime >= controlledSince || !DATA_FILE.test(new URL(entry.name).pathname)) return;
          if (controlledSince === Infinity) uncontrolled.push(entry.name); else late.push(entry.name);
        });
        handOver(late);
      }).observe({ type: 'resource', buffered: true });
    } catch (error) { /* no resource timing: the worker keeps only what it fetches */ }
  }

  function announce() {
    if (root.dataset.update === 'available') return;
    root.dataset.update = 'available';
    window.dispatchEvent(new Event('raqmi:update-available'));
    setTimeout(function () {
      if (!document.querySelector('[data-raqmi-update-banner]')) renderFallbackBanner();
    }, 1000);
  }

  function renderFallbackBanner() {
    var banner = document.createElement('div');
    banner.setAttribute('role', 'status');
    banner.className = 'update-banner-fallback';
    banner.dataset.raqmiUpdateBanner = 'fallback';
    var text = document.createElement('span');
    text.textContent = 'Nouvelle version disponible';
    var button = document.createElement('button');
    button.type = 'button';
    button.dataset.action = 'apply-update';
    button.textContent = 'Recharger';
    banner.append(text, ' ', button);
    document.body.prepend(banner);
  }

  function watch(registration) {
    // None when the browser blocks service workers (a policy, an automated browser).
    if (!registration) return;
    // A worker installed earlier may already be waiting (a previous visit saw it, or another tab).
    if (registration.waiting && sw.controller) announce();
    registration.addEventListener('updatefound', function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        // Without a controller this is the first install: it activates by itself, nothing to say.
        if (worker.state === 'installed' && sw.controller) announce();
      });
    });
    // Look for a new version when the user comes back to the tab.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') registration.update().catch(function () {});
    });
  }

  sw.addEventListener('controllerchange', function () {
    // The first install claiming the page changes nothing that is running; a new version
    // taking over (here or from another tab) must not run on this page's old files.
    if (!hadController) {
      hadController = true;
      controlledSince = performance.now();
      handOver(uncontrolled);
      uncontrolled = [];
      return;
    }
    if (reloading) return;
    reloading = true;
    window.location.reload();
  });

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-action="apply-update"]') : null;
    if (!target) return;
    event.preventDefault();
    sw.getRegistration(scriptUrl).then(function (registration) {
      if (registration && registration.waiting) {
        registration.waiting.postMessage({ type: 'SKIP_WAITING' });
      } else if (!reloading) {
        // Already activated elsewhere (or gone): a plain reload gets the current version.
        reloading = true;
        window.location.reload();
      }
    });
  });

  function register() {
    sw.register(scriptUrl).then(watch, function (error) {
      // Not fatal: the app works online without it. Said once, as a warning, for developers.
      console.warn('Raqmi: service worker not registered:', error);
    });
  }
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
})();
