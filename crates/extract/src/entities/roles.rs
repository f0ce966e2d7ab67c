//! A person's role, read from the words next to the name: after it ("Karim Achengli, président
//! du conseil régional") or before it ("le président de la FMPS, Noureddine Boutayeb", "son
//! président Amine Zarouk"). A role never runs across a clause break.

use super::persons::WordSets;
use super::tokens::{is_clause_break, Tokens, CAP};

/// Words that open a role ("président du conseil régional", "Chief Digital Officer de l'UM6P").
#[rustfmt::skip]
pub(super) const ROLE_WORDS: &[&str] = &[
    "president", "presidente", "vice", "directeur", "directrice", "dg", "pdg", "ceo", "cto",
    "cio", "cdo", "coo", "cfo", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "co",
    "ministre", "secretaire", "wali", "gouverneur", "maire", "chef", "cheffe", "chief", "head",
    "responsable", "manager", "administrateur", "administratrice", "conseiller", "conseillere",
    "ambassadeur", "ambassadrice", "professeur", "chercheur", "chercheuse", "expert",
    "experte", "consultant", "consultante", "analyste", "porte", "coordinateur",
    "coordinatrice", "membre", "associe", "associee", "partner", "founder", "delegue",
    "deleguee", "commissaire", "depute", "deputee", "senateur", "recteur", "doyen", "patron",
    "patronne", "dirigeant", "dirigeante", "officer", "vp", "general", "generale", "haut",
];

/// Words after which a role stops ("président du conseil régional et artisan de …").
#[rustfmt::skip]
pub(super) const ROLE_STOPS: &[&str] = &[
    "et", "qui", "a", "ont", "est", "sera", "avait", "etait", "lors", "selon", "dont", "ou",
    "que", "pour", "dans",
];

/// The role following a name: ", président du conseil régional" (optionally "le président …").
pub(super) fn role_after(doc: &Tokens, sets: &WordSets, end: usize) -> Option<String> {
    if end >= doc.toks.len() || doc.gap_before(end).trim() != "," {
        return None;
    }
    let mut r = end;
    if matches!(doc.key(r), b"le" | b"la" | b"l") && r + 1 < doc.toks.len() {
        r += 1;
    }
    if !sets.roles.contains_key(doc.key(r)) {
        return None;
    }
    let mut last = r;
    let mut k = r + 1;
    while k < doc.toks.len() && k - r < 10 {
        if doc.gap_before(k).chars().any(is_clause_break)
            || sets.role_stops.contains_key(doc.key(k))
        {
            break;
        }
        last = k;
        k += 1;
    }
    Some(doc.slice(r, last).to_string())
}

/// The role before a name: "le président de la FMPS, Noureddine Boutayeb" or
/// "son président Amine Zarouk".
pub(super) fn role_before(doc: &Tokens, sets: &WordSets, start: usize) -> Option<String> {
    if start == 0 {
        return None;
    }
    let gap = doc.gap_before(start);
    if gap.trim().is_empty() {
        let p = start - 1;
        // Only a lower-case role word: "le Chief Digital Officer" is no role before "Digital".
        return (sets.roles.contains_key(doc.key(p)) && !doc.toks[p].is(CAP))
            .then(|| doc.word(p).to_string());
    }
    if gap.trim() != "," {
        return None;
    }
    // The clause before the comma, read backwards; the role opens at its first role word.
    let last = start - 1;
    let mut m = last;
    let mut opening = None;
    for _ in 0..12 {
        if sets.roles.contains_key(doc.key(m)) {
            opening = Some(m);
        }
        if m == 0 || doc.gap_before(m).chars().any(is_clause_break) {
            break;
        }
        m -= 1;
    }
    opening.map(|r| doc.slice(r, last).to_string())
}
