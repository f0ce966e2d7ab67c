//! The seed articles against the hand-checked facts of `shared/acceptance/seed_figures.json`,
//! copied here as a table (CI does not have `shared/` at a stable path).
//! Seeds are read from `seeds/` with a crude stand-in for ingest: a leading " date YYYY-MM "
//! is stripped, and seed 004 keeps only the APEBI article.

use raqmi_extract::figures::extract_figures;
use raqmi_model::document::{Category, Figure, FigureKind, Qualifier};

use Category as C;
use FigureKind as K;

struct Expect {
    surface: &'static str,
    value: f64,
    kind: FigureKind,
    category: Category,
    qualifier: Option<Qualifier>,
}

const fn fig(
    surface: &'static str,
    value: f64,
    kind: FigureKind,
    category: Category,
    qualifier: Option<Qualifier>,
) -> Expect {
    Expect {
        surface,
        value,
        kind,
        category,
        qualifier,
    }
}

const OVER: Option<Qualifier> = Some(Qualifier::Over);
const ABOUT: Option<Qualifier> = Some(Qualifier::About);

struct Seed {
    file: &'static str,
    figures: &'static [Expect],
    not_figures: &'static [&'static str],
}

const SEEDS: &[Seed] = &[
    Seed {
        file: "000_355bd2c2e8048c55.txt",
        figures: &[
            fig("7ème édition", 7.0, K::Ordinal, C::Other, None),
            fig(
                "plus de 1100 acteurs",
                1100.0,
                K::Count,
                C::Participants,
                OVER,
            ),
            fig("78%", 78.0, K::Percent, C::Share, None),
            fig(
                "11 jeunes boursiers",
                11.0,
                K::Count,
                C::Beneficiaries,
                None,
            ),
            fig("6 jeunes filles", 6.0, K::Count, C::Beneficiaries, None),
            // Optional in the acceptance file; we report it.
            fig("deux jours", 2.0, K::Duration, C::Other, None),
        ],
        not_figures: &[
            "industrie 4.0",
            "Maroc Digital 2030",
            "Assises 2024",
            "Le pouvoir du digital",
        ],
    },
    Seed {
        file: "001_d8c6e0fe0226b3fe.txt",
        figures: &[
            fig("30ème anniversaire", 30.0, K::Ordinal, C::Other, None),
            fig(
                "plus de 108 organisations adhérentes",
                108.0,
                K::Count,
                C::Members,
                OVER,
            ),
            fig("plus de 20% du PIB", 20.0, K::Percent, C::Share, OVER),
        ],
        not_figures: &["un ftour", "Le360"],
    },
    Seed {
        file: "002_8fd9b615db666dbf.txt",
        figures: &[fig(
            "trois principaux services",
            3.0,
            K::Count,
            C::Other,
            None,
        )],
        not_figures: &["UM6P", "une conférence", "un système"],
    },
    Seed {
        file: "003_33d08dc07e69b5e4.txt",
        figures: &[
            fig("9ème édition", 9.0, K::Ordinal, C::Other, None),
            fig(
                "Une centaine d’experts",
                100.0,
                K::Count,
                C::Participants,
                ABOUT,
            ),
            fig(
                "deux milliers de lauréats",
                2000.0,
                K::Count,
                C::Beneficiaries,
                None,
            ),
            fig("2000 jeunes", 2000.0, K::Count, C::Beneficiaries, None),
            fig(
                "13, 3 millions de dhs",
                13_300_000.0,
                K::Money,
                C::Budget,
                None,
            ),
            fig(
                "3,9 millions de dhs",
                3_900_000.0,
                K::Money,
                C::Budget,
                None,
            ),
            fig("1000 postes", 1000.0, K::Count, C::Jobs, None),
        ],
        not_figures: &["Devoxx 2022"],
    },
    Seed {
        file: "004_1a904081dba04b63.txt",
        figures: &[
            fig("trois groupes de réflexion", 3.0, K::Count, C::Other, None),
            fig("10 binômes", 10.0, K::Count, C::Other, None),
            fig("10 startups par région", 10.0, K::Count, C::Companies, None),
            fig("multiplié par 5", 5.0, K::Factor, C::Other, None),
            fig("douze régions", 12.0, K::Count, C::Other, None),
            // Optional in the acceptance file; we report it (the span runs on to the noun).
            fig("centaines de milliers", 100_000.0, K::Count, C::Jobs, OVER),
        ],
        // The ticker's not-figures are cut with the ticker; this one is in the article.
        not_figures: &["juillet 2020", "12 - 04 - 2021"],
    },
];

