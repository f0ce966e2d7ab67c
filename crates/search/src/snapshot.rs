//! The analyzed snapshot: what `build.rs` writes into `OUT_DIR` and the app embeds and decodes
//! at start-up, so the browser never re-runs the analysis of the bundled corpus.
//!
//! Wire format (producer and consumer both live here). varint: unsigned LEB128 (7 bits a byte,
//! low bits first); zigzag: a signed value as an unsigned one (0, -1, 1, -2… as 0, 1, 2, 3…).
//! - bytes 0..4: the magic `RQMI`;
//! - bytes 4..6: the format version, little-endian u16 ([`FORMAT_VERSION`]); a snapshot of
//!   another version is refused rather than misread;
//! - `varint len`, then the search index encoded with postcard (see `index.rs` for its parts);
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
//!     read back as `n / 100.0`; 2: the 8 bytes of the float, little-endian), and the unit's
//!     string;
//!   - entities: `count`, then per entity zigzag(start − previous start), zigzag(end − start),
//!     `canonical string << 4 | kind << 1 | has_role`, and the role's string when it has one.
//!
//! Every enum is written as its declaration order. Changing a type in `document.rs` changes the
//! format: bump [`FORMAT_VERSION`]. A damaged snapshot gives an error, never a panic.

use crate::index::{put_varint64, Reader, SearchIndex};
use raqmi_model::document::{
    Category, Date, DateOrigin, Document, Entity, EntityKind, Figure, FigureKind, Paragraph,
    ParagraphRole, Qualifier, Span,
};
use std::collections::HashMap;
use std::fmt;

pub const MAGIC: &[u8; 4] = b"RQMI";
pub const FORMAT_VERSION: u16 = 4;

/// Everything the app knows about its corpus.
#[derive(Clone, Debug, PartialEq)]
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
        let index = postcard::to_allocvec(&self.index).expect("postcard encodes plain data");
        put_varint64(&mut out, index.len() as u64);
        out.extend_from_slice(&index);
        encode_documents(&self.documents, &mut out);
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

// ---------------------------------------------------------------------------------------------
// Encoding (build time).

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

/// How a float is written: 0 an integer, 1 hundredths, 2 its 8 bytes (see the module header).
fn float_form(v: f64) -> (u64, u64) {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: integers below are exact floats
    if v.fract() == 0.0 && v.abs() < EXACT {
        let i = v as i64;
        if (i as f64).to_bits() == v.to_bits() {
            return (0, zigzag(i));
        }
    }
    let h = v * 100.0;
    if h.fract() == 0.0 && h.abs() < EXACT {
        let i = h as i64;
        if ((i as f64) / 100.0).to_bits() == v.to_bits() {
            return (1, zigzag(i));
        }
    }
    (2, v.to_bits())
}

fn put_float(out: &mut Vec<u8>, form: u64, payload: u64) {
    if form == 2 {
        out.extend_from_slice(&payload.to_le_bytes());
    } else {
        put_varint64(out, payload);
    }
}

fn put_span(out: &mut Vec<u8>, span: Span, from: u32) {
    put_varint64(out, zigzag(span.start as i64 - from as i64));
    put_varint64(out, zigzag(span.end as i64 - span.start as i64));
}

/// The strings stored once (see the module header).
#[derive(Default)]
struct StringTable<'a> {
    ids: HashMap<&'a str, u64>,
    strings: Vec<&'a str>,
}

impl<'a> StringTable<'a> {
    fn id(&mut self, s: &'a str) -> u64 {
        let next = self.strings.len() as u64;
        *self.ids.entry(s).or_insert_with(|| {
            self.strings.push(s);
            next
        })
    }
}

