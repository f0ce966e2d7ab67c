//! The positions shards (version 6): a query without a phrase reads the postings shards'
//! counts alone and finds its hits' match spans in their text, with the very results, spans,
//! snippets and keyword-in-context lines of the whole index (which has every offset); a query
//! with a phrase reads the positions shards too. Over the seeds, a synthetic corpus and
//! articles with a title of their own (a headline at virtual addresses); queries of every kind
//! made from the corpora's own words.

use super::tests::{by_name, fixture, open_corpus, SMALL};
use super::*;
use crate::index::{index_term, join_postings, split_postings, SearchIndex};
use crate::query::{
    kwic, matches_for, parse_query, search, snippet, Clause, Filters, SearchResults, MATCHED_HITS,
};
use raqmi_extract::ingest::{ingest_text, Overrides};
use raqmi_model::document::Document;
use raqmi_model::text;
use std::collections::HashMap;

/// Searches as `search_fetching` does, also returning the kinds of the files fetched.
fn search_kinds(
    c: &mut ShardedCorpus,
    files: &HashMap<&str, &[u8]>,
    q: &str,
) -> (SearchResults, Vec<FileKind>) {
    let mut kinds = Vec::new();
    for _ in 0..8 {
        match c.search(q, &Filters::default()) {
            Ok(r) => return (r, kinds),
            Err(Need(refs)) => {
                for r in refs {
                    let name = c.manifest().name(r);
                    c.add(r, files[name.as_str()]).expect("a good file");
                    kinds.push(r.kind);
                }
            }
        }
    }
    panic!("{q:?}: still needing files after 8 rounds");
}

/// Queries of every kind from the corpus's own words: single words, prefixes, typos (one
/// dropped or swapped letter), inflections (a plural), two words, two-word phrases (adjacent
/// words of a text, so that they are found) and a headline's words.
fn queries_of(docs: &[Document]) -> Vec<String> {
    let mut out = Vec::new();
    for d in docs.iter().step_by((docs.len() / 12).max(1)) {
        let words: Vec<&str> = text::tokens(&d.text)
            .map(|t| t.text)
            .filter(|w| w.chars().count() >= 6)
            .step_by(5)
            .take(4)
            .collect();
        let Some(&w) = words.first() else { continue };
        let chars: Vec<char> = w.chars().collect();
        let cut = |n: usize| chars[..n.min(chars.len())].iter().collect::<String>();
        out.push(w.to_string());
        out.push(w.to_uppercase());
        out.push(cut(4));
        out.push(format!("{} ", cut(5)));
        let rest = |from: usize| chars[from..].iter().collect::<String>();
        out.push(format!("{}{}", cut(2), rest(3)));
        out.push(format!("{}{}{}", chars[1], chars[0], rest(2)));
        out.push(format!("{w}s"));
        if let Some(&v) = words.get(1) {
            out.push(format!("{w} {v}"));
            out.push(format!("{} {v}", cut(5)));
        }
        // Adjacent tokens as a phrase: two content words, two with a stop word between, and
        // a stop word before (dropped from the phrase) with a word beside the phrase.
        let tokens: Vec<&str> = text::tokens(&d.text).map(|t| t.text).collect();
        let content = |i: usize| tokens.get(i).is_some_and(|t| index_term(t).is_some());
        let stop = |i: usize| tokens.get(i).is_some_and(|t| index_term(t).is_none());
        if let Some(i) = (0..tokens.len()).find(|&i| content(i) && content(i + 1)) {
            out.push(format!("\"{} {}\"", tokens[i], tokens[i + 1]));
        }
        if let Some(i) = (0..tokens.len()).find(|&i| content(i) && stop(i + 1) && content(i + 2)) {
            out.push(format!("\"{}\" {w}", tokens[i..i + 3].join(" ")));
        }
        if let Some(i) = (0..tokens.len()).find(|&i| stop(i) && content(i + 1)) {
            out.push(format!(
                "\"{}\"",
                tokens[i..(i + 3).min(tokens.len())].join(" ")
            ));
        }
        if let Some(h) = d.headline.as_deref() {
            let hw: Vec<&str> = text::tokens(h).map(|t| t.text).take(3).collect();
            out.push(hw.join(" "));
        }
    }
    out
}

