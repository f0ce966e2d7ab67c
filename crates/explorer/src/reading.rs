//! Pure helpers of the reader: how a paragraph splits into plain text, figures and names, how a
//! figure reads in the side list, where the reader's links lead, and the article's text as
//! escaped markup ([`text_html`]). Tested natively.

use crate::state::{href_after, Action, FacetKind};
use crate::url::{DocLinks, View, ViewState};
use raqmi_charts::numfmt;
use raqmi_model::document::{
    Category, Document, EntityKind, Figure, FigureKind, ParagraphRole, Qualifier,
};
use raqmi_model::markup::escape_into;
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

/// Where the links of the reader showing one article lead: each to the URL of what its click
/// does ([`href_after`]), so that a middle-click, or a page without the app, goes to the same
/// place. Written from the view by the app's root: the reader gets its links, not the state.
#[derive(Clone, Debug, PartialEq)]
pub struct ReaderLinks {
    /// Back to the list the article was opened from.
    pub back: String,
    /// The articles around it (previous, next) and its own figures.
    pub docs: DocLinks,
    /// Each name of the article (kind, canonical name), with the list filtered by it.
    names: Vec<(EntityKind, String, String)>,
    /// Each category of the article's figures, with the chart of its kind.
    figures: Vec<(Category, String)>,
}

impl ReaderLinks {
    /// The links of `doc` read in `view`.
    pub fn new(view: &ViewState, doc: &Document) -> ReaderLinks {
        let mut names: Vec<(EntityKind, String, String)> = Vec::new();
        for e in &doc.entities {
            if !names
                .iter()
                .any(|(k, c, _)| *k == e.kind && *c == e.canonical)
            {
                let action =
                    Action::FilterByName(FacetKind::of_entity(e.kind), e.canonical.clone());
                names.push((e.kind, e.canonical.clone(), href_after(view, action)));
            }
        }
        let mut figures: Vec<(Category, String)> = Vec::new();
        for f in &doc.figures {
            if !figures.iter().any(|(c, _)| *c == f.category) {
                let href = href_after(view, Action::FilterByFigure(f.category));
                figures.push((f.category, href));
            }
        }
        ReaderLinks {
            back: href_after(view, Action::SetView(View::List)),
            docs: DocLinks::new(view),
            names,
            figures,
        }
    }

    /// The list filtered by one of the article's names (empty for a name it does not have).
    pub fn name(&self, kind: EntityKind, canonical: &str) -> &str {
        self.names
            .iter()
            .find(|(k, c, _)| *k == kind && c == canonical)
            .map_or("", |(_, _, href)| href)
    }

    /// The chart of the kind of one of the article's figure categories (empty for another).
    pub fn figure(&self, category: Category) -> &str {
        self.figures
            .iter()
            .find(|(c, _)| *c == category)
            .map_or("", |(_, href)| href)
    }
}

/// A figure's kind as its `data-kind` names it.
pub fn kind_name(k: FigureKind) -> &'static str {
    match k {
        FigureKind::Money => "money",
        FigureKind::Percent => "percent",
        FigureKind::Count => "count",
        FigureKind::Ordinal => "ordinal",
        FigureKind::Duration => "duration",
        FigureKind::Factor => "factor",
        FigureKind::Year => "year",
    }
}

/// A name's kind as its link's class names it (`entity-org`).
pub fn entity_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Org => "org",
        EntityKind::Place => "place",
        EntityKind::Person => "person",
        EntityKind::Program => "program",
        EntityKind::Event => "event",
    }
}

