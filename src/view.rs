//! The root of the UI (wasm32 only): loads the corpus's data files (`data.rs`: at start what
//! the URL's view reads, a failed file getting a localized message and a retry above the
//! prerendered view; then, as the view changes, what it reads and the corpus lacks, the view
//! waiting or its cards saying they are loading until it arrives), keeps the one reducer,
//! mirrors the state into the URL (push or replace, per the action) and back (popstate), sets
//! the page's language, direction and theme, and wires the keyboard. It takes over from the
//! prerendered default view of `index.html`, keeping what was typed in its search box. It sets
//! the performance marks `raqmi:prerender-frame` and `raqmi:takeover` (a frame painted the
//! prerendered view; the app replaces it), `raqmi:decode-start`, `raqmi:decoded` (the data
//! files downloaded and checked, the corpus assembled from them) and
//! `raqmi:first-results` (the browser benchmark reads them). Views below it take the values
//! they show and intent callbacks ([`Intents`], made once), never the state: the root maps each
//! intent to a reducer action, and writes the `href` of each link from the state (the URL of
//! what its click does).

use super::components::{
    charts::{chart_view, use_drawing, ChartViewProps},
    contexts::{contexts_view, use_kwic},
    embed::{embed_button, embedded, EmbedProps},
    facets::{facet_panel, follow_phone, use_expanded, use_phone, FacetPanelProps},
    failure::{load_failure, show_load_failure},
    figures::{figures_view, use_figures, FiguresViewProps},
    reader::{focus_reader, focus_target, reader, ReaderProps},
    results::{result_list, search_box, ResultListProps},
    shell::{follow_status, lang_picker, notices, status_bar, theme_toggle, use_status, view_tabs},
};
use super::dom;
use gloo::events::{EventListener, EventListenerOptions};
use raqmi_explorer::corpus::{filters, neighbours, CorpusRef, ResultsRef};
use raqmi_explorer::embed_snippet::embedded_query;
use raqmi_explorer::i18n::strings;
use raqmi_explorer::loading::{ready, shown_docs, LoadFailure};
use raqmi_explorer::reading::ReaderLinks;
use raqmi_explorer::state::{href_after, Action, AppState, FacetKind, FacetSlot, HistoryMode};
use raqmi_explorer::url::{
    self, ChartKind, DocLinks, Lang, Scale, Theme, View, ViewState, YearMonth,
};
use raqmi_model::document::Category;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Loads the corpus from its data files (`data.rs`), then mounts the app. Meanwhile the page
/// shows what it holds: the prerendered default view, whose links work without the app. When a
/// file fails, a localized message with a retry is put at the top of `#app`, above that view.
pub fn start() {
    yew::platform::spawn_local(async {
        match crate::data::load().await {
            Ok(corpus) => {
                LOADED.with(|l| *l.borrow_mut() = Some(corpus));
                mount();
            }
            Err(failure) => show_load_failure(&failure, start),
        }
    });
}

thread_local! {
    /// The corpus once loaded, taken by the take-over to mount the app with it.
    static LOADED: RefCell<Option<CorpusRef>> = const { RefCell::new(None) };
    /// What the facet panel counts (the corpus and results of the query it was last given).
    static PANEL: RefCell<Option<(CorpusRef, ResultsRef)>> = const { RefCell::new(None) };
    /// The result list on screen: its corpus, results and query (none once another view is
    /// shown).
    static LIST: RefCell<Option<(CorpusRef, ResultsRef, String)>> = const { RefCell::new(None) };
}

/// Mounts the app on the page's `#app` element (or the body), in place of what the page holds
/// there: the `<noscript>` fallback and the prerendered default view (`prerender.rs`). What
/// the person typed in the prerendered search box, and its focus, carry over to the app's.
fn mount() {
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else {
        if let Some(corpus) = LOADED.with(|l| l.borrow_mut().take()) {
            yew::Renderer::<App>::with_props(AppProps { corpus }).render();
        }
        return;
    };
    // The app's first render is one long task: when the prerendered view is on screen, let
    // the browser paint it first (on a fast load the wasm can be ready before the first frame).
    let stale = document
        .document_element()
        .and_then(|e| e.get_attribute("data-prerender"))
        .is_some_and(|v| v == "stale");
    let prerendered = root.query_selector(".prerendered").ok().flatten().is_some();
    if prerendered && !stale && !document.hidden() {
        take_over_after_next_frame(root);
    } else {
        take_over(root);
    }
}

