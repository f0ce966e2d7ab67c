//! Tests of the snapshot format: round trips (hand-made, the seeds, any documents), float
//! forms, and damaged or foreign bytes refused without a panic.

use super::decode::float;
use super::encode::{float_form, put_float};
use super::*;
use raqmi_model::document::Figure;
use raqmi_testkit::article;

#[test]
fn round_trips_documents() {
    let doc = article("d", "Titre\n\nPlus de 1100 acteurs à Marrakech.");
    let snap = Snapshot::new(vec![doc]);
    assert_eq!(Snapshot::decode(&snap.encode()).unwrap(), snap);
}

#[test]
fn round_trips_the_seeds() {
    let snap = Snapshot::new(raqmi_testkit::seed_documents());
    let back = Snapshot::decode(&snap.encode()).unwrap();
    assert_eq!(back, snap);
    // The comparison above would pass if no meaning were computed: every one travels, the
    // measure key included (format 6), so that the app can group figures across articles.
    let back: Vec<Figure> = back
        .documents
        .iter()
        .flat_map(|d| d.figures.clone())
        .collect();
    assert!(back
        .iter()
        .all(|f| f.meaning.period.is_some() && !f.meaning.subject.is_empty()));
    assert!(back.iter().any(|f| f.meaning.actor.is_some()));
    assert!(back.iter().any(|f| f.meaning.event.is_some()));
    assert!(back.iter().any(|f| !f.meaning.measure.is_empty()));
}

#[test]
fn the_measure_keys_give_the_same_series_and_disagreements_after_a_round_trip() {
    let dir = raqmi_testkit::fixture_path("measures-corpus");
    let docs = raqmi_extract::load::load_dir(&dir).unwrap();
    let before = crate::measures::Measures::of(&docs);
    assert!(!before.series.is_empty() && !before.disagreements.is_empty());
    let back = Snapshot::decode(&Snapshot::new(docs).encode()).unwrap();
    assert_eq!(crate::measures::Measures::of(&back.documents), before);
}

#[test]
fn a_snapshot_of_the_previous_format_is_refused_by_version() {
    let mut bytes = Snapshot::new(raqmi_testkit::seed_documents()).encode();
    assert_eq!(FORMAT_VERSION, 6);
    bytes[4..6].copy_from_slice(&5u16.to_le_bytes());
    assert_eq!(
        Snapshot::decode(&bytes),
        Err(SnapshotError::WrongVersion(5))
    );
    assert_eq!(
        SnapshotError::WrongVersion(5).to_string(),
        "snapshot format 5, this build reads 6"
    );
}

#[test]
fn floats_keep_their_bits() {
    for v in [
        0.0,
        -0.0,
        1.0,
        -3.0,
        12.5,
        0.1,
        1e300,
        -7.25e-310,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
        9_007_199_254_740_993.0,
        123_456_789.01,
    ] {
        let (form, payload) = float_form(v);
        let mut out = Vec::new();
        put_float(&mut out, form, payload);
        let back = float(&mut Reader::new(&out), form).unwrap();
        assert_eq!(back.to_bits(), v.to_bits(), "{v:?} (form {form})");
    }
    assert_eq!(float_form(1_200_000.0).0, 0);
    assert_eq!(float_form(12.5).0, 1);
}

#[test]
fn refuses_foreign_or_damaged_bytes() {
    assert_eq!(
        Snapshot::decode(b"PK\x03\x04zz"),
        Err(SnapshotError::NotASnapshot)
    );
    let mut bytes = Snapshot::new(vec![]).encode();
    bytes[4] = 99;
    assert_eq!(
        Snapshot::decode(&bytes),
        Err(SnapshotError::WrongVersion(99))
    );
    let doc = article("d", "Un texte.");
    let bytes = Snapshot::new(vec![doc]).encode();
    assert!(matches!(
        Snapshot::decode(&bytes[..bytes.len() - 3]),
        Err(SnapshotError::Corrupt(_))
    ));
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(
        Snapshot::decode(&longer),
        Err(SnapshotError::Corrupt(_))
    ));
}

