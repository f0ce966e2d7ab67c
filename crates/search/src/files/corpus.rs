//! A corpus read from its data files as they arrive: the manifest first, then whatever a
//! search or a view needs. A search says which files it still lacks ([`Need`]) until it has
//! them all, then answers exactly as the query engine over the whole corpus does.
//!
//! How a search finds its files, in rounds (each needs the files of the previous one):
//! 1. from the manifest alone: the tables; the figures table for a numeric range; per query
//!    word, the dictionary shards of the word itself, of its completions (the last word), of
//!    every term starting with its first character and of the two keys a typo on the first
//!    characters can give (typo tolerance); the stem shard of its stem and the tail shards of
//!    the word and of the word without its first character;
//! 2. the dictionary shards of the terms those stems and tails list;
//! 3. the words are expanded exactly as the engine does, on an index of the loaded dictionary
//!    shards (keys and postings lengths, no postings): the terms picked give the postings
//!    shards, and, when the query has a quoted phrase, the positions shards of the same
//!    numbers (the offsets, which only a phrase needs);
//! 4. an index of just the picked terms, with their postings (counts lists, or whole lists
//!    for a phrase), answers the query as the whole index would (see the `index::parts`
//!    header for why; `query/spans.rs` for the match spans without offsets); a quoted phrase
//!    reads the text of the documents where the index alone cannot tell whether it occurs
//!    (a stop word in it, words whose written length varies: `query::internals::undecided`),
//!    so their text files are needed; and the first [`MATCHED_HITS`] hits' text files, for their highlight spans.
//!
//! The rounds are in `corpus/rounds.rs`. The facets file is not one of them: a search's index
//! answers without it (no facet value yet), and [`ShardedCorpus::search`], which must answer
//! exactly, asks for it last.
//!
//! A document's text is in its text file, or in its pack when there is no text file (one pack
//! holds the corpus whole); it is whole once its text and its pack are there.

mod rounds;

use super::manifest::Manifest;
use super::parts::{empty_document, per_text, put_part};
use super::shards::{
    decode_dict, decode_documents, decode_key_ids, decode_postings, decode_text, DictShard, KeyIds,
    PostingsShard,
};
use super::slots::{Set, Slots};
use super::tables::{decode_facets, decode_tables, put_categories, Facets};
use super::{content_hash, DataError, FileKind, FileRef};
use crate::index::{self, SearchIndex, TablesPart};
use crate::query::{parse_query, search, Filters, SearchResults, MATCHED_HITS};
use raqmi_model::document::Document;
use std::rc::Rc;

/// Whether `query` reads any term of the index (a word or a phrase): a query without one (empty,
/// spaces, punctuation) is answered from the tables alone.
pub fn needs_terms(query: &str) -> bool {
    !parse_query(query).clauses.is_empty()
}

/// The files to fetch (and [`ShardedCorpus::add`]) before asking again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Need(pub Vec<FileRef>);

/// A corpus whose data files are loaded as needed (see the module header).
pub struct ShardedCorpus {
    manifest: Manifest,
    tables: Option<TablesPart>,
    /// Whether the facet values and their documents are in: in the tables (a small corpus) or
    /// the facets file added. Until then no document has a value (no facet counts, no name
    /// filter): a query's first results come without them.
    facets: bool,
    /// The facets file when it arrived before the tables (put into them when they arrive).
    early_facets: Option<Facets>,
    figures: bool,
    dicts: Slots<DictShard>,
    postings: Slots<PostingsShard>,
    /// The positions shards added: the offsets of the postings shards of the same numbers.
    positions: Slots<PostingsShard>,
    stems: Slots<KeyIds>,
    tails: Slots<KeyIds>,
    packs: Slots<()>,
    texts: Slots<()>,
    /// Documents per text file (0: none, the packs hold whole documents).
    per_text: u32,
    /// Every document: empty until one of its files is loaded, with the parts of the files
    /// loaded (its text file's, its pack's, the figures table's).
    docs: Vec<Document>,
    /// The index of the loaded dictionary shards, with the global id of each of its terms;
    /// rebuilt when dictionary or stem shards arrive.
    expansion_index: Option<(SearchIndex, Vec<u32>)>,
    /// The last search's index, with the global ids of its terms and its words' stems.
    /// Shared: the app keeps it as its corpus's index while the query stands.
    query_index: Option<(Rc<SearchIndex>, Vec<u32>, Vec<String>)>,
    /// The bytes of the files added (the manifest lists no lengths).
    added_bytes: u64,
    /// The query [`ShardedCorpus::prepare`] last answered, and whether with the figures: asked
    /// again (a view renders, then asks which files it lacks, several times a keystroke) it
    /// answers at once, without expanding the words again, until a file is added.
    prepared: Option<(String, bool)>,
}

