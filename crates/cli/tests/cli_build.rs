//! `corpus build DIR OUT`, run as a built binary as the post_build hook runs it: from one
//! pass over the corpus, the very files that `corpus data`, `corpus prerender` and `corpus
//! fallbacks` write for DIR, byte for byte; a bad corpus fails with `corpus check`'s lines and
//! writes nothing.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

mod common;
use common::{assert_no_panic, run, text, Dir};

/// Every file under `dir`, by its path relative to `dir`.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut all = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if path.is_dir() {
            for (sub, bytes) in files(&path) {
                all.insert(format!("{name}/{sub}"), bytes);
            }
        } else {
            all.insert(name, fs::read(&path).unwrap());
        }
    }
    all
}

#[test]
fn build_writes_what_data_prerender_and_fallbacks_write() {
    let one = Dir::new("cli_build", "one");
    let out = run(&["build", "seeds", one.path()]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let apart = Dir::new("cli_build", "apart");
    let data = apart.0.join("data");
    let fallback = apart.0.join("fallback");
    let data_out = run(&["data", "seeds", data.to_str().unwrap()]);
    let fallback_out = run(&["fallbacks", "seeds", fallback.to_str().unwrap()]);
    let prerender = run(&["prerender", "seeds"]);
    for o in [&data_out, &fallback_out, &prerender] {
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    }
    fs::write(apart.0.join("prerender.html"), &prerender.stdout).unwrap();

    let (built, separate) = (files(&one.0), files(&apart.0));
    assert_eq!(
        built.keys().collect::<Vec<_>>(),
        separate.keys().collect::<Vec<_>>()
    );
    assert!(built.contains_key("data/manifest.bin"));
    assert!(built.contains_key("fallback/timeline.svg"));
    for (name, bytes) in &built {
        assert!(bytes == &separate[name], "{name} differs");
    }
    // Its summary: the data line and the fallbacks' lines, each naming what it wrote.
    let stdout = text(&out.stdout);
    assert!(stdout.contains("5 articles, corpus version"), "{stdout}");
    assert!(
        stdout.lines().any(|l| l.starts_with("timeline: ")),
        "{stdout}"
    );
}

#[test]
fn a_bad_corpus_fails_like_check_and_writes_nothing() {
    let dir = Dir::new("cli_build", "bad");
    fs::write(dir.0.join("001_vide.txt"), "   \n").unwrap();
    let out_dir = Dir::new("cli_build", "bad-out");
    let out = run(&["build", dir.path(), out_dir.path()]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    let check = run(&["check", dir.path()]);
    assert_eq!(text(&out.stderr), text(&check.stderr));
    assert_eq!(fs::read_dir(&out_dir.0).unwrap().count(), 0);
}
