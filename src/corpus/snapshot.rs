//! The analyzed snapshot: what `build.rs` writes into `OUT_DIR` and the app embeds and decodes
//! at start-up, so the browser never re-runs the analysis of the bundled corpus.
//!
//! Wire format (producer and consumer both live here):
//! - bytes 0..4: the magic `RQMI`;
//! - bytes 4..6: the format version, little-endian u16 ([`FORMAT_VERSION`]); a snapshot of
//!   another version is refused rather than misread;
//! - the rest: [`Snapshot`] encoded with postcard (varint integers, length-prefixed strings and
//!   sequences, enums as varint discriminants in declaration order). Changing a type in
//!   `document.rs` changes the format: bump [`FORMAT_VERSION`].

use super::document::Document;
use super::index::SearchIndex;
use serde::{Deserialize, Serialize};
use std::fmt;

pub const MAGIC: &[u8; 4] = b"RQMI";
pub const FORMAT_VERSION: u16 = 4;

/// Everything the app knows about its corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub documents: Vec<Document>,
    /// Built from `documents` at build time (see `index.rs` for its layout).
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
        let body = postcard::to_allocvec(self).expect("postcard encodes plain data");
        out.extend_from_slice(&body);
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Snapshot, SnapshotError> {
        if bytes.len() < 6 || &bytes[..4] != MAGIC {
            return Err(SnapshotError::NotASnapshot);
        }
        let version = u16::from_le_bytes([bytes[4], bytes[5]]);
        if version != FORMAT_VERSION {
            return Err(SnapshotError::WrongVersion(version));
        }
        postcard::from_bytes(&bytes[6..]).map_err(|e| SnapshotError::Corrupt(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::ingest::{ingest_text, Overrides};

    #[test]
    fn round_trips_documents() {
        let doc = ingest_text(
            "d",
            "d",
            "Titre\n\nPlus de 1100 acteurs à Marrakech.",
            &Overrides::default(),
        )
        .unwrap();
        let snap = Snapshot::new(vec![doc]);
        assert_eq!(Snapshot::decode(&snap.encode()).unwrap(), snap);
    }

    #[test]
    fn refuses_foreign_or_damaged_bytes() {
        assert_eq!(
            Snapshot::decode(b"PK\x03\x04zz"),
            Err(SnapshotError::NotASnapshot)
        );
        let mut bytes = Snapshot::new(vec![]).encode();
        bytes[4] = 99;
        assert_eq!(
            Snapshot::decode(&bytes),
            Err(SnapshotError::WrongVersion(99))
        );
        let doc = ingest_text("d", "d", "Un texte.", &Overrides::default()).unwrap();
        let bytes = Snapshot::new(vec![doc]).encode();
        assert!(matches!(
            Snapshot::decode(&bytes[..bytes.len() - 3]),
            Err(SnapshotError::Corrupt(_))
        ));
    }
}