impl ShardedCorpus {
    pub fn new(manifest: Manifest) -> ShardedCorpus {
        let docs = (0..manifest.doc_count).map(|_| empty_document()).collect();
        let per_text = match manifest.count(FileKind::Text) {
            0 => 0,
            _ => per_text(manifest.doc_count, manifest.text_count),
        };
        ShardedCorpus {
            manifest,
            tables: None,
            facets: false,
            early_facets: None,
            figures: false,
            dicts: Slots::default(),
            postings: Slots::default(),
            positions: Slots::default(),
            stems: Slots::default(),
            tails: Slots::default(),
            packs: Slots::default(),
            texts: Slots::default(),
            per_text,
            docs,
            expansion_index: None,
            query_index: None,
            added_bytes: 0,
            prepared: None,
        }
    }

    /// The bytes of the files added so far.
    pub fn added_bytes(&self) -> u64 {
        self.added_bytes
    }

    /// Reads the manifest's bytes.
    pub fn from_manifest(bytes: &[u8]) -> Result<ShardedCorpus, DataError> {
        Manifest::decode(bytes).map(ShardedCorpus::new)
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Whether file `r` was added.
    pub fn has(&self, r: FileRef) -> bool {
        let n = r.number;
        match r.kind {
            FileKind::Manifest => true,
            FileKind::Tables => self.tables.is_some(),
            FileKind::Figures => self.figures,
            FileKind::Dictionary => self.dicts.contains(n),
            FileKind::Postings => self.postings.contains(n),
            FileKind::Stems => self.stems.contains(n),
            FileKind::Tails => self.tails.contains(n),
            FileKind::Pack => self.packs.contains(n),
            FileKind::Text => self.texts.contains(n),
            FileKind::Facets => self.facets,
            FileKind::Positions => self.positions.contains(n),
        }
    }

    /// Checks file `r`'s bytes against the manifest (the hash of the whole file: a truncated
    /// one fails it too; a text file's header: the corpus version, its number and its body's
    /// hash) and reads them. On error nothing changes: the file can be fetched again.
    pub fn add(&mut self, r: FileRef, bytes: &[u8]) -> Result<(), DataError> {
        let file = self.manifest.name(r);
        if !self.manifest.lists(r) {
            return Err(DataError::Unknown { file });
        }
        if let Some(entry) = self.manifest.entry(r) {
            if content_hash(bytes) != entry.hash {
                return Err(DataError::WrongHash { file });
            }
        }
        let corrupt = |what: &'static str| DataError::Corrupt {
            file: file.clone(),
            what,
        };
        let n = r.number;
        match r.kind {
            FileKind::Manifest => return Err(corrupt("a second manifest")),
            FileKind::Tables => {
                let (mut t, here) = decode_tables(bytes, &file)?;
                if t.doc_count() != self.docs.len() {
                    return Err(corrupt("document count"));
                }
                if let Some(f) = self.early_facets.take() {
                    f.put_into(&mut t);
                }
                self.facets |= here;
                self.tables = Some(t);
                self.categories_from_figures();
            }
            FileKind::Facets => {
                let f = decode_facets(bytes, &file, self.docs.len())?;
                match self.tables.as_mut() {
                    Some(t) => f.put_into(t),
                    None => self.early_facets = Some(f),
                }
                self.facets = true;
                // The indexes made so far have no facet values: made again on next use.
                self.expansion_index = None;
                self.query_index = None;
            }
            FileKind::Figures => {
                let (_, docs) = decode_documents(bytes, FileKind::Figures, &file)?;
                if docs.len() != self.docs.len() {
                    return Err(corrupt("document count"));
                }
                for (d, mut light) in docs.into_iter().enumerate() {
                    put_part(&mut self.docs[d], &mut light);
                }
                self.figures = true;
                self.categories_from_figures();
            }
            FileKind::Dictionary => {
                let s = decode_dict(bytes, &file)?;
                let start = self.manifest.dict_starts.get(n as usize);
                if start.is_none_or(|(id, key)| {
                    *id != s.first_id || s.terms.first().is_none_or(|(k, _)| k != key)
                }) {
                    return Err(corrupt("not where the manifest says"));
                }
                self.dicts.insert(n, s);
                self.expansion_index = None;
            }
            FileKind::Postings | FileKind::Positions => {
                let s = decode_postings(bytes, r.kind, &file)?;
                if self.manifest.postings_starts.get(n as usize) != Some(&s.first_id) {
                    return Err(corrupt("not where the manifest says"));
                }
                match r.kind {
                    FileKind::Postings => self.postings.insert(n, s),
                    _ => self.positions.insert(n, s),
                }
            }
            FileKind::Stems | FileKind::Tails => {
                let s = decode_key_ids(bytes, r.kind, &file)?;
                if r.kind == FileKind::Stems {
                    self.stems.insert(n, s);
                    self.expansion_index = None;
                } else {
                    self.tails.insert(n, s);
                }
            }
            FileKind::Pack | FileKind::Text => {
                let (first, docs) = match r.kind {
                    FileKind::Text => decode_text(bytes, &file, self.manifest.corpus_version, n)?,
                    _ => decode_documents(bytes, r.kind, &file)?,
                };
                if self.doc_range(r) != Some((first, first + docs.len() as u32)) {
                    return Err(corrupt("not the documents the manifest says"));
                }
                for (i, mut doc) in docs.into_iter().enumerate() {
                    put_part(&mut self.docs[first as usize + i], &mut doc);
                }
                match r.kind {
                    FileKind::Pack => self.packs.insert(n, ()),
                    _ => self.texts.insert(n, ()),
                }
            }
        }
        self.added_bytes += bytes.len() as u64;
        self.prepared = None;
        Ok(())
    }

