//! The query engine over a [`SearchIndex`]: parsing what the user types, matching (exact,
//! stem, prefix, one typo; AND across words; quoted phrases), BM25F ranking, filters and
//! disjunctive facet counts, highlight spans, snippets and keyword-in-context lines.
//!
//! The index (the `index` module) stores byte offsets, so everything here that shows text (matches,
//! snippets, KWIC) reads the documents' own text at those offsets; nothing is re-tokenized except
//! the few words after a phrase's first word, to check adjacency when the index alone cannot tell,
//! and, in an index without offsets (of the data files' counts lists, for a query without a
//! phrase), the text of a hit whose match spans are asked for (`spans.rs`).
//!
//! Cost per keystroke (10,000 articles): scoring reads each postings list once, counting
//! occurrences per field without keeping them (only the offset where they are, for the spans of the
//! first [`MATCHED_HITS`] hits); filters and facet counts read the index's flat per-document tables
//! ([`DocTables`](crate::index::DocTables); a name filter marks the documents of the selected
//! values from their document lists once per search), and when most documents match and nothing is
//! filtered, the non-matching ones are subtracted from corpus-wide totals; hits are ordered by
//! sorting one integer key each (`rank_key`), and an empty query takes the stored newest-first
//! order without sorting. The crate's `tests/reference/` keeps the straightforward engine this one
//! must agree with exactly (`tests/same_as_reference.rs`).
//!
//! Limits (all guard the per-keystroke budget against hostile or accidental input):
//! [`MAX_QUERY_CHARS`], [`MAX_CLAUSES`], [`MAX_PREFIX_TERMS`], [`MAX_TYPO_TERMS`].
//!
//! # Where things are
//! This file holds the limits, the result types and the entry points ([`search`],
//! [`matches_for`]), which run the steps below in order. A search parses the text
//! (`parse.rs`), expands each word to dictionary terms (`expansion.rs`), scores the documents
//! matching every clause (`matching.rs`, with `phrase.rs` for quoted phrases and BM25F in
//! `ranking.rs`), filters and counts facets (`filters.rs`, `facet_counts.rs`), and locates the
//! highlight spans of the first hits (`spans.rs`). Snippets (`snippets.rs`) and keyword in
//! context (`keyword_in_context.rs`) read the text at those spans.

mod expansion;
mod facet_counts;
mod filters;
mod keyword_in_context;
mod matching;
mod parse;
mod phrase;
mod ranking;
mod snippets;
mod spans;
#[cfg(test)]
mod tests;

pub use expansion::within_one_edit;
pub use keyword_in_context::{kwic, kwic_line, KwicLine};
pub use parse::{parse_query, Clause, Query, Word};
pub use phrase::PHRASE_SEPARATOR_BYTES;
pub use ranking::RankingWeights;
pub use snippets::{snippet, SnippetPart, ELLIPSIS};

use crate::facet::{FacetKind, PerFacet};
use crate::index::{self, SearchIndex};
use facet_counts::Counts;
use filters::FilterPlan;
use matching::{match_clauses, Matched};
use raqmi_model::document::{Category, Document, Span};
use spans::SpanScratch;

/// The engine's plumbing that the frozen reference engine (the crate's `tests/reference/`)
/// shares with it, so that `tests/same_as_reference.rs` compares the two engines on the same
/// term expansion, idf, phrase reach and reading of the text. For the reference engine in
/// tests/ only: not part of the API, it changes with the engine.
#[doc(hidden)]
pub mod internals {
    pub use super::expansion::{expand, Expansion};
    pub use super::phrase::{phrase_reach, undecided};
    pub use super::ranking::idf;
    pub use super::spans::{resolve, scan, word_end};
}

/// Characters of the query that are read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Words and phrases of the query that are used; the rest are ignored.
pub const MAX_CLAUSES: usize = 16;
/// A prefix ("num") expands to at most this many terms, the most frequent ones (by postings
/// size). Short prefixes would otherwise touch most of the index on every keystroke; the cost
/// is that a very rare completion of a very short prefix may be missed until one more letter
/// is typed.
pub const MAX_PREFIX_TERMS: usize = 64;
/// A word expands to at most this many one-typo neighbours, the most frequent ones.
pub const MAX_TYPO_TERMS: usize = 16;

