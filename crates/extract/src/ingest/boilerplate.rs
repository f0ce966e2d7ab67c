//! Boilerplate removal by general rules, line by line: tickers (a line made of several short
//! headline-like segments separated by wide runs of spacing) and the known site-chrome lines
//! of `data/boilerplate.txt`. Every other line stays.

use raqmi_model::text;
use std::sync::OnceLock;

/// A ticker line: at least three segments separated by wide gaps (three or more whitespace
/// characters in a row), each segment the size of a headline (no longer than 300 characters,
/// and on average at least 15: a few words spaced out are not headlines).
pub(super) fn is_ticker(line: &str) -> bool {
    let mut segments = 0;
    let mut total = 0;
    let mut longest = 0;
    let mut current = 0;
    let mut gap = 0;
    for c in line.chars() {
        if c.is_whitespace() {
            gap += 1;
            continue;
        }
        if gap >= 3 && current > 0 {
            segments += 1;
            longest = longest.max(current);
            current = 0;
        }
        gap = 0;
        current += 1;
        total += 1;
    }
    if current > 0 {
        segments += 1;
        longest = longest.max(current);
    }
    segments >= 3 && longest <= 300 && total >= 15 * segments
}

/// A site-chrome phrase, folded: the whole line, or how it starts.
pub(super) enum ChromeRule {
    Exact(String),
    Prefix(String),
}

/// The site-chrome phrases of `data/boilerplate.txt`, parsed once.
fn chrome_rules() -> &'static [ChromeRule] {
    static RULES: OnceLock<Vec<ChromeRule>> = OnceLock::new();
    RULES.get_or_init(|| {
        parse_chrome_rules(include_str!("../../data/boilerplate.txt"))
            .expect("data/boilerplate.txt is checked by a unit test")
    })
}

pub(super) fn parse_chrome_rules(data: &str) -> Result<Vec<ChromeRule>, String> {
    let mut rules = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let rule = match line.split_once('\t') {
            Some(("exact", p)) if !p.trim().is_empty() => ChromeRule::Exact(fold_line(p)),
            Some(("prefix", p)) if !p.trim().is_empty() => ChromeRule::Prefix(fold_line(p)),
            _ => {
                return Err(format!(
                    "data/boilerplate.txt:{}: expected `exact<TAB>phrase` or `prefix<TAB>phrase`",
                    i + 1
                ))
            }
        };
        rules.push(rule);
    }
    Ok(rules)
}

/// Folded, trimmed, single-spaced form of a line.
fn fold_line(s: &str) -> String {
    text::fold(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn is_chrome(line: &str) -> bool {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.len() > 200 {
        return false;
    }
    let folded = fold_line(trimmed);
    chrome_rules().iter().any(|rule| match rule {
        ChromeRule::Exact(p) => folded == *p,
        ChromeRule::Prefix(p) => folded.starts_with(p.as_str()),
    })
}
