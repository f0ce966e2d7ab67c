//! Formatting for people: dates in words, in the interface language.

use super::url::Lang;
use raqmi_model::dates::date_fr;
use raqmi_model::document::{Date, DateOrigin};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month names as the Moroccan press writes them in Arabic.
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
];

/// A date in words in the interface language; an inferred date says so.
pub fn date_in(lang: Lang, date: &Date, origin: DateOrigin) -> String {
    let (months, estimated) = match lang {
        Lang::Fr => return date_fr(date, origin),
        Lang::En => (&MONTHS_EN, "estimated"),
        Lang::Ar => (&MONTHS_AR, "تقديري"),
    };
    let month = date
        .month
        .and_then(|m| months.get(usize::from(m).wrapping_sub(1)));
    let text = match (date.day, month) {
        (Some(d), Some(m)) => format!("{d} {m} {}", date.year),
        (_, Some(m)) => format!("{m} {}", date.year),
        _ => date.year.to_string(),
    };
    match origin {
        DateOrigin::Stated => text,
        DateOrigin::Inferred => format!("{text} ({estimated})"),
    }
}
