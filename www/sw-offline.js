/*
 * Raqmi's service worker, its "Available offline" part. scripts/post-build.mjs appends it to
 * dist/sw.js (after www/sw.template.js, whose names it uses: CACHE, intact) only when the
 * corpus's data files are above the offline limit, with ON_REQUEST filled in; under the limit
 * the worker precaches them all and this part is not in it.
 *
 * Owns the download of the whole corpus on the reader's request (www/offline.js sends the
 * messages, from a page this worker controls):
 * - {type: "OFFLINE_STATUS"}: replies how many of ON_REQUEST this build's cache holds;
 * - {type: "OFFLINE_GET"}: fetches each file of ON_REQUEST not yet cached (four at a time;
 *   one that is not intact once more, from the server, past the HTTP cache), keeps it only when
 *   intact (its content hash is the one its name holds, or a text file's header says its
 *   name's corpus version and number and its body's hash, as the fetch handler checks:
 *   `holds`), and posts the progress at most every 100 ms, then a final state.
 * Replies go to the page that asked: {raqmi: "offline", state, done, total[, failed, reason]},
 * state "idle" | "progress" | "done" | "failed" (reason "quota" when the device's storage is
 * full, "files" when some files failed: offline, missing, damaged). Files go into this build's
 * cache only, named by this build's list: the cache keeps one corpus version, the one of the
 * manifest it precached, and the pages it serves never mix two.
 */
/** The data files the reader may ask to keep (`data/<name>.bin`, space-separated). */
const ON_REQUEST = /*__RAQMI_ON_REQUEST__*/'';
let offlineRun = null;

self.addEventListener('message', (event) => {
  const source = event.source;
  if (!source || typeof source.url !== 'string' || new URL(source.url).origin !== self.location.origin) return;
  const data = event.data;
  if (data === null || typeof data !== 'object' || Object.keys(data).join(' ') !== 'type') return;
  if (data.type === 'OFFLINE_STATUS') event.waitUntil(offline(source, false));
  else if (data.type === 'OFFLINE_GET') event.waitUntil(offlineRun || (offlineRun = offline(source, true).finally(() => { offlineRun = null; })));
});

async function offline(client, fetchMissing) {
  const cache = await caches.open(CACHE);
  const urls = ON_REQUEST.split(' ').filter(Boolean).map((name) => new URL(`./data/${name}.bin`, self.location.href).href);
  const have = new Set((await cache.keys()).map((request) => request.url));
  const missing = urls.filter((url) => !have.has(url));
  const total = urls.length;
  let done = total - missing.length;
  const say = (message) => client.postMessage({ raqmi: 'offline', done, total, ...message });
  if (!fetchMissing || !missing.length) return say({ state: done === total ? 'done' : 'idle' });
  let next = 0, failed = 0, quota = false, said = 0;
  say({ state: 'progress' });
  const worker = async () => {
    while (next < missing.length && !quota) {
      const url = missing[next++];
      try {
        // A damaged copy in the HTTP cache (content-named files are served as immutable) is
        // fetched again from the server, once.
        let response = await fetch(url);
        if (!response.ok || !(await intact(url, response))) response = await fetch(url, { cache: 'reload' });
        if (!response.ok || !(await intact(url, response))) throw new Error(`${url}: not the file its name says`);
        await cache.put(url, response);
        done += 1;
      } catch (error) {
        if (error && error.name === 'QuotaExceededError') quota = true; else failed += 1;
      }
      if (Date.now() - said >= 100) { said = Date.now(); say({ state: 'progress' }); }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  if (quota) say({ state: 'failed', reason: 'quota', failed: total - done });
  else if (failed) say({ state: 'failed', reason: 'files', failed });
  else say({ state: 'done' });
}
