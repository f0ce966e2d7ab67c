// What partners see (issue 15), under the strict policy sent as headers: an embed is one focused
// view (no nav, header or way back unless controls=1) with a source line to the full view and a
// "Télécharger les données" CSV of exactly what is drawn; a figure category picks its chart;
// dark=auto follows the reader's system.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { securityHeaders } from '../../scripts/csp.mjs';
import { DIST, setUp, openPage, assertClean, listing } from './harness.mjs';

let env;
before(async () => { env = await setUp({ headers: securityHeaders({ dir: DIST }) }); });
after(async () => { await env?.close(); });

const ARTICLES = [...listing(new URL('../../seeds/', import.meta.url).pathname)].filter((f) => f.endsWith('.txt')).length;
const marks = (page) => page.locator('.chart-svg .chart-overlay-layer .chart-mark');

/** The chrome an embed must not show: landmarks and links that lead away from its one view. */
async function chrome(page) {
  return page.evaluate(() => ({
    nav: document.querySelectorAll('nav').length,
    header: document.querySelectorAll('header').length,
    back: [...document.querySelectorAll('a')].filter((a) => /Retour|←/.test(a.textContent)).length,
    prevNext: document.querySelectorAll('a[rel="prev"], a[rel="next"]').length,
    search: document.querySelectorAll('input[type="search"]').length,
  }));
}

const NONE = { nav: 0, header: 0, back: 0, prevNext: 0, search: 0 };

for (const [name, path, ready] of [
  ['the chart', '?view=chart&cat=budget&embed=1', 'figure.chart'],
  ['the article', '?doc=003_33d08dc07e69b5e4&view=doc&embed=1', 'article.reader'],
  ['the list', '?q=devoxx&embed=1', 'main#main .result'],
  ['a missing article', '?doc=nope&view=doc&embed=1', 'main#main .missing'],
]) {
  test(`an embedded ${name} is that view alone, with its source line`, async () => {
    const { page, problems } = await openPage(env, path);
    await page.locator(ready).first().waitFor();
    assert.deepEqual(await chrome(page), NONE);
    const source = page.locator('.embed-source a');
    assert.equal(await source.count(), 1);
    const text = await source.textContent();
    assert.match(text, new RegExp(`^Source : Raqmi, ${ARTICLES} articles, \\S.*\\d{4}$`));
    // It leads to the same view in the full app, in a new tab.
    const href = new URL(await source.getAttribute('href'), page.url());
    assert.equal(href.searchParams.get('embed'), null);
    const asked = new URL(path, page.url()).searchParams;
    asked.delete('embed');
    for (const [k, v] of asked) assert.equal(href.searchParams.get(k), v, `${k} in ${href}`);
    assert.equal(await source.getAttribute('target'), '_blank');
    await assertClean(page, problems);
  });
}

test('controls=1 brings the chart tabs back into an embedded chart', async () => {
  const { page, problems } = await openPage(env, '?view=chart&embed=1&controls=1');
  await page.locator('figure.chart').waitFor();
  const tabs = page.getByRole('navigation', { name: 'Type de graphique' });
  assert.equal(await tabs.getByRole('link').count(), 4);
  assert.equal((await chrome(page)).header, 0);
  await tabs.getByRole('link', { name: 'Personnes' }).click();
  await page.waitForURL(/chart=people/);
  assert.match(page.url(), /embed=1&controls=1/);
  await assertClean(page, problems);
});

test('"Télécharger les données" in an embed gives the CSV of exactly the marks drawn', async () => {
  for (const path of ['?view=chart&cat=budget&embed=1', '?view=chart&chart=people&embed=1', '?view=chart&chart=timeline&embed=1']) {
    const { page, problems } = await openPage(env, path);
    await page.locator('figure.chart').waitFor();
    const drawn = await marks(page).evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label')));
    assert.ok(drawn.length > 0, path);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger les données' }).click(),
    ]);
    const lines = (await readFile(await download.path(), 'utf8')).split('\r\n').filter(Boolean);
    assert.equal(lines[0].split(',')[0], 'label');
    assert.equal(lines.length - 1, drawn.length, `${path}: ${lines.join(' | ')}`);
    // Row i is mark i: its label starts the mark's spoken label.
    const table = await page.locator('figure.chart details tbody th').allTextContents();
    lines.slice(1).forEach((line, i) => {
      const label = line.startsWith('"') ? line.slice(1).split('",')[0].replaceAll('""', '"') : line.split(',')[0];
      assert.equal(label, table[i], `${path} row ${i}`);
    });
    await assertClean(page, problems);
  }
});

