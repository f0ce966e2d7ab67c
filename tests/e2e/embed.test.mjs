// Embedding: a partner page on another origin (examples/partner.html, its placeholder replaced
// by the app's URL, served by a second server on another port) embeds two views with embed.js.
// The iframes take their content's height; messages of any other shape, or from anyone but the
// embedded app, change nothing on either side.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { securityHeaders } from '../../scripts/csp.mjs';
import { DIST, openPage, assertClean, launchBrowser, requireBuild } from './harness.mjs';

const PLACEHOLDER = 'https://raqmi.example.org/';
let env;
let host;
let hostDir;

before(async () => {
  requireBuild(DIST);
  hostDir = mkdtempSync(join(tmpdir(), 'raqmi-partner-'));
  host = await startServer({ dir: hostDir });
  const hostOrigin = new URL(host.url).origin;
  // The app's server sends the headers a real host should, letting the partner frame it.
  const server = await startServer({ dir: DIST, headers: securityHeaders({ dir: DIST, frameAncestors: ["'self'", hostOrigin] }) });
  const partner = readFileSync(new URL('../../examples/partner.html', import.meta.url), 'utf8');
  assert.ok(partner.includes(PLACEHOLDER));
  writeFileSync(join(hostDir, 'index.html'), partner.replaceAll(PLACEHOLDER, server.url));
  env = { server, browser: await launchBrowser() };
});
after(async () => {
  await env?.browser.close();
  await env?.server.close();
  await host?.close();
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

async function openHost() {
  const opened = await openPage(env, null, {}, { allowOrigins: [new URL(host.url).origin] });
  await opened.page.goto(host.url);
  return opened;
}

/** The iframe's height and its content's height, once the app rendered in it. */
async function heights(page, selector) {
  const element = page.locator(selector);
  const frame = await (await element.elementHandle()).contentFrame();
  await frame.locator('main#main').waitFor();
  return {
    frame,
    // The frame's viewport (inside its border), which the content should exactly fill.
    outer: () => element.evaluate((e) => e.clientHeight),
    inner: () => frame.evaluate(() => document.documentElement.getBoundingClientRect().height),
  };
}

async function waitFitted(h) {
  for (let i = 0; i < 100; i++) {
    const [outer, inner] = [await h.outer(), await h.inner()];
    if (Math.abs(outer - inner) <= 2) return outer;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`the iframe (${await h.outer()} px) never took its content's height (${await h.inner()} px)`);
}

/** Runs `poster`, which ends with a 'test:sentinel' message to `receiver`; resolves once the
 *  receiver got it (messages are delivered in order, so every earlier one was handled) and painted. */
async function settle(poster, receiver) {
  await receiver.evaluate(() => {
    window.sentinel = new Promise((ok) => {
      window.addEventListener('message', function on(e) {
        if (e.data === 'test:sentinel') { window.removeEventListener('message', on); ok(); }
      });
    });
  });
  await poster();
  await receiver.evaluate(() => window.sentinel.then(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))));
}

test('each embedded view takes the height of its content', async () => {
  const { page, problems } = await openHost();
  for (const id of ['#raqmi-chart', '#raqmi-search']) {
    const h = await heights(page, id);
    const fitted = await waitFitted(h);
    assert.notEqual(fitted, 480, `${id} was resized from its initial 480 px`);
    assert.equal(await h.frame.evaluate(() => document.documentElement.dataset.embed), '1');
  }
  await assertClean(page, problems);
});

test('messages of an unexpected shape posted into the app change nothing there', async () => {
  const { page, problems } = await openHost();
  const h = await heights(page, '#raqmi-chart');
  const height = await waitFitted(h);
  const before = await h.frame.evaluate(() => [location.href, document.documentElement.outerHTML]);
  await settle(() => page.evaluate(() => {
    const target = document.querySelector('#raqmi-chart').contentWindow;
    for (const m of [
      { type: 'raqmi:resize', height: 10 }, { type: 'SKIP_WAITING' }, { type: 'raqmi:navigate', url: '?q=x' },
      'raqmi:resize', null, 42, [1, 2], { toString: 'x' }, '<img src=x>', 'test:sentinel',
    ]) target.postMessage(m, '*');
  }), h.frame);
  assert.deepEqual(await h.frame.evaluate(() => [location.href, document.documentElement.outerHTML]), before);
  assert.equal(await h.outer(), height);
  await assertClean(page, problems);
});

test('resize messages from anyone but the embedded app, or malformed, do not resize it', async () => {
  const { page, problems } = await openHost();
  const h = await heights(page, '#raqmi-chart');
  const height = await waitFitted(h);
  const forged = (heightValue) => ({ type: 'raqmi:resize', height: heightValue });

  // From the host page itself.
  await settle(() => page.evaluate((m) => { window.postMessage(m, '*'); window.postMessage('test:sentinel', '*'); }, forged(77)), page);
  // From another frame of the host page (not a data-raqmi iframe).
  await page.evaluate(() => new Promise((ok) => {
    const other = document.createElement('iframe');
    other.name = 'other';
    other.addEventListener('load', ok, { once: true });
    document.body.append(other);
  }));
  const other = page.frames().find((f) => f.name() === 'other');
  await settle(() => other.evaluate((m) => { parent.postMessage(m, '*'); parent.postMessage('test:sentinel', '*'); }, forged(66)), page);
  // From the embedded app's window, but malformed.
  await settle(() => h.frame.evaluate((ms) => {
    for (const m of ms) parent.postMessage(m, '*');
    parent.postMessage('test:sentinel', '*');
  }, [
    forged(1e9), forged(-5), forged('55'), { ...forged(55), extra: 1 }, { type: 'raqmi:resize' }, forged(null),
  ]), page);
  assert.equal(await h.outer(), height);

  // A well-formed message from the app is applied: the checks above were not vacuous.
  await settle(() => h.frame.evaluate(() => { parent.postMessage({ type: 'raqmi:resize', height: 123 }, '*'); parent.postMessage('test:sentinel', '*'); }), page);
  assert.equal(await h.outer(), 123);
  await assertClean(page, problems);
});
