//! Raqmi: an in-browser explorer of the French press on Morocco's digital economy.
//!
//! - [`corpus`]: the pure core (ingest, figures, entities, snapshot); no web dependency.
//! - [`app`]: the yew shell; its views compile only for wasm32.
//! - `synth` (native only): deterministic synthetic corpora for tests and benchmarks.

pub mod app;
pub mod corpus;
/// Synthetic corpora for tests and benchmarks (native only, never bundled).
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;

/// The analyzed corpus that `build.rs` wrote for this build (see `corpus::snapshot` for its
/// format). Embedded in the binary: the app decodes it at start-up and never fetches data.
pub static BUNDLED_SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.snapshot"));
