//! Quoted phrases: the documents where a phrase's words follow one another. Adjacency is read
//! from the index alone when it can be (each word's written length known, a gap of one or two
//! bytes), else from the text at the indexed offsets; stop words in a phrase are read from the
//! text, since they are not indexed.

use super::expansion::expand;
use super::matching::PhraseTable;
use super::ranking::{bm25f, doc_norms, idf, keep_best};
use super::spans::{resolve, scan, word_end};
use super::{RankingWeights, Word};
use crate::index::{self, SearchIndex};
use raqmi_model::document::Document;
use raqmi_model::text;

/// Bytes of spaces and punctuation between two words of a phrase beyond which they are not
/// looked for (" », « " is 9): a phrase spanning a longer run is not found.
pub const PHRASE_SEPARATOR_BYTES: u32 = 16;

/// How far (in bytes) after the start of a phrase's first word, whose longest accepted folded
/// form has `first_len` bytes, the phrase's word at position `pos` can start. A word of the
/// text is at most 3 times its folded length in bytes (accents and case add bytes, never
/// more); stop words in between are at most [`index::MAX_TERM_BYTES`] long in practice.
pub fn phrase_reach(first_len: usize, pos: usize) -> u32 {
    let first = 3 * first_len as u32 + PHRASE_SEPARATOR_BYTES;
    let between = (pos.saturating_sub(1) as u32)
        .saturating_mul(3 * index::MAX_TERM_BYTES as u32 + PHRASE_SEPARATOR_BYTES);
    first.saturating_add(between)
}

/// What a phrase clause needs to know of the search it is part of.
pub(super) struct PhraseContext<'a> {
    pub(super) index: &'a SearchIndex,
    pub(super) docs: &'a [Document],
    pub(super) n: usize,
    pub(super) weights: &'a RankingWeights,
    /// The clause's number: documents must have matched every earlier clause.
    pub(super) ci: usize,
    pub(super) only: Option<u32>,
    pub(super) passed: &'a [u8],
    /// The documents' BM25 length norms, when cached for these weights.
    pub(super) norms: Option<&'a [[f32; 2]]>,
}

/// An occurrence of a phrase word while a phrase is checked: `(stored occurrence << 8) |
/// written length of its term` (0 when unknown), so that sorting sorts by address.
type Tagged = u64;

#[inline(always)]
fn tagged_address(t: Tagged) -> u32 {
    (t >> 9) as u32
}

/// One accepted form of a phrase word, walked along the documents.
struct FormStream<'a> {
    postings: index::Postings<'a>,
    /// The current document and its occurrence bytes.
    current: Option<(u32, &'a [u8])>,
    /// The written length of the form's term (0: it varies).
    written: u8,
}

impl FormStream<'_> {
    #[inline(always)]
    fn skip_to(&mut self, d: u32) {
        while self.current.is_some_and(|c| c.0 < d) {
            self.current = self.postings.next_bytes();
        }
    }
}

/// The smallest current document of a word's forms.
#[inline(always)]
fn first_doc(forms: &[FormStream]) -> Option<u32> {
    let mut first: Option<u32> = None;
    for f in forms {
        if let Some((d, _)) = f.current {
            if first.is_none_or(|x| d < x) {
                first = Some(d);
            }
        }
    }
    first
}

