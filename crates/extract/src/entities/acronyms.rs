//! Acronym definitions, in both orders. "Long Form (ACRONYM)": the long form, walked back from
//! the parenthesis to a head word ("Association", "Programme", "Forum"…) that says its kind,
//! or else to the words whose initials spell the acronym ("Maroc Numeric Fund (MNF)", an
//! organisation), becomes a name whose canonical form is the acronym. "ACRONYM (Long Form)":
//! the words in parentheses, when their initials spell the acronym ("MNF (Maroc Numeric
//! Fund)"). Either way the acronym is then known for the rest of the text.

use super::candidates::Candidate;
use super::fast_map::FastMap;
use super::gazetteer::{match_alias, Gazetteer};
use super::roles::ROLE_WORDS;
use super::tokens::{is_clause_break, word_stem, Tokens, CAP};
use raqmi_model::document::EntityKind;
use std::sync::OnceLock;

/// Words that open the long form of a name, and the kind of name they open.
const HEADS: &[(&str, EntityKind)] = &[
    ("association", EntityKind::Org),
    ("agence", EntityKind::Org),
    ("federation", EntityKind::Org),
    ("confederation", EntityKind::Org),
    ("office", EntityKind::Org),
    ("commission", EntityKind::Org),
    ("conseil", EntityKind::Org),
    ("universite", EntityKind::Org),
    ("ecole", EntityKind::Org),
    ("institut", EntityKind::Org),
    ("fondation", EntityKind::Org),
    ("ministere", EntityKind::Org),
    ("direction", EntityKind::Org),
    ("centre", EntityKind::Org),
    ("banque", EntityKind::Org),
    ("caisse", EntityKind::Org),
    ("groupement", EntityKind::Org),
    ("groupe", EntityKind::Org),
    ("societe", EntityKind::Org),
    ("union", EntityKind::Org),
    ("chambre", EntityKind::Org),
    ("autorite", EntityKind::Org),
    ("observatoire", EntityKind::Org),
    ("haut", EntityKind::Org),
    ("cluster", EntityKind::Org),
    ("organisation", EntityKind::Org),
    ("reseau", EntityKind::Org),
    ("club", EntityKind::Org),
    ("cour", EntityKind::Org),
    ("fonds", EntityKind::Org),
    ("laboratoire", EntityKind::Org),
    ("academie", EntityKind::Org),
    ("syndicat", EntityKind::Org),
    ("agency", EntityKind::Org),
    ("foundation", EntityKind::Org),
    ("university", EntityKind::Org),
    ("institute", EntityKind::Org),
    ("council", EntityKind::Org),
    ("programme", EntityKind::Program),
    ("plan", EntityKind::Program),
    ("strategie", EntityKind::Program),
    ("initiative", EntityKind::Program),
    ("registre", EntityKind::Program),
    ("projet", EntityKind::Program),
    ("plateforme", EntityKind::Program),
    ("portail", EntityKind::Program),
    ("assises", EntityKind::Event),
    ("forum", EntityKind::Event),
    ("salon", EntityKind::Event),
    ("sommet", EntityKind::Event),
    ("conference", EntityKind::Event),
    ("congres", EntityKind::Event),
    ("festival", EntityKind::Event),
    ("journees", EntityKind::Event),
    ("rencontres", EntityKind::Event),
    ("summit", EntityKind::Event),
    ("colloque", EntityKind::Event),
];

fn head_kind(stem: &[u8]) -> Option<EntityKind> {
    static HEAD_MAP: OnceLock<FastMap<Vec<u8>, EntityKind>> = OnceLock::new();
    HEAD_MAP
        .get_or_init(|| HEADS.iter().map(|&(w, k)| (word_stem(w), k)).collect())
        .get(stem)
        .copied()
}

