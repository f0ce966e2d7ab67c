//! The reader's own articles (issue 16) in the corpus the views show. The extraction worker
//! (`crates/own-worker`, `merge::corpus_files`) joins them to the corpus's documents, builds
//! the index of the whole and writes it as data files (`raqmi_search::files`: a manifest, one
//! file of each kind); the app reads those with the very code that reads its own data files
//! ([`corpus_with_own`]: `loading::base_corpus`, and `loading::for_query` for a query's words,
//! as for the corpus fetched by need). So the app carries no code of its own to merge
//! searches, facets or indexes (`make bench-size` measures what own articles add to the first
//! load), and an own article is an article like any other: `docs[hit.doc]`, searched, faceted,
//! charted, its figures in the measures. Own articles come after the corpus's documents; their
//! ids (`own-…`, `raqmi_model::own`) say which they are.

use crate::corpus::Corpus;
use crate::loading::base_corpus;
use raqmi_search::files::{ShardedCorpus, MANIFEST_NAME};
use std::cell::RefCell;
use std::rc::Rc;

/// The corpus with the own articles, from the data files the worker wrote (`file` gives a
/// file's bytes by its name); none when a file is missing or is not the one the manifest lists
/// (the app then shows its corpus alone). Read by the app's by-need reader, every file at
/// once: the corpus of a query without words (`loading::base_corpus`), the files kept in it
/// for a query's words (`loading::for_query` with [`Corpus::files`]). So the app links no
/// whole-corpus reader for them.
pub fn corpus_with_own(file: &dyn Fn(&str) -> Option<Vec<u8>>) -> Option<Corpus> {
    let mut files = ShardedCorpus::from_manifest(&file(MANIFEST_NAME)?).ok()?;
    for r in files.missing() {
        let bytes = file(&files.manifest().name(r))?;
        files.add(r, &bytes).ok()?;
    }
    let mut corpus = base_corpus(&mut files).ok()?;
    corpus.files = Some(Rc::new(RefCell::new(files)));
    Some(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seed_corpus;
    use raqmi_model::document::{Category, Document};
    use raqmi_search::facet::FacetKind;
    use raqmi_search::files::{write_files, FileOptions};
    use raqmi_search::index::SearchIndex;
    use raqmi_search::measures::FigureRef;
    use raqmi_search::query::{Filters, SearchResults};
    use std::collections::HashMap;

    const OWN: &str = "own-0123456789abcdef";

    /// The Devoxx seed article as an own article, under an own id.
    fn devoxx() -> Document {
        let mut doc = raqmi_testkit::seed_documents()
            .into_iter()
            .find(|d| d.id == "003_33d08dc07e69b5e4")
            .expect("the Devoxx seed");
        doc.id = OWN.to_string();
        doc
    }

    /// The seeds and `own` as the worker writes them (`merge::corpus_files`: the documents
    /// after the corpus's, the index built, one file of each kind), read as the app reads them.
    fn with_own(own: Vec<Document>) -> Corpus {
        let mut docs = raqmi_testkit::seed_documents();
        docs.extend(own);
        let whole = FileOptions {
            dict_bytes: usize::MAX,
            postings_bytes: usize::MAX,
            stem_bytes: usize::MAX,
            pack_bytes: usize::MAX,
        };
        let files: HashMap<String, Vec<u8>> = write_files(&docs, &SearchIndex::build(&docs), whole)
            .into_iter()
            .map(|f| (f.name, f.bytes))
            .collect();
        corpus_with_own(&|name| files.get(name).cloned()).expect("the files read")
    }

    /// `c` for `text`, as the app makes it (`loading::for_query` over the files kept in it).
    fn q(c: &Corpus, text: &str) -> Corpus {
        let files = c.files.as_ref().expect("the own corpus keeps its files");
        crate::loading::for_query(c, &mut files.borrow_mut(), text).expect("every file is there")
    }

    fn ids(c: &Corpus, r: &SearchResults) -> Vec<String> {
        r.hits
            .iter()
            .map(|h| c.docs[h.doc as usize].id.clone())
            .collect()
    }

    #[test]
    fn a_missing_or_foreign_file_gives_no_corpus() {
        assert!(corpus_with_own(&|_| None).is_none());
        assert!(corpus_with_own(&|_| Some(b"garbage".to_vec())).is_none());
        // A manifest without the files it lists.
        let docs = raqmi_testkit::seed_documents();
        let files = write_files(&docs, &SearchIndex::build(&docs), FileOptions::default());
        let manifest = files[0].bytes.clone();
        assert_eq!(files[0].name, MANIFEST_NAME);
        assert!(corpus_with_own(&|n| (n == MANIFEST_NAME).then(|| manifest.clone())).is_none());
    }

    #[test]
    fn search_facets_and_spans_count_the_own_article_once() {
        let seeds = seed_corpus();
        let c = with_own(vec![devoxx()]);
        assert_eq!(c.docs.len(), seeds.docs.len() + 1);
        assert_eq!(c.doc(OWN).map(|d| d.id.as_str()), Some(OWN));
        assert!(c.files.is_some(), "its files kept, for a query's words");
        let f = Filters::default();
        // Every article, newest first: the own copy sits beside its original (same date).
        let all = c.find("", &f);
        assert_eq!(all.total, seeds.docs.len() + 1);
        let c = q(&c, "devoxx");
        let found = ids(&c, &c.find("devoxx", &f));
        assert_eq!(found.len(), 2);
        assert!(found.contains(&OWN.to_string()), "{found:?}");
        let r = c.find("devoxx", &f);
        let program = &r.facets.names[FacetKind::Program];
        assert_eq!(
            program
                .iter()
                .find(|p| &*p.value == "Devoxx")
                .map(|p| p.count),
            Some(2)
        );
        let budget = r
            .facets
            .categories
            .iter()
            .find(|x| x.value == Category::Budget);
        assert_eq!(budget.map(|x| x.count), Some(2));
        // A program filter keeps both, and the own hit carries its spans.
        let (s, _) = crate::url::parse("?program=Devoxx&q=devoxx");
        let r = c.find(&s.q, &crate::corpus::filters(&s));
        assert_eq!(r.total, 2);
        let own = r.hits.iter().find(|h| c.docs[h.doc as usize].id == OWN);
        let own = own.expect("the own article found");
        assert!(!own.matches.is_empty());
        assert_eq!(c.matches("devoxx", own.doc).0, own.matches);
        let lines = c.kwic("devoxx", &f, 20, 100);
        assert!(lines.iter().any(|l| c.docs[l.doc as usize].id == OWN));
        assert!(c.kwic("devoxx", &f, 20, 1).len() == 1);
    }

    #[test]
    fn a_new_year_and_category_take_their_place_in_the_facets() {
        let mut doc = devoxx();
        doc.date = Some(raqmi_model::document::Date {
            year: 2030,
            month: None,
            day: None,
        });
        let c = with_own(vec![doc]);
        assert_eq!(c.years[0], 2030);
        let r = c.find("", &Filters::default());
        let years: Vec<u16> = r.facets.years.iter().map(|y| y.value).collect();
        assert_eq!(years[0], 2030, "newest first: {years:?}");
        assert!(years.windows(2).all(|w| w[0] > w[1]), "{years:?}");
        let rank = |c: &Category| Category::ALL.iter().position(|x| x == c);
        let cats: Vec<_> = r.facets.categories.iter().map(|x| rank(&x.value)).collect();
        assert!(cats.windows(2).all(|w| w[0] < w[1]), "{cats:?}");
        // The newest article comes first in an empty query's list.
        assert_eq!(c.docs[r.hits[0].doc as usize].id, OWN);
        let names = &r.facets.names[FacetKind::Program];
        assert!(names.windows(2).all(|w| w[0].count >= w[1].count));
    }

    #[test]
    fn own_figures_join_the_figures_table_and_its_disagreements() {
        // The Devoxx article again, as if another paper had doubled its budgets.
        let mut doc = devoxx();
        for f in doc
            .figures
            .iter_mut()
            .filter(|f| f.category == Category::Budget)
        {
            f.value *= 2.0;
        }
        let c = with_own(vec![doc]);
        let (s, _) = crate::url::parse("?cat=budget&view=figures");
        let rows = crate::figures::rows(&c, &c.search(&s), &s);
        let mine: Vec<_> = rows.iter().filter(|r| r.doc_id == OWN).collect();
        assert_eq!(mine.len(), 2, "{rows:?}");
        // The measure keys travel in the data files, so the own article's doubled budgets
        // disagree with the corpus's in the joined corpus itself.
        let m = c.measures();
        let at = c.docs.len() - 1;
        let disputed = (0..c.docs[at].figures.len()).any(|figure| {
            m.disagreement_of(FigureRef { doc: at, figure })
                .is_some_and(|d| c.docs[d.low.doc].id != c.docs[d.high.doc].id)
        });
        assert!(disputed);
    }

    #[test]
    fn without_own_articles_the_files_read_back_as_the_corpus() {
        let seeds = seed_corpus();
        let c = with_own(Vec::new());
        let f = Filters::default();
        assert_eq!(c.find("", &f), seeds.find("", &f));
        assert_eq!(
            q(&c, "numérique").find("numérique", &f),
            seeds.find("numérique", &f)
        );
        assert_eq!(c.years, seeds.years);
    }
}
