//! French numerals as the press writes them. This module owns:
//! - the line lexer every figure rule reads ([`Line`]): runs of ASCII digits, words, single
//!   punctuation marks, each with its folded form and the kind of space before it;
//! - digit numbers with thousands separators ("1 200", "6.500", U+00A0, U+202F), decimal
//!   commas ("3,9", and "13, 3" before a scale word) and decimal points before a scale or unit
//!   ("9.7 millions", "2.5%");
//! - number words ("trois", "dix-huit", "quatre-vingt-dix", "deux cents") and scale words
//!   ("millions", "milliers", "une centaine", "10k");
//! - the tab-separated lexicon format shared by every file under `data/lexicon/`.
//!
//! Nothing here allocates per character: a [`Line`] keeps its token and folded-text buffers
//! between lines, and lexicon lookups borrow the folded text.

use raqmi_model::text::fold_char;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A multiply-rotate hasher (the FxHash recipe) for the lexicon maps: their keys are short
/// words from our own data files, so SipHash's DoS resistance buys nothing and costs a third
/// of the extraction time.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by folded words.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

// ---------------------------------------------------------------------------------------------
// Lexer

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// A run of ASCII digits.
    Num,
    /// A run of letters, combining marks and the unit signs `%`, `€`, `$` (so that "M€" and
    /// "MDH" are one word each, and "78%" is a number glued to the word "%").
    Word,
    /// Any other single character that is not a space.
    Punct,
}

/// The white space between a token and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Glued to the previous token ("7ème", "6.500", "Le360").
    None,
    /// Exactly one space-like character (space, U+00A0, U+202F…): a possible thousands separator.
    One,
    /// More space, or the start of the line.
    More,
}

/// One token of a line: byte range in the whole text, kind, space before, folded form.
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub gap: Gap,
    /// The first character is upper case ("Assises", "Une").
    pub upper: bool,
    fold_start: u32,
    fold_end: u32,
}

impl Tok {
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Folds `c` onto `out`; ASCII, nearly every character of the text, skips the big match.
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(fold_char(c).chars());
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || matches!(c, '%' | '$');
    }
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c) || matches!(c, '%' | '€' | '$')
}

/// The tokens of one line of text. Reused from line to line so lexing does not allocate once
/// the buffers have grown to the longest line.
#[derive(Default)]
pub struct Line {
    pub toks: Vec<Tok>,
    folded: String,
}

impl Line {
    /// Lexes `line`, a piece of a larger text that starts at byte `offset` of it.
    pub fn lex(&mut self, line: &str, offset: usize) {
        self.toks.clear();
        self.folded.clear();
        let mut spaces = 2usize; // the start of a line counts as a wide gap
        let mut iter = line.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if c.is_whitespace() {
                spaces += 1;
                continue;
            }
            let gap = match spaces {
                0 => Gap::None,
                1 => Gap::One,
                _ => Gap::More,
            };
            spaces = 0;
            let fold_start = self.folded.len() as u32;
            let mut end = i + c.len_utf8();
            let kind = if c.is_ascii_digit() {
                self.folded.push(c);
                while let Some(&(j, d)) = iter.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    self.folded.push(d);
                    end = j + 1;
                    iter.next();
                }
                TokKind::Num
            } else if is_word_char(c) {
                push_folded(&mut self.folded, c);
                while let Some(&(j, d)) = iter.peek() {
                    if !is_word_char(d) {
                        break;
                    }
                    push_folded(&mut self.folded, d);
                    end = j + d.len_utf8();
                    iter.next();
                }
                TokKind::Word
            } else {
                self.folded.extend(fold_char(c).chars());
                TokKind::Punct
            };
            self.toks.push(Tok {
                start: offset + i,
                end: offset + end,
                kind,
                gap,
                upper: c.is_uppercase(),
                fold_start,
                fold_end: self.folded.len() as u32,
            });
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The folded form of token `i` ("" past the end), e.g. "d’" -> "d" then "'".
    pub fn fold(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self
                .folded
                .get(t.fold_start as usize..t.fold_end as usize)
                .unwrap_or(""),
            None => "",
        }
    }

    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Token `i` is glued to token `i - 1`.
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| t.gap == Gap::None)
    }

    /// Token `i` is the punctuation mark `c` (folded: ’ is ', – is -).
    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.kind(i) == Some(TokKind::Punct) && self.fold(i) == c
    }

    /// The folded forms of a short phrase ("jusqu’à" -> ["jusqu", "'", "a"]).
    pub fn phrase_tokens(phrase: &str) -> Vec<String> {
        let mut line = Line::default();
        line.lex(phrase, 0);
        (0..line.len()).map(|i| line.fold(i).to_string()).collect()
    }

    /// Tokens `at..` spell `phrase` (folded).
    pub fn matches(&self, at: usize, phrase: &[String]) -> bool {
        at + phrase.len() <= self.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, w)| self.fold(at + k) == w)
    }
}

