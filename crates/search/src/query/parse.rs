//! Parsing what the user types into clauses: bare words, quoted phrases, and the last word as
//! a prefix while it is being typed; bare stop words and repeats dropped, the limits applied.

use super::{MAX_CLAUSES, MAX_QUERY_CHARS, PREFIX_MIN_CHARS, TYPO_MIN_CHARS};
use crate::index;
use raqmi_model::text;
use std::collections::HashSet;

/// One word of a query, folded.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Word {
    pub folded: String,
    /// Not indexed (see [`index::is_stop_word`]): ignored as a bare word, checked in phrases.
    pub stop: bool,
    /// The last word, still being typed: also matches terms that start with it.
    pub prefix: bool,
    /// Long enough for one-typo tolerance (bare words only).
    pub typo: bool,
}

/// A condition every matching document must meet.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Clause {
    Word(Word),
    /// Consecutive words; starts and ends with a non-stop word, has at least two words.
    Phrase(Vec<Word>),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

pub(super) fn is_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '“' | '”' | '„')
}

/// Parses the user's text: bare words, `"quoted phrases"` (also «…» and “…”; an unclosed quote
/// runs to the end), the last word as a prefix while it is being typed (the text does not end
/// with a space, a quote or punctuation, and the word has at least [`PREFIX_MIN_CHARS`]
/// characters). Bare stop words are dropped; repeated words count once.
pub fn parse_query(input: &str) -> Query {
    let input = match input.char_indices().nth(MAX_QUERY_CHARS) {
        Some((i, _)) => &input[..i],
        None => input,
    };
    // Segments between quotes, with whether each is inside quotes.
    let mut segments: Vec<(&str, bool)> = Vec::new();
    let mut in_phrase = false;
    let mut start = 0;
    for (i, c) in input.char_indices() {
        if is_quote(c) {
            segments.push((&input[start..i], in_phrase));
            in_phrase = !in_phrase;
            start = i + c.len_utf8();
        }
    }
    segments.push((&input[start..], in_phrase));
    let last_segment = segments.len() - 1;

    let mut clauses: Vec<Clause> = Vec::new();
    for (si, &(seg, phrase)) in segments.iter().enumerate() {
        let mut words = Vec::new();
        for t in text::tokens(seg) {
            let folded = text::fold(t.text);
            if folded.is_empty() {
                continue;
            }
            let chars = folded.chars().count();
            let prefix = si == last_segment && t.end == seg.len() && chars >= PREFIX_MIN_CHARS;
            words.push(Word {
                stop: index::is_stop_word(&folded) && !prefix,
                typo: !phrase && chars >= TYPO_MIN_CHARS,
                prefix,
                folded,
            });
        }
        if phrase {
            let first = words.iter().position(|w| !w.stop);
            let last = words.iter().rposition(|w| !w.stop);
            if let (Some(a), Some(b)) = (first, last) {
                let mut words: Vec<Word> = words.drain(a..=b).collect();
                if words.len() == 1 {
                    clauses.extend(words.pop().map(Clause::Word));
                } else {
                    clauses.push(Clause::Phrase(words));
                }
            }
        } else {
            clauses.extend(words.into_iter().filter(|w| !w.stop).map(Clause::Word));
        }
    }
    let mut seen = HashSet::new();
    clauses.retain(|c| seen.insert(c.clone()));
    clauses.truncate(MAX_CLAUSES);
    Query { clauses }
}
