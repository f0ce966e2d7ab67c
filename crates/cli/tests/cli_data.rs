//! `corpus data DIR OUT`, run as a built binary as the post_build hook runs it: OUT holds the
//! manifest and every file it lists (each with the listed hash, or a text file with its
//! header's), from which the search core reads back exactly the corpus of DIR, numbered newest
//! first; earlier data files of OUT are removed; a bad corpus fails with `corpus check`'s
//! lines and writes nothing.

use raqmi_search::files::FileKind;
use raqmi_search::files::{content_hash, Manifest, ShardedCorpus, MANIFEST_NAME};
use std::fs;

mod common;
use common::{run, text, Dir};

#[test]
fn data_writes_every_listed_file_and_reads_back_the_seeds() {
    let out_dir = Dir::new("cli_data", "seeds");
    fs::write(out_dir.0.join("pack-0000000000000000.bin"), b"stale").unwrap();
    fs::write(out_dir.0.join("keep.txt"), b"not ours").unwrap();
    let out = run(&["data", "seeds", out_dir.path()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("5 articles"),
        "{}",
        text(&out.stdout)
    );
    let manifest = Manifest::decode(&fs::read(out_dir.0.join(MANIFEST_NAME)).unwrap()).unwrap();
    assert_eq!(manifest.doc_count, 5);
    let mut corpus = ShardedCorpus::new(manifest.clone());
    for r in manifest.refs() {
        let bytes = fs::read(out_dir.0.join(manifest.name(r))).expect("listed file written");
        if let Some(entry) = manifest.entry(r) {
            assert_eq!(content_hash(&bytes), entry.hash);
        }
        corpus.add(r, &bytes).expect("a good file");
    }
    // The articles numbered newest first, so that the tables store no order (their last
    // varint, 0: `raqmi_search::files` tables layout).
    let mut seeds = raqmi_testkit::seed_documents();
    raqmi_search::index::newest_first(&mut seeds);
    assert_eq!(corpus.documents(), seeds.as_slice());
    let dates: Vec<_> = seeds.iter().map(|d| d.date).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let tables = manifest.name(raqmi_search::files::FileRef {
        kind: FileKind::Tables,
        number: 0,
    });
    assert_eq!(fs::read(out_dir.0.join(tables)).unwrap().last(), Some(&0));
    // Exactly the manifest, the listed files and what was not a data file.
    let mut names: Vec<String> = fs::read_dir(&out_dir.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut want: Vec<String> = manifest
        .refs()
        .into_iter()
        .map(|r| manifest.name(r))
        .collect();
    want.push(MANIFEST_NAME.to_string());
    want.push("keep.txt".to_string());
    want.sort();
    assert_eq!(names, want);
    assert_eq!(manifest.count(FileKind::Tables), 1);
}

#[test]
fn a_bad_corpus_fails_like_check_and_writes_nothing() {
    let dir = Dir::new("cli_data", "bad");
    fs::write(dir.0.join("001_vide.txt"), "   \n").unwrap();
    let out_dir = Dir::new("cli_data", "bad-out");
    let out = run(&["data", dir.path(), out_dir.path()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    let check = run(&["check", dir.path()]);
    assert_eq!(text(&out.stderr), text(&check.stderr));
    assert_eq!(fs::read_dir(&out_dir.0).unwrap().count(), 0);
}
