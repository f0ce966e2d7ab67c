//! The URL scheme: every view of the app is a URL, so a link, a reload, back and forward and an
//! embed all restore exactly what was on screen. This module converts [`ViewState`] to a query
//! string and back; it is pure and tested natively (round trip and garbage input).
//!
//! Parameters (the contract of the design note, plus a few of our own, marked *):
//! `q` text; `from`/`to` `YYYY` or `YYYY-MM`; `source`*, `org`, `place`, `person`, `program`
//! (canonical names, repeated for several); `cat` figure category (repeatable); `min`/`max`*
//! figure-value range; `doc` article id; `fig`* figure index in that article; `view`
//! `list|chart|figures|doc|contexts`* (`figures`: the table of every figure); `chart`* `budget|people|shares|timeline`; `scale`* `linear|log`;
//! `lang` `fr|en|ar`; `theme` `light|dark|auto`; `dark`* `auto|1|0` (the same, as partners'
//! embed tools write it); `embed=1`; `controls=1`* (an embed with the chart tabs).
//! A figure category picks the chart that shows it (`cat=participants&view=chart` is the
//! people chart), whatever chart the URL names ([`ViewState::fit_chart`]).
//! Unknown parameters and malformed values are dropped with a [`Notice`], never a failure.

pub use raqmi_charts::{ChartKind, Scale, Theme};
use raqmi_model::document::Category;
pub use raqmi_search::facet::{FacetKind, PerFacet};

/// A year, optionally with a month: the precision of `from` and `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: u16,
    pub month: Option<u8>,
}

impl YearMonth {
    pub fn parse(s: &str) -> Option<YearMonth> {
        let (y, m) = match s.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (s, None),
        };
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: u16 = y.parse().ok()?;
        let month = match m {
            None => None,
            Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                let m: u8 = m.parse().ok()?;
                if !(1..=12).contains(&m) {
                    return None;
                }
                Some(m)
            }
            Some(_) => return None,
        };
        (1900..=2100)
            .contains(&year)
            .then_some(YearMonth { year, month })
    }

    pub fn format(&self) -> String {
        match self.month {
            Some(m) => format!("{:04}-{:02}", self.year, m),
            None => format!("{:04}", self.year),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    List,
    Chart,
    Doc,
    Contexts,
    /// The table of every figure of the filtered articles (`view=figures`).
    Figures,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Fr,
    En,
    Ar,
}

/// Everything on screen that a URL carries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub q: String,
    pub from: Option<YearMonth>,
    pub to: Option<YearMonth>,
    /// Canonical names selected per facet (`source`, `org`, `place`, `person`, `program`).
    pub names: PerFacet<Vec<String>>,
    pub cats: Vec<Category>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub doc: Option<String>,
    pub fig: Option<u32>,
    pub view: View,
    pub chart: ChartKind,
    pub scale: Scale,
    pub lang: Lang,
    /// `None` follows the system's preference.
    pub theme: Option<Theme>,
    pub embed: bool,
    /// In an embed, the chart tabs and scale switch too (`controls=1`).
    pub controls: bool,
}

/// Whether the chart `kind` draws figures of category `c` (the charts' data layer keeps
/// money for the budgets, percentages for the shares, these four counts for the people, and
/// every figure on the timeline).
pub fn chart_shows(kind: ChartKind, c: Category) -> bool {
    match kind {
        ChartKind::Budgets => c == Category::Budget,
        ChartKind::People => raqmi_charts::PEOPLE_CATEGORIES.contains(&c),
        ChartKind::Shares => c == Category::Share,
        ChartKind::Timeline => true,
    }
}

/// The chart that draws figures of category `c`: its bar chart, else the timeline (which
/// counts every figure).
pub fn chart_for(c: Category) -> ChartKind {
    [ChartKind::Budgets, ChartKind::People, ChartKind::Shares]
        .into_iter()
        .find(|k| chart_shows(*k, c))
        .unwrap_or(ChartKind::Timeline)
}

