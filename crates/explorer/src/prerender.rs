//! The default view (no query, no filter, French, the article list) as static HTML, written at
//! build time into `dist/index.html` inside `#app` (`corpus prerender DIR`, run by
//! `scripts/post-build.mjs`): the first results are painted from the page itself, before any
//! wasm is fetched, and their links work without it. The same markup for a query alone, with
//! its marks and snippets ([`list_view`]), is a shared link's first results, drawn in the
//! browser by the small first-results wasm before the app's (`first`).
//!
//! The markup is the yew views' (`view.rs` chrome, `components/results.rs` cards) with the same
//! classes, ids, order and values; the values of each card come from [`crate::card`], which
//! the yew card uses too. Differences, all deliberate:
//! - controls that need the app (language, theme, "Intégrer", "show more") are `disabled`;
//! - the facet panel is a `.facets-placeholder` holding its grid column (no jump on wide
//!   screens), with only the phone's disabled "Filtres (0)" button (no jump on a phone either);
//!   its checkboxes would do nothing without the app;
//! - the first headline carries `elementtiming` so the benchmark can time its paint;
//! - everything is wrapped in `<div class="prerendered">`, which `www/boot.js` hides (through
//!   `www/styles.css`) when the URL asks for another view, and which the app replaces when it
//!   mounts (`view::start`).
//!
//! Every value is HTML-escaped: a headline is text, whatever it contains.

use crate::card::{card_data, count_text, more_text, CardData, PAGE, SNIPPET_CHARS};
use crate::corpus::Corpus;
use crate::i18n::strings;
use crate::url::{self, DocLinks, Lang, View, ViewState};
use raqmi_search::query::{snippet, Hit};

/// The Element Timing identifier of the first prerendered headline (`scripts/bench-browser.mjs`
/// observes it). On the `<h2>`: Chromium reports text under the nearest block that holds it,
/// never under the list or the article around it.
pub const ELEMENT_TIMING: &str = "raqmi:first-result";
/// The class of the element that wraps the prerendered view.
pub const WRAPPER_CLASS: &str = "prerendered";

/// The HTML of the default view of `corpus`, as the app would first render it.
pub fn default_view(corpus: &Corpus) -> String {
    list_view(corpus, &ViewState::default(), PAGE)
}

