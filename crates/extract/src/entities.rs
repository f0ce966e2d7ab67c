//! Named entities: organisations, places, persons, programmes and events, with aliases merged
//! under one canonical name ("AUSIM" = "Association des Utilisateurs des Systèmes d’Information
//! au Maroc") and a person's role where the text gives it.
//!
//! [`extract_entities`] runs three finders over one tokenization of the text (`tokens`):
//! 1. gazetteer names (`gazetteer`: `data/gazetteer.tsv`, embedded and parsed once; its format
//!    is documented at its top), longest match first, compared on folded word stems (case,
//!    accents, apostrophes, hyphen vs space and a final plural "s" do not matter);
//! 2. "Long Form (ACRONYM)" and "ACRONYM (Long Form)" definitions (`acronyms`), which merge
//!    an unseen organisation with its acronym for the rest of the text, and institutions
//!    recognised by their head noun and complement (`institutions`: "ministère de la
//!    Transition numérique", "Chambre des conseillers");
//! 3. persons (`persons`, with their `roles`), from patterns rather than a list: a known
//!    first name followed by capitalized words, a title ("M. Charaf"), or a role next to the
//!    name ("Karim Achengli, président du conseil régional"); a lone surname resolves to the
//!    full name used elsewhere in the text.
//!
//! The finders propose `candidates`; the first to take a word keeps it, so names never overlap.
//! It is pure (no I/O, no threads, no regex) so it runs the same natively and in wasm32, and it is
//! linear in the text: one hash look-up per capitalized word (`fast_map`), no allocation per
//! character.

mod acronyms;
mod candidates;
mod fast_map;
mod gazetteer;
mod institutions;
mod persons;
mod roles;
mod tokens;

#[cfg(test)]
mod tests;

pub use gazetteer::{gazetteer, parse_gazetteer, Gazetteer, GAZETTEER_TSV};

use acronyms::acronym_definitions;
use candidates::{gazetteer_matches, Candidate, Found};
use institutions::institution_names;
use persons::find_persons;
use raqmi_model::document::Entity;
use tokens::Tokens;

/// Every name in `text`, in order of position, never overlapping.
pub fn extract_entities(text: &str) -> Vec<Entity> {
    let gaz = gazetteer();
    let doc = Tokens::new(text);
    if doc.toks.is_empty() {
        return Vec::new();
    }
    let mut found = Found::new(doc.toks.len());

    // Definitions first: an acronym defined anywhere in the text is known everywhere in it.
    let (long_forms, local_acronyms) = acronym_definitions(&doc, gaz);
    let names = gazetteer_matches(&doc, gaz, &local_acronyms);
    // An institution the gazetteer knows keeps the gazetteer's identity, unless the pattern
    // only adds capitalized words to it (a branch: "Technopark Essaouira").
    let institutions: Vec<Candidate> = institution_names(&doc)
        .into_iter()
        .filter(|c| {
            !names.iter().any(|g| {
                g.start_tok == c.start_tok
                    && (g.end_tok >= c.end_tok
                        || (g.end_tok..c.end_tok).any(|t| !doc.toks[t].is(tokens::CAP)))
            })
        })
        .collect();
    // Longest wins: a long form that the gazetteer does not know ("… au Maroc (XYZ)") beats the
    // place it ends with ("Maroc"), an institution the places and names inside it. On a tie
    // the gazetteer's name wins (it comes first and the sort is stable).
    if long_forms.is_empty() && institutions.is_empty() {
        // Gazetteer matches never overlap one another: no need to sort.
        for c in names {
            found.try_add(c);
        }
    } else {
        let mut candidates: Vec<Candidate> = long_forms
            .into_iter()
            .chain(names)
            .chain(institutions)
            .collect();
        candidates.sort_by_key(|c| (std::cmp::Reverse(c.end_tok - c.start_tok), c.start_tok));
        for c in candidates {
            found.try_add(c);
        }
    }
    find_persons(&doc, gaz, &mut found);
    found.into_entities(&doc)
}
