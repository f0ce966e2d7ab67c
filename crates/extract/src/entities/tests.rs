//! Tests of the entity finders: a table of texts and the names found in them, the non-names,
//! roles, the tokenizer against `raqmi_model::text`, and the gazetteer's parsing and checks.

use super::tokens::Tokens;
use super::{extract_entities, parse_gazetteer, Gazetteer, GAZETTEER_TSV};
use raqmi_model::document::{Entity, EntityKind};
use std::collections::HashMap;

fn find<'a>(text: &'a str, ents: &'a [Entity], surface: &str) -> Option<&'a Entity> {
    ents.iter().find(|e| &text[e.span.range()] == surface)
}

/// (case name, text, surface, kind, canonical)
const FINDS: &[(&str, &str, &str, EntityKind, &str)] = &[
    (
        "merges_acronym_with_long_form",
        "L’Association des Utilisateurs des Systèmes d’Information au Maroc (AUSIM) vient d’organiser",
        "Association des Utilisateurs des Systèmes d’Information au Maroc",
        EntityKind::Org,
        "AUSIM",
    ),
    (
        "tolerates_plural_and_case_variants_of_a_long_form",
        "l’Association des utilisateurs des systèmes d’informations au Maroc (AUSIM) a choisi",
        "Association des utilisateurs des systèmes d’informations au Maroc",
        EntityKind::Org,
        "AUSIM",
    ),
    (
        "merges_an_unseen_long_form_with_its_acronym",
        "l'Agence Marocaine des Zellijs Numériques (AMZN) a signé. L'AMZN compte 3 membres.",
        "Agence Marocaine des Zellijs Numériques",
        EntityKind::Org,
        "AMZN",
    ),
    (
        "finds_a_defined_acronym_again_later",
        "l'Agence Marocaine des Zellijs Numériques (AMZN) a signé. L'AMZN compte 3 membres.",
        "AMZN",
        EntityKind::Org,
        "AMZN",
    ),
    (
        "prefers_longest_match_google_cloud",
        "soutenue par Google Cloud, a permis",
        "Google Cloud",
        EntityKind::Org,
        "Google Cloud",
    ),
    (
        "matches_regions_with_space_or_hyphen",
        "la région Souss Massa et la région Souss-Massa",
        "Souss Massa",
        EntityKind::Place,
        "Souss-Massa",
    ),
    (
        "matches_accentless_apostrophe_variants",
        "en Cote d'Ivoire aussi",
        "Cote d'Ivoire",
        EntityKind::Place,
        "Côte d’Ivoire",
    ),
    (
        "keeps_the_university_whole",
        "par l'Université Mohammed VI Polytechnique (UM6P).",
        "Université Mohammed VI Polytechnique",
        EntityKind::Org,
        "UM6P",
    ),
    (
        "finds_person_from_first_name",
        "comme l’explique Hicham Chiguer, président de l’AUSIM, interrogé",
        "Hicham Chiguer",
        EntityKind::Person,
        "Hicham Chiguer",
    ),
    (
        "finds_person_with_unknown_first_name_from_role",
        "a déclaré Zyad Ourhou, directeur général de la société.",
        "Zyad Ourhou",
        EntityKind::Person,
        "Zyad Ourhou",
    ),
    (
        "resolves_monsieur_surname_to_full_name",
        "le Chief Digital Officer de l'UM6P, Jalal Charaf, a souligné. « Oui », a affirmé M. Charaf.",
        "Charaf",
        EntityKind::Person,
        "Jalal Charaf",
    ),
    (
        "resolves_lone_surname_to_full_name",
        "son président Amine Zarouk et son équipe. Comment comptent s'y prendre Zarouk et son équipe",
        "Zarouk",
        EntityKind::Person,
        "Amine Zarouk",
    ),
    (
        "finds_media_in_a_dateline",
        "Publié dans Les ECO le 12 - 04 - 2021",
        "Les ECO",
        EntityKind::Org,
        "Les Inspirations ÉCO",
    ),
    (
        "finds_programmes_with_hyphens",
        "la solution \"DPI-In-A-Box\", développée par Gemini",
        "DPI-In-A-Box",
        EntityKind::Program,
        "DPI-In-A-Box",
    ),
    (
        "uses_gazetteer_kind_for_a_defined_known_acronym",
        "le Registre National de la Population (RNP) et",
        "Registre National de la Population",
        EntityKind::Program,
        "RNP",
    ),
];

#[test]
fn table_of_finds() {
    for &(name, text, surface, kind, canonical) in FINDS {
        let ents = extract_entities(text);
        let e = find(text, &ents, surface)
            .unwrap_or_else(|| panic!("{name}: no entity {surface:?} in {ents:?}"));
        assert_eq!(e.kind, kind, "{name}");
        assert_eq!(e.canonical, canonical, "{name}");
    }
}

