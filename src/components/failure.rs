//! What a failed data file says (wasm32 only): a localized message and a retry, the same markup
//! in two places: a panel above the prerendered view when the start fails
//! ([`show_load_failure`], plain DOM: the app is not mounted yet), and the app's own, in the
//! place of the view that needed the file ([`load_failure`]).

use crate::dom;
use gloo::events::EventListener;
use raqmi_explorer::i18n::strings;
use raqmi_explorer::loading::LoadFailure;
use raqmi_explorer::url;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A failed load: its message, in the URL's language, and a retry (`retry`: the start again),
/// in a panel at the top of `#app` (the previous failure's panel, if any, replaced).
pub fn show_load_failure(failure: &LoadFailure, retry: fn()) {
    let document = gloo::utils::document();
    let host = document
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    if let Ok(old) = host.query_selector_all(".load-failure") {
        for i in 0..old.length() {
            if let Some(e) = old
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                e.remove();
            }
        }
    }
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_class_name("load-failure");
    if host.prepend_with_node_1(&panel).is_err() {
        return;
    }
    let lang = url::parse(&dom::location_search()).0.lang;
    // Plain DOM, not a yew root: a component type for this panel alone cost the wasm ~2 KB.
    panel.set_inner_html(&failure_markup(
        &failure.message(lang),
        strings(lang).get("data.retry"),
    ));
    EventListener::new(&panel, "click", move |e| {
        if dom::closest_attr(e.unchecked_ref(), RETRY, "data-action").is_some() {
            retry();
        }
    })
    .forget();
}

/// The retry button of a failed load.
const RETRY: &str = "button[data-action=retry-load]";

/// What a failed load says, and its retry button, as escaped markup: the same for the panel
/// above the prerendered view (a failed start) and for the app's own (failed term files).
fn failure_markup(message: &str, retry: &str) -> String {
    format!(
        "<div class=\"notices\" role=\"alert\"><p>{}</p><button type=\"button\" \
         data-action=\"retry-load\">{}</button></div>",
        raqmi_model::markup::escape_text(message),
        raqmi_model::markup::escape_text(retry)
    )
}

/// What a failed load says, and its retry button, which calls `on_retry` (public for the
/// browser tests).
pub fn load_failure(message: &str, retry: &str, on_retry: Callback<()>) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        if dom::closest_attr(&e, RETRY, "data-action").is_some() {
            on_retry.emit(());
        }
    });
    html! {
        <div class="load-failure-app" {onclick}>
            { Html::from_html_unchecked(AttrValue::from(failure_markup(message, retry))) }
        </div>
    }
}
