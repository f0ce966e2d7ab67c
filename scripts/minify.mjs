// A small, conservative minifier for the build's own JavaScript and CSS (no dependency: no
// minifier is on the project's npm list). Used by scripts/post-build.mjs before the CSP hashes
// and integrity attributes are computed, so they are those of the minified text.
//
// It only removes what cannot change meaning, reading the text as tokens so that strings,
// template literals and regular expressions are copied exactly:
// - JavaScript: comments, indentation, blank lines and the spaces between tokens that do not
//   need one. Line breaks are kept (automatic semicolon insertion reads them); a block comment
//   holding a line break becomes one. A `/`
//   starts a regular expression after an operator, an opening bracket or a keyword such as
//   `return`, else it is a division. `//` license-style comments starting with `/*!` are kept.
// - CSS: comments, white space next to `{`, `}`, `;`, `,` and `>` and after `:`; other runs
//   of white space become one space (descendant combinators and values' separators stay); the
//   last `;` of a block. Strings are copied exactly.
// - HTML: comments, and the indentation after each line break (a line break stays, so text
//   and inline elements keep the space between them); `<script>`, `<style>`, `<pre>` and
//   `<textarea>` are copied exactly (their own minifier runs on scripts and styles).
// Anything it cannot read (an unterminated string or comment) throws with the offset: the
// build then fails rather than shipping a broken file.

/** Minifies JavaScript source text (a script or a module). */
const WORD = /[A-Za-z0-9_$\\\u0080-\uffff]/;

export function minifyJs(src) {
  let out = '';
  let i = 0;
  let lineStart = true;
  // The last significant token, to tell a regular expression from a division.
  let last = '';
  const n = src.length;
  const REGEX_AFTER = /^(?:[(,=:[!&|?{};+\-*%<>~^]|return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await|)$/;
  const fail = (what, at) => { throw new Error(`minify: unterminated ${what} at offset ${at}`); };
  // A space between two tokens is kept only where dropping it would join them: two words, `+ +`,
  // `- -`, a `/` before `/` or `*`, a number before `.`.
  let space = false;
  const joins = (a, b) => (WORD.test(a) && WORD.test(b)) || (a === b && (a === '+' || a === '-'))
    || (a === '/' && (b === '/' || b === '*')) || (/[0-9]/.test(a) && b === '.');
  const emit = (text) => {
    if (space && joins(out[out.length - 1] ?? '', text[0])) out += ' ';
    space = false;
    out += text;
    lineStart = false;
  };
  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '\n') {
      if (!lineStart) out += '\n';
      lineStart = true;
      space = false;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      let j = i;
      while (j < n && (src[j] === ' ' || src[j] === '\t' || src[j] === '\r')) j++;
      // One space between tokens on a line; none at its start or end.
      if (!lineStart) space = true;
      i = j;
    } else if (c === '/' && next === '/') {
      while (i < n && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) fail('comment', i);
      const body = src.slice(i, end + 2);
      if (src[i + 2] === '!') emit(body);
      else if (body.includes('\n') && !lineStart) { out += '\n'; lineStart = true; }
      // `a/* x */b` must not become one word.
      else space = true;
      i = end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c) { if (src[j] === '\\') j++; if (src[j] === '\n') fail('string', i); j++; }
      if (j >= n) fail('string', i);
      emit(src.slice(i, j + 1)); last = 'str'; i = j + 1;
    } else if (c === '`') {
      const j = templateEnd(src, i);
      emit(src.slice(i, j)); last = 'str'; i = j;
    } else if (c === '/' && REGEX_AFTER.test(last)) {
      let j = i + 1;
      let inClass = false;
      while (j < n) {
        const d = src[j];
        if (d === '\\') { j += 2; continue; }
        if (d === '\n') fail('regular expression', i);
        if (d === '[') inClass = true; else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        j++;
      }
      if (j >= n) fail('regular expression', i);
      j++;
      while (j < n && /[a-z]/i.test(src[j])) j++;
      emit(src.slice(i, j)); last = 'regex'; i = j;
    } else if (/[A-Za-z0-9_$\\]/.test(c) || c.charCodeAt(0) > 127) {
      let j = i;
      while (j < n && (/[A-Za-z0-9_$\\.]/.test(src[j]) || src.charCodeAt(j) > 127)) j++;
      const word = src.slice(i, j);
      emit(word); last = word; i = j;
    } else {
      emit(c); last = c; i++;
    }
  }
  return out.replace(/\n+$/, '') + '\n';
}

/** The offset just after the template literal that starts at `start` (nested `${}` included). */
function templateEnd(src, start) {
  let i = start + 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '`') return i + 1;
    if (c === '$' && src[i + 1] === '{') {
      // Skip the expression, minding its strings, templates and braces.
      let depth = 1;
      i += 2;
      while (i < src.length && depth > 0) {
        const d = src[i];
        if (d === '{') depth++;
        else if (d === '}') depth--;
        else if (d === '`') { i = templateEnd(src, i); continue; }
        else if (d === '"' || d === "'") {
          let j = i + 1;
          while (j < src.length && src[j] !== d) { if (src[j] === '\\') j++; j++; }
          i = j;
        }
        i++;
      }
      continue;
    }
    i++;
  }
  throw new Error(`minify: unterminated template literal at offset ${start}`);
}

/** Minifies a stylesheet. */
export function minifyCss(src) {
  let out = '';
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`minify: unterminated comment at offset ${i}`);
      i = end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c) { if (src[j] === '\\') j++; j++; }
      if (j >= n) throw new Error(`minify: unterminated string at offset ${i}`);
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (/\s/.test(c)) {
      while (i < n && /\s/.test(src[i])) i++;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  // Outside strings only: split on them and tidy the code between.
  return out.split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/).map((part, k) => (k % 2 ? part : part
    .replace(/ *([{};,>]) */g, '$1')
    // After a colon only: before one, a space is a descendant combinator (`a :focus`).
    .replace(/: +/g, ':')
    .replace(/;}/g, '}'))).join('').trim();
}

/** Minifies an HTML page (see the header). */
export function minifyHtml(src) {
  return src.split(/(<(script|style|pre|textarea)\b[\s\S]*?<\/\2>)/i).map((part, k) => {
    if (k % 3 === 1) return part;
    if (k % 3 === 2) return '';
    return part.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s+/g, '\n');
  }).join('');
}
