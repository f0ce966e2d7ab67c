//! What the app says about embedding: the query string of the current view framed
//! ([`embedded_query`], with `embed=1`) and the source line under an embedded view
//! ([`source_line`]). The snippets themselves (an `<iframe data-raqmi>` after our resizing
//! script `embed.js`, the `<iframe>` alone, an `<amp-iframe resizable>`; a `<noscript>` with the
//! view's static image from `crate::fallback` or a link) are written by the "Intégrer"
//! dialog's module, `www/embed-dialog.js`, which the first load does not carry; its tests are
//! `tests/e2e/embed-snippet.test.mjs` and `fallbacks.test.mjs`. Pure, tested natively.

use super::format::date_in;
use super::i18n::strings;
use super::url::{to_query, Lang, ViewState};
use raqmi_model::document::{DateOrigin, Document};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::{parse, View};

    #[test]
    fn embeds_the_current_view_with_embed_1() {
        let (view, _) = parse("?q=num%C3%A9rique&cat=budget&view=chart");
        assert_eq!(
            embedded_query(&view),
            "?q=num%C3%A9rique&cat=budget&view=chart&embed=1"
        );
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
}
