//! From a query word to the dictionary terms it matches, and how well: the word itself, its
//! inflections (same stem), completions of the word being typed, and words one typo away, each
//! kind capped to the most frequent terms so that a keystroke stays cheap.

use super::{RankingWeights, Word, MAX_PREFIX_TERMS, MAX_TYPO_TERMS};
use crate::index::{self, sort_keys, SearchIndex, TermEntry};
use raqmi_model::order;

/// A dictionary term a query word matched, and how well.
pub struct Expansion {
    pub entry: TermEntry,
    /// The [`RankingWeights`] multiplier of the best way it matched (exact, stem, prefix, typo).
    pub weight: f32,
}

/// The terms a query word matches, best match kind per term (typos only when `typo`: phrase
/// words take none).
pub fn expand(
    index: &SearchIndex,
    word: &Word,
    weights: &RankingWeights,
    typo: bool,
) -> Vec<Expansion> {
    let mut out: Vec<Expansion> = Vec::new();
    fn add_to(out: &mut Vec<Expansion>, entry: TermEntry, weight: f32) {
        match out.iter_mut().find(|e| e.entry.id == entry.id) {
            Some(e) => e.weight = e.weight.max(weight),
            None => out.push(Expansion { entry, weight }),
        }
    }
    let add = |out: &mut Vec<Expansion>, entry, weight| add_to(out, entry, weight);
    if !word.stop {
        if let Some(e) = index.term(&word.folded) {
            add(&mut out, e, weights.exact);
        }
        let stem = index::stem(&index::french_stemmer(), &word.folded);
        for e in index.terms_with_stem(&stem) {
            add(&mut out, e, weights.stem);
        }
    }
    if word.prefix {
        let mut completions = index.terms_with_prefix(&word.folded);
        most_frequent(&mut completions, MAX_PREFIX_TERMS);
        for e in completions {
            add(&mut out, e, weights.prefix);
        }
    }
    // Typo neighbours are looked for even when the word itself is found: they rank below
    // every other kind of match, and the scan costs well under a millisecond.
    if typo && word.typo {
        let mut near = typo_neighbours(index, &word.folded);
        most_frequent(&mut near, MAX_TYPO_TERMS);
        for e in near {
            add(&mut out, e, weights.typo);
        }
    }
    out
}

/// The terms one edit away from `word` (of [`TYPO_MIN_CHARS`] characters or more). An edit
/// after the first character keeps it, so those neighbours are in the range of the dictionary
/// that starts with it; an edit of the first character is tried by looking up each candidate
/// (the character dropped, swapped with the second, or replaced by or preceded by an ASCII
/// letter or digit), skipping keys whose first two bytes begin no term. That touches a
/// twentieth of the dictionary instead of all of it.
pub(super) fn typo_neighbours(index: &SearchIndex, word: &str) -> Vec<TermEntry> {
    let target: Vec<char> = word.chars().collect();
    let Some(&first) = target.first() else {
        return Vec::new();
    };
    let tb = word.as_bytes();
    let mut buf = Vec::new();
    let mut first_buf = [0u8; 4];
    let mut out = index.terms_where(first.encode_utf8(&mut first_buf), |key| {
        if key.len().abs_diff(tb.len()) > 4 || key == tb {
            return false;
        }
        if key.is_ascii() && tb.is_ascii() {
            return within_one_edit(key, tb);
        }
        let Ok(s) = std::str::from_utf8(key) else {
            return false;
        };
        buf.clear();
        buf.extend(s.chars());
        within_one_edit(&buf, &target)
    });
    let rest: String = target[1..].iter().collect();
    let mut look = |key: &str| {
        if key != word && index.may_be_a_term(key.as_bytes()) {
            out.extend(index.term(key));
        }
    };
    look(&rest);
    if let Some(&second) = target.get(1) {
        let mut swapped: String = [second, first].iter().collect();
        swapped.extend(&target[2..]);
        look(&swapped);
    }
    let mut key = String::new();
    for c in ('a'..='z').chain('0'..='9').filter(|&c| c != first) {
        for tail in [word, rest.as_str()] {
            key.clear();
            key.push(c);
            key.push_str(tail);
            look(&key);
        }
    }
    // The shared stable sort (`raqmi_model::order`): one copy of a sort in the wasm, not one
    // per call site.
    order::sort_by(&mut out, |a, b| a.id.cmp(&b.id));
    out.dedup_by_key(|e| e.id);
    out
}

pub(super) fn most_frequent(entries: &mut Vec<TermEntry>, keep: usize) {
    if entries.len() > keep {
        // Most postings first, ties in the order found (what a stable sort by frequency
        // gave), through the engine's integer sort: a short prefix can complete to thousands
        // of terms on every keystroke, and a radix sort of keys stays fast in the wasm.
        let mut keys: Vec<u64> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let rarity = u32::MAX - u32::try_from(e.postings_len()).unwrap_or(u32::MAX);
                (u64::from(rarity) << 32) | i as u64
            })
            .collect();
        sort_keys(&mut keys);
        let mut slots: Vec<Option<TermEntry>> = entries.drain(..).map(Some).collect();
        entries.extend(
            keys[..keep]
                .iter()
                .filter_map(|&k| slots[(k as u32) as usize].take()),
        );
    }
}

/// Damerau–Levenshtein distance <= 1 (one insertion, deletion, substitution or swap of two
/// adjacent characters).
pub fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if p == la && p == lb {
        return true;
    }
    match la.cmp(&lb) {
        std::cmp::Ordering::Equal => {
            a[p + 1..] == b[p + 1..]
                || (p + 1 < la && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..])
        }
        std::cmp::Ordering::Less => a[p..] == b[p + 1..],
        std::cmp::Ordering::Greater => a[p + 1..] == b[p..],
    }
}
