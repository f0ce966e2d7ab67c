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

use crate::numbers::{
    apply_scales, digits_at, parse_rows, parse_value, scale_at, words_at, Line, Number, TokKind,
    WordMap,
};
use raqmi_model::document::{Category, Figure, FigureKind, Qualifier, Span};
use raqmi_model::text::fold;
use std::sync::OnceLock;

// ---------------------------------------------------------------------------------------------
// Lexicons

/// A currency or the percent sign.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Unit {
    code: &'static str,
    factor: f64,
}

/// What a counted noun makes of a count.
#[derive(Clone, Copy, Debug, PartialEq)]
enum NounClass {
    Category(Category),
    Duration,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Meaning {
    Qualifier(Qualifier),
    Factor,
}

// Roles of context.txt, as bits: a word may have several ("en" is a year prefix and no noun).
const MONTH: u8 = 1;
const YEAR_PREFIX: u8 = 2;
const NOT_NOUN: u8 = 4;
const ADJECTIVE: u8 = 8;
const ORDINAL_SUFFIX: u8 = 16;

/// Phrases of one or more folded tokens, looked up by their first token.
struct Phrases<V> {
    by_first: WordMap<Vec<(Vec<String>, V)>>,
}

impl<V: Copy> Phrases<V> {
    fn new() -> Self {
        Phrases {
            by_first: WordMap::default(),
        }
    }

    fn insert(&mut self, phrase: &str, value: V) {
        let toks = Line::phrase_tokens(phrase);
        if let Some(first) = toks.first() {
            let list = self.by_first.entry(first.clone()).or_default();
            list.push((toks, value));
            // Longest first, so "jeunes filles" wins over "jeunes".
            list.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        }
    }

    /// The longest phrase starting at token `at`: (token after it, value).
    fn longest(&self, line: &Line, at: usize) -> Option<(usize, V)> {
        let list = self.by_first.get(line.fold(at))?;
        list.iter()
            .find(|(toks, _)| line.matches(at, toks))
            .map(|(toks, v)| (at + toks.len(), *v))
    }
}

struct Lexicons {
    units: Phrases<Unit>,
    nouns: Phrases<NounClass>,
    /// (phrase, meaning), longest first.
    qualifiers: Vec<(Vec<String>, Meaning)>,
    context: WordMap<u8>,
}

macro_rules! lexicon_file {
    ($name:literal) => {
        (
            concat!("data/lexicon/", $name),
            include_str!(concat!("../data/lexicon/", $name)),
        )
    };
}

const UNITS: (&str, &str) = lexicon_file!("units.txt");
const NOUNS: (&str, &str) = lexicon_file!("nouns.txt");
const QUALIFIERS: (&str, &str) = lexicon_file!("qualifiers.txt");
const CONTEXT: (&str, &str) = lexicon_file!("context.txt");

impl Lexicons {
    /// Parses the embedded files; a malformed line is skipped and reported as `file:line: …`.
    fn parse(errors: &mut Vec<String>) -> Self {
        let mut units = Phrases::new();
        let (file, src) = UNITS;
        for row in parse_rows(file, src, 3, errors) {
            let code = match row.fields[1] {
                "MAD" => "MAD",
                "EUR" => "EUR",
                "USD" => "USD",
                "%" => "%",
                other => {
                    errors.push(format!(
                        "{file}:{}: unit must be MAD, EUR, USD or %, not {other:?}",
                        row.line
                    ));
                    continue;
                }
            };
            if let Some(factor) = parse_value(file, &row, 2, errors) {
                units.insert(row.fields[0], Unit { code, factor });
            }
        }

        let mut nouns = Phrases::new();
        let (file, src) = NOUNS;
        for row in parse_rows(file, src, 2, errors) {
            let class = match row.fields[1] {
                "participants" => NounClass::Category(Category::Participants),
                "members" => NounClass::Category(Category::Members),
                "beneficiaries" => NounClass::Category(Category::Beneficiaries),
                "jobs" => NounClass::Category(Category::Jobs),
                "companies" => NounClass::Category(Category::Companies),
                "other" => NounClass::Category(Category::Other),
                "duration" => NounClass::Duration,
                other => {
                    errors.push(format!("{file}:{}: unknown category {other:?}", row.line));
                    continue;
                }
            };
            nouns.insert(row.fields[0], class);
        }

        let mut qualifiers = Vec::new();
        let (file, src) = QUALIFIERS;
        for row in parse_rows(file, src, 2, errors) {
            let meaning = match row.fields[1] {
                "over" => Meaning::Qualifier(Qualifier::Over),
                "about" => Meaning::Qualifier(Qualifier::About),
                "under" => Meaning::Qualifier(Qualifier::Under),
                "up_to" => Meaning::Qualifier(Qualifier::UpTo),
                "factor" => Meaning::Factor,
                other => {
                    errors.push(format!("{file}:{}: unknown meaning {other:?}", row.line));
                    continue;
                }
            };
            qualifiers.push((Line::phrase_tokens(row.fields[0]), meaning));
        }
        qualifiers.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));

