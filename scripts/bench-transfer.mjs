// The transfer benchmark of issue 14 (a benchmark, not a test): for each corpus size N
// (synthetic, seed 42, the test kit's `synth-corpus`), builds the shipped app (no `bench`
// feature) over it into target/transfer-dist-N (its own cargo target dir, target/transfer, so
// that the usual build is never rebuilt), serves it (scripts/serve.mjs), and in headless
// Chromium, cold (a new context each time, service workers blocked: what the page itself needs),
// opens `?q=<query>` and waits for the first 10 results (or all when fewer), then for the rest
// of the page that follows them (cards 11 to 20, the facet counts: asked for once the first
// results are painted; counted apart), then types a second query and waits for its results. Bytes are counted as gzip -9 of each file the page asked for
// (what a host compressing with gzip sends), once per file.
//
//   node scripts/bench-transfer.mjs [--ns 1000,10000,100000] [--skip-build] [--raqmi-only] [--list]
//
// `--list` prints on stderr each file of Raqmi's first results with its gzip size.
// `--raqmi-only` measures Raqmi alone (no Pagefind build or page: its columns say "–"), e.g.
// over a dist whose data/ was swapped for another corpus's (`corpus data`), with
// `--skip-build`.
//
// In the same run, Pagefind 1.x (npm `pagefind`, its binary from the npm registry) over the same
// articles written as HTML pages (headline, text, and an `organisation` filter from the
// analysed names, `corpus export`), into target/pagefind-N: a page that imports
// /pagefind/pagefind.js, loads its filters (as Raqmi's facet counts) and searches, then reads
// the first 10 results' fragments (what a result list shows), and the same second query.
// Pagefind's files are compressed already: each counts as the smaller of its size and gzip's.
//
// Each build is measured: wall time and peak memory (GNU `/usr/bin/time -f '%e %M'`: the
// maximum resident set of the largest single process of the build, e.g. `corpus data` or
// rustc; no number without it), and what it writes: the dist's files and bytes (Raqmi: the
// whole dist; Pagefind: its bundle `pagefind/` and the whole site, pages included). Raqmi's
// build is the app's `trunk build --release` (its post_build hook's `corpus build` reads the
// corpus once: data files, prerendered view, chart fallbacks); Pagefind's is its indexing of the pages, which are
// written from `corpus export` first (not counted). The numbers are kept beside each build
// (`<dir>.build.json`) so that `--skip-build` prints them again.
//
// Prints markdown tables (docs/performance.md, "Transfer in the browser, against Pagefind").
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const NS = opt('--ns', '1000,10000,100000').split(',');
const SKIP_BUILD = args.includes('--skip-build');
const RAQMI_ONLY = args.includes('--raqmi-only');
const LIST = args.includes('--list');
const NO_PAGEFIND = { first: { bytes: '–', files: '–', ms: '–' }, second: { bytes: '–', files: '–' } };
const SEED = 42;
const QUERIES = [['numérique', 'formation'], ['startups maroc', 'investissement']];

const run = (cmd, argv, env = {}) =>
  execFileSync(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });

const GNU_TIME = '/usr/bin/time';
/**
 * Runs a build step and measures it: wall seconds and, with GNU time, the peak resident set of
 * its largest process (MB). Saved to `<out>.build.json` for `--skip-build`.
 */
function timedBuild(out, cmd, argv, env = {}) {
  const statsFile = join(ROOT, `target/tmp/bench-transfer-time-${process.pid}`);
  mkdirSync(join(ROOT, 'target/tmp'), { recursive: true });
  const t0 = Date.now();
  if (existsSync(GNU_TIME)) run(GNU_TIME, ['-f', '%e %M', '-o', statsFile, cmd, ...argv], env);
  else run(cmd, argv, env);
  const seconds = (Date.now() - t0) / 1000;
  let peakMb = null;
  if (existsSync(statsFile)) {
    const [, kb] = readFileSync(statsFile, 'utf8').trim().split('\n').pop().split(' ');
    peakMb = Math.round(Number(kb) / 1024);
    rmSync(statsFile);
  }
  const stats = { seconds, peakMb };
  writeFileSync(`${out}.build.json`, JSON.stringify(stats));
  return stats;
}
const savedBuild = (out) => (existsSync(`${out}.build.json`) ? JSON.parse(readFileSync(`${out}.build.json`, 'utf8')) : { seconds: null, peakMb: null });

