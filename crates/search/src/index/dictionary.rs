//! The front-coded sorted dictionary that stores the index's terms and stems (layout in the
//! `index` module header): lookups binary-search the block heads and scan one block, with no
//! decoding at start-up.

use super::bytes::{put_varint, u32_at, Bytes, Reader};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Entries per front-coded block: a lookup scans at most this many; larger blocks are smaller
/// (fewer block heads stored in full) but slower to scan.
pub const BLOCK: usize = 16;

/// A sorted set of byte strings, each with a payload range in a separate area (see the layout
/// in the `index` module header).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dictionary {
    len: u32,
    pub(super) entries: Bytes,
    pub(super) blocks: Bytes,
}

impl Dictionary {
    /// Builds from keys in strictly increasing byte order, each with its payload length.
    pub(super) fn build<'k>(items: impl IntoIterator<Item = (&'k [u8], usize)>) -> Dictionary {
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
    pub(super) fn cursor_at_block(&self, b: usize) -> Option<Cursor<'_>> {
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
