// The static chart fallbacks and the "Intégrer" dialog's three snippets (issue 15): the
// snippet's <noscript> image of a chart is its build-time SVG, saying and drawing what the live
// chart draws; the AMP snippet carries what AMP requires of a resizable amp-iframe (checked here
// attribute by attribute, no AMP validator downloaded); each format is previewed and copied;
// framed with #amp the page speaks AMP's resize message instead of ours; a printed chart is the
// drawing without its controls. Under the strict policy sent as headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { securityHeaders } from '../../scripts/csp.mjs';
import { DIST, setUp, openPage, assertClean } from './harness.mjs';

let env;
before(async () => { env = await setUp({ headers: securityHeaders({ dir: DIST }) }); });
after(async () => { await env?.close(); });

const CHARTS = ['budget', 'people', 'shares', 'timeline'];

/** Opens the dialog and picks a format; resolves to the snippet shown. */
async function snippetOf(page, variant) {
  // The dialog (www/embed-dialog.js, loaded on the first click) exists once opened.
  if (!(await page.locator('#embed-dialog[open]').count())) await page.locator('button.embed-button').click();
  await page.locator(`input[name="embed-variant"][value="${variant}"]`).check();
  const code = page.locator('#embed-code');
  await page.waitForFunction((v) => document.querySelector('#embed-code')?.dataset.variant === v, variant);
  return code.inputValue();
}

/** The snippet parsed as a partner's page would hold it (DOMParser: no script runs, and a
 *  <noscript>'s content is parsed as elements, as in a page without JavaScript). */
function parsed(page, html, query) {
  return page.evaluate(([h, q]) => {
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${h}`, 'text/html');
    return [...doc.querySelectorAll(q)].map((e) => Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])));
  }, [html, query]);
}

/** Width and height of a PNG (its IHDR chunk), fetched by the page. */
function pngSize(page, url) {
  return page.evaluate(async (u) => {
    const r = await fetch(u);
    const b = new DataView(await r.arrayBuffer());
    return { type: r.headers.get('content-type'), width: b.getUint32(16), height: b.getUint32(20) };
  }, url);
}

for (const chart of CHARTS) {
  test(`the ${chart} chart's <noscript> image is its static fallback and matches the live chart`, async () => {
    const { page, problems } = await openPage(env, `?view=chart&chart=${chart}`);
    await page.locator('figure.chart .chart-svg svg[role="img"]').waitFor();
    const live = await page.evaluate(() => {
      const svg = document.querySelector('.chart-svg svg[role="img"]');
      return {
        title: svg.querySelector('title').textContent,
        desc: svg.querySelector('desc').textContent,
        marks: document.querySelectorAll('.chart-svg .chart-overlay-layer .chart-mark').length,
      };
    });
    assert.ok(live.marks > 0);
    for (const variant of ['script', 'iframe']) {
      const code = await snippetOf(page, variant);
      const [img] = await parsed(page, code, 'noscript > img');
      assert.ok(img, `a <noscript> image in the ${variant} snippet: ${code}`);
      assert.equal(img.alt, `${live.title}. ${live.desc}`);
      const src = new URL(img.src);
      assert.equal(src.href, new URL(`fallback/${chart}.svg`, env.server.url).href);
      // The file says and draws what the live chart does.
      const file = await page.evaluate(async (u) => {
        const r = await fetch(u);
        const doc = new DOMParser().parseFromString(await r.text(), 'image/svg+xml');
        const root = doc.documentElement;
        return {
          ok: r.ok, type: r.headers.get('content-type'), root: root.localName,
          desc: root.querySelector('desc')?.textContent,
          width: root.getAttribute('width'), height: root.getAttribute('height'),
        };
      }, src.href);
      assert.ok(file.ok && file.root === 'svg' && /^image\/svg\+xml/.test(file.type), JSON.stringify(file));
      assert.equal(file.desc, live.desc);
      assert.equal(Number(file.desc.match(/(\d+) barre/)[1]), live.marks);
      assert.deepEqual([img.width, img.height], [file.width, file.height]);
      // The PNG (AMP's placeholder) is the same drawing's size.
      const png = await pngSize(page, new URL(`fallback/${chart}.png`, env.server.url).href);
      assert.deepEqual(png, { type: 'image/png', width: Number(file.width), height: Number(file.height) });
    }
    await assertClean(page, problems);
  });
}

