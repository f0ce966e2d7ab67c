//! The charts' alternative text (`crate::alt`): the count of marks, the largest and the smallest
//! with their labels, for every kind, in the `<desc>` that names the `<svg role="img">`.

use super::{corpus_for, les_eco, opts};
use crate::alt::summary;
use crate::{chart_data, render_svg, ChartKind};
use raqmi_model::document::Category;
use raqmi_testkit::{count, money};

#[test]
fn says_how_many_bars_and_which_are_largest_and_smallest() {
    let docs = vec![
        les_eco("a")
            .headline("Un centre de formation")
            .figures([money(13_300_000.0)])
            .build(),
        les_eco("b")
            .headline("Le soutien aux start-up")
            .figures([money(3_900_000.0)])
            .build(),
        les_eco("c")
            .headline("Un incubateur régional")
            .figures([money(7_000_000.0)])
            .build(),
    ];
    let data = chart_data(&docs, ChartKind::Budgets);
    let text = summary(&data, data.bars.len());
    assert!(text.starts_with("3 barre(s) dessinée(s)."), "{text}");
    let largest = data
        .bars
        .iter()
        .max_by(|a, b| a.value.total_cmp(&b.value))
        .unwrap();
    let smallest = data
        .bars
        .iter()
        .min_by(|a, b| a.value.total_cmp(&b.value))
        .unwrap();
    assert_eq!(largest.value, 13_300_000.0);
    assert!(
        text.contains(&format!("La plus grande : {}", largest.label)),
        "{text}"
    );
    assert!(
        text.contains(&format!("({})", largest.value_text)),
        "{text}"
    );
    assert!(
        text.contains(&format!("la plus petite : {}", smallest.label)),
        "{text}"
    );
    assert!(
        text.contains(&format!("({})", smallest.value_text)),
        "{text}"
    );
    // It is the chart's description, hence part of its accessible name.
    let chart = render_svg(&data, &opts()).unwrap();
    assert!(chart.desc.contains(&text), "{}", chart.desc);
}

#[test]
fn every_kind_counts_its_drawn_marks() {
    for kind in ChartKind::ALL {
        let docs = corpus_for(30, Some(kind));
        let data = chart_data(&docs, kind);
        let chart = render_svg(&data, &opts()).unwrap();
        let marks = chart.overlay.matches("class=\"chart-mark").count();
        assert!(
            chart.desc.contains(&format!("{marks} barre")),
            "{kind:?}: {marks} marks, {}",
            chart.desc
        );
        assert!(chart.desc.contains("La plus grande : "), "{kind:?}");
        assert!(chart.desc.contains("la plus petite : "), "{kind:?}");
    }
}

#[test]
fn one_bar_has_no_smallest() {
    let docs = vec![les_eco("a")
        .headline("Devoxx Maroc")
        .figures([count(1100.0, Category::Participants, "participants")])
        .build()];
    let data = chart_data(&docs, ChartKind::People);
    let text = summary(&data, data.bars.len());
    assert!(
        text.starts_with("1 barre(s) dessinée(s). La plus grande : "),
        "{text}"
    );
    assert!(!text.contains("la plus petite"), "{text}");
}
