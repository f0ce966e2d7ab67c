//! Reading a term's postings list (layout in the `index` module header), three ways for three
//! needs: every occurrence decoded, per-field counts only (ranking), or the occurrence bytes
//! undecoded (phrases). An index of counts lists (`counts.rs`: no offsets) reads the same
//! documents and counts, with no occurrence.

use super::bytes::Reader;
use super::counts::read_counts;
use super::{Occurrence, SearchIndex, TermEntry};

impl SearchIndex {
    /// A reader over a term's postings.
    pub fn postings(&self, entry: &TermEntry) -> Postings<'_> {
        let (base, bytes) = match self.postings.0.get(entry.payload.clone()) {
            Some(b) => (entry.payload.start, b),
            None => (0, &[][..]),
        };
        let mut reader = Reader::new(bytes);
        let df = reader.varint().unwrap_or(0) >> 2;
        Postings {
            reader,
            base,
            df,
            left: df,
            doc: 0,
            first: true,
            counts_only: !self.has_offsets(),
        }
    }

    /// The occurrences of one document in one postings list, at `at` (a
    /// [`DocCounts::at`]), into `out` (cleared first); fewer on damaged bytes, none in an
    /// index without offsets.
    #[inline(always)]
    pub fn occurrences_at(&self, at: u32, out: &mut Vec<Occurrence>) {
        out.clear();
        if !self.has_offsets() {
            return;
        }
        let mut r = Reader::at(&self.postings.0, at as usize);
        let Some(len) = r.varint() else { return };
        if let Some(bytes) = r.take((len >> 1) as usize) {
            let _ = decode_occurrences(bytes, out);
        }
    }
}

/// Decodes one postings list, document by document.
pub struct Postings<'a> {
    reader: Reader<'a>,
    /// Where the list starts in the postings area ([`DocCounts::at`] is absolute).
    base: usize,
    df: u32,
    left: u32,
    doc: u32,
    first: bool,
    /// The list is a counts list (`counts.rs`): documents and counts, no occurrence.
    counts_only: bool,
}

/// One document of a postings list: how often the term occurs in each field, and where its
/// occurrences are (for [`SearchIndex::occurrences_at`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocCounts {
    pub doc: u32,
    pub headline: u32,
    pub body: u32,
    pub at: u32,
}

impl<'a> Postings<'a> {
    /// Documents the term occurs in.
    pub fn df(&self) -> u32 {
        self.df
    }
    /// The next document and its occurrences (into `occ`, cleared first).
    pub fn next_doc(&mut self, occ: &mut Vec<Occurrence>) -> Option<u32> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let delta = self.reader.varint()?;
        self.doc = if self.first {
            delta
        } else {
            self.doc.checked_add(delta)?
        };
        self.first = false;
        if self.counts_only {
            occ.clear();
            read_counts(&mut self.reader)?;
            return Some(self.doc);
        }
        let len = (self.reader.varint()? >> 1) as usize;
        let bytes = self.reader.take(len)?;
        decode_occurrences(bytes, occ)?;
        Some(self.doc)
    }

    /// The next document and its occurrence bytes, undecoded (see [`decode_tagged`]); none in
    /// a counts list.
    #[inline(always)]
    pub fn next_bytes(&mut self) -> Option<(u32, &'a [u8])> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let delta = self.reader.varint()?;
        self.doc = if self.first {
            delta
        } else {
            self.doc.checked_add(delta)?
        };
        self.first = false;
        if self.counts_only {
            read_counts(&mut self.reader)?;
            return Some((self.doc, &[]));
        }
        let header = self.reader.varint()?;
        let bytes = self.reader.take((header >> 1) as usize)?;
        Some((self.doc, bytes))
    }

    /// The next document with its per-field counts; the occurrences are skipped (read them
    /// with [`SearchIndex::occurrences_at`]). Stops where [`Postings::next_doc`] would.
    #[inline(always)]
    pub fn next_counts(&mut self) -> Option<DocCounts> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let delta = self.reader.varint()?;
        self.doc = if self.first {
            delta
        } else {
            self.doc.checked_add(delta)?
        };
        self.first = false;
        let at = u32::try_from(self.base.checked_add(self.reader.pos())?).ok()?;
        if self.counts_only {
            let (headline, body) = read_counts(&mut self.reader)?;
            return Some(DocCounts {
                doc: self.doc,
                headline,
                body,
                at,
            });
        }
        let header = self.reader.varint()?;
        let bytes = self.reader.take((header >> 1) as usize)?;
        // A list of whole varints ends with a byte below 0x80.
        if bytes.last().is_some_and(|&b| b >= 0x80) {
            return None;
        }
        let (mut n, mut headline) = (0u32, 0u32);
        if header & 1 == 0 {
            for &b in bytes {
                n += (b < 0x80) as u32;
            }
        } else {
            let mut r = Reader::new(bytes);
            let mut o = 0u32;
            while r.pos() < bytes.len() {
                o = o.checked_add(r.varint()?)?;
                headline += o & 1;
                n += 1;
            }
        }
        Some(DocCounts {
            doc: self.doc,
            headline,
            body: n - headline,
            at,
        })
    }
}

/// Decodes one document's occurrence bytes (from [`Postings::next_bytes`]) and appends each
/// occurrence as `(occurrence << 8) | written` (see the phrase check in `query/phrase.rs`);
/// stops at damaged bytes.
#[inline(always)]
pub fn decode_tagged(bytes: &[u8], written: u8, out: &mut Vec<u64>) {
    let mut r = Reader::new(bytes);
    let mut o = 0u32;
    while r.pos() < bytes.len() {
        let Some(next) = r.varint().and_then(|d| o.checked_add(d)) else {
            return;
        };
        o = next;
        out.push((o as u64) << 8 | written as u64);
    }
}

/// Decodes one document's occurrence bytes (varint deltas) into `out` (cleared first); `None`
/// on damaged bytes (with what was decoded until then in `out`).
fn decode_occurrences(bytes: &[u8], out: &mut Vec<Occurrence>) -> Option<()> {
    out.clear();
    let mut r = Reader::new(bytes);
    let mut o = 0u32;
    while r.pos() < bytes.len() {
        o = o.checked_add(r.varint()?)?;
        out.push(o);
    }
    Some(())
}
