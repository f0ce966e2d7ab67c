//! The chart view: the figures of the filtered articles, drawn by `raqmi_charts` (plotters, SVG)
//! and inserted as SVG; each bar is a focusable link back to its sentence. Each chart is a
//! `<figure>` with its `<figcaption>` and its data as a `<table>` one click away (each figure
//! with its series and disagreement badges, `figures::badges`), plus exports (SVG, PNG, CSV,
//! JSON).

use crate::components::figures::badges_markup;
use crate::dom;
use raqmi_charts::{
    chart_data_with, export, render_svg, table_rows, ChartData, ChartError, ChartKind,
    ChartOptions, ChartSvg, DataOptions,
};
use raqmi_explorer::corpus::{CorpusRef, ResultsRef};
use raqmi_explorer::figures_html::chart_table;
use raqmi_explorer::i18n::strings;
use raqmi_explorer::url::{DocLinks, Lang, Scale, Theme, YearMonth};
use raqmi_model::document::{Category, Document};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartViewProps {
    pub corpus: CorpusRef,
    /// The search's results, whose figures are charted.
    pub results: ResultsRef,
    pub lang: Lang,
    pub kind: ChartKind,
    pub scale: Scale,
    /// `None` follows the system's preference.
    pub theme: Option<Theme>,
    /// The figures kept: the category filter and the value range.
    pub categories: Vec<Category>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Each kind's tab link, in `ChartKind::ALL`'s order.
    pub kind_links: [String; 4],
    /// The data table's links to the figures' articles.
    pub links: DocLinks,
    pub on_kind: Callback<ChartKind>,
    pub on_scale: Callback<Scale>,
    /// Opens an article (by id) at one of its figures.
    pub on_open: Callback<(String, Option<u32>)>,
    /// Lists the articles of one period of the timeline.
    pub on_period: Callback<YearMonth>,
    /// Framed on a partner's page: the chart alone, its data one click away ("Télécharger
    /// les données": the CSV of exactly what is drawn), without the chart tabs and scale
    /// switch unless `controls`.
    #[prop_or_default]
    pub embed: bool,
    /// In an embed, the chart tabs and scale switch too (`controls=1`).
    #[prop_or_default]
    pub controls: bool,
}

/// The smallest text a chart draws (the timeline's period labels), px at its drawn width.
const SMALLEST_TEXT_PX: u32 = 10;
/// The smallest text a reader gets, px: the chart is drawn narrow enough for its scaled text to
/// reach it.
const READABLE_TEXT_PX: u32 = 12;
/// The widest drawing, px (wider containers scale it up).
const MAX_WIDTH: u32 = 720;

/// The width to draw at for a container `available` px wide: at most [`MAX_WIDTH`], and narrow
/// enough that scaling it to the container keeps text at least [`READABLE_TEXT_PX`] (the
/// charts crate draws no narrower than 240 px).
fn drawn_width(available: u32) -> u32 {
    (available * SMALLEST_TEXT_PX / READABLE_TEXT_PX).clamp(240, MAX_WIDTH)
}

/// The width of the chart's box, px, from the window's: the layout's padding (1rem each side)
/// and, from 52rem (www/styles.css), the filter column (at most 18rem) and its gap, taken away.
/// Read when the chart is drawn: a later resize scales the drawing until the next one.
fn available_width(embed: bool) -> u32 {
    let window = gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64());
    let window = window.unwrap_or(1024.0) as u32;
    let column = if !embed && window > 832 { 288 + 24 } else { 0 };
    window.saturating_sub(32 + column)
}

