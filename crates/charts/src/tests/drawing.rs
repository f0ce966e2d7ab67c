//! Drawing itself: nothing panics or prints NaN on absurd values, sizes and scales, the log
//! scale leaves out what it cannot place, the palette passes WCAG contrast, and the backend is
//! never asked to measure text.

use super::{assert_well_formed, corpus, les_eco, occurrences, opts};
use crate::draw::{category_color, category_shape, series_color, theme_colors};
use crate::{
    chart_data, draw_chart, draw_figure_card, figure_card, render_svg, to_csv, to_json, ChartError,
    ChartKind, ChartOptions, EmptyReason, Scale, Series, Theme, PEOPLE_CATEGORIES,
};
use raqmi_model::document::{Category, Figure, FigureKind, Qualifier, Span};
use raqmi_testkit::{count, money, percent};

#[test]
fn weird_values_never_panic() {
    let weird = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e300,
        -1e300,
        -5e6,
        0.0,
        -0.0,
        f64::MIN_POSITIVE,
        9.99e14,
    ];
    let mut figs = Vec::new();
    for &v in &weird {
        figs.push(money(v));
        figs.push(percent(v));
        figs.push(count(v, Category::Jobs, ""));
        figs.push(money(v).range(-v));
        figs.push(money(v).qualifier(Qualifier::Over));
        figs.push(percent(v).qualifier(Qualifier::Under));
    }
    // Sentences without the numbers, so that a "NaN" in the SVG can only come from formatting.
    figs.iter_mut()
        .for_each(|f| f.sentence = "Chiffre étrange.".into());
    let mut d = les_eco("").date(2024, Some(13), None).figures(figs).build();
    // Spans past the text and headline-less, empty-text documents.
    d.figures.push(Figure {
        span: Span::new(10_000, 10_005),
        value: 3.0,
        high: None,
        kind: FigureKind::Money,
        unit: "XOF".into(),
        category: Category::Budget,
        qualifier: None,
        meaning: Default::default(),
    });
    d.figures.push(Figure {
        span: Span::new(10_000, 10_005),
        value: 3.0,
        high: None,
        kind: FigureKind::Percent,
        unit: "%".into(),
        category: Category::Share,
        qualifier: Some(Qualifier::About),
        meaning: Default::default(),
    });
    let empty = les_eco("e").date(0, Some(0), Some(99)).build();
    let far = les_eco("f")
        .headline("x")
        .date(u16::MAX, None, None)
        .build();
    let docs = vec![d, empty, far];
    for kind in ChartKind::ALL {
        let data = chart_data(&docs, kind);
        for scale in [Scale::Linear, Scale::Log] {
            for theme in [Theme::Light, Theme::Dark] {
                for (width, height) in [
                    (720, None),
                    (10, Some(1)),
                    (300, Some(90)),
                    (4000, Some(100_000)),
                ] {
                    let options = ChartOptions {
                        width,
                        height,
                        scale,
                        theme,
                        ..opts()
                    };
                    match render_svg(&data, &options) {
                        Ok(c) => {
                            assert_well_formed(&c.svg);
                            for bad in ["NaN", "inf"] {
                                if let Some(p) = c.svg.find(bad) {
                                    panic!(
                                        "{bad} in {}",
                                        &c.svg[p.saturating_sub(200)..(p + 50).min(c.svg.len())]
                                    );
                                }
                            }
                        }
                        Err(ChartError::Empty(_)) => {}
                        Err(e) => panic!("{kind:?} {scale:?}: {e}"),
                    }
                }
            }
        }
        let _ = to_csv(&data);
        let _ = to_json(&data);
    }
    let data = chart_data(&docs, ChartKind::Budgets);
    assert!(data.notes.iter().any(|n| n.contains("hors limites")));
    assert!(data.points.iter().all(|p| p.value.is_finite()));
}

#[test]
fn log_scale_leaves_out_non_positive_values_and_says_so() {
    let docs = vec![les_eco("a")
        .headline("A")
        .date(2024, Some(1), None)
        .figures([money(1e3), money(1e9), money(0.0), money(-5.0)])
        .build()];
    let data = chart_data(&docs, ChartKind::Budgets);
    let options = ChartOptions {
        scale: Scale::Log,
        ..opts()
    };
    let chart = render_svg(&data, &options).unwrap();
    assert_eq!(chart.layout.marks.len(), 2);
    assert_eq!(chart.layout.skipped, 2);
    assert_eq!(occurrences(&chart.svg, "class=\"chart-mark"), 2);
    assert!(chart.desc.contains("2 barre(s) non dessinée(s)"));
    assert!(chart.svg.contains("échelle logarithmique"));
    let only_zero = vec![les_eco("a")
        .headline("A")
        .date(2024, Some(1), None)
        .figures([money(0.0)])
        .build()];
    assert_eq!(
        render_svg(&chart_data(&only_zero, ChartKind::Budgets), &options),
        Err(ChartError::Empty(EmptyReason::NoPositiveValues))
    );
}