/** Files and bytes under `dir` (recursive). */
function dirSize(dir) {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      const sub = dirSize(join(dir, e.name));
      files += sub.files;
      bytes += sub.bytes;
    } else if (e.isFile()) {
      files += 1;
      bytes += statSync(join(dir, e.name)).size;
    }
  }
  return { files, bytes };
}

function prepare(n) {
  const dist = join(ROOT, `target/transfer-dist-${n}`);
  const corpusDir = `target/synth/${n}`;
  if (!existsSync(join(ROOT, corpusDir))) {
    run(join(ROOT, 'target/release/synth-corpus'), ['--seed', String(SEED), '--count', n, '--out', corpusDir]);
  }
  const build = !SKIP_BUILD || !existsSync(join(dist, 'index.html'))
    ? timedBuild(dist, 'trunk', ['build', '--release', 'true', '--dist', dist],
      { RAQMI_CORPUS_DIR: corpusDir, CARGO_TARGET_DIR: join(ROOT, 'target/transfer') })
    : savedBuild(dist);
  return { dist, build, size: dirSize(dist), data: dirSize(join(dist, 'data')) };
}

const gzipCache = new Map();
function gzipSize(dist, path) {
  const file = join(dist, decodeURIComponent(path === '/' ? '/index.html' : path.split('?')[0]));
  if (!gzipCache.has(file)) {
    const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    gzipCache.set(file, bytes.length ? Math.min(bytes.length, gzipSync(bytes, { level: 9 }).length) : 0);
  }
  return gzipCache.get(file);
}

const escape = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The analysed articles of `target/synth/N`, in chunks of at most 10 000 (hard links in
 * target/tmp), since one JSON text of 100 000 articles outgrows a JavaScript string.
 */
function* exportedDocuments(n) {
  const dir = join(ROOT, `target/synth/${n}`);
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const CHUNK = 10_000;
  for (let i = 0; i < names.length; i += CHUNK) {
    const chunk = join(ROOT, `target/tmp/export-${n}`);
    rmSync(chunk, { recursive: true, force: true });
    mkdirSync(chunk, { recursive: true });
    for (const f of [...names.slice(i, i + CHUNK), ...(existsSync(join(dir, 'corpus.toml')) ? ['corpus.toml'] : [])]) {
      linkSync(join(dir, f), join(chunk, f));
    }
    const out = execFileSync(join(ROOT, 'target/release/corpus'), ['export', chunk], { cwd: ROOT, maxBuffer: 1 << 30 });
    rmSync(chunk, { recursive: true, force: true });
    yield* JSON.parse(out).documents;
  }
}

/** The same articles as HTML pages, indexed by Pagefind; the site's directory and its build. */
function preparePagefind(n) {
  const site = join(ROOT, `target/pagefind-${n}`);
  const measured = (build) => ({ site, build, bundle: dirSize(join(site, 'pagefind')), size: dirSize(site) });
  if (SKIP_BUILD && existsSync(join(site, 'pagefind', 'pagefind.js'))) return measured(savedBuild(site));
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'a'), { recursive: true });
  for (const d of exportedDocuments(n)) {
    const orgs = [...new Set(d.entities.filter((e) => e.type === 'org').map((e) => e.canonical))];
    writeFileSync(join(site, 'a', `${d.id}.html`), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(d.headline ?? d.id)}</title></head>`
      + `<body><main data-pagefind-body><h1>${escape(d.headline ?? '')}</h1>`
      + `${orgs.map((o) => `<span data-pagefind-filter="organisation">${escape(o)}</span>`).join(' ')}`
      + `${d.text.split('\n').filter(Boolean).map((p) => `<p>${escape(p)}</p>`).join('')}</main></body></html>`);
  }
  writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Pagefind</title></head><body><main></main>
<script type="module">
const pagefind = await import('./pagefind/pagefind.js');
await pagefind.init();
window.runQuery = async (q) => {
  await pagefind.filters();
  const search = await pagefind.search(q);
  const shown = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  document.querySelector('main').innerHTML = '<p class="count">' + search.results.length + '</p>' + shown.map((d) => '<article>' + d.meta.title + '</article>').join('');
  return search.results.length;
};
const q = new URLSearchParams(location.search).get('q');
if (q) await window.runQuery(q);
document.body.dataset.done = '1';
</script></body></html>`);
  return measured(timedBuild(site, join(ROOT, 'node_modules/.bin/pagefind'), ['--site', site, '--quiet']));
}

