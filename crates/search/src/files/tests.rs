//! The data files, producer and consumer together: round trips, damaged, truncated, foreign
//! and mixed files, and searches over shards answering exactly as the engine over the whole
//! corpus (on synthetic corpora, `raqmi_testkit::synth`).

use super::shards::{decode_dict, decode_documents, decode_key_ids, decode_postings, decode_text};
use super::*;
use crate::index::SearchIndex;
use crate::query::{search, Filters, SearchResults};
use proptest::prelude::*;
use raqmi_extract::ingest::{ingest_text, Overrides};
use raqmi_model::document::{Category, Document};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Small pieces, so that a few hundred articles make many shards and packs.
pub(super) const SMALL: FileOptions = FileOptions {
    dict_bytes: 600,
    postings_bytes: 2000,
    stem_bytes: 400,
    pack_bytes: 6000,
};

pub(super) struct Fixture {
    pub(super) docs: Vec<Document>,
    pub(super) index: SearchIndex,
    pub(super) files: Vec<WrittenFile>,
}

/// Synthetic articles analysed (the files carry them whole, measure keys included).
fn synth_docs(seed: u64, n: u32) -> Vec<Document> {
    raqmi_testkit::synth::corpus(seed, n)
        .iter()
        .map(|(id, text)| ingest_text(id, id, text, &Overrides::default()).expect("synthetic"))
        .collect()
}

pub(super) fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let docs = synth_docs(7, 240);
        let index = SearchIndex::build(&docs);
        let files = write_files(&docs, &index, SMALL);
        Fixture { docs, index, files }
    })
}

pub(super) fn by_name(files: &[WrittenFile]) -> HashMap<&str, &[u8]> {
    files
        .iter()
        .map(|f| (f.name.as_str(), f.bytes.as_slice()))
        .collect()
}

pub(super) fn open_corpus(files: &[WrittenFile]) -> ShardedCorpus {
    ShardedCorpus::from_manifest(&files[0].bytes).expect("manifest")
}

/// Searches, fetching what the corpus asks for until it answers; also returns how many files
/// were fetched.
pub(super) fn search_fetching(
    c: &mut ShardedCorpus,
    files: &HashMap<&str, &[u8]>,
    q: &str,
    f: &Filters,
) -> (SearchResults, usize) {
    let mut fetched = 0;
    for _ in 0..8 {
        match c.search(q, f) {
            Ok(r) => return (r, fetched),
            Err(Need(refs)) => {
                assert!(!refs.is_empty(), "a need names files");
                for r in refs {
                    let name = c.manifest().name(r);
                    c.add(r, files[name.as_str()]).expect("a good file");
                    fetched += 1;
                }
            }
        }
    }
    panic!("{q:?}: still needing files after 8 rounds");
}

