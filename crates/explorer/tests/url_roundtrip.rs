//! Property tests of the URL scheme: state -> URL -> state is the identity, any string at all
//! parses to some state without panicking, and an article's link written from the view's
//! template ([`DocLinks`]) is the URL of opening it.

use proptest::prelude::*;
use raqmi_explorer::state::{href_after, Action};
use raqmi_explorer::url::{
    self, ChartKind, DocLinks, Lang, PerFacet, Scale, Theme, View, ViewState, YearMonth, CATEGORIES,
};

fn year_month() -> impl Strategy<Value = Option<YearMonth>> {
    prop::option::of(
        (1990u16..2040, prop::option::of(1u8..=12))
            .prop_map(|(year, month)| YearMonth { year, month }),
    )
}

fn names() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[\\PC]{1,20}", 0..3).prop_map(|v| {
        let mut out: Vec<String> = Vec::new();
        for s in v {
            let s = s.trim().to_string();
            if !s.is_empty() && !out.contains(&s) {
                out.push(s);
            }
        }
        out
    })
}

fn state() -> impl Strategy<Value = ViewState> {
    (
        (
            "[\\PC]{0,40}",
            year_month(),
            year_month(),
            names(),
            names(),
            names(),
        ),
        (
            names(),
            names(),
            prop::collection::btree_set(0usize..8, 0..3),
        ),
        (
            prop::option::of(0u32..1_000_000_000),
            prop::option::of(0u32..1_000_000_000),
        ),
        (
            prop::option::of("[A-Za-z0-9_]{1,24}"),
            prop::option::of(0u32..50),
        ),
        (
            0usize..5,
            0usize..4,
            any::<bool>(),
            0usize..3,
            prop::option::of(any::<bool>()),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (q, from, to, sources, orgs, places),
                (persons, programs, cats),
                (min, max),
                (doc, fig),
                (view, chart, log, lang, theme, embed, controls),
            )| {
                let (from, to) = match (from, to) {
                    (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                    x => x,
                };
                let (min, max) = match (min, max) {
                    (Some(a), Some(b)) if a > b => (Some(b as f64), Some(a as f64)),
                    (a, b) => (a.map(f64::from), b.map(f64::from)),
                };
                let mut s = ViewState {
                    q,
                    from,
                    to,
                    names: PerFacet([sources, orgs, places, persons, programs]),
                    cats: cats.into_iter().map(|i| CATEGORIES[i]).collect(),
                    min,
                    max,
                    fig: doc.as_ref().and(fig),
                    doc,
                    view: View::ALL[view],
                    chart: ChartKind::ALL[chart],
                    scale: if log { Scale::Log } else { Scale::Linear },
                    lang: [Lang::Fr, Lang::En, Lang::Ar][lang],
                    theme: theme.map(|d| if d { Theme::Dark } else { Theme::Light }),
                    embed,
                    // Only an embed has controls to bring back.
                    controls: embed && controls,
                };
                // The URL's categories pick the chart (`url::parse` does the same).
                s.fit_chart();
                s
            },
        )
}

proptest! {
    #[test]
    fn state_to_url_to_state_is_the_identity(s in state()) {
        let query = url::to_query(&s);
        let (back, notices) = url::parse(&query);
        prop_assert!(notices.is_empty(), "{query}: {notices:?}");
        prop_assert_eq!(back, s);
    }

    #[test]
    fn an_articles_link_is_the_url_of_opening_it(
        s in state(),
        id in "[\\PC]{1,24}",
        fig in prop::option::of(0u32..50),
    ) {
        let expected = href_after(&s, Action::OpenDoc { id: id.clone(), fig });
        prop_assert_eq!(DocLinks::new(&s).href(&id, fig), expected);
    }

    #[test]
    fn any_string_parses_without_panicking(garbage in "\\PC*") {
        let (state, _) = url::parse(&garbage);
        // Whatever came in, what goes out is a well-formed URL of a valid state.
        let (again, notices) = url::parse(&url::to_query(&state));
        prop_assert!(notices.is_empty());
        prop_assert_eq!(again, state);
    }

    #[test]
    fn query_strings_built_from_known_keys_never_panic(pairs in prop::collection::vec(
        (prop::sample::select(vec!["q", "from", "to", "org", "cat", "min", "max", "doc", "fig", "view", "lang", "theme", "embed", "chart", "scale", "dark", "controls"]), "[%&=+a-z0-9\\-]{0,12}"), 0..12)) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = url::parse(&format!("?{}", query.join("&")));
    }
}
