// The corpus's data files, end to end: the wasm holds code only and the app fetches its
// corpus from data/ (same origin, each file once); a missing, truncated or foreign file gives a
// localized message with a retry above the prerendered view, which keeps working, and the retry
// starts the app once the file is right. The page fetches its data before it registers the
// service worker, so the page's requests reach the routes below.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUp, openPage, assertClean, appStarted, waitForController, DIST } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const dataFiles = () => readdirSync(join(DIST, 'data')).sort();
/** The console errors a refused response causes, which these tests cause on purpose. */
const expectedErrors = (problems) => problems.filter((p) => !/Failed to load resource/.test(p));

test('the wasm holds code only: the corpus comes from data/, each file fetched once', async () => {
  const files = dataFiles();
  assert.ok(files.includes('manifest.bin'), files.join(' '));
  assert.ok(files.some((f) => /^pack-[0-9a-f]{16}\.bin$/.test(f)), files.join(' '));
  const wasm = readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  const bytes = readFileSync(join(DIST, wasm));
  // An article's text is in a pack, not in the code.
  const phrase = Buffer.from('La digitalisation en verve dans le Souss');
  assert.equal(bytes.indexOf(phrase), -1, 'the wasm holds an article');
  const pack = files.find((f) => f.startsWith('pack-'));
  assert.ok(readFileSync(join(DIST, 'data', pack)).indexOf(phrase) >= 0);

  const { page, problems } = await openPage(env, null);
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  await appStarted(page);
  assert.equal(await page.locator('article.result').count(), 5);
  const data = asked.filter((p) => p.startsWith('/data/'));
  assert.equal(new Set(data).size, data.length, `a data file fetched twice: ${data}`);
  assert.ok(data.includes('/data/manifest.bin') && data.some((p) => p.startsWith('/data/pack-')), data.join(' '));
  await assertClean(page, problems);
});

for (const [what, path, expected, retry, fulfil] of [
  ['missing (404)', '', /^Fichier de données introuvable sur le serveur \(HTTP 404\)/, 'Réessayer',
    (route) => route.fulfill({ status: 404, body: 'not found' })],
  ['truncated', '?lang=en', /^Data file damaged or of another version/, 'Try again', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, body.length >> 1) });
  }],
  ['from another build', '?lang=en', /^Data file damaged or of another version/, 'Try again',
    (route) => route.fulfill({ status: 200, body: Buffer.from('RQMF\u0001\u0000\u0007another build') })],
]) {
  test(`a ${what} data file is told in the page's language, the prerendered view stays, and a retry starts the app`, async () => {
    const pack = dataFiles().find((f) => f.startsWith('pack-'));
    const context = await env.browser.newContext();
    const { page, problems } = await (async () => {
      await context.route(`**/data/${pack}`, fulfil);
      const p = await context.newPage();
      const found = [];
      p.on('pageerror', (err) => found.push(`page error: ${err.message}`));
      p.on('console', (msg) => { if (msg.type() === 'error') found.push(`console error: ${msg.text()}`); });
      await p.goto(new URL(path, env.server.url).href);
      return { page: p, problems: found };
    })();
    const alert = page.locator('.load-failure [role=alert]');
    await alert.waitFor();
    const message = (await alert.locator('p').textContent()).trim();
    assert.ok(message.includes(pack), message);
    assert.match(message, expected);
    // The prerendered first results are still there, and their links are plain links.
    assert.equal(await page.locator('.prerendered article.result').count(), 5);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('raqmi:first-results').length), 0);

    // After the handlers running finish: a request routed meanwhile (the worker's precache, or
    // the app asking again) would otherwise be continued under a handler still fulfilling it.
    await context.unrouteAll({ behavior: 'wait' });
    await alert.getByRole('button', { name: retry }).click();
    await appStarted(page);
    assert.equal(await page.locator('.load-failure').count(), 0);
    assert.equal(await page.locator('article.result').count(), 5);
    assert.deepEqual(expectedErrors(problems), []);
    await assertClean(page, []);
    await context.close();
  });
}

