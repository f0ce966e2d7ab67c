//! The bodies of the data files other than the manifest, written and read (layouts in the
//! `files` module header). Readers are bounds-checked: every count is capped by the bytes
//! left, and the error says what was being read.

use super::{content_hash, envelope, open, DataError, FileKind};
use crate::index::{put_varint64, Reader};
use crate::snapshot::{decode_document_list, encode_document_list};
use raqmi_model::document::Document;

/// Reads varints and keys of one file, with its name for errors.
pub(super) struct Body<'a> {
    pub(super) r: Reader<'a>,
    file: &'a str,
}

impl<'a> Body<'a> {
    pub(super) fn new(bytes: &'a [u8], file: &'a str) -> Self {
        Body {
            r: Reader::new(bytes),
            file,
        }
    }
    /// Not inlined: one copy of the error's making for the many places that refuse.
    #[inline(never)]
    pub(super) fn corrupt(&self, what: &'static str) -> DataError {
        DataError::Corrupt {
            file: self.file.to_string(),
            what,
        }
    }
    pub(super) fn num(&mut self, what: &'static str) -> Result<u64, DataError> {
        self.r.varint64().ok_or_else(|| self.corrupt(what))
    }
    pub(super) fn u32(&mut self, what: &'static str) -> Result<u32, DataError> {
        let v = self.num(what)?;
        u32::try_from(v).map_err(|_| self.corrupt(what))
    }
    /// A count of items each taking at least one byte: more than the bytes left is damage.
    pub(super) fn count(&mut self, what: &'static str) -> Result<usize, DataError> {
        let v = self.num(what)?;
        usize::try_from(v)
            .ok()
            .filter(|&n| n <= self.r.left())
            .ok_or_else(|| self.corrupt(what))
    }
    pub(super) fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], DataError> {
        self.r.take(n).ok_or_else(|| self.corrupt(what))
    }
    /// A key front-coded against `prev`, which becomes it.
    pub(super) fn key(&mut self, prev: &mut Vec<u8>, what: &'static str) -> Result<(), DataError> {
        let shared = usize::try_from(self.num(what)?).map_err(|_| self.corrupt(what))?;
        let len = self.count(what)?;
        if shared > prev.len() {
            return Err(self.corrupt(what));
        }
        let suffix = self.take(len, what)?;
        prev.truncate(shared);
        prev.extend_from_slice(suffix);
        Ok(())
    }
    pub(super) fn end(&self) -> Result<(), DataError> {
        if self.r.left() != 0 {
            return Err(self.corrupt("bytes after the end"));
        }
        Ok(())
    }
}

/// Writes `key` front-coded against `prev`.
pub(super) fn put_key(out: &mut Vec<u8>, prev: &[u8], key: &[u8]) {
    let shared = prev.iter().zip(key).take_while(|(a, b)| a == b).count();
    put_varint64(out, shared as u64);
    put_varint64(out, (key.len() - shared) as u64);
    out.extend_from_slice(&key[shared..]);
}

/// A figures table or a pack: documents from `first_doc` on.
pub(super) fn encode_documents(kind: FileKind, first_doc: u32, docs: &[Document]) -> Vec<u8> {
    let mut out = envelope(kind);
    put_documents(&mut out, first_doc, docs);
    out
}

/// The documents' part of a figures table, a pack or a text file: `varint first_doc`, then
/// the documents.
fn put_documents(out: &mut Vec<u8>, first_doc: u32, docs: &[Document]) {
    put_varint64(out, first_doc as u64);
    encode_document_list(docs, out);
}

pub(super) fn decode_documents(
    bytes: &[u8],
    kind: FileKind,
    file: &str,
) -> Result<(u32, Vec<Document>), DataError> {
    documents_of(open(bytes, kind, file)?, file)
}

