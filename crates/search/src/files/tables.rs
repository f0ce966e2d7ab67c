//! The tables file and the facets file, written and read: the index's per-document tables
//! ([`TablesPart`]) laid out column by column, so that gzip sees like with like, with what can
//! be derived at load left out (layout below and in the `files` module header). The app reads
//! the tables before its first results, so every byte of them is paid by every visit: they
//! hold what ranking and the date filters read (lengths, dates, the newest-first order) and no
//! more. The facet part (names, their documents and each document's categories: most of the
//! bytes at scale) is in its own file unless the corpus is small, read after a query's first
//! results, or first by a view that filters by it; a view that reads the figures table has
//! the categories from it (`ShardedCorpus`).
//!
//! # Layout (varint: unsigned LEB128), version 7
//! After the envelope:
//! - `varint n` (documents), then `avg_headline` and `avg_body` (f32 little-endian each);
//! - one byte: 1 when the facet part (the next three items) follows here, a corpus in one
//!   pack; 0 when it is in the facets file instead (there after the envelope and `varint n`,
//!   written by [`encode_facets`]);
//! - `varint v` (facet values), then their `v` kinds (one byte each, [`FacetKind`]'s order),
//!   then their `v` names, each front-coded against the previous (`varint shared, varint
//!   suffix_len`, the suffix bytes): values are sorted by kind then name, so neighbours share
//!   most of their bytes;
//! - facet membership: per value in id order `varint df` (its documents), then `varint
//!   bytes` and that many bytes of bits (low bit first), per value its documents increasing,
//!   each as the gap `g` from the one after the previous (from 0 for the first): `g >> k` ones,
//!   a zero, then the `k` low bits of `g` (a Rice code; `k` from `n` and `df`, [`rice_k`], not
//!   stored). Lists by value rather than each document's list: the per-document lists are
//!   rebuilt at load; at 10,000 synthetic articles (gzip, with the counts) each document's
//!   list as varints was 158 KB, each value's as varint gaps 143 KB, these codes 131 KB (the
//!   lists' entropy, the synthetic corpus choosing names independently, is 125 KB);
//! - `n` bytes: each document's categories (its figures' bit set). Ranking never reads them,
//!   and at 100,000 synthetic articles they were 60 KB of the 339 KB tables of version 6;
//! - lengths (indexed tokens of each headline, of each body): `varint min_headline, varint
//!   min_body`, then the low bytes of `x - min`, `n` for the headlines then `n` for the
//!   bodies, then their high bytes likewise (mostly 0): like bytes together;
//! - dates: `varint base`, `varint runs`, then per run of documents of one year and month
//!   `varint length, varint year` (0: undated, else `year - base + 1`) and one byte of month
//!   (0: unknown). A corpus numbered newest first ([`crate::index::newest_first`], what the
//!   `corpus` command writes) has one run per month: 438 B at 100,000, where a year and a
//!   month per document were 99 KB;
//! - the newest-first order: `varint 0`, nothing more, when the documents are numbered in it
//!   (ranking's ties, broken by it, need no date then); or `varint 1` then per document
//!   `varint day` (0: unknown), the order derived at load (dates decreasing, undated last,
//!   then by position: the index's own order whenever the documents' ids increase with their
//!   positions, which the writer checks); or `varint 2` then per document `varint n - 1 -
//!   rank` (any other corpus); one reading for the last two, [`recency_of`].
//!
//! Not stored: the per-document offsets into the facet lists (rebuilt), the 4-byte ranks
//! (derived), the counts each list's length gives. The reader rebuilds the index's own bytes
//! exactly, so the engine runs unchanged on them.

use super::shards::{put_key, Body};
use super::{envelope, open, DataError, FileKind};
use crate::index::{
    put_varint, put_varint64, sort_keys, Bytes, FacetKind, FacetValue, Reader, SearchIndex,
    TablesPart,
};
use raqmi_model::document::Document;

