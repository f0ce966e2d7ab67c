//! Exports of a chart's figures: CSV (RFC 4180: CRLF line ends, fields quoted when they hold a
//! comma, a quote or a line break, quotes doubled) and JSON (written by hand, so that the wasm
//! build needs no serde_json). Both list every figure of the chart, aggregated or not, with its
//! sentence, article, date and source, so that a reader can check each number.

use super::numfmt;
use super::{category_text, ChartData, ChartPoint};
use std::fmt::Write;

const COLUMNS: [&str; 16] = [
    "doc_id",
    "figure",
    "label",
    "article",
    "date",
    "date_text",
    "source",
    "url",
    "category",
    "qualifier",
    "value",
    "high",
    "unit",
    "original",
    "value_text",
    "sentence",
];

/// One CSV field, quoted when needed. Text that a spreadsheet would run as a formula (leading
/// `=`, `+`, `-`, `@`) gets a leading apostrophe: these are press sentences, never formulas.
pub fn csv_field(out: &mut String, value: &str, text: bool) {
    let guarded = text && value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let needs_quotes = guarded || value.contains([',', '"', '\n', '\r', ';']);
    if needs_quotes {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in value.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

/// Plain decimal for machines ("1100", "13300000", "12.5"); empty for a missing or non-finite value.
fn number(v: Option<f64>) -> String {
    match v {
        Some(v) if v.is_finite() => format!("{v}"),
        _ => String::new(),
    }
}

fn fields(p: &ChartPoint) -> [(String, bool); 16] {
    [
        (p.doc_id.clone(), true),
        (p.figure.to_string(), false),
        (p.label.clone(), true),
        (p.article.clone(), true),
        (p.date.map(|d| d.iso()).unwrap_or_default(), false),
        (p.date_text(), true),
        (p.source.clone().unwrap_or_default(), true),
        (p.url.clone().unwrap_or_default(), true),
        (category_text(p.category).to_string(), true),
        (
            p.qualifier
                .map(numfmt::qualifier_words)
                .unwrap_or("")
                .to_string(),
            true,
        ),
        (number(Some(p.value)), false),
        (number(p.high), false),
        (p.unit.clone(), true),
        (
            p.original
                .as_ref()
                .map(|o| match o.high {
                    Some(h) => format!("{}-{} {}", number(Some(o.value)), number(Some(h)), o.unit),
                    None => format!("{} {}", number(Some(o.value)), o.unit),
                })
                .unwrap_or_default(),
            true,
        ),
        (p.value_text(), true),
        (p.sentence.clone(), true),
    ]
}

/// The chart's figures as CSV, one row per figure, with a header row.
pub fn to_csv(data: &ChartData) -> String {
    let mut out = String::new();
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for p in &data.points {
        for (i, (value, text)) in fields(p).iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&mut out, value, *text);
        }
        out.push_str("\r\n");
    }
    out
}

/// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
pub fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // U+2028/2029 too: valid JSON, but not valid in older JavaScript string literals.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_number(v: Option<f64>) -> String {
    match v {
        Some(v) if v.is_finite() => format!("{v}"),
        _ => "null".to_string(),
    }
}

/// The chart's figures as a JSON object: `{"chart": …, "notes": […], "figures": [{…}]}`.
pub fn to_json(data: &ChartData) -> String {
    let mut out = String::from("{\"chart\":");
    json_string(&mut out, data.kind.slug());
    out.push_str(",\"notes\":[");
    for (i, n) in data.notes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(&mut out, n);
    }
    out.push_str("],\"figures\":[");
    for (i, p) in data.points.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        for (j, (key, (value, text))) in COLUMNS.iter().zip(fields(p)).enumerate() {
            if j > 0 {
                out.push(',');
            }
            json_string(&mut out, key);
            out.push(':');
            match *key {
                "figure" => out.push_str(&value),
                "value" => out.push_str(&json_number(Some(p.value))),
                "high" => out.push_str(&json_number(p.high)),
                _ if !text && value.is_empty() => out.push_str("null"),
                _ => json_string(&mut out, &value),
            }
        }
        out.push('}');
    }
    out.push_str("]}");
    out
}
