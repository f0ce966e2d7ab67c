// Prints the size of every file in a built dist/, raw and gzip (level 9), and the totals.
//   node scripts/dist-sizes.mjs [DIR]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
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
