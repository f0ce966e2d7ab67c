// Benchmark of the extraction worker (issue 16, crates/own-worker), not a timed test: the
// built dist/ served on 127.0.0.1 with the recommended headers (scripts/csp.mjs), headless
// Chromium, the worker started as the app starts it (its loader shim, then its `ready`).
// Measures, each the median of RUNS (after one warm-up):
// - the worker's start: `new Worker(...)` to its `ready` (fetch, compile and instantiate the
//   worker's wasm; the files come from the HTTP server, not the service worker);
// - a 10 KB article (tests/fixtures/own/article.txt, its body repeated to 10 240 bytes):
//   the page's round trip, postMessage to the analysed document back in the page, and in the
//   worker (its own clock) the checks and extraction, and the whole request (plus the JSON
//   and the one-document snapshot the app keeps);
// - throughput: a 1 MiB text made the same way, analysed in the worker, in MB/s (10^6 B/s);
// - the app's path (www/own-dialog.js): the same 10 KB article pasted into "Ajouter un article",
//   from the click on "Analyser" to the detected values painted, from the click on "Ajouter"
//   to the article's view painted (stored in IndexedDB, listed, decoded and merged by the app),
//   and the two together: the first use of a page (the dialog's module and the worker start
//   then) and a later one (each a fresh article, median of UI_RUNS). A frame is painted when a
//   requestAnimationFrame callback has run and a task after it.
// Prints a markdown table and writes it to target/bench-own.md.
//   node scripts/bench-own.mjs [--runs N]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from './csp.mjs';
import { startServer } from './serve.mjs';
import { launchBrowser } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const r = args.indexOf('--runs');
const RUNS = r >= 0 ? Number(args[r + 1]) : 15;
const UI_RUNS = Math.max(3, Math.ceil(RUNS / 2));
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** The fixture article, its body paragraphs repeated until the text has `bytes` bytes. */
function article(bytes) {
  const text = readFileSync(new URL('../tests/fixtures/own/article.txt', import.meta.url), 'utf8');
  const paragraphs = text.trim().split('\n\n');
  const body = paragraphs.slice(2);
  let out = text.trim();
  for (let i = 0; Buffer.byteLength(out) < bytes; i++) out += `\n\n${body[i % body.length]}`;
  return Buffer.from(out).subarray(0, bytes).toString().replace(/\uFFFD$/, '');
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await startServer({ dir: DIST, headers: securityHeaders({ dir: DIST }), port: 0 });
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('article.result').first().waitFor();
  const small = article(10 * 1024);
  const large = article(1024 * 1024);
  const result = await page.evaluate(async ({ small, large, runs }) => {
    const start = () => new Promise((resolve, reject) => {
      const t0 = performance.now();
      const w = new Worker('raqmi-own-worker_loader.js');
      w.onerror = (e) => reject(new Error(e.message));
      w.onmessage = ({ data }) => { if (data.ready) resolve([w, performance.now() - t0]); };
    });
    const ask = (w, text) => new Promise((resolve) => {
      const t0 = performance.now();
      w.onmessage = ({ data }) => resolve({ roundTrip: performance.now() - t0, ms: data.ms, extractMs: data.extractMs, bytes: data.bytes, ok: data.ok, figures: data.documents?.[0]?.figures });
      w.postMessage({ request: 1, kind: 'text', text });
    });
    const starts = [];
    let worker;
    for (let i = 0; i <= runs; i++) {
      const [w, ms] = await start();
      if (i > 0) starts.push(ms);
      if (worker) worker.terminate();
      worker = w;
    }
    const smallRuns = [];
    for (let i = 0; i <= runs; i++) smallRuns.push(await ask(worker, small));
    const largeRuns = [];
    for (let i = 0; i < 3; i++) largeRuns.push(await ask(worker, large));
    worker.terminate();
    return { starts, small: smallRuns.slice(1), large: largeRuns };
  }, { small, large, runs: RUNS });
  const s = result.small;
  if (!s.every((x) => x.ok) || !result.large.every((x) => x.ok)) throw new Error('the worker refused the benchmark text');
  const mbps = (xs, key) => median(xs.map((x) => x.bytes / 1e6 / (x[key] / 1e3)));
  const rows = [
    ['worker start (new Worker to ready)', `${median(result.starts).toFixed(1)} ms`],
    [`10 KB article (${s[0].bytes} B, ${s[0].figures} figures): postMessage to the document back`, `${median(s.map((x) => x.roundTrip)).toFixed(2)} ms`],
    ['10 KB article: checks and extraction in the worker / the whole request there (with the JSON and snapshot kept)', `${median(s.map((x) => x.extractMs)).toFixed(2)} / ${median(s.map((x) => x.ms)).toFixed(2)} ms`],
    ['extraction throughput, 10 KB article / whole request', `${mbps(s, 'extractMs').toFixed(2)} / ${mbps(s, 'ms').toFixed(2)} MB/s`],
    [`extraction throughput, ${(result.large[0].bytes / 1048576).toFixed(0)} MiB text (median of 3) / whole request`, `${mbps(result.large, 'extractMs').toFixed(2)} / ${mbps(result.large, 'ms').toFixed(2)} MB/s`],
  ];
  const ui = await appPath(browser, small);
  rows.push(
    ['app: "Analyser" to the detected values painted (first use of the page / later)', `${median(ui.first.map((x) => x.analyse)).toFixed(1)} / ${median(ui.later.map((x) => x.analyse)).toFixed(1)} ms`],
    ['app: "Ajouter" to the article\'s view painted (first use / later)', `${median(ui.first.map((x) => x.add)).toFixed(1)} / ${median(ui.later.map((x) => x.add)).toFixed(1)} ms`],
    ['app: "Analyser" to the article\'s view painted, both clicks included (first use / later)', `${median(ui.first.map((x) => x.total)).toFixed(1)} / ${median(ui.later.map((x) => x.total)).toFixed(1)} ms`],
  );
  const table = ['| measure | median |', '|---|---|', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
  console.log(table);
  mkdirSync(fileURLToPath(new URL('../target/', import.meta.url)), { recursive: true });
  writeFileSync(new URL('../target/bench-own.md', import.meta.url), `${table}\n`);
} finally {
  await browser.close();
  await server.close();
}

/** The app's path, UI_RUNS fresh pages, two articles each (the first use, then a later one). */
async function appPath(browser, text) {
  const first = [];
  const later = [];
  for (let run = 0; run < UI_RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('article.result').first().waitFor();
    for (const [n, into] of [[0, first], [1, later]]) {
      await page.locator('.own-button').click();
      await page.locator('#own-dialog[open] .own-analyse').waitFor();
      // A new first line: a new article (a new id) each time.
      await page.locator('#own-text').fill(`Article ${run}-${n}. ${text}`);
      const painted = () => page.evaluate(() => new Promise((resolve) => {
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
      }));
      await page.locator('.own-analyse').click();
      await page.locator('.own-save').waitFor();
      const detected = await painted();
      await page.locator('.own-save').click();
      await page.locator('article.reader[data-id^="own-"]').waitFor();
      const shown = await painted();
      const marks = await page.evaluate(() => Object.fromEntries(['raqmi:own-analyse', 'raqmi:own-save']
        .map((m) => [m, performance.getEntriesByName(m).at(-1).startTime])));
      into.push({
        analyse: detected - marks['raqmi:own-analyse'],
        add: shown - marks['raqmi:own-save'],
        total: shown - marks['raqmi:own-analyse'],
      });
    }
    await context.close();
  }
  return { first, later };
}
