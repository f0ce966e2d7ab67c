//! The figures view's markup as escaped HTML: the table (headers whose buttons carry
//! `data-sort`, rows whose article links carry `data-doc` and `data-fig`) and a figure's series
//! and disagreement badges; and the chart's data table ([`chart_table`]). Written here as text, not as yew elements: the same markup built
//! by yew's `html!` cost the app's wasm about 21 KB (6 KB gzip, docs/performance.md), and as
//! text it is tested natively. The app inserts it and handles its clicks with one listener on
//! the container (delegation), as it does for the charts' SVG. Every text and attribute value
//! goes through `raqmi_model::markup`'s escaping.
//!
//! Badges are disclosures (`<details>`): keyboard-operable and announced as such without a line
//! of script. "série (n ans)" opens the series drawn over the years (a dot and line chart, then
//! each point's value and article); "sources en désaccord" opens this figure's sentence and the
//! other article's, side by side.

use crate::figures::{series_dots, Across, Column, FigureRow, Quote, Sorting};
use crate::i18n::Strings;
use crate::reading::value_attr;
use crate::url::DocLinks;
use raqmi_charts::TableRow;
use raqmi_model::markup::escape_into;

/// An HTML writer: raw markup, escaped text, escaped attribute values.
struct Html(String);

impl Html {
    fn raw(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }
    fn text(&mut self, s: &str) -> &mut Self {
        escape_into(s, false, &mut self.0);
        self
    }
    fn attr(&mut self, s: &str) -> &mut Self {
        escape_into(s, true, &mut self.0);
        self
    }
    /// A link to figure `figure` of article `doc_id`, `title` on hover.
    fn link(&mut self, links: &DocLinks, q: &Quote, title: bool) -> &mut Self {
        self.raw("<a href=\"")
            .attr(&links.href(&q.doc_id, Some(q.figure as u32)))
            .raw("\" data-doc=\"")
            .attr(&q.doc_id)
            .raw("\" data-fig=\"")
            .raw(&q.figure.to_string());
        if title {
            self.raw("\" title=\"").attr(&q.sentence);
        }
        self.raw("\">").text(&q.article).raw("</a>")
    }
}

impl Column {
    /// The column's name in `data-sort` ("value", "subject", …).
    pub fn param(self) -> &'static str {
        match self {
            Column::Value => "value",
            Column::Subject => "subject",
            Column::Actor => "actor",
            Column::Event => "event",
            Column::Period => "period",
            Column::Article => "article",
        }
    }

    pub fn from_param(s: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.param() == s)
    }

    /// The id of the column's sort button (focused again once the table is redrawn).
    pub fn button_id(self) -> String {
        format!("sort-{}", self.param())
    }
}

