//! Loading the corpus from its data files (`raqmi_search::files`): which files the app fetches,
//! the corpus they make, and what a failed file tells the reader, in their language. The
//! fetching itself is the web app's (`src/data.rs`); everything else is here, tested natively.
//!
//! Two steps: at start the tables and the packs ([`files_for_start`]), enough for every view
//! of a query without words (the default view, filters, facets, charts); the term files
//! (dictionary, postings, stems) when the first query with words needs them
//! ([`files_to_fetch`], then [`corpus_of`]).

use crate::corpus::Corpus;
use crate::i18n::strings;
use crate::url::Lang;
use raqmi_search::files::{needs_terms, DataError, FileRef, Need, ShardedCorpus};
use raqmi_search::snapshot::Snapshot;

/// Where the data files are, relative to the page (`corpus data` writes them there at build
/// time, `scripts/post-build.mjs`).
pub const DATA_DIR: &str = "./data/";

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
                DataError::WrongLength { file, .. }
                | DataError::WrongHash { file }
                | DataError::NotADataFile { file }
                | DataError::WrongVersion { file, .. }
                | DataError::WrongKind { file }
                | DataError::Corrupt { file, .. }
                | DataError::Unknown { file } => file.clone(),
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
/// needs (see [`ShardedCorpus::whole`]).
pub fn files_to_fetch(corpus: &ShardedCorpus) -> Vec<(FileRef, String)> {
    corpus
        .missing_for_whole()
        .into_iter()
        .map(|r| (r, file_url(&corpus.manifest().name(r))))
        .collect()
}

/// The files the app fetches at start, after the manifest: the tables and the packs (see
/// [`ShardedCorpus::without_terms`]).
pub fn files_for_start(corpus: &ShardedCorpus) -> Vec<(FileRef, String)> {
    corpus
        .missing_for_tables()
        .into_iter()
        .map(|r| (r, file_url(&corpus.manifest().name(r))))
        .collect()
}

/// The corpus without its index's terms, once every file of [`files_for_start`] was added:
/// right for every state [`answers`] accepts.
pub fn corpus_without_terms(files: &ShardedCorpus) -> Result<Corpus, Need> {
    let (documents, index) = files.without_terms()?;
    let mut corpus = Corpus::new(Snapshot { documents, index });
    corpus.terms = false;
    Ok(corpus)
}

/// Whether `corpus` answers `query` as the whole corpus would (else the term files are due).
pub fn answers(corpus: &Corpus, query: &str) -> bool {
    corpus.terms || !needs_terms(query)
}

/// The corpus as the views hold it, once every file of [`files_to_fetch`] was added.
pub fn corpus_of(files: &ShardedCorpus) -> Result<Corpus, Need> {
    let (documents, index) = files.whole()?;
    Ok(Corpus::new(Snapshot { documents, index }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use raqmi_search::files::{write_files, FileOptions, MANIFEST_NAME};
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

    #[test]
    fn the_seeds_start_without_their_term_files_and_answer_queries_without_words() {
        let files = seed_files();
        let mut c = ShardedCorpus::from_manifest(&files[0].bytes).unwrap();
        let add = |c: &mut ShardedCorpus, wanted: Vec<(FileRef, String)>| {
            for (r, url) in wanted {
                let name = url.strip_prefix(DATA_DIR).unwrap();
                let f = files.iter().find(|f| f.name == name).expect("written");
                c.add(r, &f.bytes).unwrap();
            }
        };
        let start = files_for_start(&c);
        assert!(start
            .iter()
            .all(|(_, u)| !u.contains("dict-") && !u.contains("postings-")));
        add(&mut c, start);
        let light = corpus_without_terms(&c).expect("start files added");
        let want = crate::corpus::seed_corpus();
        assert!(!light.terms && want.terms);
        assert_eq!(light.docs, want.docs);
        assert_eq!(light.years, want.years);
        for q in ["", "  "] {
            assert!(answers(&light, q));
            let state = crate::url::ViewState {
                q: q.to_string(),
                ..crate::url::ViewState::default()
            };
            assert_eq!(light.search(&state), want.search(&state));
        }
        assert!(!answers(&light, "startups") && answers(&want, "startups"));
        // The rest arrives for the first word typed: then the whole corpus.
        let rest = files_to_fetch(&c);
        assert!(!rest.is_empty() && rest.iter().all(|(_, u)| !u.contains("pack-")));
        add(&mut c, rest);
        let whole = corpus_of(&c).expect("every file added");
        assert_eq!(whole.index, want.index);
        assert!(whole.terms);
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
