//! The figure card: one figure on its own, with its value as worded, its qualifier, the
//! sentence it comes from and the link back to it (the reader's card and its small image).

use crate::data::category_text;
use crate::numfmt::{self, NumberKind};
use crate::point::{make_point, ChartPoint};
use raqmi_model::document::{Document, Qualifier};

/// One figure, for the UI's figure card (and
/// [`render_figure_card_svg`](crate::render_figure_card_svg)).
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