#[test]
fn every_file_round_trips() {
    let fx = fixture();
    let m = Manifest::decode(&fx.files[0].bytes).expect("manifest");
    assert_eq!(m.encode(), fx.files[0].bytes);
    assert_eq!(m.doc_count as usize, fx.docs.len());
    assert_eq!(m.term_count as usize, fx.index.term_count());
    let refs = m.refs();
    assert_eq!(refs.len() + 1, fx.files.len());
    for kind in [
        FileKind::Dictionary,
        FileKind::Postings,
        FileKind::Tails,
        FileKind::Pack,
        FileKind::Text,
        FileKind::Positions,
    ] {
        assert!(m.count(kind) > 3, "{kind:?}: several shards");
    }
    // One document per text file up to the budget.
    assert_eq!(m.count(FileKind::Text), fx.docs.len());
    let mut c = open_corpus(&fx.files);
    assert!(c.figures().is_err() && c.document(0).is_err());
    assert_eq!(c.missing(), refs);
    let light = m.count(FileKind::Figures) + m.count(FileKind::Tails);
    assert_eq!(c.missing_for_whole().len(), refs.len() - light);
    assert_eq!(c.whole().err().map(|n| n.0.len()), Some(refs.len() - light));
    for (i, &r) in refs.iter().enumerate() {
        assert_eq!(fx.files[i + 1].name, m.name(r));
        c.add(r, &fx.files[i + 1].bytes).expect("a good file");
    }
    assert_eq!(c.documents(), fx.docs.as_slice());
    for (d, doc) in fx.docs.iter().enumerate() {
        assert_eq!(c.document(d as u32), Ok(doc));
    }
    assert!(c.missing().is_empty() && c.missing_for_whole().is_empty());
    let (docs, index) = c.whole().expect("every file added");
    assert_eq!((docs.as_slice(), &index), (fx.docs.as_slice(), &fx.index));
    let figures = c.figures().expect("loaded");
    assert_eq!(figures.len(), fx.docs.len());
    // Every figure whole, its measure key included (format 2): series and disagreements.
    for (t, d) in figures.iter().zip(&fx.docs) {
        assert_eq!(t.figures, d.figures);
    }
    assert!(figures
        .iter()
        .flat_map(|d| &d.figures)
        .any(|f| !f.meaning.measure.is_empty()));
    // Dictionary shards and postings shards together hold every term's postings.
    let dicts: Vec<_> = files_of(&fx.files, &m, FileKind::Dictionary)
        .map(|(name, b)| decode_dict(b, name).expect("dict"))
        .collect();
    let keys: Vec<Vec<u8>> = dicts
        .iter()
        .flat_map(|d| d.terms.iter().map(|t| t.0.clone()))
        .collect();
    let parts = fx.index.term_parts();
    assert_eq!(
        keys,
        parts.iter().map(|t| t.key.clone()).collect::<Vec<_>>()
    );
    // Each postings shard's counts lists joined with its positions shard's offsets.
    let lists: Vec<Vec<u8>> = files_of(&fx.files, &m, FileKind::Postings)
        .zip(files_of(&fx.files, &m, FileKind::Positions))
        .flat_map(|((name, b), (pname, pb))| {
            let s = decode_postings(b, FileKind::Postings, name).expect("postings");
            let p = decode_postings(pb, FileKind::Positions, pname).expect("positions");
            assert_eq!((p.first_id, p.starts.len()), (s.first_id, s.starts.len()));
            (0..s.starts.len() - 1)
                .map(|i| {
                    let id = s.first_id + i as u32;
                    let (counts, offsets) = (s.list(id).expect("list"), p.list(id).expect("list"));
                    crate::index::join_postings(counts, offsets).expect("they go together")
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        lists,
        parts
            .iter()
            .map(|t| t.postings.to_vec())
            .collect::<Vec<_>>()
    );
    let stems: Vec<(Vec<u8>, Vec<u32>)> = files_of(&fx.files, &m, FileKind::Stems)
        .flat_map(|(name, b)| decode_key_ids(b, FileKind::Stems, name).expect("stems"))
        .collect();
    assert_eq!(stems, fx.index.stem_parts());
}

#[test]
fn the_figures_table_alone_carries_every_meaning_and_measure_key() {
    let fx = fixture();
    let m = Manifest::decode(&fx.files[0].bytes).expect("manifest");
    let i = m
        .refs()
        .iter()
        .position(|r| r.kind == FileKind::Figures)
        .expect("a figures table");
    let mut c = open_corpus(&fx.files);
    let r = FileRef {
        kind: FileKind::Figures,
        number: 0,
    };
    c.add(r, &fx.files[i + 1].bytes).expect("the figures table");
    let table = c.figures().expect("the figures table is enough");
    for (t, d) in table.iter().zip(&fx.docs) {
        assert!(t.text.is_empty(), "no text in the table");
        assert_eq!(t.figures, d.figures);
    }
    assert!(table
        .iter()
        .flat_map(|d| &d.figures)
        .any(|f| !f.meaning.measure.is_empty()));
}

pub(super) fn files_of<'a>(
    files: &'a [WrittenFile],
    m: &'a Manifest,
    kind: FileKind,
) -> impl Iterator<Item = (&'a str, &'a [u8])> + 'a {
    m.refs()
        .into_iter()
        .zip(&files[1..])
        .filter(move |(r, _)| r.kind == kind)
        .map(|(_, f)| (f.name.as_str(), f.bytes.as_slice()))
}

#[test]
fn the_same_corpus_writes_the_same_files() {
    let fx = fixture();
    let again = write_files(&fx.docs, &fx.index, SMALL);
    assert_eq!(again, fx.files);
    let other = write_files(&fx.docs[1..], &SearchIndex::build(&fx.docs[1..]), SMALL);
    let (a, b) = (
        Manifest::decode(&fx.files[0].bytes).unwrap(),
        Manifest::decode(&other[0].bytes).unwrap(),
    );
    assert_ne!(a.corpus_version, b.corpus_version);
}

/// The first file of each kind, as (reference, bytes).
fn first_of_each(files: &[WrittenFile]) -> Vec<(FileRef, &[u8])> {
    let m = Manifest::decode(&files[0].bytes).unwrap();
    let refs = m.refs();
    let mut out = Vec::new();
    for kind in FileKind::ALL.into_iter().skip(1) {
        if let Some(i) = refs.iter().position(|r| r.kind == kind) {
            out.push((refs[i], files[i + 1].bytes.as_slice()));
        }
    }
    out
}

#[test]
fn truncated_damaged_and_foreign_files_are_refused_and_can_be_fetched_again() {
    let fx = fixture();
    let mut c = open_corpus(&fx.files);
    for (r, bytes) in first_of_each(&fx.files) {
        let name = c.manifest().name(r);
        let cut = &bytes[..bytes.len() / 2];
        assert_eq!(
            c.add(r, cut),
            Err(DataError::WrongHash { file: name.clone() }),
            "a truncated file fails the hash of the whole"
        );
        let mut flipped = bytes.to_vec();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x55;
        assert_eq!(
            c.add(r, &flipped),
            Err(DataError::WrongHash { file: name.clone() })
        );
        // Another kind's file under this name (its hash is not this one's).
        let other = FileRef {
            kind: if r.kind == FileKind::Pack {
                FileKind::Tables
            } else {
                FileKind::Pack
            },
            number: 0,
        };
        let other_name = c.manifest().name(other);
        let other_bytes = fx.files.iter().find(|f| f.name == other_name).unwrap();
        assert!(c.add(r, &other_bytes.bytes).is_err(), "{name}");
        assert!(!c.has(r), "{name}: nothing kept from a refused file");
        c.add(r, bytes).expect("the good file afterwards");
        assert!(c.has(r));
    }
    let unknown = FileRef {
        kind: FileKind::Pack,
        number: 9999,
    };
    assert!(matches!(
        c.add(unknown, b"x"),
        Err(DataError::Unknown { .. })
    ));
}

/// Decoding every prefix and every one-byte change of a file gives an error or a value, never
/// a panic, and no prefix is accepted; the hash check before decoding is bypassed here on
/// purpose (a text file's, in its header, is made again for its damaged body).
#[test]
fn damaged_bodies_never_panic() {
    let fx = fixture();
    let version = Manifest::decode(&fx.files[0].bytes).unwrap().corpus_version;
    for (r, bytes) in first_of_each(&fx.files) {
        let decode = |b: &[u8]| -> bool {
            match r.kind {
                FileKind::Tables => super::tables::decode_tables(b, "t").is_ok(),
                FileKind::Facets => super::tables::decode_facets(b, "f", fx.docs.len()).is_ok(),
                FileKind::Figures | FileKind::Pack => decode_documents(b, r.kind, "d").is_ok(),
                FileKind::Text => decode_text(b, "t", version, 0).is_ok(),
                FileKind::Dictionary => decode_dict(b, "d").is_ok(),
                FileKind::Postings | FileKind::Positions => decode_postings(b, r.kind, "p").is_ok(),
                FileKind::Stems | FileKind::Tails => decode_key_ids(b, r.kind, "s").is_ok(),
                FileKind::Manifest => Manifest::decode(b).is_ok(),
            }
        };
        assert!(decode(bytes), "{r:?}: the file itself decodes");
        let step = (bytes.len() / 300).max(1);
        for len in (0..bytes.len()).step_by(step) {
            assert!(!decode(&bytes[..len]), "{r:?}: {len} bytes accepted");
        }
        for i in (0..bytes.len()).step_by(step) {
            let mut b = bytes.to_vec();
            b[i] = b[i].wrapping_add(0x81);
            let _ = decode(&b);
            if r.kind == FileKind::Text && i >= TEXT_BODY {
                let hash = content_hash(&b[TEXT_BODY..]).to_le_bytes();
                b[TEXT_BODY - 8..TEXT_BODY].copy_from_slice(&hash);
                let _ = decode(&b);
            }
        }
    }
    let manifest = &fx.files[0].bytes;
    for len in 0..manifest.len() {
        assert!(Manifest::decode(&manifest[..len]).is_err(), "{len}");
    }
}

#[test]
fn a_file_of_another_version_or_kind_is_refused() {
    let fx = fixture();
    let mut manifest = fx.files[0].bytes.clone();
    manifest[4] = manifest[4].wrapping_add(1);
    assert_eq!(
        Manifest::decode(&manifest),
        Err(DataError::WrongVersion {
            file: MANIFEST_NAME.to_string(),
            version: FILES_VERSION + 1
        })
    );
    let mut foreign = fx.files[0].bytes.clone();
    foreign[0] = b'X';
    assert!(matches!(
        Manifest::decode(&foreign),
        Err(DataError::NotADataFile { .. })
    ));
    let m = Manifest::decode(&fx.files[0].bytes).unwrap();
    let (_, pack) = files_of(&fx.files, &m, FileKind::Pack).next().unwrap();
    assert!(matches!(
        decode_dict(pack, "p"),
        Err(DataError::WrongKind { .. })
    ));
    assert!(matches!(
        Manifest::decode(pack),
        Err(DataError::WrongKind { .. })
    ));
    // A pack of the right kind but another version, under the manifest's own hash.
    let mut old = pack.to_vec();
    old[4] ^= 1;
    assert!(matches!(
        decode_documents(&old, FileKind::Pack, "p"),
        Err(DataError::WrongVersion { .. })
    ));
}

#[test]
fn a_manifest_from_another_build_does_not_accept_this_builds_files() {
    let fx = fixture();
    let other_docs = synth_docs(8, 60);
    let other = write_files(&other_docs, &SearchIndex::build(&other_docs), SMALL);
    let mut c = open_corpus(&other);
    for (r, bytes) in first_of_each(&fx.files) {
        if c.manifest().lists(r) {
            assert!(c.add(r, bytes).is_err(), "{r:?}");
        }
    }
}

/// Where a text file's body starts: after the envelope (7 bytes) and its header (corpus
/// version, number, the body's hash: 20 bytes).
pub(super) const TEXT_BODY: usize = 27;

/// Queries of every kind: one and two words, prefixes, typos (also on the first letter),
/// inflections, phrases, stop words, nothing, words not in the corpus.
const QUERIES: &[&str] = &[
    "",
    "maroc",
    "numérique",
    "numerique maroc",
    "investissement",
    "investissements startups",
    "startu",
    "nu",
    "xnumerique",
    "umerique",
    "unmerique",
    "numeriqeu",
    "formation",
    "\"transformation digitale\"",
    "\"le maroc\"",
    "le de la",
    "zzzzqqq",
    "millions dirhams",
    "casablanca rabat",
    "2023",
];

#[test]
fn searches_over_shards_answer_exactly_as_the_whole_index() {
    let fx = fixture();
    let files = by_name(&fx.files);
    let m = Manifest::decode(&fx.files[0].bytes).unwrap();
    let values = fx.index.facet_values();
    let filters = [
        Filters::default(),
        Filters {
            from: Some((2022, None)),
            ..Filters::default()
        },
        Filters::default().with_names(
            values[values.len() / 2].kind,
            [values[values.len() / 2].name.clone()],
        ),
        Filters {
            categories: vec![Category::ALL[0]],
            value_min: Some(10.0),
            value_max: Some(5000.0),
            ..Filters::default()
        },
    ];
    // Typos on the first letters of the corpus's own long words: substituted, dropped, added,
    // swapped (found through the tail shards and the dictionary shards of other letters).
    let long: Vec<String> = words_of(&fx.docs)
        .into_iter()
        .filter(|w| w.is_ascii() && w.len() >= 7)
        .step_by(7)
        .take(6)
        .map(|w| w.to_lowercase())
        .collect();
    let mut queries: Vec<String> = QUERIES.iter().map(|q| q.to_string()).collect();
    for w in &long {
        queries.push(format!("q{}", &w[1..]));
        queries.push(w[1..].to_string());
        queries.push(format!("k{w} "));
        queries.push(format!("{}{}{}", &w[1..2], &w[..1], &w[2..]));
    }
    for f in &filters {
        // One corpus through every query (later searches reuse the files loaded, and the
        // query's index is rebuilt), and a fresh one for each (only its own files).
        let mut reused = open_corpus(&fx.files);
        for q in &queries {
            let want = search(&fx.index, &fx.docs, q, f);
            let (got, _) = search_fetching(&mut reused, &files, q, f);
            assert_eq!(got, want, "{q:?} {f:?}");
            let (got, _) = search_fetching(&mut open_corpus(&fx.files), &files, q, f);
            assert_eq!(got, want, "{q:?} {f:?}, fresh");
        }
    }
    // A one-word query from a fresh start reads a few of the files, not all of them.
    let mut c = open_corpus(&fx.files);
    let (r, fetched) = search_fetching(&mut c, &files, "investissement", &Filters::default());
    assert!(r.total > 0);
    assert!(
        fetched * 3 < m.files.len(),
        "{fetched} of {} files",
        m.files.len()
    );
}

/// Random queries from the corpus's own words, with typos, cut prefixes and filters.
fn words_of(docs: &[Document]) -> Vec<String> {
    let mut words: Vec<String> = docs
        .iter()
        .take(40)
        .flat_map(|d| {
            d.text
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().all(char::is_alphanumeric))
        .collect();
    words.sort();
    words.dedup();
    words
}

fn query_strategy() -> impl Strategy<Value = (String, u16, bool)> {
    let words = words_of(&fixture().docs);
    let word = (proptest::sample::select(words), 0u8..4, any::<u16>()).prop_map(|(w, edit, at)| {
        let chars: Vec<char> = w.chars().collect();
        let i = at as usize % chars.len().max(1);
        match edit {
            0 => w,
            1 => chars
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, c)| c)
                .collect(),
            2 => {
                let mut c = chars.clone();
                c.insert(i, 'e');
                c.into_iter().collect()
            }
            _ => chars[..=i].iter().collect(),
        }
    });
    (
        proptest::collection::vec(word, 1..4),
        any::<bool>(),
        any::<u16>(),
        any::<bool>(),
    )
        .prop_map(|(ws, quoted, filter, trailing)| {
            let mut q = ws.join(" ");
            if quoted {
                q = format!("\"{q}\"");
            }
            if trailing {
                q.push(' ');
            }
            (q, filter, quoted)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn random_searches_over_shards_answer_exactly_as_the_whole_index(
        (q, filter, _) in query_strategy()
    ) {
        let fx = fixture();
        let files = by_name(&fx.files);
        let values = fx.index.facet_values();
        let f = match filter % 4 {
            0 => Filters::default(),
            1 => {
                let v = &values[filter as usize % values.len()];
                Filters::default().with_names(v.kind, [v.name.clone()])
            }
            2 => Filters { to: Some((2023, Some(6))), ..Filters::default() },
            _ => Filters { value_min: Some((filter % 500) as f64), ..Filters::default() },
        };
        let mut c = open_corpus(&fx.files);
        let (got, _) = search_fetching(&mut c, &files, &q, &f);
        prop_assert_eq!(got, search(&fx.index, &fx.docs, &q, &f), "{:?}", q);
    }
}

#[test]
fn a_corpus_of_one_dictionary_shard_has_no_tails_and_finds_first_letter_typos() {
    let docs = synth_docs(9, 30);
    let index = SearchIndex::build(&docs);
    let written = write_files(&docs, &index, FileOptions::default());
    let m = Manifest::decode(&written[0].bytes).unwrap();
    let counts = [FileKind::Dictionary, FileKind::Stems, FileKind::Tails].map(|k| m.count(k));
    assert_eq!(counts, [1, 0, 0]);
    let files = by_name(&written);
    let long: Vec<String> = words_of(&docs)
        .into_iter()
        .filter(|w| w.is_ascii() && w.len() >= 7)
        .take(8)
        .map(|w| w.to_lowercase())
        .collect();
    assert!(long.len() >= 4);
    for w in &long {
        for q in [format!("q{}", &w[1..]), w[1..].to_string(), format!("k{w}")] {
            let want = search(&index, &docs, &q, &Filters::default());
            assert!(want.total > 0, "{q:?} finds {w:?}");
            let (got, _) =
                search_fetching(&mut open_corpus(&written), &files, &q, &Filters::default());
            assert_eq!(got, want, "{q:?}");
        }
    }
}

#[test]
fn a_corpus_of_one_pack_has_no_figures_table_and_filters_ranges_from_its_pack() {
    let docs = synth_docs(10, 4);
    let index = SearchIndex::build(&docs);
    let written = write_files(&docs, &index, FileOptions::default());
    let m = Manifest::decode(&written[0].bytes).unwrap();
    let counts = [FileKind::Pack, FileKind::Figures, FileKind::Text].map(|k| m.count(k));
    assert_eq!(counts, [1, 0, 0]);
    let files = by_name(&written);
    let mut c = open_corpus(&written);
    let pack = FileRef {
        kind: FileKind::Pack,
        number: 0,
    };
    assert!(c.figures().is_err_and(|n| n.0 == [pack]));
    // Its cards read the pack: the one file there is.
    assert_eq!(c.missing_for_view(false, &[0, 3], false), [pack]);
    assert_eq!(c.missing_for_view(false, &[2], true), [pack]);
    let f = Filters {
        value_min: Some(1.0),
        ..Filters::default()
    };
    let (got, _) = search_fetching(&mut c, &files, "maroc", &f);
    assert_eq!(got, search(&index, &docs, "maroc", &f));
    assert_eq!(c.figures().unwrap(), docs.as_slice());
    for r in c.missing_for_whole() {
        let name = c.manifest().name(r);
        c.add(r, files[name.as_str()]).unwrap();
    }
    let (all, whole) = c.whole().unwrap();
    assert_eq!((all.as_slice(), &whole), (docs.as_slice(), &index));
}

#[test]
fn without_terms_answers_every_query_without_words_as_the_whole_index() {
    let fx = fixture();
    let files = by_name(&fx.files);
    let mut c = open_corpus(&fx.files);
    let Err(Need(first)) = c.without_terms() else {
        panic!("nothing loaded yet");
    };
    assert_eq!(first, c.missing_for_tables());
    assert!(first.iter().all(|r| matches!(
        r.kind,
        FileKind::Tables | FileKind::Facets | FileKind::Pack | FileKind::Text
    )));
    for r in first {
        let name = c.manifest().name(r);
        c.add(r, files[name.as_str()]).expect("a good file");
    }
    // No term file was needed, and some are still missing for the whole corpus.
    assert!(c.missing_for_whole().iter().all(|r| matches!(
        r.kind,
        FileKind::Dictionary | FileKind::Postings | FileKind::Stems | FileKind::Positions
    )));
    assert!(!c.missing_for_whole().is_empty());
    let (docs, index) = c.without_terms().expect("tables and packs loaded");
    assert_eq!(docs, fx.docs);
    let values = fx.index.facet_values();
    let v = &values[values.len() / 3];
    let filters = [
        Filters::default(),
        Filters::default().with_names(v.kind, [v.name.clone()]),
        Filters {
            from: Some((2022, Some(3))),
            categories: vec![Category::ALL[1]],
            value_min: Some(5.0),
            ..Filters::default()
        },
    ];
    for q in ["", "   ", "« »", "?!"] {
        assert!(!needs_terms(q), "{q:?}");
        for f in &filters {
            assert_eq!(
                search(&index, &docs, q, f),
                search(&fx.index, &fx.docs, q, f),
                "{q:?} {f:?}"
            );
        }
    }
    for q in ["maroc", "\"maroc numérique\"", "startups", "numér"] {
        assert!(needs_terms(q), "{q:?}");
    }
}

/// A corpus for the tables' layout: dates shared by several articles (the order between them
/// is the ids'), undated articles, one long article (lengths above a byte), facets or none.
fn dated_docs(ids_increase: bool) -> Vec<Document> {
    (0..36u32)
        .map(|i| {
            let id = if ids_increase { 100 + i } else { 200 - i };
            let text = match i % 6 {
                5 => format!("Un article sans date, numéro {i}, sur le numérique.\n"),
                4 => format!(
                    "Le Maroc numérique à Casablanca\nPublié dans Le Matin le 0{} - 03 - 2023\n\n{}\n",
                    1 + i % 2,
                    "L'AUSIM réunit 300 participants à Rabat pour la transformation digitale. "
                        .repeat(1 + i as usize * 3)
                ),
                k => format!(
                    " date 202{k}-0{} Le programme numéro {i} forme 120 jeunes à Rabat.\n",
                    1 + i % 2
                ),
            };
            let id = format!("{id:03}_t");
            ingest_text(&id, &id, &text, &Overrides::default()).expect("ingests")
        })
        .collect()
}

#[test]
fn the_tables_round_trip_with_their_order_numbered_derived_or_stored() {
    // (ids increasing, numbered newest first): the order's flag is the tables' last varint
    // when it is numbered (0, nothing after), else the first of `n` more (1 days, 2 ranks).
    for (ids_increase, numbered) in [(true, true), (true, false), (false, false)] {
        let mut docs = dated_docs(ids_increase);
        if numbered {
            crate::index::newest_first(&mut docs);
        }
        let index = SearchIndex::build(&docs);
        let t = index.tables_part();
        let max_body = (0..docs.len() as u32).map(|d| index.lengths(d).1).max();
        assert!(
            max_body > Some(300),
            "a body length above a byte: {max_body:?}"
        );
        assert!(docs.iter().any(|d| d.date.is_none()));
        // Whether the order derived from the dates and positions is the index's own: it is
        // when the ids increase with the positions, not otherwise (the file then stores it).
        let days: Vec<u32> = docs
            .iter()
            .map(|d| d.date.and_then(|d| d.day).unwrap_or(0) as u32)
            .collect();
        let derived = super::tables::recency_of(&t.meta.0, &days, true);
        assert_eq!(derived == t.recency.0, ids_increase);
        let rank = |d: usize| u32::from_le_bytes(t.recency.0[d * 4..d * 4 + 4].try_into().unwrap());
        assert_eq!((0..docs.len()).all(|d| rank(d) == d as u32), numbered);
        let bytes = super::tables::encode_tables(&t, &docs, true);
        let flag = if numbered { 0 } else { 2 - ids_increase as u8 };
        let order_at = bytes.len() - if numbered { 1 } else { 1 + docs.len() };
        assert_eq!(bytes[order_at], flag, "ids increase: {ids_increase}");
        let back = super::tables::decode_tables(&bytes, "t").expect("decodes");
        assert_eq!(back, (t.clone(), true), "ids increase: {ids_increase}");
        // Without the facets: the same tables but their facet part (the names, their
        // documents, each document's categories), which the facets file holds.
        let bytes = super::tables::encode_tables(&t, &docs, false);
        let (mut back, here) = super::tables::decode_tables(&bytes, "t").expect("decodes");
        assert!(!here && back.facet_values.is_empty() && back.doc_facets.0.is_empty());
        assert!(back.meta.0.chunks(4).all(|m| m[3] == 0));
        assert!(t.meta.0.chunks(4).any(|m| m[3] != 0));
        let facets = super::tables::encode_facets(&t);
        let f = super::tables::decode_facets(&facets, "f", docs.len()).expect("decodes");
        let wrong_count = super::tables::decode_facets(&facets, "f", docs.len() + 1);
        assert!(matches!(wrong_count, Err(DataError::Corrupt { .. })));
        f.put_into(&mut back);
        assert_eq!(back, t, "ids increase: {ids_increase}");
        let written = write_files(&docs, &index, SMALL);
        let mut c = open_corpus(&written);
        let files = by_name(&written);
        for r in c.missing_for_whole() {
            let name = c.manifest().name(r);
            c.add(r, files[name.as_str()]).expect("a good file");
        }
        let (all, whole) = c.whole().expect("every file");
        assert_eq!(whole, index);
        for q in ["", "numérique", "rabat"] {
            assert_eq!(
                search(&whole, &all, q, &Filters::default()),
                search(&index, &docs, q, &Filters::default())
            );
        }
    }
}

#[test]
fn a_manifest_with_a_damaged_hash_or_tables_of_another_version_are_refused() {
    let fx = fixture();
    let m = Manifest::decode(&fx.files[0].bytes).unwrap();
    // A hash's byte changed: the corpus version (the hash of the hashes) no longer agrees.
    let mut bad = fx.files[0].bytes.clone();
    let hashes_start = (0..bad.len())
        .find(|&i| bad[i..].starts_with(&m.files[0].hash.to_le_bytes()))
        .expect("the hashes");
    assert!(hashes_start > 7);
    bad[hashes_start + 3] ^= 0x10;
    assert!(matches!(
        Manifest::decode(&bad),
        Err(DataError::Corrupt {
            what: "file hashes",
            ..
        })
    ));
    let (_, tables) = files_of(&fx.files, &m, FileKind::Tables).next().unwrap();
    let mut old = tables.to_vec();
    old[4] = old[4].wrapping_sub(1);
    assert!(matches!(
        super::tables::decode_tables(&old, "t"),
        Err(DataError::WrongVersion { .. })
    ));
}
