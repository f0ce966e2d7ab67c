//! The app shell: a thin yew layer over the corpus core. The pure parts (state and reducer,
//! URL scheme, i18n, formatting, reading helpers, charts) compile natively and are tested
//! there; the views and the DOM glue compile only for wasm32.

pub mod card;
pub mod charts;
pub mod corpus;
pub mod embed_snippet;
pub mod format;
pub mod i18n;
pub mod prerender;
pub mod reading;
pub mod state;
pub mod url;

#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
/// The views; public so that the browser tests (tests/browser.rs) can mount one on its own.
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(target_arch = "wasm32")]
pub use view::{start, App};
