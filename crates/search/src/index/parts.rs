//! The index taken apart and put back together, for the corpus data files (the `files` module
//! lays the files out): the per-document tables (everything but the terms), the terms in key
//! order with their postings, and the stems with their terms; and an index assembled from
//! some of those parts, which the query engine runs on unchanged.
//!
//! An assembled index holds a subset of the terms, renumbered in key order (a term's id is its
//! position among the terms held). The engine orders and deduplicates terms by id, so any
//! subset in key order answers as the whole index does for every lookup whose terms (and, for
//! a scan of a range of keys, every term of that range) it holds.

use super::bytes::{put_varint, Bytes, Reader};
use super::dictionary::Dictionary;
use super::doc_tables::{PairsCell, TablesCell};
use super::{FacetValue, SearchIndex};

/// Everything an index holds but its terms: lengths, facet values and each document's,
/// recency and metadata (see the `index` module header for each part's layout; the tables
/// file lays them out column by column, `files/tables.rs`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TablesPart {
    pub(crate) doc_count: u32,
    pub(crate) lengths: Bytes,
    pub(crate) avg_headline: f32,
    pub(crate) avg_body: f32,
    pub(crate) facet_values: Vec<FacetValue>,
    pub(crate) doc_facets: Bytes,
    pub(crate) doc_facet_offsets: Bytes,
    pub(crate) recency: Bytes,
    pub(crate) meta: Bytes,
}

impl TablesPart {
    pub fn doc_count(&self) -> usize {
        self.doc_count as usize
    }
}

/// One term of an index: its folded key and its postings list (the bytes the `index` module
/// header lays out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermPart<'a> {
    pub key: Vec<u8>,
    pub postings: &'a [u8],
}

impl SearchIndex {
    /// The parts every search reads whatever its words.
    pub fn tables_part(&self) -> TablesPart {
        TablesPart {
            doc_count: self.doc_count,
            lengths: self.lengths.clone(),
            avg_headline: self.avg_headline,
            avg_body: self.avg_body,
            facet_values: self.facet_values.clone(),
            doc_facets: self.doc_facets.clone(),
            doc_facet_offsets: self.doc_facet_offsets.clone(),
            recency: self.recency.clone(),
            meta: self.meta.clone(),
        }
    }

    /// Every term in key order (a term's id is its position), with its postings.
    pub fn term_parts(&self) -> Vec<TermPart<'_>> {
        let mut out = Vec::with_capacity(self.terms.len());
        let Some(mut c) = self.terms.cursor() else {
            return out;
        };
        while c.advance().is_some() {
            let postings = self.postings.0.get(c.payload()).unwrap_or(&[]);
            out.push(TermPart {
                key: c.key().to_vec(),
                postings,
            });
        }
        out
    }

    /// Every stem in key order with the ids of its terms, increasing.
    pub fn stem_parts(&self) -> Vec<(Vec<u8>, Vec<u32>)> {
        let mut out = Vec::new();
        let Some(mut c) = self.stems.cursor() else {
            return out;
        };
        while c.advance().is_some() {
            let mut ids = Vec::new();
            if let Some(bytes) = self.stem_terms.0.get(c.payload()) {
                let mut r = Reader::new(bytes);
                let n = r.varint().unwrap_or(0);
                let mut id = 0u32;
                for _ in 0..n {
                    let Some(d) = r.varint() else { break };
                    id = id.saturating_add(d);
                    ids.push(id);
                }
            }
            out.push((c.key().to_vec(), ids));
        }
        out
    }

    /// An index over `tables` and the terms given, in strictly increasing key order, each
    /// with its postings length and, when `postings` is not empty, its postings (the lists one
    /// after the other, in the terms' order). With empty `postings` the index knows its terms
    /// and how frequent they are (enough to expand query words) but finds no document.
    /// `stems`: keys in increasing order, each with the ids (positions in `terms`, increasing)
    /// of its terms.
    pub fn from_parts(
        tables: &TablesPart,
        terms: &[(&[u8], usize)],
        postings: Vec<u8>,
        stems: &[(&[u8], Vec<u32>)],
    ) -> SearchIndex {
        let mut stem_terms = Vec::new();
        let mut stem_items = Vec::with_capacity(stems.len());
        for (key, ids) in stems {
            let start = stem_terms.len();
            put_varint(&mut stem_terms, ids.len() as u32);
            let mut prev = 0;
            for &id in ids {
                put_varint(&mut stem_terms, id - prev);
                prev = id;
            }
            stem_items.push((*key, stem_terms.len() - start));
        }
        let t = tables.clone();
        SearchIndex {
            doc_count: t.doc_count,
            terms: Dictionary::build(terms.iter().copied()),
            postings: Bytes(postings),
            stems: Dictionary::build(stem_items),
            stem_terms: Bytes(stem_terms),
            lengths: t.lengths,
            avg_headline: t.avg_headline,
            avg_body: t.avg_body,
            facet_values: t.facet_values,
            doc_facets: t.doc_facets,
            doc_facet_offsets: t.doc_facet_offsets,
            recency: t.recency,
            meta: t.meta,
            tables: TablesCell::default(),
            pairs: PairsCell::default(),
            counts_only: None,
        }
    }

    /// This index (of [`SearchIndex::from_parts`]) with postings lists that are counts lists
    /// (the `index::counts` layout: no offsets), `sizes` being each term's whole list length
    /// by id (the dictionary shards' postings lengths): see [`SearchIndex::has_offsets`].
    pub fn with_counts_only(mut self, sizes: Vec<u32>) -> SearchIndex {
        self.counts_only = Some(sizes);
        self
    }

    /// Gives `to` this index's derived per-document tables (built first if need be) instead of
    /// its own: for indexes made by [`SearchIndex::from_parts`] of the same [`TablesPart`],
    /// whose derived tables are the same (they read the tables part alone), so that a new
    /// query's index does not derive them again.
    pub fn lend_doc_tables(&self, to: &SearchIndex) {
        self.doc_tables();
        if let Some(t) = self.tables.0.get() {
            let _ = to.tables.0.set(t.clone());
        }
    }
}
