//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts into its own node,
//! yew renders, the test acts through real DOM events and reads the DOM (and, in debug builds,
//! how many times the result list rendered). No sleeps beyond yielding to the renderer, no
//! network.

use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount_app() -> Element {
    // Every test starts from the default view.
    let window = gloo::utils::window();
    let _ = window.history().unwrap().replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&window.location().pathname().unwrap()),
    );
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("attached");
    let corpus = raqmi_explorer::corpus::CorpusRef(std::rc::Rc::new(seed_corpus()));
    yew::Renderer::<raqmi::App>::with_root_and_props(root.clone(), raqmi::AppProps { corpus })
        .render();
    settle().await;
    root
}

/// The seed articles, analysed as the build does (their texts compiled in: the browser has no
/// file system).
fn seed_documents() -> Vec<raqmi_model::document::Document> {
    const SEEDS: [(&str, &str); 5] = [
        (
            "000_355bd2c2e8048c55",
            include_str!("../seeds/000_355bd2c2e8048c55.txt"),
        ),
        (
            "001_d8c6e0fe0226b3fe",
            include_str!("../seeds/001_d8c6e0fe0226b3fe.txt"),
        ),
        (
            "002_8fd9b615db666dbf",
            include_str!("../seeds/002_8fd9b615db666dbf.txt"),
        ),
        (
            "003_33d08dc07e69b5e4",
            include_str!("../seeds/003_33d08dc07e69b5e4.txt"),
        ),
        (
            "004_1a904081dba04b63",
            include_str!("../seeds/004_1a904081dba04b63.txt"),
        ),
    ];
    SEEDS
        .iter()
        .map(|(id, text)| raqmi_testkit::article(id, text))
        .collect()
}

/// The seeds as the app holds them: through their data files, as the app loads them.
fn seed_corpus() -> raqmi_explorer::corpus::Corpus {
    use raqmi_explorer::loading::{corpus_of, files_to_fetch, DATA_DIR};
    use raqmi_search::files::{write_files, FileOptions, ShardedCorpus};
    let docs = seed_documents();
    let files = write_files(
        &docs,
        &raqmi_search::index::SearchIndex::build(&docs),
        FileOptions::default(),
    );
    let mut loaded = ShardedCorpus::from_manifest(&files[0].bytes).expect("the manifest");
    for (r, url) in files_to_fetch(&loaded) {
        let name = url.strip_prefix(DATA_DIR).expect("a data URL");
        let file = files.iter().find(|f| f.name == name).expect("written");
        loaded.add(r, &file.bytes).expect("a good file");
    }
    corpus_of(&loaded).expect("every file added")
}

/// Lets yew run its scheduled renders.
async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::ZERO).await;
    }
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).expect("a query").length()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn the_seeds_data_files_load_in_the_browser() {
    let corpus = seed_corpus();
    assert_eq!(corpus.docs.len(), 5);
    assert_eq!(corpus.index.doc_count(), 5);
    // As the files carry them (the test kit's `as_shipped`: what the app does not show yet is
    // left out, like the figures' measure key).
    assert_eq!(*corpus.docs, raqmi_testkit::as_shipped(seed_documents()));
}

#[derive(yew::Properties, PartialEq)]
struct FailureHostProps {
    message: String,
    on_retry: yew::Callback<()>,
}

/// What a failed load shows, alone.
#[yew::function_component(FailureHost)]
fn failure_host(props: &FailureHostProps) -> yew::Html {
    raqmi::load_failure(&props.message, "Réessayer", props.on_retry.clone())
}

