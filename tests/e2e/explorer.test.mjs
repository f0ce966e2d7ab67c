// The explorer, end to end: French-aware search, facets and ranges, the reader, names that
// filter, state in the URL (reload, back, forward), languages, hostile input, keyboard,
// small screens and accessibility (axe-core).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setUp, openPage, assertClean, appStarted } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const ids = (page) => page.locator('article.result').evaluateAll((as) => as.map((a) => a.dataset.id.slice(0, 3)));
const status = async (page) => (await page.locator('.results-view [role=status]').textContent()).trim();
const marks = async (page) => [...new Set(await page.locator('article.result mark').allTextContents())];

async function search(page, text) {
  await appStarted(page);
  const box = page.getByRole('searchbox', { name: 'Rechercher dans les articles' });
  await box.fill(text);
  await page.waitForFunction((t) => new URLSearchParams(location.search).get('q') === t || (t === '' && !location.search.includes('q=')), text);
}

test('a search finds "numérique" with or without its accent, and marks it', async () => {
  const { page, problems } = await openPage(env);
  await search(page, 'numerique');
  assert.equal(await status(page), '5 articles');
  assert.ok((await marks(page)).includes('numérique'));
  await search(page, 'NUMÉRIQUE');
  assert.equal(await status(page), '5 articles');
  await assertClean(page, problems);
});

test('a stemmed search finds other forms of the word', async () => {
  const { page, problems } = await openPage(env, '?q=formations');
  await page.locator('article.result').first().waitFor();
  assert.deepEqual((await ids(page)).sort(), ['003', '004']);
  assert.deepEqual(await marks(page), ['formation']);
  await assertClean(page, problems);
});

test('a search tolerates one typo on a long word', async () => {
  const { page, problems } = await openPage(env, '?q=Marakech');
  await page.locator('article.result').first().waitFor();
  assert.deepEqual(await ids(page), ['000']);
  assert.deepEqual(await marks(page), ['Marrakech']);
  await assertClean(page, problems);
});

test('a quoted phrase matches only the words side by side', async () => {
  const { page, problems } = await openPage(env);
  await search(page, '"numérique marocain"');
  assert.deepEqual((await ids(page)).sort(), ['000', '001']);
  assert.deepEqual(await marks(page), ['numérique marocain']);
  await search(page, 'numérique marocain');
  assert.ok((await ids(page)).length >= 2);
  await assertClean(page, problems);
});

test('results update as the person types, with prefix matching on the last word', async () => {
  const { page, problems } = await openPage(env);
  // Typing while the app takes over is prerender.test.mjs's; here, typing into the app.
  await appStarted(page);
  // The page's own attributes are written only when they change: Chromium restyles every
  // element when <html>'s lang or dir is set, even to the value it has (at each keystroke).
  await page.evaluate(() => {
    window.__rootWrites = [];
    new MutationObserver((records) => window.__rootWrites.push(...records.map((r) => r.attributeName)))
      .observe(document.documentElement, { attributes: true });
  });
  await page.getByRole('searchbox').pressSequentially('Devo');
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 1);
  assert.deepEqual(await ids(page), ['003']);
  assert.deepEqual(await page.evaluate(() => window.__rootWrites), []);
  await assertClean(page, problems);
});