fn encode_documents(docs: &[Document], out: &mut Vec<u8>) {
    let mut table = StringTable::default();
    let mut texts = Vec::new();
    let mut records = Vec::new();
    let opt_len = |s: &Option<String>| s.as_ref().map_or(0, |s| s.len() as u64 + 1);
    let opt_small = |v: Option<u8>| v.map_or(0, |v| v as u64 + 1);
    for d in docs {
        let r = &mut records;
        for s in [
            Some(&d.id),
            d.headline.as_ref(),
            d.url.as_ref(),
            Some(&d.text),
        ]
        .into_iter()
        .flatten()
        {
            texts.extend_from_slice(s.as_bytes());
        }
        put_varint64(r, d.id.len() as u64);
        put_varint64(r, opt_len(&d.headline));
        put_varint64(r, opt_len(&d.url));
        put_varint64(r, d.text.len() as u64);
        let inferred = matches!(d.date_origin, DateOrigin::Inferred);
        put_varint64(r, d.date.is_some() as u64 | (inferred as u64) << 1);
        if let Some(date) = d.date {
            put_varint64(r, date.year as u64);
            put_varint64(r, opt_small(date.month));
            put_varint64(r, opt_small(date.day));
        }
        put_varint64(r, d.source.as_deref().map_or(0, |s| table.id(s) + 1));

        put_varint64(r, d.paragraphs.len() as u64);
        let mut prev = 0;
        for p in &d.paragraphs {
            put_varint64(r, zigzag(p.span.start as i64 - prev as i64));
            let len = zigzag(p.span.end as i64 - p.span.start as i64);
            put_varint64(r, len << 2 | p.role as u64);
            prev = p.span.end;
        }
        put_varint64(r, d.sentences.len() as u64);
        let mut prev = 0;
        for s in &d.sentences {
            put_span(r, *s, prev);
            prev = s.end;
        }
        put_varint64(r, d.figures.len() as u64);
        let mut prev = 0;
        for f in &d.figures {
            put_span(r, f.span, prev);
            prev = f.span.start;
            let (value_form, value) = float_form(f.value);
            let (high_form, high) = f.high.map_or((3, 0), float_form);
            let qualifier = f.qualifier.map_or(0, |q| q as u64 + 1);
            put_varint64(
                r,
                f.kind as u64
                    | (f.category as u64) << 3
                    | qualifier << 6
                    | value_form << 9
                    | high_form << 11,
            );
            put_float(r, value_form, value);
            if high_form != 3 {
                put_float(r, high_form, high);
            }
            put_varint64(r, table.id(&f.unit));
        }
        put_varint64(r, d.entities.len() as u64);
        let mut prev = 0;
        for e in &d.entities {
            put_span(r, e.span, prev);
            prev = e.span.start;
            let canonical = table.id(&e.canonical);
            put_varint64(
                r,
                canonical << 4 | (e.kind as u64) << 1 | e.role.is_some() as u64,
            );
            if let Some(role) = &e.role {
                put_varint64(r, table.id(role));
            }
        }
    }
    put_varint64(out, docs.len() as u64);
    put_varint64(out, table.strings.len() as u64);
    for s in &table.strings {
        put_varint64(out, s.len() as u64);
    }
    put_varint64(out, table.strings.iter().map(|s| s.len() as u64).sum());
    for s in &table.strings {
        out.extend_from_slice(s.as_bytes());
    }
    put_varint64(out, texts.len() as u64);
    out.extend_from_slice(&texts);
    out.extend_from_slice(&records);
}

// ---------------------------------------------------------------------------------------------
// Decoding (start-up): bounds-checked, every count capped by the bytes left.

/// Makes room for `bytes` of small allocations by allocating them at once and freeing them.
/// Decoding allocates about 1.75 bytes per snapshot byte, in hundreds of thousands of pieces.
/// The wasm allocator grows memory by what each allocation lacks, and in V8 each growth costs
/// about as much as the memory is large (1 to 3 ms at 50 to 100 MB): hundreds of growths were
/// most of a 600 ms decode at 10,000 articles. One growth up front, whose space the pieces then
/// reuse, takes that to under 200 ms. Natively this is a map and an unmap, never touched.
fn reserve_heap(bytes: usize) {
    drop(std::hint::black_box(Vec::<u8>::with_capacity(bytes)));
}

/// Reads the documents; the error says what was damaged.
fn decode_documents(r: &mut Reader) -> Result<Vec<Document>, &'static str> {
    let count = len(r, "document count")?;

    let n = len(r, "string count")?;
    let mut lengths = Vec::with_capacity(n.min(r.left()));
    for _ in 0..n {
        lengths.push(len(r, "string length")?);
    }
    let blob = utf8(r, "strings")?;
    let mut strings = Vec::with_capacity(lengths.len());
    let mut at = 0usize;
    for l in lengths {
        let end = at.checked_add(l).ok_or("string length")?;
        strings.push(blob.get(at..end).ok_or("string bounds")?);
        at = end;
    }
    let n = len(r, "texts")?;
    let mut texts = Texts {
        bytes: r.take(n).ok_or("texts")?,
        at: 0,
    };
    let mut docs = Vec::with_capacity(count.min(r.left()));
    for _ in 0..count {
        docs.push(decode_document(r, &strings, &mut texts)?);
    }
    if texts.at != texts.bytes.len() {
        return Err("text blob longer than its documents");
    }
    Ok(docs)
}

