/*
 * Raqmi's service worker. TEMPLATE: scripts/post-build.mjs (trunk's post_build hook) writes it
 * to dist/sw.js with BUILD (a hash of every file of the build), PRECACHE (every file of the
 * build but the corpus's data files, by its real content-hashed name, with the first 16 hex
 * digits of its SHA-256) and DATA (the data files' names, when they fit under the offline
 * limit) filled in.
 *
 * Owns: the offline copy of exactly one build per cache, named "raqmi-<BUILD>".
 * - install: downloads every file of its build into its own cache (cache.addAll, revalidating
 *   with the server: on the first visit the page has just loaded these files, so the server
 *   answers 304 and the build is not downloaded twice), then checks each file's SHA-256
 *   against the build's list: a server that is already serving another build (a deploy in
 *   progress) fails the install, instead of caching a mix. A failed install changes nothing; the current version keeps working.
 * - activate (only once install completed): claims the pages, then deletes the other builds'
 *   caches. It waits in "installed" while an older version controls pages, until the page asks
 *   for it with {type: "SKIP_WAITING"} (www/pwa.js, after the user accepted the update).
 * - fetch: answers from this build's cache only. Navigations within the scope (any query, e.g.
 *   ?doc=...&view=doc) get the cached index page. Anything else not in the cache goes to the
 *   network as usual; a corpus data file that arrives is kept (above the offline limit, the
 *   parts of the corpus read so far work offline). One cache per build, and the manifest from
 *   it: a page never mixes two corpus versions.
 * - message {type: "KEEP", files: [url, ...]} (www/pwa.js, once this worker took control of a
 *   page that had loaded without one): the data files the page fetched before, which this
 *   worker never saw. Each is read from the browser's HTTP cache only (`only-if-cached`: never
 *   a second download) and kept when intact, as the fetch handler keeps what it sees; anything
 *   else in the list (another origin, not a data file, not in the HTTP cache) is skipped.
 * Above the offline limit, scripts/post-build.mjs appends www/sw-offline.js: the whole corpus
 * downloaded on the reader's request ("Disponible hors ligne", www/offline.js).
 */
'use strict';

const BUILD = '__RAQMI_BUILD__';
/** [url relative to this script, the first 16 hex digits of its SHA-256] for every file of the build but the corpus's. */
const PRECACHE = /*__RAQMI_PRECACHE__*/[];
/**
 * The corpus's data files (`data/<name>.bin`, space-separated) when they all fit under the
 * offline limit (scripts/post-build.mjs), else none. Named after their content's hash (a text
 * file: its number and the corpus version, its header holding its body's hash), which is
 * checked here as the SHA-256 of the others is (the manifest is in PRECACHE).
 */
const DATA = /*__RAQMI_DATA__*/'';
/**
 * A corpus data file, kept once fetched and intact, whatever DATA holds: `<kind>-<FNV-1a 64 of
 * its bytes>.bin`, or a text file `text-<number>-<corpus version>.bin`
 * (raqmi_search::files::text_file_name); groups: the text file's number, the 16 hex digits.
 */
const DATA_FILE = /\/data\/[a-z]+-(?:([0-9]+)-)?([0-9a-f]{16})\.bin$/;

/** FNV-1a 64 of bytes `b` as 16 hex digits (raqmi_search::files::content_hash), in 16-bit limbs. */
function fnv(b) {
  let a = 0x2325, c = 0x8422, d = 0x9ce4, e = 0xcbf2;
  for (const x of b) {
    a ^= x;
    const p = a * 435, q = c * 435 + (p >>> 16), r = d * 435 + (a << 8) + (q >>> 16);
    e = (e * 435 + (c << 8) + (r >>> 16)) & 65535; d = r & 65535; c = q & 65535; a = p & 65535;
  }
  return [e, d, c, a].map((x) => x.toString(16).padStart(4, '0')).join('');
}
/** The 8 bytes little-endian at `b[at]` as 16 hex digits, as fnv writes a hash. */
const le64 = (b, at) => Array.from(b.subarray(at, at + 8), (x) => x.toString(16).padStart(2, '0')).reverse().join('');
/**
 * Whether bytes `b` are the data file at `path`: the FNV-1a 64 of the whole file its name
 * holds; a text file's header (after the 7 bytes of envelope) its corpus version (8 bytes
 * little-endian), its number (4) and the FNV-1a 64 of the bytes after the header (8).
 */
