//! Native tests of the charts: data, formatting, SVG structure and escaping, exports.

use super::draw::{category_color, series_color, theme_colors, truncate};
use super::numfmt::{self, NumberKind};
use super::*;
use raqmi_model::document::{
    Category, Date, DateOrigin, Document, Entity, EntityKind, Figure, FigureKind, Qualifier, Span,
};
use raqmi_model::markup::escape_attr as escape_xml;
use std::time::Instant;

/// A figure to put in a hand-built document, with the sentence that holds it.
struct F {
    value: f64,
    high: Option<f64>,
    kind: FigureKind,
    unit: &'static str,
    category: Category,
    qualifier: Option<Qualifier>,
    sentence: String,
}

fn money(value: f64) -> F {
    F {
        value,
        high: None,
        kind: FigureKind::Money,
        unit: "MAD",
        category: Category::Budget,
        qualifier: None,
        sentence: format!("Le budget atteint {value} dirhams."),
    }
}

fn people(value: f64, category: Category, unit: &'static str) -> F {
    F {
        value,
        high: None,
        kind: FigureKind::Count,
        unit,
        category,
        qualifier: None,
        sentence: format!("On compte {value} {unit}."),
    }
}

fn share(value: f64) -> F {
    F {
        value,
        high: None,
        kind: FigureKind::Percent,
        unit: "%",
        category: Category::Share,
        qualifier: None,
        sentence: format!("La part est de {value} %."),
    }
}

impl F {
    fn q(mut self, q: Qualifier) -> F {
        self.qualifier = Some(q);
        self
    }
    fn range(mut self, high: f64) -> F {
        self.high = Some(high);
        self
    }
    fn said(mut self, s: &str) -> F {
        self.sentence = s.to_string();
        self
    }
}

fn doc(id: &str, headline: &str, date: Option<Date>, figures: Vec<F>) -> Document {
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut figs = Vec::new();
    for f in figures {
        let start = text.len();
        text.push_str(&f.sentence);
        let end = text.len();
        text.push(' ');
        sentences.push(Span::new(start, end));
        figs.push(Figure {
            span: Span::new(start, end),
            value: f.value,
            high: f.high,
            kind: f.kind,
            unit: f.unit.to_string(),
            category: f.category,
            qualifier: f.qualifier,
        });
    }
    Document {
        id: id.to_string(),
        headline: (!headline.is_empty()).then(|| headline.to_string()),
        date,
        date_origin: DateOrigin::Stated,
        source: Some("Les ECO".to_string()),
        url: None,
        text,
        paragraphs: Vec::new(),
        sentences,
        figures: figs,
        entities: Vec::new(),
    }
}

fn ym(year: u16, month: u8) -> Option<Date> {
    Some(Date {
        year,
        month: Some(month),
        day: None,
    })
}

fn y(year: u16) -> Option<Date> {
    Some(Date {
        year,
        month: None,
        day: None,
    })
}

/// `n` figures of every kind spread over `n / 5 + 1` documents and two years.
fn corpus(n: usize) -> Vec<Document> {
    corpus_for(n, None)
}

/// `n` figures, all of them shown by `kind` (all kinds mixed for `None`), five per document.
fn corpus_for(n: usize, kind: Option<ChartKind>) -> Vec<Document> {
    let per_doc = 5;
    let mut docs = Vec::new();
    let mut made = 0;
    let mut d = 0;
    while made < n {
        let mut figs = Vec::new();
        for k in 0..per_doc.min(n - made) {
            let i = made + k;
            let v = ((i * 7919) % 1000 + 1) as f64;
            let pick = match kind {
                Some(ChartKind::Budgets) => 0,
                Some(ChartKind::People) => [1, 3][i % 2],
                Some(ChartKind::Shares) => 2,
                _ => i % 4,
            };
            let mut f = match pick {
                0 => money(v * 12_345.0),
                1 => people(v, PEOPLE_CATEGORIES[i % 3 + (i / 4) % 2], "participants"),
                2 => share(v / 10.0),
                _ => people(v * 3.0, Category::Jobs, "emplois"),
            };
            f.qualifier = match i % 7 {
                0 => Some(Qualifier::Over),
                1 => Some(Qualifier::About),
                2 => Some(Qualifier::Under),
                _ => None,
            };
            if i % 11 == 0 {
                f.high = Some(f.value * 1.5);
            }
            figs.push(f);
        }
        made += figs.len();
        let date = if d % 9 == 0 {
            y(2023 + (d % 2) as u16)
        } else {
            ym(2023 + (d % 2) as u16, (d % 12 + 1) as u8)
        };
        docs.push(doc(
            &format!("{d:03}_doc"),
            &format!("Article numéro {d} sur l'économie numérique au Maroc et ses acteurs"),
            date,
            figs,
        ));
        d += 1;
    }
    docs
}

