//! Ingest: one article file's bytes -> one analyzed [`Document`].
//!
//! It owns everything between the raw file and the text the extractors see:
//! - decoding (UTF-8 only; a BOM and CRLF/CR line ends are accepted; binary, empty, oversized and
//!   non-UTF-8 files are refused with `path:line: message`);
//! - metadata carried by the text itself: a leading ` date YYYY[-MM[-DD]]` line, a
//!   "Publié dans <source> le DD - MM - YYYY" dateline, a headline standing alone on the first
//!   line; a date guessed from the text when none is stated (marked [`DateOrigin::Inferred`]);
//! - boilerplate removal by general rules: tickers (a line made of several short headline-like
//!   segments separated by wide runs of spacing) and known site-chrome lines from
//!   `data/boilerplate.txt`;
//! - paragraphs (with their role) and sentences, as byte spans of the cleaned text, which the
//!   figure and entity extractors then annotate.

use crate::{entities, figures};
use raqmi_model::document::{Date, DateOrigin, Document, Paragraph, ParagraphRole, Span};
use raqmi_model::text;
use std::fmt;
use std::sync::OnceLock;

/// Largest article accepted. News articles are a few KB; anything near this is a mistake (a
/// dump, a binary renamed .txt) that would bloat the bundled snapshot.
pub const MAX_ARTICLE_BYTES: usize = 4 * 1024 * 1024;

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

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real calendar check.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let year = parse_fixed(parts.next()?, 4)? as u16;
    let month = match parts.next() {
        Some(m) => Some(parse_fixed(m, 2)? as u8),
        None => None,
    };
    let day = match parts.next() {
        Some(d) => Some(parse_fixed(d, 2)? as u8),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    let date = Date { year, month, day };
    valid_date(date).then_some(date)
}

fn parse_fixed(s: &str, digits: usize) -> Option<u32> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn valid_date(d: Date) -> bool {
    if !(1900..=2100).contains(&d.year) {
        return false;
    }
    let Some(m) = d.month else {
        return d.day.is_none();
    };
    if !(1..=12).contains(&m) {
        return false;
    }
    match d.day {
        None => true,
        Some(day) => {
            let leap = d.year.is_multiple_of(4)
                && (!d.year.is_multiple_of(100) || d.year.is_multiple_of(400));
            let days = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            (1..=days[m as usize - 1]).contains(&day)
        }
    }
}

