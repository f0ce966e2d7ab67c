//! The corpus core: pure Rust, no web dependency. It turns article files into analyzed
//! [`document::Document`]s (ingest, figures, entities), indexes and queries them, and writes the
//! snapshot the app bundles. It compiles natively (the `corpus` CLI, `build.rs`, tests) and to
//! wasm32 (the app). `build.rs` mounts this directory with `#[path]`, so modules refer to each
//! other as `crate::corpus::…` or `super::…`, never through other parts of the crate.

pub mod document;
pub mod entities;
pub mod figures;
pub mod index;
pub mod ingest;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
pub mod numbers;
pub mod order;
pub mod query;
pub mod snapshot;
pub mod text;
