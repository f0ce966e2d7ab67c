//! The reader's own articles (issue 16) beside the corpus. Each own article is kept as its
//! one-document snapshot (made by the extraction worker, stored on the device), decoded here
//! into its document and its own small index. The corpus's index is never rebuilt: a search
//! runs on the corpus's index and on each own article's, and the results are merged (hits in
//! the corpus's order with each own hit placed by score then date, facet counts added).
//!
//! The narrow interface the app uses, whatever the corpus is loaded from: [`Corpus::with_own`]
//! (the corpus with these own articles after its documents, so that `docs[hit.doc]` reads an own
//! article like any other), [`Corpus::find`], [`Corpus::matches`], [`Corpus::kwic`] and
//! [`Corpus::is_own`]. Charts, the reader and the figures' measures read `docs` and the hits, so
//! they take own articles in without knowing of them. `with_own` copies the corpus's documents
//! once per change of the own articles (never when there are none).

use crate::corpus::Corpus;
use raqmi_model::document::{Category, Document, Span};
use raqmi_model::own::is_own_id;
use raqmi_search::index::SearchIndex;
use raqmi_search::query::{self, FacetCount, Filters, Hit, KwicLine, SearchResults};
use raqmi_search::snapshot::Snapshot;
use std::rc::Rc;

/// One own article: its document and the index of it alone.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnArticle {
    pub doc: Document,
    index: Rc<SearchIndex>,
}

impl OwnArticle {
    /// An own article from its stored snapshot; anything but one document with an own id is
    /// none (a snapshot of another format version, damaged storage: the worker analyses such an
    /// article again from its stored JSON when it lists them).
    pub fn decode(bytes: &[u8]) -> Option<OwnArticle> {
        let snapshot = Snapshot::decode(bytes).ok()?;
        let index = Rc::new(snapshot.index);
        let mut docs = snapshot.documents;
        match (docs.pop(), docs.is_empty()) {
            (Some(doc), true) if is_own_id(&doc.id) => Some(OwnArticle { doc, index }),
            _ => None,
        }
    }
}

impl Corpus {
    /// This corpus's own documents (those before any own article) followed by `own`; an own id
    /// given twice is kept once.
    pub fn with_own(&self, own: &[OwnArticle]) -> Corpus {
        let mut docs = self.docs[..self.main_len].to_vec();
        let mut indexes = Vec::with_capacity(own.len());
        for a in own {
            if docs[self.main_len..].iter().any(|d| d.id == a.doc.id) {
                continue;
            }
            docs.push(a.doc.clone());
            indexes.push(a.index.clone());
        }
        let mut joined = Corpus::assemble(docs, self.index.clone(), self.main_len, indexes);
        // The own articles' indexes are whole; the corpus's may still wait for its files.
        joined.carry_loading(self);
        joined
    }

    /// Whether the document at this position is one of the reader's own articles.
    pub fn is_own(&self, doc: usize) -> bool {
        doc >= self.main_len && doc < self.docs.len()
    }

    /// How many own articles the corpus holds.
    pub fn own_count(&self) -> usize {
        self.docs.len() - self.main_len
    }

    /// Part `k` of the corpus: 0 is the corpus's index over its documents, then each own
    /// article's index over it alone; with the position of the part's first document. Every
    /// engine function has one call site, in a loop over the parts (a second call site would
    /// cost a second copy in the wasm).
    fn part(&self, k: usize) -> (&SearchIndex, &[Document], usize) {
        match k.checked_sub(1) {
            None => (&self.index, &self.docs[..self.main_len], 0),
            Some(o) => {
                let at = self.main_len + o;
                (&self.own[o], &self.docs[at..=at], at)
            }
        }
    }

    /// The search of the corpus and its own articles, as one result list.
    pub fn find(&self, q: &str, f: &Filters) -> SearchResults {
        let mut results: Option<SearchResults> = None;
        for k in 0..=self.own.len() {
            let (index, docs, at) = self.part(k);
            let part = query::search(index, docs, q, f);
            match &mut results {
                None => results = Some(part),
                Some(into) => self.merge(into, part, at as u32),
            }
        }
        results.unwrap_or_default()
    }

    /// The match spans of one document (see `query::matches_for`).
    pub fn matches(&self, q: &str, doc: u32) -> (Vec<Span>, Vec<Span>) {
        let d = doc as usize;
        let k = if d < self.main_len {
            0
        } else {
            d - self.main_len + 1
        };
        if k > self.own.len() {
            return (Vec::new(), Vec::new());
        }
        let (index, docs, at) = self.part(k);
        query::matches_for(index, docs, q, (d - at) as u32)
    }

