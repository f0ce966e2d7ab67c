//! Table-driven cases for the meaning rules, on sentences of our own.

use super::{annotate, head, measure_key, Anchor};
use crate::ingest::ingest_text;
use raqmi_model::document::{Category, Document, FigureKind, Meaning};

fn doc(text: &str) -> Document {
    let mut d = ingest_text("t", "t", text, &Default::default()).unwrap();
    annotate(&mut d);
    d
}

/// The meaning of the figure whose text starts with `surface`.
fn meaning_of(d: &Document, surface: &str) -> Meaning {
    d.figures
        .iter()
        .find(|f| d.slice(f.span).starts_with(surface))
        .unwrap_or_else(|| panic!("no figure {surface:?} in {:?}", d.figures))
        .meaning
        .clone()
}

#[test]
fn subjects_name_what_is_counted_funded_or_measured() {
    let cases = [
        (
            " date 2024-10 L'événement a rassemblé plus de 1100 acteurs clés de l’écosystème numérique marocain et international.",
            "plus de 1100",
            "acteurs clés de l’écosystème numérique marocain",
        ),
        (
            " date 2024-10 La région a signé une convention pour la création du centre de formation des compétences dans le domaine de la programmation numérique pour une enveloppe budgétaire de 13,3 millions de dirhams.",
            "13,3",
            "centre de formation des compétences en programmation numérique",
        ),
        (
            " date 2024-10 Le budget de la rénovation des écoles s’élève à 5 millions de dirhams.",
            "5 millions",
            "budget de la rénovation des écoles",
        ),
        (
            " date 2024-10 L'État a débloqué 40 millions de dirhams pour la rénovation des écoles rurales.",
            "40 millions",
            "rénovation des écoles rurales",
        ),
        (
            " date 2024-10 La production des équipements représente 78% de l’empreinte environnementale du secteur.",
            "78%",
            "empreinte environnementale du secteur",
        ),
        (
            " date 2024-10 Le taux de chômage des jeunes atteint 12%.",
            "12%",
            "taux de chômage des jeunes",
        ),
        (
            " date 2024-10 D'après le HCP, 45% des ménages disposent d'un ordinateur.",
            "45%",
            "ménages",
        ),
        (
            " date 2024-10 Le programme GO Siyaha mobilise une enveloppe de 600 millions de dirhams pour accompagner 4 000 entreprises touristiques.",
            "600",
            "programme GO Siyaha",
        ),
        (
            " date 2024-10 L'UM6P a formé plus de 500 ingénieurs l'an dernier.",
            "plus de 500",
            "ingénieurs",
        ),
    ];
    for (text, surface, want) in cases {
        let d = doc(text);
        assert_eq!(meaning_of(&d, surface).subject, want, "{text}");
        assert!(want.split(' ').count() <= super::MAX_WORDS);
    }
}

#[test]
fn a_figure_that_continues_another_shares_its_subject() {
    let cases = [
        (
            " date 2021-05 Le budget alloué à l’industrie 4.0 passe de 11 milliards de dirhams à 434 MDH entre 2020 et 2021.",
            ["11 milliards", "434 MDH"],
            "industrie 4.0",
        ),
        (
            " date 2021-05 Le taux d’adoption atteint 74 % chez les incubateurs, contre 34 % il y a deux ans.",
            ["74 %", "34 %"],
            "taux d’adoption chez les incubateurs",
        ),
    ];
    for (text, [a, b], want) in cases {
        let d = doc(text);
        assert_eq!(meaning_of(&d, a).subject, want, "{text}");
        assert_eq!(meaning_of(&d, b).subject, want, "{text}");
    }
    // Two years earlier: the older value of the same share, not a second opinion on this one.
    let d = doc(" date 2021-05 Le taux d’adoption atteint 74 % chez les incubateurs, contre 34 % il y a deux ans.");
    assert_eq!(
        meaning_of(&d, "34 %").period.map(|p| p.iso()).as_deref(),
        Some("2019")
    );
    assert_eq!(
        head("taux d’adoption chez les incubateurs"),
        "taux chez incubateur"
    );
    assert_ne!(
        head("taux d’adoption chez les PME"),
        head("taux d’adoption chez les banques")
    );
    // A participle opening the sentence: the noun after the amount's clause.
    let d = doc(" date 2021-05 Doté d’une enveloppe de 7 milliards de dirhams, le programme Innov Invest vise à soutenir les centres de données.");
    assert_eq!(
        meaning_of(&d, "7 milliards").subject,
        "programme Innov Invest"
    );
}