test('the default view fetches no term file; the first word typed fetches them once, then results', async () => {
  const { page, context, problems } = await openPage(env, null, { serviceWorkers: 'block' });
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  await appStarted(page);
  assert.equal(await page.locator('article.result').count(), 5);
  const terms = () => asked.filter((p) => /^\/data\/(dict|postings|positions|stems|tails|figures)-/.test(p));
  assert.deepEqual(terms(), [], 'the default view needs no term file');
  // The facet panel counts from the tables alone.
  assert.ok(await page.locator('.facets input[type=checkbox]').count() > 0);

  await page.getByRole('searchbox', { name: 'Rechercher dans les articles' }).fill('startups');
  await page.waitForFunction(() => document.querySelector('.loading, .results-view[aria-busy]') === null
    && document.querySelectorAll('article.result').length > 0);
  const fetched = terms();
  assert.ok(fetched.some((p) => p.startsWith('/data/dict-')) && fetched.some((p) => p.startsWith('/data/postings-')), fetched.join(' '));
  const total = await page.locator('article.result').count();
  assert.ok(total > 0 && total < 5, `${total} results for "startups"`);
  // A second query reuses them: nothing more is fetched.
  await page.getByRole('searchbox', { name: 'Rechercher dans les articles' }).fill('maroc');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'maroc');
  await page.locator('article.result').first().waitFor();
  assert.deepEqual(terms(), fetched);
  assert.equal(new Set(fetched).size, fetched.length, `a term file fetched twice: ${fetched}`);
  await assertClean(page, problems);
  await context.close();
});

test('a failed term file is told where the results go, with a retry; the rest of the page keeps working', async () => {
  const dict = dataFiles().find((f) => f.startsWith('dict-'));
  const { page, context, problems } = await openPage(env, null, { serviceWorkers: 'block' });
  await context.route(`**/data/${dict}`, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(new URL('?lang=en', env.server.url).href);
  await appStarted(page);
  await page.getByRole('searchbox', { name: 'Search the articles' }).fill('startups');
  const alert = page.locator('#main [role=alert]');
  await alert.waitFor();
  const message = (await alert.locator('p').textContent()).trim();
  assert.equal(message, `Data file not found on the server (HTTP 404): ${dict}.`);
  // The rest works: the search box, the header, and clearing the query brings the list back.
  await page.getByRole('searchbox', { name: 'Search the articles' }).fill('');
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 5);
  await page.getByRole('searchbox', { name: 'Search the articles' }).fill('startups');
  await alert.waitFor();
  // After the handlers running finish: a request routed meanwhile (the app asking again) would
  // otherwise be continued under a handler still fulfilling it.
  await context.unrouteAll({ behavior: 'wait' });
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#main [role=alert]').length === 0
    && document.querySelectorAll('article.result').length > 0);
  assert.deepEqual(expectedErrors(problems), []);
  await assertClean(page, []);
  await context.close();
});

test('the data files are listed in the service worker (the seeds are under the offline limit)', () => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const data = sw.match(/\bDATA\s*=\s*'([^']*)'/);
  assert.ok(data, 'sw.js has its DATA list');
  const names = data[1].split(' ').map((n) => `${n}.bin`).sort();
  assert.deepEqual(names, dataFiles().filter((f) => f !== 'manifest.bin'));
  // The manifest, with its digest, like the app's files: it names the rest.
  assert.match(sw, /"\.\/data\/manifest\.bin","[0-9a-f]{16}"/);
  for (const f of dataFiles()) assert.ok(statSync(join(DIST, 'data', f)).size > 0);
});

