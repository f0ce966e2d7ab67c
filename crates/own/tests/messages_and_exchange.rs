//! Every refusal has its message in every language (`crates/own/i18n`), every placeholder
//! filled; the export
//! file's format, version and refusals.

use raqmi_own::exchange::{self, FORMAT, VERSION};
use raqmi_own::input::{is_own_id, own_id};
use raqmi_own::{messages, Problem};
use serde_json::{json, Value};

fn every_problem() -> Vec<Problem> {
    vec![
        Problem::Empty,
        Problem::TooLarge { bytes: 6_000_000 },
        Problem::Binary {
            looks_like: Some("PDF"),
        },
        Problem::Binary { looks_like: None },
        Problem::Encoding {
            looks_like: Some("Windows-1252"),
        },
        Problem::Encoding { looks_like: None },
        Problem::FileType {
            name: "a.csv".into(),
        },
        Problem::NoText,
        Problem::Article {
            line: 3,
            message: "invalid date".into(),
        },
        Problem::BadDate {
            value: "2024-13".into(),
        },
        Problem::NotAnExport,
        Problem::NewerFormat { version: 7 },
        Problem::BadArticle {
            n: 2,
            field: "text",
        },
    ]
}

/// The keys and placeholders of a language file.
fn keys(lang: &str) -> Vec<(String, Vec<String>)> {
    let file = messages::strings(lang);
    file.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (k, v) = l.split_once(" = ").unwrap_or_else(|| panic!("{lang}: {l}"));
            let mut names: Vec<String> = v
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            names.sort();
            (k.trim().to_string(), names)
        })
        .collect()
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    let fr = keys("fr");
    assert_eq!(keys("en"), fr);
    assert_eq!(keys("ar"), fr);
    // And no key is left without a problem to say it (but the dialog's, `own.ui.*`).
    let used: Vec<&str> = every_problem().iter().map(Problem::key).collect();
    for (k, _) in fr.iter().filter(|(k, _)| !k.starts_with("own.ui.")) {
        assert!(used.contains(&k.as_str()), "{k} is never used");
    }
}

#[test]
fn every_problem_reads_fully_in_every_language() {
    for lang in ["fr", "en", "ar"] {
        for p in every_problem() {
            assert!(
                messages::lookup(messages::strings(lang), p.key()).is_some(),
                "{:?} has no message in {lang}",
                p.key()
            );
            let message = messages::message(&p, lang);
            assert!(!message.contains('{'), "{lang} {p:?}: unfilled {message}");
            for (name, value) in p.args() {
                let shown = if lang == "fr" && matches!(name, "size" | "max") {
                    value.replace('.', ",")
                } else {
                    value
                };
                assert!(message.contains(&shown), "{lang} {p:?}: {message}");
            }
        }
    }
    let p = Problem::Encoding {
        looks_like: Some("Windows-1252"),
    };
    assert_eq!(
        messages::message(&p, "en"),
        "The file is not UTF-8 (it looks like Windows-1252): save it as UTF-8 and try again."
    );
    assert_eq!(
        messages::message(&Problem::TooLarge { bytes: 6_000_000 }, "fr"),
        "Le fichier est trop gros (5,8 Mo ; au plus 5,0 Mo)."
    );
    // An unknown language reads French.
    assert_eq!(
        messages::message(&Problem::Empty, "de"),
        messages::message(&Problem::Empty, "fr")
    );
}

#[test]
fn the_export_carries_its_format_and_version_and_corpus_exports_documents() {
    let docs = raqmi_testkit::seed_documents();
    let file: Value = serde_json::from_str(&exchange::export(&docs[..2])).unwrap();
    assert_eq!(file["format"], FORMAT);
    assert_eq!(file["version"], VERSION);
    let d = &file["documents"][0];
    assert_eq!(d["id"], docs[0].id);
    assert_eq!(d["text"], docs[0].text);
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    for key in [
        "id",
        "headline",
        "date",
        "date_inferred",
        "source",
        "url",
        "text",
        "paragraphs",
        "sentences",
        "figures",
        "entities",
    ] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    // Figures carry character offsets and their surface, as `corpus export` writes them.
    let f = &d["figures"][0];
    let text: Vec<char> = docs[0].text.chars().collect();
    let (start, end) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        text[start..end].iter().collect::<String>(),
        f["surface"].as_str().unwrap()
    );
}

#[test]
fn import_reads_back_what_an_analysis_needs() {
    let docs = raqmi_testkit::seed_documents();
    let subs = exchange::import(&exchange::export(&docs)).unwrap();
    assert_eq!(subs.len(), docs.len());
    for (s, d) in subs.iter().zip(&docs) {
        assert_eq!(s.text, d.text);
        assert_eq!(s.corrections.headline, d.headline);
        assert_eq!(s.corrections.source, d.source);
        // Seed ids are not own ids: an imported corpus article gets one from its text.
        assert_eq!(s.id, own_id(&d.text));
        let inferred = d.date_origin == raqmi_model::document::DateOrigin::Inferred;
        assert_eq!(
            s.corrections.date,
            d.date.map(|x| x.iso()).filter(|_| !inferred)
        );
    }
    // An own id is kept as is: the article's URL stays the same on another device.
    let own = json!({"format": FORMAT, "version": 1, "documents": [{"id": "own-0123456789abcdef", "text": "Un texte."}]});
    let subs = exchange::import(&own.to_string()).unwrap();
    assert_eq!(subs[0].id, "own-0123456789abcdef");
    assert!(is_own_id(&subs[0].id));
    // A `corpus export` file (no format, no version) is version 1.
    let plain = json!({"documents": [{"id": "x", "text": "Un texte."}]});
    assert_eq!(exchange::import(&plain.to_string()).unwrap().len(), 1);
}

#[test]
fn import_refuses_newer_versions_and_bad_files_whole() {
    let newer = json!({"format": FORMAT, "version": VERSION + 1, "documents": []});
    assert_eq!(
        exchange::import(&newer.to_string()),
        Err(Problem::NewerFormat {
            version: VERSION + 1
        })
    );
    for bad in [
        "",
        "not json",
        "[1, 2]",
        r#"{"documents": 3}"#,
        r#"{"format": "other", "documents": []}"#,
        r#"{"version": "1", "documents": []}"#,
    ] {
        assert_eq!(exchange::import(bad), Err(Problem::NotAnExport), "{bad}");
    }
    let one_bad = json!({"documents": [{"text": "bon"}, {"text": "  "}, {"text": "bon"}]});
    assert_eq!(
        exchange::import(&one_bad.to_string()),
        Err(Problem::BadArticle {
            n: 2,
            field: "text"
        })
    );
    let bad_field = json!({"documents": [{"text": "bon", "date": 2024}]});
    assert_eq!(
        exchange::import(&bad_field.to_string()),
        Err(Problem::BadArticle {
            n: 1,
            field: "date"
        })
    );
}

#[test]
fn the_dialogs_strings_are_listed_by_language() {
    let fr = messages::ui_strings("fr");
    assert!(fr.contains(&("own.ui.analyse", "Analyser")));
    assert!(messages::ui_strings("en").contains(&("own.ui.analyse", "Analyse")));
    assert_eq!(messages::ui_strings("ar").len(), fr.len());
    assert!(fr.iter().all(|(k, _)| k.starts_with("own.ui.")));
    assert!(fr.len() >= 20);
}
