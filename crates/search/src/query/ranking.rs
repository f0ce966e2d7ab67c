//! Ranking: the tunable weights and BM25F, one term's (or phrase's) score in one document from
//! its occurrences per field, the document's field lengths and the term's rarity.

use crate::index::SearchIndex;

/// Ranking tunables, in the spirit of Pagefind's `RankingWeights`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RankingWeights {
    /// BM25 term-frequency saturation, in occurrences (range 0.0–3.0; default 1.2). 0 makes
    /// one occurrence worth as much as many; higher values let repetition count longer.
    pub k1: f32,
    /// BM25 length normalization (range 0.0–1.0; default 0.75). 0 ignores document length;
    /// 1 divides term frequency fully by length relative to the average.
    pub b: f32,
    /// How much one headline occurrence counts, in body occurrences (range 1.0–10.0; default
    /// 3.0).
    pub headline: f32,
    /// Multipliers of a term's score by how it matched the query word (range 0.0–1.0;
    /// defaults 1.0 > 0.7 > 0.5 > 0.3): the same word, another inflection (same stem), a
    /// completion of the last word, a word one typo away.
    pub exact: f32,
    pub stem: f32,
    pub prefix: f32,
    pub typo: f32,
}

impl Default for RankingWeights {
    fn default() -> Self {
        RankingWeights {
            k1: 1.2,
            b: 0.75,
            headline: 3.0,
            exact: 1.0,
            stem: 0.7,
            prefix: 0.5,
            typo: 0.3,
        }
    }
}

/// BM25's length normalization of one field of one document: its length relative to the
/// average, weighted by `b` (never below 1e-3).
fn length_norm(w: &RankingWeights, len: u16, avg: f32) -> f32 {
    let norm = if avg > 0.0 {
        1.0 - w.b + w.b * len as f32 / avg
    } else {
        1.0
    };
    norm.max(1e-3)
}

/// A document's (headline, body) length norms.
pub(super) fn doc_norms(
    w: &RankingWeights,
    (len_h, len_b): (u16, u16),
    (avg_h, avg_b): (f32, f32),
) -> [f32; 2] {
    [length_norm(w, len_h, avg_h), length_norm(w, len_b, avg_b)]
}

/// The length norms of every document for `w`, computed once per index (see
/// [`DocTables::norms`]), or `None` for weights whose `b` differs from the first ones asked.
pub(super) fn norms_for<'a>(index: &'a SearchIndex, w: &RankingWeights) -> Option<&'a [[f32; 2]]> {
    let avgs = index.average_lengths();
    index
        .doc_tables()
        .norms(w.b, |d| doc_norms(w, index.lengths(d), avgs))
}

/// `best.max(score).max(f32::MIN_POSITIVE)`, written as comparisons: in wasm, `f32::max` is a
/// call to a library function (its NaN rule has no single instruction), twice per posting.
/// Same value: `best` is never NaN, and a NaN score leaves it as `max` would.
#[inline(always)]
pub(super) fn keep_best(best: f32, score: f32) -> f32 {
    let m = if score > best { score } else { best };
    if m > f32::MIN_POSITIVE {
        m
    } else {
        f32::MIN_POSITIVE
    }
}

/// BM25F of one term (or phrase) in one document, given the document's length norms.
#[inline(always)]
pub(super) fn bm25f(
    w: &RankingWeights,
    idf: f32,
    tf_h: u32,
    tf_b: u32,
    [norm_h, norm_b]: [f32; 2],
) -> f32 {
    let tf = w.headline * tf_h as f32 / norm_h + tf_b as f32 / norm_b;
    if tf <= 0.0 {
        return 0.0;
    }
    idf * tf * (w.k1 + 1.0) / (tf + w.k1)
}

/// BM25's inverse document frequency of a term (or phrase) found in `df` of `n` documents.
pub fn idf(n: usize, df: u32) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(0.0)
}