    /// The categories of each document from the figures table's, once it and the tables are
    /// in and the facets file, which holds them too, is not (an embedded chart of one category
    /// reads the figures table only): a document's categories are those of its figures, as
    /// the index built them.
    fn categories_from_figures(&mut self) {
        let Some(t) = self
            .tables
            .as_mut()
            .filter(|_| self.figures && !self.facets)
        else {
            return;
        };
        put_categories(t, self.docs.iter().map(index::categories_of));
        // The indexes made so far have no categories: made again on next use.
        self.expansion_index = None;
        self.query_index = None;
    }

    /// Every listed file not added yet, in the manifest's order.
    pub fn missing(&self) -> Vec<FileRef> {
        let mut out = self.manifest.refs();
        out.retain(|&r| !self.has(r));
        out
    }

    /// The files [`ShardedCorpus::whole`] still needs: every one but the figures table and
    /// the tail shards (the packs hold the documents whole; tails only guide partial loads).
    pub fn missing_for_whole(&self) -> Vec<FileRef> {
        let mut out = self.missing();
        out.retain(|r| !matches!(r.kind, FileKind::Figures | FileKind::Tails));
        out
    }

    /// The whole corpus and its whole index (the very index [`SearchIndex::build`] makes of
    /// the documents), once every file it needs is added; else those missing.
    pub fn whole(&self) -> Result<(Vec<Document>, SearchIndex), Need> {
        let missing = self.missing_for_whole();
        let Some(tables) = self.tables.as_ref().filter(|_| missing.is_empty()) else {
            return Err(Need(missing));
        };
        let mut terms: Vec<(&[u8], usize)> = Vec::new();
        let mut postings = Vec::new();
        for s in self.dicts.values() {
            for (i, (key, _)) in s.terms.iter().enumerate() {
                let id = s.first_id + i as u32;
                let list = self.joined_list(id).unwrap_or_default();
                terms.push((key.as_slice(), list.len()));
                postings.extend_from_slice(&list);
            }
        }
        let derived = if self.manifest.count(FileKind::Stems) == 0 {
            derived_stems(&terms)
        } else {
            Vec::new()
        };
        let stems: Vec<(&[u8], Vec<u32>)> = derived
            .iter()
            .chain(self.stems.values().flatten())
            .map(|(k, ids)| (k.as_slice(), ids.clone()))
            .collect();
        let index = SearchIndex::from_parts(tables, &terms, postings, &stems);
        Ok((self.docs.clone(), index))
    }

    /// The files [`ShardedCorpus::without_terms`] still needs: those of
    /// [`ShardedCorpus::missing_for_whole`] but the term files (dictionary, postings, stems,
    /// positions), which only a query with words reads.
    pub fn missing_for_tables(&self) -> Vec<FileRef> {
        let mut out = self.missing_for_whole();
        out.retain(|r| {
            matches!(
                r.kind,
                FileKind::Tables | FileKind::Facets | FileKind::Pack | FileKind::Text
            )
        });
        out
    }

