// The prerendered default view (crates/explorer/src/prerender.rs, written into index.html by
// scripts/post-build.mjs): its results are real HTML, painted before any wasm runs, with working
// links even without JavaScript; the app replaces it with the same markup and the same results
// (one list, one search box, no duplicate id), keeping what was typed before it was ready;
// a URL asking for another view never shows it (www/boot.js). Its first paint needs nothing but
// index.html: the stylesheet and boot.js are inline (scripts/post-build.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setUp, openPage, assertClean } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const SEED_IDS = ['002', '000', '001', '003', '004']; // newest first, as the app lists them

/** Records, from before the page's first script, the paints of the prerendered first headline. */
async function watchPrerenderPaint(page) {
  await page.addInitScript(() => {
    window.__prerenderPaints = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.identifier === 'raqmi:first-result') window.__prerenderPaints.push(e.renderTime);
      }
    }).observe({ type: 'element', buffered: true });
  });
}

const appMounted = (page) => page.waitForFunction(() => performance.getEntriesByName('raqmi:first-results').length > 0);

test('without JavaScript the page lists the articles, and their links open the reader URL', async () => {
  const { page, problems } = await openPage(env, '', { javaScriptEnabled: false });
  const articles = page.locator('article.result');
  await articles.first().waitFor();
  assert.equal(await articles.count(), 5);
  assert.deepEqual(await articles.evaluateAll((as) => as.map((a) => a.dataset.id.slice(0, 3))), SEED_IDS);
  assert.match(await page.getByRole('status').textContent(), /^5 articles$/);
  const apebi = page.locator('article', { hasText: '004_1a904081dba04b63' });
  assert.equal(await apebi.getByRole('heading', { level: 2 }).textContent(), "Digitalisation : l'APEBI lance des think tanks");
  assert.equal(await apebi.locator('time').getAttribute('datetime'), '2021-04-12');
  assert.equal(await apebi.locator('time').textContent(), '12 avril 2021');
  // One search box and one main, as in the app.
  assert.equal(await page.locator('#search').count(), 1);
  assert.equal(await page.locator('main#main').count(), 1);
  // A plain link of the URL scheme: it works with nothing but HTML.
  await apebi.getByRole('link').click();
  await page.waitForURL(/\?doc=004_1a904081dba04b63&view=doc$/);
  await assertClean(page, problems);
});

test('the prerendered results are painted with no wasm at all, then replaced by the same list', async () => {
  const { page, context, problems } = await openPage(env, null);
  await watchPrerenderPaint(page);
  const html = await (await context.request.get(env.server.url)).text();
  // The wasm is held until the prerendered headline is painted: the paint owes nothing to the
  // app. (Held, because Chromium drops an Element Timing entry whose element is gone before
  // the paint's timestamp comes back, which a fast app could make happen.)
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__prerenderPaints.length > 0);
  assert.equal(await page.evaluate(() => performance.getEntriesByName('raqmi:takeover').length), 0);
  release();
  await appMounted(page);
  const { paints, takeover } = await page.evaluate(() => ({
    paints: window.__prerenderPaints,
    takeover: performance.getEntriesByName('raqmi:takeover')[0].startTime,
  }));
  assert.equal(paints.length, 1, 'the prerendered headline is painted once');
  assert.ok(paints[0] > 0 && paints[0] < takeover, `prerendered painted at ${paints[0]} ms, taken over at ${takeover} ms`);

  const result = await page.evaluate((html) => {
    // The cards of a list: id, headline, link, date, source, in order.
    const cards = (root) => [...root.querySelectorAll('article.result')].map((a) => ({
      id: a.dataset.id,
      headline: a.querySelector('h2').textContent,
      href: a.querySelector('a.result-link').getAttribute('href'),
      datetime: a.querySelector('time')?.getAttribute('datetime') ?? null,
      date: a.querySelector('time')?.textContent ?? null,
      source: a.querySelector('.source')?.textContent ?? null,
    }));
    const pre = new DOMParser().parseFromString(html, 'text/html').querySelector('.prerendered');
    // The same markup as the app's, but for what only the prerendered view has (disabled
    // controls, the Element Timing attribute) and the facet panel (a placeholder there).
    const BOOLEAN = new Set(['selected', 'disabled']);
    const tree = (n) => {
      if (n.nodeType === Node.TEXT_NODE) return n.textContent;
      if (n.nodeType !== Node.ELEMENT_NODE) return null;
      if (n.matches('.facets-placeholder, aside.facets, dialog')) return null;
      const attrs = [...n.attributes]
        .filter((a) => a.name !== 'elementtiming' && a.name !== 'disabled')
        .map((a) => (BOOLEAN.has(a.name) ? a.name : `${a.name}=${a.value}`)).sort();
      return [n.localName, attrs.join(' '), ...[...n.childNodes].map(tree).filter((x) => x !== null)];
    };
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return {
      preCards: cards(pre),
      appCards: cards(document),
      preTree: [...pre.childNodes].map(tree).filter((x) => x !== null),
      appTree: [...document.getElementById('app').childNodes].map(tree).filter((x) => x !== null),
      lists: document.querySelectorAll('ol.results').length,
      searchBoxes: document.querySelectorAll('input[type=search]').length,
      prerendered: document.querySelectorAll('.prerendered').length,
      appContentVisibility: getComputedStyle(document.querySelector('article.result')).contentVisibility,
      duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
    };
  }, html);
  assert.equal(result.preCards.length, 5);
  assert.deepEqual(result.preCards.map((c) => c.id.slice(0, 3)), SEED_IDS);
  assert.deepEqual(result.appCards, result.preCards);
  assert.deepEqual(result.appTree, result.preTree);
  assert.equal(result.lists, 1);
  assert.equal(result.searchBoxes, 1);
  assert.equal(result.prerendered, 0);
  assert.equal(result.appContentVisibility, 'auto', "the app's cards skip layout off screen");
  assert.deepEqual(result.duplicateIds, []);
  await assertClean(page, problems);
});

