//! The search index and query engine, end to end: documents analysed from a text or built field
//! by field (the test kit's `article` and `doc`, for exact names, dates and figures) and the seed
//! corpus. Native only: it loads the seeds from disk.

use raqmi_model::document::{Category, Document, EntityKind, FigureKind, Span};
use raqmi_search::facet::FacetKind;
use raqmi_search::index::{self, SearchIndex};
use raqmi_search::query::{
    self, kwic, parse_query, search, snippet, Clause, Filters, SearchResults, ELLIPSIS,
};
use raqmi_testkit::{article, doc, figure, seed_documents};

fn ids(docs: &[Document], r: &SearchResults) -> Vec<String> {
    r.hits
        .iter()
        .map(|h| docs[h.doc as usize].id.clone())
        .collect()
}

fn find(docs: &[Document], q: &str) -> Vec<String> {
    let idx = SearchIndex::build(docs);
    ids(docs, &search(&idx, docs, q, &Filters::default()))
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn accents_and_case_are_folded_both_ways() {
    let docs = vec![
        article("accent", "Le secteur numérique avance vite."),
        article("upper", "LE SECTEUR NUMERIQUE AVANCE VITE."),
        article("other", "Le secteur agricole avance vite."),
    ];
    for q in ["numerique ", "numérique ", "NUMÉRIQUE ", "Numerique "] {
        assert_eq!(sorted(find(&docs, q)), ["accent", "upper"], "query {q:?}");
    }
}

#[test]
fn inflections_match_through_the_french_stemmer() {
    let docs = vec![
        article("singular", "Une formation aux métiers du cloud."),
        article("plural", "Des formations aux métiers du cloud."),
        article("none", "Des métiers du cloud."),
    ];
    assert_eq!(sorted(find(&docs, "formations ")), ["plural", "singular"]);
    assert_eq!(sorted(find(&docs, "formation ")), ["plural", "singular"]);
    // "digitalisation" and "digital" share a hit only if Snowball gives them one stem.
    let s = index::french_stemmer();
    let same = index::stem(&s, "digitalisation") == index::stem(&s, "digital");
    let docs = vec![article("d", "La digitalisation des services.")];
    assert_eq!(find(&docs, "digital ").len() == 1, same);
}

#[test]
fn the_last_word_is_completed_while_it_is_typed() {
    let docs = vec![
        article("num", "Le secteur numérique avance."),
        article("other", "Le secteur agricole avance."),
    ];
    let table: &[(&str, &[&str])] = &[
        ("numér", &["num"]),
        ("secteur num", &["num"]),
        ("nu", &["num"]),
        ("numér ", &[]),          // a finished word is not a prefix
        ("numér,", &[]),          // nor one followed by punctuation
        ("\"numér\"", &[]),       // nor a closed phrase
        ("n", &["num", "other"]), // one letter: no condition yet
    ];
    for (q, want) in table {
        assert_eq!(sorted(find(&docs, q)), *want, "query {q:?}");
    }
}

#[test]
fn one_typo_is_tolerated_on_words_of_five_letters_or_more() {
    let docs = vec![
        article("num", "Le secteur numérique et l'AUSIM."),
        article("other", "Le secteur agricole."),
    ];
    let table: &[(&str, &[&str])] = &[
        ("numerqiue", &["num"]),   // swap
        ("numériqeu ", &["num"]),  // swap at the end, finished word
        ("numerikue ", &["num"]),  // substitution
        ("numeriquee ", &["num"]), // insertion
        ("numrique ", &["num"]),   // deletion
        ("nmerqiue ", &[]),        // two edits
        ("ausm ", &[]),            // four letters: no typo tolerance
        ("ausin ", &["num"]),      // five letters: one substitution
    ];
    for (q, want) in table {
        assert_eq!(sorted(find(&docs, q)), *want, "query {q:?}");
    }
}

#[test]
fn phrases_match_only_consecutive_words() {
    let docs = vec![
        article(
            "together",
            "Le pays mise sur la transformation numérique du pays.",
        ),
        article("apart", "La transformation du secteur numérique du pays."),
        article("stop", "Le pouvoir du digital, le pouvoir de la donnée."),
    ];
    assert_eq!(find(&docs, "\"transformation numérique\""), ["together"]);
    assert_eq!(
        sorted(find(&docs, "transformation numérique ")),
        ["apart", "together"]
    );
    assert_eq!(find(&docs, "«Transformation numerique»"), ["together"]);
    // Stop words inside a phrase are checked too.
    assert_eq!(find(&docs, "\"pouvoir du digital\""), ["stop"]);
    assert!(find(&docs, "\"pouvoir de digital\"").is_empty());
    // An unclosed quote runs to the end, its last word completed.
    assert_eq!(find(&docs, "\"transformation numér"), ["together"]);
    // A phrase's spans cover the whole phrase.
    let idx = SearchIndex::build(&docs);
    let r = search(
        &idx,
        &docs,
        "\"transformation numérique\"",
        &Filters::default(),
    );
    let text = &docs[0].text;
    let spans: Vec<&str> = r.hits[0].matches.iter().map(|s| &text[s.range()]).collect();
    assert_eq!(spans, ["transformation numérique"]);
}

#[test]
fn every_word_must_match() {
    let docs = vec![
        article("both", "Le cloud au Maroc."),
        article("cloud", "Le cloud en Europe."),
        article("maroc", "Le Maroc avance."),
    ];
    assert_eq!(find(&docs, "cloud maroc "), ["both"]);
    assert_eq!(find(&docs, "cloud maroc zzzzzz "), Vec::<String>::new());
    // Bare stop words impose nothing.
    assert_eq!(find(&docs, "le cloud au maroc "), ["both"]);
}

#[test]
fn ranking_follows_bm25_with_headline_weight() {
    let docs = vec![
        article(
            "body",
            "Un titre sans rapport\n\nLe cloud arrive au pays ce mois.",
        ),
        article(
            "headline",
            "Le cloud arrive\n\nUn texte sans rapport au pays ce mois.",
        ),
    ];
    assert_eq!(find(&docs, "cloud "), ["headline", "body"]);

    let docs = vec![
        article(
            "once",
            "Le cloud arrive, puis le pays change et avance vite.",
        ),
        article(
            "thrice",
            "Le cloud arrive, le cloud change, le cloud avance vite.",
        ),
    ];
    assert_eq!(find(&docs, "cloud "), ["thrice", "once"]);

    let docs = vec![
        article(
            "long",
            "Le cloud arrive dans le pays avec des projets, des banques, des écoles, des \
             villes, des entreprises et des startups nombreuses.",
        ),
        article("short", "Le cloud arrive dans le pays."),
    ];
    assert_eq!(find(&docs, "cloud "), ["short", "long"]);
}

#[test]
fn exact_beats_stem_beats_prefix_beats_typo() {
    let docs = vec![
        article("typo", "Un mot: digitel."),
        article("prefix", "Un mot: digitalisation."),
        article("stem", "Un mot: digitale."),
        article("exact", "Un mot: digital."),
    ];
    let s = index::french_stemmer();
    assert_eq!(index::stem(&s, "digitale"), index::stem(&s, "digital"));
    assert_ne!(
        index::stem(&s, "digitalisation"),
        index::stem(&s, "digital")
    );
    assert_eq!(find(&docs, "digital"), ["exact", "stem", "prefix", "typo"]);
}

#[test]
fn headline_matches_are_spans_of_the_headline() {
    let mut d = article("a", "Le cloud au Maroc\n\nLe cloud arrive.");
    let docs = vec![d.clone()];
    let idx = SearchIndex::build(&docs);
    let r = search(&idx, &docs, "cloud ", &Filters::default());
    let h = docs[0].headline.as_deref().expect("headline");
    let heads: Vec<&str> = r.hits[0]
        .headline_matches
        .iter()
        .map(|s| &h[s.range()])
        .collect();
    assert_eq!(heads, ["cloud"]);
    assert_eq!(r.hits[0].matches.len(), 2);

    // A title from corpus.toml is searchable too, and its matches point into it.
    d.headline = Some("Le grand Nuage".into());
    let docs = vec![d];
    let idx = SearchIndex::build(&docs);
    let r = search(&idx, &docs, "nuage ", &Filters::default());
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].headline_matches, [Span::new(9, 14)]);
    assert!(r.hits[0].matches.is_empty());
}