// ---------------------------------------------------------------------------------------------
// Lexicon files

/// One parsed line of a lexicon file: its 1-based line number and its tab-separated fields.
pub struct Row<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

/// Splits a lexicon file into rows. Format shared by every file: UTF-8, one entry per line,
/// fields separated by one TAB, `#` starts a comment line, blank lines are ignored, spaces
/// around fields are trimmed. A line with the wrong number of fields is reported as
/// `file:line: message` in `errors` and skipped.
pub fn parse_rows<'a>(
    file: &str,
    src: &'a str,
    columns: usize,
    errors: &mut Vec<String>,
) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    for (n, raw) in src.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if fields.len() != columns || fields.iter().any(|f| f.is_empty()) {
            errors.push(format!(
                "{file}:{}: expected {columns} non-empty TAB-separated fields, found {:?}",
                n + 1,
                raw
            ));
            continue;
        }
        rows.push(Row {
            line: n + 1,
            fields,
        });
    }
    rows
}

/// Parses a number field of a lexicon file ("1000", "1e6", "0.5").
pub fn parse_value(file: &str, row: &Row, field: usize, errors: &mut Vec<String>) -> Option<f64> {
    let text = row.fields.get(field)?;
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Some(v),
        _ => {
            errors.push(format!("{file}:{}: not a number: {text:?}", row.line));
            None
        }
    }
}

/// A scale word: "millions" multiplies by 1e6; "centaine" also makes the figure approximate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub factor: f64,
    pub about: bool,
}

/// Number words and scale words, folded.
pub struct NumberLexicon {
    pub words: WordMap<f64>,
    pub scales: WordMap<Scale>,
}

const NUMBERS_FILE: &str = "data/lexicon/numbers.txt";
const NUMBERS_SRC: &str = include_str!("../data/lexicon/numbers.txt");
const SCALES_FILE: &str = "data/lexicon/scales.txt";
const SCALES_SRC: &str = include_str!("../data/lexicon/scales.txt");

impl NumberLexicon {
    /// Parses the embedded data files; malformed lines are skipped and reported in `errors`.
    pub fn parse(errors: &mut Vec<String>) -> Self {
        let mut words = WordMap::default();
        for row in parse_rows(NUMBERS_FILE, NUMBERS_SRC, 2, errors) {
            if let Some(v) = parse_value(NUMBERS_FILE, &row, 1, errors) {
                words.insert(raqmi_model::text::fold(row.fields[0]), v);
            }
        }
        let mut scales = WordMap::default();
        for row in parse_rows(SCALES_FILE, SCALES_SRC, 3, errors) {
            let about = match row.fields[2] {
                "exact" => false,
                "about" => true,
                other => {
                    errors.push(format!(
                        "{SCALES_FILE}:{}: precision must be exact or about, not {other:?}",
                        row.line
                    ));
                    continue;
                }
            };
            if let Some(factor) = parse_value(SCALES_FILE, &row, 1, errors) {
                scales.insert(
                    raqmi_model::text::fold(row.fields[0]),
                    Scale { factor, about },
                );
            }
        }
        NumberLexicon { words, scales }
    }
}

/// The embedded number lexicon, parsed once.
pub fn number_lexicon() -> &'static NumberLexicon {
    static LEX: OnceLock<NumberLexicon> = OnceLock::new();
    LEX.get_or_init(|| NumberLexicon::parse(&mut Vec::new()))
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// A number read from tokens `start..end` of a line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Digit count when the number is a bare run of digits ("2022" -> 4), else 0: years and
    /// ordinals are only ever bare digit runs.
    pub bare_digits: usize,
    /// A scale word was applied ("3,9 millions", "deux milliers").
    pub scaled: bool,
    /// The scale word makes it approximate ("une centaine").
    pub about: bool,
    /// The product of the scale words applied (1 when none): a range or list inherits it
    /// ("entre 10 et 15 millions").
    pub scale: f64,
}

/// Longest digit run we read: beyond 15 digits an f64 is no longer exact, and no press figure
/// is written that way.
const MAX_DIGITS: usize = 15;

fn digits_value(s: &str) -> f64 {
    s.bytes()
        .fold(0.0, |acc, b| acc * 10.0 + f64::from(b.wrapping_sub(b'0')))
}

