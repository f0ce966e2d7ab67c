//! Properties of the meaning pass on any article made of press-like pieces: it never panics;
//! a subject has at most `MAX_WORDS` words; a figure has a measure key exactly when it has an
//! actor or an event; a dated article gives every figure a period; the actor and the event are
//! names the article contains.

use proptest::prelude::*;
use raqmi_extract::ingest::ingest_text;
use raqmi_extract::meaning::MAX_WORDS;

const PIECES: &[&str] = &[
    "L’AUSIM",
    "l’APEBI",
    "le Devoxx 2022",
    "les Assises de l’AUSIM",
    "selon",
    "compte",
    "plus de",
    "environ",
    "108",
    "1 100",
    "13,3 millions de dirhams",
    "3,9 millions de dhs",
    "20%",
    "organisations adhérentes",
    "participants",
    "jeunes",
    "pour",
    "une enveloppe de",
    "la création du centre de formation",
    "dans le domaine de la",
    "programmation",
    "en 2030",
    "l’an dernier",
    "en juillet 2020",
    "et",
    ",",
    ".",
    "«",
    "»",
    "(",
    ")",
    "la",
    "de",
    "d’",
    "a réuni",
    "l’association",
    "Elle",
    "\n\n",
    "Technopark",
    "en partenariat avec le CRI",
];

fn article() -> impl Strategy<Value = String> {
    (
        proptest::option::of(2000u16..2030),
        proptest::collection::vec(proptest::sample::select(PIECES), 1..60),
    )
        .prop_map(|(year, pieces)| {
            let date = year.map_or(String::new(), |y| format!(" date {y} "));
            format!("{date}{}", pieces.join(" "))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn meanings_keep_their_rules(text in article()) {
        let Ok(doc) = ingest_text("p", "p.txt", &text, &Default::default()) else {
            return Ok(());
        };
        let names: Vec<&str> = doc.entities.iter().map(|e| e.canonical.as_str()).collect();
        for f in &doc.figures {
            let m = &f.meaning;
            prop_assert!(m.subject.split_whitespace().count() <= MAX_WORDS, "{:?}", m.subject);
            prop_assert_eq!(m.measure.is_empty(), m.actor.is_none() && m.event.is_none());
            if doc.date.is_some() {
                prop_assert!(m.period.is_some());
            }
            for n in m.actor.iter().chain(&m.event) {
                prop_assert!(names.contains(&n.as_str()), "{n:?} not in {names:?}");
            }
        }
    }
}
