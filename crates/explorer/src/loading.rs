//! Loading the corpus from its data files (`raqmi_search::files`): which files the app fetches,
//! the corpus they make, and what a failed file tells the reader, in their language. The
//! fetching itself is the web app's (`src/data.rs`); everything else is here, tested natively.
//!
//! By need: each view asks for the files it reads, and only those ([`needs`]): the tables for
//! any (ranking, date filters, the newest-first order); the facets file for the views with a
//! filter panel, a name ticked or a figure category picked without the figures table, which
//! holds the categories too (before the view when [`waits_for_facets`], else
//! once its first results are shown: [`needs_first`] leaves it out); the term shards of its
//! query's words, as `ShardedCorpus` names them; the figures table for charts, ranges, the
//! figures view and the reader; the text files of the cards shown and of every hit of the
//! keyword in context, the text file and pack of the article read ([`shown_docs`]). The corpus
//! of the files added so far ([`base_corpus`]) holds every document with the parts of its
//! files that arrived, and for a query with words the index of just those words
//! ([`for_query`]); [`ready`] says whether a view can be shown from it as from the whole corpus.
//! The benchmark's build loads the whole corpus at once ([`files_to_fetch`], [`corpus_of`]).

use crate::corpus::{Corpus, TEXT, WHOLE};
use crate::i18n::strings;
use crate::url::{Lang, View, ViewState};
use raqmi_search::files::{needs_terms, DataError, FileRef, Need, ShardedCorpus};
use raqmi_search::query::SearchResults;
use raqmi_search::snapshot::Snapshot;

/// Where the data files are, relative to the page (`corpus data` writes them there at build
/// time, `scripts/post-build.mjs`).
pub const DATA_DIR: &str = "./data/";

/// The cards a view with a query fetches the text of before its first results are shown (the
/// first screen and more); the rest of the page follows once they are painted (`src/data.rs`),
/// and a shared link's first results are drawn with these before the app (`first`).
pub const FIRST_CARDS: usize = 10;

/// Why a data file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// The request failed: offline, or the server did not answer.
    Network { file: String },
    /// The server answered with an error status (404: not deployed).
    Status { file: String, status: u16 },
    /// The file arrived but is not the one the manifest lists (truncated, stale, foreign,
    /// another format version, damaged).
    Data(DataError),
}

impl LoadFailure {
    /// The file's name.
    pub fn file(&self) -> String {
        match self {
            LoadFailure::Network { file } | LoadFailure::Status { file, .. } => file.clone(),
            LoadFailure::Data(e) => match e {
                DataError::WrongHash { file }
                | DataError::NotADataFile { file }
                | DataError::WrongVersion { file, .. }
                | DataError::WrongKind { file }
                | DataError::Corrupt { file, .. }
                | DataError::Unknown { file }
                | DataError::OtherCorpus { file } => file.clone(),
            },
        }
    }

    /// What the reader is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let s = strings(lang);
        let file = self.file();
        match self {
            LoadFailure::Network { .. } => s.fill("data.error.network", &[("file", &file)]),
            LoadFailure::Status { status, .. } => s.fill(
                "data.error.missing",
                &[("file", &file), ("status", &status.to_string())],
            ),
            LoadFailure::Data(_) => s.fill("data.error.damaged", &[("file", &file)]),
        }
    }
}

/// The URL of a data file, relative to the page.
pub fn file_url(name: &str) -> String {
    format!("{DATA_DIR}{name}")
}

/// The files the app fetches after the manifest, with their URLs: everything the whole corpus
/// needs (see [`ShardedCorpus::whole`]; the benchmark's build only).
pub fn files_to_fetch(corpus: &ShardedCorpus) -> Vec<(FileRef, String)> {
    with_urls(corpus, corpus.missing_for_whole())
}