impl ViewState {
    /// Makes the chart one that draws the selected categories: when it draws none of them,
    /// the chart of the first one. Never an empty chart of another category.
    pub fn fit_chart(&mut self) {
        if let Some(&first) = self.cats.first() {
            if !self.cats.iter().any(|c| chart_shows(self.chart, *c)) {
                self.chart = chart_for(first);
            }
        }
    }
}

/// A parameter the app could not use, shown to the person so nothing is silently ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub param: String,
    pub value: String,
    pub problem: Problem,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    UnknownParameter,
    InvalidValue,
    /// A parameter that takes one value was given several; the first was kept.
    Repeated,
}

/// Longest value kept for any parameter: a URL is not a place for essays, and a hostile link
/// must not make the app do unbounded work.
pub const MAX_VALUE_CHARS: usize = 500;
/// Most values kept for one repeatable parameter.
pub const MAX_REPEATS: usize = 50;

pub fn category_name(c: Category) -> &'static str {
    c.name()
}

/// Every category, in the order the URL and the facets list them.
pub const CATEGORIES: [Category; 8] = Category::ALL;

/// The category named `s` (`category_name`), if any.
pub fn parse_category(s: &str) -> Option<Category> {
    CATEGORIES.into_iter().find(|c| category_name(*c) == s)
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::List => "list",
            View::Chart => "chart",
            View::Doc => "doc",
            View::Contexts => "contexts",
            View::Figures => "figures",
        }
    }
    fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == s)
    }
    pub const ALL: [View; 5] = [
        View::List,
        View::Chart,
        View::Doc,
        View::Contexts,
        View::Figures,
    ];
    /// The views with a tab, in the tabs' order, with their label's key.
    pub const TABS: [(View, &'static str); 4] = [
        (View::List, "tabs.list"),
        (View::Chart, "tabs.chart"),
        (View::Figures, "tabs.figures"),
        (View::Contexts, "tabs.contexts"),
    ];
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }
    pub fn parse(s: &str) -> Option<Lang> {
        [Lang::Fr, Lang::En, Lang::Ar]
            .into_iter()
            .find(|l| l.code() == s)
    }
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }
}

/// Parses a query string (with or without its leading `?`) into a state and the notices for
/// what could not be used. Never fails.
pub fn parse(query: &str) -> (ViewState, Vec<Notice>) {
    let mut s = ViewState::default();
    let mut notices = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode_component(raw_key);
        let value = decode_component(raw_value);
        let mut notice = |problem| {
            notices.push(Notice {
                param: truncate(&key, 40),
                value: truncate(&value, 80),
                problem,
            })
        };
        if value.chars().count() > MAX_VALUE_CHARS {
            notice(Problem::InvalidValue);
            continue;
        }
        let single = matches!(
            key.as_str(),
            "q" | "from"
                | "to"
                | "min"
                | "max"
                | "doc"
                | "fig"
                | "view"
                | "chart"
                | "scale"
                | "lang"
                | "theme"
                | "dark"
                | "embed"
                | "controls"
        );
        if single {
            if seen.contains(&key) {
                notice(Problem::Repeated);
                continue;
            }
            seen.push(key.clone());
        }
        let ok = match key.as_str() {
            "q" => {
                s.q = value.clone();
                true
            }
            "from" => set(&mut s.from, YearMonth::parse(&value)),
            "to" => set(&mut s.to, YearMonth::parse(&value)),
            "cat" => match parse_category(&value) {
                Some(c) if !s.cats.contains(&c) => {
                    s.cats.push(c);
                    true
                }
                Some(_) => true,
                None => false,
            },
            "min" => set(&mut s.min, parse_number(&value)),
            "max" => set(&mut s.max, parse_number(&value)),
            "doc" => set(&mut s.doc, is_doc_id(&value).then(|| value.clone())),
            "fig" => set(&mut s.fig, value.parse::<u32>().ok()),
            "view" => set_value(&mut s.view, View::parse(&value)),
            "chart" => set_value(&mut s.chart, ChartKind::from_param(&value)),
            "scale" => set_value(&mut s.scale, Scale::from_param(&value)),
            "lang" => set_value(&mut s.lang, Lang::parse(&value)),
            "theme" | "dark" => match parse_theme(&key, &value) {
                Some(theme) => {
                    s.theme = theme;
                    true
                }
                None => false,
            },
            "embed" => set_value(&mut s.embed, parse_flag(&value)),
            "controls" => set_value(&mut s.controls, parse_flag(&value)),
            // The name facets, then anything else (unknown).
            name => match FacetKind::from_param(name) {
                Some(kind) => push(&mut s.names[kind], &value),
                None => {
                    notice(Problem::UnknownParameter);
                    continue;
                }
            },
        };
        if !ok {
            notice(Problem::InvalidValue);
        }
    }
    if let (Some(min), Some(max)) = (s.min, s.max) {
        if min > max {
            s.min = Some(max);
            s.max = Some(min);
        }
    }
    if let (Some(from), Some(to)) = (s.from, s.to) {
        if from > to {
            s.from = Some(to);
            s.to = Some(from);
        }
    }
    // A figure index means nothing without its article.
    if s.doc.is_none() {
        s.fig = None;
    }
    // Controls are an embed's option: nothing to bring back outside one.
    s.controls &= s.embed;
    s.fit_chart();
    (s, notices)
}