/// Longest wait for the prerendered view's paint before taking over anyway, ms: a tab hidden
/// meanwhile gets no frame and may never report a first paint, and a starved machine can take
/// seconds (the prerendered view works meanwhile: its links are plain links).
const PAINT_WAIT_MS: u32 = 3000;

/// Takes over once, in a task after a frame in which the browser has reported the
/// prerendered view's largest paint ([`painted`]), or after [`PAINT_WAIT_MS`].
///
/// Why the report and not just a frame: paints are reported when the compositor says the
/// frame was presented, which on a busy machine comes frames later; an element removed before
/// that is dropped from the largest-paint candidates, and the app's copy of it, painted later,
/// became the largest paint (tests/e2e/phone.test.mjs failed about 1 run in 6 under load).
fn take_over_after_next_frame(root: web_sys::Element) {
    let pending = Rc::new(Cell::new(Some(root)));
    wait_for_paint(pending.clone(), true);
    gloo::timers::callback::Timeout::new(PAINT_WAIT_MS, move || take_pending(&pending)).forget();
}

fn take_pending(pending: &Cell<Option<web_sys::Element>>) {
    if let Some(root) = pending.take() {
        take_over(root);
    }
}

/// At each animation frame until [`painted`]: then the take-over, in a task after that frame.
fn wait_for_paint(pending: Rc<Cell<Option<web_sys::Element>>>, first: bool) {
    let next = pending.clone();
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        // None: taken over already (the time limit).
        let Some(root) = next.take() else { return };
        if first {
            // This frame paints the prerendered view before the take-over (the benchmark reads
            // the mark: the first contentful paint then showed the prerendered list).
            mark("raqmi:prerender-frame");
        }
        next.set(Some(root));
        if painted() {
            gloo::timers::callback::Timeout::new(0, move || take_pending(&next)).forget();
        } else {
            wait_for_paint(next, false);
        }
    });
    if gloo::utils::window()
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        take_pending(&pending);
    }
}

/// Whether the browser has reported the prerendered view's largest paint (`www/boot.js` sets
/// `data-painted` on the root element then, or at once where the browser reports none).
fn painted() -> bool {
    gloo::utils::document()
        .document_element()
        .is_some_and(|e| e.has_attribute("data-painted"))
}

/// Replaces what `root` holds with the app, keeping the prerendered search box's text and focus.
fn take_over(root: web_sys::Element) {
    let takeover = prerendered_search(&root);
    let focus = takeover.as_ref().filter(|t| t.focused).map(|t| t.selection);
    TAKEOVER.with(|t| *t.borrow_mut() = takeover);
    // Until now the prerendered view, if any, was what the page showed (the benchmark reads
    // this mark: a first paint before it showed the prerendered results).
    if root.query_selector(".prerendered").ok().flatten().is_some() {
        mark("raqmi:takeover");
    }
    // Yew's first render runs in a microtask of this same task, so no frame is painted between
    // the prerendered view leaving and the app's arriving; its headlines stay, as nodes.
    let Some(corpus) = LOADED.with(|l| l.borrow_mut().take()) else {
        return;
    };
    super::components::results::keep_prerendered_headlines(&root);
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root, AppProps { corpus }).render();
    // The box gets its focus back in a microtask queued after yew's first render, in this same
    // task: a keystroke queued meanwhile (the corpus's download makes typing during the
    // take-over likely) then reaches the app's box, not <body>. The explorer's first effect,
    // in a later task, restores it only if this found no box yet.
    if let Some(selection) = focus {
        wasm_bindgen_futures::spawn_local(async move { restore_search_focus(selection) });
    }
}

