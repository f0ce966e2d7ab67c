//! The Web Worker's message loop. Trunk's loader shim (`raqmi-own-worker_loader.js`) imports
//! the wasm-bindgen glue and instantiates the module; [`start`] then listens for requests and
//! says `{ready: true}`, so the page sends nothing before the worker can hear it.
//!
//! A request is a plain object: `{request, kind, …}` with `kind` one of
//! - every request may give `lang` ("fr", the default, "en" or "ar"): the language of a
//!   refusal's message;
//! - `"text"`: `text`, and the corrections `headline`, `date`, `source` (strings, may be blank);
//! - `"file"`: `name`, `bytes` (an `ArrayBuffer` or `Uint8Array`), and the same corrections;
//! - `"import"`: `text`, an export file;
//! - `"merge"`: `bundled` (the app's corpus snapshot) and `own` (an array of own articles'
//!   snapshots): replies `{request, ok: true, snapshot, stale}` (`merge::merge`), or
//!   `{request, ok: false, error}` when the app's own corpus does not decode.
//!
//! The reply carries the same `request` number and either `ok: true`, `documents` (each
//! `{id, json, snapshot, headline, figures, entities}`), `bytes` (the input's size), `ms` (the
//! whole request in the worker) and `extractMs` (checks and extraction only: the benchmark's
//! MB/s), or `ok: false`, `message` (the refusal in the request's language), `key` and `args`
//! (its message key and `[name, value]` pairs, for tests and logs).

use crate::analyse::{self, Analysed};
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
        let _ = replies.post_message(&handle(&e.data()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its handler is never dropped.
    on_message.forget();
    let _ = scope.post_message(&object(&[("ready", JsValue::TRUE)]));
}

/// One request's reply.
fn handle(request: &JsValue) -> JsValue {
    let id = get(request, "request");
    let kind = string(request, "kind");
    let corrections = || {
        Corrections::new(
            &string(request, "headline"),
            &string(request, "date"),
            &string(request, "source"),
        )
    };
    if kind == "merge" {
        return merge(id, request);
    }
    // Input checks and extraction are timed apart from what is kept (JSON, snapshot): the
    // benchmark's extraction MB/s is the first, comparable with the native benchmark.
    let started = now();
    let mut extracted_at = started;
    let mut run = |sub: Result<Submission, Problem>| {
        let doc = sub.and_then(|s| analyse::extract(&s));
        extracted_at = now();
        doc.map(analyse::keep)
    };
    let (size, result) = match kind.as_str() {
        "text" => {
            let text = string(request, "text");
            let sub = input::from_paste(&text, corrections());
            (text.len(), run(sub).map(|a| vec![a]))
        }
        "file" => {
            let bytes = Uint8Array::new(&get(request, "bytes")).to_vec();
            let sub = input::from_file(&string(request, "name"), &bytes, corrections());
            (bytes.len(), run(sub).map(|a| vec![a]))
        }
        "import" => {
            let text = string(request, "text");
            let docs = analyse::import(&text);
            extracted_at = now();
            (text.len(), docs)
        }
        _ => (0, Err(Problem::NotAnExport)),
    };
    let (ms, extract_ms) = (now() - started, extracted_at - started);
    match result {
        Ok(docs) => object(&[
            ("request", id),
            ("ok", JsValue::TRUE),
            (
                "documents",
                docs.iter().map(document).collect::<Array>().into(),
            ),
            ("bytes", JsValue::from_f64(size as f64)),
            ("ms", JsValue::from_f64(ms)),
            ("extractMs", JsValue::from_f64(extract_ms)),
        ]),
        Err(problem) => {
            let args: Array = problem
                .args()
                .into_iter()
                .map(|(k, v)| Array::of2(&JsValue::from_str(k), &JsValue::from_str(&v)))
                .collect();
            let message = messages::message(&problem, &string(request, "lang"));
            object(&[
                ("request", id),
                ("ok", JsValue::FALSE),
                ("message", JsValue::from_str(&message)),
                ("key", JsValue::from_str(problem.key())),
                ("args", args.into()),
            ])
        }
    }
}

/// The corpus and the own articles as one snapshot.
fn merge(id: JsValue, request: &JsValue) -> JsValue {
    let bundled = Uint8Array::new(&get(request, "bundled")).to_vec();
    let own: Vec<Vec<u8>> = Array::from(&get(request, "own"))
        .iter()
        .map(|s| Uint8Array::new(&s).to_vec())
        .collect();
    let own: Vec<&[u8]> = own.iter().map(Vec::as_slice).collect();
    match crate::merge::merge(&bundled, &own) {
        Ok(m) => object(&[
            ("request", id),
            ("ok", JsValue::TRUE),
            ("snapshot", Uint8Array::from(m.snapshot.as_slice()).into()),
            (
                "stale",
                m.stale
                    .iter()
                    .map(|&i| JsValue::from_f64(i as f64))
                    .collect::<Array>()
                    .into(),
            ),
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