/// Words shorter than this (in characters, folded) get no typo tolerance: one edit on a short
/// word lands on too many other words.
pub const TYPO_MIN_CHARS: usize = 5;
/// The last word is completed as a prefix only from this many characters on.
pub const PREFIX_MIN_CHARS: usize = 2;

/// What the user narrowed the corpus to. OR within a facet, AND across facets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Inclusive lower bound, a year or a year and month. A document dated only by year is
    /// kept when its year overlaps the range. Any date bound drops undated documents.
    pub from: Option<(u16, Option<u8>)>,
    /// Inclusive upper bound.
    pub to: Option<(u16, Option<u8>)>,
    /// Canonical names per facet (OR within one, AND across them).
    pub names: PerFacet<Vec<String>>,
    /// Documents reporting a figure of one of these categories.
    pub categories: Vec<Category>,
    /// Inclusive bounds on a figure's value, applying to figures of the selected categories
    /// (any figure when none is selected); a range figure ("entre 10 et 15") qualifies when it
    /// overlaps the bounds.
    pub value_min: Option<f64>,
    pub value_max: Option<f64>,
}

impl Filters {
    /// These filters with `names` (also) selected in facet `kind`.
    pub fn with_names<S: Into<String>>(
        mut self,
        kind: FacetKind,
        names: impl IntoIterator<Item = S>,
    ) -> Self {
        self.names[kind].extend(names.into_iter().map(Into::into));
        self
    }
}

/// The name of a facet value (a source, organisation, place, person or programme), shared
/// with the index: listing it in [`Facets`] copies no string.
pub type Name = std::sync::Arc<str>;

/// A facet value and how many documents would match if it were (also) selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount<T> {
    pub value: T,
    pub count: usize,
    pub selected: bool,
}

/// Disjunctive facet counts: each facet's counts ignore that facet's own selection but apply
/// every other filter and the text query. Values with no document are listed only when
/// selected. Years are newest first, categories in declaration order, names by count then name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub years: Vec<FacetCount<u16>>,
    /// Per name facet.
    pub names: PerFacet<Vec<FacetCount<Name>>>,
    pub categories: Vec<FacetCount<Category>>,
}

/// A matching document.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Position of the document in the corpus (the `docs` slice).
    pub doc: u32,
    /// Relevance (0 for an empty query); comparable only within one result list.
    pub score: f32,
    /// Byte spans of matched words and phrases in `Document::text`, sorted, not overlapping.
    /// Filled for the first [`MATCHED_HITS`] hits; [`matches_for`] gives any other hit's.
    pub matches: Vec<Span>,
    /// Byte spans of matches in `Document::headline`, sorted, not overlapping.
    pub headline_matches: Vec<Span>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// Best first; for an empty query newest first (then by id).
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// `hits.len()`, kept for the UI's "N articles".
    pub total: usize,
}

/// Searches with the default [`RankingWeights`].
pub fn search(
    index: &SearchIndex,
    docs: &[Document],
    query: &str,
    filters: &Filters,
) -> SearchResults {
    search_with(index, docs, query, filters, &RankingWeights::default())
}

/// Hits whose [`Hit::matches`] and [`Hit::headline_matches`] [`search`] fills in: one page of
/// result cards (the app shows 20 at a time, `app::card::PAGE`). Computing spans costs a little
/// per occurrence, and a common word has hundreds of thousands of occurrences in a large corpus;
/// [`matches_for`] gives the spans of any other hit on demand, when a deeper page is shown.
pub const MATCHED_HITS: usize = 20;

/// Searches `docs` (the slice the index was built from) for `query` within `filters`.
pub fn search_with(
    index: &SearchIndex,
    docs: &[Document],
    query: &str,
    filters: &Filters,
    weights: &RankingWeights,
) -> SearchResults {
    let query = parse_query(query);
    let (ranked, facets, matched) = run(index, docs, &query, filters, weights);
    let mut scratch = SpanScratch::default();
    let mut hits: Vec<Hit> = Vec::with_capacity(ranked.len());
    let spanned = match &matched {
        Some(m) => {
            let first = &ranked[..ranked.len().min(MATCHED_HITS)];
            for &(d, score) in first {
                let (matches, headline_matches) = m.spans(index, docs, d, &mut scratch);
                hits.push(Hit {
                    doc: d,
                    score,
                    matches,
                    headline_matches,
                });
            }
            first.len()
        }
        None => 0,
    };
    // The rest carry no spans: a plain copy.
    for &(d, score) in &ranked[spanned..] {
        hits.push(Hit {
            doc: d,
            score,
            matches: Vec::new(),
            headline_matches: Vec::new(),
        });
    }
    SearchResults {
        total: hits.len(),
        hits,
        facets,
    }
}

