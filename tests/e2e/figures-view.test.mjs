// The "Chiffres" view (view=figures), end to end on the seed articles: a tab next to the others,
// a table of every figure of the filtered articles sortable by each column (buttons in the
// headers, aria-sort saying which way), the same facets as the list changing its rows, a CSV of
// exactly the rows shown, and each row leading to its sentence. The series and disagreement
// badges need a corpus that has some (the seeds have none: `corpus conflicts seeds` lists
// nothing): tests/browser.rs checks them on tests/fixtures/measures-corpus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setUp, openPage, assertClean } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const table = (page) => page.locator('table.figures-table');
const values = (page) => table(page).locator('tbody td.num data')
  .evaluateAll((ds) => ds.map((d) => Number(d.getAttribute('value'))));
const header = (page, name) => table(page).locator('thead th', { has: page.getByRole('button', { name, exact: true }) });

test('?view=figures opens the table of every figure, its tab current', async () => {
  const { page, problems } = await openPage(env, '?view=figures');
  await table(page).waitFor();
  assert.equal(await page.locator('nav.view-tabs a[aria-current="page"]').textContent(), 'Chiffres');
  const rows = await table(page).locator('tbody tr').count();
  assert.ok(rows > 10, `${rows} rows`);
  assert.match(await page.locator('.figures-view [role=status]').textContent(), new RegExp(`^${rows} chiffres$`));
  const heads = await table(page).locator('thead th').allTextContents();
  assert.deepEqual(heads, ['Valeur', 'Quoi', 'Qui', 'Événement', 'Quand', 'Article']);
  // The Devoxx budget: what it funds, who, which event, when.
  const devoxx = table(page).locator('tbody tr', { has: page.locator('data[value="13300000"]') });
  const cells = await devoxx.locator('td').allTextContents();
  assert.match(cells[1], /centre de formation/);
  assert.equal(cells[3], 'Devoxx');
  assert.equal(cells[4], '2022');
  // The tab is a link to the same view from the list.
  const other = await openPage(env, '');
  await other.page.getByRole('link', { name: 'Chiffres', exact: true }).click();
  await other.page.waitForURL(/view=figures/);
  await table(other.page).waitFor();
  await assertClean(other.page, other.problems);
  await assertClean(page, problems);
});