test('while a query is typed the facet panel stays, with its counts; once typing pauses they are the query\'s', async () => {
  const { page, problems } = await openPage(env);
  await appStarted(page);
  const panelText = () => page.locator('aside.facets').innerText();
  const before = await panelText();
  // When each keystroke reached the box, and when the panel changed (performance.now()).
  await page.evaluate(() => {
    window.__typed = [];
    window.__panel = [];
    document.getElementById('search').addEventListener('input', () => window.__typed.push(performance.now()));
    // The panel's own changes, and the panel taken away or put back (the page's observed whole).
    const panel = (n) => n?.nodeType === 1 && (n.matches('aside.facets') || n.querySelector('aside.facets'));
    new MutationObserver((records) => {
      if (records.some((r) => (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest('aside.facets')
        || [...r.addedNodes, ...r.removedNodes].some(panel))) window.__panel.push(performance.now());
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.getByRole('searchbox').pressSequentially('Devo', { delay: 20 });
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 1);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'Devo');
  await page.waitForFunction((b) => document.querySelector('aside.facets').innerText !== b, before);
  const { typed, panel } = await page.evaluate(() => ({ typed: window.__typed, panel: window.__panel }));
  assert.equal(typed.length, 4);
  // The app's pause is 300 ms (src/dom.rs): a change of the panel between two keystrokes is
  // allowed only where the machine stalled that long between them.
  for (const t of panel.filter((t) => t > typed[0] && t < typed.at(-1))) {
    const i = typed.findIndex((k) => k > t);
    assert.ok(typed[i] - typed[i - 1] >= 300, `the panel changed at ${t.toFixed(0)} ms, between keystrokes at ${typed.map((k) => k.toFixed(0)).join(', ')}`);
  }
  // Once typing paused: the query's counts, as a page opened on the query shows them.
  const settled = await panelText();
  const fresh = await openPage(env, '?q=Devo');
  await fresh.page.locator('article.result').first().waitFor();
  await appStarted(fresh.page);
  assert.equal(settled, await fresh.page.locator('aside.facets').innerText());
  await assertClean(page, problems);
  await assertClean(fresh.page, fresh.problems);
});

test('facet counts reflect the other active filters, OR within a facet, AND across facets', async () => {
  const { page, problems } = await openPage(env);
  const org = page.getByRole('group', { name: 'Organisation' });
  const place = page.getByRole('group', { name: 'Lieu' });
  await org.getByRole('checkbox', { name: /^AUSIM \(2\)$/ }).check();
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 2);
  assert.deepEqual((await ids(page)).sort(), ['000', '001']);
  // Places now count only within the AUSIM articles.
  await place.getByRole('checkbox', { name: /^Marrakech \(1\)$/ }).waitFor();
  assert.equal(await place.getByRole('checkbox', { name: /^Casablanca/ }).count(), 0);
  // The organisation facet still counts as if AUSIM were not chosen (OR within a facet).
  await org.getByRole('checkbox', { name: /^APEBI \(1\)$/ }).check();
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 3);
  // AND across facets.
  await place.getByRole('checkbox', { name: /^Marrakech/ }).check();
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 1);
  assert.deepEqual(await ids(page), ['000']);
  assert.equal(new URL(page.url()).searchParams.getAll('org').join(','), 'AUSIM,APEBI');
  // One click clears everything.
  await page.getByRole('button', { name: 'Tout effacer' }).click();
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 5);
  await assertClean(page, problems);
});

test('facet rows reused across searches tick exactly the chosen names', async () => {
  const { page, problems } = await openPage(env, '?org=AUSIM');
  await page.locator('article.result').first().waitFor();
  // Rows are patched in place from one search to the next: whatever moved where, a box is
  // ticked if and only if its name is in the URL.
  const consistent = () => page.evaluate(() => {
    const params = new URLSearchParams(location.search);
    const chosen = new Set([...params.getAll('org'), ...params.getAll('place'), ...params.getAll('person'), ...params.getAll('program'), ...params.getAll('source')]);
    const wrong = [];
    for (const label of document.querySelectorAll('aside.facets label')) {
      const name = label.querySelector('.facet-name')?.textContent;
      const box = label.querySelector('input[type=checkbox]');
      if (name !== undefined && box && box.checked !== chosen.has(name)) wrong.push(`${name}: ${box.checked}`);
    }
    return wrong;
  });
  assert.deepEqual(await consistent(), []);
  for (const q of ['maroc', 'numérique', 'a', 'formation', '']) {
    await search(page, q);
    assert.deepEqual(await consistent(), [], `after searching "${q}"`);
  }
  const org = page.getByRole('group', { name: 'Organisation' });
  await org.getByRole('checkbox', { name: /^APEBI/ }).check();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('org').includes('APEBI'));
  assert.deepEqual(await consistent(), []);
  await org.getByRole('checkbox', { name: /^AUSIM/ }).uncheck();
  await page.waitForFunction(() => !new URLSearchParams(location.search).getAll('org').includes('AUSIM'));
  assert.deepEqual(await consistent(), []);
  await assertClean(page, problems);
});

