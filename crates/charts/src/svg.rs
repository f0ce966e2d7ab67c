//! The SVG string: renders a chart with plotters' `SVGBackend::with_string`, then makes it
//! accessible and interactive by post-processing the text plotters wrote:
//! - the root `<svg>` gets `role="img"` and `aria-labelledby` pointing at a `<title>` and a
//!   `<desc>` inserted as its first children;
//! - an overlay group is appended with one transparent, focusable mark per drawn bar: an
//!   `<a href="?doc=<id>&view=doc&fig=<n>">` for a figure (so it leads back to the article's
//!   sentence), a `<g tabindex="0">` for an aggregated bar or a timeline bin; each mark has an
//!   `aria-label` and a `<title>` (the tooltip) with the full, untruncated text.
//!
//! plotters-svg escapes the text it draws; everything inserted here goes through
//! [`raqmi_model::markup::escape_attr`] too, so corpus text such as `<script>` or quotes can never open markup.

use super::draw::{auto_height, draw_chart, draw_figure_card, Layout};
use super::{
    bar_description, table_rows, BarKind, ChartData, ChartKind, ChartOptions, EmptyReason,
    FigureCard, Granularity, Scale, TableRow,
};
use plotters::prelude::*;
use raqmi_model::markup::escape_attr as escape;
use std::fmt::Write;

/// A rendered chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSvg {
    /// The whole chart as one standalone `<svg>…</svg>` (the drawing and its links): the SVG
    /// export.
    pub svg: String,
    /// The same drawing without the links: an `<svg role="img">` with its title and
    /// description. A page stacks [`ChartSvg::overlay`] over it, because an image may not hold
    /// focusable elements (WAI-ARIA: children of `img` are presentational).
    pub drawing: String,
    /// A transparent `<svg role="group">` of the same size holding one focusable link per bar.
    pub overlay: String,
    pub width: u32,
    pub height: u32,
    pub title: String,
    pub desc: String,
    /// The table mirroring the bars (same order, same labels and values).
    pub rows: Vec<TableRow>,
    /// Pixel boxes of the drawn bars (one overlay mark each).
    pub layout: Layout,
}

/// Why there is no SVG.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartError {
    /// Nothing to draw: the UI shows `reason.message()`.
    Empty(EmptyReason),
    /// plotters failed (should not happen with the SVG backend).
    Draw(String),
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartError::Empty(r) => f.write_str(r.message()),
            ChartError::Draw(e) => write!(f, "erreur de dessin : {e}"),
        }
    }
}

impl std::error::Error for ChartError {}

fn sanitize_id(id: &str) -> String {
    let s: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        format!("raqmi-chart{s}")
    } else {
        s
    }
}

fn describe(data: &ChartData, options: &ChartOptions, drawn: usize) -> String {
    let bars = data.bars.len();
    let mut d = match data.kind {
        ChartKind::Budgets => format!(
            "Barres horizontales : {} montant(s) en MAD, du plus grand au plus petit.",
            data.points.len()
        ),
        ChartKind::People => format!(
            "Barres horizontales groupées par article ou événement : {} effectif(s) (participants, membres, bénéficiaires, emplois).",
            data.points.len()
        ),
        ChartKind::Shares => format!(
            "Barres horizontales : {} pourcentage(s), du plus grand au plus petit.",
            data.points.len()
        ),
        ChartKind::Timeline => format!(
            "Barres verticales : nombre d'articles et de chiffres par {}.",
            match data.granularity {
                Some(Granularity::Month) => "mois".to_string(),
                Some(Granularity::Years(n)) => format!("période de {n} ans"),
                _ => "année".to_string(),
            }
        ),
    };
    // How many marks, the largest and the smallest (crate::alt).
    d.push(' ');
    d.push_str(&crate::alt::summary(data, drawn));
    let others = data
        .bars
        .iter()
        .find_map(|b| match b.kind {
            BarKind::Others { count } => Some(count),
            _ => None,
        })
        .is_some();
    if others {
        d.push_str(
            " Les plus petites valeurs sont regroupées en « autres », dessinées comme une plage.",
        );
    }
    if options.scale == Scale::Log && data.kind != ChartKind::Timeline {
        d.push_str(" Échelle logarithmique.");
    }
    if drawn < bars {
        let _ = write!(
            d,
            " {} barre(s) non dessinée(s) (valeur nulle ou négative).",
            bars - drawn
        );
    }
    d.push_str(" « plus de » : barre ouverte ≥ ; « environ » : ≈ ; « moins de » : < ; fourchette : de la borne basse à la haute.");
    for n in &data.notes {
        d.push(' ');
        d.push_str(n);
        d.push('.');
    }
    if data.kind != ChartKind::Timeline {
        d.push_str(" Chaque barre mène à la phrase de l'article.");
    }
    d
}