/// The state of the prerendered search box when the app takes over.
struct Takeover {
    typed: String,
    focused: bool,
    /// The caret or selection, in UTF-16 units, as the input reports it.
    selection: Option<(u32, u32)>,
}

thread_local! {
    /// Set by [`start`] before the first render, read by the explorer.
    static TAKEOVER: RefCell<Option<Takeover>> = const { RefCell::new(None) };
}

/// What was typed in the prerendered search box, if anything was or it has the focus. A hidden
/// prerendered view (a URL with state, `www/boot.js`) cannot be typed into nor focused, and the
/// box has `autocomplete="off"`, so the browser restores nothing into it either.
fn prerendered_search(root: &web_sys::Element) -> Option<Takeover> {
    let input = root
        .query_selector(".prerendered input[type=search]")
        .ok()??
        .dyn_into::<HtmlInputElement>()
        .ok()?;
    let focused = gloo::utils::document()
        .active_element()
        .is_some_and(|a| a.is_same_node(Some(&input)));
    let typed = input.value();
    if typed.is_empty() && !focused {
        return None;
    }
    let selection = match (input.selection_start(), input.selection_end()) {
        (Ok(Some(start)), Ok(Some(end))) => Some((start, end)),
        _ => None,
    };
    Some(Takeover {
        typed,
        focused,
        selection,
    })
}

/// Gives the app's search box the focus and caret the prerendered one had, unless it has the
/// focus already (then what was typed since has moved the caret on: it stays).
fn restore_search_focus(selection: Option<(u32, u32)>) {
    let document = gloo::utils::document();
    let Some(input) = document
        .get_element_by_id("search")
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    if document
        .active_element()
        .is_some_and(|a| a.is_same_node(Some(&input)))
    {
        return;
    }
    let _ = input.focus();
    if let Some((start, end)) = selection {
        let _ = input.set_selection_range(start, end);
    }
}

/// The explorer's reducer as yew's `Reducible` (a wrapper: the state is the explorer crate's).
/// An unchanged state keeps its `Rc`, which skips the render.
#[derive(Clone, PartialEq)]
struct Store(AppState);

impl std::ops::Deref for Store {
    type Target = AppState;
    fn deref(&self) -> &AppState {
        &self.0
    }
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = raqmi_explorer::state::reduce(&self.0, action);
        if next == self.0 {
            self
        } else {
            Rc::new(Store(next))
        }
    }
}

/// What the views ask for, each mapped to the reducer's action. Made once per app, so that
/// callbacks never differ from one render to the next: a view whose values did not change is
/// not rendered again (yew compares callbacks by identity).
struct Intents {
    query: Callback<String>,
    toggle_name: Callback<(FacetKind, String)>,
    filter_by_name: Callback<(FacetKind, String)>,
    toggle_category: Callback<Category>,
    filter_by_figure: Callback<Category>,
    clear: Callback<FacetSlot>,
    clear_all: Callback<()>,
    dates: Callback<(Option<YearMonth>, Option<YearMonth>)>,
    range: Callback<(Option<f64>, Option<f64>)>,
    open: Callback<String>,
    open_at: Callback<(String, Option<u32>)>,
    view: Callback<View>,
    back: Callback<()>,
    chart: Callback<ChartKind>,
    scale: Callback<Scale>,
    period: Callback<YearMonth>,
    lang: Callback<Lang>,
    theme: Callback<Theme>,
    dismiss: Callback<()>,
    more: Callback<()>,
    paused: Callback<()>,
    /// The view last rendered: the keyboard's shortcuts (set up once) read it.
    shown_view: std::cell::Cell<View>,
}

