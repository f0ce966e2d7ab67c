//! The input checks: each refusal, and what is kept of accepted text.

use super::*;

fn file(name: &str, bytes: &[u8]) -> Result<Submission, Problem> {
    from_file(name, bytes, Corrections::default())
}

#[test]
fn empty_and_whitespace_only_inputs_are_refused() {
    for text in ["", "   ", "\n\t \r\n  \u{a0}\u{2009}"] {
        assert_eq!(
            from_paste(text, Corrections::default()),
            Err(Problem::Empty)
        );
        assert_eq!(file("a.txt", text.as_bytes()), Err(Problem::Empty));
    }
    assert_eq!(file("a.md", b"#  \n\n> \n"), Err(Problem::Empty));
}

#[test]
fn oversized_inputs_are_refused_with_their_size() {
    let big = "a".repeat(MAX_BYTES + 1);
    let problem = file("big.txt", big.as_bytes()).unwrap_err();
    assert_eq!(
        problem,
        Problem::TooLarge {
            bytes: MAX_BYTES + 1
        }
    );
    assert_eq!(
        problem.args(),
        vec![("size", "5.1".to_string()), ("max", "5.0".to_string())]
    );
    assert!(from_paste(&big, Corrections::default()).is_err());
    assert!(file("ok.txt", "a".repeat(MAX_BYTES).as_bytes()).is_ok());
}

#[test]
fn binary_files_are_refused_and_named_when_known() {
    let cases: [(&[u8], Option<&str>); 5] = [
        (b"%PDF-1.7\n%\xE2\xE3", Some("PDF")),
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            Some("ZIP (DOCX, ODT, XLSX…)"),
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00", Some("PNG")),
        (b"texte\x00\x01\x02\x03 binaire", None),
        (b"ELF\x7F\x01\x02\x03\x04\x05", None),
    ];
    for (bytes, looks_like) in cases {
        assert_eq!(
            file("x.txt", bytes),
            Err(Problem::Binary { looks_like }),
            "{bytes:?}"
        );
    }
}

#[test]
fn other_encodings_are_named() {
    // "Été à Rabat" in UTF-16 with each BOM, in UTF-16LE without one, in Windows-1252 (with
    // a ’) and in Latin-1.
    let utf16le: Vec<u8> = "Été à Rabat, le budget"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let utf16be: Vec<u8> = "Été à Rabat, le budget"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let cases: [(Vec<u8>, Option<&str>); 6] = [
        ([&[0xFF, 0xFE][..], &utf16le].concat(), Some("UTF-16LE")),
        ([&[0xFE, 0xFF][..], &utf16be].concat(), Some("UTF-16BE")),
        (utf16le.clone(), Some("UTF-16LE")),
        (utf16be, Some("UTF-16BE")),
        (b"L\x92\xE9t\xE9 \xE0 Rabat".to_vec(), Some("Windows-1252")),
        (
            b"L'\xE9t\xE9 \xE0 Rabat".to_vec(),
            Some("Latin-1 (ISO-8859-1)"),
        ),
    ];
    for (bytes, looks_like) in cases {
        assert_eq!(
            file("x.txt", &bytes),
            Err(Problem::Encoding { looks_like }),
            "{bytes:?}"
        );
    }
    assert_eq!(
        file("x.txt", &[0xFF, 0, 0xFE, 0][..]),
        Err(Problem::Binary { looks_like: None })
    );
}

#[test]
fn only_text_html_and_markdown_files_are_taken() {
    assert_eq!(
        file("tableau.csv", b"a;b"),
        Err(Problem::FileType {
            name: "tableau.csv".into()
        })
    );
    for name in ["a.txt", "A.TXT", "a.html", "a.htm", "a.md"] {
        assert!(file(name, b"Un texte.").is_ok(), "{name}");
    }
}

#[test]
fn text_keeps_its_words_with_unified_line_ends() {
    let s = file("a.txt", b"\xEF\xBB\xBFTitre\r\n\r\nCorps\rfin").unwrap();
    assert_eq!(s.text, "Titre\n\nCorps\nfin");
    assert_eq!(s.file.as_deref(), Some("a.txt"));
    assert!(is_own_id(&s.id));
    assert_eq!(s.id, own_id(&s.text));
}

#[test]
fn an_html_page_keeps_its_text_and_nothing_that_runs() {
    let page = b"<!doctype html><html><head><script>alert(1)</script></head><body>\
                 <h1>Un budget</h1><p onclick=\"x()\">De 2 milliards.</p><script>steal()</script></body></html>";
    let s = file("page.html", page).unwrap();
    assert_eq!(s.text, "Un budget\n\nDe 2 milliards.");
    let pasted = from_paste(std::str::from_utf8(page).unwrap(), Corrections::default()).unwrap();
    assert_eq!(pasted.text, s.text);
    assert_eq!(
        file("scripts.html", b"<script>a()</script><style>p{}</style>"),
        Err(Problem::NoText)
    );
}

#[test]
fn markdown_loses_its_markup() {
    let md =
        "# Le **budget**\n\n> Un [rapport](https://x.ma) et ![une image](i.png)\n- point\n```\n";
    assert_eq!(
        file("a.md", md.as_bytes()).unwrap().text,
        "Le budget\n\nUn rapport et une image\npoint\n\n"
    );
}

#[test]
fn corrections_drop_blank_fields() {
    let c = Corrections::new("  Mon titre ", " ", "Le Matin");
    assert_eq!(c.headline.as_deref(), Some("Mon titre"));
    assert_eq!(c.date, None);
    assert_eq!(c.source.as_deref(), Some("Le Matin"));
    let s = from_paste("Texte", c.clone()).unwrap();
    assert_eq!(s.corrections, c);
}

#[test]
fn own_ids_are_stable_and_recognised() {
    assert_eq!(own_id(""), "own-cbf29ce484222325");
    assert_eq!(own_id("a"), own_id("a"));
    assert_ne!(own_id("a"), own_id("b"));
    assert!(!is_own_id("003_33d08dc07e69b5e4"));
    assert!(!is_own_id("own-xyz"));
}

proptest::proptest! {
    /// Any bytes: a submission or a refusal, never a panic; what is accepted is non-blank text.
    #[test]
    fn any_bytes_give_text_or_a_refusal(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400), ext in "(txt|html|md|bin)") {
        if let Ok(s) = from_file(&format!("f.{ext}"), &bytes, Corrections::default()) {
            proptest::prop_assert!(!s.text.trim().is_empty());
        }
    }
}
