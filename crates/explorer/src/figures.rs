//! The "Chiffres" view's pure half (`view=figures`): one row per figure of the filtered
//! articles (value with its qualifier, what, who, event, when, article), sortable by each
//! column ([`Sorting`]), with the series and disagreement it belongs to
//! (`raqmi_search::measures`, computed once per corpus: [`Corpus::measures`]), and the CSV of
//! exactly the rows shown. [`across`] gives what the corpus says around any one figure (its
//! series' points, the sentence that disagrees with it), for the table's badges, the reader's
//! figure list and the chart's data table alike.
//!
//! Rows follow the same filters as the list: the articles the query and facets keep, then,
//! within them, the figure categories and the value range of the URL (`cat`, `min`, `max`).

use crate::corpus::Corpus;
use crate::reading::figure_text;
use crate::url::{category_name, ViewState};
use raqmi_model::document::Figure;
use raqmi_model::order;
use raqmi_search::measures::FigureRef;
use raqmi_search::query::SearchResults;

/// Rows shown at first, and added by each "show more".
pub const PAGE: usize = 50;

/// One figure quoted: its value, its sentence and its article.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub doc_id: String,
    pub figure: usize,
    pub value_text: String,
    pub sentence: String,
    /// The article's headline (or first words).
    pub article: String,
}

/// One figure of a series, in its year.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesPoint {
    pub year: u16,
    pub value: f64,
    pub quote: Quote,
}

/// What the corpus says around one figure: the series it belongs to (every figure of it,
/// oldest year first) and the figure of another article that disagrees with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Across {
    pub here: Quote,
    pub series: Vec<SeriesPoint>,
    pub dispute: Option<Quote>,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    pub doc_id: String,
    /// The article's position in the corpus.
    pub doc: usize,
    pub figure: usize,
    pub value: f64,
    /// "plus de 1 100 acteurs", "13,3 M MAD".
    pub value_text: String,
    pub subject: String,
    pub actor: String,
    pub event: String,
    /// "2024" or "2024-10"; "" when unknown.
    pub period: String,
    pub article: String,
    /// The category's URL name ("budget").
    pub category: &'static str,
    pub sentence: String,
    /// How many years the figure's series spans, when it belongs to one.
    pub series_years: Option<usize>,
    /// The figure of another article that disagrees with this one.
    pub dispute: Option<Quote>,
}

/// A column the table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Value,
    Subject,
    Actor,
    Event,
    Period,
    Article,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Value,
        Column::Subject,
        Column::Actor,
        Column::Event,
        Column::Period,
        Column::Article,
    ];
    /// The key of the column's header in the strings (`figures.col.value`, …).
    pub fn key(self) -> &'static str {
        match self {
            Column::Value => "figures.col.value",
            Column::Subject => "figures.col.subject",
            Column::Actor => "figures.col.actor",
            Column::Event => "figures.col.event",
            Column::Period => "figures.col.period",
            Column::Article => "figures.col.article",
        }
    }
}

/// How the table is sorted: by nothing (the results' order) until a header is pressed; the
/// same header again reverses the order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sorting {
    pub column: Option<Column>,
    pub descending: bool,
}

impl Sorting {
    /// The sorting after pressing `column`'s header: ascending first, then reversed.
    pub fn press(self, column: Column) -> Sorting {
        Sorting {
            column: Some(column),
            descending: self.column == Some(column) && !self.descending,
        }
    }

    /// The header's `aria-sort`: only on the column sorted by.
    pub fn aria(self, column: Column) -> Option<&'static str> {
        (self.column == Some(column)).then_some(if self.descending {
            "descending"
        } else {
            "ascending"
        })
    }

    pub fn apply(self, rows: &mut [FigureRow]) {
        if let Some(c) = self.column {
            sort(rows, c, self.descending);
        }
    }
}

fn quote(corpus: &Corpus, r: FigureRef) -> Quote {
    let d = &corpus.docs[r.doc];
    let f = &d.figures[r.figure];
    let sentence = d
        .sentence_of(f.span)
        .and_then(|s| d.text.get(s.range()))
        .unwrap_or("")
        .trim()
        .to_string();
    Quote {
        doc_id: d.id.clone(),
        figure: r.figure,
        value_text: figure_text(f),
        sentence,
        article: d.title(80),
    }
}

