// "Disponible hors ligne (N Mo)": above the offline limit the page offers to keep the whole
// corpus, and the service worker downloads what it lacks with a progress bar; then a word never
// searched before works offline. Over the seeds built with RAQMI_OFFLINE_LIMIT=1
// (target/e2e-dist-offline, scripts/test.sh); under the limit (dist/) nothing of it appears.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { setUp, openPage, assertClean, appStarted, waitForController, DIST } from './harness.mjs';

const ABOVE = fileURLToPath(new URL('../../target/e2e-dist-offline/', import.meta.url));

let env;
before(async () => { env = await setUp({ dir: ABOVE }); });
after(async () => { await env?.close(); });

const dataFiles = (dir) => readdirSync(join(dir, 'data')).filter((f) => f !== 'manifest.bin').sort();
/** The offer's N: the data files' gzip -9 total in MB, rounded up to a tenth, French style. */
const offered = (dir) => {
  const bytes = dataFiles(dir).reduce((n, f) => n + gzipSync(readFileSync(join(dir, 'data', f)), { level: 9 }).length, 0);
  return `Disponible hors ligne (${(Math.ceil(bytes / 1e5) / 10).toFixed(1).replace('.', ',')} Mo)`;
};
/** The data files in the page's caches. */
const kept = (page) => page.evaluate(async () => {
  const names = [];
  for (const key of await caches.keys()) {
    for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname);
  }
  return names.filter((p) => p.startsWith('/data/') && p !== '/data/manifest.bin').map((p) => p.slice(6)).sort();
});
/** Records, in the page, each state the offer shows and whether a labelled <progress> was in it. */
const watchStates = (page) => page.evaluate(() => {
  window.raqmiOfferStates = [];
  const box = document.querySelector('.offline-offer');
  const note = () => {
    const bar = box.querySelector('progress');
    const state = `${box.dataset.state}${bar ? `:${bar.getAttribute('aria-label')}:${bar.value}/${bar.max}` : ''}`;
    if (window.raqmiOfferStates.at(-1) !== state) window.raqmiOfferStates.push(state);
  };
  new MutationObserver(note).observe(box, { subtree: true, childList: true, attributes: true });
});

test('above the limit: the offer shows N, pressing it shows progress then done, and a new word is then searched offline', async () => {
  const { page, context, problems } = await openPage(env, null);
  await page.goto(env.server.url);
  await appStarted(page);
  await waitForController(page);
  const offer = page.getByRole('button', { name: offered(ABOVE) });
  await offer.waitFor();
  // Before: the worker holds what the page fetched (no term file: no word was typed).
  const before = await kept(page);
  assert.ok(!before.some((f) => /^(dict|postings)-/.test(f)), before.join(' '));
  assert.ok(before.length < dataFiles(ABOVE).length);

  await watchStates(page);
  await offer.click();
  await page.getByRole('status').filter({ hasText: 'Disponible hors ligne' }).waitFor();
  const states = await page.evaluate(() => window.raqmiOfferStates);
  assert.ok(states.some((s) => s.startsWith('progress:Téléchargement pour une utilisation hors ligne:')), states.join(' | '));
  assert.equal(states.at(-1), 'done', states.join(' | '));
  assert.equal(await page.getByRole('button', { name: /Disponible hors ligne/ }).count(), 0);
  assert.deepEqual(await kept(page), dataFiles(ABOVE), 'every data file kept');

  // Offline, a word never searched: its term files come from the worker's cache.
  await context.setOffline(true);
  const box = page.getByRole('searchbox', { name: 'Rechercher dans les articles' });
  await box.fill('startups');
  // Its own results (their matches marked), not the list kept while its files arrive.
  await page.locator('article.result .snippet mark').first().waitFor();
  assert.equal(await page.locator('#main [role=alert]').count(), 0);
  // A reload offline: the same corpus, and the offer says it is kept already.
  await page.reload();
  await appStarted(page);
  await page.getByRole('status').filter({ hasText: 'Disponible hors ligne' }).waitFor();
  await page.getByRole('searchbox', { name: 'Rechercher dans les articles' }).fill('formation');
  await page.locator('article.result .snippet mark').first().waitFor();
  await assertClean(page, problems);
  await context.close();
});

test('above the limit, in English: files that fail (damaged, missing) are said with a retry, which fetches what is still missing', async () => {
  // A copy of the build with one term file damaged (its last byte flipped: served, but not the
  // content its name says) and another missing from the server, both put right before the retry.
  const dir = mkdtempSync(join(tmpdir(), 'raqmi-offer-'));
  cpSync(ABOVE, dir, { recursive: true });
  const postings = dataFiles(dir).find((f) => f.startsWith('postings-'));
  const dict = dataFiles(dir).find((f) => f.startsWith('dict-'));
  const good = readFileSync(join(dir, 'data', postings));
  const bad = Buffer.from(good);
  bad[bad.length - 1] ^= 1;
  writeFileSync(join(dir, 'data', postings), bad);
  renameSync(join(dir, 'data', dict), join(dir, dict));
  const missing = await setUp({ dir });
  try {
    const { page, context } = await openPage(missing, null);
    await page.goto(`${missing.server.url}?lang=en`);
    await appStarted(page);
    await waitForController(page);
    await page.getByRole('button', { name: /^Available offline \(\d+\.\d MB\)$/ }).click();
    const error = page.getByRole('status').filter({ hasText: '2 file(s) could not be downloaded (offline?).' });
    await error.waitFor();
    const partial = await kept(page);
    assert.ok(!partial.includes(postings) && !partial.includes(dict), partial.join(' '));
    writeFileSync(join(dir, 'data', postings), good);
    renameSync(join(dir, dict), join(dir, 'data', dict));
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('status').filter({ hasText: 'Available offline' }).waitFor();
    assert.deepEqual(await kept(page), dataFiles(dir));
    await context.close();
  } finally {
    await missing.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('under the limit (the seeds as shipped) no offer appears and neither its module nor its worker part is there', async () => {
  const under = await setUp({ dir: DIST });
  try {
    const { page, context, problems } = await openPage(under, null);
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(under.server.url);
    await appStarted(page);
    await waitForController(page);
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.offline-offer').count(), 0);
    assert.ok(!asked.some((p) => p.startsWith('/offline.')), asked.join(' '));
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    assert.ok(!sw.includes('OFFLINE_GET') && !sw.includes('offline.js'), 'sw.js under the limit holds no offer');
    const pwa = readdirSync(DIST).find((f) => /^pwa-.*\.js$/.test(f));
    assert.ok(!readFileSync(join(DIST, pwa), 'utf8').includes('offline.js'), 'pwa.js under the limit imports nothing');
    await assertClean(page, problems);
    await context.close();
  } finally {
    await under.close();
  }
});