    /// Keyword-in-context lines (see `query::kwic`): the corpus's, then the own articles'.
    pub fn kwic(&self, q: &str, f: &Filters, chars: usize, limit: usize) -> Vec<KwicLine> {
        let mut lines = Vec::new();
        for k in 0..=self.own.len() {
            let (index, docs, at) = self.part(k);
            let Some(left) = limit.checked_sub(lines.len()).filter(|&n| n > 0) else {
                break;
            };
            for mut line in query::kwic(index, docs, q, f, chars, left) {
                line.doc += at as u32;
                lines.push(line);
            }
        }
        lines
    }

    /// Adds one own article's results (its document numbered `at`) to `into`.
    fn merge(&self, into: &mut SearchResults, part: SearchResults, at: u32) {
        let date = |h: &Hit| self.docs.get(h.doc as usize).and_then(|d| d.date);
        for mut hit in part.hits {
            hit.doc = at;
            // Before the first hit it beats: a higher score, or as good and newer.
            let pos = into.hits.iter().position(|m| {
                hit.score > m.score || (hit.score == m.score && date(&hit) > date(m))
            });
            into.hits.insert(pos.unwrap_or(into.hits.len()), hit);
        }
        into.total = into.hits.len();
        let (to, from) = (&mut into.facets, part.facets);
        add_in_order(&mut to.years, from.years, |a, b| a.value > b.value);
        add_in_order(&mut to.categories, from.categories, |a, b| {
            rank(&a.value) < rank(&b.value)
        });
        for (kind, list) in from.names.iter() {
            add_in_order(&mut to.names[kind], list.clone(), |a, b| {
                a.count > b.count || (a.count == b.count && a.value < b.value)
            });
        }
    }
}

/// A category's place in the facet's order.
fn rank(c: &Category) -> usize {
    Category::ALL
        .iter()
        .position(|x| x == c)
        .unwrap_or(usize::MAX)
}