impl Intents {
    fn new(d: &UseReducerDispatcher<Store>) -> Intents {
        // A function pointer, not a closure type per intent: one instance per payload type.
        fn intent<T: 'static>(
            d: &UseReducerDispatcher<Store>,
            action: fn(T) -> Action,
        ) -> Callback<T> {
            let d = d.clone();
            Callback::from(move |x| d.dispatch(action(x)))
        }
        let period = {
            // A period of the timeline: the list of its articles.
            let d = d.clone();
            Callback::from(move |ym: YearMonth| {
                d.dispatch(Action::SetDates(Some(ym), Some(ym)));
                d.dispatch(Action::SetView(View::List));
            })
        };
        Intents {
            query: intent(d, Action::SetQuery),
            toggle_name: intent(d, |(kind, name)| Action::ToggleName(kind, name)),
            filter_by_name: intent(d, |(kind, name)| Action::FilterByName(kind, name)),
            toggle_category: intent(d, Action::ToggleCategory),
            filter_by_figure: intent(d, Action::FilterByFigure),
            clear: intent(d, Action::ClearFacet),
            clear_all: intent(d, |()| Action::ClearAll),
            dates: intent(d, |(from, to)| Action::SetDates(from, to)),
            range: intent(d, |(min, max)| Action::SetRange(min, max)),
            open: intent(d, |id| Action::OpenDoc { id, fig: None }),
            open_at: intent(d, |(id, fig)| Action::OpenDoc { id, fig }),
            view: intent(d, Action::SetView),
            back: intent(d, |()| Action::SetView(View::List)),
            chart: intent(d, Action::SetChart),
            scale: intent(d, Action::SetScale),
            period,
            lang: intent(d, Action::SetLang),
            theme: intent(d, |theme| Action::SetTheme(Some(theme))),
            dismiss: intent(d, |()| Action::DismissNotices),
            more: intent(d, |()| Action::ShowMore),
            paused: intent(d, |()| Action::TypingPaused),
            shown_view: std::cell::Cell::new(View::List),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub corpus: CorpusRef,
}

/// A `performance.mark` (cheap; read by `scripts/bench-browser.mjs` and by devtools).
pub(crate) fn mark(name: &str) {
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(name);
    }
}