/// `files` with their URLs.
pub fn with_urls(corpus: &ShardedCorpus, files: Vec<FileRef>) -> Vec<(FileRef, String)> {
    files
        .into_iter()
        .map(|r| (r, file_url(&corpus.manifest().name(r))))
        .collect()
}

/// The corpus as the views hold it, once every file of [`files_to_fetch`] was added.
pub fn corpus_of(files: &ShardedCorpus) -> Result<Corpus, Need> {
    let (documents, index) = files.whole()?;
    Ok(Corpus::new(Snapshot { documents, index }))
}

/// Whether a view of `view` reads every document's figures, names and dates (the figures
/// table): charts, the figures view, a numeric range, the reader (its figures' series and
/// disagreements, the previous and next articles), an embed (its source line's date).
pub fn needs_figures(view: &ViewState) -> bool {
    view.min.is_some()
        || view.max.is_some()
        || view.embed
        || matches!(view.view, View::Chart | View::Figures | View::Doc)
}

/// The corpus documents whose text the view of `view` shows and that lack it: the cards of the
/// list (the first `shown` hits) and every hit of the keyword in context without their text,
/// the article read when not whole. None while `corpus` does not answer the query (its hits
/// are not the query's).
pub fn shown_docs(
    corpus: &Corpus,
    view: &ViewState,
    results: &SearchResults,
    shown: usize,
) -> Vec<u32> {
    if !answers(corpus, &view.q) {
        return Vec::new();
    }
    // One vector, filled per view and filtered in place (one collect instance, not four).
    let mut docs: Vec<u32> = Vec::new();
    match view.view {
        View::List | View::Contexts => {
            let n = if view.view == View::List {
                shown
            } else {
                usize::MAX
            };
            docs.extend(results.hits.iter().take(n).map(|h| h.doc));
        }
        View::Doc => {
            if let Some(d) = view.doc.as_deref().and_then(|id| corpus.position(id)) {
                docs.push(d as u32);
            }
        }
        View::Chart | View::Figures => {}
    }
    // The reader needs its article whole, the others their documents' texts.
    let need = if view.view == View::Doc { WHOLE } else { TEXT };
    docs.retain(|&d| corpus.loaded(d as usize) & need == 0);
    docs
}

/// Whether the view of `view` shows facet counts (the filter panel: not in an embed, not
/// beside the reader) or filters by what only the facets file holds: else it never needs the
/// facets file (an embedded chart fetches only what it draws).
pub fn reads_facets(view: &ViewState) -> bool {
    filters_by_facets(view) || !view.embed && view.view != View::Doc
}

/// Whether the view of `view` waits for the facets file before it is shown: a name filter
/// needs each document's names, a category filter each document's categories (unless the
/// view reads the figures table, which holds them), and the default view (the list without
/// words) is painted with its counts before the app starts (`prerender`), which it must not
/// take away. Every other view shows its results first, and its counts once the file is in.
pub fn waits_for_facets(view: &ViewState) -> bool {
    filters_by_facets(view)
        || reads_facets(view) && view.view == View::List && !needs_terms(&view.q)
}

fn filters_by_facets(view: &ViewState) -> bool {
    view.names.iter().any(|(_, names)| !names.is_empty())
        || !view.cats.is_empty() && !needs_figures(view)
}

/// The files the view of `view` still needs, `docs` being its [`shown_docs`]: the tables and
/// the term shards of its query (as [`ShardedCorpus::shared_index_for`] names them, in rounds: ask
/// again once they are added), the figures table when [`needs_figures`], the text files of
/// `docs` (every file of the article read), and the facets file when [`reads_facets`] (with
/// the tables when [`waits_for_facets`], else once the rest is in). Empty: the view can be
/// shown exactly as over the whole corpus.
pub fn needs(files: &mut ShardedCorpus, view: &ViewState, docs: &[u32]) -> Vec<FileRef> {
    needs_with(files, view, docs, false)
}

