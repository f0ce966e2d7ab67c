//! Figures: the numbers an article reports (money, counts, percentages, ordinals, durations,
//! factors), with their qualifier, unit and category. This module owns the rules that decide
//! what a number next to words means; the words themselves live in the lexicon data files
//! under `data/lexicon/` (formats documented at the top of each file), and numerals are read
//! by [`crate::numbers`].
//!
//! One pass per line over the tokens of [`Line`]: a figure starts at a digit run or a number
//! word; the rules look back a few tokens (qualifier, "entre", sign, year context) and forward a
//! few (scale, currency or counted noun, "par région"). Figures never cross a line break.
//!
//! Choices worth knowing:
//! - A number with nothing countable after it is not a figure (a label, a year, a lone "un").
//! - A count's `unit` is the noun phrase as written from the first word after the number (or
//!   after "de"/"d'" following a scale word) to the head noun: a lexicon phrase when one
//!   matches ("organisations adhérentes", "jeunes boursiers"), else one word, with the
//!   adjectives of `context.txt` kept in front ("principaux services"). A distributive
//!   "par région" is in the span but not in the unit.
//! - Years are not figures: a bare 4-digit number 1900-2100 is a year when a year context word,
//!   a month or a capitalized name precedes it ("en 2024", "juillet 2020", "Assises 2024"), or
//!   when no unit or counted noun follows it; "2000 jeunes" stays a count.
//! - A percent's span takes in an acronym it is a share of ("20% du PIB").
//! - Vague plurals: an approximate scale word alone is a figure of one unit of the scale,
//!   qualified "over" when plural ("des dizaines de startups" = over 10, "des centaines de
//!   milliers" = over 100 000) and "about" when singular ("une vingtaine" = about 20, a figure
//!   even with its noun left out: "une vingtaine ont été retenus", unit ""). An exact
//!   scale alone is no figure ("des millions de transactions" is not 1 000 000) unless a
//!   quantifier says how many ("plusieurs millions" = over 1 000 000).
//! - A range ("entre 2 millions et 5 millions de dirhams", "de 18 à 40 ans", "18-35 ans"
//!   when a unit or noun follows the glued pair; "loi 09-08" is no range) is one figure:
//!   `value` is its low end, `high` its high end; the low end takes the high end's scale only
//!   when its numeral is the smaller ("entre 10 et 15 millions", not "entre 500 000 et 1
//!   million").
//! - A series states its unit once: items before it carry it back ("respectivement 33,26
//!   millions et 26,2 millions de dollars"), and scaled items after a scaled figure inherit its
//!   currency or noun within the same sentence ("244,7 millions de dollars en 2023, 61,1
//!   millions en 2022").
//! - Units of measure (`measures.txt`: "m²", "MW", "km", "Go", "To") make a count of that unit,
//!   category other, the symbol in `unit`; a currency sign may precede the number ("$12
//!   millions").
//! - "et demi" adds half a unit: "un an et demi" (1.5, a duration; "un an" alone is a time
//!   reference, no figure), "un milliard et demi de dirhams".
//! - Ordinals: digits with a suffix ("7ème", "1er", "1-er"), ordinal words ("deuxième
//!   édition", "se classe cinquième") and roman ordinals ("IIe édition"); "1er janvier" is a
//!   date and "Premier ministre", "première fois", "XXIe siècle" are no ranks.
//!
//! Submodules, by section: `lexicons` (the data files), `scanner` (the pass over a line and
//! the numeral rules), `tails` (unit, currency or counted noun after a number), `ordinals`.

mod lexicons;
mod ordinals;
mod scanner;
mod tails;

use crate::numbers::Line;
use lexicons::{lexicons, Lexicons};
use raqmi_model::document::Figure;
use scanner::Scanner;

/// Every malformed line of the embedded lexicon files, as `file:line: message` (empty when all
/// is well). Extraction skips such lines; a test keeps the list empty.
pub fn lexicon_errors() -> Vec<String> {
    let mut errors = Vec::new();
    crate::numbers::NumberLexicon::parse(&mut errors);
    Lexicons::parse(&mut errors);
    errors
}

/// Every figure in `text`, in order of position, never overlapping.
pub fn extract_figures(text: &str) -> Vec<Figure> {
    let lex = lexicons();
    let mut out = Vec::new();
    let mut line = Line::default();
    let mut offset = 0;
    for piece in text.split('\n') {
        line.lex(piece, offset);
        Scanner {
            line: &line,
            text,
            lex,
            carry: Default::default(),
        }
        .scan(&mut out);
        offset += piece.len() + 1;
    }
    out
}
