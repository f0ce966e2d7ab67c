// Nothing in the build downloads from anywhere but the package registries: every crate comes
// from crates.io, every npm package from the npm registry, trunk runs offline with pinned
// tools, and the setup script fetches nothing by URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const read = (path) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

test('every crate of Cargo.lock comes from the crates.io registry', () => {
  const sources = [...read('Cargo.lock').matchAll(/^source = "([^"]+)"/gm)].map((m) => m[1]);
  assert.ok(sources.length > 50);
  assert.deepEqual([...new Set(sources)], ['registry+https://github.com/rust-lang/crates.io-index']);
});

test('every npm package comes from the npm registry', () => {
  const lock = JSON.parse(read('package-lock.json'));
  for (const [name, pkg] of Object.entries(lock.packages ?? {})) {
    if (name === '') continue;
    assert.ok(!pkg.resolved || pkg.resolved.startsWith('https://registry.npmjs.org/'), `${name}: ${pkg.resolved}`);
    assert.ok(!/^(git|github:|https?:\/\/(?!registry\.npmjs\.org))/.test(pkg.version ?? ''), `${name}: ${pkg.version}`);
  }
});

test('trunk builds offline with pinned tools', () => {
  const trunk = read('Trunk.toml');
  assert.match(trunk, /^offline = true$/m);
  assert.match(trunk, /^wasm_bindgen = "0\.2\.130"$/m);
  assert.match(trunk, /^wasm_opt = "version_132"$/m);
  assert.match(read('Cargo.toml'), /wasm-bindgen = "=0\.2\.130"/);
});

test('the setup script installs only through cargo, npm, rustup and apt', () => {
  for (const script of ['scripts/setup.sh', 'scripts/run.sh', 'scripts/test.sh', 'Makefile']) {
    const text = read(script);
    // Local addresses (where `make run` serves) are fine; nothing is fetched from elsewhere.
    assert.doesNotMatch(text, /\b(curl|wget)\b|https?:\/\/(?!127\.0\.0\.1[:/])/, script);
  }
  const setup = read('scripts/setup.sh');
  assert.doesNotMatch(setup, /playwright install/);
  assert.match(setup, /cargo install --locked trunk/);
  assert.match(setup, /npm ci/);
});
