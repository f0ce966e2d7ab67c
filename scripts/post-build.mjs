// Trunk's post_build hook (Trunk.toml [[hooks]]): runs after trunk staged the build, before it
// is published to dist/. Environment: TRUNK_STAGING_DIR (the staged files), TRUNK_PUBLIC_URL
// (the base of asset URLs, "./"), TRUNK_PROFILE ("release" | "debug").
//
// Algorithm:
// 0. The corpus, in one pass: `corpus build DIR <staging>` (the native CLI, built with cargo in
//    the build's profile, offline) loads and analyses the corpus being built (RAQMI_CORPUS_DIR,
//    relative to the repository root or absolute, else seeds/) once and writes
//    - <staging>/data/: the analysed corpus as the app's data files (raqmi_search::files:
//      data/manifest.bin, content-hashed shards and packs, and text files named by their
//      number and the corpus version, `text-<n>-<version>.bin`), which the app fetches; they are
//      staged files like any other, so step 2 hashes them and the service worker may precache
//      them;
//    - <staging>/prerender.html: the HTML of the app's default view, which replaces the
//      `<!-- raqmi:prerender … -->` comment inside #app (the first results are painted before
//      the wasm arrives: crates/explorer/src/prerender.rs, www/boot.js), then is removed;
//    - <staging>/fallback/: the static chart fallbacks for partners' pages
//      (crates/explorer/src/fallback.rs); the app never fetches them, so they are neither
//      precached nor part of the build's hash (the data files already change it).
//    A bad article fails the build here, with `corpus check`'s `path:line: message` lines
//    (crates/cli/tests/build_fails_on_bad_corpus.rs): this is the one pass over the articles.
// 0c. In a release build, the page's markup, its inline blocks and the staged .js files are
//    minified (scripts/minify.mjs; the files' integrity attributes recomputed), and sw.js at 3:
//    every hash below is the minified text's.
// 1. index.html: every inline module <script> (trunk's wasm loader) is moved out to
//    `loader-<hash>.js` (first 16 hex digits of its SHA-256, like trunk's own names), referenced
//    with a relative src and an integrity attribute, its static import of the app's glue made
//    a dynamic one that waits for `window.raqmiStart` (www/boot.js: a shared link's first
//    results drawn by a small wasm first, www/first.js, or the prerendered view's largest
//    paint reported); trunk's preloads of the app's glue and wasm leave the head, and their
//    names go into boot.js, which adds them then. The blocks that www/index.html inlines on
//    purpose (trunk's rel="inline": the stylesheet and boot.js, so
//    that the first paint waits for no request, and own.js, whose few lines cost the first load
//    less inline than as a file) stay, each the exact text of one of them; the
//    policy of scripts/csp.mjs, with one SHA-256 hash per inline block, is written as the first
//    <meta> after <meta charset>; then the page is checked: no other inline script or <style>,
//    no style= or on...= attribute, no javascript: URL in a tag, and every local file it names
//    exists. Any finding fails the build.
// 2. Every staged file (sorted by path) is hashed with SHA-256; the build's hash is the SHA-256
//    of the list "path sha256" lines (16 hex digits): a new corpus, new code or a new icon is a
//    new build, hence a new cache.
// 3. dist/sw.js is written from www/sw.template.js with the build hash and the precache list:
//    every staged file by its real (content-hashed) name and the first 16 hex digits of its
//    SHA-256, index.html as "./", but the corpus's data files (data/manifest.bin aside), listed by name only (their names
//    are their content's hash, or for a text file the corpus version, its header holding its
//    body's hash; the app checks each against the manifest) and only when
//    their gzip total is at most OFFLINE_LIMIT (20 MB; RAQMI_OFFLINE_LIMIT overrides it):
//    above it, the service worker keeps the data files as the app reads them, and, in a
//    release build, www/sw-offline.js is appended with every data file's name: the download
//    of them all when the reader asks ("Disponible hors ligne (N Mo)", www/offline.js, step 0b).
//    In a debug build (`trunk serve`), sw.js is a pass-through worker instead (no cache,
//    removes Raqmi's caches) so that a rebuilt app is always what the developer sees.
// Under `trunk serve`, whose autoreload script must stay inline, no CSP meta is written.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { inlineBlocks, policy } from './csp.mjs';
import { minifyCss, minifyHtml, minifyJs } from './minify.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? './';
const debug = process.env.TRUNK_PROFILE === 'debug';
/** The corpus precached whole for offline use up to this gzip total (docs/performance.md). */
const OFFLINE_LIMIT = Number(process.env.RAQMI_OFFLINE_LIMIT || 20_000_000);
if (!staging) fail('TRUNK_STAGING_DIR is not set: this script runs as a trunk post_build hook');

