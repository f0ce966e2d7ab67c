//! Hooks for the browser benchmark (`scripts/bench-browser.mjs`, `bench/`), compiled only for
//! wasm32 with the `bench` feature, never in the shipped build. They let the benchmark page time
//! Raqmi's own query engine on the bundled corpus, in the same page and run as MiniSearch.
//!
//! The corpus here is decoded separately from the app's (on the first call), so the app's code
//! stays free of benchmark plumbing.

use raqmi_explorer::corpus::Corpus;
use raqmi_model::document::Category;
use raqmi_search::facet::FacetKind;
use raqmi_search::query::{self, Filters};
use raqmi_search::snapshot::Snapshot;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static CORPUS: OnceCell<Option<Corpus>> = const { OnceCell::new() };
}

/// Runs `f` on the decoded bundled corpus (decoded on the first call).
fn with_corpus<R>(f: impl FnOnce(&Corpus) -> R) -> Option<R> {
    CORPUS.with(|c| {
        c.get_or_init(|| {
            Snapshot::decode(crate::BUNDLED_SNAPSHOT)
                .ok()
                .map(Corpus::new)
        })
        .as_ref()
        .map(f)
    })
}

/// Searches like the app does on a keystroke; with `facets`, also filters by an organisation
/// and a figure category (as `crates/search/benches/scale.rs` does). Returns the number of hits.
#[wasm_bindgen]
pub fn raqmi_bench_search(q: &str, facets: bool) -> u32 {
    let filters = if facets {
        Filters {
            categories: vec![Category::Budget],
            ..Filters::default()
        }
        .with_names(FacetKind::Org, ["AUSIM"])
    } else {
        Filters::default()
    };
    with_corpus(|c| query::search(&c.index, &c.docs, q, &filters).total as u32).unwrap_or(0)
}

/// The bundled snapshot's size in bytes (documents and index, as shipped in the wasm).
#[wasm_bindgen]
pub fn raqmi_bench_snapshot_bytes() -> u32 {
    crate::BUNDLED_SNAPSHOT.len() as u32
}

/// The search index's share of the snapshot, in bytes.
#[wasm_bindgen]
pub fn raqmi_bench_index_bytes() -> u32 {
    with_corpus(|c| postcard::to_allocvec(&*c.index).map_or(0, |b| b.len() as u32)).unwrap_or(0)
}

/// Decodes the bundled snapshot once more and returns how long it took, in milliseconds (the
/// app's own decode is timed by its performance marks; this one can be repeated on a warm
/// page). The decoded copy is dropped.
#[wasm_bindgen]
pub fn raqmi_bench_decode_ms() -> f64 {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    let t0 = performance.now();
    let decoded = Snapshot::decode(crate::BUNDLED_SNAPSHOT);
    let ms = performance.now() - t0;
    drop(decoded);
    ms
}