/// Decodes an article file: refuses what is not UTF-8 text, strips a BOM, unifies line ends.
pub fn decode(path: &str, bytes: &[u8]) -> Result<String, IngestError> {
    let err = |line, message: String| IngestError {
        path: path.to_string(),
        line,
        message,
    };
    let line_of = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    if bytes.is_empty() {
        return Err(err(1, "empty file: an article needs some text".into()));
    }
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(err(
            1,
            format!(
                "file too large ({} bytes; an article may have at most {} bytes)",
                bytes.len(),
                MAX_ARTICLE_BYTES
            ),
        ));
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(err(
            line_of(nul),
            format!("binary file (NUL byte at byte {nul}): an article must be UTF-8 text"),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let line_start = bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&bytes[line_start..at])
                .chars()
                .count()
                + 1;
            let byte = bytes[at];
            let hint = if looks_like_windows_1252(bytes) {
                "; it looks like Windows-1252 or Latin-1: convert it with \
                 `iconv -f WINDOWS-1252 -t UTF-8`"
            } else {
                ""
            };
            return Err(err(
                line_of(at),
                format!("not valid UTF-8 (byte 0x{byte:02X} at column {column}){hint}"),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((i, c)) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return Err(err(
            line_of(i + (bytes.len() - text.len())),
            format!(
                "binary file (control character U+{:04X}): an article must be text",
                c as u32
            ),
        ));
    }
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    if text.trim().is_empty() {
        return Err(err(1, "no text: the file holds only whitespace".into()));
    }
    Ok(text)
}

/// Windows-1252 French text: high bytes that are not valid UTF-8 sequences, mostly in the
/// Latin-1 letter range (é = 0xE9, à = 0xE0, ’ = 0x92 ...). A UTF-8 file with a few corrupt
/// bytes among many well-formed accented letters is not Windows-1252.
fn looks_like_windows_1252(bytes: &[u8]) -> bool {
    let (mut invalid, mut latin, mut multibyte) = (0usize, 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        for &b in chunk.invalid() {
            invalid += 1;
            if (0xC0..=0xFF).contains(&b) || matches!(b, 0x92 | 0x93 | 0x94 | 0x96 | 0x9C) {
                latin += 1;
            }
        }
    }
    invalid > 0 && latin * 2 >= invalid && multibyte < invalid
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
    Ok(Document {
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
    })
}

/// Collapses the wide spacing some sites use (runs of spaces, no-break spaces) to one space,
/// keeping a single no-break space where it is typographic (before « : ; ! ? » or inside a
/// number), since the figure extractor reads "1 200" with its no-break space.
fn normalize_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending: Option<char> = None;
    for c in s.chars() {
        if c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\t' {
            pending = match pending {
                None => Some(if c == '\t' { ' ' } else { c }),
                // A run of several spaces is spacing, not typography: one plain space.
                Some(_) => Some(' '),
            };
        } else {
            if let Some(p) = pending.take() {
                out.push(p);
            }
            out.push(c);
        }
    }
    out
}

/// A ticker line: at least three segments separated by wide gaps (three or more whitespace
/// characters in a row), each segment the size of a headline (no longer than 300 characters,
/// and on average at least 15: a few words spaced out are not headlines).
fn is_ticker(line: &str) -> bool {
    let mut segments = 0;
    let mut total = 0;
    let mut longest = 0;
    let mut current = 0;
    let mut gap = 0;
    for c in line.chars() {
        if c.is_whitespace() {
            gap += 1;
            continue;
        }
        if gap >= 3 && current > 0 {
            segments += 1;
            longest = longest.max(current);
            current = 0;
        }
        gap = 0;
        current += 1;
        total += 1;
    }
    if current > 0 {
        segments += 1;
        longest = longest.max(current);
    }
    segments >= 3 && longest <= 300 && total >= 15 * segments
}

enum ChromeRule {
    Exact(String),
    Prefix(String),
}

/// The site-chrome phrases of `data/boilerplate.txt`, parsed once.
fn chrome_rules() -> &'static [ChromeRule] {
    static RULES: OnceLock<Vec<ChromeRule>> = OnceLock::new();
    RULES.get_or_init(|| {
        parse_chrome_rules(include_str!("../data/boilerplate.txt"))
            .expect("data/boilerplate.txt is checked by a unit test")
    })
}

fn parse_chrome_rules(data: &str) -> Result<Vec<ChromeRule>, String> {
    let mut rules = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let rule = match line.split_once('\t') {
            Some(("exact", p)) if !p.trim().is_empty() => ChromeRule::Exact(fold_line(p)),
            Some(("prefix", p)) if !p.trim().is_empty() => ChromeRule::Prefix(fold_line(p)),
            _ => {
                return Err(format!(
                    "data/boilerplate.txt:{}: expected `exact<TAB>phrase` or `prefix<TAB>phrase`",
                    i + 1
                ))
            }
        };
        rules.push(rule);
    }
    Ok(rules)
}