test('a range of figure values keeps budgets between 1 and 20 million MAD', async () => {
  const { page, problems } = await openPage(env);
  await page.getByRole('group', { name: 'Type de chiffre' }).getByRole('checkbox', { name: /^budget \(/ }).check();
  await page.getByRole('textbox', { name: 'Minimum' }).fill('1 000 000');
  await page.getByRole('textbox', { name: 'Minimum' }).press('Tab');
  await page.getByRole('textbox', { name: 'Maximum' }).fill('20000000');
  await page.getByRole('textbox', { name: 'Maximum' }).press('Tab');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('max') === '20000000');
  assert.deepEqual(await ids(page), ['003']);
  await page.getByRole('textbox', { name: 'Maximum' }).fill('2000000');
  await page.getByRole('textbox', { name: 'Maximum' }).press('Tab');
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 0);
  assert.equal(await status(page), '0 articles');
  await assertClean(page, problems);
});

test('the Devoxx article shows its budget as <data value="13300000">', async () => {
  const { page, problems } = await openPage(env, '?q=Devoxx');
  await page.locator('article.result a.result-link').first().click();
  await page.waitForURL(/doc=003_33d08dc07e69b5e4/);
  const budget = page.locator('article.reader data[value="13300000"]');
  await budget.waitFor();
  assert.equal(await budget.textContent(), '13, 3 millions de dhs');
  assert.equal(await budget.getAttribute('data-kind'), 'money');
  assert.equal(await budget.getAttribute('data-unit'), 'MAD');
  assert.equal(await budget.getAttribute('data-category'), 'budget');
  assert.equal(await page.locator('article.reader time').getAttribute('datetime'), '2022');
  assert.match(await page.locator('article.reader time').textContent(), /estimée/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'La digitalisation en verve dans le Souss');
  await assertClean(page, problems);
});

test('clicking a name in an article filters the list by it', async () => {
  const { page, problems } = await openPage(env, '?doc=000_355bd2c2e8048c55&view=doc');
  await page.locator('article.reader .reader-text a.entity', { hasText: 'Hicham Chiguer' }).first().click();
  await page.waitForURL(/person=Hicham\+Chiguer|person=Hicham%20Chiguer/);
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 2);
  assert.deepEqual((await ids(page)).sort(), ['000', '001']);
  assert.ok(await page.getByRole('group', { name: 'Personne' }).getByRole('checkbox', { name: /Hicham Chiguer/ }).isChecked());
  await assertClean(page, problems);
});

test('clicking a figure in an article charts the figures of its kind', async () => {
  const { page, problems } = await openPage(env, '?doc=000_355bd2c2e8048c55&view=doc');
  await page.locator('article.reader data[value="1100"]').click();
  await page.waitForURL(/view=chart/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('cat'), 'participants');
  assert.equal(url.searchParams.get('chart'), 'people');
  await page.locator('figure.chart').waitFor();
  const labels = await page.locator('.chart-overlay-layer .chart-mark').evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label')));
  assert.ok(labels.some((l) => l.includes('plus de 1 100')), labels.join(' | '));
  await assertClean(page, problems);
});

