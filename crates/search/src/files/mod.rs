//! The corpus as data files beside the app: what the build writes (`write.rs`) and the browser
//! fetches piece by piece and reads (`corpus.rs`), so that a search transfers the few parts
//! it needs instead of the whole analysed corpus.
//!
//! # The files
//! - the **manifest** (`manifest.bin`, the one fixed name): the corpus version, the counts,
//!   every other file's content hash but the text files' (one digest for them all), and where
//!   each shard starts (a few bytes per shard), so that the files a query needs are known
//!   without loading any other;
//! - the **tables**: everything the index holds but its terms and, when there is a facets
//!   file, its facet part (lengths, dates; the newest-first order, which needs nothing when the
//!   documents are numbered in it, as the `corpus` command writes them): ranking, date
//!   filters, the newest-first order (layout in `tables.rs`);
//! - the **facets file**: the facet values (sources, organisations, places, persons,
//!   programmes) and each one's documents, and each document's figure categories: name and
//!   category filters and their counts. Apart from the tables so that a query's first results
//!   do not wait for it (at 100,000 synthetic articles it is 1.3 MB gzip; the app fetches it
//!   once they are painted; a view that reads the figures table has the categories from it);
//!   none when one pack holds every document (the tables hold the facets: one file less at
//!   start);
//! - the **figures table**: every document without its text (id, headline, date, source, URL,
//!   figures, names), for charts, numeric ranges and the figures view (none when one pack
//!   holds every document: it would repeat it);
//! - the **text files**: runs of documents' card parts (id, headline, date and its origin,
//!   source, text, paragraphs): what a result card, a snippet's match spans, a phrase's check
//!   and the keyword in context read, so that a card fetches a few kilobytes, not a pack
//!   (none when one pack holds every document);
//! - the term **dictionary shards**: runs of terms in key order with their postings lengths
//!   (enough to expand a word by prefix, stem and typo and to pick the most frequent
//!   completions), cut by size;
//! - the **postings shards**: the postings lists of runs of term ids without their offsets
//!   (each document and how often the term occurs in each field: all that ranking reads), cut
//!   by size, fetched for the terms a query picked;
//! - the **positions shards** (since version 6): the same runs' offsets, one shard per
//!   postings shard (the same term ids), fetched only for the terms of a query with a phrase
//!   (and for the whole corpus). The offsets are about 70 % of the postings' compressed bytes
//!   at 10,000 synthetic articles, and a query without a phrase reads none: its hits' match
//!   spans are found in their text (which a card loads before it shows anyway) by tokenizing
//!   it as the index was built (`query/spans.rs`), the same spans as from the offsets;
//! - the **stem shards**: Snowball stems in key order with their terms' ids (none when the
//!   dictionary is one shard: the reader groups its terms by stem itself); the **tail
//!   shards**: each term with its first character dropped, in key order, with the ids of the
//!   terms it comes from, so that a typo on a word's first letter ("xumerique") finds its
//!   neighbours ("numerique") without scanning other letters' terms (none when the
//!   dictionary is one shard: every neighbour is in it);
//! - the **packs**: runs of documents' analysis (URL, sentences, figures, names: what the text
//!   files leave out), cut by size, for the reader; when one pack holds every document (the
//!   bundled seeds), it holds them whole, and there is no text file: one file at start.
//!
//! Text files hold the same number of documents each (the last one fewer), `per_text`, as few
//! as a budget of [`TEXT_FILES`] files allows (one at 1,000 articles, two at 10,000, thirteen
//! at 100,000), so that with the packs a host's cap on file counts (20,000 on a popular free
//! plan) stays far: the reader finds a document's text file from the counts alone (`per_text =
//! ceil(doc_count / text_files)`, which the writer makes exact), and the manifest's layout does
//! not change with them. The reader puts each file's part of a document (its non-empty
//! fields) into it, so a document is whole once its text file and its pack are in, in any
//! order.
//!
//! Every file but the manifest and the text files is named `<kind>-<hash>.bin` after its
//! content (FNV-1a 64 of its bytes, 16 hex digits): a name never changes meaning, so it can be
//! cached for ever, and the manifest names a consistent set. The hash guards against a
//! truncated, stale or mixed deployment (same-origin files), not against an attacker: the
//! reader checks every file's whole bytes against it (a truncated file fails it: the manifest
//! lists no lengths since version 3), and the manifest's own hashes against its corpus version
//! (the hash of the hashes). The hashes stay 64 bits although they are most of the manifest (8
//! of its about 9 bytes a file): names are cached for ever across builds, and with 32 bits two
//! of 12,000 files of a kind would share a name in about 1.7% of builds, a stale file then
//! passing the check.
//!
//! The text files, most of the files (5,000 of 5,400 at 10,000 articles), are named
//! `text-<number>-<corpus version, 16 hex>.bin` ([`text_file_name`]; the version last, so that
//! a host's rule for names ending in `-<hex>.bin` serves them as immutable too) since version
//! 5, so that the manifest, fetched before any search, lists no hash of theirs: 40 of its 44 KB
//! gzip at 10,000 articles were theirs (random bytes, incompressible). A name still never
//! changes meaning: the corpus version covers their bodies through one digest in the manifest,
//! so it changes with any of them. Each carries its own check in its header instead: the
//! corpus version, its number and the hash of its body; the reader refuses a text file of
//! another corpus ([`DataError::OtherCorpus`]), under another number ([`DataError::Corrupt`])
//! or whose body is not its header's hash, truncated or damaged ([`DataError::WrongHash`]).
//!
//! # Layouts (varint: unsigned LEB128; a key: `varint shared_prefix_len, varint suffix_len`,
//! the suffix bytes, front-coded against the previous key of the same list)
//! Every file starts with the magic `RQMF`, the format version ([`FILES_VERSION`], u16
//! little-endian) and its kind (one byte, [`FileKind`]'s declaration order); a file of another
//! version or kind is refused rather than misread. Then:
//! - manifest: the corpus version (8 bytes little-endian: [`Manifest::version_of`], the hash
//!   of every hash that follows, in order), `varint doc_count`, `varint term_count`, per kind
//!   but the manifest (in [`FileKind`]'s order) `varint count` of its files, then every file's
//!   hash but the text files' (8 bytes little-endian; the files grouped by kind in that order),
//!   then, when there are text files, their digest (8 bytes little-endian: [`hash_of_hashes`]
//!   of their bodies' hashes, in order); then per dictionary shard the delta of its first term
//!   id and its first key; per postings shard the delta of its first term id; per stem shard
//!   and per tail shard its first key (each list front-coded on its own); per pack the delta
//!   of its first document (nothing per text file: their counts say where they start; nothing
//!   per positions shard: there are as many as postings shards, starting at the same ids);
//! - tables: the index's per-document tables column by column, what can be derived left out,
//!   with a byte saying whether the facets follow in them (the layout is at the top of
//!   `tables.rs`, beside its decoder; since version 7 the dates in runs, each document's
//!   categories in the facet part, and no order at all for documents numbered newest first);
//! - facets file (since version 4): `varint doc_count`, then the facet part of the tables'
//!   layout (`tables.rs`; with the documents' categories since version 7);
//! - text file: a header of fixed widths (the service worker checks it too, `www/sw.template.js`):
//!   the corpus version (8 bytes little-endian), its number (u32 little-endian) and the FNV-1a
//!   64 of its body, the bytes after the header (8 bytes little-endian); then the body, as a
//!   pack's below;
//! - figures table, text file's body and pack: `varint first_doc` (0 for the table), then the
//!   documents in the snapshot's documents layout (`snapshot` module: string table, text blob,
//!   one record per document), each with only its own part of every document, the rest empty
//!   (no string, no text, no list, no date): the figures table's without texts, paragraphs and
//!   sentences (every figure's meaning, its measure key included since version 2, for the
//!   figures view's series and disagreements); a text file's without URL, sentences, figures
//!   and names (since version 3); a pack's, when there are text files, with only its URL,
//!   sentences, figures and names (since version 3), else whole;
//! - dictionary shard: `varint first_id`, `varint count`, then per term its key and `varint
//!   postings_len`;
//! - postings shard: `varint first_id`, `varint count`, `count` varint lengths, then the lists
//!   one after the other, each a counts list (`index/counts.rs`: the `index` module's postings
//!   layout with each document's occurrence bytes replaced by its per-field counts) since
//!   version 6;
//! - positions shard (version 6): the layout of a postings shard, with the same first id and
//!   count as the postings shard of the same number; each list is the offsets of that term's
//!   counts list (`index/counts.rs`: per document its occurrence varints, as many as its counts
//!   say). A counts list and its offsets join into the `index` module's postings list, byte for
//!   byte;
//! - stem and tail shard: `varint count`, then per entry its key, `varint n` and its `n` term
//!   ids (the first absolute, then deltas).
//!
//! A file that fails any check (hash, magic, version, kind, a text file's corpus version and
//! number, a count beyond the bytes left, bytes after the end) gives a [`DataError`] saying
//! which file and what, never a panic.

