//! The test kit, a dev-dependency of the other crates (never linked into the app): the one
//! deterministic synthetic corpus generator ([`synth`], also the `synth-corpus` binary for the
//! benchmarks, and the seed variants of the extraction benchmark), the shared fixture builders
//! ([`fixtures`]: documents from text or built field by field, figures with their sentences,
//! names), and where the repository's seeds and test fixtures are.

pub mod fixtures;
pub mod synth;

pub use fixtures::*;
