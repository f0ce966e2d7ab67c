//! Charts of the figures the press reports: this module owns the **data layer** (which figures
//! a chart shows, how they are labelled, converted, sorted and aggregated, and the table rows
//! that mirror the bars). Drawing lives in [`draw`] (plotters, any backend), the SVG string with
//! its accessible overlay in [`svg`], and the CSV/JSON exports in [`export`]. Everything here is
//! pure Rust, compiled natively (tested) and for wasm32 (no web_sys, no yew).
//!
//! Choices, so the UI can explain them:
//! - Money is shown in MAD. EUR and USD amounts are converted at the fixed rates
//!   [`EUR_TO_MAD`] and [`USD_TO_MAD`] (rounded 2020–2024 averages, documented as such in the
//!   chart description and on each converted bar); the original amount stays in the point.
//! - Above [`DataOptions::max_bars`] bars, the largest values are kept and the rest become one
//!   "autres (k)" bar drawn as a range (smallest..largest), never as a misleading sum.
//! - Figures whose value is not finite, or beyond [`MAX_ABS_VALUE`], are left out and counted in
//!   [`ChartData::notes`].

pub mod draw;
pub mod export;
pub mod numfmt;
pub mod svg;

// Native only: the tests use native dev-dependencies (serde_json, plotters-backend).
#[cfg(test)]
mod tests;

use numfmt::NumberKind;
use raqmi_model::dates::date_fr;
use raqmi_model::document::{
    first_words, Category, Date, DateOrigin, Document, EntityKind, FigureKind, Qualifier,
};
use raqmi_model::order;
use std::borrow::Borrow;

pub use draw::{
    draw_budgets, draw_chart, draw_figure_card, draw_people, draw_shares, draw_timeline, Layout,
    MarkBox,
};
pub use export::{to_csv, to_json};
pub use svg::{render_figure_card_image, render_figure_card_svg, render_svg, ChartError, ChartSvg};

/// Fixed conversion rate used for EUR amounts (1 EUR = 10,8 MAD, a rounded 2020–2024 average).
pub const EUR_TO_MAD: f64 = 10.8;
/// Fixed conversion rate used for USD amounts (1 USD = 10,0 MAD, a rounded 2020–2024 average).
pub const USD_TO_MAD: f64 = 10.0;
/// Larger magnitudes are extraction errors, and would break axis arithmetic: left out.
pub const MAX_ABS_VALUE: f64 = 1e15;

/// Which chart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Money figures, one bar each, in MAD.
    #[default]
    Budgets,
    /// Participants, members, beneficiaries and jobs, grouped by article or event.
    People,
    /// Percentages on a 0–100 axis.
    Shares,
    /// Articles and figures per month or per year.
    Timeline,
}

impl ChartKind {
    pub const ALL: [ChartKind; 4] = [
        ChartKind::Budgets,
        ChartKind::People,
        ChartKind::Shares,
        ChartKind::Timeline,
    ];

    /// The chart's title, in French.
    pub fn title(self) -> &'static str {
        match self {
            ChartKind::Budgets => "Montants cités (MAD)",
            ChartKind::People => "Participants, membres, bénéficiaires et emplois",
            ChartKind::Shares => "Pourcentages cités",
            ChartKind::Timeline => "Articles et chiffres dans le temps",
        }
    }

    /// A short stable name ("budgets"), for ids and file names.
    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::Budgets => "budgets",
            ChartKind::People => "people",
            ChartKind::Shares => "shares",
            ChartKind::Timeline => "timeline",
        }
    }

    /// Its value of the URL's `chart` parameter.
    pub fn param(self) -> &'static str {
        match self {
            ChartKind::Budgets => "budget",
            ChartKind::People => "people",
            ChartKind::Shares => "shares",
            ChartKind::Timeline => "timeline",
        }
    }

    /// The kind whose [`ChartKind::param`] is `s`.
    pub fn from_param(s: &str) -> Option<ChartKind> {
        Self::ALL.into_iter().find(|k| k.param() == s)
    }

    fn number_kind(self) -> NumberKind {
        match self {
            ChartKind::Budgets => NumberKind::Money,
            ChartKind::Shares => NumberKind::Percent,
            ChartKind::People | ChartKind::Timeline => NumberKind::Count,
        }
    }
}

