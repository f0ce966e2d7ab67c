// The extraction worker (issue 16, crates/own-worker): a second wasm that the page never
// requests at first load (the service worker precaches it in the background, for offline use),
// that starts under the strict policy sent as headers, and that analyses an own article with
// the build's code: its figures, a one-document snapshot, refusals in the page's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { securityHeaders } from '../../scripts/csp.mjs';
import { DIST, setUp, openPage, assertClean, waitForController } from './harness.mjs';

const ARTICLE = readFileSync(new URL('../fixtures/own/article.txt', import.meta.url), 'utf8');
const WORKER_FILE = /\/raqmi-own-worker(_loader\.js|\.js|_bg\.wasm)$/;

let env;
before(async () => { env = await setUp({ headers: securityHeaders({ dir: DIST }) }); });
after(async () => { await env?.close(); });

/** Requests the page itself makes (its frames and dedicated workers, not the service worker). */
function pageRequests(page) {
  const urls = [];
  page.on('request', (req) => { if (!req.serviceWorker()) urls.push(req.url()); });
  return urls;
}

/**
 * Starts the worker the way the app does (its loader shim, once it says it is ready) and sends
 * it `requests` in turn; resolves with the replies.
 */
const runWorker = (page, requests) => page.evaluate((requests) => new Promise((resolve, reject) => {
  const worker = new Worker('raqmi-own-worker_loader.js');
  const replies = [];
  const snapshots = []; // the first document's snapshot of each reply, for "merge" requests
  const magic = (bytes) => String.fromCharCode(...bytes.slice(0, 4));
  const send = () => {
    const r = requests[replies.length];
    if (!r) { worker.terminate(); resolve(replies); return; }
    const message = { request: replies.length + 1, ...r };
    if (r.bytes) message.bytes = new Uint8Array(r.bytes);
    // {kind: 'merge', from: [i, j, …]}: reply i's snapshot as the corpus, the others as own.
    if (r.from) Object.assign(message, { bundled: snapshots[r.from[0]], own: r.from.slice(1).map((i) => snapshots[i]) });
    worker.postMessage(message);
  };
  worker.onerror = (e) => reject(new Error(`worker error: ${e.message}`));
  worker.onmessage = ({ data }) => {
    if (data.ready) { send(); return; }
    const { documents, snapshot, ...rest } = data;
    snapshots.push(documents?.[0]?.snapshot);
    replies.push({
      ...rest,
      ...(snapshot ? { snapshot: magic(snapshot), snapshotBytes: snapshot.length } : {}),
      documents: documents?.map((d) => ({ ...d, json: JSON.parse(d.json), snapshot: magic(d.snapshot) })),
    });
    send();
  };
}), requests);

test('the first load never requests the worker; the service worker precaches it for offline use', async () => {
  const { page, problems } = await openPage(env, null);
  const urls = pageRequests(page);
  await page.goto(env.server.url);
  await page.waitForFunction(() => performance.getEntriesByName('raqmi:takeover').length > 0);
  await page.locator('article.result').first().waitFor();
  await waitForController(page);
  assert.ok(urls.some((u) => /raqmi-[0-9a-f]{12,16}_bg\.wasm$/.test(u)), 'the app wasm was loaded');
  assert.deepEqual(urls.filter((u) => WORKER_FILE.test(u) || /\/own-dialog\.(js|css)$/.test(u)), [],
    'the page asked for the worker or the dialog');
  const cached = await page.evaluate(async () => {
    const names = [];
    for (const f of ['raqmi-own-worker_loader.js', 'raqmi-own-worker.js', 'raqmi-own-worker_bg.wasm', 'own-dialog.js', 'own-dialog.css']) {
      if (await caches.match(new URL(f, location.href).href)) names.push(f);
    }
    return names;
  });
  // The worker and the dialog's module and styles (www/own-dialog.*): the dialog works offline.
  assert.equal(cached.length, 5, `precached: ${cached}`);
  await assertClean(page, problems);
});

