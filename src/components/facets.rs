//! The filter panel: period, source, organisation, place, person, programme, figure category and
//! figure-value range, each a `<fieldset>` with a `<legend>` and native controls whose labels
//! carry the count. Counts come from the engine's disjunctive facets: each reflects the other
//! active filters, and says which values are selected. OR within a facet, AND across facets;
//! one click clears a facet or all. On a phone (under [`PHONE`]) the panel waits in a modal
//! dialog opened by a "Filtres (n)" button, so that the results and charts come first.

use crate::dom;
use gloo::events::EventListener;
use raqmi_charts::category_text;
use raqmi_explorer::corpus::{CorpusRef, ResultsRef};
use raqmi_explorer::decimal;
use raqmi_explorer::i18n::{facet_key, strings, Strings};
use raqmi_explorer::state::{FacetKind, FacetSlot};
use raqmi_explorer::url::{category_name, Lang, YearMonth};
use raqmi_model::document::Category;
use raqmi_search::query::{FacetCount, Name};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The widths at which the panel is a dialog (www/styles.css uses the same breakpoint).
pub const PHONE: &str = "(max-width: 37.5em)";

/// Whether the viewport matches `query` now.
pub fn media_matches(query: &str) -> bool {
    media(query).is_some_and(|m| m.matches())
}

fn media(query: &str) -> Option<web_sys::MediaQueryList> {
    gloo::utils::window().match_media(query).ok().flatten()
}

/// The phone's filter dialog and its close button (ids: the focus guards' targets).
const FILTERS_DIALOG: &str = "filters-dialog";
const FILTERS_CLOSE: &str = "filters-close";

/// Values listed before "show all".
const SHORT_LIST: usize = 8;

/// A period (from, to) and a range of figure values (min, max), as the filters hold them.
type Period = (Option<YearMonth>, Option<YearMonth>);
type Amounts = (Option<f64>, Option<f64>);

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    /// The corpus (its years are the period's choices).
    pub corpus: CorpusRef,
    /// The search's results: every facet's counts, and which values are selected.
    pub results: ResultsRef,
    pub lang: Lang,
    pub from: Option<YearMonth>,
    pub to: Option<YearMonth>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Whether anything is searched or filtered ("clear all" has something to clear).
    pub clearable: bool,
    /// Ticks or unticks a name.
    pub on_toggle: Callback<(FacetKind, String)>,
    /// Ticks or unticks a figure category.
    pub on_category: Callback<Category>,
    /// A new period (from, to).
    pub on_dates: Callback<Period>,
    /// A new figure-value range (min, max).
    pub on_range: Callback<Amounts>,
    /// Clears one facet.
    pub on_clear: Callback<FacetSlot>,
    /// Clears the query and every filter.
    pub on_clear_all: Callback<()>,
}

/// Whether the viewport is a phone's (the panel then opens in a dialog), followed as it turns
/// or resizes ([`follow_phone`], from the root's mount effect: no effect of its own, each is
/// one more instance of yew's effect code). A hook of the root: the panel is a plain function,
/// not a component (each component type costs the wasm about 2 KB).
/// As 0 or 1: the state type of the root's counts (`u32`), so that yew's state code is not
/// compiled again for `bool`.
#[hook]
pub fn use_phone() -> UseStateHandle<u32> {
    use_state(|| u32::from(media_matches(PHONE)))
}

/// Keeps [`use_phone`]'s state as the viewport turns or resizes, while the listener lives.
pub fn follow_phone(phone: UseStateHandle<u32>) -> Option<EventListener> {
    let follow = move |_: &web_sys::Event| phone.set(u32::from(media_matches(PHONE)));
    media(PHONE).map(|m| EventListener::new(&m, "change", follow))
}

