//! The Web Worker's message loop. Trunk's loader shim (`raqmi-own-worker_loader.js`) imports
//! the wasm-bindgen glue and instantiates the module; [`start`] then listens for requests and
//! says `{ready: true}`, so the page sends nothing before the worker can hear it.
//!
//! A request is a plain object: `{request, kind, …}` with `kind` one of
//! - every request may give `lang` ("fr", the default, "en" or "ar"): the language of a
//!   refusal's message;
//! - `"text"`: `text`, and the corrections `headline`, `date`, `source` (strings, may be blank);
//! - `"file"`: `name`, `bytes` (an `ArrayBuffer` or `Uint8Array`) or `file` (a `File`, read
//!   here), and the same corrections;
//! - `"import"`: `text`, or `file`, an export file;
//! - `"text"`, `"file"` and `"import"` with `store: true`: the documents are also stored on the
//!   device (`store`), all in one transaction, before the reply;
//! - `"list"`, `"remove"` (`id`), `"clear"`, `"export"`: the stored articles (see [`stored`]);
//!   a storage failure replies `{ok: false, key: "own.storage", message}`;
//! - `"strings"`: `strings`, the dialog's strings in `lang` (`own.ui.*` keys);
//! - `"corpus"`: `own` (an array of own articles' snapshots, as `"list"` gives them): the
//!   corpus (its data files, `data/` beside the page, read once, from the worker's start) and
//!   the own articles as data files, what the app shows (`merge::corpus_files`): replies
//!   `{request, ok: true, files, stale}`, `files` an object from each file's name to its
//!   bytes, or `{request, ok: false, error}` when the app's data files could not be read;
//! - `"merge"`: `bundled` (a corpus snapshot) and `own` (an array of own articles'
//!   snapshots): replies `{request, ok: true, snapshot, stale}` (`merge::merge`), or
//!   `{request, ok: false, error}` when the corpus does not decode.
//!
//! The reply carries the same `request` number and either `ok: true`, `documents` (each
//! `{id, json, snapshot, headline, figures, entities}`), `bytes` (the input's size), `ms` (the
//! whole request in the worker) and `extractMs` (checks and extraction only: the benchmark's
//! MB/s), or `ok: false`, `message` (the refusal in the request's language), `key` and `args`
//! (its message key and `[name, value]` pairs, for tests and logs).

use crate::analyse::{self, Analysed};
use crate::store;
use js_sys::{Array, Object, Reflect, Uint8Array};
use raqmi_own::input::{self, Corrections, Submission};
use raqmi_own::{messages, Problem};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Runs when the module is instantiated inside the worker.
#[wasm_bindgen(start)]
pub fn start() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return; // not in a dedicated worker (a test page that loads the module directly)
    };
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        respond(replies.clone(), e.data());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its handler is never dropped.
    on_message.forget();
    let _ = scope.post_message(&object(&[("ready", JsValue::TRUE)]));
    crate::data::prefetch();
}

/// Answers one request: at once, or once the stored articles (`store`) have been read or
/// written. With `store: true`, an analysis is stored before the reply (all its documents in
/// one transaction) and the reply says it failed if storing failed: then nothing was stored.
fn respond(scope: DedicatedWorkerGlobalScope, request: JsValue) {
    let post = move |reply: JsValue| {
        let _ = scope.post_message(&reply);
    };
    let id = get(&request, "request");
    let kind = string(&request, "kind");
    match kind.as_str() {
        "merge" => post(merge(id, &request)),
        "corpus" => wasm_bindgen_futures::spawn_local(async move {
            post(corpus(&request).await.with_request(id));
        }),
        "strings" => {
            let strings = Object::new();
            for (k, v) in messages::ui_strings(&string(&request, "lang")) {
                let _ = Reflect::set(&strings, &JsValue::from_str(k), &JsValue::from_str(v));
            }
            post(object(&[("ok", JsValue::TRUE), ("strings", strings.into())]).with_request(id));
        }
        "list" | "remove" | "clear" | "export" => {
            wasm_bindgen_futures::spawn_local(async move {
                let reply = stored(&kind, &request).await;
                post(reply.unwrap_or_else(|e| storage_error(&e)).with_request(id));
            });
        }
        _ => {
            let done = analyse_request(&request, &kind);
            let keep = get(&request, "store").is_truthy();
            match (&done.result, keep) {
                (Ok(docs), true) => {
                    let docs = docs.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let reply = match store::put(&docs).await {
                            Ok(()) => reply(&request, done),
                            Err(e) => storage_error(&e),
                        };
                        post(reply.with_request(id));
                    });
                }
                _ => post(reply(&request, done).with_request(id)),
            }
        }
    }
}

