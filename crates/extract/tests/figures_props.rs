//! Properties of `extract_figures` on any input: it never panics, and its spans are on char
//! boundaries, in order, non-overlapping and inside the text.

use proptest::prelude::*;
use raqmi_extract::figures::extract_figures;

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let figs = extract_figures(text);
    let mut last_end = 0usize;
    for f in &figs {
        let (s, e) = (f.span.start as usize, f.span.end as usize);
        prop_assert!(s < e, "empty span {s}..{e}");
        prop_assert!(e <= text.len(), "span past the end");
        prop_assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "off a char boundary"
        );
        prop_assert!(s >= last_end, "overlap or disorder at {s}");
        prop_assert!(f.value.is_finite(), "value {}", f.value);
        last_end = e;
    }
    Ok(())
}

/// Pieces press numerals are made of, and the characters most likely to trip a lexer.
const FRAGMENTS: &[&str] = &[
    "1",
    "12",
    "200",
    "2022",
    "6.500",
    "3,9",
    ",",
    ", ",
    ".",
    " ",
    "\u{a0}",
    "\u{202f}",
    "\n",
    "%",
    " %",
    "€",
    "$",
    "millions",
    "milliards",
    "MDH",
    "MMDH",
    "M€",
    "k",
    "de",
    "d'",
    "d’",
    "l’",
    "un",
    "une",
    "deux",
    "dix-huit",
    "vingt",
    "et",
    "centaine",
    "centaines",
    "milliers",
    "plus de",
    "près de",
    "jusqu'à",
    "entre",
    "à",
    "ème",
    "e",
    "ᵉ",
    "er",
    "jeunes",
    "startups",
    "par",
    "région",
    "multiplié par",
    "septembre",
    "en",
    "Assises",
    "-",
    "+",
    "e\u{301}",
    "\u{301}",
    "🚀",
    "👩‍💻",
    "é",
    "ans",
    "pour cent",
    "du PIB",
    "h",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings_give_well_formed_spans(text in any::<String>()) {
        check_spans(&text)?;
    }

    #[test]
    fn french_number_soup_gives_well_formed_spans(text in fragments()) {
        check_spans(&text)?;
    }

    #[test]
    fn spaced_fragments_give_well_formed_spans(parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..30)) {
        check_spans(&parts.join(" "))?;
    }
}
