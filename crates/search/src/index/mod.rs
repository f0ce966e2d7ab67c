//! The full-text search index: how article text becomes searchable terms (analysis), and the
//! compact, serializable structure that maps terms to the documents and places they occur in.
//! The `query` module owns parsing, matching and ranking on top of it; this module only stores
//! and looks up.
//!
//! # Analysis
//! A word of the text ([`text::tokens`](raqmi_model::text::tokens)) becomes a *term* by folding it
//! ([`text::fold`](raqmi_model::text::fold): lower case, accents dropped, so "NUMÉRIQUE" and
//! "numerique" are one term). Stop words ([`is_stop_word`]: one-character tokens, which covers
//! elided articles such as the "l" of "l’AUSIM", and a short list of French function words) are
//! **not indexed**: they are about a third of all tokens and would carry most of the postings for
//! no ranking value. Phrase queries still check them, by reading the text (see `query/phrase.rs`).
//! Tokens longer than [`MAX_TERM_BYTES`] are not indexed (they are never words). Terms are stored
//! as written (folded), not stemmed, so that an exact match can outrank a stem match; a separate
//! table maps each Snowball French stem of a folded term ([`stem`]) to the terms that share it, so
//! "formations" also finds "formation".
//!
//! # Fields
//! Each occurrence belongs to the headline field or the body field. The headline is
//! `Document::headline`; when it is the text's first paragraph (role `Headline`) its
//! occurrences are at their text offsets; when it comes from elsewhere (a `corpus.toml` title)
//! it is indexed at *virtual* addresses `text.len() + 1 + offset_in_headline`.
//!
//! # Binary layout (all inside a postcard encoding of [`SearchIndex`])
//! - varint: unsigned LEB128 (7 bits a byte, low bits first), at most 5 bytes for a `u32`.
//! - `terms` ([`Dictionary`]): the folded terms in byte order, front-coded in blocks of
//!   [`BLOCK`] entries. Each entry is `varint shared_prefix_len, varint suffix_len, suffix
//!   bytes, varint payload_len` (the first entry of a block shares nothing). `blocks` holds,
//!   per block, two little-endian `u32`: the byte offset of its first entry, and the offset of
//!   that entry's payload in the payload area. Term `i`'s payload is its postings list in
//!   `postings`. Lookup = binary search over block heads, then a scan of at most 16 entries;
//!   no decoding at start-up.
//! - a postings list: `varint (df << 2) | written` (df: documents; written: see below), then
//!   per document in increasing order `varint doc_delta` (the first is the document number
//!   itself), `varint (len << 1) | any_headline`, and `len` bytes: the varint deltas of the
//!   occurrences `(address << 1) | is_headline` (the first absolute), where the address is the
//!   byte offset of the occurrence's first byte (see Fields). Storing byte offsets rather than
//!   word positions lets the query engine return highlight spans, snippets and
//!   keyword-in-context lines without re-tokenizing documents. Ranking needs only how many
//!   occurrences each field has: without a headline occurrence (most documents) that is the
//!   number of varints in the `len` bytes (bytes below 0x80), counted without decoding them.
//!   `written` is 1, 2 or 3 when every occurrence of the term is written in the text with 0, 1
//!   or 2 bytes more than the folded term ("numérique" is one more than "numerique"), 0 when
//!   the lengths vary: knowing where a word ends without reading the text lets phrase queries
//!   check most adjacencies from the index alone (see `query/phrase.rs`).
//! - `stems` ([`Dictionary`]): the Snowball stems in byte order; a stem's payload in
//!   `stem_terms` is `varint count` then the ids of its terms as varint deltas.
//! - `lengths`: per document, two little-endian `u16` (saturating): indexed tokens in the
//!   headline field, then in the body field. BM25's length normalization reads them.
//! - `facet_values`: every (kind, canonical name) a document can be filtered by (source,
//!   organisation, place, person, programme), sorted; `doc_facets` lists each document's value
//!   ids (`varint count`, then varint deltas) starting at the little-endian `u32` offset
//!   `doc_facet_offsets[doc]`.
//! - `recency`: per document, a little-endian `u32`: its rank when the corpus is sorted newest
//!   first (undated last), then by id. Sorting results by rank instead of by reading dates and
//!   ids out of scattered documents keeps sorting 10,000 hits well under a millisecond.
//! - `meta`: per document, 4 bytes: the year (little-endian `u16`, 0 when undated), the month
//!   (0 when unknown) and a bit set of the categories of its figures (bit `Category as u8`).
//!   Filters and facet counts read these instead of the documents (one cache miss less each).
//!
//! The data files (`files` module) split each postings list in two since their version 6: a
//! counts list (each document's per-field counts, no offsets) and its offsets (`counts.rs`).
//! An index of counts lists alone ([`SearchIndex::has_offsets`] false) ranks and filters as
//! the whole one does; its match spans are read from the documents' text
//! ([`for_each_occurrence`], what the builder indexes), and phrases find nothing in it: a query
//! with a phrase gets the lists joined back, the very bytes built.
//!
//! Every reader is bounds-checked: a damaged index yields fewer results, never a panic.
//!
//! # Derived tables
//! [`DocTables`] are flat per-document arrays (facet value ids, year, recency order),
//! corpus-wide facet totals and, on the first filter by a name, each value's documents, built from the parts above on the first search and never
//! serialized: the query engine reads them per matching document without decoding varints.
//!
//! # Where things are
//! This file holds the index's parts and what it says about one document (lengths, recency,
//! date, facet values). The rest, one concern a file: `analysis.rs` (words to terms: folding,
//! stop words, stems), `occurrences.rs` (a document's occurrences, read from its text, for the
//! builder and for spans without offsets), `counts.rs` (lists split into counts and offsets,
//! and joined), `bytes.rs` (byte strings, varints, the bounds-checked reader),
//! `dictionary.rs` (the front-coded dictionary), `build.rs` (indexing a corpus), `terms.rs`
//! (looking terms up: exact, by prefix, by stem), `postings.rs` (reading postings lists),
//! `doc_tables.rs` (the derived tables), `parts.rs` (the index taken apart into the
//! corpus data files' parts and assembled back from some of them), `sort.rs` (the one integer sort of a search).

