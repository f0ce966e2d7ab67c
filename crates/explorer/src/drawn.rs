//! The CSV of exactly what a chart draws, behind an embed's "Télécharger les données": one row
//! per mark (bar, range or period) in the order drawn, with the label, value and qualifier the
//! mark shows and the article it comes from. (The chart view's own CSV export lists every
//! figure behind the chart instead, aggregated or not.) Pure, tested natively.

use raqmi_charts::export::csv_field;
use raqmi_charts::{table_rows, ChartData, TableRow};

const HEADER: [&str; 11] = [
    "label",
    "group",
    "value",
    "high",
    "value_text",
    "qualifier",
    "category",
    "article",
    "date",
    "doc_id",
    "figure",
];

/// The marks of `data` as CSV (RFC 4180: CRLF line ends, quoted fields when needed).
pub fn drawn_csv(data: &ChartData) -> String {
    let rows = table_rows(data);
    let mut out = String::with_capacity(128 + rows.len() * 160);
    line(&mut out, HEADER.iter().map(|h| (h.to_string(), false)));
    for r in &rows {
        line(&mut out, fields(r).into_iter());
    }
    out
}

/// Each field with whether it is text (`export::csv_field` defuses text a spreadsheet would
/// run as a formula; numbers such as "-3" are kept as they are).
fn fields(r: &TableRow) -> [(String, bool); 11] {
    let number = |v: f64| {
        if v.is_finite() {
            format!("{v}")
        } else {
            String::new()
        }
    };
    [
        (r.label.clone(), true),
        (r.group_label.clone(), true),
        (number(r.value), false),
        (r.high.map(number).unwrap_or_default(), false),
        (r.value_text.clone(), true),
        (r.qualifier_text.clone(), true),
        (
            r.series
                .map_or_else(|| r.category_text.clone(), str::to_string),
            true,
        ),
        (r.article.clone(), true),
        (r.date_text.clone(), true),
        (r.doc_id.clone().unwrap_or_default(), true),
        (r.figure.map(|f| f.to_string()).unwrap_or_default(), false),
    ]
}

fn line(out: &mut String, fields: impl Iterator<Item = (String, bool)>) {
    for (i, (value, text)) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, &value, text);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use raqmi_charts::{chart_data, ChartKind};

    #[test]
    fn one_row_per_mark_in_the_order_drawn() {
        let corpus = crate::corpus::seed_corpus();
        for kind in ChartKind::ALL {
            let data = chart_data(&corpus.docs, kind);
            let csv = drawn_csv(&data);
            let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
            assert_eq!(lines[0], HEADER.join(","));
            assert_eq!(lines.len() - 1, data.bars.len(), "{kind:?}");
            for (line, bar) in lines[1..].iter().zip(&data.bars) {
                let label = if bar.label.contains([',', '"', ';']) {
                    format!("\"{}", bar.label.replace('"', "\"\""))
                } else {
                    bar.label.clone()
                };
                assert!(line.starts_with(&label), "{line} / {}", bar.label);
                assert!(line.contains(&format!(",{},", bar.value)), "{line}");
            }
        }
    }

    #[test]
    fn text_is_quoted_and_formulas_defused_numbers_kept() {
        let mut out = String::new();
        line(
            &mut out,
            [
                ("=HYPERLINK(\"x\")".to_string(), true),
                ("-3.5".to_string(), false),
                ("a, b".to_string(), true),
            ]
            .into_iter(),
        );
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\",-3.5,\"a, b\"\r\n");
    }
}