/// Value axis scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Scale {
    #[default]
    Linear,
    /// Base-10 logarithmic; values ≤ 0 cannot be placed and are left out (and said so).
    Log,
}

impl Scale {
    /// Its value of the URL's `scale` parameter.
    pub fn param(self) -> &'static str {
        match self {
            Scale::Linear => "linear",
            Scale::Log => "log",
        }
    }

    /// The scale whose [`Scale::param`] is `s`.
    pub fn from_param(s: &str) -> Option<Scale> {
        [Scale::Linear, Scale::Log]
            .into_iter()
            .find(|k| k.param() == s)
    }
}

/// Colours for a light or a dark page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// Its value of the URL's `theme` parameter (and of the page's `data-theme`).
    pub fn param(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme whose [`Theme::param`] is `s`.
    pub fn from_param(s: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark]
            .into_iter()
            .find(|k| k.param() == s)
    }
}

/// How to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    /// Width in pixels (the SVG also has a viewBox, so CSS can scale it).
    pub width: u32,
    /// Height in pixels; `None` sizes the chart to its bars.
    pub height: Option<u32>,
    pub scale: Scale,
    pub theme: Theme,
    /// Replaces the kind's default title.
    pub title: Option<String>,
    /// Prefix of the ids inside the SVG (`<title id="{id}-title">`); keep it unique in the page.
    /// Characters other than ASCII letters, digits, `-` and `_` are dropped.
    pub id: String,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            width: 720,
            height: None,
            scale: Scale::Linear,
            theme: Theme::Light,
            title: None,
            id: "raqmi-chart".to_string(),
        }
    }
}

/// How to select and aggregate.
#[derive(Clone, Debug, PartialEq)]
pub struct DataOptions {
    /// Most bars drawn before the rest is aggregated (minimum 1).
    pub max_bars: usize,
    /// Only figures of these categories (all when empty): the explorer's `cat` filter.
    pub categories: Vec<Category>,
    /// Only figures whose value (or range) reaches into these inclusive bounds, in the
    /// figure's own unit: the explorer's `min`/`max` filter.
    pub value_min: Option<f64>,
    pub value_max: Option<f64>,
}

impl Default for DataOptions {
    fn default() -> Self {
        DataOptions {
            max_bars: 40,
            categories: Vec::new(),
            value_min: None,
            value_max: None,
        }
    }
}

impl DataOptions {
    /// True when the explorer's filters keep this figure.
    fn keeps(&self, fig: &raqmi_model::document::Figure) -> bool {
        let high = fig.high.unwrap_or(fig.value).max(fig.value);
        let low = fig.high.unwrap_or(fig.value).min(fig.value);
        (self.categories.is_empty() || self.categories.contains(&fig.category))
            && self.value_min.is_none_or(|m| high >= m)
            && self.value_max.is_none_or(|m| low <= m)
    }
}

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

/// An amount as the article gave it, before conversion to MAD.
#[derive(Clone, Debug, PartialEq)]
pub struct Original {
    pub value: f64,
    pub high: Option<f64>,
    pub unit: String,
}