#[test]
fn damaged_bytes_never_panic() {
    let doc = article(
        "d",
        "Le budget\n\nPlus de 1 100 acteurs et 12,5 % des 3 millions de dirhams pour l'AUSIM \
         à Rabat, selon Ahmed Benali, président de l'AUSIM.",
    );
    let bytes = Snapshot::new(vec![doc]).encode();
    for i in 6..bytes.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= flip;
            let _ = Snapshot::decode(&b);
        }
        let _ = Snapshot::decode(&bytes[..i]);
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use raqmi_model::document::{
        Category, Date, DateOrigin, Entity, EntityKind, Figure, FigureKind, Meaning, Paragraph,
        ParagraphRole, Period, Qualifier, Span,
    };

    fn span() -> impl Strategy<Value = Span> {
        (any::<u32>(), any::<u32>()).prop_map(|(start, end)| Span { start, end })
    }

    fn float() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>(),
            (-1_000_000_000i64..1_000_000_000).prop_map(|i| i as f64),
            (-100_000i64..100_000).prop_map(|i| i as f64 / 100.0),
            Just(-0.0),
            Just(f64::NAN),
        ]
    }

    fn meaning() -> impl Strategy<Value = Meaning> {
        (
            "\\PC{0,20}",
            proptest::option::of("[a-zA-Zé’ ]{0,10}"),
            proptest::option::of("[a-z0-9 ]{0,8}"),
            proptest::option::of((any::<u16>(), proptest::option::of(1u8..=12))),
            Just(String::new()),
        )
            .prop_map(|(subject, actor, event, period, measure)| Meaning {
                subject,
                actor,
                event,
                period: period.map(|(year, month)| Period { year, month }),
                measure,
            })
    }

    fn document() -> impl Strategy<Value = Document> {
        let text = "\\PC{0,40}";
        let opt_small = proptest::option::of(any::<u8>());
        let figure = (
            span(),
            float(),
            proptest::option::of(float()),
            0usize..7,
            text,
            0usize..8,
        )
            .prop_flat_map(|(span, value, high, kind, unit, category)| {
                (proptest::option::of(0usize..4), meaning()).prop_map(move |(q, meaning)| Figure {
                    span,
                    value,
                    high,
                    kind: [
                        FigureKind::Money,
                        FigureKind::Percent,
                        FigureKind::Count,
                        FigureKind::Ordinal,
                        FigureKind::Duration,
                        FigureKind::Factor,
                        FigureKind::Year,
                    ][kind],
                    unit: unit.clone(),
                    category: Category::ALL[category],
                    qualifier: q.map(|q| {
                        [
                            Qualifier::Over,
                            Qualifier::About,
                            Qualifier::Under,
                            Qualifier::UpTo,
                        ][q]
                    }),
                    meaning,
                })
            });
        let entity = (
            span(),
            0usize..5,
            "[a-zé ]{0,12}",
            proptest::option::of(text),
        )
            .prop_map(|(span, kind, canonical, role)| Entity {
                span,
                kind: [
                    EntityKind::Org,
                    EntityKind::Place,
                    EntityKind::Person,
                    EntityKind::Program,
                    EntityKind::Event,
                ][kind],
                canonical,
                role,
            });
        let paragraph = (span(), 0usize..4).prop_map(|(span, role)| Paragraph {
            span,
            role: [
                ParagraphRole::Headline,
                ParagraphRole::Dateline,
                ParagraphRole::Subheading,
                ParagraphRole::Body,
            ][role],
        });
        (
            (
                text,
                proptest::option::of(text),
                proptest::option::of(text),
                text,
            ),
            proptest::option::of((any::<u16>(), opt_small.clone(), opt_small)),
            (any::<bool>(), proptest::option::of("[a-z]{0,6}")),
            proptest::collection::vec(paragraph, 0..4),
            proptest::collection::vec(span(), 0..4),
            proptest::collection::vec(figure, 0..4),
            proptest::collection::vec(entity, 0..4),
        )
            .prop_map(
                |(
                    (id, headline, url, text),
                    date,
                    (inferred, source),
                    paragraphs,
                    sentences,
                    figures,
                    entities,
                )| {
                    Document {
                        id,
                        headline,
                        date: date.map(|(year, month, day)| Date { year, month, day }),
                        date_origin: if inferred {
                            DateOrigin::Inferred
                        } else {
                            DateOrigin::Stated
                        },
                        source,
                        url,
                        text,
                        paragraphs,
                        sentences,
                        figures,
                        entities,
                    }
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_documents_round_trip(docs in proptest::collection::vec(document(), 0..6)) {
            let snap = Snapshot { documents: docs, index: SearchIndex::default() };
            let back = Snapshot::decode(&snap.encode()).expect("decodes");
            prop_assert_eq!(
                postcard::to_allocvec(&back.documents).expect("encodes"),
                postcard::to_allocvec(&snap.documents).expect("encodes")
            );
        }
    }
}
