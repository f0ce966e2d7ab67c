//! The text files and the packs beside them, producer and consumer together: what a card, the
//! reader and the keyword in context read, parts arriving in any order, their names and the
//! manifest without their hashes, truncated, damaged, foreign and misnumbered text files, and
//! the budget on their count.

use super::shards::decode_text;
use super::tests::{by_name, files_of, fixture, open_corpus, search_fetching, SMALL, TEXT_BODY};
use super::*;
use crate::index::SearchIndex;
use crate::query::Filters;
use raqmi_model::document::Document;

/// The card's part of a document: what a text file carries.
fn card_of(d: &Document) -> Document {
    super::parts::card_part(d)
}

/// Text file `number`.
fn text_file(number: u32) -> FileRef {
    FileRef {
        kind: FileKind::Text,
        number,
    }
}

/// The pack of document `d`.
fn pack_of(m: &Manifest, d: u32) -> FileRef {
    FileRef {
        kind: FileKind::Pack,
        number: m.pack_of(d),
    }
}

#[test]
fn cards_read_text_files_and_the_reader_its_text_file_and_pack() {
    let fx = fixture();
    let files = by_name(&fx.files);
    let m = Manifest::decode(&fx.files[0].bytes).unwrap();
    let mut c = open_corpus(&fx.files);
    let (r, _) = search_fetching(&mut c, &files, "numérique", &Filters::default());
    assert!(r.total > 20);
    // The first page's match spans read text files, never a pack or the figures table.
    for h in r.hits.iter().take(20) {
        let d = h.doc as usize;
        assert!(c.has_text(h.doc) && !c.is_whole(h.doc), "{d}");
        assert_eq!(c.documents()[d], card_of(&fx.docs[d]));
    }
    let added: Vec<FileRef> = m.refs().into_iter().filter(|&r| c.has(r)).collect();
    assert!(added.iter().any(|r| r.kind == FileKind::Text));
    assert!(
        added
            .iter()
            .all(|r| !matches!(r.kind, FileKind::Pack | FileKind::Figures)),
        "{added:?}"
    );
    // A card's text file is a few documents; the reader adds the pack of its article.
    let d = r.hits[0].doc;
    let (text, pack) = (text_file(d), pack_of(&m, d));
    assert_eq!(c.missing_for_view(false, &[d], false), []);
    assert_eq!(c.document(d), Err(Need(vec![pack])));
    let deeper = r.hits[25].doc;
    assert!(!c.has_text(deeper));
    assert_eq!(
        c.missing_for_view(false, &[deeper], false),
        [text_file(deeper)]
    );
    assert!(c.has(text));
    c.add(pack, files[m.name(pack).as_str()]).unwrap();
    assert_eq!(c.document(d), Ok(&fx.docs[d as usize]));
}

#[test]
fn a_documents_parts_make_it_whole_in_any_order() {
    let fx = fixture();
    let files = by_name(&fx.files);
    let m = Manifest::decode(&fx.files[0].bytes).unwrap();
    let d = 37u32;
    let (text, pack) = (text_file(d), pack_of(&m, d));
    let figures = FileRef {
        kind: FileKind::Figures,
        number: 0,
    };
    let orders = [
        [text, pack, figures],
        [pack, text, figures],
        [figures, pack, text],
        [pack, figures, text],
        [text, figures, pack],
    ];
    for order in orders {
        let mut c = open_corpus(&fx.files);
        for (i, r) in order.into_iter().enumerate() {
            let both = order[..i].contains(&text) && order[..i].contains(&pack);
            assert_eq!(c.is_whole(d), both, "{order:?}");
            c.add(r, files[m.name(r).as_str()]).unwrap();
            if i == 0 && r.kind == FileKind::Text {
                assert_eq!(c.documents()[d as usize], card_of(&fx.docs[d as usize]));
            }
            if i == 0 && r.kind == FileKind::Pack {
                assert!(
                    c.documents()[d as usize].text.is_empty(),
                    "no text in a pack"
                );
                assert_eq!(
                    c.documents()[d as usize].figures,
                    fx.docs[d as usize].figures
                );
            }
        }
        assert_eq!(c.document(d), Ok(&fx.docs[d as usize]), "{order:?}");
    }
}

#[test]
fn a_text_file_of_another_format_version_or_kind_is_refused() {
    let fx = fixture();
    let m = Manifest::decode(&fx.files[0].bytes).unwrap();
    let texts: Vec<_> = files_of(&fx.files, &m, FileKind::Text).collect();
    let (name, text) = texts[3];
    let (first, cards) = decode_text(text, name, m.corpus_version, 3).unwrap();
    assert_eq!((first, cards.len()), (3, 1));
    assert_eq!(cards[0], card_of(&fx.docs[3]));
    let mut old = text.to_vec();
    old[4] ^= 1;
    assert!(matches!(
        decode_text(&old, name, m.corpus_version, 3),
        Err(DataError::WrongVersion { .. })
    ));
    let (_, pack) = files_of(&fx.files, &m, FileKind::Pack).next().unwrap();
    assert!(matches!(
        decode_text(pack, name, m.corpus_version, 0),
        Err(DataError::WrongKind { .. })
    ));
}