/// Reads a digit number at token `i`: thousands groups and a decimal comma. `before_scale(j)`
/// tells whether token `j` starts a scale or unit word, which is the only case where a comma
/// followed by a space still makes a decimal ("13, 3 millions", but "10, 15 startups" is a list).
pub fn digits_at(line: &Line, i: usize, before_scale: impl Fn(usize) -> bool) -> Option<Number> {
    let first = line.toks.get(i)?;
    if first.kind != TokKind::Num || first.len() > MAX_DIGITS {
        return None;
    }
    let mut value = digits_value(line.fold(i));
    let mut digits = first.len();
    let mut end = i + 1;
    let mut bare = true;
    // Thousands: a 1-3 digit head, then groups of exactly three digits, all separated the same
    // way (one space-like character, or a dot glued on both sides).
    if first.len() <= 3 {
        let mut dot: Option<bool> = None;
        loop {
            let (is_dot, next) =
                if line.is_punct(end, ".") && line.glued(end) && line.glued(end + 1) {
                    (true, end + 1)
                } else if line.kind(end) == Some(TokKind::Num) && line.toks[end].gap == Gap::One {
                    (false, end)
                } else {
                    break;
                };
            let group = match line.toks.get(next) {
                Some(t) if t.kind == TokKind::Num && t.len() == 3 => t,
                _ => break,
            };
            // "6.500" and "1 200"; a following glued digit group of another size ("1.2345")
            // is not a thousands number.
            if dot.is_some_and(|d| d != is_dot) || digits + group.len() > MAX_DIGITS {
                break;
            }
            dot = Some(is_dot);
            value = value * 1000.0 + digits_value(line.fold(next));
            digits += 3;
            end = next + 1;
            bare = false;
        }
    }
    // Decimal point, English style, only right before a scale or unit ("9.7 millions",
    // "2.5%"): elsewhere "4.0" is a label and "1.200" a thousands group.
    if bare
        && line.is_punct(end, ".")
        && line.glued(end)
        && line.kind(end + 1) == Some(TokKind::Num)
        && line.glued(end + 1)
        && line.toks[end + 1].len() <= MAX_DIGITS
        && before_scale(end + 2)
    {
        let t = &line.toks[end + 1];
        value += digits_value(line.fold(end + 1)) / 10f64.powi(t.len() as i32);
        end += 2;
        bare = false;
    }
    // Decimal comma: "3,9", or "13, 3" when a scale word follows the single decimal digit.
    if line.is_punct(end, ",") && line.glued(end) {
        if let Some(t) = line.toks.get(end + 1) {
            let glued = t.gap == Gap::None;
            let stray = t.gap == Gap::One && t.len() == 1 && before_scale(end + 2);
            if t.kind == TokKind::Num && (glued || stray) && t.len() <= MAX_DIGITS {
                let frac = digits_value(line.fold(end + 1)) / 10f64.powi(t.len() as i32);
                value += frac;
                end += 2;
                bare = false;
            }
        }
    }
    Some(Number {
        start: i,
        end,
        value,
        bare_digits: if bare { digits } else { 0 },
        scaled: false,
        about: false,
        scale: 1.0,
    })
}

/// Reads number words at token `i`: "trois", "dix-huit", "vingt et un", "quatre-vingt-dix",
/// "deux cent mille". Scale words are left to [`scale_at`].
pub fn words_at(line: &Line, i: usize) -> Option<Number> {
    let lex = number_lexicon();
    let mut total = 0.0;
    let mut current = 0.0;
    let mut previous = 0.0;
    let mut j = i;
    let mut end = i;
    // No written numeral needs more than a dozen words; stop before a pathological run of
    // "cent cent cent…" overflows.
    while let Some(&v) = lex.words.get(line.fold(j)).filter(|_| end - i < 12) {
        if v == 100.0 {
            current = if current == 0.0 {
                100.0
            } else {
                current * 100.0
            };
        } else if v == 1000.0 {
            total += if current == 0.0 {
                1000.0
            } else {
                current * 1000.0
            };
            current = 0.0;
        } else if v == 20.0 && previous == 4.0 {
            // "quatre-vingt(s)": four twenties.
            current += 76.0;
        } else {
            current += v;
        }
        previous = v;
        end = j + 1;
        // Joined by a hyphen ("dix-huit"), by "et" ("vingt et un") or by a space.
        let joined = (line.is_punct(end, "-") && line.glued(end) && line.glued(end + 1))
            || (line.fold(end) == "et" && matches!(line.fold(end + 1), "un" | "une" | "onze"));
        let next = if joined { end + 1 } else { end };
        if next >= line.len() || line.kind(next) != Some(TokKind::Word) {
            break;
        }
        j = next;
    }
    if end == i {
        return None;
    }
    Some(Number {
        start: i,
        end,
        value: total + current,
        bare_digits: 0,
        scaled: false,
        about: false,
        scale: 1.0,
    })
}