#[wasm_bindgen_test]
async fn a_failed_load_says_why_and_retries_on_request() {
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let retries = std::rc::Rc::new(std::cell::Cell::new(0));
    let on_retry = {
        let retries = retries.clone();
        yew::Callback::from(move |()| retries.set(retries.get() + 1))
    };
    let failure = raqmi_explorer::loading::LoadFailure::Status {
        file: "manifest.bin".into(),
        status: 404,
    };
    let props = FailureHostProps {
        message: failure.message(raqmi_explorer::url::Lang::Fr),
        on_retry,
    };
    yew::Renderer::<FailureHost>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(
        text(&root, "[role=alert] p"),
        "Fichier de données introuvable sur le serveur (HTTP 404) : manifest.bin."
    );
    let button: HtmlElement = root
        .query_selector("button[data-action=retry-load]")
        .unwrap()
        .expect("a retry button")
        .dyn_into()
        .unwrap();
    button.click();
    settle().await;
    assert_eq!(retries.get(), 1);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_app_renders_one_article_element_per_document() {
    let root = mount_app().await;
    assert_eq!(count(&root, "article"), 5);
    assert_eq!(text(&root, ".results-view [role=status]"), "5 articles");
    assert_eq!(count(&root, "article time[datetime]"), 5);
    root.remove();
}

fn search_box(root: &Element) -> HtmlInputElement {
    root.query_selector("input[type=search]")
        .unwrap()
        .expect("a search box")
        .dyn_into()
        .unwrap()
}

/// Types `text` into the search box as a keystroke does: its value, then an `input` event.
fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn typing_in_the_search_box_filters_and_marks_the_results() {
    let root = mount_app().await;
    type_into(&search_box(&root), "AUSIM");
    settle().await;
    assert_eq!(count(&root, "article.result"), 2);
    assert_eq!(text(&root, ".results-view [role=status]"), "2 articles");
    assert!(count(&root, "article.result mark") >= 2);
    // The URL follows the state once typing pauses (300 ms; up to 5 s on a loaded machine).
    let mut search = String::new();
    for _ in 0..50 {
        search = gloo::utils::window().location().search().unwrap();
        if search == "?q=AUSIM" {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(search, "?q=AUSIM");
    root.remove();
}

/// The page size is the app state's, reset by the reducer with the search itself: a keystroke
/// is one state change and one render of the list (an effect resetting it after the render
/// would render every card twice).
#[cfg(debug_assertions)]
#[wasm_bindgen_test]
async fn a_keystroke_renders_the_result_list_once() {
    use raqmi::components::results::result_list_renders;
    let root = mount_app().await;
    let input = search_box(&root);
    // Typed one character at a time, then erased at once: each a new search.
    for typed in ["A", "AU", "AUS", "AUSI", "AUSIM", ""] {
        let before = result_list_renders();
        type_into(&input, typed);
        settle().await;
        assert_eq!(
            result_list_renders() - before,
            1,
            "renders of the list after typing {typed:?}"
        );
        if typed == "AUSIM" {
            assert_eq!(count(&root, "article.result"), 2);
        }
    }
    assert_eq!(count(&root, "article.result"), 5);
    root.remove();
}

/// The range facet renders only when the range (or the language) changes: an amount being
/// typed, not yet committed, stays while a keystroke in the search box renders the rest.
#[wasm_bindgen_test]
async fn an_amount_being_typed_stays_while_the_search_changes() {
    let root = mount_app().await;
    let min: HtmlInputElement = root
        .query_selector("input#min")
        .unwrap()
        .expect("the range's minimum")
        .dyn_into()
        .unwrap();
    min.set_value("1 000");
    type_into(&search_box(&root), "maroc");
    settle().await;
    assert_eq!(min.value(), "1 000");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_facet_checkbox_filters_and_its_label_carries_the_count() {
    let root = mount_app().await;
    let labels = root.query_selector_all("fieldset.facet label").unwrap();
    let mut apebi = None;
    for i in 0..labels.length() {
        let label: Element = labels.item(i).unwrap().dyn_into().unwrap();
        if label
            .text_content()
            .unwrap_or_default()
            .starts_with("APEBI")
        {
            apebi = Some(label);
        }
    }
    let apebi = apebi.expect("an APEBI checkbox");
    assert_eq!(apebi.text_content().unwrap(), "APEBI (1)");
    let checkbox: HtmlElement = apebi
        .query_selector("input[type=checkbox]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    checkbox.click();
    settle().await;
    assert_eq!(count(&root, "article.result"), 1);
    assert_eq!(
        root.query_selector("article.result")
            .unwrap()
            .unwrap()
            .get_attribute("data-id")
            .as_deref(),
        Some("004_1a904081dba04b63")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn opening_an_article_shows_its_figures_as_data_elements() {
    let root = mount_app().await;
    let link: HtmlElement = root
        .query_selector("article[data-id='003_33d08dc07e69b5e4'] a.result-link")
        .unwrap()
        .expect("a link to the Devoxx article")
        .dyn_into()
        .unwrap();
    link.click();
    settle().await;
    assert_eq!(count(&root, "article.reader"), 1);
    assert_eq!(count(&root, "article.reader data[value='13300000']"), 1);
    assert_eq!(count(&root, "article.reader data[value='3900000']"), 1);
    assert!(count(&root, "article.reader a.entity") >= 8);
    root.remove();
}

/// A corpus of `count` short articles, analyzed and indexed as the build (`corpus build`) does.
fn small_corpus(count: u32) -> raqmi_explorer::corpus::Corpus {
    let docs = (0..count)
        .map(|i| {
            let id = format!("{i:03}_article");
            let text = format!(
                " date 2024-{:02} Le programme numéro {i} a réuni {} participants à Rabat.",
                1 + i % 12,
                100 + i
            );
            raqmi_testkit::article(&id, &text)
        })
        .collect();
    raqmi_explorer::corpus::Corpus::new(raqmi_search::snapshot::Snapshot::new(docs))
}

#[derive(yew::Properties, PartialEq)]
struct ListHostProps {
    corpus: raqmi_explorer::corpus::CorpusRef,
}

/// The result list alone, over a given corpus, in the default view; "show more" goes through
/// the app's reducer, as in the app.
#[yew::function_component(ListHost)]
fn list_host(props: &ListHostProps) -> yew::Html {
    use raqmi::components::results::{result_list, ResultListProps};
    use raqmi_explorer::corpus::ResultsRef;
    use raqmi_explorer::state::{reduce, Action, AppState};
    use raqmi_explorer::url::{DocLinks, ViewState};
    let state = yew::use_state(|| AppState::new(ViewState::default(), Vec::new()));
    let view = &state.view;
    let results = {
        let corpus = props.corpus.clone();
        let view = view.clone();
        ResultsRef(yew::use_memo((), move |_| corpus.search(&view)))
    };
    let on_more = {
        let state = state.clone();
        yew::Callback::from(move |()| state.set(reduce(&state, Action::ShowMore)))
    };
    result_list(&ResultListProps {
        corpus: props.corpus.clone(),
        results,
        query: view.q.clone(),
        lang: view.lang,
        shown: state.shown,
        links: DocLinks::new(view),
        busy: false,
        on_open: yew::Callback::noop(),
        on_more,
    })
}

#[wasm_bindgen_test]
async fn the_list_shows_a_page_of_results_and_more_on_request() {
    use raqmi_explorer::card::PAGE;
    let total = 2 * PAGE + 5;
    let corpus = raqmi_explorer::corpus::CorpusRef(std::rc::Rc::new(small_corpus(total as u32)));
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<ListHost>::with_root_and_props(root.clone(), ListHostProps { corpus }).render();
    settle().await;
    assert_eq!(count(&root, "article.result"), PAGE as u32);
    let more = |root: &Element| -> Option<HtmlElement> {
        root.query_selector("button.more")
            .unwrap()
            .map(|b| b.dyn_into().unwrap())
    };
    let button = more(&root).expect("a show-more button");
    assert_eq!(
        button.text_content().unwrap(),
        format!("Afficher plus ({} restants)", total - PAGE)
    );
    button.click();
    settle().await;
    assert_eq!(count(&root, "article.result"), 2 * PAGE as u32);
    more(&root).expect("a second show-more").click();
    settle().await;
    assert_eq!(count(&root, "article.result"), total as u32);
    assert!(
        more(&root).is_none(),
        "no button once every result is shown"
    );
    root.remove();
}

/// The fixture corpus of the across-articles rules (`tests/fixtures/measures-corpus`: AUSIM's
/// members over three years, two Devoxx attendances that disagree), analysed in the browser.
fn measures_corpus() -> raqmi_explorer::corpus::CorpusRef {
    let files = [
        (
            "ausim_2022",
            include_str!("fixtures/measures-corpus/ausim_2022.txt"),
        ),
        (
            "ausim_2023",
            include_str!("fixtures/measures-corpus/ausim_2023.txt"),
        ),
        (
            "ausim_2023_rapport",
            include_str!("fixtures/measures-corpus/ausim_2023_rapport.txt"),
        ),
        (
            "ausim_2024",
            include_str!("fixtures/measures-corpus/ausim_2024.txt"),
        ),
        (
            "devoxx_agadir",
            include_str!("fixtures/measures-corpus/devoxx_agadir.txt"),
        ),
        (
            "devoxx_bilan",
            include_str!("fixtures/measures-corpus/devoxx_bilan.txt"),
        ),
    ];
    let docs = files
        .iter()
        .map(|(id, text)| raqmi_testkit::article(id, text))
        .collect();
    let corpus = raqmi_explorer::corpus::Corpus::new(raqmi_search::snapshot::Snapshot::new(docs));
    raqmi_explorer::corpus::CorpusRef(std::rc::Rc::new(corpus))
}

#[derive(yew::Properties, PartialEq)]
struct FiguresHostProps {
    corpus: raqmi_explorer::corpus::CorpusRef,
}

/// The figures view alone, over a given corpus, every article found.
#[yew::function_component(FiguresHost)]
fn figures_host(props: &FiguresHostProps) -> yew::Html {
    use raqmi::components::figures::{figures_view, use_figures, FiguresViewProps};
    use raqmi_explorer::corpus::ResultsRef;
    use raqmi_explorer::url::{DocLinks, Lang, ViewState};
    let results = {
        let corpus = props.corpus.clone();
        ResultsRef(yew::use_memo((), move |_| {
            corpus.search(&ViewState::default())
        }))
    };
    let view = FiguresViewProps {
        corpus: props.corpus.clone(),
        results,
        lang: Lang::Fr,
        categories: Vec::new(),
        min: None,
        max: None,
        links: DocLinks::new(&ViewState::default()),
        on_open: record_open(),
    };
    let state = use_figures(Some(&view));
    figures_view(&view, &state)
}

thread_local! {
    /// What the hosted views asked to open (article id, figure).
    static OPENED: std::cell::RefCell<Vec<(String, Option<u32>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn record_open() -> yew::Callback<(String, Option<u32>)> {
    yew::Callback::from(|x| OPENED.with(|o| o.borrow_mut().push(x)))
}

/// An article of `corpus` in the reader, alone.
#[yew::function_component(ReaderHost)]
fn reader_host(props: &ReaderHostProps) -> yew::Html {
    use raqmi::components::reader::{reader, ReaderProps};
    use raqmi_explorer::reading::ReaderLinks;
    use raqmi_explorer::url::{Lang, ViewState};
    let doc = props.corpus.doc(&props.id).expect("the article");
    let links = ReaderLinks::new(&ViewState::default(), doc);
    reader(&ReaderProps {
        corpus: props.corpus.clone(),
        id: props.id.clone(),
        fig: None,
        lang: Lang::Fr,
        theme: None,
        prev: None,
        next: None,
        links,
        on_back: yew::Callback::noop(),
        on_open: record_open(),
        on_name: yew::Callback::noop(),
        on_figure: yew::Callback::noop(),
        embed: false,
    })
}

#[derive(yew::Properties, PartialEq)]
struct ReaderHostProps {
    corpus: raqmi_explorer::corpus::CorpusRef,
    id: String,
}

#[wasm_bindgen_test]
async fn the_reader_lists_a_disputed_figure_with_its_badge() {
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let props = ReaderHostProps {
        corpus: measures_corpus(),
        id: "devoxx_bilan".into(),
    };
    yew::Renderer::<ReaderHost>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(count(&root, ".side-figures summary.badge-dispute"), 1);
    let quotes = root
        .query_selector_all(".side-figures .across-pair blockquote")
        .unwrap();
    assert_eq!(quotes.length(), 2);
    // Its link to the other article opens it in the app, at that figure.
    OPENED.with(|o| o.borrow_mut().clear());
    let link: HtmlElement = root
        .query_selector(".side-figures .across-pair blockquote + blockquote a")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    link.click();
    let opened = OPENED.with(|o| o.borrow().clone());
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].0, "devoxx_agadir");
    assert!(opened[0].1.is_some());
    root.remove();
}

async fn mount_figures(corpus: raqmi_explorer::corpus::CorpusRef) -> Element {
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<FiguresHost>::with_root_and_props(root.clone(), FiguresHostProps { corpus })
        .render();
    settle().await;
    root
}

#[wasm_bindgen_test]
async fn a_disagreement_badge_opens_both_sentences_side_by_side() {
    let root = mount_figures(measures_corpus()).await;
    let disputes = root
        .query_selector_all("table.figures-table details:has(.badge-dispute)")
        .unwrap();
    assert_eq!(disputes.length(), 2, "the two Devoxx attendances");
    let details: HtmlElement = disputes.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(text(&details, "summary").trim(), "sources en désaccord");
    assert!(!details.has_attribute("open"));
    // A summary is a button to the keyboard: activating it opens the disclosure.
    let summary: HtmlElement = details
        .query_selector("summary")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    summary.click();
    settle().await;
    assert!(details.has_attribute("open"));
    let quotes = details
        .query_selector_all(".across-pair blockquote")
        .unwrap();
    assert_eq!(quotes.length(), 2);
    let both: Vec<String> = (0..2)
        .map(|i| quotes.item(i).unwrap().text_content().unwrap())
        .collect();
    assert!(both.iter().any(|q| q.contains("4500")), "{both:?}");
    assert!(both.iter().any(|q| q.contains("3000")), "{both:?}");
    // Each quote links to its article at that figure, opened in the app.
    assert_eq!(count(&details, ".across-pair a[href*='fig=']"), 2);
    OPENED.with(|o| o.borrow_mut().clear());
    let link: HtmlElement = details
        .query_selector(".across-pair blockquote + blockquote a")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let id = link.get_attribute("data-doc").unwrap();
    link.click();
    let opened = OPENED.with(|o| o.borrow().clone());
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].0, id);
    assert!(id.starts_with("devoxx_"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_series_badge_draws_the_series_over_the_years() {
    let root = mount_figures(measures_corpus()).await;
    let series = root
        .query_selector_all("table.figures-table summary.badge-series")
        .unwrap();
    assert!(series.length() >= 3, "every member count of AUSIM");
    assert_eq!(
        series.item(0).unwrap().text_content().unwrap(),
        "série (3 ans)"
    );
    let details = root
        .query_selector("table.figures-table details:has(.badge-series)")
        .unwrap()
        .unwrap();
    // 2022, 2023 twice ("108" and "plus de 100"), 2024: one dot and one line each.
    assert_eq!(count(&details, "svg.series-chart circle"), 4);
    assert_eq!(count(&details, "ol.series-points li"), 4);
    let first = text(&details, "ol.series-points li");
    assert!(first.starts_with("2022"), "{first}");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_figures_table_shows_a_page_and_more_on_request() {
    use raqmi_explorer::figures::PAGE;
    let corpus =
        raqmi_explorer::corpus::CorpusRef(std::rc::Rc::new(small_corpus(PAGE as u32 + 10)));
    let total = corpus.docs.iter().map(|d| d.figures.len()).sum::<usize>();
    assert!(total > PAGE);
    let root = mount_figures(corpus).await;
    assert_eq!(count(&root, "table.figures-table tbody tr"), PAGE as u32);
    let more: HtmlElement = root
        .query_selector("button.more")
        .unwrap()
        .expect("a show-more button")
        .dyn_into()
        .unwrap();
    more.click();
    settle().await;
    assert_eq!(
        count(&root, "table.figures-table tbody tr"),
        total.min(2 * PAGE) as u32
    );
    // The CSV button says how many rows it exports: exactly those on screen.
    let shown = count(&root, "table.figures-table tbody tr");
    assert_eq!(
        text(&root, "button.figures-csv"),
        format!("Exporter ces {shown} lignes (CSV)")
    );
    root.remove();
}

/// The people chart alone over `corpus`, every article found.
#[yew::function_component(ChartHost)]
fn chart_host(props: &FiguresHostProps) -> yew::Html {
    use raqmi::components::charts::{chart_view, use_drawing, ChartViewProps};
    use raqmi_explorer::corpus::ResultsRef;
    use raqmi_explorer::url::{ChartKind, DocLinks, Lang, Scale, ViewState};
    let results = {
        let corpus = props.corpus.clone();
        ResultsRef(yew::use_memo((), move |_| {
            corpus.search(&ViewState::default())
        }))
    };
    let chart = ChartViewProps {
        corpus: props.corpus.clone(),
        results,
        lang: Lang::Fr,
        kind: ChartKind::People,
        scale: Scale::Linear,
        theme: None,
        categories: Vec::new(),
        min: None,
        max: None,
        kind_links: ChartKind::ALL.map(|_| String::new()),
        links: DocLinks::new(&ViewState::default()),
        on_kind: yew::Callback::noop(),
        on_scale: yew::Callback::noop(),
        on_open: record_open(),
        on_period: yew::Callback::noop(),
        embed: false,
        controls: false,
    };
    let drawing = use_drawing(Some(&chart));
    match &*drawing {
        Some(drawn) => chart_view(&chart, drawn),
        None => yew::Html::default(),
    }
}

#[wasm_bindgen_test]
async fn the_charts_data_table_marks_series_and_disagreements() {
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let props = FiguresHostProps {
        corpus: measures_corpus(),
    };
    yew::Renderer::<ChartHost>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(count(&root, "figure.chart"), 1);
    assert_eq!(
        count(&root, ".chart-data tbody summary.badge-dispute"),
        2,
        "the two Devoxx attendances"
    );
    assert!(count(&root, ".chart-data tbody summary.badge-series") >= 3);
    // A badge's link opens its article in the app.
    OPENED.with(|o| o.borrow_mut().clear());
    let link: HtmlElement = root
        .query_selector(".chart-data tbody .across-pair a")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    link.click();
    assert_eq!(OPENED.with(|o| o.borrow().len()), 1);
    root.remove();
}
