//! The extraction worker: own articles analysed in the browser, off the page's thread, with
//! the build's extraction code. [`analyse`] is the pure half (a submission in, a document or a
//! refusal out; import of an export file, all or nothing), tested natively; [`worker`] is the
//! message loop wasm-bindgen exports to the Web Worker.

pub mod analyse;
pub mod worker;
