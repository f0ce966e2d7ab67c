//! The table that mirrors a chart, row for bar in the same order with the same labels and
//! values, and the accessible description of each bar (what the tooltip and screen readers say).

use crate::data::{category_text, Bar, BarKind, ChartData};
use crate::numfmt;
use crate::point::ChartPoint;
use raqmi_model::document::Qualifier;

/// A row of the table that mirrors the chart: same order, same values, same labels as the bars.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub label: String,
    pub group_label: String,
    pub value: f64,
    pub high: Option<f64>,
    pub value_text: String,
    /// "plus de", "environ", "moins de", "jusqu'à", "fourchette", or "".
    pub qualifier_text: String,
    pub category_text: String,
    pub article: String,
    /// The sentence that reports the figure ("" for a bar that stands for several).
    pub sentence: String,
    pub date_text: String,
    pub doc_id: Option<String>,
    pub figure: Option<usize>,
    pub href: Option<String>,
    /// For the timeline: "articles" or "chiffres".
    pub series: Option<&'static str>,
}

/// The table rows mirroring `data.bars`, in the same order.
pub fn table_rows(data: &ChartData) -> Vec<TableRow> {
    data.bars
        .iter()
        .map(|bar| {
            let point = match bar.kind {
                BarKind::Figure { point } => data.points.get(point),
                _ => None,
            };
            TableRow {
                label: bar.label.clone(),
                group_label: bar.group_label.clone(),
                value: bar.value,
                high: bar.high,
                value_text: bar.value_text.clone(),
                qualifier_text: match (bar.qualifier, bar.high) {
                    (Some(q), _) => numfmt::qualifier_words(q).to_string(),
                    (None, Some(_)) => "fourchette".to_string(),
                    _ => String::new(),
                },
                category_text: bar.category.map(category_text).unwrap_or("").to_string(),
                article: point.map(|p| p.article.clone()).unwrap_or_default(),
                sentence: point.map(|p| p.sentence.clone()).unwrap_or_default(),
                date_text: point.map(ChartPoint::date_text).unwrap_or_default(),
                doc_id: point.map(|p| p.doc_id.clone()),
                figure: point.map(|p| p.figure),
                href: point.map(ChartPoint::href),
                series: match bar.kind {
                    BarKind::Period { series, .. } => Some(series.name()),
                    _ => None,
                },
            }
        })
        .collect()
}

/// The accessible description of one bar (its tooltip): "label : value (nuance), « article »,
/// date — sentence", so that a reader sees what the figure is and the words that report it.
pub fn bar_description(data: &ChartData, bar: &Bar) -> String {
    let nuance = match (bar.qualifier, bar.high, &bar.kind) {
        (_, _, BarKind::Others { .. }) => " (plage des valeurs regroupées)",
        (Some(Qualifier::Over), ..) => " (valeur minimale, le chiffre réel est supérieur)",
        (Some(Qualifier::About), ..) => " (valeur approximative)",
        (Some(Qualifier::Under | Qualifier::UpTo), ..) => " (valeur maximale)",
        (None, Some(_), _) => " (fourchette)",
        _ => "",
    };
    match bar.kind {
        BarKind::Figure { point } => match data.points.get(point) {
            Some(p) => format!(
                "{} : {}{nuance}, « {} », {} — {}",
                p.label,
                bar.value_text,
                p.article,
                p.date_text(),
                p.sentence
            ),
            None => bar.value_text.clone(),
        },
        BarKind::Others { .. } => format!("{}{nuance}", bar.value_text),
        BarKind::Period { .. } => format!("{} : {}", bar.group_label, bar.value_text),
    }
}
