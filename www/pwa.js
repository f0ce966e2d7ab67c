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
 * It registers no `message` listener: the page ignores every message it receives.
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
    if (!hadController) { hadController = true; return; }
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
