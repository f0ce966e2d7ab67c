//! The scanner: one pass over the tokens of a line, deciding at each digit run or number word
//! whether a figure starts there (dates, names, labels and years are skipped), then reading
//! what follows the numeral: scales, a range's second end, a factor, the unit and qualifier.

use super::lexicons::{Lexicons, Meaning, NounClass, MONTH, NOT_NOUN, ORDINAL_SUFFIX, YEAR_PREFIX};
use super::tails::{Tail, TailKind};
use crate::numbers::{apply_scales, digits_at, scale_at, words_at, Line, Number, TokKind};
use raqmi_model::document::{Category, Figure, FigureKind, Qualifier, Span};
use std::cell::Cell;

/// What was found at a token.
pub(super) enum Step {
    /// A figure, and the token after it.
    Figure(Figure, usize),
    /// Tokens up to this one are not figures (a date, a name, a year): do not look inside.
    Skip(usize),
    Nothing,
}

pub(super) struct Scanner<'a> {
    pub(super) line: &'a Line,
    pub(super) text: &'a str,
    pub(super) lex: &'a Lexicons,
    /// The unit of the last scaled figure of the line and the token after it: a series
    /// states its currency or noun once ("244,7 millions de dollars en 2023, 61,1 millions en
    /// 2022"), and the later items of the same sentence inherit it.
    pub(super) carry: Cell<Option<(Tail, usize)>>,
}

/// A series inherits its unit only within this many tokens, and within one sentence.
const CARRY_REACH: usize = 40;

/// Token `i` is "demi"/"demie" ("un an et demi", "un milliard et demi").
pub(super) fn is_half(line: &Line, i: usize) -> bool {
    line.fold(i) == "et" && matches!(line.fold(i + 1), "demi" | "demie")
}