/// The figure of another article that disagrees with `here`.
fn dispute_of(corpus: &Corpus, here: FigureRef) -> Option<Quote> {
    let c = corpus.measures().disagreement_of(here)?;
    let other = if c.low == here { c.high } else { c.low };
    Some(quote(corpus, other))
}

/// What the corpus says around figure `r` (see [`Across`]); `None` when it belongs to no
/// series and no disagreement.
pub fn across(corpus: &Corpus, r: FigureRef) -> Option<Across> {
    let measures = corpus.measures();
    let series: Vec<SeriesPoint> = measures
        .series_of(r)
        .map(|s| {
            s.points
                .iter()
                .flat_map(|(year, refs)| refs.iter().map(move |&f| (*year, f)))
                .map(|(year, f)| SeriesPoint {
                    year,
                    value: corpus.docs[f.doc].figures[f.figure].value,
                    quote: quote(corpus, f),
                })
                .collect()
        })
        .unwrap_or_default();
    let dispute = dispute_of(corpus, r);
    (!series.is_empty() || dispute.is_some()).then(|| Across {
        here: quote(corpus, r),
        series,
        dispute,
    })
}

/// Where a series' points go in a `width` × `height` dot chart (a margin of 8 inside): x by
/// year, evenly spaced from the first to the last, y by value from 0 (bottom) to the largest.
pub fn series_dots(points: &[SeriesPoint], width: f64, height: f64) -> Vec<(f64, f64)> {
    const M: f64 = 8.0;
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Vec::new();
    };
    let years = f64::from(last.year.saturating_sub(first.year).max(1));
    let top = points.iter().map(|p| p.value).fold(0.0, f64::max);
    points
        .iter()
        .map(|p| {
            let x = M + f64::from(p.year - first.year) / years * (width - 2.0 * M);
            let y = if top > 0.0 {
                height - M - p.value.max(0.0) / top * (height - 2.0 * M)
            } else {
                height - M
            };
            (x, y)
        })
        .collect()
}

fn keeps(state: &ViewState, f: &Figure) -> bool {
    (state.cats.is_empty() || state.cats.contains(&f.category))
        && state.min.is_none_or(|m| f.high.unwrap_or(f.value) >= m)
        && state.max.is_none_or(|m| f.value <= m)
}

/// The rows of the articles `results` found, in result order.
pub fn rows(corpus: &Corpus, results: &SearchResults, state: &ViewState) -> Vec<FigureRow> {
    let measures = corpus.measures();
    let mut out = Vec::new();
    for hit in &results.hits {
        let di = hit.doc as usize;
        let Some(d) = corpus.docs.get(di) else {
            continue;
        };
        for (fi, f) in d.figures.iter().enumerate() {
            if !keeps(state, f) {
                continue;
            }
            let here = FigureRef {
                doc: di,
                figure: fi,
            };
            let Quote {
                value_text,
                sentence,
                article,
                ..
            } = quote(corpus, here);
            let m = &f.meaning;
            out.push(FigureRow {
                doc_id: d.id.clone(),
                doc: di,
                figure: fi,
                value: f.value,
                value_text,
                subject: m.subject.clone(),
                actor: m.actor.clone().unwrap_or_default(),
                event: m.event.clone().unwrap_or_default(),
                period: m.period.map(|p| p.iso()).unwrap_or_default(),
                article,
                category: category_name(f.category),
                sentence,
                series_years: measures.series_of(here).map(|s| s.points.len()),
                dispute: dispute_of(corpus, here),
            });
        }
    }
    out
}

/// Sorts the rows by `column` (stable: equal rows keep their result order); text compares
/// folded, so case and accents do not scatter names.
pub fn sort(rows: &mut [FigureRow], column: Column, descending: bool) {
    let text = |r: &FigureRow| -> String {
        raqmi_model::text::fold(match column {
            Column::Subject => &r.subject,
            Column::Actor => &r.actor,
            Column::Event => &r.event,
            Column::Period => &r.period,
            Column::Article => &r.article,
            Column::Value => "",
        })
    };
    order::sort_by(rows, |a, b| {
        let o = match column {
            Column::Value => a.value.total_cmp(&b.value),
            _ => text(a).cmp(&text(b)),
        };
        if descending {
            o.reverse()
        } else {
            o
        }
    });
}

