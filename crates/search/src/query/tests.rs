//! Unit tests of the engine's parts: edit distance, typo neighbours against a full scan of the
//! dictionary, the typed prefix, limits, facet ordering and span merging. The engine as a whole
//! is tested from the crate's `tests/` (against the reference engine, and end to end).

use super::expansion::{most_frequent, typo_neighbours};
use super::facet_counts::order_by_count;
use super::spans::merge;
use super::*;
use crate::index;
use raqmi_model::document::Span;

#[test]
fn one_edit_means_one_insertion_deletion_substitution_or_swap() {
    let c = |s: &str| s.chars().collect::<Vec<_>>();
    let table = [
        ("numerique", "numerique", true),
        ("numerique", "numerqiue", true),
        ("numerique", "numeriqeu", true),
        ("numerique", "nmuerique", true),
        ("numerique", "numerikue", true),
        ("numerique", "numeriquee", true),
        ("numerique", "numrique", true),
        ("numerique", "nmerqiue", false),
        ("numerique", "numeriqu", true),
        ("numerique", "umerique", true),
        ("numerique", "numeri", false),
        ("café", "cafe", true),
    ];
    for (a, b, want) in table {
        assert_eq!(within_one_edit(&c(a), &c(b)), want, "{a} {b}");
        assert_eq!(within_one_edit(&c(b), &c(a)), want, "{b} {a}");
    }
}

#[test]
fn typo_neighbours_match_a_full_scan_of_the_dictionary() {
    let index = SearchIndex::build(&raqmi_testkit::seed_documents());
    for word in [
        "numerique",
        "bumerique",
        "umerique",
        "unumerique",
        "nmuerique",
        "ausim",
        "dausim",
        "digital",
        "igital",
        "idgital",
        "devoxx",
        "marrakech",
        "zzzzz",
    ] {
        let chars: Vec<char> = word.chars().collect();
        let full: Vec<String> = index
            .terms_where("", |k| {
                let k: Vec<char> = String::from_utf8_lossy(k).chars().collect();
                k != chars && within_one_edit(&k, &chars)
            })
            .into_iter()
            .map(|e| e.term)
            .collect();
        let fast: Vec<String> = typo_neighbours(&index, word)
            .into_iter()
            .map(|e| e.term)
            .collect();
        assert_eq!(fast, full, "{word}");
    }
    for word in ["umerique", "bumerique", "nmuerique", "idgital"] {
        let found = typo_neighbours(&index, word);
        assert!(found
            .iter()
            .any(|e| e.term.starts_with("num") || e.term == "digital"));
    }
}

#[test]
fn the_typed_prefix_needs_two_letters_and_no_trailing_space() {
    let last = |q: &str| match parse_query(q).clauses.last() {
        Some(Clause::Word(w)) => Some((w.folded.clone(), w.prefix)),
        _ => None,
    };
    assert_eq!(last("cloud nu"), Some(("nu".into(), true)));
    assert_eq!(last("cloud nu "), Some(("nu".into(), false)));
    assert_eq!(last("cloud n"), Some(("cloud".into(), false)));
    assert_eq!(last("cloud numér."), Some(("numer".into(), false)));
    // A stop word being typed may be the start of a longer word.
    assert_eq!(last("cloud de"), Some(("de".into(), true)));
}

#[test]
fn long_queries_are_capped() {
    let q = (0..100)
        .map(|i| format!("mot{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(parse_query(&q).clauses.len(), MAX_CLAUSES);
    let long = "x".repeat(50_000);
    assert!(parse_query(&long).clauses.len() <= 1);
}

#[test]
fn facet_keys_are_ordered_like_the_radix_sort_orders_them() {
    let key = |count: u32, id: u64| ((u32::MAX - count) as u64) << 32 | id;
    for counts in [
        vec![1, 1, 2, 1, 5, 1, 1, 3, 2, 1],
        (0..500).map(|i| (i * 7 % 13) as u32).collect(),
        (0..100).map(|i| 1 + (i * 37 % 1000) as u32).collect(),
        (0..40).map(|i| if i == 3 { 10_000 } else { 1 }).collect(),
    ] {
        let mut keys: Vec<u64> = counts
            .iter()
            .enumerate()
            .map(|(id, &c)| key(c, id as u64 * 3))
            .collect();
        let mut want = keys.clone();
        index::sort_keys(&mut want);
        order_by_count(&mut keys);
        assert_eq!(keys, want);
    }
}

#[test]
fn merged_spans_do_not_overlap() {
    let s = |a, b| Span::new(a, b);
    let mut spans = vec![s(5, 9), s(0, 3), s(2, 4), s(9, 12)];
    merge(&mut spans, &mut Vec::new());
    assert_eq!(spans, [s(0, 4), s(5, 9), s(9, 12)]);
}

#[test]
fn most_frequent_keeps_what_a_stable_sort_by_frequency_keeps() {
    // The whole dictionary and a few prefixes' completions: many ties, many more than kept.
    let index = SearchIndex::build(&raqmi_testkit::seed_documents());
    for prefix in ["", "d", "m", "pro", "n"] {
        let entries = index.terms_where(prefix, |_| true);
        for keep in [0, 1, 5, MAX_TYPO_TERMS, MAX_PREFIX_TERMS] {
            // Under the limit, left as found; over it, the most frequent, ties in found order.
            let mut want = entries.clone();
            if want.len() > keep {
                want.sort_by_key(|e| std::cmp::Reverse(e.postings_len()));
                want.truncate(keep);
            }
            let mut got = entries.clone();
            most_frequent(&mut got, keep);
            assert_eq!(got, want, "prefix {prefix:?}, keep {keep}");
        }
    }
}
