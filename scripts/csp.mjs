// The app's Content-Security-Policy and the response headers we recommend to hosts: one place,
// read by the post_build hook (the <meta> it writes into index.html), by scripts/serve.mjs
// (`--csp`, and the e2e tests) and quoted in README.md ("Security policy").
//
// No 'unsafe-inline' and no 'unsafe-eval': every script and style is a same-origin file (the
// post_build hook moves trunk's inline loader out into a content-hashed file). 'wasm-unsafe-eval'
// only allows compiling WebAssembly.

/** The policy shipped in dist/index.html as <meta http-equiv="Content-Security-Policy">. */
export const CSP = [
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
].join('; ');

/**
 * The headers a host should send with every response of the app. `frameAncestors` lists who may
 * embed the app (a meta policy cannot say it): "'self'" alone forbids partners, add their origins.
 */
export function securityHeaders({ frameAncestors = ["'self'"] } = {}) {
  return {
    'content-security-policy': `${CSP}; frame-ancestors ${frameAncestors.join(' ')}`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}