/// The documents' texts, read in order from the text blob.
struct Texts<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Texts<'_> {
    fn next(&mut self, len: usize) -> Result<String, &'static str> {
        let end = self.at.checked_add(len).ok_or("text length")?;
        let bytes = self.bytes.get(self.at..end).ok_or("text bounds")?;
        self.at = end;
        std::str::from_utf8(bytes)
            .map(str::to_string)
            .map_err(|_| "text encoding")
    }
}

/// One document's record. A function of its own, not inlined into the loop: V8 runs a wasm
/// call in the code it was started in, and the app starts in V8's baseline code; called once
/// per document, this is compiled by the optimizing tier after the first few hundred calls and
/// the rest of the documents decode two to three times faster.
#[inline(never)]
fn decode_document(
    r: &mut Reader,
    strings: &[&str],
    texts: &mut Texts,
) -> Result<Document, &'static str> {
    let string = |r: &mut Reader| -> Result<&str, &'static str> {
        let id = len(r, "string id")?;
        strings.get(id).copied().ok_or("string id")
    };
    let id_len = len(r, "id length")?;
    let headline_len = len(r, "headline length")?;
    let url_len = len(r, "url length")?;
    let text_len = len(r, "text length")?;
    let id = texts.next(id_len)?;
    let headline = match headline_len {
        0 => None,
        l => Some(texts.next(l - 1)?),
    };
    let url = match url_len {
        0 => None,
        l => Some(texts.next(l - 1)?),
    };
    let body = texts.next(text_len)?;

    let flags = num(r, "date flags")?;
    let date = if flags & 1 == 1 {
        let year = u16::try_from(num(r, "year")?).map_err(|_| "year")?;
        Some(Date {
            year,
            month: small(r, "month")?,
            day: small(r, "day")?,
        })
    } else {
        None
    };
    let date_origin = if flags & 2 == 2 {
        DateOrigin::Inferred
    } else {
        DateOrigin::Stated
    };
    let source = match len(r, "source")? {
        0 => None,
        id => Some(strings.get(id - 1).ok_or("source")?.to_string()),
    };

    let n = len(r, "paragraph count")?;
    let mut paragraphs = Vec::with_capacity(n.min(r.left()));
    let mut prev = 0;
    for _ in 0..n {
        let start = offset(prev, num(r, "paragraph")?)?;
        let packed = num(r, "paragraph")?;
        let end = offset(start, packed >> 2)?;
        let role = match packed & 3 {
            0 => ParagraphRole::Headline,
            1 => ParagraphRole::Dateline,
            2 => ParagraphRole::Subheading,
            _ => ParagraphRole::Body,
        };
        paragraphs.push(Paragraph {
            span: Span { start, end },
            role,
        });
        prev = end;
    }

    let n = len(r, "sentence count")?;
    let mut sentences = Vec::with_capacity(n.min(r.left()));
    let mut prev = 0;
    for _ in 0..n {
        let s = span(r, prev)?;
        sentences.push(s);
        prev = s.end;
    }

    let n = len(r, "figure count")?;
    let mut figures = Vec::with_capacity(n.min(r.left()));
    let mut prev = 0;
    for _ in 0..n {
        let span = span(r, prev)?;
        prev = span.start;
        let packed = num(r, "figure")?;
        let kind = match packed & 7 {
            0 => FigureKind::Money,
            1 => FigureKind::Percent,
            2 => FigureKind::Count,
            3 => FigureKind::Ordinal,
            4 => FigureKind::Duration,
            5 => FigureKind::Factor,
            6 => FigureKind::Year,
            _ => return Err("figure kind"),
        };
        let category = Category::ALL[(packed >> 3 & 7) as usize];
        let qualifier = match packed >> 6 & 7 {
            0 => None,
            1 => Some(Qualifier::Over),
            2 => Some(Qualifier::About),
            3 => Some(Qualifier::Under),
            4 => Some(Qualifier::UpTo),
            _ => return Err("figure qualifier"),
        };
        let value = float(r, packed >> 9 & 3)?;
        let high = match packed >> 11 & 3 {
            3 => None,
            form => Some(float(r, form)?),
        };
        figures.push(Figure {
            span,
            value,
            high,
            kind,
            unit: string(r)?.to_string(),
            category,
            qualifier,
        });
    }

    let n = len(r, "entity count")?;
    let mut entities = Vec::with_capacity(n.min(r.left()));
    let mut prev = 0;
    for _ in 0..n {
        let span = span(r, prev)?;
        prev = span.start;
        let packed = num(r, "entity")?;
        let kind = match packed >> 1 & 7 {
            0 => EntityKind::Org,
            1 => EntityKind::Place,
            2 => EntityKind::Person,
            3 => EntityKind::Program,
            4 => EntityKind::Event,
            _ => return Err("entity kind"),
        };
        let canonical = usize::try_from(packed >> 4)
            .ok()
            .and_then(|i| strings.get(i))
            .ok_or("entity name")?
            .to_string();
        let role = if packed & 1 == 1 {
            Some(string(r)?.to_string())
        } else {
            None
        };
        entities.push(Entity {
            span,
            kind,
            canonical,
            role,
        });
    }

    Ok(Document {
        id,
        headline,
        date,
        date_origin,
        source,
        url,
        text: body,
        paragraphs,
        sentences,
        figures,
        entities,
    })
}

