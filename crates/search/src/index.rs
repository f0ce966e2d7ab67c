//! The full-text search index: how article text becomes searchable terms (analysis), and the
//! compact, serializable structure that maps terms to the documents and places they occur in.
//! `query.rs` owns parsing, matching and ranking on top of it; this module only stores and
//! looks up.
//!
//! # Analysis
//! A word of the text ([`text::tokens`]) becomes a *term* by folding it ([`text::fold`]: lower
//! case, accents dropped, so "NUMÉRIQUE" and "numerique" are one term). Stop words
//! ([`is_stop_word`]: one-character tokens, which covers elided articles such as the "l" of
//! "l’AUSIM", and a short list of French function words) are **not indexed**: they are about a
//! third of all tokens and would carry most of the postings for no ranking value. Phrase queries
//! still check them, by reading the text (see `query.rs`). Tokens longer than
//! [`MAX_TERM_BYTES`] are not indexed (they are never words). Terms are stored as written
//! (folded), not stemmed, so that an exact match can outrank a stem match; a separate table
//! maps each Snowball French stem of a folded term ([`stem`]) to the terms that share it, so
//! "formations" also finds "formation".
//!
//! # Fields
//! Each occurrence belongs to the headline field or the body field. The headline is
//! `Document::headline`; when it is the text's first paragraph (role `Headline`) its
//! occurrences are at their text offsets; when it comes from elsewhere (a `corpus.toml` title)
//! it is indexed at *virtual* addresses `text.len() + 1 + offset_in_headline`.
//!
//! # Binary layout (all inside a postcard encoding of [`SearchIndex`])
//! - varint: unsigned LEB128 (7 bits a byte, low bits first), at most 5 bytes for a `u32`.
//! - `terms` ([`Dictionary`]): the folded terms in byte order, front-coded in blocks of
//!   [`BLOCK`] entries. Each entry is `varint shared_prefix_len, varint suffix_len, suffix
//!   bytes, varint payload_len` (the first entry of a block shares nothing). `blocks` holds,
//!   per block, two little-endian `u32`: the byte offset of its first entry, and the offset of
//!   that entry's payload in the payload area. Term `i`'s payload is its postings list in
//!   `postings`. Lookup = binary search over block heads, then a scan of at most 16 entries;
//!   no decoding at start-up.
//! - a postings list: `varint (df << 2) | written` (df: documents; written: see below), then
//!   per document in increasing order `varint doc_delta` (the first is the document number
//!   itself), `varint (len << 1) | any_headline`, and `len` bytes: the varint deltas of the
//!   occurrences `(address << 1) | is_headline` (the first absolute), where the address is the
//!   byte offset of the occurrence's first byte (see Fields). Storing byte offsets rather than
//!   word positions lets the query engine return highlight spans, snippets and
//!   keyword-in-context lines without re-tokenizing documents. Ranking needs only how many
//!   occurrences each field has: without a headline occurrence (most documents) that is the
//!   number of varints in the `len` bytes (bytes below 0x80), counted without decoding them.
//!   `written` is 1, 2 or 3 when every occurrence of the term is written in the text with 0, 1
//!   or 2 bytes more than the folded term ("numérique" is one more than "numerique"), 0 when
//!   the lengths vary: knowing where a word ends without reading the text lets phrase queries
//!   check most adjacencies from the index alone (see `query.rs`).
//! - `stems` ([`Dictionary`]): the Snowball stems in byte order; a stem's payload in
//!   `stem_terms` is `varint count` then the ids of its terms as varint deltas.
//! - `lengths`: per document, two little-endian `u16` (saturating): indexed tokens in the
//!   headline field, then in the body field. BM25's length normalization reads them.
//! - `facet_values`: every (kind, canonical name) a document can be filtered by (source,
//!   organisation, place, person, programme), sorted; `doc_facets` lists each document's value
//!   ids (`varint count`, then varint deltas) starting at the little-endian `u32` offset
//!   `doc_facet_offsets[doc]`.
//! - `recency`: per document, a little-endian `u32`: its rank when the corpus is sorted newest
//!   first (undated last), then by id. Sorting results by rank instead of by reading dates and
//!   ids out of scattered documents keeps sorting 10,000 hits well under a millisecond.
//! - `meta`: per document, 4 bytes: the year (little-endian `u16`, 0 when undated), the month
//!   (0 when unknown) and a bit set of the categories of its figures (bit `Category as u8`).
//!   Filters and facet counts read these instead of the documents (one cache miss less each).
//!
//! Every reader is bounds-checked: a damaged index yields fewer results, never a panic.
//!
//! # Derived tables
//! [`DocTables`] are flat per-document arrays (facet value ids, year, recency order),
//! corpus-wide facet totals and, on the first filter by a name, each value's documents, built from the parts above on the first search and never
//! serialized: the query engine reads them per matching document without decoding varints.

pub use crate::facet::FacetKind;
use raqmi_model::document::{Document, ParagraphRole};
use raqmi_model::text;
use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

/// Entries per front-coded block: a lookup scans at most this many; larger blocks are smaller
/// (fewer block heads stored in full) but slower to scan.
pub const BLOCK: usize = 16;

/// Longer tokens (in bytes, folded) are not indexed: they are URLs, hashes or garbage.
pub const MAX_TERM_BYTES: usize = 48;

/// French function words, folded and sorted. Kept short on purpose: a word here can never be
/// searched on its own. Words that are also meaningful terms in this corpus ("ai" as in AI,
/// "fait", "entre") are left out.
#[rustfmt::skip]
pub const STOP_WORDS: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles",
    "en", "est", "et", "il", "ils", "jusqu", "la", "le", "les", "leur", "leurs", "lorsqu", "mais",
    "ne", "nos", "notre", "nous", "ont", "ou", "par", "pas", "pour", "puisqu", "qu", "que", "qui",
    "sa", "se", "ses", "son", "sont", "sur", "un", "une", "vos", "votre", "vous",
];