/// Adds counts by value (a value selected in either stays selected), each value (re)placed
/// before the first one it comes `before` in the facet's order (years newest first, categories
/// in their order, names by count then name), or last: the lists stay ordered, unsorted.
fn add_in_order<T: PartialEq>(
    into: &mut Vec<FacetCount<T>>,
    from: Vec<FacetCount<T>>,
    before: impl Fn(&FacetCount<T>, &FacetCount<T>) -> bool,
) {
    for mut c in from {
        if let Some(i) = into.iter().position(|x| x.value == c.value) {
            let x = into.remove(i);
            c.count += x.count;
            c.selected |= x.selected;
        }
        let at = into.iter().position(|x| before(&c, x));
        into.insert(at.unwrap_or(into.len()), c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seed_corpus;
    use raqmi_search::facet::FacetKind;
    use raqmi_search::measures::FigureRef;

    const OWN: &str = "own-0123456789abcdef";

    /// A seed article (Devoxx) stored as an own article under an own id.
    fn own_devoxx() -> Vec<u8> {
        let mut doc = raqmi_testkit::seed_documents()
            .into_iter()
            .find(|d| d.id == "003_33d08dc07e69b5e4")
            .expect("the Devoxx seed");
        doc.id = OWN.to_string();
        Snapshot::new(vec![doc]).encode()
    }

    fn with_devoxx() -> Corpus {
        let own = OwnArticle::decode(&own_devoxx()).expect("decodes");
        seed_corpus().with_own(&[own.clone(), own])
    }

    fn ids(c: &Corpus, r: &SearchResults) -> Vec<String> {
        r.hits
            .iter()
            .map(|h| c.docs[h.doc as usize].id.clone())
            .collect()
    }

    #[test]
    fn only_a_one_document_snapshot_with_an_own_id_is_an_own_article() {
        assert!(OwnArticle::decode(b"garbage").is_none());
        let seeds = Snapshot::new(raqmi_testkit::seed_documents()).encode();
        assert!(OwnArticle::decode(&seeds).is_none(), "many documents");
        let one = Snapshot::new(raqmi_testkit::seed_documents()[..1].to_vec()).encode();
        assert!(OwnArticle::decode(&one).is_none(), "a corpus id");
        assert_eq!(OwnArticle::decode(&own_devoxx()).unwrap().doc.id, OWN);
    }

    #[test]
    fn search_facets_and_spans_count_the_own_article_once() {
        let seeds = seed_corpus();
        let c = with_devoxx();
        assert_eq!((c.own_count(), c.docs.len()), (1, seeds.docs.len() + 1));
        assert!(c.is_own(seeds.docs.len()) && !c.is_own(0));
        assert_eq!(c.doc(OWN).map(|d| d.id.as_str()), Some(OWN));
        let f = Filters::default();
        // Every article, newest first: the own copy sits beside its original (same date).
        let all = c.find("", &f);
        assert_eq!(all.total, seeds.docs.len() + 1);
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
        let own = r.hits.iter().find(|h| c.is_own(h.doc as usize)).unwrap();
        assert!(!own.matches.is_empty());
        assert_eq!(c.matches("devoxx", own.doc).0, own.matches);
        assert!(c.matches("devoxx", 999).0.is_empty());
        let lines = c.kwic("devoxx", &f, 20, 100);
        assert!(lines.iter().any(|l| c.is_own(l.doc as usize)));
        assert!(c.kwic("devoxx", &f, 20, 1).len() == 1);
    }

    #[test]
    fn a_new_year_and_category_take_their_place_in_the_facets() {
        let mut doc = raqmi_testkit::seed_documents()
            .into_iter()
            .find(|d| d.id == "003_33d08dc07e69b5e4")
            .unwrap();
        doc.id = OWN.to_string();
        doc.date = Some(raqmi_model::document::Date {
            year: 2030,
            month: None,
            day: None,
        });
        let own = OwnArticle::decode(&Snapshot::new(vec![doc]).encode()).unwrap();
        let c = seed_corpus().with_own(&[own]);
        assert_eq!(c.years[0], 2030);
        let r = c.find("", &Filters::default());
        let years: Vec<u16> = r.facets.years.iter().map(|y| y.value).collect();
        assert_eq!(years[0], 2030, "newest first: {years:?}");
        assert!(years.windows(2).all(|w| w[0] > w[1]), "{years:?}");
        let cats: Vec<usize> = r.facets.categories.iter().map(|x| rank(&x.value)).collect();
        assert!(cats.windows(2).all(|w| w[0] < w[1]), "{cats:?}");
        // The newest article comes first in an empty query's list.
        assert_eq!(c.docs[r.hits[0].doc as usize].id, OWN);
        let names = &r.facets.names[FacetKind::Program];
        assert!(names.windows(2).all(|w| w[0].count >= w[1].count));
    }

    #[test]
    fn own_figures_join_the_figures_table_and_its_disagreements() {
        // The Devoxx article again, as if another paper had doubled its budgets.
        let mut doc = raqmi_testkit::seed_documents()
            .into_iter()
            .find(|d| d.id == "003_33d08dc07e69b5e4")
            .unwrap();
        doc.id = OWN.to_string();
        for f in doc
            .figures
            .iter_mut()
            .filter(|f| f.category == Category::Budget)
        {
            f.value *= 2.0;
        }
        let own = OwnArticle::decode(&Snapshot::new(vec![doc.clone()]).encode()).unwrap();
        let c = seed_corpus().with_own(&[own]);
        let (s, _) = crate::url::parse("?cat=budget&view=figures");
        let rows = crate::figures::rows(&c, &c.search(&s), &s);
        let mine: Vec<_> = rows.iter().filter(|r| r.doc_id == OWN).collect();
        assert_eq!(mine.len(), 2, "{rows:?}");
        // The measure keys travel in the snapshot (format 6), so the own article's doubled
        // budgets disagree with the corpus's in the joined corpus itself.
        let m = c.measures();
        let at = c.docs.len() - 1;
        let disputed = (0..c.docs[at].figures.len()).any(|figure| {
            m.disagreement_of(FigureRef { doc: at, figure })
                .is_some_and(|d| c.docs[d.low.doc].id != c.docs[d.high.doc].id)
        });
        assert!(disputed);
    }

    #[test]
    fn without_own_articles_the_search_is_the_corpus_search() {
        let seeds = seed_corpus();
        let f = Filters::default();
        let plain = query::search(&seeds.index, &seeds.docs, "numérique", &f);
        assert_eq!(seeds.find("numérique", &f), plain);
        // Replacing the own articles starts again from the corpus alone.
        let none = with_devoxx().with_own(&[]);
        assert_eq!(none.find("numérique", &f), plain);
        assert_eq!(none.years, seeds.years);
    }
}