/// The app over a loaded corpus: the root component itself (no wrapper component: each
/// component type costs the wasm about 2 KB).
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // Files arrive as the views need them (`data::update`): each round sets `arrived` to how
    // many were added so far, and the corpus is made again from them (the benchmark's build: the whole corpus,
    // `props.corpus`). `failure`: what failed last, until a retry (`retry` asks again).
    let arrived = use_state(|| 0u32);
    // As `Some(Err(_))`: the same state type as the own articles' (`own::use_own_corpus`), so
    // that yew's state code is not compiled again for another type (0.6 KB of wasm).
    let failure = use_state(|| None::<Result<CorpusRef, LoadFailure>>);
    let retry = use_state(|| 0u32);
    // Made again when `arrived` changes, as a memo would be (`data::base_for`: no memo
    // instance in the wasm).
    let base = crate::data::base_for(*arrived).unwrap_or_else(|| props.corpus.clone());
    // The corpus with the reader's own articles beside it (issue 16).
    let joined = super::own::use_own_corpus(&base);
    // Read at each render, not kept in a memo (one memo instance less in the wasm): only the
    // first render's state and the first effect use it, and it never changes.
    let (typed, focus) = TAKEOVER.with(|t| {
        let t = t.borrow();
        let t = t.as_ref();
        (
            t.map(|t| t.typed.clone()).filter(|q| !q.is_empty()),
            t.filter(|t| t.focused).map(|t| t.selection),
        )
    });
    let state = {
        use_reducer(move || {
            let (view, notices) = url::parse(&dom::location_search());
            let state = AppState::new(view, notices);
            // Typed before the app ran: a search as if typed now (the URL gets its `q`).
            Store(match typed {
                Some(q) => raqmi_explorer::state::reduce(&state, Action::SetQuery(q)),
                None => state,
            })
        })
    };
    let intents = {
        let d = state.dispatcher();
        use_memo((), move |_| Intents::new(&d))
    };
    let status = use_status();
    let phone = use_phone();

    // State -> URL, recorded as the action asked (a typed query once typing pauses, which the
    // facet panel then follows); and the language, direction and theme of the page (in this
    // effect at every change, written only when they change: one effect less, each is one more
    // instance of yew's effect code).
    {
        let paused = intents.paused.clone();
        use_effect_with(state.0.clone(), move |s| {
            dom::set_page_attributes(s.view.lang, s.view.theme, s.view.embed);
            let query = url::to_query(&s.view);
            match s.history {
                HistoryMode::Push => dom::push_query(&query),
                HistoryMode::Replace => dom::replace_query(&query),
                HistoryMode::ReplaceWhenIdle => dom::replace_query_when_idle(query, paused),
                HistoryMode::None => {}
            }
        });
    }

    // Effects run once the DOM holds the render: the first one means the first view (the
    // result list, on the default URL) is in the page.
    // Then the search box gets back the focus it had in the prerendered page; and the URL
    // sets the state on back and forward; the status and the phone layout follow the browser;
    // the keyboard: "/" focuses the search, arrows move through the results, Escape goes back
    // (as the view last rendered allows). One effect (each is one more instance of yew's
    // effect code in the wasm).
    {
        let d = state.dispatcher();
        let (status, phone) = (status.clone(), phone.clone());
        let intents = intents.clone();
        use_effect_with((), move |_| {
            let followed = (follow_status(status), follow_phone(phone));
            // Not passive: the shortcuts prevent the keys' default actions.
            let options = EventListenerOptions::enable_prevent_default();
            let keys = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    let current_view = intents.shown_view.get();
                    match e.key().as_str() {
                        "/" if !dom::typing_in_a_field() => {
                            e.prevent_default();
                            dom::focus_search();
                        }
                        "ArrowDown" | "ArrowUp" if current_view == View::List => {
                            let delta = if e.key() == "ArrowDown" { 1 } else { -1 };
                            if dom::move_result_focus(delta) {
                                e.prevent_default();
                            }
                        }
                        "Escape" if current_view == View::Doc && !dom::dialog_open() => {
                            e.prevent_default();
                            intents.back.emit(());
                        }
                        _ => {}
                    }
                },
            );
            mark("raqmi:first-results");
            if let Some(selection) = focus {
                restore_search_focus(selection);
            }
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                dom::cancel_pending_replace();
                let (view, notices) = url::parse(&dom::location_search());
                d.dispatch(Action::Navigate(Box::new(view), notices));
            });
            move || drop((listener, keys, followed))
        });
    }

    let view = &state.view;
    intents.shown_view.set(view.view);

    // The corpus for the query: the joined one with the index of its words, once their files
    // are there (else the joined one, which does not answer it: the view waits).
    // Made again when either changes, as a memo would be (`data::corpus_for`).
    let corpus = &crate::data::corpus_for(&joined, &view.q);

    // One search per change of query, filters or corpus, shared by every view.
    let results = {
        let memo = use_memo(
            (corpus.clone(), view.q.clone(), filters(view)),
            |(c, q, f)| c.find(q, f),
        );
        ResultsRef(memo)
    };
    // What the view reads and the corpus lacks is fetched (`data::update`); meanwhile the
    // view says so (a card not loaded yet, or the view's place), or says what failed, with a
    // retry. A view that cannot be shown exactly yet waits.
    let waiting = !ready(corpus, view, &results);
    let shown = shown_docs(corpus, view, &results, state.shown);
    let pending = !shown.is_empty();
    // Asked while rendering, not in an effect (each effect is one more instance of yew's
    // effect code): `data::asks` says whether the view, its cards or the retries changed.
    if crate::data::asks(view, &shown, *retry) {
        if failure.is_some() {
            failure.set(None);
        }
        let arrived = arrived.clone();
        let failure = failure.clone();
        crate::data::update(
            view.clone(),
            shown,
            Callback::from(move |told| match told {
                Ok(n) => arrived.set(n),
                Err(f) => failure.set(Some(Err(f))),
            }),
        );
    }
    // The article shown (as the view below decides): the focus goes into it when it changes.
    let reading = (view.view == View::Doc && !waiting)
        .then(|| view.doc.as_deref().and_then(|id| corpus.doc(id)))
        .flatten()
        .map(|doc| (doc.id.clone(), focus_target(doc, view.fig)));
    // The chart view's properties and drawing, only while that view is shown (and answerable).
    let chart = (view.view == View::Chart && !waiting).then(|| ChartViewProps {
        corpus: corpus.clone(),
        results: results.clone(),
        lang: view.lang,
        kind: view.chart,
        scale: view.scale,
        theme: view.theme,
        categories: view.cats.clone(),
        min: view.min,
        max: view.max,
        kind_links: ChartKind::ALL.map(|c| href_after(view, Action::SetChart(c))),
        links: DocLinks::new(view),
        on_kind: intents.chart.clone(),
        on_scale: intents.scale.clone(),
        on_open: intents.open_at.clone(),
        on_period: intents.period.clone(),
        embed: view.embed,
        controls: view.controls,
    });
    let drawing = use_drawing(chart.as_ref());
    // The figures view's properties and state (its rows only while it is shown).
    let figures_props = (view.view == View::Figures && !waiting).then(|| FiguresViewProps {
        corpus: corpus.clone(),
        results: results.clone(),
        lang: view.lang,
        categories: view.cats.clone(),
        min: view.min,
        max: view.max,
        links: DocLinks::new(view),
        on_open: intents.open_at.clone(),
    });
    let figures = use_figures(figures_props.as_ref());
    // After the render: the focus into the article shown when it changes, or back to the
    // figures table's sort button when it sorts. One effect: the two views are never shown
    // together, and each one's part of the dependencies is `None` while it is hidden.
    {
        let figures = figures.clone();
        let sorting = figures_props.is_some().then(|| figures.sorting());
        use_effect_with((reading, sorting), move |(reading, sorting)| {
            focus_reader(reading);
            if sorting.is_some() {
                figures.focus_sorted();
            }
        });
    }
    // While a query is typed, the facet panel keeps the counts it showed, and stays on screen
    // while the query's term files arrive: its rows' text and order changing at each keystroke
    // were a third of the keystroke's layout and render. It shows the query's counts once
    // typing pauses (`Action::TypingPaused`), or at any other change.
    let typing = state.history == HistoryMode::ReplaceWhenIdle;
    let panel = PANEL.with(|p| {
        let mut p = p.borrow_mut();
        if !(waiting || typing && p.is_some()) {
            *p = Some((corpus.clone(), results.clone()));
        }
        p.clone()
    });
    let show_facets = view.view != View::Doc && (!waiting || typing) && panel.is_some();
    // The name facets' "show more", folded again whenever the panel is hidden.
    let expanded = use_expanded(show_facets && !view.embed);
    // The keyword-in-context lines, only while that view is shown (and answerable).
    let kwic = use_kwic(
        (view.view == View::Contexts && !waiting)
            .then(|| (corpus.clone(), view.q.clone(), filters(view))),
    );
    // While a new query's files arrive, the list keeps the results it shows, marked busy,
    // instead of a "loading" line: the reader keeps something to read (a wait of a few frames
    // flashed the list away and back at each new word), and the cards are patched once the
    // results are in rather than removed and built again.
    let list = LIST.with(|l| {
        let mut l = l.borrow_mut();
        if view.view != View::List {
            *l = None;
        } else if !waiting {
            *l = Some((corpus.clone(), results.clone(), view.q.clone()));
        }
        l.clone()
    });
    let lang = view.lang;
    let t = strings(lang);
    let i = &*intents;

    let main = match (view.view, list) {
        _ if failure.is_some() && (waiting || pending) => match &*failure {
            Some(Err(failure)) => {
                let retry = retry.clone();
                load_failure(
                    &failure.message(lang),
                    t.get("data.retry"),
                    Callback::from(move |()| retry.set(*retry + 1)),
                )
            }
            _ => Html::default(),
        },
        // The list as it is, or as it was while the query's files arrive.
        (View::List, Some((corpus, results, query))) => result_list(&ResultListProps {
            corpus,
            results,
            query,
            lang,
            shown: state.shown,
            links: DocLinks::new(view),
            busy: waiting,
            on_open: i.open_at.clone(),
            on_more: i.more.clone(),
        }),
        _ if waiting => html! { <p class="loading" role="status">{ t.get("data.loading") }</p> },
        (View::Doc, _) => match view.doc.as_deref().and_then(|id| corpus.doc(id)) {
            Some(doc) => {
                let (prev, next) = neighbours(corpus, &results, &doc.id);
                reader(&ReaderProps {
                    corpus: corpus.clone(),
                    id: doc.id.clone(),
                    fig: view.fig,
                    lang,
                    theme: view.theme,
                    prev,
                    next,
                    links: ReaderLinks::new(view, doc),
                    on_back: i.back.clone(),
                    on_open: i.open_at.clone(),
                    on_name: i.filter_by_name.clone(),
                    on_figure: i.filter_by_figure.clone(),
                    embed: view.embed,
                })
            }
            // An own article's link (issue 16): while the stored ones are being listed, not
            // missing yet; else it lives on another device (`own::missing`).
            None if super::own::is_own(view.doc.as_deref()) && super::own::pending() => {
                html! {}
            }
            None => html! {
                <section class="missing" aria-labelledby="missing-title">
                    <h1 id="missing-title">{ t.get("doc.missing.title") }</h1>
                    { match view.doc.as_deref() {
                        id if super::own::is_own(id) => super::own::missing(),
                        id => html! { <p>{ t.fill("doc.missing.text", &[("id", id.unwrap_or(""))]) }</p> },
                    } }
                    if !view.embed {
                        <p><a href={url::to_query(&ViewState { doc: None, view: View::List, ..view.clone() })}
                              onclick={dom::navigate(i.view.clone(), View::List)}>
                            { t.get("doc.back") }</a></p>
                    }
                </section>
            },
        },
        (View::Chart, _) => match (&chart, &*drawing) {
            (Some(props), Some(drawn)) => chart_view(props, drawn),
            _ => Html::default(),
        },
        (View::Figures, _) => match &figures_props {
            Some(props) => figures_view(props, &figures),
            None => Html::default(),
        },
        (View::Contexts, _) => {
            contexts_view(corpus, &view.q, &kwic, lang, &DocLinks::new(view), &i.open)
        }
        // Set above whenever the list is shown and not waiting.
        (View::List, None) => Html::default(),
    };

    if view.embed {
        return embedded(
            view,
            &corpus.docs,
            notices(&state.notices, lang, &i.dismiss),
            main,
        );
    }

    html! {
        <>
            <header class="site-header">
                <a class="brand" href="./" title={t.get("app.home")}
                   onclick={dom::navigate(i.clear_all.clone(), ())}>{ "Raqmi" }</a>
                <p class="tagline">{ t.get("app.tagline") }</p>
                <div class="header-tools">
                    { lang_picker(lang, &i.lang) }
                    { theme_toggle(lang, view.theme, &i.theme) }
                    { super::own::add_button(lang) }
                    { embed_button(EmbedProps {
                        lang: view.lang,
                        query: embedded_query(view),
                        corpus: corpus.clone(),
                        chart: raqmi_explorer::fallback::kind_of(view),
                    }) }
                </div>
            </header>
            { status_bar(lang, (*status.0 != 0, *status.1 != 0)) }
            { notices(&state.notices, lang, &i.dismiss) }
            <div class="toolbar">
                { search_box(&view.q, lang, &i.query) }
                { view_tabs(lang, view.view, |tab| href_after(view, Action::SetView(tab)), &i.view) }
            </div>
            <div class={classes!("layout", show_facets.then_some("with-facets"))}>
                if let Some((corpus, results)) = panel.filter(|_| show_facets) {
                    { facet_panel(&FacetPanelProps {
                        corpus,
                        results,
                        lang,
                        from: view.from,
                        to: view.to,
                        min: view.min,
                        max: view.max,
                        clearable: view.has_filters() || !view.q.is_empty(),
                        on_toggle: i.toggle_name.clone(),
                        on_category: i.toggle_category.clone(),
                        on_dates: i.dates.clone(),
                        on_range: i.range.clone(),
                        on_clear: i.clear.clone(),
                        on_clear_all: i.clear_all.clone(),
                    }, *phone != 0, &expanded) }
                }
                <main id="main" tabindex="-1">{ main }</main>
            </div>
        </>
    }
}
