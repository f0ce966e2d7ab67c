//! Across articles: the figures that measure the same thing (equal `measure` keys, see
//! `raqmi_extract::meaning`) read together. Pure and shared by the app and the CLI.
//!
//! - A **series** is a measure reported for at least two different years (members of an
//!   association per year, participants per edition of an event): its points, oldest first.
//! - A **disagreement** is a measure reported for the same year by two articles whose values
//!   cannot both be true once their qualifiers are allowed for. Each figure stands for an
//!   interval ([`bounds`]):
//!   - exact: ± [`EXACT_TOLERANCE`] (the press rounds: "13,3 millions");
//!   - "plus de v": [v, v × [`OVER_FACTOR`]] (nobody writes "plus de 100" for 1 000);
//!   - "environ v": v ± [`ABOUT_TOLERANCE`]; "moins de v": [v × [`UNDER_FACTOR`], v];
//!     "jusqu'à v": [0, v]; a range: [low, high];
//!
//!   two figures disagree when their intervals do not meet: "plus de 100" and 120 agree, 108
//!   and 150 do not. A year's group yields at most one disagreement, between its two most
//!   distant figures from different articles, so a widely reported measure cannot flood the list.
//!
//! Figures without a measure key or a period, ordinals and years are left out: an ordinal
//! ("7ème édition") counts nothing.

use raqmi_model::document::{Document, Figure, FigureKind, Qualifier};
use raqmi_model::order;

/// Relative tolerance of an exact figure (0.02: 2 %).
pub const EXACT_TOLERANCE: f64 = 0.02;
/// Relative tolerance of "environ", "près de", "une centaine" (0.2: 20 %).
pub const ABOUT_TOLERANCE: f64 = 0.2;
/// How far above v "plus de v" may go (1.5: up to 150 % of v).
pub const OVER_FACTOR: f64 = 1.5;
/// How far below v "moins de v" may go (0.5: down to half of v).
pub const UNDER_FACTOR: f64 = 0.5;

/// One figure of a corpus: document index and figure index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FigureRef {
    pub doc: usize,
    pub figure: usize,
}

/// A measure over the years.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub measure: String,
    /// One point per year, oldest first; each holds every figure of that year.
    pub points: Vec<(u16, Vec<FigureRef>)>,
}

/// Two figures of the same measure and year that cannot both be true.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub measure: String,
    pub year: u16,
    /// The lower figure, then the higher one, from different articles.
    pub low: FigureRef,
    pub high: FigureRef,
}

/// The series and disagreements of a corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measures {
    pub series: Vec<Series>,
    pub disagreements: Vec<Disagreement>,
    /// Each figure's series and disagreement (indexes into the lists above), sorted by figure,
    /// so that a table of every figure looks each one up by binary search. Sorted lists, not
    /// maps: the app computes these too, and a `BTreeMap` or `HashMap` instance costs its wasm
    /// some 20 KB of code (the sort is the one it already links, `raqmi_model::order`).
    of_figure: Vec<(FigureRef, Option<usize>, Option<usize>)>,
}

