//! The app's state and its one reducer. Actions are data; `reduce` is pure and tested natively.
//! Components receive values and callbacks, never the reducer handle (yew's function_todomvc
//! pattern). Each action also says how the browser history should record it: a change of view
//! or filter is a new entry (back returns to it), typing in the search box replaces the current
//! one (back does not replay every keystroke).

use super::url::{ChartKind, Lang, Notice, Scale, Theme, View, ViewState, YearMonth};
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
}

impl AppState {
    pub fn new(view: ViewState, notices: Vec<Notice>) -> Self {
        AppState {
            view,
            notices,
            history: HistoryMode::None,
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

/// The pure reducer: the state after `action`.
pub fn reduce(state: &AppState, action: Action) -> AppState {
    let mut next = state.clone();
    let mut v = next.view.clone();
    let mut mode = HistoryMode::Push;
    match action {
        Action::Navigate(view, notices) => {
            next.notices = notices;
            next.view = *view;
            next.history = HistoryMode::None;
            return next;
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
        }
        Action::FilterByFigure(c) => {
            if !v.cats.contains(&c) {
                v.cats.push(c);
            }
            v.back_to_results();
            v.view = View::Chart;
            v.chart = match c {
                Category::Budget => ChartKind::Budgets,
                Category::Share => ChartKind::Shares,
                _ => ChartKind::People,
            };
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
                ..ViewState::default()
            };
            v = keep;
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
        Action::DismissNotices => {
            next.notices.clear();
            next.history = HistoryMode::None;
            return next;
        }
    }
    next.view = v;
    next.history = mode;
    next
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

    #[test]
    fn navigation_from_the_url_records_nothing() {
        let (view, _) = crate::url::parse("?view=chart&cat=budget");
        let s = reduce(&state(), Action::Navigate(Box::new(view.clone()), vec![]));
        assert_eq!(s.view, view);
        assert_eq!(s.history, HistoryMode::None);
    }
}