function holds(path, b) {
  const name = DATA_FILE.exec(path);
  if (!name) return false;
  if (name[1] === undefined) return fnv(b) === name[2];
  return b.length >= 27 && le64(b, 7) === name[2] && new DataView(b.buffer, b.byteOffset).getUint32(15, true) === Number(name[1])
    && le64(b, 19) === fnv(b.subarray(27));
}
/** Whether `url` names a data file and the response holds the content its name says. */
const intact = async (url, response) => {
  const path = new URL(url).pathname;
  return DATA_FILE.test(path) && holds(path, new Uint8Array(await response.clone().arrayBuffer()));
};
const DEBUG = /*__RAQMI_DEBUG__*/false;
const CACHE = `raqmi-${BUILD}`;
const PREFIX = 'raqmi-';
/** The app's page: the scope itself, as every static host serves it (index.html may redirect). */
const INDEX = new URL('./', self.location.href).href;

const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

async function precache() {
  const cache = await caches.open(CACHE);
  // The data files have no SHA-256: their names say their content (`intact`).
  const entries = [...PRECACHE, ...(DATA ? DATA.split(' ').map((name) => [`./data/${name}.bin`]) : [])]
    .map(([path, sha256]) => [new URL(path, self.location.href).href, sha256]);
  try {
    await cache.addAll(entries.map(([url]) => new Request(url, { cache: 'no-cache' })));
    for (const [url, sha256] of entries) {
      const response = await cache.match(url);
      const ok = sha256 ? hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer())).slice(0, 16) === sha256 : await intact(url, response);
      if (!ok) throw new Error(`${url} is not the file of build ${BUILD}`);
      // A host that redirects (index.html -> ./) leaves a "redirected" response, which a
      // navigation refuses: store a plain copy.
      if (response.redirected) {
        await cache.put(url, new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers }));
      }
    }
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(DEBUG ? self.skipWaiting() : precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await self.clients.claim();
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && (DEBUG || name !== CACHE)) await caches.delete(name);
    }
  })());
});

self.addEventListener('message', (event) => {
  // Only a page of this origin (a window client), and only this exact message.
  const source = event.source;
  if (!source || typeof source.url !== 'string' || new URL(source.url).origin !== self.location.origin) return;
  const data = event.data;
  if (data === null || typeof data !== 'object') return;
  const keys = Object.keys(data).sort().join(' ');
  if (keys === 'type' && data.type === 'SKIP_WAITING') self.skipWaiting();
  else if (keys === 'files type' && data.type === 'KEEP' && Array.isArray(data.files) && !DEBUG) event.waitUntil(keep(data.files));
});

/** Keeps the intact data files among `files` that the HTTP cache holds (the "KEEP" message). */
async function keep(files) {
  const cache = await caches.open(CACHE);
  const { pathname } = scope();
  for (const file of files) {
    if (typeof file !== 'string') continue;
    let url;
    try { url = new URL(file, self.location.href); } catch { continue; }
    if (url.origin !== self.location.origin || !url.pathname.startsWith(pathname) || !DATA_FILE.test(url.pathname)) continue;
    if (await cache.match(url.href, { ignoreSearch: true })) continue;
    let response;
    try {
      response = await fetch(new Request(url.href, { cache: 'only-if-cached', mode: 'same-origin' }));
    } catch {
      continue; // not in the HTTP cache: kept when the app fetches it again through this worker
    }
    if (response.ok && await intact(url.href, response)) await cache.put(url.href, response);
  }
}

const scope = () => new URL(self.registration.scope);

/** An app route: the scope, its index.html, or an extension-less path below it, any query. */
function isAppNavigation(request) {
  if (request.mode !== 'navigate') return false;
  const url = new URL(request.url);
  const { origin, pathname } = scope();
  if (url.origin !== origin || !url.pathname.startsWith(pathname)) return false;
  const last = url.pathname.slice(pathname.length).split('/').pop();
  return last === '' || last === 'index.html' || !last.includes('.');
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (DEBUG || request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = isAppNavigation(request)
      ? await cache.match(INDEX)
      : await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    const response = await fetch(request);
    // Above the offline limit the corpus is cached as it is read: what was fetched works offline.
    if (response.ok && await intact(request.url, response)) await cache.put(request, response.clone());
    return response;
  })());
});
