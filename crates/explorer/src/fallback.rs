//! The static chart fallbacks: each chart view of the bundled corpus (no query, no filter,
//! linear scale), drawn at build time by `corpus fallbacks DIR OUT` into `dist/fallback/` as
//! `<chart>.svg` and `<chart>.png` (`scripts/post-build.mjs`). A partner's page shows them where
//! the live embed cannot run: the snippet's `<noscript>` (the SVG) and the AMP variant's
//! placeholder (the PNG), written by the "Intégrer" dialog (`www/embed-dialog.js`) with the
//! alternative text and size the app draws here.
//!
//! The app and the CLI draw a fallback through [`render`], from the same corpus, documents in
//! the same order as the chart view takes them, at [`WIDTH`], light theme: so the image, its
//! alternative text ([`alt`], the chart's title and its description from `raqmi_charts::alt`)
//! and the live chart agree on what is drawn.

use crate::corpus::Corpus;
use crate::url::{View, ViewState};
use raqmi_charts::{chart_data_with, render_svg, ChartKind, ChartOptions, ChartSvg, DataOptions};
use raqmi_charts::{ChartData, ChartError};
use raqmi_model::document::Document;

/// The folder of `dist/` holding the fallbacks.
pub const DIR: &str = "fallback";
/// The drawn width, px: the app's widest drawing.
pub const WIDTH: u32 = 720;

/// The view a fallback stands for: the chart `kind` of the whole corpus.
pub fn view_of(kind: ChartKind) -> ViewState {
    ViewState {
        view: View::Chart,
        chart: kind,
        ..ViewState::default()
    }
}

/// The chart whose fallback shows exactly what `view` shows, if any: an unfiltered chart view
/// at the linear scale (language, theme and embedding aside, which change no mark).
pub fn kind_of(view: &ViewState) -> Option<ChartKind> {
    let plain = ViewState {
        lang: Default::default(),
        theme: None,
        embed: false,
        controls: false,
        ..view.clone()
    };
    (plain == view_of(view.chart)).then_some(view.chart)
}

/// A fallback's file, relative to `dist/`: `fallback/budget.svg`.
pub fn file(kind: ChartKind, extension: &str) -> String {
    format!("{DIR}/{}.{extension}", kind.param())
}

/// The chart `kind` of `corpus` as its fallback draws it, with the data drawn.
pub fn render(corpus: &Corpus, kind: ChartKind) -> (ChartData, Result<ChartSvg, ChartError>) {
    let view = view_of(kind);
    let docs: Vec<&Document> = corpus
        .search(&view)
        .hits
        .iter()
        .filter_map(|h| corpus.docs.get(h.doc as usize))
        .collect();
    let data = chart_data_with(&docs, kind, &DataOptions::default());
    let svg = render_svg(&data, &options());
    (data, svg)
}

/// How a fallback is drawn (the PNG too).
pub fn options() -> ChartOptions {
    ChartOptions {
        width: WIDTH,
        id: "raqmi-fallback".into(),
        ..ChartOptions::default()
    }
}

/// The image's alternative text: the chart's title, then its description (what is drawn, how
/// many marks, the largest and the smallest).
pub fn alt(svg: &ChartSvg) -> String {
    format!("{}. {}", svg.title, svg.desc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seed_corpus;
    use crate::url::parse;

    #[test]
    fn only_an_unfiltered_chart_view_has_a_fallback() {
        let kind = |q: &str| kind_of(&parse(q).0);
        assert_eq!(kind("?view=chart&chart=people"), Some(ChartKind::People));
        assert_eq!(
            kind("?view=chart&lang=en&theme=dark&embed=1"),
            Some(ChartKind::Budgets)
        );
        assert_eq!(kind("?view=chart&q=startup"), None);
        assert_eq!(kind("?view=chart&cat=budget"), None);
        assert_eq!(kind("?view=chart&chart=budget&scale=log"), None);
        assert_eq!(kind(""), None);
        assert_eq!(file(ChartKind::Shares, "png"), "fallback/shares.png");
    }

    #[test]
    fn the_alt_text_says_what_the_drawing_holds() {
        let corpus = seed_corpus();
        let (data, svg) = render(&corpus, ChartKind::Budgets);
        let svg = svg.expect("the seeds have amounts");
        let alt = alt(&svg);
        assert!(alt.starts_with("Montants cités (MAD). "), "{alt}");
        let marks = svg.layout.marks.len();
        assert!(marks > 0);
        assert!(
            alt.contains(&raqmi_charts::alt::summary(&data, marks)),
            "{alt}"
        );
        // The standalone drawing carries the same text for screen readers.
        assert!(svg.drawing.contains("<desc id=\"raqmi-fallback-desc\">"));
    }
}