/// The index's `recency` bytes (each document's rank, 4 little-endian bytes) of the order
/// by key decreasing, then position; a document's key is `extra` added to, when `dates`,
/// `year << 16 | month << 8` from its `meta` (so with its day as `extra`: the dates
/// decreasing, undated last). Without `dates`, `extra` alone orders (`n - 1 - rank`).
pub(super) fn recency_of(meta: &[u8], extras: &[u32], dates: bool) -> Vec<u8> {
    let mut keys: Vec<u64> = meta
        .chunks_exact(4)
        .zip(extras)
        .enumerate()
        .map(|(d, (m, &extra))| {
            let ym = (u16::from_le_bytes([m[0], m[1]]) as u32) << 16 | (m[2] as u32) << 8;
            let key = (ym * dates as u32).wrapping_add(extra);
            ((!key) as u64) << 32 | d as u64
        })
        .collect();
    sort_keys(&mut keys);
    let mut ranks = vec![0u8; keys.len() * 4];
    for (rank, k) in keys.iter().enumerate() {
        let at = (*k as u32 as usize) * 4;
        if let Some(r) = ranks.get_mut(at..at + 4) {
            r.copy_from_slice(&(rank as u32).to_le_bytes());
        }
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

/// The newest-first order's flags (layout above): the documents numbered in it; derived from
/// the dates and each document's day; each document's rank.
const ORDER_NUMBERED: u32 = 0;
const ORDER_DAYS: u32 = 1;
const ORDER_RANKS: u32 = 2;

/// The tables file of `t`, the tables of the index of `docs`; with `facets_here`, the facet
/// values and their documents too, else those are in the facets file ([`encode_facets`]).
pub(super) fn encode_tables(t: &TablesPart, docs: &[Document], facets_here: bool) -> Vec<u8> {
    let n = t.doc_count as usize;
    let mut out = envelope(FileKind::Tables);
    put_varint(&mut out, t.doc_count);
    out.extend_from_slice(&t.avg_headline.to_le_bytes());
    out.extend_from_slice(&t.avg_body.to_le_bytes());
    out.push(facets_here as u8);
    if facets_here {
        put_facets(&mut out, t);
    }
    // Lengths: per half (headline, body) its minimum, then the low bytes above it, half
    // after half, then the high bytes (mostly 0): like bytes together.
    let half = |h: usize| {
        t.lengths
            .0
            .chunks_exact(4)
            .map(move |l| u16::from_le_bytes([l[h], l[h + 1]]))
    };
    let mins = [0, 2].map(|h| half(h).min().unwrap_or(0));
    for min in mins {
        put_varint(&mut out, min as u32);
    }
    for shift in [0, 8] {
        for (h, min) in [0, 2].into_iter().zip(mins) {
            out.extend(half(h).map(|x| ((x - min) >> shift) as u8));
        }
    }
    // Dates: runs of documents of one (year, month), as a newest-first corpus has them.
    let years = t
        .meta
        .0
        .chunks_exact(4)
        .map(|m| u16::from_le_bytes([m[0], m[1]]));
    let base = years.clone().filter(|&y| y != 0).min().unwrap_or(1);
    let mut runs: Vec<(u32, u32, u8)> = Vec::new();
    for (y, m) in years.zip(t.meta.0.chunks_exact(4).map(|m| m[2])) {
        let code = if y == 0 { 0 } else { (y - base) as u32 + 1 };
        match runs.last_mut() {
            Some((len, c, month)) if *c == code && *month == m => *len += 1,
            _ => runs.push((1, code, m)),
        }
    }
    put_varint(&mut out, base as u32);
    put_varint64(&mut out, runs.len() as u64);
    for (len, code, month) in runs {
        put_varint(&mut out, len);
        put_varint(&mut out, code);
        out.push(month);
    }
    // The order: nothing when the documents are numbered in it, else their days (the order
    // derived from the dates), else each one's rank.
    let rank = |r: &[u8]| u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
    let numbered = t
        .recency
        .0
        .chunks_exact(4)
        .enumerate()
        .all(|(d, r)| rank(r) == d as u32);
    if numbered {
        put_varint(&mut out, ORDER_NUMBERED);
        return out;
    }
    let days: Vec<u32> = docs
        .iter()
        .map(|d| d.date.and_then(|d| d.day).unwrap_or(0) as u32)
        .collect();
    let (flag, extras) = if days.len() == n && recency_of(&t.meta.0, &days, true) == t.recency.0 {
        (ORDER_DAYS, days)
    } else {
        let ranks = t.recency.0.chunks_exact(4).map(|r| n as u32 - 1 - rank(r));
        (ORDER_RANKS, ranks.collect())
    };
    put_varint(&mut out, flag);
    for x in extras {
        put_varint(&mut out, x);
    }
    out
}

/// The facets file of `t`: the facet values and each one's documents, for a corpus whose
/// tables leave them out (fetched after a query's first results, `files` module header).
pub(super) fn encode_facets(t: &TablesPart) -> Vec<u8> {
    let mut out = envelope(FileKind::Facets);
    put_varint(&mut out, t.doc_count);
    put_facets(&mut out, t);
    out
}

/// The facet values (kinds, then names front-coded) and each value's documents (counts, then
/// Rice-coded gaps): the layout's facet part, in the tables or in the facets file.
fn put_facets(out: &mut Vec<u8>, t: &TablesPart) {
    let n = t.doc_count as usize;
    put_varint64(out, t.facet_values.len() as u64);
    out.extend(t.facet_values.iter().map(|v| v.kind as u8));
    let mut prev: &[u8] = &[];
    for v in &t.facet_values {
        put_key(out, prev, v.name.as_bytes());
        prev = v.name.as_bytes();
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
        put_varint64(out, list.len() as u64);
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
    put_varint64(out, bits.bytes.len() as u64);
    out.extend_from_slice(&bits.bytes);
    out.extend(t.meta.0.chunks_exact(4).map(|m| m[3]));
}

/// The facet part of the tables: the values, and each document's values as the index holds
/// them (`doc_facets` and its offsets).
pub(super) struct Facets {
    pub values: Vec<FacetValue>,
    pub doc_facets: Bytes,
    pub doc_facet_offsets: Bytes,
    /// Per document, the categories of its figures (a bit set, `meta`'s last byte).
    pub categories: Vec<u8>,
}

impl Facets {
    /// Puts the facets file's part into tables read without it.
    pub(super) fn put_into(self, t: &mut TablesPart) {
        t.facet_values = self.values;
        t.doc_facets = self.doc_facets;
        t.doc_facet_offsets = self.doc_facet_offsets;
        put_categories(t, self.categories);
    }
}

/// Writes each document's categories (a bit set per document, in order) into tables read
/// without them: from the facets file, or from the figures table's documents.
pub(super) fn put_categories(t: &mut TablesPart, categories: impl IntoIterator<Item = u8>) {
    for (m, c) in t.meta.0.chunks_exact_mut(4).zip(categories) {
        m[3] = c;
    }
}

/// Reads a tables file back into the index's own tables, and whether they hold the facets
/// (else the facets file does, and the tables' documents have no facet value until it is
/// added: `ShardedCorpus::add`).
pub(super) fn decode_tables(bytes: &[u8], file: &str) -> Result<(TablesPart, bool), DataError> {
    let body = open(bytes, FileKind::Tables, file)?;
    // One error for any damage (the file is named): a message per field would cost the app's
    // wasm more than the layout saves on the seeds' tables.
    read_tables(&mut Body::new(body, file)).ok_or_else(|| DataError::Corrupt {
        file: file.to_string(),
        what: "tables",
    })
}

/// Reads a facets file of a corpus of `n` documents.
pub(super) fn decode_facets(bytes: &[u8], file: &str, n: usize) -> Result<Facets, DataError> {
    let body = open(bytes, FileKind::Facets, file)?;
    let mut b = Body::new(body, file);
    let read = |b: &mut Body| {
        if count(&mut b.r)? != n {
            return None;
        }
        let facets = read_facets(b, n)?;
        (b.r.left() == 0).then_some(facets)
    };
    read(&mut b).ok_or_else(|| DataError::Corrupt {
        file: file.to_string(),
        what: "facets",
    })
}

/// A count of items each taking at least a byte.
fn count(r: &mut Reader) -> Option<usize> {
    let n = r.varint()? as usize;
    (n <= r.left()).then_some(n)
}

fn read_facets(b: &mut Body, n: usize) -> Option<Facets> {
    let v = count(&mut b.r)?;
    let kinds = b.r.take(v)?;
    let mut values = Vec::with_capacity(v);
    let mut name = Vec::new();
    for &k in kinds {
        b.key(&mut name, "").ok()?;
        values.push(FacetValue {
            kind: *FacetKind::ALL.get(k as usize)?,
            name: String::from_utf8(name.clone()).ok()?,
        });
    }
    let r = &mut b.r;
    let mut dfs = Vec::with_capacity(v);
    for _ in 0..v {
        dfs.push(Some(r.varint()? as usize).filter(|&df| df <= n)?);
    }
    let len = count(r)?;
    let mut bits = BitReader {
        bytes: r.take(len)?,
        at: 0,
    };
    // (document, value) pairs, sorted: each document's values, increasing.
    let mut pairs = Vec::new();
    for (value, &df) in dfs.iter().enumerate() {
        let k = rice_k(n, df);
        let mut next = 0;
        for _ in 0..df {
            let doc = next + bits.rice(k, n as u64)?;
            if doc >= n as u64 {
                return None;
            }
            pairs.push(doc << 32 | value as u64);
            next = doc + 1;
        }
    }
    // Only the last byte's padding may be left.
    if bits.bytes.len() != bits.at.div_ceil(8) {
        return None;
    }
    sort_keys(&mut pairs);
    let mut doc_facets = Vec::new();
    let mut doc_facet_offsets = Vec::with_capacity(n * 4);
    let mut rest = pairs.as_slice();
    for d in 0..n as u64 {
        doc_facet_offsets.extend_from_slice(&(doc_facets.len() as u32).to_le_bytes());
        let count = rest.iter().take_while(|p| **p >> 32 == d).count();
        let (list, after) = rest.split_at(count);
        put_varint(&mut doc_facets, count as u32);
        let mut prev = 0;
        for &p in list {
            put_varint(&mut doc_facets, p as u32 - prev);
            prev = p as u32;
        }
        rest = after;
    }
    let categories = b.r.take(n)?.to_vec();
    Some(Facets {
        values,
        doc_facets: Bytes(doc_facets),
        doc_facet_offsets: Bytes(doc_facet_offsets),
        categories,
    })
}

fn read_tables(b: &mut Body) -> Option<(TablesPart, bool)> {
    let r = &mut b.r;
    let n = count(r)?;
    let avgs = r.take(8)?;
    let avg = |i: usize| f32::from_le_bytes([avgs[i], avgs[i + 1], avgs[i + 2], avgs[i + 3]]);
    let (avg_headline, avg_body) = (avg(0), avg(4));
    let here = match r.take(1)?[0] {
        0 => false,
        1 => true,
        _ => return None,
    };
    // Without the facets: no document has a value (the index's reader finds no list).
    let facets = match here {
        true => read_facets(b, n)?,
        false => Facets {
            values: Vec::new(),
            doc_facets: Bytes::default(),
            doc_facet_offsets: Bytes::default(),
            categories: vec![0; n],
        },
    };
    let r = &mut b.r;
    let mins = [r.varint()?, r.varint()?];
    let bytes = r.take(4 * n)?;
    let mut lengths = Vec::with_capacity(n * 4);
    for d in 0..n {
        for (h, min) in mins.into_iter().enumerate() {
            let at = h * n + d;
            let x = (*bytes.get(at)? as u32 | (*bytes.get(2 * n + at)? as u32) << 8)
                .checked_add(min)?;
            lengths.extend_from_slice(&u16::try_from(x).ok()?.to_le_bytes());
        }
    }
    let base = r.varint()?;
    let mut meta = Vec::with_capacity(n * 4);
    for _ in 0..count(r)? {
        let len = r.varint()? as usize;
        let year = match r.varint()? {
            0 => 0,
            c => u16::try_from(base.checked_add(c - 1)?).ok()?,
        };
        let month = r.take(1)?[0];
        if len > n - meta.len() / 4 {
            return None;
        }
        for _ in 0..len {
            meta.extend_from_slice(&year.to_le_bytes());
            meta.extend_from_slice(&[month, 0]);
        }
    }
    if meta.len() != n * 4 {
        return None;
    }
    let flag = r.varint()?;
    let ranks = if flag == ORDER_NUMBERED {
        (0..n as u32).flat_map(u32::to_le_bytes).collect()
    } else if flag <= ORDER_RANKS {
        let mut extras = Vec::with_capacity(n);
        for _ in 0..n {
            extras.push(r.varint()?);
        }
        recency_of(&meta, &extras, flag == ORDER_DAYS)
    } else {
        return None;
    };
    let mut tables = TablesPart {
        doc_count: n as u32,
        lengths: Bytes(lengths),
        avg_headline,
        avg_body,
        facet_values: facets.values,
        doc_facets: facets.doc_facets,
        doc_facet_offsets: facets.doc_facet_offsets,
        recency: Bytes(ranks),
        meta: Bytes(meta),
    };
    put_categories(&mut tables, facets.categories);
    (r.left() == 0).then_some((tables, here))
}
