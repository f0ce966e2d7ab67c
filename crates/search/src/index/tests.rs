//! Tests of the index's parts: stop words, the integer sort, varints, the dictionary, postings
//! and fields, stems, and damaged bytes (decoded and searched without a panic).

use super::*;
use raqmi_model::text;
use raqmi_testkit::article;

#[test]
fn stop_words_are_sorted_folded_and_unique() {
    for w in STOP_WORDS.windows(2) {
        assert!(w[0] < w[1], "{} !< {}", w[0], w[1]);
    }
    for w in STOP_WORDS {
        assert_eq!(text::fold(w), *w);
    }
    assert!(is_stop_word("l") && is_stop_word("de") && !is_stop_word("ausim"));
}

#[test]
fn sorting_keys_agrees_with_the_standard_sort() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for n in [0, 1, 2, 3, 31, 32, 33, 100, 1000, 5000] {
        for spread in [u64::MAX, 0xffff, 0xff_0000_0000, 7] {
            let mut keys: Vec<u64> = (0..n).map(|_| next() & spread).collect();
            let mut want = keys.clone();
            want.sort_unstable();
            sort_keys(&mut keys);
            assert_eq!(keys, want, "n {n} spread {spread:x}");
        }
    }
}

#[test]
fn varints_round_trip_and_refuse_garbage() {
    let mut out = Vec::new();
    for v in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
        put_varint(&mut out, v);
    }
    let mut r = Reader::new(&out);
    for v in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
        assert_eq!(r.varint(), Some(v));
    }
    assert_eq!(r.varint(), None);
    assert_eq!(Reader::new(&[0xff; 6]).varint(), None);
    assert_eq!(Reader::new(&[0x80]).varint(), None);
}

#[test]
fn dictionary_finds_every_key_and_prefix_ranges() {
    let keys: Vec<String> = (0..200).map(|i| format!("k{i:04}x")).collect();
    let d = Dictionary::build(keys.iter().map(|k| (k.as_bytes(), 3)));
    for (i, k) in keys.iter().enumerate() {
        let (id, p) = d.find(k.as_bytes()).expect(k);
        assert_eq!((id as usize, p), (i, i * 3..i * 3 + 3));
    }
    assert!(d.find(b"k0000").is_none() && d.find(b"zz").is_none() && d.find(b"").is_none());
    let idx = SearchIndex {
        terms: d,
        ..Default::default()
    };
    let p: Vec<_> = idx
        .terms_with_prefix("k001")
        .into_iter()
        .map(|e| e.term)
        .collect();
    assert_eq!(p.len(), 10);
    assert_eq!(p[0], "k0010x");
    assert!(idx.terms_with_prefix("a").is_empty());
    assert_eq!(idx.terms_with_prefix("k").len(), 200);
}

#[test]
fn postings_hold_byte_offsets_and_fields() {
    let d = article(
        "a",
        "Le numérique au Maroc\n\nLe numérique, encore le NUMÉRIQUE.",
    );
    let idx = SearchIndex::build(std::slice::from_ref(&d));
    let e = idx.term("numerique").expect("indexed");
    let mut p = idx.postings(&e);
    let mut occ = Vec::new();
    assert_eq!(p.next_doc(&mut occ), Some(0));
    let parts: Vec<_> = occ.iter().map(|&o| occurrence_parts(o)).collect();
    assert_eq!(parts.len(), 3);
    assert!(parts[0].1 && !parts[1].1 && !parts[2].1);
    for (addr, _) in parts {
        assert!(d.text[addr as usize..].to_lowercase().starts_with("num"));
    }
    assert!(idx.term("le").is_none(), "stop words are not indexed");
    assert_eq!(idx.lengths(0), (2, 3));
}

#[test]
fn a_title_from_settings_is_indexed_at_virtual_addresses() {
    let mut d = article("a", "Un article sans titre sur l'AUSIM.");
    d.headline = Some("Assises de l'AUSIM".into());
    let idx = SearchIndex::build(std::slice::from_ref(&d));
    let e = idx.term("assises").expect("title indexed");
    let mut occ = Vec::new();
    idx.postings(&e).next_doc(&mut occ);
    let (addr, headline) = occurrence_parts(occ[0]);
    assert!(headline);
    assert_eq!(addr as usize, d.text.len() + 1);
}

#[test]
fn stems_group_inflections() {
    let d = article("a", "Une formation, des formations, formateur.");
    let idx = SearchIndex::build(&[d]);
    let s = stem(&french_stemmer(), "formations");
    let terms: Vec<_> = idx
        .terms_with_stem(&s)
        .into_iter()
        .map(|e| e.term)
        .collect();
    assert!(terms.contains(&"formation".to_string()), "{terms:?}");
    assert!(terms.contains(&"formations".to_string()), "{terms:?}");
}

#[test]
fn damaged_bytes_never_panic() {
    use crate::facet::FacetKind;
    use crate::query::{kwic, matches_for, search, Filters};
    let mut d = article(
        "a",
        "Le numérique au Maroc\n\nLa formation digitale, le numérique et l'intelligence \
         artificielle.",
    );
    d.source = Some("Source".into());
    let docs = [
        d.clone(),
        article("b", "Le Maroc numérique et la formation."),
    ];
    let idx = SearchIndex::build(&docs);
    let bytes = postcard::to_allocvec(&idx).expect("encodes");
    let filters = Filters {
        from: Some((2020, None)),
        ..Filters::default()
    }
    .with_names(FacetKind::Source, ["Source"]);
    for i in 0..bytes.len() {
        for flip in [0x5a, 0x80, 0x01] {
            let mut b = bytes.clone();
            b[i] ^= flip;
            let Ok(bad) = postcard::from_bytes::<SearchIndex>(&b) else {
                continue;
            };
            for t in bad.terms_with_prefix("") {
                let mut p = bad.postings(&t);
                let mut occ = Vec::new();
                while p.next_doc(&mut occ).is_some() {}
                let mut p = bad.postings(&t);
                while p.next_counts().is_some() {}
                let mut p = bad.postings(&t);
                while p.next_bytes().is_some() {}
            }
            bad.terms_with_stem("numer");
            bad.term("numerique");
            let mut v = Vec::new();
            bad.doc_facets(0, &mut v);
            bad.lengths(0);
            // The whole engine on the damaged index: derived tables, ranking, facets,
            // phrases, spans.
            for q in [
                "",
                "numérique",
                "numér",
                "\"intelligence artificielle\"",
                "formaton",
            ] {
                for f in [&Filters::default(), &filters] {
                    search(&bad, &docs, q, f);
                    kwic(&bad, &docs, q, f, 10, 10);
                }
                matches_for(&bad, &docs, q, 0);
            }
        }
    }
}
