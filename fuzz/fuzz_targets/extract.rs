//! Fuzz target for the extractors: on arbitrary bytes, ingest never panics, and on arbitrary
//! UTF-8 the figures and names found (in the raw text and in the ingested document) have spans
//! inside the text, on char boundaries, non-empty, sorted and non-overlapping; the document's
//! paragraphs and sentences lie inside its text on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use raqmi_model::document::Span;
use raqmi_extract::entities::extract_entities;
use raqmi_extract::figures::extract_figures;
use raqmi_extract::ingest::{ingest, ingest_text, Overrides};

/// Spans inside `text`, on char boundaries, non-empty; if `disjoint`, sorted and not
/// overlapping.
fn check(text: &str, spans: impl Iterator<Item = Span>, disjoint: bool, what: &str) {
    let mut prev_end = 0;
    for s in spans {
        let (a, b) = (s.start as usize, s.end as usize);
        assert!(a < b, "{what}: empty span {a}..{b}");
        assert!(b <= text.len(), "{what}: span {a}..{b} past {}", text.len());
        assert!(
            text.is_char_boundary(a) && text.is_char_boundary(b),
            "{what}: {a}..{b} off a char boundary"
        );
        if disjoint {
            assert!(
                a >= prev_end,
                "{what}: {a}..{b} overlaps or precedes ..{prev_end}"
            );
        }
        prev_end = b;
    }
}

fuzz_target!(|data: &[u8]| {
    let none = Overrides::default();
    // Bytes: decoding refuses or accepts, never panics.
    let _ = ingest("fuzz", "fuzz.txt", data, &none);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let figures = extract_figures(text);
    check(text, figures.iter().map(|f| f.span), true, "figures");
    assert!(
        figures.iter().all(|f| f.value.is_finite()),
        "non-finite value"
    );
    let entities = extract_entities(text);
    check(text, entities.iter().map(|e| e.span), true, "entities");
    if let Ok(doc) = ingest_text("fuzz", "fuzz.txt", text, &none) {
        let t = &doc.text;
        check(t, doc.figures.iter().map(|f| f.span), true, "doc figures");
        check(t, doc.entities.iter().map(|e| e.span), true, "doc entities");
        check(t, doc.paragraphs.iter().map(|p| p.span), true, "paragraphs");
        check(t, doc.sentences.iter().copied(), true, "sentences");
    }
});