impl PhraseContext<'_> {
    /// Scores the documents where the phrase occurs (words consecutive, stop words included).
    pub(super) fn run(
        &self,
        words: &[Word],
        best: &mut [f32],
        touched: &mut Vec<u32>,
    ) -> PhraseTable {
        let mut out = PhraseTable::default();
        let (index, n) = (self.index, self.n);
        // Phrase words match as written or inflected (the last one also as a prefix while it
        // is typed), never with a typo.
        // Per content word: its position in the phrase and its accepted forms.
        let mut content: Vec<(usize, Vec<FormStream>)> = Vec::new();
        let mut first_len = 0;
        for (wi, w) in words.iter().enumerate() {
            if w.stop && !w.prefix {
                continue;
            }
            let ex = expand(index, w, self.weights, false);
            if content.is_empty() {
                first_len = ex.iter().map(|x| x.entry.term.len()).max().unwrap_or(0);
            }
            let forms = ex
                .iter()
                .map(|x| {
                    let mut postings = index.postings(&x.entry);
                    FormStream {
                        current: postings.next_bytes(),
                        postings,
                        written: x.entry.written_len().map_or(0, |l| l.min(255) as u8),
                    }
                })
                .collect();
            content.push((wi, forms));
        }
        if content.is_empty() {
            return out;
        }

        // The documents holding every content word (in some form), in order: each word's
        // forms are walked once, together, skipping to the largest document any word is at.
        // Per document found: its phrase occurrences in the headline and in the body.
        let mut counts: Vec<(u32, u32)> = Vec::new();
        let mut buf = String::new();
        // Per phrase word, the occurrences of a content word in the current document.
        let mut lists: Vec<Vec<Tagged>> = vec![Vec::new(); words.len()];
        let second = content
            .get(1)
            .map(|(pos, _)| (*pos, phrase_reach(first_len, *pos)));
        let mut target = self.only.unwrap_or(0);
        'docs: loop {
            let mut agreed = true;
            for (_, forms) in content.iter_mut() {
                for f in forms.iter_mut() {
                    f.skip_to(target);
                }
                match first_doc(forms) {
                    None => break 'docs,
                    Some(first) if first > target => {
                        target = first;
                        agreed = false;
                    }
                    Some(_) => {}
                }
            }
            if !agreed {
                continue;
            }
            let d = target;
            if self.only.is_some_and(|o| d != o) {
                break;
            }
            let Some(next) = d.checked_add(1) else {
                break;
            };
            target = next;
            // Documents must have matched every earlier clause.
            if self
                .passed
                .get(d as usize)
                .is_none_or(|&p| p as usize != self.ci)
            {
                continue;
            }
            for (pos, forms) in &content {
                let Some(list) = lists.get_mut(*pos) else {
                    continue;
                };
                list.clear();
                let mut forms_here = 0;
                for f in forms {
                    if let Some((_, bytes)) = f.current.filter(|c| c.0 == d) {
                        index::decode_tagged(bytes, f.written, list);
                        forms_here += 1;
                    }
                }
                // One form's occurrences are stored in increasing order already.
                if forms_here > 1 || !strictly_increasing(list) {
                    index::sort_keys(list);
                    list.dedup_by_key(|t| *t >> 8);
                }
            }
            let Some(starts) = lists.first() else {
                break;
            };
            let found_before = out.occ.len();
            let mut headline = 0;
            // The second content word's first occurrence after each start (starts increase).
            let mut after = 0;
            for &s in starts {
                let addr = tagged_address(s);
                // Rule out, from the index alone, starts that the next content word does not
                // follow closely enough.
                let mut next = None;
                if let Some((pos, reach)) = second {
                    let list = &lists[pos];
                    while after < list.len() && tagged_address(list[after]) <= addr {
                        after += 1;
                    }
                    if after == list.len() || tagged_address(list[after]) - addr > reach {
                        continue;
                    }
                    // That occurrence is the one an adjacent second word must be.
                    next = (pos == 1).then(|| list[after]);
                }
                let last = match adjacent_in_index(s, next, words, &lists) {
                    Some(last) => Some(last),
                    None => {
                        if out.undecided.last() != Some(&d) {
                            out.undecided.push(d);
                        }
                        self.docs
                            .get(d as usize)
                            .and_then(|doc| phrase_last(doc, addr, words, &lists, &mut buf))
                    }
                };
                if let Some(last) = last {
                    out.occ.push(((s >> 8) as u32, last));
                    headline += (s >> 8) as u32 & 1;
                }
            }
            if out.occ.len() > found_before {
                out.docs.push(d);
                out.starts.push(found_before as u32);
                counts.push((headline, (out.occ.len() - found_before) as u32 - headline));
            }
        }
        let content_words = words.iter().filter(|w| !w.stop).count().max(1) as f32;
        let phrase_idf = idf(n, out.docs.len() as u32) * content_words;
        for (&d, &(h, b)) in out.docs.iter().zip(&counts) {
            let norm = match self.norms.and_then(|ns| ns.get(d as usize)) {
                Some(&norm) => norm,
                None => doc_norms(self.weights, index.lengths(d), index.average_lengths()),
            };
            let s = self.weights.exact * bm25f(self.weights, phrase_idf, h, b, norm);
            let du = d as usize;
            if best[du] == 0.0 {
                touched.push(d);
            }
            best[du] = keep_best(best[du], s);
        }
        out
    }
}

