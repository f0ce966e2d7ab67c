//! The search core over analysed documents: the name facets ([`facet`]), the [`index`] (built at build time, decoded in the
//! browser), the [`query`] engine (ranking, prefixes, typos, phrases, filters, facet counts,
//! snippets, keyword in context), the figures read [`measures`] across articles (series and
//! disagreements), the [`snapshot`] wire format and the corpus data [`files`] (manifest,
//! tables, index shards, packs) the app fetches: producer and
//! consumer of each format live together here, the format written down where it is decoded.
//! Pure Rust, no web dependency.

pub mod facet;
pub mod files;
pub mod index;
pub mod measures;
pub mod query;
pub mod snapshot;