/// Every query of `queries` over the data files of `docs`: the same results as the whole
/// index, positions fetched for phrases only, and for every hit (every one, past the first
/// page too) the same spans, snippet and keyword-in-context lines.
fn same_as_whole(docs: &[Document], opts: FileOptions, queries: &[String]) {
    let index = SearchIndex::build(docs);
    let written = write_files(docs, &index, opts);
    let files = by_name(&written);
    let (mut with_hits, mut phrases_found) = (0, 0);
    for q in queries {
        // A quoted phrase of one content word is that word (`parse_query`).
        let phrase = parse_query(q)
            .clauses
            .iter()
            .any(|c| matches!(c, Clause::Phrase(_)));
        let want = search(&index, docs, q, &Filters::default());
        let mut c = open_corpus(&written);
        let (got, kinds) = search_kinds(&mut c, &files, q);
        assert_eq!(got, want, "{q:?}");
        let positions = kinds.contains(&FileKind::Positions);
        assert_eq!(
            positions,
            phrase && kinds.contains(&FileKind::Postings),
            "{q:?}"
        );
        let shared = c.shared_index_for(q).expect("settled");
        assert_eq!(shared.has_offsets(), phrase, "{q:?}");
        // Each term's frequency (expansion ranks by it) is the whole list's, offsets or not.
        for e in shared.terms_with_prefix("") {
            let whole = index.term(&e.term).expect("a term of the index");
            assert_eq!(e.postings_len(), whole.postings_len(), "{q:?} {}", e.term);
        }
        // Every document's text (a card is shown once its text file is in), no positions.
        for r in c.missing() {
            if matches!(r.kind, FileKind::Text | FileKind::Pack) {
                let name = c.manifest().name(r);
                c.add(r, files[name.as_str()]).expect("a good file");
            }
        }
        let loaded = c.documents().to_vec();
        let unread = c.missing().iter().any(|r| r.kind == FileKind::Positions);
        assert!(unread || c.manifest().count(FileKind::Positions) == 0 || phrase);
        for hit in &want.hits {
            let spans = matches_for(&index, docs, q, hit.doc);
            assert_eq!(matches_for(&shared, &loaded, q, hit.doc), spans, "{q:?}");
            let d = hit.doc as usize;
            let full = crate::query::Hit {
                matches: spans.0,
                headline_matches: spans.1,
                ..hit.clone()
            };
            assert_eq!(
                snippet(&loaded[d], &full, 160),
                snippet(&docs[d], &full, 160)
            );
        }
        let f = Filters::default();
        assert_eq!(
            kwic(&shared, &loaded, q, &f, 40, 500),
            kwic(&index, docs, q, &f, 40, 500),
            "{q:?}"
        );
        with_hits += (!want.hits.is_empty()) as usize;
        phrases_found += (phrase && !want.hits.is_empty()) as usize;
    }
    assert!(
        with_hits * 3 > queries.len() * 2,
        "{with_hits} of {}",
        queries.len()
    );
    assert!(phrases_found >= 2, "{phrases_found} phrases found");
}

#[test]
fn the_seeds_answer_without_positions_exactly_as_the_whole_index() {
    let docs = raqmi_testkit::seed_documents();
    let queries = queries_of(&docs);
    same_as_whole(&docs, SMALL, &queries);
    same_as_whole(&docs, FileOptions::default(), &queries);
}

#[test]
fn a_synthetic_corpus_answers_without_positions_exactly_as_the_whole_index() {
    let fx = fixture();
    let mut queries = queries_of(&fx.docs);
    for q in [
        "numérique",
        "numerique maroc",
        "investissements startups",
        "startu",
        "xnumerique",
        "numeriqeu",
        "formations",
        "\"transformation digitale\"",
        "\"le maroc\"",
        "\"maroc\" numérique",
        "le de la",
    ] {
        queries.push(q.to_string());
    }
    same_as_whole(&fx.docs, SMALL, &queries);
}

#[test]
fn headlines_at_virtual_addresses_answer_without_positions_as_the_whole_index() {
    // A title of its own (not the text's first paragraph): its words are indexed past the
    // text's end, and their spans are in the headline.
    let docs: Vec<Document> = (0..8)
        .map(|i| {
            let o = Overrides {
                title: Some(format!(
                    "Élan numérique n°{i} : l’INVESTISSEMENT à Casablanca"
                )),
                ..Overrides::default()
            };
            let body = format!(
                "Le programme {i} finance des startups. L’investissement numérique croît à \
                 Rabat, les investissements aussi.\n"
            );
            ingest_text(&format!("{i:03}_v"), "v", &body, &o).expect("ingests")
        })
        .collect();
    assert!(docs
        .iter()
        .all(|d| crate::index::headline_base(d) > Some(d.text.len())));
    let queries: Vec<String> = [
        "numérique",
        "investissement",
        "investiss",
        "casablanca rabat",
        "\"élan numérique\"",
        "\"investissement numérique\"",
        "numeriqeu",
        "l investissement",
    ]
    .map(String::from)
    .to_vec();
    same_as_whole(&docs, SMALL, &queries);
}

