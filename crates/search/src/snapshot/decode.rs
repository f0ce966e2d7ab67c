//! Decoding the documents (start-up) from the layout the `snapshot` module header describes:
//! bounds-checked, every count capped by the bytes left, so a damaged snapshot gives an error,
//! never a panic. This is the app's start-up time, hence the plain loops and the notes on wasm.

use crate::index::Reader;
use raqmi_model::document::{
    Category, Date, DateOrigin, Document, Entity, EntityKind, Figure, FigureKind, Meaning,
    Paragraph, ParagraphRole, Period, Qualifier, Span,
};

fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

/// Makes room for `bytes` of small allocations by allocating them at once and freeing them.
/// Decoding allocates about 1.75 bytes per snapshot byte, in hundreds of thousands of pieces.
/// The wasm allocator grows memory by what each allocation lacks, and in V8 each growth costs
/// about as much as the memory is large (1 to 3 ms at 50 to 100 MB): hundreds of growths were
/// most of a 600 ms decode at 10,000 articles. One growth up front, whose space the pieces then
/// reuse, takes that to under 200 ms. Natively this is a map and an unmap, never touched.
pub(super) fn reserve_heap(bytes: usize) {
    drop(std::hint::black_box(Vec::<u8>::with_capacity(bytes)));
}

/// Reads the documents; the error says what was damaged.
pub(super) fn decode_documents(r: &mut Reader) -> Result<Vec<Document>, &'static str> {
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
        let unit = string(r)?.to_string();
        let subject = string(r)?.to_string();
        let actor = opt_string(r, strings, "figure actor")?;
        let event = opt_string(r, strings, "figure event")?;
        let period = match num(r, "figure period")? {
            0 => None,
            p => Some(Period {
                year: u16::try_from((p - 1) >> 4).map_err(|_| "figure period")?,
                month: match (p - 1) & 15 {
                    0 => None,
                    m => Some(m as u8),
                },
            }),
        };
        let measure = string(r)?.to_string();
        figures.push(Figure {
            span,
            value,
            high,
            kind,
            unit,
            category,
            qualifier,
            meaning: Meaning {
                subject,
                actor,
                event,
                period,
                measure,
            },
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

/// An optional string of the table, written as 0 (none) or its id + 1.
fn opt_string(
    r: &mut Reader,
    strings: &[&str],
    what: &'static str,
) -> Result<Option<String>, &'static str> {
    match len(r, what)? {
        0 => Ok(None),
        id => Ok(Some(strings.get(id - 1).ok_or(what)?.to_string())),
    }
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

pub(super) fn float(r: &mut Reader, form: u64) -> Result<f64, &'static str> {
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