/// Four documents: sources A/B crossed with orgs X/Y, plus one with neither.
fn faceted() -> Vec<Document> {
    let mk = |id: &str, source: &str, org: &str, year: u16| {
        doc(id)
            .sentence("Le cloud au Maroc.")
            .date(year, None, None)
            .source(source)
            .entity(EntityKind::Org, org)
            .entity(EntityKind::Place, "Maroc")
            .build()
    };
    vec![
        mk("ax", "A", "X", 2021),
        mk("ay", "A", "Y", 2022),
        mk("bx", "B", "X", 2023),
        mk("by", "B", "Y", 2023),
        doc("none")
            .sentence("Le cloud ailleurs.")
            .date(2020, None, None)
            .build(),
    ]
}

fn count<T: PartialEq + std::fmt::Debug>(list: &[query::FacetCount<T>], v: T) -> usize {
    list.iter().find(|c| c.value == v).map_or(0, |c| c.count)
}

#[test]
fn facets_count_disjunctively() {
    let docs = faceted();
    let idx = SearchIndex::build(&docs);
    let f = Filters {
        ..Default::default()
    }
    .with_names(FacetKind::Source, ["A"])
    .with_names(FacetKind::Org, ["X"]);
    let r = search(&idx, &docs, "", &f);
    assert_eq!(ids(&docs, &r), ["ax"]);
    // Sources ignore the source selection but keep org = X.
    assert_eq!(count(&r.facets.names[FacetKind::Source], "A".into()), 1);
    assert_eq!(count(&r.facets.names[FacetKind::Source], "B".into()), 1);
    // Orgs ignore the org selection but keep source = A.
    assert_eq!(count(&r.facets.names[FacetKind::Org], "X".into()), 1);
    assert_eq!(count(&r.facets.names[FacetKind::Org], "Y".into()), 1);
    // Other facets apply every selection.
    assert_eq!(count(&r.facets.names[FacetKind::Place], "Maroc".into()), 1);
    assert_eq!(count(&r.facets.years, 2021), 1);
    assert_eq!(count(&r.facets.years, 2023), 0);
    assert!(r.facets.names[FacetKind::Source]
        .iter()
        .any(|c| &*c.value == "A" && c.selected));

    // Without filters: plain counts, names by count.
    let r = search(&idx, &docs, "cloud ", &Filters::default());
    assert_eq!(r.total, 5);
    assert_eq!(count(&r.facets.years, 2023), 2);
    assert_eq!(count(&r.facets.names[FacetKind::Place], "Maroc".into()), 4);
    let years: Vec<u16> = r.facets.years.iter().map(|c| c.value).collect();
    assert_eq!(years, [2023, 2022, 2021, 2020]);
}

