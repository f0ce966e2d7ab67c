//! The chart as a PNG (feature `raster`, enabled only by the `corpus` CLI for the build-time
//! fallback images: the web app draws SVG and never links this). The same `draw_chart` as the
//! SVG, on plotters' bitmap backend, with the same width and height as [`crate::render_svg`]
//! gives them, encoded by the pure-Rust `png` crate (RGB, 8 bits).
//!
//! plotters rasterises text with ab_glyph, from a font it is given: [`use_font`] registers one
//! (the caller reads a TrueType/OpenType file, e.g. DejaVu Sans) as the sans-serif family the
//! drawing names, for the normal and the bold style.

use super::draw::draw_chart;
use super::{ChartData, ChartError, ChartOptions};
use plotters::prelude::*;
use plotters::style::{register_font, FontFamily, FontStyle};

/// Registers `font` (the bytes of a TrueType/OpenType file) as the charts' sans-serif font.
/// Leaked on purpose: plotters keeps fonts for the life of the process.
pub fn use_font(font: Vec<u8>) -> Result<(), String> {
    let bytes: &'static [u8] = Box::leak(font.into_boxed_slice());
    let name = FontFamily::SansSerif.as_str();
    for style in [FontStyle::Normal, FontStyle::Bold] {
        register_font(name, style, bytes)
            .map_err(|_| "not a TrueType/OpenType font".to_string())?;
    }
    Ok(())
}

/// A PNG of `data`, as [`crate::render_svg`] would draw it (same size, same refusals); a font
/// must have been registered with [`use_font`].
pub fn render_png(data: &ChartData, options: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    let (width, height) = crate::svg::drawable_size(data, options)?;
    let mut rgb = vec![255u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
        draw_chart(&root, data, options).map_err(|e| ChartError::Draw(e.to_string()))?;
        root.present()
            .map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    let mut out = Vec::with_capacity(rgb.len() / 4);
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Best);
        let mut writer = encoder
            .write_header()
            .map_err(|e| ChartError::Draw(e.to_string()))?;
        writer
            .write_image_data(&rgb)
            .map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{chart_data, render_svg, ChartKind};
    use raqmi_testkit::seed_documents;

    /// The PNG's width and height, from its IHDR chunk.
    fn size(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let be = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
        (be(16), be(20))
    }

    #[test]
    fn the_png_has_the_size_of_the_svg() {
        let font = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]
            .iter()
            .find_map(|p| std::fs::read(p).ok());
        let Some(font) = font else {
            eprintln!("no DejaVu Sans on this machine: the PNG test is skipped");
            return;
        };
        use_font(font).unwrap();
        let docs = seed_documents();
        for kind in ChartKind::ALL {
            let data = chart_data(&docs, kind);
            let options = ChartOptions::default();
            match (render_svg(&data, &options), render_png(&data, &options)) {
                (Ok(svg), Ok(png)) => assert_eq!(size(&png), (svg.width, svg.height), "{kind:?}"),
                (Err(a), Err(b)) => assert_eq!(a, b),
                (a, b) => panic!("{kind:?}: svg {:?} but png {:?}", a.is_ok(), b.is_ok()),
            }
        }
    }
}
