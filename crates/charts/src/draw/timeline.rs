//! The timeline: articles and figures per period as pairs of vertical bars (filled for
//! articles, hollow for figures), period labels thinned so that they never overlap.

use super::frame::{draw_empty, draw_legend, draw_title, header_px};
use super::palette::{series_color, theme_colors, Shape};
use super::text::{anchored, font, text_width, truncate, LABEL_PX};
use super::{DResult, Layout, MarkBox};
use crate::numfmt;
use crate::{BarKind, ChartData, ChartOptions, Series};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Articles and figures per period, as grouped vertical bars.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    options: &ChartOptions,
) -> DResult<DB> {
    let colors = theme_colors(options.theme);
    area.fill(&colors.background)?;
    if let Some(reason) = data.empty {
        return draw_empty(area, reason, &colors);
    }
    let base = area.get_base_pixel();
    draw_title(area, data, options, &colors)?;
    draw_legend(
        area,
        &[
            (
                Shape::Square,
                series_color(Series::Articles),
                "articles".into(),
            ),
            (
                Shape::Circle,
                series_color(Series::Figures),
                "chiffres".into(),
            ),
        ],
        38,
        &colors,
    )?;
    let bins = data.bars.last().map_or(0, |b| b.group + 1).max(1);
    let max = data
        .bars
        .iter()
        .map(|b| b.value)
        .filter(|v| v.is_finite())
        .fold(1f64, f64::max);
    let mut chart = ChartBuilder::on(area)
        .margin_top(header_px(data))
        .margin_right(16)
        .set_label_area_size(LabelAreaPosition::Left, 56)
        .set_label_area_size(LabelAreaPosition::Bottom, 42)
        .build_cartesian_2d(0f64..bins as f64, 0f64..max * 1.12)?;
    let plot_h = chart.plotting_area().dim_in_pixel().1.max(1) as f64;
    let fmt_tick = |v: &f64| {
        // Counts are whole: no "0,5 article" ticks.
        if (v - v.round()).abs() < 1e-9 {
            numfmt::count_tick(*v)
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(((plot_h / 40.0) as usize).clamp(2, 8))
        .max_light_lines(0)
        .y_label_formatter(&fmt_tick)
        .label_style(font(LABEL_PX, colors.text))
        .axis_desc_style(font(LABEL_PX, colors.text))
        .axis_style(colors.axis)
        .bold_line_style(colors.grid)
        .y_desc("Nombre")
        .draw()?;
    let px = |x: f64, y: f64| {
        let (a, b) = chart.backend_coord(&(x, y));
        (a - base.0, b - base.1)
    };
    let bin_px = {
        let (a, _) = px(0.0, 0.0);
        let (b, _) = px(1.0, 0.0);
        (b - a).max(1)
    };
    // Period labels: every k-th one, so that they never overlap.
    let longest = data
        .bars
        .iter()
        .map(|b| text_width(&b.label, LABEL_PX))
        .max()
        .unwrap_or(0);
    let label_every = ((longest + 8) / bin_px + 1).max(1) as usize;
    let mut layout = Layout::default();
    for (i, bar) in data.bars.iter().enumerate() {
        let BarKind::Period { series, .. } = &bar.kind else {
            continue;
        };
        let g = bar.group as f64;
        let (xa, xb) = match series {
            Series::Articles => (g + 0.1, g + 0.5),
            Series::Figures => (g + 0.5, g + 0.9),
        };
        let value = if bar.value.is_finite() {
            bar.value.max(0.0)
        } else {
            0.0
        };
        let (x0, y_top) = px(xa, value);
        let (x1, y_base) = px(xb, 0.0);
        let color = series_color(*series);
        match series {
            Series::Articles => {
                area.draw(&Rectangle::new([(x0, y_top), (x1, y_base)], color.filled()))?
            }
            // Hollow with a strong outline: the two series differ by fill, not hue alone.
            Series::Figures => {
                area.draw(&Rectangle::new(
                    [(x0, y_top), (x1, y_base)],
                    color.mix(0.3).filled(),
                ))?;
                area.draw(&Rectangle::new(
                    [(x0, y_top), (x1, y_base)],
                    color.stroke_width(1),
                ))?;
            }
        }
        if x1 - x0 >= 14 {
            area.draw(&Text::new(
                numfmt::count_tick(value),
                ((x0 + x1) / 2, y_top - 2),
                anchored(
                    font(LABEL_PX - 1.0, colors.text),
                    HPos::Center,
                    VPos::Bottom,
                ),
            ))?;
        }
        if *series == Series::Articles && bar.group % label_every == 0 {
            let (cx, _) = px(g + 0.5, 0.0);
            area.draw(&Text::new(
                truncate(&bar.label, bin_px * label_every as i32 - 4, LABEL_PX),
                (cx, y_base + 8),
                anchored(font(LABEL_PX, colors.text), HPos::Center, VPos::Top),
            ))?;
        }
        // The hit box keeps a usable height even for a zero bar.
        layout.marks.push(MarkBox {
            bar: i,
            x0: x0 + base.0,
            y0: y_top.min(y_base - 4) + base.1,
            x1: x1.max(x0 + 2) + base.0,
            y1: y_base + base.1,
        });
    }
    Ok(layout)
}