/// A minimal XML well-formedness check: balanced tags, quoted attributes, no raw `<` or stray
/// `&` in text or attribute values.
fn assert_well_formed(xml: &str) {
    let b = xml.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0;
    let check_entities = |s: &str| {
        let mut rest = s;
        while let Some(p) = rest.find('&') {
            let tail = &rest[p + 1..];
            let end = tail.find(';').expect("entity without ';'");
            let name = &tail[..end];
            assert!(
                ["lt", "gt", "amp", "quot", "apos"].contains(&name)
                    || name.starts_with('#') && name.len() > 1,
                "bad entity &{name};"
            );
            rest = &tail[end + 1..];
        }
    };
    while i < b.len() {
        if b[i] == b'<' {
            let end = xml[i..].find('>').expect("unclosed tag") + i;
            let tag = &xml[i + 1..end];
            if let Some(name) = tag.strip_prefix('/') {
                let open = stack.pop().expect("close without open");
                assert_eq!(open, name.trim(), "mismatched tag");
            } else if tag.starts_with('?') || tag.starts_with('!') {
            } else {
                let self_closing = tag.ends_with('/');
                let body = tag.trim_end_matches('/');
                let name: String = body.chars().take_while(|c| !c.is_whitespace()).collect();
                assert!(!name.is_empty(), "empty tag name");
                // Attributes: name="value" pairs.
                let mut attrs = &body[name.len()..];
                loop {
                    attrs = attrs.trim_start();
                    if attrs.is_empty() {
                        break;
                    }
                    let eq = attrs.find('=').expect("attribute without value");
                    let after = &attrs[eq + 1..];
                    let quote = after.chars().next().expect("value");
                    assert!(
                        quote == '"' || quote == '\'',
                        "unquoted attribute in <{name}>"
                    );
                    let close = after[1..].find(quote).expect("unterminated attribute") + 1;
                    let value = &after[1..close];
                    assert!(!value.contains('<'), "raw < in attribute");
                    check_entities(value);
                    attrs = &after[close + 1..];
                }
                if !self_closing {
                    stack.push(name);
                }
            }
            i = end + 1;
        } else {
            let end = xml[i..].find('<').map_or(b.len(), |p| p + i);
            let text = &xml[i..end];
            check_entities(text);
            i = end;
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

fn opts() -> ChartOptions {
    ChartOptions::default()
}

#[test]
fn money_reads_in_french_with_k_m_and_md() {
    assert_eq!(numfmt::money(13_300_000.0), "13,3 M MAD");
    assert_eq!(numfmt::money(13_270_000.0), "13,3 M MAD");
    assert_eq!(numfmt::money(3_900_000.0), "3,9 M MAD");
    assert_eq!(numfmt::money(7_900_000_000.0), "7,9 Md MAD");
    assert_eq!(numfmt::money(850_000.0), "850 k MAD");
    assert_eq!(numfmt::money(1_200.0), "1 200 MAD");
    assert_eq!(numfmt::money(12_500.0), "12,5 k MAD");
    assert_eq!(numfmt::money(999_999.0), "1 M MAD");
    assert_eq!(numfmt::money(120_000_000.0), "120 M MAD");
    assert_eq!(numfmt::money(2_000_000_000_000.0), "2 000 Md MAD");
    assert_eq!(numfmt::money(0.0), "0 MAD");
    assert_eq!(numfmt::money(-1_200.0), "-1 200 MAD");
    assert_eq!(numfmt::money(-0.01), "0 MAD");
    assert_eq!(numfmt::money(f64::NAN), "n. d.");
    assert_eq!(numfmt::money(f64::INFINITY), "n. d.");
    assert_eq!(numfmt::money_tick(10_000_000.0), "10 M");
}

#[test]
fn counts_and_percentages_read_in_french() {
    assert_eq!(numfmt::count(1_100.0), "1 100");
    assert_eq!(numfmt::count(100.0), "100");
    assert_eq!(numfmt::count(2.5), "2,5");
    assert_eq!(numfmt::count(1_234_567.0), "1,2 million");
    assert_eq!(numfmt::count(2_500_000.0), "2,5 millions");
    assert_eq!(numfmt::count(3e9), "3 milliards");
    assert_eq!(numfmt::percent(45.0), "45 %");
    assert_eq!(numfmt::percent(12.54), "12,5 %");
    assert_eq!(numfmt::count_tick(1000.0), "1 000");
    assert_eq!(numfmt::count(f64::NAN), "n. d.");
}

#[test]
fn qualifiers_and_ranges_are_worded_not_hidden() {
    assert_eq!(
        numfmt::qualified(&numfmt::count(1100.0), Some(Qualifier::Over)),
        "plus de 1 100"
    );
    assert_eq!(
        numfmt::qualified(&numfmt::count(100.0), Some(Qualifier::About)),
        "≈ 100"
    );
    assert_eq!(
        numfmt::qualified("50 %", Some(Qualifier::Under)),
        "moins de 50 %"
    );
    assert_eq!(
        numfmt::qualified("2 M MAD", Some(Qualifier::UpTo)),
        "jusqu'à 2 M MAD"
    );
    assert_eq!(
        numfmt::value_or_range(NumberKind::Money, 10e6, Some(15e6)),
        "10 à 15 M MAD"
    );
    assert_eq!(
        numfmt::value_or_range(NumberKind::Money, 850e3, Some(1.2e6)),
        "850 k à 1,2 M MAD"
    );
    assert_eq!(
        numfmt::value_or_range(NumberKind::Percent, 20.0, Some(30.0)),
        "20 à 30 %"
    );
    let d = doc(
        "a",
        "Gitex",
        ym(2024, 4),
        vec![people(1100.0, Category::Participants, "participants").q(Qualifier::Over)],
    );
    let data = chart_data(&[d], ChartKind::People);
    assert_eq!(data.bars[0].value_text, "plus de 1 100 participants");
}

fn check_svg(kind: ChartKind, docs: &[Document], expected_figures: usize) -> Option<ChartSvg> {
    let data = chart_data(docs, kind);
    let started = Instant::now();
    let result = render_svg(&data, &opts());
    let elapsed = started.elapsed();
    if expected_figures == 0 && kind != ChartKind::Timeline {
        assert!(matches!(result, Err(ChartError::Empty(_))), "{kind:?}");
        assert!(data.empty.is_some());
        return None;
    }
    let chart = result.unwrap_or_else(|e| panic!("{kind:?}: {e}"));
    let svg = &chart.svg;
    assert_well_formed(svg);
    assert!(svg.starts_with("<svg"), "{kind:?}");
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("aria-labelledby=\"raqmi-chart-title raqmi-chart-desc\""));
    assert!(svg.contains(&format!(
        "<title id=\"raqmi-chart-title\">{}</title>",
        escape_xml(kind.title())
    )));
    assert!(svg.contains("<desc id=\"raqmi-chart-desc\">"));
    // The drawn title, too.
    assert!(svg.contains(&format!("{}\n</text>", escape_xml(kind.title()))));
    let marks = count(svg, "class=\"chart-mark");
    assert_eq!(marks, chart.layout.marks.len(), "{kind:?}");
    // In a page, the image holds no link (an img's children are presentational) and the
    // overlay, the same size, holds every one.
    assert_well_formed(&chart.drawing);
    assert_well_formed(&chart.overlay);
    assert!(chart.drawing.contains("role=\"img\"") && !chart.drawing.contains("<a "));
    assert_eq!(
        count(&chart.overlay, "class=\"chart-mark"),
        marks,
        "{kind:?}"
    );
    assert!(chart
        .overlay
        .contains(&format!("viewBox=\"0 0 {} {}\"", chart.width, chart.height)));
    assert!(
        !chart.svg.contains("<style") && !chart.svg.contains(" style="),
        "no inline style under the CSP"
    );
    assert_eq!(marks, data.bars.len(), "{kind:?}: every bar has a mark");
    assert_eq!(chart.rows.len(), data.bars.len());
    let axis = match kind {
        ChartKind::Budgets => "Montant (MAD)",
        ChartKind::Shares => "Pourcentage",
        _ => "Nombre",
    };
    assert!(svg.contains(axis), "{kind:?} axis description");
    assert!(
        svg.len() < 300_000,
        "{kind:?} with {expected_figures} figures: {} bytes",
        svg.len()
    );
    assert!(elapsed.as_secs() < 10, "{kind:?} took {elapsed:?}");
    Some(chart)
}

#[test]
fn every_chart_kind_renders_for_zero_one_two_and_five_thousand_figures() {
    for kind in ChartKind::ALL {
        for n in [0, 1, 2, 5000] {
            let docs = corpus_for(n, Some(kind));
            let data = chart_data(&docs, kind);
            assert_eq!(data.points.len(), n, "{kind:?}");
            if n == 0 {
                assert_eq!(data.empty, Some(EmptyReason::NoArticles));
                assert!(render_svg(&data, &opts()).is_err());
                // Articles without figures: the kind's own reason (the timeline still counts them).
                let bare = vec![doc("a", "A", ym(2024, 1), vec![])];
                let data = chart_data(&bare, kind);
                if kind == ChartKind::Timeline {
                    check_svg(kind, &bare, 0);
                } else {
                    assert!(data.empty.is_some());
                    check_svg(kind, &bare, 0);
                }
                continue;
            }
            let chart = check_svg(kind, &docs, n).expect("a chart");
            if n == 5000 {
                // 40 bars and "autres" (one per category for people); two per bin for the timeline.
                let limit = if kind == ChartKind::Timeline { 80 } else { 44 };
                assert!(data.bars.len() <= limit, "{kind:?}: {}", data.bars.len());
                eprintln!(
                    "{kind:?}: {n} figures, {} bars, {} bytes of SVG",
                    data.bars.len(),
                    chart.svg.len()
                );
            } else if kind != ChartKind::Timeline {
                assert_eq!(data.bars.len(), n);
            }
        }
    }
}

#[test]
fn numeric_axis_tick_labels_are_drawn() {
    let docs = vec![doc(
        "a",
        "A",
        ym(2024, 1),
        vec![money(13.3e6), money(3.9e6)],
    )];
    let chart = render_svg(&chart_data(&docs, ChartKind::Budgets), &opts()).unwrap();
    assert!(chart.svg.contains(">\n10 M\n</text>") || chart.svg.contains("10 M\n</text>"));
    assert!(chart.svg.contains("13,3 M MAD"));
    assert!(chart.svg.contains("3,9 M MAD"));
}

#[test]
fn an_empty_selection_gives_a_reason_not_a_chart() {
    let no_money = vec![doc("a", "A", ym(2024, 1), vec![share(20.0)])];
    let data = chart_data(&no_money, ChartKind::Budgets);
    assert_eq!(data.empty, Some(EmptyReason::NoMoney));
    assert_eq!(
        render_svg(&data, &opts()),
        Err(ChartError::Empty(EmptyReason::NoMoney))
    );
    assert_eq!(
        EmptyReason::NoMoney.message(),
        "Aucun montant dans les articles filtrés"
    );
    assert_eq!(
        chart_data(&no_money, ChartKind::People).empty,
        Some(EmptyReason::NoPeople)
    );
    let undated = vec![doc("a", "A", None, vec![share(20.0)])];
    assert_eq!(
        chart_data(&undated, ChartKind::Timeline).empty,
        Some(EmptyReason::NoDates)
    );
    assert_eq!(
        chart_data(&no_money, ChartKind::Shares).empty,
        None,
        "a share is there"
    );
}

#[test]
fn qualified_figures_are_drawn_with_their_marks_and_words() {
    let docs = vec![doc(
        "q",
        "Salon",
        ym(2024, 5),
        vec![
            people(1100.0, Category::Participants, "acteurs").q(Qualifier::Over),
            people(100.0, Category::Members, "membres").q(Qualifier::About),
            people(50.0, Category::Beneficiaries, "bénéficiaires").q(Qualifier::Under),
            people(30.0, Category::Jobs, "emplois").q(Qualifier::UpTo),
            people(10.0, Category::Jobs, "emplois").range(15.0),
        ],
    )];
    let chart = render_svg(&chart_data(&docs, ChartKind::People), &opts()).unwrap();
    let svg = &chart.svg;
    assert!(svg.contains("plus de 1 100 acteurs"));
    assert!(svg.contains("≈ 100 membres"));
    assert!(svg.contains("moins de 50 bénéficiaires"));
    assert!(svg.contains("jusqu'à 30 emplois") || svg.contains("jusqu&#39;à 30 emplois"));
    assert!(svg.contains("10 à 15 emplois"));
    // The marks themselves, drawn as text glyphs beside the bars.
    for glyph in ["≥\n</text>", "≈\n</text>", "&lt;\n</text>", "≤\n</text>"] {
        assert!(svg.contains(glyph), "missing mark {glyph:?}");
    }
    // The over bar has a dashed, open end (several short segments) and an arrow head.
    assert!(count(svg, "<polygon") >= 2);
    // The legend line explains the marks.
    assert!(svg.contains("Marques : ≥ plus de"));
    // And the accessible text says what the qualifier means.
    assert!(svg.contains("valeur minimale, le chiffre réel est supérieur"));
    assert!(svg.contains("valeur approximative"));
    assert!(svg.contains("(fourchette)"));
}

#[test]
fn corpus_text_is_escaped_everywhere_in_the_svg() {
    let evil = "<b>&\"'<script>alert(1)</script>";
    let mut d = doc(
        "id&\"<x>",
        evil,
        ym(2024, 1),
        vec![money(1e6).said("Un <script>budget</script> & \"tout\" l'an.")],
    );
    d.entities.push(Entity {
        span: Span::new(0, 3),
        kind: EntityKind::Event,
        canonical: "Ev<i>ent".into(),
        role: None,
    });
    let docs = vec![d];
    for kind in [ChartKind::Budgets, ChartKind::Timeline] {
        let options = ChartOptions {
            title: Some("Titre <b>&\"'".into()),
            id: "x\"><script>".into(),
            ..opts()
        };
        let chart = render_svg(&chart_data(&docs, kind), &options).unwrap();
        let svg = &chart.svg;
        assert_well_formed(svg);
        for raw in ["<b>", "<script>", "<i>", "&\"", "\"'", "id&\""] {
            assert!(!svg.contains(raw), "{kind:?}: raw {raw:?} in the SVG");
        }
        assert!(svg.contains("Titre &lt;b&gt;&amp;&quot;&#39;"));
        assert!(svg.contains("aria-labelledby=\"xscript-title xscript-desc\""));
    }
    let chart = render_svg(&chart_data(&docs, ChartKind::Budgets), &opts()).unwrap();
    assert!(chart
        .svg
        .contains("href=\"?doc=id%26%22%3Cx%3E&amp;view=doc&amp;fig=0\""));
    assert!(chart.svg.contains("data-doc=\"id&amp;&quot;&lt;x&gt;\""));
    assert!(chart.svg.contains("Ev&lt;i&gt;ent : 1 M MAD"));
}

#[test]
fn hrefs_percent_encode_the_document_id() {
    assert_eq!(figure_href("003_33d0", 2), "?doc=003_33d0&view=doc&fig=2");
    assert_eq!(
        figure_href("a b/é?&=#", 0),
        "?doc=a%20b%2F%C3%A9%3F%26%3D%23&view=doc&fig=0"
    );
}

#[test]
fn table_rows_mirror_the_bars_in_order() {
    let docs = corpus(300);
    for kind in ChartKind::ALL {
        let data = chart_data(&docs, kind);
        let chart = render_svg(&data, &opts()).unwrap();
        assert_eq!(chart.rows.len(), data.bars.len());
        for (row, bar) in chart.rows.iter().zip(&data.bars) {
            assert_eq!(row.label, bar.label);
            assert_eq!(row.value_text, bar.value_text);
            assert_eq!(row.value.to_bits(), bar.value.to_bits());
            assert_eq!(row.high, bar.high);
        }
        // The overlay's marks come in the same order as the rows.
        let labels: Vec<&str> = chart
            .svg
            .split("aria-label=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        assert_eq!(labels.len(), chart.rows.len());
        for (label, row) in labels.iter().zip(&chart.rows) {
            assert!(
                label.contains(&escape_xml(&row.value_text)),
                "{label} vs {}",
                row.value_text
            );
        }
        let links = count(&chart.svg, "<a href=\"?doc=");
        let figure_rows = chart.rows.iter().filter(|r| r.href.is_some()).count();
        assert_eq!(links, figure_rows);
    }
}

/// A small RFC 4180 reader, to check the writer.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "CRLF line ends");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\n' => panic!("bare LF outside quotes"),
                c => field.push(c),
            }
        }
    }
    assert!(
        row.is_empty() && field.is_empty(),
        "last line ends with CRLF"
    );
    rows
}