mod corpus;
#[cfg(test)]
mod facets_tests;
mod manifest;
mod parts;
#[cfg(test)]
mod positions_tests;
mod shards;
mod slots;
mod tables;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod text_tests;
mod write;

pub use corpus::{needs_terms, Need, ShardedCorpus};
pub use manifest::{FileEntry, Manifest};
pub use write::{write_files, FileOptions, WrittenFile, TEXT_FILES};

use std::fmt;

pub const FILES_MAGIC: &[u8; 4] = b"RQMF";
pub const FILES_VERSION: u16 = 7;
/// The manifest's name, the one file whose name does not change with its content.
pub const MANIFEST_NAME: &str = "manifest.bin";

/// What a data file holds (its byte in the envelope is the declaration order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    Manifest,
    Tables,
    Figures,
    Dictionary,
    Postings,
    Stems,
    Tails,
    Pack,
    Text,
    Facets,
    /// Last: a kind added in version 6, after the others so that their bytes did not change.
    Positions,
}

impl FileKind {
    pub const ALL: [FileKind; 11] = [
        FileKind::Manifest,
        FileKind::Tables,
        FileKind::Figures,
        FileKind::Dictionary,
        FileKind::Postings,
        FileKind::Stems,
        FileKind::Tails,
        FileKind::Pack,
        FileKind::Text,
        FileKind::Facets,
        FileKind::Positions,
    ];

