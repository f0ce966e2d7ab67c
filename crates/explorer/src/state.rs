//! The app's state and its one reducer. Actions are data; `reduce` is pure and tested natively.
//! Components receive values and callbacks, never the reducer handle (yew's function_todomvc
//! pattern). Each action also says how the browser history should record it: a change of view
//! or filter is a new entry (back returns to it), typing in the search box replaces the current
//! one (back does not replay every keystroke). The state also holds how many results the list
//! shows: one page, and one more per "show more", until the search changes.

use super::card::PAGE;
use super::url::{self, ChartKind, Lang, Notice, Scale, Theme, View, ViewState, YearMonth};
use raqmi_model::document::Category;
pub use raqmi_search::facet::FacetKind;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The URL changed under the app (initial load, back/forward).
    Navigate(Box<ViewState>, Vec<Notice>),
    SetQuery(String),
    ToggleName(FacetKind, String),
    /// Filters by exactly this name (clicking a name in an article).
    FilterByName(FacetKind, String),
    ToggleCategory(Category),
    /// Filters by a figure's category and keeps figures around its value.
    FilterByFigure(Category),
    ClearFacet(FacetSlot),
    ClearAll,
    SetDates(Option<YearMonth>, Option<YearMonth>),
    SetRange(Option<f64>, Option<f64>),
    OpenDoc {
        id: String,
        fig: Option<u32>,
    },
    SetView(View),
    SetChart(ChartKind),
    SetScale(Scale),
    SetLang(Lang),
    SetTheme(Option<Theme>),
    DismissNotices,
    /// One more page of results in the list ("show more").
    ShowMore,
    /// Typing paused (the URL follows the search box now): the facet panel, which kept the
    /// counts it showed while the query was typed, shows the query's.
    TypingPaused,
}

/// Every filter that "clear" can target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FacetSlot {
    Name(FacetKind),
    Categories,
    Dates,
    Range,
    Query,
}

/// How the history records a state change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    Push,
    Replace,
    /// Replace once typing pauses: a URL per keystroke costs the browser a same-document
    /// navigation each time (Chromium fetches the page's icon again for every one, and throttles
    /// a page that navigates too often).
    ReplaceWhenIdle,
    /// The change came from the URL itself: nothing to record.
    None,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub view: ViewState,
    pub notices: Vec<Notice>,
    pub history: HistoryMode,
    /// How many results the list shows: [`PAGE`] more per [`Action::ShowMore`]; back to one
    /// page whenever the query or a filter changes, and whenever the list leaves the screen (so
    /// it comes back, from an article or a chart, at its first page). Not part of the URL.
    pub shown: usize,
}

impl AppState {
    pub fn new(view: ViewState, notices: Vec<Notice>) -> Self {
        AppState {
            view,
            notices,
            history: HistoryMode::None,
            shown: PAGE,
        }
    }
}

impl ViewState {
    /// True when any filter (not the query) is active.
    pub fn has_filters(&self) -> bool {
        !(self.names.iter().all(|(_, names)| names.is_empty())
            && self.cats.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.min.is_none()
            && self.max.is_none())
    }

    /// True when `other` asks the engine the same: the same query and filters.
    pub fn same_search(&self, other: &ViewState) -> bool {
        self.q == other.q
            && self.from == other.from
            && self.to == other.to
            && self.names == other.names
            && self.cats == other.cats
            && self.min == other.min
            && self.max == other.max
    }

    /// Leaves an article for the list it came from.
    fn back_to_results(&mut self) {
        if self.view == View::Doc {
            self.view = View::List;
        }
        self.doc = None;
        self.fig = None;
    }
}

/// The view that `action` leads to from `view`: what a link doing the same as a button points
/// to (the reader's names and figures are links to exactly where their click goes).
pub fn view_after(view: &ViewState, action: Action) -> ViewState {
    reduce(&AppState::new(view.clone(), Vec::new()), action).view
}

/// The relative URL of [`view_after`]: the `href` of a link whose click dispatches `action`,
/// so that a middle-click, or a page without the app, leads to the same place.
pub fn href_after(view: &ViewState, action: Action) -> String {
    format!("./{}", url::to_query(&view_after(view, action)))
}

