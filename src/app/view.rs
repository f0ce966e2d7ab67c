//! The views (wasm32 only): for now, the list of the bundled articles.

use super::format::date_fr;
use crate::corpus::document::Document;
use crate::corpus::snapshot::Snapshot;
use std::rc::Rc;
use yew::prelude::*;

/// Mounts the app on the page's `#app` element (or the body).
pub fn start() {
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

#[function_component(App)]
pub fn app() -> Html {
    let corpus = use_memo((), |_| Snapshot::decode(crate::BUNDLED_SNAPSHOT));
    match &*corpus {
        Ok(snapshot) => html! { <Explorer documents={Rc::new(snapshot.documents.clone())} /> },
        Err(e) => html! {
            <main id="main"><p role="alert">{ format!("Le corpus intégré est illisible : {e}") }</p></main>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    pub documents: Rc<Vec<Document>>,
}

#[function_component(Explorer)]
fn explorer(props: &ExplorerProps) -> Html {
    let count = props.documents.len();
    html! {
        <>
            <header class="site-header">
                <p class="brand" lang="ar-Latn">{ "Raqmi" }</p>
                <p class="tagline">{ "Le numérique marocain dans la presse, et ses chiffres" }</p>
            </header>
            <main id="main">
                <h1>{ "Articles" }</h1>
                <p role="status" class="result-count">{ format!("{count} articles") }</p>
                <ol class="results">
                    { for props.documents.iter().map(|d| html! { <li><ArticleCard document={d.clone()} /></li> }) }
                </ol>
            </main>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleCardProps {
    document: Document,
}

#[function_component(ArticleCard)]
fn article_card(props: &ArticleCardProps) -> Html {
    let d = &props.document;
    html! {
        <article class="result" data-id={d.id.clone()}>
            <h2>{ d.title(110) }</h2>
            <p class="meta">
                if let Some(date) = &d.date {
                    <time datetime={date.iso()}>{ date_fr(date, d.date_origin) }</time>
                }
                if let Some(source) = &d.source {
                    <span class="source">{ source.clone() }</span>
                }
                <code class="doc-id">{ d.id.clone() }</code>
            </p>
        </article>
    }
}