    /// The first part of the file's name.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Manifest => "manifest",
            FileKind::Tables => "tables",
            FileKind::Figures => "figures",
            FileKind::Dictionary => "dict",
            FileKind::Postings => "postings",
            FileKind::Stems => "stems",
            FileKind::Tails => "tails",
            FileKind::Pack => "pack",
            FileKind::Text => "text",
            FileKind::Facets => "facets",
            FileKind::Positions => "positions",
        }
    }

    fn from_byte(b: u8) -> Option<FileKind> {
        FileKind::ALL.get(b as usize).copied()
    }
}

/// One data file of a corpus: its kind and its position among the files of that kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileRef {
    pub kind: FileKind,
    pub number: u32,
}

/// Why a data file could not be used. Each names the file (its name in the manifest, or the
/// manifest's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataError {
    /// Its content is not the manifest's (a truncated download, a stale or mixed deployment).
    WrongHash {
        file: String,
    },
    /// Not a Raqmi data file.
    NotADataFile {
        file: String,
    },
    WrongVersion {
        file: String,
        version: u16,
    },
    /// A data file, but not the kind expected under that name.
    WrongKind {
        file: String,
    },
    /// The layout is damaged: what was being read.
    Corrupt {
        file: String,
        what: &'static str,
    },
    /// The manifest lists no such file.
    Unknown {
        file: String,
    },
    /// A text file of another corpus version (its header's): a stale or mixed deployment.
    OtherCorpus {
        file: String,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::WrongHash { file } => write!(
                f,
                "{file}: content does not match the manifest (truncated, stale or mixed)"
            ),
            DataError::NotADataFile { file } => {
                write!(f, "{file}: not a Raqmi data file (bad magic)")
            }
            DataError::WrongVersion { file, version } => write!(
                f,
                "{file}: data format {version}, this build reads {FILES_VERSION}"
            ),
            DataError::WrongKind { file } => write!(f, "{file}: not the kind of file expected"),
            DataError::Corrupt { file, what } => write!(f, "{file}: damaged ({what})"),
            DataError::Unknown { file } => write!(f, "{file}: not listed in the manifest"),
            DataError::OtherCorpus { file } => write!(
                f,
                "{file}: of another build of the corpus (a stale or mixed deployment)"
            ),
        }
    }
}

impl std::error::Error for DataError {}

/// FNV-1a, 64 bits: the content hash of the files' names and checks.
pub fn content_hash(bytes: &[u8]) -> u64 {
    fnv_more(FNV_START, bytes)
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a 64 `h` continued over `bytes` (a hash of several pieces without joining them).
fn fnv_more(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The FNV-1a 64 of `hashes` as 8 bytes little-endian each, in order: the text files' digest
/// in the manifest (of their bodies' hashes).
pub fn hash_of_hashes(hashes: &[u64]) -> u64 {
    hashes
        .iter()
        .fold(FNV_START, |h, x| fnv_more(h, &x.to_le_bytes()))
}

/// The name of a data file of `kind` with content hash `hash` (every kind but the text files,
/// [`text_file_name`]).
pub fn file_name(kind: FileKind, hash: u64) -> String {
    if kind == FileKind::Manifest {
        return MANIFEST_NAME.to_string();
    }
    format!("{}-{hash:016x}.bin", kind.name())
}

/// The name of text file `number` of corpus version `corpus_version`: `text-<number>-<version,
/// 16 hex>.bin`. The version last, so that a host's rule for content-named files (a name
/// ending in `-<hex>.bin`, README) serves it as immutable too; the number in decimal.
pub fn text_file_name(corpus_version: u64, number: u32) -> String {
    format!("text-{number}-{corpus_version:016x}.bin")
}

/// Starts a file of `kind`: magic, version, kind.
fn envelope(kind: FileKind) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(FILES_MAGIC);
    out.extend_from_slice(&FILES_VERSION.to_le_bytes());
    out.push(kind as u8);
    out
}

/// Checks a file's envelope and returns its body.
fn open<'a>(bytes: &'a [u8], kind: FileKind, file: &str) -> Result<&'a [u8], DataError> {
    if bytes.len() < 7 || &bytes[..4] != FILES_MAGIC {
        return Err(DataError::NotADataFile {
            file: file.to_string(),
        });
    }
    let version = u16::from_le_bytes([bytes[4], bytes[5]]);
    if version != FILES_VERSION {
        return Err(DataError::WrongVersion {
            file: file.to_string(),
            version,
        });
    }
    if FileKind::from_byte(bytes[6]) != Some(kind) {
        return Err(DataError::WrongKind {
            file: file.to_string(),
        });
    }
    Ok(&bytes[7..])
}