    /// The whole corpus and an index of its tables with no terms, once the files of
    /// [`ShardedCorpus::missing_for_tables`] are added: it answers every query without words
    /// (see [`needs_terms`]) exactly as the whole index does (the default view, filters, facet
    /// counts, ranges), so the term files can wait for the first word typed.
    pub fn without_terms(&self) -> Result<(Vec<Document>, SearchIndex), Need> {
        let missing = self.missing_for_tables();
        match self.tables.as_ref().filter(|_| missing.is_empty()) {
            Some(tables) => Ok((
                self.docs.clone(),
                SearchIndex::from_parts(tables, &[], Vec::new(), &[]),
            )),
            None => Err(Need(missing)),
        }
    }

    /// The documents as loaded so far: each one with the parts of its files loaded (empty, its
    /// card's part, its figures, or whole).
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// Document `doc` whole, or the files to fetch (its text file, its pack).
    pub fn document(&self, doc: u32) -> Result<&Document, Need> {
        let mut need = Set::default();
        self.need_whole(doc, &mut need);
        match self.docs.get(doc as usize) {
            Some(d) if need.is_empty() => Ok(d),
            _ => Err(Need(need.0)),
        }
    }

    /// Every document, at least without its text (figures, names, dates), or the files to
    /// fetch: the figures table, or every pack when there is no figures table.
    pub fn figures(&self) -> Result<&[Document], Need> {
        let need = self.figures_need();
        if need.is_empty() {
            Ok(&self.docs)
        } else {
            Err(Need(need))
        }
    }

    /// The files a view still needs besides its query's: with `figures`, those of
    /// [`ShardedCorpus::figures`]; for each of `docs`, the file of its text (a card, a line in
    /// context) or, with `whole`, every file it lacks (the reader). Sorted, once each (the
    /// core's small set: no sort of its own in the app's wasm).
    pub fn missing_for_view(&self, figures: bool, docs: &[u32], whole: bool) -> Vec<FileRef> {
        let mut need = Set::default();
        if figures {
            for r in self.figures_need() {
                need.insert(r);
            }
        }
        for &d in docs {
            if whole {
                self.need_whole(d, &mut need);
            } else {
                self.need_text(d, &mut need);
            }
        }
        need.0
    }

    fn figures_need(&self) -> Vec<FileRef> {
        if self.figures {
            return Vec::new();
        }
        if self.manifest.count(FileKind::Figures) > 0 {
            return vec![FIGURES];
        }
        let packs = self.manifest.count(FileKind::Pack) as u32;
        (0..packs)
            .filter(|&number| !self.packs.contains(number))
            .map(|number| FileRef {
                kind: FileKind::Pack,
                number,
            })
            .collect()
    }

    /// Searches as [`search`] over the whole corpus would, or says which files are missing.
    pub fn search(&mut self, query: &str, filters: &Filters) -> Result<SearchResults, Need> {
        self.prepare(query, filters)?;
        if let Some(r) = self.missing_facets() {
            return Err(Need(vec![r]));
        }
        let index = &self.query_index.as_ref().expect("prepared").0;
        let results = search(index, &self.docs, query, filters);
        let mut need = Set::default();
        for h in results.hits.iter().take(MATCHED_HITS) {
            self.need_text(h.doc, &mut need);
        }
        if !need.is_empty() {
            return Err(Need(need.0));
        }
        Ok(results)
    }

    /// The index the engine runs `query` on, with every term it reads (for the engine's other
    /// entry points: match spans of a deeper hit, keyword in context), or the files missing:
    /// for a query with a phrase, the positions shards of its terms too, else none (its index
    /// has no offsets, [`SearchIndex::has_offsets`]: a hit's spans are read from its text,
    /// which must be added first, as for the spans of an index with offsets).
    pub fn index_for(&mut self, query: &str) -> Result<&SearchIndex, Need> {
        self.prepare(query, &Filters::default())?;
        Ok(&self.query_index.as_ref().expect("prepared").0)
    }

    /// The index of [`ShardedCorpus::index_for`], shared (made again only for other words).
    pub fn shared_index_for(&mut self, query: &str) -> Result<Rc<SearchIndex>, Need> {
        self.prepare(query, &Filters::default())?;
        Ok(self.query_index.as_ref().expect("prepared").0.clone())
    }

    /// Whether the facet values and their documents are in (see `facets`): facet counts and
    /// name filters are then exact.
    pub fn has_facets(&self) -> bool {
        self.facets
    }

