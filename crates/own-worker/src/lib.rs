//! The extraction worker: own articles analysed in the browser, off the page's thread, with
//! the build's extraction code. [`analyse`] (a submission in, a document or a refusal out;
//! import of an export file, all or nothing) and [`merge`] (the corpus and the own articles as
//! one corpus: the data files the app reads, or one snapshot) are the pure half, tested
//! natively; [`worker`] is the message loop wasm-bindgen exports to the Web Worker, [`data`]
//! reads the app's data files, and [`store`] keeps the own articles in IndexedDB (the
//! worker's, so the app's first load carries none of it).

pub mod analyse;
pub mod data;
pub mod merge;
pub mod store;
pub mod worker;