test('the Intégrer dialog writes the embedding snippet of the current view', async () => {
  const { page, problems } = await openPage(env, '?view=chart&cat=budget');
  await page.getByRole('button', { name: 'Intégrer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Intégrer cette vue' });
  await dialog.waitFor();
  const code = await dialog.getByRole('textbox', { name: "Code d’intégration" }).inputValue();
  assert.match(code, /^<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js"><\/script>\n<iframe /);
  assert.match(code, /src="http:\/\/127\.0\.0\.1:\d+\/\?cat=budget&amp;view=chart&amp;embed=1"/);
  assert.match(code, /data-raqmi/);
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  assert.equal(await page.getByRole('dialog').count(), 0);
  await assertClean(page, problems);
});

test('typing writes the URL once it pauses, not once per character, and back still returns to what was typed', async () => {
  const { page, problems } = await openPage(env);
  // Typing across the take-over is prerender.test.mjs's; here, typing into the app.
  await appStarted(page);
  await page.evaluate(() => {
    window.__replaced = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (s, t, url) => { window.__replaced.push(String(url)); return replace(s, t, url); };
  });
  const icons = [];
  page.on('request', (r) => { if (r.url().includes('/icons/')) icons.push(r.url()); });
  const box = page.getByRole('searchbox', { name: 'Rechercher dans les articles' });
  await box.pressSequentially('cybersecurite', { delay: 30 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'cybersecurite');
  // Thirteen characters, one URL (a few on a machine slow enough to stall 300 ms between two
  // keys): each same-document navigation made Chromium fetch the page's icon again, and a page
  // that navigates too often gets throttled.
  const written = await page.evaluate(() => window.__replaced.map((u) => new URL(u, location.href).searchParams.get('q')));
  assert.ok(written.length <= 3, `the URL was written ${written.length} times: ${written.join(', ')}`);
  assert.equal(written.at(-1), 'cybersecurite');
  assert.ok(icons.length <= 3, `icon fetched ${icons.length} times while typing`);
  // Typed, then a result opened before the pause: the list's entry still gets the query.
  await box.fill('');
  await page.waitForFunction(() => !location.search.includes('q='));
  await box.pressSequentially('formation', { delay: 10 });
  await page.locator('article.result a.result-link').first().click();
  await page.locator('article.reader').waitFor();
  await page.goBack();
  await page.locator('article.result').first().waitFor();
  assert.equal(new URL(page.url()).searchParams.get('q'), 'formation');
  assert.equal(await box.inputValue(), 'formation');
  // Back and forward while a replacement waits: the pending URL is dropped, not written over
  // the entry the browser moved to.
  await box.pressSequentially(' x', { delay: 10 });
  await page.goForward();
  await page.locator('article.reader').waitFor();
  await page.waitForTimeout(500);
  assert.match(page.url(), /view=doc/);
  await assertClean(page, problems);
});

test('reload, back and forward restore exactly what was on screen', async () => {
  const { page, problems } = await openPage(env);
  await search(page, 'numérique');
  await page.getByRole('group', { name: 'Organisation' }).getByRole('checkbox', { name: /^AUSIM/ }).check();
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 2);
  const listUrl = page.url();
  await page.locator('article.result a.result-link').first().click();
  await page.locator('article.reader').waitFor();
  const docUrl = page.url();
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 2);
  assert.equal(page.url(), listUrl);
  assert.equal(await page.getByRole('searchbox').inputValue(), 'numérique');
  assert.ok(await page.getByRole('group', { name: 'Organisation' }).getByRole('checkbox', { name: /^AUSIM/ }).isChecked());
  await page.goForward();
  await page.locator('article.reader').waitFor();
  assert.equal(page.url(), docUrl);
  await page.reload();
  await page.locator('article.reader').waitFor();
  assert.equal(page.url(), docUrl);
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 2);
  await assertClean(page, problems);
});

test('lang=ar lays the page out right to left, lang=en speaks English', async () => {
  const { page, problems } = await openPage(env, '?lang=ar');
  await page.locator('article.result').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'المقالات');
  await page.getByRole('combobox', { name: 'اللغة' }).selectOption('en');
  await page.waitForFunction(() => document.documentElement.dir === 'ltr' && document.documentElement.lang === 'en');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Articles');
  assert.match(page.url(), /lang=en/);
  await assertClean(page, problems);
});