/// One figure of one document, ready to chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    /// Index of the document in the slice given to [`chart_data`].
    pub doc: usize,
    /// Index of the figure in `Document::figures`.
    pub figure: usize,
    pub doc_id: String,
    /// The event named in the figure's sentence, else the article's short title (untruncated
    /// here: the drawing truncates, the overlay keeps it whole).
    pub label: String,
    /// The article's title.
    pub article: String,
    /// In MAD for money (converted), 0–100 for percentages, as is for counts.
    pub value: f64,
    pub high: Option<f64>,
    pub qualifier: Option<Qualifier>,
    pub category: Category,
    pub figure_kind: FigureKind,
    /// "MAD" for money, "%" for percentages, the counted noun for counts.
    pub unit: String,
    /// Set when a money figure was converted to MAD.
    pub original: Option<Original>,
    pub date: Option<Date>,
    pub date_origin: DateOrigin,
    /// The sentence holding the figure (the figure's own text if no sentence covers it).
    pub sentence: String,
    pub source: Option<String>,
    pub url: Option<String>,
}

impl ChartPoint {
    pub fn number_kind(&self) -> NumberKind {
        match self.figure_kind {
            FigureKind::Money => NumberKind::Money,
            FigureKind::Percent => NumberKind::Percent,
            _ => NumberKind::Count,
        }
    }

    /// "plus de 1 100 participants", "≈ 13,3 M MAD", "10 à 15 %".
    pub fn value_text(&self) -> String {
        let kind = self.number_kind();
        let mut text = numfmt::value_or_range(kind, self.value, self.high);
        if kind == NumberKind::Count && !self.unit.trim().is_empty() {
            text.push(' ');
            text.push_str(self.unit.trim());
        }
        let mut text = numfmt::qualified(&text, self.qualifier);
        if let Some(o) = &self.original {
            text.push_str(&format!(
                " (converti de {} {})",
                numfmt::value_or_range(NumberKind::Count, o.value, o.high),
                o.unit
            ));
        }
        text
    }

    /// "12 avril 2021", "2022 (estimée)", "date inconnue".
    pub fn date_text(&self) -> String {
        match &self.date {
            Some(d) => date_fr(d, self.date_origin),
            None => "date inconnue".to_string(),
        }
    }

    /// The link back to the figure's sentence in the article.
    pub fn href(&self) -> String {
        figure_href(&self.doc_id, self.figure)
    }
}