test('cat=participants with view=chart shows the people chart and its figures', async () => {
  for (const path of ['?cat=participants&view=chart', '?view=chart&cat=participants&chart=budget']) {
    const { page, problems } = await openPage(env, path);
    await page.locator('figure.chart').waitFor();
    assert.equal(await page.locator('.chart-svg svg[role="img"] title').first().textContent(),
      'Participants, membres, bénéficiaires et emplois');
    assert.ok(await marks(page).count() > 0);
    assert.equal(await page.locator('.chart-empty').count(), 0);
    assert.equal(await page.locator('nav.chart-tabs a[aria-current="page"]').textContent(), 'Personnes');
    await assertClean(page, problems);
  }
});

test('dark=auto follows prefers-color-scheme; dark=0 and theme=dark override it', async () => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const cases = [
    ['?dark=auto&view=chart&embed=1', 'dark', 'rgb(18, 20, 23)'],
    ['?dark=auto&view=chart&embed=1', 'light', 'rgb(255, 255, 255)'],
    ['?dark=0&view=chart&embed=1', 'dark', 'rgb(255, 255, 255)'],
    ['?theme=dark&view=chart&embed=1', 'light', 'rgb(18, 20, 23)'],
  ];
  const charts = {};
  for (const [path, scheme, expected] of cases) {
    const { page, problems } = await openPage(env, path, { colorScheme: scheme });
    await page.locator('figure.chart').waitFor();
    assert.equal(await background(page), expected, `${path} under ${scheme}`);
    // The chart is drawn in the same theme.
    charts[`${path} ${scheme}`] = await page.locator('.chart-svg svg').first().innerHTML();
    assert.deepEqual((await openPageNotices(page)), [], path);
    await assertClean(page, problems);
  }
  assert.notEqual(charts['?dark=auto&view=chart&embed=1 dark'], charts['?dark=auto&view=chart&embed=1 light']);
  assert.equal(charts['?dark=auto&view=chart&embed=1 dark'], charts['?theme=dark&view=chart&embed=1 light']);
});

/** The URL notices on screen (a parameter the app did not understand). */
function openPageNotices(page) {
  return page.locator('.notices li').allTextContents();
}

test("a chart's accessible name says how many marks, the largest and the smallest", async () => {
  const { page, problems } = await openPage(env, '?view=chart&cat=budget');
  await page.locator('figure.chart').waitFor();
  // The name screen readers get (computed by the browser's accessibility rules).
  const image = page.getByRole('img', {
    name: /^Montants cités \(MAD\) .*2 barre\(s\) dessinée\(s\)\. La plus grande : .+ \(13,3 M MAD\) ; la plus petite : .+ \(3,9 M MAD\)\./,
  });
  assert.equal(await image.count(), 1);
  for (const path of ['?view=chart&chart=people', '?view=chart&chart=timeline', '?view=chart&chart=shares']) {
    await page.goto(new URL(path, env.server.url).href);
    await page.locator('figure.chart').waitFor();
    const marks = await page.locator('.chart-svg .chart-overlay-layer .chart-mark').count();
    const named = page.getByRole('img', { name: new RegExp(`${marks} barre\\(s\\)( verticale\\(s\\))? dessinée\\(s\\)\\. La plus grande : `) });
    assert.equal(await named.count(), 1, path);
  }
  await assertClean(page, problems);
});

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

for (const [name, path, options, open] of [
  ['an embedded chart', '?view=chart&cat=budget&embed=1', {}],
  ['an embedded article', '?doc=003_33d08dc07e69b5e4&view=doc&embed=1', {}],
  ['the phone filter dialog', '', { viewport: { width: 320, height: 568 } }, 'Filtres (0)'],
]) {
  test(`axe-core finds no accessibility violation on ${name}`, async () => {
    const { page, problems } = await openPage(env, path, options);
    await page.locator('main h1').first().waitFor();
    if (open) {
      await page.locator('#app > .site-header').waitFor();
      await page.getByRole('button', { name: open }).click();
      await page.getByRole('dialog').waitFor();
    }
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, []);
    await assertClean(page, problems);
  });
}
