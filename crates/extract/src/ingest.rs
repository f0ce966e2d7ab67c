//! Ingest: one article file's bytes -> one analyzed [`Document`].
//!
//! It owns everything between the raw file and the text the extractors see, one concern per
//! module, put together by [`ingest`] and [`ingest_text`] (which are here, with the error and
//! override types):
//! - `decoding`: UTF-8 only; a BOM and CRLF/CR line ends are accepted; binary, empty, oversized
//!   and non-UTF-8 files are refused with `path:line: message`;
//! - `metadata` carried by the text itself: a leading ` date YYYY[-MM[-DD]]` line, a
//!   "Publié dans <source> le DD - MM - YYYY" dateline; a date guessed from the text when none
//!   is stated (marked [`DateOrigin::Inferred`]);
//! - `boilerplate` removal by general rules: tickers (a line made of several short
//!   headline-like segments separated by wide runs of spacing) and known site-chrome lines from
//!   `data/boilerplate.txt`;
//! - `paragraphs` with their role (a headline standing alone on the first line, subheadings,
//!   the dateline, body text) and sentences, as byte spans of the cleaned text, which the
//!   figure and entity extractors then annotate.

mod boilerplate;
mod decoding;
pub(crate) mod metadata;
mod paragraphs;

#[cfg(test)]
mod tests;

pub use decoding::{decode, MAX_ARTICLE_BYTES};
pub use metadata::parse_iso_date;

use crate::{entities, figures};
use boilerplate::{is_chrome, is_ticker};
use metadata::{infer_year, parse_dateline};
use paragraphs::{is_headline_like, normalize_spaces, split_sentences};
use raqmi_model::document::{Date, DateOrigin, Document, Paragraph, ParagraphRole, Span};
use std::fmt;

/// A problem with an input, located as `path:line: message` (line 1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IngestError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

impl std::error::Error for IngestError {}

/// Values a maintainer sets for one article (from `corpus.toml`); they win over the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Reads and analyzes one article. `id` is the file name without extension; `path` is only
/// used in messages.
pub fn ingest(
    id: &str,
    path: &str,
    bytes: &[u8],
    overrides: &Overrides,
) -> Result<Document, IngestError> {
    let text = decode(path, bytes)?;
    ingest_text(id, path, &text, overrides)
}

/// A line of the source, kept with its 1-based number for messages.
struct SourceLine<'a> {
    number: usize,
    text: &'a str,
}