/// `?doc=<id>&view=doc&fig=<n>`, the id percent-encoded (RFC 3986 unreserved characters kept).
pub fn figure_href(doc_id: &str, figure: usize) -> String {
    format!(
        "?doc={}&view=doc&fig={figure}",
        raqmi_model::markup::percent_encode(doc_id)
    )
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

/// A row of the table that mirrors the chart: same order, same values, same labels as the bars.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub label: String,
    pub group_label: String,
    pub value: f64,
    pub high: Option<f64>,
    pub value_text: String,
    /// "plus de", "environ", "moins de", "jusqu'à", "fourchette", or "".
    pub qualifier_text: String,
    pub category_text: String,
    pub article: String,
    pub date_text: String,
    pub doc_id: Option<String>,
    pub figure: Option<usize>,
    pub href: Option<String>,
    /// For the timeline: "articles" or "chiffres".
    pub series: Option<&'static str>,
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

/// The point for figure `fi` of `doc`, or `None` when its value cannot be charted.
fn make_point(doc: &Document, di: usize, fi: usize) -> Option<ChartPoint> {
    let fig = doc.figures.get(fi)?;
    let ok = |v: f64| v.is_finite() && v.abs() <= MAX_ABS_VALUE;
    if !ok(fig.value) || fig.high.is_some_and(|h| !ok(h)) {
        return None;
    }
    let (mut value, mut high, mut unit, mut original) =
        (fig.value, fig.high, fig.unit.trim().to_string(), None);
    // A range written backwards ("entre 15 et 10") is still the same range.
    if let Some(h) = high {
        if h < value {
            (value, high) = (h, Some(value));
        }
    }
    if fig.kind == FigureKind::Money {
        let rate = match unit.to_ascii_uppercase().as_str() {
            "MAD" | "DH" | "DHS" | "DIRHAMS" => 1.0,
            "EUR" | "€" => EUR_TO_MAD,
            "USD" | "$" => USD_TO_MAD,
            // An unknown currency cannot be compared with the others.
            _ => return None,
        };
        if rate != 1.0 {
            original = Some(Original {
                value,
                high,
                unit: unit.clone(),
            });
            value *= rate;
            high = high.map(|h| h * rate);
        }
        unit = "MAD".to_string();
    } else if fig.kind == FigureKind::Percent {
        unit = "%".to_string();
    }
    let sentence_span = doc.sentence_of(fig.span);
    let sentence = sentence_span
        .and_then(|s| doc.text.get(s.range()))
        .filter(|s| !s.trim().is_empty())
        .or_else(|| doc.text.get(fig.span.range()))
        .unwrap_or("")
        .trim()
        .to_string();
    let article = article_title(doc);
    // The event named in the same sentence says what the figure is about better than the title.
    let event = sentence_span.and_then(|s| {
        doc.entities
            .iter()
            .find(|e| e.kind == EntityKind::Event && s.contains(e.span))
            .map(|e| e.canonical.trim().to_string())
            .filter(|c| !c.is_empty())
    });
    Some(ChartPoint {
        doc: di,
        figure: fi,
        doc_id: doc.id.clone(),
        label: event.unwrap_or_else(|| first_words(&article, 60)),
        article,
        value,
        high,
        qualifier: fig.qualifier,
        category: fig.category,
        figure_kind: fig.kind,
        unit,
        original,
        date: doc.date,
        date_origin: doc.date_origin,
        sentence,
        source: doc.source.clone(),
        url: doc.url.clone(),
    })
}

fn article_title(doc: &Document) -> String {
    let t = doc.title(80);
    let t = t.trim();
    if t.is_empty() {
        doc.id.clone()
    } else {
        t.to_string()
    }
}

fn figure_bar(points: &[ChartPoint], i: usize, group: usize) -> Bar {
    let p = &points[i];
    Bar {
        label: p.label.clone(),
        group,
        group_label: p.label.clone(),
        value: p.value,
        high: p.high,
        qualifier: p.qualifier,
        category: Some(p.category),
        kind: BarKind::Figure { point: i },
        value_text: p.value_text(),
    }
}

/// The bar standing for the points `rest`: their range, labelled "autres (k)".
fn others_bar(
    points: &[ChartPoint],
    rest: &[usize],
    kind: NumberKind,
    category: Option<Category>,
    group: usize,
) -> Bar {
    let low = rest
        .iter()
        .map(|&i| points[i].value)
        .fold(f64::INFINITY, f64::min);
    let high = rest
        .iter()
        .map(|&i| points[i].high.unwrap_or(points[i].value))
        .fold(f64::NEG_INFINITY, f64::max);
    let label = match category {
        Some(c) if kind == NumberKind::Count => {
            format!("autres {} ({})", category_text(c), rest.len())
        }
        _ => format!("autres ({})", rest.len()),
    };
    let range = if high > low {
        numfmt::value_or_range(kind, low, Some(high))
    } else {
        numfmt::value(kind, low)
    };
    Bar {
        value_text: format!("{label} : {range}"),
        group_label: format!("autres ({})", rest.len()),
        label,
        group,
        value: low,
        high: (high > low).then_some(high),
        qualifier: None,
        category,
        kind: BarKind::Others { count: rest.len() },
    }
}

/// Largest first; ties keep the documents' order so the output is stable.
fn by_value_desc(points: &[ChartPoint]) -> Vec<usize> {
    // The crate's one shared sort (see `raqmi_model::order`), not a copy of `sort_by` per closure.
    order::sorted_indices(points.len(), &|a, b| {
        let (pa, pb) = (&points[a], &points[b]);
        pb.high
            .unwrap_or(pb.value)
            .total_cmp(&pa.high.unwrap_or(pa.value))
            .then(pa.doc.cmp(&pb.doc))
            .then(pa.figure.cmp(&pb.figure))
    })
}

fn ranked_bars(points: &[ChartPoint], kind: NumberKind, max_bars: usize) -> Vec<Bar> {
    let order = by_value_desc(points);
    let keep = order.len().min(max_bars);
    let mut bars: Vec<Bar> = order[..keep]
        .iter()
        .enumerate()
        .map(|(g, &i)| figure_bar(points, i, g))
        .collect();
    if order.len() > keep {
        bars.push(others_bar(points, &order[keep..], kind, None, keep));
    }
    bars
}

fn people_bars(points: &[ChartPoint], max_bars: usize) -> Vec<Bar> {
    let order = by_value_desc(points);
    let keep = order.len().min(max_bars);
    // Groups (documents) in order of their largest kept figure.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for &i in &order[..keep] {
        let doc = points[i].doc;
        match groups.iter_mut().find(|(d, _)| *d == doc) {
            Some((_, members)) => members.push(i),
            None => groups.push((doc, vec![i])),
        }
    }
    let cat_rank = |c: Category| PEOPLE_CATEGORIES.iter().position(|&x| x == c);
    let mut bars = Vec::new();
    for (g, (_, mut members)) in groups.into_iter().enumerate() {
        order::sort_by(&mut members, |&a, &b| {
            cat_rank(points[a].category)
                .cmp(&cat_rank(points[b].category))
                .then(points[b].value.total_cmp(&points[a].value))
        });
        let group_label = points[members[0]].label.clone();
        for i in members {
            let mut bar = figure_bar(points, i, g);
            bar.group_label.clone_from(&group_label);
            bar.label = category_text(points[i].category).to_string();
            bars.push(bar);
        }
    }
    if order.len() > keep {
        let group = bars.last().map_or(0, |b| b.group + 1);
        let rest = &order[keep..];
        for c in PEOPLE_CATEGORIES {
            let of_c: Vec<usize> = rest
                .iter()
                .copied()
                .filter(|&i| points[i].category == c)
                .collect();
            if !of_c.is_empty() {
                let mut bar = others_bar(points, &of_c, NumberKind::Count, Some(c), group);
                bar.group_label = format!("autres ({})", rest.len());
                bars.push(bar);
            }
        }
    }
    bars
}