mod analysis;
mod build;
mod bytes;
mod counts;
mod dictionary;
mod doc_tables;
mod occurrences;
mod parts;
mod postings;
mod sort;
mod terms;
#[cfg(test)]
mod tests;

pub use crate::facet::FacetKind;
pub use analysis::{french_stemmer, index_term, is_stop_word, stem, MAX_TERM_BYTES, STOP_WORDS};
pub(crate) use build::categories_of;
pub use build::newest_first;
pub use bytes::{put_varint, put_varint64, Bytes, Reader};
pub use counts::{join_postings, split_postings};
pub use dictionary::{Cursor, Dictionary, BLOCK};
pub use doc_tables::{DocTables, NO_YEAR};
pub use occurrences::{for_each_occurrence, for_each_token, DocTokens, TokenCache};
pub use parts::{TablesPart, TermPart};
pub use postings::{decode_tagged, DocCounts, Postings};
pub use sort::sort_keys;
pub use terms::TermEntry;

use bytes::{u16_at, u32_at};
use doc_tables::{PairsCell, TablesCell};
use raqmi_model::document::{Document, ParagraphRole};
use serde::{Deserialize, Serialize};

/// A value a document can be filtered by: its source, or the canonical name of an
/// organisation, place, person or programme it names. A value's id is its position in
/// [`SearchIndex::facet_values`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FacetValue {
    pub kind: FacetKind,
    pub name: String,
}

/// The search index of a corpus (see the module header for what it holds and how).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    doc_count: u32,
    terms: Dictionary,
    postings: Bytes,
    stems: Dictionary,
    stem_terms: Bytes,
    lengths: Bytes,
    avg_headline: f32,
    avg_body: f32,
    facet_values: Vec<FacetValue>,
    doc_facets: Bytes,
    doc_facet_offsets: Bytes,
    recency: Bytes,
    meta: Bytes,
    /// Built on first use from the parts above (see "Derived tables" in the module header).
    #[serde(skip)]
    tables: TablesCell,
    /// Built on first use from the terms (`may_be_a_term`).
    #[serde(skip)]
    pairs: PairsCell,
    /// `Some` when the postings lists are counts lists (`counts.rs`: no offsets), in an index
    /// of the data files' postings shards read without their positions shards; it then holds
    /// each term's whole list length, by id, which [`TermEntry::postings_len`] reports:
    /// expansion keeps the most frequent completions and typo neighbours by it, and must keep
    /// the whole index's. `None` (offsets there) for every other index.
    #[serde(skip)]
    counts_only: Option<Vec<u32>>,
}

/// One indexed occurrence, as stored: `(address << 1) | is_headline`.
pub type Occurrence = u32;

