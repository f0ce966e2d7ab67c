//! Ordinals: digits with a suffix ("7ème édition", "11e Salon", "1er trimestre", "1-er"),
//! ordinal words ("deuxième édition", "vingt-cinquième session", "se classe cinquième") and
//! roman ordinals ("IIe édition"). "1er janvier" is a date, "Premier ministre", "première
//! fois" and "XXIe siècle" are no ranks (`not_ordinal` in `context.txt`).

use super::lexicons::{MONTH, NOT_ORDINAL, ORDINAL_SUFFIX, RANK, RANKED};
use super::scanner::{Scanner, Step};
use crate::numbers::Number;
use raqmi_model::document::{Category, FigureKind};
use raqmi_model::text::fold;

impl Scanner<'_> {
    /// "7ème édition", "30ème anniversaire", "11e Salon"; "1er janvier" is a date.
    pub(super) fn ordinal(&self, i: usize, n: Number, j: usize) -> Step {
        if self.has(j, MONTH) && self.is_word(j) {
            return Step::Skip(j + 1);
        }
        let end = match self.lex.nouns.longest(self.line, j) {
            Some((end, _)) => end,
            None if self.plausible_noun(j, true) => j + 1,
            None => j,
        };
        let unit = match (
            self.line.toks.get(j),
            end.checked_sub(1).and_then(|l| self.line.toks.get(l)),
        ) {
            (Some(a), Some(b)) if end > j => {
                self.text.get(a.start..b.end).unwrap_or("").to_string()
            }
            _ => String::new(),
        };
        let fig = self.figure(
            i,
            end,
            n.value,
            None,
            FigureKind::Ordinal,
            unit,
            Category::Other,
            None,
        );
        Step::Figure(fig, end)
    }

    /// An ordinal word ("deuxième", "première") or a roman ordinal ("IIe", "XIVème") at token `i`.
    pub(super) fn word_ordinal_at(&self, i: usize) -> Option<Step> {
        let line = self.line;
        let w = line.fold(i);
        // Every ordinal word ends in "ième" but "premier"/"première": most words skip the map.
        if (w.ends_with("ieme") || w.starts_with("premi")) && w.len() >= 5 {
            if let Some(&v) = self.lex.ordinals.get(w) {
                return Some(self.word_ordinal(i, i + 1, v));
            }
        }
        let t = line.toks.get(i)?;
        if !t.upper || !matches!(self.text.as_bytes().get(t.start), Some(b'I' | b'V' | b'X')) {
            return None;
        }
        let word = self.text.get(t.start..t.end)?;
        let value = roman_ordinal(word, |suffix| {
            self.lex
                .context
                .get(fold(suffix).as_str())
                .is_some_and(|r| r & ORDINAL_SUFFIX != 0)
        })?;
        // A roman ordinal needs its noun: "IIe édition", not a stray "Xe".
        match self.ordinal_noun(i + 1) {
            Some(end) => Some(self.ordinal_figure(i, i + 1, end, value)),
            None => Some(Step::Nothing),
        }
    }

    /// An ordinal word ending before token `j`: it ranks the noun after it ("deuxième
    /// édition"), or stands alone after a ranking verb ("se classe cinquième"). "Premier
    /// ministre" and "première fois" are no ranks.
    pub(super) fn word_ordinal(&self, start: usize, j: usize, value: f64) -> Step {
        if self.has(j, NOT_ORDINAL) {
            return Step::Skip(j + 1);
        }
        if let Some(end) = self.ordinal_noun(j) {
            return self.ordinal_figure(start, j, end, value);
        }
        if start > 0 && self.has(start - 1, RANK) {
            return self.ordinal_figure(start, j, j, value);
        }
        Step::Nothing
    }

    /// The end of the noun an ordinal ranks, starting at token `j`.
    fn ordinal_noun(&self, j: usize) -> Option<usize> {
        if self.has(j, NOT_ORDINAL) {
            return None;
        }
        if let Some((end, _)) = self.lex.nouns.longest(self.line, j) {
            return Some(end);
        }
        if !self.plausible_noun(j, true) {
            return None;
        }
        // Any word may follow "la troisième", a verb too ("la troisième concerne"): only a
        // known noun, a name or a word with a noun ending is ranked.
        let upper = self.line.toks[j].upper;
        let w = self.line.fold(j);
        let noun_ending = NOUN_ENDINGS.iter().any(|e| w.ends_with(e));
        (upper || noun_ending || self.has(j, RANKED)).then_some(j + 1)
    }

    /// An ordinal figure over tokens `start..end`, its noun being tokens `j..end`.
    fn ordinal_figure(&self, start: usize, j: usize, end: usize, value: f64) -> Step {
        let unit = match (
            self.line.toks.get(j),
            end.checked_sub(1).and_then(|l| self.line.toks.get(l)),
        ) {
            (Some(a), Some(b)) if end > j => {
                self.text.get(a.start..b.end).unwrap_or("").to_string()
            }
            _ => String::new(),
        };
        let fig = self.figure(
            start,
            end,
            value,
            None,
            FigureKind::Ordinal,
            unit,
            Category::Other,
            None,
        );
        Step::Figure(fig, end)
    }
}

/// Folded endings of French nouns that are seldom verb forms ("incubateur", "conférence").
const NOUN_ENDINGS: [&str; 11] = [
    "tion", "sion", "ment", "ite", "eur", "age", "ance", "ence", "isme", "ture", "aire",
];

/// The rank a roman ordinal stands for ("IIe" -> 2, "XIVème" -> 14): upper-case I, V and X
/// (L, C, D and M would make "Le", "Ce", "Me" ordinals), then a suffix `is_suffix` accepts.
/// At most 39.
fn roman_ordinal(word: &str, is_suffix: impl Fn(&str) -> bool) -> Option<f64> {
    let cut = word.find(|c| !matches!(c, 'I' | 'V' | 'X'))?;
    let (roman, suffix) = word.split_at(cut);
    if roman.is_empty() || roman.len() > 6 || !is_suffix(suffix) {
        return None;
    }
    let digit = |c: u8| match c {
        b'I' => 1,
        b'V' => 5,
        _ => 10,
    };
    let b = roman.as_bytes();
    let mut total = 0i32;
    for k in 0..b.len() {
        let v = digit(b[k]);
        if b.get(k + 1).is_some_and(|&n| digit(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    (1..=39).contains(&total).then_some(f64::from(total))
}

#[cfg(test)]
mod tests {
    use super::roman_ordinal;

    #[test]
    fn every_ordinal_word_passes_the_quick_filter() {
        for w in super::super::lexicons::lexicons().ordinals.keys() {
            assert!(w.ends_with("ieme") || w.starts_with("premi"), "{w}");
        }
    }

    #[test]
    fn reads_roman_ordinals_and_refuses_words() {
        let suffix = |s: &str| matches!(s, "e" | "ème" | "er");
        assert_eq!(roman_ordinal("IIe", suffix), Some(2.0));
        assert_eq!(roman_ordinal("XIVème", suffix), Some(14.0));
        assert_eq!(roman_ordinal("IXe", suffix), Some(9.0));
        assert_eq!(roman_ordinal("Ier", suffix), Some(1.0));
        assert_eq!(roman_ordinal("Le", suffix), None);
        assert_eq!(roman_ordinal("II", suffix), None);
        assert_eq!(roman_ordinal("Xylo", suffix), None);
    }
}
