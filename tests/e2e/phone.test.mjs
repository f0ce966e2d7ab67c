// The phone layout (issue 15), at 320 × 568 px: the first result is above the fold, the filters
// wait behind "Filtres (n)" in a modal dialog that works with the keyboard alone (focus kept
// inside, Escape closes and gives the focus back), and chart text stays at least 12 px once
// the drawing is scaled to the screen. Wide screens keep the panel beside the list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { securityHeaders } from '../../scripts/csp.mjs';
import { DIST, setUp, openPage, assertClean } from './harness.mjs';

let env;
before(async () => { env = await setUp({ headers: securityHeaders({ dir: DIST }) }); });
after(async () => { await env?.close(); });

const PHONE = { viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, hasTouch: true };

/** Waits until the app (not the prerendered view) is on screen. */
async function appReady(page) {
  await page.locator('#app > .site-header').waitFor();
}

test('at 320 px the first result is above the fold, before any filter', async () => {
  const { page, problems } = await openPage(env, '', PHONE);
  // The prerendered view already puts it there, then the app. Measured in one step each: the
  // app may replace the prerendered card between two.
  for (const phase of ['prerendered', 'app']) {
    if (phase === 'app') await appReady(page);
    await page.locator('main .result').first().waitFor();
    const { card, headline, line } = await page.evaluate(() => {
      const first = document.querySelector('main .result');
      const h2 = first.querySelector('h2');
      return {
        card: first.getBoundingClientRect().y,
        headline: h2.getBoundingClientRect().y,
        line: parseFloat(getComputedStyle(h2).lineHeight),
      };
    });
    // The card starts in the top three quarters of the screen, its headline's first two lines
    // on screen (a long headline runs on below).
    assert.ok(card >= 0 && card <= 568 * 0.75, `${phase}: first result at ${card}`);
    assert.ok(headline + 2 * line <= 568, `${phase}: first headline at ${headline}`);
  }
  assert.equal(await page.locator('.facets').isVisible(), false, 'the panel waits in its dialog');
  assert.equal(await page.getByRole('button', { name: 'Filtres (0)' }).isVisible(), true);
  // Nothing wider than the screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320));
  await assertClean(page, problems);
});

test('the filter dialog works with the keyboard alone', async () => {
  const { page, problems } = await openPage(env, '', PHONE);
  await appReady(page);
  const opener = page.getByRole('button', { name: 'Filtres (0)' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Filtres' });
  await dialog.waitFor();
  const inDialog = () => page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null);
  assert.equal(await inDialog(), true, 'the focus moved into the dialog');
  // Tab and Shift+Tab never leave it (the page behind is inert).
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    assert.equal(await inDialog(), true, `after ${i + 1} Tab`);
  }
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Shift+Tab');
    assert.equal(await inDialog(), true, `after ${i + 1} Shift+Tab`);
  }
  // Tick a category with the keyboard: the list filters behind the dialog.
  const box = dialog.getByRole('checkbox', { name: /^budget/ });
  await box.focus();
  await page.keyboard.press('Space');
  await page.waitForURL(/cat=budget/);
  assert.equal(await dialog.isVisible(), true, 'the dialog stays open while filtering');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  const reopen = page.getByRole('button', { name: 'Filtres (1)' });
  assert.equal(await reopen.evaluate((b) => b === document.activeElement), true, 'the focus is back on the button');
  await assertClean(page, problems);
});

test('chart text stays at least 12 px once scaled, on a phone and on a wide screen', async () => {
  for (const [options, path] of [
    [PHONE, '?view=chart&cat=budget'],
    [PHONE, '?view=chart&chart=timeline'],
    [PHONE, '?view=chart&chart=people&embed=1'],
    [{ viewport: { width: 1280, height: 800 } }, '?view=chart&chart=timeline'],
    [{ viewport: { width: 900, height: 800 } }, '?view=chart&chart=people'],
  ]) {
    const { page, problems } = await openPage(env, path, options);
    await page.locator('figure.chart').waitFor();
    const smallest = await page.locator('.chart-svg svg').first().evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      return Math.min(...sizes);
    });
    assert.ok(smallest >= 12 - 1e-6, `${path} at ${options.viewport.width} px: ${smallest.toFixed(2)} px`);
    await assertClean(page, problems);
  }
});

test('from 37.5em the panel is beside or above the results, without a dialog', async () => {
  const { page, problems } = await openPage(env, '', { viewport: { width: 1024, height: 768 } });
  await appReady(page);
  assert.equal(await page.locator('.facets').isVisible(), true);
  assert.equal(await page.locator('.filters-open').count(), 0);
  await assertClean(page, problems);
});

test('on a slow phone the largest paint stays the prerendered one: nothing larger comes after the take-over', async () => {
  for (const viewport of [{ width: 412, height: 823 }, { width: 700, height: 900 }, { width: 1350, height: 940 }]) {
    const { page, context, problems } = await openPage(env, null, { viewport });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      window.lcp = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.lcp.push({ time: e.startTime });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(env.server.url);
    await page.waitForFunction(() => performance.getEntriesByName('raqmi:first-results').length > 0);
    // A few frames for any later candidate to be reported.
    await page.evaluate(() => new Promise((ok) => { let n = 0; (function f() { if (++n > 10) ok(); else requestAnimationFrame(f); })(); }));
    const { lcp, takeover, marks } = await page.evaluate(() => ({
      lcp: window.lcp,
      takeover: performance.getEntriesByName('raqmi:takeover')[0]?.startTime,
      marks: [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('paint')].map((m) => `${m.name} ${Math.round(m.startTime)}`),
    }));
    assert.ok(takeover > 0, 'the app took over from the prerendered view');
    assert.ok(lcp.length > 0);
    for (const entry of lcp) assert.ok(entry.time < takeover, `${viewport.width} px: a largest paint at ${entry.time} ms, after the take-over at ${takeover} ms (${marks.join(', ')})`);
    await assertClean(page, problems);
  }
});