#[test]
fn csv_quotes_commas_quotes_and_newlines() {
    let sentence = "Budget, \"historique\" :\nplus de 2 M; voilà.";
    let docs = vec![
        doc(
            "a,1",
            "Titre, \"cité\"",
            ym(2024, 1),
            vec![money(2e6).q(Qualifier::Over).said(sentence)],
        ),
        doc(
            "b",
            "=HYPERLINK(\"x\")",
            y(2022),
            vec![money(5e5).said("Simple.")],
        ),
    ];
    let data = chart_data(&docs, ChartKind::Budgets);
    let csv = to_csv(&data);
    let rows = parse_csv(&csv);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    assert_eq!(rows[0][0], "doc_id");
    let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    assert_eq!(rows[1][col("doc_id")], "a,1");
    assert_eq!(rows[1][col("sentence")], sentence);
    assert_eq!(rows[1][col("article")], "Titre, \"cité\"");
    assert_eq!(rows[1][col("value")], "2000000");
    assert_eq!(rows[1][col("qualifier")], "plus de");
    assert_eq!(rows[1][col("date")], "2024-01");
    assert_eq!(rows[1][col("source")], "Les ECO");
    // A title that looks like a formula is neutralised for spreadsheets.
    assert_eq!(rows[2][col("article")], "'=HYPERLINK(\"x\")");
    assert_eq!(rows[2][col("date")], "2022");
}

