//! Organisations recognised by their shape rather than from the gazetteer: an institution head
//! noun ("Ministère", "Conseil", "Chambre", "Agence", "Fonds", "Banque"…) and its complement
//! ("ministère de la Transition numérique", "Conseil de la région Guelmim-Oued Noun", "Chambre
//! des conseillers", "Banque mondiale", "Technopark Essaouira").
//!
//! The complement is read word by word: connectors ("de", "de la", "des", "du", "d’", "et de"),
//! capitalized words, a lower-case noun right after a connector, and adjectives (by their
//! ending: "numérique", "mondiale", "marocain") after a noun. It stops at punctuation other
//! than a hyphen or an apostrophe, and at any other word (a verb: "la Chambre des conseillers
//! a adopté" stops before "a"). A trailing connector is dropped.
//!
//! Capitalized heads take any such complement. Heads that French writes in lower case
//! ("ministère", "conseil", "direction") are a name only when the complement holds a
//! capitalized word: "le conseil d’administration" is a common noun, "le conseil de la région
//! Guelmim-Oued Noun" an institution. The canonical form is the name as written, first letter
//! capitalized, apostrophes straightened, so both spellings merge.

use super::candidates::Candidate;
use super::fast_map::FastMap;
use super::tokens::{word_stem, Tokens, CAP};
use raqmi_model::document::EntityKind;
use std::sync::OnceLock;

/// Head nouns of institutions (stems: no final "s"). `true`: French writes them in lower case
/// too, and then a capitalized word must follow.
const HEADS: &[(&str, bool)] = &[
    ("ministère", true),
    ("conseil", true),
    ("direction", true),
    ("département", true),
    ("délégation", true),
    ("secrétariat", true),
    ("commission", true),
    ("chambre", false),
    ("agence", false),
    ("fonds", false),
    ("office", false),
    ("université", false),
    ("école", false),
    ("fédération", false),
    ("confédération", false),
    ("association", false),
    ("banque", false),
    ("groupe", false),
    ("fondation", false),
    ("caisse", false),
    ("observatoire", false),
    ("institut", false),
    ("autorité", false),
    ("académie", false),
    ("haute", false),
    ("cour", false),
    ("technopark", false),
    ("technoparc", false),
    ("incubateur", false),
    ("cluster", false),
    ("union", false),
];

/// Words that join a head to its complement or two complements ("et" only before "de", "des",
/// "du" or "d’": "Caisse de dépôt et de gestion"; "et l’École…" starts another name).
const CONNECTORS: &[&str] = &["de", "des", "du", "d", "la", "l", "pour", "au", "aux", "et"];

/// Lower-case words that are no noun of a complement.
const STOPS: &[&str] = &[
    "ce",
    "ces",
    "cet",
    "cette",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "notre",
    "nos",
    "votre",
    "un",
    "une",
    "tout",
    "tous",
    "toute",
    "toutes",
    "plus",
    "moins",
    "chaque",
    "certains",
    "plusieurs",
    "autres",
    "dont",
    "qui",
    "que",
    "est",
    "sont",
    "a",
    "ont",
    "le",
    "les",
];

/// Folded endings of adjectives ("numérique", "mondiale", "marocain", "national").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ique", "ale", "al", "aux", "ales", "elle", "el", "ien", "ienne", "enne", "aire", "if", "ive",
    "ais", "aise", "ain", "aine", "ains", "aines", "iques", "aires", "eur", "eure",
];

/// At most this many words after the head.
const MAX_WORDS: usize = 12;

struct Sets {
    heads: FastMap<Vec<u8>, bool>,
    /// The stems of the heads written in lower case too: a lower-case word, most of the text,
    /// is compared with these few rather than hashed.
    lower_heads: Vec<Vec<u8>>,
    connectors: FastMap<&'static [u8], ()>,
    stops: FastMap<&'static [u8], ()>,
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| {
        let heads: FastMap<Vec<u8>, bool> = HEADS.iter().map(|&(w, l)| (word_stem(w), l)).collect();
        let lower_heads = HEADS
            .iter()
            .filter(|h| h.1)
            .map(|&(w, _)| word_stem(w))
            .collect();
        Sets {
            heads,
            lower_heads,
            connectors: CONNECTORS.iter().map(|w| (w.as_bytes(), ())).collect(),
            stops: STOPS.iter().map(|w| (w.as_bytes(), ())).collect(),
        }
    })
}

