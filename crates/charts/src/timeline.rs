//! The timeline's bars: articles and figures per month when the dates span few enough months
//! (an article dated only by its year then gets its year's own bin, "2024 (?)"), else per year
//! or per run of years; undated articles are counted in a note.

use crate::data::{Bar, BarKind, ChartData, EmptyReason, Granularity, Series};
use crate::numfmt;
use raqmi_model::document::{Date, Document};
use raqmi_model::order;
use std::borrow::Borrow;

const MONTHS_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// Month 1–12 of a date, if it has a valid one.
fn month_of(d: &Date) -> Option<u8> {
    d.month.filter(|m| (1..=12).contains(m))
}

/// One timeline bin before it becomes two bars.
struct Bin {
    key: String,
    short: String,
    long: String,
    articles: usize,
    figures: usize,
}

pub(crate) fn timeline<D: Borrow<Document>>(docs: &[D], data: &mut ChartData, max_bins: usize) {
    let dated: Vec<&Document> = docs
        .iter()
        .map(Borrow::borrow)
        .filter(|d: &&Document| d.date.is_some())
        .collect();
    let undated = docs.len() - dated.len();
    if undated > 0 {
        data.notes
            .push(format!("{undated} article(s) sans date non compté(s)"));
    }
    let dates: Vec<Date> = dated.iter().filter_map(|d| d.date).collect();
    let (Some(min_y), Some(max_y)) = (
        dates.iter().map(|d| d.year).min(),
        dates.iter().map(|d| d.year).max(),
    ) else {
        data.empty = Some(EmptyReason::NoDates);
        return;
    };
    let month_index = |d: &Date| month_of(d).map(|m| i32::from(d.year) * 12 + i32::from(m) - 1);
    let months: Vec<i32> = dates.iter().filter_map(month_index).collect();
    let year_only_years: Vec<u16> = {
        let mut y: Vec<u16> = dates
            .iter()
            .filter(|d| month_of(d).is_none())
            .map(|d| d.year)
            .collect();
        // Plain numbers: the shared stable sort gives what `sort_unstable` gave.
        order::sort_by(&mut y, u16::cmp);
        y.dedup();
        y
    };
    // Months spanned (year-only dates pull the span to their January), plus one bin per year
    // that has year-only dates; monthly bins only when that stays readable.
    let year_starts = year_only_years.iter().map(|&y| i32::from(y) * 12);
    let lo = months.iter().copied().chain(year_starts.clone()).min();
    let hi = months.iter().copied().chain(year_starts).max();
    let monthly = match (lo, hi) {
        (Some(lo), Some(hi)) if !months.is_empty() => {
            let n = (hi - lo + 1) as usize + year_only_years.len();
            (n <= max_bins && hi - lo < 36).then_some((lo, hi))
        }
        _ => None,
    };
    let mut bins: Vec<Bin> = Vec::new();
    // One slot per dated document, in `dated` order.
    let mut slot_of: Vec<Option<usize>> = Vec::new();
    if let Some((lo, hi)) = monthly {
        data.granularity = Some(Granularity::Month);
        // Bin of each month from `lo` on, and of each year-only year: plain lists, not hash
        // maps (a few dozen entries; each `HashMap` type is a hash table instance in the wasm).
        let mut index_of_month: Vec<usize> = Vec::new();
        let mut index_of_year: Vec<(u16, usize)> = Vec::new();
        for m in lo..=hi {
            let year = (m / 12) as u16;
            let mi = (m % 12) as usize;
            // A year's year-only bin comes before its months.
            if year_only_years.contains(&year) && !index_of_year.iter().any(|&(y, _)| y == year) {
                index_of_year.push((year, bins.len()));
                bins.push(Bin {
                    key: format!("{year:04}"),
                    short: format!("{year} (?)"),
                    long: format!("{year} (mois non précisé)"),
                    articles: 0,
                    figures: 0,
                });
            }
            index_of_month.push(bins.len());
            bins.push(Bin {
                key: format!("{year:04}-{:02}", mi + 1),
                short: format!("{} {year}", MONTHS_SHORT[mi]),
                long: format!("{} {year}", raqmi_model::dates::MONTHS_FR[mi]),
                articles: 0,
                figures: 0,
            });
        }
        for d in &dates {
            let slot = match month_index(d) {
                Some(m) => usize::try_from(m - lo)
                    .ok()
                    .and_then(|i| index_of_month.get(i))
                    .copied(),
                None => index_of_year
                    .iter()
                    .find(|&&(y, _)| y == d.year)
                    .map(|&(_, i)| i),
            };
            slot_of.push(slot);
        }
    } else {
        let span = usize::from(max_y - min_y) + 1;
        let width = span.div_ceil(max_bins).max(1) as u16;
        data.granularity = Some(if width == 1 {
            Granularity::Year
        } else {
            Granularity::Years(width)
        });
        let mut y = min_y;
        loop {
            let end = y.saturating_add(width - 1);
            let (key, label) = if width == 1 {
                (format!("{y:04}"), y.to_string())
            } else {
                (format!("{y:04}-{end:04}"), format!("{y}–{end}"))
            };
            bins.push(Bin {
                key,
                short: label.clone(),
                long: label,
                articles: 0,
                figures: 0,
            });
            if end >= max_y {
                break;
            }
            y = end + 1;
        }
        for d in &dates {
            slot_of.push(Some(usize::from((d.year - min_y) / width)));
        }
    }
    for (doc, slot) in dated.iter().zip(slot_of) {
        if let Some(bin) = slot.and_then(|s| bins.get_mut(s)) {
            bin.articles += 1;
            bin.figures += doc.figures.len();
        }
    }
    for (g, bin) in bins.into_iter().enumerate() {
        for (series, n) in [
            (Series::Articles, bin.articles),
            (Series::Figures, bin.figures),
        ] {
            data.bars.push(Bar {
                label: bin.short.clone(),
                group: g,
                group_label: bin.long.clone(),
                value: n as f64,
                high: None,
                qualifier: None,
                category: None,
                kind: BarKind::Period {
                    key: bin.key.clone(),
                    series,
                },
                value_text: format!("{} {}", numfmt::count(n as f64), series.name()),
            });
        }
    }
}
