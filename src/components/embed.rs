//! Embedding: the "Intégrer" button, whose dialog (`www/embed-dialog.js`, loaded on demand)
//! offers the snippet that embeds the current view on another site (three formats,
//! `embed_snippet::Variant`: the iframe with our resizing script, the iframe alone, AMP), each
//! with a preview and a copy button, and the page an embed shows ([`embedded`]): one focused
//! view and a discreet source line.

use raqmi_charts::ChartKind;
use raqmi_explorer::corpus::CorpusRef;
use raqmi_explorer::embed_snippet::{snippet, source_line, FallbackImage, Framed, Variant};
use raqmi_explorer::fallback;
use raqmi_explorer::i18n::strings;
use raqmi_explorer::url::{self, Lang, ViewState};
use raqmi_model::document::Document;
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

/// The dialog's strings, in the order `www/embed-dialog.js` reads them (one per line of the
/// button's `data-text`).
const TEXTS: [&str; 13] = [
    "embed.title",
    "embed.help",
    "embed.variants",
    "embed.variant.script",
    "embed.variant.iframe",
    "embed.variant.amp",
    "embed.code",
    "embed.copy",
    "embed.close",
    "embed.copied",
    "embed.copy_failed",
    "embed.preview",
    "embed.frame_title",
];

/// The "Intégrer" button. Its dialog is `www/embed-dialog.js`, a module that
/// `www/embed-frame.js` imports on the first click (not part of the first load: the dialog's
/// DOM as yew elements cost the wasm about 11 KB). A click first writes onto the button what
/// the module shows, all of it computed here by the pure side: the three snippets
/// (`embed_snippet::snippet`, `data-script`, `data-iframe`, `data-amp`), the framed query
/// (`data-query`, the preview frame's), the AMP preview's image and alternative text
/// (`data-image`, `data-alt`) and the dialog's strings (`data-text`). The app's listener runs
/// before the module's (it sits on the app's root, below the document).
pub fn embed_button(props: EmbedProps) -> Html {
    let t = strings(props.lang);
    let onclick = Callback::from(move |e: MouseEvent| {
        let t = strings(props.lang);
        let button: web_sys::Element = e.target_unchecked_into();
        // The static image's alternative text and size, drawn as the build drew the file.
        let image = props.chart.and_then(|kind| {
            let svg = fallback::render(&props.corpus.0, kind).1.ok()?;
            Some(FallbackImage {
                kind,
                alt: fallback::alt(&svg),
                width: svg.width,
                height: svg.height,
            })
        });
        let base = app_base();
        let framed = Framed {
            base: &base,
            query: &props.query,
            title: t.get("embed.frame_title"),
            fallback: image.as_ref(),
            overflow: t.get("embed.overflow"),
        };
        let (src, alt) = match &image {
            Some(f) => (fallback::file(f.kind, "png"), f.alt.as_str()),
            None => ("icons/icon-512.png".to_string(), framed.title),
        };
        let texts: Vec<&str> = TEXTS.iter().map(|k| t.get(k)).collect();
        for (name, value) in [
            ("data-script", snippet(Variant::Script, &framed)),
            ("data-iframe", snippet(Variant::Iframe, &framed)),
            ("data-amp", snippet(Variant::Amp, &framed)),
            ("data-query", format!("./{}", props.query)),
            ("data-image", format!("./{src}")),
            ("data-alt", alt.to_string()),
            ("data-text", texts.join("\n")),
        ] {
            let _ = button.set_attribute(name, &value);
        }
    });
    html! {
        <button type="button" class="embed-button" {onclick}>{ t.get("embed.button") }</button>
    }
}
