//! Postings lists split in two for the data files (version 6): the **counts list**, each
//! document with how often the term occurs in each field (all that ranking reads), and the
//! **offsets**, every occurrence's varints (what phrases read, and the match spans when they
//! are there). A query without a phrase fetches the counts alone: at 10,000 synthetic articles
//! the offsets are about 70 % of the postings' compressed bytes. Joining the two gives the
//! very list split, byte for byte, so an index of joined lists is the whole index's.
//!
//! Counts layout: the full list's header (`varint (df << 2) | written`), then per document
//! `varint doc_delta`, `varint (body << 1) | any_headline` and, when `any_headline`, `varint
//! headline` (occurrences in each field). Offsets: per document, in the list's order, its
//! `headline + body` occurrence varints exactly as the full list holds them (no length: the
//! counts say how many varints each document has).

use super::bytes::{put_varint, Reader};

/// Splits a postings list (the `index` module header's layout) into its counts list and its
/// offsets; `None` on damaged bytes.
pub fn split_postings(list: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut r = Reader::new(list);
    let header = r.varint()?;
    let mut counts = Vec::new();
    let mut offsets = Vec::with_capacity(list.len());
    put_varint(&mut counts, header);
    for _ in 0..header >> 2 {
        let delta = r.varint()?;
        let len = (r.varint()? >> 1) as usize;
        let bytes = r.take(len)?;
        let (mut n, mut headline) = (0u32, 0u32);
        let mut o = 0u32;
        let mut occ = Reader::new(bytes);
        while occ.pos() < bytes.len() {
            o = o.checked_add(occ.varint()?)?;
            headline += o & 1;
            n += 1;
        }
        put_varint(&mut counts, delta);
        put_counts(&mut counts, headline, n - headline);
        offsets.extend_from_slice(bytes);
    }
    (r.left() == 0).then_some((counts, offsets))
}

/// Writes one document's counts (the module header's layout).
fn put_counts(out: &mut Vec<u8>, headline: u32, body: u32) {
    put_varint(out, body << 1 | (headline > 0) as u32);
    if headline > 0 {
        put_varint(out, headline);
    }
}

/// Reads one document's counts: (headline, body).
#[inline(always)]
pub(super) fn read_counts(r: &mut Reader<'_>) -> Option<(u32, u32)> {
    let v = r.varint()?;
    let headline = if v & 1 == 1 { r.varint()? } else { 0 };
    Some((headline, v >> 1))
}

/// The postings list [`split_postings`] split into `counts` and `offsets`, byte for byte;
/// `None` when they do not go together (damaged, or of other lists).
pub fn join_postings(counts: &[u8], offsets: &[u8]) -> Option<Vec<u8>> {
    let mut c = Reader::new(counts);
    let mut p = Reader::new(offsets);
    let header = c.varint()?;
    let mut out = Vec::with_capacity(counts.len() + offsets.len());
    put_varint(&mut out, header);
    for _ in 0..header >> 2 {
        let delta = c.varint()?;
        let (headline, body) = read_counts(&mut c)?;
        let start = p.pos();
        for _ in 0..headline.checked_add(body)? {
            p.varint()?;
        }
        let bytes = offsets.get(start..p.pos())?;
        let len = u32::try_from(bytes.len())
            .ok()
            .filter(|&l| l <= u32::MAX >> 1)?;
        put_varint(&mut out, delta);
        put_varint(&mut out, len << 1 | (headline > 0) as u32);
        out.extend_from_slice(bytes);
    }
    (c.left() == 0 && p.left() == 0).then_some(out)
}