/// The filters' panel; in a dialog when `phone` ([`use_phone`]).
pub fn facet_panel(props: &FacetPanelProps, phone: bool, expanded: &UseStateHandle<u32>) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let f = &props.results.facets;
    let clear_all = props.on_clear_all.reform(|_: MouseEvent| ());
    // Each name facet reads its counts from the shared results (compared by identity): at
    // 10 000 articles a facet holds thousands of names, too many to copy at every keystroke.
    let names = |facet: FacetKind| {
        name_facet(NameFacetProps {
            facet,
            legend: t.get(facet_key(facet)),
            lang,
            results: &props.results,
            ready: props.corpus.facets,
            on_toggle: &props.on_toggle,
            on_clear: &props.on_clear,
            expanded,
        })
    };
    let panel = html! {
        <aside class="facets" aria-labelledby="facets-title">
            <div class="facets-head">
                <h2 id="facets-title">{ t.get("facets.title") }</h2>
                <button type="button" class="clear-all" onclick={clear_all}
                    disabled={!props.clearable}>{ t.get("facets.clear_all") }</button>
            </div>
            { date_facet(&props.corpus.years, &f.years, (props.from, props.to), lang, &props.on_dates, &props.on_clear) }
            { for FacetKind::ALL.into_iter().map(names) }
            { category_facet(&f.categories, lang, &props.on_category, &props.on_clear) }
            <RangeFacet min={props.min} max={props.max} lang={lang}
                on_range={props.on_range.clone()} on_clear={props.on_clear.clone()} />
        </aside>
    };
    if !phone {
        return panel;
    }
    // Active filters: each ticked name and category, the period, the range.
    let active = f
        .names
        .iter()
        .map(|(_, c)| c.iter().filter(|c| c.selected).count())
        .sum::<usize>()
        + f.categories.iter().filter(|c| c.selected).count()
        + usize::from(props.from.is_some() || props.to.is_some())
        + usize::from(props.min.is_some() || props.max.is_some());
    // Focus guards at both ends keep Tab inside the modal dialog (past them, the focus would
    // leave for the browser's own controls): the last wraps to the dialog, the first to its
    // last button. Dialog and targets are found by id (`dom`'s shared callbacks: a node-ref
    // hook and a closure type per dialog cost about 1 KB of wasm).
    html! {
        <div class="facets-phone">
            <button type="button" class="filters-open" aria-haspopup="dialog" onclick={dom::show_dialog(FILTERS_DIALOG, true)}>
                { t.fill("facets.open", &[("n", &active.to_string())]) }
            </button>
            <dialog id={FILTERS_DIALOG} class="facets-dialog" aria-labelledby="facets-title" tabindex="-1">
                <span class="focus-guard" tabindex="0" onfocus={dom::focus_on(FILTERS_CLOSE)}></span>
                { panel }
                <div class="dialog-actions">
                    <button type="button" id={FILTERS_CLOSE} onclick={dom::show_dialog(FILTERS_DIALOG, false)}>{ t.get("embed.close") }</button>
                </div>
                <span class="focus-guard" tabindex="0" onfocus={dom::focus_on(FILTERS_DIALOG)}></span>
            </dialog>
        </div>
    }
}

fn clear_button(
    t: &Strings,
    on_clear: &Callback<FacetSlot>,
    slot: FacetSlot,
    legend: &str,
    active: bool,
) -> Html {
    if !active {
        return html! {};
    }
    html! {
        <button type="button" class="clear" onclick={on_clear.reform(move |_: MouseEvent| slot)}
            aria-label={t.fill("facets.clear_one", &[("facet", legend)])}>
            { t.get("facets.clear") }
        </button>
    }
}

/// Which name facets show all their names ("show more"), bit `FacetKind::index` of each. A
/// hook of the root: the facets are plain functions, not components (each component type costs
/// the wasm about 2 KB). Hiding the panel folds them again, as unmounting them did.
#[hook]
pub fn use_expanded(panel_shown: bool) -> UseStateHandle<u32> {
    // A bit per facet: the state type of the root's counts (`u32`), so that yew's state code
    // is not compiled again for another type.
    let expanded = use_state(|| 0u32);
    // While rendering, not in an effect (each is one more instance of yew's effect code): a
    // hidden panel's facets cannot be expanded, so this folds them once, as it hides.
    if !panel_shown && *expanded != 0 {
        expanded.set(0);
    }
    expanded
}

struct NameFacetProps<'a> {
    facet: FacetKind,
    legend: &'static str,
    lang: Lang,
    /// The search's results, whose counts for this facet are listed.
    results: &'a ResultsRef,
    /// Whether the corpus's facet values are in (`Corpus::facets`): until then the facet
    /// says its counts are coming.
    ready: bool,
    on_toggle: &'a Callback<(FacetKind, String)>,
    on_clear: &'a Callback<FacetSlot>,
    /// Every facet's "show more" state ([`use_expanded`]).
    expanded: &'a UseStateHandle<u32>,
}