/// One varint (not inlined: the decoder reads some forty kinds of them, and one copy of the
/// reading code keeps the app smaller).
#[inline(never)]
fn num(r: &mut Reader, what: &'static str) -> Result<u64, &'static str> {
    r.varint64().ok_or(what)
}

fn len(r: &mut Reader, what: &'static str) -> Result<usize, &'static str> {
    usize::try_from(num(r, what)?).map_err(|_| what)
}

/// An `Option<u8>` written as 0 (none) or the value + 1.
fn small(r: &mut Reader, what: &'static str) -> Result<Option<u8>, &'static str> {
    match num(r, what)? {
        0 => Ok(None),
        v => u8::try_from(v - 1).map(Some).map_err(|_| what),
    }
}

/// `from` moved by a zigzag delta, within `u32`.
fn offset(from: u32, delta: u64) -> Result<u32, &'static str> {
    (from as i64)
        .checked_add(unzigzag(delta))
        .and_then(|v| u32::try_from(v).ok())
        .ok_or("offset")
}

fn span(r: &mut Reader, from: u32) -> Result<Span, &'static str> {
    let start = offset(from, num(r, "span")?)?;
    let end = offset(start, num(r, "span")?)?;
    Ok(Span { start, end })
}

fn float(r: &mut Reader, form: u64) -> Result<f64, &'static str> {
    match form {
        0 => Ok(unzigzag(num(r, "number")?) as f64),
        1 => Ok(unzigzag(num(r, "number")?) as f64 / 100.0),
        _ => {
            let b = r.take(8).ok_or("number")?;
            Ok(f64::from_le_bytes([
                b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
            ]))
        }
    }
}