impl Scanner<'_> {
    pub(super) fn scan(&self, out: &mut Vec<Figure>) {
        let (mut i, mut floor) = (0, 0);
        while i < self.line.len() {
            match self.at(i, floor) {
                Step::Figure(f, next) => {
                    if f.value.is_finite() && f.high.is_none_or(f64::is_finite) {
                        out.push(f);
                    }
                    i = next.max(i + 1);
                    floor = i;
                }
                Step::Skip(next) => {
                    i = next.max(i + 1);
                    floor = i;
                }
                Step::Nothing => i += 1,
            }
        }
    }

    pub(super) fn has(&self, i: usize, role: u8) -> bool {
        self.lex
            .context
            .get(self.line.fold(i))
            .is_some_and(|r| r & role != 0)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.line.kind(i) == Some(TokKind::Word)
    }

    /// The token after the run of tokens glued to token `i` ("S1-2025", "16h00").
    pub(super) fn run_end(&self, i: usize) -> usize {
        let mut k = i + 1;
        while self.line.glued(k) {
            k += 1;
        }
        k
    }

    /// A scale or unit word starts at token `j` (decides "13, 3 millions").
    pub(super) fn starts_magnitude(&self, j: usize) -> bool {
        scale_at(self.line, j).is_some() || self.lex.units.longest(self.line, j).is_some()
    }

    pub(super) fn at(&self, i: usize, floor: usize) -> Step {
        match self.line.kind(i) {
            Some(TokKind::Num) => self.at_digits(i, floor),
            Some(TokKind::Word) => self.at_words(i, floor),
            _ => Step::Nothing,
        }
    }

    pub(super) fn at_digits(&self, i: usize, floor: usize) -> Step {
        let line = self.line;
        // Glued on the left to a name or another number: "Le360", "UM6P", "Covid-19", "S1-2025".
        if line.glued(i) {
            let p = i - 1;
            let name = match line.kind(p) {
                Some(TokKind::Word) => !matches!(line.fold(p), "$" | "€"),
                Some(TokKind::Punct) => {
                    matches!(line.fold(p), "-" | "/" | "." | "_" | ",")
                        && line.glued(p)
                        && matches!(line.kind(p - 1), Some(TokKind::Word | TokKind::Num))
                }
                _ => false,
            };
            if name {
                return Step::Skip(self.run_end(i));
            }
        }
        let Some(n) = digits_at(line, i, |j| self.starts_magnitude(j)) else {
            return Step::Nothing;
        };
        let j = n.end;
        // "1-er": an ordinal suffix after a hyphen.
        if n.bare_digits > 0
            && line.is_punct(j, "-")
            && line.glued(j)
            && line.glued(j + 1)
            && self.is_word(j + 1)
            && self.has(j + 1, ORDINAL_SUFFIX)
        {
            return self.ordinal(i, n, j + 2);
        }
        if let Some(step) = self.hyphen_range(i, &n) {
            return step;
        }
        if line.glued(j) {
            match line.kind(j) {
                // "industrie 4.0", "12/04", "16:00", "10-15": labels and dates.
                Some(TokKind::Punct)
                    if matches!(line.fold(j), "." | "," | "-" | "/" | ":")
                        && line.kind(j + 1) == Some(TokKind::Num)
                        && line.glued(j + 1) =>
                {
                    return Step::Skip(self.run_end(j));
                }
                Some(TokKind::Word) => {
                    if n.bare_digits > 0 && self.has(j, ORDINAL_SUFFIX) {
                        return self.ordinal(i, n, j + 1);
                    }
                    // "16h00", "3G", "6P": a time or a name; "78%", "10k", "5M€" go on.
                    if !self.starts_magnitude(j) {
                        return Step::Skip(self.run_end(j));
                    }
                }
                _ => {}
            }
        }
        // "12 - 04 - 2021", "12 / 04": a date.
        if (line.is_punct(j, "-") || line.is_punct(j, "/"))
            && line.kind(j + 1) == Some(TokKind::Num)
        {
            let mut k = j;
            while (line.is_punct(k, "-") || line.is_punct(k, "/"))
                && line.kind(k + 1) == Some(TokKind::Num)
            {
                k += 2;
            }
            return Step::Skip(k);
        }
        // "5 septembre": the day of a date.
        if self.has(j, MONTH) && self.is_word(j) {
            return Step::Skip(j + 1);
        }
        // A glued "+" sign belongs to the figure ("+15,5 %").
        let lead = if i > floor && line.is_punct(i - 1, "+") && line.glued(i) {
            i - 1
        } else {
            i
        };
        self.quantity(n, lead, floor, None)
    }

    pub(super) fn at_words(&self, i: usize, floor: usize) -> Step {
        let line = self.line;
        // No number or scale word is longer than this: most words skip the lookups.
        if line.fold(i).len() > 14 {
            return Step::Nothing;
        }
        if let Some(step) = self.word_ordinal_at(i) {
            return step;
        }
        if let Some(n) = words_at(line, i) {
            // "vingt-cinquième", "vingt et unième": number words, then an ordinal word.
            let joined = (line.is_punct(n.end, "-") && line.glued(n.end) && line.glued(n.end + 1))
                || line.fold(n.end) == "et";
            if joined {
                if let Some(&v) = self.lex.ordinals.get(line.fold(n.end + 1)) {
                    if v < 10.0 {
                        return self.word_ordinal(i, n.end + 2, n.value + v);
                    }
                }
            }
            // "un ftour", "l’un des", "une conférence": an article, unless a scale follows,
            // or a unit of time and a half ("un an et demi").
            let lone_article = n.end == i + 1 && matches!(line.fold(i), "un" | "une");
            if lone_article && scale_at(line, n.end).is_none() {
                let half_duration = matches!(
                    self.lex.nouns.longest(line, n.end),
                    Some((e, NounClass::Duration)) if is_half(line, e)
                );
                if !half_duration {
                    return Step::Nothing;
                }
            }
            return self.quantity(n, i, floor, None);
        }
        // A scale word alone: "des centaines de milliers", "plusieurs milliers de jeunes".
        let w = line.fold(i);
        let Some(s) = scale_at(line, i).filter(|_| w.len() >= 4) else {
            return Step::Nothing;
        };
        // "des millions de transactions" is no figure: an exact scale alone needs a quantifier
        // ("plusieurs millions"); an approximate one is a figure ("des dizaines de startups").
        if s.about
            || matches!(
                self.qualifier_before(i, floor),
                Some((_, Meaning::Qualifier(_)))
            )
        {
            let plural = w.ends_with('s');
            let n = Number {
                start: i,
                end: i,
                value: 1.0,
                bare_digits: 0,
                scaled: false,
                about: false,
                scale: 1.0,
            };
            let default = if plural {
                Qualifier::Over
            } else {
                Qualifier::About
            };
            return self.quantity(n, i, floor, Some(default));
        }
        Step::Nothing
    }

    /// A number at token `i` for the second half of a range or an item of a list.
    pub(super) fn number_at(&self, i: usize) -> Option<Number> {
        let line = self.line;
        let n = match line.kind(i)? {
            TokKind::Num => {
                if line.glued(i) {
                    return None;
                }
                digits_at(line, i, |j| self.starts_magnitude(j))?
            }
            TokKind::Word => {
                let n = words_at(line, i)?;
                if n.end == i + 1
                    && matches!(line.fold(i), "un" | "une")
                    && scale_at(line, n.end).is_none()
                {
                    return None;
                }
                n
            }
            TokKind::Punct => return None,
        };
        Some(apply_scales(line, n))
    }

    /// The qualifier phrase ending right before token `lead` and not before `floor`.
    pub(super) fn qualifier_before(&self, lead: usize, floor: usize) -> Option<(usize, Meaning)> {
        self.lex.qualifiers.iter().find_map(|(toks, meaning)| {
            let start = lead.checked_sub(toks.len())?;
            (start >= floor && self.line.matches(start, toks)).then_some((start, *meaning))
        })
    }

    /// Token `lead - 1` makes a 4-digit number a year: "en", a month, a capitalized name.
    pub(super) fn year_context(&self, lead: usize) -> bool {
        let Some(p) = lead.checked_sub(1) else {
            return false;
        };
        if !self.is_word(p) {
            return false;
        }
        if self.has(p, YEAR_PREFIX | MONTH) {
            return true;
        }
        self.line.toks[p].upper
            && !self.has(p, NOT_NOUN)
            && self.qualifier_before(lead, 0).is_none()
    }

    /// Everything after the numeral: scales, range, factor, year rule, unit, qualifier.
    pub(super) fn quantity(
        &self,
        n: Number,
        lead: usize,
        floor: usize,
        default: Option<Qualifier>,
    ) -> Step {
        let line = self.line;
        let n = apply_scales(line, n);
        let mut start = lead;
        let mut low = n.value;
        let mut high: Option<f64> = None;
        let mut end = n.end;
        let mut scale = n.scale;
        // The high end of a range has its own scale word ("et 1 million d'euros").
        let mut high_scaled = false;

        // "multiplié par 5".
        if let Some((q, Meaning::Factor)) = self.qualifier_before(lead, floor) {
            return Step::Figure(
                self.figure(
                    q,
                    n.end,
                    low,
                    None,
                    FigureKind::Factor,
                    String::new(),
                    Category::Other,
                    None,
                ),
                n.end,
            );
        }

        // "entre 10 et 15", "de 10 à 15".
        if lead > floor {
            let opener = line.fold(lead - 1);
            let joiner = line.fold(n.end);
            if (opener == "entre" && joiner == "et") || (opener == "de" && joiner == "a") {
                if let Some(h) = self.number_at(n.end + 1) {
                    // "entre 10 et 15 millions" shares the scale; "entre 500 000 et 1 million"
                    // does not (its low end is already larger than the high one's numeral).
                    if !n.scaled && h.scaled && low <= h.value / h.scale {
                        low *= h.scale;
                        scale = h.scale;
                    }
                    high = Some(h.value);
                    high_scaled = h.scaled;
                    start = lead - 1;
                    end = h.end;
                }
            }
        }

        let year_like =
            high.is_none() && n.bare_digits == 4 && (1900.0..=2100.0).contains(&n.value);
        if year_like && self.year_context(lead) {
            return Step::Skip(n.end);
        }

        let scaled = n.scaled || scale != 1.0 || high_scaled;
        let mut tail = self.tail(end, scaled, low >= 2.0);
        // The figure's span ends at its own unit, not at one carried from further on.
        let mut fig_end = tail.map_or(end, |t| t.end);
        // "$12 millions", "€5": a currency sign glued before the number.
        if tail.is_none() && lead > floor && line.glued(lead) {
            if let Some((e, u)) = self.lex.units.longest(line, lead - 1) {
                if e == lead && u.code != "%" && !u.measure {
                    start = lead - 1;
                    tail = Some(Tail {
                        end,
                        what: TailKind::Unit(u),
                        unit_toks: (lead - 1, lead),
                    });
                }
            }
        }
        let own_tail = tail.is_some();
        if tail.is_none() && !year_like {
            // A list carries its unit back: "8 millions, 5,6 millions de dirhams".
            if let Some((t, s)) = self.carried_tail(end) {
                tail = Some(t);
                if scale == 1.0 && s != 1.0 {
                    low *= s;
                    high = high.map(|h| h * s);
                }
            }
        }
        // Only exact scales continue a series: "une vingtaine" after "30 millions de dollars"
        // is no amount of dollars.
        if tail.is_none() && scaled && !n.about && !year_like {
            tail = self.inherited_tail(lead);
        }
        // "ils étaient une vingtaine": an approximate scale after "un"/"une" is a quantity even
        // when its noun is left out (no unit).
        if tail.is_none() && n.about && matches!(line.fold(n.start), "un" | "une") {
            tail = Some(Tail {
                end,
                what: TailKind::Noun(NounClass::Category(Category::Other)),
                unit_toks: (end, end),
            });
        }
        let Some(tail) = tail else {
            return Step::Skip(end);
        };
        if own_tail && scaled && !matches!(tail.what, TailKind::Unit(u) if u.code == "%") {
            self.carry.set(Some((tail, fig_end)));
        }
        // "deux ans et demi".
        if matches!(tail.what, TailKind::Noun(NounClass::Duration)) && is_half(line, fig_end) {
            low += 0.5;
            fig_end += 2;
        }

        let (start, qualifier) = match self.qualifier_before(start, floor) {
            Some((q, Meaning::Qualifier(m))) => (q, Some(m)),
            // A bare plural scale says "over" even when its scale is approximate ("des centaines").
            _ => (start, default.or(n.about.then_some(Qualifier::About))),
        };

        if n.scaled && matches!(tail.what, TailKind::Unit(u) if u.code == "%") {
            return Step::Skip(fig_end);
        }
        let fig = self.with_tail(tail, start, fig_end, low, high, qualifier);
        Step::Figure(fig, fig_end)
    }

    /// The figure over tokens `start..fig_end` that `tail` makes of a value (and a range's
    /// high end): money in the currency's base unit, a percent, a count of a unit of measure
    /// or of a noun, a duration.
    fn with_tail(
        &self,
        tail: Tail,
        start: usize,
        fig_end: usize,
        low: f64,
        high: Option<f64>,
        qualifier: Option<Qualifier>,
    ) -> Figure {
        let line = self.line;
        let unit_text = |(a, b): (usize, usize)| -> String {
            match (
                line.toks.get(a),
                b.checked_sub(1).and_then(|l| line.toks.get(l)),
            ) {
                (Some(x), Some(y)) if a < b => {
                    self.text.get(x.start..y.end).unwrap_or("").to_string()
                }
                _ => String::new(),
            }
        };
        match tail.what {
            TailKind::Unit(u) if u.measure => self.figure(
                start,
                fig_end,
                low,
                high,
                FigureKind::Count,
                u.code.to_string(),
                Category::Other,
                qualifier,
            ),
            TailKind::Unit(u) if u.code == "%" => self.figure(
                start,
                fig_end,
                low,
                high,
                FigureKind::Percent,
                "%".into(),
                Category::Share,
                qualifier,
            ),
            TailKind::Unit(u) => self.figure(
                start,
                fig_end,
                low * u.factor,
                high.map(|h| h * u.factor),
                FigureKind::Money,
                u.code.to_string(),
                Category::Budget,
                qualifier,
            ),
            TailKind::Noun(class) => {
                let (kind, category) = match class {
                    NounClass::Duration => (FigureKind::Duration, Category::Other),
                    NounClass::Category(c) => (FigureKind::Count, c),
                };
                self.figure(
                    start,
                    fig_end,
                    low,
                    high,
                    kind,
                    unit_text(tail.unit_toks),
                    category,
                    qualifier,
                )
            }
        }
    }

    /// "les 18-35 ans", "10-15 %": two numbers glued by a hyphen make a range when a unit or a
    /// counted noun follows. Law and decree numbers ("loi 09-08", "2-22-431"), years
    /// ("2019-2023") and bare pairs ("10-15") stay skipped by the caller.
    fn hyphen_range(&self, i: usize, n: &Number) -> Option<Step> {
        let line = self.line;
        let j = n.end;
        let plain = |k: usize| {
            let w = line.fold(k);
            line.kind(k) == Some(TokKind::Num) && w.len() <= 3 && !w.starts_with('0')
        };
        if !(n.bare_digits > 0
            && plain(i)
            && line.is_punct(j, "-")
            && line.glued(j)
            && line.glued(j + 1)
            && plain(j + 1)
            && !line.glued(j + 2))
        {
            return None;
        }
        let high = line.fold(j + 1).parse::<f64>().ok()?;
        if high <= n.value {
            return None;
        }
        let tail = self.tail(j + 2, false, true)?;
        let fig = self.with_tail(tail, i, tail.end, n.value, Some(high), None);
        Some(Step::Figure(fig, tail.end))
    }

    /// The unit of the series a scaled number without its own unit continues: the last
    /// scaled figure of the same sentence, not too far back.
    fn inherited_tail(&self, lead: usize) -> Option<Tail> {
        let (tail, after) = self.carry.get()?;
        if after > lead || lead - after > CARRY_REACH {
            return None;
        }
        let line = self.line;
        let sentence_ends = (after..lead)
            .any(|k| matches!(line.fold(k), "." | "!" | "?" | ";") && !line.glued(k + 1));
        (!sentence_ends).then_some(tail)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn figure(
        &self,
        start: usize,
        end: usize,
        value: f64,
        high: Option<f64>,
        kind: FigureKind,
        unit: String,
        category: Category,
        qualifier: Option<Qualifier>,
    ) -> Figure {
        let toks = &self.line.toks;
        let s = toks.get(start).map_or(0, |t| t.start);
        let e = end
            .checked_sub(1)
            .and_then(|l| toks.get(l))
            .map_or(s, |t| t.end);
        Figure {
            span: Span::new(s, e.max(s)),
            value,
            high,
            kind,
            unit,
            category,
            qualifier,
            meaning: Default::default(),
        }
    }
}
