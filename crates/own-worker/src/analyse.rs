//! Own articles analysed exactly as the build analyses the corpus (`ingest_text`: metadata,
//! boilerplate, paragraphs, date, figures, names), with the reader's corrections in place of
//! what was detected. Each result carries what the app keeps: the document in the export
//! file's form (`corpus export`'s) and as a one-document snapshot, the form the app already
//! decodes.

use raqmi_extract::ingest::{ingest_text, parse_iso_date, Overrides};
use raqmi_model::document::Document;
use raqmi_own::input::{self, Corrections, Submission};
use raqmi_own::{exchange, Problem};
use raqmi_search::snapshot::Snapshot;

/// An analysed own article, as the app stores it.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysed {
    pub document: Document,
    /// `exchange::document_json`, serialised: the durable form (export, re-analysis).
    pub json: String,
    /// A snapshot of this one document: what the app decodes to show it.
    pub snapshot: Vec<u8>,
}

/// Analyses one submission; a bad corrected date or an article the ingester refuses is a
/// [`Problem`], never a panic.
pub fn analyse(sub: &Submission) -> Result<Analysed, Problem> {
    extract(sub).map(keep)
}

/// The extraction alone (the build's `ingest_text` with the corrections as overrides).
pub fn extract(sub: &Submission) -> Result<Document, Problem> {
    let c = &sub.corrections;
    let date = match &c.date {
        Some(value) => Some(parse_iso_date(value).ok_or_else(|| Problem::BadDate {
            value: value.clone(),
        })?),
        None => None,
    };
    let overrides = Overrides {
        title: c.headline.clone(),
        date,
        source: c.source.clone(),
        url: c.url.clone(),
    };
    let path = sub.file.as_deref().unwrap_or(&sub.id);
    ingest_text(&sub.id, path, &sub.text, &overrides).map_err(|e| Problem::Article {
        line: e.line,
        message: e.message,
    })
}

/// What the app keeps of an analysed document: its export JSON and its snapshot.
pub fn keep(document: Document) -> Analysed {
    let json = exchange::document_json(&document).to_string();
    let snapshot = Snapshot::new(vec![document.clone()]).encode();
    Analysed {
        document,
        json,
        snapshot,
    }
}

/// Pasted text with the dialog's corrections.
pub fn analyse_paste(text: &str, corrections: Corrections) -> Result<Analysed, Problem> {
    analyse(&input::from_paste(text, corrections)?)
}

/// A file's bytes with the dialog's corrections.
pub fn analyse_file(
    name: &str,
    bytes: &[u8],
    corrections: Corrections,
) -> Result<Analysed, Problem> {
    analyse(&input::from_file(name, bytes, corrections)?)
}

/// Every article of an export file, or the first refusal (then none is returned: the app
/// stores nothing from a file it refused). An article's problem is reported as the file's
/// `n`-th document.
pub fn import(file: &str) -> Result<Vec<Analysed>, Problem> {
    exchange::import(file)?
        .iter()
        .enumerate()
        .map(|(i, sub)| {
            analyse(sub).map_err(|p| match p {
                Problem::BadDate { .. } => Problem::BadArticle {
                    n: i + 1,
                    field: "date",
                },
                _ => Problem::BadArticle {
                    n: i + 1,
                    field: "text",
                },
            })
        })
        .collect()
}

/// A stored article's snapshot checked against this version: `None` when it decodes as one own
/// document (nothing to do), else the article analysed again from its stored export JSON (a
/// snapshot written by another app version), or why that JSON was refused.
pub fn refresh(json: &str, snapshot: &[u8]) -> Option<Result<Analysed, Problem>> {
    match Snapshot::decode(snapshot) {
        Ok(s) if s.documents.len() == 1 && input::is_own_id(&s.documents[0].id) => None,
        _ => Some(
            import(&format!("{{\"documents\":[{json}]}}"))
                .and_then(|mut docs| docs.pop().ok_or(Problem::NotAnExport)),
        ),
    }
}

/// The export file of stored articles, from their export JSON (`exchange::export`'s format,
/// without decoding the documents again); a record that is not JSON is left out.
pub fn export_stored(jsons: &[String]) -> String {
    let documents: Vec<serde_json::Value> = jsons
        .iter()
        .filter_map(|j| serde_json::from_str(j).ok())
        .collect();
    let file = serde_json::json!({
        "format": exchange::FORMAT,
        "version": exchange::VERSION,
        "documents": documents,
    });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}
