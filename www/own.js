/*
 * Raqmi: the page side of "Add an article" (issue 16): a classic script inline in the page's
 * <head> (its few lines cost the first load less than a file with its tag and precache entry;
 * allowed by its hash, scripts/post-build.mjs), so it runs before the body is parsed and
 * touches nothing but `document` and <html>. It only imports www/own-dialog.js (the dialog,
 * the extraction worker, the device's storage and the texts of the own articles' marks, none
 * of which the first load carries) when it is needed:
 * - on a click of the header's `.own-button` (then opens the dialog) or of a reader's
 *   `.own-remove` (removes that article: the only one of the two with a `data-id`);
 * - at start, when `localStorage["raqmi-own"]` says own articles are stored: it lists them, so
 *   that the app shows them (meanwhile `data-own-pending` on <html>: the app shows no "this
 *   article lives on another device" for an own article's link), and writes their marks;
 * - at start, when the URL names an own article (`doc=own-…`): if none of this device's has
 *   that id, the app says that the article lives on another device, a text the module writes.
 * A reader who never added one, nor opened an own article's link, never loads the module nor
 * the worker. Every byte here is first load (the issue's budget for own articles is 2 KB gzip,
 * `make bench-size`): the rest belongs in own-dialog.js.
 */
(() => {
  let dialog = null;
  const load = () => dialog || (dialog = import('./own-dialog.js'));
  document.addEventListener('click', (e) => {
    const b = e.target.closest && e.target.closest('.own-button,.own-remove');
    const id = b && b.dataset.id;
    if (b) load().then((m) => (id ? m.remove(id) : m.open()));
  });
  try {
    if (localStorage.getItem('raqmi-own')) {
      document.documentElement.dataset.ownPending = '1';
      load().then((m) => m.list());
    }
  } catch (err) { /* storage refused: nothing stored to list */ }
  if (/[?&]doc=own-/.test(location.search)) load();
})();
