//! The parts of a document the files carry apart (layouts in the `files` module header): the
//! card's part (text files), the analysis (packs, when there are text files) and the figures
//! table's; the writer takes each part out of a document, the reader puts each back, field by
//! field ([`put_part`]), so that parts arriving in any order make the very document written.

use raqmi_model::document::{DateOrigin, Document};

/// A document with none of its parts.
pub(super) fn empty_document() -> Document {
    Document {
        id: String::new(),
        headline: None,
        date: None,
        date_origin: DateOrigin::Stated,
        source: None,
        url: None,
        text: String::new(),
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        figures: Vec::new(),
        entities: Vec::new(),
    }
}

/// What a result card reads: id, headline, date and its origin, source, text and paragraphs
/// (a snippet's and a match's place in the text: the headline's paragraph, the body's start).
pub(super) fn card_part(d: &Document) -> Document {
    Document {
        id: d.id.clone(),
        headline: d.headline.clone(),
        date: d.date,
        date_origin: d.date_origin,
        source: d.source.clone(),
        text: d.text.clone(),
        paragraphs: d.paragraphs.clone(),
        ..empty_document()
    }
}

/// What the card's part leaves out: URL, sentences, figures, names.
pub(super) fn analysis_part(d: &Document) -> Document {
    Document {
        url: d.url.clone(),
        sentences: d.sentences.clone(),
        figures: d.figures.clone(),
        entities: d.entities.clone(),
        ..empty_document()
    }
}

/// The figures table's: everything but the text, paragraphs and sentences.
pub(super) fn figures_part(d: &Document) -> Document {
    Document {
        text: String::new(),
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        ..d.clone()
    }
}

/// Puts the part `from` (any file's: a text file's, a pack's, the figures table's) into
/// `into`: its fields that are not empty (the others are another file's). One function for
/// every kind: the app's code stays small, and parts arriving in any order make the same
/// document.
pub(super) fn put_part(into: &mut Document, from: &mut Document) {
    // Swapped, not assigned: what `into` held is dropped with `from`, by one drop of the
    // whole document, not field by field here (the app's code size).
    use std::mem::swap;
    if !from.id.is_empty() {
        swap(&mut into.id, &mut from.id);
    }
    if from.headline.is_some() {
        swap(&mut into.headline, &mut from.headline);
    }
    if from.date.is_some() || from.date_origin == DateOrigin::Inferred {
        into.date = from.date;
        into.date_origin = from.date_origin;
    }
    if from.source.is_some() {
        swap(&mut into.source, &mut from.source);
    }
    if from.url.is_some() {
        swap(&mut into.url, &mut from.url);
    }
    if !from.text.is_empty() {
        swap(&mut into.text, &mut from.text);
    }
    if !from.paragraphs.is_empty() {
        swap(&mut into.paragraphs, &mut from.paragraphs);
    }
    if !from.sentences.is_empty() {
        swap(&mut into.sentences, &mut from.sentences);
    }
    if !from.figures.is_empty() {
        swap(&mut into.figures, &mut from.figures);
    }
    if !from.entities.is_empty() {
        swap(&mut into.entities, &mut from.entities);
    }
}

/// Documents per text file, `doc_count` documents being in `text_files` files: the reader's
/// rule, which the writer's [`per_text_for`] makes exact.
pub(super) fn per_text(doc_count: u32, text_files: u32) -> u32 {
    match text_files {
        0 => doc_count.max(1),
        n => doc_count.div_ceil(n).max(1),
    }
}

/// The documents per text file the writer uses for `doc_count` documents and at most `want`
/// per file: as few files as that allows, each as full as [`per_text`] says back from their
/// number.
pub(super) fn per_text_for(doc_count: u32, want: u32) -> u32 {
    let files = doc_count.div_ceil(want.max(1)).max(1);
    // k = ceil(n / f) for f files is a fixed point of k -> ceil(n / ceil(n / k)): with
    // f' = ceil(n / k) <= f files, ceil(n / f') >= k, and f' >= n / k gives ceil(n / f') <= k.
    per_text(doc_count, files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_finds_the_writers_documents_per_text_file_from_the_counts() {
        for n in 1..400u32 {
            for want in 1..60u32 {
                let k = per_text_for(n, want);
                let files = n.div_ceil(k);
                assert_eq!(per_text(n, files), k, "{n} documents, {want} asked");
                assert!(
                    files <= n.div_ceil(want),
                    "{n} {want}: no more files than asked"
                );
                // Every file holds at least one document.
                assert!((files - 1) * k < n, "{n} {want}");
            }
        }
    }
}
