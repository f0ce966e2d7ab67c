//! Metadata the text carries itself: ISO dates (the leading ` date YYYY[-MM[-DD]]` line, and
//! `corpus.toml`), the "Publié dans <source> le DD - MM - YYYY" dateline, and the year guessed
//! from the text when none is stated (which the document marks as inferred).

use raqmi_model::document::Date;
use raqmi_model::text;

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real calendar check.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let year = parse_fixed(parts.next()?, 4)? as u16;
    let month = match parts.next() {
        Some(m) => Some(parse_fixed(m, 2)? as u8),
        None => None,
    };
    let day = match parts.next() {
        Some(d) => Some(parse_fixed(d, 2)? as u8),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    let date = Date { year, month, day };
    valid_date(date).then_some(date)
}

fn parse_fixed(s: &str, digits: usize) -> Option<u32> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn valid_date(d: Date) -> bool {
    if !(1900..=2100).contains(&d.year) {
        return false;
    }
    let Some(m) = d.month else {
        return d.day.is_none();
    };
    if !(1..=12).contains(&m) {
        return false;
    }
    match d.day {
        None => true,
        Some(day) => {
            let leap = d.year.is_multiple_of(4)
                && (!d.year.is_multiple_of(100) || d.year.is_multiple_of(400));
            let days = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            (1..=days[m as usize - 1]).contains(&day)
        }
    }
}

/// "Publié dans Les ECO le 12 - 04 - 2021" -> ("Les ECO", the date). The date is `None` when
/// the line has the shape of a dateline but its date is not a real one.
pub(super) fn parse_dateline(line: &str) -> Option<(String, Option<Date>)> {
    let rest = ["Publié dans ", "Publie dans ", "Paru dans "]
        .iter()
        .find_map(|p| line.strip_prefix(p))?;
    let le = rest.rfind(" le ")?;
    let source = rest[..le].trim();
    if source.is_empty() || source.chars().count() > 80 {
        return None;
    }
    let parts: Vec<&str> = rest[le + 4..]
        .split(['-', '/', '.'])
        .map(str::trim)
        .collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let date = match (num(parts[0]), num(parts[1]), num(parts[2])) {
        (Some(d), Some(m), Some(y)) if d <= 31 && m <= 12 && (1000..=9999).contains(&y) => {
            let date = Date {
                year: y as u16,
                month: Some(m as u8),
                day: Some(d as u8),
            };
            valid_date(date).then_some(date)
        }
        _ => None,
    };
    Some((source.to_string(), date))
}

/// Guesses the year of an article that states no date: the first year-like number that reads
/// as a date or an edition ("Devoxx 2022", "en 2021", "mars 2023"), not a count ("2000
/// jeunes"). Returns `None` when the text gives no such hint.
pub(super) fn infer_year(text: &str) -> Option<Date> {
    let toks: Vec<text::Token> = text::tokens(text).collect();
    for (i, t) in toks.iter().enumerate() {
        if t.text.len() != 4 || !t.text.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(year) = t.text.parse::<u16>() else {
            continue;
        };
        if !(1990..=2099).contains(&year) {
            continue;
        }
        // A lowercase word right after makes it a count ("2000 jeunes").
        let next_is_noun = toks.get(i + 1).is_some_and(|n| {
            n.text.chars().next().is_some_and(char::is_lowercase)
                && text[t.end..n.start].chars().all(char::is_whitespace)
        });
        if next_is_noun {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| toks[j].text);
        let reads_as_date = prev.is_some_and(|p| {
            let f = text::fold(p);
            p.chars().next().is_some_and(char::is_uppercase)
                || MONTHS.contains(&f.as_str())
                || matches!(f.as_str(), "en" | "depuis" | "an" | "annee" | "edition")
        });
        if reads_as_date {
            return Some(Date {
                year,
                month: None,
                day: None,
            });
        }
    }
    None
}

/// French month names, folded (no accents), January first; the period reader uses them too.
pub(crate) const MONTHS: &[&str] = &[
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];