/// True for a folded token that is not indexed (see the module header).
pub fn is_stop_word(folded: &str) -> bool {
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (None, _) | (Some(_), None) => true,
        _ => STOP_WORDS.binary_search(&folded).is_ok(),
    }
}

/// A folded token that gets indexed, or `None` for a stop word / overlong token.
pub fn index_term(token: &str) -> Option<String> {
    let folded = text::fold(token);
    (!folded.is_empty() && folded.len() <= MAX_TERM_BYTES && !is_stop_word(&folded))
        .then_some(folded)
}

/// The Snowball French stem of a folded term. Stemming the folded form (not the accented one)
/// keeps a query typed without accents on the same stem as the text.
pub fn stem(stemmer: &Stemmer, folded: &str) -> String {
    stemmer.stem(folded).into_owned()
}

/// The French stemmer (cheap to create: a function table).
pub fn french_stemmer() -> Stemmer {
    Stemmer::create(Algorithm::French)
}

// ---------------------------------------------------------------------------------------------
// Bytes: a Vec<u8> that serializes as one byte string (a length and a memcpy with postcard),
// not as a sequence of integers, so decoding the index at start-up is a copy.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bytes(pub Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a byte string")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Bytes, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
                while let Some(b) = seq.next_element()? {
                    out.push(b);
                }
                Ok(Bytes(out))
            }
        }
        d.deserialize_byte_buf(V)
    }
}

// ---------------------------------------------------------------------------------------------
// Varints and bounds-checked readers.

pub fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// [`put_varint`] for 64-bit values (at most 10 bytes).
pub fn put_varint64(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A cursor over bytes; every read returns `None` past the end or on a malformed varint.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }
    pub fn at(bytes: &'a [u8], pos: usize) -> Self {
        Reader { bytes, pos }
    }
    pub fn pos(&self) -> usize {
        self.pos
    }
    /// Bytes not read yet.
    pub fn left(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }
    #[inline(always)]
    pub fn varint(&mut self) -> Option<u32> {
        // Most varints of an index are one or two bytes (an occurrence delta below 16,384):
        // those cases stay inline.
        let b = *self.bytes.get(self.pos)?;
        if b < 0x80 {
            self.pos += 1;
            return Some(b as u32);
        }
        if let Some(&b2) = self.bytes.get(self.pos + 1) {
            if b2 < 0x80 {
                self.pos += 2;
                return Some((b & 0x7f) as u32 | (b2 as u32) << 7);
            }
        }
        self.varint_long()
    }
    /// A multi-byte varint: the 64-bit reading, refused when it does not fit in 32 bits.
    #[inline(never)]
    fn varint_long(&mut self) -> Option<u32> {
        self.varint64_long().and_then(|v| u32::try_from(v).ok())
    }
    /// A varint written by [`put_varint64`].
    #[inline(always)]
    pub fn varint64(&mut self) -> Option<u64> {
        let b = *self.bytes.get(self.pos)?;
        if b < 0x80 {
            self.pos += 1;
            return Some(b as u64);
        }
        self.varint64_long()
    }
    #[inline(never)]
    fn varint64_long(&mut self) -> Option<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.pos)?;
            self.pos += 1;
            let part = (b & 0x7f) as u64;
            // The tenth byte may only carry the top bit.
            if shift == 63 && part > 1 {
                return None;
            }
            v |= part << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
}

/// Sorts integer keys in increasing order: the one sort routine of a search (hits, facet
/// lists, a phrase word's occurrences). An insertion sort for a few keys, else a radix sort,
/// byte by byte from the lowest, skipping the bytes every key shares (a hit's rank fits in
/// two). Both are plain loops, which stay fast in the size-optimized wasm build, where the
/// standard library's comparison sorts run several times slower than natively.
pub fn sort_keys(keys: &mut Vec<u64>) {
    let n = keys.len();
    if n <= 32 {
        let k = keys.as_mut_slice();
        for i in 1..n {
            let key = k[i];
            let mut j = i;
            while j > 0 && k[j - 1] > key {
                k[j] = k[j - 1];
                j -= 1;
            }
            k[j] = key;
        }
        return;
    }
    // The bytes where keys differ: the others need no pass.
    let (mut any, mut all) = (0u64, u64::MAX);
    for &k in keys.iter() {
        any |= k;
        all &= k;
    }
    let varying = any ^ all;
    let mut src = std::mem::take(keys);
    let mut dst = vec![0u64; n];
    let mut c = [0u32; 256];
    for shift in (0..64).step_by(8) {
        if (varying >> shift) as u8 == 0 {
            continue;
        }
        c.fill(0);
        let from = src.as_slice();
        for &k in from {
            c[(k >> shift) as u8 as usize] += 1;
        }
        let mut sum = 0;
        for x in c.iter_mut() {
            let here = *x;
            *x = sum;
            sum += here;
        }
        let to = dst.as_mut_slice();
        for &k in from {
            let slot = &mut c[(k >> shift) as u8 as usize];
            if let Some(d) = to.get_mut(*slot as usize) {
                *d = k;
            }
            *slot += 1;
        }
        std::mem::swap(&mut src, &mut dst);
    }
    *keys = src;
}

