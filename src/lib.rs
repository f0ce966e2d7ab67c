//! Raqmi: an in-browser explorer of the French press on Morocco's digital economy.
//!
//! `corpus` is the pure core (no web dependency); `app` is the yew shell, compiled for wasm32.

pub mod corpus;
