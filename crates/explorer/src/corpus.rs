//! The corpus as the app holds it: the documents (whole, or as loaded so far from the data
//! files: `loading.rs`) and an index, plus lookups the views need, and the translation of the
//! URL's state into the query engine's filters. Pure, tested natively.
//!
//! Loaded from data files, a corpus may hold documents with their card's part only (their
//! text file: [`Corpus::has_text`], not [`Corpus::is_whole`]), without their text (the figures
//! table only) or empty ones (none of their files: [`Corpus::figures`]), and an index of one
//! query's words only ([`Corpus::query`]); what a
//! view needs before it is shown is `loading::ready`'s. The documents and the lookups made of
//! them are shared (`Rc`) by the corpora of successive queries ([`Corpus::with_index`]): a
//! keystroke makes a new index, never a copy of the documents.

use super::url::ViewState;
use raqmi_model::document::{Document, Span};
use raqmi_model::order;
use raqmi_search::files::ShardedCorpus;
use raqmi_search::index::SearchIndex;
use raqmi_search::measures::{FigureRef, Measures};
use raqmi_search::query::{self, Filters, KwicLine, SearchResults};
use raqmi_search::snapshot::Snapshot;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// In [`Corpus::loaded`]: the document's text is there.
pub(crate) const TEXT: u8 = 1;
/// In [`Corpus::loaded`]: the document is whole.
pub(crate) const WHOLE: u8 = 2;

pub struct Corpus {
    /// The corpus's documents, then the reader's own articles, if any (`own.rs`).
    pub docs: Rc<Vec<Document>>,
    pub index: Rc<SearchIndex>,
    pub(crate) by_id: Rc<HashMap<String, usize>>,
    /// Every year a document is dated in, newest first (the date filter's choices).
    pub years: Vec<u16>,
    /// Whether the index holds every term; without them (loaded from data files) it answers
    /// queries without words and [`Corpus::query`].
    pub terms: bool,
    /// The query whose words the index holds, when not [`Corpus::terms`].
    pub query: String,
    /// Whether every document has at least its figures, names and dates (the figures table or
    /// every pack loaded): charts, ranges, the figures view and the measures read them.
    pub figures: bool,
    /// Whether the facet values and their documents are in (the facets file added, or the
    /// tables held them): without them the results come without facet counts, which follow
    /// (`loading::waits_for_facets`).
    pub facets: bool,
    /// Per corpus document, what of it is loaded: [`TEXT`] (its card's part), [`WHOLE`] (its
    /// text and its pack); empty when every document is whole.
    pub(crate) loaded: Rc<Vec<u8>>,
    /// The series and disagreements of the whole corpus: read once, the first time a view
    /// shows a figure's (not at start-up, which most visits never need it for); shared with
    /// the corpora of other queries over the same documents.
    measures: Rc<OnceCell<Measures>>,
    /// The data files a query's index is made of when they are not the app's own: the own
    /// articles' corpus, every file of which the worker wrote and the page holds (`own.rs`).
    pub files: Option<Rc<RefCell<ShardedCorpus>>>,
}

impl Corpus {
    pub fn new(snapshot: Snapshot) -> Corpus {
        Corpus::assemble(snapshot.documents, Rc::new(snapshot.index))
    }

    /// A corpus of `docs` and their index. The years are the index's (a document not loaded
    /// yet has no date, but the index's tables hold it).
    #[inline(never)]
    pub(crate) fn assemble(docs: Vec<Document>, index: Rc<SearchIndex>) -> Corpus {
        let by_id = docs
            .iter()
            .enumerate()
            .filter(|(_, d)| !d.id.is_empty())
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        let mut years: Vec<u16> = (0..index.doc_count() as u32)
            .filter_map(|d| index.meta(d).0.map(|(year, _)| year))
            .collect();
        // Newest first, through the shared sort (`raqmi_model::order`: no `sort_unstable` copy).
        order::sort_by(&mut years, |a, b| b.cmp(a));
        years.dedup();
        Corpus {
            docs: Rc::new(docs),
            index,
            by_id: Rc::new(by_id),
            years,
            terms: true,
            query: String::new(),
            figures: true,
            facets: true,
            loaded: Rc::default(),
            measures: Rc::default(),
            files: None,
        }
    }

    /// The same documents with `index`, which holds the words of `query` (`loading`).
    pub fn with_index(&self, index: Rc<SearchIndex>, query: &str) -> Corpus {
        Corpus {
            docs: self.docs.clone(),
            index,
            by_id: self.by_id.clone(),
            years: self.years.clone(),
            terms: false,
            query: query.to_string(),
            figures: self.figures,
            facets: self.facets,
            loaded: self.loaded.clone(),
            measures: self.measures.clone(),
            files: self.files.clone(),
        }
    }

    /// Whether document `doc` is whole (its text and its analysis: what the reader shows).
    pub fn is_whole(&self, doc: usize) -> bool {
        self.loaded(doc) & WHOLE != 0
    }

    /// What of document `doc` is loaded ([`TEXT`], [`WHOLE`]: both when it is whole).
    pub(crate) fn loaded(&self, doc: usize) -> u8 {
        self.loaded.get(doc).copied().unwrap_or(TEXT | WHOLE)
    }

    /// Whether document `doc`'s text is there (its headline, date, source, text: what a card
    /// and a line in context show).
    pub fn has_text(&self, doc: usize) -> bool {
        self.loaded(doc) & TEXT != 0
    }

