//! What the `corpus` binary says about a figure's meaning, run as partners' scripts run it:
//! - `extract` and `export` figures carry `subject`, `actor`, `event`, `period`, `measure`
//!   (and `low`/`high` for a range) next to the contract's fields, which are unchanged;
//! - `conflicts [DIR]` prints one tab-separated line per disagreement and exits 0.

use serde_json::Value;

mod common;
use common::run_with_input as corpus;

/// The contract's figure fields (../shared/notes/design.md), which must stay as they were.
const CONTRACT: [&str; 8] = [
    "start",
    "end",
    "surface",
    "value",
    "kind",
    "unit",
    "category",
    "qualifier",
];
const MEANING: [&str; 7] = [
    "subject", "actor", "event", "period", "measure", "low", "high",
];

#[test]
fn extract_lines_say_what_each_figure_means() {
    let text = "Selon le président de l'APEBI, la fédération compte plus de 108 organisations \
                adhérentes en 2023. La conférence a réuni entre 2000 et 3000 participants.";
    let input = serde_json::json!({"id": "a", "text": text}).to_string();
    let out = corpus(&["extract"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    let figures = line["figures"].as_array().unwrap();
    for f in figures {
        for key in CONTRACT.iter().chain(&MEANING) {
            assert!(f.get(*key).is_some(), "{key} missing in {f}");
        }
    }
    let members = figures
        .iter()
        .find(|f| f["surface"].as_str().unwrap().contains("108"))
        .unwrap();
    assert_eq!(members["value"], 108);
    assert_eq!(members["qualifier"], "over");
    assert_eq!(members["category"], "members");
    assert_eq!(members["subject"], "organisations adhérentes");
    assert_eq!(members["actor"], "APEBI");
    assert_eq!(members["event"], Value::Null);
    assert_eq!(members["period"], "2023");
    assert_eq!(members["measure"], "apebi|membre|members|");
    assert_eq!(
        (&members["low"], &members["high"]),
        (&Value::Null, &Value::Null)
    );
    if let Some(range) = figures.iter().find(|f| !f["high"].is_null()) {
        assert_eq!(range["low"], range["value"]);
    }

    // The period falls back on the date the text states, as for a corpus article.
    let dated = " date 2022-06 L'AUSIM compte 95 organisations adhérentes.";
    let input = serde_json::json!({"id": "b", "text": dated}).to_string();
    let line: Value =
        serde_json::from_slice(&corpus(&["extract"], input.as_bytes()).stdout).unwrap();
    assert_eq!(line["figures"][0]["period"], "2022");
    assert_eq!(line["figures"][0]["surface"], "95 organisations adhérentes");
}

#[test]
fn export_figures_carry_their_meaning() {
    let out = corpus(
        &["export", raqmi_testkit::seeds_dir().to_str().unwrap()],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut n = 0;
    for d in v["documents"].as_array().unwrap() {
        for f in d["figures"].as_array().unwrap() {
            n += 1;
            assert!(!f["subject"].as_str().unwrap().is_empty(), "{f}");
            assert!(f["period"].as_str().unwrap().len() >= 4, "{f}");
            assert!(f["measure"].is_string(), "{f}");
        }
    }
    assert!(n >= 20);
    let devoxx = &v["documents"][3]["figures"];
    let budgets: Vec<&Value> = devoxx
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "money")
        .collect();
    assert_eq!(budgets.len(), 2);
    assert_ne!(budgets[0]["subject"], budgets[1]["subject"]);
    assert_ne!(budgets[0]["measure"], budgets[1]["measure"]);
}

#[test]
fn conflicts_lists_one_line_per_disagreement_and_exits_0() {
    let dir = raqmi_testkit::fixture_path("measures-corpus");
    let out = corpus(&["conflicts", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    let l = &lines[0];
    assert_eq!(l.len(), 8, "{l:?}");
    assert_eq!(&l[..2], ["2023", "devoxx|participant|participants|"]);
    assert_eq!((l[2], l[3]), ("devoxx_agadir", "3000 participants"));
    assert_eq!((l[5], l[6]), ("devoxx_bilan", "4500 participants"));
    assert!(l[4].starts_with("Devoxx Morocco a réuni 3000 participants"));
    assert!(l[7].contains("a attiré 4500 participants"));

    // A corpus without disagreements: no line, still exit 0; a missing one: check's message.
    let seeds = corpus(
        &["conflicts", raqmi_testkit::seeds_dir().to_str().unwrap()],
        b"",
    );
    assert_eq!(seeds.status.code(), Some(0));
    let missing = corpus(&["conflicts", "/nonexistent/raqmi"], b"");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).starts_with("/nonexistent/raqmi:1: "));
    assert_eq!(corpus(&["conflicts", "a", "b"], b"").status.code(), Some(2));
}