/// The article text as ingest will hand it over.
fn article(file: &str) -> String {
    let raw = raqmi_testkit::seed_text(file);
    let mut text = raw.as_str();
    if let Some(rest) = text.strip_prefix(" date ") {
        // " date YYYY-MM " then the article.
        text = rest.get(8..).unwrap_or("");
    }
    if file.starts_with("004") {
        let from = text
            .find("Digitalisation : l'APEBI")
            .expect("APEBI headline");
        let to = text.find("Cliquez ici").expect("site chrome");
        text = &text[from..to];
    }
    text.to_string()
}

fn show(text: &str, figs: &[Figure]) -> String {
    figs.iter()
        .map(|f| {
            format!(
                "  {:?} {} {:?} {:?} {:?} unit={:?}\n",
                &text[f.span.range()],
                f.value,
                f.kind,
                f.category,
                f.qualifier,
                f.unit
            )
        })
        .collect()
}

#[test]
fn seed_articles_yield_the_hand_checked_figures() {
    let mut failures = Vec::new();
    for seed in SEEDS {
        let text = article(seed.file);
        let figs = extract_figures(&text);
        for e in seed.figures {
            let at = text
                .find(e.surface)
                .unwrap_or_else(|| panic!("{}: surface {:?} not in text", seed.file, e.surface));
            let (s, t) = (at, at + e.surface.len());
            let found = figs
                .iter()
                .find(|f| (f.span.start as usize) < t && s < f.span.end as usize);
            let ok = found.is_some_and(|f| {
                (f.value - e.value).abs() <= 1e-6 * e.value.abs().max(1.0)
                    && f.kind == e.kind
                    && f.category == e.category
                    && f.qualifier == e.qualifier
            });
            if !ok {
                failures.push(format!(
                    "{}: {:?} -> {:?}",
                    seed.file,
                    e.surface,
                    found.map(|f| (
                        &text[f.span.range()],
                        f.value,
                        f.kind,
                        f.category,
                        f.qualifier
                    ))
                ));
            }
        }
        for nf in seed.not_figures {
            for (at, _) in text.match_indices(nf) {
                let t = at + nf.len();
                if let Some(f) = figs
                    .iter()
                    .find(|f| (f.span.start as usize) < t && at < f.span.end as usize)
                {
                    failures.push(format!(
                        "{}: not a figure {nf:?} but found {:?}",
                        seed.file,
                        &text[f.span.range()]
                    ));
                }
            }
        }
        if std::env::var_os("SHOW_FIGURES").is_some() {
            eprintln!("{}:\n{}", seed.file, show(&text, &figs));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_spans_match_the_acceptance_surfaces_exactly() {
    // The acceptance file's surfaces are the whole expressions; ours should be the same text
    // (the optional "centaines de milliers" aside, whose noun we include).
    for seed in SEEDS {
        let text = article(seed.file);
        let figs = extract_figures(&text);
        for e in seed
            .figures
            .iter()
            .filter(|e| e.surface != "centaines de milliers")
        {
            assert!(
                figs.iter().any(|f| &text[f.span.range()] == e.surface),
                "{}: no figure spans exactly {:?}\n{}",
                seed.file,
                e.surface,
                show(&text, &figs)
            );
        }
    }
}

#[test]
fn seed_004_ticker_formats_read_right_out_of_context() {
    // Ingest removes the ticker, but its formats must still read right elsewhere.
    let raw = raqmi_testkit::seed_text("004_1a904081dba04b63.txt");
    let ticker = &raw[..raw.find("Merci d'avoir").expect("end of ticker")];
    let figs = extract_figures(ticker);
    let find = |s: &str| {
        figs.iter()
            .find(|f| ticker[f.span.range()].contains(s))
            .map(|f| (f.value, f.kind, f.qualifier))
    };
    assert_eq!(
        find("7,9 MMDH"),
        Some((7.9e9, K::Money, Some(Qualifier::About)))
    );
    assert_eq!(find("+15,5 %"), Some((15.5, K::Percent, None)));
    assert_eq!(find("21 %"), Some((21.0, K::Percent, None)));
    assert_eq!(
        find("6.500"),
        Some((6500.0, K::Count, Some(Qualifier::Over)))
    );
    assert_eq!(find("50 ans"), Some((50.0, K::Duration, None)));
    for never in ["2026", "2025", "16h00", "19", "06", "2024"] {
        assert!(find(never).is_none(), "{never}: {}", show(ticker, &figs));
    }
    if std::env::var_os("SHOW_FIGURES").is_some() {
        eprintln!("ticker:\n{}", show(ticker, &figs));
    }
}
