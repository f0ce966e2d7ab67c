//! The views (wasm32 only). Each takes the values it shows and intent callbacks (`on_query`,
//! `on_toggle`, `on_open`, …), never the state nor the reducer: the root (`view.rs`) maps
//! intents to the reducer's actions and gives links their `href`s.

pub mod charts;
pub mod contexts;
pub mod embed;
pub mod facets;
pub mod failure;
pub mod figures;
pub mod reader;
pub mod results;
pub mod shell;