    /// The search (see `query::search`).
    pub fn find(&self, q: &str, f: &Filters) -> SearchResults {
        query::search(&self.index, &self.docs, q, f)
    }

    /// The match spans of one document (see `query::matches_for`).
    pub fn matches(&self, q: &str, doc: u32) -> (Vec<Span>, Vec<Span>) {
        query::matches_for(&self.index, &self.docs, q, doc)
    }

    /// Keyword-in-context lines (see `query::kwic`).
    pub fn kwic(&self, q: &str, f: &Filters, chars: usize, limit: usize) -> Vec<KwicLine> {
        query::kwic(&self.index, &self.docs, q, f, chars, limit)
    }

    /// The corpus's series and disagreements (`raqmi_search::measures`), computed once.
    pub fn measures(&self) -> &Measures {
        self.measures.get_or_init(|| Measures::of(&self.docs))
    }

    /// Figure `figure` of article `id`, as the measures name it.
    pub fn figure_ref(&self, id: &str, figure: usize) -> Option<FigureRef> {
        let doc = self.position(id)?;
        (figure < self.docs.get(doc)?.figures.len()).then_some(FigureRef { doc, figure })
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn doc(&self, id: &str) -> Option<&Document> {
        self.position(id).and_then(|i| self.docs.get(i))
    }

    pub fn search(&self, state: &ViewState) -> SearchResults {
        self.find(&state.q, &filters(state))
    }
}

/// A shared corpus that compares by identity (it never changes while the app runs), so it can
/// be a property of components and a dependency of memos.
#[derive(Clone)]
pub struct CorpusRef(pub Rc<Corpus>);

impl PartialEq for CorpusRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for CorpusRef {
    type Target = Corpus;
    fn deref(&self) -> &Corpus {
        &self.0
    }
}

/// Search results shared between views, compared by identity (a new search is a new value).
#[derive(Clone)]
pub struct ResultsRef(pub Rc<SearchResults>);

impl PartialEq for ResultsRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for ResultsRef {
    type Target = SearchResults;
    fn deref(&self) -> &SearchResults {
        &self.0
    }
}

/// The query engine's filters for what the URL asks.
pub fn filters(s: &ViewState) -> Filters {
    Filters {
        from: s.from.map(|ym| (ym.year, ym.month)),
        to: s.to.map(|ym| (ym.year, ym.month)),
        names: s.names.clone(),
        categories: s.cats.clone(),
        value_min: s.min,
        value_max: s.max,
    }
}

/// The previous and next articles around `id` in the current result order (the corpus order
/// when the article is not among the results).
pub fn neighbours(
    corpus: &Corpus,
    results: &SearchResults,
    id: &str,
) -> (Option<usize>, Option<usize>) {
    let order: Vec<usize> = if results
        .hits
        .iter()
        .any(|h| corpus.docs.get(h.doc as usize).is_some_and(|d| d.id == id))
    {
        results.hits.iter().map(|h| h.doc as usize).collect()
    } else {
        (0..corpus.docs.len()).collect()
    };
    let Some(pos) = order.iter().position(|&i| corpus.docs[i].id == id) else {
        return (None, None);
    };
    let prev = pos.checked_sub(1).map(|p| order[p]);
    let next = order.get(pos + 1).copied();
    (prev, next)
}

/// The seed articles as the app holds them, through the snapshot's wire format (tests).
#[cfg(test)]
pub(crate) fn seed_corpus() -> Corpus {
    let snapshot = Snapshot::new(raqmi_testkit::seed_documents());
    Corpus::new(Snapshot::decode(&snapshot.encode()).expect("the seeds' snapshot decodes"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url;

    fn seeds() -> Corpus {
        seed_corpus()
    }

    #[test]
    fn the_url_state_becomes_the_engines_filters() {
        let (s, _) =
            url::parse("?from=2022&to=2024-10&org=AUSIM&cat=budget&min=1000000&max=20000000");
        let f = filters(&s);
        assert_eq!(f.from, Some((2022, None)));
        assert_eq!(f.to, Some((2024, Some(10))));
        assert_eq!(f.names[raqmi_search::facet::FacetKind::Org], ["AUSIM"]);
        assert_eq!((f.value_min, f.value_max), (Some(1e6), Some(2e7)));
    }

    /// The ids of the articles a URL's state finds in the seeds.
    fn found(query: &str) -> Vec<String> {
        let c = seeds();
        let (s, _) = url::parse(query);
        let hits = c.search(&s).hits;
        hits.iter()
            .map(|h| c.docs[h.doc as usize].id.clone())
            .collect()
    }

    #[test]
    fn a_budget_range_keeps_the_devoxx_article() {
        assert_eq!(
            found("?cat=budget&min=1000000&max=20000000"),
            ["003_33d08dc07e69b5e4"]
        );
        assert!(found("?cat=budget&min=1000000&max=2000000").is_empty());
    }

    #[test]
    fn an_event_filters_like_a_programme() {
        assert_eq!(found("?program=Devoxx"), ["003_33d08dc07e69b5e4"]);
    }

    #[test]
    fn neighbours_follow_the_result_order() {
        let c = seeds();
        let (s, _) = url::parse("");
        let r = c.search(&s);
        let first = &c.docs[r.hits[0].doc as usize].id;
        let (prev, next) = neighbours(&c, &r, first);
        assert_eq!(prev, None);
        assert_eq!(next, Some(r.hits[1].doc as usize));
        assert_eq!(c.years, [2025, 2024, 2023, 2022, 2021]);
    }
}
