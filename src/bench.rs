//! Hooks for the browser benchmark (`scripts/bench-browser.mjs`, `bench/`), compiled only for
//! wasm32 with the `bench` feature, never in the shipped build. They let the benchmark page time
//! Raqmi's own query engine on the corpus the app loaded, in the same page and run as MiniSearch.
//!
//! The app hands its loaded data files and corpus over here ([`keep`]), so the app's code stays
//! free of benchmark plumbing beyond that one call.

use raqmi_explorer::corpus::CorpusRef;
use raqmi_explorer::loading::corpus_of;
use raqmi_model::document::Category;
use raqmi_search::facet::FacetKind;
use raqmi_search::files::ShardedCorpus;
use raqmi_search::query::{self, Filters};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static LOADED: RefCell<Option<(ShardedCorpus, CorpusRef)>> = const { RefCell::new(None) };
}

/// Keeps the app's data files and corpus for the hooks below.
pub(crate) fn keep(files: ShardedCorpus, corpus: CorpusRef) {
    LOADED.with(|l| *l.borrow_mut() = Some((files, corpus)));
}

/// Runs `f` on the loaded data files and corpus (`None` before the app loaded them).
fn with_corpus<R>(f: impl FnOnce(&ShardedCorpus, &CorpusRef) -> R) -> Option<R> {
    LOADED.with(|l| l.borrow().as_ref().map(|(files, c)| f(files, c)))
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
    with_corpus(|_, c| query::search(&c.index, &c.docs, q, &filters).total as u32).unwrap_or(0)
}

/// The data files' size in bytes (every file added, which in the bench build is every file
/// the manifest lists, and the manifest).
#[wasm_bindgen]
pub fn raqmi_bench_snapshot_bytes() -> u32 {
    with_corpus(|files, _| (files.added_bytes() + files.manifest().encode().len() as u64) as u32)
        .unwrap_or(0)
}

/// The search index's size in bytes (as one postcard value, to compare with MiniSearch's).
#[wasm_bindgen]
pub fn raqmi_bench_index_bytes() -> u32 {
    with_corpus(|_, c| postcard::to_allocvec(&*c.index).map_or(0, |b| b.len() as u32)).unwrap_or(0)
}

/// Assembles the corpus from its loaded data files once more and returns how long it took, in
/// milliseconds (the app's own assembly is timed by its performance marks; this one can be
/// repeated on a warm page). The assembled copy is dropped.
#[wasm_bindgen]
pub fn raqmi_bench_decode_ms() -> f64 {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    with_corpus(|files, _| {
        let t0 = performance.now();
        let assembled = corpus_of(files);
        let ms = performance.now() - t0;
        drop(assembled);
        ms
    })
    .unwrap_or(f64::NAN)
}
