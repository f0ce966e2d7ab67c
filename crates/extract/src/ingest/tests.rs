//! Tests of ingest: the whole pipeline on small texts (through the test kit's [`article`],
//! which runs `ingest_text` with no overrides), and decoding, dates and boilerplate rules alone.

use super::boilerplate::{is_ticker, parse_chrome_rules};
use super::{decode, ingest_text, parse_iso_date, Overrides, MAX_ARTICLE_BYTES};
use raqmi_model::document::{DateOrigin, Document, ParagraphRole, Span};
use raqmi_testkit::article;

fn texts<'a>(d: &'a Document, spans: &[Span]) -> Vec<&'a str> {
    spans.iter().map(|s| d.slice(*s)).collect()
}

#[test]
fn boilerplate_data_file_parses() {
    assert!(parse_chrome_rules(include_str!("../../data/boilerplate.txt")).is_ok());
    let err = parse_chrome_rules("# c\nexact\tok\nsuffix\tbad\n")
        .err()
        .unwrap();
    assert!(err.starts_with("data/boilerplate.txt:3:"), "{err}");
}

#[test]
fn reads_a_leading_date_line_on_the_same_line_as_text() {
    let d = article(
        "t",
        " date 2024-10 L’Association a tenu ses Assises.\n\nDeuxième paragraphe.",
    );
    assert_eq!(d.date.map(|d| d.iso()), Some("2024-10".into()));
    assert_eq!(d.date_origin, DateOrigin::Stated);
    assert!(d.text.starts_with("L’Association"));
    assert_eq!(d.paragraphs.len(), 2);
}

#[test]
fn refuses_an_impossible_date_line_with_its_line_number() {
    let e = ingest_text(
        "t",
        "seeds/t.txt",
        "\n date 2024-13 Texte.",
        &Overrides::default(),
    )
    .unwrap_err();
    assert_eq!(e.line, 2);
    assert!(
        e.to_string()
            .starts_with("seeds/t.txt:2: invalid date \"2024-13\""),
        "{e}"
    );
}

#[test]
fn reads_headline_and_dateline() {
    let d = article("t", "Digitalisation : l'APEBI lance des think tanks\nPublié dans Les ECO le 12 - 04 - 2021\n\nPour commencer, trois groupes.");
    assert_eq!(
        d.headline.as_deref(),
        Some("Digitalisation : l'APEBI lance des think tanks")
    );
    assert_eq!(d.source.as_deref(), Some("Les ECO"));
    assert_eq!(d.date.map(|d| d.iso()), Some("2021-04-12".into()));
    let roles: Vec<_> = d.paragraphs.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        [
            ParagraphRole::Headline,
            ParagraphRole::Dateline,
            ParagraphRole::Body
        ]
    );
}

#[test]
fn a_long_first_paragraph_is_not_a_headline() {
    let d = article("t", " date 2023-04 C’est par un ftour que l’AUSIM a fêté son anniversaire, qui compte beaucoup pour elle.\n\nSuite.");
    assert_eq!(d.headline, None);
}

#[test]
fn drops_tickers_and_site_chrome() {
    let gap = "\u{a0} \u{a0} \u{a0} \u{a0} ";
    let ticker = format!("Sahara : une nouvelle{gap}Mondial 2026 : Le Maroc bat le Niger{gap}681 condamnés graciés{gap}");
    let src = format!("{ticker}\n\n\nMerci d'avoir signalé!\nCette image sera automatiquement bloquée.\n\nLe vrai titre\n\nLe vrai texte de l’article.\n\nCliquez ici pour lire l'article depuis sa source.\n");
    let d = article("t", &src);
    assert_eq!(d.text, "Le vrai titre\n\nLe vrai texte de l’article.");
    assert_eq!(d.headline.as_deref(), Some("Le vrai titre"));
}

#[test]
fn keeps_a_line_with_ordinary_spacing() {
    assert!(!is_ticker(
        "Une phrase normale, avec des espaces simples entre les mots."
    ));
    assert!(!is_ticker("Deux   segments   seulement"));
}

#[test]
fn splits_sentences_but_not_after_abbreviations() {
    let d = article("t", " date 2025-01 Il l’a dit à M. Charaf. « Oui », répond-il ! Puis S.M. le Roi parle… Fin 2024. Ok");
    assert_eq!(
        texts(&d, &d.sentences),
        [
            "Il l’a dit à M. Charaf.",
            "« Oui », répond-il !",
            "Puis S.M. le Roi parle…",
            "Fin 2024.",
            "Ok"
        ]
    );
}

#[test]
fn infers_the_year_from_an_edition_not_from_a_count() {
    let d = article("t", "La formation de 2000 jeunes, au Devoxx 2022.");
    assert_eq!(d.date.map(|d| d.iso()), Some("2022".into()));
    assert_eq!(d.date_origin, DateOrigin::Inferred);
}

#[test]
fn overrides_win_over_the_text() {
    let o = Overrides {
        title: Some("Titre choisi".into()),
        date: parse_iso_date("2022-06"),
        source: Some("L'Opinion".into()),
        url: Some("https://example.org/a".into()),
    };
    let d = ingest_text("t", "t", "Devoxx 2022 a eu lieu.", &o).unwrap();
    assert_eq!(d.headline.as_deref(), Some("Titre choisi"));
    assert_eq!(d.date.map(|d| d.iso()), Some("2022-06".into()));
    assert_eq!(d.date_origin, DateOrigin::Stated);
    assert_eq!(d.source.as_deref(), Some("L'Opinion"));
}

#[test]
fn decodes_bom_and_crlf() {
    let t = decode("a", b"\xEF\xBB\xBFLigne un\r\nLigne deux\rtrois").unwrap();
    assert_eq!(t, "Ligne un\nLigne deux\ntrois");
}

#[test]
fn refuses_bad_bytes_with_located_messages() {
    let msg = |b: &[u8]| decode("seeds/x.txt", b).unwrap_err().to_string();
    assert_eq!(
        msg(b""),
        "seeds/x.txt:1: empty file: an article needs some text"
    );
    assert_eq!(
        msg(b" \n\t\n "),
        "seeds/x.txt:1: no text: the file holds only whitespace"
    );
    assert!(msg(b"ok\nok\n\x00\x01").starts_with("seeds/x.txt:3: binary file"));
    let cp1252 = msg(b"Titre\nLe num\xE9rique au Maroc");
    assert!(
        cp1252.starts_with("seeds/x.txt:2: not valid UTF-8 (byte 0xE9 at column 7)"),
        "{cp1252}"
    );
    assert!(cp1252.contains("Windows-1252"));
    // UTF-8 with one corrupt byte: no Windows-1252 hint.
    let corrupt = msg(&["Le numérique à Salé\nété ".as_bytes(), b"\x80!"].concat());
    assert_eq!(
        corrupt,
        "seeds/x.txt:2: not valid UTF-8 (byte 0x80 at column 5)"
    );
    let big = vec![b'a'; MAX_ARTICLE_BYTES + 1];
    assert!(msg(&big).starts_with("seeds/x.txt:1: file too large"));
}

#[test]
fn validates_calendar_dates() {
    assert!(parse_iso_date("2024-02-29").is_some());
    assert!(parse_iso_date("2023-02-29").is_none());
    assert!(parse_iso_date("2024-1").is_none());
    assert!(parse_iso_date("24").is_none());
    assert!(parse_iso_date("2024-01-01-01").is_none());
}
