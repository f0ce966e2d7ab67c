//! Embedding: the "Intégrer" dialog, which writes the `<iframe>` snippet (and the partner
//! script's tag) that embeds the current view on another site, and the page an embed shows
//! ([`embedded`]): one focused view and a discreet source line.

use crate::dom;
use raqmi_explorer::embed_snippet::{snippet, source_line};
use raqmi_explorer::i18n::strings;
use raqmi_explorer::url::{self, Lang, ViewState};
use raqmi_model::document::Document;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub lang: Lang,
    /// The query string of the view to embed, with `embed=1` (`embed_snippet::embedded_query`).
    pub query: String,
}

/// An embedded view (`embed=1`): the chart, the article or the list alone (`main`), under the
/// URL's notices if any; no site header, tabs nor way back: on a partner's page they would
/// lead nowhere it means. Under it, "Source : Raqmi, N articles, <date>" links to the same
/// view in the full app, in a new tab.
pub fn embedded(view: &ViewState, docs: &[Document], notices: Html, main: Html) -> Html {
    let full = ViewState {
        embed: false,
        controls: false,
        ..view.clone()
    };
    html! {
        <div class="embed">
            { notices }
            <main id="main">{ main }</main>
            // A landmark (contentinfo), like everything on the page.
            <footer class="embed-source">
                <a href={format!("./{}", url::to_query(&full))} target="_blank" rel="noopener">
                    { source_line(docs, view.lang) }</a>
            </footer>
        </div>
    }
}

/// Where the app is deployed: the page's URL without query or fragment.
fn app_base() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// The dialog's id (opened and closed through `dom::show_dialog`).
const EMBED_DIALOG: &str = "embed-dialog";

#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedProps) -> Html {
    let t = strings(props.lang);
    // Focus events do not bubble: the target is the textarea the listener is on, so an
    // unchecked cast (no JS instanceof import) is enough.
    let select_all = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlTextAreaElement>().select();
    });
    let code = snippet(&app_base(), &props.query, t.get("embed.frame_title"));
    html! {
        <>
            <button type="button" class="embed-button" onclick={dom::show_dialog(EMBED_DIALOG, true)}>{ t.get("embed.button") }</button>
            <dialog id={EMBED_DIALOG} class="embed-dialog" aria-labelledby="embed-title">
                <h2 id="embed-title">{ t.get("embed.title") }</h2>
                <p>{ t.get("embed.help") }</p>
                <label for="embed-code">{ t.get("embed.code") }</label>
                <textarea id="embed-code" readonly=true rows="6" onfocus={select_all} value={code} />
                <div class="dialog-actions">
                    <button type="button" onclick={dom::show_dialog(EMBED_DIALOG, false)}>{ t.get("embed.close") }</button>
                </div>
            </dialog>
        </>
    }
}
