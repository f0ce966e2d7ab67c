//! The search box and the result list: each result is an `<article>` with its headline (a link
//! to the reader), `<time datetime>`, source, and a snippet whose matched words are `<mark>`ed.
//! Snippets are built as nodes from the engine's parts, never as HTML.

use crate::dom;
use raqmi_explorer::card::{card_data, count_text, more_text, PAGE};
use raqmi_explorer::corpus::{CorpusRef, ResultsRef};
use raqmi_explorer::i18n::strings;
use raqmi_explorer::state::Action;
use raqmi_explorer::url::ViewState;
use raqmi_search::query::{matches_for, snippet, Hit};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Characters of a snippet.
const SNIPPET_CHARS: usize = 220;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub view: ViewState,
    pub dispatch: Callback<Action>,
}

#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let t = strings(props.view.lang);
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            dispatch.emit(Action::SetQuery(value));
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="search" class="search-label">{ t.get("search.label") }</label>
            <input id="search" type="search" value={props.view.q.clone()} {oninput}
                placeholder={t.get("search.placeholder")} autocomplete="off" spellcheck="false"
                aria-describedby="search-help" />
            <p id="search-help" class="hint">{ t.get("search.help") }</p>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub corpus: CorpusRef,
    pub view: ViewState,
    pub results: ResultsRef,
    pub dispatch: Callback<Action>,
}

#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    let t = strings(props.view.lang);
    let shown = use_state(|| PAGE);
    {
        // A new search starts again from the first page.
        let shown = shown.clone();
        use_effect_with(props.results.clone(), move |_| shown.set(PAGE));
    }
    let total = props.results.total;
    let count = count_text(props.view.lang, total);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE))
    };
    html! {
        <section class="results-view" aria-labelledby="results-title">
            <h1 id="results-title">{ t.get("results.title") }</h1>
            <p role="status" class="result-count">{ count }</p>
            if total == 0 {
                <p class="empty">{ t.get("results.none") }</p>
            }
            // Unkeyed on purpose: a keystroke usually brings other articles, and patching the
            // cards already in the page (their text and links) costs less than removing twenty
            // and building twenty new ones.
            <ol class="results">
                { for props.results.hits.iter().take(*shown).map(|hit| html! {
                    <li>{ result_card(&props.corpus, &props.view, hit, &props.dispatch) }</li>
                }) }
            </ol>
            if total > *shown {
                <button type="button" class="more" onclick={more}>
                    { more_text(props.view.lang, total - *shown) }
                </button>
            }
        </section>
    }
}

/// One result card. A plain function, not a component: every keystroke changes the query each
/// card shows marked, so a component would re-render every card anyway, after cloning its
/// props and going through the scheduler.
fn result_card(
    corpus: &CorpusRef,
    view: &ViewState,
    hit: &Hit,
    dispatch: &Callback<Action>,
) -> Html {
    let Some(doc) = corpus.docs.get(hit.doc as usize) else {
        return html! {};
    };
    // The same values as the card prerendered into index.html (`app::card`).
    let card = card_data(doc, view);
    let open = dom::navigate(
        dispatch.clone(),
        Action::OpenDoc {
            id: doc.id.clone(),
            fig: None,
        },
    );
    let title = marked_title(card.title, card.is_headline, hit);
    let parts = if view.q.trim().is_empty() {
        Vec::new()
    } else if hit.matches.is_empty() && hit.headline_matches.is_empty() {
        // The engine locates matches for the first page of hits only; deeper ones on demand.
        let (matches, headline_matches) =
            matches_for(&corpus.index, &corpus.docs, &view.q, hit.doc);
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
            <h2><a class="result-link" href={card.href} onclick={open}>{ title }</a></h2>
            <p class="meta">
                if let Some(date) = card.date {
                    <time datetime={date.iso}>{ date.text }</time>
                }
                if let Some(source) = card.source {
                    <span class="source">{ source }</span>
                }
                <code class="doc-id">{ card.id }</code>
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
