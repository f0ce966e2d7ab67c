//! Paragraphs and sentences: the spacing of a paragraph normalized, its role told from its shape
//! (headline, subheading, body), and a body paragraph split into sentences, as byte spans of the
//! cleaned text that the figure and entity extractors then annotate.

use raqmi_model::document::{Paragraph, ParagraphRole, Span};
use raqmi_model::text;

/// Collapses the wide spacing some sites use (runs of spaces, no-break spaces) to one space,
/// keeping a single no-break space where it is typographic (before « : ; ! ? » or inside a
/// number), since the figure extractor reads "1 200" with its no-break space.
pub(super) fn normalize_spaces(s: &str) -> String {
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

/// A short line that does not read as a sentence of running text: a headline or subheading.
pub(super) fn is_headline_like(line: &str) -> bool {
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
pub(super) fn split_sentences(text: &str, para: Paragraph) -> Vec<Span> {
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
