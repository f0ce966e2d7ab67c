//! Keyword in context: every occurrence of the current query across the filtered corpus, with
//! its left and right context, each linking to its article (what Voyant calls Contexts).

use crate::dom;
use raqmi_explorer::corpus::CorpusRef;
use raqmi_explorer::i18n::strings;
use raqmi_explorer::url::{DocLinks, Lang};
use raqmi_search::query::{Filters, KwicLine};
use std::rc::Rc;
use yew::prelude::*;

/// Characters of context on each side.
const CONTEXT_CHARS: usize = 60;
/// Lines listed at most (the count says when there are more).
const LIMIT: usize = 500;

/// The lines of the current query (`None` when the view is not shown: nothing is computed),
/// once per change of corpus, query or filters. A hook of the root, not a component of its own
/// (each component type costs the wasm about 2 KB): [`contexts_view`] draws them.
#[hook]
pub fn use_kwic(shown: Option<(CorpusRef, String, Filters)>) -> Rc<Vec<KwicLine>> {
    use_memo(shown, |shown| match shown {
        Some((corpus, q, f)) => corpus.kwic(q, f, CONTEXT_CHARS, LIMIT + 1),
        None => Vec::new(),
    })
}

/// The view: `lines` are [`use_kwic`]'s for the query `q`; each links to its article
/// (`links`), opened by `on_open`.
pub fn contexts_view(
    corpus: &CorpusRef,
    q: &str,
    lines: &[KwicLine],
    lang: Lang,
    links: &DocLinks,
    on_open: &Callback<String>,
) -> Html {
    let t = strings(lang);
    let more = lines.len() > LIMIT;
    let shown = &lines[..lines.len().min(LIMIT)];
    let count = if more {
        t.fill("contexts.count_more", &[("n", &LIMIT.to_string())])
    } else {
        t.fill("contexts.count", &[("n", &shown.len().to_string())])
    };
    html! {
        <section class="contexts-view" aria-labelledby="contexts-title">
            <h1 id="contexts-title">{ t.get("contexts.title") }</h1>
            <p role="status" class="result-count">{ count }</p>
            if q.trim().is_empty() {
                <p class="empty">{ t.get("contexts.empty") }</p>
            } else if !shown.is_empty() {
                // Scrolls sideways on a narrow screen; focusable so keyboards can scroll it too.
                <div class="table-scroll" tabindex="0" role="region" aria-label={t.fill("contexts.caption", &[("q", q)])}>
                <table class="kwic">
                    <caption>{ t.fill("contexts.caption", &[("q", q)]) }</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="kwic-left">{ t.get("contexts.left") }</th>
                            <th scope="col">{ t.get("contexts.keyword") }</th>
                            <th scope="col" class="kwic-right">{ t.get("contexts.right") }</th>
                            <th scope="col">{ t.get("contexts.article") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.iter().map(|line| {
                            let Some(doc) = corpus.docs.get(line.doc as usize) else { return html! {} };
                            html! {
                                <tr>
                                    <td class="kwic-left" dir="ltr">{ line.left.clone() }</td>
                                    <td class="kwic-key" dir="ltr"><mark>{ line.keyword.clone() }</mark></td>
                                    <td class="kwic-right" dir="ltr">{ line.right.clone() }</td>
                                    <td><a href={links.href(&doc.id, None)} title={doc.title(120)}
                                        onclick={dom::navigate(on_open.clone(), doc.id.clone())}>
                                        { doc.id.clone() }</a></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
            }
        </section>
    }
}
