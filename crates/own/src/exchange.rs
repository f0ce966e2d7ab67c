//! The export file of own articles and its import. The file is `corpus export`'s document
//! (`{"documents": [...]}`, each document as `corpus export` writes it: character offsets,
//! figures, names) with two more top-level fields, `"format": "raqmi-own-articles"` and
//! `"version"`. A `corpus export` file (no format, no version) is read as version 1.
//!
//! Import reads back what an analysis needs (text, headline, date unless it was inferred,
//! source, address) and the extraction worker analyses it again with this version's code:
//! figures and names are never trusted from a file, and an article exported by an older
//! version gains what the extractors have learnt since. Import is all or nothing: one bad
//! document refuses the file.

use crate::input::{is_own_id, own_id, Corrections, Submission, MAX_BYTES};
use crate::problem::Problem;
use raqmi_model::document::Document;
pub use raqmi_model::json::document_json;
use serde_json::{json, Map, Value};

/// The `format` field of an export file.
pub const FORMAT: &str = "raqmi-own-articles";
/// The newest format version this build writes and reads. Raise it when a field changes
/// meaning; an older build then says the file is newer than it instead of misreading it.
pub const VERSION: u64 = 1;

/// The export file of `docs`, pretty-printed.
pub fn export(docs: &[Document]) -> String {
    let documents: Vec<Value> = docs.iter().map(document_json).collect();
    let file = json!({ "format": FORMAT, "version": VERSION, "documents": documents });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The articles of an export file, ready to be analysed, or why the file is refused.
pub fn import(file: &str) -> Result<Vec<Submission>, Problem> {
    if file.len() > 20 * MAX_BYTES {
        return Err(Problem::TooLarge { bytes: file.len() });
    }
    let Ok(Value::Object(top)) = serde_json::from_str::<Value>(file) else {
        return Err(Problem::NotAnExport);
    };
    match top.get("format") {
        None => {}
        Some(Value::String(f)) if f == FORMAT => {}
        Some(_) => return Err(Problem::NotAnExport),
    }
    let version = match top.get("version") {
        None => 1,
        Some(v) => v.as_u64().ok_or(Problem::NotAnExport)?,
    };
    if version > VERSION {
        return Err(Problem::NewerFormat { version });
    }
    let Some(Value::Array(documents)) = top.get("documents") else {
        return Err(Problem::NotAnExport);
    };
    documents
        .iter()
        .enumerate()
        .map(|(i, d)| submission(i + 1, d))
        .collect()
}

/// One exported document back to what its analysis needs.
fn submission(n: usize, doc: &Value) -> Result<Submission, Problem> {
    let bad = |field| Problem::BadArticle { n, field };
    let Value::Object(doc) = doc else {
        return Err(bad("text"));
    };
    let text = match doc.get("text") {
        Some(Value::String(t)) if !t.trim().is_empty() => t.clone(),
        _ => return Err(bad("text")),
    };
    if text.len() > MAX_BYTES {
        return Err(Problem::TooLarge { bytes: text.len() });
    }
    let headline = optional_string(doc, "headline").map_err(|_| bad("headline"))?;
    let source = optional_string(doc, "source").map_err(|_| bad("source"))?;
    let url = optional_string(doc, "url").map_err(|_| bad("url"))?;
    let date = optional_string(doc, "date").map_err(|_| bad("date"))?;
    let inferred = match doc.get("date_inferred") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(bad("date_inferred")),
    };
    let id = match doc.get("id") {
        Some(Value::String(id)) if is_own_id(id) => id.clone(),
        _ => own_id(&text),
    };
    Ok(Submission {
        id,
        text,
        file: None,
        corrections: Corrections {
            headline,
            // An inferred date is guessed again from the same text.
            date: date.filter(|_| !inferred),
            source,
            url,
        },
    })
}

/// A field that may be absent or null, else a string.
fn optional_string(doc: &Map<String, Value>, field: &str) -> Result<Option<String>, ()> {
    match doc.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(()),
    }
}