#[test]
fn values_of_one_facet_are_ored_and_facets_are_anded() {
    let docs = faceted();
    let idx = SearchIndex::build(&docs);
    let table: &[(Filters, &[&str])] = &[
        (
            Filters {
                ..Default::default()
            }
            .with_names(FacetKind::Source, ["A", "B"]),
            &["ax", "ay", "bx", "by"],
        ),
        (
            Filters {
                ..Default::default()
            }
            .with_names(FacetKind::Source, ["B"])
            .with_names(FacetKind::Org, ["X", "Y"]),
            &["bx", "by"],
        ),
        (
            Filters {
                ..Default::default()
            }
            .with_names(FacetKind::Source, ["Nowhere"]),
            &[],
        ),
    ];
    for (f, want) in table {
        let r = search(&idx, &docs, "", f);
        assert_eq!(sorted(ids(&docs, &r)), *want, "{f:?}");
    }
}

#[test]
fn a_value_range_keeps_documents_with_a_figure_inside_it() {
    let money = |value, category| figure(FigureKind::Money, value, category);
    let small = doc("small")
        .sentence("Un budget de 13,3 millions de dirhams.")
        .figure(money(13.3e6, Category::Budget))
        .figure(money(500.0, Category::Jobs))
        .build();
    let big = doc("big")
        .sentence("Un budget de 7,9 milliards de dirhams.")
        .figure(money(7.9e9, Category::Budget))
        .build();
    let jobs = doc("jobs")
        .sentence("Cinq millions d'emplois.")
        .figure(money(5e6, Category::Jobs))
        .build();
    let docs = vec![small, big, jobs];
    let idx = SearchIndex::build(&docs);
    let budgets = Filters {
        categories: vec![Category::Budget],
        value_min: Some(1e6),
        value_max: Some(20e6),
        ..Default::default()
    };
    let r = search(&idx, &docs, "", &budgets);
    assert_eq!(ids(&docs, &r), ["small"]);
    // The category facet ignores its own selection but keeps the range.
    assert_eq!(count(&r.facets.categories, Category::Budget), 1);
    assert_eq!(count(&r.facets.categories, Category::Jobs), 1);
    // Without a category, any figure in range qualifies.
    let any = Filters {
        value_min: Some(1e6),
        value_max: Some(20e6),
        ..Default::default()
    };
    assert_eq!(
        sorted(ids(&docs, &search(&idx, &docs, "", &any))),
        ["jobs", "small"]
    );
    let cat_only = Filters {
        categories: vec![Category::Budget],
        ..Default::default()
    };
    assert_eq!(
        sorted(ids(&docs, &search(&idx, &docs, "", &cat_only))),
        ["big", "small"]
    );
}