fn prefers_dark() -> bool {
    gloo::utils::window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// A chart's data and its drawing (or why there is none).
pub type Drawing = (ChartData, Result<ChartSvg, ChartError>);

/// The drawing of the chart view `props` asks for (`None`: the view is not shown, nothing is
/// drawn), made again only when its inputs change: drawing is the costly part. A hook of the
/// root: the view is a plain function, not a component (each component type costs the wasm
/// about 2 KB).
#[hook]
pub fn use_drawing(props: Option<&ChartViewProps>) -> Rc<Option<Drawing>> {
    let deps = props.map(|p| {
        let theme = match p.theme {
            Some(theme) => theme,
            None if prefers_dark() => Theme::Dark,
            None => Theme::Light,
        };
        let options = DataOptions {
            categories: p.categories.clone(),
            value_min: p.min,
            value_max: p.max,
            ..DataOptions::default()
        };
        // Drawn at the width of its box, so that its text stays readable once scaled (a phone).
        let width = drawn_width(available_width(p.embed));
        (
            p.corpus.clone(),
            p.results.clone(),
            p.kind,
            p.scale,
            theme,
            options,
            width,
        )
    });
    use_memo(deps, |deps| {
        let (corpus, results, kind, scale, theme, options, width) = deps.as_ref()?;
        let docs: Vec<&Document> = results
            .hits
            .iter()
            .filter_map(|h| corpus.docs.get(h.doc as usize))
            .collect();
        let data = chart_data_with(&docs, *kind, options);
        let chart_options = ChartOptions {
            width: *width,
            scale: *scale,
            theme: *theme,
            id: "raqmi-chart".into(),
            ..ChartOptions::default()
        };
        let svg = render_svg(&data, &chart_options);
        Some((data, svg))
    })
}

/// The chart view of `props`, drawn by [`use_drawing`].
pub fn chart_view(props: &ChartViewProps, drawn: &Drawing) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let kind = props.kind;
    let scale = props.scale;
    let (data, svg) = drawn;

    let on_mark = {
        let on_open = props.on_open.clone();
        let on_period = props.on_period.clone();
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            let Some(mark) = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest(".chart-mark").ok().flatten())
            else {
                return;
            };
            if let (Some(doc), Some(fig)) = (
                mark.get_attribute("data-doc"),
                mark.get_attribute("data-fig"),
            ) {
                e.prevent_default();
                on_open.emit((doc, fig.parse().ok()));
            } else if let Some(period) = mark.get_attribute("data-period") {
                // A period of the timeline: the list of that period's articles.
                if let Some(ym) = YearMonth::parse(period.trim_end_matches(" (?)")) {
                    e.prevent_default();
                    on_period.emit(ym);
                }
            }
        })
    };
    // `<g tabindex=0>` marks (timeline periods) are not links: Enter activates them too.
    let on_mark_key = Callback::from(|e: KeyboardEvent| {
        if e.key() != "Enter" {
            return;
        }
        if let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            if target.tag_name() == "g" {
                if let Ok(click) = web_sys::MouseEvent::new("click") {
                    let _ = target.dispatch_event(&click);
                }
            }
        }
    });

    let figure = match svg {
        Ok(chart) => {
            let rows = table_rows(data);
            // After an article's link: its badges, and the own-article mark (the markup of
            // `own::mark` for a card).
            let after = |doc: &str, fig: usize| {
                let mut s = badges_markup(&props.corpus, doc, fig, lang, &props.links);
                if crate::own::is_own(Some(doc)) {
                    s.push_str(crate::own::MARK);
                }
                s
            };
            let (w, h) = (chart.width, chart.height);
            let svg_text = chart.svg.clone();
            let csv = export::to_csv(data);
            let json = export::to_json(data);
            let base = format!("raqmi-{}", kind.param());
            let dl = |name: String, mime: &'static str, body: String| {
                Callback::from(move |_| dom::download(&name, mime, body.as_bytes()))
            };
            let drawn = raqmi_explorer::drawn::drawn_csv(data);
            // The PNG is drawn by `www/export-png.js`, loaded on the first click: this writes
            // onto the button what it draws.
            let png = {
                let name = format!("{base}.png");
                let svg = svg_text.clone();
                Callback::from(move |e: MouseEvent| {
                    let button: Element = e.target_unchecked_into();
                    for (attr, value) in [
                        ("data-svg", svg.clone()),
                        ("data-name", name.clone()),
                        ("data-width", w.to_string()),
                        ("data-height", h.to_string()),
                    ] {
                        let _ = button.set_attribute(attr, &value);
                    }
                })
            };
            html! {
                <figure class="chart" aria-labelledby="chart-caption">
                    // The drawing (an image) with its links stacked over it: see ChartSvg::overlay.
                    // Both strings come from plotters-svg and our own escaping writer.
                    <div class="chart-svg" onclick={on_mark} onkeydown={on_mark_key}>
                        { Html::from_html_unchecked(AttrValue::from(chart.drawing.clone())) }
                        { Html::from_html_unchecked(AttrValue::from(chart.overlay.clone())) }
                    </div>
                    <figcaption id="chart-caption">
                        <strong>{ chart.title.clone() }</strong>
                        { format!(" — {}", t.fill("chart.caption", &[("articles", &data.articles.to_string()), ("figures", &data.points.len().to_string())])) }
                    </figcaption>
                    <div class="chart-tools">
                        if props.embed {
                            <button type="button" class="download-data"
                                onclick={dl(format!("{base}-donnees.csv"), "text/csv;charset=utf-8", drawn)}>{ t.get("embed.download") }</button>
                        } else {
                        <button type="button" onclick={dl(format!("{base}.svg"), "image/svg+xml", svg_text.clone())}>{ t.get("chart.export.svg") }</button>
                        <button type="button" class="export-png" onclick={png}>{ t.get("chart.export.png") }</button>
                        <button type="button" onclick={dl(format!("{base}.csv"), "text/csv;charset=utf-8", csv)}>{ t.get("chart.export.csv") }</button>
                        <button type="button" onclick={dl(format!("{base}.json"), "application/json", json)}>{ t.get("chart.export.json") }</button>
                        }
                    </div>
                    <details class="chart-data">
                        <summary>{ t.get("chart.table") }</summary>
                        // The table as escaped markup (`figures_html::chart_table`): its links
                        // and badges followed by this one listener.
                        <div class="table-scroll" tabindex="0" role="region" aria-label={t.get("chart.table")}
                            onclick={dom::follow_link(props.on_open.clone())}>
                            { Html::from_html_unchecked(AttrValue::from(chart_table(&rows, &chart.title, t, &props.links, &after))) }
                        </div>
                    </details>
                </figure>
            }
        }
        Err(ChartError::Empty(reason)) => html! {
            <p class="empty chart-empty" role="note">{ localized_empty(lang, reason.message()) }</p>
        },
        Err(ChartError::Draw(e)) => html! {
            <p class="empty chart-empty" role="alert">{ t.fill("chart.error", &[("error", e)]) }</p>
        },
    };

    html! {
        <section class="chart-view" aria-labelledby="chart-view-title">
            <h1 id="chart-view-title">{ t.get("chart.title") }</h1>
            if !props.embed || props.controls {
            <nav class="chart-tabs" aria-label={t.get("chart.kinds")}>
                <ul>
                    { for ChartKind::ALL.into_iter().zip(&props.kind_links).map(|(c, href)| {
                        html! {
                            <li><a href={href.clone()}
                                   aria-current={(c == kind).then_some("page")}
                                   onclick={dom::navigate(props.on_kind.clone(), c)}>{ t.get(tab_key(c)) }</a></li>
                        }
                    }) }
                </ul>
            </nav>
            }
            if kind != ChartKind::Timeline && (!props.embed || props.controls) {
                { scale_switch(lang, scale, &props.on_scale) }
            }
            { figure }
        </section>
    }
}

