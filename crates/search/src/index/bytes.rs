//! Byte-level building blocks of the index's (and the snapshot's) binary layouts: a byte
//! string that serializes as one, LEB128 varints, and the bounds-checked [`Reader`] every
//! decoder goes through (a damaged input yields `None`, never a panic).

use serde::{Deserialize, Serialize};

/// A `Vec<u8>` that serializes as one byte string (a length and a memcpy with postcard), not
/// as a sequence of integers, so decoding the index at start-up is a copy.
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

pub(super) fn u32_at(bytes: &[u8], i: usize) -> Option<u32> {
    let s = bytes.get(i.checked_mul(4)?..i.checked_mul(4)?.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

pub(super) fn u16_at(bytes: &[u8], i: usize) -> Option<u16> {
    let s = bytes.get(i.checked_mul(2)?..i.checked_mul(2)?.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}
