// Prints the size of every file in a built dist/, raw and gzip (level 9), and the totals.
// With --budget BYTES, exits 1 when the first load's gzip total exceeds it.
//
// Two totals. The first load is every file but the on-demand ones: what the page and the
// service worker's first install fetch for the app itself. The on-demand files are the
// extraction worker's (crates/own-worker: its loader shim, wasm-bindgen glue and wasm, about
// 160 KB gzip): the page never requests them until "Add an article" is used, and no tag of
// index.html names them, so they cost nothing before the first paint or the first search.
// The service worker still precaches them in the background on the first visit (after the page
// has loaded) so that the dialog works offline: they are counted here, on their own line, and
// kept out of the budget, which is about the app a reader waits for. The same holds for the
// corpus's term files (`data/dict-…`, `postings-…`, `positions-…`, `stems-…`, `tails-…`, and the figures
// table `figures-…`): the app fetches them when the first query with words needs them
// (src/data.rs; tests/e2e/data.test.mjs checks that the default view never asks for them), and
// the service worker precaches them after load. The static chart fallbacks
// (fallback/*.svg, *.png: partners' <noscript> and AMP placeholders) are never fetched by the
// app nor precached: they are on their own line too, out of the budget. So are www/offline.js
// and .css ("Disponible hors ligne"): imported only above the offline limit, and precached only
// then.
//   node scripts/dist-sizes.mjs [DIR] [--budget BYTES]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const b = args.indexOf('--budget');
const budget = b >= 0 ? Number(args.splice(b, 2)[1]) : null;
if (budget !== null && !(budget > 0)) {
  console.error('dist-sizes: --budget needs a positive number of bytes');
  process.exit(2);
}
const dir = args[0] ?? 'dist';
const files = [];
(function walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p); else files.push(p);
  }
})(dir);
if (files.length === 0) {
  console.error(`dist-sizes: no files in ${dir}`);
  process.exit(1);
}
// The extraction worker's files (trunk names a worker's files after its crate, unhashed), the
// own-article dialog's module that drives it and its styles (www/own-dialog.js and .css,
// imported by www/own.js on first use), the "Intégrer" dialog's module and styles
// (www/embed-dialog.js and .css) and a chart's PNG export (www/export-png.js), imported by
// www/embed-frame.js on first use, the offline offer's module (www/offline.js and .css, only
// above the offline limit), a shared link's first results (crates/first's glue and wasm and
// www/first.js: requested only for a URL that is a query alone, before the app's wasm, which
// then waits for them; docs/performance.md) and the corpus's term files.
const ON_DEMAND = /^(raqmi-own-worker(_loader\.js|\.js|_bg\.wasm)|raqmi-first(\.js|_bg\.wasm)|first\.js|own-dialog\.(js|css)|embed-dialog\.(js|css)|export-png\.js|offline\.(js|css)|data\/(dict|postings|positions|stems|tails|figures)-[0-9a-f]{16}\.bin)$/;
const FALLBACK = /^fallback\//;
let fbRaw = 0;
let fbGz = 0;
let raw = 0;
let gz = 0;
let lazyRaw = 0;
let lazyGz = 0;
const rows = files.map((f) => {
  const bytes = readFileSync(f);
  const g = gzipSync(bytes, { level: 9 }).length;
  const name = relative(dir, f);
  if (FALLBACK.test(name)) {
    fbRaw += bytes.length;
    fbGz += g;
  } else if (ON_DEMAND.test(name)) {
    lazyRaw += bytes.length;
    lazyGz += g;
  } else {
    raw += bytes.length;
    gz += g;
  }
  return [name, bytes.length, g];
});
const width = Math.max(...rows.map((r) => r[0].length), 18);
const line = (name, r, g) => `${name.padEnd(width)}  ${String(r).padStart(9)}  ${String(g).padStart(9)}`;
console.log(line('file', 'raw (B)', 'gzip (B)'));
for (const [n, r, g] of rows) console.log(line(n, r, g));
console.log(line('total, first load', raw, gz));
console.log(line('on demand (worker, first results, term files)', lazyRaw, lazyGz));
console.log(line('chart fallbacks', fbRaw, fbGz));
if (budget !== null) {
  if (gz > budget) {
    console.error(
      `dist-sizes: first-load transfer ${gz} B gzip exceeds the budget of ${budget} B ` +
        `by ${gz - budget} B (see "Performance" in README.md)`,
    );
    process.exit(1);
  }
  console.log(`first-load transfer ${gz} B gzip, within the budget of ${budget} B (${budget - gz} B to spare)`);
}