/// The table of `rows`, sorted as `sorting` says; `around` gives a row's badges (what the
/// corpus says around its figure), asked for the rows that have some.
pub fn table(
    rows: &[FigureRow],
    sorting: Sorting,
    t: &Strings,
    links: &DocLinks,
    around: &dyn Fn(&FigureRow) -> Option<Across>,
) -> String {
    let mut h = Html(String::with_capacity(rows.len() * 400 + 600));
    h.raw("<table class=\"figures-table\"><thead><tr>");
    for c in Column::ALL {
        h.raw("<th scope=\"col\"");
        if let Some(sort) = sorting.aria(c) {
            h.raw(" aria-sort=\"").raw(sort).raw("\"");
        }
        h.raw("><button type=\"button\" class=\"sort\" id=\"")
            .raw(&c.button_id())
            .raw("\" data-sort=\"")
            .raw(c.param())
            .raw("\">")
            .text(t.get(c.key()))
            .raw("</button></th>");
    }
    h.raw("</tr></thead><tbody>");
    for r in rows {
        h.raw("<tr data-doc=\"")
            .attr(&r.doc_id)
            .raw("\" data-fig=\"")
            .raw(&r.figure.to_string())
            .raw("\"><td class=\"num\"><data value=\"")
            .raw(&value_attr(r.value))
            .raw("\">")
            .text(&r.value_text)
            .raw("</data>");
        if r.series_years.is_some() || r.dispute.is_some() {
            if let Some(a) = around(r) {
                badges_into(&mut h, &a, t, links);
            }
        }
        h.raw("</td>");
        for cell in [&r.subject, &r.actor, &r.event, &r.period] {
            h.raw("<td>").text(cell).raw("</td>");
        }
        h.raw("<td>");
        let quote = Quote {
            doc_id: r.doc_id.clone(),
            figure: r.figure,
            value_text: String::new(),
            sentence: r.sentence.clone(),
            article: r.article.clone(),
        };
        h.link(links, &quote, true).raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    h.0
}

/// A figure's badges (see the module header), in one `<span class="badges">`.
pub fn badges(a: &Across, t: &Strings, links: &DocLinks) -> String {
    let mut h = Html(String::new());
    badges_into(&mut h, a, t, links);
    h.0
}

fn badges_into(h: &mut Html, a: &Across, t: &Strings, links: &DocLinks) {
    h.raw("<span class=\"badges\">");
    if !a.series.is_empty() {
        let mut years: Vec<u16> = a.series.iter().map(|p| p.year).collect();
        years.dedup();
        let help = t.get("figures.series.help");
        h.raw("<details class=\"across\"><summary class=\"badge badge-series\">")
            .text(&t.fill("figures.series", &[("n", &years.len().to_string())]))
            .raw("</summary><div class=\"across-body\"><p>")
            .text(help)
            .raw("</p><svg class=\"series-chart\" viewBox=\"0 0 240 80\" width=\"240\" height=\"80\" role=\"img\" aria-label=\"")
            .attr(help)
            .raw("\"><polyline points=\"");
        let dots = series_dots(&a.series, 240.0, 80.0);
        for (i, (x, y)) in dots.iter().enumerate() {
            if i > 0 {
                h.raw(" ");
            }
            h.raw(&format!("{x:.1},{y:.1}"));
        }
        h.raw("\"/>");
        for ((x, y), p) in dots.iter().zip(&a.series) {
            h.raw(&format!(
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\"><title>"
            ))
            .text(&format!("{} : {}", p.year, p.quote.value_text))
            .raw("</title></circle>");
        }
        h.raw("</svg><ol class=\"series-points\">");
        for p in &a.series {
            h.raw("<li><strong>")
                .text(&format!("{} : {}", p.year, p.quote.value_text))
                .raw("</strong> — ")
                .link(links, &p.quote, true)
                .raw("</li>");
        }
        h.raw("</ol></div></details>");
    }
    if let Some(other) = &a.dispute {
        h.raw("<details class=\"across\"><summary class=\"badge badge-dispute\">")
            .text(t.get("figures.dispute"))
            .raw("</summary><div class=\"across-body\"><p>")
            .text(t.get("figures.dispute.help"))
            .raw("</p><div class=\"across-pair\">");
        for q in [&a.here, other] {
            h.raw("<blockquote><strong>")
                .text(&q.value_text)
                .raw("</strong><p>")
                .text(&q.sentence)
                .raw("</p>")
                .link(links, q, false)
                .raw("</blockquote>");
        }
        h.raw("</div></div></details>");
    }
    h.raw("</span>");
}

/// The chart's data table, one row per mark drawn (`raqmi_charts::table_rows`),
/// captioned `caption`: label, value (`<data value>`), qualifier, category, article, date. An
/// article is a link carrying `data-doc` and `data-fig` (followed by the container's listener),
/// then `after(doc, figure)`, markup: its badges and marks.
pub fn chart_table(
    rows: &[TableRow],
    caption: &str,
    t: &Strings,
    links: &DocLinks,
    after: &dyn Fn(&str, usize) -> String,
) -> String {
    let mut h = Html(String::with_capacity(rows.len() * 300 + 600));
    h.raw("<table><caption>")
        .text(caption)
        .raw("</caption><thead><tr>");
    for key in [
        "chart.col.label",
        "chart.col.value",
        "chart.col.qualifier",
        "chart.col.category",
        "chart.col.article",
        "chart.col.date",
    ] {
        h.raw("<th scope=\"col\">").text(t.get(key)).raw("</th>");
    }
    h.raw("</tr></thead><tbody>");
    for r in rows {
        h.raw("<tr><th scope=\"row\">")
            .text(&r.label)
            .raw("</th><td class=\"num\"><data value=\"")
            .raw(&value_attr(r.value))
            .raw("\">")
            .text(&r.value_text)
            .raw("</data></td><td>")
            .text(&r.qualifier_text)
            .raw("</td><td>")
            .text(&r.category_text)
            .raw("</td><td>");
        match (&r.doc_id, r.figure) {
            (Some(doc), Some(fig)) => {
                h.raw("<a href=\"")
                    .attr(&links.href(doc, Some(fig as u32)))
                    .raw("\" data-doc=\"")
                    .attr(doc)
                    .raw("\" data-fig=\"")
                    .raw(&fig.to_string())
                    .raw("\">")
                    .text(&r.article)
                    .raw("</a>")
                    .raw(&after(doc, fig));
            }
            _ => {
                h.text(&r.article);
            }
        }
        h.raw("</td><td>").text(&r.date_text).raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::{rows, SeriesPoint};
    use crate::i18n::strings;
    use crate::url::{self, Lang, ViewState};

    fn quote(doc: &str, figure: usize, value: &str, sentence: &str) -> Quote {
        Quote {
            doc_id: doc.into(),
            figure,
            value_text: value.into(),
            sentence: sentence.into(),
            article: format!("Article <{doc}>"),
        }
    }

    #[test]
    fn the_table_has_a_sort_button_per_column_and_says_which_sorts() {
        let c = crate::corpus::seed_corpus();
        let (s, _) = url::parse("?cat=budget");
        let rows = rows(&c, &c.search(&s), &s);
        let links = DocLinks::new(&s);
        let t = strings(Lang::Fr);
        let none = table(&rows, Sorting::default(), t, &links, &|_| None);
        assert_eq!(
            none.matches("<button type=\"button\" class=\"sort\"")
                .count(),
            6
        );
        assert!(!none.contains("aria-sort"));
        assert!(none.contains("data-sort=\"value\">Valeur</button>"));
        let sorted = table(
            &rows,
            Sorting::default().press(Column::Period),
            t,
            &links,
            &|_| None,
        );
        assert_eq!(sorted.matches("aria-sort=").count(), 1);
        assert!(sorted.contains("<th scope=\"col\" aria-sort=\"ascending\"><button type=\"button\" class=\"sort\" id=\"sort-period\""));
        // One row per figure, its value, its link to the sentence.
        assert_eq!(none.matches("<tr data-doc=").count(), rows.len());
        assert!(none.contains("<data value=\"13300000\">13,3 M MAD</data>"));
        assert!(none.contains("data-doc=\"003_33d08dc07e69b5e4\" data-fig=\""));
        let href = links.href("003_33d08dc07e69b5e4", Some(rows[0].figure as u32));
        assert!(none.contains(&raqmi_model::markup::escape_attr(&href)));
        for c in Column::ALL {
            assert_eq!(Column::from_param(c.param()), Some(c));
        }
        assert_eq!(Column::from_param("nope"), None);
    }

    #[test]
    fn every_value_is_escaped() {
        let a = Across {
            here: quote("a", 1, "<b>1</b>", "x \"y\" & <script>"),
            series: vec![],
            dispute: Some(quote("b", 2, "2", "<img src=x onerror=alert(1)>")),
        };
        let html = badges(&a, strings(Lang::Fr), &DocLinks::new(&ViewState::default()));
        assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("Article &lt;b&gt;"));
    }

    #[test]
    fn a_dispute_opens_both_sentences_and_a_series_its_dots() {
        let t = strings(Lang::Fr);
        let links = DocLinks::new(&ViewState::default());
        let dispute = Across {
            here: quote("a", 1, "3 000", "Devoxx a réuni 3000 participants."),
            series: vec![],
            dispute: Some(quote("b", 4, "4 500", "Devoxx a attiré 4500 participants.")),
        };
        let html = badges(&dispute, t, &links);
        assert_eq!(html.matches("<details").count(), 1);
        assert!(
            html.contains("<summary class=\"badge badge-dispute\">sources en désaccord</summary>")
        );
        assert_eq!(html.matches("<blockquote>").count(), 2);
        let (a, b) = (
            html.find("3000 participants").unwrap(),
            html.find("4500").unwrap(),
        );
        assert!(a < b, "this figure's sentence first");
        assert!(html.contains("data-doc=\"b\" data-fig=\"4\""));
        let point = |year, value: f64| SeriesPoint {
            year,
            value,
            quote: quote("m", 0, &value.to_string(), "membres"),
        };
        let series = Across {
            here: quote("m", 0, "90", "membres"),
            series: vec![point(2022, 90.0), point(2023, 108.0), point(2024, 120.0)],
            dispute: None,
        };
        let html = badges(&series, t, &links);
        assert!(html.contains(">série (3 ans)</summary>"));
        assert_eq!(html.matches("<circle ").count(), 3);
        assert_eq!(html.matches("<li>").count(), 3);
        // The largest value at the top (y 8), the first year at the left (x 8).
        assert!(html.contains("<polyline points=\"8.0,"));
        assert!(html.contains("cx=\"232.0\" cy=\"8.0\""));
    }

    #[test]
    fn the_chart_table_has_a_row_per_mark_with_its_article_linked() {
        let c = crate::corpus::seed_corpus();
        let (s, _) = url::parse("?view=chart&cat=budget");
        let docs: Vec<&raqmi_model::document::Document> = c
            .search(&s)
            .hits
            .iter()
            .filter_map(|h| c.docs.get(h.doc as usize))
            .collect();
        let data =
            raqmi_charts::chart_data_with(&docs, s.chart, &raqmi_charts::DataOptions::default());
        let rows = raqmi_charts::table_rows(&data);
        assert!(!rows.is_empty());
        let links = DocLinks::new(&s);
        let html = chart_table(
            &rows,
            "Budgets <annoncés>",
            strings(Lang::Fr),
            &links,
            &|d, f| format!("<i>{d}:{f}</i>"),
        );
        assert!(
            html.starts_with(
                "<table><caption>Budgets &lt;annoncés&gt;</caption><thead><tr><th scope=\"col\">"
            ),
            "{html}"
        );
        assert_eq!(html.matches("<th scope=\"row\">").count(), rows.len());
        assert_eq!(html.matches("<th scope=\"col\">").count(), 6);
        for r in rows.iter().filter(|r| r.doc_id.is_some()) {
            let (doc, fig) = (r.doc_id.as_deref().unwrap(), r.figure.unwrap());
            assert!(
                html.contains(&format!("data-doc=\"{doc}\" data-fig=\"{fig}\">")),
                "{html}"
            );
            assert!(
                html.contains(&format!("</a><i>{doc}:{fig}</i></td>")),
                "{html}"
            );
        }
        assert_eq!(html.matches("<tr>").count(), rows.len() + 1);
    }
}