/// `1`/`true` or `0`/`false`.
fn parse_flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// The theme a `theme` or `dark` value asks for: `Some(None)` follows the system (`auto`).
fn parse_theme(key: &str, value: &str) -> Option<Option<Theme>> {
    if value == "auto" {
        return Some(None);
    }
    if key == "theme" {
        return Theme::from_param(value).map(Some);
    }
    parse_flag(value).map(|dark| Some(if dark { Theme::Dark } else { Theme::Light }))
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = Some(v);
            true
        }
        None => false,
    }
}

fn set_value<T>(slot: &mut T, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = v;
            true
        }
        None => false,
    }
}

fn push(list: &mut Vec<String>, value: &str) -> bool {
    let value = value.trim();
    if value.is_empty() || list.len() >= MAX_REPEATS {
        return false;
    }
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
    true
}

/// A finite number, written with a dot or a French decimal comma.
fn parse_number(s: &str) -> Option<f64> {
    // `parse_finite` is `str::parse::<f64>` without its 10 KB table (see charts::decimal).
    crate::decimal::parse_finite(&s.trim().replace(',', "."))
}

/// Article ids are file names without extension: letters, digits, `_`, `-`, `.`.
fn is_doc_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// Writes the state as a query string (with its leading `?`, or empty for the default view),
/// parameters in a fixed order so equal states give equal URLs.
pub fn to_query(s: &ViewState) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if !s.q.is_empty() {
        pairs.push(("q", s.q.clone()));
    }
    if let Some(f) = s.from {
        pairs.push(("from", f.format()));
    }
    if let Some(t) = s.to {
        pairs.push(("to", t.format()));
    }
    for (kind, list) in s.names.iter() {
        pairs.extend(list.iter().map(|v| (kind.param(), v.clone())));
    }
    pairs.extend(
        s.cats
            .iter()
            .map(|c| ("cat", category_name(*c).to_string())),
    );
    if let Some(v) = s.min {
        pairs.push(("min", format_number(v)));
    }
    if let Some(v) = s.max {
        pairs.push(("max", format_number(v)));
    }
    if let Some(d) = &s.doc {
        pairs.push(("doc", d.clone()));
        if let Some(f) = s.fig {
            pairs.push(("fig", f.to_string()));
        }
    }
    if s.view != View::List {
        pairs.push(("view", s.view.name().to_string()));
    }
    if s.chart != ChartKind::default() {
        pairs.push(("chart", s.chart.param().to_string()));
    }
    if s.scale != Scale::default() {
        pairs.push(("scale", s.scale.param().to_string()));
    }
    if s.lang != Lang::Fr {
        pairs.push(("lang", s.lang.code().to_string()));
    }
    if let Some(t) = s.theme {
        pairs.push(("theme", t.param().to_string()));
    }
    if s.embed {
        pairs.push(("embed", "1".to_string()));
        if s.controls {
            pairs.push(("controls", "1".to_string()));
        }
    }
    if pairs.is_empty() {
        return String::new();
    }
    let mut out = String::from("?");
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        raqmi_model::markup::percent_encode_into(v, &mut out);
    }
    out
}

