// Charts, end to end: the budget chart shows the two Devoxx budgets and each bar leads to its
// sentence; the data table matches the bars; the CSV download has the expected rows; the people
// chart draws "plus de 1100" and "environ 100" honestly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, openPage, assertClean } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const marks = (page) => page.locator('.chart-svg .chart-overlay-layer .chart-mark');

test('with cat=budget the chart shows the two Devoxx budgets, 13,3 and 3,9 million MAD', async () => {
  const { page, problems } = await openPage(env, '?view=chart&cat=budget');
  await page.locator('figure.chart').waitFor();
  assert.equal(await marks(page).count(), 2);
  const labels = await marks(page).evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label')));
  assert.ok(labels.some((l) => l.includes('13,3 M MAD')), labels.join(' | '));
  assert.ok(labels.some((l) => l.includes('3,9 M MAD')), labels.join(' | '));
  const image = page.locator('.chart-svg svg[role="img"]');
  assert.equal(await image.count(), 1);
  assert.equal(await image.locator('title').first().textContent(), 'Montants cités (MAD)');
  assert.match(await page.locator('figure.chart figcaption').textContent(), /Montants cités/);
  // Every mark is keyboard-reachable.
  for (const m of await marks(page).all()) assert.equal(await m.evaluate((e) => e.tabIndex >= 0), true);
  await assertClean(page, problems);
});

test('clicking the 13,3 bar opens article 003 with that figure highlighted', async () => {
  const { page, problems } = await openPage(env, '?view=chart&cat=budget');
  await page.locator('figure.chart').waitFor();
  await marks(page).filter({ has: page.locator('title', { hasText: '13,3 M MAD' }) }).click();
  await page.waitForURL(/doc=003_33d08dc07e69b5e4/);
  const target = page.locator('article.reader data.fig-target');
  await target.waitFor();
  assert.equal(await target.getAttribute('value'), '13300000');
  assert.equal(await target.textContent(), '13, 3 millions de dhs');
  // The page scrolled to it and the keyboard focus is on it.
  assert.equal(await page.evaluate(() => document.activeElement?.querySelector('data')?.getAttribute('value')), '13300000');
  // Its card: the value drawn, the sentence, the article and the date.
  const card = page.locator('figure.figure-card');
  assert.equal(await card.locator('svg[role="img"]').count(), 1);
  const caption = await card.locator('figcaption').textContent();
  assert.match(caption, /13,3 M MAD/);
  assert.match(caption, /enveloppe budgétaire de 13, 3 millions de dhs/);
  assert.match(caption, /La digitalisation en verve dans le Souss · 2022/);
  await page.goBack();
  await page.locator('figure.chart').waitFor();
  await assertClean(page, problems);
});

test('the data table, one click away, matches the bars', async () => {
  const { page, problems } = await openPage(env, '?view=chart&cat=budget');
  await page.locator('figure.chart').waitFor();
  const table = page.locator('figure.chart details table');
  assert.equal(await table.isVisible(), false);
  await page.locator('figure.chart details summary').click();
  assert.equal(await table.isVisible(), true);
  const values = await table.locator('tbody td.num data').evaluateAll((ds) => ds.map((d) => d.getAttribute('value')));
  assert.deepEqual(values, ['13300000', '3900000']);
  const barText = await marks(page).evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label')));
  const cells = await table.locator('tbody td.num').allTextContents();
  cells.forEach((c, i) => assert.ok(barText[i].includes(c), `${c} / ${barText[i]}`));
  await assertClean(page, problems);
});

test('the CSV download holds the figures with their sentence, article, date and source', async () => {
  const { page, problems } = await openPage(env, '?view=chart&cat=budget');
  await page.locator('figure.chart').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Données CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'raqmi-budget.csv');
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  assert.equal(lines.length, 3, csv);
  assert.match(lines[0], /doc/i);
  assert.ok(lines.some((l) => l.includes('13300000') && l.includes('003_33d08dc07e69b5e4') && l.includes('13, 3 millions de dhs')), csv);
  assert.ok(lines.some((l) => l.includes('3900000') && l.includes('3,9 millions de dhs')), csv);
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Données JSON' }).click(),
  ]);
  const data = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.ok(JSON.stringify(data).includes('13300000'));
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger SVG' }).click(),
  ]);
  assert.match(await readFile(await svg.path(), 'utf8'), /^<svg[^>]*role="img"/);
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger PNG' }).click(),
  ]);
  const bytes = await readFile(await png.path());
  assert.deepEqual([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
  await assertClean(page, problems);
});

test('cat=participants shows 1100 marked "plus de" and about 100, drawn as not exact', async () => {
  const { page, problems } = await openPage(env, '?view=chart&chart=people&cat=participants');
  await page.locator('figure.chart').waitFor();
  const labels = await marks(page).evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label')));
  assert.equal(labels.length, 2, labels.join(' | '));
  assert.ok(labels.some((l) => l.includes('plus de 1 100')), labels.join(' | '));
  assert.ok(labels.some((l) => l.includes('≈ 100')), labels.join(' | '));
  const drawing = await page.locator('.chart-svg svg[role="img"]').innerHTML();
  assert.ok(drawing.includes('≥'), 'an open end marks "plus de"');
  assert.ok(drawing.includes('≈'), 'a whisker marks "environ"');
  await assertClean(page, problems);
});

test('a chart with nothing to draw says why', async () => {
  const { page, problems } = await openPage(env, '?view=chart&q=Devoxx&chart=shares');
  await page.locator('.chart-empty').waitFor();
  assert.match(await page.locator('.chart-empty').textContent(), /Aucun/);
  assert.equal(await page.locator('figure.chart').count(), 0);
  await assertClean(page, problems);
});

test('a timeline period leads to the list of its articles', async () => {
  const { page, problems } = await openPage(env, '?view=chart&chart=timeline');
  await page.locator('figure.chart').waitFor();
  const period = page.locator('.chart-overlay-layer .chart-mark-period').first();
  const when = await period.getAttribute('data-period');
  await period.click();
  await page.locator('.results-view').waitFor();
  assert.match(page.url(), /from=\d{4}/);
  assert.ok(when);
  assert.ok(await page.locator('article.result').count() >= 1);
  await assertClean(page, problems);
});
