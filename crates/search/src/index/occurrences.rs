//! The occurrences of one document as the index holds them, read from its text: each indexed
//! token with its term and its stored occurrence (`(address << 1) | is_headline`, addresses as
//! the `index` module header says). The builder indexes exactly these; the match spans of an
//! index whose postings hold counts but no offsets (the data files' postings shards read
//! without their positions shards, `files` module) are found from these too, so that the two
//! agree by construction rather than by a second copy of the rules.

use super::{headline_base, index_term, Occurrence};
use raqmi_model::document::Document;
use raqmi_model::text;

/// Calls `f` with every indexed occurrence of `doc`: the token (its written form), its term
/// (folded) and the occurrence as stored. In the order of the text, then of a headline indexed
/// at virtual addresses. Stop words, overlong tokens and addresses beyond 31 bits are skipped,
/// as the index skips them.
pub fn for_each_occurrence(doc: &Document, mut f: impl FnMut(text::Token<'_>, String, Occurrence)) {
    for_each_token(doc, |token, o| {
        if let Some(term) = index_term(token.text) {
            f(token, term, o);
        }
        true
    });
}

/// Calls `f` with every token of `doc` whose address fits an occurrence, and the occurrence it
/// would be stored as, indexed or not (its term decides): a token whose folded form is a term
/// of the index is that term's occurrence, since a term is never a stop word nor overlong.
/// Folding each token into one buffer is several times cheaper than [`for_each_occurrence`]'s
/// string a token, for the spans read from the text of every hit shown. Stops when `f` returns
/// false (every occurrence looked for found).
pub fn for_each_token(doc: &Document, mut f: impl FnMut(text::Token<'_>, Occurrence) -> bool) {
    let base = headline_base(doc);
    let in_text_headline = match base {
        Some(b) if b <= doc.text.len() => doc.paragraphs.first().map(|p| p.span.range()),
        _ => None,
    };
    // Whether to go on.
    let mut add = |token: text::Token<'_>, addr: usize, headline: bool| {
        let Ok(addr) = u32::try_from(addr) else {
            return true;
        };
        if addr > u32::MAX >> 1 {
            return true;
        }
        f(token, (addr << 1) | headline as u32)
    };
    for t in text::tokens(&doc.text) {
        let headline = in_text_headline
            .as_ref()
            .is_some_and(|r| r.start <= t.start && t.end <= r.end);
        if !add(t, t.start, headline) {
            return;
        }
    }
    if let (Some(h), Some(b)) = (doc.headline.as_deref(), base) {
        if in_text_headline.is_none() {
            for t in text::tokens(h) {
                if !add(t, b + t.start, true) {
                    return;
                }
            }
        }
    }
}
