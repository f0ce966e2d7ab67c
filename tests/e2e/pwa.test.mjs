// The offline app: after one visit the app works with the network and the server gone (deep
// links too); Chromium finds it installable; a new build is announced, applied on request, and
// a page never loads a mix of two builds' files. Each test has its own server, since some stop it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import {
  DIST, DIST_B, setUp, openPage, openPersistentPage, assertClean, waitForController, listing, launchBrowser,
  requireBuild,
} from './harness.mjs';

/** The build hash and precache list that scripts/post-build.mjs wrote into a dist's sw.js. */
function builtWorker(dir) {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const build = sw.match(/const BUILD ?= ?'([0-9a-f]{16})';/)?.[1];
  const precache = JSON.parse(sw.match(/const PRECACHE ?= ?(\[[\s\S]*?\]);/)[1].replace(/,\s*\]$/, ']'));
  // The corpus's data files, by name only (under the offline limit: all of them).
  const data = sw.match(/const DATA ?= ?'([^']*)';/)[1];
  for (const name of data ? data.split(' ') : []) precache.push([`./data/${name}.bin`, null]);
  assert.ok(build, 'sw.js names its build');
  return { build, precache };
}

const cacheState = (page) => page.evaluate(async () => {
  const names = await caches.keys();
  const entries = {};
  for (const name of names) entries[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
  return entries;
});

test('the first visit installs a service worker that caches exactly this build, every file of it', async () => {
  const env = await setUp();
  try {
    const { page, problems } = await openPage(env);
    await waitForController(page);
    const { build, precache } = builtWorker(DIST);
    const files = listing(DIST);
    files.delete('sw.js');
    files.delete('index.html');
    // The static chart fallbacks are for partners' pages, never fetched by the app: not cached.
    for (const f of files) if (f.startsWith('fallback/')) files.delete(f);
    assert.ok(files.size < listing(DIST).size - 2 && precache.every(([p]) => !p.includes('fallback/')));
    // Nor, under the offline limit (the seeds), the "available offline" offer's module and
    // styles, which only a build above it loads (offline-offer.test.mjs).
    for (const f of ['offline.js', 'offline.css']) assert.ok(files.delete(f), `${f} is in dist/`);
    assert.deepEqual(new Set(precache.map(([p]) => p).filter((p) => p !== './').map((p) => p.slice(2))), files);
    // Each shell file with the first 16 hex digits of its SHA-256 (the data files go by name).
    for (const [p, h] of precache.filter(([, h]) => h !== null)) {
      const bytes = readFileSync(join(DIST, p === './' ? 'index.html' : decodeURIComponent(p.slice(2))));
      assert.equal(h, createHash('sha256').update(bytes).digest('hex').slice(0, 16), p);
    }
    const caches = await cacheState(page);
    assert.deepEqual(Object.keys(caches), [`raqmi-${build}`]);
    assert.deepEqual(new Set(caches[`raqmi-${build}`]), new Set(precache.map(([p]) => new URL(p, env.server.url).href)));
    await assertClean(page, problems);
  } finally {
    await env.close();
  }
});

test('a server whose shell file is not the build\'s (a deploy half done) fails the install: nothing is cached', async () => {
  // dist/ copied with one precached file changed (a byte appended to the embed script, which
  // the page itself does not load): its hash is no longer the one sw.js lists.
  const dir = mkdtempSync(join(tmpdir(), 'raqmi-mixed-'));
  cpSync(DIST, dir, { recursive: true });
  const embed = [...listing(dir)].find((f) => /^embed-frame-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(embed, 'dist/ has the embed frame script');
  appendFileSync(join(dir, embed), '\n');
  const env = await setUp({ dir });
  try {
    const { page, context } = await openPage(env, null);
    // The state the page's new worker ends its install in.
    await context.addInitScript(() => {
      const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      window.__installed = new Promise((resolve) => {
        navigator.serviceWorker.register = async (...args) => {
          const registration = await register(...args);
          const worker = registration.installing;
          if (!worker) resolve('no install');
          else {
            worker.addEventListener('statechange', () => {
              if (['installed', 'activated', 'redundant'].includes(worker.state)) resolve(worker.state);
            });
          }
          return registration;
        };
      });
    });
    await page.goto(env.server.url);
    assert.equal(await page.evaluate(() => window.__installed), 'redundant', 'the install fails');
    assert.deepEqual(Object.keys(await cacheState(page)).filter((n) => n.startsWith('raqmi-')), [], 'no cache kept');
  } finally {
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the service worker is registered once the page has loaded, not while it is being painted', async () => {
  const env = await setUp();
  try {
    const { page, context, problems } = await openPage(env, null);
    await context.addInitScript(() => {
      window.__registered = [];
      const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (...args) => {
        window.__registered.push({
          readyState: document.readyState,
          loaded: performance.getEntriesByType('navigation')[0]?.loadEventStart > 0,
        });
        return register(...args);
      };
    });
    await page.goto(env.server.url);
    await waitForController(page);
    assert.deepEqual(await page.evaluate(() => window.__registered), [{ readyState: 'complete', loaded: true }]);
    await assertClean(page, problems);
  } finally {
    await env.close();
  }
});

test('the first visit transfers each file of the build once: the precache revalidates what the page loaded', async () => {
  const env = await setUp();
  try {
    const { page, problems } = await openPage(env);
    await page.locator('article').first().waitFor();
    await waitForController(page);
    const { precache } = builtWorker(DIST);
    const bodies = new Map();
    for (const { path, status, bytes } of env.server.sent) {
      if (status === 200 && bytes > 0) bodies.set(path, (bodies.get(path) ?? 0) + 1);
    }
    const wasm = [...listing(DIST)].find((f) => f.endsWith('.wasm'));
    assert.equal(bodies.get(`/${wasm}`), 1, `the wasm's body was sent ${bodies.get(`/${wasm}`)} times`);
    const twice = [...bodies].filter(([, n]) => n > 1);
    assert.deepEqual(twice, [], 'no file is downloaded twice');
    // The worker did fetch every file (answered 304 when the page already had it).
    const asked = new Set(env.server.sent.map((r) => r.path));
    for (const [p] of precache) {
      const path = new URL(p, env.server.url).pathname;
      assert.ok(asked.has(path), `${path} was requested`);
    }
    const total = env.server.sent.reduce((sum, r) => sum + r.bytes, 0);
    const built = [...listing(DIST)].reduce((sum, f) => sum + statSync(join(DIST, f)).size, 0);
    assert.ok(total <= built, `the first visit sent ${total} B, more than the build's ${built} B`);
    await assertClean(page, problems);
  } finally {
    await env.close();
  }
});

test('after one visit the app starts, searches, charts and opens articles offline with the server gone', async () => {
  const env = await setUp();
  try {
    const { page, context, problems } = await openPage(env);
    await page.locator('article').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.online), '1');
    await waitForController(page);

    await context.setOffline(true);
    await env.server.close();
    await page.reload();
    await page.locator('article').first().waitFor();
    assert.equal(await page.locator('article').count(), 5);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.online), '0');

    // A deep link to an article opens the reader.
    await page.goto(new URL('?doc=003_33d08dc07e69b5e4&view=doc', env.server.url).href);
    await page.locator('h1', { hasText: 'La digitalisation en verve dans le Souss' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true);

    // Searching, from the search box.
    await page.goto(new URL('./', env.server.url).href);
    await page.locator('article').first().waitFor();
    await page.locator('input[type=search]').fill('devoxx');
    await page.waitForFunction(() => document.querySelectorAll('article').length === 1);

    // A chart.
    await page.goto(new URL('?view=chart&cat=budget', env.server.url).href);
    await page.locator('figure svg[role=img]').waitFor();

    // Back online: the indicator follows.
    await context.setOffline(false);
    await page.waitForFunction(() => document.documentElement.dataset.online === '1');
    await assertClean(page, problems);
  } finally {
    await env.close();
  }
});

