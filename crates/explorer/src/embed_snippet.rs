//! The HTML a partner pastes to embed a view, in three [`Variant`]s:
//! - `Script`: the tag of our resizing script (`embed.js`, shipped in `dist/`), then an
//!   `<iframe data-raqmi>` of the view's URL with `embed=1`. The script comes first and without
//!   `defer`: the framed page reports its height when it first renders, and a listener that is
//!   not there yet would miss it.
//! - `Iframe`: the `<iframe>` alone, at a fixed height (pages that take no script).
//! - `Amp`: an `<amp-iframe resizable>` for AMP pages, with AMP's own script tag, the required
//!   `overflow` element and a placeholder `<amp-img>` of the view's static PNG. Its `src` is
//!   `https` (AMP loads no other) and ends with `#amp`, which makes the framed page post AMP's
//!   `embed-size` message instead of ours (`www/embed-frame.js`, README "Embedding").
//!
//! The first two end with a `<noscript>`: the view's static SVG (`crate::fallback`, with its
//! alternative text) when the view is a chart that has one, else a link to the view. No `style`
//! attribute, so the snippet also works on a partner page under a strict
//! Content-Security-Policy. Pure, tested natively.

use super::format::date_in;
use super::i18n::strings;
use super::url::{to_query, Lang, ViewState};
use raqmi_charts::ChartKind;
use raqmi_model::document::{DateOrigin, Document};
use raqmi_model::markup::escape_attr as attr;

/// The source line under an embedded view: "Source : Raqmi, N articles, <date of the corpus>",
/// the date being the newest article's (what the corpus is up to).
pub fn source_line(docs: &[Document], lang: Lang) -> String {
    let newest = docs
        .iter()
        .filter_map(|d| d.date)
        .max_by_key(|d| (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)));
    let date = newest
        .map(|d| date_in(lang, &d, DateOrigin::Stated))
        .unwrap_or_default();
    let line = strings(lang).fill(
        "embed.source",
        &[("n", &docs.len().to_string()), ("date", &date)],
    );
    // No date known: no dangling comma.
    line.trim_end_matches([',', '،', ' ']).to_string()
}

/// The query string of `view` framed: the same view with `embed=1`.
pub fn embedded_query(view: &ViewState) -> String {
    to_query(&ViewState {
        embed: true,
        ..view.clone()
    })
}

/// Which snippet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    Iframe,
    Script,
    Amp,
}

impl Variant {
    pub const ALL: [Variant; 3] = [Variant::Script, Variant::Iframe, Variant::Amp];

    /// A short stable name, for ids.
    pub fn slug(self) -> &'static str {
        match self {
            Variant::Iframe => "iframe",
            Variant::Script => "script",
            Variant::Amp => "amp",
        }
    }
}

/// A view's static image (`crate::fallback`): which chart, its alternative text and size.
#[derive(Clone, Debug, PartialEq)]
pub struct FallbackImage {
    pub kind: ChartKind,
    pub alt: String,
    pub width: u32,
    pub height: u32,
}

/// What a snippet frames.
pub struct Framed<'a> {
    /// The app's URL without query (e.g. `https://example.org/raqmi/index.html`).
    pub base: &'a str,
    /// The view's query with `embed=1` ([`embedded_query`]).
    pub query: &'a str,
    /// The frame's accessible name.
    pub title: &'a str,
    /// The view's static image, when it has one.
    pub fallback: Option<&'a FallbackImage>,
    /// The AMP overflow button's text ("Afficher tout").
    pub overflow: &'a str,
}

/// AMP's script for `<amp-iframe>`: the partner's AMP page loads it; our app never does.
pub const AMP_IFRAME_SCRIPT: &str = "https://cdn.ampproject.org/v0/amp-iframe-0.1.js";

