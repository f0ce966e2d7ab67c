//! Charts of the figures the press reports, pure Rust, compiled natively (tested) and for wasm32
//! (no web_sys, no yew). The **data layer** decides which figures a chart shows and how they are
//! labelled, converted, sorted and aggregated: the caller's choices (`options`), one figure made
//! ready to chart (`point`), the chart's data (`data`, with `aggregate` and `timeline` making
//! its bars), the table rows that mirror the bars (`table`) and the single-figure card
//! (`figure_card`); all of it is re-exported here. Drawing lives in [`draw`] (plotters, any
//! backend), the SVG string with its accessible overlay in [`svg`], the CSV/JSON exports in
//! [`export`], and French number wording in [`numfmt`].
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
/// PNG drawing, for the CLI's build-time fallback images only (feature `raster`).
#[cfg(feature = "raster")]
pub mod raster;
pub mod svg;

mod aggregate;
pub mod alt;
mod data;
mod figure_card;
mod options;
mod point;
mod table;
mod timeline;

// Native only: the tests use native dev-dependencies (serde_json, plotters-backend).
#[cfg(test)]
mod tests;

pub use data::{
    category_text, chart_data, chart_data_with, Bar, BarKind, ChartData, EmptyReason, Granularity,
    Series, PEOPLE_CATEGORIES,
};
pub use draw::{
    draw_budgets, draw_chart, draw_figure_card, draw_people, draw_shares, draw_timeline, Layout,
    MarkBox,
};
pub use export::{to_csv, to_json};
pub use figure_card::{figure_card, FigureCard};
pub use options::{ChartKind, ChartOptions, DataOptions, Scale, Theme};
pub use point::{figure_href, ChartPoint, Original, EUR_TO_MAD, MAX_ABS_VALUE, USD_TO_MAD};
pub use svg::{render_figure_card_image, render_figure_card_svg, render_svg, ChartError, ChartSvg};
pub use table::{bar_description, table_rows, TableRow};
