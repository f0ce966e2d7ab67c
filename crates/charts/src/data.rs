//! What a chart shows ([`ChartData`]): the figures of the filtered documents that a chart kind
//! is about, as points, and the bars drawn from them (ranked and aggregated, see `aggregate`, or
//! binned in time, see `timeline`), or the reason there is nothing to draw.

use crate::aggregate::{people_bars, ranked_bars};
use crate::numfmt::{self, NumberKind};
use crate::options::{ChartKind, DataOptions};
use crate::point::{make_point, ChartPoint, EUR_TO_MAD, USD_TO_MAD};
use crate::timeline::timeline;
use raqmi_model::document::{Category, Document, FigureKind, Qualifier};
use std::borrow::Borrow;

/// Why a chart has nothing to draw; the UI shows [`EmptyReason::message`] instead of a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmptyReason {
    NoArticles,
    NoMoney,
    NoPeople,
    NoShares,
    NoDates,
    /// Log scale asked, and no value is > 0.
    NoPositiveValues,
}

impl EmptyReason {
    pub fn message(self) -> &'static str {
        match self {
            EmptyReason::NoArticles => "Aucun article ne correspond aux filtres",
            EmptyReason::NoMoney => "Aucun montant dans les articles filtrés",
            EmptyReason::NoPeople => {
                "Aucun effectif (participants, membres, bénéficiaires, emplois) dans les articles filtrés"
            }
            EmptyReason::NoShares => "Aucun pourcentage dans les articles filtrés",
            EmptyReason::NoDates => "Aucun article daté parmi les articles filtrés",
            EmptyReason::NoPositiveValues => {
                "Aucune valeur positive : l'échelle logarithmique ne peut rien afficher"
            }
        }
    }
}

/// Time bins of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    Month,
    Year,
    /// Bins of several years, when the years alone would be too many bars.
    Years(u16),
}

/// The two series of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Series {
    Articles,
    Figures,
}

impl Series {
    pub fn name(self) -> &'static str {
        match self {
            Series::Articles => "articles",
            Series::Figures => "chiffres",
        }
    }
}

/// What a bar stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum BarKind {
    /// One figure: index into [`ChartData::points`].
    Figure { point: usize },
    /// The figures left out by aggregation, drawn as their range.
    Others { count: usize },
    /// A timeline bin: `key` is "2024-10", "2024" or "2020-2024".
    Period { key: String, series: Series },
}

/// One drawn bar, in drawing order (top to bottom, or left to right for the timeline).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The bar's own label, full (the drawing truncates it with "…").
    pub label: String,
    /// Bars of one group (one article in the people chart, one period in the timeline) share it.
    pub group: usize,
    pub group_label: String,
    pub value: f64,
    pub high: Option<f64>,
    pub qualifier: Option<Qualifier>,
    pub category: Option<Category>,
    pub kind: BarKind,
    /// The value as the labels say it ("plus de 1 100 participants", "autres (12) : 10 k à 2 M MAD").
    pub value_text: String,
}

/// What a chart shows, computed from the filtered documents.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub kind: ChartKind,
    /// Every figure the chart is about (all of them, before aggregation): the exports' rows.
    pub points: Vec<ChartPoint>,
    /// What is drawn, after aggregation.
    pub bars: Vec<Bar>,
    /// Set when there is nothing to draw.
    pub empty: Option<EmptyReason>,
    /// What the reader should know (conversions, figures left out), in French.
    pub notes: Vec<String>,
    /// For the timeline.
    pub granularity: Option<Granularity>,
    /// Number of documents given.
    pub articles: usize,
}

impl ChartData {
    pub fn number_kind(&self) -> NumberKind {
        self.kind.number_kind()
    }
}

/// French name of a category.
pub fn category_text(c: Category) -> &'static str {
    match c {
        Category::Budget => "budget",
        Category::Participants => "participants",
        Category::Members => "membres",
        Category::Beneficiaries => "bénéficiaires",
        Category::Jobs => "emplois",
        Category::Companies => "entreprises",
        Category::Share => "part",
        Category::Other => "autre",
    }
}

/// The categories of the people chart, in legend order.
pub const PEOPLE_CATEGORIES: [Category; 4] = [
    Category::Participants,
    Category::Members,
    Category::Beneficiaries,
    Category::Jobs,
];

/// Chart data with the default options (40 bars at most).
pub fn chart_data<D: Borrow<Document>>(docs: &[D], kind: ChartKind) -> ChartData {
    chart_data_with(docs, kind, &DataOptions::default())
}

/// Chart data: the figures of `docs` (already filtered by the UI) that `kind` shows.
/// `docs` may be documents or references to them (the UI passes the filtered ones).
pub fn chart_data_with<D: Borrow<Document>>(
    docs: &[D],
    kind: ChartKind,
    options: &DataOptions,
) -> ChartData {
    let max_bars = options.max_bars.max(1);
    let mut data = ChartData {
        kind,
        points: Vec::new(),
        bars: Vec::new(),
        empty: None,
        notes: Vec::new(),
        granularity: None,
        articles: docs.len(),
    };
    if docs.is_empty() {
        data.empty = Some(EmptyReason::NoArticles);
        return data;
    }
    let mut skipped = 0usize;
    let mut converted = 0usize;
    for (di, doc) in docs.iter().enumerate() {
        let doc = doc.borrow();
        for (fi, fig) in doc.figures.iter().enumerate() {
            if !options.keeps(fig) {
                continue;
            }
            let wanted = match kind {
                ChartKind::Budgets => fig.kind == FigureKind::Money,
                ChartKind::People => {
                    fig.kind == FigureKind::Count && PEOPLE_CATEGORIES.contains(&fig.category)
                }
                ChartKind::Shares => fig.kind == FigureKind::Percent,
                ChartKind::Timeline => true,
            };
            if !wanted {
                continue;
            }
            match make_point(doc, di, fi) {
                Some(p) => {
                    converted += usize::from(p.original.is_some());
                    data.points.push(p);
                }
                None => skipped += 1,
            }
        }
    }
    if converted > 0 {
        data.notes.push(format!(
            "{converted} montant(s) converti(s) en MAD aux taux fixes 1 EUR = {} MAD et 1 USD = {} MAD",
            numfmt::count(EUR_TO_MAD),
            numfmt::count(USD_TO_MAD)
        ));
    }
    if skipped > 0 {
        data.notes.push(format!(
            "{skipped} chiffre(s) illisible(s) ou hors limites non affiché(s)"
        ));
    }
    match kind {
        ChartKind::Budgets | ChartKind::Shares => {
            if data.points.is_empty() {
                data.empty = Some(if kind == ChartKind::Budgets {
                    EmptyReason::NoMoney
                } else {
                    EmptyReason::NoShares
                });
            } else {
                data.bars = ranked_bars(&data.points, kind.number_kind(), max_bars);
            }
        }
        ChartKind::People => {
            if data.points.is_empty() {
                data.empty = Some(EmptyReason::NoPeople);
            } else {
                data.bars = people_bars(&data.points, max_bars);
            }
        }
        ChartKind::Timeline => timeline(docs, &mut data, max_bars),
    }
    data
}
