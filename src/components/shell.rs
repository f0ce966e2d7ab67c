//! The chrome around the views: language picker, theme toggle, view tabs, URL notices, and the
//! status bar (offline indicator and the "new version" banner of the service worker).

use crate::dom;
use gloo::events::EventListener;
use raqmi_explorer::i18n::strings;
use raqmi_explorer::url::{Lang, Notice, Problem, Theme, View};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

// The language picker, theme toggle, view tabs and notices keep no state of their own, so they
// are plain functions rather than components: each component type costs about 2 KB of yew's
// machinery in the wasm, and these would save no rendering work. Like the components, they take
// the values they show and intent callbacks.

/// The interface language.
pub fn lang_picker(lang: Lang, on_lang: &Callback<Lang>) -> Html {
    let t = strings(lang);
    let onchange = {
        let on_lang = on_lang.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(lang) = Lang::parse(&value) {
                on_lang.emit(lang);
            }
        })
    };
    html! {
        <label class="lang-picker">
            <span class="label-text">{ t.get("lang.label") }</span>
            <select {onchange}>
                { for [(Lang::Fr, "Français"), (Lang::En, "English"), (Lang::Ar, "العربية")].into_iter().map(|(l, name)| html! {
                    <option value={l.code()} lang={l.code()} selected={l == lang}>{ name }</option>
                }) }
            </select>
        </label>
    }
}

/// The dark theme, on or off.
pub fn theme_toggle(lang: Lang, theme: Option<Theme>, on_theme: &Callback<Theme>) -> Html {
    let t = strings(lang);
    let dark = theme == Some(Theme::Dark);
    let onclick =
        on_theme.reform(move |_: MouseEvent| if dark { Theme::Light } else { Theme::Dark });
    html! {
        <button type="button" class="theme-toggle" aria-pressed={if dark { "true" } else { "false" }} {onclick}>
            { t.get("theme.dark") }
        </button>
    }
}

/// Articles / charts / figures / contexts, as links (each view is a URL): `href` gives each tab's link,
/// `current` is the view on screen.
pub fn view_tabs(
    lang: Lang,
    current: View,
    href: impl Fn(View) -> String,
    on_view: &Callback<View>,
) -> Html {
    let t = strings(lang);
    let current = match current {
        View::Doc => View::List,
        v => v,
    };
    let tab = |view: View, key: &'static str| {
        html! {
            <li>
                <a href={href(view)} aria-current={(view == current).then_some("page")}
                   onclick={dom::navigate(on_view.clone(), view)}>{ t.get(key) }</a>
            </li>
        }
    };
    html! {
        <nav class="view-tabs" aria-label={t.get("tabs.label")}>
            <ul>
                { for View::TABS.into_iter().map(|(view, key)| tab(view, key)) }
            </ul>
        </nav>
    }
}

/// What the URL asked that the app could not do, said plainly.
pub fn notices(notices: &[Notice], lang: Lang, on_dismiss: &Callback<()>) -> Html {
    if notices.is_empty() {
        return html! {};
    }
    let t = strings(lang);
    let dismiss = on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notices" role="alert">
            <ul>
                { for notices.iter().map(|n| {
                    let key = match n.problem {
                        Problem::UnknownParameter => "notice.unknown",
                        Problem::InvalidValue => "notice.invalid",
                        Problem::Repeated => "notice.repeated",
                    };
                    html! { <li>{ t.fill(key, &[("param", &n.param), ("value", &n.value)]) }</li> }
                }) }
            </ul>
            <button type="button" onclick={dismiss}>{ t.get("notice.dismiss") }</button>
        </div>
    }
}

fn root_data(name: &str) -> Option<String> {
    gloo::utils::document()
        .document_element()
        .and_then(|e| e.get_attribute(&format!("data-{name}")))
}

fn browser_online() -> bool {
    root_data("online").as_deref() != Some("0") && gloo::utils::window().navigator().on_line()
}

/// Whether the browser is online, and whether a new version waits: the offline indicator's and
/// the update banner's state. The service-worker script (`www/pwa.js`) announces a waiting
/// version with `data-update="available"` on `<html>` and a `raqmi:update-available` event; a
/// click on `[data-action=apply-update]` is handled there. A hook of the root, not a component
/// of its own (each component type costs the wasm about 2 KB): [`status_bar`] draws it;
/// [`follow_status`] keeps it, from the root's mount effect (no effect of its own).
#[hook]
pub fn use_status() -> (UseStateHandle<u32>, UseStateHandle<u32>) {
    // As 0 or 1: the state type of the root's counts (`u32`), so that yew's state code is not
    // compiled again for `bool`.
    let online = use_state(|| u32::from(browser_online()));
    let update = use_state(|| u32::from(root_data("update").as_deref() == Some("available")));
    (online, update)
}

/// Keeps [`use_status`]'s state as the browser goes on- or offline and a new version waits,
/// while the listeners live.
pub fn follow_status(
    (online, update): (UseStateHandle<u32>, UseStateHandle<u32>),
) -> [EventListener; 3] {
    let window = gloo::utils::window();
    let on = {
        let online = online.clone();
        EventListener::new(&window, "online", move |_| online.set(1))
    };
    let off = EventListener::new(&window, "offline", move |_| online.set(0));
    let upd = EventListener::new(&window, "raqmi:update-available", move |_| update.set(1));
    [on, off, upd]
}

/// The offline indicator and the update banner, as [`use_status`] says.
pub fn status_bar(lang: Lang, (online, update): (bool, bool)) -> Html {
    let t = strings(lang);
    html! {
        <>
            if !online {
                <p class="offline-badge" role="status">{ t.get("status.offline") }</p>
            }
            if update {
                <div class="update-banner" role="status" data-raqmi-update-banner="">
                    <span>{ t.get("status.update") }</span>
                    <button type="button" data-action="apply-update">{ t.get("status.reload") }</button>
                </div>
            }
        </>
    }
}
