//! The app's data files, read in the worker: the corpus's documents, which the own articles
//! join (`merge::corpus_files`). Fetched from the same origin as the page (the URLs the page
//! gives, relative to the worker's script, which sits beside the page), through the service
//! worker's cache when offline. Only the manifest, the tables, the packs and the text files:
//! the documents are whole in them, and the index (its facets too) is built again with the own
//! articles anyway. Read once
//! per worker (the page's build never changes under it), from its start
//! ([`prefetch`]): by the time the reader adds an article, the documents are there.

use js_sys::Uint8Array;
use raqmi_model::document::Document;
use raqmi_search::files::{FileKind, ShardedCorpus, MANIFEST_NAME};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Response, WorkerGlobalScope};

/// Where the app's data files are, relative to the worker's script (beside the page).
pub const DATA_DIR: &str = "data/";

thread_local! {
    /// The corpus's documents, once read (a failure is not kept: the next request tries again).
    static READ: RefCell<Option<Rc<Vec<Document>>>> = const { RefCell::new(None) };
}

/// Starts reading the corpus's documents in the background (the worker's start).
pub fn prefetch() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = corpus_documents().await;
    });
}

/// The corpus's documents from the app's data files ([`DATA_DIR`]), or what failed.
pub async fn corpus_documents() -> Result<Rc<Vec<Document>>, String> {
    if let Some(docs) = READ.with(|r| r.borrow().clone()) {
        return Ok(docs);
    }
    let docs = Rc::new(read(DATA_DIR).await?);
    READ.with(|r| *r.borrow_mut() = Some(docs.clone()));
    Ok(docs)
}

/// The corpus's documents from the data files under `base`, or what failed.
async fn read(base: &str) -> Result<Vec<Document>, String> {
    let manifest = fetch(&format!("{base}{MANIFEST_NAME}")).await?;
    let mut files = ShardedCorpus::from_manifest(&manifest).map_err(|e| e.to_string())?;
    // Not the facets file: the index is built again.
    for r in files.missing_for_tables() {
        if r.kind == FileKind::Facets {
            continue;
        }
        let name = files.manifest().name(r);
        let bytes = fetch(&format!("{base}{name}")).await?;
        files.add(r, &bytes).map_err(|e| e.to_string())?;
    }
    Ok(files.documents().to_vec())
}

/// The bytes at `url`, or why not.
async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let failed = |_: JsValue| format!("{url}: the request failed");
    // Only ever run by the worker's message loop, in the worker.
    let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
    let response: Response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .and_then(|r| r.dyn_into())
        .map_err(failed)?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let body = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(Uint8Array::new(&body).to_vec())
}