function fail(message) {
  console.error(`post-build: error: ${message}`);
  process.exit(1);
}
const sha = (bytes, encoding = 'hex') => createHash('sha256').update(bytes).digest(encoding);
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

// `corpus ARGS` (the native CLI, built with cargo in the build's profile, offline), run from
// the repository root; its stdout, or the build fails. The CLI reads DIR itself
// (RAQMI_CORPUS_DIR is the build's variable, not the CLI's).
function runCorpus(args, stdout = 'pipe') {
  const cargo = ['run', '--quiet', '--offline', ...(debug ? [] : ['--release']), '-p', 'raqmi-cli', '--bin', 'corpus', '--', ...args];
  const env = { ...process.env };
  delete env.RAQMI_CORPUS_DIR;
  const run = spawnSync('cargo', cargo, {
    cwd: fileURLToPath(new URL('..', import.meta.url)), env, encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', stdout, 'inherit'],
  });
  if (run.error) fail(`cannot run cargo for \`corpus ${args.join(' ')}\`: ${run.error.message}`);
  if (run.status !== 0) fail(`\`corpus ${args.join(' ')}\` failed (exit ${run.status ?? run.signal}); its messages are above`);
  return run.stdout ?? '';
}

// 0. The corpus, in one pass: data files, prerendered view, chart fallbacks.
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
let prerendered = 0;
{
  // Relative to the repository root, where the CLI runs.
  const corpusDir = process.env.RAQMI_CORPUS_DIR || 'seeds';
  const placeholders = html.match(/<!--\s*raqmi:prerender\b[\s\S]*?-->/g) ?? [];
  if (placeholders.length !== 1) fail(`index.html must hold exactly one <!-- raqmi:prerender --> comment inside #app, found ${placeholders.length}`);
  console.log(`post-build: building the data files, prerendered view and chart fallbacks of ${corpusDir}`);
  const written = runCorpus(['build', corpusDir, staging]);
  process.stdout.write(written.replace(/^(?=.)/gm, 'post-build: '));
  if (!existsSync(join(staging, 'data', 'manifest.bin'))) fail(`\`corpus build ${corpusDir}\` wrote no data/manifest.bin`);
  const pagePath = join(staging, 'prerender.html');
  if (!existsSync(pagePath)) fail(`\`corpus build ${corpusDir}\` wrote no prerender.html`);
  const fragment = readFileSync(pagePath, 'utf8').trim();
  unlinkSync(pagePath);
  if (!fragment.startsWith('<div class="prerendered">')) fail(`\`corpus build ${corpusDir}\` wrote no prerendered view: ${JSON.stringify(fragment.slice(0, 80))}`);
  html = html.replace(placeholders[0], () => fragment);
  prerendered = (fragment.match(/<article class="result"/g) ?? []).length;
}

