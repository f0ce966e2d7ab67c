// What the reader's own articles (issue 16) cost the first load: builds dist/ twice with trunk
// (release), with the app as shipped and without the `own` feature of the root crate (no
// own-article code in the wasm) nor the page's own-article tags (www/own.js, the dialog's
// files, the extraction worker), then prints both first-load totals as scripts/dist-sizes.mjs
// counts them and the difference. The budget for it: 2 KB gzip.
//
// The second build carries none of their strings: the header button's is in the i18n tables
// with the explorer's `own` feature only (crates/explorer/i18n/own/), the marks' and the
// message of an own article's link opened elsewhere are www/own-dialog.js's (on demand). So the
// difference is their whole cost. Each build's wasm before wasm-opt (which keeps the names) is
// copied beside its dist, for the wasm's difference by function (--twiggy).
// With --budget BYTES, exits 1 when own articles cost the first load more than that, gzip
// (`make bench-size` passes the 2 048).
//   node scripts/bench-size.mjs [--twiggy] [--budget BYTES]
// Output: target/bench-size/{with,without}/ (the two dists) and {with,without}.wasm.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'target/bench-size');
const wasm = join(root, 'target/wasm32-unknown-unknown/release/raqmi.wasm');
const twiggy = process.argv.includes('--twiggy');
const at = process.argv.indexOf('--budget');
const budget = at >= 0 ? Number(process.argv[at + 1]) : null;
if (budget !== null && !(budget > 0)) {
  console.error('bench-size: --budget needs a positive number of bytes');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

function fail(message) {
  console.error(`bench-size: ${message}`);
  process.exit(1);
}

function run(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (e) {
    fail(`${cmd} ${args.join(' ')} failed (${e.status ?? e.message})`);
  }
}

/// The first load's gzip total of a dist, as dist-sizes.mjs prints it.
function firstLoad(dist) {
  const report = run('node', ['scripts/dist-sizes.mjs', dist]);
  const m = report.match(/^total, first load\s+(\d+)\s+(\d+)$/m);
  if (!m) fail(`no first-load total in dist-sizes.mjs's report of ${dist}`);
  return { raw: Number(m[1]), gzip: Number(m[2]), report };
}

// 1. As shipped.
const withDist = join(out, 'with');
run('trunk', ['build', '--release', 'true', '--dist', withDist]);
copyFileSync(wasm, join(out, 'with.wasm'));

// 2. Without own articles: a copy of www/ whose index.html has no own-article tags and builds
//    the app with `--no-default-features` (the `own` feature off).
const www = join(out, 'www');
rmSync(www, { recursive: true, force: true });
cpSync(join(root, 'www'), www, { recursive: true });
const page = readFileSync(join(www, 'index.html'), 'utf8');
const edited = page
  .replace(/\s*<!-- "Add an article"[\s\S]*?-->/, '')
  .replace(/\s*<!-- The extraction worker[\s\S]*?-->/, '')
  .replace(/\s*<link data-trunk rel="inline" href="own\.js" \/>/, '')
  .replace(/\s*<link data-trunk rel="copy-file" href="own-dialog\.(js|css)" \/>/g, '')
  .replace(/\s*<link data-trunk rel="rust" href="\.\.\/crates\/own-worker\/Cargo\.toml"[^>]*\/>/, '')
  .replace('href="../Cargo.toml" data-bin="raqmi"', 'href="../../../Cargo.toml" data-bin="raqmi" data-cargo-no-default-features');
for (const gone of ['own.js', 'own-dialog', 'own-worker', 'href="../Cargo.toml"']) {
  if (edited.includes(gone)) fail(`www/index.html changed: could not take "${gone}" out of the copy`);
}
writeFileSync(join(www, 'index.html'), edited);
const withoutDist = join(out, 'without');
run('trunk', ['build', '--release', 'true', '--dist', withoutDist, join(www, 'index.html')]);
copyFileSync(wasm, join(out, 'without.wasm'));
// Two parts of index.html that the build writes whatever the features: the "yours" style of
// the inline stylesheet (allowed by its hash, made from www/styles.css itself) and the
// prerendered "Ajouter un article" button (`corpus prerender`). Taken out of the second dist's
// page afterwards, so that its total is the page without own articles (that page's CSP hash
// no longer matches its stylesheet: it is measured, never served).
const built = join(withoutDist, 'index.html');
const html = readFileSync(built, 'utf8');
const bare = html
  .replace(/<button type="button" class="own-button"[^>]*>[^<]*<\/button>/, '')
  .replace(/\.own-mark\{[^}]*\}/, '');
if (bare.length === html.length || /own-(button|mark)/.test(bare)) {
  fail('the built page changed: could not take the own-article button and style out of it');
}
writeFileSync(built, bare);

const a = firstLoad(withDist);
const b = firstLoad(withoutDist);
const row = (name, s) => `${name.padEnd(34)} ${String(s.raw).padStart(9)} ${String(s.gzip).padStart(9)}`;
console.log(`${'first load (dist-sizes.mjs)'.padEnd(34)} ${'raw (B)'.padStart(9)} ${'gzip (B)'.padStart(9)}`);
console.log(row('with own articles', a));
console.log(row('without (`own` feature off)', b));
console.log(row('own articles cost', { raw: a.raw - b.raw, gzip: a.gzip - b.gzip }));
const wasmOf = (r) => Number(r.match(/^raqmi-[0-9a-f]+_bg\.wasm\s+(\d+)\s+(\d+)$/m)?.[2]);
console.log(`of which the app's wasm (gzip): ${wasmOf(a.report) - wasmOf(b.report)} B`);
// `twiggy diff` pairs functions by name, hash included, and every hash changes between the two
// builds: the sizes are summed by name without the hash instead, from `twiggy top`'s CSV.
function sizesByName(file) {
  const sizes = new Map();
  const csv = run('twiggy', ['top', '-n', '1000000', '-f', 'csv', file]).split('\n').slice(1);
  for (const line of csv) {
    const m = line.match(/^(.*),(\d+),[\d.]+,[^,]*,[^,]*$/);
    if (!m) continue;
    const quoted = m[1].startsWith('"') && m[1].endsWith('"');
    const name = (quoted ? m[1].slice(1, -1).replace(/""/g, '"') : m[1])
      .replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '').replace(/\.\d+$/, '');
    sizes.set(name, (sizes.get(name) ?? 0) + Number(m[2]));
  }
  return sizes;
}
if (twiggy && spawnSync('twiggy', ['--version']).status !== 0) {
  console.log('\n(twiggy is not installed: `cargo install twiggy` for the wasm\'s difference by function)');
} else if (twiggy) {
  const before = sizesByName(join(out, 'without.wasm'));
  const after = sizesByName(join(out, 'with.wasm'));
  const names = new Set([...before.keys(), ...after.keys()]);
  const diff = [...names]
    .map((n) => [n, (after.get(n) ?? 0) - (before.get(n) ?? 0)])
    .filter(([n, d]) => d !== 0 && !n.includes('function names') && !n.startsWith('custom section'))
    .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  const total = diff.reduce((t, [, d]) => t + d, 0);
  console.log(`\nthe wasm before wasm-opt, with - without, by name (hashes stripped): ${total} B`);
  for (const [n, d] of diff.slice(0, 40)) console.log(`${String(d).padStart(7)}  ${n.slice(0, 150)}`);
}
if (budget !== null) {
  const cost = a.gzip - b.gzip;
  if (cost > budget) fail(`own articles cost the first load ${cost} B gzip, over the budget of ${budget} B`);
  console.log(`own articles cost the first load ${cost} B gzip, within the budget of ${budget} B`);
}