#[test]
fn date_bounds_take_a_year_or_a_year_and_month() {
    let docs = vec![
        doc("2021")
            .sentence("Le cloud.")
            .date(2021, None, None)
            .build(),
        doc("2022-03")
            .sentence("Le cloud.")
            .date(2022, Some(3), None)
            .build(),
        doc("2022-09")
            .sentence("Le cloud.")
            .date(2022, Some(9), None)
            .build(),
        doc("2022")
            .sentence("Le cloud.")
            .date(2022, None, None)
            .build(),
        doc("2024-01")
            .sentence("Le cloud.")
            .date(2024, Some(1), None)
            .build(),
        doc("undated").sentence("Le cloud.").build(),
    ];
    let idx = SearchIndex::build(&docs);
    type Bound = Option<(u16, Option<u8>)>;
    let table: &[(Bound, Bound, &[&str])] = &[
        (
            Some((2022, None)),
            Some((2022, None)),
            &["2022", "2022-03", "2022-09"],
        ),
        (Some((2022, Some(6))), None, &["2022", "2022-09", "2024-01"]),
        (None, Some((2022, Some(6))), &["2021", "2022", "2022-03"]),
        (Some((2023, None)), None, &["2024-01"]),
        (
            None,
            None,
            &["2021", "2022", "2022-03", "2022-09", "2024-01", "undated"],
        ),
    ];
    for (from, to, want) in table {
        let f = Filters {
            from: *from,
            to: *to,
            ..Default::default()
        };
        assert_eq!(
            sorted(ids(&docs, &search(&idx, &docs, "cloud", &f))),
            *want,
            "{from:?}..{to:?}"
        );
    }
}

