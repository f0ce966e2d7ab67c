//! One stable sort for the whole crate, instead of the standard library's sorts.
//!
//! `slice::sort_by` (driftsort) and `sort_unstable_by` (ipnsort) are generic over the element
//! type *and* the comparison closure, so every call site compiles its own copy of a large
//! routine: in the web app each copy weighs 3–5 KB of wasm. Here the sorting itself is one
//! non-generic merge sort of indices with a `&dyn` comparison ([`sorted_indices`]); what stays
//! generic per call site ([`sort_by`]: a closure and a permutation by swaps) is a few dozen
//! bytes. The order is exactly `slice::sort_by`'s: stable, O(n log n) comparisons.

use std::cmp::Ordering;

/// The indices `0..n` sorted by `cmp`, equal ones kept in increasing order (a stable sort).
pub fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    // Bottom-up merge sort: runs of `width` merged pairwise into runs of twice that.
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut to[lo..hi] {
                // The right run's element goes first only when strictly smaller: stability.
                if j < hi && (i >= mid || cmp(from[j], from[i]) == Ordering::Less) {
                    *slot = from[j];
                    j += 1;
                } else {
                    *slot = from[i];
                    i += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Sorts `v` by `cmp` like `v.sort_by(cmp)` (stable), through [`sorted_indices`].
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Reorders `v` so that `v[k]` becomes the former `v[order[k]]`, following each cycle of the
/// permutation once with swaps.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        let mut k = start;
        while !done[k] {
            done[k] = true;
            let next = order[k];
            if next == start {
                break;
            }
            // `next` still holds its own element (`start`'s now sits at `next` after the swap).
            v.swap(k, next);
            k = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn small_cases() {
        assert!(sorted_indices(0, &|_, _| Ordering::Equal).is_empty());
        assert_eq!(sorted_indices(1, &|_, _| Ordering::Equal), [0]);
        let keys = [3, 1, 2, 1, 3, 0];
        assert_eq!(
            sorted_indices(keys.len(), &|a, b| keys[a].cmp(&keys[b])),
            [5, 1, 3, 2, 0, 4]
        );
        let mut words = vec!["pomme", "kiwi", "abricot", "figue", "noix"];
        sort_by(&mut words, |a, b| a.len().cmp(&b.len()));
        assert_eq!(words, ["kiwi", "noix", "pomme", "figue", "abricot"]);
    }

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(keys in proptest::collection::vec(0u8..6, 0..200)) {
            // Few distinct keys: many ties, whose order tells a stable sort from another.
            let mut ours: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut std = ours.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn descending_and_compound_orders(keys in proptest::collection::vec((0u8..4, 0u16..50), 0..300)) {
            let order = sorted_indices(keys.len(), &|a, b| {
                keys[b].0.cmp(&keys[a].0).then(keys[a].1.cmp(&keys[b].1))
            });
            let mut std: Vec<usize> = (0..keys.len()).collect();
            std.sort_by(|&a, &b| keys[b].0.cmp(&keys[a].0).then(keys[a].1.cmp(&keys[b].1)));
            prop_assert_eq!(order, std);
        }
    }
}
