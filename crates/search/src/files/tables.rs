//! The tables file, written and read: the index's per-document tables ([`TablesPart`]) laid
//! out column by column, so that gzip sees like with like, with what can be derived at load
//! left out (layout below and in the `files` module header). The app reads this file before
//! its first results, so every byte of it is paid by every visit.
//!
//! # Layout (varint: unsigned LEB128)
//! After the envelope:
//! - `varint n` (documents), then `avg_headline` and `avg_body` (f32 little-endian each);
//! - `varint v` (facet values), then their `v` kinds (one byte each, [`FacetKind`]'s order),
//!   then their `v` names, each front-coded against the previous (`varint shared, varint
//!   suffix_len`, the suffix bytes): values are sorted by kind then name, so neighbours share
//!   most of their bytes;
//! - lengths: the headlines' indexed tokens, then the bodies', each a column of small
//!   numbers: `varint min`, then per document the low byte of `x - min`, then per document
//!   `varint (x - min) >> 8` (mostly 0: the low bytes, alike, compress together);
//! - facet membership: per value in id order `varint df` (its documents), then `varint
//!   bytes` and that many bytes of bits (low bit first), per value its documents increasing,
//!   each as the gap `g` from the one after the previous (from 0 for the first): `g >> k` ones,
//!   a zero, then the `k` low bits of `g` (a Rice code; `k` from `n` and `df`, [`rice_k`], not
//!   stored). Lists by value rather than each document's list: the per-document lists are
//!   rebuilt at load; at 10,000 synthetic articles the per-document varint lists were 158 KB
//!   gzipped, the per-value varint lists 143 KB, these codes 132 KB (their entropy, were the
//!   names chosen independently as the synthetic corpus does, is 122 KB);
//! - years: `varint base`, then per document `varint code` (0: undated, else `year - base + 1`);
//!   then `n` bytes of months (0: unknown), `n` bytes of categories (the figures' bit set);
//! - the newest-first order: one byte `0` then `n` bytes of days (0: unknown), the order being
//!   derived at load (dates decreasing, undated last, then by position: what the index's own
//!   order is whenever the documents' ids increase with their positions, which the writer
//!   checks), or one byte `1` then `n` varints, each document's rank (any other corpus).
//!
//! Not stored: the per-document offsets into the facet lists (rebuilt), the 4-byte ranks
//! (derived), the counts each list's length gives. The reader rebuilds the index's own bytes
//! exactly, so the engine runs unchanged on them.

use super::shards::{put_key, Body};
use super::{envelope, open, DataError, FileKind};
use crate::index::{
    put_varint, put_varint64, sort_keys, Bytes, FacetKind, FacetValue, SearchIndex, TablesPart,
};
use raqmi_model::document::Document;

/// The order key of a document's date: later dates are larger, undated is 0.
fn date_key(meta: &[u8], day: u8) -> u32 {
    let year = u16::from_le_bytes([meta[0], meta[1]]) as u32;
    if year == 0 {
        return 0;
    }
    year << 16 | (meta[2] as u32) << 8 | day as u32
}

/// Each document's rank in the order dates decreasing (undated last), then position.
pub(super) fn derived_ranks(meta: &[u8], days: &[u8]) -> Vec<u32> {
    let mut keys: Vec<u64> = days
        .iter()
        .enumerate()
        .map(|(d, &day)| ((!date_key(&meta[d * 4..d * 4 + 4], day)) as u64) << 32 | d as u64)
        .collect();
    sort_keys(&mut keys);
    let mut ranks = vec![0u32; days.len()];
    for (rank, k) in keys.iter().enumerate() {
        ranks[*k as u32 as usize] = rank as u32;
    }
    ranks
}

/// The Rice parameter of a list of `df` documents among `n`: gaps average about `n / df`, and
/// `2^k` near `ln 2` times that codes them in about `k + 2` bits each. Derived from what both
/// sides know, so not stored.
fn rice_k(n: usize, df: usize) -> u32 {
    let x = (n as u64 * 69) / (100 * df.max(1) as u64);
    x.checked_ilog2().unwrap_or(0)
}

/// Bits written low first into bytes.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    at: usize,
}

impl Bits {
    fn put(&mut self, bit: u32) {
        if self.at.is_multiple_of(8) {
            self.bytes.push(0);
        }
        if let Some(last) = self.bytes.last_mut() {
            *last |= ((bit & 1) as u8) << (self.at % 8);
        }
        self.at += 1;
    }
}

struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl BitReader<'_> {
    /// The next bits (at least 57 of them, zeros past the end), low first.
    fn peek(&self) -> u64 {
        let i = self.at / 8;
        let mut word = [0u8; 8];
        if let Some(rest) = self.bytes.get(i..) {
            let take = rest.len().min(8);
            word[..take].copy_from_slice(&rest[..take]);
        }
        u64::from_le_bytes(word) >> (self.at % 8)
    }

    /// A Rice code with parameter `k` (below 32) whose value is at most `max`; `None` past
    /// the end or above `max`.
    fn rice(&mut self, k: u32, max: u64) -> Option<u64> {
        let mut high = 0u64;
        loop {
            let ones = (!self.peek()).trailing_zeros() as u64;
            if ones < 57 {
                high += ones;
                self.at += ones as usize + 1;
                break;
            }
            high += 56;
            self.at += 56;
            if high > max {
                return None;
            }
        }
        let value = (high << k) | (self.peek() & ((1u64 << k) - 1));
        self.at += k as usize;
        (self.at <= self.bytes.len() * 8 && value <= max).then_some(value)
    }
}

/// A column of small numbers: `varint min`, then each one's low byte above `min`, then the
/// rest (`varint (x - min) >> 8`, mostly 0): the low bytes, alike, compress together.
fn put_column(out: &mut Vec<u8>, column: &[u32]) {
    let min = column.iter().copied().min().unwrap_or(0);
    put_varint(out, min);
    out.extend(column.iter().map(|&x| (x - min) as u8));
    for &x in column {
        put_varint(out, (x - min) >> 8);
    }
}

fn take_column(b: &mut Body, n: usize, what: &str) -> Result<Vec<u32>, DataError> {
    let min = b.u32(what)?;
    let lows = b.take(n, what)?;
    let mut out = Vec::with_capacity(n);
    for &low in lows {
        let high = b.u32(what)?;
        let x = high
            .checked_mul(256)
            .and_then(|h| (h | low as u32).checked_add(min))
            .ok_or_else(|| b.corrupt(what))?;
        out.push(x);
    }
    Ok(out)
}

fn ranks_bytes(ranks: &[u32]) -> Vec<u8> {
    ranks.iter().flat_map(|r| r.to_le_bytes()).collect()
}

/// The tables file of `t`, the tables of the index of `docs`.
pub(super) fn encode_tables(t: &TablesPart, docs: &[Document]) -> Vec<u8> {
    let n = t.doc_count as usize;
    let mut out = envelope(FileKind::Tables);
    put_varint(&mut out, t.doc_count);
    out.extend_from_slice(&t.avg_headline.to_le_bytes());
    out.extend_from_slice(&t.avg_body.to_le_bytes());
    put_varint64(&mut out, t.facet_values.len() as u64);
    out.extend(t.facet_values.iter().map(|v| v.kind as u8));
    let mut prev: &[u8] = &[];
    for v in &t.facet_values {
        put_key(&mut out, prev, v.name.as_bytes());
        prev = v.name.as_bytes();
    }
    for half in 0..2 {
        let column: Vec<u32> = t
            .lengths
            .0
            .chunks_exact(4)
            .map(|l| u16::from_le_bytes([l[half * 2], l[half * 2 + 1]]) as u32)
            .collect();
        put_column(&mut out, &column);
    }
    let mut by_value: Vec<Vec<u32>> = vec![Vec::new(); t.facet_values.len()];
    let index = SearchIndex::from_parts(t, &[], Vec::new(), &[]);
    let mut ids = Vec::new();
    for d in 0..n as u32 {
        index.doc_facets(d, &mut ids);
        for &v in &ids {
            by_value[v as usize].push(d);
        }
    }
    for list in &by_value {
        put_varint64(&mut out, list.len() as u64);
    }
    let mut bits = Bits::default();
    for list in &by_value {
        let k = rice_k(n, list.len());
        let mut next = 0;
        for &d in list {
            let gap = d - next;
            for _ in 0..gap >> k {
                bits.put(1);
            }
            bits.put(0);
            for i in 0..k {
                bits.put(gap >> i & 1);
            }
            next = d + 1;
        }
    }
    put_varint64(&mut out, bits.bytes.len() as u64);
    out.extend_from_slice(&bits.bytes);
    let years = t
        .meta
        .0
        .chunks_exact(4)
        .map(|m| u16::from_le_bytes([m[0], m[1]]));
    let base = years.clone().filter(|&y| y != 0).min().unwrap_or(1);
    put_varint(&mut out, base as u32);
    for y in years {
        put_varint(&mut out, if y == 0 { 0 } else { (y - base) as u32 + 1 });
    }
    out.extend(t.meta.0.chunks_exact(4).map(|m| m[2]));
    out.extend(t.meta.0.chunks_exact(4).map(|m| m[3]));
    let days: Vec<u8> = docs
        .iter()
        .map(|d| d.date.and_then(|d| d.day).unwrap_or(0))
        .collect();
    if days.len() == n && ranks_bytes(&derived_ranks(&t.meta.0, &days)) == t.recency.0 {
        out.push(0);
        out.extend_from_slice(&days);
    } else {
        out.push(1);
        for r in t.recency.0.chunks_exact(4) {
            put_varint(&mut out, u32::from_le_bytes([r[0], r[1], r[2], r[3]]));
        }
    }
    out
}