/// Folded, trimmed, single-spaced form of a line.
fn fold_line(s: &str) -> String {
    text::fold(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_chrome(line: &str) -> bool {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.len() > 200 {
        return false;
    }
    let folded = fold_line(trimmed);
    chrome_rules().iter().any(|rule| match rule {
        ChromeRule::Exact(p) => folded == *p,
        ChromeRule::Prefix(p) => folded.starts_with(p.as_str()),
    })
}

/// "Publié dans Les ECO le 12 - 04 - 2021" -> ("Les ECO", the date). The date is `None` when
/// the line has the shape of a dateline but its date is not a real one.
fn parse_dateline(line: &str) -> Option<(String, Option<Date>)> {
    let rest = ["Publié dans ", "Publie dans ", "Paru dans "]
        .iter()
        .find_map(|p| line.strip_prefix(p))?;
    let le = rest.rfind(" le ")?;
    let source = rest[..le].trim();
    if source.is_empty() || source.chars().count() > 80 {
        return None;
    }
    let parts: Vec<&str> = rest[le + 4..]
        .split(['-', '/', '.'])
        .map(str::trim)
        .collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let date = match (num(parts[0]), num(parts[1]), num(parts[2])) {
        (Some(d), Some(m), Some(y)) if d <= 31 && m <= 12 && (1000..=9999).contains(&y) => {
            let date = Date {
                year: y as u16,
                month: Some(m as u8),
                day: Some(d as u8),
            };
            valid_date(date).then_some(date)
        }
        _ => None,
    };
    Some((source.to_string(), date))
}

/// A short line that does not read as a sentence of running text: a headline or subheading.
fn is_headline_like(line: &str) -> bool {
    let chars = line.chars().count();
    (3..=160).contains(&chars)
        && !line.ends_with(['.', ',', ';', ':', '…'])
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '«' || c == '"')
}

/// Abbreviations after which a period does not end a sentence (folded, without the period).
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "etc", "cf", "p", "n", "no",
    "vol", "av", "bd", "sm", "s.m", "j.-c", "ex", "env", "hab",
];

/// Splits a paragraph into sentences. A sentence ends at . ! ? or … (with any closing quotes
/// or brackets) followed by a space and a capital, a digit or an opening quote; a period after
/// a known abbreviation or a single capital letter ("M. Charaf", "H.Z") does not end one.
/// Headlines, datelines and subheadings are one sentence each.
fn split_sentences(text: &str, para: Paragraph) -> Vec<Span> {
    let p = &text[para.span.range()];
    let base = para.span.start as usize;
    if para.role != ParagraphRole::Body {
        return vec![para.span];
    }
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Extend over repeated terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '…' | '»' | '"' | '”' | ')' | '’'
                )
            {
                j += 1;
            }
            // Skip spaces (incl. no-break ones).
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let boundary = k > j
                && k < chars.len()
                && {
                    let n = chars[k].1;
                    n.is_uppercase() || n.is_ascii_digit() || matches!(n, '«' | '"' | '“' | '(')
                }
                && !(c == '.' && j == i + 1 && is_abbreviation(&p[..at]));
            if boundary {
                let end = if j < chars.len() { chars[j].0 } else { p.len() };
                spans.push(Span::new(base + start, base + end));
                start = chars[k].0;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    let rest = p[start..].trim_end();
    if !rest.is_empty() {
        spans.push(Span::new(base + start, base + start + rest.len()));
    }
    spans
}

/// True when the word just before a period is an abbreviation (or a lone capital: an initial).
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '«')
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    if let (Some(first), None) = (letters.next(), letters.next()) {
        if first.is_uppercase() {
            return true;
        }
    }
    let folded = text::fold(word);
    ABBREVIATIONS.contains(&folded.as_str())
}