const MONTHS_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// Month 1–12 of a date, if it has a valid one.
fn month_of(d: &Date) -> Option<u8> {
    d.month.filter(|m| (1..=12).contains(m))
}

/// One timeline bin before it becomes two bars.
struct Bin {
    key: String,
    short: String,
    long: String,
    articles: usize,
    figures: usize,
}

fn timeline<D: Borrow<Document>>(docs: &[D], data: &mut ChartData, max_bins: usize) {
    let dated: Vec<&Document> = docs
        .iter()
        .map(Borrow::borrow)
        .filter(|d: &&Document| d.date.is_some())
        .collect();
    let undated = docs.len() - dated.len();
    if undated > 0 {
        data.notes
            .push(format!("{undated} article(s) sans date non compté(s)"));
    }
    let dates: Vec<Date> = dated.iter().filter_map(|d| d.date).collect();
    let (Some(min_y), Some(max_y)) = (
        dates.iter().map(|d| d.year).min(),
        dates.iter().map(|d| d.year).max(),
    ) else {
        data.empty = Some(EmptyReason::NoDates);
        return;
    };
    let month_index = |d: &Date| month_of(d).map(|m| i32::from(d.year) * 12 + i32::from(m) - 1);
    let months: Vec<i32> = dates.iter().filter_map(month_index).collect();
    let year_only_years: Vec<u16> = {
        let mut y: Vec<u16> = dates
            .iter()
            .filter(|d| month_of(d).is_none())
            .map(|d| d.year)
            .collect();
        // Plain numbers: the shared stable sort gives what `sort_unstable` gave.
        order::sort_by(&mut y, u16::cmp);
        y.dedup();
        y
    };
    // Months spanned (year-only dates pull the span to their January), plus one bin per year
    // that has year-only dates; monthly bins only when that stays readable.
    let year_starts = year_only_years.iter().map(|&y| i32::from(y) * 12);
    let lo = months.iter().copied().chain(year_starts.clone()).min();
    let hi = months.iter().copied().chain(year_starts).max();
    let monthly = match (lo, hi) {
        (Some(lo), Some(hi)) if !months.is_empty() => {
            let n = (hi - lo + 1) as usize + year_only_years.len();
            (n <= max_bins && hi - lo < 36).then_some((lo, hi))
        }
        _ => None,
    };
    let mut bins: Vec<Bin> = Vec::new();
    // One slot per dated document, in `dated` order.
    let mut slot_of: Vec<Option<usize>> = Vec::new();
    if let Some((lo, hi)) = monthly {
        data.granularity = Some(Granularity::Month);
        // Bin of each month from `lo` on, and of each year-only year: plain lists, not hash
        // maps (a few dozen entries; each `HashMap` type is a hash table instance in the wasm).
        let mut index_of_month: Vec<usize> = Vec::new();
        let mut index_of_year: Vec<(u16, usize)> = Vec::new();
        for m in lo..=hi {
            let year = (m / 12) as u16;
            let mi = (m % 12) as usize;
            // A year's year-only bin comes before its months.
            if year_only_years.contains(&year) && !index_of_year.iter().any(|&(y, _)| y == year) {
                index_of_year.push((year, bins.len()));
                bins.push(Bin {
                    key: format!("{year:04}"),
                    short: format!("{year} (?)"),
                    long: format!("{year} (mois non précisé)"),
                    articles: 0,
                    figures: 0,
                });
            }
            index_of_month.push(bins.len());
            bins.push(Bin {
                key: format!("{year:04}-{:02}", mi + 1),
                short: format!("{} {year}", MONTHS_SHORT[mi]),
                long: format!("{} {year}", raqmi_model::dates::MONTHS_FR[mi]),
                articles: 0,
                figures: 0,
            });
        }
        for d in &dates {
            let slot = match month_index(d) {
                Some(m) => usize::try_from(m - lo)
                    .ok()
                    .and_then(|i| index_of_month.get(i))
                    .copied(),
                None => index_of_year
                    .iter()
                    .find(|&&(y, _)| y == d.year)
                    .map(|&(_, i)| i),
            };
            slot_of.push(slot);
        }
    } else {
        let span = usize::from(max_y - min_y) + 1;
        let width = span.div_ceil(max_bins).max(1) as u16;
        data.granularity = Some(if width == 1 {
            Granularity::Year
        } else {
            Granularity::Years(width)
        });
        let mut y = min_y;
        loop {
            let end = y.saturating_add(width - 1);
            let (key, label) = if width == 1 {
                (format!("{y:04}"), y.to_string())
            } else {
                (format!("{y:04}-{end:04}"), format!("{y}–{end}"))
            };
            bins.push(Bin {
                key,
                short: label.clone(),
                long: label,
                articles: 0,
                figures: 0,
            });
            if end >= max_y {
                break;
            }
            y = end + 1;
        }
        for d in &dates {
            slot_of.push(Some(usize::from((d.year - min_y) / width)));
        }
    }
    for (doc, slot) in dated.iter().zip(slot_of) {
        if let Some(bin) = slot.and_then(|s| bins.get_mut(s)) {
            bin.articles += 1;
            bin.figures += doc.figures.len();
        }
    }
    for (g, bin) in bins.into_iter().enumerate() {
        for (series, n) in [
            (Series::Articles, bin.articles),
            (Series::Figures, bin.figures),
        ] {
            data.bars.push(Bar {
                label: bin.short.clone(),
                group: g,
                group_label: bin.long.clone(),
                value: n as f64,
                high: None,
                qualifier: None,
                category: None,
                kind: BarKind::Period {
                    key: bin.key.clone(),
                    series,
                },
                value_text: format!("{} {}", numfmt::count(n as f64), series.name()),
            });
        }
    }
}