/// Only spaces, or one apostrophe or hyphen, between two words of a name.
fn name_gap(gap: &str) -> bool {
    let trimmed = gap.trim_matches([' ', '\u{a0}']);
    gap.len() <= 4 && matches!(trimmed, "" | "'" | "’" | "-")
}

/// A lower-case word after a connector that can be the noun of a complement: not a function
/// word, not an infinitive ("le Conseil des Oulémas d’émettre un avis" stops before it).
fn is_complement_noun(sets: &Sets, key: &[u8]) -> bool {
    key.len() >= 3
        && !sets.stops.contains_key(key)
        && ![&b"er"[..], b"ir", b"tre", b"dre"]
            .iter()
            .any(|e| key.ends_with(e))
}

fn is_adjective(key: &[u8]) -> bool {
    key.len() >= 5
        && ADJECTIVE_ENDINGS
            .iter()
            .any(|e| key.ends_with(e.as_bytes()))
}

/// Every institution name of the text, as candidates (they compete with the gazetteer's by
/// length in `extract_entities`).
pub(super) fn institution_names(doc: &Tokens) -> Vec<Candidate> {
    let sets = sets();
    let mut out = Vec::new();
    let n = doc.toks.len();
    let mut h = 0;
    while h < n {
        let stem = doc.stem(h);
        let cap_head = doc.toks[h].is(CAP);
        let head = if cap_head {
            sets.heads.contains_key(stem)
        } else {
            // First byte and length before any comparison: this runs on most words.
            matches!(stem.first(), Some(b'm' | b'c' | b'd' | b's'))
                && (7..=12).contains(&stem.len())
                && sets.lower_heads.iter().any(|w| w.as_slice() == stem)
        };
        if !head {
            h += 1;
            continue;
        }
        let mut end = None;
        let mut saw_cap = false;
        // What the previous word was: 0 head or noun, 1 connector.
        let mut after_connector = false;
        let mut j = h + 1;
        while j < n && j - h <= MAX_WORDS && name_gap(doc.gap_before(j)) {
            let key = doc.key(j);
            let tok = doc.toks[j];
            if sets.connectors.contains_key(key) && !tok.is(CAP) {
                if key == b"et" {
                    let next_connects =
                        j + 1 < n && matches!(doc.key(j + 1), b"de" | b"des" | b"du" | b"d");
                    if !next_connects {
                        break;
                    }
                }
                after_connector = true;
                j += 1;
                continue;
            }
            if tok.is(CAP) {
                saw_cap = true;
            } else if !(is_adjective(key) || (after_connector && is_complement_noun(sets, key))) {
                break;
            }
            after_connector = false;
            j += 1;
            end = Some(j);
        }
        match end {
            Some(e) if cap_head || saw_cap => {
                out.push(Candidate {
                    start_tok: h,
                    end_tok: e,
                    kind: EntityKind::Org,
                    canonical: canonical(doc.slice(h, e - 1)),
                    role: None,
                });
                h = e;
            }
            _ => h += 1,
        }
    }
    out
}

/// The name as written, first letter capitalized, spaces and apostrophes normalized.
fn canonical(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    for (k, part) in surface.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(&part.replace('’', "'"));
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_filter_admits_every_lower_case_head() {
        for w in &sets().lower_heads {
            assert!(
                matches!(w.first(), Some(b'm' | b'c' | b'd' | b's')) && (7..=12).contains(&w.len()),
                "{:?}",
                String::from_utf8_lossy(w)
            );
        }
    }

    #[test]
    fn canonical_capitalizes_and_straightens() {
        assert_eq!(
            canonical("ministère de l’Industrie"),
            "Ministère de l'Industrie"
        );
    }
}
