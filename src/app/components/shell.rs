//! The chrome around the views: language picker, theme toggle, view tabs, URL notices, and the
//! status bar (offline indicator and the "new version" banner of the service worker).

use crate::app::dom;
use crate::app::i18n::strings;
use crate::app::state::Action;
use crate::app::url::{self, Lang, Notice, Problem, Theme, View, ViewState};
use gloo::events::EventListener;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LangProps {
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

#[function_component(LangPicker)]
pub fn lang_picker(props: &LangProps) -> Html {
    let t = strings(props.lang);
    let onchange = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(lang) = Lang::parse(&value) {
                dispatch.emit(Action::SetLang(lang));
            }
        })
    };
    html! {
        <label class="lang-picker">
            <span class="label-text">{ t.get("lang.label") }</span>
            <select {onchange}>
                { for [(Lang::Fr, "Français"), (Lang::En, "English"), (Lang::Ar, "العربية")].into_iter().map(|(l, name)| html! {
                    <option value={l.code()} lang={l.code()} selected={l == props.lang}>{ name }</option>
                }) }
            </select>
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct ThemeProps {
    pub lang: Lang,
    pub theme: Option<Theme>,
    pub dispatch: Callback<Action>,
}

#[function_component(ThemeToggle)]
pub fn theme_toggle(props: &ThemeProps) -> Html {
    let t = strings(props.lang);
    let dark = props.theme == Some(Theme::Dark);
    let onclick = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            dispatch.emit(Action::SetTheme(Some(if dark {
                Theme::Light
            } else {
                Theme::Dark
            })))
        })
    };
    html! {
        <button type="button" class="theme-toggle" aria-pressed={if dark { "true" } else { "false" }} {onclick}>
            { t.get("theme.dark") }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub view: ViewState,
    pub dispatch: Callback<Action>,
}

/// Articles / charts / contexts, as links (each view is a URL).
#[function_component(ViewTabs)]
pub fn view_tabs(props: &TabsProps) -> Html {
    let t = strings(props.view.lang);
    let current = match props.view.view {
        View::Doc => View::List,
        v => v,
    };
    let tab = |view: View, key: &'static str| {
        let target = ViewState {
            view,
            doc: None,
            fig: None,
            ..props.view.clone()
        };
        let href = format!("./{}", url::to_query(&target));
        html! {
            <li>
                <a {href} aria-current={(view == current).then_some("page")}
                   onclick={dom::navigate(props.dispatch.clone(), Action::SetView(view))}>{ t.get(key) }</a>
            </li>
        }
    };
    html! {
        <nav class="view-tabs" aria-label={t.get("tabs.label")}>
            <ul>
                { tab(View::List, "tabs.list") }
                { tab(View::Chart, "tabs.chart") }
                { tab(View::Contexts, "tabs.contexts") }
            </ul>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// What the URL asked that the app could not do, said plainly.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let t = strings(props.lang);
    let dismiss = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::DismissNotices))
    };
    html! {
        <div class="notices" role="alert">
            <ul>
                { for props.notices.iter().map(|n| {
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

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub lang: Lang,
}

fn root_data(name: &str) -> Option<String> {
    gloo::utils::document()
        .document_element()
        .and_then(|e| e.get_attribute(&format!("data-{name}")))
}

fn browser_online() -> bool {
    root_data("online").as_deref() != Some("0") && gloo::utils::window().navigator().on_line()
}

/// The offline indicator and the update banner. The service-worker script (`www/pwa.js`)
/// announces a waiting version with `data-update="available"` on `<html>` and a
/// `raqmi:update-available` event; a click on `[data-action=apply-update]` is handled there.
#[function_component(StatusBar)]
pub fn status_bar(props: &StatusProps) -> Html {
    let t = strings(props.lang);
    let online = use_state(browser_online);
    let update = use_state(|| root_data("update").as_deref() == Some("available"));
    {
        let online = online.clone();
        let update = update.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on = {
                let online = online.clone();
                EventListener::new(&window, "online", move |_| online.set(true))
            };
            let off = {
                let online = online.clone();
                EventListener::new(&window, "offline", move |_| online.set(false))
            };
            let upd =
                EventListener::new(&window, "raqmi:update-available", move |_| update.set(true));
            move || drop((on, off, upd))
        });
    }
    html! {
        <>
            if !*online {
                <p class="offline-badge" role="status">{ t.get("status.offline") }</p>
            }
            if *update {
                <div class="update-banner" role="status" data-raqmi-update-banner="">
                    <span>{ t.get("status.update") }</span>
                    <button type="button" data-action="apply-update">{ t.get("status.reload") }</button>
                </div>
            }
        </>
    }
}
