//! The "Chiffres" view (`view=figures`): every figure of the filtered articles in one table
//! (value, what, who, event, when, article), sorted by any column through its header's
//! button, a page at a time, with the CSV of exactly the rows on screen. And the badges that
//! say, wherever a figure is met (this table, the reader's figure list, the chart's data
//! table), that it belongs to a series or that another article disagrees with it: a
//! disclosure that opens the series drawn over time, or both sentences side by side. The
//! values come from `raqmi_explorer::figures` and the markup from `figures_html` (escaped
//! text, not yew elements: about 6 KB gzip less wasm); this file inserts it and listens.

use crate::dom;
use raqmi_explorer::corpus::{CorpusRef, ResultsRef};
use raqmi_explorer::figures::{across, rows, to_csv, Column, FigureRow, Sorting, PAGE};
use raqmi_explorer::figures_html;
use raqmi_explorer::i18n::strings;
use raqmi_explorer::url::{DocLinks, Lang, ViewState};
use raqmi_model::document::Category;
use raqmi_search::measures::FigureRef;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FiguresViewProps {
    pub corpus: CorpusRef,
    /// The search's results, whose figures are listed.
    pub results: ResultsRef,
    pub lang: Lang,
    /// The figures kept: the category filter and the value range.
    pub categories: Vec<Category>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The links to the figures' sentences.
    pub links: DocLinks,
    /// Opens an article (by id) at one of its figures.
    pub on_open: Callback<(String, Option<u32>)>,
}

/// The filters the rows follow: the results, the categories, the value range.
type Filters = (ResultsRef, Vec<Category>, Option<f64>, Option<f64>);

/// The view's state: the sorting, and how many rows are shown for the filters they were asked
/// under (a new search starts again from the first page, without an effect and its second
/// render); and the sorted rows.
#[derive(Clone)]
pub struct FiguresState {
    ui: UseStateHandle<(Sorting, Option<Filters>, usize)>,
    table: Rc<Vec<FigureRow>>,
}

/// The figures view's state, its rows made only while `props` is `Some` (the view is shown).
/// A hook of the root: the view is a plain function, not a component (each component type
/// costs the wasm about 2 KB). Leaving the view forgets its sorting and pages, as a component
/// unmounted would.
#[hook]
pub fn use_figures(props: Option<&FiguresViewProps>) -> FiguresState {
    let ui = use_state(|| (Sorting::default(), None::<Filters>, PAGE));
    // Leaving the view resets the state (while rendering, not in an effect: the hidden view
    // cannot change it, so this runs once, as it leaves).
    if props.is_none() && (ui.0 != Sorting::default() || ui.2 != PAGE) {
        ui.set((Sorting::default(), None, PAGE));
    }
    let shown = props.map(|p| {
        (
            p.corpus.clone(),
            (p.results.clone(), p.categories.clone(), p.min, p.max),
        )
    });
    let table = use_memo((shown, ui.0), |(shown, sorting)| {
        let Some((corpus, (results, cats, min, max))) = shown else {
            return Vec::new();
        };
        let state = ViewState {
            cats: cats.clone(),
            min: *min,
            max: *max,
            ..ViewState::default()
        };
        let mut rows = rows(corpus, results, &state);
        sorting.apply(&mut rows);
        rows
    });
    FiguresState { ui, table }
}

impl FiguresState {
    /// The table's sorting: what [`FiguresState::focus_sorted`] runs again for.
    pub fn sorting(&self) -> Sorting {
        self.ui.0
    }

    /// After a render of the view (from the root's effect, shared with the reader's focus:
    /// each effect is one more instance of yew's effect code): the table redrawn when sorted
    /// gives its button the focus back.
    pub fn focus_sorted(&self) {
        if let Some(c) = self.ui.0.column {
            if let Some(b) = gloo::utils::document().get_element_by_id(&c.button_id()) {
                let _ = b.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    }
}

/// The view of `props`, in the state [`use_figures`] keeps.
pub fn figures_view(props: &FiguresViewProps, state: &FiguresState) -> Html {
    let t = strings(props.lang);
    let filters = Some((
        props.results.clone(),
        props.categories.clone(),
        props.min,
        props.max,
    ));
    let (ui, table) = (&state.ui, &state.table);
    let sorting = &ui.0;
    let shown = if ui.1 == filters { ui.2 } else { PAGE };
    let total = table.len();
    let visible = &table[..shown.min(total)];
    let markup = figures_html::table(visible, *sorting, t, &props.links, &|r| {
        across(
            &props.corpus,
            FigureRef {
                doc: r.doc,
                figure: r.figure,
            },
        )
    });
    let csv = {
        let body = to_csv(visible);
        Callback::from(move |_| {
            dom::download(
                "raqmi-chiffres.csv",
                "text/csv;charset=utf-8",
                body.as_bytes(),
            )
        })
    };
    let more = {
        let ui = ui.clone();
        Callback::from(move |_: MouseEvent| ui.set((ui.0, filters.clone(), shown + PAGE)))
    };
    // One listener for the table's buttons and links (its markup is text: see figures_html).
    let onclick = {
        let follow = dom::follow_link(props.on_open.clone());
        let ui = ui.clone();
        Callback::from(move |e: MouseEvent| {
            match dom::closest_attr(&e, "button[data-sort]", "data-sort")
                .and_then(|c| Column::from_param(&c))
            {
                Some(c) => ui.set((ui.0.press(c), ui.1.clone(), ui.2)),
                None => follow.emit(e),
            }
        })
    };
    let n = visible.len().to_string();
    html! {
        <section class="figures-view" aria-labelledby="figures-title">
            <h1 id="figures-title">{ t.get("figures.title") }</h1>
            <p role="status" class="result-count">{ t.fill("figures.count", &[("n", &total.to_string())]) }</p>
            if total == 0 {
                <p class="empty">{ t.get("figures.none") }</p>
            } else {
                <p class="figures-tools">
                    <button type="button" class="figures-csv" onclick={csv}>{ t.fill("figures.csv", &[("n", &n)]) }</button>
                </p>
                <div class="table-scroll" tabindex="0" role="region" aria-label={t.get("figures.table")} {onclick}>
                    { Html::from_html_unchecked(AttrValue::from(markup)) }
                </div>
                if total > shown {
                    <button type="button" class="more" onclick={more}>
                        { raqmi_explorer::card::more_text(props.lang, total - shown) }
                    </button>
                }
            }
        </section>
    }
}

/// The badges of figure `figure` of article `id`, if it has any (`figures_html::badges`,
/// escaped text; their links are followed by [`dom::follow_link`] on a container).
pub fn badges_of(
    corpus: &CorpusRef,
    id: &str,
    figure: usize,
    lang: Lang,
    links: &DocLinks,
) -> Html {
    Html::from_html_unchecked(AttrValue::from(badges_markup(
        corpus, id, figure, lang, links,
    )))
}

/// [`badges_of`] as markup ("" when the figure has none).
pub fn badges_markup(
    corpus: &CorpusRef,
    id: &str,
    figure: usize,
    lang: Lang,
    links: &DocLinks,
) -> String {
    corpus
        .figure_ref(id, figure)
        .and_then(|r| across(corpus, r))
        .map(|a| figures_html::badges(&a, strings(lang), links))
        .unwrap_or_default()
}
