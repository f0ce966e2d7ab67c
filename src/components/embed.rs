//! Embedding: the "Intégrer" button, whose dialog (`www/embed-dialog.js`, loaded on demand)
//! writes the snippet that embeds the current view on another site (three formats: the iframe
//! with our resizing script, the iframe alone, AMP), each with a preview and a copy button, and
//! the page an embed shows ([`embedded`]): one focused view and a discreet source line.

use raqmi_charts::ChartKind;
use raqmi_explorer::corpus::CorpusRef;
use raqmi_explorer::embed_snippet::source_line;
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

/// The dialog's strings, in the order `www/embed-dialog.js` reads them (one per line of the
/// button's `data-text`).
const TEXTS: [&str; 14] = [
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
    "embed.overflow",
];

/// The "Intégrer" button. Its dialog is `www/embed-dialog.js`, a module that
/// `www/embed-frame.js` imports on the first click (not part of the first load: the dialog's
/// DOM as yew elements, and the snippets' writer, cost the first load 3.8 KB gzip). A click
/// first writes onto the button what the module needs from the app: the framed query
/// (`data-query`, `embed_snippet::embedded_query`), the view's static image when it has one
/// (`data-chart`, and the alternative text and size the build drew it with: `data-alt`,
/// `data-width`, `data-height`), and the dialog's strings in the page's language
/// (`data-text`). The app's listener runs before the module's (it sits on the app's root,
/// below the document).
pub fn embed_button(props: EmbedProps) -> Html {
    let t = strings(props.lang);
    let onclick = Callback::from(move |e: MouseEvent| {
        let t = strings(props.lang);
        let button: web_sys::Element = e.target_unchecked_into();
        // The static image's alternative text and size, drawn as the build drew the file.
        let image = props.chart.and_then(|kind| {
            let svg = fallback::render(&props.corpus.0, kind).1.ok()?;
            Some((kind.param(), fallback::alt(&svg), svg.width, svg.height))
        });
        let (chart, alt, width, height) = image.unwrap_or_default();
        let texts: Vec<&str> = TEXTS.iter().map(|k| t.get(k)).collect();
        for (name, value) in [
            ("data-query", props.query.clone()),
            ("data-chart", chart.to_string()),
            ("data-alt", alt),
            ("data-width", width.to_string()),
            ("data-height", height.to_string()),
            ("data-text", texts.join("\n")),
        ] {
            let _ = button.set_attribute(name, &value);
        }
    });
    html! {
        <button type="button" class="embed-button" {onclick}>{ t.get("embed.button") }</button>
    }
}
