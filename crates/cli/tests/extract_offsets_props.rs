//! Properties of the CLI's offset contract: `start`/`end` count characters (Unicode scalar
//! values), end exclusive, and `surface` is exactly the text's characters `start..end`.
//!
//! - In the library: for any text, every figure's and name's byte span lies on char boundaries,
//!   and its character offsets from [`CharIndex`] (what the CLI prints) select the same text.
//! - Through the built `corpus extract` binary: for any batch of texts, one output line per
//!   input line, in order, and every `surface` equals the characters at its offsets.

use proptest::prelude::*;
use raqmi_extract::entities::extract_entities;
use raqmi_extract::figures::extract_figures;
use raqmi_extract::ingest::{ingest_text, Overrides};
use raqmi_model::document::Span;
use raqmi_model::text::{char_offset, CharIndex};
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

/// Pieces of press French that give figures and names, with the multi-byte characters most
/// likely to shift a byte offset away from a character offset.
const PIECES: &[&str] = &[
    "Le Maroc compte plus de 1 200 startups",
    "13,3 millions de dirhams",
    "près de 3\u{a0}500 emplois",
    "2 000 jeunes",
    "50 %",
    "la 3ème édition",
    "l’APEBI",
    "Association des Utilisateurs des Systèmes d’Information au Maroc (AUSIM)",
    "Hicham Chiguer, président de l’AUSIM,",
    "M. Charaf",
    "Souss-Massa",
    "à Salé",
    "Agadir",
    "Rabat",
    "Devoxx 2022",
    "multiplié par trois",
    "deux cents participants",
    "é",
    "e\u{301}",
    "🚀",
    "👩‍💻",
    "🇲🇦",
    "«\u{a0}",
    "\u{a0}»",
    "—",
    "’",
    "\u{202f}",
    "\n",
    "\n\n",
    ". ",
    ", ",
    " ",
    "(",
    ")",
    "ẞ",
    "İ",
    "𝔐",
];

fn french() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..30).prop_map(|v| v.join(" "))
}

/// Press French, arbitrary strings, and the two mixed.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => french(),
        1 => any::<String>(),
        1 => (french(), "\\PC{0,40}", french()).prop_map(|(a, b, c)| format!("{a}{b}{c}")),
    ]
}

/// The contract for one byte span of `text`: on char boundaries, inside the text, and its
/// character offsets (as the CLI computes them) select the same characters.
fn check_span(
    text: &str,
    chars: &[char],
    index: &CharIndex,
    span: Span,
) -> Result<(), TestCaseError> {
    let (s, e) = (span.start as usize, span.end as usize);
    prop_assert!(s < e && e <= text.len(), "span {s}..{e} of {}", text.len());
    prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
    let (cs, ce) = (index.char_offset(s), index.char_offset(e));
    prop_assert_eq!(cs, char_offset(text, s));
    prop_assert_eq!(ce, char_offset(text, e));
    let by_chars: String = chars[cs..ce].iter().collect();
    prop_assert_eq!(by_chars.as_str(), &text[s..e]);
    Ok(())
}

fn check_text(text: &str) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let index = CharIndex::new(text);
    for f in extract_figures(text) {
        check_span(text, &chars, &index, f.span)?;
    }
    for e in extract_entities(text) {
        check_span(text, &chars, &index, e.span)?;
    }
    Ok(())
}

/// Runs `corpus extract` on the texts; returns its exit status and output records.
fn extract(texts: &[String]) -> (Option<i32>, Vec<Value>) {
    let input: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", json!({"id": i, "text": t})))
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .arg("extract")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let records = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code(), records)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn extractor_spans_map_to_the_same_characters(text in any_text()) {
        check_text(&text)?;
    }

    #[test]
    fn document_spans_map_to_the_same_characters(text in any_text()) {
        // Whatever ingest keeps, its spans address its own cleaned text the same way.
        if let Ok(doc) = ingest_text("p", "p.txt", &text, &Overrides::default()) {
            let chars: Vec<char> = doc.text.chars().collect();
            let index = CharIndex::new(&doc.text);
            let spans = doc.figures.iter().map(|f| f.span)
                .chain(doc.entities.iter().map(|e| e.span))
                .chain(doc.paragraphs.iter().map(|p| p.span))
                .chain(doc.sentences.iter().copied());
            for span in spans {
                check_span(&doc.text, &chars, &index, span)?;
            }
        }
    }
}

proptest! {
    // Each case runs the binary once on a batch of texts.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_cli_surface_is_the_text_at_its_character_offsets(
        texts in prop::collection::vec(any_text(), 1..8)
    ) {
        let (status, records) = extract(&texts);
        prop_assert_eq!(status, Some(0));
        prop_assert_eq!(records.len(), texts.len());
        for (i, (text, record)) in texts.iter().zip(&records).enumerate() {
            prop_assert_eq!(&record["id"], &json!(i));
            let chars: Vec<char> = text.chars().collect();
            for key in ["figures", "entities"] {
                let items = record[key].as_array().unwrap();
                let mut prev_end = 0;
                for item in items {
                    let start = item["start"].as_u64().unwrap() as usize;
                    let end = item["end"].as_u64().unwrap() as usize;
                    prop_assert!(start < end && end <= chars.len(), "{}", item);
                    prop_assert!(start >= prev_end, "overlap in {}: {}", key, item);
                    prev_end = end;
                    let by_chars: String = chars[start..end].iter().collect();
                    prop_assert_eq!(item["surface"].as_str(), Some(by_chars.as_str()));
                }
            }
            // The library finds exactly what the CLI reports.
            prop_assert_eq!(record["figures"].as_array().unwrap().len(), extract_figures(text).len());
            prop_assert_eq!(record["entities"].as_array().unwrap().len(), extract_entities(text).len());
        }
    }
}
