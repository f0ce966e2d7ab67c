/*
 * Raqmi: the "Add an article" dialog (issue 16), a module imported by www/own.js on first use
 * (not part of the first load; the service worker precaches it for offline use).
 *
 * Owns:
 * - The extraction worker (crates/own-worker, `raqmi-own-worker_loader.js`), started on the
 *   first request: it analyses (the build's Rust code), stores in IndexedDB on this device,
 *   lists, removes, exports and imports. Its replies carry refusals already in the page's
 *   language; the dialog's own strings come from it too (`own.ui.*`, crates/own/i18n).
 * - The dialog (DOM built here with textContent only: nothing pasted is ever parsed as HTML):
 *   paste a text, check the detected headline, date and source, add it; or choose or drop
 *   files, analysed and stored one after the other with a count; export, import, remove all.
 * - Publishing the stored articles to the app: `window.raqmiOwn` (the corpus with them in it,
 *   as data files the worker writes: each file's name to its bytes) and the window event
 *   `raqmi:own` (src/own.rs); `localStorage["raqmi-own"]` while any is
 *   stored. Opening an article: the URL is pushed and a `popstate` event lets the app follow.
 * - The texts of the app's own-article marks (`writeTexts`), written as the app shows them;
 *   here, not in the worker's strings, so that they show without starting the worker.
 * Its styles are www/own-dialog.css, linked when the dialog is first built.
 * Performance marks for the benchmark (scripts/bench-own.mjs): `raqmi:own-analyse` (the click on
 * "Analyser"), `raqmi:own-save` (the click on "Ajouter") and `raqmi:own-added` (the article
 * stored and listed, the app asked to open it).
 */
const WORKER = 'raqmi-own-worker_loader.js';
const FLAG = 'raqmi-own';

let worker = null;
let ready = false;
let queue = [];
let next = 0;
const pending = new Map();

const lang = () => document.documentElement.lang || 'fr';

/** Sends a request to the worker (started if needed); resolves with its reply, or null. */
function ask(message) {
  return new Promise((resolve) => {
    if (!worker) start();
    next += 1;
    pending.set(next, resolve);
    const m = Object.assign({}, message, { request: next, lang: lang() });
    if (ready) worker.postMessage(m); else queue.push(m);
  });
}

function start() {
  worker = new Worker(WORKER);
  worker.onmessage = (e) => {
    const data = e.data;
    if (data.ready) {
      ready = true;
      for (const m of queue.splice(0)) worker.postMessage(m);
      return;
    }
    const resolve = pending.get(data.request);
    pending.delete(data.request);
    if (resolve) resolve(data);
  };
  // Unreachable files (offline before the first use): every pending request gets null, and
  // the next request starts the worker again.
  worker.onerror = () => {
    const waiting = [...pending.values()];
    pending.clear();
    worker = null;
    ready = false;
    queue = [];
    for (const resolve of waiting) resolve(null);
  };
}

let strings = {};
let stringsLang = '';
const t = (key, args) => (strings['own.ui.' + key] || key)
  .replace(/\{(\w+)\}/g, (all, name) => (args && name in args ? String(args[name]) : all));

async function loadStrings() {
  if (stringsLang === lang()) return;
  const r = await ask({ kind: 'strings' });
  if (r && r.ok) { strings = r.strings; stringsLang = lang(); }
}

/** Lists the stored articles and gives them to the app; resolves with how many there are. */
export async function list() {
  const r = await ask({ kind: 'list' });
  const done = () => {
    delete document.documentElement.dataset.ownPending;
    window.dispatchEvent(new Event('raqmi:own'));
  };
  if (!r || !r.ok) {
    done();
    return 0;
  }
  // The corpus with them in it, as data files the worker writes (the app reads them as its
  // own); none when no article is stored, or when the app's data files could not be read.
  const c = r.documents.length ? await ask({ kind: 'corpus', own: r.documents.map((d) => d.snapshot) }) : null;
  window.raqmiOwn = c && c.ok ? c.files : null;
  try {
    if (r.documents.length) localStorage.setItem(FLAG, '1'); else localStorage.removeItem(FLAG);
  } catch (err) { /* storage refused: the articles are listed on the dialog's next use */ }
  done();
  if (count) count.textContent = t('count', { n: r.documents.length });
  return r.documents.length;
}

