//! The manifest: the corpus version, its counts, its files and where each shard starts (layout
//! in the `files` module header). Everything a query needs to know to pick its files and name
//! them: a file by its content hash, a text file by the corpus version and its number.

use super::parts::per_text;
use super::shards::{put_key, Body};
use super::{envelope, file_name, fnv_more, open, text_file_name, DataError, FileKind, FileRef};
use super::{FNV_START, MANIFEST_NAME};
use crate::index::put_varint64;

/// One listed file: its kind and content hash (which its name holds). No length: the hash of
/// the whole file already refuses a truncated one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEntry {
    pub kind: FileKind,
    pub hash: u64,
}

impl FileEntry {
    pub fn name(&self) -> String {
        file_name(self.kind, self.hash)
    }
}

/// What the manifest says (see the `files` module header).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    /// A hash of every file's hash ([`Manifest::version_of`]): two builds of the same corpus
    /// have the same version, and the reader checks it, so a damaged hash is refused here.
    pub corpus_version: u64,
    pub doc_count: u32,
    pub term_count: u32,
    /// The files named by their content hash: every one but the text files, grouped by kind,
    /// in [`FileKind`]'s order.
    pub files: Vec<FileEntry>,
    /// How many text files (named by the corpus version and their number, each checked by
    /// its own header: no hash of theirs here).
    pub text_count: u32,
    /// [`super::hash_of_hashes`] of the text files' body hashes (their headers'), in order: the
    /// corpus version covers them through it (0 when there is no text file).
    pub text_digest: u64,
    /// Per dictionary shard: its first term id and first key.
    pub dict_starts: Vec<(u32, Vec<u8>)>,
    /// Per postings shard: its first term id (and per positions shard, the same).
    pub postings_starts: Vec<u32>,
    /// Per stem shard and per tail shard: its first key.
    pub stem_starts: Vec<Vec<u8>>,
    pub tail_starts: Vec<Vec<u8>>,
    /// Per pack: its first document.
    pub pack_starts: Vec<u32>,
}

impl Manifest {
    /// The listed file `r`, if any and named by its content hash (not a text file).
    pub fn entry(&self, r: FileRef) -> Option<&FileEntry> {
        self.files
            .iter()
            .filter(|f| f.kind == r.kind)
            .nth(r.number as usize)
    }

    /// The name of file `r` (or a description when it is not listed).
    pub fn name(&self, r: FileRef) -> String {
        if r.kind == FileKind::Text && r.number < self.text_count {
            return text_file_name(self.corpus_version, r.number);
        }
        match self.entry(r) {
            Some(e) => e.name(),
            None => format!("{} #{}", r.kind.name(), r.number),
        }
    }

    /// How many files of `kind` are listed.
    pub fn count(&self, kind: FileKind) -> usize {
        match kind {
            FileKind::Text => self.text_count as usize,
            _ => self.files.iter().filter(|f| f.kind == kind).count(),
        }
    }

    /// The corpus version of `files` and of the text files of digest `text_digest` (when
    /// there are any): the FNV-1a 64 of their hashes (8 bytes little-endian each, in order),
    /// then of the digest. Every file's content changes it.
    pub fn version_of(files: &[FileEntry], text_digest: Option<u64>) -> u64 {
        let mut h = FNV_START;
        for f in files {
            h = fnv_more(h, &f.hash.to_le_bytes());
        }
        match text_digest {
            Some(d) => fnv_more(h, &d.to_le_bytes()),
            None => h,
        }
    }

    /// The text digest as [`Manifest::version_of`] takes it: none without text files.
    pub fn text_digest(&self) -> Option<u64> {
        (self.text_count > 0).then_some(self.text_digest)
    }

    /// Whether the manifest lists file `r`.
    pub fn lists(&self, r: FileRef) -> bool {
        match r.kind {
            FileKind::Text => r.number < self.text_count,
            _ => self.entry(r).is_some(),
        }
    }