/// The links from one view to articles: "this view, reading article `id` (at figure `fig`)",
/// the URL that `Action::OpenDoc` leads to. The parameters around the article's are written
/// once, when the view changes, not once per link (a page of results, a chart's table or the
/// contexts list hold up to hundreds of links); and a view can be handed these links without
/// the state they come from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocLinks {
    /// `./?`, the search's parameters, and `doc=`.
    head: String,
    /// The parameters after the article's (`&view=doc` and how it is shown).
    tail: String,
}

impl DocLinks {
    pub fn new(view: &ViewState) -> DocLinks {
        // The URL of the view at an article whose id is empty, cut where the id goes: right
        // after `doc=` (values escape their `=`, and no other key ends in "doc").
        let query = to_query(&ViewState {
            doc: Some(String::new()),
            fig: None,
            view: View::Doc,
            ..view.clone()
        });
        let at = query.find("doc=").map_or(query.len(), |i| i + "doc=".len());
        DocLinks {
            head: format!("./{}", &query[..at]),
            tail: query[at..].to_string(),
        }
    }

    /// The relative URL of article `id`, at figure `fig` if any.
    pub fn href(&self, id: &str, fig: Option<u32>) -> String {
        let mut out = String::with_capacity(self.head.len() + id.len() + self.tail.len() + 8);
        out.push_str(&self.head);
        raqmi_model::markup::percent_encode_into(id, &mut out);
        if let Some(f) = fig {
            out.push_str("&fig=");
            out.push_str(&f.to_string());
        }
        out.push_str(&self.tail);
        out
    }
}

