// Prints the size of every file in a built dist/, raw and gzip (level 9), and the totals.
// With --budget BYTES, exits 1 when the gzip total exceeds it: that total is the first load's
// transfer, since the service worker precaches every file of dist/ on the first visit.
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
let raw = 0;
let gz = 0;
const rows = files.map((f) => {
  const bytes = readFileSync(f);
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += g;
  return [relative(dir, f), bytes.length, g];
});
const width = Math.max(...rows.map((r) => r[0].length), 5);
const line = (name, r, g) => `${name.padEnd(width)}  ${String(r).padStart(9)}  ${String(g).padStart(9)}`;
console.log(line('file', 'raw (B)', 'gzip (B)'));
for (const [n, r, g] of rows) console.log(line(n, r, g));
console.log(line('total', raw, gz));
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