#[test]
fn json_export_is_valid_and_escaped() {
    let docs = vec![doc(
        "a\"b",
        "Titre\\ \"x\"",
        ym(2024, 1),
        vec![
            money(2e6)
                .range(3e6)
                .said("Ligne 1\nligne 2 \"cité\" \u{1}."),
            share(f64::NAN),
        ],
    )];
    let data = chart_data(&docs, ChartKind::Budgets);
    let json = to_json(&data);
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["chart"], "budgets");
    let f = &v["figures"][0];
    assert_eq!(f["doc_id"], "a\"b");
    assert_eq!(f["value"], 2e6);
    assert_eq!(f["high"], 3e6);
    assert_eq!(f["sentence"], "Ligne 1\nligne 2 \"cité\" \u{1}.");
    assert_eq!(f["date"], "2024-01");
    assert_eq!(f["figure"], 0);
    assert!(!json.contains("NaN"));
}

#[test]
fn weird_values_never_panic() {
    let weird = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e300,
        -1e300,
        -5e6,
        0.0,
        -0.0,
        f64::MIN_POSITIVE,
        9.99e14,
    ];
    let mut figs = Vec::new();
    for &v in &weird {
        figs.push(money(v));
        figs.push(share(v));
        figs.push(people(v, Category::Jobs, ""));
        figs.push(money(v).range(-v));
        figs.push(money(v).q(Qualifier::Over));
        figs.push(share(v).q(Qualifier::Under));
    }
    // Sentences without the numbers, so that a "NaN" in the SVG can only come from formatting.
    figs.iter_mut()
        .for_each(|f| f.sentence = "Chiffre étrange.".into());
    let mut d = doc("", "", ym(2024, 13), figs);
    // Spans past the text and headline-less, empty-text documents.
    d.figures.push(Figure {
        span: Span::new(10_000, 10_005),
        value: 3.0,
        high: None,
        kind: FigureKind::Money,
        unit: "XOF".into(),
        category: Category::Budget,
        qualifier: None,
    });
    d.figures.push(Figure {
        span: Span::new(10_000, 10_005),
        value: 3.0,
        high: None,
        kind: FigureKind::Percent,
        unit: "%".into(),
        category: Category::Share,
        qualifier: Some(Qualifier::About),
    });
    let empty = doc(
        "e",
        "",
        Some(Date {
            year: 0,
            month: Some(0),
            day: Some(99),
        }),
        vec![],
    );
    let far = doc("f", "x", y(u16::MAX), vec![]);
    let docs = vec![d, empty, far];
    for kind in ChartKind::ALL {
        let data = chart_data(&docs, kind);
        for scale in [Scale::Linear, Scale::Log] {
            for theme in [Theme::Light, Theme::Dark] {
                for (width, height) in [
                    (720, None),
                    (10, Some(1)),
                    (300, Some(90)),
                    (4000, Some(100_000)),
                ] {
                    let options = ChartOptions {
                        width,
                        height,
                        scale,
                        theme,
                        ..opts()
                    };
                    match render_svg(&data, &options) {
                        Ok(c) => {
                            assert_well_formed(&c.svg);
                            for bad in ["NaN", "inf"] {
                                if let Some(p) = c.svg.find(bad) {
                                    panic!(
                                        "{bad} in {}",
                                        &c.svg[p.saturating_sub(200)..(p + 50).min(c.svg.len())]
                                    );
                                }
                            }
                        }
                        Err(ChartError::Empty(_)) => {}
                        Err(e) => panic!("{kind:?} {scale:?}: {e}"),
                    }
                }
            }
        }
        let _ = to_csv(&data);
        let _ = to_json(&data);
    }
    let data = chart_data(&docs, ChartKind::Budgets);
    assert!(data.notes.iter().any(|n| n.contains("hors limites")));
    assert!(data.points.iter().all(|p| p.value.is_finite()));
}

