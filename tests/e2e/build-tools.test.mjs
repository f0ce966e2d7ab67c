// The build's own tools, natively (no browser): the minifier (scripts/minify.mjs) keeps
// strings, template literals, regular expressions and line breaks exactly and the shipped files
// still parse; the built files are the minified ones, with integrity attributes that match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { minifyCss, minifyHtml, minifyJs } from '../../scripts/minify.mjs';
import { DIST, requireBuild } from './harness.mjs';

test('the JavaScript minifier removes comments and indentation, nothing else', () => {
  const src = [
    '// a comment',
    'function f(a, b) {',
    '  /* block */ const s = "// not a comment", t = \'/* nor this */\';',
    '  const re = /[/*]+\\/x/g; // a regex, then a comment',
    '  const q = a / b / 2; /* a division */',
    '  const tpl = `line 1',
    '    // kept: inside a template ${a + `${b}`} `;',
    '  return /* two\nlines */ a',
    '}',
    'const x = 1/*c*/+2, y = typeof/*c*/f, z = 1 .toString() + - -2;',
  ].join('\n');
  const out = minifyJs(src);
  assert.doesNotMatch(out, /\/\/ a comment|block \*\/|a division/);
  assert.match(out, /^const s="/m, 'indentation and spaces between tokens are gone');
  assert.match(out, /1 \.toString\(\)\+- -2/, 'spaces that keep tokens apart stay');
  assert.match(out, /"\/\/ not a comment"/);
  assert.match(out, /'\/\* nor this \*\/'/);
  assert.match(out, /\/\[\/\*\]\+\\\/x\/g;/);
  assert.match(out, /`line 1\n    \/\/ kept: inside a template \$\{a \+ `\$\{b\}`\} `/);
  // ASI: the comment's line break survives, so `return` still returns undefined.
  assert.match(out, /return\na/);
  assert.match(out, /typeof f/);
  const run = (code) => JSON.stringify(vm.runInNewContext(`${code}\nString([f(6, 3), x, y, z])`));
  assert.deepEqual(run(out), run(src));
  assert.throws(() => minifyJs('const s = "open'), /unterminated string at offset 10/);
  assert.throws(() => minifyJs('a /* open'), /unterminated comment/);
});

test('the CSS minifier keeps selectors, strings and values', () => {
  const css = '/* c */\n:root {\n  --x: #fff;\n}\n.a :focus, .b > .c  .d { font-family: "Segoe  UI", sans-serif; margin: 0 auto; }\n@media (max-width: 37.5em) { .e { content: "a;  b" } }\n';
  assert.equal(minifyCss(css),
    ':root{--x:#fff}.a :focus,.b>.c .d{font-family:"Segoe  UI",sans-serif;margin:0 auto}@media (max-width:37.5em){.e{content:"a;  b"}}');
});

test('dist/ ships minified scripts whose integrity attributes match them', () => {
  requireBuild(DIST);
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = readdirSync(DIST).filter((f) => f.endsWith('.js'));
  assert.ok(scripts.length >= 5, scripts.join(' '));
  for (const name of scripts) {
    const code = readFileSync(join(DIST, name), 'utf8');
    assert.equal(minifyJs(code), code, `${name} is minified`);
    assert.doesNotMatch(code, /^\/\/|^ {2}/m, `${name} has no line comment nor indentation left`);
    const tag = html.match(new RegExp(`<[^>]*["/]${name.replace(/[.$]/g, '\\$&')}"[^>]*>`));
    const integrity = tag?.[0].match(/integrity="(sha384-[^"]+)"/)?.[1];
    if (integrity) assert.equal(integrity, `sha384-${createHash('sha384').update(code).digest('base64')}`, name);
  }
  const styles = html.match(/<style>([\s\S]*?)<\/style>/)[1];
  assert.equal(minifyCss(styles), styles);
});

test('the HTML minifier drops comments and indentation, and copies scripts, styles and pre exactly', () => {
  const html = '<!doctype html>\n<html>\n  <!-- a note -->\n  <head>\n    <style>a  { color: red }</style>\n  </head>\n  <body>\n    <p>Un\n      texte <b>gras</b></p>\n    <pre>  gardé\n    tel quel</pre>\n    <script>\n  var s = "<!-- x -->";\n</script>\n  </body>\n</html>\n';
  assert.equal(minifyHtml(html),
    '<!doctype html>\n<html>\n<head>\n<style>a  { color: red }</style>\n</head>\n<body>\n<p>Un\ntexte <b>gras</b></p>\n<pre>  gardé\n    tel quel</pre>\n<script>\n  var s = "<!-- x -->";\n</script>\n</body>\n</html>\n');
});
