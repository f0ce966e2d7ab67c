//! Colours and marker shapes. Mark colours pass 3:1 against both themes' backgrounds (WCAG
//! non-text contrast) and text 4.5:1 against its own; categories also differ by shape, never
//! by hue alone.

use crate::{Series, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use raqmi_model::document::Category;

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

pub(super) fn draw_shape<DB: DrawingBackend>(
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