#[test]
fn log_scale_leaves_out_non_positive_values_and_says_so() {
    let docs = vec![doc(
        "a",
        "A",
        ym(2024, 1),
        vec![money(1e3), money(1e9), money(0.0), money(-5.0)],
    )];
    let data = chart_data(&docs, ChartKind::Budgets);
    let options = ChartOptions {
        scale: Scale::Log,
        ..opts()
    };
    let chart = render_svg(&data, &options).unwrap();
    assert_eq!(chart.layout.marks.len(), 2);
    assert_eq!(chart.layout.skipped, 2);
    assert_eq!(count(&chart.svg, "class=\"chart-mark"), 2);
    assert!(chart.desc.contains("2 barre(s) non dessinée(s)"));
    assert!(chart.svg.contains("échelle logarithmique"));
    let only_zero = vec![doc("a", "A", ym(2024, 1), vec![money(0.0)])];
    assert_eq!(
        render_svg(&chart_data(&only_zero, ChartKind::Budgets), &options),
        Err(ChartError::Empty(EmptyReason::NoPositiveValues))
    );
}

#[test]
fn foreign_currencies_are_converted_to_mad_and_said_so() {
    let mut eur = money(1e6);
    eur.unit = "EUR";
    let mut usd = money(2e6).range(3e6);
    usd.unit = "USD";
    let docs = vec![doc("a", "A", ym(2024, 1), vec![eur, usd])];
    let data = chart_data(&docs, ChartKind::Budgets);
    let by_fig = |i| data.points.iter().find(|p| p.figure == i).unwrap();
    assert_eq!(by_fig(0).value, 10.8e6);
    assert_eq!(by_fig(0).unit, "MAD");
    assert_eq!(
        by_fig(0).value_text(),
        "10,8 M MAD (converti de 1 million EUR)"
    );
    assert_eq!(by_fig(1).high, Some(30e6));
    assert!(data.notes[0].contains("1 EUR = 10,8 MAD"));
}

