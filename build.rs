//! Build script: analyses the corpus at build time so the browser only decodes.
//!
//! It loads the corpus directory (`seeds/`, or the directory named by the `RAQMI_CORPUS_DIR`
//! environment variable, relative to the crate root or absolute) with the extraction core, and
//! writes the search core's snapshot of it to `$OUT_DIR/corpus.snapshot`, which the app embeds
//! with `include_bytes!`. Both cores are build dependencies: the app itself links neither the
//! extraction code nor the index builder's. A bad article fails the build with
//! `path:line: message`, the very line `corpus check DIR` prints when run from the crate root.
//! A change to the cores (their lexicons and gazetteer included) rebuilds this script, so the
//! snapshot follows them.

use std::path::PathBuf;

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-env-changed=RAQMI_CORPUS_DIR");
    // Cargo runs build scripts in the crate root, so the directory is used as given: its
    // messages then name files exactly as `corpus check DIR` does from the crate root.
    let corpus_dir = match std::env::var_os("RAQMI_CORPUS_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from("seeds"),
    };
    println!("cargo:rerun-if-changed={}", corpus_dir.display());
    let shown = corpus_dir.display();

    let documents = match raqmi_extract::load::load_dir(&corpus_dir) {
        Ok(docs) => docs,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!(
                "error: the corpus in {shown} has {} problem(s)",
                errors.len()
            );
            std::process::exit(1);
        }
    };
    let snapshot = raqmi_search::snapshot::Snapshot::new(documents);
    let bytes = snapshot.encode();
    if let Err(e) = std::fs::write(out_dir.join("corpus.snapshot"), &bytes) {
        eprintln!("error: cannot write the snapshot: {e}");
        std::process::exit(1);
    }
}