impl Measures {
    /// Reads `docs` (see the module header for the rules).
    pub fn of(docs: &[Document]) -> Measures {
        let mut all: Vec<(&str, u16, FigureRef)> = Vec::new();
        for (di, d) in docs.iter().enumerate() {
            for (fi, f) in d.figures.iter().enumerate() {
                let Some(period) = f.meaning.period else {
                    continue;
                };
                let countable = !matches!(f.kind, FigureKind::Ordinal | FigureKind::Year);
                if f.meaning.measure.is_empty() || !countable || !f.value.is_finite() {
                    continue;
                }
                let r = FigureRef {
                    doc: di,
                    figure: fi,
                };
                all.push((&f.meaning.measure, period.year, r));
            }
        }
        let all = by_measure_and_year(all);
        let mut out = Measures::default();
        let fig = |r: FigureRef| &docs[r.doc].figures[r.figure];
        for group in all.chunk_by(|a, b| a.0 == b.0) {
            let measure = group[0].0;
            let years: Vec<(u16, Vec<FigureRef>)> = group
                .chunk_by(|a, b| a.1 == b.1)
                .map(|year| (year[0].1, year.iter().map(|x| x.2).collect()))
                .collect();
            for (year, refs) in &years {
                if let Some((low, high)) = most_distant(refs, &fig) {
                    out.disagreements.push(Disagreement {
                        measure: measure.to_string(),
                        year: *year,
                        low,
                        high,
                    });
                }
            }
            if years.len() >= 2 {
                out.series.push(Series {
                    measure: measure.to_string(),
                    points: years,
                });
            }
        }
        // The lists in key order (the groups came in hash order), as `corpus conflicts` prints.
        order::sort_by(&mut out.series, |a, b| a.measure.cmp(&b.measure));
        order::sort_by(&mut out.disagreements, |a, b| {
            (&a.measure, a.year).cmp(&(&b.measure, b.year))
        });
        let mut of_figure = Vec::new();
        for (i, s) in out.series.iter().enumerate() {
            for &r in s.points.iter().flat_map(|(_, refs)| refs) {
                of_figure.push((r, Some(i), None));
            }
        }
        for (i, d) in out.disagreements.iter().enumerate() {
            for r in [d.low, d.high] {
                of_figure.push((r, None, Some(i)));
            }
        }
        // A figure of both a series and a disagreement: its two entries made one.
        order::sort_by(&mut of_figure, |a, b| a.0.cmp(&b.0));
        out.of_figure = of_figure
            .chunk_by(|a, b| a.0 == b.0)
            .map(|same| {
                let series = same.iter().find_map(|x| x.1);
                (same[0].0, series, same.iter().find_map(|x| x.2))
            })
            .collect();
        out
    }

    fn entry(&self, r: FigureRef) -> Option<&(FigureRef, Option<usize>, Option<usize>)> {
        let i = self.of_figure.binary_search_by(|x| x.0.cmp(&r)).ok()?;
        self.of_figure.get(i)
    }

    /// The series a figure belongs to.
    pub fn series_of(&self, r: FigureRef) -> Option<&Series> {
        self.series.get(self.entry(r)?.1?)
    }

    /// The disagreement a figure is part of.
    pub fn disagreement_of(&self, r: FigureRef) -> Option<&Disagreement> {
        self.disagreements.get(self.entry(r)?.2?)
    }
}

