//! The name facets, enumerated once: every layer that filters or counts by a name (the URL's
//! parameters, the engine's filters and counts, the app's filter panel, the reader's name links)
//! iterates [`FacetKind::ALL`] and indexes a [`PerFacet`] table, so a new facet is one variant
//! here, its parameter name, and its strings.

use raqmi_model::document::EntityKind;
use serde::{Deserialize, Serialize};
use std::ops::{Index, IndexMut};

/// What a document can be filtered and counted by, besides its date and figure categories.
/// The order is the filter panel's, and the discriminant is the kind's byte in the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FacetKind {
    /// The publication that ran the article.
    Source,
    /// Organisations (institutions, companies, associations), canonical names.
    Org,
    /// Places.
    Place,
    /// Persons, without their titles.
    Person,
    /// Programmes and events (an event filters like a programme).
    Program,
}

impl FacetKind {
    /// Every facet, in the filter panel's order.
    pub const ALL: [FacetKind; 5] = [
        FacetKind::Source,
        FacetKind::Org,
        FacetKind::Place,
        FacetKind::Person,
        FacetKind::Program,
    ];
    /// How many facets there are.
    pub const COUNT: usize = Self::ALL.len();

    /// Position in [`FacetKind::ALL`] (and in a [`PerFacet`]).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The kind with this [`FacetKind::index`], if any.
    pub fn from_index(i: usize) -> Option<FacetKind> {
        Self::ALL.get(i).copied()
    }

    /// The facet a name of this kind is filtered and counted in. Events (Devoxx, GITEX) go with
    /// programmes: the facet reads "programme or event", and a click on an event filters by it.
    pub fn of_entity(kind: EntityKind) -> FacetKind {
        match kind {
            EntityKind::Org => FacetKind::Org,
            EntityKind::Place => FacetKind::Place,
            EntityKind::Person => FacetKind::Person,
            EntityKind::Program | EntityKind::Event => FacetKind::Program,
        }
    }

    /// Its URL parameter (`?org=AUSIM`), also the suffix of its strings' keys (`facet.org`).
    pub fn param(self) -> &'static str {
        match self {
            FacetKind::Source => "source",
            FacetKind::Org => "org",
            FacetKind::Place => "place",
            FacetKind::Person => "person",
            FacetKind::Program => "program",
        }
    }

    /// The kind whose URL parameter is `param`.
    pub fn from_param(param: &str) -> Option<FacetKind> {
        Self::ALL.into_iter().find(|k| k.param() == param)
    }
}

/// One value per facet kind, indexed by [`FacetKind`]: the selected names of a filter, the
/// counted names of a search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PerFacet<T>(pub [T; FacetKind::COUNT]);

impl<T> PerFacet<T> {
    /// Each kind with its value, in [`FacetKind::ALL`]'s order.
    pub fn iter(&self) -> impl Iterator<Item = (FacetKind, &T)> {
        FacetKind::ALL.into_iter().zip(self.0.iter())
    }

    /// A table of `f(kind)` for every kind.
    pub fn from_fn(mut f: impl FnMut(FacetKind) -> T) -> Self {
        PerFacet(FacetKind::ALL.map(&mut f))
    }
}

impl<T> Index<FacetKind> for PerFacet<T> {
    type Output = T;
    fn index(&self, kind: FacetKind) -> &T {
        &self.0[kind.index()]
    }
}

impl<T> IndexMut<FacetKind> for PerFacet<T> {
    fn index_mut(&mut self, kind: FacetKind) -> &mut T {
        &mut self.0[kind.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_parameter_and_index() {
        for (i, kind) in FacetKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.index(), i);
            assert_eq!(FacetKind::from_index(i), Some(kind));
            assert_eq!(FacetKind::from_param(kind.param()), Some(kind));
        }
        assert_eq!(FacetKind::from_param("cat"), None);
        assert_eq!(FacetKind::from_index(FacetKind::COUNT), None);
    }

    #[test]
    fn a_table_is_indexed_by_kind() {
        let mut t: PerFacet<Vec<&str>> = PerFacet::default();
        t[FacetKind::Org].push("AUSIM");
        assert_eq!(t[FacetKind::Org], ["AUSIM"]);
        assert!(t[FacetKind::Place].is_empty());
        let params: Vec<&str> = PerFacet::from_fn(FacetKind::param)
            .iter()
            .map(|(_, p)| *p)
            .collect();
        assert_eq!(params, ["source", "org", "place", "person", "program"]);
    }
}
