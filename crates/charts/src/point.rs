//! One figure of one document made ready to chart ([`ChartPoint`]): money converted to MAD at
//! fixed rates (the original amount kept), unreadable or out-of-range values left out, a
//! backwards range put right, and the label, sentence, date and link the reader is shown.

use crate::numfmt::{self, NumberKind};
use raqmi_model::dates::date_fr;
use raqmi_model::document::{
    first_words, Category, Date, DateOrigin, Document, EntityKind, Figure, FigureKind, Qualifier,
};

/// Fixed conversion rate used for EUR amounts (1 EUR = 10,8 MAD, a rounded 2020–2024 average).
pub const EUR_TO_MAD: f64 = 10.8;
/// Fixed conversion rate used for USD amounts (1 USD = 10,0 MAD, a rounded 2020–2024 average).
pub const USD_TO_MAD: f64 = 10.0;
/// Larger magnitudes are extraction errors, and would break axis arithmetic: left out.
pub const MAX_ABS_VALUE: f64 = 1e15;

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
    /// Index of the document in the slice given to [`chart_data`](crate::chart_data).
    pub doc: usize,
    /// Index of the figure in `Document::figures`.
    pub figure: usize,
    pub doc_id: String,
    /// What the figure measures and whose it is: its subject, then its event or actor where
    /// known ("centre de formation … — Devoxx"); for a figure whose meaning is unknown, the
    /// event named in its sentence, else the article's short title. Untruncated here: the
    /// drawing truncates, the overlay keeps it whole.
    pub label: String,
    /// The article the figure belongs to, as the people chart groups it: the event named in
    /// the figure's sentence, else the article's short title.
    pub article_label: String,
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

/// The point for figure `fi` of `doc`, or `None` when its value cannot be charted.
pub(crate) fn make_point(doc: &Document, di: usize, fi: usize) -> Option<ChartPoint> {
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
    let article_label = event.unwrap_or_else(|| first_words(&article, 60));
    Some(ChartPoint {
        doc: di,
        figure: fi,
        doc_id: doc.id.clone(),
        label: meaning_label(fig).unwrap_or_else(|| article_label.clone()),
        article_label,
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

/// "subject — event" (or "— actor"), when the figure's subject is known.
fn meaning_label(fig: &Figure) -> Option<String> {
    let m = &fig.meaning;
    let subject = m.subject.trim();
    if subject.is_empty() {
        return None;
    }
    let whose = m
        .event
        .as_deref()
        .or(m.actor.as_deref())
        .map(str::trim)
        .filter(|w| !w.is_empty() && !subject.contains(*w));
    Some(match whose {
        Some(w) => format!("{subject} — {w}"),
        None => subject.to_string(),
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
