//! Table-driven cases, one test per format family, including the French traps of the issue.
//! Each case is a sentence and the figures expected in it, in order: (surface, value, kind,
//! unit, category, qualifier). A case with an empty list must yield no figure at all.

use raqmi_extract::figures::{extract_figures, lexicon_errors};
use raqmi_model::document::{Category, FigureKind, Qualifier};

use Category as C;
use FigureKind as K;

type Want = (
    &'static str,
    f64,
    FigureKind,
    &'static str,
    Category,
    Option<Qualifier>,
);

const OVER: Option<Qualifier> = Some(Qualifier::Over);
const ABOUT: Option<Qualifier> = Some(Qualifier::About);
const UNDER: Option<Qualifier> = Some(Qualifier::Under);
const UP_TO: Option<Qualifier> = Some(Qualifier::UpTo);

fn check(cases: &[(&str, &[Want])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got: Vec<_> = extract_figures(text)
            .into_iter()
            .map(|f| {
                (
                    &text[f.span.range()],
                    f.value,
                    f.kind,
                    f.unit,
                    f.category,
                    f.qualifier,
                )
            })
            .collect();
        let same = got.len() == want.len()
            && got.iter().zip(want.iter()).all(|(g, w)| {
                g.0 == w.0
                    && (g.1 - w.1).abs() <= 1e-6 * w.1.abs().max(1.0)
                    && g.2 == w.2
                    && g.3 == w.3
                    && g.4 == w.4
                    && g.5 == w.5
            });
        if !same {
            failures.push(format!("{text:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn extracts_budget_with_comma_decimal() {
    check(&[
        (
            "une enveloppe de 13, 3 millions de dhs",
            &[(
                "13, 3 millions de dhs",
                13_300_000.0,
                K::Money,
                "MAD",
                C::Budget,
                None,
            )],
        ),
        (
            "un montage de 3,9 millions de dhs",
            &[(
                "3,9 millions de dhs",
                3_900_000.0,
                K::Money,
                "MAD",
                C::Budget,
                None,
            )],
        ),
        (
            "près de 7,9 MMDH versés",
            &[("près de 7,9 MMDH", 7.9e9, K::Money, "MAD", C::Budget, ABOUT)],
        ),
        (
            "un budget de 20 MDH",
            &[("20 MDH", 20e6, K::Money, "MAD", C::Budget, None)],
        ),
        (
            "soit 2,5 milliards de dirhams",
            &[(
                "2,5 milliards de dirhams",
                2.5e9,
                K::Money,
                "MAD",
                C::Budget,
                None,
            )],
        ),
    ]);
}

#[test]
fn extracts_money_in_every_currency() {
    check(&[
        (
            "2 millions d'euros",
            &[("2 millions d'euros", 2e6, K::Money, "EUR", C::Budget, None)],
        ),
        (
            "2 millions d’euros",
            &[("2 millions d’euros", 2e6, K::Money, "EUR", C::Budget, None)],
        ),
        (
            "levée de 5M€ hier",
            &[("5M€", 5e6, K::Money, "EUR", C::Budget, None)],
        ),
        (
            "un ticket de 500 €",
            &[("500 €", 500.0, K::Money, "EUR", C::Budget, None)],
        ),
        (
            "300 dollars par mois",
            &[("300 dollars", 300.0, K::Money, "USD", C::Budget, None)],
        ),
        (
            "un salaire de 10k dirhams",
            &[("10k dirhams", 10_000.0, K::Money, "MAD", C::Budget, None)],
        ),
        (
            "1 200 DH",
            &[("1 200 DH", 1200.0, K::Money, "MAD", C::Budget, None)],
        ),
        (
            "1 200 MAD",
            &[("1 200 MAD", 1200.0, K::Money, "MAD", C::Budget, None)],
        ),
        (
            "plusieurs millions de dirhams",
            &[(
                "plusieurs millions de dirhams",
                1e6,
                K::Money,
                "MAD",
                C::Budget,
                OVER,
            )],
        ),
    ]);
}

#[test]
fn reads_thousands_separators() {
    check(&[
        (
            "Plus de 6.500 créations d'entreprises",
            &[(
                "Plus de 6.500 créations d'entreprises",
                6500.0,
                K::Count,
                "créations d'entreprises",
                C::Companies,
                OVER,
            )],
        ),
        (
            "1 200 participants",
            &[(
                "1 200 participants",
                1200.0,
                K::Count,
                "participants",
                C::Participants,
                None,
            )],
        ),
        (
            "1\u{a0}200 visiteurs",
            &[(
                "1\u{a0}200 visiteurs",
                1200.0,
                K::Count,
                "visiteurs",
                C::Participants,
                None,
            )],
        ),
        (
            "12\u{202f}500 emplois",
            &[(
                "12\u{202f}500 emplois",
                12_500.0,
                K::Count,
                "emplois",
                C::Jobs,
                None,
            )],
        ),
    ]);
}

#[test]
fn does_not_merge_a_list_into_a_decimal() {
    check(&[
        (
            "10, 15 startups",
            &[
                ("10", 10.0, K::Count, "startups", C::Companies, None),
                (
                    "15 startups",
                    15.0,
                    K::Count,
                    "startups",
                    C::Companies,
                    None,
                ),
            ],
        ),
        (
            "8 millions, 5,6 millions de dirhams",
            &[
                ("8 millions", 8e6, K::Money, "MAD", C::Budget, None),
                (
                    "5,6 millions de dirhams",
                    5.6e6,
                    K::Money,
                    "MAD",
                    C::Budget,
                    None,
                ),
            ],
        ),
        (
            "20 et 30 %",
            &[
                ("20", 20.0, K::Percent, "%", C::Share, None),
                ("30 %", 30.0, K::Percent, "%", C::Share, None),
            ],
        ),
    ]);
}

#[test]
fn extracts_percentages() {
    check(&[
        (
            "représente 78% de l'empreinte",
            &[("78%", 78.0, K::Percent, "%", C::Share, None)],
        ),
        (
            "plus de 20% du PIB",
            &[("plus de 20% du PIB", 20.0, K::Percent, "%", C::Share, OVER)],
        ),
        (
            "avec +15,5 % par an",
            &[("+15,5 %", 15.5, K::Percent, "%", C::Share, None)],
        ),
        (
            "21 % de ses terres",
            &[("21 %", 21.0, K::Percent, "%", C::Share, None)],
        ),
        (
            "12\u{a0}% des jeunes",
            &[("12\u{a0}%", 12.0, K::Percent, "%", C::Share, None)],
        ),
        (
            "trente pour cent",
            &[("trente pour cent", 30.0, K::Percent, "%", C::Share, None)],
        ),
    ]);
}

#[test]
fn reads_number_words_and_collective_nouns() {
    check(&[
        (
            "trois groupes de réflexion",
            &[(
                "trois groupes de réflexion",
                3.0,
                K::Count,
                "groupes de réflexion",
                C::Other,
                None,
            )],
        ),
        (
            "les douze régions",
            &[("douze régions", 12.0, K::Count, "régions", C::Other, None)],
        ),
        (
            "dix-huit lauréats",
            &[(
                "dix-huit lauréats",
                18.0,
                K::Count,
                "lauréats",
                C::Beneficiaries,
                None,
            )],
        ),
        (
            "deux milliers de lauréats",
            &[(
                "deux milliers de lauréats",
                2000.0,
                K::Count,
                "lauréats",
                C::Beneficiaries,
                None,
            )],
        ),
        (
            "Une centaine d’experts",
            &[(
                "Une centaine d’experts",
                100.0,
                K::Count,
                "experts",
                C::Participants,
                ABOUT,
            )],
        ),
        (
            "une dizaine de startups",
            &[(
                "une dizaine de startups",
                10.0,
                K::Count,
                "startups",
                C::Companies,
                ABOUT,
            )],
        ),
        (
            "des centaines de milliers de jeunes",
            &[(
                "centaines de milliers de jeunes",
                100_000.0,
                K::Count,
                "jeunes",
                C::Beneficiaries,
                OVER,
            )],
        ),
        (
            "quelques centaines de visiteurs",
            &[(
                "quelques centaines de visiteurs",
                100.0,
                K::Count,
                "visiteurs",
                C::Participants,
                OVER,
            )],
        ),
        (
            "trois principaux services",
            &[(
                "trois principaux services",
                3.0,
                K::Count,
                "principaux services",
                C::Other,
                None,
            )],
        ),
    ]);
}

#[test]
fn categorizes_counts_by_their_noun() {
    check(&[
        (
            "plus de 1100 acteurs clés",
            &[(
                "plus de 1100 acteurs",
                1100.0,
                K::Count,
                "acteurs",
                C::Participants,
                OVER,
            )],
        ),
        (
            "plus de 108 organisations adhérentes",
            &[(
                "plus de 108 organisations adhérentes",
                108.0,
                K::Count,
                "organisations adhérentes",
                C::Members,
                OVER,
            )],
        ),
        (
            "11 jeunes boursiers, dont 6 jeunes filles",
            &[
                (
                    "11 jeunes boursiers",
                    11.0,
                    K::Count,
                    "jeunes boursiers",
                    C::Beneficiaries,
                    None,
                ),
                (
                    "6 jeunes filles",
                    6.0,
                    K::Count,
                    "jeunes filles",
                    C::Beneficiaries,
                    None,
                ),
            ],
        ),
        (
            "la création de 1000 postes permanent",
            &[("1000 postes", 1000.0, K::Count, "postes", C::Jobs, None)],
        ),
        (
            "10 startups par région",
            &[(
                "10 startups par région",
                10.0,
                K::Count,
                "startups",
                C::Companies,
                None,
            )],
        ),
        (
            "créer 10 binômes",
            &[("10 binômes", 10.0, K::Count, "binômes", C::Other, None)],
        ),
        (
            "500 membres",
            &[("500 membres", 500.0, K::Count, "membres", C::Members, None)],
        ),
    ]);
}

#[test]
fn reads_qualifiers() {
    check(&[
        (
            "moins de 50 stagiaires",
            &[(
                "moins de 50 stagiaires",
                50.0,
                K::Count,
                "stagiaires",
                C::Beneficiaries,
                UNDER,
            )],
        ),
        (
            "jusqu'à 300 emplois",
            &[(
                "jusqu'à 300 emplois",
                300.0,
                K::Count,
                "emplois",
                C::Jobs,
                UP_TO,
            )],
        ),
        (
            "jusqu’à 300 emplois",
            &[(
                "jusqu’à 300 emplois",
                300.0,
                K::Count,
                "emplois",
                C::Jobs,
                UP_TO,
            )],
        ),
        (
            "au moins 40 entreprises",
            &[(
                "au moins 40 entreprises",
                40.0,
                K::Count,
                "entreprises",
                C::Companies,
                OVER,
            )],
        ),
        (
            "environ 200 participants",
            &[(
                "environ 200 participants",
                200.0,
                K::Count,
                "participants",
                C::Participants,
                ABOUT,
            )],
        ),
        (
            "quelque 200 participants",
            &[(
                "quelque 200 participants",
                200.0,
                K::Count,
                "participants",
                C::Participants,
                ABOUT,
            )],
        ),
        (
            "près de 2000 jeunes",
            &[(
                "près de 2000 jeunes",
                2000.0,
                K::Count,
                "jeunes",
                C::Beneficiaries,
                ABOUT,
            )],
        ),
    ]);
}

#[test]
fn reads_ranges_with_their_high_end() {
    for (text, low, high, kind) in [
        ("entre 10 et 15 startups", 10.0, 15.0, K::Count),
        ("de 10 à 15 startups", 10.0, 15.0, K::Count),
        ("entre 10 et 15 millions de dirhams", 10e6, 15e6, K::Money),
    ] {
        let figs = extract_figures(text);
        assert_eq!(figs.len(), 1, "{text}: {figs:?}");
        let f = &figs[0];
        assert_eq!(
            (&text[f.span.range()], f.value, f.high, f.kind),
            (text, low, Some(high), kind),
            "{text}"
        );
    }
}

#[test]
fn reads_ordinals_factors_and_durations() {
    check(&[
        (
            "la 7ème édition",
            &[("7ème édition", 7.0, K::Ordinal, "édition", C::Other, None)],
        ),
        (
            "son 30ème anniversaire",
            &[(
                "30ème anniversaire",
                30.0,
                K::Ordinal,
                "anniversaire",
                C::Other,
                None,
            )],
        ),
        (
            "la 9e édition",
            &[("9e édition", 9.0, K::Ordinal, "édition", C::Other, None)],
        ),
        (
            "la 5ᵉ édition",
            &[("5ᵉ édition", 5.0, K::Ordinal, "édition", C::Other, None)],
        ),
        (
            "la 3è édition",
            &[("3è édition", 3.0, K::Ordinal, "édition", C::Other, None)],
        ),
        (
            "le 1er trimestre",
            &[(
                "1er trimestre",
                1.0,
                K::Ordinal,
                "trimestre",
                C::Other,
                None,
            )],
        ),
        (
            "pourrait être multiplié par 5",
            &[("multiplié par 5", 5.0, K::Factor, "", C::Other, None)],
        ),
        (
            "après deux jours de débats",
            &[("deux jours", 2.0, K::Duration, "jours", C::Other, None)],
        ),
        (
            "3 mois de formation",
            &[("3 mois", 3.0, K::Duration, "mois", C::Other, None)],
        ),
        (
            "fête ses 50 ans",
            &[("50 ans", 50.0, K::Duration, "ans", C::Other, None)],
        ),
    ]);
}

#[test]
fn ignores_years_in_programme_names() {
    check(&[
        ("la stratégie Maroc Digital 2030 : un plan", &[]),
        ("Les Assises 2024 ont offert", &[]),
        ("le Devoxx 2022.", &[]),
        ("Eliminatoires Mondial 2026 : Le Maroc", &[]),
        ("Qualifications du Mondial-2026 (match)", &[]),
        ("lancée par la CNDP en juillet 2020.", &[]),
        ("en 2024 les startups", &[]),
        ("à l'horizon 2030", &[]),
        (
            "la formation de 2000 jeunes",
            &[(
                "2000 jeunes",
                2000.0,
                K::Count,
                "jeunes",
                C::Beneficiaries,
                None,
            )],
        ),
    ]);
}

#[test]
fn ignores_articles_labels_names_dates_and_times() {
    check(&[
        ("C’est par un ftour et une conférence", &[]),
        ("un système d'identification", &[]),
        (
            "L’un des objectifs, à l’une des régions, un des acteurs",
            &[],
        ),
        ("l’industrie 4.0 transforme", &[]),
        ("interrogé par Le360.", &[]),
        ("l'UM6P et 1337 forment", &[]),
        ("au S1-2025 à Marrakech", &[]),
        ("Les prévisions du vendredi 5 septembre 2025", &[]),
        ("le 1er janvier", &[]),
        ("Publié dans Les ECO le 12 - 04 - 2021", &[]),
        ("à 16h00 au complexe", &[]),
        ("une nouvelle vague de Covid-19 frappe", &[]),
        ("la 5G arrive", &[]),
    ]);
}

#[test]
fn keeps_figures_apart_in_one_sentence() {
    let text = "10 binômes et donc 10 startups par région, 3,9 millions de dhs et 78% du marché.";
    let figs = extract_figures(text);
    let surfaces: Vec<_> = figs.iter().map(|f| &text[f.span.range()]).collect();
    assert_eq!(
        surfaces,
        [
            "10 binômes",
            "10 startups par région",
            "3,9 millions de dhs",
            "78%"
        ]
    );
}

#[test]
fn lexicon_files_are_well_formed() {
    let errors = lexicon_errors();
    assert!(
        errors.is_empty(),
        "malformed lexicon lines:\n{}",
        errors.join("\n")
    );
}