/// [`needs`] before the view's first results: without the facets file unless
/// [`waits_for_facets`] (the app fetches it once they are shown).
pub fn needs_first(files: &mut ShardedCorpus, view: &ViewState, docs: &[u32]) -> Vec<FileRef> {
    needs_with(files, view, docs, true)
}

fn needs_with(
    files: &mut ShardedCorpus,
    view: &ViewState,
    docs: &[u32],
    first: bool,
) -> Vec<FileRef> {
    let facets = files.missing_facets().filter(|_| reads_facets(view));
    let waits = waits_for_facets(view);
    // The facets file is the last kind: appended, the list stays in the manifest's order.
    let mut need = match files.shared_index_for(&view.q) {
        Err(Need(terms)) if !waits => return terms,
        Err(Need(terms)) => terms,
        Ok(_) => files.missing_for_view(needs_figures(view), docs, view.view == View::Doc),
    };
    if waits || !first && need.is_empty() {
        need.extend(facets);
    }
    need
}

/// The corpus of the files added so far, its index the tables alone (it answers queries
/// without words; [`for_query`] gives the corpus of a query with words); or the tables' file.
pub fn base_corpus(files: &mut ShardedCorpus) -> Result<Corpus, Need> {
    let index = files.shared_index_for("")?;
    let docs = files.documents().to_vec();
    let count = docs.len() as u32;
    let mut corpus = Corpus::assemble(docs, index);
    corpus.terms = false;
    corpus.figures = files.figures().is_ok();
    corpus.facets = files.has_facets();
    let loaded = |d| (files.has_text(d) as u8 * TEXT) | (files.is_whole(d) as u8 * WHOLE);
    corpus.loaded = std::rc::Rc::new((0..count).map(loaded).collect());
    Ok(corpus)
}

/// `base` (the corpus of [`base_corpus`], with the own articles, if any) for `query`: itself
/// when it answers the query already, else with the index of the query's words, or the files
/// that index needs.
pub fn for_query(base: &Corpus, files: &mut ShardedCorpus, query: &str) -> Result<Corpus, Need> {
    let index = files.shared_index_for(query)?;
    Ok(base.with_index(index, query))
}

/// Whether `corpus` answers `query` as the whole corpus would (else its term files are due).
pub fn answers(corpus: &Corpus, query: &str) -> bool {
    corpus.terms || corpus.query == query || !needs_terms(query)
}

