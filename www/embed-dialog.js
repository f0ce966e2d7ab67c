/*
 * Raqmi: the "Intégrer" dialog (issue 15), a module imported by www/embed-frame.js on the first
 * click on the app's `.embed-button` (not part of the first load; the service worker precaches
 * it for offline use).
 *
 * Owns the dialog's DOM and behaviour only: the three formats to choose from (radios), the
 * code of the chosen one (a read-only textarea, selected when focused), its copy to the
 * clipboard with a status line, and its preview (the framed view for the two iframe formats,
 * the placeholder image for AMP). It writes the snippets (`snippet`, below) from what the app
 * wrote onto the button in its click handler (src/components/embed.rs): the framed query (the
 * view with `embed=1`), the view's static chart image if it has one (crates/explorer
 * fallback.rs: its chart, and the alternative text and size the build drew it with), and the
 * strings in the page's language. Built with textContent and attributes only (strict CSP,
 * no markup parsed). Its styles are www/embed-dialog.css, linked on the first opening (shown
 * once they apply). The dialog is built again at each opening (the view may have changed);
 * the chosen format is kept.
 */
const VARIANTS = ['script', 'iframe', 'amp'];
/** AMP's script for `<amp-iframe>`: the partner's AMP page loads it; our app never does. */
export const AMP_IFRAME_SCRIPT = 'https://cdn.ampproject.org/v0/amp-iframe-0.1.js';

/** An attribute value or text, escaped (as raqmi_model::markup's: quotes too). */
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * The snippet of `variant` ('script', 'iframe' or 'amp') embedding `f.query` (a query string
 * with `embed=1`) of the app at `f.base` (its URL without query, e.g.
 * `https://example.org/raqmi/index.html`), the frame named `f.title`, with the static image
 * `fallback/<f.chart>.svg|png` (`f.alt`, `f.width` × `f.height`) when `f.chart` is set, and
 * `f.overflow` the AMP overflow button's text:
 * - script: our resizing script's tag (`embed.js`, shipped in `dist/`), then an `<iframe
 *   data-raqmi>`: the script comes first and without `defer`, since the framed page reports
 *   its height when it first renders, and a listener not there yet would miss it;
 * - iframe: the `<iframe>` alone, at a fixed height (pages that take no script);
 * - amp: an `<amp-iframe resizable>`, with AMP's script tag, the required `overflow` element
 *   and a placeholder `<amp-img>` of the view's PNG (else the app's icon); its URLs `https`
 *   (AMP loads no other), its `src` ending with `#amp`, which makes the framed page post AMP's
 *   `embed-size` message instead of ours (www/embed-frame.js).
 * The first two end with a `<noscript>`: the static SVG with its alternative text, or a link to
 * the view. No `style` attribute: the snippet also works under a strict Content-Security-Policy.
 */
export function snippet(variant, f) {
  const dir = f.base.slice(0, f.base.lastIndexOf('/') + 1) || f.base;
  const src = f.base + f.query;
  const title = esc(f.title);
  const amp = variant === 'amp';
  const https = (url) => (amp ? url.replace(/^http:\/\//, 'https://') : url);
  let out = variant === 'script' ? `<script src="${esc(dir)}embed.js"></script>\n<iframe`
    : amp ? `<script async custom-element="amp-iframe" src="${AMP_IFRAME_SCRIPT}"></script>\n<amp-iframe`
      : '<iframe';
  out += ` src="${esc(https(src))}${amp ? '#amp' : ''}" title="${title}"`;
  if (!amp) {
    if (variant === 'script') out += ' data-raqmi';
    out += ' width="100%" height="600" frameborder="0"></iframe>\n';
    return out + (f.chart
      ? `<noscript><img src="${esc(`${dir}fallback/${f.chart}.svg`)}" alt="${esc(f.alt)}" width="${f.width}" height="${f.height}"></noscript>`
      : `<noscript><a href="${esc(src.replaceAll('&embed=1', '').replaceAll('?embed=1', '?'))}">${title}</a></noscript>`);
  }
  const [image, alt, width, height] = f.chart
    ? [`fallback/${f.chart}.png`, f.alt, f.width, f.height] : ['icons/icon-512.png', f.title, 600, 600];
  const overflow = esc(f.overflow);
  return `${out} width="${width}" height="${height}" layout="responsive" resizable `
    + `sandbox="allow-scripts allow-same-origin" frameborder="0">\n  <div overflow tabindex="0" role="button" `
    + `aria-label="${overflow}">${overflow}</div>\n  <amp-img placeholder layout="fill" `
    + `src="${esc(https(dir + image))}" alt="${esc(alt)}"></amp-img>\n</amp-iframe>`;
}
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
  const [title, help, legend, script, iframe, amp, codeLabel, copyText, closeText, copied, refused, previewTitle, frameTitle, overflow] = data.text.split('\n');
  const labels = { script, iframe, amp };
  const framed = {
    base: location.origin + location.pathname, query: data.query, title: frameTitle, overflow,
    chart: data.chart, alt: data.alt, width: data.width, height: data.height,
  };
  document.getElementById('embed-dialog')?.remove();
  const code = el('textarea', { id: 'embed-code', readonly: true, rows: '7' });
  code.addEventListener('focus', () => code.select());
  const status = el('span', { class: 'embed-copied', role: 'status' });
  const preview = el('section', { class: 'embed-preview', 'aria-labelledby': 'embed-preview-title' },
    el('h3', { id: 'embed-preview-title' }, previewTitle));
  let shown = null;
  function show(v) {
    variant = v;
    code.value = snippet(v, framed);
    code.dataset.variant = v;
    status.textContent = '';
    // The framed view loads a second app: kept while switching between the iframe formats.
    const wanted = v === 'amp' ? 'img' : 'iframe';
    if (shown?.localName === wanted) return;
    shown?.remove();
    shown = wanted === 'img'
      ? el('img', { class: 'embed-preview-image', src: `./${data.chart ? `fallback/${data.chart}.png` : 'icons/icon-512.png'}`, alt: data.chart ? data.alt : frameTitle })
      : el('iframe', { class: 'embed-preview-frame', src: `./${data.query}`, title: frameTitle });
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
