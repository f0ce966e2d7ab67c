//! Ordinals: "7ème édition", "11e Salon", "1er trimestre"; "1er janvier" is a date.

use super::lexicons::MONTH;
use super::scanner::{Scanner, Step};
use crate::numbers::Number;
use raqmi_model::document::{Category, FigureKind};

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
}