test('Chromium reports the app installable: valid manifest, icons fetched, worker with a fetch handler', async () => {
  const env = await setUp();
  const profile = mkdtempSync(join(tmpdir(), 'raqmi-profile-'));
  let context;
  try {
    const opened = await openPersistentPage(env, profile);
    context = opened.context;
    const { page, problems } = opened;
    await waitForController(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    assert.match(manifest.url, /manifest\.webmanifest$/);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    for (const icon of JSON.parse(manifest.data).icons) {
      const response = await page.request.get(new URL(icon.src, manifest.url).href);
      assert.equal(response.status(), 200, icon.src);
    }
    await assertClean(page, problems);
  } finally {
    await context?.close();
    await env.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a new version is announced, applied on request, and no page load mixes two builds', async () => {
  requireBuild(DIST_B);
  const filesA = listing(DIST);
  const filesB = listing(DIST_B);
  const onlyA = [...filesA].filter((f) => !filesB.has(f));
  // The wasm is code only, the same in both (issue 14): B's corpus is in its own data files.
  assert.ok(onlyA.some((f) => /^data\/pack-/.test(f)), 'version B has its own data files');
  const serverA = await startServer({ dir: DIST });
  const env = { server: serverA, browser: await launchBrowser() };
  let serverB;
  try {
    const { page, problems } = await openPage(env, null);
    const loads = { A: [], B: [] };
    let phase = 'A';
    page.on('request', (req) => {
      const path = new URL(req.url()).pathname.slice(1);
      if (path !== '' && path !== 'sw.js') loads[phase].push(path);
    });
    await page.goto(serverA.url);
    await page.locator('article').first().waitFor();
    assert.equal(await page.locator('article').count(), 5);
    await waitForController(page);

    // Deploy B on the same origin, then let the page look for an update.
    await serverA.close();
    serverB = await startServer({ dir: DIST_B, port: serverA.port });
    await page.evaluate(() => {
      window.addEventListener('raqmi:update-available', () => { window.updateEvents = (window.updateEvents ?? 0) + 1; });
      return navigator.serviceWorker.getRegistration().then((r) => r.update());
    });
    await page.waitForFunction(() => document.documentElement.dataset.update === 'available', null, { timeout: 30_000 });
    const banner = page.getByRole('status').filter({ hasText: 'Nouvelle version disponible' });
    await banner.waitFor();
    assert.equal(await page.evaluate(() => window.updateEvents), 1);
    // One banner only: pwa.js's fallback (after 1 s) stays away when the app shows its own.
    await page.waitForTimeout(1200);
    assert.equal(await page.locator('[data-raqmi-update-banner]').count(), 1);

    // The waiting worker ignores messages of any other shape.
    await page.evaluate(async () => {
      const { waiting } = await navigator.serviceWorker.getRegistration();
      for (const m of ['SKIP_WAITING', { type: 'SKIP_WAITING', now: true }, { type: 'skip_waiting' }, null]) waiting.postMessage(m);
    });
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting?.state), 'installed');

    // A reload is no way to get stuck: the old version stays whole and says so again.
    await page.reload();
    await banner.waitFor();
    assert.equal(await page.locator('article').count(), 5);

    phase = 'B';
    await page.getByRole('button', { name: 'Recharger' }).click();
    await page.waitForFunction(() => document.querySelectorAll('article').length === 6, null, { timeout: 30_000 });
    assert.equal(await page.locator('article[data-id="999_update_test"]').count(), 1);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.update), undefined);

    // Only B's cache is left, complete.
    const { build: buildB, precache: precacheB } = builtWorker(DIST_B);
    const caches = await cacheState(page);
    assert.deepEqual(Object.keys(caches), [`raqmi-${buildB}`]);
    assert.equal(caches[`raqmi-${buildB}`].length, precacheB.length);

    // Every file loaded before the switch is A's, every file after it B's (same names are the
    // same bytes, but for data/manifest.bin, which names the rest by their hashes: each page
    // reads one manifest and only the files it lists, checked against it).
    assert.ok(loads.A.length > 0 && loads.B.length > 0);
    for (const f of loads.A) assert.ok(filesA.has(f), `${f} loaded before the update is a file of A`);
    for (const f of loads.B) assert.ok(filesB.has(f), `${f} loaded after the update is a file of B`);
    assert.ok(loads.B.some((f) => f.startsWith('data/') && !filesA.has(f)), 'B loaded its own data');
    const referenced = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')]
      .map((e) => new URL(e.src || e.href).pathname.slice(1)));
    for (const f of referenced) assert.ok(filesB.has(f), `the page after the update references B's ${f}`);
    await assertClean(page, problems);
  } finally {
    await env.browser.close();
    await serverA.close();
    await serverB?.close();
  }
});
