// Own articles (issue 16), the whole path in Chromium under the strict policy sent as headers:
// "Ajouter un article" -> the worker analyses -> stored in IndexedDB -> the article is read,
// searched and charted with the corpus, marked "ajouté par vous"; it survives a reload and
// works offline; removed, it is gone everywhere; exported, it imports into a fresh profile.
// Each bad input gets its localized message and stores nothing. The dialog's module and the
// worker are not requested before the dialog is used.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaders } from '../../scripts/csp.mjs';
import {
  DIST, setUp, openPage, openPersistentPage, assertClean, appStarted, waitForController,
} from './harness.mjs';

const ARTICLE = readFileSync(new URL('../fixtures/own/article.txt', import.meta.url), 'utf8');
const HEADLINE = 'Tanger lance un fonds de 450 millions de dirhams pour ses jeunes pousses';
const ON_DEMAND = /\/(own-dialog\.js|raqmi-own-worker(_loader\.js|\.js|_bg\.wasm))$/;
const OWN = 'article.result[data-id^="own-"]';

let env;
const profiles = [];
const profile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'raqmi-own-'));
  profiles.push(dir);
  return dir;
};
before(async () => { env = await setUp({ headers: securityHeaders({ dir: DIST }) }); });
after(async () => {
  await env?.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

/** Requests the page itself makes (not the service worker's precache). */
function pageRequests(page) {
  const urls = [];
  page.on('request', (req) => { if (!req.serviceWorker()) urls.push(req.url()); });
  return urls;
}

/** How many articles IndexedDB holds on this profile (0 when the database was never made). */
const stored = (page) => page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open('raqmi-own');
  open.onupgradeneeded = () => { open.transaction.abort(); resolve(0); };
  open.onerror = () => resolve(0);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('articles')) { db.close(); resolve(0); return; }
    const count = db.transaction('articles').objectStore('articles').count();
    count.onsuccess = () => { db.close(); resolve(count.result); };
  };
}));

async function openDialog(page) {
  await page.locator('.own-button').click();
  await page.locator('#own-dialog[open] .own-analyse').waitFor();
}

/** Pastes the fixture, checks what was detected, corrects the source, adds it. */
async function pasteArticle(page) {
  await openDialog(page);
  await page.locator('#own-text').fill(ARTICLE);
  await page.locator('.own-analyse').click();
  await page.locator('.own-save').waitFor();
  assert.equal(await page.locator('#own-headline').inputValue(), HEADLINE);
  assert.equal(await page.locator('#own-date').inputValue(), '2025-03-14');
  assert.equal(await page.locator('#own-source').inputValue(), 'Le Détroit Numérique');
  assert.match(await page.locator('.own-detected').textContent(), /^\d+ chiffres et \d+ noms trouvés/);
  await page.locator('#own-source').fill('Mon journal');
  await page.locator('.own-save').click();
  await page.locator('article.reader[data-id^="own-"]').waitFor();
}

async function search(page, q) {
  await page.goto(new URL(`?q=${encodeURIComponent(q)}`, env.server.url).href);
  await appStarted(page);
  await page.locator('article.result, .results-view .empty').first().waitFor();
}