fn u32_at(bytes: &[u8], i: usize) -> Option<u32> {
    let s = bytes.get(i.checked_mul(4)?..i.checked_mul(4)?.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn u16_at(bytes: &[u8], i: usize) -> Option<u16> {
    let s = bytes.get(i.checked_mul(2)?..i.checked_mul(2)?.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

// ---------------------------------------------------------------------------------------------
// Front-coded sorted dictionary.

/// A sorted set of byte strings, each with a payload range in a separate area (see the layout
/// in the module header).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dictionary {
    len: u32,
    entries: Bytes,
    blocks: Bytes,
}

impl Dictionary {
    /// Builds from keys in strictly increasing byte order, each with its payload length.
    fn build<'k>(items: impl IntoIterator<Item = (&'k [u8], usize)>) -> Dictionary {
        let mut entries = Vec::new();
        let mut blocks = Vec::new();
        let mut prev: &[u8] = &[];
        let mut payload = 0u32;
        let mut len = 0u32;
        for (i, (key, plen)) in items.into_iter().enumerate() {
            let shared = if i % BLOCK == 0 {
                blocks.extend_from_slice(&(entries.len() as u32).to_le_bytes());
                blocks.extend_from_slice(&payload.to_le_bytes());
                0
            } else {
                prev.iter().zip(key).take_while(|(a, b)| a == b).count()
            };
            put_varint(&mut entries, shared as u32);
            put_varint(&mut entries, (key.len() - shared) as u32);
            entries.extend_from_slice(&key[shared..]);
            put_varint(&mut entries, plen as u32);
            payload = payload.saturating_add(plen as u32);
            prev = key;
            len += 1;
        }
        Dictionary {
            len,
            entries: Bytes(entries),
            blocks: Bytes(blocks),
        }
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    fn block_count(&self) -> usize {
        self.blocks.0.len() / 8
    }

    /// A cursor on the first entry of block `b`.
    fn cursor_at_block(&self, b: usize) -> Option<Cursor<'_>> {
        let entry_off = u32_at(&self.blocks.0, b * 2)? as usize;
        let payload_off = u32_at(&self.blocks.0, b * 2 + 1)? as usize;
        Some(Cursor {
            dict: self,
            reader: Reader::at(&self.entries.0, entry_off),
            key: Vec::new(),
            next_id: (b * BLOCK) as u32,
            next_payload: payload_off,
            payload: 0..0,
        })
    }

    /// A cursor before the first entry.
    pub fn cursor(&self) -> Option<Cursor<'_>> {
        self.cursor_at_block(0)
    }

    /// The head key of block `b`, borrowed: a block's first entry shares nothing, so its
    /// suffix is the whole key (binary search allocates nothing).
    fn block_head(&self, b: usize) -> Option<&[u8]> {
        let entry_off = u32_at(&self.blocks.0, b.checked_mul(2)?)? as usize;
        let mut r = Reader::at(&self.entries.0, entry_off);
        let _shared = r.varint()?;
        let len = r.varint()? as usize;
        r.take(len)
    }

    /// The index of the last block whose head is `< key` (or `<=` when `inclusive`), or 0.
    fn block_before(&self, key: &[u8], inclusive: bool) -> usize {
        let (mut lo, mut hi) = (0, self.block_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let ok = match self.block_head(mid) {
                Some(h) if inclusive => h <= key,
                Some(h) => h < key,
                None => false,
            };
            if ok {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo.saturating_sub(1)
    }

    /// The id and payload range of `key`.
    pub fn find(&self, key: &[u8]) -> Option<(u32, Range<usize>)> {
        let mut c = self.cursor_at_block(self.block_before(key, true))?;
        for _ in 0..BLOCK {
            c.advance()?;
            match c.key().cmp(key) {
                std::cmp::Ordering::Equal => return Some((c.id(), c.payload())),
                std::cmp::Ordering::Greater => return None,
                std::cmp::Ordering::Less => {}
            }
        }
        None
    }

    /// A cursor whose next [`Cursor::advance`] reaches the first key `>= prefix`'s block
    /// neighbourhood: callers skip keys below `prefix` and stop at the first one past it.
    pub fn seek(&self, prefix: &[u8]) -> Option<Cursor<'_>> {
        self.cursor_at_block(self.block_before(prefix, false))
    }
}

/// Walks a [`Dictionary`] in key order.
pub struct Cursor<'a> {
    dict: &'a Dictionary,
    reader: Reader<'a>,
    key: Vec<u8>,
    next_id: u32,
    next_payload: usize,
    payload: Range<usize>,
}

impl Cursor<'_> {
    /// Moves to the next entry; `None` at the end or on damaged bytes.
    pub fn advance(&mut self) -> Option<()> {
        if self.next_id >= self.dict.len {
            return None;
        }
        let shared = self.reader.varint()? as usize;
        let suffix_len = self.reader.varint()? as usize;
        let suffix = self.reader.take(suffix_len)?;
        let plen = self.reader.varint()? as usize;
        if shared > self.key.len() {
            return None;
        }
        self.key.truncate(shared);
        self.key.extend_from_slice(suffix);
        let start = self.next_payload;
        self.next_payload = start.saturating_add(plen);
        self.payload = start..self.next_payload;
        self.next_id += 1;
        Some(())
    }
    pub fn key(&self) -> &[u8] {
        &self.key
    }
    pub fn id(&self) -> u32 {
        self.next_id.saturating_sub(1)
    }
    pub fn payload(&self) -> Range<usize> {
        self.payload.clone()
    }
}

// ---------------------------------------------------------------------------------------------
// The index.

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FacetValue {
    pub kind: FacetKind,
    pub name: String,
}

/// The search index of a corpus (see the module header for what it holds and how).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    doc_count: u32,
    terms: Dictionary,
    postings: Bytes,
    stems: Dictionary,
    stem_terms: Bytes,
    lengths: Bytes,
    avg_headline: f32,
    avg_body: f32,
    facet_values: Vec<FacetValue>,
    doc_facets: Bytes,
    doc_facet_offsets: Bytes,
    recency: Bytes,
    meta: Bytes,
    /// Built on first use from the parts above (see "Derived tables" in the module header).
    #[serde(skip)]
    tables: TablesCell,
}

/// One indexed occurrence, as stored: `(address << 1) | is_headline`.
pub type Occurrence = u32;

/// The text of a document's headline field and where its occurrences live: `Some(0)` when the
/// headline is the text's first paragraph (addresses are text offsets), `Some(base)` when it
/// is indexed at virtual addresses starting at `base`, `None` when the document has none.
pub fn headline_base(doc: &Document) -> Option<usize> {
    let h = doc.headline.as_deref()?;
    let first = doc.paragraphs.first();
    match first {
        Some(p) if p.role == ParagraphRole::Headline && doc.text.get(p.span.range()) == Some(h) => {
            Some(p.span.start as usize)
        }
        _ => Some(doc.text.len() + 1),
    }
}

