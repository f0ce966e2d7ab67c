//! Embedding: the "Intégrer" dialog, which writes the snippet that embeds the current view on
//! another site (three formats, `embed_snippet::Variant`: the iframe with our resizing script,
//! the iframe alone, AMP), each with a preview and a copy button, and the page an embed shows
//! ([`embedded`]): one focused view and a discreet source line.

use crate::dom;
use raqmi_charts::ChartKind;
use raqmi_explorer::corpus::CorpusRef;
use raqmi_explorer::embed_snippet::{snippet, source_line, FallbackImage, Framed, Variant};
use raqmi_explorer::fallback;
use raqmi_explorer::i18n::strings;
use raqmi_explorer::url::{self, Lang, ViewState};
use raqmi_model::document::Document;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the dialog embeds.
pub struct EmbedProps {
    pub lang: Lang,
    /// The query string of the view to embed, with `embed=1` (`embed_snippet::embedded_query`).
    pub query: String,
    pub corpus: CorpusRef,
    /// The chart whose static image (`dist/fallback/`) shows exactly this view, if any
    /// (`fallback::kind_of`).
    pub chart: Option<ChartKind>,
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

/// The label of a snippet format's radio.
fn variant_key(v: Variant) -> &'static str {
    match v {
        Variant::Script => "embed.variant.script",
        Variant::Iframe => "embed.variant.iframe",
        Variant::Amp => "embed.variant.amp",
    }
}

/// Copies the code (`#embed-code`, selected by focusing it) to the clipboard, on a click;
/// whether the browser allowed it. `execCommand("copy")` rather than the asynchronous
/// `navigator.clipboard`: one synchronous call, no promise and no closures in the wasm.
fn copy_code() -> bool {
    dom::focus_by_id("embed-code");
    gloo::utils::document()
        .unchecked_into::<web_sys::HtmlDocument>()
        .exec_command("copy")
        .unwrap_or(false)
}

/// The "Intégrer" button and its dialog. A hook of the root (its state and memo live there),
/// not a component of its own: each component type costs the wasm about 2 KB, and its props
/// (the embedded query) changed with every keystroke anyway.
#[hook]
pub fn use_embed_dialog(props: EmbedProps) -> Html {
    let t = strings(props.lang);
    // Focus events do not bubble: the target is the textarea the listener is on, so an
    // unchecked cast (no JS instanceof import) is enough. Cast to the input element's type:
    // both have `select()`, and the search box's (`dom::focus_search`) is then the glue's only
    // `select` import.
    let select_all = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .select();
    });
    // One state (each hook type costs wasm): the format shown; whether the dialog was opened
    // (the preview frame loads a second app: only then); the last copy (None: not copied yet,
    // Some(whether the browser allowed it)).
    let ui = use_state(|| (Variant::Script, false, None::<bool>));
    let (variant, opened, copied) = *ui;
    // The static image's alternative text and size, drawn as the build drew the file: once the
    // dialog has been opened (a second drawing of the chart; the code is not shown before).
    let chart = props.chart.filter(|_| opened);
    let image = use_memo((props.corpus.clone(), chart), |(corpus, chart)| {
        let kind = (*chart)?;
        let svg = fallback::render(&corpus.0, kind).1.ok()?;
        Some(FallbackImage {
            kind,
            alt: fallback::alt(&svg),
            width: svg.width,
            height: svg.height,
        })
    });
    let base = app_base();
    let code = snippet(
        variant,
        &Framed {
            base: &base,
            query: &props.query,
            title: t.get("embed.frame_title"),
            fallback: (*image).as_ref(),
            overflow: t.get("embed.overflow"),
        },
    );
    let open = {
        let ui = ui.clone();
        let show = dom::show_dialog(EMBED_DIALOG, true);
        Callback::from(move |e: MouseEvent| {
            ui.set((variant, true, copied));
            show.emit(e);
        })
    };
    let copy = {
        let ui = ui.clone();
        Callback::from(move |_: MouseEvent| ui.set((variant, opened, Some(copy_code()))))
    };
    let choose = |v: Variant| {
        let ui = ui.clone();
        Callback::from(move |_: Event| ui.set((v, opened, None)))
    };
    let preview = if variant == Variant::Amp {
        let (src, alt) = match &*image {
            Some(f) => (fallback::file(f.kind, "png"), f.alt.clone()),
            None => (
                "icons/icon-512.png".to_string(),
                t.get("embed.frame_title").to_string(),
            ),
        };
        html! { <img class="embed-preview-image" src={format!("./{src}")} {alt} /> }
    } else if opened {
        html! {
            <iframe class="embed-preview-frame" src={format!("./{}", props.query)}
                title={t.get("embed.frame_title")}></iframe>
        }
    } else {
        Html::default()
    };
    html! {
        <>
            <button type="button" class="embed-button" onclick={open}>{ t.get("embed.button") }</button>
            <dialog id={EMBED_DIALOG} class="embed-dialog" aria-labelledby="embed-title">
                <h2 id="embed-title">{ t.get("embed.title") }</h2>
                <p>{ t.get("embed.help") }</p>
                <fieldset class="embed-variants">
                    <legend>{ t.get("embed.variants") }</legend>
                    { for Variant::ALL.into_iter().map(|v| html! {
                        <label>
                            <input type="radio" name="embed-variant" value={v.slug()}
                                checked={variant == v} onchange={choose(v)} />
                            { t.get(variant_key(v)) }
                        </label>
                    }) }
                </fieldset>
                <label for="embed-code">{ t.get("embed.code") }</label>
                <textarea id="embed-code" readonly=true rows="7" onfocus={select_all} value={code} data-variant={variant.slug()} />
                <div class="dialog-actions">
                    <button type="button" class="embed-copy" onclick={copy}>{ t.get("embed.copy") }</button>
                    <button type="button" onclick={dom::show_dialog(EMBED_DIALOG, false)}>{ t.get("embed.close") }</button>
                    <span class="embed-copied" role="status">{ match copied {
                        Some(true) => t.get("embed.copied"),
                        Some(false) => t.get("embed.copy_failed"),
                        None => "",
                    } }</span>
                </div>
                <section class="embed-preview" aria-labelledby="embed-preview-title">
                    <h3 id="embed-preview-title">{ t.get("embed.preview") }</h3>
                    { preview }
                </section>
            </dialog>
        </>
    }
}