test('an own article is read, searched, charted, kept across reloads and offline, then removed', async () => {
  const { page, context, problems } = await openPersistentPage(env, profile(), '');
  try {
    const urls = pageRequests(page);
    await appStarted(page);
    await waitForController(page);
    assert.deepEqual(urls.filter((u) => ON_DEMAND.test(u)), [], 'asked for before the dialog was used');

    await pasteArticle(page);
    assert.ok(urls.some((u) => /\/raqmi-own-worker_bg\.wasm$/.test(u)), 'the worker ran');
    const reader = page.locator('article.reader');
    const ownId = await reader.getAttribute('data-id');
    assert.equal(await reader.locator('#doc-title').textContent(), HEADLINE);
    assert.equal(await reader.locator('.own-mark').textContent(), 'ajouté par vous');
    assert.equal(await reader.locator('.meta .source').textContent(), 'Mon journal', 'the correction');
    const figures = await reader.locator('.reader-text .fig').allTextContents();
    assert.ok(figures.includes('450 millions de dirhams'), figures.join(' | '));
    assert.ok(await reader.locator('.reader-text .entity').count() > 0, 'names highlighted');
    assert.equal(await stored(page), 1);

    // Search, with the corpus's articles.
    await search(page, 'Tanger jeunes pousses');
    assert.equal(await page.locator(`${OWN} .own-mark`).textContent(), 'ajouté par vous');
    // The budget chart draws its 450 million dirhams (its data table links to the article).
    await page.goto(new URL('?view=chart&cat=budget', env.server.url).href);
    const own = page.locator('.chart-data a[href*="doc=own-"]');
    await own.first().waitFor({ state: 'attached' });
    const row = own.first().locator('xpath=ancestor::tr');
    assert.equal(await row.locator('data').getAttribute('value'), '450000000');
    assert.equal(await row.locator('.own-mark').textContent(), 'ajouté par vous');
    assert.ok(await page.locator('.chart svg, .chart-view svg').count() > 0);

    // The article's own URL, loaded afresh: its view, never "lives on another device" (not
    // even while the stored articles are being listed).
    await context.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('.missing')) window.__sawMissing = true;
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(new URL(`?view=doc&doc=${ownId}`, env.server.url).href);
    await page.locator(`article.reader[data-id="${ownId}"]`).waitFor();
    assert.equal(await page.evaluate(() => window.__sawMissing), undefined);
    // Reload, then offline: still there.
    await page.goto(new URL('?view=chart&cat=budget', env.server.url).href);
    await page.reload();
    await appStarted(page);
    await page.locator('.chart-data a[href*="doc=own-"]').first().waitFor({ state: 'attached' });
    await context.setOffline(true);
    await search(page, 'Tanger');
    await page.locator(OWN).waitFor();
    await page.locator(`${OWN} a`).click();
    await page.locator('article.reader[data-id^="own-"] .own-remove').waitFor();

    // Removed (offline too): gone from the list, the search, the chart and the storage.
    await page.locator('.own-remove').click();
    await page.locator('article.reader').waitFor({ state: 'detached' });
    assert.equal(await stored(page), 0);
    await search(page, 'Tanger');
    assert.equal(await page.locator(OWN).count(), 0);
    assert.equal(await page.locator('.results-view .empty').count(), 1, 'no corpus article says Tanger');
    await page.goto(new URL('?view=chart&cat=budget', env.server.url).href);
    await page.locator('.chart-data').waitFor({ state: 'attached' });
    assert.equal(await page.locator('.chart-data a[href*="doc=own-"]').count(), 0);
    await context.setOffline(false);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('exported, the articles import into a fresh profile; a newer file is refused clearly', async () => {
  let file;
  {
    const { page, context, problems } = await openPersistentPage(env, profile(), '');
    try {
      await appStarted(page);
      await pasteArticle(page);
      await openDialog(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.own-export').click()]);
      file = join(profiles[profiles.length - 1], 'export.json');
      await download.saveAs(file);
      const json = JSON.parse(readFileSync(file, 'utf8'));
      assert.deepEqual([json.format, json.version, json.documents.length], ['raqmi-own-articles', 1, 1]);
      assert.equal(json.documents[0].source, 'Mon journal');
      await assertClean(page, problems);
    } finally {
      await context.close();
    }
  }
  const { page, context, problems } = await openPersistentPage(env, profile(), '');
  try {
    await appStarted(page);
    await openDialog(page);
    // A file from a newer version: its message, nothing stored.
    const newer = join(profiles[profiles.length - 1], 'newer.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(newer, JSON.stringify({ ...json, version: 99 }));
    await page.locator('#own-import').setInputFiles(newer);
    await page.locator('.own-errors p').waitFor();
    assert.match(await page.locator('.own-errors').textContent(), /version plus récente de Raqmi \(format 99/);
    assert.equal(await stored(page), 0);
    // The export: back, with its correction.
    await page.locator('#own-import').setInputFiles(file);
    await page.locator('.own-status p', { hasText: 'Articles importés : 1.' }).waitFor();
    assert.equal(await stored(page), 1);
    await page.locator('.own-close').click();
    await search(page, 'Tanger');
    await page.locator(`${OWN} a`).click();
    assert.equal(await page.locator('article.reader .meta .source').textContent(), 'Mon journal');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('an article stored by an earlier app version (a snapshot of another format) is shown at start', async () => {
  const { page, context, problems } = await openPersistentPage(env, profile(), '');
  try {
    await appStarted(page);
    // A record as IndexedDB holds it (store.rs): the export JSON, the durable form, as this
    // version's worker writes it, beside a snapshot no version of this app can read.
    const id = await page.evaluate(async (text) => {
      const worker = new Worker('raqmi-own-worker_loader.js');
      const reply = await new Promise((resolve) => {
        worker.onmessage = (e) => {
          if (e.data.ready) worker.postMessage({ request: 1, kind: 'text', text });
          else resolve(e.data);
        };
      });
      worker.terminate();
      const doc = reply.documents[0];
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('raqmi-own', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('articles', { keyPath: 'id' });
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise((resolve, reject) => {
        const tx = db.transaction('articles', 'readwrite');
        const old = new Uint8Array([82, 81, 77, 73, 1, 0, 0, 0]); // "RQMI", format 1
        tx.objectStore('articles').put({ id: doc.id, json: doc.json, snapshot: old, added: 1 });
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      localStorage.setItem('raqmi-own', '1');
      return doc.id;
    }, ARTICLE);
    // At start: listed (analysed again from its JSON, stored anew), searched, marked.
    await search(page, 'Tanger jeunes pousses');
    await page.locator(`article.result[data-id="${id}"] .own-mark`).waitFor();
    assert.equal(await stored(page), 1);
    const snapshot = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('raqmi-own');
      open.onsuccess = () => {
        const get = open.result.transaction('articles').objectStore('articles').getAll();
        get.onsuccess = () => { open.result.close(); resolve(get.result[0].snapshot.length); };
      };
    }));
    assert.ok(snapshot > 8, `the snapshot was written again in this version's format (${snapshot} B)`);
    // Its marks speak the page's language, and follow it when it changes.
    await page.goto(new URL(`?view=doc&doc=${id}&lang=ar`, env.server.url).href);
    const reader = page.locator(`article.reader[data-id="${id}"]`);
    await reader.locator('.own-mark', { hasText: 'أضفتَه أنت' }).waitFor();
    assert.equal(await reader.locator('.own-remove').textContent(), 'احذف هذا المقال');
    await page.locator('.lang-picker select').selectOption('en');
    await reader.locator('.own-remove', { hasText: 'Remove this article' }).waitFor();
    assert.equal(await reader.locator('.own-mark').textContent(), 'yours');
    assert.equal(await page.locator('.own-button').textContent(), 'Add an article');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('every bad input gets its message and stores nothing; a page full of scripts runs none', async () => {
  const { page, problems } = await openPage(env, '');
  const urls = pageRequests(page);
  await appStarted(page);
  await openDialog(page);
  const refusal = async (pattern) => {
    await page.locator('.own-errors p', { hasText: pattern }).waitFor();
    assert.equal(await stored(page), 0);
  };
  // Empty, then whitespace only.
  await page.locator('.own-analyse').click();
  await refusal(/Le texte est vide/);
  await page.evaluate(() => document.querySelector('.own-errors').replaceChildren());
  await page.locator('#own-text').fill('  \n\t  ');
  await page.locator('.own-analyse').click();
  await refusal(/Le texte est vide/);
  const file = (name, buffer) => ({ name, mimeType: 'application/octet-stream', buffer });
  const files = page.locator('#own-files');
  // A binary file (a PNG under a .txt name).
  await files.setInputFiles(file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])));
  await refusal(/image\.txt : Ce n’est pas un fichier texte \(il ressemble à : PNG\)/);
  // Not UTF-8: says which encoding it looks like.
  await files.setInputFiles(file('ancien.txt', Buffer.from('Le d\xe9veloppement num\xe9rique \xe0 Rabat co\xfbte 3 millions.', 'latin1')));
  await refusal(/ancien\.txt : Le fichier n’est pas en UTF-8 \(il semble en [^)]*(Latin-1|Windows-1252)/);
  // Over 5 MB.
  await files.setInputFiles(file('gros.txt', Buffer.alloc(5 * 1024 * 1024 + 10, 'a')));
  await refusal(/gros\.txt : Le fichier est trop gros \(5,1 Mo ; au plus 5,0 Mo\)/);

  // An HTML page full of scripts: its text is kept, nothing of it runs nor loads.
  const html = `<html><head><script>window.__pwned = 1; fetch('/pwned-fetch');</script>
    <style>p { color: red }</style></head><body onload="window.__pwned = 2">
    <p>${ARTICLE.split('\n\n').join('</p><p>')}</p>
    <img src="/pwned-img.png" onerror="window.__pwned = 3"><iframe src="/pwned-frame"></iframe>
    <script src="/pwned-script.js"></script></body></html>`;
  await files.setInputFiles(file('page.html', Buffer.from(html)));
  await page.locator('article.reader[data-id^="own-"]').waitFor();
  assert.equal(await page.locator('#doc-title').textContent(), HEADLINE);
  assert.doesNotMatch(await page.locator('article.reader').textContent(), /pwned|fetch|onerror/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(urls.filter((u) => u.includes('pwned')), []);
  assert.equal(await stored(page), 1);

  // A hundred files, two of them empty: processed in turn with a count, 98 kept.
  await openDialog(page);
  const many = Array.from({ length: 100 }, (_, i) => file(`a${i + 1}.txt`, Buffer.from(i % 50 === 49 ? ' ' :
    `Casablanca numéro ${i + 1}\n\nLe programme ${i + 1} du numérique réunit ${100 + i} participants à Casablanca.`)));
  const counts = [];
  const watch = setInterval(() => {
    page.locator('.own-status').textContent().then((t) => counts.push(t)).catch(() => {});
  }, 20);
  await files.setInputFiles(many);
  await page.locator('.own-status p', { hasText: 'Articles ajoutés : 98.' }).waitFor({ timeout: 60_000 });
  clearInterval(watch);
  assert.ok(counts.some((c) => /^([1-9]\d?) \/ 100$/.test(c)), `a count while it ran: ${counts.slice(0, 5)}`);
  assert.match(await page.locator('.own-status').textContent(), /^100 \/ 100/);
  const refused = await page.locator('.own-errors p').allTextContents();
  assert.deepEqual(refused.map((r) => r.split(' : ')[0]), ['a50.txt', 'a100.txt']);
  assert.equal(await stored(page), 99);
  assert.match(await page.locator('.own-count').textContent(), /: 99\./);
  // Remove all: nothing left, anywhere.
  await page.locator('.own-clear').click();
  await page.locator('.own-status p', { hasText: 'supprimés' }).waitFor();
  assert.equal(await stored(page), 0);
  await page.locator('.own-close').click();
  await search(page, 'Casablanca');
  assert.equal(await page.locator(OWN).count(), 0);
  await assertClean(page, problems);
});

test('the dialog speaks the page\'s language: its strings and refusals come from the worker', async () => {
  const { page, problems } = await openPage(env, '?lang=ar');
  await appStarted(page);
  await page.locator('.own-button', { hasText: 'أضف مقالًا' }).click();
  await page.locator('#own-dialog[open]').waitFor();
  assert.equal(await page.locator('#own-title').textContent(), 'أضف مقالًا');
  assert.match(await page.locator('.own-privacy').textContent(), /لا يُرسَل أي شيء/);
  await page.locator('.own-analyse').click();
  await page.locator('.own-errors p').waitFor();
  assert.doesNotMatch(await page.locator('.own-errors').textContent(), /[A-Za-z]{4}/, 'in Arabic');
  // Another language: the dialog is built again in it.
  await page.locator('.own-close').click();
  await page.locator('.lang-picker select').selectOption('en');
  await page.locator('.own-button', { hasText: 'Add an article' }).click();
  await page.locator('#own-dialog[open]').waitFor();
  assert.equal(await page.locator('.own-analyse').textContent(), 'Analyse');
  await page.locator('.own-analyse').click();
  await page.locator('.own-errors p', { hasText: 'The text is empty' }).waitFor();
  await assertClean(page, problems);
});

test('a file dropped on the drop zone is analysed and opened', async () => {
  const { page, problems } = await openPage(env, '');
  await appStarted(page);
  await openDialog(page);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'tanger.md', { type: 'text/markdown' }));
    const zone = document.querySelector('.own-drop');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, `# ${HEADLINE}\n\n${ARTICLE.split('\n\n').slice(1).join('\n\n')}`);
  await page.locator('article.reader[data-id^="own-"]').waitFor();
  assert.equal(await page.locator('#doc-title').textContent(), HEADLINE);
  assert.equal(await stored(page), 1);
  await assertClean(page, problems);
});