// 0b. The corpus's data files (all but the manifest) and their gzip total, against the offline
//    limit: under it the service worker precaches them all (step 3); above it, a release build
//    offers "Disponible hors ligne (N Mo)" (N: that gzip total), which the page's starter
//    (www/pwa-offline.js, appended to the staged pwa.js here, before minification) and the
//    worker's part (www/sw-offline.js, appended to sw.js at 3) carry only then; www/offline.js
//    and .css, which they load, are precached only then.
// `<kind>-<content hash>.bin`, or a text file's `text-<number>-<corpus version>.bin`.
const isData = (f) => /^data\/[a-z]+-(?:[0-9]+-)?[0-9a-f]{16}\.bin$/.test(f);
const dataFiles = readdirSync(join(staging, 'data')).map((f) => `data/${f}`).filter(isData).sort();
const dataGzip = dataFiles.reduce((n, f) => n + gzipSync(readFileSync(join(staging, f)), { level: 9 }).length, 0);
const offline = !debug && dataGzip <= OFFLINE_LIMIT;
const offer = !debug && !offline;
const OFFER_FILES = /^offline\.(js|css)$/;
if (offer) {
  const pwa = readdirSync(staging).filter((f) => /^pwa(-[0-9a-f]+)?\.js$/.test(f));
  if (pwa.length !== 1) fail(`expected one staged pwa.js, found ${pwa.length}`);
  const starter = readFileSync(new URL('../www/pwa-offline.js', import.meta.url), 'utf8');
  if (!starter.includes('/*__RAQMI_OFFER__*/0')) fail('www/pwa-offline.js lost its placeholder /*__RAQMI_OFFER__*/0');
  const page = readFileSync(join(staging, pwa[0]), 'utf8');
  writeFileSync(join(staging, pwa[0]), `${page}\n${starter.replace('/*__RAQMI_OFFER__*/0', () => String(dataGzip))}`);
}

// 0c. Minified scripts and styles (release only: `trunk serve` keeps what the developer wrote).
const minify = { js: debug ? (t) => t : minifyJs, css: debug ? (t) => t : minifyCss };
if (!debug) {
  html = minifyHtml(html);
  html = html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi, (_, open, body, close) => open + minify.css(body) + close);
  html = html.replace(/(<script\b([^>]*)>)([\s\S]*?)(<\/script>)/gi, (tag, open, attrs, body, close) => (
    /\ssrc\s*=/i.test(attrs) || body.includes('{{__TRUNK_ADDRESS__}}') ? tag : open + minify.js(body) + close));
  for (const name of readdirSync(staging).filter((f) => f.endsWith('.js') && f !== 'sw.js')) {
    const code = minify.js(readFileSync(join(staging, name), 'utf8'));
    writeFileSync(join(staging, name), code);
    // (Also the integrity of pwa.js with its offline starter appended at 0b.)
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    const tag = new RegExp(`<[^>]*["/]${name.replace(/[.$]/g, '\\$&')}"[^>]*>`, 'g');
    html = html.replace(tag, (t) => t.replace(/\sintegrity="[^"]*"/, ` integrity="${integrity}"`));
  }
}