/// The scale word at token `i`, if any.
pub fn scale_at(line: &Line, i: usize) -> Option<Scale> {
    if line.kind(i) != Some(TokKind::Word) {
        return None;
    }
    number_lexicon().scales.get(line.fold(i)).copied()
}

/// Applies the scale words after a number: "3,9 millions", "deux milliers", "une centaine",
/// "centaines de milliers" (scales chain through "de").
pub fn apply_scales(line: &Line, mut n: Number) -> Number {
    let mut j = n.end;
    let mut applied = 0;
    // Three scales at most ("centaines de milliers de millions" is already absurd): a longer
    // chain is noise, and would overflow.
    while let Some(s) = scale_at(line, j).filter(|_| applied < 3) {
        applied += 1;
        n.value *= s.factor;
        n.scale *= s.factor;
        n.about |= s.about;
        n.scaled = true;
        n.bare_digits = 0;
        n.end = j + 1;
        if line.fold(n.end) == "de" && scale_at(line, n.end + 1).is_some() {
            j = n.end + 1;
        } else {
            break;
        }
    }
    // "un milliard et demi": half a unit of the last scale.
    if applied > 0 && line.fold(n.end) == "et" && matches!(line.fold(n.end + 1), "demi" | "demie") {
        n.value += 0.5 * n.scale;
        n.end += 2;
    }
    n
}

/// Parses a whole French numeral written alone ("1 200", "13, 3 millions", "dix-huit",
/// "deux milliers"): the first number of `s`, scales applied. For tests and tools.
pub fn parse_number(s: &str) -> Option<f64> {
    let mut line = Line::default();
    line.lex(s, 0);
    let n = digits_at(&line, 0, |j| scale_at(&line, j).is_some()).or_else(|| words_at(&line, 0))?;
    Some(apply_scales(&line, n).value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_lexicon_lines_are_reported_with_file_and_line() {
        let mut errors = Vec::new();
        let src = "# comment\nmillions\t1e6\texact\n\nmilliards 1e9 exact\nk\t\texact\n";
        let rows = parse_rows("scales.txt", src, 3, &mut errors);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 2);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("scales.txt:4: "), "{}", errors[0]);
        assert!(errors[1].starts_with("scales.txt:5: "), "{}", errors[1]);
        let bad = Row {
            line: 7,
            fields: vec!["k", "beaucoup"],
        };
        assert_eq!(parse_value("scales.txt", &bad, 1, &mut errors), None);
        assert!(errors[2].starts_with("scales.txt:7: "), "{}", errors[2]);
    }

    #[test]
    fn lexer_keeps_units_glued_and_apostrophes_apart() {
        let mut line = Line::default();
        line.lex("d’euros 78% 5M€ 7ème", 0);
        let folds: Vec<_> = (0..line.len()).map(|i| line.fold(i)).collect();
        assert_eq!(folds, ["d", "'", "euros", "78", "%", "5", "m€", "7", "eme"]);
        assert_eq!(line.toks[4].gap, Gap::None);
        assert_eq!(line.toks[3].gap, Gap::One);
    }

    #[test]
    fn parses_digit_groups_and_decimals() {
        let cases = [
            ("1 200", 1200.0),
            ("1\u{a0}200", 1200.0),
            ("1\u{202f}200\u{202f}000", 1_200_000.0),
            ("6.500", 6500.0),
            ("3,9", 3.9),
            ("13, 3 millions", 13_300_000.0),
            ("7,9 MMDH", 7.9),
            ("9.7 millions", 9_700_000.0),
            ("un milliard et demi", 1_500_000_000.0),
            ("2022", 2022.0),
        ];
        for (text, want) in cases {
            let got = parse_number(text);
            assert!(
                got.is_some_and(|v| (v - want).abs() < 1e-6),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn does_not_merge_lists_or_mixed_separators() {
        assert_eq!(parse_number("10, 15 startups"), Some(10.0));
        assert_eq!(parse_number("2020 150"), Some(2020.0));
        assert_eq!(parse_number("1.200 300"), Some(1200.0));
    }

    #[test]
    fn parses_number_words() {
        let cases = [
            ("trois", 3.0),
            ("douze", 12.0),
            ("dix-huit", 18.0),
            ("vingt et un", 21.0),
            ("quatre-vingt-dix", 90.0),
            ("quatre-vingts", 80.0),
            ("deux cent mille", 200_000.0),
            ("deux milliers", 2000.0),
            ("une centaine", 100.0),
            ("trois millions", 3e6),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), Some(want), "{text}");
        }
    }
}
