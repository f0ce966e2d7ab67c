//! Loading a corpus directory (native only: the CLI and tests).
//!
//! A corpus directory holds one article per `*.txt` file (its id is the file name without the
//! extension) and optionally `corpus.toml`, where a maintainer sets or overrides an article's
//! title, date, source and URL:
//!
//! ```toml
//! [003_33d08dc07e69b5e4]
//! title = "La digitalisation en verve dans le Souss"
//! date = "2022-06"          # YYYY, YYYY-MM or YYYY-MM-DD
//! source = "Le Matin"
//! url = "https://example.org/article"
//! ```
//!
//! Every problem is reported (not just the first) as `path:line: message`; nothing panics.

use crate::ingest::{self, IngestError, Overrides};
use raqmi_model::document::Document;
use std::collections::BTreeMap;
use std::path::Path;

/// The name of the optional per-article settings file inside a corpus directory.
pub const SETTINGS_FILE: &str = "corpus.toml";

/// Loads and analyzes every article of `dir`, sorted by id.
pub fn load_dir(dir: &Path) -> Result<Vec<Document>, Vec<IngestError>> {
    let dir_name = dir.display().to_string();
    let io_err = |path: &str, e: std::io::Error| IngestError {
        path: path.to_string(),
        line: 1,
        message: format!("cannot read: {e}"),
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return Err(vec![io_err(&dir_name, e)]),
    };
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_article = path.extension().is_some_and(|e| e == "txt")
                    && entry.file_type().is_ok_and(|t| t.is_file());
                if is_article {
                    files.push(path);
                }
            }
            Err(e) => errors.push(io_err(&dir_name, e)),
        }
    }
    files.sort();

    let settings_path = dir.join(SETTINGS_FILE);
    let settings_name = settings_path.display().to_string();
    let ids: Vec<String> = files.iter().map(|p| file_id(p)).collect();
    let mut overrides = match std::fs::read_to_string(&settings_path) {
        Ok(text) => match parse_settings(&settings_name, &text, &ids) {
            Ok(o) => o,
            Err(mut e) => {
                errors.append(&mut e);
                BTreeMap::new()
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
        Err(e) => {
            errors.push(io_err(&settings_name, e));
            BTreeMap::new()
        }
    };

    let mut documents = Vec::with_capacity(files.len());
    for (path, id) in files.iter().zip(&ids) {
        let name = path.display().to_string();
        let bytes = match read_limited(path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(e.with_path(&name));
                continue;
            }
        };
        let o = overrides.remove(id).unwrap_or_default();
        match ingest::ingest(id, &name, &bytes, &o) {
            Ok(doc) => documents.push(doc),
            Err(e) => errors.push(e),
        }
    }
    if files.is_empty() && errors.is_empty() {
        errors.push(IngestError {
            path: dir_name,
            line: 1,
            message: "no articles (*.txt files) in this directory".into(),
        });
    }
    if errors.is_empty() {
        Ok(documents)
    } else {
        Err(errors)
    }
}

/// The article id of a file: its name without the `.txt` extension.
pub fn file_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Why a file could not be read; the path is attached by the caller.
struct ReadError(IngestError);

impl ReadError {
    fn with_path(mut self, path: &str) -> IngestError {
        self.0.path = path.to_string();
        self.0
    }
}

/// Reads a file, refusing (without reading it all) one larger than an article can be.
fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let fail = |message: String| {
        ReadError(IngestError {
            path: String::new(),
            line: 1,
            message,
        })
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    if meta.len() > ingest::MAX_ARTICLE_BYTES as u64 {
        return Err(fail(format!(
            "file too large ({} bytes; an article may have at most {} bytes)",
            meta.len(),
            ingest::MAX_ARTICLE_BYTES
        )));
    }
    std::fs::read(path).map_err(|e| fail(format!("cannot read: {e}")))
}

/// One article's entry in `corpus.toml`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsEntry {
    title: Option<String>,
    /// Spanned, so a bad date is reported at its own line rather than its table's.
    date: Option<toml::Spanned<String>>,
    source: Option<String>,
    url: Option<String>,
}

/// Parses `corpus.toml`; `ids` are the articles that exist (a key for any other is an error).
pub fn parse_settings(
    path: &str,
    text: &str,
    ids: &[String],
) -> Result<BTreeMap<String, Overrides>, Vec<IngestError>> {
    let line_at = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let err = |line, message: String| IngestError {
        path: path.to_string(),
        line,
        message,
    };
    let table: BTreeMap<String, SettingsEntry> = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_at(s.start));
            let message = e.message().replace('\n', " ");
            return Err(vec![err(line, message)]);
        }
    };
    // Where a table starts, for messages about its values.
    let line_of_key = |key: &str| {
        text.lines()
            .position(|l| {
                let l = l.trim();
                l.starts_with('[') && l.trim_matches(['[', ']', '"', '\'', ' ']) == key
            })
            .map_or(1, |i| i + 1)
    };
    let mut errors = Vec::new();
    let mut out = BTreeMap::new();
    for (id, entry) in table {
        let line = line_of_key(&id);
        if !ids.contains(&id) {
            errors.push(err(
                line,
                format!("no article {id:?} in this corpus (expected the name of a .txt file, without .txt)"),
            ));
            continue;
        }
        let date = match entry.date {
            None => None,
            Some(d) => match ingest::parse_iso_date(d.get_ref()) {
                Some(date) => Some(date),
                None => {
                    errors.push(err(
                        line_at(d.span().start),
                        format!(
                            "invalid date {:?} for {id:?} (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                            d.get_ref()
                        ),
                    ));
                    continue;
                }
            },
        };
        let non_empty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        out.insert(
            id,
            Overrides {
                title: non_empty(entry.title),
                date,
                source: non_empty(entry.source),
                url: non_empty(entry.url),
            },
        );
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> Vec<String> {
        vec!["a".into(), "b".into()]
    }

    #[test]
    fn reads_settings_for_existing_articles() {
        let s =
            parse_settings("c.toml", "[a]\ntitle = \"T\"\ndate = \"2022-06\"\n", &ids()).unwrap();
        assert_eq!(s["a"].title.as_deref(), Some("T"));
        assert_eq!(s["a"].date.map(|d| d.iso()), Some("2022-06".into()));
    }

    #[test]
    fn a_key_for_a_missing_article_is_an_error_at_its_line() {
        let e = parse_settings(
            "seeds/corpus.toml",
            "[a]\ntitle = \"T\"\n\n[zzz]\ntitle = \"x\"\n",
            &ids(),
        )
        .unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(
            e[0].to_string()
                .starts_with("seeds/corpus.toml:4: no article \"zzz\""),
            "{}",
            e[0]
        );
    }

    #[test]
    fn syntax_errors_and_unknown_fields_are_located() {
        let e =
            parse_settings("c.toml", "[a]\ntitle = \"T\"\ntitel = \"x\"\n", &ids()).unwrap_err();
        assert_eq!(e[0].line, 3, "{}", e[0]);
        let e = parse_settings("c.toml", "[a]\n\ntitle = \n", &ids()).unwrap_err();
        assert_eq!(e[0].line, 3, "{}", e[0]);
        let e = parse_settings("c.toml", "[b]\ntitle = \"T\"\ndate = \"2022-13\"\n", &ids())
            .unwrap_err();
        assert!(e[0].message.contains("invalid date"), "{}", e[0]);
        assert_eq!(e[0].line, 3, "the date's own line: {}", e[0]);
    }
}
