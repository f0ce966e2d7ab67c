//! The golden test of meanings: the hand-checked facts of `tests/fixtures/seed_meanings.json`
//! (a copy of the project's acceptance file) hold for the analysed seeds: every listed figure's
//! subject holds one of its `subject_any` words, its actor, event (where the file gives one)
//! and period are the checked ones, `same_measure` pairs share a measure key and
//! `not_same_measure` pairs do not. Names compare folded (case, accents, apostrophes).

use raqmi_model::document::{Document, Figure};
use raqmi_model::text::fold;
use raqmi_testkit::seed_documents;
use serde_json::Value;

fn facts() -> Value {
    let path = raqmi_testkit::fixture_path("seed_meanings.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every figure overlapping an occurrence of `surface` in the file `file`.
fn figures_at<'a>(
    docs: &'a [Document],
    file: &str,
    surface: &str,
) -> Vec<(&'a Document, &'a Figure)> {
    let id = file.trim_end_matches(".txt");
    let doc = docs
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no document {id}"));
    let places: Vec<(usize, usize)> = doc
        .text
        .match_indices(surface)
        .map(|(i, m)| (i, i + m.len()))
        .collect();
    assert!(!places.is_empty(), "{id}: {surface:?} is not in the text");
    let found: Vec<_> = doc
        .figures
        .iter()
        .filter(|f| {
            places
                .iter()
                .any(|&(s, e)| (f.span.start as usize) < e && s < f.span.end as usize)
        })
        .map(|f| (doc, f))
        .collect();
    assert!(!found.is_empty(), "{id}: no figure at {surface:?}");
    found
}

fn folded(v: &Value) -> Option<String> {
    v.as_str().map(fold)
}

#[test]
fn every_figure_means_what_the_hand_checked_facts_say() {
    let docs = seed_documents();
    let mut wrong = Vec::new();
    for f in facts()["figures"].as_array().unwrap() {
        let file = f["file"].as_str().unwrap();
        let surface = f["surface"].as_str().unwrap();
        for (doc, fig) in figures_at(&docs, file, surface) {
            let m = &fig.meaning;
            let mut errors = Vec::new();
            let subject = fold(&m.subject);
            let any: Vec<String> = f["subject_any"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(folded)
                .collect();
            if !any.iter().any(|w| subject.contains(w.as_str())) {
                errors.push(format!("subject {:?} has none of {any:?}", m.subject));
            }
            if m.subject.split_whitespace().count() > raqmi_extract::meaning::MAX_WORDS + 2 {
                errors.push(format!("subject {:?} is too long", m.subject));
            }
            if m.actor.as_deref().map(fold) != folded(&f["actor"]) {
                errors.push(format!("actor {:?}, want {}", m.actor, f["actor"]));
            }
            if let Some(event) = f.get("event") {
                if m.event.as_deref().map(fold) != folded(event) {
                    errors.push(format!("event {:?}, want {event}", m.event));
                }
            }
            let period = m.period.map(|p| p.iso());
            if period.as_deref() != f["period"].as_str() {
                errors.push(format!("period {period:?}, want {}", f["period"]));
            }
            if !errors.is_empty() {
                wrong.push(format!(
                    "{} {:?}: {}",
                    doc.id,
                    doc.slice(fig.span),
                    errors.join("; ")
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "meanings wrong:\n{}", wrong.join("\n"));
}

/// The measure key of the figures at `"file|surface"` (all of them share it).
fn measure(docs: &[Document], key: &Value) -> String {
    let (file, surface) = key.as_str().unwrap().split_once('|').unwrap();
    let found = figures_at(docs, file, surface);
    let m = found[0].1.meaning.measure.clone();
    assert!(found.iter().all(|(_, f)| f.meaning.measure == m), "{key}");
    m
}

#[test]
fn figures_measuring_the_same_thing_share_a_key_and_others_do_not() {
    let docs = seed_documents();
    let facts = facts();
    for pair in facts["same_measure"].as_array().unwrap() {
        let (a, b) = (measure(&docs, &pair[0]), measure(&docs, &pair[1]));
        assert!(!a.is_empty() && a == b, "{pair}: {a:?} vs {b:?}");
    }
    let not_same = facts["not_same_measure"].as_array().unwrap();
    assert!(!not_same.is_empty());
    for pair in not_same {
        let (a, b) = (measure(&docs, &pair[0]), measure(&docs, &pair[1]));
        assert_ne!(a, b, "{pair}");
    }
}

#[test]
fn the_two_devoxx_budgets_have_different_subjects() {
    let docs = seed_documents();
    let doc = docs.iter().find(|d| d.id.starts_with("003_")).unwrap();
    let budgets: Vec<&str> = doc
        .figures
        .iter()
        .filter(|f| f.kind == raqmi_model::document::FigureKind::Money)
        .map(|f| f.meaning.subject.as_str())
        .collect();
    assert_eq!(budgets.len(), 2);
    assert_ne!(budgets[0], budgets[1]);
}
