//! The reference engine the optimized one is compared with (`engine.rs`: frozen, a
//! straightforward copy not to be optimized), and all it uses of the crate: the public API and
//! the few pieces of plumbing that `raqmi_search::query::internals` exposes for it alone.

mod engine;

pub use engine::{kwic, matches_for, search_with};

use raqmi_model::document::{Category, Document, Span};
use raqmi_model::text;
use raqmi_search::facet::{FacetKind, PerFacet};
use raqmi_search::index::{self, SearchIndex};
use raqmi_search::query::internals::{expand, idf, phrase_reach, resolve, scan, word_end};
use raqmi_search::query::{
    kwic_line, parse_query, Clause, FacetCount, Facets, Filters, Hit, KwicLine, Name, Query,
    RankingWeights, SearchResults, Word, MATCHED_HITS,
};
