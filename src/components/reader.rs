//! The reader: one article with its paragraphs, date (marked when estimated) and source; its
//! figures wrapped in `<data value>` and highlighted by category, its names highlighted as links
//! that filter by them; a side list of its figures (each with its series and disagreement
//! badges, `figures::badges`) and names; previous/next article. A `fig`
//! in the URL scrolls to that figure and focuses it. Every link's `href` comes from the root
//! (`ReaderLinks`): the URL of what its click asks for. The text is escaped markup
//! (`reading::text_html`) and the figure and name links have one listener, the article's:
//! as yew elements with a handler each, they cost the first load 480 B gzip more.

use crate::components::facets::category_label;
use crate::components::figures::badges_of;
use crate::dom;
use raqmi_charts::{figure_card, render_figure_card_image, ChartOptions, Theme as ChartTheme};
use raqmi_explorer::corpus::CorpusRef;
use raqmi_explorer::format::date_in;
use raqmi_explorer::i18n::strings;
use raqmi_explorer::reading::{entity_name, figure_text, text_html, ReaderLinks};
use raqmi_explorer::state::FacetKind;
use raqmi_explorer::url::{category_name, parse_category, Lang, Theme};
use raqmi_model::document::{Category, Document, EntityKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub corpus: CorpusRef,
    /// The article shown.
    pub id: String,
    /// The figure a link pointed at (highlighted, focused, shown as a card).
    pub fig: Option<u32>,
    pub lang: Lang,
    /// The figure card's colours (`None`: light).
    pub theme: Option<Theme>,
    /// The articles before and after it in the results' order (positions in the corpus).
    pub prev: Option<usize>,
    pub next: Option<usize>,
    /// Where each link leads.
    pub links: ReaderLinks,
    /// Back to the list.
    pub on_back: Callback<()>,
    /// Opens an article (by id), at one of its figures.
    pub on_open: Callback<(String, Option<u32>)>,
    /// Filters the list by a name of the article.
    pub on_name: Callback<(FacetKind, String)>,
    /// Charts the figures of a category.
    pub on_figure: Callback<Category>,
    /// Framed on a partner's page (`embed=1`): the article alone, without the way back to the
    /// list nor the previous/next links.
    #[prop_or_default]
    pub embed: bool,
}

/// Where the focus lands when an article is opened: figure `fig` of article `id` if it has it,
/// else its title. The figure `fig` asks for, when article `doc` has it.
pub fn focus_target(doc: &Document, fig: Option<u32>) -> Option<usize> {
    fig.map(|f| f as usize).filter(|&f| f < doc.figures.len())
}

/// Lands on the figure a link pointed at, or on the title, each time the article shown (`Some`
/// of its id and [`focus_target`]) changes: from the root's effect after the render (shared
/// with the figures view's: each effect is one more instance of yew's effect code).
pub fn focus_reader(shown: &Option<(String, Option<usize>)>) {
    match shown {
        Some((_, Some(f))) => dom::focus_by_id(&format!("fig-{f}")),
        Some((_, None)) => dom::focus_by_id("doc-title"),
        None => {}
    }
}

/// The reader (see the module header); [`focus_reader`] moves the focus into it.
pub fn reader(props: &ReaderProps) -> Html {
    let corpus = &props.corpus;
    let Some(doc) = corpus.doc(&props.id) else {
        return html! {};
    };
    let lang = props.lang;
    let t = strings(lang);
    let target_fig = focus_target(doc, props.fig);

    let link_to = |i: Option<usize>, key: &'static str, rel: &'static str| {
        let Some(d) = i.and_then(|i| corpus.docs.get(i)) else {
            return html! {};
        };
        html! {
            <a {rel} href={props.links.docs.href(&d.id, None)}
               onclick={dom::navigate(props.on_open.clone(), (d.id.clone(), None))}
               title={d.title(90)}>{ t.get(key) }</a>
        }
    };

    html! {
        <article class="reader" aria-labelledby="doc-title" data-id={doc.id.clone()}
            onclick={on_link(props)}>
            if !props.embed {
                <nav class="reader-nav" aria-label={t.get("doc.nav")}>
                    <a href={props.links.back.clone()}
                       onclick={dom::navigate(props.on_back.clone(), ())}>{ t.get("doc.back") }</a>
                    <span class="prev-next">
                        { link_to(props.prev, "doc.prev", "prev") }
                        { link_to(props.next, "doc.next", "next") }
                    </span>
                </nav>
            }
            <div class="reader-head">
                <h1 id="doc-title" tabindex="-1">{ doc.title(160) }</h1>
                <p class="meta">
                    if let Some(date) = &doc.date {
                        <time datetime={date.iso()}>{ date_in(lang, date, doc.date_origin) }</time>
                    }
                    if let Some(source) = &doc.source {
                        <span class="source">{ source.clone() }</span>
                    }
                    if let Some(u) = &doc.url {
                        <a class="source-link" href={u.clone()} rel="noopener noreferrer">{ t.get("doc.source_link") }</a>
                    }
                    <code class="doc-id">{ doc.id.clone() }</code>
                    { crate::own::mark(&doc.id, true) }
                </p>
            </div>
            <div class="reader-body">
                // The text as escaped markup (`text_html`): its links' clicks reach the
                // article's one listener.
                <div class="reader-text">
                    { Html::from_html_unchecked(AttrValue::from(text_html(
                        doc,
                        &props.links,
                        target_fig,
                        &|c| category_label(lang, c),
                        t.get("doc.figure_hint"),
                    ))) }
                </div>
                <div class="reader-aside">
                    if let Some(fig) = target_fig {
                        { figure_card_view(doc, fig, lang, props.theme) }
                    }
                    { side_list(doc, props) }
                </div>
            </div>
        </article>
    }
}