/// The HTML of the list of `view` (French, the list, no filter: the default view, or a query
/// alone, `first::drawn_by_first`), its first `cards` results, as the app renders them: with a
/// query, each card's headline matches and snippet marked (a shared link's first results,
/// drawn before the app by `first`); without, the first headline carries `elementtiming` (the
/// benchmark times the default view's paint).
pub fn list_view(corpus: &Corpus, view: &ViewState, cards: usize) -> String {
    let view = view.clone();
    let lang = view.lang;
    let t = strings(lang);
    let results = corpus.search(&view);
    let mut out = String::with_capacity(4096 + 900 * results.total.min(cards));
    out.push_str(&format!("<div class=\"{WRAPPER_CLASS}\">"));

    // The site header (view.rs).
    out.push_str("<header class=\"site-header\"><a class=\"brand\" href=\"./\" title=\"");
    out.push_str(&attr(t.get("app.home")));
    out.push_str("\">Raqmi</a><p class=\"tagline\">");
    out.push_str(&text(t.get("app.tagline")));
    out.push_str(
        "</p><div class=\"header-tools\"><label class=\"lang-picker\"><span class=\"label-text\">",
    );
    out.push_str(&text(t.get("lang.label")));
    out.push_str("</span><select disabled=\"\">");
    for (l, name) in [
        (Lang::Fr, "Français"),
        (Lang::En, "English"),
        (Lang::Ar, "العربية"),
    ] {
        let code = l.code();
        let selected = if l == lang { " selected=\"\"" } else { "" };
        out.push_str(&format!(
            "<option value=\"{code}\" lang=\"{code}\"{selected}>{}</option>",
            text(name)
        ));
    }
    out.push_str("</select></label><button type=\"button\" class=\"theme-toggle\" aria-pressed=\"false\" disabled=\"\">");
    out.push_str(&text(t.get("theme.dark")));
    // "Add an article" (issue 16; its click is www/own.js's once the app runs). Its text is
    // i18n/own/fr.txt's, which the tables hold with the `own` feature only (the CLI builds
    // without it): tests/e2e/prerender.test.mjs checks the app's header against this one.
    out.push_str("</button><button type=\"button\" class=\"own-button\" aria-haspopup=\"dialog\" disabled=\"\">Ajouter un article");
    out.push_str("</button><button type=\"button\" class=\"embed-button\" disabled=\"\">");
    out.push_str(&text(t.get("embed.button")));
    out.push_str("</button></div></header>");

    // The toolbar: search box (results.rs) and view tabs (shell.rs).
    out.push_str("<div class=\"toolbar\"><form class=\"search\" role=\"search\"><label for=\"search\" class=\"search-label\">");
    out.push_str(&text(t.get("search.label")));
    out.push_str("</label><input id=\"search\" type=\"search\" placeholder=\"");
    out.push_str(&attr(t.get("search.placeholder")));
    out.push('"');
    if !view.q.is_empty() {
        out.push_str(&format!(" value=\"{}\"", attr(&view.q)));
    }
    out.push_str(" autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"search-help\"><p id=\"search-help\" class=\"hint\">");
    out.push_str(&text(t.get("search.help")));
    out.push_str("</p></form><nav class=\"view-tabs\" aria-label=\"");
    out.push_str(&attr(t.get("tabs.label")));
    out.push_str("\"><ul>");
    for (tab, key) in View::TABS {
        let href = format!(
            "./{}",
            url::to_query(&ViewState {
                view: tab,
                ..view.clone()
            })
        );
        let current = if tab == view.view {
            " aria-current=\"page\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<li><a href=\"{}\"{current}>{}</a></li>",
            attr(&href),
            text(t.get(key))
        ));
    }
    out.push_str("</ul></nav></div>");

    // The layout: the facet panel's column, then the result list (results.rs).
    out.push_str(
        "<div class=\"layout with-facets\"><div class=\"facets-placeholder\"><button type=\"button\" \
         class=\"filters-open\" aria-haspopup=\"dialog\" disabled=\"\">",
    );
    out.push_str(&text(&t.fill("facets.open", &[("n", "0")])));
    out.push_str("</button></div><main id=\"main\" tabindex=\"-1\"><section class=\"results-view\" aria-labelledby=\"results-title\"><h1 id=\"results-title\">");
    out.push_str(&text(t.get("results.title")));
    out.push_str("</h1><p role=\"status\" class=\"result-count\">");
    out.push_str(&text(&count_text(lang, results.total)));
    out.push_str("</p>");
    if results.total == 0 {
        out.push_str("<p class=\"empty\">");
        out.push_str(&text(t.get("results.none")));
        out.push_str("</p>");
    }
    out.push_str("<ol class=\"results\">");
    let links = DocLinks::new(&view);
    let query = !view.q.trim().is_empty();
    let hits = results.hits.iter().take(cards);
    for (i, (hit, doc)) in hits
        .filter_map(|h| Some((h, corpus.docs.get(h.doc as usize)?)))
        .enumerate()
    {
        out.push_str("<li>");
        let data = card_data(doc, &links, lang);
        match query {
            // The marks the app draws: the headline's matches and the snippet around the text's.
            true => {
                let parts = snippet(doc, hit, SNIPPET_CHARS);
                card(&mut out, &data, None, Some((hit, &parts)));
            }
            false => card(&mut out, &data, (i == 0).then_some(ELEMENT_TIMING), None),
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    if results.total > cards {
        out.push_str("<button type=\"button\" class=\"more\" disabled=\"\">");
        out.push_str(&text(&more_text(lang, results.total - cards)));
        out.push_str("</button>");
    }
    out.push_str("</section></main></div></div>");
    out
}

/// One result card, as `components/results.rs` writes it: with a query, its headline's
/// matches and its snippet marked; without, neither.
fn card(
    out: &mut String,
    c: &CardData,
    timing: Option<&str>,
    marks: Option<(&Hit, &[raqmi_search::query::SnippetPart])>,
) {
    out.push_str(&format!(
        "<article class=\"result\" data-id=\"{}\"><h2",
        attr(&c.id)
    ));
    if let Some(id) = timing {
        out.push_str(&format!(" elementtiming=\"{id}\""));
    }
    out.push_str(&format!(
        "><a class=\"result-link\" href=\"{}\">",
        attr(&c.href)
    ));
    match marks {
        Some((hit, _)) if c.is_headline => marked(out, &c.title, &hit.headline_matches),
        _ => out.push_str(&text(&c.title)),
    }
    out.push_str("</a></h2><p class=\"meta\">");
    if let Some(d) = &c.date {
        out.push_str(&format!(
            "<time datetime=\"{}\">{}</time>",
            attr(&d.iso),
            text(&d.text)
        ));
    }
    if let Some(s) = &c.source {
        out.push_str(&format!("<span class=\"source\">{}</span>", text(s)));
    }
    out.push_str(&format!(
        "<code class=\"doc-id\">{}</code></p>",
        text(&c.id)
    ));
    if let Some((_, parts)) = marks.filter(|(_, parts)| !parts.is_empty()) {
        out.push_str("<p class=\"snippet\">");
        for p in parts {
            match p.marked {
                true => out.push_str(&format!("<mark>{}</mark>", text(&p.text))),
                false => out.push_str(&text(&p.text)),
            }
        }
        out.push_str("</p>");
    }
    out.push_str("</article>");
}

/// `title` with its `spans` (byte ranges of the query's matches) marked, as the app's
/// `marked_title`: unmarked whole when a span does not fall on the text's characters.
fn marked(out: &mut String, title: &str, spans: &[raqmi_model::document::Span]) {
    let mut html = String::new();
    let mut at = 0;
    for span in spans {
        let (s, e) = (span.start as usize, span.end as usize);
        let (Some(before), Some(word)) = (title.get(at..s), title.get(s..e)) else {
            out.push_str(&text(title));
            return;
        };
        html.push_str(&text(before));
        html.push_str(&format!("<mark>{}</mark>", text(word)));
        at = e;
    }
    html.push_str(&text(title.get(at..).unwrap_or("")));
    out.push_str(&html);
}

/// Text content: `&`, `<` and `>` escaped (`>` too, so that no `]]>` or `-->` can end anything).
pub fn text(s: &str) -> String {
    raqmi_model::markup::escape_text(s)
}

/// A double-quoted attribute value: text's escapes plus both quotes.
pub fn attr(s: &str) -> String {
    raqmi_model::markup::escape_attr(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use raqmi_model::document::Document;
    use raqmi_search::snapshot::Snapshot;

    fn corpus(docs: Vec<Document>) -> Corpus {
        // Through the wire format, as the app gets it.
        Corpus::new(Snapshot::decode(&Snapshot::new(docs).encode()).expect("round trip"))
    }

    fn seeds() -> Corpus {
        crate::corpus::seed_corpus()
    }

    fn doc(id: &str, headline: &str, year: u16, source: &str) -> Document {
        raqmi_testkit::doc(id)
            .headline(headline)
            .date(year, Some(3), Some(1))
            .source(source)
            .sentence("Le Maroc accélère sa transformation numérique.")
            .build()
    }

    /// What a browser reads from an escaped value.
    fn unescape(s: &str) -> String {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    /// The values of every `name="…"` attribute of the elements whose start tag begins with
    /// `tag_start`, in document order, unescaped.
    fn attrs(html: &str, tag_start: &str, name: &str) -> Vec<String> {
        html.match_indices(tag_start)
            .filter_map(|(i, _)| {
                let tag = &html[i..i + html[i..].find('>')?];
                let key = format!(" {name}=\"");
                let at = tag.find(&key)? + key.len();
                let end = tag[at..].find('"')?;
                Some(unescape(&tag[at..at + end]))
            })
            .collect()
    }

    /// The text inside every `<open>…</close>` (no nested tags in the tests' cases).
    fn texts(html: &str, open: &str, close: &str) -> Vec<String> {
        html.split(open)
            .skip(1)
            .filter_map(|rest| rest.split_once(close).map(|(t, _)| t.to_string()))
            .collect()
    }

    /// Every element closes, in order; void elements (`input`) never do. Attribute values never
    /// hold `<` or `>` (they are escaped), so a tag ends at the first `>`.
    fn assert_balanced(html: &str) {
        let mut open: Vec<String> = Vec::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            let end = rest[i..].find('>').expect("a tag ends") + i;
            let tag = &rest[i + 1..end];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if tag.starts_with('/') {
                assert_eq!(open.pop().as_deref(), Some(name.as_str()), "at …{tag}");
            } else if name != "input" {
                open.push(name);
            }
            rest = &rest[end + 1..];
        }
        assert!(open.is_empty(), "left open: {open:?}");
    }

    #[test]
    fn the_seeds_default_view_lists_every_article_in_the_apps_order() {
        let c = seeds();
        let html = default_view(&c);
        assert_balanced(&html);
        let order: Vec<String> = c
            .search(&ViewState::default())
            .hits
            .iter()
            .map(|h| c.docs[h.doc as usize].id.clone())
            .collect();
        assert_eq!(order.len(), 5);
        assert_eq!(attrs(&html, "<article", "data-id"), order);
        // Each card links to its reader and shows its date as the app writes it.
        let hrefs = attrs(&html, "<a class=\"result-link\"", "href");
        let expected: Vec<String> = order
            .iter()
            .map(|id| format!("./?doc={id}&view=doc"))
            .collect();
        assert_eq!(hrefs, expected);
        assert!(html.contains(
            "<time datetime=\"2021-04-12\">12 avril 2021</time><span class=\"source\">Les ECO</span><code class=\"doc-id\">004_1a904081dba04b63</code>"
        ), "{html}");
        assert!(html.contains(">La digitalisation en verve dans le Souss</a></h2>"));
        assert!(html.contains("<time datetime=\"2022\">2022 (estimée)</time>"));
        assert!(html.contains("<p role=\"status\" class=\"result-count\">5 articles</p>"));
        // One search box, one main, one list; no "show more" for five articles.
        for once in [
            "id=\"search\"",
            "id=\"main\"",
            "<ol class=\"results\">",
            "elementtiming=",
        ] {
            assert_eq!(html.matches(once).count(), 1, "{once}");
        }
        assert!(!html.contains("class=\"more\""));
        assert!(html.starts_with("<div class=\"prerendered\"><header class=\"site-header\">"));
        assert!(html.contains("<li><a href=\"./\" aria-current=\"page\">Articles</a></li><li><a href=\"./?view=chart\">Graphiques</a></li>"));
    }

    #[test]
    fn newest_first_then_a_first_page_and_a_disabled_more_button() {
        let docs: Vec<Document> = (0..PAGE + 7)
            .map(|i| {
                doc(
                    &format!("{i:03}_doc"),
                    &format!("Article {i}"),
                    2000 + (i % 20) as u16,
                    "Le Matin",
                )
            })
            .collect();
        let c = corpus(docs);
        let html = default_view(&c);
        assert_balanced(&html);
        let ids = attrs(&html, "<article", "data-id");
        assert_eq!(ids.len(), PAGE);
        let app_order: Vec<String> = c
            .search(&ViewState::default())
            .hits
            .iter()
            .take(PAGE)
            .map(|h| c.docs[h.doc as usize].id.clone())
            .collect();
        assert_eq!(ids, app_order);
        // Newest first: the years never go up along the list.
        let years: Vec<u16> = attrs(&html, "<time", "datetime")
            .iter()
            .map(|d| d[..4].parse().unwrap())
            .collect();
        assert!(years.windows(2).all(|w| w[0] >= w[1]), "{years:?}");
        assert!(html.contains(
            "<button type=\"button\" class=\"more\" disabled=\"\">Afficher plus (7 restants)</button>"
        ));
        assert!(html.contains(&format!("{} articles", PAGE + 7)));
    }

    #[test]
    fn a_hostile_headline_source_and_id_stay_text() {
        let hostile = "<script>alert(\"x\")</script> & 'guillemets' <img src=x onerror=alert(1)>";
        let c = corpus(vec![doc(
            "a\"b<c>&'d",
            hostile,
            2024,
            "<b>Source</b> & \"co\"",
        )]);
        let html = default_view(&c);
        assert_balanced(&html);
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>"));
        assert_eq!(
            texts(&html, "<a class=\"result-link\" href=\"", "</a>")[0]
                .split_once("\">")
                .map(|(_, t)| t.to_string()),
            Some(
                "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'guillemets' &lt;img src=x onerror=alert(1)&gt;"
                    .to_string()
            )
        );
        assert_eq!(
            texts(&html, "<span class=\"source\">", "</span>"),
            ["&lt;b&gt;Source&lt;/b&gt; &amp; \"co\""]
        );
        assert!(html.contains("data-id=\"a&quot;b&lt;c&gt;&amp;&#39;d\""));
        assert!(html.contains("<code class=\"doc-id\">a\"b&lt;c&gt;&amp;'d</code>"));
        // The id in the link is percent-encoded by the URL scheme (which then refuses such an
        // id with a notice: no file name has these characters), never raw.
        let href = &attrs(&html, "<a class=\"result-link\"", "href")[0];
        assert_eq!(href, "./?doc=a%22b%3Cc%3E%26%27d&view=doc");
    }

    #[test]
    fn an_empty_corpus_says_so() {
        let html = default_view(&corpus(Vec::new()));
        assert_balanced(&html);
        assert!(html.contains("0 articles"));
        assert!(html.contains("<p class=\"empty\">Aucun article ne correspond."));
        assert!(html.contains("<ol class=\"results\"></ol>"));
        assert!(!html.contains("elementtiming"));
    }

    #[test]
    fn a_querys_list_marks_its_words_as_the_app_does_and_keeps_them_text() {
        let hostile = "numérique <script>alert(1)</script> & \"co\"";
        let c = corpus(vec![
            raqmi_testkit::doc("001_a")
                .headline("Le numérique <b>avance</b>")
                .date(2024, Some(3), Some(1))
                .source("Le Matin")
                .sentence("Le Maroc accélère sa transformation numérique.")
                .build(),
            doc("002_b", "Autre chose", 2023, "Les ECO"),
        ]);
        let (view, _) = url::parse("?q=num%C3%A9rique");
        let html = list_view(&c, &view, 10);
        assert_balanced(&html);
        assert!(
            html.contains(">Le <mark>numérique</mark> &lt;b&gt;avance&lt;/b&gt;</a></h2>"),
            "{html}"
        );
        assert!(html.contains("<p class=\"snippet\">"), "{html}");
        assert!(
            html.contains("transformation <mark>numérique</mark>."),
            "{html}"
        );
        assert!(html.contains("value=\"numérique\""), "{html}");
        // The headline's match ranks it first; the other card has its snippet marked too.
        assert_eq!(attrs(&html, "<article", "data-id"), ["001_a", "002_b"]);
        assert_eq!(html.matches("<mark>").count(), 3);
        assert!(!html.contains("<script"));
        assert!(!html.contains("elementtiming"));
        // Links keep the query, as the app's cards and tabs do.
        assert!(
            html.contains("href=\"./?q=num%C3%A9rique&amp;doc=001_a&amp;view=doc\""),
            "{html}"
        );
        // A query whose value needs escaping stays one attribute.
        let (view, _) = url::parse(&format!("?q={}", {
            let mut q = String::new();
            raqmi_model::markup::percent_encode_into(hostile, &mut q);
            q
        }));
        let html = list_view(&c, &view, 10);
        assert_balanced(&html);
        assert!(
            html.contains(
                "value=\"numérique &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;\""
            ),
            "{html}"
        );
        // Fewer cards than hits: the rest behind a disabled "show more".
        let (view, _) = url::parse("?q=maroc");
        let more = list_view(
            &corpus(
                (0..5)
                    .map(|i| doc(&format!("00{i}_x"), "Maroc", 2020, "S"))
                    .collect(),
            ),
            &view,
            3,
        );
        assert_eq!(attrs(&more, "<article", "data-id").len(), 3);
        assert!(
            more.contains("class=\"more\" disabled=\"\">Afficher plus (2 restants)</button>"),
            "{more}"
        );
    }

    #[test]
    fn escaping_covers_the_five_characters() {
        assert_eq!(text("a<b>&\"'"), "a&lt;b&gt;&amp;\"'");
        assert_eq!(attr("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
    }
}
