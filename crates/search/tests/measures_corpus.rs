//! Series and disagreements across articles, on a corpus of our own
//! (`tests/fixtures/measures-corpus/`, never bundled): AUSIM's members over 2022–2024 are one
//! series; the two Devoxx Morocco 2023 attendances (3000 and 4500) disagree; the 2023 member
//! counts "108" and "plus de 100" are a near miss that must not be flagged.

use raqmi_model::document::{Category, Document, FigureKind, Qualifier};
use raqmi_search::measures::{agree, FigureRef, Measures};
use raqmi_testkit::{figure, fixture_path};

fn corpus() -> Vec<Document> {
    raqmi_extract::load::load_dir(&fixture_path("measures-corpus")).expect("the fixture loads")
}

fn surface(docs: &[Document], r: FigureRef) -> String {
    let d = &docs[r.doc];
    format!("{}: {}", d.id, d.slice(d.figures[r.figure].span))
}

#[test]
fn members_per_year_form_one_series() {
    let docs = corpus();
    let m = Measures::of(&docs);
    assert_eq!(m.series.len(), 1, "{:?}", m.series);
    let s = &m.series[0];
    assert_eq!(s.measure, "ausim|membre|members|");
    let years: Vec<u16> = s.points.iter().map(|(y, _)| *y).collect();
    assert_eq!(years, [2022, 2023, 2024]);
    let values: Vec<Vec<String>> = s
        .points
        .iter()
        .map(|(_, refs)| refs.iter().map(|&r| surface(&docs, r)).collect())
        .collect();
    assert_eq!(
        values,
        [
            vec!["ausim_2022: 95 organisations adhérentes"],
            vec![
                "ausim_2023: 108 organisations adhérentes",
                "ausim_2023_rapport: plus de 100 organisations adhérentes"
            ],
            vec!["ausim_2024: 125 organisations adhérentes"],
        ]
    );
    let first = s.points[0].1[0];
    assert_eq!(m.series_of(first), Some(s));
}

#[test]
fn the_two_devoxx_attendances_disagree_and_the_near_miss_does_not() {
    let docs = corpus();
    let m = Measures::of(&docs);
    let flagged: Vec<(String, String)> = m
        .disagreements
        .iter()
        .map(|d| (surface(&docs, d.low), surface(&docs, d.high)))
        .collect();
    assert_eq!(
        flagged,
        [(
            "devoxx_agadir: 3000 participants".to_string(),
            "devoxx_bilan: 4500 participants".to_string()
        )]
    );
    let d = &m.disagreements[0];
    assert_eq!(
        (d.measure.as_str(), d.year),
        ("devoxx|participant|participants|", 2023)
    );
    assert_eq!(m.disagreement_of(d.high), Some(d));
    // The near miss: same measure and year, values that the qualifier reconciles.
    let near: Vec<FigureRef> = m.series[0].points[1].1.clone();
    assert!(near.iter().all(|&r| m.disagreement_of(r).is_none()));
}

#[test]
fn qualifiers_decide_what_agrees() {
    let count = |v: f64, q: Option<Qualifier>| {
        let mut f = figure(FigureKind::Count, v, Category::Members);
        f.qualifier = q;
        f
    };
    let cases = [
        (
            count(100.0, Some(Qualifier::Over)),
            count(120.0, None),
            true,
        ),
        (count(108.0, None), count(150.0, None), false),
        (count(108.0, None), count(109.0, None), true),
        (
            count(100.0, Some(Qualifier::About)),
            count(115.0, None),
            true,
        ),
        (
            count(100.0, Some(Qualifier::Under)),
            count(120.0, None),
            false,
        ),
        (count(100.0, Some(Qualifier::UpTo)), count(3.0, None), true),
        (
            count(100.0, Some(Qualifier::Over)),
            count(1000.0, None),
            false,
        ),
    ];
    for (a, b, want) in cases {
        assert_eq!(agree(&a, &b), want, "{a:?} / {b:?}");
        assert_eq!(agree(&b, &a), want, "symmetric");
    }
    let mut range = count(10.0, None);
    range.high = Some(15.0);
    assert!(agree(&range, &count(14.0, None)));
    assert!(!agree(&range, &count(20.0, None)));
}
