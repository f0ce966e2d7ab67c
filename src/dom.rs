//! The few places the app touches the browser directly (wasm32 only): the URL and history,
//! page attributes, focus, downloads. Everything else goes through yew.

use gloo::timers::callback::Timeout;
use raqmi_explorer::url::{Lang, Theme};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlElement, HtmlInputElement};
use yew::{Callback, FocusEvent, MouseEvent};

pub fn location_search() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
}

fn current_url(query: &str) -> Option<String> {
    let location = gloo::utils::window().location();
    let path = location.pathname().ok()?;
    let hash = location.hash().unwrap_or_default();
    Some(format!("{path}{query}{hash}"))
}

fn same_query(query: &str) -> bool {
    let now = location_search();
    now == query || (now == "?" && query.is_empty())
}

/// How long typing must pause before the URL follows the search box.
const TYPING_PAUSE_MS: u32 = 300;

thread_local! {
    /// The URL replacement waiting for typing to pause: its query, and the timeout that will
    /// write it (dropping the timeout cancels it).
    static PENDING_REPLACE: RefCell<Option<(String, Timeout)>> = const { RefCell::new(None) };
}

/// Replaces the current history entry with `query` once nothing else has asked for a URL for
/// [`TYPING_PAUSE_MS`]: typing writes the URL once per pause, not once per character. Then
/// `paused` is told (the facet panel follows the query once typing pauses).
pub fn replace_query_when_idle(query: String, paused: yew::Callback<()>) {
    let timeout = Timeout::new(TYPING_PAUSE_MS, move || {
        flush_pending_replace();
        paused.emit(());
    });
    // The older pending replacement, if any, is dropped: cancelled.
    let older = PENDING_REPLACE.with(|p| p.borrow_mut().replace((query, timeout)));
    drop(older);
}

/// Forgets a pending replacement: the browser moved to another history entry (back, forward),
/// whose URL is the state now.
pub fn cancel_pending_replace() {
    let pending = PENDING_REPLACE.with(|p| p.borrow_mut().take());
    drop(pending);
}

/// Runs a pending replacement now, so that the entry being left keeps what was typed.
fn flush_pending_replace() {
    // Taken out before use: the timeout is dropped outside the borrow (when it is the one
    // firing, dropping it clears a timer that has already run, which is harmless).
    let pending = PENDING_REPLACE.with(|p| p.borrow_mut().take());
    if let Some((query, _timeout)) = pending {
        replace_now(&query);
    }
}

/// Records a new history entry for `query`, unless the URL already shows it. A replacement
/// still waiting for typing to pause goes first, so back returns to what was typed.
pub fn push_query(query: &str) {
    flush_pending_replace();
    if same_query(query) {
        return;
    }
    if let (Ok(history), Some(url)) = (gloo::utils::window().history(), current_url(query)) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Replaces the current history entry with `query` now (any pending replacement is older).
pub fn replace_query(query: &str) {
    cancel_pending_replace();
    replace_now(query);
}

fn replace_now(query: &str) {
    if same_query(query) {
        return;
    }
    if let (Ok(history), Some(url)) = (gloo::utils::window().history(), current_url(query)) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// `lang`, `dir` and `data-theme` on `<html>`, and an `embed` class for framed views: written
/// only when they differ from the last ones written. Chromium restyles every element of the
/// page when `lang` or `dir` is set, even to the value it has: a third of a keystroke's work.
pub fn set_page_attributes(lang: Lang, theme: Option<Theme>, embed: bool) {
    if WRITTEN.with(|w| w.replace(Some((lang, theme, embed)))) == Some((lang, theme, embed)) {
        return;
    }
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let _ = root.set_attribute("lang", lang.code());
    let _ = root.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
    match theme {
        Some(t) => {
            let _ = root.set_attribute("data-theme", t.param());
        }
        None => {
            let _ = root.remove_attribute("data-theme");
        }
    }
    let _ = root.class_list().toggle_with_force("embedded", embed);
}

thread_local! {
    /// What [`set_page_attributes`] wrote last.
    static WRITTEN: std::cell::Cell<Option<(Lang, Option<Theme>, bool)>> =
        const { std::cell::Cell::new(None) };
}

/// A click handler for in-app links: plain clicks emit `intent` with `value` (no page load);
/// clicks with a modifier (new tab, new window) follow the link's real `href`.
pub fn navigate<T: Clone + 'static>(intent: Callback<T>, value: T) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        if in_app_click(&e) {
            intent.emit(value.clone());
        }
    })
}

/// True for a plain click, whose default (following the link) is then prevented. Apart from
/// [`navigate`]'s generic closure: one copy of the checks for every type of intent.
pub fn in_app_click(e: &MouseEvent) -> bool {
    if e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
        return false;
    }
    e.prevent_default();
    true
}

