//! The period a figure refers to: stated in its sentence, else the article's year.
//!
//! Stated periods, the one nearest to the figure winning:
//! - a month and a year ("en juillet 2020", "fin mars 2024") → that month;
//! - a year after a word that makes it a time ("en 2030", "d’ici 2030", "à l’horizon 2030",
//!   "depuis 2019", "pour 2025", "fin 2024", "début 2023", "courant 2022", "l’année 2021",
//!   "au titre de 2023", "au S1-2025") → that year. A year inside a name ("Maroc Digital 2030",
//!   "Devoxx 2022", "Assises 2024") is not a period: no such word stands before it;
//! - "l’an dernier", "l’année dernière", "l’an passé" → the article's year − 1; "cette année" →
//!   its year; "l’an prochain", "l’année prochaine" → + 1; "il y a deux ans" → − 2.
//!
//! A period stated after the figure counts only up to the end of the figure's clause (the next
//! punctuation, or "contre" introducing another number). Otherwise the article's year (its month is left out: an article of October 2024 reports
//! figures of 2024, not of that month).

use super::words::Word;
use crate::ingest::metadata::MONTHS;
use raqmi_model::document::{Date, Period, Span};

const TIME_WORDS: &[&str] = &[
    "en", "ici", "horizon", "depuis", "pour", "fin", "debut", "courant", "annee", "exercice", "s1",
    "s2", "t1", "t2", "t3", "t4", "mi",
];

/// "un" … "dix", or digits.
fn small_number(w: &str) -> Option<i32> {
    const WORDS: [&str; 10] = [
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    ];
    match WORDS.iter().position(|x| *x == w) {
        Some(i) => Some(i as i32 + 1),
        None => w.parse().ok().filter(|n| (1..=50).contains(n)),
    }
}

fn year(w: &Word) -> Option<u16> {
    let y: u16 = w.folded.parse().ok()?;
    (w.folded.len() == 4 && (1990..=2100).contains(&y)).then_some(y)
}

/// The period of the figure at `fig` in a sentence of `words`, in an article dated `date`;
/// `counted` are the spans of the figures that are not years (their numbers are not periods).
pub(super) fn period(
    words: &[Word],
    fig: Span,
    date: Option<Date>,
    counted: &[Span],
) -> Option<Period> {
    let (at, end) = (fig.start as usize, fig.end as usize);
    let article = date.map(|d| d.year);
    let mut best: Option<(usize, Period)> = None;
    // A period after the figure belongs to it only within its clause: in "1 618 startups,
    // contre 1 200 en 2022", 2022 is the other number's year.
    let clause_end = words
        .iter()
        .position(|w| w.start >= end && (w.after_punct || w.is(&["contre", "face", "versus"])))
        .map_or(usize::MAX, |i| words[i].start);
    let mut offer = |w: &Word, p: Period| {
        if w.start >= clause_end {
            return;
        }
        let dist = w.start.abs_diff(at);
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, p));
        }
    };
    for (i, w) in words.iter().enumerate() {
        let in_figure = counted
            .iter()
            .any(|s| (s.start as usize) <= w.start && w.end <= s.end as usize);
        if let Some(y) = year(w).filter(|_| !in_figure) {
            let prev = i.checked_sub(1).map(|j| &words[j]);
            if let Some(m) = prev.and_then(|p| MONTHS.iter().position(|m| p.is(&[m]))) {
                offer(
                    w,
                    Period {
                        year: y,
                        month: Some(m as u8 + 1),
                    },
                );
            } else if prev.is_some_and(|p| p.is(TIME_WORDS)) {
                offer(
                    w,
                    Period {
                        year: y,
                        month: None,
                    },
                );
            }
            continue;
        }
        let Some(year) = article else { continue };
        let next = |k: usize| words.get(i + k);
        let relative = if w.is(&["an", "annee"]) && i > 0 && words[i - 1].is(&["l'"]) {
            match next(1) {
                Some(n) if n.is(&["dernier", "derniere", "passe", "passee"]) => Some(-1),
                Some(n) if n.is(&["prochain", "prochaine"]) => Some(1),
                _ => None,
            }
        } else if w.is(&["cette"]) && next(1).is_some_and(|n| n.is(&["annee"])) {
            Some(0)
        } else if w.is(&["il"])
            && next(1).is_some_and(|n| n.is(&["y"]))
            && next(2).is_some_and(|n| n.is(&["a"]))
            && next(4).is_some_and(|n| n.is(&["an", "ans"]))
        {
            // "il y a deux ans".
            next(3).and_then(|n| small_number(&n.folded)).map(|n| -n)
        } else {
            None
        };
        if let Some(delta) = relative {
            offer(
                w,
                Period {
                    year: (year as i32 + delta) as u16,
                    month: None,
                },
            );
        }
    }
    best.map(|(_, p)| p)
        .or_else(|| article.map(|year| Period { year, month: None }))
}
