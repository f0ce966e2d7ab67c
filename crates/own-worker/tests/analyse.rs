//! The worker's pure half: an own article is analysed by the build's code, corrections win,
//! refusals are problems, and an export file comes back as the same documents.

use raqmi_model::document::{Category, DateOrigin, FigureKind};
use raqmi_own::input::{from_paste, own_id, Corrections};
use raqmi_own::{exchange, Problem};
use raqmi_own_worker::analyse::{analyse, analyse_file, analyse_paste, import};
use raqmi_search::snapshot::Snapshot;

fn fixture() -> String {
    std::fs::read_to_string(raqmi_testkit::fixture_path("own/article.txt")).unwrap()
}

#[test]
fn a_pasted_article_is_analysed_by_the_builds_code() {
    let text = fixture();
    let a = analyse_paste(&text, Corrections::default()).unwrap();
    let d = &a.document;
    assert_eq!(d.id, own_id(&text));
    // The very document the build makes of this text.
    assert_eq!(*d, raqmi_testkit::article(&d.id, &text));
    assert_eq!(
        d.headline.as_deref(),
        Some("Tanger lance un fonds de 450 millions de dirhams pour ses jeunes pousses")
    );
    assert_eq!(d.source.as_deref(), Some("Le Détroit Numérique"));
    assert_eq!(d.date.map(|x| x.iso()).as_deref(), Some("2025-03-14"));
    let budget = d
        .figures
        .iter()
        .find(|f| f.category == Category::Budget)
        .expect("the fund's budget");
    assert_eq!(
        (budget.kind, budget.value, budget.unit.as_str()),
        (FigureKind::Money, 450e6, "MAD")
    );
    assert!(d
        .figures
        .iter()
        .any(|f| f.category == Category::Jobs && f.value == 3000.0));
    assert!(d
        .figures
        .iter()
        .any(|f| f.kind == FigureKind::Percent && f.value == 30.0));
    // The snapshot the app decodes holds the same document.
    let snap = Snapshot::decode(&a.snapshot).unwrap();
    assert_eq!(snap.documents, vec![d.clone()]);
    // The JSON is the export file's document.
    let json: serde_json::Value = serde_json::from_str(&a.json).unwrap();
    assert_eq!(json, exchange::document_json(d));
}

#[test]
fn corrections_win_over_what_was_detected() {
    let c = Corrections::new("Mon titre", "2024-06", "Ma source");
    let d = analyse_paste(&fixture(), c).unwrap().document;
    assert_eq!(d.headline.as_deref(), Some("Mon titre"));
    assert_eq!(d.date.map(|x| x.iso()).as_deref(), Some("2024-06"));
    assert_eq!(d.date_origin, DateOrigin::Stated);
    assert_eq!(d.source.as_deref(), Some("Ma source"));
}

#[test]
fn refusals_are_problems() {
    assert_eq!(
        analyse_paste("Un texte.", Corrections::new("", "2024-13", "")).unwrap_err(),
        Problem::BadDate {
            value: "2024-13".into()
        }
    );
    assert_eq!(
        analyse_paste(" \n ", Corrections::default()).unwrap_err(),
        Problem::Empty
    );
    assert!(matches!(
        analyse_paste(" date 20x4\nTexte", Corrections::default()).unwrap_err(),
        Problem::Article { line: 1, .. }
    ));
    assert_eq!(
        analyse_file("a.txt", b"\xE9t\xE9", Corrections::default()).unwrap_err(),
        Problem::Encoding {
            looks_like: Some("Latin-1 (ISO-8859-1)")
        }
    );
}

#[test]
fn a_file_page_is_analysed_from_its_text_only() {
    let page = format!(
        "<html><body><script>alert(1)</script><p>{}</p></body></html>",
        fixture().replace("\n\n", "</p><p>")
    );
    let d = analyse_file("page.html", page.as_bytes(), Corrections::default())
        .unwrap()
        .document;
    assert!(!d.text.contains("alert"));
    assert!(d.figures.iter().any(|f| f.value == 450e6));
}

#[test]
fn export_then_import_gives_the_same_documents() {
    let mut originals: Vec<_> = raqmi_testkit::seed_documents();
    originals.push(
        analyse_paste(&fixture(), Corrections::default())
            .unwrap()
            .document,
    );
    let back = import(&exchange::export(&originals)).unwrap();
    assert_eq!(back.len(), originals.len());
    for (b, o) in back.iter().zip(&originals) {
        let mut b = b.document.clone();
        // Seed ids are file names; imported, they become own ids (own ids stay as they were).
        assert!(raqmi_own::input::is_own_id(&b.id));
        b.id = o.id.clone();
        assert_eq!(b, *o, "{}", o.id);
    }
    assert_eq!(
        back.last().unwrap().document.id,
        originals.last().unwrap().id
    );
}

#[test]
fn an_import_stores_all_or_nothing() {
    let sub = from_paste(&fixture(), Corrections::default()).unwrap();
    let good = exchange::document_json(&analyse(&sub).unwrap().document);
    let mut bad = good.clone();
    bad["date"] = serde_json::json!("2024-99");
    bad["date_inferred"] = serde_json::json!(false);
    let file =
        serde_json::json!({"format": exchange::FORMAT, "version": 1, "documents": [good, bad]});
    assert_eq!(
        import(&file.to_string()).unwrap_err(),
        Problem::BadArticle {
            n: 2,
            field: "date"
        }
    );
}

#[test]
fn a_stale_snapshot_is_analysed_again_from_its_json_and_stored_articles_export() {
    use raqmi_own_worker::analyse::{export_stored, refresh};
    let a = analyse_paste(&fixture(), Corrections::default()).unwrap();
    // A snapshot of this version: nothing to redo.
    assert!(refresh(&a.json, &a.snapshot).is_none());
    // Another version's snapshot (here: damaged bytes) is rebuilt from the JSON.
    let again = refresh(&a.json, b"RQMI\xff\xff").unwrap().unwrap();
    assert_eq!(again.document, a.document);
    assert_eq!(again.snapshot, a.snapshot);
    assert!(matches!(refresh("{}", b""), Some(Err(_))));
    // The stored JSON exports as a file that imports back to the same article.
    let file = export_stored(&[a.json.clone(), "not json".into()]);
    let back = import(&file).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].document, a.document);
}
