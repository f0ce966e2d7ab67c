// The browser benchmark (`make bench-browser`): for each corpus size N (synthetic, seed 42,
// N = 100, 1 000, 10 000, plus the bundled seeds), builds the app against that corpus twice:
// as shipped into target/bench-shipped-N (it fetches the data files by need: the cold load and
// the keystrokes are timed on it), and with the `bench` feature into target/bench-dist-N (it
// loads the whole corpus at start and exports the engine to the page: the query timings against
// MiniSearch, on the same index). Serves them with bench/ and MiniSearch (from node_modules,
// never shipped), and runs bench/index.html in headless Chromium in a fresh browser context
// (cold cache). Prints markdown tables and writes them to target/bench-browser.md.
//
//   node scripts/bench-browser.mjs [--ns seeds,100,1000,10000] [--skip-build] [--cold-browser plain|bench]
//
// bench/index.html runs in three parts, each in a new context; the keystrokes are timed twice.
// - `keys` (on the shipped build, service workers blocked so that no precache competes for the
//   2 cores; the first round is typed at a person's pace, 150 ms after each keystroke, and
//   fetches its term files and cards' texts; rounds two and three, at the frames' pace, find
//   them in memory, as a reader's next queries do): in a Chromium with the e2e suite's flags plus --disable-frame-rate-limit,
//   --disable-gpu-vsync and --run-all-compositor-stages-before-draw: input -> two animation
//   frames later, i.e. results painted (without the flags a frame waits for the next 60 Hz tick
//   and the measure would be the tick, 16.7 ms, not the work). But unthrottled frames keep the
//   browser and GPU processes busy (~35 ms of their CPU per keystroke on 2 cores, read from
//   /proc), and the page's thread waits for them: this measure includes the harness's own cost.
// - `frames` (the shipped build too): in the plain Chromium (e2e flags only, 60 Hz): each input dispatched at the start
//   of a frame, in an animation-frame callback, and timed to a message posted from it, which
//   runs once that frame's task is done (the app's render, style, layout, paint and the commit
//   to the compositor): the standard "next paint" measure of the page's own work per keystroke.
// - `queries` (the `bench` build): the engines' query timings, in the plain Chromium too (the unthrottled
//   compositor slowed the wasm engine about threefold on 2 cores).
// The pages are cross-origin isolated (COOP + COEP: performance.now() to 5 µs, not 100 µs).
//
// The cold load is measured on the shipped app's own page, opened cold (a new browser context, so an
// empty cache) COLD_RUNS times, in the second Chromium (e2e flags only), served with the
// headers README's "Security policy" recommends (scripts/csp.mjs): a user's browser and host.
// (Unthrottled frames cost a 2-core machine most of its CPU during a page load: they delayed
// the stylesheet's request by ~80 ms and first paint by ~300 ms, measured. `--cold-browser
// bench` measures the cold load the former way, in the flagged browser and isolated page, for
// comparison with tables made before.) Each column is the median, in ms from navigation start:
// - "first results painted": the paint of the first result's headline. The default view is
//   prerendered into index.html (crates/explorer/src/prerender.rs), and its first headline carries
//   elementtiming="raqmi:first-result": the renderTime of that Element Timing entry, observed
//   from before the page's first script (addInitScript). Chromium drops that entry when the
//   element is gone before the paint's timestamp reaches the page (the app took over in
//   between); the paint then is first-contentful-paint, provided the parser had finished
//   (domInteractive) before it and the frame was produced before the app took over: FCP came
//   before the mark raqmi:takeover (set just before the prerendered view is replaced), or the
//   app waited for a frame (mark raqmi:prerender-frame: the first contentful frame came no
//   later than that one, and the page then held nothing but the prerendered view). The table
//   says per run which way it was timed ("ET", "FCP").
//   A page without the prerendered view falls back to max(raqmi:first-results,
//   first-contentful-paint), the app's own first paint ("app" in the table).
// - "app interactive": the performance mark raqmi:first-results, set by the app once its first
//   render (which replaces the prerendered view) is in the DOM: search and filters work.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { securityHeaders } from './csp.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const NS = opt('--ns', 'seeds,100,1000,10000').split(',');
const SKIP_BUILD = args.includes('--skip-build');
const COLD_BROWSER = opt('--cold-browser', 'plain');
if (!['plain', 'bench'].includes(COLD_BROWSER)) throw new Error(`--cold-browser plain|bench, not ${COLD_BROWSER}`);
const SEED = 42;
const COLD_RUNS = 5;
const FLAGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--run-all-compositor-stages-before-draw'];

