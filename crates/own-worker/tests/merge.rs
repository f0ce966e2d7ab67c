//! The corpus with own articles merged in: found by search and facets like any article, the
//! corpus untouched, the last version of an own article kept, stale snapshots reported.

use raqmi_own::input::Corrections;
use raqmi_own_worker::analyse::analyse_paste;
use raqmi_own_worker::merge::merge;
use raqmi_search::query::{search, Filters};
use raqmi_search::snapshot::Snapshot;

fn bundled() -> Vec<u8> {
    Snapshot::new(raqmi_testkit::seed_documents()).encode()
}

fn own_article() -> String {
    std::fs::read_to_string(raqmi_testkit::fixture_path("own/article.txt")).unwrap()
}

#[test]
fn own_articles_are_searched_with_the_corpus() {
    // Compared as the snapshot carries them: without the measure key.
    let seeds = raqmi_testkit::as_shipped(raqmi_testkit::seed_documents());
    let own = analyse_paste(&own_article(), Corrections::default()).unwrap();
    let merged = merge(&bundled(), &[&own.snapshot]).unwrap();
    assert!(merged.stale.is_empty());
    let snap = Snapshot::decode(&merged.snapshot).unwrap();
    assert_eq!(snap.documents.len(), seeds.len() + 1);
    assert_eq!(snap.documents[..seeds.len()], seeds[..]);
    let own_shipped = raqmi_testkit::as_shipped(vec![own.document.clone()]);
    assert_eq!(snap.documents[seeds.len()], own_shipped[0]);
    // The index is rebuilt: a word only the own article has finds it, and only it.
    let hits = search(
        &snap.index,
        &snap.documents,
        "Tanger amorçage",
        &Filters::default(),
    );
    assert_eq!(hits.total, 1);
    assert_eq!(
        snap.documents[hits.hits[0].doc as usize].id,
        own.document.id
    );
    // And the corpus's own words still find the corpus: the same hits as before the merge.
    let before = Snapshot::decode(&bundled()).unwrap();
    let q = "numérique";
    let ids = |s: &Snapshot| {
        let mut ids: Vec<String> = search(&s.index, &s.documents, q, &Filters::default())
            .hits
            .iter()
            .map(|h| s.documents[h.doc as usize].id.clone())
            .filter(|id| !id.starts_with("own-"))
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&snap), ids(&before));
}

#[test]
fn an_own_article_added_twice_is_kept_once_in_its_last_version() {
    let first = analyse_paste(&own_article(), Corrections::default()).unwrap();
    let corrected =
        analyse_paste(&own_article(), Corrections::new("Titre corrigé", "", "")).unwrap();
    assert_eq!(first.document.id, corrected.document.id);
    let merged = merge(&bundled(), &[&first.snapshot, &corrected.snapshot]).unwrap();
    let snap = Snapshot::decode(&merged.snapshot).unwrap();
    let own: Vec<_> = snap
        .documents
        .iter()
        .filter(|d| d.id.starts_with("own-"))
        .collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].headline.as_deref(), Some("Titre corrigé"));
}

#[test]
fn stale_or_foreign_snapshots_are_reported_not_merged() {
    let own = analyse_paste(&own_article(), Corrections::default()).unwrap();
    let mut other_version = own.snapshot.clone();
    other_version[4] = other_version[4].wrapping_add(1);
    // A snapshot of a corpus article is not an own article.
    let corpus_doc = Snapshot::new(raqmi_testkit::seed_documents()[..1].to_vec()).encode();
    let merged = merge(
        &bundled(),
        &[&other_version, b"junk", &corpus_doc, &own.snapshot],
    )
    .unwrap();
    assert_eq!(merged.stale, vec![0, 1, 2]);
    let snap = Snapshot::decode(&merged.snapshot).unwrap();
    assert_eq!(
        snap.documents.len(),
        raqmi_testkit::seed_documents().len() + 1
    );
    assert!(merge(b"junk", &[]).is_err());
}

/// What the app receives (`corpus_files`), read back as the app reads it: every file it needs,
/// named in the manifest, the documents and the index whole.
#[test]
fn the_corpus_files_hold_the_corpus_and_the_own_articles_as_the_app_reads_them() {
    use raqmi_own_worker::merge::corpus_files;
    use raqmi_search::files::{ShardedCorpus, MANIFEST_NAME};
    use raqmi_search::index::SearchIndex;

    let seeds = raqmi_testkit::as_shipped(raqmi_testkit::seed_documents());
    let first = analyse_paste(&own_article(), Corrections::default()).unwrap();
    let corrected =
        analyse_paste(&own_article(), Corrections::new("Titre corrigé", "", "")).unwrap();
    let (files, stale) = corpus_files(
        seeds.clone(),
        &[&first.snapshot, b"junk", &corrected.snapshot],
    );
    assert_eq!(stale, vec![1]);
    assert_eq!(files[0].name, MANIFEST_NAME);
    let mut read = ShardedCorpus::from_manifest(&files[0].bytes).unwrap();
    for r in read.missing_for_whole() {
        let name = read.manifest().name(r);
        let file = files
            .iter()
            .find(|f| f.name == name)
            .expect("a listed file");
        read.add(r, &file.bytes).unwrap();
    }
    let (docs, index) = read.whole().unwrap();
    // The corpus first, in its order, then the own article once, in its last version.
    assert_eq!(docs.len(), seeds.len() + 1);
    assert_eq!(docs[..seeds.len()], seeds[..]);
    assert_eq!(docs[seeds.len()].id, first.document.id);
    assert_eq!(docs[seeds.len()].headline.as_deref(), Some("Titre corrigé"));
    // The index of the whole: a word only the own article has finds it, and only it.
    assert_eq!(index, SearchIndex::build(&docs));
    let hits = search(&index, &docs, "Tanger amorçage", &Filters::default());
    assert_eq!(hits.total, 1);
    assert_eq!(docs[hits.hits[0].doc as usize].id, first.document.id);
}