test('the service worker checks each data file against the content hash its name holds, a text file against its header', () => {
  // Its own FNV-1a 64 (raqmi_search::files::content_hash) and check, taken from the built sw.js.
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const source = sw.match(/const DATA_FILE ?=[\s\S]*?(?=const DEBUG ?=)/)?.[0];
  assert.ok(source && /function fnv\(b\)/.test(source) && /function holds\(/.test(source), 'sw.js has its fnv and holds functions');
  const { fnv, holds } = new Function(`${source}; return { fnv, holds };`)();
  for (const f of dataFiles().filter((n) => n !== 'manifest.bin')) {
    const bytes = readFileSync(join(DIST, 'data', f));
    if (!f.startsWith('text-')) assert.equal(fnv(bytes), f.match(/-([0-9a-f]{16})\.bin$/)[1], f);
    assert.ok(holds(`/data/${f}`, bytes), f);
    assert.ok(!holds(`/data/${f}`, bytes.subarray(0, bytes.length - 1)), `${f} truncated`);
  }
  // A text file (the seeds have none: one pack holds them whole), as raqmi_search::files writes
  // it: envelope, corpus version, number (little-endian), the hash of the rest, the rest.
  const le = (hex) => Buffer.from(hex.match(/../g).reverse().join(''), 'hex');
  const version = '0123456789abcdef';
  const body = Buffer.from('\u0004 the cards of documents 4 and 5');
  const text = (v, n, b) => Buffer.concat([Buffer.from('RQMF\u0006\u0000\u0008'), le(v), le(n.toString(16).padStart(8, '0')), le(fnv(b)), b]);
  assert.ok(holds(`/data/text-2-${version}.bin`, text(version, 2, body)));
  assert.ok(!holds(`/data/text-2-${version}.bin`, text(version, 2, body).subarray(0, 40)), 'truncated');
  assert.ok(!holds(`/data/text-2-${version}.bin`, text('fedcba9876543210', 2, body)), 'of another corpus version');
  assert.ok(!holds(`/data/text-3-${version}.bin`, text(version, 2, body)), 'of another number');
  const damaged = text(version, 2, body);
  damaged[30] ^= 1;
  assert.ok(!holds(`/data/text-2-${version}.bin`, damaged), 'damaged');
  assert.ok(!holds(`/data/text-2-${version}.bin`, text(version, 2, body).subarray(0, 20)), 'a header cut');
});

test('above the offline limit the service worker keeps each intact data file the app fetched', async () => {
  // dist/ as post-build.mjs writes it above the limit: the same sw.js with DATA empty.
  const dir = mkdtempSync(join(tmpdir(), 'raqmi-above-limit-'));
  cpSync(DIST, dir, { recursive: true });
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  writeFileSync(join(dir, 'sw.js'), sw.replace(/\bDATA\s*=\s*'[^']*'/, "DATA=''"));
  const above = await setUp({ dir });
  try {
    const postings = dataFiles().find((f) => f.startsWith('postings-'));
    const { page, context, problems } = await openPage(above, null);
    // A damaged postings file first: shown as such, and never kept.
    await context.route(`**/data/${postings}`, async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      await route.fulfill({ response, body: Buffer.concat([body.subarray(0, body.length - 1), Buffer.from([body.at(-1) ^ 1])]) });
    });
    await page.goto(above.server.url);
    await appStarted(page);
    await waitForController(page);
    const kept = () => page.evaluate(async () => {
      const names = [];
      for (const key of await caches.keys()) {
        for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname);
      }
      return names.filter((p) => p.startsWith('/data/')).sort();
    });
    assert.deepEqual(await kept(), ['/data/manifest.bin'], 'only the manifest is precached');
    const box = page.getByRole('searchbox', { name: 'Rechercher dans les articles' });
    await box.fill('startups');
    await page.locator('#main [role=alert]').waitFor();
    assert.ok(!(await kept()).includes(`/data/${postings}`), 'a damaged file is not kept');
    // After the handlers running finish: a request routed meanwhile (the worker's precache, or
    // the app asking again) would otherwise be continued under a handler still fulfilling it.
    await context.unrouteAll({ behavior: 'wait' });
    await page.locator('#main [role=alert]').getByRole('button', { name: 'Réessayer' }).click();
    await page.locator('article.result').first().waitFor();
    const after = await kept();
    for (const f of dataFiles().filter((n) => /^(dict|postings)-/.test(n))) assert.ok(after.includes(`/data/${f}`), `${f} kept: ${after}`);
    assert.deepEqual(expectedErrors(problems), []);
    await context.close();
  } finally {
    await above.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('above the offline limit the data files of the first visit, fetched before the worker took control, are kept from the HTTP cache: intact ones only, none downloaded twice', async () => {
  // dist/ as above the limit (DATA empty), with the dictionary damaged (its last byte flipped):
  // the page fetches it before any worker exists (an init script), and the app its manifest,
  // tables and pack; then the worker takes control and is handed their URLs (www/pwa.js).
  const dir = mkdtempSync(join(tmpdir(), 'raqmi-first-visit-'));
  cpSync(DIST, dir, { recursive: true });
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  writeFileSync(join(dir, 'sw.js'), sw.replace(/\bDATA\s*=\s*'[^']*'/, "DATA=''"));
  const dict = dataFiles().find((f) => f.startsWith('dict-'));
  const bytes = readFileSync(join(dir, 'data', dict));
  bytes[bytes.length - 1] ^= 1;
  writeFileSync(join(dir, 'data', dict), bytes);
  const above = await setUp({ dir });
  try {
    const context = await above.browser.newContext();
    await context.addInitScript((url) => {
      // Read at the document's start: the worker may claim the page before the app has started.
      window.raqmiTestFirstVisit = !navigator.serviceWorker?.controller;
      if (window.raqmiTestFirstVisit) fetch(url).then((r) => r.arrayBuffer()).catch(() => {});
    }, `/data/${dict}`);
    const { page, problems } = await (async () => {
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
      return { page, problems };
    })();
    await page.goto(above.server.url);
    await appStarted(page);
    const firstVisit = await page.evaluate(() => window.raqmiTestFirstVisit);
    assert.equal(firstVisit, true, 'the page loaded without a worker (a first visit)');
    await waitForController(page);
    const fetched = above.server.sent.filter((r) => r.path.startsWith('/data/') && r.status === 200).map((r) => r.path);
    assert.equal(new Set(fetched).size, fetched.length, `a data file downloaded twice: ${fetched}`);
    const expected = fetched.filter((p) => p !== '/data/manifest.bin' && !p.endsWith(dict)).sort();
    assert.ok(expected.some((p) => p.startsWith('/data/pack-')) && expected.some((p) => p.startsWith('/data/tables-')), expected.join(' '));
    assert.ok(fetched.includes(`/data/${dict}`), 'the damaged dictionary was fetched before the worker');
    const kept = () => page.evaluate(async () => {
      const names = [];
      for (const key of await caches.keys()) {
        for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname);
      }
      return names.filter((p) => p.startsWith('/data/')).sort();
    });
    // The worker keeps them in the background after the take-over: wait for them (30 s at most).
    let now = [];
    for (let i = 0; i < 300 && !expected.every((p) => now.includes(p)); i++) {
      await page.waitForTimeout(100);
      now = await kept();
    }
    assert.deepEqual(now, ['/data/manifest.bin', ...expected].sort(), 'the intact files fetched before the take-over are kept, the damaged one is not');
    const again = above.server.sent.filter((r) => r.path.startsWith('/data/') && r.status === 200).map((r) => r.path);
    assert.deepEqual(again, fetched, 'keeping them downloaded nothing more');
    assert.deepEqual(expectedErrors(problems), []);
    await context.close();
  } finally {
    await above.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('typing from the first moment keeps every character while the corpus loads and the app takes over', async () => {
  // The take-over now waits for the data files, so a fast typist is often mid-word then: the
  // box gets its focus back in the take-over's own task, and the caret is left where typing
  // moved it (five page loads, each typing from the start).
  for (let i = 0; i < 5; i++) {
    const { page, context, problems } = await openPage(env);
    const box = page.getByRole('searchbox', { name: 'Rechercher dans les articles' });
    await box.pressSequentially('cybersecurite', { delay: 30 });
    await appStarted(page);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'cybersecurite');
    assert.equal(await box.inputValue(), 'cybersecurite', `page load ${i + 1}`);
    await assertClean(page, problems);
    await context.close();
  }
});
