//! Own articles, the app's side (issue 16). The "Add an article" dialog, the extraction worker
//! and the device's storage are not in this wasm: `www/own.js` (a few lines, loaded with the
//! page) imports `www/own-dialog.js` on the first click of the header's button (or at start
//! when own articles are stored), and that module drives the worker (crates/own-worker), which
//! analyses, stores in IndexedDB and lists them. The module publishes the stored articles'
//! snapshots as `window.raqmiOwn` and says so with the window event `raqmi:own`;
//! [`use_own_corpus`] decodes them and gives the views the corpus with them beside it
//! (`raqmi_explorer::own`). The loaded corpus never changes while the app runs, so the corpus
//! shown is made again only when the module publishes. So the app's first load grows by this file and a few marks only.

#[cfg(feature = "own")]
use js_sys::{Array, Reflect, Uint8Array};
use raqmi_explorer::corpus::CorpusRef;
use raqmi_explorer::i18n::strings;
#[cfg(feature = "own")]
use raqmi_explorer::own::OwnArticle;
use raqmi_explorer::url::Lang;
#[cfg(feature = "own")]
use std::rc::Rc;
use yew::prelude::*;

#[cfg(feature = "own")]
/// The corpus with the own articles the dialog's module last published beside it (`main` itself
/// when there are none, or before the module ran).
fn with_published(main: &CorpusRef) -> CorpusRef {
    let list = Reflect::get(&gloo::utils::window(), &"raqmiOwn".into()).unwrap_or_default();
    // `Array.from(undefined)` throws: nothing published yet is no article.
    if !list.is_object() {
        return main.clone();
    }
    let own: Vec<OwnArticle> = Array::from(&list)
        .iter()
        .filter_map(|s| OwnArticle::decode(&Uint8Array::new(&s).to_vec()))
        .collect();
    if own.is_empty() {
        return main.clone();
    }
    CorpusRef(Rc::new(main.with_own(&own)))
}

/// The corpus the views show: `main` with the stored own articles beside it, made again each
/// time the dialog's module publishes them (the same value as `main` while there are none).
#[cfg(feature = "own")]
#[hook]
pub fn use_own_corpus(main: &CorpusRef) -> CorpusRef {
    let shown = use_state(|| main.clone());
    {
        let shown = shown.setter();
        use_effect_with(main.clone(), move |main| {
            let main = main.clone();
            shown.set(with_published(&main));
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "raqmi:own", move |_| {
                    shown.set(with_published(&main))
                });
            move || drop(listener)
        });
    }
    (*shown).clone()
}

/// Without the `own` feature (`make bench-size`'s second build): the corpus as loaded.
#[cfg(not(feature = "own"))]
#[hook]
pub fn use_own_corpus(main: &CorpusRef) -> CorpusRef {
    main.clone()
}

/// Whether the stored own articles are still being listed (`www/own.js` marks the page): an own
/// article's link then waits for them rather than saying it lives on another device.
pub fn pending() -> bool {
    cfg!(feature = "own")
        && gloo::utils::document()
            .document_element()
            .is_some_and(|e| e.has_attribute("data-own-pending"))
}

/// The header's "Add an article" button (its click is `www/own.js`'s).
pub fn add_button(lang: Lang) -> Html {
    if !cfg!(feature = "own") {
        return html! {};
    }
    html! {
        <button type="button" class="own-button" aria-haspopup="dialog">{ strings(lang).get("own.button") }</button>
    }
}

/// An own article's mark ("yours"), and in the reader its "remove" button (`www/own.js`).
pub fn mark(lang: Lang, id: &str, remove: bool) -> Html {
    if !cfg!(feature = "own") || !raqmi_model::own::is_own_id(id) {
        return html! {};
    }
    let t = strings(lang);
    html! {
        <>
            <span class="own-mark">{ t.get("own.yours") }</span>
            if remove {
                <button type="button" class="own-remove" data-id={id.to_string()}>{ t.get("own.remove") }</button>
            }
        </>
    }
}
