//! Looking terms up in the dictionary: a folded term, every completion of a prefix, the
//! inflections sharing a stem, and a quick test that rules out impossible keys (typo tolerance).

use super::bytes::Reader;
use super::dictionary::{Cursor, BLOCK};
use super::SearchIndex;
use std::ops::Range;

impl SearchIndex {
    /// The postings of a term (a folded term, as stored).
    pub fn term(&self, folded: &str) -> Option<TermEntry> {
        self.terms
            .find(folded.as_bytes())
            .map(|(id, payload)| self.make_entry(id, folded.to_string(), payload))
    }

    fn make_entry(&self, id: u32, term: String, payload: Range<usize>) -> TermEntry {
        let header = self
            .postings
            .0
            .get(payload.start..)
            .and_then(|b| Reader::new(b).varint())
            .unwrap_or(0);
        let written_len = match header & 3 {
            0 => 0,
            code => (term.len() + code as usize - 1).min(u8::MAX as usize) as u8,
        };
        let size = match &self.counts_only {
            Some(sizes) => sizes
                .get(id as usize)
                .map_or(payload.len(), |&s| s as usize),
            None => payload.len(),
        };
        TermEntry {
            id,
            term,
            payload,
            written_len,
            size,
        }
    }

    /// Every term starting with `prefix`, in order.
    pub fn terms_with_prefix(&self, prefix: &str) -> Vec<TermEntry> {
        self.terms_where(prefix, |_| true)
    }

    /// Every term starting with `prefix` that `keep` accepts (a scan of that range of the
    /// dictionary; the whole of it for an empty prefix).
    pub fn terms_where(&self, prefix: &str, mut keep: impl FnMut(&[u8]) -> bool) -> Vec<TermEntry> {
        let mut out = Vec::new();
        let Some(mut c) = self.terms.seek(prefix.as_bytes()) else {
            return out;
        };
        while c.advance().is_some() {
            if c.key().starts_with(prefix.as_bytes()) {
                if keep(c.key()) {
                    out.push(self.entry(&c));
                }
            } else if c.key() > prefix.as_bytes() {
                break;
            }
        }
        out
    }

    /// The terms whose Snowball stem is `stem`.
    pub fn terms_with_stem(&self, stem: &str) -> Vec<TermEntry> {
        let mut out = Vec::new();
        let Some((_, range)) = self.stems.find(stem.as_bytes()) else {
            return out;
        };
        let Some(bytes) = self.stem_terms.0.get(range) else {
            return out;
        };
        let mut r = Reader::new(bytes);
        let n = r.varint().unwrap_or(0);
        let mut id = 0u32;
        let mut wanted = Vec::new();
        for _ in 0..n {
            let Some(d) = r.varint() else { break };
            id = id.saturating_add(d);
            wanted.push(id);
        }
        // Ids are increasing: one pass over the blocks that hold them.
        for id in wanted {
            let b = id as usize / BLOCK;
            let Some(mut c) = self.terms.cursor_at_block(b) else {
                continue;
            };
            while c.advance().is_some() {
                if c.id() == id {
                    out.push(self.entry(&c));
                    break;
                }
                if c.id() > id {
                    break;
                }
            }
        }
        out
    }

    fn entry(&self, c: &Cursor) -> TermEntry {
        self.make_entry(
            c.id(),
            String::from_utf8_lossy(c.key()).into_owned(),
            c.payload(),
        )
    }

    /// False when no term starts with `key`'s first two bytes, so looking it up is useless
    /// (typo tolerance tries some seventy keys a word, most of them impossible). The set of
    /// two-byte beginnings is built on the first call, in one walk over the dictionary.
    pub fn may_be_a_term(&self, key: &[u8]) -> bool {
        let [a, b, ..] = key else {
            return true;
        };
        let bits = self.pairs.0.get_or_init(|| {
            let mut bits = vec![0u64; 1 << 10];
            if let Some(mut c) = self.terms.cursor() {
                while c.advance().is_some() {
                    if let [a, b, ..] = c.key() {
                        let i = (*a as usize) << 8 | *b as usize;
                        bits[i / 64] |= 1 << (i % 64);
                    }
                }
            }
            bits
        });
        let i = (*a as usize) << 8 | *b as usize;
        bits.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }
}

/// A term of the dictionary and where its postings are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermEntry {
    pub id: u32,
    pub term: String,
    pub(super) payload: Range<usize>,
    /// Bytes every occurrence of the term takes in the text, or 0 when they vary.
    written_len: u8,
    /// Bytes of its whole postings list (with offsets), even in an index of counts lists.
    size: usize,
}

impl TermEntry {
    /// Bytes of postings: a cheap proxy for how frequent the term is.
    pub fn postings_len(&self) -> usize {
        self.size
    }
    /// How many bytes every occurrence of the term takes in the text (accents and case can
    /// make it longer than the folded term), or `None` when occurrences differ.
    pub fn written_len(&self) -> Option<u32> {
        (self.written_len != 0).then_some(self.written_len as u32)
    }
}