/// Guesses the year of an article that states no date: the first year-like number that reads
/// as a date or an edition ("Devoxx 2022", "en 2021", "mars 2023"), not a count ("2000
/// jeunes"). Returns `None` when the text gives no such hint.
fn infer_year(text: &str) -> Option<Date> {
    let toks: Vec<text::Token> = text::tokens(text).collect();
    for (i, t) in toks.iter().enumerate() {
        if t.text.len() != 4 || !t.text.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(year) = t.text.parse::<u16>() else {
            continue;
        };
        if !(1990..=2099).contains(&year) {
            continue;
        }
        // A lowercase word right after makes it a count ("2000 jeunes").
        let next_is_noun = toks.get(i + 1).is_some_and(|n| {
            n.text.chars().next().is_some_and(char::is_lowercase)
                && text[t.end..n.start].chars().all(char::is_whitespace)
        });
        if next_is_noun {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| toks[j].text);
        let reads_as_date = prev.is_some_and(|p| {
            let f = text::fold(p);
            p.chars().next().is_some_and(char::is_uppercase)
                || MONTHS.contains(&f.as_str())
                || matches!(f.as_str(), "en" | "depuis" | "an" | "annee" | "edition")
        });
        if reads_as_date {
            return Some(Date {
                year,
                month: None,
                day: None,
            });
        }
    }
    None
}