#[test]
fn an_empty_query_lists_every_document_newest_first() {
    let docs = vec![
        doc("b").sentence("Texte.").date(2021, None, None).build(),
        doc("undated").sentence("Texte.").build(),
        doc("c")
            .sentence("Texte.")
            .date(2024, Some(2), None)
            .build(),
        doc("a").sentence("Texte.").date(2021, None, None).build(),
        doc("d")
            .sentence("Texte.")
            .date(2024, Some(10), None)
            .build(),
    ];
    for q in ["", "   ", "?!", "le la les "] {
        assert_eq!(
            find(&docs, q),
            ["d", "c", "a", "b", "undated"],
            "query {q:?}"
        );
    }
}

#[test]
fn snippets_mark_exactly_the_matched_words() {
    let long_tail = "Les autres sujets du jour étaient la météo et le sport. ".repeat(10);
    let text = format!(
        "Titre du jour\n\n{long_tail}Au Maroc, la transformation numérique des services \
         publics avance, et le numérique touche l'école. {long_tail}"
    );
    let docs = vec![article("a", &text)];
    let idx = SearchIndex::build(&docs);
    for q in [
        "numerique ",
        "\"transformation numérique\" services",
        "numér",
    ] {
        let r = search(&idx, &docs, q, &Filters::default());
        let hit = &r.hits[0];
        for max in [40, 80, 160, 1000] {
            let parts = snippet(&docs[0], hit, max);
            assert!(parts.iter().any(|p| p.marked), "{q:?} {max}");
            let mut inner: &[query::SnippetPart] = &parts;
            if inner.first().is_some_and(|p| p.text == ELLIPSIS) {
                inner = &inner[1..];
            }
            if inner.last().is_some_and(|p| p.text == ELLIPSIS) {
                inner = &inner[..inner.len() - 1];
            }
            let joined: String = inner.iter().map(|p| p.text.as_str()).collect();
            assert!(text.contains(&joined), "{q:?} {max}: {joined:?}");
            assert!(joined.chars().count() <= max + 30, "{q:?} {max}: too long");
            for p in inner.iter().filter(|p| p.marked) {
                let f = raqmi_model::text::fold(&p.text);
                assert!(
                    f.starts_with("numer") || f == "transformation numerique" || f == "services",
                    "{q:?}: marked {:?}",
                    p.text
                );
            }
            // Cut at word boundaries: the text around the snippet is not a letter.
            let at = text.find(&joined).expect("found");
            let before = text[..at].chars().next_back();
            let after = text[at + joined.len()..].chars().next();
            assert!(!before.is_some_and(char::is_alphanumeric), "{joined:?}");
            assert!(!after.is_some_and(char::is_alphanumeric), "{joined:?}");
        }
    }
    // No match: the start of the body.
    let r = search(&idx, &docs, "", &Filters::default());
    let parts = snippet(&docs[0], &r.hits[0], 30);
    assert!(parts[0].text.starts_with("Les autres"), "{parts:?}");
    assert_eq!(parts.last().map(|p| p.text.as_str()), Some(ELLIPSIS));
}

#[test]
fn kwic_lines_are_the_text_around_each_occurrence() {
    let docs = vec![
        article(
            "a",
            "Le numérique avance. Le Numérique recule. Rien d'autre.",
        ),
        article("b", "Rien ici."),
        article("c", "Économie numérique: « le numérique »."),
    ];
    let idx = SearchIndex::build(&docs);
    let lines = kwic(&idx, &docs, "numerique ", &Filters::default(), 10, 100);
    assert_eq!(lines.len(), 4);
    assert_eq!(
        lines.iter().map(|l| l.doc).collect::<Vec<_>>(),
        [0, 0, 2, 2],
        "corpus order then text order"
    );
    for l in &lines {
        let text = &docs[l.doc as usize].text;
        let start = l.span.start as usize - l.left.len();
        let end = l.span.end as usize + l.right.len();
        assert_eq!(
            format!("{}{}{}", l.left, l.keyword, l.right),
            text[start..end]
        );
        assert_eq!(raqmi_model::text::fold(&l.keyword), "numerique");
        assert!(l.left.chars().count() <= 10 && l.right.chars().count() <= 10);
    }
    assert_eq!(lines[0].left, "Le ");
    assert_eq!(
        kwic(&idx, &docs, "numerique ", &Filters::default(), 10, 3).len(),
        3
    );
    assert!(kwic(&idx, &docs, "", &Filters::default(), 10, 100).is_empty());
}

