//! The figure lexicons: currencies and the percent sign (`units.txt`), units of measure
//! (`measures.txt`), counted nouns (`nouns.txt`), qualifiers (`qualifiers.txt`), ordinal words
//! (`ordinals.txt`) and context words (`context.txt`), parsed once from the files
//! embedded from `data/lexicon/`. A malformed line is skipped and reported, never a panic.

use crate::numbers::{parse_rows, parse_value, Line, WordMap};
use raqmi_model::document::{Category, Qualifier};
use raqmi_model::text::fold;
use std::sync::OnceLock;

/// A currency, the percent sign or a unit of measure ("m²", "MW", "km", "Go").
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Unit {
    pub(super) code: &'static str,
    pub(super) factor: f64,
    /// A unit of measure: the figure is a count of it (category other), not money.
    pub(super) measure: bool,
}

/// What a counted noun makes of a count.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum NounClass {
    Category(Category),
    Duration,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Meaning {
    Qualifier(Qualifier),
    Factor,
}

// Roles of context.txt, as bits: a word may have several ("en" is a year prefix and no noun).
pub(super) const MONTH: u8 = 1;
pub(super) const YEAR_PREFIX: u8 = 2;
pub(super) const NOT_NOUN: u8 = 4;
pub(super) const ADJECTIVE: u8 = 8;
pub(super) const ORDINAL_SUFFIX: u8 = 16;
pub(super) const NOT_ORDINAL: u8 = 32;
pub(super) const RANK: u8 = 64;
pub(super) const RANKED: u8 = 128;

/// Phrases of one or more folded tokens, looked up by their first token.
pub(super) struct Phrases<V> {
    pub(super) by_first: WordMap<Vec<(Vec<String>, V)>>,
}

impl<V: Copy> Phrases<V> {
    pub(super) fn new() -> Self {
        Phrases {
            by_first: WordMap::default(),
        }
    }

    pub(super) fn insert(&mut self, phrase: &str, value: V) {
        let toks = Line::phrase_tokens(phrase);
        if let Some(first) = toks.first() {
            let list = self.by_first.entry(first.clone()).or_default();
            list.push((toks, value));
            // Longest first, so "jeunes filles" wins over "jeunes".
            list.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        }
    }

    /// The longest phrase starting at token `at`: (token after it, value).
    pub(super) fn longest(&self, line: &Line, at: usize) -> Option<(usize, V)> {
        let list = self.by_first.get(line.fold(at))?;
        list.iter()
            .find(|(toks, _)| line.matches(at, toks))
            .map(|(toks, v)| (at + toks.len(), *v))
    }
}

pub(super) struct Lexicons {
    pub(super) units: Phrases<Unit>,
    pub(super) nouns: Phrases<NounClass>,
    /// (phrase, meaning), longest first.
    pub(super) qualifiers: Vec<(Vec<String>, Meaning)>,
    /// Ordinal words, folded ("deuxieme" -> 2).
    pub(super) ordinals: WordMap<f64>,
    pub(super) context: WordMap<u8>,
}

macro_rules! lexicon_file {
    ($name:literal) => {
        (
            concat!("data/lexicon/", $name),
            include_str!(concat!("../../data/lexicon/", $name)),
        )
    };
}

pub(super) const UNITS: (&str, &str) = lexicon_file!("units.txt");
pub(super) const NOUNS: (&str, &str) = lexicon_file!("nouns.txt");
pub(super) const QUALIFIERS: (&str, &str) = lexicon_file!("qualifiers.txt");
pub(super) const CONTEXT: (&str, &str) = lexicon_file!("context.txt");
const MEASURES: (&str, &str) = lexicon_file!("measures.txt");
const ORDINALS: (&str, &str) = lexicon_file!("ordinals.txt");

impl Lexicons {
    /// Parses the embedded files; a malformed line is skipped and reported as `file:line: …`.
    pub(super) fn parse(errors: &mut Vec<String>) -> Self {
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
                units.insert(
                    row.fields[0],
                    Unit {
                        code,
                        factor,
                        measure: false,
                    },
                );
            }
        }
        let (file, src) = MEASURES;
        for row in parse_rows(file, src, 2, errors) {
            let unit = Unit {
                code: row.fields[1],
                factor: 1.0,
                measure: true,
            };
            units.insert(row.fields[0], unit);
        }

        let mut ordinals = WordMap::default();
        let (file, src) = ORDINALS;
        for row in parse_rows(file, src, 2, errors) {
            if let Some(v) = parse_value(file, &row, 1, errors) {
                ordinals.insert(fold(row.fields[0]), v);
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
                "not_ordinal" => NOT_ORDINAL,
                "rank" => RANK,
                "ranked" => RANKED,
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
            ordinals,
            context,
        }
    }
}

pub(super) fn lexicons() -> &'static Lexicons {
    static LEX: OnceLock<Lexicons> = OnceLock::new();
    LEX.get_or_init(|| Lexicons::parse(&mut Vec::new()))
}