test('each column sorts both ways from its header, by mouse or keyboard', async () => {
  const { page, problems } = await openPage(env, '?view=figures');
  await table(page).waitFor();
  assert.equal(await table(page).locator('thead th[aria-sort]').count(), 0);
  await page.getByRole('button', { name: 'Valeur', exact: true }).click();
  assert.equal(await header(page, 'Valeur').getAttribute('aria-sort'), 'ascending');
  let v = await values(page);
  assert.ok(v.every((x, i) => i === 0 || v[i - 1] <= x), v.join(' '));
  // The keyboard: the header's button, Enter.
  await page.getByRole('button', { name: 'Valeur', exact: true }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await header(page, 'Valeur').getAttribute('aria-sort'), 'descending');
  // The redrawn table gives its button the focus back: Enter again reverses again.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'sort-value');
  await page.keyboard.press('Enter');
  assert.equal(await header(page, 'Valeur').getAttribute('aria-sort'), 'ascending');
  await page.keyboard.press('Enter');
  v = await values(page);
  assert.ok(v.every((x, i) => i === 0 || v[i - 1] >= x), v.join(' '));
  // Another column: only it says how the table is sorted.
  await page.getByRole('button', { name: 'Quand', exact: true }).click();
  assert.equal(await header(page, 'Quand').getAttribute('aria-sort'), 'ascending');
  assert.equal(await table(page).locator('thead th[aria-sort]').count(), 1);
  const periods = await table(page).locator('tbody tr td:nth-child(5)').allTextContents();
  assert.deepEqual(periods, [...periods].sort());
  await page.getByRole('button', { name: 'Qui', exact: true }).click();
  const actors = await table(page).locator('tbody tr td:nth-child(3)').allTextContents();
  const folded = actors.map((a) => a.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  assert.deepEqual(folded, [...folded].sort());
  await assertClean(page, problems);
});

test('the facets filter the table like the list, and the URL says so', async () => {
  const { page, problems } = await openPage(env, '?view=figures');
  await table(page).waitFor();
  const all = await table(page).locator('tbody tr').count();
  await page.getByRole('group', { name: 'Type de chiffre' }).getByRole('checkbox', { name: /^budget \(/ }).check();
  await page.waitForURL(/cat=budget/);
  assert.match(page.url(), /view=figures/);
  await page.waitForFunction((n) => document.querySelectorAll('table.figures-table tbody tr').length !== n, all);
  assert.deepEqual((await values(page)).sort((a, b) => a - b), [3900000, 13300000]);
  // An organisation facet too: AUSIM's articles' budgets are none of Devoxx's.
  await page.getByRole('group', { name: 'Type de chiffre' }).getByRole('checkbox', { name: /^budget \(/ }).uncheck();
  await page.getByRole('group', { name: 'Organisation' }).getByRole('checkbox', { name: /^AUSIM \(/ }).check();
  await page.waitForURL(/org=AUSIM/);
  const ausim = await table(page).locator('tbody tr').count();
  assert.ok(ausim > 0 && ausim < all, `${ausim} of ${all}`);
  // Reloading the URL gives the same rows.
  const before = await table(page).locator('tbody tr').evaluateAll((rs) => rs.map((r) => `${r.dataset.doc}#${r.dataset.fig}`));
  await page.reload();
  await table(page).waitFor();
  const after = await table(page).locator('tbody tr').evaluateAll((rs) => rs.map((r) => `${r.dataset.doc}#${r.dataset.fig}`));
  assert.deepEqual(after, before);
  await assertClean(page, problems);
});

test('the CSV holds exactly the rows shown, in their order', async () => {
  const { page, problems } = await openPage(env, '?view=figures&q=Devoxx');
  await table(page).waitFor();
  await page.getByRole('button', { name: 'Valeur', exact: true }).click();
  await page.getByRole('button', { name: 'Valeur', exact: true }).click();
  const shown = await table(page).locator('tbody tr').evaluateAll((rs) => rs.map((r) => `${r.dataset.doc},${r.dataset.fig},${r.querySelector('data').getAttribute('value')}`));
  const button = page.locator('button.figures-csv');
  assert.equal(await button.textContent(), `Exporter ces ${shown.length} lignes (CSV)`);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(download.suggestedFilename(), 'raqmi-chiffres.csv');
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.split('\r\n').filter((l) => l !== '');
  assert.match(lines[0], /^doc_id,figure,value,value_text,subject,actor,event,period/);
  assert.deepEqual(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(',')), shown);
  await assertClean(page, problems);
});

test('a row leads to its article at that figure', async () => {
  const { page, problems } = await openPage(env, '?view=figures&cat=budget');
  await table(page).waitFor();
  const row = table(page).locator('tbody tr', { has: page.locator('data[value="3900000"]') });
  await row.getByRole('link').click();
  await page.waitForURL(/doc=003_33d08dc07e69b5e4.*fig=\d+/);
  const target = page.locator('article.reader data.fig-target');
  await target.waitFor();
  assert.equal(await target.getAttribute('value'), '3900000');
  await page.goBack();
  await table(page).waitFor();
  await assertClean(page, problems);
});

test('the view speaks English and Arabic too', async () => {
  for (const [lang, tab, value] of [['en', 'Figures', 'Value'], ['ar', 'الأرقام', 'القيمة']]) {
    const { page, problems } = await openPage(env, `?view=figures&lang=${lang}`);
    await table(page).waitFor();
    assert.equal(await page.locator('nav.view-tabs a[aria-current="page"]').textContent(), tab);
    assert.equal(await table(page).locator('thead th').first().textContent(), value);
    await assertClean(page, problems);
  }
});

test('the view fits 320 px without horizontal scrolling of the page', async () => {
  const { page, problems } = await openPage(env, '?view=figures', { viewport: { width: 320, height: 640 } });
  await table(page).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${overflow}px of horizontal scroll`);
  await assertClean(page, problems);
});

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

for (const [name, path, sort] of [
  ['the figures view', '?view=figures', 'Valeur'],
  ['the figures view, dark', '?view=figures&theme=dark&cat=budget', null],
  ['the figures view in Arabic', '?view=figures&lang=ar', null],
]) {
  test(`axe-core finds no accessibility violation on ${name}`, async () => {
    const { page, problems } = await openPage(env, path);
    await table(page).waitFor();
    if (sort) await page.getByRole('button', { name: sort, exact: true }).click();
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, []);
    await assertClean(page, problems);
  });
}