const run = (cmd, argv, env = {}) =>
  execFileSync(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });

function prepare(n) {
  const dist = join(ROOT, `target/bench-dist-${n}`);
  const shipped = join(ROOT, `target/bench-shipped-${n}`);
  const data = join(ROOT, `target/bench-data-${n}`);
  const corpusDir = n === 'seeds' ? 'seeds' : `target/synth/${n}`;
  if (!SKIP_BUILD || !existsSync(join(data, 'docs.json'))) {
    if (n !== 'seeds') run(join(ROOT, 'target/release/synth-corpus'), ['--seed', String(SEED), '--count', n, '--out', corpusDir]);
    // The documents exactly as Raqmi analyzed them, for MiniSearch.
    const out = execFileSync(join(ROOT, 'target/release/corpus'), ['export', corpusDir], {
      cwd: ROOT, maxBuffer: 1 << 30,
    });
    const docs = JSON.parse(out).documents.map((d) => ({
      id: d.id,
      headline: d.headline ?? '',
      text: d.text,
      orgs: [...new Set(d.entities.filter((e) => e.type === 'org').map((e) => e.canonical))],
      cats: [...new Set(d.figures.map((f) => f.category))],
    }));
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'docs.json'), JSON.stringify(docs));
  }
  if (!SKIP_BUILD || !existsSync(join(dist, 'index.html'))) {
    run('trunk', ['build', '--release', 'true', '--features', 'bench', '--dist', dist],
      n === 'seeds' ? {} : { RAQMI_CORPUS_DIR: corpusDir });
  }
  if (!SKIP_BUILD || !existsSync(join(shipped, 'index.html'))) {
    run('trunk', ['build', '--release', 'true', '--dist', shipped], n === 'seeds' ? {} : { RAQMI_CORPUS_DIR: corpusDir });
  }
  return { dist, shipped, data };
}

