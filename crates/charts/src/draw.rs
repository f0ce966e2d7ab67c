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

use super::numfmt::{self, NumberKind};
use super::{
    category_text, Bar, BarKind, ChartData, ChartKind, ChartOptions, EmptyReason, FigureCard,
    Scale, Series, Theme, PEOPLE_CATEGORIES,
};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use raqmi_model::document::{Category, Qualifier};

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

/// Colours of one theme. Mark colours come from [`category_color`] and pass 3:1 against both
/// backgrounds (WCAG non-text contrast); text passes 4.5:1 against its own background.
#[derive(Clone, Copy, Debug)]
pub struct ThemeColors {
    pub background: RGBColor,
    pub text: RGBColor,
    pub axis: RGBColor,
    pub grid: RGBColor,
}

pub fn theme_colors(theme: Theme) -> ThemeColors {
    match theme {
        Theme::Light => ThemeColors {
            background: RGBColor(0xff, 0xff, 0xff),
            text: RGBColor(0x1a, 0x1a, 0x1a),
            axis: RGBColor(0x5c, 0x5c, 0x5c),
            grid: RGBColor(0xdd, 0xdd, 0xdd),
        },
        Theme::Dark => ThemeColors {
            background: RGBColor(0x1e, 0x1e, 0x1e),
            text: RGBColor(0xe8, 0xe8, 0xe8),
            axis: RGBColor(0xa0, 0xa0, 0xa0),
            grid: RGBColor(0x3a, 0x3a, 0x3a),
        },
    }
}

/// The colour of a category's marks (`None`: aggregated "autres").
pub fn category_color(c: Option<Category>) -> RGBColor {
    match c {
        Some(Category::Budget) => RGBColor(0x3a, 0x76, 0xc4),
        Some(Category::Participants) => RGBColor(0xc2, 0x54, 0x00),
        Some(Category::Members) => RGBColor(0x1f, 0x8a, 0x4c),
        Some(Category::Beneficiaries) => RGBColor(0x9a, 0x5f, 0xc0),
        Some(Category::Jobs) => RGBColor(0xc0, 0x4a, 0x78),
        Some(Category::Share) => RGBColor(0x1a, 0x86, 0x96),
        Some(Category::Companies | Category::Other) | None => RGBColor(0x76, 0x76, 0x76),
    }
}

/// The two timeline series' colours.
pub fn series_color(s: Series) -> RGBColor {
    match s {
        Series::Articles => RGBColor(0x3a, 0x76, 0xc4),
        Series::Figures => RGBColor(0xc2, 0x54, 0x00),
    }
}

/// A marker shape, so that categories never differ by hue alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
    /// Light fill and outline: the timeline's "chiffres" bars.
    OpenSquare,
}

pub fn category_shape(c: Option<Category>) -> Shape {
    match c {
        Some(Category::Members) => Shape::Square,
        Some(Category::Beneficiaries) => Shape::Triangle,
        Some(Category::Jobs) => Shape::Diamond,
        _ => Shape::Circle,
    }
}

/// A plotters font whose SVG `font-size` is `px` (plotters divides sizes by 1.24). The family
/// is given as `FontFamily::SansSerif`, not as the string "sans-serif": plotters lowercases a
/// family string (`str::to_lowercase`, with Unicode's case table) before matching it.
fn font(px: f64, color: RGBColor) -> TextStyle<'static> {
    (FontFamily::SansSerif, px * 1.24).into_font().color(&color)
}

