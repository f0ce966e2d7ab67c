//! The views (wasm32 only). Each takes values and `Callback<Action>`s, never the reducer.

pub mod charts;
pub mod contexts;
pub mod embed;
pub mod facets;
pub mod reader;
pub mod results;
pub mod shell;
