//! The contract's JSON form of the model: a figure and a name as `corpus extract` prints them,
//! a document as `corpus export` writes it (offsets in characters, end exclusive; enum values in
//! lower case with underscores). One home for the CLI and for the own articles' export file, so
//! the two cannot drift apart. README "The corpus CLI" documents every field.

use crate::document::{DateOrigin, Document, Entity, Figure, Span};
use crate::text::CharIndex;
use serde_json::{json, Value};

/// One document as `corpus export` writes it.
pub fn document_json(d: &Document) -> Value {
    let chars = CharIndex::new(&d.text);
    let span = |s: Span| json!({"start": chars.char_offset(s.start as usize), "end": chars.char_offset(s.end as usize)});
    json!({
        "id": d.id,
        "headline": d.headline,
        "date": d.date.map(|x| x.iso()),
        "date_inferred": d.date_origin == DateOrigin::Inferred,
        "source": d.source,
        "url": d.url,
        "text": d.text,
        "paragraphs": d.paragraphs.iter().map(|p| {
            let mut v = span(p.span);
            v["role"] = json!(kind_name(&p.role));
            v
        }).collect::<Vec<_>>(),
        "sentences": d.sentences.iter().map(|s| span(*s)).collect::<Vec<_>>(),
        "figures": d.figures.iter().map(|f| figure_json(f, &d.text, &chars)).collect::<Vec<_>>(),
        "entities": d.entities.iter().map(|e| entity_json(e, &d.text, &chars)).collect::<Vec<_>>(),
    })
}

/// One figure as `corpus extract` prints it; `chars` maps `text`'s byte offsets to characters.
pub fn figure_json(f: &Figure, text: &str, chars: &CharIndex) -> Value {
    let r = f.span.range();
    json!({
        "start": chars.char_offset(r.start),
        "end": chars.char_offset(r.end),
        "surface": &text[r],
        "value": number(f.value),
        "high": f.high.map(number),
        "kind": kind_name(&f.kind),
        "unit": f.unit,
        "category": kind_name(&f.category),
        "qualifier": f.qualifier.map(|q| kind_name(&q)),
        "low": f.high.map(|_| number(f.value)),
        "subject": f.meaning.subject,
        "actor": f.meaning.actor,
        "event": f.meaning.event,
        "period": f.meaning.period.map(|p| p.iso()),
        "measure": f.meaning.measure,
    })
}

/// One name as `corpus extract` prints it.
pub fn entity_json(e: &Entity, text: &str, chars: &CharIndex) -> Value {
    let r = e.span.range();
    json!({
        "start": chars.char_offset(r.start),
        "end": chars.char_offset(r.end),
        "surface": &text[r],
        "type": kind_name(&e.kind),
        "canonical": e.canonical,
        "role": e.role,
    })
}

/// Whole numbers print without a fractional part (13300000, not 13300000.0).
pub fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

/// The contract's lower-case names for enum values (`UpTo` -> "up_to").
pub fn kind_name<T: std::fmt::Debug>(v: &T) -> String {
    let mut out = String::new();
    for (i, c) in format!("{v:?}").chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