async function measure(browser, coldBrowser, n, { dist, shipped, data }) {
  // Cross-origin isolation: performance.now() gets 5 µs resolution instead of 100 µs.
  const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const server = await startServer({
    dir: dist,
    mounts: {
      '/bench/': join(ROOT, 'bench'),
      '/vendor/minisearch/': join(ROOT, 'node_modules/minisearch/dist/es'),
      // Not /data/: the app's own data files are there.
      '/bench-data/': data,
    },
    headers: isolated,
  });
  // bench.js imports MiniSearch at its top, whichever part it runs.
  const shippedServer = await startServer({
    dir: shipped,
    mounts: { '/bench/': join(ROOT, 'bench'), '/vendor/minisearch/': join(ROOT, 'node_modules/minisearch/dist/es') },
    headers: isolated,
  });
  const cold = [];
  const floor = [];
  if (COLD_BROWSER === 'bench') {
    for (let i = 0; i < COLD_RUNS; i++) cold.push(await coldLoad(browser, shippedServer.url));
    for (let i = 0; i < COLD_RUNS; i++) floor.push(await floorLoad(browser, `${shippedServer.url}bench/floor.html`));
  } else {
    const host = await startServer({ dir: shipped, headers: securityHeaders({ dir: shipped }), mounts: { '/bench/': join(ROOT, 'bench') } });
    try {
      for (let i = 0; i < COLD_RUNS; i++) cold.push(await coldLoad(coldBrowser, host.url));
      for (let i = 0; i < COLD_RUNS; i++) floor.push(await floorLoad(coldBrowser, `${host.url}bench/floor.html`));
    } finally {
      await host.close();
    }
  }
  // Keystrokes in the unthrottled browser; query timings in the plain one (see bench/bench.js).
  const keys = await benchPart(browser, n, `${shippedServer.url}bench/index.html?part=keys`, { serviceWorkers: 'block' });
  const frames = await benchPart(coldBrowser, n, `${shippedServer.url}bench/index.html?part=frames`, { serviceWorkers: 'block' });
  const r = await benchPart(coldBrowser, n, `${server.url}bench/index.html?part=queries`);
  await server.close();
  await shippedServer.close();
  r.keys = keys.keys;
  r.frameKeys = frames.frameKeys;
  const median = (runs, k) => runs.map((c) => c[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  r.cold = Object.fromEntries(Object.keys(cold[0]).filter((k) => k !== 'source').map((k) => [k, median(cold, k)]));
  r.floorFcp = median(floor, 'fcp');
  const sources = new Map();
  for (const c of cold) sources.set(c.source, (sources.get(c.source) ?? 0) + 1);
  r.cold.sources = [...sources].map(([s, runs]) => `${s} ${runs}`).join(', ');
  r.coldRuns = cold; // every run, in target/bench-browser.json
  r.floorRuns = floor;
  return r;
}

/** Runs bench/index.html (one part) in a new context and returns its window.benchResult. */
async function benchPart(browser, n, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[${n}] page error: ${e.message}`));
    await page.goto(url);
    await page.waitForFunction(() => window.benchResult, null, { timeout: 15 * 60 * 1000, polling: 500 });
    const r = await page.evaluate(() => window.benchResult);
    if (r.error) throw new Error(`[${n}] ${r.error}`);
    return r;
  } finally {
    await context.close();
  }
}

/**
 * The floor under "first results painted": a static page of one heading and one paragraph
 * (bench/floor.html), opened cold the same way as the app. Its first contentful paint is what
 * the browser, the machine and the local server cost before any page's own work.
 */
async function floorLoad(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0,
      null, { timeout: 60000, polling: 10 });
    return await page.evaluate(() => ({ fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime }));
  } finally {
    await context.close();
  }
}

/** Opens the app in a new context (cold cache) and reads its timeline, in ms from navigation. */
async function coldLoad(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Element Timing entries are only delivered to observers: register one before any paint.
    await page.addInitScript(() => {
      window.__raqmiElementTiming = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__raqmiElementTiming.push({ id: e.identifier, renderTime: e.renderTime });
      }).observe({ type: 'element', buffered: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('raqmi:first-results').length > 0,
      null, { timeout: 120000, polling: 10 });
    await page.waitForTimeout(200); // let the paint entries land
    return await page.evaluate(() => {
      const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      const results = at('raqmi:first-results');
      const fcp = at('first-contentful-paint');
      const timed = window.__raqmiElementTiming.find((e) => e.id === 'raqmi:first-result')?.renderTime;
      const interactive = performance.getEntriesByType('navigation')[0]?.domInteractive ?? NaN;
      const takeover = at('raqmi:takeover');
      const listed = document.documentElement.dataset.prerender !== 'stale';
      const frameFirst = performance.getEntriesByName('raqmi:prerender-frame').length > 0;
      const onScreenAtFcp = listed && interactive <= fcp && (fcp < takeover || frameFirst);
      const prerendered = timed || (onScreenAtFcp ? fcp : NaN);
      const appPainted = Number.isNaN(fcp) ? results : Math.max(results, fcp);
      return {
        // How "painted" was timed (not a number: left out of the medians).
        source: timed ? 'ET' : (onScreenAtFcp ? 'FCP' : 'app'),
        wasmLoaded: wasm?.responseEnd ?? NaN,
        decodeStart: at('raqmi:decode-start'),
        decoded: at('raqmi:decoded'),
        results,
        fcp,
        painted: Number.isNaN(prerendered) ? appPainted : prerendered,
      };
    });
  } finally {
    await context.close();
  }
}

const f1 = (x) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(1));
const f2 = (x) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(2));
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;

if (!SKIP_BUILD) run('cargo', ['build', '--release', '-p', 'raqmi-testkit', '-p', 'raqmi-cli', '--bin', 'synth-corpus', '--bin', 'corpus']);
const results = [];
for (const n of NS) results.push([n, prepare(n)]);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...FLAGS] });
const coldBrowser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const measured = [];
try {
  for (const [n, paths] of results) {
    console.error(`bench-browser: N = ${n}…`);
    measured.push([n, await measure(browser, coldBrowser, n, paths)]);
  }
} finally {
  await browser.close();
  await coldBrowser.close();
}

let md = `### Browser (make bench-browser: headless Chromium ${browser.version?.() ?? ''}, seed ${SEED})\n\n`;
md += `Cold load (floor: a static page of one heading and one paragraph, bench/floor.html, opened the same way; ${COLD_BROWSER === 'plain' ? "Chromium with the e2e flags only, the recommended headers" : 'the flagged browser, cross-origin isolated, as tables before the prerendered view'}; median of ${COLD_RUNS} new contexts; ms from navigation): first contentful paint; first results painted (the prerendered first headline: its Element Timing, "ET", or first-contentful-paint when the list was all on screen then, "FCP"; "app": the app's own paint); wasm downloaded; app started (decode start: its start view's data files are in); its corpus assembled from them (decoded); app interactive (its first render in the DOM, mark raqmi:first-results). The shipped build, fetching by need; keystrokes too (service workers blocked), each query typed three times (the first at a person's pace, 150 ms between keystrokes: it fetches its files; the next two at the frames' pace).\n\n`;
md += '| N | floor: static page FCP | first contentful paint | **first results painted** (timed by) | painted - floor | wasm loaded | decode start | decoded | **app interactive** | start view corpus assembled ms (cold) / whole corpus assembled ms (warm, bench build) | keystroke p50 / p95 ms (n): to painted, unthrottled | keystroke p50 / p95 ms: to the frame commit, 60 Hz | frame commit p95 ms: first round (fetching) / rounds 2-3 |\n';
md += '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n';
for (const [n, r] of measured) {
  const c = r.cold;
  md += `| ${n} | ${f1(r.floorFcp)} | ${f1(c.fcp)} | **${f1(c.painted)}** (${c.sources}) | ${f1(c.painted - r.floorFcp)} | ${f1(c.wasmLoaded)} | ${f1(c.decodeStart)} | ${f1(c.decoded)} | **${f1(c.results)}** | ${f1(c.decoded - c.decodeStart)} / ${f1(r.decodeAgainMs)} | ${f1(r.keys.p50)} / ${f1(r.keys.p95)} (${r.keys.n}) | ${f1(r.frameKeys.p50)} / ${f1(r.frameKeys.p95)} | ${f1(r.frameKeys.firstP95)} / ${f1(r.frameKeys.againP95)} |\n`;
}
md += '\n| N | Raqmi data files (documents + index) | Raqmi index alone | MiniSearch index (JSON.stringify) | snapshot / MiniSearch | index / MiniSearch | MiniSearch build ms |\n';
md += '|---|---|---|---|---|---|---|\n';
for (const [n, r] of measured) {
  md += `| ${n} | ${kb(r.snapshotBytes)} | ${kb(r.indexBytes)} | ${kb(r.miniBytes)} | ${f2(r.snapshotBytes / r.miniBytes)} | ${f2(r.indexBytes / r.miniBytes)} | ${f1(r.miniBuildMs)} |\n`;
}
md += '\n| N | query | facets | Raqmi hits | MiniSearch hits | Raqmi p50 / p95 ms | MiniSearch p50 / p95 ms | Raqmi / MiniSearch (p50) |\n';
md += '|---|---|---|---|---|---|---|---|\n';
for (const [n, r] of measured) {
  for (const q of r.queries) {
    md += `| ${n} | ${q.kind} \`${q.q.trim()}\` | ${q.facets ? 'org + category' : '-'} | ${q.raqmiHits} | ${q.miniHits} | ${f2(q.raqmi.p50)} / ${f2(q.raqmi.p95)} | ${f2(q.mini.p50)} / ${f2(q.mini.p95)} | ${f2(q.ratio)} |\n`;
  }
}
console.log(`\n${md}`);
writeFileSync(join(ROOT, 'target/bench-browser.md'), md);
writeFileSync(join(ROOT, 'target/bench-browser.json'), JSON.stringify(measured, null, 2));
