//! The user's filters resolved against the index once per search ([`FilterPlan`]), then
//! evaluated per document from the index's per-document tables: which filters it fails, and
//! which categories it offers the category facet.

use super::Filters;
use crate::facet::FacetKind;
use crate::index::{DocTables, SearchIndex};
use raqmi_model::document::{Category, Document};

/// The filter bits of [`FilterPlan::eval`]: the date, then one per name facet (see
/// [`kind_bit`]), then the figure categories.
pub(super) const F_DATE: u8 = 1;
pub(super) const F_CATEGORY: u8 = 1 << 6;

/// The filter bit of a facet kind (`FacetKind as u8`): Source, Org, Place, Person, Program
/// take bits 1 to 5; anything else none.
#[inline(always)]
pub(super) fn kind_bit(kind: u8) -> u8 {
    if kind < 5 {
        2 << kind
    } else {
        0
    }
}

fn category_bit(c: Category) -> u8 {
    1 << (c as u8)
}

/// Filters resolved against the index once per search.
pub(super) struct FilterPlan {
    from: Option<(u16, u8)>,
    to: Option<(u16, u8)>,
    /// The bits of the facets that have a selection.
    string_facets: u8,
    /// Per facet value id, its facet's bit when it is selected, else 0 (empty when no facet
    /// has a selection).
    pub(super) selected: Vec<u8>,
    /// Per document, the bits of the facets it has a selected value of (empty when no facet
    /// has a selection): built from the selected values' document lists, so that a document's
    /// names are read only when it fails one of those facets and counts for it.
    has_selected: Vec<u8>,
    categories: u8,
    value_range: Option<(f64, f64)>,
}

impl FilterPlan {
    pub(super) fn new(index: &SearchIndex, f: &Filters) -> FilterPlan {
        let values = index.facet_values();
        let mut selected = Vec::new();
        let mut string_facets = 0;
        for (kind, names) in string_selections(f) {
            if names.is_empty() {
                continue;
            }
            let bit = kind_bit(kind as u8);
            string_facets |= bit;
            if selected.is_empty() {
                selected = vec![0; values.len()];
            }
            for name in names {
                if let Some(i) = values
                    .iter()
                    .position(|v| v.kind == kind && v.name == *name)
                {
                    selected[i] |= bit;
                }
            }
        }
        let mut has_selected = Vec::new();
        if string_facets != 0 {
            let t = index.doc_tables();
            has_selected = vec![0u8; index.doc_count()];
            for (id, &bit) in selected.iter().enumerate() {
                if bit != 0 {
                    for &d in t.docs_with(id as u32) {
                        if let Some(m) = has_selected.get_mut(d as usize) {
                            *m |= bit;
                        }
                    }
                }
            }
        }
        let value_range = match (f.value_min, f.value_max) {
            (None, None) => None,
            (lo, hi) => Some((lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY))),
        };
        FilterPlan {
            from: f.from.map(|(y, m)| (y, m.unwrap_or(1))),
            to: f.to.map(|(y, m)| (y, m.unwrap_or(12))),
            string_facets,
            selected,
            has_selected,
            categories: f.categories.iter().fold(0, |a, &c| a | category_bit(c)),
            value_range,
        }
    }

    /// True when some document can fail a filter.
    pub(super) fn active(&self) -> bool {
        self.from.is_some()
            || self.to.is_some()
            || self.string_facets != 0
            || self.categories != 0
            || self.value_range.is_some()
    }

    /// The filters document `d` fails (bits), and the categories it offers the category facet
    /// (those of its figures within the value range, if one is set). The document itself is
    /// read only for a value range.
    #[inline(always)]
    pub(super) fn eval(&self, t: &DocTables, d: u32, docs: &[Document]) -> (u8, u8) {
        let (year, month, all_categories) = t.meta(d);
        let mut failed = 0;
        if self.from.is_some() || self.to.is_some() {
            let start = (year, if month == 0 { 1 } else { month });
            let end = (year, if month == 0 { 12 } else { month });
            let ok = year != 0
                && self.from.is_none_or(|f| end >= f)
                && self.to.is_none_or(|t| start <= t);
            if !ok {
                failed |= F_DATE;
            }
        }
        let categories = match self.value_range {
            None => all_categories,
            Some((lo, hi)) => docs.get(d as usize).map_or(0, |doc| {
                doc.figures
                    .iter()
                    .filter(|fig| fig.value <= hi && fig.high.unwrap_or(fig.value) >= lo)
                    .fold(0, |m, fig| m | category_bit(fig.category))
            }),
        };
        let category_ok = if self.categories != 0 {
            categories & self.categories != 0
        } else if self.value_range.is_some() {
            categories != 0
        } else {
            true
        };
        if !category_ok {
            failed |= F_CATEGORY;
        }
        if self.string_facets != 0 {
            let ok = self.has_selected.get(d as usize).copied().unwrap_or(0);
            failed |= self.string_facets & !ok;
        }
        (failed, categories)
    }
}

/// Each name facet with its selection.
pub(super) fn string_selections(f: &Filters) -> [(FacetKind, &Vec<String>); FacetKind::COUNT] {
    FacetKind::ALL.map(|k| (k, &f.names[k]))
}
