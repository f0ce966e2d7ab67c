//! The own articles' export file (`raqmi_own::exchange`, issue 16) holds its documents exactly
//! as `corpus export` writes them: the same JSON for every seed, so a script reading one reads
//! the other, and `corpus export`'s output imports as a version-1 file.

use serde_json::Value;
use std::process::Command;

#[test]
fn own_articles_are_exported_as_corpus_export_writes_documents() {
    let out = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["export", "seeds"])
        .current_dir(raqmi_testkit::repo_root())
        .output()
        .expect("corpus export runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cli: Value = serde_json::from_slice(&out.stdout).unwrap();
    let own: Value = serde_json::from_str(&raqmi_own::exchange::export(
        &raqmi_testkit::seed_documents(),
    ))
    .unwrap();
    assert_eq!(own["documents"], cli["documents"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let back = raqmi_own::exchange::import(&stdout).expect("corpus export's file imports");
    assert_eq!(back.len(), cli["documents"].as_array().unwrap().len());
}