/// The one listener of the article's figure and name links, in its text and side list (they
/// carry what their click asks for: `data-category`, or `data-canonical` and `data-facet`).
fn on_link(props: &ReaderProps) -> Callback<MouseEvent> {
    let on_figure = props.on_figure.clone();
    let on_name = props.on_name.clone();
    Callback::from(move |e: MouseEvent| {
        let category = dom::closest_attr(&e, "a.fig-link", "data-category");
        if let Some(c) = category.and_then(|c| parse_category(&c)) {
            if dom::in_app_click(&e) {
                on_figure.emit(c);
            }
        } else if let Some(name) = dom::closest_attr(&e, "a[data-canonical]", "data-canonical") {
            let facet = dom::closest_attr(&e, "a[data-canonical]", "data-facet");
            if let Some(kind) = facet.and_then(|f| FacetKind::from_param(&f)) {
                if dom::in_app_click(&e) {
                    on_name.emit((kind, name));
                }
            }
        }
    })
}

/// The card of the figure a link pointed at: its value drawn with its qualifier, its sentence,
/// its article and date. A plain function, not a component: its inputs (the document, the
/// figure, language and theme) change whenever the reader's do, so a component would redraw
/// exactly as often, and each component type costs the wasm about 2 KB of yew's lifecycle code.
fn figure_card_view(doc: &Document, figure: usize, lang: Lang, theme: Option<Theme>) -> Html {
    let Some(card) = figure_card(doc, figure) else {
        return html! {};
    };
    let t = strings(lang);
    let options = ChartOptions {
        width: 320,
        theme: match theme {
            Some(Theme::Dark) => ChartTheme::Dark,
            _ => ChartTheme::Light,
        },
        id: "figure-card".into(),
        ..ChartOptions::default()
    };
    let image = render_figure_card_image(&card, &options).unwrap_or_default();
    html! {
        <figure class="figure-card" aria-labelledby="figure-card-caption">
            { Html::from_html_unchecked(AttrValue::from(image)) }
            <figcaption id="figure-card-caption">
                <strong>{ card.value_text.clone() }</strong>
                if let Some(q) = card.qualifier_text {
                    <span class="card-qualifier">{ format!(" ({q} : {})", t.get("card.not_exact")) }</span>
                }
                <q class="card-sentence">{ card.sentence.clone() }</q>
                <span class="card-meta">{ format!("{} · {}", card.article, card.date_text) }</span>
            </figcaption>
        </figure>
    }
}

/// The article's figures (each a link to its place in the text) and its names, grouped. A
/// plain function, not a component: it has no state and the same inputs as the reader around
/// it, and each component type costs the wasm about 2 KB of yew's lifecycle code.
fn side_list(doc: &Document, props: &ReaderProps) -> Html {
    let t = strings(props.lang);
    let mut names: Vec<(EntityKind, &str, Option<&str>)> = Vec::new();
    for e in &doc.entities {
        if !names
            .iter()
            .any(|(k, c, _)| *k == e.kind && *c == e.canonical)
        {
            names.push((e.kind, &e.canonical, e.role.as_deref()));
        }
    }
    let groups = [
        (EntityKind::Org, "names.org"),
        (EntityKind::Place, "names.place"),
        (EntityKind::Person, "names.person"),
        (EntityKind::Program, "names.program"),
        (EntityKind::Event, "names.event"),
    ];
    html! {
        <aside class="reader-side" aria-label={t.get("doc.side")}>
            <h2>{ t.get("doc.figures") }</h2>
            if doc.figures.is_empty() {
                <p class="empty">{ t.get("doc.no_figures") }</p>
            } else {
                <ul class="side-figures" onclick={dom::follow_link(props.on_open.clone())}>
                    { for doc.figures.iter().enumerate().map(|(i, f)| {
                        let fig = Some(i as u32);
                        html! {
                            <li key={i}>
                                // Followed by the list's listener (`data-doc`, `data-fig`).
                                <a href={props.links.docs.href(&doc.id, fig)}
                                   class={classes!("cat-swatch", format!("cat-{}", category_name(f.category)))}
                                   data-doc={doc.id.clone()} data-fig={i.to_string()}>
                                    { figure_text(f) }
                                </a>
                                <span class="side-cat">{ format!(" · {}", category_label(props.lang, f.category)) }</span>
                                { badges_of(&props.corpus, &doc.id, i, props.lang, &props.links.docs) }
                            </li>
                        }
                    }) }
                </ul>
            }
            <h2>{ t.get("doc.names") }</h2>
            { for groups.iter().filter(|(k, _)| names.iter().any(|(n, _, _)| n == k)).map(|(kind, key)| html! {
                <>
                    <h3>{ t.get(key) }</h3>
                    <ul class="side-names">
                        { for names.iter().filter(|(k, _, _)| k == kind).map(|(k, canonical, role)| {
                            html! {
                                <li>
                                    <a class={classes!("entity", format!("entity-{}", entity_name(*k)))}
                                       href={props.links.name(*k, canonical).to_string()}
                                       data-canonical={canonical.to_string()}
                                       data-facet={FacetKind::of_entity(*k).param()}>{ canonical.to_string() }</a>
                                    if let Some(role) = role {
                                        <span class="role">{ format!(", {role}") }</span>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </>
            }) }
        </aside>
    }
}