/** Pagefind's side of `measure`. */
async function measurePagefind(browser, server, site, first, second) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const seen = new Set();
  let phase = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (!seen.has(path)) { seen.add(path); phase.push(path); }
  });
  const t0 = Date.now();
  await page.goto(`${server.url}?q=${encodeURIComponent(first)}`);
  await page.waitForFunction(() => document.body.dataset.done === '1', null, { timeout: 600_000 });
  const ms = Date.now() - t0;
  const firstFiles = phase;
  phase = [];
  await page.evaluate((q) => window.runQuery(q), second);
  const secondFiles = phase;
  const sum = (files) => files.reduce((s, p) => s + gzipSize(site, p), 0);
  await context.close();
  return {
    first: { bytes: sum(firstFiles), files: firstFiles.length, ms },
    second: { bytes: sum(secondFiles), files: secondFiles.length },
  };
}

/**
 * Opens `?q=first`, waits for its results, then types `second`; bytes and files of each. A
 * file counts in a phase when its request started before the phase's end (the moment the page
 * showed what was waited for), both read on the page's clock (Resource Timing): the app asks
 * for the rest of a page in the task after the frame that shows its first results, and the
 * request events reach this script after the page's answer, so counting the events seen by
 * then would give the next phase's first files to it.
 */
async function measure(browser, server, dist, first, second) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await context.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
  // When each file was first asked for (ms, the page's clock; the page itself at 0).
  const started = async () => {
    const entries = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => [new URL(e.name).pathname, e.startTime]));
    const seen = new Set(['/']);
    const out = [{ path: '/', t: 0 }];
    for (const [path, t] of entries) {
      if (!seen.has(path)) { seen.add(path); out.push({ path, t }); }
    }
    return out;
  };
  const between = (list, from, to) => list.filter(({ t }) => t > from && t <= to).map(({ path }) => path);
  // The results, or the app's own message when it could not get them (an alert: e.g. at
  // 100 000 articles, Chromium refusing thousands of requests at once), which is reported;
  // else the page's clock when they were shown.
  // `before`: what the list showed before the query was typed (its count and first link),
  // which the new results differ from (the URL says the new query only once typing pauses).
  const shownList = () => page.evaluate(() => [document.querySelector('.results-view .result-count')?.textContent,
    document.querySelector('.results-view article.result .result-link')?.getAttribute('href')].join(' '));
  const results = async (before = null) => {
    // The first 10 cards with their text (the page's later cards may still be on their way:
    // a card without its text is a `.result-pending` placeholder in its place), the app's or,
    // for a query alone, those drawn before it (www/first.js: the prerendered view replaced
    // and shown, `<html data-prerender>` removed).
    const done = await page.waitForFunction((before) => document.querySelector('[role=alert]')?.textContent
      || (((document.querySelector('.prerendered') === null || document.documentElement.dataset.prerender === undefined)
        && [document.querySelector('.results-view .result-count')?.textContent,
          document.querySelector('.results-view article.result .result-link')?.getAttribute('href')].join(' ') !== before
        && document.querySelector('.results-view .result-count') !== null
        && [...document.querySelectorAll('.loading')].every((e) => e.matches('.result-pending'))
        && [...document.querySelectorAll('.results-view article.result, .results-view .result-pending')]
          .slice(0, 10).every((card) => card.matches('article.result')))
        && performance.now()), before, { timeout: 600_000 });
    return done.jsonValue();
  };
  const t0 = Date.now();
  await page.goto(`${server.url}?q=${encodeURIComponent(first)}`);
  let shown = await results();
  const ms = Date.now() - t0;
  // Drawn by www/first.js (a query alone): when it put them in the page (its mark), which
  // then lets the app start: the app's files, requested in the same task, come after them,
  // though before the next frame, when the condition above is checked again.
  const drawn = await page.evaluate(() => performance.getEntriesByName('raqmi:early-results')[0]?.startTime);
  if (typeof shown === 'number' && typeof drawn === 'number') shown = Math.min(shown, drawn);
  if (typeof shown === 'string') {
    const files = (await started()).map(({ path }) => path);
    await context.close();
    return { error: shown, first: { bytes: files.reduce((s, p) => s + gzipSize(dist, p), 0), files: files.length, ms } };
  }
  // The rest of the page, which follows the first results once they are painted (the app, for
  // a query alone, whose first results come before it; the other cards' text, the facet
  // counts: the facets file), counted apart.
  const whole = await (await page.waitForFunction(() => document.querySelector('.prerendered') === null
    && document.querySelector('.facet-pending, .result-pending') === null
    && performance.now(), null, { timeout: 600_000 })).jsonValue();
  const before = await shownList();
  await page.getByRole('searchbox').first().fill(second);
  const next = await results(before);
  const times = await started();
  const firstFiles = between(times, -Infinity, shown);
  const countsFiles = between(times, shown, whole);
  const secondFiles = between(times, whole, next);
  const sum = (files) => files.reduce((s, p) => s + gzipSize(dist, p), 0);
  const data = (files) => files.filter((p) => p.includes('/data/')).length;
  if (LIST) for (const p of firstFiles) console.error(`${first}: ${gzipSize(dist, p)} B ${p}`);
  await context.close();
  return {
    first: { bytes: sum(firstFiles), files: firstFiles.length, data: data(firstFiles), ms },
    counts: { bytes: sum(countsFiles), files: countsFiles.length },
    second: { bytes: sum(secondFiles), files: secondFiles.length, data: data(secondFiles) },
  };
}