/// The snippet of `variant` for `framed`. Built piece by piece (the three formats share the
/// frame's tag): the wasm carries one builder, not three templates.
pub fn snippet(variant: Variant, framed: &Framed) -> String {
    let base = framed.base;
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => base,
    };
    let src = format!("{base}{}", framed.query);
    let title = attr(framed.title);
    let amp = variant == Variant::Amp;
    // AMP loads https only.
    let https = |url: String| match url.strip_prefix("http://") {
        Some(rest) if amp => format!("https://{rest}"),
        _ => url,
    };
    let mut out = String::with_capacity(600);
    match variant {
        Variant::Script => {
            out.push_str("<script src=\"");
            out.push_str(&attr(dir));
            out.push_str("embed.js\"></script>\n<iframe");
        }
        Variant::Iframe => out.push_str("<iframe"),
        Variant::Amp => {
            out.push_str("<script async custom-element=\"amp-iframe\" src=\"");
            out.push_str(AMP_IFRAME_SCRIPT);
            out.push_str("\"></script>\n<amp-iframe");
        }
    }
    out.push_str(" src=\"");
    out.push_str(&attr(&https(src.clone())));
    out.push_str(if amp {
        "#amp\" title=\""
    } else {
        "\" title=\""
    });
    out.push_str(&title);
    out.push('"');
    if !amp {
        if variant == Variant::Script {
            out.push_str(" data-raqmi");
        }
        out.push_str(" width=\"100%\" height=\"600\" frameborder=\"0\"></iframe>\n");
        match framed.fallback {
            Some(f) => out.push_str(&format!(
                "<noscript><img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\"></noscript>",
                attr(&format!("{dir}{}", crate::fallback::file(f.kind, "svg"))),
                attr(&f.alt),
                f.width,
                f.height
            )),
            None => out.push_str(&format!(
                "<noscript><a href=\"{}\">{title}</a></noscript>",
                attr(&src.replace("&embed=1", "").replace("?embed=1", "?"))
            )),
        }
        return out;
    }
    let (image, alt, width, height) = match framed.fallback {
        Some(f) => (
            crate::fallback::file(f.kind, "png"),
            f.alt.as_str(),
            f.width,
            f.height,
        ),
        None => ("icons/icon-512.png".to_string(), framed.title, 600, 600),
    };
    let overflow = attr(framed.overflow);
    out.push_str(&format!(
        " width=\"{width}\" height=\"{height}\" layout=\"responsive\" resizable \
         sandbox=\"allow-scripts allow-same-origin\" frameborder=\"0\">\n  <div overflow \
         tabindex=\"0\" role=\"button\" aria-label=\"{overflow}\">{overflow}</div>\n  <amp-img \
         placeholder layout=\"fill\" src=\"{}\" alt=\"{}\"></amp-img>\n</amp-iframe>",
        attr(&https(format!("{dir}{image}"))),
        attr(alt),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::{parse, View};

    fn framed<'a>(
        base: &'a str,
        query: &'a str,
        fallback: Option<&'a FallbackImage>,
    ) -> Framed<'a> {
        Framed {
            base,
            query,
            title: "Raqmi",
            fallback,
            overflow: "Afficher tout",
        }
    }

    #[test]
    fn embeds_the_current_view_with_embed_1() {
        let (view, _) = parse("?q=num%C3%A9rique&cat=budget&view=chart");
        let query = embedded_query(&view);
        let s = snippet(
            Variant::Script,
            &framed("https://example.org/raqmi/index.html", &query, None),
        );
        assert!(s.contains("src=\"https://example.org/raqmi/index.html?q=num%C3%A9rique&amp;cat=budget&amp;view=chart&amp;embed=1\""), "{s}");
        assert!(
            s.starts_with("<script src=\"https://example.org/raqmi/embed.js\"></script>\n<iframe "),
            "{s}"
        );
        assert!(!s.contains("style="), "{s}");
        assert!(s.contains("data-raqmi"));
        // No static image for a filtered chart: a link to the full view instead.
        assert!(s.ends_with("<noscript><a href=\"https://example.org/raqmi/index.html?q=num%C3%A9rique&amp;cat=budget&amp;view=chart\">Raqmi</a></noscript>"), "{s}");
        assert_eq!(view.view, View::Chart);
        let plain = snippet(Variant::Iframe, &framed("https://x/", &query, None));
        assert!(plain.starts_with("<iframe src=\"https://x/?q="), "{plain}");
        assert!(
            !plain.contains("<script") && !plain.contains("data-raqmi"),
            "{plain}"
        );
    }

    #[test]
    fn a_chart_with_a_fallback_names_its_image_in_noscript_and_amp() {
        let image = FallbackImage {
            kind: ChartKind::People,
            alt: "Participants. 9 barre(s) dessinée(s).".into(),
            width: 720,
            height: 339,
        };
        let query = "?view=chart&chart=people&embed=1";
        let f = framed("http://example.org/r/", query, Some(&image));
        let s = snippet(Variant::Iframe, &f);
        assert!(s.ends_with("<noscript><img src=\"http://example.org/r/fallback/people.svg\" alt=\"Participants. 9 barre(s) dessinée(s).\" width=\"720\" height=\"339\"></noscript>"), "{s}");
        let amp = snippet(Variant::Amp, &f);
        assert!(amp.starts_with(&format!("<script async custom-element=\"amp-iframe\" src=\"{AMP_IFRAME_SCRIPT}\"></script>\n<amp-iframe src=\"https://example.org/r/?view=chart&amp;chart=people&amp;embed=1#amp\" ")), "{amp}");
        for required in [
            " width=\"720\" height=\"339\" layout=\"responsive\" resizable sandbox=\"allow-scripts allow-same-origin\"",
            "<div overflow tabindex=\"0\" role=\"button\" aria-label=\"Afficher tout\">Afficher tout</div>",
            "<amp-img placeholder layout=\"fill\" src=\"https://example.org/r/fallback/people.png\" alt=\"Participants. 9 barre(s) dessinée(s).\"></amp-img>\n</amp-iframe>",
        ] {
            assert!(amp.contains(required), "{required} in {amp}");
        }
        assert!(!amp.contains("<noscript>"), "{amp}");
    }

    #[test]
    fn the_source_line_counts_the_articles_and_dates_the_newest() {
        let docs = crate::corpus::seed_corpus().docs;
        let line = source_line(&docs, Lang::Fr);
        assert!(
            line.starts_with(&format!("Source : Raqmi, {} articles, ", docs.len())),
            "{line}"
        );
        let newest = docs.iter().filter_map(|d| d.date).map(|d| d.year).max();
        assert!(line.contains(&newest.unwrap().to_string()), "{line}");
        assert_eq!(source_line(&[], Lang::En), "Source: Raqmi, 0 articles");
    }

    #[test]
    fn a_hostile_title_cannot_break_out_of_the_attribute() {
        let query = embedded_query(&ViewState::default());
        let image = FallbackImage {
            kind: ChartKind::Budgets,
            alt: "\"><script>alert(2)</script>".into(),
            width: 1,
            height: 1,
        };
        for variant in Variant::ALL {
            let mut f = framed("https://x/", &query, Some(&image));
            f.title = "\"><script>alert(1)</script>";
            let s = snippet(variant, &f);
            assert!(!s.contains("<script>alert"), "{s}");
        }
    }
}