/// The label of a chart kind's tab.
fn tab_key(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Budgets => "chart.budget",
        ChartKind::People => "chart.people",
        ChartKind::Shares => "chart.shares",
        ChartKind::Timeline => "chart.timeline",
    }
}

fn localized_empty(lang: Lang, french: &'static str) -> String {
    match lang {
        Lang::Fr => french.to_string(),
        lang => strings(lang).get("chart.empty").to_string(),
    }
}

/// Linear or logarithmic scale. A plain function, not a component: it depends on the language
/// and the scale only, which the chart view around it has too (each component type costs the
/// wasm about 2 KB of yew's lifecycle code); its radios follow the state, which their change
/// events set at once.
fn scale_switch(lang: Lang, current: Scale, on_scale: &Callback<Scale>) -> Html {
    let t = strings(lang);
    let option = |scale: Scale, key: &'static str| {
        html! {
            <label>
                <input type="radio" name="scale" checked={current == scale}
                    onchange={on_scale.reform(move |_: Event| scale)} />
                { t.get(key) }
            </label>
        }
    };
    html! {
        <fieldset class="scale-switch">
            <legend>{ t.get("chart.scale") }</legend>
            { option(Scale::Linear, "chart.scale.linear") }
            { option(Scale::Log, "chart.scale.log") }
        </fieldset>
    }
}