/// The text of a document's headline field and where its occurrences live: `Some(0)` when the
/// headline is the text's first paragraph (addresses are text offsets), `Some(base)` when it
/// is indexed at virtual addresses starting at `base`, `None` when the document has none.
pub fn headline_base(doc: &Document) -> Option<usize> {
    let h = doc.headline.as_deref()?;
    let first = doc.paragraphs.first();
    match first {
        Some(p) if p.role == ParagraphRole::Headline && doc.text.get(p.span.range()) == Some(h) => {
            Some(p.span.start as usize)
        }
        _ => Some(doc.text.len() + 1),
    }
}

/// Splits an occurrence into (address, is_headline).
pub fn occurrence_parts(o: Occurrence) -> (u32, bool) {
    (o >> 1, o & 1 == 1)
}

impl SearchIndex {
    pub fn doc_count(&self) -> usize {
        self.doc_count as usize
    }
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }
    /// Whether the postings hold every occurrence's offset (else counts only: phrases find
    /// nothing, and match spans are read from the documents' text, `query/spans.rs`).
    pub fn has_offsets(&self) -> bool {
        self.counts_only.is_none()
    }
    /// Average indexed tokens per document in the (headline, body) fields.
    pub fn average_lengths(&self) -> (f32, f32) {
        (self.avg_headline, self.avg_body)
    }
    /// Indexed tokens of a document in its (headline, body) fields.
    #[inline(always)]
    pub fn lengths(&self, doc: u32) -> (u16, u16) {
        let i = (doc as usize).saturating_mul(4);
        match self.lengths.0.get(i..i.saturating_add(4)) {
            Some(&[a, b, c, d]) => (u16::from_le_bytes([a, b]), u16::from_le_bytes([c, d])),
            _ => (u16_at(&self.lengths.0, i / 2).unwrap_or(0), 0),
        }
    }

    /// A document's rank in the newest-first order (see `recency` in the module header).
    pub fn recency(&self, doc: u32) -> u32 {
        u32_at(&self.recency.0, doc as usize).unwrap_or(u32::MAX)
    }

    /// A document's (year, month) and the bit set of its figures' categories (see `meta` in
    /// the module header).
    pub fn meta(&self, doc: u32) -> (Option<(u16, Option<u8>)>, u8) {
        let Some(m) = self.meta.0.get(doc as usize * 4..doc as usize * 4 + 4) else {
            return (None, 0);
        };
        let year = u16::from_le_bytes([m[0], m[1]]);
        let date = (year != 0).then_some((year, (m[2] != 0).then_some(m[2])));
        (date, m[3])
    }

    /// The derived per-document tables (built on the first call).
    pub fn doc_tables(&self) -> &DocTables {
        self.tables
            .0
            .get_or_init(|| std::sync::Arc::new(DocTables::build(self)))
    }

    /// Every facet value, sorted by kind then name; a value's id is its position here.
    pub fn facet_values(&self) -> &[FacetValue] {
        &self.facet_values
    }

    /// The ids of a document's facet values, increasing, appended to `out` (cleared first).
    pub fn doc_facets(&self, doc: u32, out: &mut Vec<u32>) {
        out.clear();
        let Some(off) = u32_at(&self.doc_facet_offsets.0, doc as usize) else {
            return;
        };
        let mut r = Reader::at(&self.doc_facets.0, off as usize);
        let n = r.varint().unwrap_or(0);
        let mut id = 0u32;
        for _ in 0..n {
            let Some(d) = r.varint() else { return };
            id = id.saturating_add(d);
            out.push(id);
        }
    }

    /// Sizes of the parts, in bytes, for reports and tuning.
    pub fn size_report(&self) -> Vec<(&'static str, usize)> {
        vec![
            (
                "terms",
                self.terms.entries.0.len() + self.terms.blocks.0.len(),
            ),
            ("postings", self.postings.0.len()),
            (
                "stems",
                self.stems.entries.0.len() + self.stems.blocks.0.len() + self.stem_terms.0.len(),
            ),
            ("lengths", self.lengths.0.len()),
            ("recency", self.recency.0.len()),
            ("meta", self.meta.0.len()),
            (
                "facets",
                self.doc_facets.0.len()
                    + self.doc_facet_offsets.0.len()
                    + self
                        .facet_values
                        .iter()
                        .map(|v| v.name.len() + 2)
                        .sum::<usize>(),
            ),
        ]
    }
}
