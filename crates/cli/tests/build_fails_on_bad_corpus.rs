//! "The build of the app fails with the same message": the app's build (`trunk build`) analyses
//! the corpus once, in its post_build hook (`scripts/post-build.mjs`, which runs `corpus build`;
//! trunk fails the build when a hook fails). Run as trunk runs it, with `RAQMI_CORPUS_DIR`
//! naming a bad corpus, the hook fails, and its output holds the very `path:line: message`
//! line that `corpus check` prints for that directory, with the directory given as an
//! absolute path and as a path relative to the repository's root; it never writes the page.
//!
//! The hook's nested cargo (`cargo run -p raqmi-cli`, the debug profile as under `trunk
//! serve`) builds into its own target directory (`target/bad-corpus-build`), so it never waits
//! on the lock of the outer `cargo test`. Its first run compiles the CLI and its dependencies
//! (one to two minutes on two cores); later runs take seconds.

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

/// `corpus check DIR` run from the repository's root, where the hook runs the CLI: its stderr lines.
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

/// Trunk's post_build hook over a staged copy of `www/index.html`, with `RAQMI_CORPUS_DIR=dir`:
/// whether it succeeded, its stderr, and whether it wrote the staged page.
fn build_with_corpus(dir: &str) -> (bool, String, bool) {
    let root = raqmi_testkit::repo_root();
    let trunk = fs::read_to_string(root.join("Trunk.toml")).unwrap();
    assert!(
        trunk.contains("stage = \"post_build\"") && trunk.contains("scripts/post-build.mjs"),
        "Trunk.toml no longer runs scripts/post-build.mjs after the build:\n{trunk}"
    );
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is <target>/tmp")
        .join("bad-corpus-build");
    let staging =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bad-stage-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).unwrap();
    let page = fs::read(root.join("www/index.html")).unwrap();
    fs::write(staging.join("index.html"), &page).unwrap();
    let out = Command::new("node")
        .arg("scripts/post-build.mjs")
        .current_dir(&root)
        .env("TRUNK_STAGING_DIR", &staging)
        .env("TRUNK_PUBLIC_URL", "./")
        .env("TRUNK_PROFILE", "debug")
        .env("RAQMI_CORPUS_DIR", dir)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("run node scripts/post-build.mjs");
    let untouched = fs::read(staging.join("index.html")).unwrap() == page;
    let _ = fs::remove_dir_all(&staging);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        untouched,
    )
}

fn assert_build_fails_with(dir: &str) {
    let expected = check_lines(dir);
    let (ok, stderr, untouched) = build_with_corpus(dir);
    assert!(!ok, "the build succeeded with a bad corpus:\n{stderr}");
    assert!(untouched, "the hook wrote the page of a failed build");
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
    // Absolute: the hook passes the path as given to the CLI.
    let abs: PathBuf =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bad-corpus-{}", std::process::id()));
    bad_corpus(&abs);
    assert_build_fails_with(abs.to_str().unwrap());

    // Relative to the repository's root (the hook runs the CLI there; so does this `corpus check`).
    let rel = abs
        .strip_prefix(raqmi_testkit::repo_root())
        .map(|p| p.to_str().unwrap().to_string());
    if let Ok(rel) = rel {
        assert!(Path::new(&rel).is_relative());
        assert_build_fails_with(&rel);
    }
    let _ = fs::remove_dir_all(&abs);
}