/// Splits an occurrence into (address, is_headline).
pub fn occurrence_parts(o: Occurrence) -> (u32, bool) {
    (o >> 1, o & 1 == 1)
}

impl SearchIndex {
    /// Indexes `docs`; document `i` of the index is `docs[i]`.
    pub fn build(docs: &[Document]) -> SearchIndex {
        struct TermPostings {
            bytes: Vec<u8>,
            df: u32,
            last_doc: u32,
            /// The `written` code of the header (see the module header); `UNSEEN` at first.
            written: u8,
        }
        const UNSEEN: u8 = u8::MAX;
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut terms: Vec<(String, TermPostings)> = Vec::new();
        let mut lengths = Vec::with_capacity(docs.len() * 4);
        let (mut sum_h, mut sum_b) = (0u64, 0u64);
        let mut occ: Vec<(u32, Occurrence)> = Vec::new();
        let mut occ_bytes = Vec::new();
        let mut facet_sets: Vec<BTreeSet<FacetValue>> = Vec::with_capacity(docs.len());

        for (d, doc) in docs.iter().enumerate() {
            occ.clear();
            let (mut n_h, mut n_b) = (0u32, 0u32);
            let base = headline_base(doc);
            let in_text_headline = match base {
                Some(b) if b <= doc.text.len() => doc.paragraphs.first().map(|p| p.span.range()),
                _ => None,
            };
            let mut add = |token: text::Token, addr: usize, headline: bool| {
                let Some(term) = index_term(token.text) else {
                    return;
                };
                let Ok(addr) = u32::try_from(addr) else {
                    return;
                };
                if addr > u32::MAX >> 1 {
                    return;
                }
                if headline {
                    n_h += 1;
                } else {
                    n_b += 1;
                }
                let code = match token.text.len().checked_sub(term.len()) {
                    Some(extra @ 0..=2) => extra as u8 + 1,
                    _ => 0,
                };
                let next = terms.len() as u32;
                let id = *ids.entry(term).or_insert_with_key(|t| {
                    terms.push((
                        t.clone(),
                        TermPostings {
                            bytes: Vec::new(),
                            df: 0,
                            last_doc: 0,
                            written: UNSEEN,
                        },
                    ));
                    next
                });
                let p = &mut terms[id as usize].1;
                if p.written == UNSEEN {
                    p.written = code;
                } else if p.written != code {
                    p.written = 0;
                }
                occ.push((id, (addr << 1) | headline as u32));
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
            lengths.extend_from_slice(&(n_h.min(u16::MAX as u32) as u16).to_le_bytes());
            lengths.extend_from_slice(&(n_b.min(u16::MAX as u32) as u16).to_le_bytes());
            sum_h += n_h as u64;
            sum_b += n_b as u64;

            occ.sort_unstable();
            let mut i = 0;
            while i < occ.len() {
                let id = occ[i].0;
                let j = i + occ[i..].partition_point(|o| o.0 == id);
                let p = &mut terms[id as usize].1;
                let delta = if p.df == 0 {
                    d as u32
                } else {
                    d as u32 - p.last_doc
                };
                put_varint(&mut p.bytes, delta);
                occ_bytes.clear();
                let mut prev = 0;
                for &(_, o) in &occ[i..j] {
                    put_varint(&mut occ_bytes, o - prev);
                    prev = o;
                }
                let any_headline = occ[i..j].iter().any(|&(_, o)| o & 1 == 1);
                put_varint(
                    &mut p.bytes,
                    (occ_bytes.len() as u32) << 1 | any_headline as u32,
                );
                p.bytes.extend_from_slice(&occ_bytes);
                p.df += 1;
                p.last_doc = d as u32;
                i = j;
            }

            let mut facets = BTreeSet::new();
            if let Some(s) = doc.source.as_deref().filter(|s| !s.is_empty()) {
                facets.insert(FacetValue {
                    kind: FacetKind::Source,
                    name: s.to_string(),
                });
            }
            for e in &doc.entities {
                facets.insert(FacetValue {
                    kind: FacetKind::of_entity(e.kind),
                    name: e.canonical.clone(),
                });
            }
            facet_sets.push(facets);
        }

        // Terms in byte order; postings concatenated in that order, each prefixed by its df.
        terms.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let mut postings = Vec::new();
        let mut plens = Vec::with_capacity(terms.len());
        for (_, p) in &terms {
            let start = postings.len();
            // A term in more than 2^30 documents cannot exist (4 GB of postings): saturate.
            let written = if p.written == UNSEEN { 0 } else { p.written };
            put_varint(
                &mut postings,
                (p.df.min(u32::MAX >> 2) << 2) | written as u32,
            );
            postings.extend_from_slice(&p.bytes);
            plens.push(postings.len() - start);
        }
        let term_dict = Dictionary::build(
            terms
                .iter()
                .zip(&plens)
                .map(|((t, _), &l)| (t.as_bytes(), l)),
        );

        // Stems -> term ids.
        let stemmer = french_stemmer();
        let mut by_stem: BTreeMap<Vec<u8>, Vec<u32>> = BTreeMap::new();
        for (id, (t, _)) in terms.iter().enumerate() {
            by_stem
                .entry(stem(&stemmer, t).into_bytes())
                .or_default()
                .push(id as u32);
        }
        let mut stem_terms = Vec::new();
        let mut slens = Vec::with_capacity(by_stem.len());
        for ids in by_stem.values() {
            let start = stem_terms.len();
            put_varint(&mut stem_terms, ids.len() as u32);
            let mut prev = 0;
            for &id in ids {
                put_varint(&mut stem_terms, id - prev);
                prev = id;
            }
            slens.push(stem_terms.len() - start);
        }
        let stem_dict =
            Dictionary::build(by_stem.keys().zip(&slens).map(|(k, &l)| (k.as_slice(), l)));

        // Facets.
        let all: BTreeSet<&FacetValue> = facet_sets.iter().flatten().collect();
        let facet_values: Vec<FacetValue> = all.into_iter().cloned().collect();
        let mut doc_facets = Vec::new();
        let mut doc_facet_offsets = Vec::with_capacity(docs.len() * 4);
        for set in &facet_sets {
            doc_facet_offsets.extend_from_slice(&(doc_facets.len() as u32).to_le_bytes());
            put_varint(&mut doc_facets, set.len() as u32);
            let mut prev = 0;
            for v in set {
                let id = facet_values.binary_search(v).unwrap_or(0) as u32;
                put_varint(&mut doc_facets, id - prev);
                prev = id;
            }
        }

        let mut by_recency: Vec<usize> = (0..docs.len()).collect();
        by_recency.sort_by(|&a, &b| {
            docs[b]
                .date
                .cmp(&docs[a].date)
                .then_with(|| docs[a].id.cmp(&docs[b].id))
                .then(a.cmp(&b))
        });
        let mut recency = vec![0u8; docs.len() * 4];
        for (rank, &d) in by_recency.iter().enumerate() {
            recency[d * 4..d * 4 + 4].copy_from_slice(&(rank as u32).to_le_bytes());
        }

        let mut meta = Vec::with_capacity(docs.len() * 4);
        for doc in docs {
            let (year, month) = doc.date.map_or((0, 0), |d| (d.year, d.month.unwrap_or(0)));
            meta.extend_from_slice(&year.to_le_bytes());
            meta.push(month);
            meta.push(
                doc.figures
                    .iter()
                    .fold(0u8, |m, f| m | 1 << (f.category as u8)),
            );
        }

        let n = docs.len().max(1) as f64;
        SearchIndex {
            doc_count: docs.len() as u32,
            terms: term_dict,
            postings: Bytes(postings),
            stems: stem_dict,
            stem_terms: Bytes(stem_terms),
            lengths: Bytes(lengths),
            avg_headline: (sum_h as f64 / n) as f32,
            avg_body: (sum_b as f64 / n) as f32,
            facet_values,
            doc_facets: Bytes(doc_facets),
            doc_facet_offsets: Bytes(doc_facet_offsets),
            recency: Bytes(recency),
            meta: Bytes(meta),
            tables: TablesCell::default(),
        }
    }

    pub fn doc_count(&self) -> usize {
        self.doc_count as usize
    }
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }
    /// Average indexed tokens per document in the (headline, body) fields.
    pub fn average_lengths(&self) -> (f32, f32) {
        (self.avg_headline, self.avg_body)
    }
    /// Indexed tokens of a document in its (headline, body) fields.
    #[inline(always)]
    pub fn lengths(&self, doc: u32) -> (u16, u16) {
        let i = (doc as usize).saturating_mul(4);
        match self.lengths.0.get(i..i.saturating_add(4)) {
            Some(&[a, b, c, d]) => (u16::from_le_bytes([a, b]), u16::from_le_bytes([c, d])),
            _ => (u16_at(&self.lengths.0, i / 2).unwrap_or(0), 0),
        }
    }