#[test]
fn the_actor_is_the_agent_not_a_partner_or_what_is_funded() {
    let cases: [(&str, &str, Option<&str>); 6] = [
        (
            // The whole institution (its head noun makes it a name since issue 13's recall).
            " date 2023-04 La Fondation OCP a octroyé 300 bourses à des étudiants.",
            "300",
            Some("Fondation OCP"),
        ),
        (
            " date 2023-04 D'après le HCP, 45% des ménages disposent d'un ordinateur.",
            "45%",
            Some("HCP"),
        ),
        (
            " date 2023-04 Selon le président de l'APEBI, l'objectif est de créer 10 startups par région.",
            "10 startups",
            Some("APEBI"),
        ),
        (
            " date 2023-04 La convention concerne l’appui et gestion Technopark en partenariat avec le CRI, avec un montage financier de 3,9 millions de dhs.",
            "3,9",
            None,
        ),
        (
            " date 2023-04 L’Association des utilisateurs des systèmes d’information au Maroc (AUSIM) a fêté ses 30 ans. L’association compte plus de 108 organisations adhérentes.",
            "plus de 108",
            Some("AUSIM"),
        ),
        (
            " date 2023-04 Les équipements représentent 78% de l’empreinte du secteur. L'APEBI et l'APEBI et l'APEBI s'en inquiètent.",
            "78%",
            None,
        ),
    ];
    for (text, surface, want) in cases {
        let d = doc(text);
        assert_eq!(meaning_of(&d, surface).actor.as_deref(), want, "{text}");
    }
}

#[test]
fn the_period_is_stated_in_the_sentence_else_the_article_year() {
    let cases = [
        (
            " date 2024-10 Le secteur emploiera 50000 personnes en 2030.",
            "50000",
            "2030",
        ),
        (
            " date 2024-10 L'an dernier, 300 startups ont été créées.",
            "300",
            "2023",
        ),
        (
            " date 2024-10 En juillet 2020, 40 sites ont été ouverts.",
            "40 sites",
            "2020-07",
        ),
        (
            " date 2024-10 Maroc Digital 2030 vise 3000 startups.",
            "3000",
            "2024",
        ),
        (
            " date 2024-10 La formation de 2000 jeunes est prévue.",
            "2000",
            "2024",
        ),
        (
            " date 2024-10 L'État investira 13, 3 millions de dirhams en 2026.",
            "13, 3",
            "2026",
        ),
        (
            " date 2024-10 Le Maroc compte 1 618 startups, contre 1 200 en 2022.",
            "1 618",
            "2024",
        ),
    ];
    for (text, surface, want) in cases {
        let d = doc(text);
        let p = meaning_of(&d, surface).period.map(|p| p.iso());
        assert_eq!(p.as_deref(), Some(want), "{text}");
    }
}

#[test]
fn the_event_of_the_lead_is_the_event_of_a_figure_that_names_none() {
    let d = doc(" date 2022-06 Le Devoxx 2022 s'est tenu à Agadir.\n\nCet événement a réuni 3000 participants.");
    let m = meaning_of(&d, "3000");
    assert_eq!(m.event.as_deref(), Some("Devoxx"));
    assert_eq!(m.measure, "devoxx|participant|participants|");
    // An organisation named by the figure's own sentence is its anchor, not the lead's event.
    let d = doc(" date 2022-06 Le Devoxx 2022 s'est tenu à Agadir.\n\nL’AUSIM compte 108 organisations adhérentes.");
    let m = meaning_of(&d, "108");
    assert_eq!(m.event.as_deref(), Some("Devoxx"));
    assert_eq!(m.measure, "ausim|membre|members|");
}

#[test]
fn measure_keys_follow_their_normalisation_rules() {
    use Category::{Budget, Other, Participants};
    use FigureKind::{Count, Money};
    let (event, actor) = (|s| Some(Anchor::Event(s)), |s| Some(Anchor::Actor(s)));
    // Editions and years of an event meet; folding ignores case and accents.
    assert_eq!(
        measure_key(
            event("Devoxx 2022"),
            "participants",
            Participants,
            Count,
            "participants"
        ),
        measure_key(
            event("devoxx"),
            "Participants inscrits",
            Participants,
            Count,
            "p"
        ),
    );
    // Members in any wording.
    assert_eq!(head("organisations adhérentes"), "membre");
    assert_eq!(head("membres"), "membre");
    assert_eq!(head("jeunes boursiers"), "boursier");
    assert_eq!(head("jeunes en numérique"), "jeune");
    // Different currencies, heads or anchors differ; no anchor, no key.
    let budget = |anchor, unit| measure_key(anchor, "budget", Budget, Money, unit);
    assert_ne!(budget(actor("AUSIM"), "MAD"), budget(actor("AUSIM"), "EUR"));
    assert_ne!(budget(actor("AUSIM"), "MAD"), budget(actor("APEBI"), "MAD"));
    assert_eq!(measure_key(None, "x", Other, Count, "x"), "");
}
