// Shared set-up of the end-to-end suites: Debian's Chromium driven by playwright-core (never a
// downloaded browser), the built dist/ served on 127.0.0.1, and a watch on every page for
// requests leaving the app's origin and for uncaught errors, which fail the test that caused them.
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Starts the server and the browser; `close()` stops both. */
export async function setUp({ dir = DIST } = {}) {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: build the app first (trunk build --release)`);
  const server = await startServer({ dir });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    close: async () => { await browser.close(); await server.close(); },
  };
}

/**
 * Opens a page in a fresh context and watches it. `problems` collects requests to another
 * origin and uncaught page errors; tests assert it stays empty.
 */
export async function openPage(env, path = '', options = {}) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  const origin = new URL(env.server.url).origin;
  const problems = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  if (path !== null) await page.goto(new URL(path, env.server.url).href);
  return { page, context, problems };
}

/** Asserts that nothing went wrong on the page (no foreign request, error or violation). */
export async function assertClean(page, problems) {
  const { deepEqual } = (await import('node:assert/strict')).default;
  for (const frame of page.frames()) await frame.evaluate(() => 0).catch(() => {});
  deepEqual(problems, []);
}
