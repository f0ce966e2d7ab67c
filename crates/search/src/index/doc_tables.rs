//! The derived tables (see "Derived tables" in the `index` module header): flat per-document
//! arrays and corpus-wide totals, built from the stored parts on the first search and never
//! serialized, so that filters and facet counts read no varint per document.

use super::sort::sort_keys;
use super::SearchIndex;

/// [`DocTables`] behind a once-cell: derived data, so it never takes part in comparisons and a
/// clone starts empty (rebuilt on demand). Shared (`Arc`): the indexes the data files' reader
/// makes of one tables part, one per query, lend it to each other
/// ([`SearchIndex::lend_doc_tables`]).
#[derive(Default)]
pub(super) struct TablesCell(pub(super) std::sync::OnceLock<std::sync::Arc<DocTables>>);

impl Clone for TablesCell {
    fn clone(&self) -> Self {
        TablesCell::default()
    }
}

impl PartialEq for TablesCell {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for TablesCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TablesCell")
    }
}

/// The set of two-byte beginnings of the dictionary's terms (`SearchIndex::may_be_a_term`),
/// behind a once-cell like [`TablesCell`]; apart from the [`DocTables`] because it reads the
/// terms, which differ between the indexes that share those.
#[derive(Default)]
pub(super) struct PairsCell(pub(super) std::sync::OnceLock<Vec<u64>>);

impl Clone for PairsCell {
    fn clone(&self) -> Self {
        PairsCell::default()
    }
}

impl PartialEq for PairsCell {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for PairsCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PairsCell")
    }
}

/// The slot of an undated document in [`DocTables::year_slot`].
pub const NO_YEAR: u16 = u16::MAX;

/// Flat per-document arrays and corpus-wide facet totals (see the `index` module header).
#[derive(Debug, Default)]
pub struct DocTables {
    /// Document `d`'s facet value ids are `facet_ids[facet_starts[d]..facet_starts[d + 1]]`
    /// (ids that name no value are dropped).
    facet_starts: Vec<u32>,
    facet_ids: Vec<u32>,
    /// Per facet value, its kind (`FacetKind as u8`).
    value_kinds: Vec<u8>,
    /// Per facet value, its name, shared: facet counts list thousands of names per search, and
    /// a shared name is a count to increment, not a string to allocate and copy.
    pub value_names: Vec<std::sync::Arc<str>>,
    /// True when the facet values are sorted by kind then name, as an index builds them.
    pub values_sorted: bool,
    /// When they are, the first id of each kind (and the count last): a document's ids
    /// (increasing) of one kind are then one run.
    kind_starts: Option<[u32; 6]>,
    /// Every year a document is dated in, increasing.
    pub years: Vec<u16>,
    /// Per document, its year's position in `years`, or [`NO_YEAR`].
    year_slot: Vec<u16>,
    /// Per document, (year or 0, month or 0, categories bit set), as in `meta`.
    meta: Vec<(u16, u8, u8)>,
    /// Per document, its position in the newest-first order: recency, then document number.
    rank: Vec<u32>,
    /// The documents in that order.
    pub by_rank: Vec<u32>,
    /// Documents per facet value, per year slot and per category bit, over the whole corpus.
    pub total_values: Vec<u32>,
    pub total_years: Vec<u32>,
    pub total_categories: [u32; 8],
    /// BM25 length norms per document, for one length-normalization weight (its bits).
    norms: std::sync::OnceLock<(u32, Vec<[f32; 2]>)>,
    /// Per facet value, the documents that have it: value `id`'s are
    /// `value_docs.1[value_docs.0[id]..value_docs.0[id + 1]]`, increasing (built on the first
    /// filter by a name).
    value_docs: std::sync::OnceLock<(Vec<u32>, Vec<u32>)>,
    /// The tokens of the documents whose match spans were read from their texts (an index
    /// without offsets), kept for the next queries' hits.
    pub tokens: super::TokenCache,
}

impl DocTables {
    pub(super) fn build(index: &SearchIndex) -> DocTables {
        let n = index.doc_count();
        let values = index.facet_values();
        let mut t = DocTables {
            value_kinds: values.iter().map(|v| v.kind as u8).collect(),
            value_names: values.iter().map(|v| v.name.as_str().into()).collect(),
            values_sorted: values.windows(2).all(|w| w[0] < w[1]),
            total_values: vec![0; values.len()],
            ..DocTables::default()
        };
        if t.values_sorted {
            let mut starts = [0u32; 6];
            for (k, start) in starts.iter_mut().enumerate() {
                *start = t.value_kinds.partition_point(|&v| (v as usize) < k) as u32;
            }
            t.kind_starts = Some(starts);
        }
        t.facet_starts.reserve(n + 1);
        let mut ids = Vec::new();
        for d in 0..n as u32 {
            t.facet_starts.push(t.facet_ids.len() as u32);
            index.doc_facets(d, &mut ids);
            for &id in &ids {
                if let Some(c) = t.total_values.get_mut(id as usize) {
                    *c += 1;
                    t.facet_ids.push(id);
                }
            }
            let (date, cats) = index.meta(d);
            let (year, month) = date.map_or((0, 0), |(y, m)| (y, m.unwrap_or(0)));
            t.meta.push((year, month, cats));
            for (bit, c) in t.total_categories.iter_mut().enumerate() {
                *c += (cats >> bit & 1) as u32;
            }
        }
        t.facet_starts.push(t.facet_ids.len() as u32);

        let mut years: Vec<u64> = t
            .meta
            .iter()
            .map(|m| m.0 as u64)
            .filter(|&y| y != 0)
            .collect();
        sort_keys(&mut years);
        years.dedup();
        t.years = years.into_iter().map(|y| y as u16).collect();
        t.total_years = vec![0; t.years.len()];
        t.year_slot = t
            .meta
            .iter()
            .map(|m| match t.years.binary_search(&m.0) {
                Ok(i) if m.0 != 0 => {
                    t.total_years[i] += 1;
                    i as u16
                }
                _ => NO_YEAR,
            })
            .collect();

        // The stored ranks are a permutation in any index this crate built; anything else
        // (damaged bytes) is ordered by (rank, document) like the stored order would be.
        let mut by_rank = vec![u32::MAX; n];
        let mut valid = true;
        for d in 0..n as u32 {
            match by_rank.get_mut(index.recency(d) as usize) {
                Some(slot) if *slot == u32::MAX => *slot = d,
                _ => {
                    valid = false;
                    break;
                }
            }
        }
        if !valid {
            let mut keys: Vec<u64> = (0..n as u32)
                .map(|d| (index.recency(d) as u64) << 32 | d as u64)
                .collect();
            sort_keys(&mut keys);
            by_rank = keys.into_iter().map(|k| k as u32).collect();
        }
        t.rank = vec![0; n];
        for (r, &d) in by_rank.iter().enumerate() {
            t.rank[d as usize] = r as u32;
        }
        t.by_rank = by_rank;
        t
    }

