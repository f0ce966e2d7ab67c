//! Build script: analyzes the corpus at build time so the browser only decodes.
//!
//! It mounts the pure corpus core (`src/corpus`) with `#[path]`, loads the corpus directory
//! (`seeds/`, or the directory named by the `RAQMI_CORPUS_DIR` environment variable, relative to
//! the crate root or absolute), and writes the encoded snapshot to `$OUT_DIR/corpus.snapshot`,
//! which the app embeds with `include_bytes!`. A bad article fails the build with
//! `path:line: message`, the very line `corpus check DIR` prints when run from the crate root.

#[allow(dead_code)]
#[path = "src/corpus/mod.rs"]
mod corpus;

use std::path::PathBuf;

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-env-changed=RAQMI_CORPUS_DIR");
    println!("cargo:rerun-if-changed=src/corpus");
    println!("cargo:rerun-if-changed=data");

    // Cargo runs build scripts in the crate root, so the directory is used as given: its
    // messages then name files exactly as `corpus check DIR` does from the crate root.
    let corpus_dir = match std::env::var_os("RAQMI_CORPUS_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from("seeds"),
    };
    println!("cargo:rerun-if-changed={}", corpus_dir.display());
    let shown = corpus_dir.display();

    let documents = match corpus::load::load_dir(&corpus_dir) {
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
    let snapshot = corpus::snapshot::Snapshot::new(documents);
    let bytes = snapshot.encode();
    if let Err(e) = std::fs::write(out_dir.join("corpus.snapshot"), &bytes) {
        eprintln!("error: cannot write the snapshot: {e}");
        std::process::exit(1);
    }
}