/// Whether the view of `view` can be shown from `corpus` as from the whole corpus (the list
/// can: a card whose text is not loaded yet says so; every other view waits for its files:
/// the reader for its article whole, the keyword in context for every hit's text).
pub fn ready(corpus: &Corpus, view: &ViewState, results: &SearchResults) -> bool {
    answers(corpus, &view.q)
        && (corpus.figures || !needs_figures(view))
        && (corpus.facets || !waits_for_facets(view))
        && match view.view {
            View::Doc => view
                .doc
                .as_deref()
                .and_then(|id| corpus.position(id))
                .is_none_or(|d| corpus.is_whole(d)),
            View::Contexts => results.hits.iter().all(|h| corpus.has_text(h.doc as usize)),
            _ => true,
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::{View, ViewState};
    use raqmi_search::files::{write_files, FileOptions, WrittenFile, MANIFEST_NAME};
    use raqmi_search::index::SearchIndex;

    fn seed_files() -> Vec<raqmi_search::files::WrittenFile> {
        let docs = raqmi_testkit::seed_documents();
        write_files(&docs, &SearchIndex::build(&docs), FileOptions::default())
    }

    #[test]
    fn the_seeds_load_from_their_files_into_the_same_corpus() {
        let files = seed_files();
        assert_eq!(files[0].name, MANIFEST_NAME);
        let mut c = ShardedCorpus::from_manifest(&files[0].bytes).unwrap();
        let wanted = files_to_fetch(&c);
        assert!(wanted.len() >= 4, "{wanted:?}");
        for (r, url) in wanted {
            let name = url.strip_prefix(DATA_DIR).unwrap();
            let f = files.iter().find(|f| f.name == name).expect("written");
            c.add(r, &f.bytes).unwrap();
        }
        let corpus = corpus_of(&c).expect("every file added");
        let want = crate::corpus::seed_corpus();
        assert_eq!(corpus.docs, want.docs);
        assert_eq!(corpus.index, want.index);
        assert_eq!(corpus.years, want.years);
    }

    /// A synthetic corpus in small files (dozens of packs, text files and term shards), its
    /// whole corpus.
    fn many_files() -> (Vec<WrittenFile>, Corpus) {
        use raqmi_extract::ingest::{ingest_text, Overrides};
        let docs: Vec<_> = raqmi_testkit::synth::corpus(11, 160)
            .iter()
            .map(|(id, text)| ingest_text(id, id, text, &Overrides::default()).expect("synthetic"))
            .collect();
        let small = FileOptions {
            dict_bytes: 1024,
            postings_bytes: 1024,
            stem_bytes: 512,
            pack_bytes: 4096,
        };
        let files = write_files(&docs, &SearchIndex::build(&docs), small);
        (files, Corpus::new(Snapshot::new(docs)))
    }

    /// What the app does (`src/data.rs`, the root's loop): fetches what [`needs`] names until
    /// the view is [`ready`] and its cards whole; the corpus then, and the files fetched.
    fn settle(
        files: &[WrittenFile],
        c: &mut ShardedCorpus,
        view: &ViewState,
    ) -> (Corpus, Vec<String>) {
        settle_by(files, c, view, false)
    }

    /// [`settle`], or with `first` [`settle_first`].
    fn settle_by(
        files: &[WrittenFile],
        c: &mut ShardedCorpus,
        view: &ViewState,
        first: bool,
    ) -> (Corpus, Vec<String>) {
        let mut fetched = Vec::new();
        let mut docs = Vec::new();
        loop {
            let need = match first {
                true => needs_first(c, view, &docs),
                false => needs(c, view, &docs),
            };
            if need.is_empty() {
                let base = base_corpus(c).expect("tables added");
                let corpus = for_query(&base, c, &view.q).expect("terms added");
                let results = corpus.search(view);
                docs = shown_docs(&corpus, view, &results, crate::card::PAGE);
                if docs.is_empty() {
                    assert!(ready(&corpus, view, &results), "{view:?}");
                    return (corpus, fetched);
                }
                continue;
            }
            for (r, url) in with_urls(c, need) {
                let name = url.strip_prefix(DATA_DIR).unwrap();
                let f = files.iter().find(|f| f.name == name).expect("written");
                c.add(r, &f.bytes).unwrap();
                assert!(!fetched.contains(&f.name), "{} fetched twice", f.name);
                fetched.push(f.name.clone());
            }
        }
    }

    /// The same hits (documents, in order), counts and facets as the whole corpus, and the
    /// same cards: their values, match spans and snippets.
    fn same_results(corpus: &Corpus, whole: &Corpus, view: &ViewState) {
        let (got, want) = (corpus.search(view), whole.search(view));
        assert_eq!(got.total, want.total, "{view:?}");
        assert_eq!(got.facets, want.facets, "{view:?}");
        let docs = |r: &SearchResults| r.hits.iter().map(|h| h.doc).collect::<Vec<_>>();
        assert_eq!(docs(&got), docs(&want), "{view:?}");
        let links = crate::url::DocLinks::new(view);
        let card = |c: &Corpus, h: &raqmi_search::query::Hit| {
            let doc = &c.docs[h.doc as usize];
            let data = crate::card::card_data(doc, &links, view.lang);
            (data, raqmi_search::query::snippet(doc, h, 220))
        };
        for (g, w) in got.hits.iter().zip(&want.hits).take(crate::card::PAGE) {
            let d = g.doc as usize;
            assert!(corpus.has_text(d), "card {d} without its text");
            assert_eq!(g, w, "{view:?}");
            assert_eq!(card(corpus, g), card(whole, w), "{view:?}");
        }
    }

    fn kinds(fetched: &[String], kind: &str) -> usize {
        fetched.iter().filter(|f| f.starts_with(kind)).count()
    }

    #[test]
    fn each_view_fetches_only_its_files_and_shows_what_the_whole_corpus_shows() {
        let (files, whole) = many_files();
        let all = |kind: &str| files.iter().filter(|f| f.name.starts_with(kind)).count();
        assert!(
            all("pack-") > 2 * crate::card::PAGE / 10
                && all("text-") > 2 * crate::card::PAGE
                && all("dict-") > 4,
            "too few files"
        );
        let mut c = ShardedCorpus::from_manifest(&files[0].bytes).unwrap();
        // The default view: the tables, the facets and the text files of its cards, no pack,
        // no term file, no figures.
        let list = ViewState::default();
        let (corpus, fetched) = settle(&files, &mut c, &list);
        assert_eq!(kinds(&fetched, "tables-"), 1);
        assert_eq!(kinds(&fetched, "facets-"), 1);
        assert!(kinds(&fetched, "text-") <= crate::card::PAGE, "{fetched:?}");
        assert_eq!(fetched.len(), 2 + kinds(&fetched, "text-"), "{fetched:?}");
        assert!(!corpus.figures);
        same_results(&corpus, &whole, &list);
        assert_eq!(corpus.years, whole.years);
        // A query with words: some term shards, not all; the same results.
        for q in [
            "numérique",
            "startups maroc",
            "\"transformation digitale\"",
            "numeriqe",
        ] {
            let view = ViewState {
                q: q.to_string(),
                ..ViewState::default()
            };
            let (corpus, fetched) = settle(&files, &mut c, &view);
            assert!(kinds(&fetched, "dict-") < all("dict-"), "{q}: {fetched:?}");
            assert_eq!(kinds(&fetched, "pack-"), 0, "{q}: cards read text files");
            assert!(answers(&corpus, q));
            same_results(&corpus, &whole, &view);
        }
        // The keyword in context: every hit's text file, no pack; the same lines.
        let contexts = ViewState {
            view: View::Contexts,
            q: "startups".to_string(),
            ..ViewState::default()
        };
        let (corpus, fetched) = settle(&files, &mut c, &contexts);
        assert!(kinds(&fetched, "text-") > 0, "{fetched:?}");
        assert_eq!(kinds(&fetched, "pack-"), 0, "{fetched:?}");
        let f = crate::corpus::filters(&contexts);
        let lines = corpus.kwic(&contexts.q, &f, 40, usize::MAX);
        assert!(!lines.is_empty());
        assert_eq!(lines, whole.kwic(&contexts.q, &f, 40, usize::MAX));
        // A chart: the figures table, no pack; every document's figures.
        let chart = ViewState {
            view: View::Chart,
            ..ViewState::default()
        };
        let (corpus, fetched) = settle(&files, &mut c, &chart);
        assert_eq!(
            fetched.iter().map(String::as_str).collect::<Vec<_>>().len(),
            1
        );
        assert_eq!(kinds(&fetched, "figures-"), 1);
        assert!(corpus.figures);
        for (d, doc) in corpus.docs.iter().enumerate() {
            assert_eq!(doc.figures, whole.docs[d].figures);
        }
        // The reader: its article's text file and pack.
        let last = whole.docs.last().unwrap().id.clone();
        let doc = ViewState {
            view: View::Doc,
            doc: Some(last.clone()),
            ..ViewState::default()
        };
        let (corpus, fetched) = settle(&files, &mut c, &doc);
        assert_eq!(kinds(&fetched, "pack-"), 1, "{fetched:?}");
        assert_eq!(fetched.len(), 1 + kinds(&fetched, "text-"), "{fetched:?}");
        assert_eq!(corpus.doc(&last), whole.doc(&last));
        assert_eq!(corpus.measures(), whole.measures());
        // A range: the same hits.
        let range = ViewState {
            min: Some(1000.0),
            ..ViewState::default()
        };
        let (corpus, _) = settle(&files, &mut c, &range);
        same_results(&corpus, &whole, &range);
    }

    /// What the app does before its first results (`src/data.rs`, `load`): [`needs_first`]
    /// until the view is [`ready`]; the corpus then, and the files fetched.
    fn settle_first(
        files: &[WrittenFile],
        c: &mut ShardedCorpus,
        view: &ViewState,
    ) -> (Corpus, Vec<String>) {
        settle_by(files, c, view, true)
    }

    #[test]
    fn a_querys_first_results_come_before_the_facets_and_their_counts_next() {
        let (files, whole) = many_files();
        let mut c = ShardedCorpus::from_manifest(&files[0].bytes).unwrap();
        let view = ViewState {
            q: "startups maroc".to_string(),
            ..ViewState::default()
        };
        assert!(reads_facets(&view) && !waits_for_facets(&view));
        let (corpus, fetched) = settle_first(&files, &mut c, &view);
        assert_eq!(kinds(&fetched, "facets-"), 0, "{fetched:?}");
        assert!(!corpus.facets);
        // The same cards, in the same order; no facet value yet.
        let (got, want) = (corpus.search(&view), whole.search(&view));
        let docs = |r: &SearchResults| r.hits.iter().map(|h| h.doc).collect::<Vec<_>>();
        assert_eq!((docs(&got), got.total), (docs(&want), want.total));
        assert!(got.facets.names.iter().all(|(_, v)| v.is_empty()));
        assert!(want.facets.names.iter().any(|(_, v)| !v.is_empty()));
        // Then the facets file, alone, and the counts are the whole corpus's.
        let next = needs(&mut c, &view, &[]);
        assert_eq!(with_urls(&c, next.clone()).len(), 1);
        assert!(c.manifest().name(next[0]).starts_with("facets-"));
        let (corpus, fetched) = settle(&files, &mut c, &view);
        assert_eq!(kinds(&fetched, "facets-"), 1, "{fetched:?}");
        assert!(corpus.facets);
        same_results(&corpus, &whole, &view);
        // An embedded chart never reads them; a chart shows its counts after its drawing.
        for (v, fetches) in [
            (
                ViewState {
                    view: View::Chart,
                    embed: true,
                    ..ViewState::default()
                },
                false,
            ),
            (
                ViewState {
                    view: View::Chart,
                    ..ViewState::default()
                },
                true,
            ),
        ] {
            let mut c = ShardedCorpus::from_manifest(&files[0].bytes).unwrap();
            let (_, first) = settle_first(&files, &mut c, &v);
            assert_eq!(kinds(&first, "facets-"), 0, "{v:?}: {first:?}");
            let (_, then) = settle(&files, &mut c, &v);
            assert_eq!(kinds(&then, "facets-"), fetches as usize, "{v:?}: {then:?}");
        }
        // A name ticked, the default view: the facets before anything is shown.
        let org = want.facets.names[raqmi_search::facet::FacetKind::Org][0]
            .value
            .to_string();
        let mut ticked = view.clone();
        ticked.names[raqmi_search::facet::FacetKind::Org].push(org);
        for v in [ticked, ViewState::default()] {
            assert!(waits_for_facets(&v), "{v:?}");
            let mut c = ShardedCorpus::from_manifest(&files[0].bytes).unwrap();
            let (corpus, fetched) = settle_first(&files, &mut c, &v);
            assert_eq!(kinds(&fetched, "facets-"), 1, "{v:?}: {fetched:?}");
            assert!(corpus.facets);
            let (got, want) = (corpus.search(&v), whole.search(&v));
            assert_eq!((got.facets, got.total), (want.facets, want.total), "{v:?}");
        }
    }

    #[test]
    fn a_category_picked_reads_the_facets_file_or_the_figures_table_before_its_results() {
        let (files, whole) = many_files();
        // A category some documents report and others do not.
        let all = whole.search(&ViewState::default());
        let cat = all.facets.categories.iter().find(|c| c.count < all.total);
        let cat = cat.expect("a category some documents lack").value;
        let hits = |r: &SearchResults| r.hits.iter().map(|h| h.doc).collect::<Vec<_>>();
        // The list: the facets file first, which holds each document's categories.
        let list = ViewState {
            q: "numérique".to_string(),
            cats: vec![cat],
            ..ViewState::default()
        };
        // An embedded chart of the category: the figures table, which holds them too.
        let chart = ViewState {
            cats: vec![cat],
            view: View::Chart,
            embed: true,
            ..ViewState::default()
        };
        for (v, facets, figures) in [(list, 1, 0), (chart, 0, 1)] {
            assert_eq!(waits_for_facets(&v), facets == 1, "{v:?}");
            let mut c = ShardedCorpus::from_manifest(&files[0].bytes).unwrap();
            let (corpus, fetched) = settle_first(&files, &mut c, &v);
            assert_eq!(kinds(&fetched, "facets-"), facets, "{v:?}: {fetched:?}");
            assert_eq!(kinds(&fetched, "figures-"), figures, "{v:?}: {fetched:?}");
            let (got, want) = (corpus.search(&v), whole.search(&v));
            assert!(want.total > 0 && want.total < whole.docs.len(), "{v:?}");
            assert_eq!((hits(&got), got.total), (hits(&want), want.total), "{v:?}");
        }
    }

    #[test]
    fn the_seeds_start_with_their_one_pack_and_no_term_file() {
        let files = seed_files();
        let mut c = ShardedCorpus::from_manifest(&files[0].bytes).unwrap();
        let (corpus, fetched) = settle(&files, &mut c, &ViewState::default());
        assert_eq!(fetched.len(), 2, "{fetched:?}");
        assert!(corpus.figures && !corpus.terms);
        let want = crate::corpus::seed_corpus();
        assert_eq!(corpus.docs, want.docs);
        assert_eq!(corpus.years, want.years);
        assert!(!answers(&corpus, "startups") && answers(&want, "startups"));
        let view = ViewState {
            q: "startups".to_string(),
            ..ViewState::default()
        };
        let (corpus, fetched) = settle(&files, &mut c, &view);
        assert!(
            fetched.iter().all(|f| !f.starts_with("pack-")),
            "{fetched:?}"
        );
        same_results(&corpus, &want, &view);
    }

    #[test]
    fn a_missing_file_says_which() {
        let files = seed_files();
        let c = ShardedCorpus::from_manifest(&files[0].bytes).unwrap();
        assert_eq!(
            corpus_of(&c).err().map(|n| n.0.len()),
            Some(files_to_fetch(&c).len())
        );
    }

    #[test]
    fn failures_are_told_in_the_readers_language() {
        let network = LoadFailure::Network {
            file: "pack-1.bin".into(),
        };
        assert_eq!(
            network.message(Lang::Fr),
            "Les données du corpus n’ont pas pu être téléchargées (hors ligne ?) : pack-1.bin."
        );
        let missing = LoadFailure::Status {
            file: "manifest.bin".into(),
            status: 404,
        };
        assert_eq!(
            missing.message(Lang::En),
            "Data file not found on the server (HTTP 404): manifest.bin."
        );
        let damaged = LoadFailure::Data(DataError::WrongHash {
            file: "dict-2.bin".into(),
        });
        assert!(damaged.message(Lang::Ar).contains("dict-2.bin"));
        assert_eq!(damaged.file(), "dict-2.bin");
    }
}
