// scripts/serve.mjs (`make run`) behaves like a good static host: Brotli or gzip for text and
// wasm as the request accepts, `immutable` for content-hashed files, `no-cache` (with an ETag,
// per encoding) for index.html, sw.js and the other unhashed files. No browser: plain requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer, pickEncoding, IMMUTABLE } from '../../scripts/serve.mjs';
import { DIST, listing, requireBuild } from './harness.mjs';

let server;
before(async () => { requireBuild(DIST); server = await startServer({ dir: DIST, brotliQuality: 5 }); });
after(async () => { await server?.close(); });

/** A raw GET (no automatic decompression): status, headers and the body's bytes. */
function get(path, headers = {}) {
  return new Promise((ok, fail) => {
    request(new URL(path, server.url), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

const files = () => [...listing(DIST)];
const wasm = () => files().find((f) => f.endsWith('.wasm'));

test('text and wasm come compressed as the request accepts, and decompress to the file', async () => {
  for (const file of ['index.html', 'sw.js', wasm(), files().find((f) => /^raqmi-.*\.js$/.test(f)), 'manifest.webmanifest']) {
    const original = readFileSync(join(DIST, file));
    const br = await get(file, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br', file);
    assert.equal(br.headers.vary, 'Accept-Encoding', file);
    assert.ok(br.body.length < original.length, `${file}: ${br.body.length} < ${original.length}`);
    assert.deepEqual(brotliDecompressSync(br.body), original, file);
    const gz = await get(file, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip', file);
    assert.deepEqual(gunzipSync(gz.body), original, file);
    const plain = await get(file, {});
    assert.equal(plain.headers['content-encoding'], undefined, file);
    assert.deepEqual(plain.body, original, file);
    // One ETag per encoding: a cache never gets one encoding's body for another's tag.
    assert.equal(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size, 3, file);
    const again = await get(file, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag });
    assert.equal(again.status, 304, file);
    assert.equal((await get(file, { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag })).status, 200, file);
  }
  // PNG is compressed already: sent as it is.
  const png = await get('icons/icon-512.png', { 'accept-encoding': 'br' });
  assert.equal(png.headers['content-encoding'], undefined);
});

test('content-hashed files are immutable; index.html, sw.js and unhashed files revalidate', async () => {
  const hashed = files().filter((f) => /-[0-9a-f]{12,}(?:_bg)?\.(?:js|wasm)$/.test(f));
  assert.ok(hashed.length >= 4, hashed.join(' '));
  for (const f of hashed) assert.equal((await get(f)).headers['cache-control'], IMMUTABLE, f);
  for (const f of ['', 'index.html', 'sw.js', 'embed.js', 'manifest.webmanifest', 'icons/icon-192.png']) {
    const res = await get(f);
    assert.equal(res.status, 200, f);
    assert.equal(res.headers['cache-control'], 'no-cache', f || '/');
    assert.ok(res.headers.etag, f);
  }
});

test('Accept-Encoding is read with its weights', () => {
  assert.equal(pickEncoding('gzip, deflate, br'), 'br');
  assert.equal(pickEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(pickEncoding('identity'), null);
  assert.equal(pickEncoding(''), null);
  assert.equal(pickEncoding('*'), 'br');
  assert.equal(pickEncoding('GZIP;q=0.5'), 'gzip');
});