#[test]
fn many_bars_are_aggregated_into_a_range_of_the_rest() {
    let figs: Vec<F> = (1..=100).map(|i| money(f64::from(i) * 1000.0)).collect();
    let docs = vec![doc("a", "A", ym(2024, 1), figs)];
    let data = chart_data(&docs, ChartKind::Budgets);
    assert_eq!(data.points.len(), 100);
    assert_eq!(data.bars.len(), 41);
    assert_eq!(data.bars[0].value, 100_000.0);
    let last = data.bars.last().unwrap();
    assert_eq!(last.kind, BarKind::Others { count: 60 });
    assert_eq!(last.label, "autres (60)");
    assert_eq!((last.value, last.high), (1000.0, Some(60_000.0)));
    assert_eq!(last.value_text, "autres (60) : 1 000 à 60 k MAD");
    let chart = render_svg(&data, &opts()).unwrap();
    assert_eq!(count(&chart.svg, "chart-mark-others"), 1);
    assert_eq!(count(&chart.svg, "<a href="), 40);
}

#[test]
fn long_labels_are_cut_with_an_ellipsis_and_kept_whole_in_the_tooltip() {
    let long = "Un titre d'article extrêmement long qui ne tiendrait jamais dans la colonne des étiquettes du graphique";
    let docs = vec![doc("a", long, ym(2024, 1), vec![money(1e6)])];
    let chart = render_svg(&chart_data(&docs, ChartKind::Budgets), &opts()).unwrap();
    assert!(chart.svg.contains("…\n</text>"));
    let whole = escape_xml(&first_words_60(long));
    assert!(chart.svg.contains(&format!("<title>{whole} : 1 M MAD")));
    assert_eq!(truncate("abcdef", 30, 10.0), "abcd…");
    assert_eq!(truncate("abc", 0, 10.0), "");
}

fn first_words_60(s: &str) -> String {
    raqmi_model::document::first_words(s, 60)
}

