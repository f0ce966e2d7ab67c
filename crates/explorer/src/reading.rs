//! Pure helpers of the reader: how a paragraph splits into plain text, figures and names, and
//! how a figure reads in the side list. Tested natively.

use raqmi_charts::numfmt;
use raqmi_model::document::{Document, Figure, FigureKind, Qualifier};
use raqmi_model::order;
use std::ops::Range;

/// A piece of a paragraph: text, or the figure / entity at that index of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(Range<usize>),
    Figure(usize),
    Entity(usize),
}

/// Splits `range` of the document's text into segments. Figures win over names where they
/// overlap (a figure is the more specific annotation); annotations crossing the range's ends
/// are left out, so every segment lies inside `range`.
pub fn segments(doc: &Document, range: Range<usize>) -> Vec<Segment> {
    let mut marks: Vec<(Range<usize>, Segment)> = Vec::new();
    let inside = |r: &Range<usize>| range.start <= r.start && r.end <= range.end && r.start < r.end;
    for (i, f) in doc.figures.iter().enumerate() {
        let r = f.span.range();
        if inside(&r) {
            marks.push((r, Segment::Figure(i)));
        }
    }
    for (i, e) in doc.entities.iter().enumerate() {
        let r = e.span.range();
        if inside(&r)
            && !marks
                .iter()
                .any(|(m, s)| matches!(s, Segment::Figure(_)) && m.start < r.end && r.start < m.end)
        {
            marks.push((r, Segment::Entity(i)));
        }
    }
    // Stable, like `sort_by_key`, through the crate's one shared sort (see `raqmi_model::order`).
    order::sort_by(&mut marks, |(a, _), (b, _)| {
        (a.start, a.end).cmp(&(b.start, b.end))
    });
    let mut out = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = range.start;
    for (r, seg) in marks {
        if r.start < at {
            // Overlaps the previous annotation: keep the first.
            continue;
        }
        if r.start > at {
            out.push(Segment::Text(at..r.start));
        }
        at = r.end;
        out.push(seg);
    }
    if at < range.end {
        out.push(Segment::Text(at..range.end));
    }
    out
}

/// The `value` attribute of a `<data>`: whole numbers without a fractional part.
pub fn value_attr(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn amount(v: f64, unit: &str) -> String {
    let (n, s) = numfmt::money_parts(v);
    match (s.is_empty(), unit.is_empty()) {
        (true, _) => format!("{n} {unit}").trim_end().to_string(),
        (false, _) => format!("{n} {s} {unit}").trim_end().to_string(),
    }
}

/// "13,3 M MAD", "plus de 1 100 acteurs", "78 %", "≈ 100 experts": a figure in the side list.
pub fn figure_text(f: &Figure) -> String {
    let one = |v: f64| match f.kind {
        FigureKind::Money => amount(v, &f.unit),
        FigureKind::Percent => numfmt::percent(v),
        _ => numfmt::count(v),
    };
    let mut text = match f.high {
        Some(h) => format!("{} – {}", one(f.value), one(h)),
        None => one(f.value),
    };
    match f.kind {
        FigureKind::Count | FigureKind::Duration if !f.unit.is_empty() => {
            text = format!("{text} {}", f.unit)
        }
        FigureKind::Ordinal => text = format!("{text}e {}", f.unit).trim_end().to_string(),
        FigureKind::Factor => text = format!("× {text}"),
        _ => {}
    }
    numfmt::qualified(&text, f.qualifier)
}

/// The contract's name of a qualifier ("over", "about", "under", "up_to").
pub fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Over => "over",
        Qualifier::About => "about",
        Qualifier::Under => "under",
        Qualifier::UpTo => "up_to",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Vec<Document> {
        crate::corpus::seed_corpus().docs
    }

    #[test]
    fn segments_cover_each_paragraph_exactly_and_in_order() {
        for doc in seeds() {
            for p in &doc.paragraphs {
                let segs = segments(&doc, p.span.range());
                let mut at = p.span.start as usize;
                for s in &segs {
                    let r = match s {
                        Segment::Text(r) => r.clone(),
                        Segment::Figure(i) => doc.figures[*i].span.range(),
                        Segment::Entity(i) => doc.entities[*i].span.range(),
                    };
                    assert_eq!(r.start, at, "{}: gap or overlap", doc.id);
                    at = r.end;
                }
                assert_eq!(at, p.span.end as usize);
            }
        }
    }

    #[test]
    fn the_devoxx_budget_reads_as_millions_of_dirhams() {
        let docs = seeds();
        let devoxx = docs.iter().find(|d| d.id.starts_with("003")).unwrap();
        let texts: Vec<String> = devoxx.figures.iter().map(figure_text).collect();
        assert!(texts.contains(&"13,3 M MAD".to_string()), "{texts:?}");
        assert!(texts.contains(&"≈ 100 experts".to_string()), "{texts:?}");
        let ausim = docs.iter().find(|d| d.id.starts_with("000")).unwrap();
        let texts: Vec<String> = ausim.figures.iter().map(figure_text).collect();
        assert!(
            texts.contains(&"plus de 1 100 acteurs".to_string()),
            "{texts:?}"
        );
        assert!(texts.contains(&"78 %".to_string()), "{texts:?}");
        assert_eq!(value_attr(13_300_000.0), "13300000");
        assert_eq!(value_attr(3.5), "3.5");
    }
}
