// A corpus of many data files, end to end: the built app (dist/) over the data files of a
// synthetic corpus (the wasm holds code only, so the same build reads any corpus's files),
// written with `corpus data` into target/e2e-dist-many/ by `before` below (cargo builds the two
// binaries once; later runs reuse them and the corpus). The app never has more than a few
// downloads running at once (a burst of thousands broke a 100 000-article start:
// ERR_INSUFFICIENT_RESOURCES).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setUp, openPage, assertClean, appStarted, withSyntheticCorpus } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = join(ROOT, 'target/e2e-dist-many');
/** Articles of the synthetic corpus: enough for hundreds of text files and dozens of packs. */
const COUNT = 600;
/** The app's bound on downloads at once (`IN_FLIGHT` in src/data.rs). */
const IN_FLIGHT = 6;

let env;
before(async () => {
  withSyntheticCorpus({ corpus: 'e2e-corpus-many', dir: 'e2e-dist-many', count: COUNT });
  env = await setUp({ dir: DIR });
});
after(async () => { await env?.close(); });

/** Counts the page's data downloads running at once (from the call to the response). */
function countFetches() {
  const state = { now: 0, max: 0, total: 0 };
  window.__fetches = state;
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes('data/')) return fetch(input, init);
    state.total += 1;
    state.now += 1;
    state.max = Math.max(state.max, state.now);
    const done = () => { state.now -= 1; };
    const p = fetch(input, init);
    p.then(done, done);
    return p;
  };
}

test('a corpus of many files starts with at most a few downloads at once', async () => {
  const texts = readdirSync(join(DIR, 'data')).filter((f) => f.startsWith('text-'));
  assert.ok(texts.length > 3 * IN_FLIGHT, `${texts.length} text files: too few to tell`);
  const { page, context, problems } = await openPage(env, null, { serviceWorkers: 'block' });
  await context.addInitScript(countFetches);
  await page.goto(env.server.url);
  await appStarted(page);
  await page.locator('article.result').first().waitFor();
  const start = await page.evaluate(() => ({ ...window.__fetches }));
  assert.ok(start.total > IN_FLIGHT, `only ${start.total} data files fetched: nothing to bound`);
  assert.ok(start.max <= IN_FLIGHT, `${start.max} data files downloading at once (of ${start.total})`);
  // A query with words: its files queue the same way.
  await page.getByRole('searchbox', { name: 'Rechercher dans les articles' }).fill('numérique');
  await page.waitForFunction(() => document.querySelector('.loading, .results-view[aria-busy]') === null
    && document.querySelectorAll('article.result').length > 0);
  const after = await page.evaluate(() => ({ ...window.__fetches }));
  assert.ok(after.max <= IN_FLIGHT, `${after.max} data files downloading at once`);
  await assertClean(page, problems);
  await context.close();
});

/** The data files a page asks for, by kind ("text", "pack", "dict", …), in order. */
function requests(page) {
  const asked = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/^\/data\/([a-z]+)[-.]/);
    if (m) asked.push(m[1]);
  });
  return asked;
}
const count = (asked, kind) => asked.filter((k) => k === kind).length;
const files = (kind) => readdirSync(join(DIR, 'data')).filter((f) => f.startsWith(`${kind}-`)).length;

