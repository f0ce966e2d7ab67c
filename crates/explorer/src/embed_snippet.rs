//! The HTML a partner pastes to embed a view: the tag of our resizing script (`embed.js`,
//! shipped in `dist/`), then an `<iframe>` of the view's URL with `embed=1`. The script comes
//! first and without `defer`: the framed page reports its height when it first renders, and a
//! listener that is not there yet would miss it. No `style` attribute, so the snippet also
//! works on a partner page under a strict Content-Security-Policy. Pure, tested natively.

use super::url::{to_query, ViewState};
use raqmi_model::markup::escape_attr as attr;

/// The query string of `view` framed: the same view with `embed=1`.
pub fn embedded_query(view: &ViewState) -> String {
    to_query(&ViewState {
        embed: true,
        ..view.clone()
    })
}

/// The snippet that frames the view of `query` ([`embedded_query`]) of the app deployed at
/// `base` (its URL without query, e.g. `https://example.org/raqmi/`).
pub fn snippet(base: &str, query: &str, title: &str) -> String {
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => base,
    };
    let src = format!("{base}{query}");
    format!(
        "<script src=\"{}embed.js\"></script>\n<iframe src=\"{}\" title=\"{}\" data-raqmi \
         width=\"100%\" height=\"600\" frameborder=\"0\"></iframe>",
        attr(dir),
        attr(&src),
        attr(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::{parse, View};

    #[test]
    fn embeds_the_current_view_with_embed_1() {
        let (view, _) = parse("?q=num%C3%A9rique&cat=budget&view=chart");
        let s = snippet(
            "https://example.org/raqmi/index.html",
            &embedded_query(&view),
            "Raqmi",
        );
        assert!(s.contains("src=\"https://example.org/raqmi/index.html?q=num%C3%A9rique&amp;cat=budget&amp;view=chart&amp;embed=1\""), "{s}");
        assert!(
            s.starts_with("<script src=\"https://example.org/raqmi/embed.js\"></script>\n<iframe "),
            "{s}"
        );
        assert!(!s.contains("style="), "{s}");
        assert!(s.contains("data-raqmi"));
        assert_eq!(view.view, View::Chart);
    }

    #[test]
    fn a_hostile_title_cannot_break_out_of_the_attribute() {
        let s = snippet(
            "https://x/",
            &embedded_query(&ViewState::default()),
            "\"><script>alert(1)</script>",
        );
        assert!(!s.contains("<script>alert"), "{s}");
    }
}