test('the worker analyses a pasted article with the build code, under the strict policy', async () => {
  const { page, problems } = await openPage(env, null);
  const urls = pageRequests(page);
  await page.goto(env.server.url);
  await page.locator('article.result').first().waitFor();
  const other = 'Rabat accueille 200 développeurs\n\nLe salon a réuni plus de 200 développeurs à Rabat.';
  const [reply, second, merged] = await runWorker(page, [
    { kind: 'text', text: ARTICLE, headline: '', date: '', source: '' },
    { kind: 'text', text: other },
    { kind: 'merge', from: [0, 1] },
  ]);
  // Merged: one snapshot holding both (the app swaps its corpus for it), nothing stale.
  assert.equal(second.ok, true);
  assert.deepEqual([merged.ok, merged.snapshot, merged.stale], [true, 'RQMI', []]);
  assert.ok(merged.snapshotBytes > 0);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  assert.equal(reply.documents.length, 1);
  const doc = reply.documents[0];
  assert.match(doc.id, /^own-[0-9a-f]{16}$/);
  assert.equal(doc.headline, 'Tanger lance un fonds de 450 millions de dirhams pour ses jeunes pousses');
  assert.equal(doc.json.source, 'Le Détroit Numérique');
  assert.equal(doc.json.date, '2025-03-14');
  const budget = doc.json.figures.find((f) => f.category === 'budget');
  assert.deepEqual([budget.surface, budget.value, budget.unit], ['450 millions de dirhams', 450000000, 'MAD']);
  assert.ok(doc.json.figures.some((f) => f.category === 'jobs' && f.value === 3000), JSON.stringify(doc.json.figures));
  assert.equal(doc.figures, doc.json.figures.length);
  assert.equal(doc.snapshot, 'RQMI', 'a snapshot the app decodes');
  assert.ok(reply.bytes === new TextEncoder().encode(ARTICLE).length && reply.ms >= 0);
  // Now, and only now, the page fetched the worker's files.
  assert.deepEqual(urls.filter((u) => WORKER_FILE.test(u)).map((u) => u.split('/').pop()).sort(),
    ['raqmi-own-worker.js', 'raqmi-own-worker_bg.wasm', 'raqmi-own-worker_loader.js']);
  await assertClean(page, problems);
});

test('bad inputs get their message key and values, and an HTML page keeps its text only', async () => {
  const { page, problems } = await openPage(env, null);
  await page.goto(env.server.url);
  const utf16 = [0xff, 0xfe, ...[...'Été à Rabat'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])];
  const page1 = `<html><body><script>document.title='pwned';fetch('https://evil.example/')</script>
    <p onclick="x()">${ARTICLE.split('\n\n').join('</p><p>')}</p><img src=x onerror="alert(1)"></body></html>`;
  const replies = await runWorker(page, [
    { kind: 'text', text: '  \n\t ', lang: 'ar' },
    { kind: 'file', name: 'a.txt', bytes: utf16, lang: 'en' },
    { kind: 'file', name: 'b.txt', bytes: [...Buffer.from('L\x92\xe9t\xe9', 'latin1')] },
    { kind: 'file', name: 'c.pdf', bytes: [...Buffer.from('%PDF-1.7\n')] },
    { kind: 'text', text: ARTICLE, date: '2025-13' },
    { kind: 'import', text: JSON.stringify({ format: 'raqmi-own-articles', version: 99, documents: [] }) },
    { kind: 'file', name: 'page.html', bytes: [...Buffer.from(page1)] },
  ]);
  // The message comes in the request's language (French by default).
  assert.equal(replies[1].message, 'The file is not UTF-8 (it looks like UTF-16LE): save it as UTF-8 and try again.');
  assert.equal(replies[3].message, 'Ce n’est pas un fichier texte (il ressemble à : PDF).');
  assert.match(replies[0].message, /^النص فارغ/);
  const refusals = replies.slice(0, 6).map((r) => [r.ok, r.key, r.args]);
  assert.deepEqual(refusals, [
    [false, 'own.problem.empty', []],
    [false, 'own.problem.encoding', [['kind', 'UTF-16LE']]],
    [false, 'own.problem.encoding', [['kind', 'Windows-1252']]],
    [false, 'own.problem.binary', [['kind', 'PDF']]],
    [false, 'own.problem.bad_date', [['value', '2025-13']]],
    [false, 'own.problem.newer_format', [['version', '99'], ['supported', '1']]],
  ]);
  const html = replies[6];
  assert.equal(html.ok, true);
  const text = html.documents[0].json.text;
  assert.ok(!/pwned|evil|alert|onclick/.test(text), text);
  assert.ok(html.documents[0].json.figures.some((f) => f.value === 450000000));
  assert.notEqual(await page.title(), 'pwned');
  await assertClean(page, problems);
});

test("an own article's link opened where it was never added says it lives only on its device", async () => {
  const { page, problems } = await openPage(env, '?view=doc&doc=own-0123456789abcdef&lang=en');
  const missing = page.locator('section.missing');
  await missing.getByText('it lives only in the browser that added it').waitFor();
  assert.doesNotMatch(await missing.innerText(), /No article has the id/);
  // In the page's language, when it changes too.
  await page.locator('.lang-picker select').selectOption('ar');
  await missing.getByText('لا يوجد إلا في المتصفح الذي أضافه').waitFor();
  await page.goto(new URL('?view=doc&doc=nope_0001&lang=en', env.server.url).href);
  await page.locator('section.missing').getByText('No article has the id "nope_0001" in this corpus.').waitFor();
  await assertClean(page, problems);
});