// 1. index.html
const moved = [];
/** The app's glue and wasm, from trunk's loader: www/boot.js preloads them (below). */
const appFiles = [];
let devServer = false;
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (tag, attrs, body) => {
  if (/\ssrc\s*=/i.test(attrs)) return tag;
  // `trunk serve` injects its autoreload script, whose placeholders its server fills in the
  // page it serves: it must stay inline, so that page gets no CSP (development only).
  if (body.includes('{{__TRUNK_ADDRESS__}}')) { devServer = true; return tag; }
  // A classic script must run where it is (boot.js, own.js, inlined on purpose): it stays,
  // hashed below.
  if (!/\btype\s*=\s*["']?module/i.test(attrs)) return tag;
  // The app's glue is imported when www/boot.js says the app may start (`window.raqmiStart`:
  // once a shared link's first results are drawn, or the prerendered view's largest paint is
  // reported), not statically: a static import is fetched before the loader runs.
  const glue = body.match(/import\s*init\s*,\s*\*\s*as\s*bindings\s*from\s*(['"])([^'"]+)\1\s*;?/);
  const wasm = body.match(/module_or_path\s*:\s*(['"])([^'"]+)\1/);
  if (!glue || !wasm) fail(`trunk's wasm loader changed shape: ${JSON.stringify(body.slice(0, 160))}`);
  appFiles.push(glue[2], wasm[2]);
  const code = `${body.trim().replace(glue[0], () => `const bindings=await(window.raqmiStart||Promise.resolve()).then(()=>import(${JSON.stringify(glue[2])}));const init=bindings.default;`)}\n`;
  const name = `loader-${sha(code).slice(0, 16)}.js`;
  writeFileSync(join(staging, name), code);
  moved.push(name);
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  return `<script type="module" src="${publicUrl}${name}" integrity="${integrity}"></script>`;
});

// The app's glue and wasm are preloaded by www/boot.js, not by the head: for a URL that is a
// query alone the page draws its first results with a small wasm first (www/first.js), and a
// preload in the head would download the app's 265 KB before them; over the prerendered view
// boot.js waits for its largest paint (the wasm at low priority: at high priority its download
// competed with parsing and painting that view, README "Performance"). Their names go in its
// `app`, over the placeholder.
// (A page without the app, such as a test's, has neither loader nor boot.js.)
if (appFiles.length > 2) fail(`expected one wasm loader in index.html, found ${appFiles.length / 2}`);
html = html.replace(/\s*<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/gi, (tag) => (
  appFiles.some((f) => tag.includes(`"${f}"`)) ? '' : tag));
const APP_PLACEHOLDER = "'__RAQMI_APP__'";
const withAppFiles = (text) => text.replace(APP_PLACEHOLDER, () => `'${appFiles.join(' ')}'`);
if (appFiles.length && !html.includes(APP_PLACEHOLDER)) fail(`www/boot.js lost its placeholder ${APP_PLACEHOLDER}`);
if (!appFiles.length && html.includes(APP_PLACEHOLDER)) fail('index.html has www/boot.js but no wasm loader for it to start');
html = withAppFiles(html);

// The inline blocks: only the files www/index.html inlines on purpose, each allowed by its hash.
const INLINED = { scripts: ['boot.js', 'own.js'], styles: ['styles.css'] };
const inline = inlineBlocks(html);
if (devServer) inline.scripts = inline.scripts.filter((s) => !s.includes('{{__TRUNK_ADDRESS__}}'));
for (const kind of ['scripts', 'styles']) {
  const allowed = INLINED[kind].map((f) => withAppFiles(minify[kind === 'scripts' ? 'js' : 'css'](readFileSync(new URL(`../www/${f}`, import.meta.url), 'utf8'))));
  const other = inline[kind].find((text) => !allowed.includes(text));
  if (other !== undefined) fail(`an inline ${kind === 'scripts' ? 'classic script' : 'style'} that is not www/${INLINED[kind].join(' or www/')}: ${JSON.stringify(other.slice(0, 80))}`);
}
html = html.replace(/<meta\s+http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>\s*/gi, '');
const cspMeta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(policy(inline))}" />`;
const charset = html.match(/<meta\s+charset\s*=[^>]*>/i);
if (!charset) fail('index.html has no <meta charset>');
if (!devServer) html = html.replace(charset[0], `${charset[0]}\n    ${cspMeta}`);

const findings = [];
if (!devServer && /<script\b(?=[^>]*\stype\s*=\s*["']?module)(?![^>]*\ssrc\s*=)[^>]*>/i.test(html)) findings.push('an inline module <script>');
const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>')
  .replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, '$1</style>');
if (/<[^>]+\sstyle\s*=/i.test(markup)) findings.push('a style= attribute');
if (/<[^>]+\son[a-z]+\s*=/i.test(markup)) findings.push('an on...= event handler attribute');
// In a tag only: an article's text may mention "javascript:" (escaped text has no '<').
if (/<[^>]*javascript:/i.test(markup)) findings.push('a javascript: URL');
for (const [, url] of markup.matchAll(/\s(?:src|href)\s*=\s*"([^"]+)"/gi)) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    findings.push(`a URL to another origin: ${url}`);
  } else if (!url.startsWith('#')) {
    const path = url.startsWith(publicUrl) ? url.slice(publicUrl.length) : url.replace(/^\.\//, '');
    if (!existsSync(join(staging, decodeURIComponent(path.split(/[?#]/)[0])))) findings.push(`a missing file: ${url}`);
  }
}
if (findings.length) fail(`index.html is not ready for the strict CSP: ${findings.join('; ')}`);
writeFileSync(indexPath, html);

// 2. The build's files and hash (sw.js is the output, never its own input; the chart
//    fallbacks, which the app never fetches, are not part of it: step 0).
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(staging, path).split(sep).join('/'));
  }
})(staging);
const listed = files.filter((f) => f !== 'sw.js' && !f.startsWith('fallback/')).sort()
  .map((f) => [f, sha(readFileSync(join(staging, f)))]);
const build = sha(listed.map(([f, h]) => `${f} ${h}\n`).join('')).slice(0, 16);

// 3. sw.js
const template = readFileSync(new URL('../www/sw.template.js', import.meta.url), 'utf8');
// The corpus's data files (all but the manifest) go by name only, and only when their gzip
// total fits under the offline limit (OFFLINE_LIMIT below); above it the service worker keeps
// those the app fetched.
const precache = debug ? [] : listed.filter(([f]) => !isData(f) && (offer || !OFFER_FILES.test(f)))
  // The first 16 hex digits (64 bits) of each SHA-256: they tell a stale, truncated or foreign
  // file from this build's as surely as all 64, which cost the first load about 0.5 KB more.
  .map(([f, h]) => [f === 'index.html' ? './' : `./${f.split('/').map(encodeURIComponent).join('/')}`, h.slice(0, 16)]);
const names = dataFiles.map((f) => f.slice('data/'.length, -'.bin'.length)).join(' ');
const dataNames = offline ? names : '';
const placeholders = ["'__RAQMI_BUILD__'", '/*__RAQMI_PRECACHE__*/[]', '/*__RAQMI_DEBUG__*/false', "/*__RAQMI_DATA__*/''"];
for (const p of placeholders) if (!template.includes(p)) fail(`www/sw.template.js lost its placeholder ${p}`);
const worker = template
  .replace(placeholders[0], () => `'${debug ? 'debug-' : ''}${build}'`)
  .replace(placeholders[1], () => `[\n${precache.map((e) => `  ${JSON.stringify(e)},\n`).join('')}]`)
  .replace(placeholders[2], () => String(debug))
  .replace(placeholders[3], () => `'${dataNames}'`);
let offerPart = '';
if (offer) {
  // Above the limit: the download on request, with every data file's name (0b).
  const part = readFileSync(new URL('../www/sw-offline.js', import.meta.url), 'utf8');
  if (!part.includes("/*__RAQMI_ON_REQUEST__*/''")) fail("www/sw-offline.js lost its placeholder /*__RAQMI_ON_REQUEST__*/''");
  offerPart = `\n${part.replace("/*__RAQMI_ON_REQUEST__*/''", () => `'${names}'`)}`;
}
writeFileSync(join(staging, 'sw.js'), minify.js(worker + offerPart));

console.log(`post-build: build ${build}${debug ? ' (debug: pass-through service worker)' : ''}, ` +
  `${prerendered} result(s) prerendered, ` +
  `${precache.length} files precached, ${dataFiles.length} data files (${dataGzip} B gzip) ` +
  `${offline ? 'precached' : `above the offline limit of ${OFFLINE_LIMIT} B: cached as read${offer ? ', or all on request ("Disponible hors ligne")' : ''}`}, loader moved out to ${moved.join(', ') || 'nothing'}, ` +
  (devServer ? "NO CSP meta (trunk serve's inline autoreload script is in the page)" : 'CSP meta written'));
