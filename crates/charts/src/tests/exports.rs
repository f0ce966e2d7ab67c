//! The same figures in other forms: the table that mirrors the bars, the CSV and the JSON.

use super::{corpus, les_eco, occurrences, opts};
use crate::{chart_data, render_svg, to_csv, to_json, ChartKind};
use raqmi_model::document::Qualifier;
use raqmi_model::markup::escape_attr as escape_xml;
use raqmi_testkit::{money, percent};

#[test]
fn table_rows_mirror_the_bars_in_order() {
    let docs = corpus(300);
    for kind in ChartKind::ALL {
        let data = chart_data(&docs, kind);
        let chart = render_svg(&data, &opts()).unwrap();
        assert_eq!(chart.rows.len(), data.bars.len());
        for (row, bar) in chart.rows.iter().zip(&data.bars) {
            assert_eq!(row.label, bar.label);
            assert_eq!(row.value_text, bar.value_text);
            assert_eq!(row.value.to_bits(), bar.value.to_bits());
            assert_eq!(row.high, bar.high);
        }
        // The overlay's marks come in the same order as the rows.
        let labels: Vec<&str> = chart
            .svg
            .split("aria-label=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        assert_eq!(labels.len(), chart.rows.len());
        for (label, row) in labels.iter().zip(&chart.rows) {
            assert!(
                label.contains(&escape_xml(&row.value_text)),
                "{label} vs {}",
                row.value_text
            );
        }
        let links = occurrences(&chart.svg, "<a href=\"?doc=");
        let figure_rows = chart.rows.iter().filter(|r| r.href.is_some()).count();
        assert_eq!(links, figure_rows);
    }
}

/// A small RFC 4180 reader, to check the writer.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "CRLF line ends");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\n' => panic!("bare LF outside quotes"),
                c => field.push(c),
            }
        }
    }
    assert!(
        row.is_empty() && field.is_empty(),
        "last line ends with CRLF"
    );
    rows
}

#[test]
fn csv_quotes_commas_quotes_and_newlines() {
    let sentence = "Budget, \"historique\" :\nplus de 2 M; voilà.";
    let docs = vec![
        les_eco("a,1")
            .headline("Titre, \"cité\"")
            .date(2024, Some(1), None)
            .figures([money(2e6).qualifier(Qualifier::Over).sentence(sentence)])
            .build(),
        les_eco("b")
            .headline("=HYPERLINK(\"x\")")
            .date(2022, None, None)
            .figures([money(5e5).sentence("Simple.")])
            .build(),
    ];
    let data = chart_data(&docs, ChartKind::Budgets);
    let csv = to_csv(&data);
    let rows = parse_csv(&csv);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    assert_eq!(rows[0][0], "doc_id");
    let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    assert_eq!(rows[1][col("doc_id")], "a,1");
    assert_eq!(rows[1][col("sentence")], sentence);
    assert_eq!(rows[1][col("article")], "Titre, \"cité\"");
    assert_eq!(rows[1][col("value")], "2000000");
    assert_eq!(rows[1][col("qualifier")], "plus de");
    assert_eq!(rows[1][col("date")], "2024-01");
    assert_eq!(rows[1][col("source")], "Les ECO");
    // A title that looks like a formula is neutralised for spreadsheets.
    assert_eq!(rows[2][col("article")], "'=HYPERLINK(\"x\")");
    assert_eq!(rows[2][col("date")], "2022");
}

#[test]
fn json_export_is_valid_and_escaped() {
    let docs = vec![les_eco("a\"b")
        .headline("Titre\\ \"x\"")
        .date(2024, Some(1), None)
        .figures([
            money(2e6)
                .range(3e6)
                .sentence("Ligne 1\nligne 2 \"cité\" \u{1}."),
            percent(f64::NAN),
        ])
        .build()];
    let data = chart_data(&docs, ChartKind::Budgets);
    let json = to_json(&data);
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["chart"], "budgets");
    let f = &v["figures"][0];
    assert_eq!(f["doc_id"], "a\"b");
    assert_eq!(f["value"], 2e6);
    assert_eq!(f["high"], 3e6);
    assert_eq!(f["sentence"], "Ligne 1\nligne 2 \"cité\" \u{1}.");
    assert_eq!(f["date"], "2024-01");
    assert_eq!(f["figure"], 0);
    assert!(!json.contains("NaN"));
}
