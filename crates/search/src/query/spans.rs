//! Where matches are in the text: an index address resolved to the text or the headline, the
//! end of the word there, and the sorted, merged highlight spans of one matching document.
//!
//! A word's occurrences come from the postings' offsets or, in an index without them (the
//! data files' postings shards read without their positions shards, `index::counts`), from
//! the document's text, tokenized by the very function the index was built with
//! ([`index::for_each_token`]): the same addresses either way, so the same spans. The
//! text is there in both cases: a span ends where its word does in the text.

use super::matching::Matched;
use crate::index::{self, SearchIndex};
use raqmi_model::document::{Document, Span};
use raqmi_model::text;

/// The text an address points into, and the offset there: the document text, or the headline
/// for a virtual address (see the `index` module header). Returns the text, the offset in it,
/// and whether it is the headline at virtual addresses.
pub fn resolve(doc: &Document, addr: usize) -> Option<(&str, usize, bool)> {
    if addr <= doc.text.len() {
        return Some((&doc.text, addr, false));
    }
    let base = index::headline_base(doc)?;
    let h = doc.headline.as_deref()?;
    Some((h, addr.checked_sub(base)?, true))
}

/// The end of the word starting at `start` in `s`.
pub fn word_end(s: &str, start: usize) -> Option<usize> {
    if !s.is_char_boundary(start) {
        return None;
    }
    let end = scan(s, start, true);
    (end > start).then_some(end)
}

/// The first byte at or after `from` (a char boundary) where a character is (`word` false) or
/// is not (`word` true) a word character; `s.len()` if none. ASCII is tested byte by byte:
/// this runs for every occurrence a phrase or a highlight looks at.
pub fn scan(s: &str, from: usize, word: bool) -> usize {
    let bytes = s.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let (is_word, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => (text::is_word_char(c), c.len_utf8()),
                None => return s.len(),
            }
        };
        if is_word != word {
            return i;
        }
        i += len;
    }
    s.len()
}

/// Buffers reused while spans are located for many hits.
#[derive(Default)]
pub(super) struct SpanScratch {
    occ: Vec<u32>,
    keys: Vec<u64>,
}

impl Matched {
    pub(super) fn contains(&self, d: u32) -> bool {
        self.docs.binary_search(&d).is_ok()
    }

    /// Highlight spans of one document: in its text, and in its headline.
    pub(super) fn spans(
        &self,
        index: &SearchIndex,
        docs: &[Document],
        d: u32,
        scratch: &mut SpanScratch,
    ) -> (Vec<Span>, Vec<Span>) {
        let (mut text_spans, mut head_spans) = (Vec::new(), Vec::new());
        let Some(doc) = docs.get(d as usize) else {
            return (text_spans, head_spans);
        };
        let in_text_headline = match index::headline_base(doc) {
            Some(b) if b <= doc.text.len() => doc.paragraphs.first().map(|p| p.span),
            _ => None,
        };
        let mut add = |start: usize, end: Option<usize>| {
            let Some((s, off, virtual_headline)) = resolve(doc, start) else {
                return;
            };
            // A word ends where its text says; a phrase where its last word does.
            let end_off = match end {
                None => word_end(s, off),
                Some(last) => resolve(doc, last).and_then(|(ls, loff, _)| {
                    let end = last - loff + word_end(ls, loff)?;
                    end.checked_sub(start).map(|l| off + l)
                }),
            };
            let Some(end_off) = end_off.filter(|&e| e <= s.len() && s.is_char_boundary(e)) else {
                return;
            };
            let span = Span::new(off, end_off);
            if virtual_headline {
                head_spans.push(span);
                return;
            }
            text_spans.push(span);
            if let Some(h) = in_text_headline.filter(|h| h.contains(span)) {
                head_spans.push(Span::new(
                    off - h.start as usize,
                    end_off - h.start as usize,
                ));
            }
        };
        if index.has_offsets() {
            for table in &self.words {
                if let Ok(i) = table.docs.binary_search_by_key(&d, |e| e.0) {
                    index.occurrences_at(table.docs[i].1, &mut scratch.occ);
                    for &o in scratch.occ.iter() {
                        add((o >> 1) as usize, None);
                    }
                }
            }
        } else {
            // The terms this document matched (a few) and how many occurrences they have in
            // it, then one pass over its text, until they are all found.
            let mut terms: Vec<&str> = Vec::new();
            let mut left = 0u32;
            for t in &self.words {
                if let Ok(i) = t.docs.binary_search_by_key(&d, |e| e.0) {
                    terms.push(t.term.as_str());
                    left = left.saturating_add(t.docs[i].1);
                }
            }
            // A token folding to one of the index's terms is that term's occurrence
            // (`index::for_each_token`): the document's tokens folded once, kept for the next
            // queries (made anew, not kept, for a document whose text is not loaded).
            if !terms.is_empty() {
                index.doc_tables().tokens.with(d, doc, |tokens| {
                    for (folded, o) in tokens.iter() {
                        if terms.contains(&folded) {
                            add((o >> 1) as usize, None);
                            left = left.saturating_sub(1);
                            if left == 0 {
                                break;
                            }
                        }
                    }
                });
            }
        }
        for table in &self.phrases {
            for &(o, last) in table.of(d) {
                add((o >> 1) as usize, Some(last as usize));
            }
        }
        merge(&mut text_spans, &mut scratch.keys);
        merge(&mut head_spans, &mut scratch.keys);
        (text_spans, head_spans)
    }
}

/// Sorts spans and merges the overlapping ones, in place (`keys` is scratch space).
pub(super) fn merge(spans: &mut Vec<Span>, keys: &mut Vec<u64>) {
    keys.clear();
    keys.extend(spans.iter().map(|s| (s.start as u64) << 32 | s.end as u64));
    index::sort_keys(keys);
    spans.clear();
    for &k in keys.iter() {
        let s = Span {
            start: (k >> 32) as u32,
            end: k as u32,
        };
        match spans.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => spans.push(s),
        }
    }
}
