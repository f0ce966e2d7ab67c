//! The "Chiffres" view (`view=figures`): every figure of the filtered articles in one table
//! (value, what, who, event, when, article), sorted by any column through its header's
//! button, a page at a time, with the CSV of exactly the rows on screen. And the badges that
//! say, wherever a figure is met (this table, the reader's figure list, the chart's data
//! table), that it belongs to a series or that another article disagrees with it: a
//! disclosure that opens the series drawn over time, or both sentences side by side. The
//! values all come from `raqmi_explorer::figures`; this file only lays them out.

use crate::dom;
use raqmi_explorer::corpus::{CorpusRef, ResultsRef};
use raqmi_explorer::figures::{
    across, rows, series_dots, to_csv, Across, Column, Quote, Sorting, PAGE,
};
use raqmi_explorer::i18n::strings;
use raqmi_explorer::reading::value_attr;
use raqmi_explorer::url::{DocLinks, Lang, ViewState};
use raqmi_model::document::Category;
use raqmi_search::measures::FigureRef;
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

#[function_component(FiguresView)]
pub fn figures_view(props: &FiguresViewProps) -> Html {
    let t = strings(props.lang);
    let sorting = use_state(Sorting::default);
    let filters = (
        props.results.clone(),
        props.categories.clone(),
        props.min,
        props.max,
    );
    // How many rows are shown, for the filters it was asked under: a new search starts again
    // from the first page, without an effect (and its second render).
    let pages = use_state(|| (filters.clone(), PAGE));
    let shown = if pages.0 == filters { pages.1 } else { PAGE };
    let table = {
        let corpus = props.corpus.clone();
        use_memo(
            (filters.clone(), *sorting),
            move |((results, cats, min, max), sorting)| {
                let state = ViewState {
                    cats: cats.clone(),
                    min: *min,
                    max: *max,
                    ..ViewState::default()
                };
                let mut rows = rows(&corpus, results, &state);
                sorting.apply(&mut rows);
                rows
            },
        )
    };
    let total = table.len();
    let visible = &table[..shown.min(total)];
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
        let pages = pages.clone();
        Callback::from(move |_: MouseEvent| pages.set((filters.clone(), shown + PAGE)))
    };
    let header = |c: Column| {
        let handle = sorting.clone();
        let press = Callback::from(move |_: MouseEvent| handle.set(handle.press(c)));
        html! {
            <th scope="col" aria-sort={sorting.aria(c)}>
                <button type="button" class="sort" onclick={press}>{ t.get(c.key()) }</button>
            </th>
        }
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
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="figures-title">
                    <table class="figures-table">
                        <thead><tr>{ for Column::ALL.into_iter().map(header) }</tr></thead>
                        <tbody>
                            { for visible.iter().map(|r| {
                                let fig = Some(r.figure as u32);
                                let around = (r.series_years.is_some() || r.dispute.is_some())
                                    .then(|| across(&props.corpus, FigureRef { doc: r.doc, figure: r.figure }))
                                    .flatten();
                                html! {
                                    <tr data-doc={r.doc_id.clone()} data-fig={r.figure.to_string()}>
                                        <td class="num">
                                            <data value={value_attr(r.value)}>{ r.value_text.clone() }</data>
                                            if let Some(a) = around {
                                                { badges(&a, props.lang, &props.links, &props.on_open) }
                                            }
                                        </td>
                                        <td>{ r.subject.clone() }</td>
                                        <td>{ r.actor.clone() }</td>
                                        <td>{ r.event.clone() }</td>
                                        <td>{ r.period.clone() }</td>
                                        <td><a href={props.links.href(&r.doc_id, fig)} title={r.sentence.clone()}
                                               onclick={dom::navigate(props.on_open.clone(), (r.doc_id.clone(), fig))}>
                                            { r.article.clone() }</a></td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
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

/// A figure's badges: "série (n)", which opens its series drawn over the years with each
/// point's article, and "sources en désaccord", which opens its sentence and the other
/// article's side by side. Disclosures (`<details>`): keyboard-operable and announced as
/// such without a line of script. A plain function: the table, the reader and the chart's
/// data table all show them.
pub fn badges(
    a: &Across,
    lang: Lang,
    links: &DocLinks,
    on_open: &Callback<(String, Option<u32>)>,
) -> Html {
    let t = strings(lang);
    let quote = |q: &Quote| {
        let fig = Some(q.figure as u32);
        html! {
            <blockquote>
                <strong>{ q.value_text.clone() }</strong>
                <p>{ q.sentence.clone() }</p>
                <a href={links.href(&q.doc_id, fig)}
                   onclick={dom::navigate(on_open.clone(), (q.doc_id.clone(), fig))}>{ q.article.clone() }</a>
            </blockquote>
        }
    };
    let mut years: Vec<u16> = a.series.iter().map(|p| p.year).collect();
    years.dedup();
    let dots = series_dots(&a.series, 240.0, 80.0);
    let line = dots
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <>
            if !a.series.is_empty() {
                <details class="across">
                    <summary class="badge badge-series">{ t.fill("figures.series", &[("n", &years.len().to_string())]) }</summary>
                    <div class="across-body">
                        <p>{ t.get("figures.series.help") }</p>
                        <svg class="series-chart" viewBox="0 0 240 80" width="240" height="80" role="img"
                             aria-label={t.get("figures.series.help")}>
                            <polyline points={line} />
                            { for dots.iter().zip(&a.series).map(|((x, y), p)| html! {
                                <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="4">
                                    <title>{ format!("{} : {}", p.year, p.quote.value_text) }</title>
                                </circle>
                            }) }
                        </svg>
                        <ol class="series-points">
                            { for a.series.iter().map(|p| {
                                let fig = Some(p.quote.figure as u32);
                                html! {
                                    <li>
                                        <strong>{ format!("{} : {}", p.year, p.quote.value_text) }</strong>
                                        { " — " }
                                        <a href={links.href(&p.quote.doc_id, fig)} title={p.quote.sentence.clone()}
                                           onclick={dom::navigate(on_open.clone(), (p.quote.doc_id.clone(), fig))}>{ p.quote.article.clone() }</a>
                                    </li>
                                }
                            }) }
                        </ol>
                    </div>
                </details>
            }
            if let Some(other) = &a.dispute {
                <details class="across">
                    <summary class="badge badge-dispute">{ t.get("figures.dispute") }</summary>
                    <div class="across-body">
                        <p>{ t.get("figures.dispute.help") }</p>
                        <div class="across-pair">
                            { quote(&a.here) }
                            { quote(other) }
                        </div>
                    </div>
                </details>
            }
        </>
    }
}

/// The badges of figure `figure` of article `id`, if it has any.
pub fn badges_of(
    corpus: &CorpusRef,
    id: &str,
    figure: usize,
    lang: Lang,
    links: &DocLinks,
    on_open: &Callback<(String, Option<u32>)>,
) -> Html {
    match corpus
        .figure_ref(id, figure)
        .and_then(|r| across(corpus, r))
    {
        Some(a) => badges(&a, lang, links, on_open),
        None => html! {},
    }
}
