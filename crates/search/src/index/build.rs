//! Building the index from analysed documents (by the web app's build script, the `corpus`
//! command, tests and benchmarks; never in the browser): postings with byte offsets, the term and
//! stem dictionaries, lengths, facet values, recency and per-document metadata, as the `index`
//! module header lays them out.

use super::bytes::{put_varint, Bytes};
use super::dictionary::Dictionary;
use super::doc_tables::{PairsCell, TablesCell};
use super::occurrences::for_each_occurrence;
use super::{french_stemmer, stem};
use super::{FacetKind, FacetValue, Occurrence, SearchIndex};
use raqmi_model::document::Document;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The newest-first order of documents (the index's `recency`): dates decreasing, undated
/// last, then by id; equal ones keep their positions.
fn newer_first(a: &Document, b: &Document) -> std::cmp::Ordering {
    b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id))
}

/// Puts `docs` in the newest-first order, so that a document's number is its rank in it:
/// the corpus data files then need no date to break ranking ties (`files/tables.rs`), and
/// the newest articles, the default view's, share the first text files. The `corpus`
/// command numbers the app's documents so.
pub fn newest_first(docs: &mut [Document]) {
    docs.sort_by(newer_first);
}

/// The categories of a document's figures, as a bit set (`meta`'s last byte).
pub(crate) fn categories_of(doc: &Document) -> u8 {
    doc.figures
        .iter()
        .fold(0, |m, f| m | 1 << (f.category as u8))
}

