// A small static file server for dist/, used by `make run` and by the end-to-end tests.
// It binds to 127.0.0.1 only, serves the right MIME types (application/wasm matters), refuses
// paths that leave the served folder, and makes every response revalidate (no-cache with an
// ETag): a rebuilt app is seen at once, and an unchanged file is answered 304 without its body,
// so the service worker's precache on the first visit does not download the build a second time.
// With --csp it also sends the security headers a real host should send (scripts/csp.mjs:
// Content-Security-Policy, the policy of DIR's index.html with frame-ancestors, X-Content-Type-Options, …); --frame-ancestors
// lists the origins allowed to embed the app (default 'self').
//
//   node scripts/serve.mjs DIR [PORT] [--csp] [--frame-ancestors "'self' https://partner.example"]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
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

/**
 * Serves `dir` on 127.0.0.1:`port` (0 picks a free port). Resolves to { url, port, close, sent }.
 * `mounts` maps URL prefixes ('/bench/') to other folders (the browser benchmark's page and
 * tools, which are never part of dist/). `sent` lists every answered request as
 * { path, status, bytes } (bytes of body sent), for tests that count what was transferred.
 */
export async function startServer({ dir, port = 0, host = '127.0.0.1', headers = {}, mounts = {} }) {
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
      const body = await readFile(path);
      // Size and modification time: a rebuilt file gets a new tag.
      const etag = `"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
      const common = {
        'cache-control': 'no-cache',
        etag,
        'x-content-type-options': 'nosniff',
        ...headers,
      };
      const tags = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
      if (tags.includes(etag)) {
        res.writeHead(304, common).end();
        sent.push({ path: full, status: 304, bytes: 0 });
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...common });
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
  console.log(`Raqmi is served at ${url}${csp ? ' with the security headers' : ''} (Ctrl+C to stop)`);
}
