//! Own articles, the app's side (issue 16). The "Add an article" dialog, the extraction worker
//! and the device's storage are not in this wasm: `www/own.js` (a few lines, inline in the
//! page) imports `www/own-dialog.js` on the first click of the header's button (or at start
//! when own articles are stored or the URL names one), and that module drives the worker
//! (crates/own-worker), which analyses, stores in IndexedDB and lists them, then writes the
//! corpus with them in it as data files. The module publishes those files as `window.raqmiOwn`
//! (an object from each file's name to its bytes, or `null` when no own article is stored) and
//! says so with the window event `raqmi:own`; [`use_own_corpus`] reads them as the app reads
//! its own data files (`raqmi_explorer::own`) and gives the views that corpus instead of the
//! loaded one. So the app's first load grows by this file and a few marks only (`make
//! bench-size`), whose texts are the module's but the header button's (the explorer's `own`
//! feature). Without the `own` feature (the benchmark's second build), the loaded corpus, no
//! button, no mark, no string.

#[cfg(feature = "own")]
use js_sys::{Reflect, Uint8Array};
use raqmi_explorer::corpus::CorpusRef;
use raqmi_explorer::i18n::strings;
#[cfg(feature = "own")]
use raqmi_explorer::loading::LoadFailure;
use raqmi_explorer::url::Lang;
use raqmi_model::markup::escape_text;
#[cfg(feature = "own")]
use std::rc::Rc;
use yew::prelude::*;

/// The corpus with the own articles the dialog's module last published: none when there are
/// none, or before the module ran, or when its files do not read.
#[cfg(feature = "own")]
fn published() -> Option<CorpusRef> {
    let files = Reflect::get(&gloo::utils::window(), &"raqmiOwn".into()).unwrap_or_default();
    // `Reflect.get(null, …)` throws: nothing published is no file. A file that is not there
    // reads as empty (`new Uint8Array(undefined)`), which no data file is.
    let file = |name: &str| {
        let bytes = Reflect::get(&files, &name.into()).ok()?;
        Some(Uint8Array::new(&bytes).to_vec())
    };
    raqmi_explorer::own::corpus_with_own(&file).map(|c| CorpusRef(Rc::new(c)))
}

#[cfg(feature = "own")]
thread_local! {
    /// Whether the root listens to `raqmi:own` already (it is mounted once per page).
    static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The corpus the views show: the one the dialog's module last published (the loaded corpus
/// and the own articles), else `main`. Read at mount and at each `raqmi:own` event.
#[cfg(feature = "own")]
#[hook]
pub fn use_own_corpus(main: &CorpusRef) -> CorpusRef {
    // The same state type as the root's failed file (src/view.rs), so that yew's state code
    // is not compiled again for another type; `Some(Ok(_))` only.
    let shown = use_state(|| published().map(Ok::<_, LoadFailure>));
    // Once, not in an effect: an effect is one more instance of yew's effect code (0.6 KB).
    if !LISTENING.with(|l| l.replace(true)) {
        let shown = shown.setter();
        gloo::events::EventListener::new(&gloo::utils::window(), "raqmi:own", move |_| {
            shown.set(published().map(Ok))
        })
        .forget();
    }
    match &*shown {
        Some(Ok(c)) => c.clone(),
        _ => main.clone(),
    }
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

/// The header's "Add an article" button (its click is `www/own.js`'s), as markup (see [`mark`]).
/// Its text is in the i18n tables of a build with own articles only (the explorer's `own`
/// feature).
pub fn add_button(lang: Lang) -> Html {
    if !cfg!(feature = "own") {
        return html! {};
    }
    let text = escape_text(strings(lang).get("own.button"));
    // Joined, not `format!`: the formatting machinery for two calls costs the wasm more.
    let markup =
        String::from("<button type=\"button\" class=\"own-button\" aria-haspopup=\"dialog\">")
            + &text
            + "</button>";
    Html::from_html_unchecked(markup.into())
}

/// An own article's mark ("yours"), and in the reader its "remove" button, both empty: their
/// texts are written by `www/own-dialog.js` (loaded whenever own articles are shown), so that
/// no first load carries them. As markup, not yew elements: each element built by `html!`
/// costs the wasm far more than its text, and yew keeps raw markup whose string is unchanged,
/// so the text written into it stays (the module writes it again when the language changes).
pub fn mark(id: &str, remove: bool) -> Html {
    if !cfg!(feature = "own") || !raqmi_model::own::is_own_id(id) {
        return html! {};
    }
    let mut markup = MARK.to_string();
    if remove {
        // An own id is `own-` and hex digits (`is_own_id`): nothing to escape.
        markup += "<button type=\"button\" class=\"own-remove\" data-id=\"";
        markup += id;
        markup += "\"></button>";
    }
    Html::from_html_unchecked(markup.into())
}

/// The mark's markup (also after a chart's own article, src/components/charts.rs).
pub const MARK: &str = "<span class=\"own-mark\"></span>";

/// Whether `id` is an own article's, in a build that has them: its link opened where it was
/// never added says so ([`missing`]) rather than "no article has this id".
pub fn is_own(id: Option<&str>) -> bool {
    cfg!(feature = "own") && id.is_some_and(raqmi_model::own::is_own_id)
}

/// What an own article's link opened where it was never added says: that it lives only on the
/// device that added it. The paragraph is empty: `www/own.js` loads the dialog's module when the
/// URL names an own article, and the module writes it (a long text in three languages, kept out
/// of the first load).
pub fn missing() -> Html {
    Html::from_html_unchecked("<p class=\"own-missing\"></p>".into())
}