/// Inserts the accessibility attributes, `<title>`, `<desc>` and the overlay into plotters'
/// output. Only positions found in the text plotters wrote are used; nothing is parsed.
/// The marks' focus and hover styles live in `www/styles.css` (`.chart-mark`): an inline
/// `<style>` would break the app's Content-Security-Policy (`style-src 'self'`).
fn decorate(svg: &str, id: &str, title: &str, desc: &str, overlay: &str) -> String {
    let mut out = String::with_capacity(svg.len() + overlay.len() + desc.len() + 256);
    // plotters starts with `<svg width=… height=… viewBox=… xmlns=…>`; its attribute values are
    // numbers and a URL, so the first '>' closes the tag.
    let (open_end, close_start) = match (svg.find("<svg"), svg.rfind("</svg>")) {
        (Some(s), Some(e)) => match svg[s..].find('>') {
            Some(g) if s + g < e => (s + g, e),
            _ => return svg.to_string(),
        },
        _ => return svg.to_string(),
    };
    let head = svg[..open_end].trim_end_matches('/');
    out.push_str(head);
    let _ = write!(
        out,
        " role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(title),
        escape(desc)
    );
    out.push_str(svg[open_end + 1..close_start].trim_start_matches('\n'));
    out.push_str(overlay);
    out.push_str(&svg[close_start..]);
    out
}

fn rect(out: &mut String, m: &super::MarkBox) {
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"transparent\"/>",
        m.x0,
        m.y0,
        (m.x1 - m.x0).max(1),
        (m.y1 - m.y0).max(1)
    );
}

fn overlay(data: &ChartData, layout: &Layout) -> String {
    let mut out = String::from("<g class=\"chart-overlay\">\n");
    for m in &layout.marks {
        let Some(bar) = data.bars.get(m.bar) else {
            continue;
        };
        let text = escape(&bar_description(data, bar));
        match &bar.kind {
            BarKind::Figure { point } => {
                let Some(p) = data.points.get(*point) else {
                    continue;
                };
                let _ = write!(
                    out,
                    "<a href=\"{}\" class=\"chart-mark\" data-doc=\"{}\" data-fig=\"{}\" aria-label=\"{text}\"><title>{text}</title>",
                    escape(&p.href()),
                    escape(&p.doc_id),
                    p.figure
                );
                rect(&mut out, m);
                out.push_str("</a>\n");
            }
            BarKind::Others { count } => {
                let _ = write!(
                    out,
                    "<g class=\"chart-mark chart-mark-others\" tabindex=\"0\" role=\"img\" data-count=\"{count}\" aria-label=\"{text}\"><title>{text}</title>"
                );
                rect(&mut out, m);
                out.push_str("</g>\n");
            }
            BarKind::Period { key, series } => {
                let _ = write!(
                    out,
                    "<g class=\"chart-mark chart-mark-period\" tabindex=\"0\" role=\"img\" data-period=\"{}\" data-series=\"{}\" aria-label=\"{text}\"><title>{text}</title>",
                    escape(key),
                    series.name()
                );
                rect(&mut out, m);
                out.push_str("</g>\n");
            }
        }
    }
    out.push_str("</g>\n");
    out
}

