//! A shared link's first results before the app: for a URL that asks only for a query
//! (`?q=…`, the list, French, nothing else), the few data files its first cards need and the
//! HTML of that view, so that a small search-only wasm (`crates/first`, run by `www/first.js`)
//! paints the results before the explorer's wasm (the whole app: charts, facets, reader, three
//! languages; about 255 KB gzip) is even requested. At 10,000 articles that wasm was most of
//! what a first search transferred (issue 14: under 300 KB to the first results).
//!
//! The view is the one the app shows first for that URL: the same files
//! ([`loading::needs_first`] for the first [`FIRST_CARDS`] hits), the same search over them
//! ([`Corpus::search`]), the same cards ([`prerender::list_view`], whose markup is the yew
//! views'); the app then takes over as it does from the prerendered default view, keeping
//! what was typed in its search box. Any other URL (a filter, another view or language, an
//! article, an embed, a notice to show) is left to the app: `drawn_by_first` says which.
//!
//! Pure: the wasm wrapper only carries bytes in and HTML out; the fetching is `first.js`'s.

use crate::corpus::Corpus;
use crate::loading::{base_corpus, for_query, needs_first, shown_docs, FIRST_CARDS};
use crate::prerender;
use crate::url::{self, ViewState};
use raqmi_search::files::{needs_terms, DataError, FileRef, ShardedCorpus};

/// Whether the page's query string `search` asks for a view this path draws: a query with
/// words and nothing else (a filter, another view, language or theme, an article, an embed or
/// a parameter the app would explain in a notice all go to the app).
pub fn drawn_by_first(search: &str) -> Option<ViewState> {
    let (view, notices) = url::parse(search);
    let only_query = ViewState {
        q: String::new(),
        ..view.clone()
    } == ViewState::default();
    (notices.is_empty() && only_query && needs_terms(&view.q)).then_some(view)
}

/// The data files added so far for one shared link's first results, and what to ask next.
pub struct FirstResults {
    files: ShardedCorpus,
    view: ViewState,
    /// The documents whose text the first cards need (none before the first search).
    docs: Vec<u32>,
    /// The files last asked for ([`FirstResults::wanted`]), by name.
    asked: Vec<(String, FileRef)>,
    /// The corpus [`FirstResults::wanted`] found complete, kept for [`FirstResults::html`].
    ready: Option<Corpus>,
}

/// Why the first results cannot be drawn: the app then starts as if this path did not exist.
#[derive(Debug, PartialEq)]
pub enum Declined {
    /// The URL asks for a view the app draws itself ([`drawn_by_first`]).
    NotThisView,
    /// A data file was refused (the app will say which, in its place, with a retry).
    Data(DataError),
}

impl FirstResults {
    /// The first results of the page's query string `search`, from the corpus's `manifest`.
    pub fn new(search: &str, manifest: &[u8]) -> Result<FirstResults, Declined> {
        let view = drawn_by_first(search).ok_or(Declined::NotThisView)?;
        let files = ShardedCorpus::from_manifest(manifest).map_err(Declined::Data)?;
        Ok(FirstResults {
            files,
            view,
            docs: Vec::new(),
            asked: Vec::new(),
            ready: None,
        })
    }

    /// The names of the files to fetch next (relative to `loading::DATA_DIR`), in rounds: the
    /// tables and the query's term shards, then the text files of its first cards. Empty once
    /// [`FirstResults::html`] can draw the view.
    pub fn wanted(&mut self) -> Vec<String> {
        self.ready = None;
        let mut need = needs_first(&mut self.files, &self.view, &self.docs);
        if need.is_empty() {
            if let Some(corpus) = self.corpus() {
                let results = corpus.search(&self.view);
                self.docs = shown_docs(&corpus, &self.view, &results, FIRST_CARDS);
                need = needs_first(&mut self.files, &self.view, &self.docs);
                if need.is_empty() {
                    self.ready = Some(corpus);
                }
            }
        }
        let manifest = self.files.manifest();
        self.asked = need.into_iter().map(|r| (manifest.name(r), r)).collect();
        self.asked.iter().map(|(name, _)| name.clone()).collect()
    }