#[test]
fn counts_lists_and_offsets_join_into_the_very_lists_split() {
    let fx = fixture();
    for t in fx.index.term_parts() {
        let (counts, offsets) = split_postings(t.postings).expect("splits");
        assert!(counts.len() <= t.postings.len() && offsets.len() < t.postings.len());
        assert_eq!(
            join_postings(&counts, &offsets).as_deref(),
            Some(t.postings)
        );
        // Offsets of another length do not go with these counts.
        assert_eq!(join_postings(&counts, &offsets[..offsets.len() - 1]), None);
        let mut longer = offsets.clone();
        longer.push(1);
        assert_eq!(join_postings(&counts, &longer), None);
    }
}

#[test]
fn a_positions_shard_is_checked_as_the_other_shards_are() {
    let fx = fixture();
    let files = by_name(&fx.files);
    let m = Manifest::decode(&fx.files[0].bytes).unwrap();
    assert_eq!(m.count(FileKind::Positions), m.count(FileKind::Postings));
    // Named, listed and ordered last, after the facets file.
    let refs = m.refs();
    let first = refs
        .iter()
        .position(|r| r.kind == FileKind::Positions)
        .unwrap();
    assert!(refs[first..].iter().all(|r| r.kind == FileKind::Positions));
    assert!(fx.files[first + 1].name.starts_with("positions-"));
    let r = |kind, number| FileRef { kind, number };
    let mut c = open_corpus(&fx.files);
    let bytes = |c: &ShardedCorpus, r: FileRef| files[c.manifest().name(r).as_str()];
    // Another positions shard, or the postings shard of its own number, under its name.
    let (p0, p1) = (r(FileKind::Positions, 0), r(FileKind::Positions, 1));
    assert!(c.add(p0, bytes(&c, p1)).is_err());
    assert!(c.add(p0, bytes(&c, r(FileKind::Postings, 0))).is_err());
    assert!(!c.has(p0));
    c.add(p0, bytes(&c, p0)).expect("its own bytes");
    assert!(c.has(p0) && !c.has(r(FileKind::Postings, 0)));
    // A positions shard decoded as a postings shard is of the wrong kind, and vice versa.
    let pb = bytes(&c, p1);
    assert!(matches!(
        super::shards::decode_postings(pb, FileKind::Postings, "p"),
        Err(DataError::WrongKind { .. })
    ));
    // A manifest listing fewer positions shards than postings shards is refused: the version
    // is made again so that only that count is wrong.
    let mut fewer = m.clone();
    let last = fewer
        .files
        .iter()
        .rposition(|f| f.kind == FileKind::Positions)
        .unwrap();
    fewer.files.remove(last);
    fewer.corpus_version = Manifest::version_of(&fewer.files, fewer.text_digest());
    assert!(matches!(
        Manifest::decode(&fewer.encode()),
        Err(DataError::Corrupt {
            what: "positions shards",
            ..
        })
    ));
    // A version-5 file is refused, whatever its kind.
    let mut old = pb.to_vec();
    old[4..6].copy_from_slice(&5u16.to_le_bytes());
    assert!(matches!(
        super::shards::decode_postings(&old, FileKind::Positions, "p"),
        Err(DataError::WrongVersion { version: 5, .. })
    ));
}

