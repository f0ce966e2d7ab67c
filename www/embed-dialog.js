/*
 * Raqmi: the "Intégrer" dialog (issue 15), a module imported by www/embed-frame.js on the first
 * click on the app's `.embed-button` (not part of the first load; the service worker precaches
 * it for offline use).
 *
 * Owns the dialog's DOM and behaviour only: the three formats to choose from (radios), the
 * code of the chosen one (a read-only textarea, selected when focused), its copy to the
 * clipboard with a status line, and its preview (the framed view for the two iframe formats,
 * the placeholder image for AMP). What it shows comes from the app, written onto the button by
 * its click handler (src/components/embed.rs): the snippets, computed by the pure side
 * (crates/explorer/src/embed_snippet.rs), the preview's URL, image and alternative text, and
 * the strings in the page's language. Built with textContent and attributes only (strict CSP,
 * no markup parsed). Its styles are www/embed-dialog.css, linked on the first opening (shown
 * once they apply). The dialog is built again at each opening (the view may have changed);
 * the chosen format is kept.
 */
const VARIANTS = ['script', 'iframe', 'amp'];
let variant = 'script';
let styled = null;

/** Resolves once the dialog's stylesheet is there (loaded or failed: shown either way). */
function styles() {
  if (!styled) {
    styled = new Promise((done) => {
      const link = el('link', { rel: 'stylesheet', href: 'embed-dialog.css' });
      link.addEventListener('load', done);
      link.addEventListener('error', done);
      document.head.append(link);
    });
  }
  return styled;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== false) e.setAttribute(k, v === true ? '' : v);
  e.append(...children);
  return e;
}

/** Opens the dialog for what `button` (the app's `.embed-button`) carries. */
export async function open(button) {
  const data = button.dataset;
  if (!data.text) return;
  await styles();
  const [title, help, legend, script, iframe, amp, codeLabel, copyText, closeText, copied, refused, previewTitle, frameTitle] = data.text.split('\n');
  const labels = { script, iframe, amp };
  document.getElementById('embed-dialog')?.remove();
  const code = el('textarea', { id: 'embed-code', readonly: true, rows: '7' });
  code.addEventListener('focus', () => code.select());
  const status = el('span', { class: 'embed-copied', role: 'status' });
  const preview = el('section', { class: 'embed-preview', 'aria-labelledby': 'embed-preview-title' },
    el('h3', { id: 'embed-preview-title' }, previewTitle));
  let shown = null;
  function show(v) {
    variant = v;
    code.value = data[v];
    code.dataset.variant = v;
    status.textContent = '';
    // The framed view loads a second app: kept while switching between the iframe formats.
    const wanted = v === 'amp' ? 'img' : 'iframe';
    if (shown?.localName === wanted) return;
    shown?.remove();
    shown = wanted === 'img'
      ? el('img', { class: 'embed-preview-image', src: data.image, alt: data.alt })
      : el('iframe', { class: 'embed-preview-frame', src: data.query, title: frameTitle });
    preview.append(shown);
  }
  const copy = el('button', { type: 'button', class: 'embed-copy' }, copyText);
  // execCommand: one synchronous call inside the click, which the browser allows.
  copy.addEventListener('click', () => {
    code.focus();
    status.textContent = document.execCommand('copy') ? copied : refused;
  });
  const close = el('button', { type: 'button' }, closeText);
  const dialog = el('dialog', { id: 'embed-dialog', class: 'embed-dialog', 'aria-labelledby': 'embed-title' },
    el('h2', { id: 'embed-title' }, title),
    el('p', {}, help),
    el('fieldset', { class: 'embed-variants' }, el('legend', {}, legend), ...VARIANTS.map((v) => {
      const radio = el('input', { type: 'radio', name: 'embed-variant', value: v, checked: v === variant });
      radio.addEventListener('change', () => show(v));
      return el('label', {}, radio, labels[v]);
    })),
    el('label', { for: 'embed-code' }, codeLabel),
    code,
    el('div', { class: 'dialog-actions' }, copy, close, status),
    preview);
  close.addEventListener('click', () => dialog.close());
  show(variant);
  document.body.append(dialog);
  dialog.showModal();
}