test('the first view needs nothing but index.html: styled and painted, or hidden for a deep link, with every other request refused', async () => {
  for (const path of ['', '?q=devoxx']) {
    const { page, problems } = await openPage(env, null);
    await watchPrerenderPaint(page);
    const refused = [];
    await page.route('**/*', (route) => {
      if (route.request().resourceType() === 'document') return route.continue();
      refused.push(new URL(route.request().url()).pathname);
      return route.abort();
    });
    await page.goto(env.server.url + path);
    const seen = await page.evaluate(() => {
      const pre = document.querySelector('.prerendered');
      const card = pre.querySelector('article.result');
      return {
        stale: document.documentElement.dataset.prerender ?? null,
        visible: pre.checkVisibility(),
        // The stylesheet's rules, applied: a grid list of rounded cards.
        list: getComputedStyle(pre.querySelector('ol.results')).display,
        radius: getComputedStyle(card).borderTopLeftRadius,
        // Laid out in one pass for the first frame, unlike the app's cards (content-visibility: auto).
        contentVisibility: getComputedStyle(card).contentVisibility,
      };
    });
    assert.ok(refused.length > 0, 'the page asked for its scripts and the wasm, and was refused');
    assert.deepEqual(refused.filter((p) => /\.css$/.test(p) || /boot/.test(p)), [], 'no stylesheet, no boot script to fetch');
    if (path === '') {
      await page.waitForFunction(() => window.__prerenderPaints.length > 0);
      assert.deepEqual(seen, { stale: null, visible: true, list: 'grid', radius: '8px', contentVisibility: 'visible' });
    } else {
      assert.deepEqual(seen, { stale: 'stale', visible: false, list: 'grid', radius: '8px', contentVisibility: 'visible' });
      assert.deepEqual(await page.evaluate(() => window.__prerenderPaints), []);
    }
    // Only the refused requests' own errors.
    assert.deepEqual(problems.filter((p) => !/net::ERR_FAILED|Failed to load/.test(p)), []);
    await page.context().close();
  }
});

test('the wasm is preloaded at low priority, behind the page and its first paint', async () => {
  const { page, context, problems } = await openPage(env, null);
  const cdp = await context.newCDPSession(page);
  const priorities = new Map();
  cdp.on('Network.requestWillBeSent', ({ request }) => {
    const name = new URL(request.url).pathname.split('/').pop();
    if (!priorities.has(name)) priorities.set(name, request.initialPriority);
  });
  await cdp.send('Network.enable');
  await page.goto(env.server.url);
  await appMounted(page);
  const wasm = [...priorities].filter(([name]) => name.endsWith('.wasm'));
  assert.deepEqual(wasm.map(([, priority]) => priority), ['Low']);
  assert.equal(priorities.get(''), 'VeryHigh', 'the page itself');
  await assertClean(page, problems);
});

