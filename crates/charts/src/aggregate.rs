//! Bars from points, for the ranked charts (budgets, shares) and the people chart grouped by
//! article: the largest values first, and beyond the bar limit one "autres (k)" bar (one per
//! category for people) drawn as the range of the values it stands for, never as their sum.

use crate::data::{category_text, Bar, BarKind, PEOPLE_CATEGORIES};
use crate::numfmt::{self, NumberKind};
use crate::point::ChartPoint;
use raqmi_model::document::Category;
use raqmi_model::order;

fn figure_bar(points: &[ChartPoint], i: usize, group: usize) -> Bar {
    let p = &points[i];
    Bar {
        label: p.label.clone(),
        group,
        group_label: p.label.clone(),
        value: p.value,
        high: p.high,
        qualifier: p.qualifier,
        category: Some(p.category),
        kind: BarKind::Figure { point: i },
        value_text: p.value_text(),
    }
}

/// The bar standing for the points `rest`: their range, labelled "autres (k)".
fn others_bar(
    points: &[ChartPoint],
    rest: &[usize],
    kind: NumberKind,
    category: Option<Category>,
    group: usize,
) -> Bar {
    let low = rest
        .iter()
        .map(|&i| points[i].value)
        .fold(f64::INFINITY, f64::min);
    let high = rest
        .iter()
        .map(|&i| points[i].high.unwrap_or(points[i].value))
        .fold(f64::NEG_INFINITY, f64::max);
    let label = match category {
        Some(c) if kind == NumberKind::Count => {
            format!("autres {} ({})", category_text(c), rest.len())
        }
        _ => format!("autres ({})", rest.len()),
    };
    let range = if high > low {
        numfmt::value_or_range(kind, low, Some(high))
    } else {
        numfmt::value(kind, low)
    };
    Bar {
        value_text: format!("{label} : {range}"),
        group_label: format!("autres ({})", rest.len()),
        label,
        group,
        value: low,
        high: (high > low).then_some(high),
        qualifier: None,
        category,
        kind: BarKind::Others { count: rest.len() },
    }
}

/// Largest first; ties keep the documents' order so the output is stable.
fn by_value_desc(points: &[ChartPoint]) -> Vec<usize> {
    // The crate's one shared sort (see `raqmi_model::order`), not a copy of `sort_by` per closure.
    order::sorted_indices(points.len(), &|a, b| {
        let (pa, pb) = (&points[a], &points[b]);
        pb.high
            .unwrap_or(pb.value)
            .total_cmp(&pa.high.unwrap_or(pa.value))
            .then(pa.doc.cmp(&pb.doc))
            .then(pa.figure.cmp(&pb.figure))
    })
}

pub(crate) fn ranked_bars(points: &[ChartPoint], kind: NumberKind, max_bars: usize) -> Vec<Bar> {
    let order = by_value_desc(points);
    let keep = order.len().min(max_bars);
    let mut bars: Vec<Bar> = order[..keep]
        .iter()
        .enumerate()
        .map(|(g, &i)| figure_bar(points, i, g))
        .collect();
    if order.len() > keep {
        bars.push(others_bar(points, &order[keep..], kind, None, keep));
    }
    bars
}

pub(crate) fn people_bars(points: &[ChartPoint], max_bars: usize) -> Vec<Bar> {
    let order = by_value_desc(points);
    let keep = order.len().min(max_bars);
    // Groups (documents) in order of their largest kept figure.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for &i in &order[..keep] {
        let doc = points[i].doc;
        match groups.iter_mut().find(|(d, _)| *d == doc) {
            Some((_, members)) => members.push(i),
            None => groups.push((doc, vec![i])),
        }
    }
    let cat_rank = |c: Category| PEOPLE_CATEGORIES.iter().position(|&x| x == c);
    let mut bars = Vec::new();
    for (g, (_, mut members)) in groups.into_iter().enumerate() {
        order::sort_by(&mut members, |&a, &b| {
            cat_rank(points[a].category)
                .cmp(&cat_rank(points[b].category))
                .then(points[b].value.total_cmp(&points[a].value))
        });
        let group_label = points[members[0]].article_label.clone();
        for i in members {
            let mut bar = figure_bar(points, i, g);
            bar.group_label.clone_from(&group_label);
            bar.label = category_text(points[i].category).to_string();
            bars.push(bar);
        }
    }
    if order.len() > keep {
        let group = bars.last().map_or(0, |b| b.group + 1);
        let rest = &order[keep..];
        for c in PEOPLE_CATEGORIES {
            let of_c: Vec<usize> = rest
                .iter()
                .copied()
                .filter(|&i| points[i].category == c)
                .collect();
            if !of_c.is_empty() {
                let mut bar = others_bar(points, &of_c, NumberKind::Count, Some(c), group);
                bar.group_label = format!("autres ({})", rest.len());
                bars.push(bar);
            }
        }
    }
    bars
}
