/*
 * Raqmi: the page side of "Add an article" (issue 16), loaded with the page (classic script,
 * `defer`). It only imports www/own-dialog.js (the dialog, the extraction worker and the
 * device's storage, none of which the first load carries) when it is needed:
 * - on a click of the header's `.own-button` (then opens the dialog) or of a reader's
 *   `.own-remove` (removes that article);
 * - at start, when `localStorage["raqmi-own"]` says own articles are stored: it lists them, so
 *   that the app shows them (meanwhile `data-own-pending` on <html>). A reader who never added
 *   one never loads the module nor the worker.
 */
(function () {
  'use strict';
  var loading = null;
  function load() {
    if (!loading) loading = import('./own-dialog.js');
    return loading;
  }
  document.addEventListener('click', function (e) {
    var b = e.target && e.target.closest && e.target.closest('.own-button, .own-remove');
    if (!b) return;
    var remove = b.classList.contains('own-remove');
    load().then(function (m) { return remove ? m.remove(b.dataset.id) : m.open(); });
  });
  var stored = false;
  try { stored = !!localStorage.getItem('raqmi-own'); } catch (err) { stored = false; }
  // Until they are listed, the app shows no "this article lives on another device" for an own
  // article's link (data-own-pending, removed by the listing).
  if (stored) {
    document.documentElement.dataset.ownPending = '1';
    load().then(function (m) { return m.list(); });
  }
})();
