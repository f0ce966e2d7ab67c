//! The analyzed snapshot: what `build.rs` writes into `OUT_DIR` and the app embeds and decodes
//! at start-up, so the browser never re-runs the analysis of the bundled corpus.
//!
//! Wire format (producer and consumer both live here). varint: unsigned LEB128 (7 bits a byte,
//! low bits first); zigzag: a signed value as an unsigned one (0, -1, 1, -2… as 0, 1, 2, 3…).
//! - bytes 0..4: the magic `RQMI`;
//! - bytes 4..6: the format version, little-endian u16 ([`FORMAT_VERSION`]); a snapshot of
//!   another version is refused rather than misread;
//! - `varint len`, then the search index encoded with postcard (see the `index` module for its
//!   parts);
//! - the documents, in a layout of their own (below), not postcard: decoding them is the app's
//!   start-up, and a generic decoder spends most of it on one call per field (10,000 articles
//!   hold 240,000 figures and 235,000 names). This one reads varints in plain loops and stores
//!   each repeated string (units, names, roles, sources) once.
//!
//! Documents:
//! - `varint count`;
//! - the string table: `varint n`, `n` varint byte lengths, `varint blob_len` and the strings'
//!   bytes one after the other (UTF-8, checked once for the whole blob);
//! - the text blob: `varint blob_len`, then every document's id, headline, URL and text one
//!   after the other, in document order (each one UTF-8);
//! - one record per document, every number a varint:
//!   - byte lengths in the text blob: id, headline + 1 (0: none), URL + 1 (0: none), text;
//!   - `flags`: bit 0 the date is known, bit 1 it was inferred (`DateOrigin::Inferred`); with
//!     a date: year, month + 1 and day + 1 (0: unknown);
//!   - source: its string + 1 (0: none);
//!   - paragraphs: `count`, then per paragraph zigzag(start − previous end),
//!     `zigzag(end − start) << 2 | role`;
//!   - sentences: `count`, then per sentence zigzag(start − previous end), zigzag(end − start);
//!   - figures: `count`, then per figure zigzag(start − previous start), zigzag(end − start),
//!     `kind | category << 3 | qualifier << 6 | value_form << 9 | high_form << 11` (qualifier
//!     0: none, else its declaration order + 1; high_form 3: no high end), the value and the
//!     high end in their form (0: an integer, zigzag; 1: hundredths, zigzag(value × 100),
//!     read back as `n / 100.0`; 2: the 8 bytes of the float, little-endian), the unit's
//!     string, then its meaning: the subject's string, the actor's and the event's string + 1
//!     (0: none) and the period as `(year << 4 | month) + 1` (month 0: the whole year; 0: no
//!     period), and the measure key's string (the figures table and the reader's badges read
//!     series and disagreements from it, `measures` module; the keys of the bundled corpus
//!     cost the first load some 270 bytes gzip, measured in docs/performance.md);
//!   - entities: `count`, then per entity zigzag(start − previous start), zigzag(end − start),
//!     `canonical string << 4 | kind << 1 | has_role`, and the role's string when it has one.
//!
//! Every enum is written as its declaration order. Changing a type in `document.rs` changes the
//! format: bump [`FORMAT_VERSION`]. A damaged snapshot gives an error, never a panic.
//!
//! This file writes and reads the envelope (magic, version, index); the documents' layout is
//! written by `encode.rs` (build time) and read by `decode.rs` (start-up), both following the
//! description above.

mod decode;
mod encode;
#[cfg(test)]
mod tests;

use crate::index::{put_varint64, Reader, SearchIndex};
use decode::{decode_documents, reserve_heap};
use encode::encode_documents;
use raqmi_model::document::Document;
use std::fmt;

/// The documents' layout (the "Documents" part above) on its own: the corpus data files' packs
/// and figures table (`files` module) are lists of documents in this very layout.
pub(crate) fn encode_document_list(docs: &[Document], out: &mut Vec<u8>) {
    encode_documents(docs, out);
}

/// Reads what [`encode_document_list`] wrote; the error says what was damaged.
pub(crate) fn decode_document_list(r: &mut Reader) -> Result<Vec<Document>, &'static str> {
    decode_documents(r)
}

pub const MAGIC: &[u8; 4] = b"RQMI";
pub const FORMAT_VERSION: u16 = 6;

/// Everything the app knows about its corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub documents: Vec<Document>,
    /// Built from `documents` at build time (see the `index` module for its layout).
    pub index: SearchIndex,
}

impl Snapshot {
    /// The snapshot of analyzed documents, with their search index.
    pub fn new(documents: Vec<Document>) -> Snapshot {
        let index = SearchIndex::build(&documents);
        Snapshot { documents, index }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum SnapshotError {
    NotASnapshot,
    WrongVersion(u16),
    Corrupt(String),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotASnapshot => write!(f, "not a Raqmi snapshot (bad magic)"),
            SnapshotError::WrongVersion(v) => {
                write!(f, "snapshot format {v}, this build reads {FORMAT_VERSION}")
            }
            SnapshotError::Corrupt(e) => write!(f, "corrupt snapshot: {e}"),
        }
    }
}

impl Snapshot {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 * 1024);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        // Serializing plain data into a Vec cannot fail.
        let index = postcard::to_allocvec(&self.index).expect("postcard encodes plain data");
        put_varint64(&mut out, index.len() as u64);
        out.extend_from_slice(&index);
        encode_documents(&self.documents, &mut out);
        out
    }

    // Never inlined: the web app decodes at two places (its corpus, its own articles), and
    // one copy of the decoder is about 5 KB of wasm.
    #[inline(never)]
    pub fn decode(bytes: &[u8]) -> Result<Snapshot, SnapshotError> {
        if bytes.len() < 6 || &bytes[..4] != MAGIC {
            return Err(SnapshotError::NotASnapshot);
        }
        let version = u16::from_le_bytes([bytes[4], bytes[5]]);
        if version != FORMAT_VERSION {
            return Err(SnapshotError::WrongVersion(version));
        }
        reserve_heap(bytes.len().saturating_mul(2));
        let corrupt = |what: &str| SnapshotError::Corrupt(what.to_string());
        let mut r = Reader::at(bytes, 6);
        let index_len = r.varint64().ok_or_else(|| corrupt("index length"))?;
        let index_bytes = usize::try_from(index_len)
            .ok()
            .and_then(|n| r.take(n))
            .ok_or_else(|| corrupt("index truncated"))?;
        let index: SearchIndex = postcard::from_bytes(index_bytes)
            .map_err(|e| SnapshotError::Corrupt(format!("index: {e}")))?;
        let documents = decode_documents(&mut r).map_err(corrupt)?;
        if r.pos() != bytes.len() {
            return Err(corrupt("bytes after the documents"));
        }
        Ok(Snapshot { documents, index })
    }
}
