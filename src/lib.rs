//! Raqmi's web app: the yew views over the explorer's pure half (`raqmi_explorer`), compiled
//! to wasm32 by trunk. [`view`] is the root (snapshot decoding, the reducer, URL sync,
//! keyboard, the take-over of the prerendered first view); [`components`] are the views, which
//! take the values they show and intent callbacks; [`dom`] holds the few direct browser calls.
//! The analysed corpus comes from `build.rs`; this crate links no extraction code.

/// The views; public so that the browser tests (tests/browser.rs) can mount one on its own.
pub mod components;
mod dom;
mod own;
mod view;

#[cfg(feature = "bench")]
pub mod bench;

pub use view::{start, App};

/// The analysed corpus that `build.rs` wrote for this build (see `raqmi_search::snapshot` for
/// its format). Embedded in the binary: the app decodes it at start-up and never fetches data.
pub static BUNDLED_SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.snapshot"));