test('a hostile query is shown as text and runs nothing', async () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const { page, problems } = await openPage(env, null);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await page.goto(`${env.server.url}?q=${encodeURIComponent(hostile)}&view=contexts`);
  await page.getByRole('searchbox').waitFor();
  assert.equal(await page.getByRole('searchbox').inputValue(), hostile);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await page.getByRole('link', { name: 'Articles' }).click();
  await page.locator('.results-view [role=status]').waitFor();
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(dialogs, 0);
  await assertClean(page, problems);
});

test('malformed parameters give a visible notice and defaults', async () => {
  const { page, problems } = await openPage(env, '?from=20x2&view=map&zzz=1');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /« 20x2 » invalide pour « from »/);
  assert.match(text, /Paramètre inconnu « zzz »/);
  assert.equal(await page.locator('article.result').count(), 5);
  await alert.getByRole('button').click();
  assert.equal(await page.getByRole('alert').count(), 0);
  await assertClean(page, problems);
});

test('keyboard: "/" focuses the search, arrows move through results, Enter opens, Escape goes back', async () => {
  const { page, problems } = await openPage(env);
  // The app's keys: the prerendered list is there before the app is.
  await appStarted(page);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await page.keyboard.type('AUSIM');
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 2);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.closest('article')?.dataset.id);
  assert.equal(second, (await page.locator('article.result').nth(1).getAttribute('data-id')));
  await page.keyboard.press('ArrowUp');
  const first = await page.evaluate(() => document.activeElement.closest('article')?.dataset.id);
  await page.keyboard.press('Enter');
  await page.locator('article.reader').waitFor();
  assert.equal(await page.locator('article.reader').getAttribute('data-id'), first);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelectorAll('article.result').length === 2);
  await assertClean(page, problems);
});

test('the page works at 320 px wide without horizontal scrolling', async () => {
  const { page, problems } = await openPage(env, '?doc=004_1a904081dba04b63&view=doc', { viewport: { width: 320, height: 640 } });
  await page.locator('article.reader').waitFor();
  for (const path of ['?doc=004_1a904081dba04b63&view=doc', '', '?view=chart&cat=budget', '?view=contexts&q=num']) {
    await page.goto(env.server.url + path);
    await page.locator('main h1').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path}: ${overflow}px of horizontal scroll`);
  }
  await assertClean(page, problems);
});

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

for (const [name, path] of [
  ['the list', '?q=num%C3%A9rique'],
  ['the reader', '?doc=003_33d08dc07e69b5e4&view=doc&fig=4'],
  ['the budget chart', '?view=chart&cat=budget'],
  ['the people chart', '?view=chart&chart=people'],
  ['the contexts', '?view=contexts&q=AUSIM'],
  ['the Arabic list', '?lang=ar'],
  ['the dark theme', '?theme=dark&view=chart&cat=budget'],
]) {
  test(`axe-core finds no accessibility violation on ${name}`, async () => {
    const { page, problems } = await openPage(env, path);
    await page.locator('main h1').first().waitFor();
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

test('a long name facet lists its first names, all of them on request, and folds again once the panel was hidden', async () => {
  const { page, problems } = await openPage(env);
  await appStarted(page);
  const facet = page.locator('.facets fieldset.facet', { has: page.locator('button.link-button') }).first();
  const more = facet.locator('button.link-button');
  await more.waitFor();
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await facet.locator('li').count(), 8);
  await more.click();
  await facet.locator('button.link-button[aria-expanded=true]').waitFor();
  assert.ok((await facet.locator('li').count()) > 8);
  // The reader hides the panel; back on the list, the facet is folded again.
  await page.locator('article.result a.result-link').first().click();
  await page.locator('#doc-title').waitFor();
  await page.goBack();
  await facet.locator('button.link-button[aria-expanded=false]').waitFor();
  assert.equal(await facet.locator('li').count(), 8);
  await assertClean(page, problems);
});