#[test]
fn hostile_input_never_panics() {
    let docs = seed_documents();
    let idx = SearchIndex::build(&docs);
    let long = "a".repeat(10_000);
    let long_words = "numérique ".repeat(1_000);
    let inputs = [
        "<img src=x onerror=alert(1)>",
        "\"",
        "\"\"\"",
        "\"transformation",
        "«»“”„",
        &long,
        &long_words,
        "?!.,;:()[]{}…—–-'’",
        "🚀🇲🇦 numérique 👍🏽",
        "e\u{301}te\u{301} nume\u{301}rique",
        "\u{301}\u{301}\u{301}",
        "\u{0}\u{1}\u{7f}",
        "ﷺ عربي ⵜⴰⵎⴰⵣⵉⵖⵜ",
        "ǅ ß İ ŉ ﬁ",
        " ",
        "a",
        "'l'",
    ];
    let filters = Filters {
        from: Some((2000, Some(13))),
        to: Some((1999, Some(0))),
        value_min: Some(f64::NAN),
        ..Default::default()
    };
    for q in inputs {
        for f in [&Filters::default(), &filters] {
            let r = search(&idx, &docs, q, f);
            for hit in &r.hits {
                for max in [0, 1, 5, 200] {
                    snippet(&docs[hit.doc as usize], hit, max);
                }
            }
            kwic(&idx, &docs, q, f, 7, 50);
        }
        let _ = parse_query(q);
    }
}

#[test]
fn parsing_keeps_words_phrases_and_the_typed_prefix() {
    let q = parse_query("L’AUSIM \"la transformation du digital\" cloud numér");
    let kinds: Vec<String> = q
        .clauses
        .iter()
        .map(|c| match c {
            Clause::Word(w) => format!("{}{}", w.folded, if w.prefix { "*" } else { "" }),
            Clause::Phrase(ws) => {
                let words: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
                format!("\"{}\"", words.join(" "))
            }
        })
        .collect();
    assert_eq!(
        kinds,
        ["ausim", "\"transformation du digital\"", "cloud", "numer*"]
    );
    assert_eq!(parse_query("cloud cloud ").clauses.len(), 1);
    assert!(parse_query("").clauses.is_empty());
}

#[test]
fn the_index_round_trips_through_postcard() {
    let docs = seed_documents();
    let idx = SearchIndex::build(&docs);
    let bytes = postcard::to_allocvec(&idx).expect("encodes");
    let back: SearchIndex = postcard::from_bytes(&bytes).expect("decodes");
    assert_eq!(back, idx);
    assert_eq!(
        ids(
            &docs,
            &search(&back, &docs, "numerique", &Filters::default())
        )
        .len(),
        5
    );
}

#[test]
fn the_seeds_answer_known_queries() {
    let docs = seed_documents();
    let table: &[(&str, &[&str])] = &[
        (
            "numerique",
            &[
                "000_355bd2c2e8048c55",
                "001_d8c6e0fe0226b3fe",
                "002_8fd9b615db666dbf",
                "003_33d08dc07e69b5e4",
                "004_1a904081dba04b63",
            ],
        ),
        ("AUSIM", &["000_355bd2c2e8048c55", "001_d8c6e0fe0226b3fe"]),
        ("Devoxx", &["003_33d08dc07e69b5e4"]),
    ];
    for (q, want) in table {
        assert_eq!(sorted(find(&docs, q)), *want, "query {q:?}");
    }
}

