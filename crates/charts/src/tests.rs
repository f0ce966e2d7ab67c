//! Native tests of the charts, by topic: French number wording (`numbers`), the data layer
//! (`data`), the rendered SVG (`svg`), the table and the exports (`exports`), and drawing
//! itself (`drawing`). Shared here: the documents they chart, built with the test kit, and the
//! checks several of them make.

mod alt;
mod data;
mod drawing;
mod exports;
mod labels;
mod numbers;
mod svg;

use crate::{ChartKind, ChartOptions, PEOPLE_CATEGORIES};
use raqmi_model::document::{Category, Document, Qualifier};
use raqmi_testkit::{count, doc, money, percent, DocBuilder};

/// An article of Les ECO, the source every exported row of these tests carries; the rest is
/// filled in with the kit's builder.
fn les_eco(id: &str) -> DocBuilder {
    doc(id).source("Les ECO")
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
                1 => count(v, PEOPLE_CATEGORIES[i % 3 + (i / 4) % 2], "participants"),
                2 => percent(v / 10.0),
                _ => count(v * 3.0, Category::Jobs, "emplois"),
            };
            f.figure.qualifier = match i % 7 {
                0 => Some(Qualifier::Over),
                1 => Some(Qualifier::About),
                2 => Some(Qualifier::Under),
                _ => None,
            };
            if i % 11 == 0 {
                f.figure.high = Some(f.figure.value * 1.5);
            }
            figs.push(f);
        }
        made += figs.len();
        // Every ninth article is dated by its year only.
        let month = (d % 9 != 0).then_some((d % 12 + 1) as u8);
        docs.push(
            les_eco(&format!("{d:03}_doc"))
                .headline(&format!(
                    "Article numéro {d} sur l'économie numérique au Maroc et ses acteurs"
                ))
                .date(2023 + (d % 2) as u16, month, None)
                .figures(figs)
                .build(),
        );
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

fn occurrences(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

fn opts() -> ChartOptions {
    ChartOptions::default()
}
