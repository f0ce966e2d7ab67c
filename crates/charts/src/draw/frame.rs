//! What surrounds the plot: the chart's height (rows, header and footer), its title, the
//! legend of shapes and colours, the footer line that explains the qualifier marks, and the
//! message drawn instead of an empty chart.

use super::palette::{draw_shape, Shape, ThemeColors};
use super::text::{anchored, font, text_width, truncate, LABEL_PX, TITLE_PX};
use super::{DResult, Layout};
use crate::{Bar, BarKind, ChartData, ChartKind, ChartOptions, EmptyReason};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use raqmi_model::document::Qualifier;

/// Height of one bar's row, and the gap between two groups of bars in rows.
const ROW_PX: f64 = 22.0;
pub(super) const GROUP_GAP_ROWS: f64 = 0.4;

fn title_of(data: &ChartData, options: &ChartOptions) -> String {
    options
        .title
        .clone()
        .unwrap_or_else(|| data.kind.title().to_string())
}

fn has_legend(data: &ChartData) -> bool {
    matches!(data.kind, ChartKind::People | ChartKind::Timeline)
}

fn qualifiers_present(data: &ChartData) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut push = |s| {
        if !out.contains(&s) {
            out.push(s)
        }
    };
    for b in &data.bars {
        if let BarKind::Others { .. } = b.kind {
            push("├┤ plage des valeurs regroupées");
            continue;
        }
        match b.qualifier {
            Some(Qualifier::Over) => push("≥ plus de"),
            Some(Qualifier::About) => push("≈ environ"),
            Some(Qualifier::Under) => push("< moins de"),
            Some(Qualifier::UpTo) => push("≤ jusqu'à"),
            None => {}
        }
        if b.high.is_some() {
            push("├┤ fourchette");
        }
    }
    out
}

pub(super) fn header_px(data: &ChartData) -> i32 {
    if has_legend(data) {
        54
    } else {
        34
    }
}

pub(super) fn footer_px(data: &ChartData) -> i32 {
    // Axis labels and description, then one line of qualifier legend if needed.
    42 + if qualifiers_present(data).is_empty() {
        0
    } else {
        18
    }
}

pub(super) fn rows_units(bars: &[Bar]) -> f64 {
    let gaps = bars.windows(2).filter(|w| w[0].group != w[1].group).count();
    bars.len() as f64 + gaps as f64 * GROUP_GAP_ROWS
}

/// The height the chart needs when the options leave it open.
pub fn auto_height(data: &ChartData, options: &ChartOptions) -> u32 {
    if let Some(h) = options.height {
        return h.clamp(60, 20_000);
    }
    let body = match data.kind {
        ChartKind::Timeline => 260.0,
        _ => rows_units(&data.bars) * ROW_PX,
    };
    (f64::from(header_px(data) + footer_px(data)) + body.max(ROW_PX)).ceil() as u32
}

pub(super) fn draw_title<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    options: &ChartOptions,
    colors: &ThemeColors,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, _) = area.dim_in_pixel();
    let title = truncate(&title_of(data, options), w as i32 - 16, TITLE_PX);
    area.draw(&Text::new(
        title,
        (w as i32 / 2, 8),
        (FontFamily::SansSerif, TITLE_PX * 1.24, FontStyle::Bold)
            .into_font()
            .color(&colors.text)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))
}

/// Legend entries (shape, colour, name) laid out left to right on one line.
pub(super) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(Shape, RGBColor, String)],
    y: i32,
    colors: &ThemeColors,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, _) = area.dim_in_pixel();
    let mut x = 12;
    for (shape, color, name) in entries {
        let width = 16 + text_width(name, LABEL_PX) + 14;
        if x + width > w as i32 {
            break;
        }
        draw_shape(area, *shape, (x + 5, y), 5, *color)?;
        area.draw(&Text::new(
            name.clone(),
            (x + 14, y),
            anchored(font(LABEL_PX, colors.text), HPos::Left, VPos::Center),
        ))?;
        x += width;
    }
    Ok(())
}

pub(super) fn draw_footer_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    colors: &ThemeColors,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let marks = qualifiers_present(data);
    if marks.is_empty() {
        return Ok(());
    }
    let (w, h) = area.dim_in_pixel();
    let text = truncate(
        &format!("Marques : {}", marks.join(" · ")),
        w as i32 - 16,
        LABEL_PX,
    );
    area.draw(&Text::new(
        text,
        (8, h as i32 - 6),
        anchored(font(LABEL_PX, colors.text), HPos::Left, VPos::Bottom),
    ))
}

/// Draws the empty message (the SVG path never gets here: it reports the reason instead).
pub(super) fn draw_empty<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    reason: EmptyReason,
    colors: &ThemeColors,
) -> DResult<DB> {
    let (w, h) = area.dim_in_pixel();
    area.draw(&Text::new(
        truncate(reason.message(), w as i32 - 16, LABEL_PX),
        (w as i32 / 2, h as i32 / 2),
        anchored(font(LABEL_PX, colors.text), HPos::Center, VPos::Center),
    ))?;
    Ok(Layout::default())
}