impl SearchIndex {
    /// Indexes `docs`; document `i` of the index is `docs[i]`.
    pub fn build(docs: &[Document]) -> SearchIndex {
        struct TermPostings {
            bytes: Vec<u8>,
            df: u32,
            last_doc: u32,
            /// The `written` code of the header (see the `index` module header); `UNSEEN` at
            /// first.
            written: u8,
        }
        const UNSEEN: u8 = u8::MAX;
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut terms: Vec<(String, TermPostings)> = Vec::new();
        let mut lengths = Vec::with_capacity(docs.len() * 4);
        let (mut sum_h, mut sum_b) = (0u64, 0u64);
        let mut occ: Vec<(u32, Occurrence)> = Vec::new();
        let mut occ_bytes = Vec::new();
        let mut facet_sets: Vec<BTreeSet<FacetValue>> = Vec::with_capacity(docs.len());

        for (d, doc) in docs.iter().enumerate() {
            occ.clear();
            let (mut n_h, mut n_b) = (0u32, 0u32);
            for_each_occurrence(doc, |token, term, o| {
                if o & 1 == 1 {
                    n_h += 1;
                } else {
                    n_b += 1;
                }
                let code = match token.text.len().checked_sub(term.len()) {
                    Some(extra @ 0..=2) => extra as u8 + 1,
                    _ => 0,
                };
                let next = terms.len() as u32;
                let id = *ids.entry(term).or_insert_with_key(|t| {
                    terms.push((
                        t.clone(),
                        TermPostings {
                            bytes: Vec::new(),
                            df: 0,
                            last_doc: 0,
                            written: UNSEEN,
                        },
                    ));
                    next
                });
                let p = &mut terms[id as usize].1;
                if p.written == UNSEEN {
                    p.written = code;
                } else if p.written != code {
                    p.written = 0;
                }
                occ.push((id, o));
            });
            lengths.extend_from_slice(&(n_h.min(u16::MAX as u32) as u16).to_le_bytes());
            lengths.extend_from_slice(&(n_b.min(u16::MAX as u32) as u16).to_le_bytes());
            sum_h += n_h as u64;
            sum_b += n_b as u64;

            occ.sort_unstable();
            let mut i = 0;
            while i < occ.len() {
                let id = occ[i].0;
                let j = i + occ[i..].partition_point(|o| o.0 == id);
                let p = &mut terms[id as usize].1;
                let delta = if p.df == 0 {
                    d as u32
                } else {
                    d as u32 - p.last_doc
                };
                put_varint(&mut p.bytes, delta);
                occ_bytes.clear();
                let mut prev = 0;
                for &(_, o) in &occ[i..j] {
                    put_varint(&mut occ_bytes, o - prev);
                    prev = o;
                }
                let any_headline = occ[i..j].iter().any(|&(_, o)| o & 1 == 1);
                put_varint(
                    &mut p.bytes,
                    (occ_bytes.len() as u32) << 1 | any_headline as u32,
                );
                p.bytes.extend_from_slice(&occ_bytes);
                p.df += 1;
                p.last_doc = d as u32;
                i = j;
            }

            let mut facets = BTreeSet::new();
            if let Some(s) = doc.source.as_deref().filter(|s| !s.is_empty()) {
                facets.insert(FacetValue {
                    kind: FacetKind::Source,
                    name: s.to_string(),
                });
            }
            for e in &doc.entities {
                facets.insert(FacetValue {
                    kind: FacetKind::of_entity(e.kind),
                    name: e.canonical.clone(),
                });
            }
            facet_sets.push(facets);
        }

        // Terms in byte order; postings concatenated in that order, each prefixed by its df.
        terms.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let mut postings = Vec::new();
        let mut plens = Vec::with_capacity(terms.len());
        for (_, p) in &terms {
            let start = postings.len();
            // A term in more than 2^30 documents cannot exist (4 GB of postings): saturate.
            let written = if p.written == UNSEEN { 0 } else { p.written };
            put_varint(
                &mut postings,
                (p.df.min(u32::MAX >> 2) << 2) | written as u32,
            );
            postings.extend_from_slice(&p.bytes);
            plens.push(postings.len() - start);
        }
        let term_dict = Dictionary::build(
            terms
                .iter()
                .zip(&plens)
                .map(|((t, _), &l)| (t.as_bytes(), l)),
        );

        // Stems -> term ids.
        let stemmer = french_stemmer();
        let mut by_stem: BTreeMap<Vec<u8>, Vec<u32>> = BTreeMap::new();
        for (id, (t, _)) in terms.iter().enumerate() {
            by_stem
                .entry(stem(&stemmer, t).into_bytes())
                .or_default()
                .push(id as u32);
        }
        let mut stem_terms = Vec::new();
        let mut slens = Vec::with_capacity(by_stem.len());
        for ids in by_stem.values() {
            let start = stem_terms.len();
            put_varint(&mut stem_terms, ids.len() as u32);
            let mut prev = 0;
            for &id in ids {
                put_varint(&mut stem_terms, id - prev);
                prev = id;
            }
            slens.push(stem_terms.len() - start);
        }
        let stem_dict =
            Dictionary::build(by_stem.keys().zip(&slens).map(|(k, &l)| (k.as_slice(), l)));

        // Facets.
        let all: BTreeSet<&FacetValue> = facet_sets.iter().flatten().collect();
        let facet_values: Vec<FacetValue> = all.into_iter().cloned().collect();
        let mut doc_facets = Vec::new();
        let mut doc_facet_offsets = Vec::with_capacity(docs.len() * 4);
        for set in &facet_sets {
            doc_facet_offsets.extend_from_slice(&(doc_facets.len() as u32).to_le_bytes());
            put_varint(&mut doc_facets, set.len() as u32);
            let mut prev = 0;
            for v in set {
                let id = facet_values.binary_search(v).unwrap_or(0) as u32;
                put_varint(&mut doc_facets, id - prev);
                prev = id;
            }
        }

        let mut by_recency: Vec<usize> = (0..docs.len()).collect();
        by_recency.sort_by(|&a, &b| newer_first(&docs[a], &docs[b]).then(a.cmp(&b)));
        let mut recency = vec![0u8; docs.len() * 4];
        for (rank, &d) in by_recency.iter().enumerate() {
            recency[d * 4..d * 4 + 4].copy_from_slice(&(rank as u32).to_le_bytes());
        }

        let mut meta = Vec::with_capacity(docs.len() * 4);
        for doc in docs {
            let (year, month) = doc.date.map_or((0, 0), |d| (d.year, d.month.unwrap_or(0)));
            meta.extend_from_slice(&year.to_le_bytes());
            meta.push(month);
            meta.push(categories_of(doc));
        }

        let n = docs.len().max(1) as f64;
        SearchIndex {
            doc_count: docs.len() as u32,
            terms: term_dict,
            postings: Bytes(postings),
            stems: stem_dict,
            stem_terms: Bytes(stem_terms),
            lengths: Bytes(lengths),
            avg_headline: (sum_h as f64 / n) as f32,
            avg_body: (sum_b as f64 / n) as f32,
            facet_values,
            doc_facets: Bytes(doc_facets),
            doc_facet_offsets: Bytes(doc_facet_offsets),
            recency: Bytes(recency),
            meta: Bytes(meta),
            tables: TablesCell::default(),
            pairs: PairsCell::default(),
            counts_only: None,
        }
    }
}