#[test]
fn text_files_are_named_by_the_corpus_version_and_their_number() {
    let fx = fixture();
    let m = Manifest::decode(&fx.files[0].bytes).unwrap();
    assert_eq!(m.count(FileKind::Text), fx.docs.len());
    let names: Vec<&str> = files_of(&fx.files, &m, FileKind::Text)
        .map(|(name, _)| name)
        .collect();
    for (number, name) in names.iter().enumerate() {
        let want = format!("text-{number}-{:016x}.bin", m.corpus_version);
        assert_eq!(*name, want);
        assert_eq!(m.name(text_file(number as u32)), want);
    }
    // Another build of a slightly different corpus: other names, though the body of a text
    // file of the same documents is the same.
    let docs = &fx.docs[..fx.docs.len() - 1];
    let other = write_files(docs, &SearchIndex::build(docs), SMALL);
    let m2 = Manifest::decode(&other[0].bytes).unwrap();
    assert_ne!(m2.corpus_version, m.corpus_version);
    assert_ne!(m2.name(text_file(0)), m.name(text_file(0)));
}

#[test]
fn the_manifest_lists_no_hash_per_text_file() {
    let fx = fixture();
    let manifest = &fx.files[0].bytes;
    let m = Manifest::decode(manifest).unwrap();
    assert!(m.text_count > 200 && m.files.iter().all(|f| f.kind != FileKind::Text));
    // No text file's hash, whole or of its body, is in the manifest's bytes.
    for (_, bytes) in files_of(&fx.files, &m, FileKind::Text) {
        for hash in [content_hash(bytes), content_hash(&bytes[TEXT_BODY..])] {
            let hash = hash.to_le_bytes();
            assert!(!manifest.windows(8).any(|w| w == hash));
        }
    }
    // Its size does not grow with their count: one text file or 240 is a varint's difference.
    let one = Manifest {
        text_count: 1,
        ..m.clone()
    };
    assert!(manifest.len() - one.encode().len() <= 2);
    // A count no writer makes of the documents (240 in 239 files would be 2 a file, 120 files):
    // refused, not left to name files that do not exist.
    let odd = Manifest {
        text_count: m.text_count - 1,
        ..m.clone()
    };
    assert!(matches!(
        Manifest::decode(&odd.encode()),
        Err(DataError::Corrupt {
            what: "text file count",
            ..
        })
    ));
    // The digest of their bodies' hashes makes the corpus version: a damaged digest is refused.
    let digest = m.text_digest.to_le_bytes();
    let at = (0..manifest.len())
        .find(|&i| manifest[i..].starts_with(&digest))
        .expect("the digest");
    let mut bad = manifest.clone();
    bad[at] ^= 1;
    assert!(matches!(
        Manifest::decode(&bad),
        Err(DataError::Corrupt {
            what: "file hashes",
            ..
        })
    ));
}

#[test]
fn truncated_damaged_foreign_and_misnumbered_text_files_are_refused_then_added() {
    let fx = fixture();
    let m = Manifest::decode(&fx.files[0].bytes).unwrap();
    let texts: Vec<_> = files_of(&fx.files, &m, FileKind::Text).collect();
    let (name, good) = texts[3];
    let r = text_file(3);
    // The same corpus but its last article, built again: text file 3 holds the same document,
    // under another corpus version.
    let docs = &fx.docs[..fx.docs.len() - 1];
    let other = write_files(docs, &SearchIndex::build(docs), SMALL);
    let m2 = Manifest::decode(&other[0].bytes).unwrap();
    let (_, stale) = files_of(&other, &m2, FileKind::Text).nth(3).unwrap();
    assert_eq!(stale[TEXT_BODY..], good[TEXT_BODY..]);
    let mut damaged = good.to_vec();
    damaged[good.len() / 2] ^= 0x20;
    let file = || name.to_string();
    let refusals: [(&[u8], DataError); 6] = [
        (
            &good[..good.len() / 2],
            DataError::WrongHash { file: file() },
        ),
        (
            &good[..TEXT_BODY - 1],
            DataError::WrongHash { file: file() },
        ),
        (
            &good[..good.len() - 1],
            DataError::WrongHash { file: file() },
        ),
        (&damaged, DataError::WrongHash { file: file() }),
        (stale, DataError::OtherCorpus { file: file() }),
        (
            texts[4].1,
            DataError::Corrupt {
                file: file(),
                what: "another text file's number",
            },
        ),
    ];
    let mut c = open_corpus(&fx.files);
    for (bytes, want) in refusals {
        assert_eq!(c.add(r, bytes), Err(want.clone()));
        assert!(!c.has(r) && !c.has_text(3), "{want}: nothing kept");
        assert!(want.to_string().starts_with(name), "{want}");
    }
    c.add(r, good).expect("the good file afterwards");
    assert_eq!(c.documents()[3], card_of(&fx.docs[3]));
    // A number beyond the text files: not listed.
    let beyond = text_file(m.text_count);
    assert!(matches!(
        c.add(beyond, good),
        Err(DataError::Unknown { .. })
    ));
}

#[test]
fn text_files_stay_within_their_budget_at_any_size() {
    let n = 2 * TEXT_FILES + 5;
    let docs: Vec<Document> = (0..n)
        .map(|i| {
            raqmi_testkit::doc(&format!("d{i}"))
                .sentence(&format!("Article {i} sur le numérique au Maroc."))
                .build()
        })
        .collect();
    let opts = FileOptions {
        pack_bytes: 4096,
        ..FileOptions::default()
    };
    let written = write_files(&docs, &SearchIndex::build(&docs), opts);
    let m = Manifest::decode(&written[0].bytes).unwrap();
    assert!(m.count(FileKind::Text) <= TEXT_FILES);
    assert_eq!(m.count(FileKind::Text), n.div_ceil(3));
    let c = ShardedCorpus::new(m);
    assert_eq!(
        c.missing_for_view(false, &[n as u32 - 1], false),
        [text_file((n as u32 - 1) / 3)]
    );
}