/// Shortest text that parses back to the same number ("13300000", "0.5").
fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Decodes `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte; malformed
/// escapes stay as written and invalid UTF-8 becomes U+FFFD.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_view_is_the_bare_url() {
        assert_eq!(to_query(&ViewState::default()), "");
        assert_eq!(parse(""), (ViewState::default(), vec![]));
        assert_eq!(parse("?"), (ViewState::default(), vec![]));
    }

    #[test]
    fn reads_the_design_notes_parameters() {
        let (s, notices) = parse(
            "?q=num%C3%A9rique+maroc&from=2022&to=2024-10&org=AUSIM&org=UM6P&place=Marrakech\
             &person=Hicham+Chiguer&program=Douar+by+AUSIM&cat=budget&doc=003_33d08dc07e69b5e4\
             &view=doc&lang=ar&theme=dark&embed=1",
        );
        assert_eq!(notices, vec![]);
        assert_eq!(s.q, "numérique maroc");
        assert_eq!(s.from, YearMonth::parse("2022"));
        assert_eq!(
            s.to,
            Some(YearMonth {
                year: 2024,
                month: Some(10)
            })
        );
        assert_eq!(s.names[FacetKind::Org], ["AUSIM", "UM6P"]);
        assert_eq!(s.names[FacetKind::Person], ["Hicham Chiguer"]);
        assert_eq!(s.cats, [Category::Budget]);
        assert_eq!(s.doc.as_deref(), Some("003_33d08dc07e69b5e4"));
        assert_eq!(s.view, View::Doc);
        assert_eq!(s.lang, Lang::Ar);
        assert_eq!(s.theme, Some(Theme::Dark));
        assert!(s.embed);
    }

    #[test]
    fn malformed_values_give_notices_and_defaults() {
        let (s, notices) =
            parse("?from=20x2&view=map&cat=money&lang=de&zzz=1&min=abc&fig=-1&doc=..%2F..%2Fetc");
        assert_eq!(s.from, None);
        assert_eq!(s.view, View::List);
        assert_eq!(s.lang, Lang::Fr);
        assert!(s.cats.is_empty());
        assert_eq!(s.doc, None);
        let problems: Vec<_> = notices
            .iter()
            .map(|n| (n.param.as_str(), n.problem))
            .collect();
        assert_eq!(
            problems,
            [
                ("from", Problem::InvalidValue),
                ("view", Problem::InvalidValue),
                ("cat", Problem::InvalidValue),
                ("lang", Problem::InvalidValue),
                ("zzz", Problem::UnknownParameter),
                ("min", Problem::InvalidValue),
                ("fig", Problem::InvalidValue),
                ("doc", Problem::InvalidValue),
            ]
        );
    }

    #[test]
    fn a_hostile_query_is_kept_as_plain_text() {
        let (s, _) = parse("?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        assert_eq!(s.q, "<img src=x onerror=alert(1)>");
        assert_eq!(parse(&to_query(&s)).0, s);
    }

    #[test]
    fn broken_escapes_and_bad_utf8_do_not_fail() {
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
        assert_eq!(decode_component("%FF"), "\u{fffd}");
        assert_eq!(decode_component("a+b%20c"), "a b c");
    }

    #[test]
    fn every_view_round_trips_and_figures_is_one() {
        let (s, n) = parse("?cat=budget&view=figures");
        assert!(n.is_empty());
        assert_eq!(s.view, View::Figures);
        assert_eq!(to_query(&s), "?cat=budget&view=figures");
        for v in View::ALL {
            let s = ViewState {
                view: v,
                ..ViewState::default()
            };
            assert_eq!(parse(&to_query(&s)).0, s, "{v:?}");
        }
        assert!(View::TABS.iter().any(|(v, _)| *v == View::Figures));
    }

    #[test]
    fn repeated_single_parameters_keep_the_first() {
        let (s, n) = parse("?view=chart&view=doc");
        assert_eq!(s.view, View::Chart);
        assert_eq!(n[0].problem, Problem::Repeated);
    }

    #[test]
    fn a_category_picks_the_chart_that_draws_it() {
        let chart = |q: &str| parse(q).0.chart;
        assert_eq!(chart("?cat=participants&view=chart"), ChartKind::People);
        // A chart that draws none of the categories gives way; one that draws one stays.
        assert_eq!(
            chart("?cat=members&view=chart&chart=budget"),
            ChartKind::People
        );
        assert_eq!(chart("?cat=share&view=chart"), ChartKind::Shares);
        assert_eq!(
            chart("?cat=budget&cat=jobs&chart=people"),
            ChartKind::People
        );
        assert_eq!(chart("?cat=jobs&chart=timeline"), ChartKind::Timeline);
        assert_eq!(chart("?cat=companies&view=chart"), ChartKind::Timeline);
        assert_eq!(chart("?view=chart"), ChartKind::Budgets);
        for c in CATEGORIES {
            assert!(chart_shows(chart_for(c), c), "{c:?}");
            let (s, _) = parse(&format!("?cat={}&view=chart", category_name(c)));
            assert!(chart_shows(s.chart, c), "{c:?}");
            assert_eq!(parse(&to_query(&s)).0, s);
        }
    }

    #[test]
    fn dark_and_theme_take_auto_and_controls_follow_the_embed() {
        let theme = |q: &str| parse(q).0.theme;
        assert_eq!(theme("?dark=auto"), None);
        assert_eq!(theme("?theme=auto"), None);
        assert_eq!(theme("?dark=1"), Some(Theme::Dark));
        assert_eq!(theme("?dark=false"), Some(Theme::Light));
        assert_eq!(theme("?theme=light"), Some(Theme::Light));
        let (_, n) = parse("?dark=maybe&theme=1");
        assert_eq!(n.len(), 2);
        let (s, n) = parse("?view=chart&embed=1&controls=1");
        assert!(n.is_empty() && s.embed && s.controls);
        assert_eq!(to_query(&s), "?view=chart&embed=1&controls=1");
        // Without the embed, controls mean nothing and are not written.
        let (s, _) = parse("?controls=1");
        assert_eq!(to_query(&s), "");
    }

    #[test]
    fn ranges_are_put_in_order() {
        let (s, _) = parse("?min=20000000&max=1000000&from=2024&to=2021");
        assert_eq!((s.min, s.max), (Some(1e6), Some(2e7)));
        assert_eq!(s.from.unwrap().year, 2021);
    }
}