fn render_with<F>(width: u32, height: u32, draw: F) -> Result<(String, Layout), ChartError>
where
    F: FnOnce(
        &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    ) -> Result<Layout, DrawingAreaErrorKind<std::io::Error>>,
{
    let mut buf = String::new();
    let layout = {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        let layout = draw(&root).map_err(|e| ChartError::Draw(e.to_string()))?;
        root.present()
            .map_err(|e| ChartError::Draw(e.to_string()))?;
        layout
    };
    Ok((buf, layout))
}

/// The size `data` is drawn at (any backend), or why it cannot be drawn: nothing to draw, or a
/// log scale with no positive value. One place, so the SVG and the PNG refuse alike.
pub(crate) fn drawable_size(
    data: &ChartData,
    options: &ChartOptions,
) -> Result<(u32, u32), ChartError> {
    if let Some(reason) = data.empty {
        return Err(ChartError::Empty(reason));
    }
    if options.scale == Scale::Log
        && data.kind != ChartKind::Timeline
        && !data
            .bars
            .iter()
            .any(|b| b.value > 0.0 || b.high.is_some_and(|h| h > 0.0))
    {
        return Err(ChartError::Empty(EmptyReason::NoPositiveValues));
    }
    let width = options.width.clamp(240, 4000);
    let height = auto_height(data, options);
    Ok((width, height))
}

/// Renders `data` (whose `kind` says which chart) as an accessible SVG string, with its table.
pub fn render_svg(data: &ChartData, options: &ChartOptions) -> Result<ChartSvg, ChartError> {
    let (width, height) = drawable_size(data, options)?;
    let (raw, layout) = render_with(width, height, |root| draw_chart(root, data, options))?;
    let id = sanitize_id(&options.id);
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| data.kind.title().to_string());
    let desc = describe(data, options, layout.marks.len());
    let marks = overlay(data, &layout);
    let svg = decorate(&raw, &id, &title, &desc, &marks);
    let drawing = decorate(&raw, &id, &title, &desc, "");
    let overlay = format!(
        "<svg class=\"chart-overlay-layer\" xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"group\" \
         aria-label=\"{}\">\n{marks}</svg>",
        escape(&format!("{title} : liens vers les phrases"))
    );
    Ok(ChartSvg {
        svg,
        drawing,
        overlay,
        width,
        height,
        title,
        desc,
        rows: table_rows(data),
        layout,
    })
}

/// The description of a figure card: value, article, date and sentence.
fn card_desc(card: &FigureCard) -> String {
    format!(
        "{}, « {} », {} : {}",
        card.value_text, card.article, card.date_text, card.sentence
    )
}

/// One figure's card as an image only (`<svg role="img">`, no link): for the reader, which
/// shows the card beside the sentence it would link to.
pub fn render_figure_card_image(
    card: &FigureCard,
    options: &ChartOptions,
) -> Result<String, ChartError> {
    let width = options.width.clamp(120, 2000);
    let (raw, _) = render_with(width, 56, |root| draw_figure_card(root, card, options))?;
    let id = sanitize_id(&options.id);
    Ok(decorate(&raw, &id, &card.value_text, &card_desc(card), ""))
}

/// A small SVG of one figure (its bar with the qualifier mark), linking to its sentence.
/// The height is fixed at 56 px; the width comes from the options.
pub fn render_figure_card_svg(
    card: &FigureCard,
    options: &ChartOptions,
) -> Result<String, ChartError> {
    let width = options.width.clamp(120, 2000);
    let (raw, layout) = render_with(width, 56, |root| draw_figure_card(root, card, options))?;
    let id = sanitize_id(&options.id);
    let desc = card_desc(card);
    let mut ov = String::from("<g class=\"chart-overlay\">\n");
    if let Some(m) = layout.marks.first() {
        let text = escape(&format!("{} : {}", card.label, card.value_text));
        let _ = write!(
            ov,
            "<a href=\"{}\" class=\"chart-mark\" data-doc=\"{}\" data-fig=\"{}\" aria-label=\"{text}\"><title>{text}</title>",
            escape(&card.href),
            escape(&card.doc_id),
            card.figure
        );
        rect(&mut ov, m);
        ov.push_str("</a>\n");
    }
    ov.push_str("</g>\n");
    Ok(decorate(&raw, &id, &card.value_text, &desc, &ov))
}