/// True while the person types in a text field (so "/" is a character, not a shortcut).
pub fn typing_in_a_field() -> bool {
    let Some(active) = gloo::utils::document().active_element() else {
        return false;
    };
    let tag = active.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "textarea" | "select")
        || (tag == "input"
            && active
                .dyn_ref::<HtmlInputElement>()
                .is_some_and(|i| !matches!(i.type_().as_str(), "checkbox" | "radio" | "button")))
}

pub fn focus_search() {
    if let Some(input) = gloo::utils::document()
        .get_element_by_id("search")
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

/// Queries run on the root element rather than the document: one import of
/// `Element.querySelector(All)` in the glue, not a second one for `Document`'s.
pub fn dialog_open() -> bool {
    gloo::utils::document()
        .document_element()
        .and_then(|root| root.query_selector("dialog[open]").ok().flatten())
        .is_some()
}

/// Moves focus to the next (`delta` 1) or previous (-1) result link, from the search box or a
/// result. Returns false when the focus is elsewhere (the key keeps its usual meaning).
pub fn move_result_focus(delta: i32) -> bool {
    let document = gloo::utils::document();
    let Some(Ok(links)) = document
        .document_element()
        .map(|root| root.query_selector_all(".results .result-link"))
    else {
        return false;
    };
    let count = links.length();
    if count == 0 {
        return false;
    }
    let active = document.active_element();
    let in_search = active.as_ref().is_some_and(|a| a.id() == "search");
    let current = (0..count).find(|&i| {
        links
            .item(i)
            .zip(active.as_ref())
            .is_some_and(|(l, a)| l.is_same_node(Some(a)))
    });
    let target = match (current, in_search) {
        (Some(i), _) => {
            if delta > 0 {
                (i + 1).min(count - 1)
            } else if i == 0 {
                focus_search();
                return true;
            } else {
                i - 1
            }
        }
        (None, true) if delta > 0 => 0,
        _ => return false,
    };
    if let Some(el) = links
        .item(target)
        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
        return true;
    }
    false
}

/// The attribute `attr` of the element nearest the event's target that matches `selector`.
pub fn closest_attr(e: &MouseEvent, selector: &str, attr: &str) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
        .and_then(|el| el.get_attribute(attr))
}

/// A click handler for a container of links written as text (`data-doc`, `data-fig`: the
/// figures table, the badges) or of result cards (`.result-link` in an `article[data-id]`): a
/// plain click on one opens that article (at that figure) in the app; a click with a modifier
/// follows the link's `href`.
pub fn follow_link(on_open: Callback<(String, Option<u32>)>) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        // A result card's headline carries no id: its card does (the prerendered headlines
        // the app keeps have no listener of their own, `components::results`).
        let doc = match closest_attr(&e, ".result-link", "href") {
            Some(_) => closest_attr(&e, "article[data-id]", "data-id"),
            None => closest_attr(&e, "a[data-doc]", "data-doc"),
        };
        if let Some(doc) = doc {
            if in_app_click(&e) {
                let fig = closest_attr(&e, "a[data-doc]", "data-fig").and_then(|f| f.parse().ok());
                on_open.emit((doc, fig));
            }
        }
    })
}

/// Opens (modal) or closes the `<dialog>` with this id: one callback type for every dialog
/// button of the app (a node-ref hook and a closure per dialog cost about 1 KB of wasm).
pub fn show_dialog(id: &'static str, open: bool) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        // The id is one of the app's own dialogs: no JS `instanceof` import needed.
        if let Some(d) = gloo::utils::document().get_element_by_id(id) {
            let d: HtmlDialogElement = d.unchecked_into();
            if open {
                let _ = d.show_modal();
            } else {
                d.close();
            }
        }
    })
}

/// Moves the focus to the element with this id (a focus guard's target).
pub fn focus_on(id: &'static str) -> Callback<FocusEvent> {
    Callback::from(move |_| {
        if let Some(el) = gloo::utils::document().get_element_by_id(id) {
            let _ = el.unchecked_into::<HtmlElement>().focus();
        }
    })
}

/// Focuses an element by id once it exists (after a render), scrolling it into view.
pub fn focus_by_id(id: &str) {
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        el.scroll_into_view_with_bool(false);
        let _ = el.focus();
    }
}

/// Offers `bytes` as a file download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    // An element created as "a" is an HTMLAnchorElement: an unchecked cast, which spares the
    // JS glue an `instanceof` import.
    if let Some(a) = document
        .create_element("a")
        .ok()
        .map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(name);
        let _ = gloo::utils::body().append_child(&a);
        a.click();
        a.remove();
    }
    // Revoke after the click has been handled.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}