/// (case name, text, surface that must not be an entity of any kind)
const NOT_FOUND: &[(&str, &str, &str)] = &[
    ("ignores_lowercase_cri", "un cri dans la nuit", "cri"),
    ("ignores_orange_the_colour", "une robe orange vif", "orange"),
    (
        "ignores_sentence_initial_common_words",
        "Le pouvoir du digital. Cette Année Record a vu",
        "Cette Année",
    ),
    (
        "does_not_make_a_person_of_a_university_namesake",
        "l'Université Mohammed VI Polytechnique organise",
        "Mohammed VI",
    ),
    (
        "does_not_read_sous_as_souss",
        "Sous leadership royal, le Maroc",
        "Sous",
    ),
    (
        "ignores_concepts_defined_in_parentheses",
        "l’Internet des Objets (IoT) connecte",
        "Internet des Objets",
    ),
];

#[test]
fn table_of_non_entities() {
    for &(name, text, surface) in NOT_FOUND {
        let ents = extract_entities(text);
        assert!(find(text, &ents, surface).is_none(), "{name}: {ents:?}");
    }
}

#[test]
fn attaches_the_role_after_or_before_a_name() {
    let cases = [
        (
            "Hicham Chiguer, Président de l’AUSIM, a réaffirmé",
            "Hicham Chiguer",
            "Président de l’AUSIM",
        ),
        (
            "de Karim Achengli, président du conseil régional et artisan de référence.",
            "Karim Achengli",
            "président du conseil régional",
        ),
        (
            "Pour sa part, le président de la FMPS, Noureddine Boutayeb, a rappelé",
            "Noureddine Boutayeb",
            "président de la FMPS",
        ),
    ];
    for (text, surface, role) in cases {
        let ents = extract_entities(text);
        let e = find(text, &ents, surface).unwrap_or_else(|| panic!("{surface}: {ents:?}"));
        assert_eq!(e.role.as_deref(), Some(role), "{text}");
    }
}

#[test]
fn same_person_in_two_texts_gets_one_canonical() {
    let a = extract_entities("selon Noureddine   Boutayeb, président");
    let b = extract_entities("Noureddine Boutayeb a dit");
    assert_eq!(a[0].canonical, "Noureddine Boutayeb");
    assert_eq!(a[0].canonical, b[0].canonical);
}

#[test]
fn requires_capitals_for_acronym_aliases() {
    let text = "le CRI et le cri, l'UPI et l'upi";
    let ents = extract_entities(text);
    let surfaces: Vec<&str> = ents.iter().map(|e| &text[e.span.range()]).collect();
    assert_eq!(surfaces, ["CRI", "UPI"]);
}

#[test]
fn empty_and_punctuation_only_texts_have_no_entities() {
    for text in ["", " ", "«»", "(AB)", "M.", "()"] {
        assert!(extract_entities(text).is_empty(), "{text:?}");
    }
}

#[test]
fn tokenizer_agrees_with_text_tokens() {
    use raqmi_model::text::{fold, tokens};
    let texts = [
        "L’AUSIM, à Salé — «Maroc Digital 2030» e\u{301}te\u{301} 🇲🇦 Œuvre ×÷ ²³ Ǆx",
        "DPI-In-A-Box\u{a0}UM6P\u{202f}; Côte d'Ivoire… İstanbul ẞ",
    ];
    for text in texts {
        let doc = Tokens::new(text);
        let spans: Vec<_> = doc
            .toks
            .iter()
            .map(|t| (t.start as usize, t.end as usize))
            .collect();
        let expected: Vec<_> = tokens(text).map(|t| (t.start, t.end)).collect();
        assert_eq!(spans, expected, "{text}");
        for (i, t) in tokens(text).enumerate() {
            assert_eq!(doc.key(i), fold(t.text).as_bytes(), "{}", t.text);
        }
    }
}

#[test]
fn embedded_gazetteer_parses() {
    let g = parse_gazetteer(GAZETTEER_TSV).unwrap_or_else(|e| panic!("{e}"));
    assert!(g.len() > 300, "{} entries", g.len());
    assert!(g.first_name_count() > 100);
}

#[test]
fn no_alias_maps_to_two_canonicals() {
    let g = parse_gazetteer(GAZETTEER_TSV).unwrap_or_else(|e| panic!("{e}"));
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (alias, canonical) in g.alias_pairs() {
        let key = Gazetteer::match_key(alias);
        if let Some(prev) = seen.insert(key, canonical) {
            assert_eq!(prev, canonical, "alias {alias:?}");
        }
    }
}

#[test]
fn malformed_lines_are_reported_with_their_line_number() {
    let cases = [
        ("# ok\norg\tX\nplace", "gazetteer.tsv:3:"),
        ("orgs\tX", "gazetteer.tsv:1: unknown kind"),
        ("org\tX\ta||b", "gazetteer.tsv:1: alias"),
        ("org\t X", "gazetteer.tsv:1: canonical"),
        ("org\tX\ta\tb", "gazetteer.tsv:1: expected"),
        ("org\tX\tFoo\n\nplace\tY\tfoo", "gazetteer.tsv:3:"),
        ("firstname\tJean Pierre", "gazetteer.tsv:1: first name"),
        ("org\t«»", "gazetteer.tsv:1:"),
        ("org\tX\norg\tX", "gazetteer.tsv:2:"),
    ];
    for (src, prefix) in cases {
        match parse_gazetteer(src) {
            Ok(_) => panic!("{src:?} parsed"),
            Err(e) => assert!(e.starts_with(prefix), "{src:?}: {e}"),
        }
    }
}
