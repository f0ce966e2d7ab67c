//! Recall families of issue 13, one table per family, with sentences written for these tests:
//! word and roman ordinals, approximations in words, ranges with both ends, elliptical series,
//! dot separators, "et demi", units beyond the currencies, counted nouns outside the lexicon.
//! Each table mixes the figures to find with the traps next to them (dates, years, phone
//! numbers, article and law numbers, times) so that recall is not bought with precision.
//!
//! A case is a sentence and the figures expected in it, in order: (surface, value, high, kind,
//! unit, category, qualifier). An empty list means no figure at all.

use raqmi_extract::figures::extract_figures;
use raqmi_model::document::{Category, FigureKind, Qualifier};

use Category as C;
use FigureKind as K;

type Want = (
    &'static str,
    f64,
    Option<f64>,
    FigureKind,
    &'static str,
    Category,
    Option<Qualifier>,
);

const OVER: Option<Qualifier> = Some(Qualifier::Over);
const ABOUT: Option<Qualifier> = Some(Qualifier::About);

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

fn check(cases: &[(&str, &[Want])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got: Vec<_> = extract_figures(text)
            .into_iter()
            .map(|f| {
                (
                    &text[f.span.range()],
                    f.value,
                    f.high,
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
                    && close(g.1, w.1)
                    && match (g.2, w.2) {
                        (Some(a), Some(b)) => close(a, b),
                        (a, b) => a.is_none() && b.is_none(),
                    }
                    && g.3 == w.3
                    && g.4 == w.4
                    && g.5 == w.5
                    && g.6 == w.6
            });
        if !same {
            failures.push(format!("{text:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn reads_ordinals_in_words_abbreviations_and_roman_numerals() {
    check(&[
        (
            "La deuxième édition du hackathon s'est tenue à Fès.",
            &[(
                "deuxième édition",
                2.0,
                None,
                K::Ordinal,
                "édition",
                C::Other,
                None,
            )],
        ),
        (
            "Une première promotion de codeurs sort cette semaine.",
            &[(
                "première promotion",
                1.0,
                None,
                K::Ordinal,
                "promotion",
                C::Other,
                None,
            )],
        ),
        (
            "Le premier incubateur régional ouvre ses portes.",
            &[(
                "premier incubateur",
                1.0,
                None,
                K::Ordinal,
                "incubateur",
                C::Other,
                None,
            )],
        ),
        (
            "Tanger se classe cinquième du classement des villes connectées.",
            &[("cinquième", 5.0, None, K::Ordinal, "", C::Other, None)],
        ),
        (
            "pour sa vingt-cinquième session annuelle",
            &[(
                "vingt-cinquième session",
                25.0,
                None,
                K::Ordinal,
                "session",
                C::Other,
                None,
            )],
        ),
        (
            "la 1-er édition du forum des fintechs",
            &[(
                "1-er édition",
                1.0,
                None,
                K::Ordinal,
                "édition",
                C::Other,
                None,
            )],
        ),
        (
            "la 1ère cohorte de développeuses",
            &[(
                "1ère cohorte",
                1.0,
                None,
                K::Ordinal,
                "cohorte",
                C::Other,
                None,
            )],
        ),
        (
            "la IIe édition des Rencontres du numérique",
            &[(
                "IIe édition",
                2.0,
                None,
                K::Ordinal,
                "édition",
                C::Other,
                None,
            )],
        ),
        (
            "lors de la XIVème conférence africaine",
            &[(
                "XIVème conférence",
                14.0,
                None,
                K::Ordinal,
                "conférence",
                C::Other,
                None,
            )],
        ),
        // Not ranks: a title, "for the first time", a century, a date, plain words.
        ("le Premier ministre a reçu les opérateurs", &[]),
        ("C'est la première fois que l'agence publie ce bilan.", &[]),
        ("au cours du XXIe siècle", &[]),
        ("Le décret entre en vigueur le 1er janvier.", &[]),
        ("Le secteur, Ce matin, Le Maroc et Me Alaoui", &[]),
        ("Il arrive en premier, puis les autres.", &[]),
        (
            "Parmi les mesures, la troisième concerne les startups.",
            &[],
        ),
    ]);
}

#[test]
fn reads_approximations_in_words() {
    check(&[
        (
            "une cinquantaine de formateurs bénévoles",
            &[(
                "une cinquantaine de formateurs",
                50.0,
                None,
                K::Count,
                "formateurs",
                C::Other,
                ABOUT,
            )],
        ),
        (
            "Une vingtaine d'entreprises ont répondu.",
            &[(
                "Une vingtaine d'entreprises",
                20.0,
                None,
                K::Count,
                "entreprises",
                C::Companies,
                ABOUT,
            )],
        ),
        (
            "une trentaine de pays africains",
            &[(
                "une trentaine de pays",
                30.0,
                None,
                K::Count,
                "pays",
                C::Other,
                ABOUT,
            )],
        ),
        (
            "Sur les candidats, une vingtaine ont été retenus.",
            &[("une vingtaine", 20.0, None, K::Count, "", C::Other, ABOUT)],
        ),
        (
            "Le fonds a levé 30 millions de dollars auprès d'une quinzaine d'investisseurs, puis une dizaine.",
            &[
                ("30 millions de dollars", 30e6, None, K::Money, "USD", C::Budget, None),
                ("une quinzaine d'investisseurs", 15.0, None, K::Count, "investisseurs", C::Other, ABOUT),
                ("une dizaine", 10.0, None, K::Count, "", C::Other, ABOUT),
            ],
        ),
        ("Les voyageurs ont été placés en quarantaine.", &[]),
        // Vague plural: "des dizaines de" is read like "des centaines de": one unit of the
        // scale, qualified "over" (more than ten).
        (
            "des dizaines de startups attendent un financement",
            &[(
                "dizaines de startups",
                10.0,
                None,
                K::Count,
                "startups",
                C::Companies,
                OVER,
            )],
        ),
        // A lone scale with no number and no quantifier is not a figure.
        (
            "Ces plateformes traitent des millions de transactions.",
            &[],
        ),
        ("des milliards de données circulent", &[]),
        ("Des millions de dirhams sont en jeu.", &[]),
        (
            "plusieurs millions de transactions",
            &[(
                "plusieurs millions de transactions",
                1e6,
                None,
                K::Count,
                "transactions",
                C::Other,
                OVER,
            )],
        ),
    ]);
}

#[test]
fn reads_ranges_as_one_figure_with_both_ends() {
    check(&[
        (
            "des tickets compris entre 2 millions et 5 millions de dirhams",
            &[(
                "entre 2 millions et 5 millions de dirhams",
                2e6,
                Some(5e6),
                K::Money,
                "MAD",
                C::Budget,
                None,
            )],
        ),
        (
            "Le programme vise les jeunes de 18 à 40 ans.",
            &[(
                "de 18 à 40 ans",
                18.0,
                Some(40.0),
                K::Duration,
                "ans",
                C::Other,
                None,
            )],
        ),
        (
            "entre 500 000 et 1 million d'euros par projet",
            &[(
                "entre 500 000 et 1 million d'euros",
                500_000.0,
                Some(1e6),
                K::Money,
                "EUR",
                C::Budget,
                None,
            )],
        ),
        (
            "une hausse de 12 à 15 % du trafic",
            &[(
                "de 12 à 15 %",
                12.0,
                Some(15.0),
                K::Percent,
                "%",
                C::Share,
                None,
            )],
        ),
        (
            "entre 300 et 400 exposants",
            &[(
                "entre 300 et 400 exposants",
                300.0,
                Some(400.0),
                K::Count,
                "exposants",
                C::Participants,
                None,
            )],
        ),
        (
            "les 18-35 ans représentent 60% des utilisateurs",
            &[
                (
                    "18-35 ans",
                    18.0,
                    Some(35.0),
                    K::Duration,
                    "ans",
                    C::Other,
                    None,
                ),
                ("60%", 60.0, None, K::Percent, "%", C::Share, None),
            ],
        ),
        // Not ranges: years, hours, dates, law and decree numbers.
        ("la loi 09-08 relative aux données", &[]),
        ("le décret 2-22-431 publié hier", &[]),
        ("les scores 10-15 du match", &[]),
        ("entre 2019 et 2023, le secteur a changé", &[]),
        ("de 9h à 18h chaque jour", &[]),
        ("du 3 au 5 mai à Rabat", &[]),
    ]);
}

#[test]
fn elliptical_series_inherit_scale_and_currency() {
    check(&[
        (
            "Les fonds ont levé respectivement 33,26 millions et 26,2 millions de dollars.",
            &[
                ("33,26 millions", 33.26e6, None, K::Money, "USD", C::Budget, None),
                ("26,2 millions de dollars", 26.2e6, None, K::Money, "USD", C::Budget, None),
            ],
        ),
        (
            "Les levées ont atteint 244,7 millions de dollars en 2023, 61,1 millions en 2022 et 44,2 millions en 2021.",
            &[
                ("244,7 millions de dollars", 244.7e6, None, K::Money, "USD", C::Budget, None),
                ("61,1 millions", 61.1e6, None, K::Money, "USD", C::Budget, None),
                ("44,2 millions", 44.2e6, None, K::Money, "USD", C::Budget, None),
            ],
        ),
        (
            "Le volume est passé à 9,7 millions de transactions, contre 7,2 millions un an plus tôt.",
            &[
                ("9,7 millions de transactions", 9.7e6, None, K::Count, "transactions", C::Other, None),
                ("7,2 millions", 7.2e6, None, K::Count, "transactions", C::Other, None),
            ],
        ),
        // A new sentence does not inherit.
        ("Un budget de 3 millions d'euros. Les 2 millions restants sont promis.", &[
            ("3 millions d'euros", 3e6, None, K::Money, "EUR", C::Budget, None),
        ]),
    ]);
}

#[test]
fn reads_dot_separators_and_bare_four_digit_counts() {
    check(&[
        (
            "Le plan promet 9.000 emplois d'ici trois ans.",
            &[
                (
                    "9.000 emplois",
                    9000.0,
                    None,
                    K::Count,
                    "emplois",
                    C::Jobs,
                    None,
                ),
                ("trois ans", 3.0, None, K::Duration, "ans", C::Other, None),
            ],
        ),
        (
            "un marché de 9.7 millions de dollars",
            &[(
                "9.7 millions de dollars",
                9.7e6,
                None,
                K::Money,
                "USD",
                C::Budget,
                None,
            )],
        ),
        (
            "soit 2.5% du chiffre d'affaires",
            &[("2.5%", 2.5, None, K::Percent, "%", C::Share, None)],
        ),
        (
            "1 618 candidatures reçues",
            &[(
                "1 618 candidatures",
                1618.0,
                None,
                K::Count,
                "candidatures",
                C::Other,
                None,
            )],
        ),
        (
            "la plateforme compte 1618 inscrits",
            &[(
                "1618 inscrits",
                1618.0,
                None,
                K::Count,
                "inscrits",
                C::Other,
                None,
            )],
        ),
        // Labels, years, phone numbers, articles, laws and times are not counts.
        ("la version 2.0 du portail", &[]),
        ("En 2024 startups et PME ont recruté.", &[]),
        ("Appelez le 05 22 33 44 55 pour vous inscrire.", &[]),
        ("selon l'article 12 de la loi 09-08", &[]),
        ("la séance débute à 14h30", &[]),
        ("à 9 h 30 au siège", &[]),
    ]);
}

#[test]
fn reads_half_units_and_durations_in_words() {
    check(&[
        (
            "un programme d'un an et demi",
            &[(
                "un an et demi",
                1.5,
                None,
                K::Duration,
                "an",
                C::Other,
                None,
            )],
        ),
        (
            "après deux ans de travaux",
            &[("deux ans", 2.0, None, K::Duration, "ans", C::Other, None)],
        ),
        (
            "pendant deux ans et demi",
            &[(
                "deux ans et demi",
                2.5,
                None,
                K::Duration,
                "ans",
                C::Other,
                None,
            )],
        ),
        (
            "un investissement d'un milliard et demi de dirhams",
            &[(
                "un milliard et demi de dirhams",
                1.5e9,
                None,
                K::Money,
                "MAD",
                C::Budget,
                None,
            )],
        ),
        // "un an" alone is a reference in time, not a figure.
        ("Il y a un an, le projet démarrait.", &[]),
    ]);
}

#[test]
fn keeps_currencies_and_measurement_units() {
    check(&[
        (
            "un tour de table de 4 millions USD",
            &[(
                "4 millions USD",
                4e6,
                None,
                K::Money,
                "USD",
                C::Budget,
                None,
            )],
        ),
        (
            "une levée de $12 millions",
            &[("$12 millions", 12e6, None, K::Money, "USD", C::Budget, None)],
        ),
        (
            "une aide de 800 000 EUR",
            &[(
                "800 000 EUR",
                800_000.0,
                None,
                K::Money,
                "EUR",
                C::Budget,
                None,
            )],
        ),
        (
            "un data center de 5 000 m² alimenté par 20 MW",
            &[
                ("5 000 m²", 5000.0, None, K::Count, "m²", C::Other, None),
                ("20 MW", 20.0, None, K::Count, "MW", C::Other, None),
            ],
        ),
        (
            "un campus de 12 000 m2",
            &[("12 000 m2", 12_000.0, None, K::Count, "m²", C::Other, None)],
        ),
        (
            "un câble de 1 200 km",
            &[("1 200 km", 1200.0, None, K::Count, "km", C::Other, None)],
        ),
        (
            "un forfait de 50 Go et un disque de 2 To",
            &[
                ("50 Go", 50.0, None, K::Count, "Go", C::Other, None),
                ("2 To", 2.0, None, K::Count, "To", C::Other, None),
            ],
        ),
        (
            "une centrale de 40 mégawatts",
            &[("40 mégawatts", 40.0, None, K::Count, "MW", C::Other, None)],
        ),
    ]);
}

#[test]
fn any_plural_noun_after_a_number_is_counted() {
    check(&[
        (
            "Le Maroc compte 1 000 startups actives.",
            &[(
                "1 000 startups",
                1000.0,
                None,
                K::Count,
                "startups",
                C::Companies,
                None,
            )],
        ),
        (
            "40 sites ont été raccordés",
            &[("40 sites", 40.0, None, K::Count, "sites", C::Other, None)],
        ),
        (
            "30 entreprises exposent",
            &[(
                "30 entreprises",
                30.0,
                None,
                K::Count,
                "entreprises",
                C::Companies,
                None,
            )],
        ),
        (
            "104 personnes ont été formées",
            &[(
                "104 personnes",
                104.0,
                None,
                K::Count,
                "personnes",
                C::Other,
                None,
            )],
        ),
        (
            "9,7 millions de transactions",
            &[(
                "9,7 millions de transactions",
                9.7e6,
                None,
                K::Count,
                "transactions",
                C::Other,
                None,
            )],
        ),
    ]);
}
