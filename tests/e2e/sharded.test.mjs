// A corpus of many data files, end to end: the built app (dist/) over the data files of a
// synthetic corpus (the wasm holds code only, so the same build reads any corpus's files),
// written with `corpus data` into target/e2e-dist-many/ by `before` below (cargo builds the two
// binaries once; later runs reuse them and the corpus). The app never has more than a few
// downloads running at once (a burst of thousands broke a 100 000-article start:
// ERR_INSUFFICIENT_RESOURCES).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setUp, openPage, assertClean, appStarted, requireBuild, DIST } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(ROOT, 'target/e2e-corpus-many');
const DIR = join(ROOT, 'target/e2e-dist-many');
/** Articles of the synthetic corpus: enough for dozens of packs. */
const COUNT = 600;
/** The app's bound on downloads at once (`IN_FLIGHT` in src/data.rs). */
const IN_FLIGHT = 6;

const cargo = (...args) => execFileSync('cargo', ['run', '--quiet', '--offline', '--release', ...args],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

let env;
before(async () => {
  requireBuild(DIST);
  if (!existsSync(CORPUS)) {
    cargo('-p', 'raqmi-testkit', '--bin', 'synth-corpus', '--', '--count', String(COUNT), '--out', CORPUS);
  }
  rmSync(DIR, { recursive: true, force: true });
  cpSync(DIST, DIR, { recursive: true, filter: (src) => !src.startsWith(join(DIST, 'data')) });
  cargo('-p', 'raqmi-cli', '--bin', 'corpus', '--', 'data', CORPUS, join(DIR, 'data'));
  env = await setUp({ dir: DIR });
});
after(async () => { await env?.close(); });

/** Counts the page's data downloads running at once (from the call to the response). */
function countFetches() {
  const state = { now: 0, max: 0, total: 0 };
  window.__fetches = state;
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes('data/')) return fetch(input, init);
    state.total += 1;
    state.now += 1;
    state.max = Math.max(state.max, state.now);
    const done = () => { state.now -= 1; };
    const p = fetch(input, init);
    p.then(done, done);
    return p;
  };
}

test('a corpus of many files starts with at most a few downloads at once', async () => {
  const packs = readdirSync(join(DIR, 'data')).filter((f) => f.startsWith('pack-'));
  assert.ok(packs.length > 3 * IN_FLIGHT, `${packs.length} packs: too few to tell`);
  const { page, context, problems } = await openPage(env, null, { serviceWorkers: 'block' });
  await context.addInitScript(countFetches);
  await page.goto(env.server.url);
  await appStarted(page);
  await page.locator('article.result').first().waitFor();
  const start = await page.evaluate(() => ({ ...window.__fetches }));
  assert.ok(start.total > IN_FLIGHT, `only ${start.total} data files fetched: nothing to bound`);
  assert.ok(start.max <= IN_FLIGHT, `${start.max} data files downloading at once (of ${start.total})`);
  // A query with words: its files queue the same way.
  await page.getByRole('searchbox', { name: 'Rechercher dans les articles' }).fill('numérique');
  await page.waitForFunction(() => document.querySelector('.loading') === null
    && document.querySelectorAll('article.result').length > 0);
  const after = await page.evaluate(() => ({ ...window.__fetches }));
  assert.ok(after.max <= IN_FLIGHT, `${after.max} data files downloading at once`);
  await assertClean(page, problems);
  await context.close();
});