fn luminance(c: plotters::style::RGBColor) -> f64 {
    let f = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
}

fn contrast(a: plotters::style::RGBColor, b: plotters::style::RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn palette_passes_wcag_contrast_on_light_and_dark_backgrounds() {
    let light = theme_colors(Theme::Light);
    let dark = theme_colors(Theme::Dark);
    let cats = [
        Some(Category::Budget),
        Some(Category::Participants),
        Some(Category::Members),
        Some(Category::Beneficiaries),
        Some(Category::Jobs),
        Some(Category::Companies),
        Some(Category::Share),
        Some(Category::Other),
        None,
    ];
    let marks = cats.iter().map(|c| category_color(*c)).chain([
        series_color(Series::Articles),
        series_color(Series::Figures),
    ]);
    for c in marks {
        assert!(contrast(c, light.background) >= 3.0, "{c:?} on light");
        assert!(contrast(c, dark.background) >= 3.0, "{c:?} on dark");
    }
    assert!(contrast(light.text, light.background) >= 4.5);
    assert!(contrast(dark.text, dark.background) >= 4.5);
    assert!(contrast(light.axis, light.background) >= 3.0);
    assert!(contrast(dark.axis, dark.background) >= 3.0);
    // Categories of the people chart never share a shape.
    let shapes: Vec<_> = PEOPLE_CATEGORIES
        .iter()
        .map(|c| category_shape(Some(*c)))
        .collect();
    for (i, a) in shapes.iter().enumerate() {
        assert!(!shapes[i + 1..].contains(a));
    }
}

/// A backend that draws nothing and fails the test if asked to measure text: on wasm32,
/// plotters measures text through the DOM, which the charts must never depend on.
struct NoMeasure {
    size: (u32, u32),
    texts: usize,
}

impl plotters::prelude::DrawingBackend for NoMeasure {
    type ErrorType = std::io::Error;
    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(
        &mut self,
    ) -> Result<(), plotters_backend::DrawingErrorKind<std::io::Error>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), plotters_backend::DrawingErrorKind<std::io::Error>> {
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        _: plotters_backend::BackendCoord,
        _: plotters_backend::BackendColor,
    ) -> Result<(), plotters_backend::DrawingErrorKind<std::io::Error>> {
        Ok(())
    }
    fn draw_rect<S: plotters_backend::BackendStyle>(
        &mut self,
        _: plotters_backend::BackendCoord,
        _: plotters_backend::BackendCoord,
        _: &S,
        _: bool,
    ) -> Result<(), plotters_backend::DrawingErrorKind<std::io::Error>> {
        Ok(())
    }
    fn draw_text<S: plotters_backend::BackendTextStyle>(
        &mut self,
        _: &str,
        _: &S,
        _: plotters_backend::BackendCoord,
    ) -> Result<(), plotters_backend::DrawingErrorKind<std::io::Error>> {
        self.texts += 1;
        Ok(())
    }
    fn estimate_text_size<S: plotters_backend::BackendTextStyle>(
        &self,
        text: &str,
        _: &S,
    ) -> Result<(u32, u32), plotters_backend::DrawingErrorKind<std::io::Error>> {
        panic!("plotters asked to measure {text:?}");
    }
}

#[test]
fn drawing_never_asks_the_backend_to_measure_text() {
    use plotters::prelude::IntoDrawingArea;
    let docs = corpus(200);
    for kind in ChartKind::ALL {
        for scale in [Scale::Linear, Scale::Log] {
            let data = chart_data(&docs, kind);
            let options = ChartOptions { scale, ..opts() };
            let area = NoMeasure {
                size: (720, 900),
                texts: 0,
            }
            .into_drawing_area();
            let layout = draw_chart(&area, &data, &options).expect("drawn");
            assert_eq!(layout.marks.len(), data.bars.len());
        }
    }
    let d = &docs[0];
    let card = figure_card(d, 0).unwrap();
    let area = NoMeasure {
        size: (320, 56),
        texts: 0,
    }
    .into_drawing_area();
    draw_figure_card(&area, &card, &opts()).expect("drawn");
}
