//! The corpus with the reader's own articles in it, made here, in the worker, so that the app
//! carries no code of its own for them (issue 16: the first load grows by 2 KB at most):
//! [`corpus_files`] joins the corpus's documents (read from the app's data files,
//! `data.rs`) and the stored one-document snapshots of the own articles, rebuilds the index
//! and writes the whole as data files (`raqmi_search::files`), which the app reads with the
//! very code that reads its own (`raqmi_explorer::own`). [`merge`] does the same into one
//! snapshot (the worker's `merge` request; not used by the app).
//!
//! An own article's snapshot written by another app version (another snapshot format) is not
//! an error: it is reported as stale, and the worker analyses that article again from its
//! stored export JSON (the durable form) when it lists them.

use raqmi_model::document::Document;
use raqmi_own::input::is_own_id;
use raqmi_search::files::{write_files, FileOptions, WrittenFile};
use raqmi_search::index::SearchIndex;
use raqmi_search::snapshot::Snapshot;

/// The merged snapshot, and the positions (in the `own` list given) of the stale snapshots.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub snapshot: Vec<u8>,
    pub stale: Vec<usize>,
}

/// Merges the bundled corpus with own articles: the corpus's documents first, in their order,
/// then the own ones; an own id seen twice keeps its last version, and an own document can
/// never replace a corpus document (own ids are `own-…`, the corpus's are file names).
pub fn merge(bundled: &[u8], own: &[&[u8]]) -> Result<Merged, String> {
    let documents = Snapshot::decode(bundled)
        .map_err(|e| format!("the app's corpus: {e}"))?
        .documents;
    let (documents, stale) = join(documents, own);
    Ok(Merged {
        snapshot: Snapshot::new(documents).encode(),
        stale,
    })
}

/// The corpus's documents followed by the own articles' (as [`merge`] orders them), as data
/// files: the manifest first, one file of each kind (the app receives them all at once, so
/// cutting them into shards would only add names), the index built here. With the positions of
/// the stale snapshots, left out.
pub fn corpus_files(corpus: Vec<Document>, own: &[&[u8]]) -> (Vec<WrittenFile>, Vec<usize>) {
    let (documents, stale) = join(corpus, own);
    let index = SearchIndex::build(&documents);
    let whole = FileOptions {
        dict_bytes: usize::MAX,
        postings_bytes: usize::MAX,
        stem_bytes: usize::MAX,
        pack_bytes: usize::MAX,
    };
    (write_files(&documents, &index, whole), stale)
}

/// `documents` followed by the own articles decoded from `own`, and the positions of the
/// stale snapshots.
fn join(mut documents: Vec<Document>, own: &[&[u8]]) -> (Vec<Document>, Vec<usize>) {
    let corpus_len = documents.len();
    let mut stale = Vec::new();
    for (i, bytes) in own.iter().enumerate() {
        let docs = match Snapshot::decode(bytes) {
            Ok(s) if s.documents.iter().all(|d| is_own_id(&d.id)) => s.documents,
            _ => {
                stale.push(i);
                continue;
            }
        };
        for doc in docs {
            match documents[corpus_len..].iter().position(|d| d.id == doc.id) {
                Some(p) => documents[corpus_len + p] = doc,
                None => documents.push(doc),
            }
        }
    }
    (documents, stale)
}
