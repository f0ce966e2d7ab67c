//! Dates in French words, as the articles and the charts' labels write them. The interface's
//! other languages live with the explorer's strings (`raqmi_explorer::format`).

use crate::document::{Date, DateOrigin};

/// French month names, January first.
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

/// "12 avril 2021", "1er avril 2021", "octobre 2024", "2022"; an inferred date says so
/// ("2022 (estimée)").
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