/// Reads a tables file back into the index's own tables.
pub(super) fn decode_tables(bytes: &[u8], file: &str) -> Result<TablesPart, DataError> {
    let mut b = Body::new(open(bytes, FileKind::Tables, file)?, file);
    let n = b.count("document count")?;
    let avgs = b.take(8, "average lengths")?;
    let avg_headline = f32::from_le_bytes([avgs[0], avgs[1], avgs[2], avgs[3]]);
    let avg_body = f32::from_le_bytes([avgs[4], avgs[5], avgs[6], avgs[7]]);
    let v = b.count("facet value count")?;
    let kinds = b.take(v, "facet kinds")?;
    let mut facet_values = Vec::with_capacity(v);
    let mut name = Vec::new();
    for &k in kinds {
        b.key(&mut name, "facet name")?;
        let kind = FacetKind::ALL.get(k as usize).copied();
        let text = std::str::from_utf8(&name).ok();
        let (Some(kind), Some(text)) = (kind, text) else {
            return Err(b.corrupt("facet value"));
        };
        facet_values.push(FacetValue {
            kind,
            name: text.to_string(),
        });
    }
    let mut lengths = vec![0u8; n * 4];
    for half in 0..2 {
        for (d, l) in take_column(&mut b, n, "lengths")?.into_iter().enumerate() {
            let l = u16::try_from(l).map_err(|_| b.corrupt("lengths"))?;
            lengths[d * 4 + half * 2..d * 4 + half * 2 + 2].copy_from_slice(&l.to_le_bytes());
        }
    }
    let mut dfs = Vec::with_capacity(v);
    for _ in 0..v {
        dfs.push(b.u32("facet list length")?);
    }
    let len = b.count("facet lists")?;
    let mut bits = BitReader {
        bytes: b.take(len, "facet lists")?,
        at: 0,
    };
    // Every list's documents, value after value; then each document's values, increasing,
    // by counting (no sort): a document's count, where its values start, then the values.
    let mut docs = Vec::new();
    let mut per_doc = vec![0u32; n + 1];
    for &df in &dfs {
        let k = rice_k(n, df as usize);
        let mut next = 0u64;
        for _ in 0..df {
            let doc = bits
                .rice(k, n as u64)
                .map(|g| next + g)
                .filter(|&d| d < n as u64)
                .ok_or_else(|| b.corrupt("facet lists"))?;
            docs.push(doc as u32);
            per_doc[doc as usize + 1] += 1;
            next = doc + 1;
        }
    }
    // Only the last byte's padding may be left.
    if bits.bytes.len() != bits.at.div_ceil(8) {
        return Err(b.corrupt("facet lists"));
    }
    for d in 0..n {
        per_doc[d + 1] += per_doc[d];
    }
    let mut fill = per_doc.clone();
    let mut values = vec![0u32; docs.len()];
    let mut at = 0;
    for (value, &df) in dfs.iter().enumerate() {
        for &d in &docs[at..at + df as usize] {
            values[fill[d as usize] as usize] = value as u32;
            fill[d as usize] += 1;
        }
        at += df as usize;
    }
    let mut doc_facets = Vec::new();
    let mut doc_facet_offsets = Vec::with_capacity(n * 4);
    for d in 0..n {
        doc_facet_offsets.extend_from_slice(&(doc_facets.len() as u32).to_le_bytes());
        let list = &values[per_doc[d] as usize..per_doc[d + 1] as usize];
        put_varint(&mut doc_facets, list.len() as u32);
        let mut prev = 0;
        for &v in list {
            put_varint(&mut doc_facets, v - prev);
            prev = v;
        }
    }
    let base = b.u32("years")?;
    let mut meta = vec![0u8; n * 4];
    for m in meta.chunks_exact_mut(4) {
        let code = b.u32("years")?;
        let year = match code {
            0 => 0,
            c => base
                .checked_add(c - 1)
                .and_then(|y| u16::try_from(y).ok())
                .ok_or_else(|| b.corrupt("years"))?,
        };
        m[..2].copy_from_slice(&year.to_le_bytes());
    }
    for col in 2..4 {
        for (m, &x) in meta
            .chunks_exact_mut(4)
            .zip(b.take(n, "months and categories")?)
        {
            m[col] = x;
        }
    }
    let ranks = match b.take(1, "order")?[0] {
        0 => derived_ranks(&meta, b.take(n, "days")?),
        1 => {
            let mut seen = vec![false; n];
            let mut ranks = Vec::with_capacity(n);
            for _ in 0..n {
                let r = b.u32("order")?;
                match seen.get_mut(r as usize) {
                    Some(s) if !*s => *s = true,
                    _ => return Err(b.corrupt("order")),
                }
                ranks.push(r);
            }
            ranks
        }
        _ => return Err(b.corrupt("order")),
    };
    b.end()?;
    Ok(TablesPart {
        doc_count: n as u32,
        lengths: Bytes(lengths),
        avg_headline,
        avg_body,
        facet_values,
        doc_facets: Bytes(doc_facets),
        doc_facet_offsets: Bytes(doc_facet_offsets),
        recency: Bytes(ranks_bytes(&ranks)),
        meta: Bytes(meta),
    })
}