    /// Every listed file but the manifest, grouped by kind in [`FileKind`]'s order.
    pub fn refs(&self) -> Vec<FileRef> {
        let mut out = Vec::new();
        for &kind in &FileKind::ALL[1..] {
            for number in 0..self.count(kind) as u32 {
                out.push(FileRef { kind, number });
            }
        }
        out
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = envelope(FileKind::Manifest);
        out.extend_from_slice(&self.corpus_version.to_le_bytes());
        put_varint64(&mut out, self.doc_count as u64);
        put_varint64(&mut out, self.term_count as u64);
        for &kind in &FileKind::ALL[1..] {
            put_varint64(&mut out, self.count(kind) as u64);
        }
        for f in &self.files {
            out.extend_from_slice(&f.hash.to_le_bytes());
        }
        if let Some(digest) = self.text_digest() {
            out.extend_from_slice(&digest.to_le_bytes());
        }
        let mut prev_id = 0;
        let mut prev: &[u8] = &[];
        for (id, key) in &self.dict_starts {
            put_varint64(&mut out, (id - prev_id) as u64);
            put_key(&mut out, prev, key);
            prev_id = *id;
            prev = key;
        }
        let mut prev_id = 0;
        for &id in &self.postings_starts {
            put_varint64(&mut out, (id - prev_id) as u64);
            prev_id = id;
        }
        for keys in [&self.stem_starts, &self.tail_starts] {
            let mut prev: &[u8] = &[];
            for key in keys {
                put_key(&mut out, prev, key);
                prev = key;
            }
        }
        let mut prev_doc = 0;
        for &d in &self.pack_starts {
            put_varint64(&mut out, (d - prev_doc) as u64);
            prev_doc = d;
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Manifest, DataError> {
        let file = MANIFEST_NAME;
        let body = open(bytes, FileKind::Manifest, file)?;
        let mut b = Body::new(body, file);
        let version = b.take(8, "corpus version")?;
        let mut m = Manifest {
            corpus_version: u64::from_le_bytes(version.try_into().unwrap_or([0; 8])),
            doc_count: b.u32("document count")?,
            term_count: b.u32("term count")?,
            ..Manifest::default()
        };
        let mut kinds = Vec::new();
        for &kind in &FileKind::ALL[1..] {
            if kind == FileKind::Text {
                // No hash of theirs to bound it: as many as the writer makes of the documents
                // (each holds `per_text` of them, the last one fewer).
                let n = b.u32("text file count")?;
                if n > m.doc_count || n > 0 && m.doc_count.div_ceil(per_text(m.doc_count, n)) != n {
                    return Err(b.corrupt("text file count"));
                }
                m.text_count = n;
                continue;
            }
            // Each file takes 8 bytes of hash: more than the bytes left is damage.
            let n = b.count("file count")?;
            if n > b.r.left() / 8 {
                return Err(b.corrupt("file count"));
            }
            kinds.extend(std::iter::repeat_n(kind, n));
        }
        for kind in kinds {
            let hash = b.take(8, "file hash")?;
            let hash = u64::from_le_bytes(hash.try_into().unwrap_or([0; 8]));
            m.files.push(FileEntry { kind, hash });
        }
        if m.text_count > 0 {
            let digest = b.take(8, "text files' digest")?;
            m.text_digest = u64::from_le_bytes(digest.try_into().unwrap_or([0; 8]));
        }
        if Manifest::version_of(&m.files, m.text_digest()) != m.corpus_version {
            return Err(b.corrupt("file hashes"));
        }
        let mut id = 0u32;
        let mut key = Vec::new();
        for i in 0..m.count(FileKind::Dictionary) {
            let d = b.u32("dictionary shard start")?;
            id = id
                .checked_add(d)
                .filter(|_| i == 0 || d > 0)
                .ok_or_else(|| b.corrupt("dictionary shard start"))?;
            b.key(&mut key, "dictionary shard key")?;
            m.dict_starts.push((id, key.clone()));
        }
        let mut id = 0u32;
        for i in 0..m.count(FileKind::Postings) {
            let d = b.u32("postings shard start")?;
            id = id
                .checked_add(d)
                .filter(|_| i == 0 || d > 0)
                .ok_or_else(|| b.corrupt("postings shard start"))?;
            m.postings_starts.push(id);
        }
        for kind in [FileKind::Stems, FileKind::Tails] {
            let mut key = Vec::new();
            let mut keys = Vec::new();
            for _ in 0..m.count(kind) {
                b.key(&mut key, "shard key")?;
                keys.push(key.clone());
            }
            match kind {
                FileKind::Stems => m.stem_starts = keys,
                _ => m.tail_starts = keys,
            }
        }
        let mut doc = 0u32;
        for i in 0..m.count(FileKind::Pack) {
            let d = b.u32("pack start")?;
            doc = doc
                .checked_add(d)
                .filter(|_| i == 0 || d > 0)
                .ok_or_else(|| b.corrupt("pack start"))?;
            m.pack_starts.push(doc);
        }
        b.end()?;
        if m.count(FileKind::Tables) != 1
            || m.count(FileKind::Figures) > 1
            || m.count(FileKind::Facets) > 1
        {
            return Err(b.corrupt("tables and figures table"));
        }
        // One positions shard per postings shard, of the same term ids (none listed apart).
        if m.count(FileKind::Positions) != m.count(FileKind::Postings) {
            return Err(b.corrupt("positions shards"));
        }
        Ok(m)
    }

    /// The dictionary shard holding `key` (the last whose first key is not after it).
    pub(super) fn dict_of_key(&self, key: &[u8]) -> u32 {
        let i = self
            .dict_starts
            .partition_point(|(_, k)| k.as_slice() <= key);
        i.saturating_sub(1) as u32
    }

    /// The dictionary shards that may hold keys starting with `prefix`.
    pub(super) fn dicts_of_prefix(&self, prefix: &[u8]) -> std::ops::RangeInclusive<u32> {
        let first = self.dict_of_key(prefix);
        let mut last = first;
        while let Some((_, k)) = self.dict_starts.get(last as usize + 1) {
            if !k.starts_with(prefix) {
                break;
            }
            last += 1;
        }
        first..=last
    }

    /// The dictionary shard holding term `id`.
    pub(super) fn dict_of_id(&self, id: u32) -> u32 {
        let i = self.dict_starts.partition_point(|(first, _)| *first <= id);
        i.saturating_sub(1) as u32
    }

    /// The postings shard holding term `id`, and the positions shard holding its offsets.
    pub(super) fn postings_of_id(&self, id: u32) -> u32 {
        let i = self.postings_starts.partition_point(|&first| first <= id);
        i.saturating_sub(1) as u32
    }

    /// The stem (or tail) shard that holds `key`, if any shard exists.
    pub(super) fn key_shard(starts: &[Vec<u8>], key: &[u8]) -> Option<u32> {
        if starts.is_empty() {
            return None;
        }
        let i = starts.partition_point(|k| k.as_slice() <= key);
        Some(i.saturating_sub(1) as u32)
    }

    /// The pack holding document `doc`.
    pub fn pack_of(&self, doc: u32) -> u32 {
        let i = self.pack_starts.partition_point(|&first| first <= doc);
        i.saturating_sub(1) as u32
    }
}
