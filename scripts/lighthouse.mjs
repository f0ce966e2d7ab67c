// `make lighthouse`: Lighthouse (npm `lighthouse`, pinned in package.json) over the built app,
// served by scripts/serve.mjs as `make run` serves it (compressed, cache headers, the security
// headers), in Debian's Chromium with the mobile preset (simulated slow 4G and slow CPU). Runs
// RUNS times (default 3) and prints the median of each category's score, 0–100, and LCP.
// Not part of `make test`: it takes about a minute. Needs a built dist/ (`trunk build
// --release true`).
//
//   node scripts/lighthouse.mjs [DIR] [--runs N] [--json FILE]
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { securityHeaders } from './csp.mjs';

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : args.splice(i, 2)[1]; };
const runs = Number(option('--runs') ?? 3);
const jsonOut = option('--json');
const dir = args[0] ?? 'dist';
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`lighthouse: ${dir}/index.html does not exist: build the app first (trunk build --release true)`);
  process.exit(1);
}
const bin = fileURLToPath(new URL('../node_modules/.bin/lighthouse', import.meta.url));
if (!existsSync(bin)) {
  console.error('lighthouse: node_modules/.bin/lighthouse is missing: run `npm ci`');
  process.exit(1);
}
/** Runs a command; resolves to { status, stdout, stderr }. */
function collect(command, argv, env) {
  return new Promise((ok) => {
    const child = spawn(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => ok({ status, stdout, stderr }));
  });
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const server = await startServer({ dir, headers: securityHeaders({ dir }) });
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    // Asynchronous: this process's event loop serves the pages Lighthouse asks for.
    let run;
    // A run on a busy machine sometimes records no usable trace (NO_NAVSTART): one retry.
    for (let attempt = 0; attempt < 2 && run?.status !== 0; attempt++) run = await collect(bin, [
      server.url, '--quiet', '--output=json', '--output-path=stdout',
      `--only-categories=${CATEGORIES.join(',')}`,
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
    ], { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' });
    if (run.status !== 0) {
      console.error(`lighthouse: run ${i + 1} failed (exit ${run.status}):\n${run.stderr}`);
      process.exit(1);
    }
    const report = JSON.parse(run.stdout);
    results.push(report);
    const scores = CATEGORIES.map((c) => Math.round(report.categories[c].score * 100));
    console.log(`run ${i + 1}: ${CATEGORIES.map((c, k) => `${c} ${scores[k]}`).join(', ')}, LCP ${Math.round(report.audits['largest-contentful-paint'].numericValue)} ms`);
  }
} finally {
  await server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = Object.fromEntries(CATEGORIES.map((c) => [c, median(results.map((r) => Math.round(r.categories[c].score * 100)))]));
summary.lcp_ms = median(results.map((r) => Math.round(r.audits['largest-contentful-paint'].numericValue)));
console.log(`median of ${runs}: ${CATEGORIES.map((c) => `${c} ${summary[c]}`).join(', ')}, LCP ${summary.lcp_ms} ms`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results.at(-1), null, 1));
