//! Drawing the charts with plotters, on any [`DrawingBackend`] (the app uses the SVG one).
//!
//! Owns the geometry: row and column layout, value axes (linear or log), the qualifier marks
//! that keep approximate figures from looking exact, the palette and marker shapes, label
//! truncation and thinning. Each `draw_*` returns a [`Layout`]: the pixel box of every drawn
//! bar, which the SVG overlay turns into focusable links.
//!
//! Text is never measured: plotters measures text only for captions, right-hand axes and
//! multi-line text (on wasm32 it does so through the DOM), so none of those are used. Widths are
//! estimated from character counts instead, which keeps the layout identical natively, in tests
//! and in the browser.
//!
//! One module per chart family (`hbars` for budgets, people and shares, `timeline`,
//! `figure_card`), over shared parts: `palette` (colours, shapes), `text` (fonts, estimated
//! widths, truncation), `frame` (height, title, legends, empty message), `axis` (the value
//! axis) and `marks` (one qualified horizontal mark).

mod axis;
mod figure_card;
mod frame;
mod hbars;
mod marks;
mod palette;
mod text;
mod timeline;

pub use figure_card::draw_figure_card;
pub use frame::auto_height;
pub use palette::{category_color, category_shape, series_color, theme_colors, Shape, ThemeColors};
pub use text::truncate;
pub use timeline::draw_timeline;

use super::{ChartData, ChartKind, ChartOptions};
use hbars::draw_hbars;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The pixel box of one drawn bar (backend coordinates, i.e. SVG user units).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarkBox {
    /// Index into [`ChartData::bars`].
    pub bar: usize,
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

/// What a drawing produced.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// One per drawn bar, in bar order.
    pub marks: Vec<MarkBox>,
    /// Bars that could not be placed (values ≤ 0 on a log scale).
    pub skipped: usize,
}

type DResult<DB> = Result<Layout, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws whichever chart `data` is for.
pub fn draw_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    options: &ChartOptions,
) -> DResult<DB> {
    match data.kind {
        ChartKind::Timeline => draw_timeline(area, data, options),
        _ => draw_hbars(area, data, options),
    }
}

/// Money figures in MAD, one horizontal bar each (largest first).
pub fn draw_budgets<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    options: &ChartOptions,
) -> DResult<DB> {
    draw_hbars(area, data, options)
}

/// Head counts grouped by article or event; categories differ by colour, shape and wording.
pub fn draw_people<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    options: &ChartOptions,
) -> DResult<DB> {
    draw_hbars(area, data, options)
}

/// Percentages on a 0–100 axis (wider if a figure exceeds 100 or is negative).
pub fn draw_shares<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    options: &ChartOptions,
) -> DResult<DB> {
    draw_hbars(area, data, options)
}