    /// The facet value ids of document `d`.
    #[inline(always)]
    pub fn facets(&self, d: u32) -> &[u32] {
        let d = d as usize;
        match (self.facet_starts.get(d), self.facet_starts.get(d + 1)) {
            (Some(&a), Some(&b)) => self.facet_ids.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
    /// Per facet value id, its kind (`FacetKind as u8`).
    pub fn value_kinds(&self) -> &[u8] {
        &self.value_kinds
    }
    /// The facet value ids of one kind (`FacetKind as u8`) of document `d`, when the values
    /// are sorted (else `None`: filter [`DocTables::facets`] by [`DocTables::value_kind`]).
    #[inline(always)]
    pub fn facets_of_kind(&self, d: u32, kind: u8) -> Option<&[u32]> {
        let starts = self.kind_starts.as_ref()?;
        let (lo, hi) = (*starts.get(kind as usize)?, *starts.get(kind as usize + 1)?);
        let ids = self.facets(d);
        // A document has a dozen names: a scan beats a binary search (no chain of loads).
        let mut a = 0;
        while a < ids.len() && ids[a] < lo {
            a += 1;
        }
        let mut b = a;
        while b < ids.len() && ids[b] < hi {
            b += 1;
        }
        Some(&ids[a..b])
    }
    /// The kind of facet value `id` (`FacetKind as u8`), or `u8::MAX` for no value.
    #[inline(always)]
    pub fn value_kind(&self, id: u32) -> u8 {
        self.value_kinds
            .get(id as usize)
            .copied()
            .unwrap_or(u8::MAX)
    }
    /// Document `d`'s (year or 0, month or 0, categories bit set).
    #[inline(always)]
    pub fn meta(&self, d: u32) -> (u16, u8, u8) {
        self.meta.get(d as usize).copied().unwrap_or((0, 0, 0))
    }
    /// Document `d`'s position in [`DocTables::years`], or [`NO_YEAR`].
    #[inline(always)]
    pub fn year_slot(&self, d: u32) -> u16 {
        self.year_slot.get(d as usize).copied().unwrap_or(NO_YEAR)
    }
    /// Document `d`'s position in the newest-first order.
    #[inline(always)]
    pub fn rank(&self, d: u32) -> u32 {
        self.rank.get(d as usize).copied().unwrap_or(u32::MAX)
    }
    /// The documents that have facet value `id`, increasing.
    pub fn docs_with(&self, id: u32) -> &[u32] {
        let (starts, docs) = self.value_docs.get_or_init(|| {
            // A counting sort of the (value, document) pairs: `total_values` counts them.
            let mut starts = Vec::with_capacity(self.total_values.len() + 1);
            let mut at = 0u32;
            for &c in &self.total_values {
                starts.push(at);
                at += c;
            }
            starts.push(at);
            let mut next = starts.clone();
            let mut docs = vec![0u32; at as usize];
            for d in 0..self.meta.len() as u32 {
                for &id in self.facets(d) {
                    if let Some(slot) = next.get_mut(id as usize) {
                        if let Some(x) = docs.get_mut(*slot as usize) {
                            *x = d;
                        }
                        *slot += 1;
                    }
                }
            }
            (starts, docs)
        });
        let i = id as usize;
        match (starts.get(i), starts.get(i + 1)) {
            (Some(&a), Some(&b)) => docs.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
    /// Per document, the (headline, body) BM25 length norms for the length-normalization
    /// weight `b`, computed by `norm` on the first call (the ranking's own formula: the index
    /// does not know it); `None` when asked for another `b` than the first one (the caller
    /// then computes them as it goes).
    pub fn norms(&self, b: f32, norm: impl Fn(u32) -> [f32; 2]) -> Option<&[[f32; 2]]> {
        let (bits, norms) = self
            .norms
            .get_or_init(|| (b.to_bits(), (0..self.meta.len() as u32).map(norm).collect()));
        (*bits == b.to_bits()).then_some(norms.as_slice())
    }
}
