//! Own articles kept on this device, in IndexedDB (database `raqmi-own`, store `articles`,
//! one record per article: `{id, json, snapshot, added}`), read and written by the worker so
//! that the app's first load carries none of this code. Every write is one transaction: an
//! article (or a whole import) is stored entirely or not at all. The record keeps the export
//! JSON, the durable form: a snapshot written by another app version is analysed again from it
//! when the articles are listed (`worker.rs`), so stored articles survive new app versions.
//!
//! IndexedDB transactions commit once a task ends with no request pending, so every request of
//! one transaction is made before anything is awaited; only the transaction's end is awaited.

use crate::analyse::Analysed;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStore, IdbObjectStoreParameters, IdbRequest, IdbTransaction,
    IdbTransactionMode, WorkerGlobalScope,
};

const DB: &str = "raqmi-own";
/// The database's schema version (not the app's): raise it only with an upgrade step.
const DB_VERSION: u32 = 1;
const STORE: &str = "articles";

/// One stored article.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub id: String,
    pub json: String,
    pub snapshot: Vec<u8>,
    /// When it was added (ms since the epoch): the listing's order.
    pub added: f64,
}

/// Every stored article, oldest first.
pub async fn list() -> Result<Vec<Record>, JsValue> {
    let store = transaction(IdbTransactionMode::Readonly).await?.1;
    let all = done(&store.get_all()?).await?;
    let mut records: Vec<Record> = Array::from(&all)
        .iter()
        .filter_map(|r| record(&r))
        .collect();
    records.sort_by(|a, b| a.added.total_cmp(&b.added));
    Ok(records)
}

/// Stores these articles in one transaction (an id already stored is replaced, keeping when it
/// was first added).
pub async fn put(docs: &[Analysed]) -> Result<(), JsValue> {
    let now = js_sys::Date::now();
    let (tx, store) = transaction(IdbTransactionMode::Readwrite).await?;
    for (i, a) in docs.iter().enumerate() {
        let r = Record {
            id: a.document.id.clone(),
            json: a.json.clone(),
            snapshot: a.snapshot.clone(),
            // Keeps a batch's order.
            added: now + i as f64 / 1000.0,
        };
        store.put(&object(&r))?;
    }
    complete(&tx).await
}

/// Rewrites records as given (the refreshed snapshots of a listing), in one transaction.
pub async fn rewrite(records: &[Record]) -> Result<(), JsValue> {
    let (tx, store) = transaction(IdbTransactionMode::Readwrite).await?;
    for r in records {
        store.put(&object(r))?;
    }
    complete(&tx).await
}

/// Removes one article (`Some(id)`) or all of them.
pub async fn remove(id: Option<&str>) -> Result<(), JsValue> {
    let (tx, store) = transaction(IdbTransactionMode::Readwrite).await?;
    match id {
        Some(id) => store.delete(&JsValue::from_str(id))?,
        None => store.clear()?,
    };
    complete(&tx).await
}

async fn transaction(
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, mode)?;
    let store = tx.object_store(STORE)?;
    Ok((tx, store))
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = js_sys::global()
        .unchecked_into::<WorkerGlobalScope>()
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("IndexedDB is not available"))?;
    let request = factory.open_with_u32(DB, DB_VERSION)?;
    let upgrade = {
        let request = request.clone();
        Closure::once_into_js(move || {
            let Ok(db) = request.result() else { return };
            let db: IdbDatabase = db.unchecked_into();
            if !db.object_store_names().contains(STORE) {
                let params = IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str("id"));
                let _ = db.create_object_store_with_optional_parameters(STORE, &params);
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(done(&request).await?.unchecked_into())
}

/// The result of a request, once it succeeds.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// Waits for a transaction to commit (or fails if it aborts: then nothing of it was written).
async fn complete(tx: &IdbTransaction) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(promise).await.map(drop)
}

fn object(r: &Record) -> Object {
    let o = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &v);
    };
    set("id", JsValue::from_str(&r.id));
    set("json", JsValue::from_str(&r.json));
    set("snapshot", Uint8Array::from(r.snapshot.as_slice()).into());
    set("added", JsValue::from_f64(r.added));
    o
}

/// A stored record; one that is not of this shape (written by hand) is skipped.
fn record(v: &JsValue) -> Option<Record> {
    let get = |k: &str| Reflect::get(v, &JsValue::from_str(k)).ok();
    let snapshot = get("snapshot")?;
    Some(Record {
        id: get("id")?.as_string()?,
        json: get("json")?.as_string()?,
        snapshot: if snapshot.is_instance_of::<Uint8Array>() {
            Uint8Array::new(&snapshot).to_vec()
        } else {
            Vec::new()
        },
        added: get("added").and_then(|a| a.as_f64()).unwrap_or(0.0),
    })
}