    /// Adds the file `name` (one of the last [`FirstResults::wanted`]), checked against the
    /// manifest.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), DataError> {
        self.ready = None;
        let Some(&(_, r)) = self.asked.iter().find(|(n, _)| n == name) else {
            return Err(DataError::Unknown {
                file: name.to_string(),
            });
        };
        self.files.add(r, bytes)
    }

    /// The view's HTML (the app's markup, `prerender::list_view`), once every file it needs
    /// is in; none before.
    pub fn html(&mut self) -> Option<String> {
        // The corpus the last empty `wanted` made (the script asks until it is empty), else
        // asked for now; a file added since makes it again.
        if self.ready.is_none() {
            self.wanted();
        }
        let corpus = self.ready.as_ref()?;
        Some(prerender::list_view(corpus, &self.view, FIRST_CARDS))
    }

    fn corpus(&mut self) -> Option<Corpus> {
        let base = base_corpus(&mut self.files).ok()?;
        for_query(&base, &mut self.files, &self.view.q).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use raqmi_search::files::{write_files, FileOptions, WrittenFile, MANIFEST_NAME};
    use raqmi_search::index::SearchIndex;

    /// `count` synthetic articles, analysed.
    fn documents(count: u32) -> Vec<raqmi_model::document::Document> {
        use raqmi_extract::ingest::{ingest_text, Overrides};
        raqmi_testkit::synth::corpus(7, count)
            .iter()
            .map(|(id, text)| ingest_text(id, id, text, &Overrides::default()).expect("synthetic"))
            .collect()
    }

    /// A corpus written as many small files (text files, packs, term shards), as a partner's
    /// archive is.
    fn written(count: u32) -> Vec<WrittenFile> {
        let docs = documents(count);
        let small = FileOptions {
            dict_bytes: 1024,
            postings_bytes: 1024,
            stem_bytes: 512,
            pack_bytes: 4096,
        };
        write_files(&docs, &SearchIndex::build(&docs), small)
    }

    /// The query string of a query alone.
    fn search_of(q: &str) -> String {
        let mut out = "?q=".to_string();
        raqmi_model::markup::percent_encode_into(q, &mut out);
        out
    }

    fn bytes<'a>(files: &'a [WrittenFile], name: &str) -> &'a [u8] {
        &files.iter().find(|f| f.name == name).expect(name).bytes
    }

    /// Fetches as `first.js` does, round after round; returns the HTML and every name asked.
    fn run(files: &[WrittenFile], search: &str) -> (String, Vec<String>) {
        let mut first = FirstResults::new(search, bytes(files, MANIFEST_NAME)).expect("drawn");
        let mut asked = Vec::new();
        for _ in 0..10 {
            let wanted = first.wanted();
            if wanted.is_empty() {
                return (first.html().expect("ready"), asked);
            }
            for name in wanted {
                first.add(&name, bytes(files, &name)).expect("added");
                asked.push(name);
            }
        }
        panic!("no end to the rounds: {asked:?}");
    }

    #[test]
    fn only_a_query_alone_is_drawn_before_the_app() {
        assert_eq!(
            drawn_by_first("?q=num%C3%A9rique").map(|v| v.q),
            Some("numérique".into())
        );
        assert!(drawn_by_first("?q=startups+maroc").is_some());
        for search in [
            "",
            "?q=",
            "?q=%20",
            "?q=numerique&org=AUSIM",
            "?q=numerique&view=chart",
            "?q=numerique&lang=en",
            "?q=numerique&theme=dark",
            "?q=numerique&embed=1",
            "?q=numerique&doc=001_x&view=doc",
            "?q=numerique&from=2020",
            "?q=numerique&cat=budget",
            "?q=numerique&zzz=1",
            "?org=AUSIM",
        ] {
            assert!(drawn_by_first(search).is_none(), "{search}");
        }
    }

    #[test]
    fn the_first_cards_are_the_apps_over_the_whole_corpus() {
        let files = written(400);
        let whole = Corpus::new(raqmi_search::snapshot::Snapshot::new(documents(400)));
        for q in ["numérique", "startups maroc", "formatoin", "invest"] {
            let search = search_of(q);
            let (html, asked) = run(&files, &search);
            let view = drawn_by_first(&search).unwrap();
            let results = whole.search(&view);
            assert!(results.total > FIRST_CARDS, "{q}: {}", results.total);
            // The same hits, in the same order, as the whole corpus's first cards.
            let ids: Vec<&str> = html
                .match_indices("<article class=\"result\" data-id=\"")
                .map(|(i, m)| {
                    let rest = &html[i + m.len()..];
                    &rest[..rest.find('"').unwrap()]
                })
                .collect();
            let expected: Vec<&str> = results.hits[..FIRST_CARDS]
                .iter()
                .map(|h| whole.docs[h.doc as usize].id.as_str())
                .collect();
            assert_eq!(ids, expected, "{q}");
            assert_eq!(
                html,
                prerender::list_view(&whole, &view, FIRST_CARDS),
                "{q}"
            );
            // Only what those cards need: no figures table, no facets file, no pack, and at
            // most one text file per card.
            assert!(asked.iter().all(|n| !n.starts_with("figures-")
                && !n.starts_with("facets-")
                && !n.starts_with("pack-")));
            assert!(asked.iter().filter(|n| n.starts_with("text-")).count() <= FIRST_CARDS);
            assert!(
                asked.iter().any(|n| n.starts_with("postings-")),
                "{asked:?}"
            );
        }
    }

    #[test]
    fn a_query_without_hits_says_so() {
        let files = written(50);
        let (html, _) = run(&files, "?q=zzzzqqqq");
        assert!(html.contains("0 articles"), "{html}");
        assert!(html.contains("<p class=\"empty\">"));
    }

    #[test]
    fn a_damaged_file_or_one_not_asked_for_is_refused_and_nothing_is_drawn() {
        let files = written(200);
        let mut first =
            FirstResults::new("?q=num%C3%A9rique", bytes(&files, MANIFEST_NAME)).unwrap();
        let wanted = first.wanted();
        let name = &wanted[0];
        let mut damaged = bytes(&files, name).to_vec();
        let last = damaged.len() - 1;
        damaged[last] ^= 0x55;
        assert!(first.add(name, &damaged).is_err());
        assert!(first.add(name, &damaged[..damaged.len() / 2]).is_err());
        assert_eq!(
            first.add("pack-0000000000000000.bin", b"RQMF"),
            Err(DataError::Unknown {
                file: "pack-0000000000000000.bin".into()
            })
        );
        assert_eq!(first.html(), None);
        assert_eq!(
            FirstResults::new("?q=numerique", b"not a manifest")
                .err()
                .map(|e| matches!(e, Declined::Data(_))),
            Some(true)
        );
        assert_eq!(
            FirstResults::new("?q=numerique&view=chart", bytes(&files, MANIFEST_NAME)).err(),
            Some(Declined::NotThisView)
        );
    }
}
