//! The vocabulary every Raqmi crate shares, and nothing else: the analysed-document model
//! ([`document`]), text folding and byte/character offsets ([`text`]), the one stable sort that
//! keeps the wasm small ([`order`]), markup escapes and percent-encoding ([`markup`]), the contract's JSON form ([`json`]), and
//! dates in French words ([`dates`]), and the id scheme of own articles ([`own`]). Pure Rust with no web dependency; it compiles natively
//! and to wasm32.

pub mod dates;
pub mod document;
pub mod json;
pub mod markup;
pub mod order;
pub mod own;
pub mod text;
