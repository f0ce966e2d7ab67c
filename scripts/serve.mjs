// A small static file server for dist/, used by `make run` and by the end-to-end tests, that
// behaves like a good static host (README, "Serving"). It binds to 127.0.0.1 only, serves the
// right MIME types (application/wasm matters), refuses paths that leave the served folder, and:
// - compresses text and wasm with Brotli or gzip, as the request accepts (`Vary:
//   Accept-Encoding`; each encoding its own ETag), each file compressed once and kept;
// - lets browsers keep content-hashed files (`raqmi-<hash>.js`, `…_bg.wasm`, `loader-<hash>.js`)
//   for a year (`Cache-Control: public, max-age=31536000, immutable`): a new build names new
//   files; everything else (index.html, sw.js, embed.js, the manifest, icons) revalidates
//   (`no-cache` with an ETag), so a rebuilt app is seen at once and an unchanged file is
//   answered 304 without its body (the service worker's precache, which revalidates, then does
//   not download the build a second time).
// With --csp it also sends the security headers a real host should send (scripts/csp.mjs:
// Content-Security-Policy, the policy of DIR's index.html with frame-ancestors, X-Content-Type-Options, …); --frame-ancestors
// lists the origins allowed to embed the app (default 'self').
//
//   node scripts/serve.mjs DIR [PORT] [--csp] [--frame-ancestors "'self' https://partner.example"]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { securityHeaders } from './csp.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types worth compressing: text, and wasm (about 2.7 times smaller with Brotli). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:wasm|json|manifest\+json)|image\/svg\+xml)/;
/** A content-hashed name, as trunk and scripts/post-build.mjs write them: `name-<hex>.ext`. */
export const HASHED = /-[0-9a-f]{12,}(?:_bg)?\.[a-z]+$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The encoding to answer with for an Accept-Encoding header: 'br', 'gzip' or null. */
export function pickEncoding(accept = '') {
  const offered = new Map(accept.toLowerCase().split(',').map((part) => {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return [name.trim(), q ? Number(q.slice(2)) : 1];
  }));
  const ok = (e) => (offered.get(e) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

const compressors = {
  br: (body, quality) => promisify(brotliCompress)(body, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
  }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
};
/** Compressed bodies, by encoding, path and ETag (a rebuilt file gets a new tag). */
const compressed = new Map();

function compress(encoding, path, etag, body, quality) {
  const key = `${encoding} ${quality} ${path} ${etag}`;
  if (!compressed.has(key)) compressed.set(key, compressors[encoding](body, quality));
  return compressed.get(key);
}

/**
 * Serves `dir` on 127.0.0.1:`port` (0 picks a free port). Resolves to { url, port, close, sent }.
 * `mounts` maps URL prefixes ('/bench/') to other folders (the browser benchmark's page and
 * tools, which are never part of dist/). `sent` lists every answered request as
 * { path, status, bytes } (bytes of body sent), for tests that count what was transferred.
 * `brotliQuality` trades the first request's wait for size (11, the best, takes ~2 s for the
 * wasm; compressed bodies are kept for the process's life).
 */
export async function startServer({ dir, port = 0, host = '127.0.0.1', headers = {}, mounts = {}, brotliQuality = 11 }) {
  const roots = Object.entries(mounts).map(([prefix, d]) => [prefix, resolve(d)]);
  const sent = [];
  const server = createServer(async (req, res) => {
    try {
      const { pathname: full } = new URL(req.url, 'http://localhost');
      const [prefix, root] = roots.find(([p]) => full.startsWith(p)) ?? ['/', resolve(dir)];
      const pathname = full.slice(prefix.length - 1);
      let path = normalize(join(root, decodeURIComponent(pathname)));
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path);
      }
      let body = await readFile(path);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      // Size and modification time: a rebuilt file gets a new tag; each encoding has its own.
      const tag = `${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}`;
      const compressible = COMPRESSIBLE.test(type) && body.length > 256;
      const encoding = compressible ? pickEncoding(req.headers['accept-encoding']) : null;
      const etag = `"${tag}${encoding ? `-${encoding}` : ''}"`;
      const common = {
        'cache-control': HASHED.test(path) ? IMMUTABLE : 'no-cache',
        etag,
        'x-content-type-options': 'nosniff',
        ...(compressible ? { vary: 'Accept-Encoding' } : {}),
        ...headers,
      };
      const tags = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
      if (tags.includes(etag)) {
        res.writeHead(304, common).end();
        sent.push({ path: full, status: 304, bytes: 0 });
        return;
      }
      if (encoding) {
        body = await compress(encoding, path, etag, body, brotliQuality);
        common['content-encoding'] = encoding;
      }
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, ...common });
      res.end(req.method === 'HEAD' ? undefined : body);
      sent.push({ path: full, status: 200, bytes: req.method === 'HEAD' ? 0 : body.length });
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, host, ok); });
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    sent,
    close: () => new Promise((ok) => { for (const s of sockets) s.destroy(); server.close(() => ok()); }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : args.splice(i, 2)[1] ?? ''; };
  const ancestors = flag('--frame-ancestors');
  const csp = args.includes('--csp') || ancestors !== undefined;
  const [dir = 'dist', port = '8080'] = args.filter((a) => a !== '--csp');
  // The policy is the build's own (its page's <meta>, with the hashes of its inline blocks).
  const headers = csp ? securityHeaders({ dir, ...(ancestors ? { frameAncestors: ancestors.split(/\s+/) } : {}) }) : {};
  const { url } = await startServer({ dir, port: Number(port), headers });
  // Compress the build once now, not on the first visit (Brotli 11 takes seconds for the wasm).
  await warm(url, dir);
  console.log(`Raqmi is served at ${url}${csp ? ' with the security headers' : ''} (Ctrl+C to stop)`);
}

/** Asks the server for every file of `dir` once in each encoding, filling its compressed cache. */
async function warm(url, dir) {
  const { readdirSync, statSync } = await import('node:fs');
  const files = [];
  (function walk(d, prefix) {
    for (const name of readdirSync(d)) {
      if (statSync(join(d, name)).isDirectory()) walk(join(d, name), `${prefix}${name}/`);
      else files.push(`${prefix}${encodeURIComponent(name)}`);
    }
  })(dir, '');
  for (const encoding of ['br', 'gzip']) {
    await Promise.all(files.map((f) => fetch(new URL(f, url), { headers: { 'accept-encoding': encoding } }).then((r) => r.arrayBuffer())));
  }
}