/// The rows as CSV (RFC 4180: CRLF, fields quoted when needed, a leading `=+-@` guarded so a
/// spreadsheet never runs a sentence as a formula: the charts' own field writer).
pub fn to_csv(rows: &[FigureRow]) -> String {
    let mut out = String::from(
        "doc_id,figure,value,value_text,subject,actor,event,period,category,article,sentence,series_years,disagrees_with\r\n",
    );
    for r in rows {
        let fields: [(String, bool); 13] = [
            (r.doc_id.clone(), true),
            (r.figure.to_string(), false),
            (crate::reading::value_attr(r.value), false),
            (r.value_text.clone(), true),
            (r.subject.clone(), true),
            (r.actor.clone(), true),
            (r.event.clone(), true),
            (r.period.clone(), false),
            (r.category.to_string(), true),
            (r.article.clone(), true),
            (r.sentence.clone(), true),
            (
                r.series_years.map(|n| n.to_string()).unwrap_or_default(),
                false,
            ),
            (
                r.dispute
                    .as_ref()
                    .map(|d| format!("{}#{}", d.doc_id, d.figure))
                    .unwrap_or_default(),
                true,
            ),
        ];
        for (i, (value, text)) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            raqmi_charts::export::csv_field(&mut out, value, *text);
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seed_corpus;
    use crate::url;

    fn table(query: &str) -> Vec<FigureRow> {
        let c = seed_corpus();
        let (s, _) = url::parse(query);
        rows(&c, &c.search(&s), &s)
    }

    /// The fixture corpus of `raqmi_search::measures` (a series, a disagreement, a near
    /// miss), through the snapshot's wire format as the app holds it.
    fn measures_corpus() -> Corpus {
        let dir = raqmi_testkit::fixture_path("measures-corpus");
        let docs = raqmi_extract::load::load_dir(&dir).unwrap();
        let snapshot = raqmi_search::snapshot::Snapshot::new(docs);
        let bytes = snapshot.encode();
        Corpus::new(raqmi_search::snapshot::Snapshot::decode(&bytes).unwrap())
    }

    #[test]
    fn rows_follow_the_filters_and_say_what_each_figure_means() {
        let budget = table("?cat=budget&view=figures");
        assert_eq!(budget.len(), 2);
        assert!(budget
            .iter()
            .all(|r| r.category == "budget" && r.event == "Devoxx"));
        assert_ne!(budget[0].subject, budget[1].subject);
        assert!(budget[0].sentence.contains("millions de dhs"));
        let all = table("");
        assert!(all.len() > budget.len());
        let ausim = table("?org=AUSIM&cat=members");
        assert_eq!(ausim.len(), 1);
        assert_eq!(
            (ausim[0].actor.as_str(), ausim[0].period.as_str()),
            ("AUSIM", "2023")
        );
        assert!(table("?cat=budget&min=5000000").len() == 1);
    }

    #[test]
    fn each_column_sorts_both_ways() {
        let mut rows = table("");
        sort(&mut rows, Column::Value, true);
        assert!(rows.windows(2).all(|w| w[0].value >= w[1].value));
        sort(&mut rows, Column::Period, false);
        assert!(rows.windows(2).all(|w| w[0].period <= w[1].period));
        for c in Column::ALL {
            sort(&mut rows, c, false);
            let first = rows[0].clone();
            sort(&mut rows, c, true);
            assert!(rows.contains(&first));
            assert!(c.key().starts_with("figures.col."));
        }
    }

    #[test]
    fn a_header_sorts_ascending_then_descending_and_says_so() {
        let none = Sorting::default();
        assert!(Column::ALL.iter().all(|c| none.aria(*c).is_none()));
        let up = none.press(Column::Value);
        assert_eq!(up.aria(Column::Value), Some("ascending"));
        assert_eq!(up.aria(Column::Subject), None);
        let down = up.press(Column::Value);
        assert_eq!(down.aria(Column::Value), Some("descending"));
        assert_eq!(down.press(Column::Value), up);
        // Another column starts ascending.
        assert_eq!(
            down.press(Column::Actor).aria(Column::Actor),
            Some("ascending")
        );
        let mut rows = table("?cat=budget");
        down.apply(&mut rows);
        assert!(rows[0].value > rows[1].value);
        up.apply(&mut rows);
        assert!(rows[0].value < rows[1].value);
        // Unsorted: the results' order, untouched.
        let before = rows.clone();
        none.apply(&mut rows);
        assert_eq!(rows, before);
    }

    #[test]
    fn the_csv_holds_exactly_the_rows_shown() {
        let mut rows = table("?cat=budget");
        sort(&mut rows, Column::Value, false);
        let csv = to_csv(&rows);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 1 + rows.len());
        assert!(lines[1].starts_with("003_33d08dc07e69b5e4,"));
        assert!(lines[1].contains(",3900000,"), "{}", lines[1]);
        assert!(lines[2].contains(",13300000,"));
        assert!(lines[2].contains("centre de formation"));
    }

    #[test]
    fn a_disputed_figure_carries_the_other_sentence() {
        let c = measures_corpus();
        let (s, _) = url::parse("?cat=participants");
        let rows = rows(&c, &c.search(&s), &s);
        let disputed: Vec<&FigureRow> = rows.iter().filter(|r| r.dispute.is_some()).collect();
        assert_eq!(disputed.len(), 2);
        for r in disputed {
            let d = r.dispute.as_ref().unwrap();
            assert_ne!(d.doc_id, r.doc_id);
            assert!(d.sentence.contains("participants"));
            // Both sentences, side by side.
            let a = across(
                &c,
                FigureRef {
                    doc: r.doc,
                    figure: r.figure,
                },
            )
            .unwrap();
            assert_eq!(a.here.sentence, r.sentence);
            assert_eq!(a.dispute.as_ref(), Some(d));
        }
        let (s, _) = url::parse("?cat=members");
        let members = super::rows(&c, &c.search(&s), &s);
        assert!(members.iter().all(|r| r.series_years == Some(3)));
        assert!(members.iter().all(|r| r.dispute.is_none()));
    }

    #[test]
    fn a_series_gives_its_points_oldest_first_and_their_dots() {
        let c = measures_corpus();
        let (s, _) = url::parse("?cat=members");
        let members = rows(&c, &c.search(&s), &s);
        let r = &members[0];
        let a = across(
            &c,
            FigureRef {
                doc: r.doc,
                figure: r.figure,
            },
        )
        .unwrap();
        assert!(a.dispute.is_none());
        // 2022, 2023 (reported twice: "108" and "plus de 100") and 2024.
        let mut years: Vec<u16> = a.series.iter().map(|p| p.year).collect();
        assert_eq!(years.len(), 4);
        assert!(years.windows(2).all(|w| w[0] <= w[1]));
        years.dedup();
        assert_eq!(years.len(), r.series_years.unwrap());
        assert!(a.series.iter().any(|p| p.quote.doc_id == r.doc_id));
        let dots = series_dots(&a.series, 200.0, 80.0);
        assert_eq!(dots.len(), 4);
        assert_eq!(dots[0].0, 8.0);
        assert_eq!(dots[3].0, 192.0);
        // The largest value is at the top, every dot inside the box.
        let top = a.series.iter().map(|p| p.value).fold(0.0, f64::max);
        for (p, (x, y)) in a.series.iter().zip(&dots) {
            assert!((8.0..=192.0).contains(x) && (8.0..=72.0).contains(y));
            assert_eq!(p.value == top, *y == 8.0);
        }
        // A figure in neither has nothing around it.
        let seeds = seed_corpus();
        let (s, _) = url::parse("?cat=budget");
        let budget = rows(&seeds, &seeds.search(&s), &s);
        assert!(budget.iter().all(|r| across(
            &seeds,
            FigureRef {
                doc: r.doc,
                figure: r.figure
            }
        )
        .is_none()));
    }
}
