//! Raqmi's web app: the yew views over the explorer's pure half (`raqmi_explorer`), compiled
//! to wasm32 by trunk. [`view`] is the root (loading the corpus, the reducer, URL sync,
//! keyboard, the take-over of the prerendered first view); [`components`] are the views, which
//! take the values they show and intent callbacks; [`dom`] holds the few direct browser calls.
//! The analysed corpus comes from its data files beside the app ([`data`] fetches them; the
//! build writes them with `corpus data`): the wasm is code only, and links no extraction code.

/// The views; public so that the browser tests (tests/browser.rs) can mount one on its own.
pub mod components;
mod data;
mod dom;
mod own;
mod view;

#[cfg(feature = "bench")]
pub mod bench;

pub use components::failure::load_failure;
pub use view::{start, App, AppProps};
