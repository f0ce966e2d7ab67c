//! The rendered SVG: well-formed and accessible for every chart kind and size, qualifier marks
//! drawn and explained, corpus text escaped, labels cut or thinned, the figure card, the dark
//! theme.

use super::{assert_well_formed, corpus, corpus_for, les_eco, occurrences, opts};
use crate::draw::truncate;
use crate::{
    chart_data, figure_card, render_figure_card_image, render_figure_card_svg, render_svg,
    ChartError, ChartKind, ChartOptions, ChartSvg, EmptyReason, Theme,
};
use raqmi_model::document::{Category, Document, Entity, EntityKind, Qualifier, Span};
use raqmi_model::markup::escape_attr as escape_xml;
use raqmi_testkit::{count, money, FigureBuilder};
use std::time::Instant;

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
    let marks = occurrences(svg, "class=\"chart-mark");
    assert_eq!(marks, chart.layout.marks.len(), "{kind:?}");
    // In a page, the image holds no link (an img's children are presentational) and the
    // overlay, the same size, holds every one.
    assert_well_formed(&chart.drawing);
    assert_well_formed(&chart.overlay);
    assert!(chart.drawing.contains("role=\"img\"") && !chart.drawing.contains("<a "));
    assert_eq!(
        occurrences(&chart.overlay, "class=\"chart-mark"),
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
                let bare = vec![les_eco("a").headline("A").date(2024, Some(1), None).build()];
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
    let docs = vec![les_eco("a")
        .headline("A")
        .date(2024, Some(1), None)
        .figures([money(13.3e6), money(3.9e6)])
        .build()];
    let chart = render_svg(&chart_data(&docs, ChartKind::Budgets), &opts()).unwrap();
    assert!(chart.svg.contains(">\n10 M\n</text>") || chart.svg.contains("10 M\n</text>"));
    assert!(chart.svg.contains("13,3 M MAD"));
    assert!(chart.svg.contains("3,9 M MAD"));
}

#[test]
fn qualified_figures_are_drawn_with_their_marks_and_words() {
    let docs = vec![les_eco("q")
        .headline("Salon")
        .date(2024, Some(5), None)
        .figures([
            count(1100.0, Category::Participants, "acteurs").qualifier(Qualifier::Over),
            count(100.0, Category::Members, "membres").qualifier(Qualifier::About),
            count(50.0, Category::Beneficiaries, "bénéficiaires").qualifier(Qualifier::Under),
            count(30.0, Category::Jobs, "emplois").qualifier(Qualifier::UpTo),
            count(10.0, Category::Jobs, "emplois").range(15.0),
        ])
        .build()];
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
    assert!(occurrences(svg, "<polygon") >= 2);
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
    let mut d = les_eco("id&\"<x>")
        .headline(evil)
        .date(2024, Some(1), None)
        .figures([money(1e6).sentence("Un <script>budget</script> & \"tout\" l'an.")])
        .build();
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
fn long_labels_are_cut_with_an_ellipsis_and_kept_whole_in_the_tooltip() {
    let long = "Un titre d'article extrêmement long qui ne tiendrait jamais dans la colonne des étiquettes du graphique";
    let docs = vec![les_eco("a")
        .headline(long)
        .date(2024, Some(1), None)
        .figures([money(1e6)])
        .build()];
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
fn the_figure_card_shows_value_qualifier_sentence_and_link() {
    let d = les_eco("003_x y")
        .headline("Gitex Africa")
        .date(2024, Some(4), Some(1))
        .figures([count(1100.0, Category::Participants, "exposants")
            .qualifier(Qualifier::Over)
            .sentence("Plus de 1100 exposants sont attendus.")])
        .build();
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
    assert_eq!(occurrences(&svg, "class=\"chart-mark\""), 1);
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
    let figs: Vec<FigureBuilder> = (1..=40).map(|i| money(f64::from(i) * 1e6)).collect();
    let docs = vec![les_eco("a")
        .headline("A")
        .date(2024, Some(1), None)
        .figures(figs)
        .build()];
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
    let value_labels = |s: &str| occurrences(s, " M MAD\n</text>");
    assert_eq!(value_labels(&tall.svg), 40);
    assert!(value_labels(&small.svg) < 40);
    assert_eq!(occurrences(&small.svg, "class=\"chart-mark"), 40);
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