/** Changes the URL's parameters (null removes one) and lets the app follow. */
function go(params) {
  const u = new URL(location.href);
  for (const [k, v] of Object.entries(params)) {
    if (v === null) u.searchParams.delete(k); else u.searchParams.set(k, v);
  }
  history.pushState(null, '', u);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const openDoc = (id) => go({ view: 'doc', doc: id, fig: null });

/** Removes one article (the reader's button), then shows the list. */
export async function remove(id) {
  const r = await ask({ kind: 'remove', id });
  await list();
  if (r && r.ok) go({ view: null, doc: null, fig: null });
}

/**
 * The texts of the app's own-article markup, which src/own.rs leaves empty (so that they are
 * not first load): the "yours" mark, the reader's "remove" button, and what an own article's
 * link opened where it was never added says (`.own-missing`).
 */
const TEXTS = {
  fr: {
    mark: 'ajouté par vous',
    remove: 'Retirer cet article',
    missing: 'Cet article a été ajouté par un lecteur sur son propre appareil : il n’existe que dans le navigateur qui l’a ajouté et n’a jamais été envoyé nulle part. Demandez-lui son fichier d’export pour l’importer ici.',
  },
  en: {
    mark: 'yours',
    remove: 'Remove this article',
    missing: 'This article was added by a reader on their own device: it lives only in the browser that added it and was never sent anywhere. Ask them for its export file to import it here.',
  },
  ar: {
    mark: 'أضفتَه أنت',
    remove: 'احذف هذا المقال',
    missing: 'أضاف قارئ هذا المقال على جهازه: لا يوجد إلا في المتصفح الذي أضافه ولم يُرسَل إلى أي مكان. اطلب منه ملف التصدير لاستيراده هنا.',
  },
};

/**
 * Writes those texts, in the page's language, into the app's markup: whenever the app adds
 * some (a MutationObserver's callback runs before the next frame, so no empty mark is painted)
 * or the language changes (yew keeps raw markup whose string is unchanged, text and all).
 */
function writeTexts() {
  const texts = TEXTS[lang()] || TEXTS.fr;
  for (const [name, text] of Object.entries(texts)) {
    for (const e of document.getElementsByClassName(`own-${name}`)) {
      if (e.textContent !== text) e.textContent = text;
    }
  }
}
new MutationObserver(writeTexts).observe(document.documentElement,
  { childList: true, subtree: true, attributes: true, attributeFilter: ['lang'] });
writeTexts();

let dialog = null;
let count = null;

/** Opens the dialog, built (again) in the page's language. */
export async function open() {
  if (!dialog || dialog.dataset.lang !== lang()) {
    await loadStrings();
    if (dialog) dialog.remove();
    else document.head.append(el('link', { rel: 'stylesheet', href: 'own-dialog.css' }));
    dialog = build();
    document.body.append(dialog);
    list();
  }
  if (!dialog.open) dialog.showModal();
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === true) e.setAttribute(k, ''); else if (v !== false && v !== null) e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

function build() {
  const d = el('dialog', { id: 'own-dialog', class: 'own-dialog', 'aria-labelledby': 'own-title' });
  d.dataset.lang = lang();
  const text = el('textarea', { id: 'own-text', rows: '6' });
  const files = el('input', { id: 'own-files', type: 'file', multiple: true, accept: '.txt,.html,.htm,.md' });
  const drop = el('label', { for: 'own-files', class: 'own-drop' }, t('files'));
  const analyse = el('button', { type: 'button', class: 'own-analyse' }, t('analyse'));
  const detected = el('p', { class: 'own-detected' });
  const field = (id, key) => {
    const input = el('input', { id: 'own-' + id });
    return [input, el('label', { for: 'own-' + id }, t(key)), input];
  };
  const [headline, ...headlineParts] = field('headline', 'headline');
  const [date, ...dateParts] = field('date', 'date');
  const [source, ...sourceParts] = field('source', 'source');
  const save = el('button', { type: 'button', class: 'own-save' }, t('add'));
  const preview = el('div', { class: 'own-preview', hidden: true },
    detected, ...headlineParts, ...dateParts, ...sourceParts, save);
  const progress = el('progress', { hidden: true });
  const status = el('div', { role: 'status', class: 'own-status' });
  const errors = el('div', { role: 'alert', class: 'own-errors' });
  count = el('p', { class: 'own-count' });
  const exportButton = el('button', { type: 'button', class: 'own-export' }, t('export'));
  const importInput = el('input', { id: 'own-import', type: 'file', accept: '.json,application/json' });
  const clear = el('button', { type: 'button', class: 'own-clear' }, t('clear'));
  const close = el('button', { type: 'button', class: 'own-close' }, t('close'));
  d.append(
    el('h2', { id: 'own-title' }, t('title')),
    el('p', { class: 'own-privacy' }, t('privacy')),
    el('label', { for: 'own-text' }, t('text')), text,
    drop, files, analyse, preview, progress, status, errors, count,
    el('div', { class: 'dialog-actions' },
      exportButton, el('label', { for: 'own-import', class: 'own-import' }, t('import')),
      importInput, clear, close),
  );

  const say = (lines, error) => {
    status.replaceChildren(...(error ? [] : lines.map((l) => el('p', {}, l))));
    errors.replaceChildren(...(error ? lines.map((l) => el('p', {}, l)) : []));
  };
  const refusal = (r) => {
    if (!r) return t('unavailable');
    if (r.key === 'own.storage') return t('storage', { error: r.message });
    return r.message;
  };
  const busy = (done, total) => {
    progress.hidden = total === 0;
    progress.max = total;
    progress.value = done;
  };
  let found = null;

  analyse.addEventListener('click', async () => {
    performance.mark('raqmi:own-analyse');
    say([], false);
    preview.hidden = true;
    analyse.disabled = true;
    // A long paste: an indeterminate progress bar until the worker answers (the page never
    // waits on it: the analysis runs in the worker).
    progress.hidden = false;
    progress.removeAttribute('value');
    const r = await ask({ kind: 'text', text: text.value });
    progress.hidden = true;
    analyse.disabled = false;
    if (!r || !r.ok) { say([refusal(r)], true); return; }
    const doc = r.documents[0];
    const json = JSON.parse(doc.json);
    found = { headline: json.headline || '', date: json.date || '', source: json.source || '' };
    headline.value = found.headline;
    date.value = found.date;
    source.value = found.source;
    detected.textContent = t('detected', { figures: doc.figures, names: doc.entities });
    preview.hidden = false;
    save.focus();
  });

  save.addEventListener('click', async () => {
    performance.mark('raqmi:own-save');
    // A value left as detected is no correction (the date keeps its origin).
    const corrected = (input, was) => (input.value.trim() === was ? '' : input.value);
    const r = await ask({
      kind: 'text', text: text.value, store: true,
      headline: corrected(headline, found.headline),
      date: corrected(date, found.date),
      source: corrected(source, found.source),
    });
    if (!r || !r.ok) { say([refusal(r)], true); return; }
    await list();
    performance.mark('raqmi:own-added');
    text.value = '';
    preview.hidden = true;
    say([], false);
    d.close();
    openDoc(r.documents[0].id);
  });

  // Files, chosen or dropped: analysed and stored one after the other (each its own
  // transaction: a refused file stores nothing, the others are kept), with a count.
  const addFiles = async (chosen) => {
    const all = [...chosen];
    if (!all.length) return;
    const added = [];
    const refused = [];
    say([], false);
    for (let i = 0; i < all.length; i += 1) {
      busy(i, all.length);
      status.replaceChildren(el('p', {}, `${i} / ${all.length}`));
      const f = all[i];
      const r = await ask({ kind: 'file', name: f.name, file: f, store: true });
      if (r && r.ok) added.push(r.documents[0].id); else refused.push(`${f.name} : ${refusal(r)}`);
    }
    busy(0, 0);
    await list();
    status.replaceChildren(el('p', {}, `${all.length} / ${all.length}`), el('p', {}, t('added', { n: added.length })));
    errors.replaceChildren(...refused.map((l) => el('p', {}, l)));
    if (added.length === 1 && !refused.length) { d.close(); openDoc(added[0]); }
  };
  files.addEventListener('change', () => { const f = [...files.files]; files.value = ''; addFiles(f); });
  drop.addEventListener('dragover', (e) => e.preventDefault());
  drop.addEventListener('drop', (e) => { e.preventDefault(); addFiles(e.dataTransfer.files); });

  importInput.addEventListener('change', async () => {
    const file = importInput.files[0];
    importInput.value = '';
    if (!file) return;
    const r = await ask({ kind: 'import', file, store: true });
    if (!r || !r.ok) { say([refusal(r)], true); return; }
    await list();
    say([t('imported', { n: r.documents.length })], false);
  });

  exportButton.addEventListener('click', async () => {
    const r = await ask({ kind: 'export' });
    if (!r || !r.ok) { say([refusal(r)], true); return; }
    const url = URL.createObjectURL(new Blob([r.text], { type: 'application/json' }));
    const a = el('a', { href: url, download: 'raqmi-articles.json' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });

  clear.addEventListener('click', async () => {
    const r = await ask({ kind: 'clear' });
    await list();
    if (r && r.ok) say([t('cleared')], false); else say([refusal(r)], true);
  });

  close.addEventListener('click', () => d.close());
  return d;
}
