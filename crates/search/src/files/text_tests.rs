//! The text files and the packs beside them, producer and consumer together: what a card, the
//! reader and the keyword in context read, parts arriving in any order, damaged and foreign
//! text files, and the budget on their count.

use super::shards::decode_documents;
use super::tests::{by_name, files_of, fixture, open_corpus, search_fetching};
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
    let added: Vec<FileRef> = (0..m.files.len() as u32)
        .flat_map(|number| FileKind::ALL.map(|kind| FileRef { kind, number }))
        .filter(|&r| m.entry(r).is_some() && c.has(r))
        .collect();
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
fn a_text_file_elsewhere_of_another_version_or_kind_is_refused() {
    let fx = fixture();
    let m = Manifest::decode(&fx.files[0].bytes).unwrap();
    let texts: Vec<_> = files_of(&fx.files, &m, FileKind::Text).collect();
    let (name, text) = texts[3];
    let (first, cards) = decode_documents(text, FileKind::Text, name).unwrap();
    assert_eq!((first, cards.len()), (3, 1));
    assert_eq!(cards[0], card_of(&fx.docs[3]));
    let mut old = text.to_vec();
    old[4] ^= 1;
    assert!(matches!(
        decode_documents(&old, FileKind::Text, name),
        Err(DataError::WrongVersion { .. })
    ));
    assert!(matches!(
        decode_documents(text, FileKind::Pack, name),
        Err(DataError::WrongKind { .. })
    ));
    // A text file of other documents, listed under this one's name and hash: refused.
    let mut m2 = m.clone();
    let at = m
        .files
        .iter()
        .position(|f| f.kind == FileKind::Text)
        .unwrap();
    m2.files[at] = FileEntry {
        kind: FileKind::Text,
        hash: content_hash(texts[3].1),
    };
    let mut c = ShardedCorpus::new(m2);
    let r = text_file(0);
    assert!(matches!(c.add(r, text), Err(DataError::Corrupt { .. })));
    assert!(!c.has(r) && !c.has_text(0));
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
