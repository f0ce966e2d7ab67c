// A shared link's first results before the app (issue 14): for a URL that is a query alone,
// www/boot.js runs the small search-only wasm (crates/first, www/first.js), which draws the
// query's first cards from a few data files, and holds the app's wasm back until they are
// shown; the app then takes over from them. Over the built app (dist/) with a synthetic corpus
// of many data files (target/e2e-dist-first, written by the harness's withSyntheticCorpus), so
// that the first cards need their own text files, and over dist/ itself (the seeds).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, assertClean, appStarted, withSyntheticCorpus } from './harness.mjs';

const DIR = 'e2e-dist-first';
const COUNT = 300;

let env;
let seeds;
before(async () => {
  env = await setUp({ dir: withSyntheticCorpus({ corpus: 'e2e-corpus-first', dir: DIR, count: COUNT }) });
  seeds = await setUp();
});
after(async () => {
  await env?.close();
  await seeds?.close();
});

/**
 * Init script: records, on the page's clock, when the first cards were shown before the app
 * (the prerendered view replaced and shown, `<html data-prerender>` removed) and their ids.
 */
function watchFirstResults() {
  new MutationObserver(() => {
    if (window.__first || document.documentElement.dataset.prerender !== undefined) return;
    const cards = document.querySelectorAll('.prerendered article.result');
    if (cards.length === 0) return;
    window.__first = {
      at: performance.now(),
      ids: [...cards].map((c) => c.dataset.id),
      marks: document.querySelectorAll('.prerendered .snippet mark').length,
      box: document.querySelector('.prerendered input[type=search]').value,
      count: document.querySelector('.prerendered .result-count').textContent,
    };
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

/** When each file was first asked for (ms, the page's clock). */
const started = (page) => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
  .map((e) => [new URL(e.name).pathname.split('/').pop(), e.startTime]).reverse()));

test('a query alone shows its first cards before the app\'s wasm is asked for, and the app keeps them', async () => {
  const { page, context, problems } = await openPage(env, null, { serviceWorkers: 'block' });
  await context.addInitScript(watchFirstResults);
  await page.goto(`${env.server.url}?q=${encodeURIComponent('numérique')}`);
  await appStarted(page);
  const first = await page.evaluate(() => window.__first);
  assert.ok(first, 'first cards were shown before the app');
  assert.equal(first.ids.length, 10, 'the first 10 cards');
  assert.ok(first.marks >= 10, `the query's words marked in the snippets (${first.marks})`);
  assert.equal(first.box, 'numérique');
  const times = await started(page);
  const wasm = Object.keys(times).filter((f) => /^raqmi-[0-9a-f]{16}_bg\.wasm$/.test(f));
  const glue = Object.keys(times).filter((f) => /^raqmi-[0-9a-f]{16}\.js$/.test(f));
  assert.equal(wasm.length, 1, Object.keys(times).join(' '));
  assert.equal(glue.length, 1);
  assert.ok(times[wasm[0]] > first.at && times[glue[0]] > first.at,
    `the app's glue (${times[glue[0]]} ms) and wasm (${times[wasm[0]]} ms) after the first cards (${first.at} ms)`);
  assert.ok(times['raqmi-first_bg.wasm'] < first.at);
  // Only what the first cards need: no figures table, facets file or pack before them.
  const before = Object.entries(times).filter(([, t]) => t <= first.at).map(([f]) => f);
  assert.deepEqual(before.filter((f) => /^(figures|facets|pack)-/.test(f)), [], before.join(' '));
  assert.ok(before.filter((f) => f.startsWith('text-')).length >= 1);
  // The app took over: the same cards first, in the same order, and the same count.
  await page.waitForFunction(() => document.querySelectorAll('.results-view article.result').length >= 20);
  const app = await page.evaluate(() => ({
    ids: [...document.querySelectorAll('.results-view article.result')].map((c) => c.dataset.id),
    count: document.querySelector('.results-view .result-count').textContent,
    box: document.querySelector('input[type=search]').value,
  }));
  assert.deepEqual(app.ids.slice(0, 10), first.ids);
  assert.equal(app.count, first.count);
  assert.equal(app.box, 'numérique');
  await assertClean(page, problems);
  await context.close();
});

test('what is typed in the first cards\' search box before the app starts is the app\'s query', async () => {
  const { page, context, problems } = await openPage(env, null, { serviceWorkers: 'block' });
  await context.addInitScript(watchFirstResults);
  // The app's glue waits until the first cards have been typed into.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/raqmi-[0-9a-f]{16}\.js$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${env.server.url}?q=${encodeURIComponent('numérique')}`);
  await page.waitForFunction(() => window.__first);
  await page.locator('.prerendered input[type=search]').fill('formation');
  release();
  await appStarted(page);
  await page.waitForFunction(() => document.querySelector('input[type=search]').value === 'formation'
    && /q=formation/.test(window.location.search));
  await page.waitForFunction(() => [...document.querySelectorAll('.results-view .snippet mark')]
    .some((m) => /^formation/i.test(m.textContent)));
  await assertClean(page, problems);
  await context.close();
});

test('any other URL never asks for the first-results wasm; the default view preloads the app\'s', async () => {
  for (const path of ['', '?q=numerique&view=chart', '?q=numerique&org=AUSIM', '?lang=en&q=numerique', '?q=%20']) {
    const { page, context, problems } = await openPage(seeds, null, { serviceWorkers: 'block' });
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname.split('/').pop()));
    await page.goto(seeds.server.url + path);
    await page.waitForFunction(() => performance.getEntriesByName('raqmi:first-results').length > 0);
    assert.deepEqual(asked.filter((f) => /first/.test(f)), [], path);
    assert.ok(asked.some((f) => /^raqmi-[0-9a-f]{16}_bg\.wasm$/.test(f)), path);
    await assertClean(page, problems);
    await context.close();
  }
});

test('when the first-results wasm or its glue cannot load, the app starts and shows the query itself', async () => {
  for (const missing of [/raqmi-first_bg\.wasm$/, /raqmi-first\.js$/]) {
    const { page, context, problems } = await openPage(seeds, null, { serviceWorkers: 'block' });
    await context.addInitScript(watchFirstResults);
    await page.route(missing, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${seeds.server.url}?q=devoxx`);
    await appStarted(page);
    await page.waitForFunction(() => document.querySelectorAll('.results-view article.result').length === 1);
    assert.equal(await page.evaluate(() => window.__first ?? null), null, `nothing drawn before the app (${missing})`);
    // The refused download's own console line only: no page error.
    await assertClean(page, problems.filter((p) => !/404|Failed to load resource/.test(p)));
    await context.close();
  }
});

test('over the seeds, the first card is the app\'s, with its headline and marked snippet', async () => {
  const { page, context, problems } = await openPage(seeds, null, { serviceWorkers: 'block' });
  await context.addInitScript(watchFirstResults);
  await page.goto(`${seeds.server.url}?q=devoxx`);
  await page.waitForFunction(() => window.__first);
  const drawn = await page.evaluate(() => document.querySelector('.prerendered .results').outerHTML);
  assert.match(drawn, /<mark>Devoxx<\/mark>/);
  assert.match(drawn, /href="\.\/\?q=devoxx&amp;doc=003_33d08dc07e69b5e4&amp;view=doc"/);
  await appStarted(page);
  const app = await page.evaluate(() => document.querySelector('.results-view .results').outerHTML);
  // The same markup but the app's own-article mark slot and its attributes' order.
  const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  assert.equal(text(app), text(drawn));
  await assertClean(page, problems);
  await context.close();
});
