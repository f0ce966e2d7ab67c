//! Build script: analyzes the corpus at build time so the browser only decodes.
//!
//! It mounts the pure corpus core (`src/corpus`) with `#[path]`, loads the corpus directory
//! (`seeds/`, or the directory named by the `RAQMI_CORPUS_DIR` environment variable, relative to
//! the crate root), and writes the encoded snapshot to `$OUT_DIR/corpus.snapshot`, which the app
//! embeds with `include_bytes!`. A bad article fails the build with `path:line: message`.

#[allow(dead_code)]
#[path = "src/corpus/mod.rs"]
mod corpus;

use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-env-changed=RAQMI_CORPUS_DIR");
    println!("cargo:rerun-if-changed=src/corpus");
    println!("cargo:rerun-if-changed=data");

    let corpus_dir = match std::env::var_os("RAQMI_CORPUS_DIR") {
        Some(d) if !d.is_empty() => manifest_dir.join(d),
        _ => manifest_dir.join("seeds"),
    };
    println!("cargo:rerun-if-changed={}", corpus_dir.display());
    let shown = display_relative(&corpus_dir, &manifest_dir);

    let documents = match corpus::load::load_dir(&corpus_dir) {
        Ok(docs) => docs,
        Err(errors) => {
            for e in &errors {
                // Paths relative to the crate root read like the CLI's messages.
                let e = corpus::ingest::IngestError {
                    path: display_relative(Path::new(&e.path), &manifest_dir),
                    ..e.clone()
                };
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

fn display_relative(path: &Path, base: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .display()
        .to_string()
}
