//! One horizontal mark that is honest about its figure: solid for an exact value, an open end
//! and an arrow for "plus de", a whisker for "environ", a hollow bar closed by a thick line for
//! an upper bound, a light band for a range, and capped bands for aggregated "autres".

use super::text::{anchored, font, LABEL_PX};
use crate::numfmt;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use raqmi_model::document::Qualifier;

/// Draws one horizontal mark from `zero` to `end` (pixels), honest about its qualifier.
/// Returns the right-most (or left-most, for a leftward bar) pixel it used.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_hmark<DB: DrawingBackend>(
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