for (const path of ['?q=devoxx', '?doc=003_33d08dc07e69b5e4&view=doc', '?lang=ar', '?org=AUSIM', '?zzz=1']) {
  test(`a deep link (${path}) never shows the prerendered default list`, async () => {
    const { page, problems } = await openPage(env, null);
    await watchPrerenderPaint(page);
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const pre = document.querySelector('.prerendered');
        window.__atDomContentLoaded = { present: pre !== null, visible: pre?.checkVisibility() ?? false };
      });
    });
    await page.goto(env.server.url + path);
    await appMounted(page);
    const seen = await page.evaluate(() => ({ dcl: window.__atDomContentLoaded, paints: window.__prerenderPaints }));
    // Present in the page (it is the same file for every URL), never displayed, never painted.
    assert.deepEqual(seen.dcl, { present: true, visible: false });
    assert.deepEqual(seen.paints, []);
    assert.equal(await page.locator('.prerendered').count(), 0);
    if (path === '?q=devoxx') {
      await page.waitForFunction(() => document.querySelectorAll('article.result').length === 1);
      assert.equal(await page.locator('article.result').getAttribute('data-id'), '003_33d08dc07e69b5e4');
    }
    await assertClean(page, problems);
  });
}

test('what is typed before the app is ready stays, with its focus and caret, and the results follow it', async () => {
  const { page, problems } = await openPage(env, null);
  // Hold the wasm back until the person has typed.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let heldRequests = 0;
  await page.route(/\.wasm$/, async (route) => {
    heldRequests += 1;
    await held;
    await route.continue();
  });
  await page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
  const box = page.locator('.prerendered input[type=search]');
  await box.waitFor();
  // "/" focuses the prerendered box (www/boot.js), as the app's shortcut does.
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.prerendered') !== null && document.activeElement.id), 'search');
  await page.keyboard.type('devx');
  await page.keyboard.press('ArrowLeft');
  // Enter does not submit the form (the policy would refuse it: assertClean below).
  await page.keyboard.press('Enter');
  assert.ok(heldRequests >= 1, 'the wasm was requested and held');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('raqmi:first-results').length), 0, 'the app is not running yet');

  release();
  await appMounted(page);
  assert.equal(await page.locator('.prerendered').count(), 0);
  assert.equal(await page.locator('input[type=search]').count(), 1);
  const state = await page.evaluate(() => {
    const input = document.getElementById('search');
    return { value: input.value, focused: document.activeElement === input, caret: [input.selectionStart, input.selectionEnd] };
  });
  assert.deepEqual(state, { value: 'devx', focused: true, caret: [3, 3] });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'devx');
  // Typing goes on in the app's box, at the caret: "devx" becomes "devox", which finds Devoxx.
  await page.keyboard.type('o');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'devox');
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 1);
  assert.equal(await page.locator('article.result').getAttribute('data-id'), '003_33d08dc07e69b5e4');
  await assertClean(page, problems);
});

test('the post_build hook fails the build, saying why, when the view cannot be prerendered', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const tmp = mkdtempSync(join(tmpdir(), 'raqmi-prerender-'));
  try {
    const page = '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="app"><!-- raqmi:prerender --></div></body></html>';
    const stage = join(tmp, 'stage');
    const corpus = join(tmp, 'corpus');
    mkdirSync(stage);
    mkdirSync(corpus);
    writeFileSync(join(corpus, '001_vide.txt'), '   \n');
    const hook = (env) => {
      writeFileSync(join(stage, 'index.html'), page);
      return spawnSync('node', ['scripts/post-build.mjs'], {
        cwd: root, encoding: 'utf8', env: { ...process.env, TRUNK_STAGING_DIR: stage, TRUNK_PROFILE: 'release', ...env },
      });
    };
    // A bad corpus: the CLI's path:line message, then the hook's, and a failed build.
    const bad = hook({ RAQMI_CORPUS_DIR: corpus });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /001_vide\.txt:1: no text/);
    assert.match(bad.stderr, /post-build: error: `corpus build .*corpus .*stage` failed/);
    // The page lost its placeholder: said, and failed.
    writeFileSync(join(stage, 'index.html'), page.replace('<!-- raqmi:prerender -->', ''));
    const lost = spawnSync('node', ['scripts/post-build.mjs'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, TRUNK_STAGING_DIR: stage, TRUNK_PROFILE: 'release' },
    });
    assert.equal(lost.status, 1);
    assert.match(lost.stderr, /exactly one <!-- raqmi:prerender --> comment inside #app, found 0/);
    // The same hook on the seeds writes the view where the comment was.
    const good = hook({ RAQMI_CORPUS_DIR: '' });
    assert.equal(good.status, 0, good.stderr);
    const html = readFileSync(join(stage, 'index.html'), 'utf8');
    assert.match(html, /<div id="app"><div class="prerendered">/);
    assert.equal(html.match(/<article class="result"/g).length, 5);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