/// The table rows mirroring `data.bars`, in the same order.
pub fn table_rows(data: &ChartData) -> Vec<TableRow> {
    data.bars
        .iter()
        .map(|bar| {
            let point = match bar.kind {
                BarKind::Figure { point } => data.points.get(point),
                _ => None,
            };
            TableRow {
                label: bar.label.clone(),
                group_label: bar.group_label.clone(),
                value: bar.value,
                high: bar.high,
                value_text: bar.value_text.clone(),
                qualifier_text: match (bar.qualifier, bar.high) {
                    (Some(q), _) => numfmt::qualifier_words(q).to_string(),
                    (None, Some(_)) => "fourchette".to_string(),
                    _ => String::new(),
                },
                category_text: bar.category.map(category_text).unwrap_or("").to_string(),
                article: point.map(|p| p.article.clone()).unwrap_or_default(),
                date_text: point.map(ChartPoint::date_text).unwrap_or_default(),
                doc_id: point.map(|p| p.doc_id.clone()),
                figure: point.map(|p| p.figure),
                href: point.map(ChartPoint::href),
                series: match bar.kind {
                    BarKind::Period { series, .. } => Some(series.name()),
                    _ => None,
                },
            }
        })
        .collect()
}

/// The accessible description of one bar: "label : value (nuance), « article », date".
pub fn bar_description(data: &ChartData, bar: &Bar) -> String {
    let nuance = match (bar.qualifier, bar.high, &bar.kind) {
        (_, _, BarKind::Others { .. }) => " (plage des valeurs regroupées)",
        (Some(Qualifier::Over), ..) => " (valeur minimale, le chiffre réel est supérieur)",
        (Some(Qualifier::About), ..) => " (valeur approximative)",
        (Some(Qualifier::Under | Qualifier::UpTo), ..) => " (valeur maximale)",
        (None, Some(_), _) => " (fourchette)",
        _ => "",
    };
    match bar.kind {
        BarKind::Figure { point } => match data.points.get(point) {
            Some(p) => format!(
                "{} : {}{nuance}, « {} », {}",
                p.label,
                bar.value_text,
                p.article,
                p.date_text()
            ),
            None => bar.value_text.clone(),
        },
        BarKind::Others { .. } => format!("{}{nuance}", bar.value_text),
        BarKind::Period { .. } => format!("{} : {}", bar.group_label, bar.value_text),
    }
}