/// An analysis request's outcome, with its timings.
struct Done {
    size: usize,
    ms: f64,
    extract_ms: f64,
    result: Result<Vec<Analysed>, Problem>,
}

/// Sets a reply's `request` number.
trait WithRequest {
    fn with_request(self, id: JsValue) -> JsValue;
}

impl WithRequest for JsValue {
    fn with_request(self, id: JsValue) -> JsValue {
        let _ = Reflect::set(&self, &JsValue::from_str("request"), &id);
        self
    }
}

/// Analyses a "text", "file" or "import" request.
fn analyse_request(request: &JsValue, kind: &str) -> Done {
    let corrections = || {
        Corrections::new(
            &string(request, "headline"),
            &string(request, "date"),
            &string(request, "source"),
        )
    };
    // Input checks and extraction are timed apart from what is kept (JSON, snapshot): the
    // benchmark's extraction MB/s is the first, comparable with the native benchmark.
    let started = now();
    let mut extracted_at = started;
    let mut run = |sub: Result<Submission, Problem>| {
        let doc = sub.and_then(|s| analyse::extract(&s));
        extracted_at = now();
        doc.map(analyse::keep)
    };
    let (size, result) = match kind {
        "text" => {
            let text = string(request, "text");
            let sub = input::from_paste(&text, corrections());
            (text.len(), run(sub).map(|a| vec![a]))
        }
        "file" => {
            let bytes = bytes(request);
            let sub = input::from_file(&string(request, "name"), &bytes, corrections());
            (bytes.len(), run(sub).map(|a| vec![a]))
        }
        "import" => {
            // A file given as such must be UTF-8 JSON; anything else is not an export file.
            let text = if get(request, "file").is_undefined() {
                string(request, "text")
            } else {
                String::from_utf8(bytes(request)).unwrap_or_default()
            };
            let docs = analyse::import(&text);
            extracted_at = now();
            (text.len(), docs)
        }
        _ => (0, Err(Problem::NotAnExport)),
    };
    Done {
        size,
        ms: now() - started,
        extract_ms: extracted_at - started,
        result,
    }
}

/// The reply to an analysis: its documents, or the refusal in the request's language.
fn reply(request: &JsValue, done: Done) -> JsValue {
    match done.result {
        Ok(docs) => object(&[
            ("ok", JsValue::TRUE),
            (
                "documents",
                docs.iter().map(document).collect::<Array>().into(),
            ),
            ("bytes", JsValue::from_f64(done.size as f64)),
            ("ms", JsValue::from_f64(done.ms)),
            ("extractMs", JsValue::from_f64(done.extract_ms)),
        ]),
        Err(problem) => {
            let args: Array = problem
                .args()
                .into_iter()
                .map(|(k, v)| Array::of2(&JsValue::from_str(k), &JsValue::from_str(&v)))
                .collect();
            let message = messages::message(&problem, &string(request, "lang"));
            object(&[
                ("ok", JsValue::FALSE),
                ("message", JsValue::from_str(&message)),
                ("key", JsValue::from_str(problem.key())),
                ("args", args.into()),
            ])
        }
    }
}

