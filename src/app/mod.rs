//! The app shell: a thin yew layer over the corpus core. `format` (dates and numbers for
//! people) is pure and tested natively; the views compile only for wasm32.

pub mod charts;
pub mod format;
pub mod i18n;
pub mod state;
pub mod url;

#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(target_arch = "wasm32")]
pub use view::{start, App};