/// A length-prefixed UTF-8 blob.
fn utf8<'a>(r: &mut Reader<'a>, what: &'static str) -> Result<&'a str, &'static str> {
    let n = len(r, what)?;
    let bytes = r.take(n).ok_or(what)?;
    std::str::from_utf8(bytes).map_err(|_| what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use raqmi_extract::ingest::{ingest_text, Overrides};

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
    fn round_trips_the_seeds() {
        let dir = raqmi_testkit::seeds_dir();
        let docs = raqmi_extract::load::load_dir(&dir).expect("seeds load");
        let snap = Snapshot::new(docs);
        let back = Snapshot::decode(&snap.encode()).unwrap();
        assert_eq!(back, snap);
    }

    #[test]
    fn floats_keep_their_bits() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -3.0,
            12.5,
            0.1,
            1e300,
            -7.25e-310,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            9_007_199_254_740_993.0,
            123_456_789.01,
        ] {
            let (form, payload) = float_form(v);
            let mut out = Vec::new();
            put_float(&mut out, form, payload);
            let back = float(&mut Reader::new(&out), form).unwrap();
            assert_eq!(back.to_bits(), v.to_bits(), "{v:?} (form {form})");
        }
        assert_eq!(float_form(1_200_000.0).0, 0);
        assert_eq!(float_form(12.5).0, 1);
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
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(matches!(
            Snapshot::decode(&longer),
            Err(SnapshotError::Corrupt(_))
        ));
    }

    #[test]
    fn damaged_bytes_never_panic() {
        let doc = ingest_text(
            "d",
            "d",
            "Le budget\n\nPlus de 1 100 acteurs et 12,5 % des 3 millions de dirhams pour l'AUSIM \
             à Rabat, selon Ahmed Benali, président de l'AUSIM.",
            &Overrides::default(),
        )
        .unwrap();
        let bytes = Snapshot::new(vec![doc]).encode();
        for i in 6..bytes.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                let _ = Snapshot::decode(&b);
            }
            let _ = Snapshot::decode(&bytes[..i]);
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn span() -> impl Strategy<Value = Span> {
        (any::<u32>(), any::<u32>()).prop_map(|(start, end)| Span { start, end })
    }

    fn float() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>(),
            (-1_000_000_000i64..1_000_000_000).prop_map(|i| i as f64),
            (-100_000i64..100_000).prop_map(|i| i as f64 / 100.0),
            Just(-0.0),
            Just(f64::NAN),
        ]
    }

    fn document() -> impl Strategy<Value = Document> {
        let text = "\\PC{0,40}";
        let opt_small = proptest::option::of(any::<u8>());
        let figure = (
            span(),
            float(),
            proptest::option::of(float()),
            0usize..7,
            text,
            0usize..8,
        )
            .prop_flat_map(|(span, value, high, kind, unit, category)| {
                proptest::option::of(0usize..4).prop_map(move |q| Figure {
                    span,
                    value,
                    high,
                    kind: [
                        FigureKind::Money,
                        FigureKind::Percent,
                        FigureKind::Count,
                        FigureKind::Ordinal,
                        FigureKind::Duration,
                        FigureKind::Factor,
                        FigureKind::Year,
                    ][kind],
                    unit: unit.clone(),
                    category: Category::ALL[category],
                    qualifier: q.map(|q| {
                        [
                            Qualifier::Over,
                            Qualifier::About,
                            Qualifier::Under,
                            Qualifier::UpTo,
                        ][q]
                    }),
                })
            });
        let entity = (
            span(),
            0usize..5,
            "[a-zé ]{0,12}",
            proptest::option::of(text),
        )
            .prop_map(|(span, kind, canonical, role)| Entity {
                span,
                kind: [
                    EntityKind::Org,
                    EntityKind::Place,
                    EntityKind::Person,
                    EntityKind::Program,
                    EntityKind::Event,
                ][kind],
                canonical,
                role,
            });
        let paragraph = (span(), 0usize..4).prop_map(|(span, role)| Paragraph {
            span,
            role: [
                ParagraphRole::Headline,
                ParagraphRole::Dateline,
                ParagraphRole::Subheading,
                ParagraphRole::Body,
            ][role],
        });
        (
            (
                text,
                proptest::option::of(text),
                proptest::option::of(text),
                text,
            ),
            proptest::option::of((any::<u16>(), opt_small.clone(), opt_small)),
            (any::<bool>(), proptest::option::of("[a-z]{0,6}")),
            proptest::collection::vec(paragraph, 0..4),
            proptest::collection::vec(span(), 0..4),
            proptest::collection::vec(figure, 0..4),
            proptest::collection::vec(entity, 0..4),
        )
            .prop_map(
                |(
                    (id, headline, url, text),
                    date,
                    (inferred, source),
                    paragraphs,
                    sentences,
                    figures,
                    entities,
                )| {
                    Document {
                        id,
                        headline,
                        date: date.map(|(year, month, day)| Date { year, month, day }),
                        date_origin: if inferred {
                            DateOrigin::Inferred
                        } else {
                            DateOrigin::Stated
                        },
                        source,
                        url,
                        text,
                        paragraphs,
                        sentences,
                        figures,
                        entities,
                    }
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_documents_round_trip(docs in proptest::collection::vec(document(), 0..6)) {
            let snap = Snapshot { documents: docs, index: SearchIndex::default() };
            let back = Snapshot::decode(&snap.encode()).expect("decodes");
            prop_assert_eq!(
                postcard::to_allocvec(&back.documents).expect("encodes"),
                postcard::to_allocvec(&snap.documents).expect("encodes")
            );
        }
    }
}