fn anchored(style: TextStyle<'static>, h: HPos, v: VPos) -> TextStyle<'static> {
    style.pos(Pos::new(h, v))
}

/// Estimated width of `text` in pixels at `px` (average sans-serif glyph ≈ 0.56 em).
fn text_width(text: &str, px: f64) -> i32 {
    (text.chars().count() as f64 * px * 0.56).ceil() as i32
}

/// `text` cut to fit `width` pixels at `px`, with "…" when cut.
pub fn truncate(text: &str, width: i32, px: f64) -> String {
    let max = ((f64::from(width.max(0))) / (px * 0.56)).floor() as usize;
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    if max <= 1 {
        return if max == 1 {
            "…".to_string()
        } else {
            String::new()
        };
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
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

const TITLE_PX: f64 = 15.0;
const LABEL_PX: f64 = 11.0;
const ROW_PX: f64 = 22.0;
const GROUP_GAP_ROWS: f64 = 0.4;

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

fn header_px(data: &ChartData) -> i32 {
    if has_legend(data) {
        54
    } else {
        34
    }
}

fn footer_px(data: &ChartData) -> i32 {
    // Axis labels and description, then one line of qualifier legend if needed.
    42 + if qualifiers_present(data).is_empty() {
        0
    } else {
        18
    }
}

fn rows_units(bars: &[Bar]) -> f64 {
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

fn draw_title<DB: DrawingBackend>(
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

fn draw_shape<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    shape: Shape,
    (x, y): (i32, i32),
    r: i32,
    color: RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = color.filled();
    match shape {
        Shape::Circle => area.draw(&Circle::new((x, y), r, style)),
        Shape::Square => area.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], style)),
        Shape::OpenSquare => {
            let corners = [(x - r, y - r), (x + r, y + r)];
            area.draw(&Rectangle::new(corners, color.mix(0.3).filled()))?;
            area.draw(&Rectangle::new(corners, color.stroke_width(1)))
        }
        Shape::Triangle => area.draw(&Polygon::new(
            vec![(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)],
            style,
        )),
        Shape::Diamond => area.draw(&Polygon::new(
            vec![
                (x, y - r - 1),
                (x + r + 1, y),
                (x, y + r + 1),
                (x - r - 1, y),
            ],
            style,
        )),
    }
}

/// Legend entries (shape, colour, name) laid out left to right on one line.
fn draw_legend<DB: DrawingBackend>(
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

fn draw_footer_legend<DB: DrawingBackend>(
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
fn draw_empty<DB: DrawingBackend>(
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

/// `v.clamp(lo, hi)` for `lo <= hi` (NaN stays NaN), without `f64::clamp`'s assertion, whose
/// message (`{:?}` of both bounds) would link the `Debug` formatting of floats into the wasm.
fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

/// Maps values to the axis coordinate: the value itself, or its log10.
#[derive(Clone, Copy, Debug)]
struct ValueAxis {
    log: bool,
    lo: f64,
    hi: f64,
}

impl ValueAxis {
    fn t(&self, v: f64) -> Option<f64> {
        let t = if self.log {
            if v > 0.0 {
                v.log10()
            } else {
                return None;
            }
        } else {
            v
        };
        Some(clamp(t, self.lo, self.hi))
    }
    fn inverse(&self, t: f64) -> f64 {
        if self.log {
            10f64.powf(t)
        } else {
            t
        }
    }
    /// Where bars start: 0, or the left edge on a log axis.
    fn base(&self) -> f64 {
        if self.log {
            self.lo
        } else {
            clamp(0.0, self.lo, self.hi)
        }
    }

    fn for_bars(bars: &[Bar], kind: ChartKind, scale: Scale) -> Option<ValueAxis> {
        let ends = || {
            bars.iter()
                .flat_map(|b| [Some(b.value), b.high])
                .flatten()
                .filter(|v| v.is_finite())
        };
        if scale == Scale::Log && kind != ChartKind::Timeline {
            let pos = || ends().filter(|&v| v > 0.0);
            let min = pos().fold(f64::INFINITY, f64::min);
            let max = pos().fold(f64::NEG_INFINITY, f64::max);
            if !min.is_finite() || !max.is_finite() {
                return None;
            }
            let lo = min.log10().floor();
            let mut hi = max.log10().ceil();
            if hi <= lo {
                hi = lo + 1.0;
            }
            return Some(ValueAxis { log: true, lo, hi });
        }
        let min = ends().fold(0f64, f64::min);
        let mut max = ends().fold(0f64, f64::max);
        if kind == ChartKind::Shares {
            max = max.max(100.0);
        }
        if max - min <= f64::EPSILON * max.abs().max(1.0) {
            max = min + 1.0;
        }
        // Headroom so the largest bar's qualifier mark stays inside the plot.
        let pad = if kind == ChartKind::Shares && max <= 100.0 {
            0.0
        } else {
            (max - min) * 0.04
        };
        Some(ValueAxis {
            log: false,
            lo: min,
            hi: max + pad,
        })
    }
}

/// Draws one horizontal mark from `zero` to `end` (pixels), honest about its qualifier.
/// Returns the right-most (or left-most, for a leftward bar) pixel it used.
#[allow(clippy::too_many_arguments)]
fn draw_hmark<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    zero: i32,
    end: i32,
    high: Option<i32>,
    (y0, y1): (i32, i32),
    color: RGBColor,
    qualifier: Option<Qualifier>,
    others: bool,
    text_color: RGBColor,
) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
    let dir = if end < zero { -1 } else { 1 };
    let ym = (y0 + y1) / 2;
    let hh = ((y1 - y0) / 2).max(1);
    let rect = |a: i32, b: i32| [(a.min(b), y0), (a.max(b).max(a.min(b) + 1), y1)];
    let mark_px = (LABEL_PX + 1.0) as i32;
    let glyph = |g: &'static str, x: i32| {
        Text::new(
            g,
            (x, ym),
            anchored(
                font(LABEL_PX + 1.0, text_color),
                if dir > 0 { HPos::Left } else { HPos::Right },
                VPos::Center,
            ),
        )
    };
    if others {
        // A range band with caps: the values regrouped, not a sum.
        let hi = high.unwrap_or(end);
        area.draw(&Rectangle::new(rect(end, hi), color.mix(0.3).filled()))?;
        area.draw(&Rectangle::new(rect(end, hi), color.stroke_width(1)))?;
        for x in [end, hi] {
            area.draw(&PathElement::new(
                vec![(x, y0 - 2), (x, y1 + 2)],
                color.stroke_width(2),
            ))?;
        }
        return Ok(hi.max(end) * dir.max(0) + hi.min(end) * (-dir).max(0));
    }
    let mut reach = end;
    match (qualifier, high) {
        (_, Some(hi)) => {
            // A range: solid to the low end, light band to the high end, whisker across.
            area.draw(&Rectangle::new(rect(zero, end), color.filled()))?;
            area.draw(&Rectangle::new(rect(end, hi), color.mix(0.35).filled()))?;
            area.draw(&PathElement::new(
                vec![(end, ym), (hi, ym)],
                color.stroke_width(2),
            ))?;
            for x in [end, hi] {
                area.draw(&PathElement::new(
                    vec![(x, ym - hh - 2), (x, ym + hh + 2)],
                    color.stroke_width(2),
                ))?;
            }
            reach = if dir > 0 { hi.max(end) } else { hi.min(end) };
            if let Some(q) = qualifier {
                area.draw(&glyph(numfmt::qualifier_mark(q), reach + 3 * dir))?;
                reach += mark_px * dir;
            }
        }
        (None, None) => {
            area.draw(&Rectangle::new(rect(zero, end), color.filled()))?;
        }
        (Some(Qualifier::Over), None) => {
            // The known part solid, then a fading open end and an arrow: "at least this much".
            area.draw(&Rectangle::new(rect(zero, end), color.filled()))?;
            let step = 6 * dir;
            for (k, alpha) in [0.5, 0.3, 0.15].iter().enumerate() {
                let a = end + step * k as i32;
                area.draw(&Rectangle::new(
                    rect(a, a + step),
                    color.mix(*alpha).filled(),
                ))?;
            }
            let tip = end + step * 3;
            area.draw(&DashedPathElement::new(
                vec![(end, ym), (tip + 4 * dir, ym)],
                3,
                2,
                color.stroke_width(1),
            ))?;
            area.draw(&Polygon::new(
                vec![
                    (tip + 4 * dir, ym - 4),
                    (tip + 9 * dir, ym),
                    (tip + 4 * dir, ym + 4),
                ],
                color.filled(),
            ))?;
            reach = tip + 10 * dir;
            area.draw(&glyph("≥", reach + 2 * dir))?;
            reach += mark_px * dir;
        }
        (Some(Qualifier::About), None) => {
            // Softer bar with an error-bar-like whisker around the value.
            area.draw(&Rectangle::new(rect(zero, end), color.mix(0.75).filled()))?;
            let spread = (((end - zero).abs() as f64) * 0.08).round().max(4.0) as i32;
            let (a, b) = (end - spread, end + spread);
            area.draw(&PathElement::new(
                vec![(a, ym), (b, ym)],
                color.stroke_width(2),
            ))?;
            for x in [a, b] {
                area.draw(&PathElement::new(
                    vec![(x, ym - hh), (x, ym + hh)],
                    color.stroke_width(2),
                ))?;
            }
            reach = end + spread * dir;
            area.draw(&glyph("≈", reach + 3 * dir))?;
            reach += mark_px * dir;
        }
        (Some(q @ (Qualifier::Under | Qualifier::UpTo)), None) => {
            // An upper bound: a hollow bar closed by a thick end line.
            area.draw(&Rectangle::new(rect(zero, end), color.mix(0.25).filled()))?;
            area.draw(&Rectangle::new(rect(zero, end), color.stroke_width(1)))?;
            area.draw(&PathElement::new(
                vec![(end, y0 - 2), (end, y1 + 2)],
                color.stroke_width(3),
            ))?;
            area.draw(&glyph(numfmt::qualifier_mark(q), end + 4 * dir))?;
            reach = end + (mark_px + 2) * dir;
        }
    }
    Ok(reach)
}

fn axis_desc(data: &ChartData, scale: Scale) -> String {
    let base = match data.number_kind() {
        NumberKind::Money => "Montant (MAD)",
        NumberKind::Percent => "Pourcentage",
        NumberKind::Count => "Nombre",
    };
    if scale == Scale::Log && data.kind != ChartKind::Timeline {
        format!("{base}, échelle logarithmique")
    } else {
        base.to_string()
    }
}

/// Budgets, People and Shares: one horizontal bar per figure, labels on the left.
fn draw_hbars<DB: DrawingBackend>(
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

#[cfg(test)]
mod tests {
    #[test]
    fn clamp_is_f64_clamp_wherever_that_does_not_panic() {
        let values = [
            f64::NEG_INFINITY,
            -1e300,
            -2.5,
            -0.0,
            0.0,
            0.5,
            60.0,
            240.0,
            1e300,
            f64::INFINITY,
            f64::NAN,
        ];
        for lo in values {
            for hi in values.into_iter().filter(|&hi| lo <= hi) {
                for v in values {
                    assert_eq!(
                        super::clamp(v, lo, hi).to_bits(),
                        v.clamp(lo, hi).to_bits(),
                        "{v} in {lo}..={hi}"
                    );
                }
            }
        }
    }
}