/// One figure, for the UI's figure card (and [`render_figure_card_svg`]).
#[derive(Clone, Debug, PartialEq)]
pub struct FigureCard {
    pub doc_id: String,
    pub figure: usize,
    pub label: String,
    pub value: f64,
    pub high: Option<f64>,
    pub qualifier: Option<Qualifier>,
    pub number_kind: NumberKind,
    /// "plus de 1 100 participants".
    pub value_text: String,
    /// "plus de", "environ", … or `None` for an exact figure.
    pub qualifier_text: Option<&'static str>,
    pub category_text: &'static str,
    pub sentence: String,
    pub article: String,
    pub date_text: String,
    pub source: Option<String>,
    pub href: String,
}

impl From<&ChartPoint> for FigureCard {
    fn from(p: &ChartPoint) -> Self {
        FigureCard {
            doc_id: p.doc_id.clone(),
            figure: p.figure,
            label: p.label.clone(),
            value: p.value,
            high: p.high,
            qualifier: p.qualifier,
            number_kind: p.number_kind(),
            value_text: p.value_text(),
            qualifier_text: p.qualifier.map(numfmt::qualifier_words),
            category_text: category_text(p.category),
            sentence: p.sentence.clone(),
            article: p.article.clone(),
            date_text: p.date_text(),
            source: p.source.clone(),
            href: p.href(),
        }
    }
}

/// The card of figure `figure` of `doc`; `None` if there is no such figure or it is unreadable.
pub fn figure_card(doc: &Document, figure: usize) -> Option<FigureCard> {
    make_point(doc, 0, figure).map(|p| FigureCard::from(&p))
}
