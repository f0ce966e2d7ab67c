//! The named entities a reader filters by, for each seed article (the `entities` of
//! `shared/acceptance/seed_figures.json`, copied here as a table), plus names that must not come
//! out. Reads the repository's own `seeds/`, cut the way the ingest stage cuts them.

use raqmi_extract::entities::extract_entities;
use raqmi_model::document::{Entity, EntityKind};
use EntityKind::*;

/// (surface, kind, same_as)
type Expected = (&'static str, EntityKind, Option<&'static str>);

struct Seed {
    file: &'static str,
    expected: &'static [Expected],
    /// Surfaces that must not be an entity of any kind.
    not_entities: &'static [&'static str],
    /// Surfaces that must not be a person.
    not_persons: &'static [&'static str],
}

const SEEDS: &[Seed] = &[
    Seed {
        file: "000_355bd2c2e8048c55.txt",
        expected: &[
            ("AUSIM", Org, None),
            (
                "Association des Utilisateurs des Systèmes d’Information au Maroc",
                Org,
                Some("AUSIM"),
            ),
            ("Marrakech", Place, None),
            ("Hicham Chiguer", Person, None),
            ("Mali", Place, None),
            ("Côte d’Ivoire", Place, None),
            ("Tunisie", Place, None),
            ("Maroc", Place, None),
        ],
        not_entities: &[
            "Le pouvoir du digital",
            "Intelligence Artificielle",
            "Internet des Objets",
            "Digital Twins",
            "H.Z",
        ],
        not_persons: &["Assises", "Maroc Digital"],
    },
    Seed {
        file: "001_d8c6e0fe0226b3fe.txt",
        expected: &[
            ("AUSIM", Org, None),
            ("Douar by AUSIM", Program, None),
            ("Hicham Chiguer", Person, None),
            ("Le360", Org, None),
        ],
        not_entities: &[
            "Solidarité et texchnologie",
            "IMPACT",
            "ODD",
            "Digital nation",
        ],
        not_persons: &["Le360", "Douar"],
    },
    Seed {
        file: "002_8fd9b615db666dbf.txt",
        expected: &[
            ("Salé", Place, None),
            ("Université Mohammed VI Polytechnique", Org, Some("UM6P")),
            ("UM6P", Org, None),
            ("FMPS", Org, None),
            ("Google Cloud", Org, None),
            ("Jalal Charaf", Person, None),
            ("Noureddine Boutayeb", Person, None),
            ("Aadhaar", Program, None),
            ("UPI", Program, None),
            ("DigiLocker", Program, None),
            ("Registre Social Unifié", Program, None),
            ("DPI-In-A-Box", Program, None),
        ],
        not_entities: &[
            "Mohammed VI",
            "Google",
            "IPN",
            "Chief Digital Officer",
            "Digital Officer",
        ],
        not_persons: &["Mohammed VI", "Chief Digital Officer", "Gemini"],
    },
    Seed {
        file: "003_33d08dc07e69b5e4.txt",
        expected: &[
            ("Devoxx", Event, None),
            ("Taghazout", Place, None),
            ("Souss Massa", Place, None),
            ("Karim Achengli", Person, None),
            ("CGEM", Org, None),
            ("CRI", Org, None),
            ("Google", Org, None),
            ("Facebook", Org, None),
        ],
        not_entities: &[
            "Devoxx 2022",
            "La digitalisation",
            "Wali",
            "Shakespeare",
            "SM",
        ],
        not_persons: &["Souss Massa", "Moyen Orient"],
    },
    Seed {
        file: "004_1a904081dba04b63.txt",
        expected: &[
            ("APEBI", Org, None),
            ("Amine Zarouk", Person, None),
            ("Casablanca", Place, None),
            ("OFPPT", Org, None),
            ("CNDP", Org, None),
            ("Data Tika", Program, None),
            ("Skills for all", Program, None),
            ("Les ECO", Org, None),
        ],
        // From the ticker and the site chrome, cut by the ingest stage: must not leak.
        not_entities: &[
            "Trump",
            "Niger",
            "Dakhla-Oued Eddahab",
            "Marrakech-Safi",
            "David Beckham",
            "Rabat",
            "Mohammed VI",
            "Cliquez ici",
            "Digitalisation",
            "RGPD",
            "Covid-19",
        ],
        not_persons: &[
            "Data Tika",
            "Skills For All",
            "Les Inspirations Eco",
            "Voir",
        ],
    },
];

/// The article text as the ingest stage hands it over: no " date YYYY-MM " prefix, and for
/// seed 004 only the APEBI article (no ticker, no site chrome).
fn article(file: &str) -> String {
    let raw = raqmi_testkit::seed_text(file);
    let mut text = raw.as_str();
    if let Some(rest) = text.strip_prefix(" date ") {
        // "YYYY-MM " then the article.
        let is_date = rest.len() > 8
            && rest.as_bytes()[..7].iter().enumerate().all(|(i, b)| {
                if i == 4 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
            && rest.as_bytes()[7] == b' ';
        if is_date {
            text = &rest[8..];
        }
    }
    if file.starts_with("004") {
        let start = text
            .find("Digitalisation : l'APEBI")
            .expect("004 has its headline");
        let end = text.find("Cliquez ici").expect("004 has its site chrome");
        text = &text[start..end];
    }
    text.to_string()
}

fn surface<'a>(text: &'a str, e: &Entity) -> &'a str {
    &text[e.span.range()]
}