        let mut context = WordMap::default();
        let (file, src) = CONTEXT;
        for row in parse_rows(file, src, 2, errors) {
            let bit = match row.fields[1] {
                "month" => MONTH,
                "year_prefix" => YEAR_PREFIX,
                "not_noun" => NOT_NOUN,
                "adjective" => ADJECTIVE,
                "ordinal_suffix" => ORDINAL_SUFFIX,
                other => {
                    errors.push(format!("{file}:{}: unknown role {other:?}", row.line));
                    continue;
                }
            };
            *context.entry(fold(row.fields[0])).or_insert(0) |= bit;
        }
        Lexicons {
            units,
            nouns,
            qualifiers,
            context,
        }
    }
}

fn lexicons() -> &'static Lexicons {
    static LEX: OnceLock<Lexicons> = OnceLock::new();
    LEX.get_or_init(|| Lexicons::parse(&mut Vec::new()))
}

/// Every malformed line of the embedded lexicon files, as `file:line: message` (empty when all
/// is well). Extraction skips such lines; a test keeps the list empty.
pub fn lexicon_errors() -> Vec<String> {
    let mut errors = Vec::new();
    crate::numbers::NumberLexicon::parse(&mut errors);
    Lexicons::parse(&mut errors);
    errors
}

// ---------------------------------------------------------------------------------------------
// Extraction

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
        }
        .scan(&mut out);
        offset += piece.len() + 1;
    }
    out
}

/// What was found at a token.
enum Step {
    /// A figure, and the token after it.
    Figure(Figure, usize),
    /// Tokens up to this one are not figures (a date, a name, a year): do not look inside.
    Skip(usize),
    Nothing,
}

/// What follows a number: a currency, the percent sign or a counted noun.
#[derive(Clone, Copy)]
struct Tail {
    end: usize,
    what: TailKind,
    /// Tokens of the counted noun, for the unit.
    unit_toks: (usize, usize),
}

#[derive(Clone, Copy)]
enum TailKind {
    Unit(Unit),
    Noun(NounClass),
}

struct Scanner<'a> {
    line: &'a Line,
    text: &'a str,
    lex: &'a Lexicons,
}