#[test]
fn matches_for_gives_the_spans_a_hit_carries() {
    let docs = seed_documents();
    let idx = SearchIndex::build(&docs);
    for q in [
        "numerique digital",
        "\"transformation digitale\"",
        "AUSIM",
        "numér",
        "zzz",
    ] {
        let r = search(&idx, &docs, q, &Filters::default());
        for hit in &r.hits {
            let (m, h) = query::matches_for(&idx, &docs, q, hit.doc);
            assert_eq!((&m, &h), (&hit.matches, &hit.headline_matches), "{q:?}");
            assert!(!m.is_empty() || !h.is_empty(), "{q:?}: a hit has a match");
        }
        // A document that does not match has no spans.
        let missing = (0..docs.len() as u32).find(|d| r.hits.iter().all(|h| h.doc != *d));
        if let Some(d) = missing {
            assert_eq!(query::matches_for(&idx, &docs, q, d), (vec![], vec![]));
        }
    }
}

#[test]
fn every_match_span_is_a_matched_word_of_the_text() {
    let docs = seed_documents();
    let idx = SearchIndex::build(&docs);
    let r = search(&idx, &docs, "numerique", &Filters::default());
    for hit in &r.hits {
        let text = &docs[hit.doc as usize].text;
        for s in &hit.matches {
            let word = raqmi_model::text::fold(&text[s.range()]);
            assert!(word.starts_with("numeri"), "{word:?}");
        }
        let mut sorted = hit.matches.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, hit.matches, "sorted, no duplicates");
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn corpus() -> &'static (Vec<Document>, SearchIndex) {
        static C: OnceLock<(Vec<Document>, SearchIndex)> = OnceLock::new();
        C.get_or_init(|| {
            let docs = seed_documents();
            let idx = SearchIndex::build(&docs);
            (docs, idx)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_query_is_answered_without_panicking(q in "\\PC{0,60}", max in 0usize..300) {
            let (docs, idx) = corpus();
            let r = search(idx, docs, &q, &Filters::default());
            prop_assert_eq!(r.total, r.hits.len());
            for hit in r.hits.iter().take(5) {
                let text = &docs[hit.doc as usize].text;
                let parts = snippet(&docs[hit.doc as usize], hit, max);
                let joined: String = parts
                    .iter()
                    .filter(|p| p.text != ELLIPSIS || p.marked)
                    .map(|p| p.text.as_str())
                    .collect();
                prop_assert!(text.contains(&joined));
            }
            for l in kwic(idx, docs, &q, &Filters::default(), 20, 20) {
                let text = &docs[l.doc as usize].text;
                let start = l.span.start as usize - l.left.len();
                let line = format!("{}{}{}", l.left, l.keyword, l.right);
                prop_assert_eq!(&text[start..start + line.len()], line.as_str());
            }
        }

        #[test]
        fn french_like_queries_never_panic(words in proptest::collection::vec("[a-zéèêàçôûœ’'\"«» -]{0,12}", 0..6)) {
            let (docs, idx) = corpus();
            let q = words.join(" ");
            let _ = search(idx, docs, &q, &Filters::default());
        }
    }
}

#[test]
fn hits_past_the_first_page_get_their_spans_on_demand() {
    let docs: Vec<Document> = (0..query::MATCHED_HITS + 20)
        .map(|i| article(&format!("d{i:03}"), "Le cloud arrive au pays."))
        .collect();
    let idx = SearchIndex::build(&docs);
    let r = search(&idx, &docs, "cloud", &Filters::default());
    assert_eq!(r.total, docs.len());
    assert!(r.hits[..query::MATCHED_HITS]
        .iter()
        .all(|h| h.matches.len() == 1));
    let last = r.hits.last().expect("hits");
    assert!(last.matches.is_empty());
    let (m, _) = query::matches_for(&idx, &docs, "cloud", last.doc);
    assert_eq!(m, [Span::new(3, 8)]);
}
