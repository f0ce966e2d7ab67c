//! The horizontal bar charts (budgets, people, shares): one row per bar, labels on the left,
//! the value text at the end of the mark, and on cramped rows only every k-th label written.

use super::axis::{axis_desc, clamp, ValueAxis};
use super::frame::{
    draw_empty, draw_footer_legend, draw_legend, draw_title, footer_px, header_px, rows_units,
    GROUP_GAP_ROWS,
};
use super::marks::draw_hmark;
use super::palette::{category_color, category_shape, draw_shape, theme_colors};
use super::text::{anchored, font, truncate, LABEL_PX};
use super::{DResult, Layout, MarkBox};
use crate::numfmt;
use crate::{
    category_text, BarKind, ChartData, ChartKind, ChartOptions, EmptyReason, PEOPLE_CATEGORIES,
};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use raqmi_model::document::Qualifier;

/// Budgets, People and Shares: one horizontal bar per figure, labels on the left.
pub(super) fn draw_hbars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    options: &ChartOptions,
) -> DResult<DB> {
    let colors = theme_colors(options.theme);
    area.fill(&colors.background)?;
    if let Some(reason) = data.empty {
        return draw_empty(area, reason, &colors);
    }
    let Some(axis) = ValueAxis::for_bars(&data.bars, data.kind, options.scale) else {
        return draw_empty(area, EmptyReason::NoPositiveValues, &colors);
    };
    let w = area.dim_in_pixel().0 as i32;
    let base = area.get_base_pixel();
    draw_title(area, data, options, &colors)?;
    if data.kind == ChartKind::People {
        let entries: Vec<_> = PEOPLE_CATEGORIES
            .iter()
            .filter(|c| data.bars.iter().any(|b| b.category == Some(**c)))
            .map(|&c| {
                (
                    category_shape(Some(c)),
                    category_color(Some(c)),
                    category_text(c).to_string(),
                )
            })
            .collect();
        draw_legend(area, &entries, 38, &colors)?;
    }
    let label_w = clamp(w as f64 * 0.3, 60.0, 240.0) as i32;
    let right_w = clamp(w as f64 * 0.22, 50.0, 180.0) as i32;
    let header = header_px(data);
    let footer = footer_px(data);
    let units = rows_units(&data.bars).max(1.0);

    let fmt_tick = |t: &f64| numfmt::tick(data.number_kind(), axis.inverse(*t));
    let mut chart = ChartBuilder::on(area)
        .margin_top(header)
        .margin_right(right_w)
        .margin_bottom(footer - 42)
        .set_label_area_size(LabelAreaPosition::Left, label_w)
        .set_label_area_size(LabelAreaPosition::Bottom, 42)
        .build_cartesian_2d(axis.lo..axis.hi, 0f64..units)?;
    let plot_w = chart.plotting_area().dim_in_pixel().0.max(1) as f64;
    // Tick labels about 80 px apart, so that "999,9 M" never collides with its neighbour.
    let x_ticks = ((plot_w / 80.0).floor() as usize).clamp(2, 10);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(x_ticks)
        .max_light_lines(0)
        .x_label_formatter(&fmt_tick)
        .label_style(font(LABEL_PX, colors.text))
        .axis_desc_style(font(LABEL_PX, colors.text))
        .axis_style(colors.axis)
        .bold_line_style(colors.grid)
        .x_desc(axis_desc(data, options.scale))
        .draw()?;

    let px = |t: f64, y: f64| {
        let (x, y) = chart.backend_coord(&(t, y));
        (x - base.0, y - base.1)
    };
    let row_px = {
        let (_, a) = px(axis.lo, 0.0);
        let (_, b) = px(axis.lo, 1.0);
        (a - b).abs().max(1)
    };
    // Labels need ~12 px: on cramped rows (a fixed small height) only every k-th is written.
    let label_every = (12 + row_px - 1) / row_px;
    let (plot_left, _) = px(axis.lo, 0.0);
    let mut layout = Layout::default();
    let mut offset = 0.0;
    for (i, bar) in data.bars.iter().enumerate() {
        if i > 0 && data.bars[i - 1].group != bar.group {
            offset += GROUP_GAP_ROWS;
        }
        let centre = units - offset - 0.5;
        offset += 1.0;
        let (_, ya) = px(axis.lo, centre + 0.34);
        let (_, yb) = px(axis.lo, centre - 0.34);
        let (_, ym) = px(axis.lo, centre);
        let others = matches!(bar.kind, BarKind::Others { .. });
        let color = category_color(bar.category.filter(|_| !others));
        let shape = category_shape(bar.category);
        let write_label = i % label_every.max(1) as usize == 0;

        // Left label: the figure's label; in the people chart, the group label once per group.
        let left = match data.kind {
            ChartKind::People => {
                (i == 0 || data.bars[i - 1].group != bar.group).then(|| bar.group_label.clone())
            }
            _ => Some(bar.label.clone()),
        };
        if let (Some(text), true) = (left, write_label || data.kind == ChartKind::People) {
            area.draw(&Text::new(
                truncate(&text, label_w - 22, LABEL_PX),
                (plot_left - 16, ym),
                anchored(font(LABEL_PX, colors.text), HPos::Right, VPos::Center),
            ))?;
        }
        if data.kind == ChartKind::People && row_px >= 8 {
            draw_shape(area, shape, (plot_left - 8, ym), 4, color)?;
        }

        let top = bar.high.map_or(bar.value, |h| h.max(bar.value));
        let (Some(t_end), t_high) = (
            axis.t(bar.value).or_else(|| axis.t(top).map(|_| axis.lo)),
            bar.high.and_then(|h| axis.t(h)),
        ) else {
            layout.skipped += 1;
            continue;
        };
        let (zero, _) = px(axis.base(), centre);
        let (end, _) = px(t_end, centre);
        let high = t_high
            .map(|t| px(t, centre).0)
            .filter(|_| bar.high.is_some());
        let reach = draw_hmark(
            area,
            zero,
            end,
            high,
            (ya, yb),
            color,
            bar.qualifier,
            others,
            colors.text,
        )?;
        if write_label {
            let dir = if end < zero { -1 } else { 1 };
            let room = if dir > 0 {
                w - reach - 8
            } else {
                reach - plot_left - 4
            };
            // The "≈" glyph already stands beside the bar: the label does not repeat it.
            let label = match bar.qualifier {
                Some(Qualifier::About) => bar.value_text.trim_start_matches("≈ "),
                _ => bar.value_text.as_str(),
            };
            let text = truncate(label, room, LABEL_PX);
            if !text.is_empty() {
                area.draw(&Text::new(
                    text,
                    (reach + 4 * dir, ym),
                    anchored(
                        font(LABEL_PX, colors.text),
                        if dir > 0 { HPos::Left } else { HPos::Right },
                        VPos::Center,
                    ),
                ))?;
            }
        }
        let (x0, x1) = (zero.min(reach), zero.max(reach).max(zero.min(reach) + 4));
        layout.marks.push(MarkBox {
            bar: i,
            x0: x0 + base.0,
            y0: ya + base.1,
            x1: x1 + base.0,
            y1: yb.max(ya + 2) + base.1,
        });
    }
    draw_footer_legend(area, data, &colors)?;
    Ok(layout)
}
