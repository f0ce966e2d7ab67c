// The app's Content-Security-Policy and the response headers we recommend to hosts: one place,
// read by the post_build hook (the <meta> it writes into index.html), by scripts/serve.mjs
// (`--csp`, and the e2e tests) and quoted in README.md ("Security policy").
//
// No 'unsafe-inline' and no 'unsafe-eval'. Three blocks are inline on purpose: the stylesheet
// (<style>) and www/boot.js (<script>), so that the first paint waits for no request (README,
// "First results before the wasm"), and www/own.js (<script>, the page side of own articles:
// a few lines that cost the first load less inline than as a file with its tag and precache
// entry). Each is allowed by its own SHA-256 hash, computed by the
// post_build hook from the built page, and by nothing else: any other inline script, style,
// style= attribute or handler is refused. Every other script is a same-origin file (the hook
// moves trunk's inline wasm loader out into a content-hashed file). 'wasm-unsafe-eval' only
// allows compiling WebAssembly.
//
// The hashes change with the styles or boot.js, so a build's policy is read from its page:
// `securityHeaders({ dir })`, or `node scripts/csp.mjs dist [--frame-ancestors "'self' …"]`,
// which prints the headers a host should send for that build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';

/** The policy without its inline hashes (every build adds its own: `policy`). */
export const BASE_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** A CSP source expression for an inline block's exact text: 'sha256-<base64>'. */
export const hashSource = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The policy of a page whose inline classic scripts and <style> elements have these texts:
 * the base directives, with one hash source per block added to script-src and style-src.
 */
export function policy({ scripts = [], styles = [] } = {}) {
  const add = (directive, texts) => [directive, ...[...new Set(texts.map(hashSource))]].join(' ');
  return BASE_DIRECTIVES.map((d) => {
    if (d.startsWith('script-src ')) return add(d, scripts);
    if (d.startsWith('style-src ')) return add(d, styles);
    return d;
  }).join('; ');
}

/** The texts of a page's inline classic scripts and <style> elements, in document order. */
export function inlineBlocks(html) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\ssrc\s*=/i.test(attrs)).map(([, , body]) => body);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, body]) => body);
  return { scripts, styles };
}

/** The policy written in a built page's <meta http-equiv="Content-Security-Policy">. */
export function pagePolicy(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
  if (!meta) throw new Error(`${join(dir, 'index.html')} has no Content-Security-Policy <meta> (a release build writes one)`);
  return meta[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/**
 * The headers a host should send with every response of the build in `dir` (its page's policy,
 * which carries that build's inline hashes). `frameAncestors` lists who may embed the app (a
 * meta policy cannot say it): "'self'" alone forbids partners, add their origins.
 */
export function securityHeaders({ dir, frameAncestors = ["'self'"] } = {}) {
  if (!dir) throw new Error('securityHeaders({ dir }): the policy is the built page\'s own (it carries the hashes of its inline blocks)');
  return {
    'content-security-policy': `${pagePolicy(dir)}; frame-ancestors ${frameAncestors.join(' ')}`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--frame-ancestors');
  const frameAncestors = i >= 0 ? args.splice(i, 2)[1].split(/\s+/) : undefined;
  const headers = securityHeaders({ dir: args[0] ?? 'dist', frameAncestors });
  for (const [name, value] of Object.entries(headers)) console.log(`${name}: ${value}`);
}
