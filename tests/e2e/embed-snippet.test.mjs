// The "Intégrer" dialog's snippets (www/embed-dialog.js, `snippet`), as text: no browser needed.
// What they look like once framed and parsed (the <noscript> image matching the live chart, AMP's
// required attributes, the previews and copying) is fallbacks.test.mjs's, in the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snippet, AMP_IFRAME_SCRIPT } from '../../www/embed-dialog.js';

const framed = (base, query, image = {}) => ({ base, query, title: 'Raqmi', overflow: 'Afficher tout', chart: '', ...image });

test('the script snippet frames the view with embed=1 after our resizing script; the iframe one alone', () => {
  const query = '?q=num%C3%A9rique&cat=budget&view=chart&embed=1';
  const s = snippet('script', framed('https://example.org/raqmi/index.html', query));
  assert.ok(s.startsWith('<script src="https://example.org/raqmi/embed.js"></script>\n<iframe '), s);
  assert.ok(s.includes('src="https://example.org/raqmi/index.html?q=num%C3%A9rique&amp;cat=budget&amp;view=chart&amp;embed=1"'), s);
  assert.ok(s.includes(' data-raqmi '), s);
  assert.ok(!s.includes('style='), s);
  // No static image for a filtered chart: a link to the full view instead.
  assert.ok(s.endsWith('<noscript><a href="https://example.org/raqmi/index.html?q=num%C3%A9rique&amp;cat=budget&amp;view=chart">Raqmi</a></noscript>'), s);
  const plain = snippet('iframe', framed('https://x/', query));
  assert.ok(plain.startsWith('<iframe src="https://x/?q='), plain);
  assert.ok(!plain.includes('<script') && !plain.includes('data-raqmi'), plain);
  assert.ok(plain.includes(' width="100%" height="600" frameborder="0"></iframe>\n<noscript>'), plain);
});

test('a chart with a static image names it in the <noscript> and as the AMP placeholder, over https', () => {
  const image = { chart: 'people', alt: 'Participants. 9 barre(s) dessinée(s).', width: '720', height: '339' };
  const f = framed('http://example.org/r/', '?view=chart&chart=people&embed=1', image);
  const s = snippet('iframe', f);
  assert.ok(s.endsWith('<noscript><img src="http://example.org/r/fallback/people.svg" alt="Participants. 9 barre(s) dessinée(s)." width="720" height="339"></noscript>'), s);
  const amp = snippet('amp', f);
  assert.ok(amp.startsWith(`<script async custom-element="amp-iframe" src="${AMP_IFRAME_SCRIPT}"></script>\n<amp-iframe src="https://example.org/r/?view=chart&amp;chart=people&amp;embed=1#amp" `), amp);
  for (const required of [
    ' width="720" height="339" layout="responsive" resizable sandbox="allow-scripts allow-same-origin"',
    '<div overflow tabindex="0" role="button" aria-label="Afficher tout">Afficher tout</div>',
    '<amp-img placeholder layout="fill" src="https://example.org/r/fallback/people.png" alt="Participants. 9 barre(s) dessinée(s)."></amp-img>\n</amp-iframe>',
  ]) assert.ok(amp.includes(required), `${required} in ${amp}`);
  assert.ok(!amp.includes('<noscript>'), amp);
  // Without an image, the app's icon at AMP's default size.
  const icon = snippet('amp', framed('https://x/', '?embed=1'));
  assert.ok(icon.includes(' width="600" height="600" ') && icon.includes('src="https://x/icons/icon-512.png" alt="Raqmi"'), icon);
});

test('a hostile title or alternative text cannot break out of an attribute', () => {
  for (const variant of ['script', 'iframe', 'amp']) {
    const f = framed('https://x/', '?embed=1', { chart: 'budget', alt: '"><script>alert(2)</script>', width: '1', height: '1' });
    f.title = '"><script>alert(1)</script>';
    f.overflow = "'><script>alert(3)</script>";
    const s = snippet(variant, f);
    assert.ok(!s.includes('<script>alert'), s);
    assert.ok(!s.includes("'>"), s);
  }
});
