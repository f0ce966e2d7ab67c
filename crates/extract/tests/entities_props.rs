//! Properties of the entity extractor on arbitrary text: it never panics, and its spans are on
//! char boundaries, inside the text, in order and disjoint.

use proptest::prelude::*;
use raqmi_extract::entities::extract_entities;

/// Pieces that exercise the extractor's paths: names, titles, acronyms in parentheses,
/// apostrophes of every kind, combining marks, hyphens, emoji.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Hicham Chiguer".to_string()),
        Just("M. Charaf".to_string()),
        Just(", président de l’AUSIM,".to_string()),
        Just("Association des Utilisateurs (AUSIM)".to_string()),
        Just("Agence Marocaine (".to_string()),
        Just("(UM6P)".to_string()),
        Just("Souss-Massa".to_string()),
        Just("Côte d’Ivoire".to_string()),
        Just("Google Cloud".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{301}\u{308}".to_string()),
        Just("’‘ʼ'`".to_string()),
        Just("🇲🇦👩‍💻".to_string()),
        Just("Ǆ ǅ ß ẞ İ".to_string()),
        Just("\u{a0}\u{202f}\n\t".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        "[A-Z][a-zé]{0,8}",
        "[A-Z]{1,9}",
        "\\PC{0,12}",
        ".{0,6}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|parts| {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            if i % 3 == 1 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_are_ordered_disjoint_and_on_char_boundaries(text in text()) {
        let ents = extract_entities(&text);
        let mut prev_end = 0usize;
        for e in &ents {
            let (s, t) = (e.span.start as usize, e.span.end as usize);
            prop_assert!(s < t, "empty span {:?}", e);
            prop_assert!(t <= text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(t));
            prop_assert!(s >= prev_end, "overlap or disorder at {:?}", e);
            prop_assert!(!e.canonical.is_empty());
            prev_end = t;
        }
    }

    #[test]
    fn never_panics_on_any_string(text in "\\PC*") {
        let _ = extract_entities(&text);
    }
}