/// The match spans of one document for `query` (in its text, in its headline), as a [`Hit`]
/// of [`search`] would carry them; empty when the document does not match the text query.
pub fn matches_for(
    index: &SearchIndex,
    docs: &[Document],
    query: &str,
    doc: u32,
) -> (Vec<Span>, Vec<Span>) {
    let query = parse_query(query);
    let n = index.doc_count().min(docs.len());
    if query.clauses.is_empty() || doc as usize >= n {
        return (Vec::new(), Vec::new());
    }
    let m = match_clauses(
        index,
        docs,
        n,
        &query,
        &RankingWeights::default(),
        Some(doc),
    );
    if m.contains(doc) {
        m.spans(index, docs, doc, &mut SpanScratch::default())
    } else {
        (Vec::new(), Vec::new())
    }
}

/// The order of hits as one integer: best score first (in `f32::total_cmp`'s order), then
/// newest first. Sorting plain integers is several times faster than sorting with a comparator,
/// and it is the one sort routine the ranking needs.
#[inline(always)]
fn rank_key(score: f32, rank: u32) -> u64 {
    let bits = score.to_bits();
    // total_cmp's order as an unsigned integer: negatives reversed below positives.
    let ascending = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    ((!ascending) as u64) << 32 | rank as u64
}

/// Ranked (document, score) pairs passing the filters, facet counts, and the text matches.
fn run(
    index: &SearchIndex,
    docs: &[Document],
    query: &Query,
    filters: &Filters,
    weights: &RankingWeights,
) -> (Vec<(u32, f32)>, Facets, Option<Matched>) {
    let n = index.doc_count().min(docs.len());
    let tables = index.doc_tables();
    let matched = if query.clauses.is_empty() {
        None
    } else {
        Some(match_clauses(index, docs, n, query, weights, None))
    };

    let plan = FilterPlan::new(index, filters);
    let mut counts = Counts::new(tables);
    // The corpus-wide totals count exactly the searched documents.
    let totals_apply = !plan.active() && n == index.doc_count();
    let ranked = match &matched {
        None => {
            // Every score is 0: the newest-first order is the stored one, no sort.
            let all = tables.by_rank.iter().copied().filter(|&d| (d as usize) < n);
            if totals_apply {
                counts.set_totals(tables);
                all.map(|d| (d, 0.0)).collect()
            } else {
                all.filter(|&d| counts.consider(&plan, tables, docs, d))
                    .map(|d| (d, 0.0))
                    .collect()
            }
        }
        Some(m) => {
            let mut keys: Vec<u64> = Vec::with_capacity(m.docs.len());
            let score = |d: u32| m.scores.get(d as usize).copied().unwrap_or(0.0);
            let mut keep = |d: u32| keys.push(rank_key(score(d), tables.rank(d)));
            if totals_apply && m.docs.len() * 2 > n {
                // Most documents match: count the others and subtract them from the totals.
                counts.set_totals(tables);
                let mut matching = m.docs.iter().copied().peekable();
                for d in 0..n as u32 {
                    if matching.next_if_eq(&d).is_some() {
                        keep(d);
                    } else {
                        counts.remove(tables, d);
                    }
                }
            } else if !plan.active() {
                for &d in &m.docs {
                    counts.add_all(tables, d, tables.meta(d).2);
                    keep(d);
                }
            } else {
                for &d in &m.docs {
                    if counts.consider(&plan, tables, docs, d) {
                        keep(d);
                    }
                }
            }
            index::sort_keys(&mut keys);
            keys.into_iter()
                .filter_map(|k| tables.by_rank.get(k as u32 as usize))
                .map(|&d| (d, score(d)))
                .collect()
        }
    };
    let facets = counts.finish(index, tables, filters, &plan);
    (ranked, facets, matched)
}
