//! The alternative text of a chart, from its data: how many marks are drawn, and the largest
//! and the smallest with their labels and values as the labels say them. It goes into the
//! `<desc>` of the chart's `<svg role="img">` (`svg.rs`), which screen readers read with its
//! title as the image's accessible name. In French, like the rest of the drawing.

use crate::data::{Bar, BarKind, ChartData};
use crate::ChartKind;

/// "12 barres dessinées. La plus grande : <label> (<value>) ; la plus petite : …". `drawn` is
/// how many bars the drawing holds (those with no length are left out, and said elsewhere).
pub fn summary(data: &ChartData, drawn: usize) -> String {
    // The figures and periods: "others" is a range of several figures, said by `describe`.
    let marks: Vec<&Bar> = data
        .bars
        .iter()
        .filter(|b| !matches!(b.kind, BarKind::Others { .. }))
        .filter(|b| b.value.is_finite() && b.value > 0.0)
        .collect();
    let noun = if data.kind == ChartKind::Timeline {
        "barre(s) verticale(s)"
    } else {
        "barre(s)"
    };
    let mut out = format!("{drawn} {noun} dessinée(s).");
    // By value, ties kept in drawing order: the first largest, the first smallest.
    let mut largest: Option<&Bar> = None;
    let mut smallest: Option<&Bar> = None;
    for &b in &marks {
        if largest.is_none_or(|l| b.value > l.value) {
            largest = Some(b);
        }
        if smallest.is_none_or(|s| b.value < s.value) {
            smallest = Some(b);
        }
    }
    if let (Some(l), Some(s)) = (largest, smallest) {
        out.push_str(" La plus grande : ");
        mark(&mut out, l);
        if marks.len() > 1 {
            out.push_str(" ; la plus petite : ");
            mark(&mut out, s);
        }
        out.push('.');
    }
    out
}

/// "<label> (<value>)", with the period's series on the timeline and the group where the
/// label alone does not say it.
fn mark(out: &mut String, b: &Bar) {
    out.push_str(&b.label);
    if !b.group_label.is_empty() && b.group_label != b.label {
        out.push_str(" — ");
        out.push_str(&b.group_label);
    }
    out.push_str(" (");
    out.push_str(&b.value_text);
    if let BarKind::Period { series, .. } = &b.kind {
        out.push(' ');
        out.push_str(series.name());
    }
    out.push(')');
}
