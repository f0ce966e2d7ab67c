//! Persons, found by patterns rather than from a list: a known first name followed by
//! capitalized words, a title ("M. Charaf"), or an unknown name with a role right next to it
//! (see `roles`). A later "M. Charaf" or lone "Zarouk" resolves to the full name used elsewhere
//! in the same text; a gazetteer person is only found by surname after a title.

use super::candidates::{Candidate, Found};
use super::fast_map::FastMap;
use super::gazetteer::Gazetteer;
use super::roles::{role_after, role_before, ROLE_STOPS, ROLE_WORDS};
use super::tokens::{joined_stems, Tokens, CAP, LOWER, UPPER};
use raqmi_model::document::EntityKind;
use std::sync::OnceLock;

/// Capitalized words that are never part of a name: sentence openers, articles, titles.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "il", "elle", "ils", "elles",
    "on", "nous", "vous", "je", "ce", "cet", "cette", "ces", "c", "ca", "pour", "par", "selon",
    "dans", "en", "et", "ou", "mais", "donc", "or", "ni", "car", "a", "au", "aux", "avec",
    "sans", "sur", "sous", "apres", "avant", "depuis", "pendant", "lors", "entre", "vers",
    "chez", "contre", "malgre", "parmi", "si", "quand", "lorsque", "comme", "ainsi", "alors",
    "aussi", "enfin", "bref", "notons", "notamment", "toutefois", "cependant", "pourtant",
    "son", "sa", "ses", "leur", "leurs", "mon", "ma", "notre", "votre", "tout", "tous",
    "toute", "toutes", "qui", "que", "quoi", "dont", "oui", "non", "plus", "moins", "tres",
    "deja", "encore", "ici", "cela", "ceci", "celui", "celle", "ceux", "chaque", "plusieurs",
    "certains", "autre", "autres", "meme", "y", "ne", "pas", "se", "s", "qu", "n", "j", "m",
    "mme", "mlle", "mr", "dr", "pr", "monsieur", "madame", "docteur", "professeur",
    "president", "presidente", "directeur", "directrice", "ministre", "roi", "sm", "sar",
    "prince", "princesse", "wali", "royaume", "janvier", "fevrier", "mars", "avril", "mai",
    "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "the", "of", "and", "for",
    "by",
];

/// Titles before a name.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "m", "mme", "mlle", "mr", "dr", "pr", "monsieur", "madame", "docteur", "professeur",
];

/// Particles inside surnames ("Amal El Fallah", "Ben Abdellah").
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "el", "ben", "ibn", "ait", "al", "bel", "abou", "ould", "bou", "bin",
];

/// The word lists as sets of folded keys, built once.
pub(super) struct WordSets {
    not_names: FastMap<&'static [u8], ()>,
    pub(super) roles: FastMap<&'static [u8], ()>,
    pub(super) role_stops: FastMap<&'static [u8], ()>,
    titles: FastMap<&'static [u8], ()>,
    particles: FastMap<&'static [u8], ()>,
}

fn word_sets() -> &'static WordSets {
    static SETS: OnceLock<WordSets> = OnceLock::new();
    SETS.get_or_init(|| {
        let set = |words: &[&'static str]| words.iter().map(|&w| (w.as_bytes(), ())).collect();
        WordSets {
            not_names: set(NOT_NAMES),
            roles: set(ROLE_WORDS),
            role_stops: set(ROLE_STOPS),
            titles: set(TITLES),
            particles: set(PARTICLES),
        }
    })
}

/// Token `t` can be part of a name: capitalized, not a common word, a letter first.
/// All-capital surnames ("Hicham CHIGUER") only after another name word.
fn name_like(doc: &Tokens, sets: &WordSets, t: usize, not_first: bool) -> bool {
    let tok = doc.toks[t];
    if !tok.is(CAP) || sets.not_names.contains_key(doc.key(t)) {
        return false;
    }
    if tok.is(LOWER) {
        return true;
    }
    not_first && tok.is(UPPER) && doc.word(t).chars().count() >= 3
}

/// Consecutive free name words from `s` (at most `max`), joined by spaces or hyphens only;
/// returns the exclusive end.
fn name_run(doc: &Tokens, sets: &WordSets, found: &Found, s: usize, max: usize) -> usize {
    let mut e = s;
    while e < doc.toks.len() && e - s < max && !found.taken[e] {
        if e > s {
            let gap = doc.gap_before(e);
            if !gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '-') || gap.len() > 3 {
                break;
            }
        }
        if name_like(doc, sets, e, e > s) {
            e += 1;
            continue;
        }
        // "El", "Ben" … inside a name, when a name word follows.
        if e > s
            && sets.particles.contains_key(doc.key(e))
            && e + 1 < doc.toks.len()
            && !found.taken[e + 1]
            && doc.gap_before(e + 1).trim_matches([' ', '-']).is_empty()
            && name_like(doc, sets, e + 1, true)
        {
            e += 2;
            continue;
        }
        break;
    }
    e.min(s + max)
}

