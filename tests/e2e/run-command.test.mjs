// The README's run command (`make run`, i.e. scripts/run.sh) builds the app and serves it on
// http://127.0.0.1:8080/, where the list of articles renders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('make run serves the app on http://127.0.0.1:8080/ with the bundled articles', { timeout: 600_000 }, async () => {
  const child = spawn('make', ['--no-print-directory', 'run'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const served = await Promise.race([
      new Promise((resolve) => {
        const check = () => (/served at http:\/\/127\.0\.0\.1:8080\//.test(output) ? resolve(true) : setTimeout(check, 200));
        check();
      }),
      exited.then((code) => { throw new Error(`make run exited (${code}) before serving:\n${output}`); }),
    ]);
    assert.equal(served, true);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto('http://127.0.0.1:8080/');
      await page.locator('article').first().waitFor();
      assert.equal(await page.locator('article').count(), 5);
    } finally {
      await browser.close();
    }
  } finally {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    await exited;
  }
});
