//! The facets file: a query's first results without it (the same hits, in the same order, no
//! facet value), then exact counts and name filters once it is added, in either order with the
//! tables; a small corpus keeps its facets in the tables and has no facets file.

use super::tests::{by_name, fixture, open_corpus, search_fetching};
use super::*;
use crate::facet::FacetKind;
use crate::query::{search, Filters};

const FACETS: FileRef = FileRef {
    kind: FileKind::Facets,
    number: 0,
};

/// Adds what `c.shared_index_for(q)` asks for until it answers.
fn settle_terms(c: &mut ShardedCorpus, files: &std::collections::HashMap<&str, &[u8]>, q: &str) {
    for _ in 0..8 {
        match c.shared_index_for(q) {
            Ok(_) => return,
            Err(Need(refs)) => {
                assert!(
                    !refs.contains(&FACETS),
                    "{q}: a query's words never wait for the facets"
                );
                for r in refs {
                    let name = c.manifest().name(r);
                    c.add(r, files[name.as_str()]).expect("a good file");
                }
            }
        }
    }
    panic!("{q}: still needing files");
}

#[test]
fn first_results_come_before_the_facets_and_the_counts_after_them() {
    let fx = fixture();
    let files = by_name(&fx.files);
    let mut c = open_corpus(&fx.files);
    assert_eq!(c.manifest().count(FileKind::Facets), 1);
    assert_eq!(c.missing_facets(), Some(FACETS));
    let none = Filters::default();
    for q in ["numérique", "startups maroc", ""] {
        settle_terms(&mut c, &files, q);
        assert!(!c.has_facets());
        let index = c.shared_index_for(q).expect("settled");
        let early = search(&index, c.documents(), q, &none);
        let whole = search(&fx.index, &fx.docs, q, &none);
        let docs =
            |r: &crate::query::SearchResults| r.hits.iter().map(|h| h.doc).collect::<Vec<_>>();
        assert_eq!(
            docs(&early),
            docs(&whole),
            "{q}: the same hits, in the same order"
        );
        assert_eq!(early.total, whole.total);
        assert!(whole.facets.names.iter().any(|(_, v)| !v.is_empty()), "{q}");
        assert!(
            early.facets.names.iter().all(|(_, v)| v.is_empty()),
            "{q}: no value yet"
        );
        // The exact search (counts, name filters) asks for the facets file.
        assert_eq!(c.search(q, &none).unwrap_err(), Need(vec![FACETS]), "{q}");
    }
    let name = c.manifest().name(FACETS);
    c.add(FACETS, files[name.as_str()])
        .expect("the facets file");
    assert!(c.has_facets() && c.missing_facets().is_none());
    let org = fx.index.facet_values()[..]
        .iter()
        .find(|v| v.kind == FacetKind::Org)
        .expect("an organisation")
        .name
        .clone();
    for (q, f) in [
        ("numérique", none.clone()),
        (
            "",
            Filters::default().with_names(FacetKind::Org, [org.clone()]),
        ),
        (
            "startups maroc",
            Filters::default().with_names(FacetKind::Org, [org]),
        ),
    ] {
        let (got, _) = search_fetching(&mut c, &files, q, &f);
        assert_eq!(got, search(&fx.index, &fx.docs, q, &f), "{q} {f:?}");
        // The shared index of the app's views answers with the counts too.
        let index = c.shared_index_for(q).expect("settled");
        assert_eq!(search(&index, c.documents(), q, &f).facets, got.facets);
    }
}

#[test]
fn the_facets_file_may_arrive_before_the_tables() {
    let fx = fixture();
    let files = by_name(&fx.files);
    let mut c = open_corpus(&fx.files);
    let name = c.manifest().name(FACETS);
    c.add(FACETS, files[name.as_str()])
        .expect("the facets file");
    let (got, _) = search_fetching(&mut c, &files, "", &Filters::default());
    assert_eq!(got, search(&fx.index, &fx.docs, "", &Filters::default()));
    for r in c.missing_for_whole() {
        let name = c.manifest().name(r);
        c.add(r, files[name.as_str()]).expect("a good file");
    }
    assert_eq!(c.whole().expect("every file").1, fx.index);
}

#[test]
fn a_small_corpus_keeps_its_facets_in_its_tables() {
    let docs = raqmi_testkit::seed_documents();
    let index = crate::index::SearchIndex::build(&docs);
    let written = write_files(&docs, &index, FileOptions::default());
    let files = by_name(&written);
    let mut c = open_corpus(&written);
    assert_eq!(c.manifest().count(FileKind::Facets), 0);
    assert!(!c.has_facets() && c.missing_facets().is_none());
    let (got, fetched) = search_fetching(&mut c, &files, "", &Filters::default());
    assert!(c.has_facets());
    assert_eq!(fetched, 2, "the tables and the one pack");
    assert_eq!(got, search(&index, &docs, "", &Filters::default()));
    assert!(got.facets.names.iter().any(|(_, v)| !v.is_empty()));
}

#[test]
fn each_documents_categories_come_with_the_facets_file_or_the_figures_table() {
    let fx = fixture();
    let files = by_name(&fx.files);
    let n = fx.docs.len();
    // A category some documents report and others do not.
    let category = raqmi_model::document::Category::ALL
        .into_iter()
        .find(|&c| {
            let having = fx
                .docs
                .iter()
                .filter(|d| d.figures.iter().any(|f| f.category == c));
            (1..n).contains(&having.count())
        })
        .expect("a category some documents lack");
    let f = Filters {
        categories: vec![category],
        ..Filters::default()
    };
    let want = search(&fx.index, &fx.docs, "", &f);
    let hits = |r: &crate::query::SearchResults| r.hits.iter().map(|h| h.doc).collect::<Vec<_>>();
    let tables = FileRef {
        kind: FileKind::Tables,
        number: 0,
    };
    let figures = FileRef {
        kind: FileKind::Figures,
        number: 0,
    };
    let add = |c: &mut ShardedCorpus, r: FileRef| {
        let name = c.manifest().name(r);
        c.add(r, files[name.as_str()]).expect("a good file");
    };
    for source in [figures, FACETS] {
        for tables_first in [true, false] {
            let mut c = open_corpus(&fx.files);
            let what = format!("{source:?}, tables first: {tables_first}");
            if tables_first {
                add(&mut c, tables);
                // The tables alone hold no category: the filter keeps nothing yet.
                let index = c.shared_index_for("").expect("the tables");
                assert_eq!(search(&index, c.documents(), "", &f).total, 0, "{what}");
                add(&mut c, source);
            } else {
                add(&mut c, source);
                add(&mut c, tables);
            }
            for r in c.missing_for_tables() {
                if r.kind != FileKind::Facets {
                    add(&mut c, r);
                }
            }
            assert_eq!(c.has_facets(), source == FACETS, "{what}");
            let index = c.shared_index_for("").expect("settled");
            let got = search(&index, c.documents(), "", &f);
            assert_eq!(hits(&got), hits(&want), "{what}");
            assert_eq!(got.total, want.total, "{what}");
            assert_eq!(got.facets.categories, want.facets.categories, "{what}");
        }
    }
}
