//! Writing a corpus as data files (build time, natively): the index cut into tables and
//! shards, the documents into a figures table and packs, and the manifest listing them all.

use super::manifest::{FileEntry, Manifest};
use super::shards::{encode_dict, encode_documents, encode_key_ids, encode_postings};
use super::tables::encode_tables;
use super::{content_hash, FileKind};
use crate::index::SearchIndex;
use raqmi_model::document::Document;
use std::collections::BTreeMap;

/// How big the shards and packs are cut (bytes before compression). Smaller pieces transfer
/// less per query but make more files and requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileOptions {
    pub dict_bytes: usize,
    pub postings_bytes: usize,
    pub stem_bytes: usize,
    pub pack_bytes: usize,
}

impl Default for FileOptions {
    fn default() -> Self {
        FileOptions {
            dict_bytes: 16 * 1024,
            postings_bytes: 32 * 1024,
            stem_bytes: 16 * 1024,
            pack_bytes: 24 * 1024,
        }
    }
}

/// One file to write: its name and bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Cuts `items` (each with its size) into runs of about `target` bytes; returns each run's
/// first position.
fn cut(sizes: impl IntoIterator<Item = usize>, target: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut run = 0usize;
    for (i, size) in sizes.into_iter().enumerate() {
        if i == 0 || run + size > target && run > 0 {
            starts.push(i);
            run = 0;
        }
        run += size;
    }
    starts
}

/// The runs `starts` cuts `0..len` into.
fn runs(starts: &[usize], len: usize) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    starts
        .iter()
        .enumerate()
        .map(move |(i, &s)| s..starts.get(i + 1).copied().unwrap_or(len))
}

/// The data files of `docs` indexed by `index` (built from them): the manifest first, then
/// the other files in the manifest's order.
pub fn write_files(docs: &[Document], index: &SearchIndex, opts: FileOptions) -> Vec<WrittenFile> {
    let mut m = Manifest {
        doc_count: docs.len() as u32,
        ..Manifest::default()
    };
    let mut files: Vec<(FileKind, Vec<u8>)> = Vec::new();
    files.push((FileKind::Tables, encode_tables(&index.tables_part(), docs)));
    let pack_starts = cut(
        docs.iter()
            .map(|d| d.text.len() + 8 * (d.figures.len() + d.entities.len())),
        opts.pack_bytes.max(1),
    );
    // One pack holds every document whole: a figures table would repeat it.
    if pack_starts.len() > 1 {
        let light: Vec<Document> = docs
            .iter()
            .map(|d| Document {
                text: String::new(),
                paragraphs: Vec::new(),
                sentences: Vec::new(),
                ..d.clone()
            })
            .collect();
        files.push((
            FileKind::Figures,
            encode_documents(FileKind::Figures, 0, &light),
        ));
    }

    let terms = index.term_parts();
    m.term_count = terms.len() as u32;
    let starts = cut(
        terms.iter().map(|t| t.key.len() + 3),
        opts.dict_bytes.max(1),
    );
    for r in runs(&starts, terms.len()) {
        let run: Vec<(&[u8], usize)> = terms[r.clone()]
            .iter()
            .map(|t| (t.key.as_slice(), t.postings.len()))
            .collect();
        m.dict_starts
            .push((r.start as u32, terms[r.start].key.clone()));
        files.push((FileKind::Dictionary, encode_dict(r.start as u32, &run)));
    }
    let starts = cut(
        terms.iter().map(|t| t.postings.len() + 1),
        opts.postings_bytes.max(1),
    );
    for r in runs(&starts, terms.len()) {
        let lists: Vec<&[u8]> = terms[r.clone()].iter().map(|t| t.postings).collect();
        m.postings_starts.push(r.start as u32);
        files.push((FileKind::Postings, encode_postings(r.start as u32, &lists)));
    }

    let stems = index.stem_parts();
    // Tails: each term with its first character dropped, and the terms it comes from.
    let mut tails: BTreeMap<&[u8], Vec<u32>> = BTreeMap::new();
    for (id, t) in terms.iter().enumerate() {
        let first = std::str::from_utf8(&t.key)
            .ok()
            .and_then(|s| s.chars().next())
            .map_or(1, char::len_utf8);
        if let Some(tail) = t.key.get(first..).filter(|t| !t.is_empty()) {
            tails.entry(tail).or_default().push(id as u32);
        }
    }
    let tails: Vec<(&[u8], &[u32])> = tails.iter().map(|(k, v)| (*k, v.as_slice())).collect();
    let stems: Vec<(&[u8], &[u32])> = stems
        .iter()
        .map(|(k, v)| (k.as_slice(), v.as_slice()))
        .collect();
    // With one dictionary shard every typo's neighbours are in it (no tails to write), and
    // every stem's terms too (the reader groups them by stem itself: no stems to write).
    let (stems, tails) = if m.dict_starts.len() > 1 {
        (stems, tails)
    } else {
        (Vec::new(), Vec::new())
    };
    for (kind, entries) in [(FileKind::Stems, &stems), (FileKind::Tails, &tails)] {
        let starts = cut(
            entries.iter().map(|(k, ids)| k.len() + 2 + 2 * ids.len()),
            opts.stem_bytes.max(1),
        );
        for r in runs(&starts, entries.len()) {
            let key = entries[r.start].0.to_vec();
            match kind {
                FileKind::Stems => m.stem_starts.push(key),
                _ => m.tail_starts.push(key),
            }
            files.push((kind, encode_key_ids(kind, &entries[r])));
        }
    }

    for r in runs(&pack_starts, docs.len()) {
        m.pack_starts.push(r.start as u32);
        files.push((
            FileKind::Pack,
            encode_documents(FileKind::Pack, r.start as u32, &docs[r]),
        ));
    }

    for (kind, bytes) in &files {
        m.files.push(FileEntry {
            kind: *kind,
            hash: content_hash(bytes),
        });
    }
    m.corpus_version = Manifest::version_of(&m.files);
    let mut out = vec![WrittenFile {
        name: super::MANIFEST_NAME.to_string(),
        bytes: m.encode(),
    }];
    for ((_, bytes), entry) in files.into_iter().zip(&m.files) {
        out.push(WrittenFile {
            name: entry.name(),
            bytes,
        });
    }
    out
}