/// The documents whose text a search for the phrase `words` over `index` reads: those where
/// the index alone cannot tell whether an occurrence of its first word starts the phrase (a
/// stop word in the phrase, a longer gap, written lengths that vary). Every other document is
/// told from the index, so a corpus fetched by need loads these texts, not every document
/// holding the phrase's words (a common two-word phrase reads none).
pub fn undecided(index: &SearchIndex, words: &[Word], weights: &RankingWeights) -> Vec<u32> {
    let n = index.doc_count();
    // Every document passes (no earlier clause): a superset of any search's documents.
    let passed = vec![0u8; n];
    let mut best = vec![0.0f32; n];
    let context = PhraseContext {
        index,
        docs: &[],
        n,
        weights,
        ci: 0,
        only: None,
        passed: &passed,
        norms: None,
    };
    context.run(words, &mut best, &mut Vec::new()).undecided
}

/// True when each tagged occurrence's address is above the previous one's.
#[inline(always)]
fn strictly_increasing(list: &[Tagged]) -> bool {
    let mut i = 1;
    while i < list.len() {
        if list[i - 1] >> 8 >= list[i] >> 8 {
            return false;
        }
        i += 1;
    }
    true
}

/// The address of the phrase's last word when the index alone shows the phrase starts at
/// `first`: each word's term is always written in the same number of bytes (so its end is
/// known) and the next word starts one or two bytes later. Words are maximal runs of word
/// characters, so the byte after a word and the byte before the next are not word characters:
/// a gap of one or two bytes holds no word, not even an unindexed stop word (" a " is three).
/// `None` when that cannot be told without reading the text (a stop word in the phrase, a
/// longer gap, lengths that vary), never for a phrase that is not there: [`phrase_last`] then
/// reads the text.
/// `second`, when known, is the second word's first occurrence after the first one's start.
#[inline(always)]
fn adjacent_in_index(
    first: Tagged,
    second: Option<Tagged>,
    words: &[Word],
    lists: &[Vec<Tagged>],
) -> Option<u32> {
    let mut cur = first;
    for (i, (w, list)) in words.iter().zip(lists).enumerate().skip(1) {
        let written = (cur & 0xff) as u32;
        if (w.stop && !w.prefix) || written == 0 {
            return None;
        }
        let end = tagged_address(cur).checked_add(written)?;
        // Words do not overlap: the first occurrence after the start is after the end too.
        let next = match second {
            Some(next) if i == 1 => next,
            _ => *list.get(list.partition_point(|&x| tagged_address(x) <= end))?,
        };
        // From the body (bit 0) into a headline at virtual addresses (bit 1) is a jump from
        // one string to another, never an adjacency.
        let into_headline = cur >> 8 & 1 == 0 && next >> 8 & 1 == 1;
        // (A damaged index may put it before the end: no adjacency either.)
        let gap = tagged_address(next).wrapping_sub(end);
        if !(1..=2).contains(&gap) || into_headline {
            return None;
        }
        cur = next;
    }
    Some(tagged_address(cur))
}

/// The address of the phrase's last word when the phrase's first word is at `addr`, if the
/// words that follow in the text are the phrase's: a stop word is read and compared, a content
/// word must be one of its indexed occurrences in `lists` (so its inflections and completions
/// count, as for bare words).
fn phrase_last(
    doc: &Document,
    addr: u32,
    words: &[Word],
    lists: &[Vec<Tagged>],
    buf: &mut String,
) -> Option<u32> {
    let (s, off, _) = resolve(doc, addr as usize)?;
    let base = (addr as usize).checked_sub(off)?;
    let mut end = word_end(s, off)?;
    let mut last = addr;
    for (w, list) in words.iter().zip(lists).skip(1) {
        let t = scan(s, end, false);
        let t_end = word_end(s, t)?;
        let at = u32::try_from(base + t).ok()?;
        if w.stop && !w.prefix {
            text::fold_into(s.get(t..t_end)?, buf);
            if *buf != w.folded {
                return None;
            }
        } else {
            at.checked_mul(2)?;
            let i = list.partition_point(|&o| tagged_address(o) < at);
            if list.get(i).is_none_or(|&o| tagged_address(o) != at) {
                return None;
            }
        }
        end = t_end;
        last = at;
    }
    u32::try_from(base + end).ok()?;
    Some(last)
}