/// The article's paragraphs (its headline paragraph aside when the article has a headline: the
/// reader's title shows it) as escaped markup: `<p>`, `<h2>` for a subheading, `<p
/// class="dateline">`. Each figure is `<a class="fig-link" id="fig-N" data-category>` (to its
/// category's chart) around `<data value class="fig cat-…" data-kind data-unit data-category
/// data-qualifier title>`, `fig-target` on figure `target`; each name `<a class="entity
/// entity-…" data-canonical data-facet title>` (to the list filtered by it). The app inserts it
/// as is and handles these links' clicks with one listener (their `data-category`, or
/// `data-canonical` and `data-facet`): as yew elements with a handler each, the same markup
/// cost the first load 480 B gzip more. `label` names a category, `hint` ends each figure's
/// title.
pub fn text_html(
    doc: &Document,
    links: &ReaderLinks,
    target: Option<usize>,
    label: &dyn Fn(Category) -> String,
    hint: &str,
) -> String {
    let mut out = String::with_capacity(doc.text.len() * 2);
    let paragraphs = doc
        .paragraphs
        .iter()
        .filter(|p| p.role != ParagraphRole::Headline || doc.headline.is_none());
    for p in paragraphs {
        let (open, close) = match p.role {
            ParagraphRole::Subheading => ("<h2>", "</h2>"),
            ParagraphRole::Dateline => ("<p class=\"dateline\">", "</p>"),
            _ => ("<p>", "</p>"),
        };
        out.push_str(open);
        for seg in segments(doc, p.span.range()) {
            match seg {
                Segment::Text(r) => escape_into(&doc.text[r], false, &mut out),
                Segment::Figure(i) => {
                    let f = &doc.figures[i];
                    let cat = f.category.name();
                    out.push_str("<a class=\"fig-link\" href=\"");
                    escape_into(links.figure(f.category), true, &mut out);
                    out.push_str(&format!(
                        "\" id=\"fig-{i}\" data-category=\"{cat}\"><data value=\"{}\" \
                         class=\"fig cat-{cat}{}\" data-kind=\"{}\" data-category=\"{cat}\"",
                        value_attr(f.value),
                        if target == Some(i) { " fig-target" } else { "" },
                        kind_name(f.kind)
                    ));
                    out.push_str(" data-unit=\"");
                    escape_into(&f.unit, true, &mut out);
                    out.push('"');
                    if let Some(q) = f.qualifier {
                        out.push_str(" data-qualifier=\"");
                        out.push_str(qualifier_name(q));
                        out.push('"');
                    }
                    out.push_str(" title=\"");
                    let title = format!("{} · {} · {hint}", figure_text(f), label(f.category));
                    escape_into(&title, true, &mut out);
                    out.push_str("\">");
                    escape_into(&doc.text[f.span.range()], false, &mut out);
                    out.push_str("</data></a>");
                }
                Segment::Entity(i) => {
                    let e = &doc.entities[i];
                    out.push_str(&format!(
                        "<a class=\"entity entity-{}\" data-facet=\"{}\" href=\"",
                        entity_name(e.kind),
                        FacetKind::of_entity(e.kind).param()
                    ));
                    escape_into(links.name(e.kind, &e.canonical), true, &mut out);
                    out.push_str("\" data-canonical=\"");
                    escape_into(&e.canonical, true, &mut out);
                    out.push_str("\" title=\"");
                    escape_into(&e.canonical, true, &mut out);
                    if let Some(role) = &e.role {
                        out.push_str(" — ");
                        escape_into(role, true, &mut out);
                    }
                    out.push_str("\">");
                    escape_into(&doc.text[e.span.range()], false, &mut out);
                    out.push_str("</a>");
                }
            }
        }
        out.push_str(close);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Vec<Document> {
        crate::corpus::seed_corpus().docs.to_vec()
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

    #[test]
    fn the_readers_links_lead_where_their_clicks_go() {
        let docs = seeds();
        let devoxx = docs.iter().find(|d| d.id.starts_with("003")).unwrap();
        let query = format!("?q=budget&doc={}&view=doc&lang=en", devoxx.id);
        let (view, _) = crate::url::parse(&query);
        let links = ReaderLinks::new(&view, devoxx);
        assert_eq!(links.back, "./?q=budget&lang=en");
        assert!(!devoxx.entities.is_empty());
        for e in &devoxx.entities {
            let action = Action::FilterByName(FacetKind::of_entity(e.kind), e.canonical.clone());
            assert_eq!(links.name(e.kind, &e.canonical), href_after(&view, action));
        }
        assert_eq!(
            links.figure(Category::Budget),
            "./?q=budget&cat=budget&view=chart&lang=en"
        );
        assert_eq!(
            links.docs.href(&devoxx.id, Some(2)),
            format!("./?q=budget&doc={}&fig=2&view=doc&lang=en", devoxx.id)
        );
        assert_eq!(links.name(EntityKind::Org, "Nobody"), "");
    }

    #[test]
    fn the_text_markup_has_every_figure_and_name_as_a_link_and_escapes_the_text() {
        let docs = seeds();
        let devoxx = docs.iter().find(|d| d.id.starts_with("003")).unwrap();
        let (view, _) = crate::url::parse(&format!("?doc={}&view=doc", devoxx.id));
        let links = ReaderLinks::new(&view, devoxx);
        let label = |c: Category| format!("<{}>", c.name());
        let html = text_html(devoxx, &links, Some(1), &label, "voir");
        let count = |needle: &str| html.matches(needle).count();
        let shown: Vec<&Figure> = devoxx
            .figures
            .iter()
            .enumerate()
            .filter(|(i, _)| html.contains(&format!(" id=\"fig-{i}\" ")))
            .map(|(_, f)| f)
            .collect();
        assert!(!shown.is_empty());
        assert_eq!(count("<a class=\"fig-link\""), shown.len());
        assert_eq!(count("fig-target"), 1);
        assert!(
            html.contains("<data value=\"13300000\" class=\"fig cat-budget"),
            "{html}"
        );
        assert!(html.contains(" data-kind=\"money\" data-category=\"budget\" data-unit=\"MAD\""));
        // The label and the hint in the title, escaped.
        assert!(html.contains(" · &lt;budget&gt; · voir\""), "{html}");
        assert!(html.contains(&format!(
            "href=\"{}\"",
            raqmi_model::markup::escape_attr(links.figure(Category::Budget))
        )));
        let e = &devoxx.entities[0];
        assert!(html.contains(&format!(
            "<a class=\"entity entity-{}\" data-facet=\"{}\" href=\"{}\" data-canonical=\"",
            entity_name(e.kind),
            FacetKind::of_entity(e.kind).param(),
            raqmi_model::markup::escape_attr(links.name(e.kind, &e.canonical))
        )));
        // Text only between the tags: no raw `<` or `&` from the article's own text.
        let mut doc = devoxx.clone();
        doc.text = doc.text.replacen('a', "<", 1);
        let html = text_html(&doc, &links, None, &label, "voir");
        assert!(html.contains("&lt;"));
        assert_eq!(count("<p"), html.matches("</p>").count());
    }
}
