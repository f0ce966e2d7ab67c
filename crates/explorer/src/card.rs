//! What a result card and the result list say, computed in one place for both of their
//! renderers: the yew views (`components/results.rs`, in the browser) and the static HTML of the
//! default view written into `index.html` at build time (`prerender.rs`). Keeping the data here
//! means a prerendered card cannot drift from the app's in its link, title, date or source: only
//! the markup around the values is written twice. Pure, tested natively.

use super::format::date_in;
use super::i18n::strings;
use super::url::{DocLinks, Lang};
use raqmi_model::document::Document;

/// Results shown at first; "show more" adds as many again. Twenty fill two screens, and every
/// keystroke renders them all again, so a longer page costs typing latency for cards nobody sees.
pub const PAGE: usize = 20;
// The engine locates the matches of one page of hits as it searches; a longer first page would
// look the rest up card by card.
const _: () = assert!(PAGE <= raqmi_search::query::MATCHED_HITS);
/// Characters of a card's snippet.
pub const SNIPPET_CHARS: usize = 220;
/// Characters of the first words that stand in for a missing headline.
pub const TITLE_CHARS: usize = 140;

/// The values of one result card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardData {
    /// The article's id (`data-id`, and the `doc-id` line).
    pub id: String,
    /// The reader's URL for the article, relative ("./?doc=…&view=doc"), keeping the current
    /// query and filters so that back from the reader returns to the same list.
    pub href: String,
    /// The headline, or the text's first words when the article has none.
    pub title: String,
    /// Whether `title` is the headline (only a headline can carry the query's marks).
    pub is_headline: bool,
    pub date: Option<CardDate>,
    pub source: Option<String>,
}

/// A date as `<time datetime="iso">text</time>`.
#[derive(Clone, Debug, PartialEq)]
pub struct CardDate {
    pub iso: String,
    pub text: String,
}

/// The card of `doc` in a list whose links to articles are `links` (`DocLinks::new` of the
/// list's view), in language `lang`.
pub fn card_data(doc: &Document, links: &DocLinks, lang: Lang) -> CardData {
    CardData {
        id: doc.id.clone(),
        href: links.href(&doc.id, None),
        title: doc.title(TITLE_CHARS),
        is_headline: doc.headline.is_some(),
        date: doc.date.map(|d| CardDate {
            iso: d.iso(),
            text: date_in(lang, &d, doc.date_origin),
        }),
        source: doc.source.clone(),
    }
}

/// "5 articles", "1 article": the result count announced in the status region.
pub fn count_text(lang: Lang, total: usize) -> String {
    let t = strings(lang);
    match total {
        1 => t.get("results.count.one").to_string(),
        n => t.fill("results.count", &[("n", &n.to_string())]),
    }
}

/// The "show more" button's label, `remaining` results not shown yet.
pub fn more_text(lang: Lang, remaining: usize) -> String {
    strings(lang).fill("results.more", &[("n", &remaining.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::{self, ViewState};
    use raqmi_testkit::DocBuilder;

    /// The article of the tests, from its source and text; each test adds a headline or a date.
    fn doc() -> DocBuilder {
        raqmi_testkit::doc("007_abc")
            .source("Les ECO")
            .sentence("Le premier paragraphe du texte, assez long pour être coupé.")
    }

    #[test]
    fn a_card_links_to_the_reader_and_keeps_the_lists_state() {
        let (view, _) = url::parse("?q=num%C3%A9rique&org=AUSIM");
        let d = doc().headline("Titre").date(2021, Some(4), Some(1)).build();
        let c = card_data(&d, &DocLinks::new(&view), view.lang);
        assert_eq!(c.id, "007_abc");
        assert_eq!(c.href, "./?q=num%C3%A9rique&org=AUSIM&doc=007_abc&view=doc");
        assert_eq!((c.title.as_str(), c.is_headline), ("Titre", true));
        assert_eq!(
            c.date,
            Some(CardDate {
                iso: "2021-04-01".into(),
                text: "1er avril 2021".into()
            })
        );
        assert_eq!(c.source.as_deref(), Some("Les ECO"));
    }

    #[test]
    fn a_card_without_headline_shows_the_first_words_and_an_estimated_date() {
        let d = doc().inferred_date(2022).build();
        let c = card_data(&d, &DocLinks::new(&ViewState::default()), Lang::Fr);
        assert_eq!(c.href, "./?doc=007_abc&view=doc");
        assert!(!c.is_headline);
        assert!(c.title.starts_with("Le premier paragraphe"));
        assert_eq!(c.date.map(|d| d.text).as_deref(), Some("2022 (estimée)"));
    }

    #[test]
    fn counts_and_more_buttons_read_naturally() {
        assert_eq!(count_text(Lang::Fr, 0), "0 articles");
        assert_eq!(count_text(Lang::Fr, 1), "1 article");
        assert_eq!(count_text(Lang::Fr, 5), "5 articles");
        assert_eq!(more_text(Lang::Fr, 12), "Afficher plus (12 restants)");
    }
}
