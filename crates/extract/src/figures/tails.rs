//! What follows a number: a currency or unit, the percent sign, or a counted noun (from the
//! lexicon, or any plausible plural noun), and the unit an item of a list carries back from
//! the last item ("8 millions, 5,6 millions de dirhams").

use super::lexicons::{NounClass, Unit, ADJECTIVE, MONTH, NOT_NOUN};
use super::scanner::Scanner;
use crate::numbers::TokKind;
use raqmi_model::document::Category;

/// What follows a number: a currency, the percent sign or a counted noun.
#[derive(Clone, Copy)]
pub(super) struct Tail {
    pub(super) end: usize,
    pub(super) what: TailKind,
    /// Tokens of the counted noun, for the unit.
    pub(super) unit_toks: (usize, usize),
}

#[derive(Clone, Copy)]
pub(super) enum TailKind {
    Unit(Unit),
    Noun(NounClass),
}

impl Scanner<'_> {
    /// The unit after an item of a list whose own unit comes later.
    pub(super) fn carried_tail(&self, mut k: usize) -> Option<(Tail, f64)> {
        let line = self.line;
        for _ in 0..4 {
            if !(line.is_punct(k, ",") || matches!(line.fold(k), "et" | "ou")) {
                return None;
            }
            let m = self.number_at(k + 1)?;
            if let Some(t) = self.tail(m.end, m.scaled, m.value >= 2.0) {
                return Some((t, m.scale));
            }
            k = m.end;
        }
        None
    }

    /// A currency, the percent sign or a counted noun at token `j`. A noun missing from the
    /// lexicon must be plural after a plural number: that keeps verbs out ("1337 forment").
    pub(super) fn tail(&self, j: usize, scaled: bool, plural: bool) -> Option<Tail> {
        let line = self.line;
        // After a scale word the unit comes through "de"/"d’" ("3,9 millions de dhs"); a plain
        // number takes its unit directly ("1000 postes", "78%").
        let mut k = j;
        if line.fold(k) == "de" {
            if !scaled {
                return None;
            }
            k += 1;
        } else if line.fold(k) == "d" && line.is_punct(k + 1, "'") {
            if !scaled {
                return None;
            }
            k += 2;
        }
        if let Some((mut end, unit)) = self.lex.units.longest(line, k) {
            // "20% du PIB": a share of an acronym.
            if unit.code == "%"
                && matches!(line.fold(end), "du" | "des")
                && self.is_acronym(end + 1)
            {
                end += 2;
            }
            return Some(Tail {
                end,
                what: TailKind::Unit(unit),
                unit_toks: (k, end),
            });
        }
        if scaled && k == j {
            return None;
        }
        let noun_start = k;
        let mut n = k;
        for _ in 0..3 {
            if let Some((end, class)) = self.lex.nouns.longest(line, n) {
                return Some(self.with_distributive(noun_start, end, class));
            }
            if self.has(n, ADJECTIVE) && self.is_word(n) {
                n += 1;
            } else {
                break;
            }
        }
        let plural_form = self.line.fold(n).ends_with(['s', 'x', 'z']);
        if self.plausible_noun(n, false) && (plural_form || !plural) {
            return Some(self.with_distributive(
                noun_start,
                n + 1,
                NounClass::Category(Category::Other),
            ));
        }
        None
    }

    /// "10 startups par région": the distributive is in the span, not in the unit.
    pub(super) fn with_distributive(&self, start: usize, end: usize, class: NounClass) -> Tail {
        let span_end = if self.line.fold(end) == "par" && self.plausible_noun(end + 1, false) {
            end + 2
        } else {
            end
        };
        Tail {
            end: span_end,
            what: TailKind::Noun(class),
            unit_toks: (start, end),
        }
    }

    pub(super) fn is_acronym(&self, i: usize) -> bool {
        self.line.toks.get(i).is_some_and(|t| {
            t.kind == TokKind::Word
                && t.len() >= 2
                && self
                    .text
                    .get(t.start..t.end)
                    .is_some_and(|s| s.chars().all(|c| c.is_uppercase()))
        })
    }

    /// Token `i` can be a counted noun: a lower-case word of two letters or more that is not a
    /// function word, a month or a unit sign.
    pub(super) fn plausible_noun(&self, i: usize, allow_upper: bool) -> bool {
        let Some(t) = self.line.toks.get(i) else {
            return false;
        };
        let w = self.line.fold(i);
        t.kind == TokKind::Word
            && (allow_upper || !t.upper)
            && w.chars().nth(1).is_some()
            && w.chars().all(char::is_alphabetic)
            && !self.has(i, NOT_NOUN | MONTH)
    }
}