#[test]
fn people_are_grouped_by_article_with_shapes_and_a_legend() {
    let docs = vec![
        doc(
            "a",
            "Forum A",
            ym(2024, 1),
            vec![
                people(200.0, Category::Jobs, "emplois"),
                people(1500.0, Category::Participants, "participants"),
            ],
        ),
        doc(
            "b",
            "Forum B",
            ym(2024, 2),
            vec![people(40.0, Category::Members, "membres")],
        ),
    ];
    let data = chart_data(&docs, ChartKind::People);
    let groups: Vec<usize> = data.bars.iter().map(|b| b.group).collect();
    assert_eq!(groups, vec![0, 0, 1]);
    assert_eq!(data.bars[0].category, Some(Category::Participants));
    assert_eq!(data.bars[0].group_label, "Forum A");
    let chart = render_svg(&data, &opts()).unwrap();
    for name in [
        "participants\n</text>",
        "emplois\n</text>",
        "membres\n</text>",
    ] {
        assert!(chart.svg.contains(name), "legend {name:?}");
    }
    assert!(!chart.svg.contains("bénéficiaires\n</text>"));
    // Shapes: circle (participants), square (members), diamond (jobs).
    assert!(chart.svg.contains("<circle"));
    assert!(count(&chart.svg, "<polygon") >= 2);
}

#[test]
fn the_timeline_bins_by_month_or_year_from_the_date_span() {
    let docs = vec![
        doc("a", "A", ym(2024, 1), vec![money(1.0), money(2.0)]),
        doc("b", "B", ym(2024, 3), vec![]),
        doc("c", "C", y(2024), vec![money(3.0)]),
        doc("d", "D", None, vec![]),
    ];
    let data = chart_data(&docs, ChartKind::Timeline);
    assert_eq!(data.granularity, Some(Granularity::Month));
    let labels: Vec<&str> = data
        .bars
        .iter()
        .step_by(2)
        .map(|b| b.label.as_str())
        .collect();
    assert_eq!(
        labels,
        vec!["2024 (?)", "janv. 2024", "févr. 2024", "mars 2024"]
    );
    let values: Vec<f64> = data.bars.iter().map(|b| b.value).collect();
    assert_eq!(values, vec![1.0, 1.0, 1.0, 2.0, 0.0, 0.0, 1.0, 0.0]);
    assert!(data
        .notes
        .iter()
        .any(|n| n.contains("1 article(s) sans date")));

    let wide = vec![
        doc("a", "A", ym(2015, 1), vec![]),
        doc("b", "B", ym(2024, 3), vec![]),
    ];
    let data = chart_data(&wide, ChartKind::Timeline);
    assert_eq!(data.granularity, Some(Granularity::Year));
    assert_eq!(data.bars.len(), 20);
    assert_eq!(data.bars[0].label, "2015");

    let ages = vec![
        doc("a", "A", y(1900), vec![]),
        doc("b", "B", y(2024), vec![]),
    ];
    let data = chart_data(&ages, ChartKind::Timeline);
    assert_eq!(data.granularity, Some(Granularity::Years(4)));
    assert!(data.bars.len() <= 80);
    assert_eq!(data.bars[0].label, "1900–1903");
    let chart = render_svg(&data, &opts()).unwrap();
    assert_eq!(count(&chart.svg, "chart-mark-period"), data.bars.len());
}

fn luminance(c: plotters::style::RGBColor) -> f64 {
    let f = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
}

