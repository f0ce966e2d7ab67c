//! The engine must answer exactly as the straightforward reference (`reference`) does:
//! same hits in the same order with the same scores (bit for bit), spans, totals and
//! facet counts, KWIC lines and on-demand spans, on random corpora and random queries.

/// The engine before its optimizations, the reference the tests compare with.
mod reference;

use proptest::prelude::*;
use raqmi_extract::ingest::{ingest_text, Overrides};
use raqmi_model::document::{
    Category, Date, Document, Entity, EntityKind, Figure, FigureKind, Span,
};
use raqmi_search::facet::FacetKind;
use raqmi_search::index::SearchIndex;
use raqmi_search::query::{kwic, matches_for, search, Filters, RankingWeights, MATCHED_HITS};

/// Words with accents that sometimes vary (so written lengths vary), capitals, inflections
/// sharing a stem, stop words, and words sharing prefixes.
const WORDS: &[&str] = &[
    "intelligence",
    "Intelligence",
    "artificielle",
    "artificielles",
    "ARTIFICIELLE",
    "numérique",
    "numerique",
    "Numérique",
    "numériques",
    "numérisation",
    "formation",
    "formations",
    "formateur",
    "startups",
    "startup",
    "cœur",
    "coeur",
    "données",
    "Maroc",
    "cloud",
    "l'intelligence",
    "d’artificielle",
    "de",
    "la",
    "le",
    "des",
    "et",
    "à",
    "l",
    "cybersécurité",
    "cybersecurite",
    "sécurité",
    "ministère",
    "économie",
    "x",
];
/// What goes between two words: spaces, punctuation, quotes, a paragraph break.
const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", ", ", "-", "'", " » « ", ".\n\n", "\u{a0}", " — ", "  ",
];

fn text_of(picks: &[(usize, usize)]) -> String {
    let mut t = String::new();
    for (i, &(w, sep)) in picks.iter().enumerate() {
        if i > 0 {
            t.push_str(SEPARATORS[sep % SEPARATORS.len()]);
        }
        t.push_str(WORDS[w % WORDS.len()]);
    }
    t
}

fn document(i: usize, spec: &DocSpec) -> Option<Document> {
    let body = text_of(&spec.body);
    let head = text_of(&spec.head);
    let (source, overrides) = if spec.title_override {
        (
            body,
            Overrides {
                title: Some(head),
                ..Overrides::default()
            },
        )
    } else {
        (format!("{head}\n\n{body}."), Overrides::default())
    };
    let mut d = ingest_text(&format!("d{i:03}"), "p", &source, &overrides).ok()?;
    const ORGS: &[&str] = &["AUSIM", "OCP", "UM6P"];
    const PLACES: &[&str] = &["Rabat", "Salé"];
    d.date = spec.date.map(|(y, m)| Date {
        year: 2020 + y as u16,
        month: (m > 0).then_some(m),
        day: None,
    });
    d.source = (spec.source > 0).then(|| format!("Source {}", spec.source));
    d.entities = spec
        .entities
        .iter()
        .map(|&(kind, name)| Entity {
            span: Span::new(0, 1),
            kind: [EntityKind::Org, EntityKind::Place, EntityKind::Person][kind % 3],
            canonical: match kind % 3 {
                0 => ORGS[name % ORGS.len()].into(),
                1 => PLACES[name % PLACES.len()].into(),
                _ => format!("Personne {name}"),
            },
            role: None,
        })
        .collect();
    d.figures = spec
        .figures
        .iter()
        .map(|&(cat, value)| Figure {
            span: Span::new(0, 1),
            value: value as f64,
            high: (value % 3 == 0).then_some(value as f64 * 2.0),
            kind: FigureKind::Count,
            unit: "x".into(),
            category: Category::ALL[cat % 8],
            qualifier: None,
            meaning: Default::default(),
        })
        .collect();
    Some(d)
}

#[derive(Debug, Clone)]
struct DocSpec {
    head: Vec<(usize, usize)>,
    body: Vec<(usize, usize)>,
    title_override: bool,
    date: Option<(u8, u8)>,
    source: u8,
    entities: Vec<(usize, usize)>,
    figures: Vec<(usize, u32)>,
}

fn doc_spec() -> impl Strategy<Value = DocSpec> {
    let picks = |max| proptest::collection::vec((0..WORDS.len(), 0..40usize), 1..max);
    (
        picks(6),
        picks(60),
        any::<bool>(),
        proptest::option::of((0u8..6, 0u8..13)),
        0u8..4,
        proptest::collection::vec((0usize..3, 0usize..6), 0..5),
        proptest::collection::vec((0usize..8, 0u32..100), 0..4),
    )
        .prop_map(
            |(head, body, title_override, date, source, entities, figures)| DocSpec {
                head,
                body,
                title_override,
                date,
                source,
                entities,
                figures,
            },
        )
}

