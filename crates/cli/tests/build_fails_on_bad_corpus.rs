//! "The build of the app fails with the same message": `cargo build -p raqmi --lib` (the web
//! app, whose build script analyses the corpus) with `RAQMI_CORPUS_DIR` naming a bad corpus
//! fails, and its output holds the very `path:line: message` line that this crate's
//! `corpus check` prints for that directory, with the directory given as an absolute path and
//! as a path relative to the app's root (the repository's root).
//!
//! The nested cargo builds into its own target directory (`target/bad-corpus-build`), so it
//! never waits on the lock of the outer `cargo test`. Its first run compiles the build
//! dependencies (the two cores, serde, postcard, toml, rust-stemmers: about a minute on two
//! cores); later runs only rerun the build script, in seconds.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A corpus of the seed articles plus one Windows-1252 article.
fn bad_corpus(dir: &Path) {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).unwrap();
    for entry in fs::read_dir(raqmi_testkit::seeds_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    fs::write(
        dir.join("latin.txt"),
        b"Le Maroc numerique\n\nLa r\xe9gion Souss-Massa acc\xe9l\xe8re.\n",
    )
    .unwrap();
}

/// `corpus check DIR` run from the app's root, where its build script runs: its stderr lines.
fn check_lines(dir: &str) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["check", dir])
        .current_dir(raqmi_testkit::repo_root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = String::from_utf8(out.stderr)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    lines
}

/// `cargo build --lib` with `RAQMI_CORPUS_DIR=dir`: whether it succeeded, and its stderr.
fn build_with_corpus(dir: &str) -> (bool, String) {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is <target>/tmp")
        .join("bad-corpus-build");
    let out = Command::new(env!("CARGO"))
        .args(["build", "-p", "raqmi", "--lib", "--color", "never"])
        .current_dir(raqmi_testkit::repo_root())
        .env("RAQMI_CORPUS_DIR", dir)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("run cargo");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_build_fails_with(dir: &str) {
    let expected = check_lines(dir);
    let (ok, stderr) = build_with_corpus(dir);
    assert!(!ok, "the build succeeded with a bad corpus:\n{stderr}");
    // Cargo indents a build script's stderr under `--- stderr`.
    let build_lines: Vec<&str> = stderr.lines().map(str::trim).collect();
    for line in &expected {
        assert!(
            build_lines.contains(&line.as_str()),
            "the build output lacks `{line}`:\n{stderr}"
        );
    }
}

#[test]
fn the_build_fails_with_the_message_of_corpus_check() {
    // Absolute: build.rs uses the path as given, like the CLI.
    let abs: PathBuf =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bad-corpus-{}", std::process::id()));
    bad_corpus(&abs);
    assert_build_fails_with(abs.to_str().unwrap());

    // Relative to the app's root (its build script runs there; so does this `corpus check`).
    let rel = abs
        .strip_prefix(raqmi_testkit::repo_root())
        .map(|p| p.to_str().unwrap().to_string());
    if let Ok(rel) = rel {
        assert!(Path::new(&rel).is_relative());
        assert_build_fails_with(&rel);
    }
    let _ = fs::remove_dir_all(&abs);
}
