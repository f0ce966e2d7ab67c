//! Disjunctive facet counts: each facet counted over the documents that pass every filter but
//! its own; from corpus-wide totals minus the non-matching documents when most match; listed
//! most documents first.

use super::filters::{kind_bit, string_selections, FilterPlan, F_CATEGORY, F_DATE};
use super::{FacetCount, Facets, Filters, Name};
use crate::facet::{FacetKind, PerFacet};
use crate::index::{self, DocTables, SearchIndex};
use raqmi_model::document::{Category, Document};
use raqmi_model::order;

/// Orders facet keys `(u32::MAX - count) << 32 | id`, given in increasing id order, as
/// [`index::sort_keys`] would (most documents first, then by id): with one counting pass when
/// the counts are small next to the number of values (thousands of names counted once or
/// twice), else with the radix sort.
pub(super) fn order_by_count(keys: &mut Vec<u64>) {
    let count = |k: u64| (u32::MAX - (k >> 32) as u32) as usize;
    let n = keys.len();
    let max = keys.iter().map(|&k| count(k)).max().unwrap_or(0);
    if n <= 32 || max > 4 * n {
        index::sort_keys(keys);
        return;
    }
    // Where each count's keys start, the largest count first.
    let mut starts = vec![0u32; max + 1];
    for &k in keys.iter() {
        starts[count(k)] += 1;
    }
    let mut at = 0;
    for s in starts.iter_mut().rev() {
        let here = *s;
        *s = at;
        at += here;
    }
    let mut ordered = vec![0u64; n];
    let out = ordered.as_mut_slice();
    for &k in keys.iter() {
        let s = &mut starts[count(k)];
        if let Some(o) = out.get_mut(*s as usize) {
            *o = k;
        }
        *s += 1;
    }
    *keys = ordered;
}

/// Disjunctive counts being accumulated: per facet value id, per year slot of the
/// [`DocTables`], per category bit.
pub(super) struct Counts {
    values: Vec<u32>,
    years: Vec<u32>,
    categories: [u32; 8],
}

impl Counts {
    pub(super) fn new(t: &DocTables) -> Counts {
        Counts {
            values: vec![0; t.total_values.len()],
            years: vec![0; t.total_years.len()],
            categories: [0; 8],
        }
    }

    /// Starts from the whole corpus's counts (no filter, every document).
    pub(super) fn set_totals(&mut self, t: &DocTables) {
        self.values.clone_from(&t.total_values);
        self.years.clone_from(&t.total_years);
        self.categories = t.total_categories;
    }

    /// Counts a document that passes every filter, offering `categories`.
    #[inline(always)]
    pub(super) fn add_all(&mut self, t: &DocTables, d: u32, categories: u8) {
        for &id in t.facets(d) {
            if let Some(c) = self.values.get_mut(id as usize) {
                *c += 1;
            }
        }
        self.add_year(t, d);
        self.add_categories(categories);
    }

    /// Takes back a document counted by [`Counts::set_totals`].
    pub(super) fn remove(&mut self, t: &DocTables, d: u32) {
        for &id in t.facets(d) {
            if let Some(c) = self.values.get_mut(id as usize) {
                *c = c.saturating_sub(1);
            }
        }
        if let Some(c) = self.years.get_mut(t.year_slot(d) as usize) {
            *c = c.saturating_sub(1);
        }
        let categories = t.meta(d).2;
        for (bit, c) in self.categories.iter_mut().enumerate() {
            *c = c.saturating_sub((categories >> bit & 1) as u32);
        }
    }

    #[inline(always)]
    fn add_year(&mut self, t: &DocTables, d: u32) {
        if let Some(c) = self.years.get_mut(t.year_slot(d) as usize) {
            *c += 1;
        }
    }

