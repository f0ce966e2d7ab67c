// Security: the built page carries the strict Content-Security-Policy, has nothing inline but
// its stylesheet, www/own.js and www/boot.js, each allowed by its own hash, names nothing
// outside its origin, runs clean under the policy sent as a header too, and the policy (and the
// harness that watches it) really refuses any other inline code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_DIRECTIVES, hashSource, inlineBlocks, pagePolicy, policy, securityHeaders } from '../../scripts/csp.mjs';
import { minifyCss, minifyJs } from '../../scripts/minify.mjs';
import { DIST, listing, setUp, openPage, assertClean, appStarted } from './harness.mjs';

let env;
before(async () => { env = await setUp({ headers: securityHeaders({ dir: DIST }) }); });
after(async () => { await env?.close(); });

const index = () => readFileSync(join(DIST, 'index.html'), 'utf8');

test('dist/index.html carries the strict policy first, and nothing inline but its hashed styles, own.js and boot.js', () => {
  const html = index();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(meta, 'a CSP <meta>');
  const csp = pagePolicy(DIST);
  // The inline blocks are exactly the stylesheet, own.js (in <head>) and boot.js, minified
  // (nothing render-blocking is fetched), and the policy allows each by its hash and nothing
  // more.
  const inline = inlineBlocks(html);
  // boot.js with the app's glue and wasm, which it preloads, written over its placeholder.
  const loader = html.match(/<script type="module" src="\.\/(loader-[0-9a-f]{16}\.js)"/);
  assert.ok(loader, "trunk's loader is a relative, content-hashed file");
  const loaderCode = readFileSync(join(DIST, loader[1]), 'utf8');
  const app = [loaderCode.match(/import\("(\.\/raqmi-[0-9a-f]{16}\.js)"\)/)?.[1], loaderCode.match(/'(\.\/raqmi-[0-9a-f]{16}_bg\.wasm)'/)?.[1]];
  assert.ok(app.every(Boolean), loaderCode);
  assert.deepEqual(inline, {
    scripts: ['own.js', 'boot.js'].map((f) => minifyJs(readFileSync(new URL(`../../www/${f}`, import.meta.url), 'utf8'))
      .replace("'__RAQMI_APP__'", `'${app.join(' ')}'`)),
    styles: [minifyCss(readFileSync(new URL('../../www/styles.css', import.meta.url), 'utf8'))],
  });
  assert.equal(csp, policy(inline));
  assert.equal(csp, BASE_DIRECTIVES.join('; ')
    .replace("script-src 'self' 'wasm-unsafe-eval'", `script-src 'self' 'wasm-unsafe-eval' ${inline.scripts.map(hashSource).join(' ')}`)
    .replace("style-src 'self'", `style-src 'self' ${hashSource(inline.styles[0])}`));
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}='; style-src 'self' 'sha256-[A-Za-z0-9+/]{43}=';/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'strict-dynamic'|nonce-/);
  const head = html.slice(0, meta.index);
  assert.doesNotMatch(head, /<script|<link|<style/, 'the policy comes before any script or style');
  assert.doesNotMatch(html, /<link\b[^>]*rel="stylesheet"/, 'no stylesheet to fetch');
  assert.doesNotMatch(html, /<script\b(?=[^>]*\bsrc=)(?![^>]*\b(?:defer|async|type="module"))[^>]*>/, 'no blocking script to fetch');
  // Without the inline blocks' bodies: no other inline code, style attribute or handler.
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>').replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, '$1</style>');
  assert.doesNotMatch(markup, /\sstyle=|\son[a-z]+=|javascript:/i, 'no inline style attribute or handler');
  // The loader imports the app's glue when boot.js says the app may start.
  assert.match(loaderCode, /window\.raqmiStart/);
  assert.doesNotMatch(loaderCode, /^import /m);
});

// Texts that name a URL without ever fetching it: the SVG namespace, the MDN link in an error
// message of wasm-bindgen's glue, and AMP's amp-iframe script in the AMP snippet the "Intégrer"
// dialog writes for a partner's AMP page (embed-dialog.js: text in a textarea). (The runtime
// guarantee is the request watch of every test.)
const NEVER_FETCHED = [
  /^http:\/\/www\.w3\.org\/2000\/svg$/, /^https:\/\/developer\.mozilla\.org\//,
  /^https:\/\/cdn\.ampproject\.org\/v0\/amp-iframe-0\.1\.js$/,
];

test('nothing in dist/ but the partner script names another origin', () => {
  for (const file of listing(DIST)) {
    if (!/\.(html|css|js|webmanifest|svg)$/.test(file) || file === 'embed.js') continue;
    const text = readFileSync(join(DIST, file), 'utf8');
    const urls = [...text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*/gi)].map((m) => m[0])
      .filter((u) => !NEVER_FETCHED.some((re) => re.test(u)));
    assert.deepEqual(urls, [], file);
  }
  for (const file of ['sw.js', 'embed.js', 'manifest.webmanifest', 'icons/icon-512.png']) {
    assert.ok(listing(DIST).has(file), `${file} is shipped unhashed`);
  }
});

test('the app runs clean under the policy sent as headers too', async () => {
  const { page, problems } = await openPage(env);
  const response = await page.reload();
  const csp = response.headers()['content-security-policy'];
  assert.equal(csp, `${pagePolicy(DIST)}; frame-ancestors 'self'`);
  assert.equal(response.headers()['x-content-type-options'], 'nosniff');
  // The app's own list (not the prerendered one it replaces meanwhile).
  await appStarted(page);
  assert.equal(await page.locator('article').count(), 5);
  // The inline stylesheet applies under both policies (a refused one would leave the page bare).
  // Read in one step: the app may replace the prerendered article between two.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('article')).borderTopLeftRadius), '8px');
  await assertClean(page, problems);
});

test('the policy refuses injected inline script and style, and the harness reports it', async () => {
  const { page, problems } = await openPage(env);
  // The app's own list (the prerendered one is replaced once the data files are in).
  await appStarted(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.body.append(script);
    document.body.setAttribute('style', 'color: red');
    // Another <style> than the page's own (whose hash is the only one allowed).
    const style = document.createElement('style');
    style.textContent = 'article { border-radius: 0 !important; }';
    document.head.append(style);
  });
  await page.waitForFunction(() => true);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('article')).borderTopLeftRadius), '8px');
  await assertClean(page, []); // flush reports in flight
  assert.ok(problems.some((p) => /CSP violation.*script-src-elem refused inline/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /CSP violation.*style-src-attr refused inline/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /CSP violation.*style-src-elem refused inline/.test(p)), problems.join('\n'));
  const unexpected = problems.filter((p) => !/script-src-elem|style-src-attr|style-src-elem|Content Security Policy/.test(p));
  assert.deepEqual(unexpected, []);
});
