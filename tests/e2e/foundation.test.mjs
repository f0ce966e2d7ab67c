// The first vertical slice: the built app lists the bundled articles with the page semantics
// of the design note, and loads nothing from outside its origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, assertClean } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

test('the app lists the five seed articles as <article> elements', async () => {
  const { page, problems } = await openPage(env);
  await page.locator('article').first().waitFor();
  assert.equal(await page.locator('article').count(), 5);
  await assertClean(page, problems);
});

test('each article shows its headline or first words, its date and its file id', async () => {
  const { page, problems } = await openPage(env);
  const apebi = page.locator('article', { hasText: '004_1a904081dba04b63' });
  await apebi.waitFor();
  assert.equal(await apebi.getByRole('heading').textContent(), "Digitalisation : l'APEBI lance des think tanks");
  assert.equal(await apebi.locator('time').getAttribute('datetime'), '2021-04-12');
  const ausim = page.locator('article', { hasText: '000_355bd2c2e8048c55' });
  assert.match(await ausim.getByRole('heading').textContent(), /^L’Association des Utilisateurs/);
  assert.equal(await ausim.locator('time').getAttribute('datetime'), '2024-10');
  const devoxx = page.locator('article', { hasText: '003_33d08dc07e69b5e4' });
  assert.equal(await devoxx.locator('time').getAttribute('datetime'), '2022');
  await assertClean(page, problems);
});

test('the result count is announced in a status region', async () => {
  const { page, problems } = await openPage(env);
  await page.locator('article').first().waitFor();
  assert.match(await page.getByRole('status').textContent(), /5 articles/);
  await assertClean(page, problems);
});
