//! Encoding the documents (build time): the string table, the text blob and one record per
//! document, as the `snapshot` module header lays them out. Runs natively (the web app's build
//! script, the `corpus` command), never in the browser.

use crate::index::put_varint64;
use raqmi_model::document::{DateOrigin, Document, Span};
use std::collections::HashMap;

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

/// How a float is written: 0 an integer, 1 hundredths, 2 its 8 bytes (see the `snapshot`
/// module header).
pub(super) fn float_form(v: f64) -> (u64, u64) {
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

pub(super) fn put_float(out: &mut Vec<u8>, form: u64, payload: u64) {
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

/// The strings stored once (see the `snapshot` module header).
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

pub(super) fn encode_documents(docs: &[Document], out: &mut Vec<u8>) {
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
            let m = &f.meaning;
            put_varint64(r, table.id(&m.subject));
            put_varint64(r, m.actor.as_deref().map_or(0, |s| table.id(s) + 1));
            put_varint64(r, m.event.as_deref().map_or(0, |s| table.id(s) + 1));
            put_varint64(
                r,
                m.period.map_or(0, |p| {
                    ((p.year as u64) << 4 | p.month.map_or(0, |m| m.min(15) as u64)) + 1
                }),
            );
            put_varint64(r, table.id(&m.measure));
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
