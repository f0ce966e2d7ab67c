//! `corpus fallbacks DIR OUT`, run as a built binary as the post_build hook runs it: one SVG
//! and one PNG per chart of the seeds, the PNG the SVG's size, the SVG's description the one
//! the app writes for the same chart (its alternative text), a chart with nothing to draw
//! gets no file, and a missing font or corpus fails with a message saying so.

use std::fs;

mod common;
use common::{run, text, Dir};

/// Width and height of a PNG (its IHDR chunk).
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

/// An attribute of the root `<svg>`.
fn svg_attr(svg: &str, name: &str) -> u32 {
    let root = &svg[svg.find("<svg").unwrap()..];
    let root = &root[..root.find('>').unwrap()];
    let at = root.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    root[at..at + root[at..].find('"').unwrap()]
        .parse()
        .unwrap()
}

#[test]
fn fallbacks_draws_each_chart_of_the_seeds_as_svg_and_png() {
    let out_dir = Dir::new("cli_fallbacks", "seeds");
    let out = run(&["fallbacks", "seeds", out_dir.path()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for chart in ["budget", "people", "shares", "timeline"] {
        let svg = fs::read_to_string(out_dir.0.join(format!("{chart}.svg"))).unwrap();
        let png = fs::read(out_dir.0.join(format!("{chart}.png"))).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.contains("role=\"img\""),
            "{svg}"
        );
        let size = (svg_attr(&svg, "width"), svg_attr(&svg, "height"));
        assert_eq!(png_size(&png), size, "{chart}");
        // The marks the summary line counts are the ones the description says are drawn.
        let line = stdout
            .lines()
            .find(|l| l.starts_with(&format!("{chart}: ")))
            .unwrap();
        let marks: usize = line
            .split(", ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(marks > 0, "{line}");
        assert!(
            svg.contains(&format!("{marks} barre")),
            "{chart}: {marks} in {svg}"
        );
        // A drawing only: no links in an image.
        assert!(!svg.contains("<a "), "{svg}");
    }
}

#[test]
fn a_chart_with_nothing_to_draw_gets_no_file() {
    let corpus = Dir::new("cli_fallbacks", "corpus");
    fs::write(
        corpus.0.join("100_autre.txt"),
        "date 2023-05\nsource La Vie éco\nUn titre\n\nLe Maroc compte 1 200 start-up, selon le rapport publié cette année.\n",
    )
    .unwrap();
    let out_dir = Dir::new("cli_fallbacks", "out");
    let out = run(&["fallbacks", corpus.path(), out_dir.path()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("budget: no fallback ("),
        "{}",
        text(&out.stdout)
    );
    assert!(!out_dir.0.join("budget.svg").exists() && !out_dir.0.join("budget.png").exists());
    assert!(out_dir.0.join("timeline.png").exists());
}

#[test]
fn a_missing_font_or_corpus_fails_with_a_message() {
    let out_dir = Dir::new("cli_fallbacks", "fails");
    let out = std::process::Command::new(common::BIN)
        .args(["fallbacks", "seeds", out_dir.path()])
        .current_dir(raqmi_testkit::repo_root())
        .env("RAQMI_FONT", "/nonexistent/font.ttf")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("RAQMI_FONT=/nonexistent/font.ttf: cannot read"),
        "{stderr}"
    );
    let out = run(&["fallbacks", "/nonexistent/corpus", out_dir.path()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out.stderr).is_empty() && !text(&out.stderr).contains("panicked"));
}
