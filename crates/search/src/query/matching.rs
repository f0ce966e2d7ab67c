//! Matching a parsed query: the documents that match every clause (AND), each scored with
//! BM25F over its words' expansions (phrases are `phrase.rs`'s), and what is kept of where the
//! matches are, so that the highlight spans of the hits shown can be found afterwards.

use super::expansion::expand;
use super::phrase::PhraseContext;
use super::ranking::{bm25f, doc_norms, idf, keep_best, norms_for};
use super::{Clause, Query, RankingWeights};
use crate::index::SearchIndex;
use raqmi_model::document::Document;

// Sets of documents as bits (a 10,000-document corpus is 157 words).

fn bits_for(n: usize) -> Vec<u64> {
    vec![0; n.div_ceil(64)]
}

#[inline(always)]
fn bit_set(bits: &mut [u64], d: u32) {
    if let Some(w) = bits.get_mut(d as usize / 64) {
        *w |= 1 << (d % 64);
    }
}

/// The documents of a set, increasing.
fn bit_docs(bits: &[u64]) -> Vec<u32> {
    let mut out = Vec::new();
    for (i, &w) in bits.iter().enumerate() {
        let mut w = w;
        while w != 0 {
            out.push(i as u32 * 64 + w.trailing_zeros());
            w &= w - 1;
        }
    }
    out
}

/// The documents one word form matched, with where each one's occurrences are in the
/// postings: read again only for the hits whose spans are shown.
#[derive(Default)]
pub(super) struct WordTable {
    /// The form's term: in an index without offsets, the spans are its occurrences in the
    /// text (`spans.rs`).
    pub(super) term: String,
    /// (document, [`DocCounts::at`](crate::index::DocCounts::at)), by document; in an index
    /// without offsets, (document, its occurrences of the term): reading its text for them
    /// stops once they are all found.
    pub(super) docs: Vec<(u32, u32)>,
}

/// A phrase's occurrences, by document.
#[derive(Default)]
pub(super) struct PhraseTable {
    /// Increasing document numbers.
    pub(super) docs: Vec<u32>,
    /// Where each document's occurrences start in `occ`.
    pub(super) starts: Vec<u32>,
    /// Per occurrence: its first word as stored (`(address << 1) | is_headline`) and the
    /// address of its last word (the span ends where that word ends).
    pub(super) occ: Vec<(u32, u32)>,
    /// Increasing documents where the index alone could not tell whether the phrase starts
    /// at an occurrence of its first word: only their text can (see `phrase::undecided`).
    pub(super) undecided: Vec<u32>,
}

impl PhraseTable {
    pub(super) fn of(&self, d: u32) -> &[(u32, u32)] {
        let Ok(i) = self.docs.binary_search(&d) else {
            return &[];
        };
        let lo = self.starts[i] as usize;
        let hi = self
            .starts
            .get(i + 1)
            .map_or(self.occ.len(), |&x| x as usize);
        self.occ.get(lo..hi).unwrap_or(&[])
    }
}

/// Documents matching every clause, with their scores and where the matches are.
pub(super) struct Matched {
    /// Increasing document numbers.
    pub(super) docs: Vec<u32>,
    /// Per document number below `n`, its score (0 when it does not match).
    pub(super) scores: Vec<f32>,
    pub(super) words: Vec<WordTable>,
    pub(super) phrases: Vec<PhraseTable>,
}

/// Scores the documents matching every clause. With `only`, looks at that document alone
/// (to compute its match spans on demand).
pub(super) fn match_clauses(
    index: &SearchIndex,
    docs: &[Document],
    n: usize,
    query: &Query,
    weights: &RankingWeights,
    only: Option<u32>,
) -> Matched {
    let avgs = index.average_lengths();
    let norms = norms_for(index, weights);
    let norm = |d: u32| match norms.and_then(|ns| ns.get(d as usize)) {
        Some(&ns) => ns,
        None => doc_norms(weights, index.lengths(d), avgs),
    };
    let mut total_scores = vec![0f32; n];
    // Per document, how many clauses it matched so far: a clause only looks at documents
    // that matched every earlier one (AND).
    let mut passed_clauses = vec![0u8; n];
    let mut best_scores = vec![0f32; n];
    // Slices, not vectors, in the loops below: the size-optimized build calls a function for
    // each indexing of a vector.
    let total = total_scores.as_mut_slice();
    let passed = passed_clauses.as_mut_slice();
    let best = best_scores.as_mut_slice();
    let mut touched: Vec<u32> = Vec::new();
    let mut words = Vec::new();
    let mut phrases = Vec::new();

    for (ci, clause) in query.clauses.iter().enumerate() {
        touched.clear();
        match clause {
            Clause::Word(word) => {
                let offsets = index.has_offsets();
                for x in expand(index, word, weights, true) {
                    let mut table = WordTable {
                        term: x.entry.term.clone(),
                        docs: Vec::new(),
                    };
                    let mut p = index.postings(&x.entry);
                    let term_idf = idf(n, p.df());
                    while let Some(c) = p.next_counts() {
                        let d = c.doc;
                        if only.is_some_and(|o| d > o) {
                            break;
                        }
                        let du = d as usize;
                        if passed.get(du).is_none_or(|&p| p as usize != ci)
                            || only.is_some_and(|o| d != o)
                        {
                            continue;
                        }
                        let s = x.weight * bm25f(weights, term_idf, c.headline, c.body, norm(d));
                        if best[du] == 0.0 {
                            touched.push(d);
                        }
                        best[du] = keep_best(best[du], s);
                        // Without offsets, how many occurrences its spans will look for.
                        let found_by = if offsets {
                            c.at
                        } else {
                            c.headline.saturating_add(c.body)
                        };
                        table.docs.push((d, found_by));
                    }
                    words.push(table);
                }
            }
            Clause::Phrase(ws) => {
                let ctx = PhraseContext {
                    index,
                    docs,
                    n,
                    weights,
                    ci,
                    only,
                    passed,
                    norms,
                };
                phrases.push(ctx.run(ws, best, &mut touched));
            }
        }
        for &d in &touched {
            let du = d as usize;
            total[du] += best[du];
            passed[du] += 1;
            best[du] = 0.0;
        }
    }
    // The last clause touched exactly the documents that matched every clause: in order
    // already when one word form matched them.
    let sorted = {
        let t = touched.as_slice();
        let mut i = 1;
        while i < t.len() && t[i - 1] < t[i] {
            i += 1;
        }
        i >= t.len()
    };
    let docs_out = if sorted {
        touched
    } else {
        let mut all = bits_for(n);
        for &d in &touched {
            bit_set(&mut all, d);
        }
        bit_docs(&all)
    };
    Matched {
        docs: docs_out,
        scores: total_scores,
        words,
        phrases,
    }
}