fn contrast(a: plotters::style::RGBColor, b: plotters::style::RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn palette_passes_wcag_contrast_on_light_and_dark_backgrounds() {
    let light = theme_colors(Theme::Light);
    let dark = theme_colors(Theme::Dark);
    let cats = [
        Some(Category::Budget),
        Some(Category::Participants),
        Some(Category::Members),
        Some(Category::Beneficiaries),
        Some(Category::Jobs),
        Some(Category::Companies),
        Some(Category::Share),
        Some(Category::Other),
        None,
    ];
    let marks = cats.iter().map(|c| category_color(*c)).chain([
        series_color(Series::Articles),
        series_color(Series::Figures),
    ]);
    for c in marks {
        assert!(contrast(c, light.background) >= 3.0, "{c:?} on light");
        assert!(contrast(c, dark.background) >= 3.0, "{c:?} on dark");
    }
    assert!(contrast(light.text, light.background) >= 4.5);
    assert!(contrast(dark.text, dark.background) >= 4.5);
    assert!(contrast(light.axis, light.background) >= 3.0);
    assert!(contrast(dark.axis, dark.background) >= 3.0);
    // Categories of the people chart never share a shape.
    let shapes: Vec<_> = PEOPLE_CATEGORIES
        .iter()
        .map(|c| super::draw::category_shape(Some(*c)))
        .collect();
    for (i, a) in shapes.iter().enumerate() {
        assert!(!shapes[i + 1..].contains(a));
    }
}

#[test]
fn the_figure_card_shows_value_qualifier_sentence_and_link() {
    let d = doc(
        "003_x y",
        "Gitex Africa",
        Some(Date {
            year: 2024,
            month: Some(4),
            day: Some(1),
        }),
        vec![people(1100.0, Category::Participants, "exposants")
            .q(Qualifier::Over)
            .said("Plus de 1100 exposants sont attendus.")],
    );
    let card = figure_card(&d, 0).unwrap();
    assert_eq!(card.value_text, "plus de 1 100 exposants");
    assert_eq!(card.qualifier_text, Some("plus de"));
    assert_eq!(card.sentence, "Plus de 1100 exposants sont attendus.");
    assert_eq!(card.article, "Gitex Africa");
    assert_eq!(card.date_text, "1er avril 2024");
    assert_eq!(card.href, "?doc=003_x%20y&view=doc&fig=0");
    assert!(figure_card(&d, 1).is_none());
    let svg = render_figure_card_svg(
        &card,
        &ChartOptions {
            width: 320,
            ..opts()
        },
    )
    .unwrap();
    assert_well_formed(&svg);
    assert!(svg.contains("role=\"img\""));
    assert_eq!(count(&svg, "class=\"chart-mark\""), 1);
    assert!(svg.contains("≥\n</text>"));
    assert!(svg.contains("href=\"?doc=003_x%20y&amp;view=doc&amp;fig=0\""));
    // The reader's image of the same card: no link inside the image.
    let image = render_figure_card_image(
        &card,
        &ChartOptions {
            width: 320,
            ..opts()
        },
    )
    .unwrap();
    assert_well_formed(&image);
    assert!(image.contains("role=\"img\"") && image.contains("≥\n</text>"));
    assert!(!image.contains("<a "));
}

#[test]
fn a_short_fixed_height_thins_labels_instead_of_overlapping_them() {
    let figs: Vec<F> = (1..=40).map(|i| money(f64::from(i) * 1e6)).collect();
    let docs = vec![doc("a", "A", ym(2024, 1), figs)];
    let data = chart_data(&docs, ChartKind::Budgets);
    let small = render_svg(
        &data,
        &ChartOptions {
            height: Some(300),
            ..opts()
        },
    )
    .unwrap();
    let tall = render_svg(&data, &opts()).unwrap();
    let value_labels = |s: &str| count(s, " M MAD\n</text>");
    assert_eq!(value_labels(&tall.svg), 40);
    assert!(value_labels(&small.svg) < 40);
    assert_eq!(count(&small.svg, "class=\"chart-mark"), 40);
}

#[test]
fn timeline_renders_readably_in_the_dark_theme() {
    let chart = render_svg(
        &chart_data(&corpus(50), ChartKind::Timeline),
        &ChartOptions {
            theme: Theme::Dark,
            ..opts()
        },
    )
    .unwrap();
    assert!(chart.svg.contains("#1E1E1E") || chart.svg.contains("#1e1e1e"));
    assert_well_formed(&chart.svg);
}

/// A backend that draws nothing and fails the test if asked to measure text: on wasm32,
/// plotters measures text through the DOM, which the charts must never depend on.
struct NoMeasure {
    size: (u32, u32),
    texts: usize,
}

impl plotters::prelude::DrawingBackend for NoMeasure {
    type ErrorType = std::io::Error;
    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(
        &mut self,
    ) -> Result<(), plotters_backend::DrawingErrorKind<std::io::Error>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), plotters_backend::DrawingErrorKind<std::io::Error>> {
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        _: plotters_backend::BackendCoord,
        _: plotters_backend::BackendColor,
    ) -> Result<(), plotters_backend::DrawingErrorKind<std::io::Error>> {
        Ok(())
    }
    fn draw_rect<S: plotters_backend::BackendStyle>(
        &mut self,
        _: plotters_backend::BackendCoord,
        _: plotters_backend::BackendCoord,
        _: &S,
        _: bool,
    ) -> Result<(), plotters_backend::DrawingErrorKind<std::io::Error>> {
        Ok(())
    }
    fn draw_text<S: plotters_backend::BackendTextStyle>(
        &mut self,
        _: &str,
        _: &S,
        _: plotters_backend::BackendCoord,
    ) -> Result<(), plotters_backend::DrawingErrorKind<std::io::Error>> {
        self.texts += 1;
        Ok(())
    }
    fn estimate_text_size<S: plotters_backend::BackendTextStyle>(
        &self,
        text: &str,
        _: &S,
    ) -> Result<(u32, u32), plotters_backend::DrawingErrorKind<std::io::Error>> {
        panic!("plotters asked to measure {text:?}");
    }
}

#[test]
fn drawing_never_asks_the_backend_to_measure_text() {
    use plotters::prelude::IntoDrawingArea;
    let docs = corpus(200);
    for kind in ChartKind::ALL {
        for scale in [Scale::Linear, Scale::Log] {
            let data = chart_data(&docs, kind);
            let options = ChartOptions { scale, ..opts() };
            let area = NoMeasure {
                size: (720, 900),
                texts: 0,
            }
            .into_drawing_area();
            let layout = draw_chart(&area, &data, &options).expect("drawn");
            assert_eq!(layout.marks.len(), data.bars.len());
        }
    }
    let d = &docs[0];
    let card = figure_card(d, 0).unwrap();
    let area = NoMeasure {
        size: (320, 56),
        texts: 0,
    }
    .into_drawing_area();
    draw_figure_card(&area, &card, &opts()).expect("drawn");
}
