//! The search box and the result list: each result is an `<article>` with its headline (a link
//! to the reader), `<time datetime>`, source, and a snippet whose matched words are `<mark>`ed.
//! Snippets are built as nodes from the engine's parts, never as HTML. How many results are
//! shown is the app state's (`AppState::shown`): "show more" asks the root for another page.
//! A card whose headline reads and links exactly as the prerendered view's shows that very
//! `<h2>` node ([`keep_prerendered_headlines`]): the largest paint stays the first paint's
//! element when the app takes over.

use crate::dom;
use raqmi_explorer::card::{card_data, count_text, more_text, SNIPPET_CHARS};
use raqmi_explorer::corpus::{CorpusRef, ResultsRef};
use raqmi_explorer::i18n::strings;
use raqmi_explorer::url::{DocLinks, Lang};
use raqmi_search::query::{snippet, Hit};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, NodeList};
use yew::prelude::*;

/// The search box: `query` its text; `on_query` gets the text as typed, at every keystroke. A
/// plain function, not a component (each component type costs the wasm about 2 KB): the root
/// re-renders it with the same text, which leaves the field alone (yew compares the value with
/// the one it rendered, not with the field's).
pub fn search_box(query: &str, lang: Lang, on_query: &Callback<String>) -> Html {
    let t = strings(lang);
    let oninput = {
        let on_query = on_query.clone();
        Callback::from(move |e: InputEvent| {
            on_query.emit(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="search" class="search-label">{ t.get("search.label") }</label>
            <input id="search" type="search" value={query.to_string()} {oninput}
                placeholder={t.get("search.placeholder")} autocomplete="off" spellcheck="false"
                aria-describedby="search-help" />
            <p id="search-help" class="hint">{ t.get("search.help") }</p>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub corpus: CorpusRef,
    /// The search's results (shared with the other views, compared by identity).
    pub results: ResultsRef,
    /// The search text, whose words the snippets mark.
    pub query: String,
    pub lang: Lang,
    /// How many results are shown.
    pub shown: usize,
    /// The results are an earlier query's, kept while this one's files arrive (`aria-busy`).
    pub busy: bool,
    /// The cards' links to the reader.
    pub links: DocLinks,
    /// Opens an article (by id; no figure).
    pub on_open: Callback<(String, Option<u32>)>,
    /// "Show more": one more page.
    pub on_more: Callback<()>,
}

/// The result list. A plain function, not a component (each component type costs the wasm
/// about 2 KB): every keystroke gives it other results, so it rendered with the root anyway.
pub fn result_list(props: &ResultListProps) -> Html {
    #[cfg(debug_assertions)]
    RENDERS.with(|r| r.set(r.get() + 1));
    let t = strings(props.lang);
    let shown = props.shown;
    let total = props.results.total;
    let count = count_text(props.lang, total);
    let more = props.on_more.reform(|_: MouseEvent| ());
    html! {
        <section class="results-view" aria-labelledby="results-title"
                 aria-busy={props.busy.then_some("true")}>
            <h1 id="results-title">{ t.get("results.title") }</h1>
            <p role="status" class="result-count">{ count }</p>
            if total == 0 {
                <p class="empty">{ t.get("results.none") }</p>
            }
            // Unkeyed on purpose: a keystroke usually brings other articles, and patching the
            // cards already in the page (their text and links) costs less than removing twenty
            // and building twenty new ones.
            // One listener for every headline's link, the kept prerendered ones included.
            <ol class="results" onclick={dom::follow_link(props.on_open.clone())}>
                { for props.results.hits.iter().take(shown).map(|hit| html! {
                    <li>{ result_card(props, hit) }</li>
                }) }
            </ol>
            if total > shown {
                <button type="button" class="more" onclick={more}>
                    { more_text(props.lang, total - shown) }
                </button>
            }
        </section>
    }
}

#[cfg(debug_assertions)]
thread_local! {
    /// How many times [`result_list`] rendered: the browser tests check that a keystroke renders
    /// the list once (debug builds only).
    static RENDERS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// How many times the result list has rendered since the page loaded (debug builds only: for
/// the browser tests).
#[cfg(debug_assertions)]
#[doc(hidden)]
pub fn result_list_renders() -> u32 {
    RENDERS.with(|r| r.get())
}

thread_local! {
    /// The prerendered view's headline links (`view::take_over` keeps them). A static list:
    /// it still holds each one after the app has moved it into its own card.
    static PRERENDERED: RefCell<Option<NodeList>> = const { RefCell::new(None) };
}

/// Keeps the headline links of the prerendered cards under `root` before the app replaces it.
pub fn keep_prerendered_headlines(root: &Element) {
    // The first headline's paint is timed (`elementtiming`, the benchmark's): moved into the
    // app, it would be timed a second time.
    if let Ok(Some(first)) = root.query_selector("[elementtiming]") {
        let _ = first.remove_attribute("elementtiming");
    }
    PRERENDERED
        .with(|p| *p.borrow_mut() = root.query_selector_all(".prerendered .result-link").ok());
}

/// The prerendered `<h2>` whose link goes to `href`: yew then shows that node (a `VRef`)
/// instead of drawing its own copy. The href names the article and the view, and the
/// prerendered card's headline is `card_data`'s, as the app's: the same href reads the same.
/// Its link has no listener of its own: the list's (`dom::follow_link`) opens it in the app.
fn prerendered_headline(href: &str) -> Option<Html> {
    PRERENDERED.with(|p| {
        let p = p.borrow();
        let links = p.as_ref()?;
        // The selector matches elements only: no `instanceof` check needed.
        (0..links.length())
            .filter_map(|i| links.item(i))
            .find(|a| {
                a.unchecked_ref::<Element>()
                    .get_attribute("href")
                    .as_deref()
                    == Some(href)
            })?
            .parent_node()
            .map(Html::VRef)
    })
}

/// One result card. A plain function, not a component: every keystroke changes the query each
/// card shows marked, so a component would re-render every card anyway, after cloning its
/// props and going through the scheduler.
fn result_card(props: &ResultListProps, hit: &Hit) -> Html {
    let corpus = &props.corpus;
    let Some(doc) = corpus.docs.get(hit.doc as usize) else {
        return html! {};
    };
    // Its text file is on its way (`data::update`): said, not shown half.
    if !corpus.has_text(hit.doc as usize) {
        return html! {
            <p class="result-pending loading" aria-busy="true">
                { strings(props.lang).get("data.loading") }
            </p>
        };
    }
    // The same values as the card prerendered into index.html (`raqmi_explorer::card`).
    let card = card_data(doc, &props.links, props.lang);
    // Without a query the headline is unmarked: the prerendered one, if it is there.
    let kept = if props.query.trim().is_empty() {
        prerendered_headline(&card.href)
    } else {
        None
    };
    let headline = kept.unwrap_or_else(|| {
        let title = marked_title(card.title, card.is_headline, hit);
        html! { <h2><a class="result-link" href={card.href}>{ title }</a></h2> }
    });
    let parts = if props.query.trim().is_empty() {
        Vec::new()
    } else if hit.matches.is_empty() && hit.headline_matches.is_empty() {
        // The engine locates matches for the first page of hits only; deeper ones on demand.
        let (matches, headline_matches) = corpus.matches(&props.query, hit.doc);
        let hit = Hit {
            matches,
            headline_matches,
            ..hit.clone()
        };
        snippet(doc, &hit, SNIPPET_CHARS)
    } else {
        snippet(doc, hit, SNIPPET_CHARS)
    };
    html! {
        <article class="result" data-id={card.id.clone()}>
            { headline }
            <p class="meta">
                if let Some(date) = card.date {
                    <time datetime={date.iso}>{ date.text }</time>
                }
                if let Some(source) = card.source {
                    <span class="source">{ source }</span>
                }
                <code class="doc-id">{ card.id.clone() }</code>
                { crate::own::mark(&card.id, false) }
            </p>
            if !parts.is_empty() {
                <p class="snippet">
                    { for parts.into_iter().map(|p| if p.marked {
                        html! { <mark>{ p.text }</mark> }
                    } else {
                        html! { { p.text } }
                    }) }
                </p>
            }
        </article>
    }
}

/// The headline with the query's matches marked (only for a real headline: the first words of
/// a text have no headline matches).
fn marked_title(title: String, is_headline: bool, hit: &Hit) -> Html {
    if !is_headline || hit.headline_matches.is_empty() {
        return html! { { title } };
    }
    let mut out = Vec::new();
    let mut at = 0;
    for span in &hit.headline_matches {
        let (s, e) = (span.start as usize, span.end as usize);
        let (Some(before), Some(word)) = (title.get(at..s), title.get(s..e)) else {
            return html! { { title } };
        };
        out.push(html! { { before.to_string() } });
        out.push(html! { <mark>{ word.to_string() }</mark> });
        at = e;
    }
    out.push(html! { { title.get(at..).unwrap_or("").to_string() } });
    out.into_iter().collect::<Html>()
}