const MONTHS: &[&str] = &[
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(source: &str) -> Document {
        ingest_text("t", "t.txt", source, &Overrides::default()).expect("valid article")
    }

    fn texts<'a>(d: &'a Document, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| d.slice(*s)).collect()
    }

    #[test]
    fn boilerplate_data_file_parses() {
        assert!(parse_chrome_rules(include_str!("../data/boilerplate.txt")).is_ok());
        let err = parse_chrome_rules("# c\nexact\tok\nsuffix\tbad\n")
            .err()
            .unwrap();
        assert!(err.starts_with("data/boilerplate.txt:3:"), "{err}");
    }

    #[test]
    fn reads_a_leading_date_line_on_the_same_line_as_text() {
        let d = doc(" date 2024-10 L’Association a tenu ses Assises.\n\nDeuxième paragraphe.");
        assert_eq!(d.date.map(|d| d.iso()), Some("2024-10".into()));
        assert_eq!(d.date_origin, DateOrigin::Stated);
        assert!(d.text.starts_with("L’Association"));
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn refuses_an_impossible_date_line_with_its_line_number() {
        let e = ingest_text(
            "t",
            "seeds/t.txt",
            "\n date 2024-13 Texte.",
            &Overrides::default(),
        )
        .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.to_string()
                .starts_with("seeds/t.txt:2: invalid date \"2024-13\""),
            "{e}"
        );
    }

    #[test]
    fn reads_headline_and_dateline() {
        let d = doc("Digitalisation : l'APEBI lance des think tanks\nPublié dans Les ECO le 12 - 04 - 2021\n\nPour commencer, trois groupes.");
        assert_eq!(
            d.headline.as_deref(),
            Some("Digitalisation : l'APEBI lance des think tanks")
        );
        assert_eq!(d.source.as_deref(), Some("Les ECO"));
        assert_eq!(d.date.map(|d| d.iso()), Some("2021-04-12".into()));
        let roles: Vec<_> = d.paragraphs.iter().map(|p| p.role).collect();
        assert_eq!(
            roles,
            [
                ParagraphRole::Headline,
                ParagraphRole::Dateline,
                ParagraphRole::Body
            ]
        );
    }

    #[test]
    fn a_long_first_paragraph_is_not_a_headline() {
        let d = doc(" date 2023-04 C’est par un ftour que l’AUSIM a fêté son anniversaire, qui compte beaucoup pour elle.\n\nSuite.");
        assert_eq!(d.headline, None);
    }

    #[test]
    fn drops_tickers_and_site_chrome() {
        let gap = "\u{a0} \u{a0} \u{a0} \u{a0} ";
        let ticker = format!("Sahara : une nouvelle{gap}Mondial 2026 : Le Maroc bat le Niger{gap}681 condamnés graciés{gap}");
        let src = format!("{ticker}\n\n\nMerci d'avoir signalé!\nCette image sera automatiquement bloquée.\n\nLe vrai titre\n\nLe vrai texte de l’article.\n\nCliquez ici pour lire l'article depuis sa source.\n");
        let d = doc(&src);
        assert_eq!(d.text, "Le vrai titre\n\nLe vrai texte de l’article.");
        assert_eq!(d.headline.as_deref(), Some("Le vrai titre"));
    }

    #[test]
    fn keeps_a_line_with_ordinary_spacing() {
        assert!(!is_ticker(
            "Une phrase normale, avec des espaces simples entre les mots."
        ));
        assert!(!is_ticker("Deux   segments   seulement"));
    }

    #[test]
    fn splits_sentences_but_not_after_abbreviations() {
        let d = doc(" date 2025-01 Il l’a dit à M. Charaf. « Oui », répond-il ! Puis S.M. le Roi parle… Fin 2024. Ok");
        assert_eq!(
            texts(&d, &d.sentences),
            [
                "Il l’a dit à M. Charaf.",
                "« Oui », répond-il !",
                "Puis S.M. le Roi parle…",
                "Fin 2024.",
                "Ok"
            ]
        );
    }

    #[test]
    fn infers_the_year_from_an_edition_not_from_a_count() {
        let d = doc("La formation de 2000 jeunes, au Devoxx 2022.");
        assert_eq!(d.date.map(|d| d.iso()), Some("2022".into()));
        assert_eq!(d.date_origin, DateOrigin::Inferred);
    }

    #[test]
    fn overrides_win_over_the_text() {
        let o = Overrides {
            title: Some("Titre choisi".into()),
            date: parse_iso_date("2022-06"),
            source: Some("L'Opinion".into()),
            url: Some("https://example.org/a".into()),
        };
        let d = ingest_text("t", "t", "Devoxx 2022 a eu lieu.", &o).unwrap();
        assert_eq!(d.headline.as_deref(), Some("Titre choisi"));
        assert_eq!(d.date.map(|d| d.iso()), Some("2022-06".into()));
        assert_eq!(d.date_origin, DateOrigin::Stated);
        assert_eq!(d.source.as_deref(), Some("L'Opinion"));
    }

    #[test]
    fn decodes_bom_and_crlf() {
        let t = decode("a", b"\xEF\xBB\xBFLigne un\r\nLigne deux\rtrois").unwrap();
        assert_eq!(t, "Ligne un\nLigne deux\ntrois");
    }

    #[test]
    fn refuses_bad_bytes_with_located_messages() {
        let msg = |b: &[u8]| decode("seeds/x.txt", b).unwrap_err().to_string();
        assert_eq!(
            msg(b""),
            "seeds/x.txt:1: empty file: an article needs some text"
        );
        assert_eq!(
            msg(b" \n\t\n "),
            "seeds/x.txt:1: no text: the file holds only whitespace"
        );
        assert!(msg(b"ok\nok\n\x00\x01").starts_with("seeds/x.txt:3: binary file"));
        let cp1252 = msg(b"Titre\nLe num\xE9rique au Maroc");
        assert!(
            cp1252.starts_with("seeds/x.txt:2: not valid UTF-8 (byte 0xE9 at column 7)"),
            "{cp1252}"
        );
        assert!(cp1252.contains("Windows-1252"));
        // UTF-8 with one corrupt byte: no Windows-1252 hint.
        let corrupt = msg(&["Le numérique à Salé\nété ".as_bytes(), b"\x80!"].concat());
        assert_eq!(
            corrupt,
            "seeds/x.txt:2: not valid UTF-8 (byte 0x80 at column 5)"
        );
        let big = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert!(msg(&big).starts_with("seeds/x.txt:1: file too large"));
    }

    #[test]
    fn validates_calendar_dates() {
        assert!(parse_iso_date("2024-02-29").is_some());
        assert!(parse_iso_date("2023-02-29").is_none());
        assert!(parse_iso_date("2024-1").is_none());
        assert!(parse_iso_date("24").is_none());
        assert!(parse_iso_date("2024-01-01-01").is_none());
    }
}