#[test]
fn every_expected_entity_is_found_in_every_seed() {
    for seed in SEEDS {
        let text = article(seed.file);
        let ents = extract_entities(&text);
        let listing = || {
            ents.iter()
                .map(|e| format!("{:?} {:?} -> {}", e.kind, surface(&text, e), e.canonical))
                .collect::<Vec<_>>()
                .join("\n  ")
        };
        for &(want, kind, _) in seed.expected {
            assert!(
                ents.iter()
                    .any(|e| surface(&text, e) == want && e.kind == kind),
                "{}: no {kind:?} {want:?}; found:\n  {}",
                seed.file,
                listing()
            );
        }
    }
}

#[test]
fn aliases_share_one_canonical_in_every_seed() {
    for seed in SEEDS {
        let text = article(seed.file);
        let ents = extract_entities(&text);
        let canonicals = |s: &str| -> Vec<&str> {
            ents.iter()
                .filter(|e| surface(&text, e) == s)
                .map(|e| e.canonical.as_str())
                .collect()
        };
        for &(want, _, same_as) in seed.expected {
            let Some(other) = same_as else { continue };
            let (a, b) = (canonicals(want), canonicals(other));
            assert!(
                !a.is_empty() && !b.is_empty(),
                "{}: {want:?} / {other:?}",
                seed.file
            );
            assert!(
                a.iter().all(|c| b.contains(c)),
                "{}: {want:?} -> {a:?} but {other:?} -> {b:?}",
                seed.file
            );
        }
    }
}

#[test]
fn nothing_absurd_comes_out_of_the_seeds() {
    for seed in SEEDS {
        let text = article(seed.file);
        let ents = extract_entities(&text);
        for e in &ents {
            let s = surface(&text, e);
            assert!(
                !seed.not_entities.contains(&s),
                "{}: {s:?} is not an entity ({e:?})",
                seed.file
            );
            assert!(
                !(e.kind == Person && seed.not_persons.contains(&s)),
                "{}: {s:?} is not a person",
                seed.file
            );
        }
    }
}

#[test]
fn the_ticker_of_seed_004_is_cut_before_extraction() {
    let text = article("004_1a904081dba04b63.txt");
    assert!(text.starts_with("Digitalisation : l'APEBI lance des think tanks"));
    assert!(text
        .trim_end()
        .ends_with("Aziz Diouf / Les Inspirations Eco"));
    // Every entity lies in the article proper.
    for e in extract_entities(&text) {
        assert!(e.span.end as usize <= text.len());
    }
}

#[test]
fn persons_carry_their_roles_in_the_seeds() {
    let cases = [
        (
            "000_355bd2c2e8048c55.txt",
            "Hicham Chiguer",
            "Président de l’AUSIM",
        ),
        (
            "002_8fd9b615db666dbf.txt",
            "Jalal Charaf",
            "Chief Digital Officer de l'UM6P",
        ),
        (
            "002_8fd9b615db666dbf.txt",
            "Noureddine Boutayeb",
            "président de la FMPS",
        ),
        (
            "003_33d08dc07e69b5e4.txt",
            "Karim Achengli",
            "président du conseil régional",
        ),
    ];
    for (file, name, role) in cases {
        let text = article(file);
        let ents = extract_entities(&text);
        assert!(
            ents.iter()
                .any(|e| surface(&text, e) == name && e.role.as_deref() == Some(role)),
            "{file}: {name} as {role:?}"
        );
    }
}

#[test]
fn monsieur_and_lone_surnames_resolve_to_the_full_name() {
    let cases = [
        // The title is outside the name's span.
        ("002_8fd9b615db666dbf.txt", "Charaf", "Jalal Charaf"),
        (
            "002_8fd9b615db666dbf.txt",
            "Boutayeb",
            "Noureddine Boutayeb",
        ),
        ("004_1a904081dba04b63.txt", "Zarouk", "Amine Zarouk"),
    ];
    for (file, mention, canonical) in cases {
        let text = article(file);
        let ents = extract_entities(&text);
        assert!(
            ents.iter().any(|e| surface(&text, e) == mention
                && e.kind == Person
                && e.canonical == canonical),
            "{file}: {mention} -> {canonical}"
        );
    }
}

#[test]
fn the_same_person_has_one_canonical_across_articles() {
    let canonical_of = |file: &str| {
        let text = article(file);
        extract_entities(&text)
            .into_iter()
            .find(|e| surface(&text, e) == "Hicham Chiguer")
            .map(|e| e.canonical)
    };
    let a = canonical_of("000_355bd2c2e8048c55.txt");
    assert!(a.is_some());
    assert_eq!(a, canonical_of("001_d8c6e0fe0226b3fe.txt"));
}