fn name_facet(props: NameFacetProps) -> Html {
    let t = strings(props.lang);
    let all = props.expanded;
    let bit = 1u32 << props.facet.index();
    let expanded = &(**all & bit != 0);
    let counts = &props.results.facets.names[props.facet];
    if !props.ready {
        // Not `.loading`: the results are shown, only the counts are coming.
        return html! {
            <fieldset class="facet" aria-busy="true">
                <legend>{ props.legend }</legend>
                <p class="facet-pending">{ t.get("facets.loading") }</p>
            </fieldset>
        };
    }
    if counts.is_empty() {
        return html! {};
    }
    let any_selected = counts.iter().any(|c| c.selected);
    let shown: Vec<&FacetCount<Name>> = if *expanded {
        counts.iter().collect()
    } else {
        // Selected values always stay visible.
        let mut v: Vec<_> = counts.iter().take(SHORT_LIST).collect();
        v.extend(counts.iter().skip(SHORT_LIST).filter(|c| c.selected));
        v
    };
    let hidden = counts.len() - shown.len();
    let toggle = {
        let all = all.clone();
        Callback::from(move |_| all.set(*all ^ bit))
    };
    let slot = FacetSlot::Name(props.facet);
    html! {
        <fieldset class="facet">
            <legend>{ props.legend }</legend>
            { clear_button(t, props.on_clear, slot, props.legend, any_selected) }
            // Unkeyed: a keystroke reorders and renames most rows, and patching a row's name,
            // count and box costs less than rebuilding it. The boxes are controlled (`checked`
            // comes from the state at every render), so a reused row never keeps another
            // name's tick.
            <ul>
                { for shown.into_iter().map(|c| {
                    let facet = props.facet;
                    let name = c.value.to_string();
                    let onchange = props.on_toggle.reform(move |_: Event| (facet, name.clone()));
                    html! {
                        <li>
                            <label>
                                <input type="checkbox" checked={c.selected} {onchange} />
                                <span class="facet-name">{ &*c.value }</span>
                                <span class="count">{ format!(" ({})", c.count) }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if hidden > 0 || *expanded {
                <button type="button" class="link-button" aria-expanded={if *expanded { "true" } else { "false" }} onclick={toggle}>
                    { if *expanded { t.get("facets.less").to_string() } else { t.fill("facets.more", &[("n", &hidden.to_string())]) } }
                </button>
            }
        </fieldset>
    }
}

/// The figure-category facet. A plain function, not a component: it has no state and is
/// re-rendered with the panel anyway (its counts change with every result), and each component
/// type costs the wasm about 2 KB of yew's lifecycle code. Its checkboxes follow the state,
/// which their own change events set at once.
fn category_facet(
    counts: &[FacetCount<Category>],
    lang: Lang,
    on_category: &Callback<Category>,
    on_clear: &Callback<FacetSlot>,
) -> Html {
    let t = strings(lang);
    let legend = t.get("facet.category");
    let any = counts.iter().any(|c| c.selected);
    html! {
        <fieldset class="facet">
            <legend>{ legend }</legend>
            { clear_button(t, on_clear, FacetSlot::Categories, legend, any) }
            <ul>
                { for counts.iter().map(|c| {
                    let cat = c.value;
                    let onchange = on_category.reform(move |_: Event| cat);
                    html! {
                        <li key={category_name(c.value)}>
                            <label>
                                <input type="checkbox" checked={c.selected} {onchange} />
                                <span class={classes!("facet-name", "cat-swatch", format!("cat-{}", category_name(c.value)))}>
                                    { category_label(lang, c.value) }
                                </span>
                                <span class="count">{ format!(" ({})", c.count) }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}

/// A category's name in the interface language.
pub fn category_label(lang: Lang, c: Category) -> String {
    match lang {
        Lang::Fr => category_text(c).to_string(),
        _ => strings(lang)
            .get(match c {
                Category::Budget => "cat.budget",
                Category::Participants => "cat.participants",
                Category::Members => "cat.members",
                Category::Beneficiaries => "cat.beneficiaries",
                Category::Jobs => "cat.jobs",
                Category::Companies => "cat.companies",
                Category::Share => "cat.share",
                Category::Other => "cat.other",
            })
            .to_string(),
    }
}

/// The period facet: two `<select>`s of years. A plain function, not a component, for the
/// reason given at [`category_facet`]; a `<select>`'s options are only touched when they differ
/// from the previous render's.
fn date_facet(
    years: &[u16],
    counts: &[FacetCount<u16>],
    (from, to): Period,
    lang: Lang,
    on_dates: &Callback<Period>,
    on_clear: &Callback<FacetSlot>,
) -> Html {
    let t = strings(lang);
    let legend = t.get("facet.period");
    let count_of = |y: u16| counts.iter().find(|c| c.value == y).map_or(0, |c| c.count);
    let select = |id: &'static str,
                  label: &'static str,
                  current: Option<YearMonth>,
                  is_from: bool| {
        let onchange = on_dates.reform(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let ym = YearMonth::parse(&value);
            if is_from {
                (ym, to)
            } else {
                (from, ym)
            }
        });
        // A year-month bound from a URL is kept as its own option.
        let extra = current.filter(|c| c.month.is_some());
        html! {
            <label for={id}>
                <span class="label-text">{ t.get(label) }</span>
                <select id={id} {onchange}>
                    <option value="" selected={current.is_none()}>{ t.get("facet.period.any") }</option>
                    if let Some(ym) = extra {
                        <option value={ym.format()} selected=true>{ ym.format() }</option>
                    }
                    { for years.iter().map(|&y| {
                        let selected = current.is_some_and(|c| c.month.is_none() && c.year == y);
                        html! { <option value={y.to_string()} {selected}>{ format!("{y} ({})", count_of(y)) }</option> }
                    }) }
                </select>
            </label>
        }
    };
    html! {
        <fieldset class="facet facet-period">
            <legend>{ legend }</legend>
            { clear_button(t, on_clear, FacetSlot::Dates, legend, from.is_some() || to.is_some()) }
            <div class="period">
                { select("from", "facet.period.from", from, true) }
                { select("to", "facet.period.to", to, false) }
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct RangeFacetProps {
    min: Option<f64>,
    max: Option<f64>,
    lang: Lang,
    on_range: Callback<Amounts>,
    on_clear: Callback<FacetSlot>,
}

/// Reads a number as people type it: "1 000 000", "13,3", "2.5e6".
pub fn parse_amount(s: &str) -> Option<f64> {
    let cleaned: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    // `str::parse::<f64>` without its 10 KB table (see charts::decimal).
    decimal::parse_finite(&cleaned)
}

/// A component, unlike the period and category facets: yew sets an `<input>`'s value back to
/// the rendered one whenever it re-renders it, so the amounts being typed must not re-render
/// with the panel (a search finishing meanwhile would wipe them); its props only change when
/// the range itself (or the language) does: the root's intent callbacks are made once.
#[function_component(RangeFacet)]
fn range_facet(props: &RangeFacetProps) -> Html {
    let t = strings(props.lang);
    let legend = t.get("facet.range");
    let input = |id: &'static str, label: &'static str, value: Option<f64>, is_min: bool| {
        let (min, max) = (props.min, props.max);
        let onchange = props.on_range.reform(move |e: Event| {
            let v = parse_amount(&e.target_unchecked_into::<HtmlInputElement>().value());
            if is_min {
                (v, max)
            } else {
                (min, v)
            }
        });
        let text = value
            .map(|v| {
                if v.fract() == 0.0 {
                    format!("{}", v as i64)
                } else {
                    v.to_string()
                }
            })
            .unwrap_or_default();
        html! {
            <label for={id}>
                <span class="label-text">{ t.get(label) }</span>
                <input id={id} type="text" inputmode="decimal" value={text} {onchange} aria-describedby="range-help" />
            </label>
        }
    };
    html! {
        <fieldset class="facet facet-range">
            <legend>{ legend }</legend>
            { clear_button(t, &props.on_clear, FacetSlot::Range, legend, props.min.is_some() || props.max.is_some()) }
            <div class="range">
                { input("min", "facet.range.min", props.min, true) }
                { input("max", "facet.range.max", props.max, false) }
            </div>
            <p id="range-help" class="hint">{ t.get("facet.range.help") }</p>
        </fieldset>
    }
}