    /// The facets file, when the corpus has one and it is not added yet.
    pub fn missing_facets(&self) -> Option<FileRef> {
        let r = FileRef {
            kind: FileKind::Facets,
            number: 0,
        };
        (self.manifest.count(FileKind::Facets) > 0 && !self.facets).then_some(r)
    }

    /// Whether document `doc` is whole (its text and its pack added).
    pub fn is_whole(&self, doc: u32) -> bool {
        self.has(self.text_file(doc)) && self.has(self.pack_file(doc))
    }

    /// Whether document `doc`'s text is there (its text file added, or its pack when there
    /// is no text file): what a result card and its snippet read.
    pub fn has_text(&self, doc: u32) -> bool {
        self.has(self.text_file(doc))
    }

    /// Term `id`'s whole postings list (with its offsets), joined from its postings shard's
    /// counts list and its positions shard's offsets when both are added; empty when either
    /// lacks it or they do not go together (a damaged deployment: the term then finds
    /// nothing, as a damaged list does).
    fn joined_list(&self, id: u32) -> Option<Vec<u8>> {
        let shard = self.manifest.postings_of_id(id);
        let counts = self.postings.get(shard)?.list(id)?;
        let offsets = self.positions.get(shard)?.list(id)?;
        index::join_postings(counts, offsets)
    }

    /// The file of document `doc`'s text: its text file, or its pack when there is none.
    fn text_file(&self, doc: u32) -> FileRef {
        match self.per_text {
            0 => self.pack_file(doc),
            k => FileRef {
                kind: FileKind::Text,
                number: doc / k,
            },
        }
    }

    fn pack_file(&self, doc: u32) -> FileRef {
        FileRef {
            kind: FileKind::Pack,
            number: self.manifest.pack_of(doc),
        }
    }

    /// The documents file `r` (a pack or a text file) holds, as the manifest says.
    fn doc_range(&self, r: FileRef) -> Option<(u32, u32)> {
        let n = r.number as usize;
        let count = self.manifest.doc_count;
        let (start, end) = match r.kind {
            FileKind::Pack => {
                let starts = &self.manifest.pack_starts;
                (*starts.get(n)?, starts.get(n + 1).copied().unwrap_or(count))
            }
            _ => {
                let start = r.number.checked_mul(self.per_text)?;
                (start, start.saturating_add(self.per_text).min(count))
            }
        };
        (start < end && end <= count && end as usize <= self.docs.len()).then_some((start, end))
    }

    /// The file of document `doc`'s text, if not added yet (none for a document not listed).
    fn need_text(&self, doc: u32, need: &mut Set<FileRef>) {
        let r = self.text_file(doc);
        if doc < self.manifest.doc_count && !self.has(r) {
            need.insert(r);
        }
    }

    /// The files document `doc` lacks to be whole: its text's and its pack.
    fn need_whole(&self, doc: u32, need: &mut Set<FileRef>) {
        self.need_text(doc, need);
        let r = self.pack_file(doc);
        if doc < self.manifest.doc_count && !self.has(r) {
            need.insert(r);
        }
    }
}

const TABLES: FileRef = FileRef {
    kind: FileKind::Tables,
    number: 0,
};
const FIGURES: FileRef = FileRef {
    kind: FileKind::Figures,
    number: 0,
};

/// The stems of `terms` (in key order; ids are positions), each with its terms, as the index
/// builder groups them: for a dictionary of one shard, whose stems are not written.
fn derived_stems(terms: &[(&[u8], usize)]) -> Vec<(Vec<u8>, Vec<u32>)> {
    let stemmer = index::french_stemmer();
    let stems: Vec<Option<Vec<u8>>> = terms
        .iter()
        .map(|(key, _)| {
            let term = std::str::from_utf8(key).ok()?;
            Some(index::stem(&stemmer, term).into_bytes())
        })
        .collect();
    // The model's one stable sort (no map, no generic sort: this runs in the app): equal stems
    // keep their terms' ids increasing.
    let order = raqmi_model::order::sorted_indices(stems.len(), &|a, b| stems[a].cmp(&stems[b]));
    let mut out: Vec<(Vec<u8>, Vec<u32>)> = Vec::new();
    for i in order {
        let Some(stem) = &stems[i] else { continue };
        match out.last_mut() {
            Some((k, ids)) if k == stem => ids.push(i as u32),
            _ => out.push((stem.clone(), vec![i as u32])),
        }
    }
    out
}
