//! `corpus fallbacks DIR OUT`: the static fallback images of the chart views (see the crate's
//! header and `raqmi_explorer::fallback`), drawn natively: the SVG as the app draws it, the PNG
//! on plotters' bitmap backend (`raqmi_charts::raster`).

use raqmi_charts::{raster, ChartError, ChartKind};
use raqmi_explorer::{corpus::Corpus, fallback};
use std::path::{Path, PathBuf};

/// Where Debian puts the fonts the PNG's text can use, in order of preference.
const FONTS: [&str; 2] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
];

/// The font for the PNGs' text: `RAQMI_FONT`, else the first of [`FONTS`] found.
fn font() -> Result<(PathBuf, Vec<u8>), String> {
    if let Some(path) = std::env::var_os("RAQMI_FONT") {
        let path = PathBuf::from(path);
        return std::fs::read(&path)
            .map(|b| (path.clone(), b))
            .map_err(|e| format!("RAQMI_FONT={}: cannot read: {e}", path.display()));
    }
    FONTS
        .iter()
        .find_map(|p| std::fs::read(p).ok().map(|b| (PathBuf::from(p), b)))
        .ok_or_else(|| {
            format!(
                "no font for the PNG fallbacks' text: install fonts-dejavu-core (apt) or set RAQMI_FONT to a .ttf file (looked for {})",
                FONTS.join(", ")
            )
        })
}

pub fn write(dir: &str, out: &str) -> i32 {
    match super::app_corpus(dir) {
        Ok(corpus) => write_corpus(&corpus, out),
        Err(code) => code,
    }
}

/// The fallbacks of `corpus` into OUT (`corpus build` shares it).
pub fn write_corpus(corpus: &Corpus, out: &str) -> i32 {
    let (font_path, bytes) = match font() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("corpus fallbacks: {e}");
            return 1;
        }
    };
    if let Err(e) = raster::use_font(bytes) {
        eprintln!("{}: {e}", font_path.display());
        return 1;
    }
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("{out}: cannot create: {e}");
        return 1;
    }
    for kind in ChartKind::ALL {
        let (data, svg) = fallback::render(corpus, kind);
        let name = |ext: &str| Path::new(out).join(format!("{}.{ext}", kind.param()));
        let svg = match svg {
            Ok(svg) => svg,
            Err(ChartError::Empty(reason)) => {
                println!("{}: no fallback ({})", kind.param(), reason.message());
                continue;
            }
            Err(e) => {
                eprintln!("{}: {e}", kind.param());
                return 1;
            }
        };
        let png = match raster::render_png(&data, &fallback::options()) {
            Ok(png) => png,
            Err(e) => {
                eprintln!("{}: PNG: {e}", kind.param());
                return 1;
            }
        };
        for (path, bytes) in [
            (name("svg"), svg.drawing.as_bytes()),
            (name("png"), &png[..]),
        ] {
            if let Err(e) = std::fs::write(&path, bytes) {
                eprintln!("{}: cannot write: {e}", path.display());
                return 1;
            }
        }
        println!(
            "{}: {}x{}, {} mark(s), svg {} B, png {} B",
            kind.param(),
            svg.width,
            svg.height,
            svg.layout.marks.len(),
            svg.drawing.len(),
            png.len()
        );
    }
    0
}
