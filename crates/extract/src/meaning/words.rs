//! The words of one sentence as the meaning rules see them: byte ranges, folded forms, whether
//! punctuation separates a word from the one before, whether it is an elided article ("l’",
//! "d’"), and the small closed word lists (determiners, prepositions, verbs that end a noun
//! phrase) the rules are written with. No lexicon of open classes: French nouns are recognised
//! by where they stand, not by a list.

use raqmi_model::document::Span;
use raqmi_model::text::{fold, tokens};

/// A word of a sentence.
#[derive(Clone, Debug)]
pub(super) struct Word {
    /// Byte range in the document text (an elided word includes its apostrophe).
    pub start: usize,
    pub end: usize,
    /// Folded (lower case, no accents, one apostrophe): "l'" for "L’".
    pub folded: String,
    /// Punctuation (not an apostrophe or a hyphen) stands between this word and the previous.
    pub after_punct: bool,
    /// An elided article or pronoun that joins the next word ("l’", "d’", "qu’", "s’").
    pub elided: bool,
    /// Its first letter is a capital.
    pub capital: bool,
}

impl Word {
    pub fn is(&self, any: &[&str]) -> bool {
        any.contains(&self.folded.as_str())
    }
    /// Membership in [`PHRASE_START`], where "a" is the verb ("a réuni"),
    /// never the preposition "à" that folds to the same letters ("alloué à l’offshoring").
    pub fn bounds(&self, list: &[&str], text: &str) -> bool {
        if self.folded == "a" {
            return text.get(self.start..self.end) == Some("a");
        }
        self.is(list)
    }
    pub fn is_number(&self) -> bool {
        self.folded.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// The words of `text[span]`.
pub(super) fn words(text: &str, span: Span) -> Vec<Word> {
    let base = span.start as usize;
    let Some(s) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut out: Vec<Word> = Vec::new();
    let mut prev_end = 0;
    for t in tokens(s) {
        let gap = &s[prev_end..t.start];
        // Spaces, apostrophes, hyphens and unit signs keep words together; any other mark
        // (comma, period, quote, bracket, colon) separates them.
        // "4.0", "13,3": a decimal mark between digits does not separate.
        let decimal = matches!(gap, "." | ",")
            && t.text.starts_with(|c: char| c.is_ascii_digit())
            && s[..t.start - gap.len()].ends_with(|c: char| c.is_ascii_digit());
        let after_punct = !decimal
            && gap.chars().any(|c| {
                let joins = c.is_whitespace()
                    || matches!(
                        c,
                        '\'' | '’' | '‘' | 'ʼ' | '-' | '‐' | '‑' | '%' | '€' | '$'
                    );
                !joins
            });
        let mut end = t.end;
        let mut elided = false;
        // An apostrophe right after a short word makes it an elided article.
        if let Some(c) = s[t.end..].chars().next() {
            if matches!(c, '\'' | '’' | 'ʼ') && t.text.chars().count() <= 3 {
                let f = fold(t.text);
                if matches!(
                    f.as_str(),
                    "l" | "d" | "qu" | "s" | "n" | "j" | "c" | "m" | "t" | "jusqu" | "lorsqu"
                ) {
                    end += c.len_utf8();
                    elided = true;
                }
            }
        }
        out.push(Word {
            // A decimal part keeps its mark (".0" of "4.0"), so the phrase writes it back whole.
            start: base + t.start - if decimal { gap.len() } else { 0 },
            end: base + end,
            folded: fold(&s[t.start..end]),
            after_punct: after_punct || out.is_empty(),
            elided,
            capital: t.text.starts_with(char::is_uppercase),
        });
        prev_end = end;
    }
    out
}

/// Articles, demonstratives and possessives.
#[rustfmt::skip]
pub(super) const DETERMINERS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "du", "son", "sa", "ses", "leur", "leurs",
    "ce", "cet", "cette", "ces", "notre", "nos", "votre", "vos",
];

/// Prepositions and articles that may link the words of a noun phrase ("centre de formation
/// des compétences en programmation").
#[rustfmt::skip]
pub(super) const LINKS: &[&str] = &[
    "de", "d'", "du", "des", "en", "a", "au", "aux", "la", "le", "les", "l'",
];

/// Words that end a noun phrase read left to right: relative pronouns, conjunctions that open
/// a clause, auxiliaries and common verbs, prepositions that open an adjunct, pronouns.
#[rustfmt::skip]
pub(super) const PHRASE_END: &[&str] = &[
    "vise", "visent", "concerne", "permet", "permettra", "prevoit", "mobilise", "atteint", "reunit", "rassemble", "accueille", "emploie", "passe", "passent", "qui", "que", "qu'", "dont", "ou", "et", "mais", "car", "puis", "donc", "a", "ont", "est",
    "sont", "sera", "seront", "etait", "etaient", "avait", "avaient", "s'", "se", "ne", "n'",
    "y", "pour", "avec", "par", "dans", "sur", "selon", "lors", "afin", "grace", "contre", "il",
    "elle", "ils", "elles", "on", "c'", "ce", "cet", "cette", "ces", "soit", "sous", "chez",
    "vers", "entre", "depuis", "pendant", "avant", "apres", "comme", "contre", "parmi", "alors",
    "tandis", "issus", "issues", "engages", "engagees", "represente", "representant",
    "representent", "venus", "venues", "originaires", "repartis", "reparties", "provenant",
    "peut", "peuvent", "pourrait", "pourraient", "doit", "doivent", "va", "vont", "devrait",
    "devraient", "etre",
];

/// Words that start the noun phrase read right to left: verbs and the words that introduce
/// what an amount or share is about ("concerne", "est liée à", "vise").
#[rustfmt::skip]
pub(super) const PHRASE_START: &[&str] = &[
    "contre", "passe", "passent", "passera", "passant", "vise", "reunit", "rassemble", "accueille", "qui", "que", "qu'", "dont", "est", "sont", "a", "ont", "sera", "seront", "etait",
    "concerne", "concernent", "vise", "visent", "porte", "portent", "liee", "lie", "lies",
    "liees", "consiste", "prevoit", "prevoient", "comprend", "permet", "permettra", "inclut",
    "represente", "representent", "atteint", "atteignent", "mobilise", "mobilisent", "totalise",
    "coute", "eleve", "elevent", "agit", "compte", "comptent", "trait", "destine", "destinee",
    "consacre", "consacree", "alloue", "allouee", "annonce", "lance", "debloque", "investit",
    "injecte", "octroie", "accorde", "signe", "il", "elle", "ils", "elles", "on", "c'", "ce",
    "pour", "selon", "lors", "afin", "grace", "ainsi", "notamment", "peut", "peuvent",
    "pourrait", "pourraient", "doit", "doivent", "va", "vont", "devrait", "devraient", "etre",
];

/// Nouns that frame an amount rather than say what it funds ("une enveloppe budgétaire de").
#[rustfmt::skip]
pub(super) const MONEY_FRAMES: &[&str] = &[
    "enveloppe", "budget", "montant", "montage", "investissement", "investissements", "cout",
    "financement", "somme", "dotation", "hauteur", "valeur", "capital", "levee", "cagnotte",
    "budgetaire", "financier", "financiere", "global", "globale", "total", "totale", "estime",
    "estimee", "initial", "initiale", "annuel", "annuelle", "un", "une", "le", "la", "l'",
    "son", "sa", "leur", "de", "d'", "du", "pour", "avec", "moyennant", "a", "par", "pres",
];

/// Adjectives that come before the noun they qualify, skipped to find a phrase's head.
#[rustfmt::skip]
pub(super) const PRENOMINAL: &[&str] = &[
    "jeunes", "jeune", "principaux", "principales", "principal", "principale", "derniers",
    "dernieres", "premiers", "premieres", "nouveaux", "nouvelles", "nouveau", "nouvelle",
    "grands", "grandes", "petits", "petites", "autres", "differents", "differentes",
    "plusieurs", "quelque", "quelques", "certains", "certaines", "nombreux", "nombreuses",
    "premier", "premiere", "seconde", "second", "meme", "memes",
];

/// Nouns for the people who speak for an organisation ("le président de l’APEBI").
#[rustfmt::skip]
pub(super) const SPOKESPEOPLE: &[&str] = &[
    "president", "presidente", "directeur", "directrice", "ministre", "dg", "patron",
    "patronne", "fondateur", "fondatrice", "porte-parole", "parole", "responsable",
    "secretaire", "dirigeant", "dirigeants", "staff", "equipe", "pdg", "ceo", "coordinateur",
    "coordinatrice", "membres",
];

/// True when `w` is a function word (determiner, link, conjunction) that cannot begin or end a
/// subject.
pub(super) fn is_function(w: &Word) -> bool {
    w.elided || w.is(DETERMINERS) || w.is(LINKS) || w.is(&["et", "ou", "a", "par"])
}
