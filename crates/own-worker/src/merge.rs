//! The corpus with the reader's own articles in it: the app's bundled snapshot and the stored
//! one-document snapshots of its own articles become one snapshot, index rebuilt, that the app
//! decodes like the bundled one. The index builder then runs here, in the worker: the app
//! links only the decoder it already has, and its first load does not grow.
//!
//! An own article's snapshot written by another app version (another snapshot format) is not
//! an error: it is reported as stale, and the app analyses that article again from its stored
//! export JSON (the durable form) before merging once more.

use raqmi_own::input::is_own_id;
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
    let mut documents = Snapshot::decode(bundled)
        .map_err(|e| format!("the app's corpus: {e}"))?
        .documents;
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
    Ok(Merged {
        snapshot: Snapshot::new(documents).encode(),
        stale,
    })
}