/// A failed read or write of the stored articles (quota, private mode…): nothing was written.
fn storage_error(e: &JsValue) -> JsValue {
    let detail = e
        .as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .or_else(|| {
            Reflect::get(e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_default();
    object(&[
        ("ok", JsValue::FALSE),
        ("key", JsValue::from_str("own.storage")),
        ("message", JsValue::from_str(&detail)),
    ])
}

/// "list": every stored article (`{id, json, snapshot}`, oldest first), a snapshot of another
/// app version analysed again from its JSON and stored anew; "remove" (`id`), "clear"; "export":
/// `text`, the export file of every stored article, and `count`.
async fn stored(kind: &str, request: &JsValue) -> Result<JsValue, JsValue> {
    match kind {
        "remove" => store::remove(Some(&string(request, "id"))).await?,
        "clear" => store::remove(None).await?,
        "export" => {
            let jsons: Vec<String> = store::list().await?.into_iter().map(|r| r.json).collect();
            return Ok(object(&[
                ("ok", JsValue::TRUE),
                ("text", JsValue::from_str(&analyse::export_stored(&jsons))),
                ("count", JsValue::from_f64(jsons.len() as f64)),
            ]));
        }
        _ => {
            let mut records = store::list().await?;
            let mut refreshed = Vec::new();
            records.retain_mut(|r| match analyse::refresh(&r.json, &r.snapshot) {
                None => true,
                Some(Ok(a)) => {
                    r.snapshot = a.snapshot;
                    refreshed.push(r.clone());
                    true
                }
                // Neither form is readable: left stored, not listed.
                Some(Err(_)) => false,
            });
            if !refreshed.is_empty() {
                store::rewrite(&refreshed).await?;
            }
            let documents: Array = records
                .iter()
                .map(|r| {
                    object(&[
                        ("id", JsValue::from_str(&r.id)),
                        ("json", JsValue::from_str(&r.json)),
                        ("snapshot", Uint8Array::from(r.snapshot.as_slice()).into()),
                    ])
                })
                .collect();
            return Ok(object(&[
                ("ok", JsValue::TRUE),
                ("documents", documents.into()),
            ]));
        }
    }
    Ok(object(&[("ok", JsValue::TRUE)]))
}

/// The own articles' snapshots of a request (`own`).
fn snapshots(request: &JsValue) -> Vec<Vec<u8>> {
    Array::from(&get(request, "own"))
        .iter()
        .map(|s| Uint8Array::new(&s).to_vec())
        .collect()
}

/// The positions of stale snapshots, for a reply.
fn positions(stale: &[usize]) -> JsValue {
    stale
        .iter()
        .map(|&i| JsValue::from_f64(i as f64))
        .collect::<Array>()
        .into()
}

/// The corpus (its data files, fetched here) and the own articles as data files.
async fn corpus(request: &JsValue) -> JsValue {
    let corpus = match crate::data::corpus_documents().await {
        Ok(docs) => docs.to_vec(),
        Err(e) => return object(&[("ok", JsValue::FALSE), ("error", JsValue::from_str(&e))]),
    };
    let own = snapshots(request);
    let own: Vec<&[u8]> = own.iter().map(Vec::as_slice).collect();
    let (written, stale) = crate::merge::corpus_files(corpus, &own);
    let files = Object::new();
    for f in &written {
        let bytes = Uint8Array::from(f.bytes.as_slice());
        let _ = Reflect::set(&files, &JsValue::from_str(&f.name), &bytes);
    }
    object(&[
        ("ok", JsValue::TRUE),
        ("files", files.into()),
        ("stale", positions(&stale)),
    ])
}

/// The corpus and the own articles as one snapshot.
fn merge(id: JsValue, request: &JsValue) -> JsValue {
    let bundled = Uint8Array::new(&get(request, "bundled")).to_vec();
    let own = snapshots(request);
    let own: Vec<&[u8]> = own.iter().map(Vec::as_slice).collect();
    match crate::merge::merge(&bundled, &own) {
        Ok(m) => object(&[
            ("request", id),
            ("ok", JsValue::TRUE),
            ("snapshot", Uint8Array::from(m.snapshot.as_slice()).into()),
            ("stale", positions(&m.stale)),
        ]),
        Err(e) => object(&[
            ("request", id),
            ("ok", JsValue::FALSE),
            ("error", JsValue::from_str(&e)),
        ]),
    }
}

fn document(a: &Analysed) -> JsValue {
    let d = &a.document;
    object(&[
        ("id", JsValue::from_str(&d.id)),
        ("json", JsValue::from_str(&a.json)),
        ("snapshot", Uint8Array::from(a.snapshot.as_slice()).into()),
        ("headline", JsValue::from_str(&d.title(120))),
        ("figures", JsValue::from_f64(d.figures.len() as f64)),
        ("entities", JsValue::from_f64(d.entities.len() as f64)),
    ])
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A request's bytes: `bytes` (an `ArrayBuffer` or `Uint8Array`), else `file` (a `File` or
/// `Blob` the page chose or was given by a drop: read here, off the page's thread).
fn bytes(request: &JsValue) -> Vec<u8> {
    let file = get(request, "file");
    match file.dyn_into::<web_sys::Blob>() {
        Ok(blob) => web_sys::FileReaderSync::new()
            .and_then(|r| r.read_as_array_buffer(&blob))
            .map(|b| Uint8Array::new(&b).to_vec())
            .unwrap_or_default(),
        Err(_) => Uint8Array::new(&get(request, "bytes")).to_vec(),
    }
}

/// A string field; absent or not a string reads as blank.
fn string(o: &JsValue, key: &str) -> String {
    get(o, key).as_string().unwrap_or_default()
}

/// Milliseconds from the worker's clock (0 where there is none).
fn now() -> f64 {
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|s| s.performance())
        .map_or(0.0, |p| p.now())
}