impl Scanner<'_> {
    fn scan(&self, out: &mut Vec<Figure>) {
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

    fn has(&self, i: usize, role: u8) -> bool {
        self.lex
            .context
            .get(self.line.fold(i))
            .is_some_and(|r| r & role != 0)
    }

    fn is_word(&self, i: usize) -> bool {
        self.line.kind(i) == Some(TokKind::Word)
    }

    /// The token after the run of tokens glued to token `i` ("S1-2025", "16h00").
    fn run_end(&self, i: usize) -> usize {
        let mut k = i + 1;
        while self.line.glued(k) {
            k += 1;
        }
        k
    }

    /// A scale or unit word starts at token `j` (decides "13, 3 millions").
    fn starts_magnitude(&self, j: usize) -> bool {
        scale_at(self.line, j).is_some() || self.lex.units.longest(self.line, j).is_some()
    }

    fn at(&self, i: usize, floor: usize) -> Step {
        match self.line.kind(i) {
            Some(TokKind::Num) => self.at_digits(i, floor),
            Some(TokKind::Word) => self.at_words(i, floor),
            _ => Step::Nothing,
        }
    }

    fn at_digits(&self, i: usize, floor: usize) -> Step {
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

    fn at_words(&self, i: usize, floor: usize) -> Step {
        let line = self.line;
        // No number or scale word is longer than this: most words skip the lookups.
        if line.fold(i).len() > 14 {
            return Step::Nothing;
        }
        if let Some(n) = words_at(line, i) {
            // "un ftour", "l’un des", "une conférence": an article, unless a scale follows.
            let lone_article = n.end == i + 1 && matches!(line.fold(i), "un" | "une");
            if lone_article && scale_at(line, n.end).is_none() {
                return Step::Nothing;
            }
            return self.quantity(n, i, floor, None);
        }
        // A scale word alone: "des centaines de milliers", "plusieurs milliers de jeunes".
        let w = line.fold(i);
        if w.len() >= 4 && scale_at(line, i).is_some() {
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
    fn number_at(&self, i: usize) -> Option<Number> {
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
    fn qualifier_before(&self, lead: usize, floor: usize) -> Option<(usize, Meaning)> {
        self.lex.qualifiers.iter().find_map(|(toks, meaning)| {
            let start = lead.checked_sub(toks.len())?;
            (start >= floor && self.line.matches(start, toks)).then_some((start, *meaning))
        })
    }

    /// Token `lead - 1` makes a 4-digit number a year: "en", a month, a capitalized name.
    fn year_context(&self, lead: usize) -> bool {
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
    fn quantity(&self, n: Number, lead: usize, floor: usize, default: Option<Qualifier>) -> Step {
        let line = self.line;
        let n = apply_scales(line, n);
        let mut start = lead;
        let mut low = n.value;
        let mut high: Option<f64> = None;
        let mut end = n.end;
        let mut scale = n.scale;

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
                    if !n.scaled && h.scaled {
                        low *= h.scale;
                        scale = h.scale;
                    }
                    high = Some(h.value);
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

        let mut tail = self.tail(end, n.scaled || scale != 1.0, low >= 2.0);
        // The figure's span ends at its own unit, not at one carried from further on.
        let fig_end = tail.map_or(end, |t| t.end);
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
        let Some(tail) = tail else {
            return Step::Skip(end);
        };

        let (start, qualifier) = match self.qualifier_before(start, floor) {
            Some((q, Meaning::Qualifier(m))) => (q, Some(m)),
            // A bare plural scale says "over" even when its scale is approximate ("des centaines").
            _ => (start, default.or(n.about.then_some(Qualifier::About))),
        };

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
        let fig = match tail.what {
            TailKind::Unit(u) if u.code == "%" => {
                if n.scaled {
                    return Step::Skip(fig_end);
                }
                self.figure(
                    start,
                    fig_end,
                    low,
                    high,
                    FigureKind::Percent,
                    "%".into(),
                    Category::Share,
                    qualifier,
                )
            }
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
        };
        Step::Figure(fig, fig_end)
    }

    /// The unit after an item of a list whose own unit comes later.
    fn carried_tail(&self, mut k: usize) -> Option<(Tail, f64)> {
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
    fn tail(&self, j: usize, scaled: bool, plural: bool) -> Option<Tail> {
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
    fn with_distributive(&self, start: usize, end: usize, class: NounClass) -> Tail {
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

    fn is_acronym(&self, i: usize) -> bool {
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
    fn plausible_noun(&self, i: usize, allow_upper: bool) -> bool {
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

    /// "7ème édition", "30ème anniversaire", "11e Salon"; "1er janvier" is a date.
    fn ordinal(&self, i: usize, n: Number, j: usize) -> Step {
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

    #[allow(clippy::too_many_arguments)]
    fn figure(
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
