//! The data layer: which figures a chart keeps and why it may have none, conversion to MAD,
//! aggregation beyond the bar limit, the people chart's groups, the timeline's bins, and links.

use super::{les_eco, occurrences, opts};
use crate::{
    chart_data, figure_href, render_svg, BarKind, ChartError, ChartKind, EmptyReason, Granularity,
};
use raqmi_model::document::Category;
use raqmi_testkit::{count, money, percent, FigureBuilder};

#[test]
fn an_empty_selection_gives_a_reason_not_a_chart() {
    let no_money = vec![les_eco("a")
        .headline("A")
        .date(2024, Some(1), None)
        .figures([percent(20.0)])
        .build()];
    let data = chart_data(&no_money, ChartKind::Budgets);
    assert_eq!(data.empty, Some(EmptyReason::NoMoney));
    assert_eq!(
        render_svg(&data, &opts()),
        Err(ChartError::Empty(EmptyReason::NoMoney))
    );
    assert_eq!(
        EmptyReason::NoMoney.message(),
        "Aucun montant dans les articles filtrés"
    );
    assert_eq!(
        chart_data(&no_money, ChartKind::People).empty,
        Some(EmptyReason::NoPeople)
    );
    let undated = vec![les_eco("a").headline("A").figures([percent(20.0)]).build()];
    assert_eq!(
        chart_data(&undated, ChartKind::Timeline).empty,
        Some(EmptyReason::NoDates)
    );
    assert_eq!(
        chart_data(&no_money, ChartKind::Shares).empty,
        None,
        "a share is there"
    );
}

#[test]
fn hrefs_percent_encode_the_document_id() {
    assert_eq!(figure_href("003_33d0", 2), "?doc=003_33d0&view=doc&fig=2");
    assert_eq!(
        figure_href("a b/é?&=#", 0),
        "?doc=a%20b%2F%C3%A9%3F%26%3D%23&view=doc&fig=0"
    );
}

#[test]
fn foreign_currencies_are_converted_to_mad_and_said_so() {
    let eur = money(1e6).unit("EUR");
    let usd = money(2e6).range(3e6).unit("USD");
    let docs = vec![les_eco("a")
        .headline("A")
        .date(2024, Some(1), None)
        .figures([eur, usd])
        .build()];
    let data = chart_data(&docs, ChartKind::Budgets);
    let by_fig = |i| data.points.iter().find(|p| p.figure == i).unwrap();
    assert_eq!(by_fig(0).value, 10.8e6);
    assert_eq!(by_fig(0).unit, "MAD");
    assert_eq!(
        by_fig(0).value_text(),
        "10,8 M MAD (converti de 1 million EUR)"
    );
    assert_eq!(by_fig(1).high, Some(30e6));
    assert!(data.notes[0].contains("1 EUR = 10,8 MAD"));
}

#[test]
fn many_bars_are_aggregated_into_a_range_of_the_rest() {
    let figs: Vec<FigureBuilder> = (1..=100).map(|i| money(f64::from(i) * 1000.0)).collect();
    let docs = vec![les_eco("a")
        .headline("A")
        .date(2024, Some(1), None)
        .figures(figs)
        .build()];
    let data = chart_data(&docs, ChartKind::Budgets);
    assert_eq!(data.points.len(), 100);
    assert_eq!(data.bars.len(), 41);
    assert_eq!(data.bars[0].value, 100_000.0);
    let last = data.bars.last().unwrap();
    assert_eq!(last.kind, BarKind::Others { count: 60 });
    assert_eq!(last.label, "autres (60)");
    assert_eq!((last.value, last.high), (1000.0, Some(60_000.0)));
    assert_eq!(last.value_text, "autres (60) : 1 000 à 60 k MAD");
    let chart = render_svg(&data, &opts()).unwrap();
    assert_eq!(occurrences(&chart.svg, "chart-mark-others"), 1);
    assert_eq!(occurrences(&chart.svg, "<a href="), 40);
}

#[test]
fn people_are_grouped_by_article_with_shapes_and_a_legend() {
    let docs = vec![
        les_eco("a")
            .headline("Forum A")
            .date(2024, Some(1), None)
            .figures([
                count(200.0, Category::Jobs, "emplois"),
                count(1500.0, Category::Participants, "participants"),
            ])
            .build(),
        les_eco("b")
            .headline("Forum B")
            .date(2024, Some(2), None)
            .figures([count(40.0, Category::Members, "membres")])
            .build(),
    ];
    let data = chart_data(&docs, ChartKind::People);
    let groups: Vec<usize> = data.bars.iter().map(|b| b.group).collect();
    assert_eq!(groups, vec![0, 0, 1]);
    assert_eq!(data.bars[0].category, Some(Category::Participants));
    assert_eq!(data.bars[0].group_label, "Forum A");
    let chart = render_svg(&data, &opts()).unwrap();
    for name in [
        "participants\n</text>",
        "emplois\n</text>",
        "membres\n</text>",
    ] {
        assert!(chart.svg.contains(name), "legend {name:?}");
    }
    assert!(!chart.svg.contains("bénéficiaires\n</text>"));
    // Shapes: circle (participants), square (members), diamond (jobs).
    assert!(chart.svg.contains("<circle"));
    assert!(occurrences(&chart.svg, "<polygon") >= 2);
}

#[test]
fn the_timeline_bins_by_month_or_year_from_the_date_span() {
    let docs = vec![
        les_eco("a")
            .headline("A")
            .date(2024, Some(1), None)
            .figures([money(1.0), money(2.0)])
            .build(),
        les_eco("b").headline("B").date(2024, Some(3), None).build(),
        les_eco("c")
            .headline("C")
            .date(2024, None, None)
            .figures([money(3.0)])
            .build(),
        les_eco("d").headline("D").build(),
    ];
    let data = chart_data(&docs, ChartKind::Timeline);
    assert_eq!(data.granularity, Some(Granularity::Month));
    let labels: Vec<&str> = data
        .bars
        .iter()
        .step_by(2)
        .map(|b| b.label.as_str())
        .collect();
    assert_eq!(
        labels,
        vec!["2024 (?)", "janv. 2024", "févr. 2024", "mars 2024"]
    );
    let values: Vec<f64> = data.bars.iter().map(|b| b.value).collect();
    assert_eq!(values, vec![1.0, 1.0, 1.0, 2.0, 0.0, 0.0, 1.0, 0.0]);
    assert!(data
        .notes
        .iter()
        .any(|n| n.contains("1 article(s) sans date")));

    let wide = vec![
        les_eco("a").headline("A").date(2015, Some(1), None).build(),
        les_eco("b").headline("B").date(2024, Some(3), None).build(),
    ];
    let data = chart_data(&wide, ChartKind::Timeline);
    assert_eq!(data.granularity, Some(Granularity::Year));
    assert_eq!(data.bars.len(), 20);
    assert_eq!(data.bars[0].label, "2015");

    let ages = vec![
        les_eco("a").headline("A").date(1900, None, None).build(),
        les_eco("b").headline("B").date(2024, None, None).build(),
    ];
    let data = chart_data(&ages, ChartKind::Timeline);
    assert_eq!(data.granularity, Some(Granularity::Years(4)));
    assert!(data.bars.len() <= 80);
    assert_eq!(data.bars[0].label, "1900–1903");
    let chart = render_svg(&data, &opts()).unwrap();
    assert_eq!(
        occurrences(&chart.svg, "chart-mark-period"),
        data.bars.len()
    );
}
