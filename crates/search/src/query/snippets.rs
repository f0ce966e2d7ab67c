//! Snippets: about so many characters of a hit's body around its densest group of matches, cut
//! at word boundaries, with the matches marked (what a result card shows under its headline).

use super::parse::is_quote;
use super::spans::word_end;
use super::Hit;
use crate::index;
use raqmi_model::document::{Document, Span};
use raqmi_model::text;

/// A piece of a snippet; the UI renders each as a text node (marked ones inside `<mark>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnippetPart {
    pub text: String,
    pub marked: bool,
}

/// The ellipsis put where a snippet or KWIC context is cut.
pub const ELLIPSIS: &str = "…";

/// About `max_chars` characters of the body around the densest group of matches, cut at word
/// boundaries, with the matches marked and [`ELLIPSIS`] parts where the text was cut. Without
/// matches, the beginning of the body. A hit past [`MATCHED_HITS`] carries no spans: fill
/// them with [`matches_for`] first to get its matches marked.
pub fn snippet(doc: &Document, hit: &Hit, max_chars: usize) -> Vec<SnippetPart> {
    let text = doc.text.as_str();
    if max_chars == 0 || text.is_empty() {
        return Vec::new();
    }
    // The headline is shown on its own: snippets come from the body.
    let body_start = match index::headline_base(doc) {
        Some(b) if b <= text.len() => doc
            .paragraphs
            .get(1)
            .map_or(text.len(), |p| p.span.start as usize),
        _ => 0,
    };
    let body_start = if body_start >= text.len() {
        0
    } else {
        body_start
    };
    let marks: Vec<Span> = hit
        .matches
        .iter()
        .copied()
        .filter(|s| {
            s.start as usize >= body_start
                && s.end as usize <= text.len()
                && text.is_char_boundary(s.start as usize)
                && text.is_char_boundary(s.end as usize)
                && !s.is_empty()
        })
        .collect();
    let chars = text::CharIndex::new(text);
    let c = |b: u32| chars.char_offset(b as usize);
    let total_chars = c(text.len() as u32);

    // The window (in characters) holding the most marks.
    let (mut start_c, end_c) = if marks.is_empty() {
        let s = c(body_start as u32);
        (s, (s + max_chars).min(total_chars))
    } else {
        let mut best = (0usize, 0usize);
        for i in 0..marks.len() {
            let limit = c(marks[i].start) + max_chars;
            let j = i + marks[i..].partition_point(|m| c(m.end) <= limit);
            if j - i > best.1 - best.0 {
                best = (i, j);
            }
        }
        let (i, j) = (best.0, best.1.max(best.0 + 1));
        let first = c(marks[i].start);
        let last = c(marks[j - 1].end);
        let spare = max_chars.saturating_sub(last - first);
        let start = first.saturating_sub(spare / 3).max(c(body_start as u32));
        let end = (start + max_chars).max(last).min(total_chars);
        let start = if end == total_chars {
            end.saturating_sub(max_chars)
                .min(first)
                .max(c(body_start as u32))
        } else {
            start
        };
        (start, end)
    };
    if start_c > end_c {
        start_c = end_c;
    }
    let byte_at = |ch: usize| chars.byte_offset(ch, text.len());
    let mut start = byte_at(start_c);
    let mut end = byte_at(end_c);

    // Word boundaries: drop a cut word at either end (never a marked one).
    let is_word = |i: usize| text[i..].chars().next().is_some_and(text::is_word_char);
    let prev_is_word = |i: usize| {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(text::is_word_char)
    };
    if start > 0 && prev_is_word(start) && is_word(start) {
        while start < end && is_word(start) {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if end < text.len() && prev_is_word(end) && is_word(end) {
        let mut e = end;
        while e > start && prev_is_word(e) {
            e -= text[..e].chars().next_back().map_or(1, char::len_utf8);
        }
        let cuts_mark = marks
            .iter()
            .any(|m| (m.start as usize) < end && m.end as usize > e);
        end = if cuts_mark || e <= start {
            word_end(text, e).unwrap_or(end).max(end)
        } else {
            e
        };
    }
    // No spaces or punctuation dangling at the cuts.
    let trimmed = text[start..end]
        .trim_start_matches(|ch: char| !text::is_word_char(ch) && !is_quote(ch) && ch != '(');
    start = end - trimmed.len();
    let trimmed =
        text[start..end].trim_end_matches(|ch: char| ch.is_whitespace() || ",;:".contains(ch));
    end = start + trimmed.len();

    let mut parts = Vec::new();
    if start > 0 && !text[..start].ends_with('\n') {
        parts.push(SnippetPart {
            text: ELLIPSIS.into(),
            marked: false,
        });
    }
    let mut at = start;
    for m in &marks {
        let (ms, me) = (m.start as usize, m.end as usize);
        if me <= start || ms >= end || ms < at {
            continue;
        }
        let (ms, me) = (ms.max(start), me.min(end));
        if ms > at {
            parts.push(SnippetPart {
                text: text[at..ms].into(),
                marked: false,
            });
        }
        parts.push(SnippetPart {
            text: text[ms..me].into(),
            marked: true,
        });
        at = me;
    }
    if at < end {
        parts.push(SnippetPart {
            text: text[at..end].into(),
            marked: false,
        });
    }
    if end < text.len() && !text[end..].starts_with('\n') {
        parts.push(SnippetPart {
            text: ELLIPSIS.into(),
            marked: false,
        });
    }
    parts
}
