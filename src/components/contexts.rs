//! Keyword in context: every occurrence of the current query across the filtered corpus, with
//! its left and right context, each linking to its article (what Voyant calls Contexts).

use crate::dom;
use raqmi_explorer::corpus::CorpusRef;
use raqmi_explorer::i18n::strings;
use raqmi_explorer::url::{DocLinks, Lang};
use raqmi_search::query::Filters;
use yew::prelude::*;

/// Characters of context on each side.
const CONTEXT_CHARS: usize = 60;
/// Lines listed at most (the count says when there are more).
const LIMIT: usize = 500;

#[derive(Properties, PartialEq)]
pub struct ContextsProps {
    pub corpus: CorpusRef,
    /// The search text, whose occurrences are listed.
    pub query: String,
    /// The filters, which narrow the articles searched.
    pub filters: Filters,
    pub lang: Lang,
    /// The lines' links to their articles.
    pub links: DocLinks,
    /// Opens an article (by id).
    pub on_open: Callback<String>,
}

#[function_component(ContextsView)]
pub fn contexts_view(props: &ContextsProps) -> Html {
    let q = &props.query;
    let t = strings(props.lang);
    let lines = {
        let deps = (props.corpus.clone(), q.clone(), props.filters.clone());
        use_memo(deps, |(corpus, q, f)| {
            corpus.kwic(q, f, CONTEXT_CHARS, LIMIT + 1)
        })
    };
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
                            let Some(doc) = props.corpus.docs.get(line.doc as usize) else { return html! {} };
                            html! {
                                <tr>
                                    <td class="kwic-left" dir="ltr">{ line.left.clone() }</td>
                                    <td class="kwic-key" dir="ltr"><mark>{ line.keyword.clone() }</mark></td>
                                    <td class="kwic-right" dir="ltr">{ line.right.clone() }</td>
                                    <td><a href={props.links.href(&doc.id, None)} title={doc.title(120)}
                                        onclick={dom::navigate(props.on_open.clone(), doc.id.clone())}>
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