/// A title before token `t` ("M. Charaf", "Mme Alaoui"): true when token `t - 1` is one.
fn has_title(doc: &Tokens, sets: &WordSets, t: usize) -> bool {
    if t == 0 {
        return false;
    }
    let p = t - 1;
    let key = doc.key(p);
    if !doc.toks[p].is(CAP) || !sets.titles.contains_key(key) {
        return false;
    }
    let gap = doc.gap_before(t);
    // "M" alone is only a title with its dot; the others take it or not.
    let gap = match gap.strip_prefix('.') {
        Some(rest) => rest,
        None if key == b"m" => return false,
        None => gap,
    };
    !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// Names with normalized spaces ("Hicham  Chiguer" -> "Hicham Chiguer").
fn normalize_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for part in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

struct PersonMention {
    /// The token of the title before the name ("M.", "Mme"), outside the name's span.
    title: Option<usize>,
    start: usize,
    end: usize,
    role: Option<String>,
}

/// Adds the persons of the text to `found`, around the names already taken.
pub(super) fn find_persons(doc: &Tokens, gaz: &Gazetteer, found: &mut Found) {
    let sets = word_sets();
    let n = doc.toks.len();
    let mut mentions: Vec<PersonMention> = Vec::new();
    let mut i = 0;
    while i < n {
        let tok = doc.toks[i];
        if found.taken[i] || !tok.is(CAP) || !tok.is(LOWER) {
            i += 1;
            continue;
        }
        let titled = has_title(doc, sets, i) && !found.taken[i - 1];
        let first_name = gaz.first_names.contains_key(doc.stem(i));
        let end = name_run(doc, sets, found, i, 5);
        if end == i {
            i += 1;
            continue;
        }
        let len = end - i;
        let role = || {
            role_after(doc, sets, end)
                .or_else(|| role_before(doc, sets, if titled { i - 1 } else { i }))
        };
        if !titled && !first_name {
            // "Ensuite Hicham Chiguer": the name starts at the first name, not before it.
            if let Some(p) = (i + 1..end).find(|&p| gaz.first_names.contains_key(doc.stem(p))) {
                i = p;
                continue;
            }
        }
        let accept = if titled || (first_name && len >= 2) {
            Some(role())
        } else if (2..=4).contains(&len) {
            // An unknown first name needs a cue: a role right before or after it.
            role().map(Some)
        } else {
            None
        };
        match accept {
            Some(role) => {
                mentions.push(PersonMention {
                    title: titled.then(|| i - 1),
                    start: i,
                    end,
                    role,
                });
                i = end;
            }
            None => i += 1,
        }
    }

    // Full names of this text, to resolve "M. Charaf" and a lone "Zarouk".
    let mut full_by_last: FastMap<&[u8], Vec<(usize, String)>> = FastMap::default();
    let mut full_by_key: FastMap<Vec<u8>, String> = FastMap::default();
    for m in &mentions {
        if m.end - m.start >= 2 {
            let canonical = normalize_name(doc.slice(m.start, m.end - 1));
            full_by_last
                .entry(doc.stem(m.end - 1))
                .or_default()
                .push((m.start, canonical.clone()));
            full_by_key.insert(joined_stems(doc, m.start, m.end), canonical);
        }
    }
    let resolve_surname = |t: usize| -> Option<String> {
        if let Some(list) = full_by_last.get(doc.stem(t)) {
            // The nearest full name before, else the first one after.
            let before = list.iter().rfind(|(s, _)| *s < t);
            return before.or(list.first()).map(|(_, c)| c.clone());
        }
        None
    };
    // A gazetteer person by surname, only after a title: "M. Akhannouch", never a bare "Alaoui".
    let resolve_titled = |t: usize| -> Option<String> {
        resolve_surname(t).or_else(|| {
            gaz.surnames
                .get(doc.stem(t))
                .map(|&e| gaz.entries[e as usize].canonical.clone())
        })
    };

    for m in mentions {
        let canonical = if m.end - m.start >= 2 {
            normalize_name(doc.slice(m.start, m.end - 1))
        } else {
            resolve_titled(m.start).unwrap_or_else(|| doc.word(m.start).to_string())
        };
        // The title is no part of the name ("Mme Salma Bennani" -> "Salma Bennani"), but it
        // stays taken so that no other finder reads it as a name.
        if let Some(t) = m.title {
            found.taken[t] = true;
        }
        found.try_add(Candidate {
            start_tok: m.start,
            end_tok: m.end,
            kind: EntityKind::Person,
            canonical,
            role: m.role,
        });
    }

    // Later mentions without a cue: the same full name again, or its surname alone.
    if full_by_last.is_empty() {
        return;
    }
    let mut i = 0;
    while i < n {
        let tok = doc.toks[i];
        if found.taken[i] || !tok.is(CAP) || !tok.is(LOWER) {
            i += 1;
            continue;
        }
        let end = name_run(doc, sets, found, i, 5);
        let mut hit = None;
        for e in (i + 2..=end).rev() {
            if let Some(c) = full_by_key.get(&joined_stems(doc, i, e)) {
                hit = Some((e, c.clone()));
                break;
            }
        }
        if hit.is_none() && end == i + 1 {
            if let Some(c) = resolve_surname(i) {
                hit = Some((i + 1, c));
            }
        }
        match hit {
            Some((e, canonical)) => {
                let role = role_after(doc, sets, e);
                found.try_add(Candidate {
                    start_tok: i,
                    end_tok: e,
                    kind: EntityKind::Person,
                    canonical,
                    role,
                });
                i = e;
            }
            None => i += 1,
        }
    }
}