/// Analyzes decoded article text (see the module header for the rules).
pub fn ingest_text(
    id: &str,
    path: &str,
    source: &str,
    overrides: &Overrides,
) -> Result<Document, IngestError> {
    let err = |line, message: String| IngestError {
        path: path.to_string(),
        line,
        message,
    };
    let mut lines: Vec<SourceLine> = source
        .split('\n')
        .enumerate()
        .map(|(i, text)| SourceLine {
            number: i + 1,
            text,
        })
        .collect();

    // 1. A leading ` date YYYY-MM` marker (the rest of its line may already be article text).
    let mut stated_date = None;
    if let Some(first) = lines.iter_mut().find(|l| !l.text.trim().is_empty()) {
        let trimmed = first.text.trim_start();
        if let Some(rest) = trimmed.strip_prefix("date ") {
            let rest = rest.trim_start();
            let value_len = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
            let value = &rest[..value_len];
            let date = parse_iso_date(value).ok_or_else(|| {
                err(
                    first.number,
                    format!(
                        "invalid date {value:?} in the date line (expected YYYY, YYYY-MM or YYYY-MM-DD)"
                    ),
                )
            })?;
            stated_date = Some(date);
            first.text = &rest[value_len..];
        }
    }

    // 2. Boilerplate: tickers and site chrome go; everything else stays.
    lines.retain(|l| !is_ticker(l.text) && !is_chrome(l.text));

    // 3. Paragraphs: every non-blank line is one; a blank line is only a separator.
    let kept: Vec<&SourceLine> = lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
    if kept.is_empty() {
        return Err(err(
            1,
            "no article text once site boilerplate is removed".to_string(),
        ));
    }

    let mut source_name = None;
    let mut out = String::with_capacity(source.len());
    let mut paragraphs = Vec::with_capacity(kept.len());
    for (i, line) in kept.iter().enumerate() {
        let para = normalize_spaces(line.text.trim());
        let role = if let Some((name, date)) = parse_dateline(&para) {
            source_name.get_or_insert(name);
            if let Some(date) = date {
                stated_date = Some(date);
            } else {
                return Err(err(
                    line.number,
                    format!("invalid date in the dateline {para:?} (expected DD - MM - YYYY)"),
                ));
            }
            ParagraphRole::Dateline
        } else if i == 0 && kept.len() > 1 && is_headline_like(&para) {
            ParagraphRole::Headline
        } else if i + 1 < kept.len() && is_headline_like(&para) && para.chars().count() <= 120 {
            ParagraphRole::Subheading
        } else {
            ParagraphRole::Body
        };
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let start = out.len();
        out.push_str(&para);
        paragraphs.push(Paragraph {
            span: Span::new(start, out.len()),
            role,
        });
    }

    let headline = paragraphs
        .iter()
        .find(|p| p.role == ParagraphRole::Headline)
        .map(|p| out[p.span.range()].to_string());
    let sentences = paragraphs
        .iter()
        .flat_map(|p| split_sentences(&out, *p))
        .collect();

    let (date, date_origin) = match (overrides.date, stated_date) {
        (Some(d), _) | (None, Some(d)) => (Some(d), DateOrigin::Stated),
        (None, None) => (infer_year(&out), DateOrigin::Inferred),
    };

    let figures = figures::extract_figures(&out);
    let entities = entities::extract_entities(&out);
    let mut doc = Document {
        id: id.to_string(),
        headline: overrides.title.clone().or(headline),
        date,
        date_origin,
        source: overrides.source.clone().or(source_name),
        url: overrides.url.clone(),
        text: out,
        paragraphs,
        sentences,
        figures,
        entities,
    };
    crate::meaning::annotate(&mut doc);
    Ok(doc)
}

/// Analyses `text` as it is, without cleaning it, so that every offset is an offset into
/// `text` (what `corpus extract` promises): each non-blank line is a body paragraph, split into
/// sentences as [`ingest_text`] does; no headline or source. The date, which the figures'
/// periods fall back on, is read as [`ingest_text`] reads it: a leading ` date YYYY-MM`, a
/// "Publié dans … le DD - MM - YYYY" line, else a year guessed from the text.
pub fn analyse_raw(id: &str, text: &str) -> Document {
    let date_line = text
        .trim_start()
        .strip_prefix("date ")
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(parse_iso_date);
    let dateline = || {
        text.lines()
            .find_map(|l| parse_dateline(&normalize_spaces(l.trim())).and_then(|(_, d)| d))
    };
    let (date, date_origin) = match date_line.or_else(dateline) {
        Some(d) => (Some(d), DateOrigin::Stated),
        None => (infer_year(text), DateOrigin::Inferred),
    };
    let mut paragraphs = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        if !trimmed.trim().is_empty() {
            paragraphs.push(Paragraph {
                span: Span::new(at + lead, at + trimmed.len()),
                role: ParagraphRole::Body,
            });
        }
        at += line.len();
    }
    let sentences = paragraphs
        .iter()
        .flat_map(|p| split_sentences(text, *p))
        .collect();
    let mut doc = Document {
        id: id.to_string(),
        headline: None,
        date,
        date_origin,
        source: None,
        url: None,
        text: text.to_string(),
        paragraphs,
        sentences,
        figures: figures::extract_figures(text),
        entities: entities::extract_entities(text),
    };
    crate::meaning::annotate(&mut doc);
    doc
}
