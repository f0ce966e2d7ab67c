// Shared set-up of the end-to-end suites: Debian's Chromium driven by playwright-core (never a
// downloaded browser), the built dist/ served on 127.0.0.1, and a watch on every page for
// requests leaving the app's origin, uncaught errors, console errors and Content-Security-Policy
// violations (in every frame, across reloads), which fail the test that caused them:
// every test ends with `await assertClean(page, problems)`.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { fileURLToPath } from 'node:url';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** Version B of the update test: the seeds plus one article (built by scripts/test.sh). */
export const DIST_B = fileURLToPath(new URL('../../target/e2e-dist-b/', import.meta.url));

/**
 * dist/ over the data files of a synthetic corpus of `count` articles (the wasm holds code only,
 * so the same build reads any corpus's files): the corpus written once into target/`corpus`,
 * the app copied without its data into target/`dir`, then `corpus data` there. Returns `dir`'s
 * path. (cargo builds the two binaries once; later runs reuse them and the corpus.)
 */
export function withSyntheticCorpus({ corpus, dir, count }) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const cargo = (...args) => execFileSync('cargo', ['run', '--quiet', '--offline', '--release', ...args],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const corpusDir = join(root, 'target', corpus);
  const out = join(root, 'target', dir);
  requireBuild(DIST);
  if (!existsSync(corpusDir)) {
    cargo('-p', 'raqmi-testkit', '--bin', 'synth-corpus', '--', '--count', String(count), '--out', corpusDir);
  }
  rmSync(out, { recursive: true, force: true });
  cpSync(DIST, out, { recursive: true, filter: (src) => !src.startsWith(join(DIST, 'data')) });
  cargo('-p', 'raqmi-cli', '--bin', 'corpus', '--', 'data', corpusDir, join(out, 'data'));
  return out;
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Fails with a clear message when a build is missing. */
export function requireBuild(dir) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir} does not exist: build the app first (scripts/test.sh builds dist/, target/e2e-dist-b/ and target/e2e-dist-offline/)`);
  }
}

/**
 * Starts the server and the browser; `close()` stops both. `headers` are sent with every
 * response (e.g. scripts/csp.mjs securityHeaders({ dir })); `port` 0 picks a free one.
 */
export async function setUp({ dir = DIST, headers = {}, port = 0 } = {}) {
  requireBuild(dir);
  // Brotli at 5, not 11: each test file is its own process, and 11 takes ~2 s for the wasm.
  const server = await startServer({ dir, headers, port, brotliQuality: 5 });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    close: async () => { await browser.close(); await server.close(); },
  };
}

/** Every file of a built dist/ folder, as paths relative to it ("raqmi-….js", "icons/…"). */
export function listing(dir) {
  const files = [];
  (function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p); else files.push(relative(dir, p).split(sep).join('/'));
    }
  })(dir);
  return new Set(files);
}

/**
 * Opens a page in a fresh context and watches it. `problems` collects requests to an origin
 * other than the app's (and `allowOrigins`), uncaught page errors, console errors and CSP
 * violations of any frame; tests end with `assertClean(page, problems)`.
 * `path` null opens nothing; `options` go to browser.newContext().
 */
export async function openPage(env, path = '', options = {}, { allowOrigins = [] } = {}) {
  const context = await env.browser.newContext(options);
  return watch(env, context, path, allowOrigins);
}

/**
 * Like openPage, in a persistent (not off-the-record) profile in `userDataDir`: Chromium never
 * calls an app installable in an incognito-like context. Closing the context closes its browser.
 */
export async function openPersistentPage(env, userDataDir, path = '') {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath, args: CHROMIUM_ARGS });
  return watch(env, context, path, []);
}

async function watch(env, context, path, allowOrigins) {
  const origins = new Set([new URL(env.server.url).origin, ...allowOrigins]);
  const problems = [];
  // Requests of pages, frames and service workers alike.
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!origins.has(new URL(url).origin)) problems.push(`request to another origin: ${url}`);
  });
  await context.exposeBinding('__raqmiReportViolation', ({ frame }, text) => {
    problems.push(`CSP violation in ${frame?.url() ?? '?'}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const text = `${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile || '?'}:${e.lineNumber})`;
      window.__raqmiReportViolation?.(text);
    }, true);
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  if (path !== null) await page.goto(new URL(path, env.server.url).href);
  return { page, context, problems };
}

/** Lets reports in flight arrive, then asserts that nothing went wrong on the page. */
export async function assertClean(page, problems) {
  for (const frame of page.frames()) await frame.evaluate(() => 0).catch(() => {});
  assert.deepEqual(problems, []);
}

/**
 * Resolves once the app replaced the prerendered view (it first downloads its corpus's data
 * files, after the wasm): for tests about the app itself, not the take-over.
 */
export async function appStarted(page) {
  await page.waitForFunction(() => performance.getEntriesByName('raqmi:first-results').length > 0
    && document.querySelector('.prerendered') === null);
}

/** Resolves once a service worker controls the page (its build is then fully cached). */
export async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}
