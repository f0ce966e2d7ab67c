//! Build script: checks the corpus at build time, so that a bad article fails `cargo build`
//! of the app as early as it can.
//!
//! It loads the corpus directory (`seeds/`, or the directory named by the `RAQMI_CORPUS_DIR`
//! environment variable, relative to the crate root or absolute) with the extraction core. A
//! bad article fails the build with `path:line: message`, the very line `corpus check DIR`
//! prints when run from the crate root. It writes nothing the app embeds: the app's wasm is
//! code only, and the analysed corpus ships beside it as data files (`raqmi_search::files`),
//! which trunk's post_build hook writes with `corpus data` (`scripts/post-build.mjs`).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=RAQMI_CORPUS_DIR");
    // Cargo runs build scripts in the crate root, so the directory is used as given: its
    // messages then name files exactly as `corpus check DIR` does from the crate root.
    let corpus_dir = match std::env::var_os("RAQMI_CORPUS_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from("seeds"),
    };
    println!("cargo:rerun-if-changed={}", corpus_dir.display());
    let shown = corpus_dir.display();

    // A sound corpus needs nothing more here: the post_build hook writes its data files.
    if let Err(errors) = raqmi_extract::load::load_dir(&corpus_dir) {
        for e in &errors {
            eprintln!("{e}");
        }
        eprintln!(
            "error: the corpus in {shown} has {} problem(s)",
            errors.len()
        );
        std::process::exit(1);
    }
}
