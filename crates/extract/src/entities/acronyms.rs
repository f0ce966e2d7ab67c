//! "Long Form (ACRONYM)" definitions: the long form, walked back from the parenthesis to a head
//! word ("Association", "Programme", "Forum"…) that says its kind, becomes a name whose
//! canonical form is the acronym, and the acronym is then known for the rest of the text.

use super::candidates::Candidate;
use super::fast_map::FastMap;
use super::gazetteer::{match_alias, Gazetteer};
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
        let Some((h, head_kind)) = head else { continue };
        if h >= last {
            continue;
        }
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
    (long_forms, local)
}