/// The pure reducer: the state after `action`.
pub fn reduce(state: &AppState, action: Action) -> AppState {
    let mut next = state.clone();
    match action {
        Action::Navigate(view, notices) => {
            next.notices = notices;
            next.view = *view;
            next.history = HistoryMode::None;
        }
        Action::DismissNotices => {
            next.notices.clear();
            next.history = HistoryMode::None;
        }
        Action::ShowMore => {
            next.shown = state.shown.saturating_add(PAGE);
            next.history = HistoryMode::None;
        }
        // Only a state still being typed changes (nothing else on screen does).
        Action::TypingPaused if state.history == HistoryMode::ReplaceWhenIdle => {
            next.history = HistoryMode::None;
        }
        Action::TypingPaused => return next,
        action => next.history = change_view(&mut next.view, action),
    }
    // A new search starts again from the first page, and so does a list coming back on screen.
    if next.view.view != View::List || !next.view.same_search(&state.view) {
        next.shown = PAGE;
    }
    next
}

/// Applies an action that changes what is on screen to `v`; returns how the history records it.
fn change_view(v: &mut ViewState, action: Action) -> HistoryMode {
    let mut mode = HistoryMode::Push;
    match action {
        // Handled by `reduce`: they change nothing on screen but notices and the page size.
        Action::Navigate(..) | Action::DismissNotices | Action::ShowMore | Action::TypingPaused => {
            return HistoryMode::None
        }
        Action::SetQuery(q) => {
            // The query is typed a character at a time: replace, unless it starts a new search
            // from an article (then back returns to the article).
            mode = if v.view == View::Doc {
                HistoryMode::Push
            } else {
                HistoryMode::ReplaceWhenIdle
            };
            v.back_to_results();
            v.q = q;
        }
        Action::ToggleName(facet, name) => {
            let list = &mut v.names[facet];
            if let Some(i) = list.iter().position(|n| *n == name) {
                list.remove(i);
            } else {
                list.push(name);
            }
        }
        Action::FilterByName(facet, name) => {
            let list = &mut v.names[facet];
            if !list.contains(&name) {
                list.push(name);
            }
            v.back_to_results();
        }
        Action::ToggleCategory(c) => {
            if let Some(i) = v.cats.iter().position(|x| *x == c) {
                v.cats.remove(i);
            } else {
                v.cats.push(c);
            }
            v.fit_chart();
        }
        Action::FilterByFigure(c) => {
            if !v.cats.contains(&c) {
                v.cats.push(c);
            }
            v.back_to_results();
            v.view = View::Chart;
            v.chart = url::chart_for(c);
        }
        Action::ClearFacet(slot) => match slot {
            FacetSlot::Name(f) => v.names[f].clear(),
            FacetSlot::Categories => v.cats.clear(),
            FacetSlot::Dates => {
                v.from = None;
                v.to = None;
            }
            FacetSlot::Range => {
                v.min = None;
                v.max = None;
            }
            FacetSlot::Query => v.q.clear(),
        },
        Action::ClearAll => {
            let keep = ViewState {
                view: if v.view == View::Doc {
                    View::List
                } else {
                    v.view
                },
                chart: v.chart,
                scale: v.scale,
                lang: v.lang,
                theme: v.theme,
                embed: v.embed,
                controls: v.controls,
                ..ViewState::default()
            };
            *v = keep;
        }
        Action::SetDates(from, to) => {
            let (from, to) = match (from, to) {
                (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                x => x,
            };
            v.from = from;
            v.to = to;
        }
        Action::SetRange(min, max) => {
            let clean = |x: Option<f64>| x.filter(|x| x.is_finite());
            let (min, max) = match (clean(min), clean(max)) {
                (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                x => x,
            };
            v.min = min;
            v.max = max;
        }
        Action::OpenDoc { id, fig } => {
            v.doc = Some(id);
            v.fig = fig;
            v.view = View::Doc;
        }
        Action::SetView(view) => {
            if view != View::Doc {
                v.doc = None;
                v.fig = None;
            }
            v.view = view;
        }
        Action::SetChart(c) => {
            v.chart = c;
            v.view = View::Chart;
            v.doc = None;
            v.fig = None;
        }
        Action::SetScale(s) => v.scale = s,
        Action::SetLang(l) => {
            v.lang = l;
            mode = HistoryMode::Replace;
        }
        Action::SetTheme(t) => {
            v.theme = t;
            mode = HistoryMode::Replace;
        }
    }
    mode
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> AppState {
        AppState::new(ViewState::default(), vec![])
    }

    fn apply(s: AppState, actions: Vec<Action>) -> AppState {
        actions.into_iter().fold(s, |s, a| reduce(&s, a))
    }

    #[test]
    fn a_pause_in_typing_ends_the_typing_and_changes_nothing_else() {
        let typed = reduce(&state(), Action::SetQuery("numérique".into()));
        let paused = reduce(&typed, Action::TypingPaused);
        assert_eq!(paused.history, HistoryMode::None);
        assert_eq!(paused.view, typed.view);
        assert_eq!(paused.shown, typed.shown);
        // Anything else (a filter ticked since, a page opened): no change at all, so no render.
        let ticked = reduce(&typed, Action::ToggleName(FacetKind::Org, "AUSIM".into()));
        assert_eq!(reduce(&ticked, Action::TypingPaused), ticked);
        let more = reduce(&paused, Action::ShowMore);
        assert_eq!(reduce(&more, Action::TypingPaused), more);
    }

    #[test]
    fn typing_replaces_the_history_entry_and_filters_push_one() {
        let s = reduce(&state(), Action::SetQuery("numérique".into()));
        assert_eq!(s.history, HistoryMode::ReplaceWhenIdle);
        let s = reduce(&s, Action::ToggleName(FacetKind::Org, "AUSIM".into()));
        assert_eq!(s.history, HistoryMode::Push);
        assert_eq!(s.view.names[FacetKind::Org], ["AUSIM"]);
    }

    #[test]
    fn toggling_twice_removes_the_filter() {
        let s = apply(
            state(),
            vec![
                Action::ToggleName(FacetKind::Place, "Marrakech".into()),
                Action::ToggleName(FacetKind::Place, "Marrakech".into()),
            ],
        );
        assert!(s.view.names[FacetKind::Place].is_empty());
        assert!(!s.view.has_filters());
    }

    #[test]
    fn clicking_a_name_in_an_article_filters_the_list_by_it() {
        let s = apply(
            state(),
            vec![
                Action::OpenDoc {
                    id: "000".into(),
                    fig: None,
                },
                Action::FilterByName(FacetKind::Person, "Hicham Chiguer".into()),
            ],
        );
        assert_eq!(s.view.view, View::List);
        assert_eq!(s.view.doc, None);
        assert_eq!(s.view.names[FacetKind::Person], ["Hicham Chiguer"]);
    }

    #[test]
    fn clear_all_keeps_language_theme_and_embedding() {
        let s = apply(
            state(),
            vec![
                Action::SetLang(Lang::Ar),
                Action::SetQuery("x".into()),
                Action::ToggleCategory(Category::Budget),
                Action::SetRange(Some(1e6), Some(2e7)),
                Action::ClearAll,
            ],
        );
        assert_eq!(s.view.lang, Lang::Ar);
        assert!(s.view.q.is_empty() && !s.view.has_filters());
    }

    #[test]
    fn ranges_are_ordered_and_finite() {
        let s = reduce(&state(), Action::SetRange(Some(2e7), Some(1e6)));
        assert_eq!((s.view.min, s.view.max), (Some(1e6), Some(2e7)));
        let s = reduce(&state(), Action::SetRange(Some(f64::NAN), None));
        assert_eq!(s.view.min, None);
    }

    /// The list after one "show more": two pages.
    fn two_pages() -> AppState {
        let s = reduce(&state(), Action::ShowMore);
        assert_eq!(s.shown, 2 * PAGE);
        s
    }

    #[test]
    fn show_more_adds_a_page_and_records_nothing() {
        let s = reduce(&two_pages(), Action::ShowMore);
        assert_eq!(s.shown, 3 * PAGE);
        assert_eq!(s.history, HistoryMode::None);
        assert_eq!(s.view, ViewState::default());
        assert_eq!(state().shown, PAGE);
    }

    #[test]
    fn a_new_query_or_filter_starts_again_from_one_page() {
        let (from, _) = crate::url::parse("?view=doc&doc=000");
        for action in [
            Action::SetQuery("numérique".into()),
            Action::ToggleName(FacetKind::Org, "AUSIM".into()),
            Action::FilterByName(FacetKind::Place, "Rabat".into()),
            Action::ToggleCategory(Category::Budget),
            Action::SetDates(YearMonth::parse("2022"), None),
            Action::SetRange(Some(1e6), None),
            Action::Navigate(Box::new(from), vec![]),
        ] {
            assert_eq!(
                reduce(&two_pages(), action.clone()).shown,
                PAGE,
                "{action:?}"
            );
        }
        // Clearing what was chosen is a new search too.
        let chosen = apply(
            state(),
            vec![
                Action::SetQuery("maroc".into()),
                Action::ToggleName(FacetKind::Org, "AUSIM".into()),
                Action::ShowMore,
            ],
        );
        assert_eq!(chosen.shown, 2 * PAGE);
        for action in [
            Action::ClearFacet(FacetSlot::Query),
            Action::ClearFacet(FacetSlot::Name(FacetKind::Org)),
            Action::ClearAll,
        ] {
            assert_eq!(reduce(&chosen, action.clone()).shown, PAGE, "{action:?}");
        }
        // Navigating (back, forward) to another search.
        let (other, _) = crate::url::parse("?q=maroc");
        let s = reduce(&two_pages(), Action::Navigate(Box::new(other), vec![]));
        assert_eq!(s.shown, PAGE);
    }

    #[test]
    fn language_theme_and_a_search_that_does_not_change_keep_the_page_size() {
        for action in [
            Action::SetLang(Lang::Ar),
            Action::SetTheme(Some(Theme::Dark)),
            Action::SetQuery(String::new()),
            Action::SetRange(Some(f64::NAN), None),
            Action::ClearFacet(FacetSlot::Dates),
            Action::DismissNotices,
            Action::SetView(View::List),
        ] {
            assert_eq!(
                reduce(&two_pages(), action.clone()).shown,
                2 * PAGE,
                "{action:?}"
            );
        }
    }

    #[test]
    fn the_list_comes_back_from_an_article_or_a_chart_at_its_first_page() {
        for leave in [
            Action::OpenDoc {
                id: "000".into(),
                fig: None,
            },
            Action::SetView(View::Chart),
            Action::SetView(View::Contexts),
        ] {
            let away = reduce(&two_pages(), leave.clone());
            assert_eq!(away.shown, PAGE, "{leave:?}");
            assert_eq!(reduce(&away, Action::ShowMore).shown, PAGE, "{leave:?}");
            let back = reduce(&away, Action::SetView(View::List));
            assert_eq!(back.shown, PAGE, "{leave:?}");
        }
    }

    #[test]
    fn a_link_leads_where_its_click_goes() {
        let (view, _) = crate::url::parse("?q=num%C3%A9rique&doc=000&view=doc&lang=en");
        assert_eq!(
            href_after(&view, Action::FilterByName(FacetKind::Org, "AUSIM".into())),
            "./?q=num%C3%A9rique&org=AUSIM&lang=en"
        );
        assert_eq!(
            href_after(&view, Action::SetView(View::List)),
            "./?q=num%C3%A9rique&lang=en"
        );
        assert_eq!(href_after(&ViewState::default(), Action::ClearAll), "./");
    }

    #[test]
    fn navigation_from_the_url_records_nothing() {
        let (view, _) = crate::url::parse("?view=chart&cat=budget");
        let s = reduce(&state(), Action::Navigate(Box::new(view.clone()), vec![]));
        assert_eq!(s.view, view);
        assert_eq!(s.history, HistoryMode::None);
    }
}