/// Reads what [`put_documents`] wrote, and nothing after it. One copy for every kind (the
/// app's code size).
#[inline(never)]
fn documents_of(body: &[u8], file: &str) -> Result<(u32, Vec<Document>), DataError> {
    let mut b = Body::new(body, file);
    let first = b.u32("first document")?;
    let docs = decode_document_list(&mut b.r).map_err(|what| b.corrupt(what))?;
    b.end()?;
    Ok((first, docs))
}

/// A text file's body, which its header's hash covers: `varint first_doc`, then its documents.
pub(super) fn encode_text_body(first_doc: u32, docs: &[Document]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    put_documents(&mut out, first_doc, docs);
    out
}

/// The bytes of a text file's header after the envelope: corpus version (8), number (4), the
/// body's hash (8). Fixed widths: the service worker checks a text file from them too.
const TEXT_HEADER: usize = 20;

/// Text file `number` of corpus version `corpus_version`, with body `body`.
pub(super) fn encode_text(corpus_version: u64, number: u32, body: &[u8]) -> Vec<u8> {
    let mut out = envelope(FileKind::Text);
    out.reserve(TEXT_HEADER + body.len());
    out.extend_from_slice(&corpus_version.to_le_bytes());
    out.extend_from_slice(&number.to_le_bytes());
    out.extend_from_slice(&content_hash(body).to_le_bytes());
    out.extend_from_slice(body);
    out
}

/// Reads text file `number` of corpus version `corpus_version` (named `file`): its first
/// document and documents, once its header says it is that file (else [`DataError::OtherCorpus`]
/// or [`DataError::Corrupt`]) and its body has its header's hash (else, truncated or damaged,
/// [`DataError::WrongHash`]).
pub(super) fn decode_text(
    bytes: &[u8],
    file: &str,
    corpus_version: u64,
    number: u32,
) -> Result<(u32, Vec<Document>), DataError> {
    let rest = open(bytes, FileKind::Text, file)?;
    let (Some(header), Some(body)) = (rest.get(..TEXT_HEADER), rest.get(TEXT_HEADER..)) else {
        return Err(DataError::WrongHash {
            file: file.to_string(),
        });
    };
    let le = |at: usize, n: usize| {
        let mut b = [0u8; 8];
        b[..n].copy_from_slice(&header[at..at + n]);
        u64::from_le_bytes(b)
    };
    if le(0, 8) != corpus_version {
        return Err(DataError::OtherCorpus {
            file: file.to_string(),
        });
    }
    if le(8, 4) != number as u64 {
        return Err(DataError::Corrupt {
            file: file.to_string(),
            what: "another text file's number",
        });
    }
    if le(12, 8) != content_hash(body) {
        return Err(DataError::WrongHash {
            file: file.to_string(),
        });
    }
    documents_of(body, file)
}

/// A run of dictionary terms: the first one's id, then each key and postings length.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct DictShard {
    pub(super) first_id: u32,
    pub(super) terms: Vec<(Vec<u8>, usize)>,
}

pub(super) fn encode_dict(first_id: u32, terms: &[(&[u8], usize)]) -> Vec<u8> {
    let mut out = envelope(FileKind::Dictionary);
    put_varint64(&mut out, first_id as u64);
    put_varint64(&mut out, terms.len() as u64);
    let mut prev: &[u8] = &[];
    for &(key, plen) in terms {
        put_key(&mut out, prev, key);
        put_varint64(&mut out, plen as u64);
        prev = key;
    }
    out
}

pub(super) fn decode_dict(bytes: &[u8], file: &str) -> Result<DictShard, DataError> {
    let mut b = Body::new(open(bytes, FileKind::Dictionary, file)?, file);
    let first_id = b.u32("first term id")?;
    let n = b.count("term count")?;
    let mut terms = Vec::with_capacity(n);
    let mut key = Vec::new();
    for _ in 0..n {
        b.key(&mut key, "term")?;
        if terms.last().is_some_and(|(k, _)| *k >= key) {
            return Err(b.corrupt("terms out of order"));
        }
        let plen =
            usize::try_from(b.num("postings length")?).map_err(|_| b.corrupt("postings length"))?;
        terms.push((key.clone(), plen));
    }
    b.end()?;
    Ok(DictShard { first_id, terms })
}

