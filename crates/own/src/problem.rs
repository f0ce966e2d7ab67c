//! Every reason an own article is refused, as data: a message key (`own.problem.*` in
//! `crates/own/i18n/*.txt`) and the values its placeholders take; [`crate::messages`] fills it
//! in the reader's language (a test fills every key in every language). Nothing is stored when
//! any of these is returned.

/// Why an input was refused. Sizes are in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing but whitespace (or nothing at all).
    Empty,
    /// Over [`crate::input::MAX_BYTES`].
    TooLarge { bytes: usize },
    /// Not text: what it looks like ("PDF", "ZIP (DOCX, ODT, XLSX…)", "PNG"…) when known.
    Binary { looks_like: Option<&'static str> },
    /// Text in another encoding than UTF-8: which one it looks like, when known.
    Encoding { looks_like: Option<&'static str> },
    /// A file whose name does not end in .txt, .html, .htm or .md.
    FileType { name: String },
    /// An HTML page with no text once scripts, styles and tags are removed.
    NoText,
    /// The extraction core refused the text (a malformed date line…): its line and message.
    Article { line: usize, message: String },
    /// A corrected date that is not YYYY, YYYY-MM or YYYY-MM-DD.
    BadDate { value: String },
    /// An import file that is not JSON, or JSON without a `documents` list.
    NotAnExport,
    /// An import file written by a newer version of Raqmi.
    NewerFormat { version: u64 },
    /// An import file whose `n`-th document (1-based) lacks a field or has a wrong one.
    BadArticle { n: usize, field: &'static str },
}

impl Problem {
    /// The i18n key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            Problem::Empty => "own.problem.empty",
            Problem::TooLarge { .. } => "own.problem.too_large",
            Problem::Binary {
                looks_like: Some(_),
            } => "own.problem.binary",
            Problem::Binary { looks_like: None } => "own.problem.binary_unknown",
            Problem::Encoding {
                looks_like: Some(_),
            } => "own.problem.encoding",
            Problem::Encoding { looks_like: None } => "own.problem.encoding_unknown",
            Problem::FileType { .. } => "own.problem.file_type",
            Problem::NoText => "own.problem.no_text",
            Problem::Article { .. } => "own.problem.article",
            Problem::BadDate { .. } => "own.problem.bad_date",
            Problem::NotAnExport => "own.problem.not_an_export",
            Problem::NewerFormat { .. } => "own.problem.newer_format",
            Problem::BadArticle { .. } => "own.problem.bad_article",
        }
    }

    /// The values of the message's placeholders.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Problem::Empty | Problem::NoText | Problem::NotAnExport => vec![],
            Problem::TooLarge { bytes } => vec![
                ("size", megabytes(*bytes)),
                ("max", megabytes(crate::input::MAX_BYTES)),
            ],
            Problem::Binary { looks_like } | Problem::Encoding { looks_like } => {
                looks_like.iter().map(|k| ("kind", k.to_string())).collect()
            }
            Problem::FileType { name } => vec![("name", name.clone())],
            Problem::Article { line, message } => {
                vec![("line", line.to_string()), ("message", message.clone())]
            }
            Problem::BadDate { value } => vec![("value", value.clone())],
            Problem::NewerFormat { version } => vec![
                ("version", version.to_string()),
                ("supported", crate::exchange::VERSION.to_string()),
            ],
            Problem::BadArticle { n, field } => {
                vec![("n", n.to_string()), ("field", field.to_string())]
            }
        }
    }
}

/// A size in megabytes (MiB) with one decimal, rounded up so that a refused size never reads
/// as the limit itself ("5.1"); the unit is in the message.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10).div_ceil(1_048_576);
    format!("{}.{}", tenths / 10, tenths % 10)
}