/// FNV-1a, 32 bits: groups the keys before they are compared.
fn key_hash(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The figures grouped by measure, then year, each year's figures in corpus order. Comparing
/// the keys' strings in one sort of every figure took 0.7 s at 10 000 articles (the scale
/// bench, natively; 126 ms this way, 258 ms with a `BTreeMap`); instead, one radix sort (`index::sort_keys`, already in the app) of a
/// 32-bit hash of the key with the figure's position, then an exact sort of each run of equal
/// hashes by key and year: runs are one measure's figures (a few), or two keys whose hashes
/// collide, which the exact sort separates.
fn by_measure_and_year(all: Vec<(&str, u16, FigureRef)>) -> Vec<(&str, u16, FigureRef)> {
    let mut keys: Vec<u64> = all
        .iter()
        .enumerate()
        .map(|(i, x)| u64::from(key_hash(x.0)) << 32 | i as u64)
        .collect();
    crate::index::sort_keys(&mut keys);
    let mut out: Vec<(&str, u16, FigureRef)> = keys
        .iter()
        .map(|k| all[(k & 0xffff_ffff) as usize])
        .collect();
    let mut start = 0;
    while start < keys.len() {
        let h = keys[start] >> 32;
        let end = start + keys[start..].iter().take_while(|k| *k >> 32 == h).count();
        // Stable: each year's figures stay in corpus order (the run is in position order).
        order::sort_by(&mut out[start..end], |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        start = end;
    }
    out
}

/// The interval of values a figure allows (see the module header).
pub fn bounds(f: &Figure) -> (f64, f64) {
    let v = f.value;
    if let Some(h) = f.high.filter(|h| h.is_finite()) {
        return (v.min(h), v.max(h));
    }
    let (lo, hi) = match f.qualifier {
        None => (v * (1.0 - EXACT_TOLERANCE), v * (1.0 + EXACT_TOLERANCE)),
        Some(Qualifier::Over) => (v, v * OVER_FACTOR),
        Some(Qualifier::About) => (v * (1.0 - ABOUT_TOLERANCE), v * (1.0 + ABOUT_TOLERANCE)),
        Some(Qualifier::Under) => (v * UNDER_FACTOR, v),
        Some(Qualifier::UpTo) => (0.0, v),
    };
    (lo.min(hi), lo.max(hi))
}

/// True when two figures can both be true.
pub fn agree(a: &Figure, b: &Figure) -> bool {
    let (a, b) = (bounds(a), bounds(b));
    a.0 <= b.1 && b.0 <= a.1
}

/// The figure whose interval ends lowest and the one that starts highest, from different
/// articles, when they do not meet.
fn most_distant<'a>(
    refs: &[FigureRef],
    fig: &impl Fn(FigureRef) -> &'a Figure,
) -> Option<(FigureRef, FigureRef)> {
    let items: Vec<(FigureRef, f64, f64)> = refs
        .iter()
        .map(|&r| {
            let (lo, hi) = bounds(fig(r));
            (r, lo, hi)
        })
        .collect();
    // The lowest end among the figures not of article `not`, and the highest start.
    let lowest = |not: Option<usize>| {
        (items.iter())
            .filter(|i| Some(i.0.doc) != not)
            .min_by(|a, b| a.2.total_cmp(&b.2))
    };
    let highest = |not: Option<usize>| {
        (items.iter())
            .filter(|i| Some(i.0.doc) != not)
            .max_by(|a, b| a.1.total_cmp(&b.1))
    };
    let (l, h) = (*lowest(None)?, *highest(None)?);
    let pairs = [
        (Some(l), highest(Some(l.0.doc)).copied()),
        (lowest(Some(h.0.doc)).copied(), Some(h)),
    ];
    pairs.into_iter().find_map(|pair| match pair {
        (Some(a), Some(b)) if a.2 < b.1 => Some((a.0, b.0)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two different keys with the same 32-bit hash (found by trying "k0", "k1", …; checked
    /// here so that the test fails if the hash changes and they no longer collide).
    fn colliding_keys() -> (String, String) {
        let (a, b) = ("k32728".to_string(), "k261234".to_string());
        assert_eq!(key_hash(&a), key_hash(&b));
        (a, b)
    }

    #[test]
    fn keys_whose_hashes_collide_stay_apart_and_each_year_keeps_corpus_order() {
        let (a, b) = colliding_keys();
        assert_ne!(a, b);
        let r = |doc| FigureRef { doc, figure: 0 };
        let all = vec![
            (a.as_str(), 2023, r(0)),
            (b.as_str(), 2023, r(1)),
            (a.as_str(), 2022, r(2)),
            (b.as_str(), 2022, r(3)),
            (a.as_str(), 2023, r(4)),
            ("other", 2023, r(5)),
        ];
        let out = by_measure_and_year(all);
        let got: Vec<(&str, u16, usize)> = out.iter().map(|x| (x.0, x.1, x.2.doc)).collect();
        // Each key's figures together, by year, then in corpus order within a year.
        let groups: Vec<&[(&str, u16, usize)]> = got.chunk_by(|x, y| x.0 == y.0).collect();
        assert_eq!(groups.len(), 3, "{got:?}");
        let of = |k: &str| groups.iter().find(|g| g[0].0 == k).unwrap().to_vec();
        assert_eq!(
            of(&a),
            [
                (a.as_str(), 2022, 2),
                (a.as_str(), 2023, 0),
                (a.as_str(), 2023, 4)
            ]
        );
        assert_eq!(of(&b), [(b.as_str(), 2022, 3), (b.as_str(), 2023, 1)]);
        assert_eq!(of("other"), [("other", 2023, 5)]);
    }
}
