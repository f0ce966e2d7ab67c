//! Writing a corpus as data files (build time, natively): the index cut into tables and
//! shards (each postings list split into its counts and its offsets, in postings and positions
//! shards of the same term ids), the documents into a figures table, text files and packs (or one pack of whole
//! documents when it holds them all), and the manifest listing them all. The text files are
//! written last: their headers and names hold the corpus version, which their bodies' hashes
//! make with the other files' hashes.

use super::manifest::{FileEntry, Manifest};
use super::parts::{analysis_part, card_part, figures_part, per_text_for};
use super::shards::{encode_dict, encode_documents, encode_key_ids, encode_postings};
use super::shards::{encode_text, encode_text_body};
use super::tables::{encode_facets, encode_tables};
use super::{content_hash, hash_of_hashes, FileKind};
use crate::index::{split_postings, SearchIndex};
use raqmi_model::document::Document;
use std::collections::BTreeMap;

/// How big the shards and packs are cut (bytes before compression). Smaller pieces transfer
/// less per query but make more files and requests. When every document fits in one pack
/// (`pack_bytes`, counting texts), that pack holds them whole; else the packs hold their
/// analysis, cut at `pack_bytes` too, and text files their card parts ([`TEXT_FILES`]).
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
            // About 60 synthetic articles' analysis: the reader's pack is some 30 KB gzip
            // (beside the figures table it reads anyway), and 100,000 articles make about
            // 1,700 packs: every file costs the manifest, read at start, about 11 B gzip.
            pack_bytes: 48 * 1024,
        }
    }
}

/// The most text files a corpus is written in: one document each up to this many documents,
/// then as few per file as keeps under it (two at 10,000, thirteen at 100,000). A card costs
/// its text file (about 1.1 KB gzip alone, 1.7 KB for two, 6.5 KB for thirteen, synthetic
/// articles), and with the packs and shards 100,000 articles make 10,129 files, half a host's
/// 20,000 (docs/performance.md).
pub const TEXT_FILES: usize = 8_000;

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
    // One pack holds every document whole: no text file, and a figures table would repeat it;
    // the facets stay in the tables (one file less at start, for a small corpus).
    let whole = cut(
        docs.iter()
            .map(|d| d.text.len() + 8 * (d.figures.len() + d.entities.len())),
        opts.pack_bytes.max(1),
    )
    .len()
        <= 1;
    let tables = index.tables_part();
    files.push((FileKind::Tables, encode_tables(&tables, docs, whole)));
    let mut per_text = 0;
    let pack_starts = if whole {
        vec![0]
    } else {
        let light: Vec<Document> = docs.iter().map(figures_part).collect();
        files.push((
            FileKind::Figures,
            encode_documents(FileKind::Figures, 0, &light),
        ));
        per_text = per_text_for(docs.len() as u32, docs.len().div_ceil(TEXT_FILES) as u32);
        cut(
            docs.iter().map(|d| {
                d.url.as_ref().map_or(0, String::len)
                    + 3 * d.sentences.len()
                    + 24 * d.figures.len()
                    + 8 * d.entities.len()
            }),
            opts.pack_bytes.max(1),
        )
    };

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
    // Cut by the whole lists' sizes (as in version 5), each list split into its counts (the
    // postings shard) and its offsets (the positions shard of the same number, written last:
    // files are grouped by kind, and positions are the last kind).
    let starts = cut(
        terms.iter().map(|t| t.postings.len() + 1),
        opts.postings_bytes.max(1),
    );
    let mut positions = Vec::new();
    for r in runs(&starts, terms.len()) {
        let split: Vec<(Vec<u8>, Vec<u8>)> = terms[r.clone()]
            .iter()
            .map(|t| split_postings(t.postings).expect("the index's own postings lists"))
            .collect();
        let counts: Vec<&[u8]> = split.iter().map(|(c, _)| c.as_slice()).collect();
        let offsets: Vec<&[u8]> = split.iter().map(|(_, o)| o.as_slice()).collect();
        m.postings_starts.push(r.start as u32);
        let first = r.start as u32;
        files.push((
            FileKind::Postings,
            encode_postings(FileKind::Postings, first, &counts),
        ));
        positions.push(encode_postings(FileKind::Positions, first, &offsets));
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

    for r in runs(&pack_starts, docs.len()).filter(|r| !r.is_empty()) {
        m.pack_starts.push(r.start as u32);
        let first = r.start as u32;
        let bytes = if whole {
            encode_documents(FileKind::Pack, first, &docs[r])
        } else {
            let analysis: Vec<Document> = docs[r].iter().map(analysis_part).collect();
            encode_documents(FileKind::Pack, first, &analysis)
        };
        files.push((FileKind::Pack, bytes));
    }
    // The text files' bodies: their headers wait for the corpus version.
    let mut text_bodies = Vec::new();
    if per_text > 0 {
        for (i, run) in docs.chunks(per_text as usize).enumerate() {
            let cards: Vec<Document> = run.iter().map(card_part).collect();
            text_bodies.push(encode_text_body(i as u32 * per_text, &cards));
        }
    }

    if !whole {
        files.push((FileKind::Facets, encode_facets(&tables)));
    }
    files.extend(positions.into_iter().map(|p| (FileKind::Positions, p)));

    for (kind, bytes) in &files {
        m.files.push(FileEntry {
            kind: *kind,
            hash: content_hash(bytes),
        });
    }
    let body_hashes: Vec<u64> = text_bodies.iter().map(|b| content_hash(b)).collect();
    m.text_count = text_bodies.len() as u32;
    m.text_digest = if text_bodies.is_empty() {
        0
    } else {
        hash_of_hashes(&body_hashes)
    };
    m.corpus_version = Manifest::version_of(&m.files, m.text_digest());
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
    // In the manifest's order: the text files between the packs and the facets file.
    let at = 1 + m.files.iter().filter(|f| f.kind < FileKind::Text).count();
    let version = m.corpus_version;
    let texts = text_bodies
        .iter()
        .enumerate()
        .map(|(number, body)| WrittenFile {
            name: super::text_file_name(version, number as u32),
            bytes: encode_text(version, number as u32, body),
        });
    out.splice(at..at, texts);
    out
}
