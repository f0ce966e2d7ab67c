//! The figure card's small image: one figure's value text over one mark, the mark's length
//! fixed (the card shows how exact a figure is, not how large).

use super::marks::draw_hmark;
use super::palette::{category_color, theme_colors};
use super::text::{anchored, font, truncate, LABEL_PX};
use super::{DResult, Layout, MarkBox};
use crate::numfmt::NumberKind;
use crate::{ChartOptions, FigureCard};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use raqmi_model::document::Category;

/// One figure as a small bar with its qualifier mark and value text.
pub fn draw_figure_card<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    card: &FigureCard,
    options: &ChartOptions,
) -> DResult<DB> {
    let colors = theme_colors(options.theme);
    area.fill(&colors.background)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let base = area.get_base_pixel();
    let ok = card.value.is_finite();
    let top = card.high.unwrap_or(card.value).max(card.value);
    let left = 8;
    // The bar fills 60% of the width, whatever the value: the card shows how exact a figure
    // is, not how large; leave room for the open end of "plus de".
    let span = f64::from((w - left - 16).max(10)) * 0.6;
    let scale = if ok && top.abs() > 0.0 {
        span / top.abs()
    } else {
        0.0
    };
    let to_px = |v: f64| left + (v.abs() * scale).round() as i32;
    let (y0, y1) = (h / 2 + 2, h - 8);
    let color = category_color(Some(match card.number_kind {
        NumberKind::Money => Category::Budget,
        NumberKind::Percent => Category::Share,
        NumberKind::Count => Category::Participants,
    }));
    area.draw(&Text::new(
        truncate(&card.value_text, w - 2 * left, LABEL_PX + 2.0),
        (left, 6),
        anchored(font(LABEL_PX + 2.0, colors.text), HPos::Left, VPos::Top),
    ))?;
    let mut layout = Layout::default();
    if !ok {
        return Ok(layout);
    }
    let end = to_px(card.value).max(left + 2);
    let high = card.high.map(to_px);
    let reach = draw_hmark(
        area,
        left,
        end,
        high,
        (y0, y1),
        color,
        card.qualifier,
        false,
        colors.text,
    )?;
    layout.marks.push(MarkBox {
        bar: 0,
        x0: left + base.0,
        y0: y0 + base.1,
        x1: reach.max(left + 4) + base.0,
        y1: y1 + base.1,
    });
    Ok(layout)
}