    #[inline(always)]
    fn add_categories(&mut self, categories: u8) {
        let mut bits = categories;
        while bits != 0 {
            self.categories[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
    }

    /// Filters and counts document `d`; true when it passes every filter. A document counts
    /// for facet F when it passes every filter but F's own: every facet when it fails none,
    /// only F when F is the one it fails, none when it fails two.
    pub(super) fn consider(
        &mut self,
        plan: &FilterPlan,
        t: &DocTables,
        docs: &[Document],
        d: u32,
    ) -> bool {
        let (failed, categories) = plan.eval(t, d, docs);
        match failed {
            0 => {
                self.add_all(t, d, categories);
                return true;
            }
            F_DATE => self.add_year(t, d),
            F_CATEGORY => self.add_categories(categories),
            bit if bit.is_power_of_two() => {
                let kind = bit.trailing_zeros() as u8 - 1;
                match t.facets_of_kind(d, kind) {
                    Some(ids) => {
                        for &id in ids {
                            if let Some(c) = self.values.get_mut(id as usize) {
                                *c += 1;
                            }
                        }
                    }
                    None => {
                        for &id in t.facets(d) {
                            if kind_bit(t.value_kind(id)) == bit {
                                if let Some(c) = self.values.get_mut(id as usize) {
                                    *c += 1;
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        false
    }

    pub(super) fn finish(
        self,
        index: &SearchIndex,
        t: &DocTables,
        f: &Filters,
        plan: &FilterPlan,
    ) -> Facets {
        let from = f.from.map(|(y, _)| y);
        let to = f.to.map(|(y, _)| y);
        let date_filtered = from.is_some() || to.is_some();
        let years: Vec<FacetCount<u16>> = t
            .years
            .iter()
            .zip(&self.years)
            .rev()
            .filter(|(_, &count)| count > 0)
            .map(|(&y, &count)| FacetCount {
                value: y,
                count: count as usize,
                selected: date_filtered && from.is_none_or(|f| y >= f) && to.is_none_or(|t| y <= t),
            })
            .collect();

        let values = index.facet_values();
        let selections = string_selections(f);
        // Per kind, the values to list as sort keys: count descending, then id, which is name
        // order when the values are sorted (as an index builds them).
        let mut keys: [Vec<u64>; 5] = Default::default();
        // Whether value `i` is selected: its name is in its facet's selection. In an index
        // built by this crate values are unique, and the plan marked the selected ones.
        let unique = t.values_sorted;
        let is_selected = |i: usize, kind: usize| {
            if unique {
                plan.selected.get(i).is_some_and(|&b| b != 0)
            } else {
                values
                    .get(i)
                    .is_some_and(|v| selections.get(kind).is_some_and(|s| s.1.contains(&v.name)))
            }
        };
        let any_selected = selections.iter().any(|s| !s.1.is_empty());
        let (counts, kinds) = (self.values.as_slice(), t.value_kinds());
        for i in 0..counts.len().min(kinds.len()) {
            let (count, kind) = (counts[i], kinds[i] as usize);
            // Values with no document are listed when selected.
            let listed = count > 0 || (any_selected && is_selected(i, kind));
            if let (true, Some(keys)) = (listed, keys.get_mut(kind)) {
                keys.push(((u32::MAX - count) as u64) << 32 | i as u64);
            }
        }
        let mut by_kind: [Vec<FacetCount<Name>>; FacetKind::COUNT] = Default::default();
        for (slot, keys) in keys.iter_mut().enumerate() {
            order_by_count(keys);
            let names = selections[slot].1;
            let list = &mut by_kind[slot];
            list.reserve(keys.len());
            for &k in keys.iter() {
                let i = k as u32 as usize;
                let Some(name) = t.value_names.get(i) else {
                    continue;
                };
                list.push(FacetCount {
                    value: name.clone(),
                    count: (u32::MAX - (k >> 32) as u32) as usize,
                    selected: !names.is_empty() && is_selected(i, slot),
                });
            }
            // Selected names the corpus does not have still show (with 0) so they can be
            // removed. A name the plan found is listed already.
            let mut missing = false;
            for name in names.iter() {
                let found = unique
                    && values
                        .binary_search_by(|v| (v.kind as usize, v.name.as_str()).cmp(&(slot, name)))
                        .is_ok();
                if !found && !list.iter().any(|c| *c.value == **name) {
                    list.push(FacetCount {
                        value: name.as_str().into(),
                        count: 0,
                        selected: true,
                    });
                    missing = true;
                }
            }
            if missing || !t.values_sorted {
                order::sort_by(list, |a, b| {
                    b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
                });
            }
        }
        let categories = Category::ALL
            .iter()
            .enumerate()
            .map(|(i, &c)| FacetCount {
                value: c,
                count: self.categories[i] as usize,
                selected: f.categories.contains(&c),
            })
            .filter(|c| c.count > 0 || c.selected)
            .collect();
        Facets {
            years,
            names: PerFacet(by_kind),
            categories,
        }
    }
}
