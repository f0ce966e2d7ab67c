//! Recall of organisation names (issue 13): institution head nouns with their complement,
//! acronym definitions in both orders, names with digits, the longest name over a place inside
//! it, and honorifics kept out of persons' names. Sentences written for these tests.

use raqmi_extract::entities::extract_entities;
use raqmi_model::document::EntityKind;

use EntityKind as E;

/// (text, surface, kind, canonical): the name must be found exactly so.
const FINDS: &[(&str, &str, EntityKind, &str)] = &[
    (
        "Le ministère de la Transition numérique a présenté sa feuille de route.",
        "ministère de la Transition numérique",
        E::Org,
        "Ministère de la Transition numérique",
    ),
    (
        "Le conseil de la région Guelmim-Oued Noun finance le projet.",
        "conseil de la région Guelmim-Oued Noun",
        E::Org,
        "Conseil de la région Guelmim-Oued Noun",
    ),
    (
        "Le texte a été adopté par la Chambre des conseillers mardi.",
        "Chambre des conseillers",
        E::Org,
        "Chambre des conseillers",
    ),
    (
        "selon la Caisse régionale de crédit et de garantie, le fonds est clos",
        "Caisse régionale de crédit et de garantie",
        E::Org,
        "Caisse régionale de crédit et de garantie",
    ),
    (
        "un prêt de la Banque mondiale pour la connectivité",
        "Banque mondiale",
        E::Org,
        "Banque mondiale",
    ),
    (
        "L'Observatoire marocain de la TPE publie son rapport.",
        "Observatoire marocain de la TPE",
        E::Org,
        "Observatoire marocain de la TPE",
    ),
    (
        "la Fédération des technologies de l'information a signé",
        "Fédération des technologies de l'information",
        E::Org,
        "Fédération des technologies de l'information",
    ),
    (
        "Le fonds Maroc Numeric Fund (MNF) a investi dans dix jeunes pousses.",
        "Maroc Numeric Fund",
        E::Org,
        "MNF",
    ),
    (
        "Le MNF (Maroc Numeric Fund) a investi dans dix jeunes pousses.",
        "Maroc Numeric Fund",
        E::Org,
        "MNF",
    ),
    (
        "Le MNF (Maroc Numeric Fund) a investi. Le MNF prévoit un deuxième fonds.",
        "MNF",
        E::Org,
        "MNF",
    ),
    (
        "Les lauréats de 1337 rejoignent les startups du pôle.",
        "1337",
        E::Org,
        "École 1337",
    ),
    (
        "Le Technopark Essaouira accueille sa première cohorte.",
        "Technopark Essaouira",
        E::Org,
        "Technopark Essaouira",
    ),
    (
        "avec l'Université Hassan II et l'École nationale supérieure d'informatique",
        "École nationale supérieure d'informatique",
        E::Org,
        "École nationale supérieure d'informatique",
    ),
    (
        "Les élus du conseil communal de Marrakech ont voté.",
        "conseil communal de Marrakech",
        E::Org,
        "Conseil communal de Marrakech",
    ),
    (
        "selon Mme Salma Bennani, directrice de l'incubateur",
        "Salma Bennani",
        E::Person,
        "Salma Bennani",
    ),
];

/// (text, surface): no name may have exactly this surface.
const NOT_NAMES: &[(&str, &str)] = &[
    // Initials alone make no organisation of a concept or a title.
    (
        "l'Intelligence Artificielle (IA) progresse",
        "Intelligence Artificielle",
    ),
    (
        "son Chief Digital Officer (CDO) a parlé",
        "Chief Digital Officer",
    ),
    // A lower-case head with no name in its complement is a common noun.
    (
        "Le conseil d'administration se réunit demain.",
        "conseil d'administration",
    ),
    (
        "une agence de développement régionale",
        "agence de développement régionale",
    ),
    // The place inside an organisation's name is not a place of its own.
    (
        "Le Technopark Essaouira accueille sa première cohorte.",
        "Essaouira",
    ),
    // Honorifics stay out of the name.
    (
        "selon Mme Salma Bennani, directrice de l'incubateur",
        "Mme Salma Bennani",
    ),
    // The verb after an institution is not part of its name.
    (
        "Le Conseil des sages d'émettre un avis",
        "Conseil des sages d'émettre",
    ),
    (
        "Le texte a été adopté par la Chambre des conseillers mardi.",
        "Chambre des conseillers mardi",
    ),
];

#[test]
fn organisations_are_recognised_by_pattern() {
    let mut failures = Vec::new();
    for &(text, surface, kind, canonical) in FINDS {
        let ents = extract_entities(text);
        let found = ents.iter().any(|e| {
            &text[e.span.range()] == surface && e.kind == kind && e.canonical == canonical
        });
        if !found {
            let got: Vec<_> = ents
                .iter()
                .map(|e| (&text[e.span.range()], e.kind, e.canonical.as_str()))
                .collect();
            failures.push(format!(
                "{text:?}\n   want {surface:?} {kind:?} {canonical:?}\n   got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn no_false_names_around_the_patterns() {
    let mut failures = Vec::new();
    for &(text, surface) in NOT_NAMES {
        let ents = extract_entities(text);
        if let Some(e) = ents.iter().find(|e| &text[e.span.range()] == surface) {
            failures.push(format!("{text:?}: {surface:?} reported as {e:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn both_orders_of_an_acronym_definition_share_one_canonical() {
    for text in [
        "Le Maroc Numeric Fund (MNF) a investi. Plus tard, le MNF a levé un second fonds.",
        "Le MNF (Maroc Numeric Fund) a investi. Plus tard, le MNF a levé un second fonds.",
    ] {
        let ents = extract_entities(text);
        let mnf: Vec<_> = ents
            .iter()
            .filter(|e| {
                text[e.span.range()].contains("MNF") || text[e.span.range()].contains("Numeric")
            })
            .collect();
        assert!(mnf.len() >= 2, "{text}: {ents:?}");
        assert!(
            mnf.iter().all(|e| e.canonical == "MNF" && e.kind == E::Org),
            "{text}: {mnf:?}"
        );
    }
}
