// The take-over keeps what is painted (issue 15): the prerendered cards' headlines are the
// very nodes the app shows (tagged with a JS property as the parser inserts them, before any
// app script, found again after), the largest paint's element is one of them, and a kept
// headline's link still opens the article inside the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { securityHeaders } from '../../scripts/csp.mjs';
import { DIST, setUp, openPage, assertClean, appStarted } from './harness.mjs';

let env;
before(async () => { env = await setUp({ headers: securityHeaders({ dir: DIST }) }); });
after(async () => { await env?.close(); });

function tagPrerendered(page) {
  return page.addInitScript(() => {
    window.lcp = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.lcp.push(e); })
      .observe({ type: 'largest-contentful-paint', buffered: true });
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType === 1 && n.matches('.prerendered article.result > h2')) n.raqmiPrerendered = n.parentElement.dataset.id;
        if (n.nodeType === 1) for (const h of n.querySelectorAll('.prerendered article.result > h2')) h.raqmiPrerendered = h.parentElement.dataset.id;
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

for (const viewport of [{ width: 412, height: 823 }, { width: 1350, height: 940 }]) {
  test(`at ${viewport.width} px the app shows the prerendered headlines themselves, the largest paint's among them`, async () => {
    const { page, problems } = await openPage(env, null, { viewport });
    await tagPrerendered(page);
    await page.goto(env.server.url);
    await appStarted(page);
    const seen = await page.evaluate(() => [...document.querySelectorAll('main .result')].slice(0, 5).map((card) => ({
      id: card.dataset.id, tagged: card.querySelector('h2').raqmiPrerendered ?? null,
    })));
    assert.equal(seen.length, 5);
    for (const { id, tagged } of seen) assert.equal(tagged, id, `the headline of ${id} is the prerendered node`);
    await page.waitForFunction(() => window.lcp.length > 0);
    const lcp = await page.evaluate(() => {
      const e = window.lcp.at(-1).element;
      return { connected: e?.isConnected, tagged: e?.closest('h2')?.raqmiPrerendered ?? null, inApp: !!e?.closest('main .result') };
    });
    assert.deepEqual([lcp.connected, lcp.inApp], [true, true]);
    assert.ok(lcp.tagged, 'the largest paint is a kept headline');
    await assertClean(page, problems);
  });
}

test("a kept headline's link opens the article in the app; a query draws the app's own", async () => {
  const { page, problems } = await openPage(env, null);
  await tagPrerendered(page);
  await page.goto(env.server.url);
  await appStarted(page);
  await page.evaluate(() => { window.samePage = true; });
  const first = page.locator('main .result h2 a').first();
  const id = await page.locator('main .result').first().getAttribute('data-id');
  assert.ok(await first.evaluate((a) => a.parentElement.raqmiPrerendered !== undefined));
  await first.click();
  await page.locator('article.reader').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('doc'), id);
  assert.equal(await page.evaluate(() => window.samePage), true, 'no page load');
  await page.goBack();
  await page.locator('main .result').first().waitFor();
  await page.locator('#search').fill('maroc');
  await page.waitForURL(/q=maroc/);
  await page.locator('main .result .snippet').first().waitFor();
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('main .result h2')].some((h) => h.raqmiPrerendered)), false);
  await assertClean(page, problems);
});
