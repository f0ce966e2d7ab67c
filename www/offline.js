/*
 * Raqmi: "Disponible hors ligne (N Mo)", a module imported only when the corpus is above the
 * offline limit (by the starter scripts/post-build.mjs appends to pwa.js then: www/pwa-offline.js).
 * Under the limit the service worker precaches the whole corpus and nothing loads this.
 *
 * Owns:
 * - The offer, fixed in a corner of the page (styles: www/offline.css, linked here): a button
 *   "Disponible hors ligne (N Mo)", N the data files' gzip total (what a host that compresses
 *   sends; the build measures it), in MB of 10^6 bytes, one decimal.
 * - Asking the service worker that controls the page (www/sw-offline.js) for the files it lacks
 *   ({type: "OFFLINE_GET"}), and showing its progress: a <progress> labelled "Téléchargement
 *   pour une utilisation hors ligne", with the count of files; then "Disponible hors ligne", or
 *   what failed (files unreachable or damaged, or the device's storage full) with "Réessayer",
 *   which asks again for the files still missing.
 * - On start, {type: "OFFLINE_STATUS"}: a corpus already kept whole shows its final state, not
 *   the offer. Nothing is shown until a worker controls the page (the first visit: once it has
 *   installed and claimed it), since that worker's cache is the one the page reads from.
 * Strings in the page's language (<html lang>: fr, en, ar; followed when the reader switches),
 * DOM by textContent only (strict CSP).
 */
const STRINGS = {
  fr: {
    region: 'Utilisation hors ligne',
    offer: 'Disponible hors ligne ({size} Mo)',
    progress: 'Téléchargement pour une utilisation hors ligne',
    count: '{done} / {total} fichiers',
    done: 'Disponible hors ligne',
    files: '{failed} fichier(s) n’ont pas pu être téléchargés (hors ligne ?).',
    quota: 'Pas assez d’espace sur cet appareil pour garder tout le corpus hors ligne.',
    retry: 'Réessayer',
  },
  en: {
    region: 'Offline use',
    offer: 'Available offline ({size} MB)',
    progress: 'Downloading for offline use',
    count: '{done} / {total} files',
    done: 'Available offline',
    files: '{failed} file(s) could not be downloaded (offline?).',
    quota: 'Not enough space on this device to keep the whole corpus offline.',
    retry: 'Try again',
  },
  ar: {
    region: 'الاستخدام دون اتصال',
    offer: 'متاح دون اتصال ({size} ميغابايت)',
    progress: 'جارٍ التنزيل للاستخدام دون اتصال',
    count: '{done} / {total} ملفات',
    done: 'متاح دون اتصال',
    files: 'تعذّر تنزيل {failed} من الملفات (غير متصل؟).',
    quota: 'لا توجد مساحة كافية على هذا الجهاز للاحتفاظ بالمدوّنة كاملة دون اتصال.',
    retry: 'أعد المحاولة',
  },
};

const lang = () => {
  const l = (document.documentElement.lang || 'fr').slice(0, 2);
  return l in STRINGS ? l : 'fr';
};
const t = (key, args = {}) => STRINGS[lang()][key].replace(/\{(\w+)\}/g, (all, name) => (name in args ? String(args[name]) : all));

let bytes = 0;
let box = null;
let live = null;
let controls = null;
/** The worker's last word: {state, done, total, failed, reason}; null until it replied. */
let status = null;

export function start(offer) {
  const sw = navigator.serviceWorker;
  if (box || !sw) return;
  bytes = offer;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'offline.css' }));
  box = document.createElement('aside');
  box.className = 'offline-offer';
  box.hidden = true;
  box.tabIndex = -1;
  live = el('p', { hidden: true });
  live.setAttribute('role', 'status');
  controls = el('span', { className: 'offline-controls' });
  box.append(live, controls);
  document.body.append(box);
  sw.addEventListener('message', (event) => {
    const data = event.data;
    if (data && data.raqmi === 'offline' && typeof data.state === 'string') {
      status = data;
      render();
    }
  });
  sw.startMessages();
  const ask = () => { if (sw.controller) sw.controller.postMessage({ type: 'OFFLINE_STATUS' }); };
  if (sw.controller) ask(); else sw.addEventListener('controllerchange', ask, { once: true });
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

function get() {
  const controller = navigator.serviceWorker.controller;
  if (!controller) return;
  status = { state: 'progress', done: status ? status.done : 0, total: status ? status.total : 0 };
  render();
  controller.postMessage({ type: 'OFFLINE_GET' });
}

function el(tag, props) {
  return Object.assign(document.createElement(tag), props);
}

function button(label) {
  const b = el('button', { type: 'button', textContent: label });
  b.addEventListener('click', get);
  return b;
}

function render() {
  if (!box || !status) return;
  const { state, done, total } = status;
  box.setAttribute('aria-label', t('region'));
  box.dir = document.documentElement.dir || 'ltr';
  box.dataset.state = state;
  const parts = [];
  let said = '';
  if (state === 'idle') {
    // Rounded up, to a tenth: "up to N MB", never "0.0".
    const size = (Math.ceil(bytes / 1e5) / 10).toLocaleString(lang(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    parts.push(button(t('offer', { size })));
  } else if (state === 'progress') {
    const label = t('progress');
    const bar = el('progress', { max: Math.max(total, 1), value: done });
    bar.setAttribute('aria-label', label);
    parts.push(el('span', { textContent: label }), bar, el('span', { textContent: t('count', { done, total }) }));
  } else if (state === 'done') {
    said = `✓ ${t('done')}`;
  } else if (state === 'failed') {
    said = status.reason === 'quota' ? t('quota') : t('files', { failed: status.failed });
    parts.push(button(t('retry')));
  }
  // The final states go to a live region that stays in place, so that they are announced; the
  // progress itself is the bar's value.
  live.textContent = said;
  live.className = state === 'failed' ? 'offline-error' : '';
  live.hidden = !said;
  const focused = box.contains(document.activeElement);
  controls.replaceChildren(...parts);
  box.hidden = !said && parts.length === 0;
  if (focused) (controls.querySelector('button') || box).focus();
}