test("a filtered chart has no static image: its snippet's <noscript> links to the view", async () => {
  const { page, problems } = await openPage(env, '?view=chart&chart=people&q=devoxx');
  await page.locator('figure.chart').waitFor();
  const code = await snippetOf(page, 'script');
  assert.deepEqual(await parsed(page, code, 'noscript img'), []);
  const [link] = await parsed(page, code, 'noscript > a');
  const href = new URL(link.href);
  assert.equal(href.searchParams.get('q'), 'devoxx');
  assert.equal(href.searchParams.get('embed'), null);
  await assertClean(page, problems);
});

/** What AMP requires of a resizable amp-iframe with a placeholder (amp.dev, amp-iframe and
 *  amp-img), as one list of failures: empty when the snippet is valid. */
async function ampProblems(page, code) {
  const out = [];
  const scripts = await parsed(page, code, 'script');
  if (!scripts.some((s) => 'async' in s && s['custom-element'] === 'amp-iframe' && /^https:\/\/cdn\.ampproject\.org\/v0\/amp-iframe-0\.1\.js$/.test(s.src))) {
    out.push('no <script async custom-element="amp-iframe" src="https://cdn.ampproject.org/v0/amp-iframe-0.1.js">');
  }
  const frames = await parsed(page, code, 'amp-iframe');
  if (frames.length !== 1) return [...out, `${frames.length} amp-iframe`];
  const f = frames[0];
  if (!/^https:\/\//.test(f.src ?? '')) out.push(`src must be an absolute https URL: ${f.src}`);
  const layouts = ['responsive', 'fixed', 'fixed-height', 'fill', 'flex-item', 'intrinsic', 'nodisplay'];
  if (!layouts.includes(f.layout)) out.push(`layout ${f.layout}`);
  if (['responsive', 'fixed', 'intrinsic'].includes(f.layout)) {
    for (const a of ['width', 'height']) if (!/^[1-9]\d*$/.test(f[a] ?? '')) out.push(`${a}="${f[a]}" with layout ${f.layout}`);
  }
  const sandbox = (f.sandbox ?? '').split(/\s+/);
  if (!sandbox.includes('allow-scripts') || !sandbox.includes('allow-same-origin')) out.push(`sandbox="${f.sandbox}"`);
  if (!('resizable' in f)) out.push('no resizable');
  if (!f.title) out.push('no title');
  for (const a of Object.keys(f)) if (a === 'style' || a.startsWith('on')) out.push(`attribute ${a}`);
  const overflow = await parsed(page, code, 'amp-iframe > [overflow]');
  if (overflow.length !== 1) out.push(`${overflow.length} overflow element(s)`);
  else if (overflow[0].role !== 'button' || overflow[0].tabindex !== '0' || !overflow[0]['aria-label']) out.push('the overflow element is not a focusable button');
  const placeholders = await parsed(page, code, 'amp-iframe > amp-img[placeholder]');
  if (placeholders.length !== 1) out.push(`${placeholders.length} placeholder amp-img`);
  else {
    const p = placeholders[0];
    if (p.layout !== 'fill' && !(p.width && p.height)) out.push('the placeholder has no size');
    if (!/^https:\/\//.test(p.src ?? '')) out.push(`placeholder src ${p.src}`);
    if (!p.alt) out.push('the placeholder has no alt');
  }
  // Only AMP's elements: an <iframe> or <img> would not validate.
  if ((await parsed(page, code, 'iframe, img, style')).length) out.push('a plain iframe, img or style');
  return out;
}

test('the AMP snippet has what AMP requires, its placeholder the PNG fallback, #amp on its src', async () => {
  const { page, problems } = await openPage(env, '?view=chart&chart=people');
  await page.locator('figure.chart').waitFor();
  const code = await snippetOf(page, 'amp');
  assert.deepEqual(await ampProblems(page, code), [], code);
  // The checks are not vacuous: each broken copy fails them.
  for (const broken of [
    code.replace(' resizable', ''), code.replace(/<div overflow[^\n]*<\/div>/, ''),
    code.replace('sandbox="allow-scripts allow-same-origin"', 'sandbox="allow-scripts"'),
    code.replace(/src="https:/, 'src="http:'), code.replace(/ width="\d+"/, ''),
  ]) assert.notDeepEqual(await ampProblems(page, broken), [], broken);
  const [frame] = await parsed(page, code, 'amp-iframe');
  const src = new URL(frame.src);
  assert.equal(src.hash, '#amp');
  assert.equal(src.searchParams.get('embed'), '1');
  assert.equal(src.searchParams.get('chart'), 'people');
  const [img] = await parsed(page, code, 'amp-iframe > amp-img');
  // The app is served over http here: the same path on it is the PNG.
  const png = new URL(new URL(img.src).pathname, env.server.url).href;
  assert.equal(png, new URL('fallback/people.png', env.server.url).href);
  assert.equal((await pngSize(page, png)).type, 'image/png');
  await assertClean(page, problems);
});

test('each format of the dialog is previewed, and its code is copied', async () => {
  const { page, context, problems } = await openPage(env, '?view=chart&chart=people');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.server.url).origin });
  await page.locator('figure.chart').waitFor();
  for (const variant of ['script', 'iframe']) {
    const code = await snippetOf(page, variant);
    const preview = page.locator('.embed-preview iframe');
    assert.equal(await preview.count(), 1, variant);
    const src = new URL(await preview.getAttribute('src'), page.url());
    assert.equal(src.origin, new URL(env.server.url).origin);
    assert.equal(src.searchParams.get('embed'), '1');
    // The framed app draws the same chart.
    const frame = await (await preview.elementHandle()).contentFrame();
    await frame.locator('figure.chart .chart-svg svg[role="img"]').waitFor();
    assert.equal(await frame.locator('nav').count(), 0);
    await page.locator('button.embed-copy').click();
    await page.locator('.embed-copied', { hasText: 'Copié.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  }
  const code = await snippetOf(page, 'amp');
  assert.equal(await page.locator('.embed-preview iframe').count(), 0);
  const img = page.locator('.embed-preview img');
  await page.waitForFunction(() => document.querySelector('.embed-preview img')?.complete);
  assert.ok(await img.evaluate((i) => i.naturalWidth > 0), 'the PNG loaded');
  assert.equal(new URL(await img.evaluate((i) => i.src)).pathname.endsWith('/fallback/people.png'), true);
  const [placeholder] = await parsed(page, code, 'amp-img');
  assert.equal(await img.getAttribute('alt'), placeholder.alt);
  await assertClean(page, problems);
});

test('framed with #amp the page posts AMP\'s embed-size message, else only ours', async () => {
  const { page, problems } = await openPage(env, '?view=list');
  for (const [hash, expected] of [['#amp', 'embed-size'], ['', 'raqmi:resize']]) {
    const types = await page.evaluate((h) => new Promise((ok) => {
      const got = [];
      addEventListener('message', (e) => {
        got.push(e.data);
        if (e.data?.height > 0) setTimeout(() => ok(got), 300);
      });
      const frame = document.createElement('iframe');
      frame.src = `?view=chart&chart=people&embed=1${h}`;
      frame.title = 'test';
      document.body.append(frame);
    }), hash);
    assert.ok(types.length > 0);
    for (const m of types) {
      if (expected === 'embed-size') assert.deepEqual(Object.keys(m).sort(), ['height', 'sentinel', 'type']);
      else assert.deepEqual(Object.keys(m).sort(), ['height', 'type']);
      assert.equal(m.type, expected);
      assert.ok(Number.isInteger(m.height) && m.height > 0);
      if (expected === 'embed-size') assert.equal(m.sentinel, 'amp');
    }
  }
  await assertClean(page, problems);
});

test('a printed chart is its drawing and caption, without controls or filters', async () => {
  const { page, problems } = await openPage(env, '?view=chart&chart=people');
  await page.locator('figure.chart .chart-svg svg[role="img"]').waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.header-tools', '.toolbar', '.chart-tabs', '.chart-tools', '.chart-overlay-layer']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
  }
  for (const shown of ['.chart-svg svg[role="img"]', 'figcaption']) {
    assert.equal(await page.locator(shown).first().isVisible(), true, shown);
  }
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.chart-tools').isVisible(), true);
  await assertClean(page, problems);
});