// Both binaries: `synth-corpus` writes the corpora, `corpus export` their pages for Pagefind.
if (!SKIP_BUILD) run('cargo', ['build', '--release', '-p', 'raqmi-testkit', '--bin', 'synth-corpus', '-p', 'raqmi-cli', '--bin', 'corpus']);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const rows = [];
const buildRows = [];
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const buildCells = (b) => `${b.seconds === null ? '?' : b.seconds.toFixed(0)} s | ${b.peakMb === null ? '?' : b.peakMb} MB`;
for (const n of NS) {
  const { dist, build, size, data } = prepare(n);
  buildRows.push(`| ${n} | Raqmi (\`trunk build --release\`) | ${buildCells(build)} | ${size.files} files, ${mb(size.bytes)} MB (data: ${data.files} files, ${mb(data.bytes)} MB) |`);
  console.error(buildRows.at(-1));
  const server = await startServer({ dir: dist, brotliQuality: 5 });
  try {
    const pf = RAQMI_ONLY ? null : preparePagefind(n);
    if (pf) {
      buildRows.push(`| ${n} | Pagefind (indexing) | ${buildCells(pf.build)} | bundle ${pf.bundle.files} files, ${mb(pf.bundle.bytes)} MB; site with the pages ${pf.size.files} files, ${mb(pf.size.bytes)} MB |`);
      console.error(buildRows.at(-1));
    }
    const pfServer = pf ? await startServer({ dir: pf.site, brotliQuality: 5 }) : null;
    try {
      for (const [first, second] of QUERIES) {
        const r = await measure(browser, server, dist, first, second);
        const p = pf ? await measurePagefind(browser, pfServer, pf.site, first, second) : NO_PAGEFIND;
        if (r.error) {
          rows.push(`| ${n} | \`${first}\` | **no results**: the app said "${r.error.trim()}" after ${r.first.ms} ms (${r.first.bytes} B requested in ${r.first.files} files) | ${p.first.bytes} B (${p.first.files} files), ${p.first.ms} ms | – | \`${second}\` | – | ${p.second.bytes} B (${p.second.files}) |`);
          console.error(rows.at(-1));
          continue;
        }
        rows.push(`| ${n} | \`${first}\` | ${r.first.bytes} B (${r.first.files} files), ${r.first.ms} ms; then the page's rest +${r.counts.bytes} B (${r.counts.files}) | ${p.first.bytes} B (${p.first.files} files), ${p.first.ms} ms | ${pf ? (r.first.bytes / p.first.bytes).toFixed(1) : '–'} | \`${second}\` | ${r.second.bytes} B (${r.second.files}) | ${p.second.bytes} B (${p.second.files}) |`);
        console.error(rows.at(-1));
      }
    } finally {
      await pfServer?.close();
    }
  } finally {
    await server.close();
  }
}
await browser.close();
console.log('| N | first query | Raqmi: gzip to its first 10 results (files), time; then the rest of the page (for a query alone the app itself; cards 11–20, facet counts) | Pagefind: the same | Raqmi / Pagefind | second query | Raqmi: extra gzip (files) | Pagefind: extra (files) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log('');
console.log('| N | build | wall time | peak memory (largest process) | written |');
console.log('|---|---|---|---|---|');
for (const r of buildRows) console.log(r);
