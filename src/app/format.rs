//! Formatting for people: dates in words, in the interface language.

use super::url::Lang;
use crate::corpus::document::{Date, DateOrigin};

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

/// French month names (also the charts' long labels).
pub const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// "12 avril 2021", "octobre 2024", "2022"; an inferred date says so ("2022 (estimée)").
pub fn date_fr(date: &Date, origin: DateOrigin) -> String {
    let month = date
        .month
        .and_then(|m| MONTHS_FR.get(usize::from(m).wrapping_sub(1)));
    let text = match (date.day, month) {
        (Some(1), Some(m)) => format!("1er {m} {}", date.year),
        (Some(d), Some(m)) => format!("{d} {m} {}", date.year),
        (_, Some(m)) => format!("{m} {}", date.year),
        _ => date.year.to_string(),
    };
    match origin {
        DateOrigin::Stated => text,
        DateOrigin::Inferred => format!("{text} (estimée)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_dates_in_french_words() {
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(
            date_fr(&d(2021, Some(4), Some(12)), DateOrigin::Stated),
            "12 avril 2021"
        );
        assert_eq!(
            date_fr(&d(2021, Some(4), Some(1)), DateOrigin::Stated),
            "1er avril 2021"
        );
        assert_eq!(
            date_fr(&d(2024, Some(10), None), DateOrigin::Stated),
            "octobre 2024"
        );
        assert_eq!(
            date_fr(&d(2022, None, None), DateOrigin::Inferred),
            "2022 (estimée)"
        );
        assert_eq!(
            date_fr(&d(2022, Some(13), None), DateOrigin::Stated),
            "2022"
        );
    }
}