#[test]
fn a_query_typed_letter_by_letter_reuses_its_hits_tokens_and_answers_as_the_whole_index() {
    let fx = fixture();
    let files = by_name(&fx.files);
    let none = Filters::default();
    let mut c = open_corpus(&fx.files);
    // Each keystroke's query on one corpus: the query indexes share their derived tables,
    // and with them the tokens of the hits whose spans were read from their texts.
    let typed = "numérique maroc";
    let mut kept = 0;
    for (end, _) in typed.char_indices().skip(1).chain([(typed.len(), ' ')]) {
        let q = &typed[..end];
        let (got, _) = search_kinds(&mut c, &files, q);
        assert_eq!(got, search(&fx.index, &fx.docs, q, &none), "{q:?}");
        let shared = c.shared_index_for(q).expect("settled");
        assert!(!shared.has_offsets());
        let now = shared.doc_tables().tokens.kept();
        assert!(now >= kept, "{q:?}: {now} kept, {kept} before");
        kept = now;
    }
    assert!(kept >= MATCHED_HITS, "{kept} documents' tokens kept");
    // A document whose text is not loaded yet keeps nothing: its spans are read once it is.
    let mut c = open_corpus(&fx.files);
    let q = "numérique";
    let index = loop {
        match c.shared_index_for(q) {
            Ok(index) => break index,
            Err(Need(refs)) => {
                for r in refs {
                    let name = c.manifest().name(r);
                    c.add(r, files[name.as_str()]).expect("a good file");
                }
            }
        }
    };
    let early = search(&index, c.documents(), q, &none);
    let first = early.hits.iter().take(MATCHED_HITS);
    assert!(first.clone().count() > 0 && first.clone().all(|h| h.matches.is_empty()));
    assert_eq!(index.doc_tables().tokens.kept(), 0);
    for r in c.missing() {
        if r.kind == FileKind::Text {
            let name = c.manifest().name(r);
            c.add(r, files[name.as_str()]).expect("a good file");
        }
    }
    // The same hits with the same spans (the facets file, not added here, has the counts).
    let later = search(&index, c.documents(), q, &none);
    assert!(later.hits == search(&fx.index, &fx.docs, q, &none).hits);
    assert!(index.doc_tables().tokens.kept() > 0);
}

/// The text files of `docs` in a corpus of `written` (each document's, as a card asks).
fn text_files_of(written: &[WrittenFile], docs: &[u32]) -> Vec<FileRef> {
    open_corpus(written).missing_for_view(false, docs, false)
}

#[test]
fn a_phrase_reads_only_the_texts_the_index_cannot_decide() {
    // Before, a phrase asked for the text of every document holding all its words: at 10 000
    // articles "intelligence artificielle" fetched 2 000 text files, in the background, while
    // the reader typed on.
    let fx = fixture();
    let files = by_name(&fx.files);
    let weights = crate::query::RankingWeights::default();
    let phrase_words = |q: &str| match parse_query(q).clauses.into_iter().next() {
        Some(Clause::Phrase(ws)) => ws,
        other => panic!("{q:?} is not a phrase: {other:?}"),
    };
    // Two content words: their adjacency is read from the index alone.
    let q = "\"transformation digitale\"";
    let want = search(&fx.index, &fx.docs, q, &Filters::default());
    assert!(want.hits.len() > MATCHED_HITS, "{} hits", want.hits.len());
    let undecided = crate::query::internals::undecided(&fx.index, &phrase_words(q), &weights);
    assert!(undecided.is_empty(), "{undecided:?}");
    let mut c = open_corpus(&fx.files);
    let (got, kinds) = search_kinds(&mut c, &files, q);
    assert_eq!(got, want);
    let first: Vec<u32> = want.hits.iter().take(MATCHED_HITS).map(|h| h.doc).collect();
    let texts = kinds.iter().filter(|k| **k == FileKind::Text).count();
    assert_eq!(texts, text_files_of(&fx.files, &first).len());
    let all: Vec<u32> = want.hits.iter().map(|h| h.doc).collect();
    assert!(texts < text_files_of(&fx.files, &all).len());

    // A stop word inside: only the text tells, so the texts of the documents holding the
    // content words where the index could not rule the phrase out are read first.
    let stopped = fx
        .docs
        .iter()
        .find_map(|d| {
            let tokens: Vec<&str> = text::tokens(&d.text).map(|t| t.text).collect();
            tokens.windows(3).find_map(|w| {
                let content = |t: &str| index_term(t).is_some() && t.chars().count() > 4;
                (content(w[0]) && index_term(w[1]).is_none() && content(w[2]))
                    .then(|| format!("\"{} {} {}\"", w[0], w[1], w[2]))
            })
        })
        .expect("a phrase with a stop word");
    let undecided =
        crate::query::internals::undecided(&fx.index, &phrase_words(&stopped), &weights);
    assert!(!undecided.is_empty(), "{stopped}");
    let want = search(&fx.index, &fx.docs, &stopped, &Filters::default());
    assert!(
        want.hits.iter().all(|h| undecided.contains(&h.doc)),
        "{stopped}"
    );
    let mut c = open_corpus(&fx.files);
    let (got, kinds) = search_kinds(&mut c, &files, &stopped);
    assert_eq!(got, want, "{stopped}");
    let texts = kinds.iter().filter(|k| **k == FileKind::Text).count();
    assert_eq!(
        texts,
        text_files_of(&fx.files, &undecided).len(),
        "{stopped}"
    );
}
