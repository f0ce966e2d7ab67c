//! The HTML a partner pastes to embed a view: the tag of our resizing script (`embed.js`,
//! shipped in `dist/`), then an `<iframe>` of the view's URL with `embed=1`. The script comes
//! first and without `defer`: the framed page reports its height when it first renders, and a
//! listener that is not there yet would miss it. No `style` attribute, so the snippet also
//! works on a partner page under a strict Content-Security-Policy. Pure, tested natively.

use super::format::date_in;
use super::i18n::strings;
use super::url::{to_query, Lang, ViewState};
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
        let s = snippet(
            "https://x/",
            &embedded_query(&ViewState::default()),
            "\"><script>alert(1)</script>",
        );
        assert!(!s.contains("<script>alert"), "{s}");
    }
}
