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
    });
}

/// Calls `f` with every token of `doc` whose address fits an occurrence, and the occurrence it
/// would be stored as, indexed or not (its term decides): a token whose folded form is a term
/// of the index is that term's occurrence, since a term is never a stop word nor overlong.
/// [`DocTokens`] folds them all once, for the spans read from the texts of the hits shown.
pub fn for_each_token(doc: &Document, mut f: impl FnMut(text::Token<'_>, Occurrence)) {
    let base = headline_base(doc);
    let in_text_headline = match base {
        Some(b) if b <= doc.text.len() => doc.paragraphs.first().map(|p| p.span.range()),
        _ => None,
    };
    let mut add = |token: text::Token<'_>, addr: usize, headline: bool| {
        if let Some(addr) = u32::try_from(addr).ok().filter(|&a| a <= u32::MAX >> 1) {
            f(token, (addr << 1) | headline as u32);
        }
    };
    for t in text::tokens(&doc.text) {
        let headline = in_text_headline
            .as_ref()
            .is_some_and(|r| r.start <= t.start && t.end <= r.end);
        add(t, t.start, headline);
    }
    if let (Some(h), Some(b)) = (doc.headline.as_deref(), base) {
        if in_text_headline.is_none() {
            for t in text::tokens(h) {
                add(t, b + t.start, true);
            }
        }
    }
}

/// A document's tokens folded, each with the occurrence it would be stored as
/// ([`for_each_token`]): what the spans read from a text look through for the matched terms.
/// Tokenizing and folding the texts of a query's first hits was about half of a search over
/// the data files (10,000 articles, natively); a keystroke's hits are mostly the previous
/// keystroke's documents, whose tokens are then kept ([`TokenCache`]).
#[derive(Debug, Default)]
pub struct DocTokens {
    folded: String,
    /// Per token, where its folded form ends in `folded` (it starts where the previous one's
    /// ends), and its occurrence.
    tokens: Vec<(u32, Occurrence)>,
}

impl DocTokens {
    pub fn of(doc: &Document) -> DocTokens {
        let mut out = DocTokens::default();
        let mut one = String::new();
        for_each_token(doc, |token, o| {
            text::fold_into(token.text, &mut one);
            out.folded.push_str(&one);
            out.tokens.push((out.folded.len() as u32, o));
        });
        out
    }

    /// Each token's folded form and occurrence, in the order of [`for_each_token`].
    pub fn iter(&self) -> impl Iterator<Item = (&str, Occurrence)> + '_ {
        let mut start = 0;
        self.tokens.iter().map(move |&(end, o)| {
            let folded = self.folded.get(start..end as usize).unwrap_or("");
            start = end as usize;
            (folded, o)
        })
    }
}

/// The most documents whose tokens a [`TokenCache`] keeps: some ten times a page of hits,
/// about 1 MB of synthetic articles' tokens. Past it the cache starts again.
const TOKEN_CACHE_DOCS: usize = 256;

/// Each document's [`DocTokens`], made on first use and kept with the derived per-document
/// tables, which the successive query indexes over the same tables share
/// ([`SearchIndex::lend_doc_tables`](super::SearchIndex::lend_doc_tables)). A list, not a
/// map: a few hundred documents at most.
///
/// Guarded by a flag rather than a `Mutex`: the derived tables must be `Sync` (tests share
/// indexes between threads), and a `Mutex`'s poisoning cost the app's wasm 460 B gzip, more
/// than the first load's budget had left. Whoever finds the flag taken (another thread,
/// natively; the browser has one) makes the tokens for itself and keeps nothing.
#[derive(Debug, Default)]
pub struct TokenCache {
    busy: std::sync::atomic::AtomicBool,
    kept: std::cell::UnsafeCell<Vec<(u32, DocTokens)>>,
}

// SAFETY: `kept` is only reached between taking `busy` (swapped from false to true) and
// releasing it, so by one caller at a time: it is never shared, only handed over.
unsafe impl Sync for TokenCache {}

impl TokenCache {
    /// Calls `f` with the tokens of document `d`, `doc`: kept ones, else made and kept, unless
    /// its text is not loaded (a document of the data files gets its text later: nothing is
    /// kept for it before, its tokens are made for this call alone).
    pub fn with<R>(&self, d: u32, doc: &Document, f: impl FnOnce(&DocTokens) -> R) -> R {
        use std::sync::atomic::Ordering;
        if doc.text.is_empty() || self.busy.swap(true, Ordering::Acquire) {
            return f(&DocTokens::of(doc));
        }
        // SAFETY: `busy` was false and is now this call's: no other reference to `kept` exists
        // until it is released below (a panic in `f` leaves it taken: the cache is then
        // bypassed, never shared).
        let kept = unsafe { &mut *self.kept.get() };
        if !kept.iter().any(|(k, _)| *k == d) {
            if kept.len() >= TOKEN_CACHE_DOCS {
                kept.clear();
            }
            kept.push((d, DocTokens::of(doc)));
        }
        let result = match kept.iter().find(|(k, _)| *k == d) {
            Some((_, tokens)) => f(tokens),
            None => f(&DocTokens::of(doc)),
        };
        self.busy.store(false, Ordering::Release);
        result
    }

    /// How many documents' tokens are kept (0 while another call holds them).
    pub fn kept(&self) -> usize {
        use std::sync::atomic::Ordering;
        if self.busy.swap(true, Ordering::Acquire) {
            return 0;
        }
        // SAFETY: as in `with`: taken, so this call's alone until released.
        let len = unsafe { &*self.kept.get() }.len();
        self.busy.store(false, Ordering::Release);
        len
    }
}