    /// A document's rank in the newest-first order (see `recency` in the module header).
    pub fn recency(&self, doc: u32) -> u32 {
        u32_at(&self.recency.0, doc as usize).unwrap_or(u32::MAX)
    }

    /// A document's (year, month) and the bit set of its figures' categories (see `meta` in
    /// the module header).
    pub fn meta(&self, doc: u32) -> (Option<(u16, Option<u8>)>, u8) {
        let Some(m) = self.meta.0.get(doc as usize * 4..doc as usize * 4 + 4) else {
            return (None, 0);
        };
        let year = u16::from_le_bytes([m[0], m[1]]);
        let date = (year != 0).then_some((year, (m[2] != 0).then_some(m[2])));
        (date, m[3])
    }

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
        TermEntry {
            id,
            term,
            payload,
            written_len,
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
        }
    }

    /// The occurrences of one document in one postings list, at `at` (a
    /// [`DocCounts::at`]), into `out` (cleared first); fewer on damaged bytes.
    #[inline(always)]
    pub fn occurrences_at(&self, at: u32, out: &mut Vec<Occurrence>) {
        out.clear();
        let mut r = Reader::at(&self.postings.0, at as usize);
        let Some(len) = r.varint() else { return };
        if let Some(bytes) = r.take((len >> 1) as usize) {
            let _ = decode_occurrences(bytes, out);
        }
    }

    /// False when no term starts with `key`'s first two bytes, so looking it up is useless
    /// (typo tolerance tries some seventy keys a word, most of them impossible). The set of
    /// two-byte beginnings is built on the first call, in one walk over the dictionary.
    pub fn may_be_a_term(&self, key: &[u8]) -> bool {
        let [a, b, ..] = key else {
            return true;
        };
        let bits = self.doc_tables().pairs.get_or_init(|| {
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

    /// The derived per-document tables (built on the first call).
    pub fn doc_tables(&self) -> &DocTables {
        self.tables.0.get_or_init(|| DocTables::build(self))
    }

    /// Every facet value, sorted by kind then name; a value's id is its position here.
    pub fn facet_values(&self) -> &[FacetValue] {
        &self.facet_values
    }

    /// The ids of a document's facet values, increasing, appended to `out` (cleared first).
    pub fn doc_facets(&self, doc: u32, out: &mut Vec<u32>) {
        out.clear();
        let Some(off) = u32_at(&self.doc_facet_offsets.0, doc as usize) else {
            return;
        };
        let mut r = Reader::at(&self.doc_facets.0, off as usize);
        let n = r.varint().unwrap_or(0);
        let mut id = 0u32;
        for _ in 0..n {
            let Some(d) = r.varint() else { return };
            id = id.saturating_add(d);
            out.push(id);
        }
    }

    /// Sizes of the parts, in bytes, for reports and tuning.
    pub fn size_report(&self) -> Vec<(&'static str, usize)> {
        vec![
            (
                "terms",
                self.terms.entries.0.len() + self.terms.blocks.0.len(),
            ),
            ("postings", self.postings.0.len()),
            (
                "stems",
                self.stems.entries.0.len() + self.stems.blocks.0.len() + self.stem_terms.0.len(),
            ),
            ("lengths", self.lengths.0.len()),
            ("recency", self.recency.0.len()),
            ("meta", self.meta.0.len()),
            (
                "facets",
                self.doc_facets.0.len()
                    + self.doc_facet_offsets.0.len()
                    + self
                        .facet_values
                        .iter()
                        .map(|v| v.name.len() + 2)
                        .sum::<usize>(),
            ),
        ]
    }
}

/// A term of the dictionary and where its postings are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermEntry {
    pub id: u32,
    pub term: String,
    payload: Range<usize>,
    /// Bytes every occurrence of the term takes in the text, or 0 when they vary.
    written_len: u8,
}

impl TermEntry {
    /// Bytes of postings: a cheap proxy for how frequent the term is.
    pub fn postings_len(&self) -> usize {
        self.payload.len()
    }
    /// How many bytes every occurrence of the term takes in the text (accents and case can
    /// make it longer than the folded term), or `None` when occurrences differ.
    pub fn written_len(&self) -> Option<u32> {
        (self.written_len != 0).then_some(self.written_len as u32)
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
        let len = (self.reader.varint()? >> 1) as usize;
        let bytes = self.reader.take(len)?;
        decode_occurrences(bytes, occ)?;
        Some(self.doc)
    }

    /// The next document and its occurrence bytes, undecoded (see [`decode_tagged`]).
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
/// occurrence as `(occurrence << 8) | written` (see the phrase check in `query.rs`); stops at
/// damaged bytes.
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

// ---------------------------------------------------------------------------------------------
// Derived tables.

/// [`DocTables`] behind a once-cell: derived data, so it never takes part in comparisons and a
/// clone starts empty (rebuilt on demand).
#[derive(Default)]
struct TablesCell(std::sync::OnceLock<DocTables>);

impl Clone for TablesCell {
    fn clone(&self) -> Self {
        TablesCell::default()
    }
}

impl PartialEq for TablesCell {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for TablesCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TablesCell")
    }
}

/// The slot of an undated document in [`DocTables::year_slot`].
pub const NO_YEAR: u16 = u16::MAX;

/// Flat per-document arrays and corpus-wide facet totals (see the module header).
#[derive(Debug, Default)]
pub struct DocTables {
    /// Document `d`'s facet value ids are `facet_ids[facet_starts[d]..facet_starts[d + 1]]`
    /// (ids that name no value are dropped).
    facet_starts: Vec<u32>,
    facet_ids: Vec<u32>,
    /// Per facet value, its kind (`FacetKind as u8`).
    value_kinds: Vec<u8>,
    /// Per facet value, its name, shared: facet counts list thousands of names per search, and
    /// a shared name is a count to increment, not a string to allocate and copy.
    pub value_names: Vec<std::sync::Arc<str>>,
    /// True when the facet values are sorted by kind then name, as an index builds them.
    pub values_sorted: bool,
    /// When they are, the first id of each kind (and the count last): a document's ids
    /// (increasing) of one kind are then one run.
    kind_starts: Option<[u32; 6]>,
    /// Every year a document is dated in, increasing.
    pub years: Vec<u16>,
    /// Per document, its year's position in `years`, or [`NO_YEAR`].
    year_slot: Vec<u16>,
    /// Per document, (year or 0, month or 0, categories bit set), as in `meta`.
    meta: Vec<(u16, u8, u8)>,
    /// Per document, its position in the newest-first order: recency, then document number.
    rank: Vec<u32>,
    /// The documents in that order.
    pub by_rank: Vec<u32>,
    /// Documents per facet value, per year slot and per category bit, over the whole corpus.
    pub total_values: Vec<u32>,
    pub total_years: Vec<u32>,
    pub total_categories: [u32; 8],
    /// BM25 length norms per document, for one length-normalization weight (its bits).
    norms: std::sync::OnceLock<(u32, Vec<[f32; 2]>)>,
    /// The two-byte beginnings of the dictionary's terms, as a 65,536-bit set.
    pairs: std::sync::OnceLock<Vec<u64>>,
    /// Per facet value, the documents that have it: value `id`'s are
    /// `value_docs.1[value_docs.0[id]..value_docs.0[id + 1]]`, increasing (built on the first
    /// filter by a name).
    value_docs: std::sync::OnceLock<(Vec<u32>, Vec<u32>)>,
}

impl DocTables {
    fn build(index: &SearchIndex) -> DocTables {
        let n = index.doc_count();
        let values = index.facet_values();
        let mut t = DocTables {
            value_kinds: values.iter().map(|v| v.kind as u8).collect(),
            value_names: values.iter().map(|v| v.name.as_str().into()).collect(),
            values_sorted: values.windows(2).all(|w| w[0] < w[1]),
            total_values: vec![0; values.len()],
            ..DocTables::default()
        };
        if t.values_sorted {
            let mut starts = [0u32; 6];
            for (k, start) in starts.iter_mut().enumerate() {
                *start = t.value_kinds.partition_point(|&v| (v as usize) < k) as u32;
            }
            t.kind_starts = Some(starts);
        }
        t.facet_starts.reserve(n + 1);
        let mut ids = Vec::new();
        for d in 0..n as u32 {
            t.facet_starts.push(t.facet_ids.len() as u32);
            index.doc_facets(d, &mut ids);
            for &id in &ids {
                if let Some(c) = t.total_values.get_mut(id as usize) {
                    *c += 1;
                    t.facet_ids.push(id);
                }
            }
            let (date, cats) = index.meta(d);
            let (year, month) = date.map_or((0, 0), |(y, m)| (y, m.unwrap_or(0)));
            t.meta.push((year, month, cats));
            for (bit, c) in t.total_categories.iter_mut().enumerate() {
                *c += (cats >> bit & 1) as u32;
            }
        }
        t.facet_starts.push(t.facet_ids.len() as u32);

        let mut years: Vec<u64> = t
            .meta
            .iter()
            .map(|m| m.0 as u64)
            .filter(|&y| y != 0)
            .collect();
        sort_keys(&mut years);
        years.dedup();
        t.years = years.into_iter().map(|y| y as u16).collect();
        t.total_years = vec![0; t.years.len()];
        t.year_slot = t
            .meta
            .iter()
            .map(|m| match t.years.binary_search(&m.0) {
                Ok(i) if m.0 != 0 => {
                    t.total_years[i] += 1;
                    i as u16
                }
                _ => NO_YEAR,
            })
            .collect();

        // The stored ranks are a permutation in any index this crate built; anything else
        // (damaged bytes) is ordered by (rank, document) like the stored order would be.
        let mut by_rank = vec![u32::MAX; n];
        let mut valid = true;
        for d in 0..n as u32 {
            match by_rank.get_mut(index.recency(d) as usize) {
                Some(slot) if *slot == u32::MAX => *slot = d,
                _ => {
                    valid = false;
                    break;
                }
            }
        }
        if !valid {
            let mut keys: Vec<u64> = (0..n as u32)
                .map(|d| (index.recency(d) as u64) << 32 | d as u64)
                .collect();
            sort_keys(&mut keys);
            by_rank = keys.into_iter().map(|k| k as u32).collect();
        }
        t.rank = vec![0; n];
        for (r, &d) in by_rank.iter().enumerate() {
            t.rank[d as usize] = r as u32;
        }
        t.by_rank = by_rank;
        t
    }

    /// The facet value ids of document `d`.
    #[inline(always)]
    pub fn facets(&self, d: u32) -> &[u32] {
        let d = d as usize;
        match (self.facet_starts.get(d), self.facet_starts.get(d + 1)) {
            (Some(&a), Some(&b)) => self.facet_ids.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
    /// Per facet value id, its kind (`FacetKind as u8`).
    pub fn value_kinds(&self) -> &[u8] {
        &self.value_kinds
    }
    /// The facet value ids of one kind (`FacetKind as u8`) of document `d`, when the values
    /// are sorted (else `None`: filter [`DocTables::facets`] by [`DocTables::value_kind`]).
    #[inline(always)]
    pub fn facets_of_kind(&self, d: u32, kind: u8) -> Option<&[u32]> {
        let starts = self.kind_starts.as_ref()?;
        let (lo, hi) = (*starts.get(kind as usize)?, *starts.get(kind as usize + 1)?);
        let ids = self.facets(d);
        // A document has a dozen names: a scan beats a binary search (no chain of loads).
        let mut a = 0;
        while a < ids.len() && ids[a] < lo {
            a += 1;
        }
        let mut b = a;
        while b < ids.len() && ids[b] < hi {
            b += 1;
        }
        Some(&ids[a..b])
    }
    /// The kind of facet value `id` (`FacetKind as u8`), or `u8::MAX` for no value.
    #[inline(always)]
    pub fn value_kind(&self, id: u32) -> u8 {
        self.value_kinds
            .get(id as usize)
            .copied()
            .unwrap_or(u8::MAX)
    }
    /// Document `d`'s (year or 0, month or 0, categories bit set).
    #[inline(always)]
    pub fn meta(&self, d: u32) -> (u16, u8, u8) {
        self.meta.get(d as usize).copied().unwrap_or((0, 0, 0))
    }
    /// Document `d`'s position in [`DocTables::years`], or [`NO_YEAR`].
    #[inline(always)]
    pub fn year_slot(&self, d: u32) -> u16 {
        self.year_slot.get(d as usize).copied().unwrap_or(NO_YEAR)
    }
    /// Document `d`'s position in the newest-first order.
    #[inline(always)]
    pub fn rank(&self, d: u32) -> u32 {
        self.rank.get(d as usize).copied().unwrap_or(u32::MAX)
    }
    /// The documents that have facet value `id`, increasing.
    pub fn docs_with(&self, id: u32) -> &[u32] {
        let (starts, docs) = self.value_docs.get_or_init(|| {
            // A counting sort of the (value, document) pairs: `total_values` counts them.
            let mut starts = Vec::with_capacity(self.total_values.len() + 1);
            let mut at = 0u32;
            for &c in &self.total_values {
                starts.push(at);
                at += c;
            }
            starts.push(at);
            let mut next = starts.clone();
            let mut docs = vec![0u32; at as usize];
            for d in 0..self.meta.len() as u32 {
                for &id in self.facets(d) {
                    if let Some(slot) = next.get_mut(id as usize) {
                        if let Some(x) = docs.get_mut(*slot as usize) {
                            *x = d;
                        }
                        *slot += 1;
                    }
                }
            }
            (starts, docs)
        });
        let i = id as usize;
        match (starts.get(i), starts.get(i + 1)) {
            (Some(&a), Some(&b)) => docs.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
    /// Per document, the (headline, body) BM25 length norms for the length-normalization
    /// weight `b`, computed by `norm` on the first call (the ranking's own formula: the index
    /// does not know it); `None` when asked for another `b` than the first one (the caller
    /// then computes them as it goes).
    pub fn norms(&self, b: f32, norm: impl Fn(u32) -> [f32; 2]) -> Option<&[[f32; 2]]> {
        let (bits, norms) = self
            .norms
            .get_or_init(|| (b.to_bits(), (0..self.meta.len() as u32).map(norm).collect()));
        (*bits == b.to_bits()).then_some(norms.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use raqmi_extract::ingest::{ingest_text, Overrides};

    fn doc(id: &str, text: &str) -> Document {
        ingest_text(id, id, text, &Overrides::default()).expect("valid test text")
    }

    #[test]
    fn stop_words_are_sorted_folded_and_unique() {
        for w in STOP_WORDS.windows(2) {
            assert!(w[0] < w[1], "{} !< {}", w[0], w[1]);
        }
        for w in STOP_WORDS {
            assert_eq!(text::fold(w), *w);
        }
        assert!(is_stop_word("l") && is_stop_word("de") && !is_stop_word("ausim"));
    }

    #[test]
    fn sorting_keys_agrees_with_the_standard_sort() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for n in [0, 1, 2, 3, 31, 32, 33, 100, 1000, 5000] {
            for spread in [u64::MAX, 0xffff, 0xff_0000_0000, 7] {
                let mut keys: Vec<u64> = (0..n).map(|_| next() & spread).collect();
                let mut want = keys.clone();
                want.sort_unstable();
                sort_keys(&mut keys);
                assert_eq!(keys, want, "n {n} spread {spread:x}");
            }
        }
    }

    #[test]
    fn varints_round_trip_and_refuse_garbage() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            put_varint(&mut out, v);
        }
        let mut r = Reader::new(&out);
        for v in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            assert_eq!(r.varint(), Some(v));
        }
        assert_eq!(r.varint(), None);
        assert_eq!(Reader::new(&[0xff; 6]).varint(), None);
        assert_eq!(Reader::new(&[0x80]).varint(), None);
    }

    #[test]
    fn dictionary_finds_every_key_and_prefix_ranges() {
        let keys: Vec<String> = (0..200).map(|i| format!("k{i:04}x")).collect();
        let d = Dictionary::build(keys.iter().map(|k| (k.as_bytes(), 3)));
        for (i, k) in keys.iter().enumerate() {
            let (id, p) = d.find(k.as_bytes()).expect(k);
            assert_eq!((id as usize, p), (i, i * 3..i * 3 + 3));
        }
        assert!(d.find(b"k0000").is_none() && d.find(b"zz").is_none() && d.find(b"").is_none());
        let idx = SearchIndex {
            terms: d,
            ..Default::default()
        };
        let p: Vec<_> = idx
            .terms_with_prefix("k001")
            .into_iter()
            .map(|e| e.term)
            .collect();
        assert_eq!(p.len(), 10);
        assert_eq!(p[0], "k0010x");
        assert!(idx.terms_with_prefix("a").is_empty());
        assert_eq!(idx.terms_with_prefix("k").len(), 200);
    }

    #[test]
    fn postings_hold_byte_offsets_and_fields() {
        let d = doc(
            "a",
            "Le numérique au Maroc\n\nLe numérique, encore le NUMÉRIQUE.",
        );
        let idx = SearchIndex::build(std::slice::from_ref(&d));
        let e = idx.term("numerique").expect("indexed");
        let mut p = idx.postings(&e);
        let mut occ = Vec::new();
        assert_eq!(p.next_doc(&mut occ), Some(0));
        let parts: Vec<_> = occ.iter().map(|&o| occurrence_parts(o)).collect();
        assert_eq!(parts.len(), 3);
        assert!(parts[0].1 && !parts[1].1 && !parts[2].1);
        for (addr, _) in parts {
            assert!(d.text[addr as usize..].to_lowercase().starts_with("num"));
        }
        assert!(idx.term("le").is_none(), "stop words are not indexed");
        assert_eq!(idx.lengths(0), (2, 3));
    }

    #[test]
    fn a_title_from_settings_is_indexed_at_virtual_addresses() {
        let mut d = doc("a", "Un article sans titre sur l'AUSIM.");
        d.headline = Some("Assises de l'AUSIM".into());
        let idx = SearchIndex::build(std::slice::from_ref(&d));
        let e = idx.term("assises").expect("title indexed");
        let mut occ = Vec::new();
        idx.postings(&e).next_doc(&mut occ);
        let (addr, headline) = occurrence_parts(occ[0]);
        assert!(headline);
        assert_eq!(addr as usize, d.text.len() + 1);
    }

    #[test]
    fn stems_group_inflections() {
        let d = doc("a", "Une formation, des formations, formateur.");
        let idx = SearchIndex::build(&[d]);
        let s = stem(&french_stemmer(), "formations");
        let terms: Vec<_> = idx
            .terms_with_stem(&s)
            .into_iter()
            .map(|e| e.term)
            .collect();
        assert!(terms.contains(&"formation".to_string()), "{terms:?}");
        assert!(terms.contains(&"formations".to_string()), "{terms:?}");
    }

    #[test]
    fn damaged_bytes_never_panic() {
        use crate::facet::FacetKind;
        use crate::query::{kwic, matches_for, search, Filters};
        let mut d = doc(
            "a",
            "Le numérique au Maroc\n\nLa formation digitale, le numérique et l'intelligence \
             artificielle.",
        );
        d.source = Some("Source".into());
        let docs = [d.clone(), doc("b", "Le Maroc numérique et la formation.")];
        let idx = SearchIndex::build(&docs);
        let bytes = postcard::to_allocvec(&idx).expect("encodes");
        let filters = Filters {
            from: Some((2020, None)),
            ..Filters::default()
        }
        .with_names(FacetKind::Source, ["Source"]);
        for i in 0..bytes.len() {
            for flip in [0x5a, 0x80, 0x01] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                let Ok(bad) = postcard::from_bytes::<SearchIndex>(&b) else {
                    continue;
                };
                for t in bad.terms_with_prefix("") {
                    let mut p = bad.postings(&t);
                    let mut occ = Vec::new();
                    while p.next_doc(&mut occ).is_some() {}
                    let mut p = bad.postings(&t);
                    while p.next_counts().is_some() {}
                    let mut p = bad.postings(&t);
                    while p.next_bytes().is_some() {}
                }
                bad.terms_with_stem("numer");
                bad.term("numerique");
                let mut v = Vec::new();
                bad.doc_facets(0, &mut v);
                bad.lengths(0);
                // The whole engine on the damaged index: derived tables, ranking, facets,
                // phrases, spans.
                for q in [
                    "",
                    "numérique",
                    "numér",
                    "\"intelligence artificielle\"",
                    "formaton",
                ] {
                    for f in [&Filters::default(), &filters] {
                        search(&bad, &docs, q, f);
                        kwic(&bad, &docs, q, f, 10, 10);
                    }
                    matches_for(&bad, &docs, q, 0);
                }
            }
        }
    }
}