/// The lists of a run of term ids: a postings shard's counts lists, or a positions shard's
/// offsets (the same layout, `files` module header).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct PostingsShard {
    pub(super) first_id: u32,
    /// Where each list starts in `bytes` (and the end, last).
    pub(super) starts: Vec<usize>,
    pub(super) bytes: Vec<u8>,
}

impl PostingsShard {
    /// The list of term `id`, when this shard holds it.
    pub(super) fn list(&self, id: u32) -> Option<&[u8]> {
        let i = id.checked_sub(self.first_id)? as usize;
        let (&a, &b) = (self.starts.get(i)?, self.starts.get(i + 1)?);
        self.bytes.get(a..b)
    }
}

/// A postings or positions shard (`kind`) of the lists of term ids from `first_id` on.
pub(super) fn encode_postings(kind: FileKind, first_id: u32, lists: &[&[u8]]) -> Vec<u8> {
    let mut out = envelope(kind);
    put_varint64(&mut out, first_id as u64);
    put_varint64(&mut out, lists.len() as u64);
    for l in lists {
        put_varint64(&mut out, l.len() as u64);
    }
    for l in lists {
        out.extend_from_slice(l);
    }
    out
}

pub(super) fn decode_postings(
    bytes: &[u8],
    kind: FileKind,
    file: &str,
) -> Result<PostingsShard, DataError> {
    let mut b = Body::new(open(bytes, kind, file)?, file);
    let first_id = b.u32("first term id")?;
    let n = b.count("list count")?;
    let mut starts = Vec::with_capacity(n + 1);
    let mut at = 0usize;
    starts.push(0);
    for _ in 0..n {
        let len = b.count("list length")?;
        at = at
            .checked_add(len)
            .ok_or_else(|| b.corrupt("list length"))?;
        starts.push(at);
    }
    let bytes = b.take(at, "postings")?.to_vec();
    b.end()?;
    Ok(PostingsShard {
        first_id,
        starts,
        bytes,
    })
}

/// Keys with term ids: a run of stems or of tails.
pub(super) type KeyIds = Vec<(Vec<u8>, Vec<u32>)>;

pub(super) fn encode_key_ids(kind: FileKind, entries: &[(&[u8], &[u32])]) -> Vec<u8> {
    let mut out = envelope(kind);
    put_varint64(&mut out, entries.len() as u64);
    let mut prev: &[u8] = &[];
    for &(key, ids) in entries {
        put_key(&mut out, prev, key);
        put_varint64(&mut out, ids.len() as u64);
        let mut last = 0;
        for &id in ids {
            put_varint64(&mut out, (id - last) as u64);
            last = id;
        }
        prev = key;
    }
    out
}

pub(super) fn decode_key_ids(
    bytes: &[u8],
    kind: FileKind,
    file: &str,
) -> Result<KeyIds, DataError> {
    let mut b = Body::new(open(bytes, kind, file)?, file);
    let n = b.count("entry count")?;
    let mut out: KeyIds = Vec::with_capacity(n);
    let mut key = Vec::new();
    for _ in 0..n {
        b.key(&mut key, "key")?;
        if out.last().is_some_and(|(k, _)| *k >= key) {
            return Err(b.corrupt("keys out of order"));
        }
        let m = b.count("id count")?;
        let mut ids = Vec::with_capacity(m);
        let mut id = 0u32;
        for i in 0..m {
            let d = b.u32("term id")?;
            id = id.checked_add(d).ok_or_else(|| b.corrupt("term id"))?;
            if i > 0 && d == 0 {
                return Err(b.corrupt("term ids out of order"));
            }
            ids.push(id);
        }
        out.push((key.clone(), ids));
    }
    b.end()?;
    Ok(out)
}
