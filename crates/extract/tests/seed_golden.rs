//! The golden test: the hand-checked facts about the seed articles
//! (`tests/fixtures/seed_figures.json`, a copy of the project's acceptance file) hold for the
//! analyzed corpus: dates, headlines, every non-optional figure with its value, kind, category
//! and qualifier, no `not_figures`, every name (aliases merged), and nothing from 004's ticker.

use raqmi_model::document::{Document, Span};
use raqmi_testkit::seed_documents;
use serde_json::Value;

fn facts() -> Value {
    let path = raqmi_testkit::fixture_path("seed_figures.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn name<T: std::fmt::Debug>(v: T) -> String {
    let mut out = String::new();
    for (i, c) in format!("{v:?}").chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Byte spans of every occurrence of `needle` in the document text.
fn occurrences(doc: &Document, needle: &str) -> Vec<Span> {
    doc.text
        .match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn each_document(mut check: impl FnMut(&Document, &Value)) {
    let docs = seed_documents();
    let facts = facts();
    let expected = facts["documents"].as_array().unwrap();
    assert_eq!(docs.len(), expected.len());
    for fact in expected {
        let id = fact["file"].as_str().unwrap().trim_end_matches(".txt");
        let doc = docs
            .iter()
            .find(|d| d.id == id)
            .unwrap_or_else(|| panic!("no document {id}"));
        check(doc, fact);
    }
}

#[test]
fn dates_and_headlines_match_the_hand_checked_facts() {
    each_document(|doc, fact| {
        let date = doc.date.map(|d| d.iso());
        assert_eq!(date.as_deref(), fact["date"].as_str(), "date of {}", doc.id);
        if let Some(h) = fact["headline"].as_str() {
            assert_eq!(doc.headline.as_deref(), Some(h), "headline of {}", doc.id);
        }
    });
}

#[test]
fn every_charted_figure_is_found_with_its_value_kind_category_and_qualifier() {
    let mut missing = Vec::new();
    each_document(|doc, fact| {
        for f in fact["figures"].as_array().unwrap() {
            if f["optional"].as_bool() == Some(true) {
                continue;
            }
            let surface = f["surface"].as_str().unwrap();
            let places = occurrences(doc, surface);
            assert!(
                !places.is_empty(),
                "{}: {surface:?} is not in the text",
                doc.id
            );
            let want_value = f["value"].as_f64().unwrap();
            let found = doc.figures.iter().any(|g| {
                places.iter().any(|&p| overlaps(p, g.span))
                    && (g.value - want_value).abs() <= want_value.abs() * 1e-9
                    && name(g.kind) == f["kind"].as_str().unwrap()
                    && name(g.category) == f["category"].as_str().unwrap()
                    && g.qualifier.map(name).as_deref() == f["qualifier"].as_str()
                    && f["currency"].as_str().is_none_or(|c| g.unit == c)
            });
            if !found {
                let near: Vec<_> = doc
                    .figures
                    .iter()
                    .filter(|g| places.iter().any(|&p| overlaps(p, g.span)))
                    .map(|g| format!("{:?} -> {:?}", doc.slice(g.span), g))
                    .collect();
                missing.push(format!(
                    "{}: {surface:?} ({f}); found there: {near:?}",
                    doc.id
                ));
            }
        }
    });
    assert!(
        missing.is_empty(),
        "figures missing or wrong:\n{}",
        missing.join("\n")
    );
}

#[test]
fn no_number_that_is_not_a_figure_is_reported() {
    let mut wrong = Vec::new();
    each_document(|doc, fact| {
        for nf in fact["not_figures"].as_array().unwrap() {
            let nf = nf.as_str().unwrap();
            for place in occurrences(doc, nf) {
                for g in doc.figures.iter().filter(|g| overlaps(place, g.span)) {
                    wrong.push(format!(
                        "{}: {nf:?} reported as {:?}",
                        doc.id,
                        doc.slice(g.span)
                    ));
                }
            }
        }
    });
    assert!(
        wrong.is_empty(),
        "not figures, yet reported:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_name_is_found_with_its_type_and_aliases_share_a_canonical_form() {
    let mut missing = Vec::new();
    each_document(|doc, fact| {
        for e in fact["entities"].as_array().unwrap() {
            let surface = e["surface"].as_str().unwrap();
            let kind = e["type"].as_str().unwrap();
            let found = doc
                .entities
                .iter()
                .find(|x| doc.slice(x.span) == surface && name(x.kind) == kind);
            let Some(found) = found else {
                missing.push(format!("{}: {surface:?} ({kind})", doc.id));
                continue;
            };
            if let Some(alias) = e["same_as"].as_str() {
                let other = doc.entities.iter().find(|x| doc.slice(x.span) == alias);
                match other {
                    Some(o) if o.canonical == found.canonical => {}
                    _ => missing.push(format!(
                        "{}: {surface:?} is not merged with {alias:?}",
                        doc.id
                    )),
                }
            }
        }
    });
    assert!(missing.is_empty(), "names missing:\n{}", missing.join("\n"));
}

#[test]
fn nothing_from_the_ticker_or_the_site_chrome_of_004_is_kept() {
    let docs = seed_documents();
    let doc = docs
        .iter()
        .find(|d| d.id == "004_1a904081dba04b63")
        .unwrap();
    for chrome in [
        "Sahara",
        "Mondial 2026",
        "681 condamnés",
        "Beckham",
        "Merci d'avoir signalé",
        "Cette image sera automatiquement bloquée",
        "Cliquez ici",
    ] {
        assert!(!doc.text.contains(chrome), "004 still holds {chrome:?}");
    }
    assert!(doc
        .text
        .starts_with("Digitalisation : l'APEBI lance des think tanks"));
    assert_eq!(doc.source.as_deref(), Some("Les ECO"));
    // The article itself is whole: its last paragraph is the byline.
    assert!(doc.text.ends_with("Aziz Diouf / Les Inspirations Eco"));
}