/// Queries made of the corpus's words: bare words, prefixes being typed, typos, quoted
/// phrases with stop words.
fn query() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        (0..WORDS.len()).prop_map(|w| WORDS[w].to_string()),
        (0..WORDS.len(), 1usize..6).prop_map(|(w, k)| WORDS[w].chars().take(k).collect()),
        (0..WORDS.len(), 0usize..12).prop_map(|(w, k)| {
            let mut c: Vec<char> = WORDS[w].chars().collect();
            if k < c.len() {
                c.remove(k);
            }
            c.into_iter().collect()
        }),
    ];
    let clause = prop_oneof![
        3 => word.clone(),
        1 => proptest::collection::vec(word, 2..4).prop_map(|w| format!("\"{}\"", w.join(" "))),
    ];
    (proptest::collection::vec(clause, 0..3), any::<bool>())
        .prop_map(|(c, space)| format!("{}{}", c.join(" "), if space { " " } else { "" }))
}

fn filters() -> impl Strategy<Value = Filters> {
    (
        proptest::option::of((2020u16..2026, proptest::option::of(1u8..13))),
        proptest::option::of((2020u16..2026, proptest::option::of(1u8..13))),
        proptest::collection::vec(0usize..4, 0..2),
        proptest::collection::vec(0usize..5, 0..2),
        proptest::collection::vec(0usize..8, 0..2),
        proptest::option::of(0u32..60),
    )
        .prop_map(|(from, to, orgs, persons, cats, min)| {
            let mut f = Filters {
                from,
                to,
                categories: cats.into_iter().map(|c| Category::ALL[c]).collect(),
                value_min: min.map(f64::from),
                ..Filters::default()
            };
            // Index 3 names an organisation the corpus does not have.
            f.names[FacetKind::Org] = orgs
                .into_iter()
                .map(|i| ["AUSIM", "OCP", "UM6P", "Absente"][i].to_string())
                .collect();
            f.names[FacetKind::Person] = persons
                .into_iter()
                .map(|i| format!("Personne {i}"))
                .collect();
            f
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn answers_exactly_as_the_reference(
        specs in proptest::collection::vec(doc_spec(), 0..40),
        queries in proptest::collection::vec(query(), 1..6),
        filters in proptest::collection::vec(filters(), 1..3),
    ) {
        let docs: Vec<Document> =
            specs.iter().enumerate().filter_map(|(i, s)| document(i, s)).collect();
        let index = SearchIndex::build(&docs);
        let none = Filters::default();
        for q in &queries {
            for f in filters.iter().chain([&none]) {
                let got = search(&index, &docs, q, f);
                let want = reference::search_with(&index, &docs, q, f, &RankingWeights::default());
                prop_assert_eq!(&got, &want, "query {:?} filters {:?}", q, f);
                prop_assert_eq!(
                    kwic(&index, &docs, q, f, 12, 50),
                    reference::kwic(&index, &docs, q, f, 12, 50)
                );
            }
            for d in 0..docs.len() as u32 {
                prop_assert_eq!(
                    matches_for(&index, &docs, q, d),
                    reference::matches_for(&index, &docs, q, d)
                );
            }
        }
    }
}

#[test]
fn a_phrase_never_runs_from_the_text_into_a_headline_from_settings() {
    // The headline is indexed at virtual addresses right after the text: the index alone
    // would see "intelligence" followed one byte later by "artificielle".
    let overrides = Overrides {
        title: Some("Artificielle et utile".into()),
        ..Overrides::default()
    };
    let d = ingest_text("a", "a", "Tout sur l'intelligence", &overrides).expect("valid");
    let docs = vec![d];
    let index = SearchIndex::build(&docs);
    let q = "\"intelligence artificielle\"";
    let got = search(&index, &docs, q, &Filters::default());
    assert_eq!(got.total, 0);
    let want = reference::search_with(&index, &docs, q, &Filters::default(), &Default::default());
    assert_eq!(got, want);
    // Within the headline itself, the phrase is found.
    assert_eq!(
        search(
            &index,
            &docs,
            "\"artificielle et utile\"",
            &Filters::default()
        )
        .total,
        1
    );
}

#[test]
fn more_hits_than_spans_are_computed_for_still_agree() {
    // Past MATCHED_HITS hits, past half the corpus (facet counts by subtraction), an empty
    // query (stored order), with and without filters.
    let docs: Vec<Document> = (0..MATCHED_HITS + 60)
        .map(|i| {
            let spec = DocSpec {
                head: vec![(i % 7, 0), (0, 0), (1, i)],
                body: (0..30)
                    .map(|k| ((i * 7 + k * 3) % WORDS.len(), k + i))
                    .collect(),
                title_override: i % 5 == 0,
                date: (i % 4 != 0).then_some(((i % 6) as u8, (i % 13) as u8)),
                source: (i % 4) as u8,
                entities: vec![(i % 3, i % 6), ((i + 1) % 3, i % 5)],
                figures: vec![(i % 8, i as u32 % 100)],
            };
            document(i, &spec).expect("a valid synthetic article")
        })
        .collect();
    let index = SearchIndex::build(&docs);
    let mut faceted = Filters {
        categories: vec![Category::Budget, Category::Jobs],
        ..Filters::default()
    };
    faceted.names[FacetKind::Org] = vec!["OCP".into()];
    for q in [
        "",
        "intelligence",
        "numé",
        "\"intelligence artificielle\"",
        "de la",
        "formation coeur",
    ] {
        for f in [&Filters::default(), &faceted] {
            let got = search(&index, &docs, q, f);
            assert_eq!(
                got,
                reference::search_with(&index, &docs, q, f, &RankingWeights::default()),
                "{q:?}"
            );
        }
    }
}