test('by need: the start fetches the tables and its cards\' text files; a query its term shards and text files; a chart the figures table; the reader its text file and pack', async () => {
  assert.ok(files('pack') > 1 && files('text') > 10 * files('pack'), `${files('text')} text files, ${files('pack')} packs`);
  const { page, context, problems } = await openPage(env, null, { serviceWorkers: 'block' });
  const asked = requests(page);
  await page.goto(env.server.url);
  await appStarted(page);
  assert.equal(await page.locator('article.result').count(), 20);
  assert.equal(await page.locator('.result-pending').count(), 0);
  assert.equal(count(asked, 'manifest') + count(asked, 'tables') + count(asked, 'facets'), 3, asked.join(' '));
  // One text file per card (one article each at this size), no pack: a card reads its text only.
  assert.equal(count(asked, 'text'), 20, asked.join(' '));
  assert.equal(asked.length, 3 + count(asked, 'text'), `only the tables, facets and text files: ${asked.join(' ')}`);

  // A query with words: some term shards, not all of them.
  asked.length = 0;
  await page.getByRole('searchbox', { name: 'Rechercher dans les articles' }).fill('numérique');
  await page.waitForFunction(() => document.querySelector('.loading, .results-view[aria-busy]') === null
    && document.querySelectorAll('article.result').length > 0);
  // (This corpus's dictionary is one shard; the native tests cover several.)
  assert.ok(count(asked, 'dict') > 0, asked.join(' '));
  assert.ok(count(asked, 'postings') > 0 && count(asked, 'postings') < files('postings'), asked.join(' '));
  assert.equal(count(asked, 'figures') + count(asked, 'pack'), 0, asked.join(' '));
  assert.ok(count(asked, 'text') > 0, asked.join(' '));
  assert.equal(await page.locator('.result-pending').count(), 0);
  assert.ok(await page.locator('article.result .snippet mark').count() > 0, 'the cards\' matches marked');

  // "Show more": the next cards' text files, each card shown once its text is there.
  asked.length = 0;
  const more = page.locator('button.more');
  if (await more.count() > 0) {
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll('article.result').length > 20
      && document.querySelector('.result-pending') === null);
    assert.ok(count(asked, 'text') > 0 && asked.every((k) => k === 'text'), asked.join(' '));
  }

  // The chart: the figures table, once.
  asked.length = 0;
  await page.getByRole('link', { name: 'Graphiques' }).first().click();
  await page.locator('svg.chart, .chart svg').first().waitFor();
  assert.deepEqual(asked.filter((k) => k !== 'text'), ['figures'], asked.join(' '));

  // The reader: the article whole, its text (the card's file, there already) and its pack.
  await page.goto(new URL('?q=num%C3%A9rique', env.server.url).href);
  await appStarted(page);
  await page.waitForFunction(() => document.querySelector('.result-pending') === null);
  asked.length = 0;
  const first = page.locator('article.result .result-link').first();
  const title = (await first.textContent()).trim();
  await first.click();
  await page.locator('#main h1').filter({ hasText: title }).waitFor();
  assert.ok(await page.locator('#main .reader-text p').count() > 1);
  assert.ok(await page.locator('#main .reader-text .fig').count() > 0, 'its figures marked in its text');
  assert.equal(count(asked, 'pack'), 1, asked.join(' '));
  assert.equal(count(asked, 'text'), 0, `its text file came with its card: ${asked.join(' ')}`);
  await assertClean(page, problems);
  await context.close();
});

/**
 * When the first 10 result cards are in the page with their text: `window.__shown` (its
 * performance.now()) and `window.__textsThen` (the text files asked for by then).
 */