/// An acronym as written in parentheses: 2-8 characters, capitals dominating ("UM6P", "IoT").
fn looks_like_acronym(word: &str) -> bool {
    let (mut upper, mut lower, mut n) = (0, 0, 0);
    for c in word.chars() {
        n += 1;
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    (2..=8).contains(&n)
        && upper >= 2
        && upper > lower
        && word.starts_with(|c: char| c.is_uppercase())
}

/// Finds "Long Form (ACR)": candidates for the long forms, and the acronyms it defines for the
/// rest of the text (as written -> kind, canonical).
#[allow(clippy::type_complexity)]
pub(super) fn acronym_definitions(
    doc: &Tokens,
    gaz: &Gazetteer,
) -> (Vec<Candidate>, FastMap<String, (EntityKind, String)>) {
    let mut long_forms = Vec::new();
    let mut local = FastMap::default();
    let text = doc.text;
    for j in 1..doc.toks.len() {
        let t = doc.toks[j];
        if !t.is(CAP) || t.start == 0 || text.as_bytes()[t.start as usize - 1] != b'(' {
            continue;
        }
        let before = doc.gap_before(j);
        if before.trim() != "(" || !text[t.end as usize..].starts_with(')') {
            continue;
        }
        let acronym = doc.word(j);
        if !looks_like_acronym(acronym) {
            continue;
        }
        let initial = doc.key(j).first();
        // Walk back over the clause to the head word, preferring one with the acronym's initial.
        let last = j - 1;
        let mut head: Option<(usize, EntityKind)> = None;
        let mut m = last;
        for _ in 0..16 {
            let tok = doc.toks[m];
            if tok.is(CAP) {
                if let Some(kind) = head_kind(doc.stem(m)) {
                    let matches_initial = doc.key(m).first() == initial;
                    if head.is_none() || matches_initial {
                        head = Some((m, kind));
                    }
                    if matches_initial {
                        break;
                    }
                }
            }
            if m == 0 || doc.gap_before(m).chars().any(is_clause_break) {
                break;
            }
            m -= 1;
        }
        let (h, head_kind) = match head {
            Some((h, kind)) if h < last => (h, kind),
            _ => match initials_start(doc, j, acronym) {
                Some(h) => (h, EntityKind::Org),
                None => continue,
            },
        };
        // A known acronym keeps its gazetteer identity ("(RNP)" is a programme).
        let (kind, canonical) = match match_alias(doc, gaz, j) {
            Some((1, entry)) => {
                let e = &gaz.entries[entry as usize];
                (e.kind, e.canonical.clone())
            }
            _ => (head_kind, acronym.to_string()),
        };
        local.insert(acronym.to_string(), (kind, canonical.clone()));
        long_forms.push(Candidate {
            start_tok: h,
            end_tok: last + 1,
            kind,
            canonical,
            role: None,
        });
    }
    reverse_definitions(doc, gaz, &mut long_forms, &mut local);
    (long_forms, local)
}

/// Small words skipped when spelling initials ("Fonds de Développement" -> "FD").
fn is_linking_word(key: &[u8]) -> bool {
    matches!(
        key,
        b"de"
            | b"des"
            | b"du"
            | b"d"
            | b"la"
            | b"l"
            | b"et"
            | b"pour"
            | b"au"
            | b"aux"
            | b"of"
            | b"and"
            | b"the"
            | b"for"
    )
}

/// Initials alone say nothing of the kind of name: two-letter ones ("Intelligence
/// Artificielle (IA)") are too often concepts, and a long form ending with a role word is a
/// title ("Chief Digital Officer (CDO)"). Only three letters or more, and no role, make an
/// organisation.
fn names_a_role(doc: &Tokens, last: usize) -> bool {
    let key = doc.key(last);
    ROLE_WORDS.iter().any(|w| w.as_bytes() == key)
}

/// The capital letters of an acronym, folded ("UM6P" -> "ump").
fn acronym_letters(acronym: &str) -> Vec<u8> {
    acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(|c| c.to_lowercase())
        .filter(char::is_ascii)
        .map(|c| c as u8)
        .collect()
}

/// The first token of the capitalized words before token `acr` (the acronym in its
/// parentheses) whose initials spell it, linking words skipped; none across a clause break.
fn initials_start(doc: &Tokens, acr: usize, acronym: &str) -> Option<usize> {
    let letters = acronym_letters(acronym);
    if letters.len() < 3 || names_a_role(doc, acr - 1) {
        return None;
    }
    let mut need = letters.len();
    let mut m = acr.checked_sub(1)?;
    loop {
        let key = doc.key(m);
        if doc.toks[m].is(CAP) {
            if key.first() != Some(&letters[need - 1]) {
                return None;
            }
            need -= 1;
            if need == 0 {
                return Some(m);
            }
        } else if !is_linking_word(key) {
            return None;
        }
        if m == 0 || doc.gap_before(m).chars().any(is_clause_break) {
            return None;
        }
        m -= 1;
    }
}

/// "MNF (Maroc Numeric Fund)": an acronym, then in parentheses the words its initials spell.
fn reverse_definitions(
    doc: &Tokens,
    gaz: &Gazetteer,
    long_forms: &mut Vec<Candidate>,
    local: &mut FastMap<String, (EntityKind, String)>,
) {
    let text = doc.text;
    for j in 0..doc.toks.len().saturating_sub(1) {
        let t = doc.toks[j];
        if !t.is(CAP) || doc.gap_before(j + 1).trim() != "(" {
            continue;
        }
        let acronym = doc.word(j);
        if !looks_like_acronym(acronym) {
            continue;
        }
        let letters = acronym_letters(acronym);
        if letters.len() < 3 {
            continue;
        }
        // Walk the parenthesis forward, spelling the initials.
        let (mut k, mut got) = (j + 1, 0);
        let mut end = None;
        while k < doc.toks.len() && got < letters.len() {
            if k > j + 1
                && !doc
                    .gap_before(k)
                    .trim_matches([' ', '\'', '’', '-'])
                    .is_empty()
            {
                break;
            }
            let key = doc.key(k);
            if doc.toks[k].is(CAP) {
                if key.first() != Some(&letters[got]) {
                    break;
                }
                got += 1;
                if got == letters.len() {
                    end = Some(k + 1);
                }
            } else if !is_linking_word(key) {
                break;
            }
            k += 1;
        }
        let Some(end) = end else { continue };
        if names_a_role(doc, end - 1) {
            continue;
        }
        if !text[doc.toks[end - 1].end as usize..].starts_with(')') {
            continue;
        }
        let (kind, canonical) = match match_alias(doc, gaz, j) {
            Some((1, entry)) => {
                let e = &gaz.entries[entry as usize];
                (e.kind, e.canonical.clone())
            }
            _ => (EntityKind::Org, acronym.to_string()),
        };
        local.insert(acronym.to_string(), (kind, canonical.clone()));
        long_forms.push(Candidate {
            start_tok: j + 1,
            end_tok: end,
            kind,
            canonical,
            role: None,
        });
    }
}
