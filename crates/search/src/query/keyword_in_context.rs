//! Keyword in context: every occurrence of the query's words and phrases in the matching
//! documents, one line each with the text around it.

use super::spans::SpanScratch;
use super::{parse_query, run, Filters, RankingWeights};
use crate::index::{sort_keys, SearchIndex};
use raqmi_model::document::{Document, Span};

/// One occurrence of a query word or phrase, with the text around it. `left + keyword + right`
/// is exactly the text from `span.start - left.len()` to `span.end + right.len()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicLine {
    pub doc: u32,
    pub span: Span,
    pub left: String,
    pub keyword: String,
    pub right: String,
}

/// One line of keyword in context: `span` of `text` (document `doc`'s) with up to
/// `context_chars` characters on each side; `None` when the span is not on character boundaries
/// of the text. [`kwic`] makes one per match; this makes one for any span, such as those of
/// [`matches_for`](super::matches_for).
pub fn kwic_line(doc: u32, text: &str, span: Span, context_chars: usize) -> Option<KwicLine> {
    let (keyword, before, after) = (
        text.get(span.range())?,
        text.get(..span.start as usize)?,
        text.get(span.end as usize..)?,
    );
    let left_start = before
        .char_indices()
        .rev()
        .nth(context_chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let left = if context_chars == 0 {
        ""
    } else {
        &before[left_start..]
    };
    let right_end = after
        .char_indices()
        .nth(context_chars)
        .map_or(after.len(), |(i, _)| i);
    Some(KwicLine {
        doc,
        span,
        left: left.into(),
        keyword: keyword.into(),
        right: after[..right_end].into(),
    })
}

/// Every occurrence of the query's words and phrases in the text of the documents that match
/// the query and filters, in corpus order then text order, with up to `context_chars`
/// characters on each side; at most `limit` lines. An empty query has no keywords: no lines.
pub fn kwic(
    index: &SearchIndex,
    docs: &[Document],
    query: &str,
    filters: &Filters,
    context_chars: usize,
    limit: usize,
) -> Vec<KwicLine> {
    let query = parse_query(query);
    let (ranked, _, matched) = run(index, docs, &query, filters, &RankingWeights::default());
    let Some(matched) = matched else {
        return Vec::new();
    };
    // In document order, through the engine's one integer sort (no `sort_unstable` copy).
    let mut hits: Vec<u64> = ranked.into_iter().map(|(d, _)| u64::from(d)).collect();
    sort_keys(&mut hits);
    let mut out = Vec::new();
    let mut scratch = SpanScratch::default();
    for d in hits {
        // Document numbers are u32: widened for the sort, read back exactly.
        let d = d as u32;
        let Some(doc) = docs.get(d as usize) else {
            continue;
        };
        let (matches, _) = matched.spans(index, docs, d, &mut scratch);
        let text = doc.text.as_str();
        for span in matches {
            if out.len() >= limit {
                return out;
            }
            if let Some(line) = kwic_line(d, text, span, context_chars) {
                out.push(line);
            }
        }
    }
    out
}
