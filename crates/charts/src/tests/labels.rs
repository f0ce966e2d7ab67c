//! Marks say what they measure: a figure's label is its subject (with its event or actor), not
//! the article's headline, so the two Devoxx budgets of seed 003 read differently; the tooltip
//! and the table rows keep the sentence that reports the figure.

use super::opts;
use crate::{bar_description, chart_data, render_svg, table_rows, BarKind, ChartKind};
use raqmi_model::document::Category;
use raqmi_testkit::{count, seed_documents};

#[test]
fn the_two_devoxx_budgets_are_labelled_by_what_they_fund() {
    let docs: Vec<_> = seed_documents()
        .into_iter()
        .filter(|d| d.id.starts_with("003_"))
        .collect();
    let headline = docs[0].headline.clone().unwrap();
    let data = chart_data(&docs, ChartKind::Budgets);
    let labels: Vec<&str> = data.bars.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert_ne!(labels[0], labels[1]);
    for l in &labels {
        assert!(!l.starts_with(&headline[..20]), "{l:?} is the headline");
        assert!(l.ends_with(" — Devoxx"), "{l:?} names its event");
    }
    assert!(
        labels.iter().any(|l| l.contains("centre de formation")),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|l| l.contains("accompagnement")),
        "{labels:?}"
    );

    // The tooltip and the table keep the sentence; the drawing shows the subjects.
    let rows = table_rows(&data);
    let chart = render_svg(&data, &opts()).unwrap();
    for (bar, row) in data.bars.iter().zip(&rows) {
        assert!(row.sentence.contains("millions de dhs"), "{row:?}");
        let tooltip = bar_description(&data, bar);
        assert!(tooltip.contains(&row.sentence), "{tooltip}");
        assert_eq!(row.label, bar.label);
    }
    assert!(chart.svg.contains("centre de formation"));
    assert!(chart.svg.contains("accompagnement"));
}

#[test]
fn a_figure_without_a_known_meaning_keeps_the_article_label() {
    let docs = vec![super::les_eco("a")
        .headline("Forum A")
        .date(2024, Some(1), None)
        .figures([count(1500.0, Category::Participants, "participants")])
        .build()];
    let data = chart_data(&docs, ChartKind::People);
    assert_eq!(data.points[0].label, "Forum A");
    assert!(matches!(data.bars[0].kind, BarKind::Figure { .. }));
    assert_eq!(data.bars[0].group_label, "Forum A");
}
