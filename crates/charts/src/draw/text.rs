//! Text without measuring it: plotters fonts at a given SVG `font-size`, anchoring, and widths
//! estimated from character counts (see the module header of `draw` for why), with which labels
//! are cut to fit.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Font sizes in pixels: the chart's title, and every other text.
pub(super) const TITLE_PX: f64 = 15.0;
pub(super) const LABEL_PX: f64 = 11.0;

/// A plotters font whose SVG `font-size` is `px` (plotters divides sizes by 1.24). The family
/// is given as `FontFamily::SansSerif`, not as the string "sans-serif": plotters lowercases a
/// family string (`str::to_lowercase`, with Unicode's case table) before matching it.
pub(super) fn font(px: f64, color: RGBColor) -> TextStyle<'static> {
    (FontFamily::SansSerif, px * 1.24).into_font().color(&color)
}

pub(super) fn anchored(style: TextStyle<'static>, h: HPos, v: VPos) -> TextStyle<'static> {
    style.pos(Pos::new(h, v))
}

/// Estimated width of `text` in pixels at `px` (average sans-serif glyph ≈ 0.56 em).
pub(super) fn text_width(text: &str, px: f64) -> i32 {
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
