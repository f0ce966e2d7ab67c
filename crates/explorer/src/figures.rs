//! The "Chiffres" view's pure half (`view=figures`): one row per figure of the filtered
//! articles (value with its qualifier, what, who, event, when, article), sortable by each
//! column, with the series and disagreement it belongs to (`raqmi_search::measures`), and the
//! CSV of exactly the rows shown.
//!
//! Rows follow the same filters as the list: the articles the query and facets keep, then,
//! within them, the figure categories and the value range of the URL (`cat`, `min`, `max`).
//!
//! Not yet wired into the app: a yew table over these rows, and the measure keys its badges
//! need (the snapshot leaves them out), would take the first load over its budget (about
//! 100 bytes to spare in December 2026). The CLI and native callers read complete documents.

use crate::corpus::Corpus;
use crate::reading::figure_text;
use crate::url::{category_name, ViewState};
use raqmi_model::document::Figure;
use raqmi_model::order;
use raqmi_search::measures::{FigureRef, Measures};
use raqmi_search::query::SearchResults;

/// The other side of a disagreement, shown next to the figure's own sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Dispute {
    pub doc_id: String,
    pub figure: usize,
    pub value_text: String,
    pub sentence: String,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    pub doc_id: String,
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
    pub dispute: Option<Dispute>,
}

/// A column the table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

fn sentence_of(corpus: &Corpus, r: FigureRef) -> (String, String) {
    let d = &corpus.docs[r.doc];
    let f = &d.figures[r.figure];
    let sentence = d
        .sentence_of(f.span)
        .and_then(|s| d.text.get(s.range()))
        .unwrap_or("")
        .trim()
        .to_string();
    (figure_text(f), sentence)
}

fn keeps(state: &ViewState, f: &Figure) -> bool {
    (state.cats.is_empty() || state.cats.contains(&f.category))
        && state.min.is_none_or(|m| f.high.unwrap_or(f.value) >= m)
        && state.max.is_none_or(|m| f.value <= m)
}

/// The rows of the articles `results` found, in result order.
pub fn rows(
    corpus: &Corpus,
    measures: &Measures,
    results: &SearchResults,
    state: &ViewState,
) -> Vec<FigureRow> {
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
            let (value_text, sentence) = sentence_of(corpus, here);
            let dispute = measures.disagreement_of(here).map(|c| {
                let other = if c.low == here { c.high } else { c.low };
                let (value_text, sentence) = sentence_of(corpus, other);
                Dispute {
                    doc_id: corpus.docs[other.doc].id.clone(),
                    figure: other.figure,
                    value_text,
                    sentence,
                }
            });
            let m = &f.meaning;
            out.push(FigureRow {
                doc_id: d.id.clone(),
                figure: fi,
                value: f.value,
                value_text,
                subject: m.subject.clone(),
                actor: m.actor.clone().unwrap_or_default(),
                event: m.event.clone().unwrap_or_default(),
                period: m.period.map(|p| p.iso()).unwrap_or_default(),
                article: d.title(80),
                category: category_name(f.category),
                sentence,
                series_years: measures.series_of(here).map(|s| s.points.len()),
                dispute,
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
/// spreadsheet never runs a sentence as a formula).
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
            csv_field(&mut out, value, *text);
        }
        out.push_str("\r\n");
    }
    out
}

fn csv_field(out: &mut String, value: &str, text: bool) {
    let guarded = text && value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = guarded || value.contains([',', '"', '\n', '\r', ';']);
    if quoted {
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
    if quoted {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seed_corpus;
    use crate::url;

    fn table(query: &str) -> Vec<FigureRow> {
        let c = seed_corpus();
        let m = Measures::of(&c.docs);
        let (s, _) = url::parse(query);
        rows(&c, &m, &c.search(&s), &s)
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
        let dir = raqmi_testkit::fixture_path("measures-corpus");
        let docs = raqmi_extract::load::load_dir(&dir).unwrap();
        let snapshot = raqmi_search::snapshot::Snapshot::new(docs);
        let c = Corpus::new(snapshot);
        let m = Measures::of(&c.docs);
        let (s, _) = url::parse("?cat=participants");
        let rows = rows(&c, &m, &c.search(&s), &s);
        let disputed: Vec<&FigureRow> = rows.iter().filter(|r| r.dispute.is_some()).collect();
        assert_eq!(disputed.len(), 2);
        for r in disputed {
            let d = r.dispute.as_ref().unwrap();
            assert_ne!(d.doc_id, r.doc_id);
            assert!(d.sentence.contains("participants"));
        }
        let (s, _) = url::parse("?cat=members");
        let members = super::rows(&c, &m, &c.search(&s), &s);
        assert!(members.iter().all(|r| r.series_years == Some(3)));
        assert!(members.iter().all(|r| r.dispute.is_none()));
    }
}