function watchResults() {
  new MutationObserver((_, observer) => {
    // A card without its text is a `.result-pending` placeholder in its place.
    const cards = [...document.querySelectorAll('#main article.result, #main .result-pending')].slice(0, 10);
    if (cards.length === 10 && cards.every((c) => c.matches('article.result'))
      && document.querySelector('.prerendered') === null) {
      window.__shown = performance.now();
      window.__textsThen = performance.getEntriesByType('resource').filter((e) => /\/data\/text-/.test(e.name)).length;
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

test('a query\'s first 10 cards come first, the rest of the page after them: the other cards\' text and the facets file are asked for once they are painted', async () => {
  const { page, context, problems } = await openPage(env, null, { serviceWorkers: 'block' });
  await context.addInitScript(watchResults);
  const asked = requests(page);
  // With a date filter (every article is after 1990): the app's own steps. A query alone has
  // its first cards drawn before the app, by the first-results wasm (first.test.mjs).
  await page.goto(new URL('?q=num%C3%A9rique&from=1990', env.server.url).href);
  await page.waitForFunction(() => window.__shown !== undefined);
  // The counts follow: each name facet says so until the file is in, then lists its values.
  await page.waitForFunction(() => document.querySelector('.facet-pending') === null
    && document.querySelectorAll('.facet').length > 0);
  const [facets] = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\/data\/facets-/.test(e.name)).map((e) => e.startTime));
  const shown = await page.evaluate(() => window.__shown);
  assert.ok(facets > shown, `the facets file asked for at ${facets} ms, the results shown at ${shown} ms`);
  assert.equal(count(asked, 'facets'), 1, asked.join(' '));
  // One article per text file at this size: the first 10 cards' files, then the page's 20.
  assert.equal(await page.evaluate(() => window.__textsThen), 10);
  await page.waitForFunction(() => document.querySelectorAll('#main article.result').length === 20
    && document.querySelector('.result-pending') === null);
  assert.equal(count(asked, 'text'), 20, asked.join(' '));
  // The counts are the query's: an organisation's count is at most the hits.
  const total = Number((await page.locator('.result-count').first().textContent()).replace(/\D/g, ''));
  const counts = await page.locator('.facet .count').allTextContents();
  assert.ok(counts.length > 3 && counts.every((c) => Number(c.replace(/\D/g, '')) <= total), counts.join(' '));
  // Ticking a name filters at once (the file is in).
  await page.locator('.facet input[type=checkbox]').nth(1).check();
  await page.waitForFunction((t) => {
    const n = document.querySelector('.result-count');
    return n && Number(n.textContent.replace(/\D/g, '')) < t;
  }, total);
  await assertClean(page, problems);
  await context.close();
});

/** A page on the default view, the app started and every card's text in. */
async function openSettled() {
  const opened = await openPage(env, null, { serviceWorkers: 'block' });
  await opened.page.goto(env.server.url);
  await appStarted(opened.page);
  await opened.page.waitForFunction(() => document.querySelector('.result-pending') === null);
  return opened;
}

test('a quoted phrase fetches the text of its cards only, not of every article holding its words', async () => {
  // Two content words side by side are told from the index (offsets and written lengths):
  // before, the app fetched the text of every article holding both words, in the background,
  // while the reader typed on (at 10 000 articles, 2 000 files for "intelligence artificielle").
  const { page, context, problems } = await openSettled();
  const asked = requests(page);
  await page.getByRole('searchbox', { name: 'Rechercher dans les articles' }).fill('"intelligence artificielle"');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') !== null
    && document.querySelector('.loading, .result-pending, .results-view[aria-busy]') === null
    && document.querySelectorAll('article.result .snippet mark').length > 0);
  await page.waitForTimeout(500);
  const total = Number((await page.locator('.result-count').first().textContent()).replace(/\D/g, ''));
  assert.ok(total > 40, `${total} hits: too few to tell the cards from the hits`);
  assert.ok(count(asked, 'positions') > 0, asked.join(' '));
  // One article per text file at this size: at most the 20 cards' files.
  assert.ok(count(asked, 'text') <= 20, `${count(asked, 'text')} text files for ${total} hits`);
  await assertClean(page, problems);
  await context.close();
});

test('typing on stops the downloads of the view left behind: those under way end, no more start', async () => {
  const { page, context, problems } = await openSettled();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/data/text-*', async (route) => { await held; await route.continue(); });
  const asked = requests(page);
  const box = page.getByRole('searchbox', { name: 'Rechercher dans les articles' });
  await box.fill('numérique');
  // The list is shown, its cards waiting for their text: the first ten's files are asked for,
  // six at a time (IN_FLIGHT).
  await page.waitForFunction(() => document.querySelectorAll('#main .result-pending').length > 0);
  const waiting = await page.evaluate(() => [...document.querySelectorAll('#main .results > li')]
    .slice(0, 10).filter((li) => li.querySelector('.result-pending')).length);
  assert.ok(waiting > IN_FLIGHT, `${waiting} of the first 10 cards wait: too few to tell`);
  for (let i = 0; i < 100 && count(asked, 'text') < IN_FLIGHT; i++) await page.waitForTimeout(50);
  assert.equal(count(asked, 'text'), IN_FLIGHT, asked.join(' '));
  // Another query, with no hit: nothing of its own to fetch as text.
  await box.fill('zzzqqxw');
  await page.waitForFunction(() => document.querySelector('.results-view .empty') !== null);
  release();
  await page.waitForTimeout(1000);
  assert.equal(count(asked, 'text'), IN_FLIGHT, asked.join(' '));
  await assertClean(page, problems);
  await context.close();
});

test('while a new word\'s term files arrive, the list keeps the results it shows, marked busy', async () => {
  // Before, the list gave way to a "loading" line, then built every card again: a reader lost
  // what they were reading at each new word, and the frame of its first letter cost twice
  // the others'.
  const { page, context, problems } = await openSettled();
  const ids = () => page.evaluate(() => [...document.querySelectorAll('#main article.result')].map((a) => a.dataset.id));
  const shown = await ids();
  assert.equal(shown.length, 20);
  const count = (await page.locator('.result-count').textContent()).trim();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let asked = 0;
  await context.route(/\/data\/(dict|postings)-/, async (route) => { asked += 1; await held; await route.continue(); });
  await page.getByRole('searchbox', { name: 'Rechercher dans les articles' }).fill('numérique');
  for (let i = 0; i < 100 && asked === 0; i++) await page.waitForTimeout(50);
  assert.ok(asked > 0, 'the word\'s term files are asked for');
  await page.locator('#main .results-view[aria-busy="true"]').waitFor();
  assert.equal(await page.locator('#main .loading').count(), 0, 'no "loading" line in its place');
  assert.deepEqual(await ids(), shown, 'the same cards');
  assert.equal((await page.locator('.result-count').textContent()).trim(), count);
  release();
  await page.waitForFunction(() => document.querySelector('#main .results-view[aria-busy]') === null
    && document.querySelectorAll('#main article.result .snippet mark').length > 0);
  assert.notDeepEqual(await ids(), shown, 'then the word\'s own results');
  assert.notEqual((await page.locator('.result-count').textContent()).trim(), count);
  await assertClean(page, problems);
  await context.close();
});

test('the facet panel says its counts are coming while the facets file is on its way', async () => {
  const { page, context, problems } = await openPage(env, null, { serviceWorkers: 'block' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/data/facets-*', async (route) => { await held; await route.continue(); });
  await page.goto(new URL('?q=num%C3%A9rique', env.server.url).href);
  await page.locator('#main article.result .snippet').first().waitFor();
  const pending = page.locator('.facet[aria-busy=true] .facet-pending');
  await pending.first().waitFor();
  assert.equal((await pending.first().textContent()).trim(), 'Chargement des filtres…');
  assert.ok(await pending.count() >= 4, 'each name facet says so');
  release();
  await page.waitForFunction(() => document.querySelector('.facet-pending') === null);
  assert.ok(await page.locator('.facet input[type=checkbox]').count() > 10, 'the names listed');
  await assertClean(page, problems);
  await context.close();
});

test('an embedded chart fetches the tables and the figures table only: no pack, no term file', async () => {
  const { page, context, problems } = await openPage(env, null, { serviceWorkers: 'block' });
  const asked = requests(page);
  await page.goto(new URL('?embed=1&view=chart', env.server.url).href);
  await page.locator('svg').first().waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('raqmi:first-results').length > 0);
  assert.deepEqual([...asked].sort(), ['figures', 'manifest', 'tables'], asked.join(' '));
  await assertClean(page, problems);
  await context.close();
});

test('a card whose text file fails says so with a retry, and the retry shows it', async () => {
  const { page, context, problems } = await openPage(env, null, { serviceWorkers: 'block' });
  await page.goto(env.server.url);
  await appStarted(page);
  const before = new Set();
  page.on('request', (r) => before.add(new URL(r.url()).pathname));
  // Every text file not fetched yet fails: the next page of cards needs some.
  await context.route('**/data/text-*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.locator('button.more').click();
  const alert = page.locator('#main [role=alert]');
  await alert.waitFor();
  assert.match((await alert.locator('p').textContent()).trim(), /^Fichier de données introuvable sur le serveur \(HTTP 404\) : text-/);
  await context.unrouteAll({ behavior: 'wait' });
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#main [role=alert]').length === 0
    && document.querySelectorAll('article.result').length > 20
    && document.querySelector('.result-pending') === null);
  await assertClean(page, problems.filter((p) => !/Failed to load resource/.test(p)));
  await context.close();
});
