//! The extraction core: article files become analysed [`raqmi_model::document::Document`]s.
//! [`ingest`] decodes and cleans an article (metadata, boilerplate, headline, paragraphs,
//! sentences, date); [`numbers`] reads French numerals; [`figures`] finds the figures a reader
//! would chart; [`entities`] finds the names; [`meaning`] then says what each figure measures,
//! who reports it, which event and when; [`load`] reads a corpus directory and its
//! `corpus.toml`. The lexicons and the gazetteer are the data files under `data/`, compiled in.
//! Pure Rust, no web dependency.

pub mod entities;
pub mod figures;
pub mod ingest;
pub mod load;
pub mod meaning;
pub mod numbers;
