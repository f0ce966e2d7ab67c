//! The rounds of a search over the data files (the `files::corpus` header lists them): which
//! dictionary, stem, tail, postings and (for a phrase) positions shards a query's words need,
//! the index of the loaded dictionary shards its words are expanded on, and the index of just
//! the terms they pick, which the engine runs on: of counts lists alone for a query without a
//! phrase (its match spans read from the text), of whole lists for a query with one.

use super::{derived_stems, ShardedCorpus, TABLES};
use crate::files::manifest::Manifest;
use crate::files::slots::Set;
use crate::files::{FileKind, FileRef, Need};
use crate::index::{self, SearchIndex, TablesPart};
use crate::query::internals::{expand, undecided};
use crate::query::{parse_query, Clause, Filters, Query, RankingWeights, Word};
use std::rc::Rc;

impl ShardedCorpus {
    /// Loads nothing, but makes `query_index` the index `query` runs on, or says what is
    /// missing (the rounds of the module header); at once when it did so last, with no file
    /// added since.
    pub(super) fn prepare(&mut self, query: &str, filters: &Filters) -> Result<(), Need> {
        let range = filters.value_min.is_some() || filters.value_max.is_some();
        if self
            .prepared
            .as_ref()
            .is_some_and(|(q, r)| q == query && (*r || !range))
        {
            return Ok(());
        }
        self.prepare_anew(&parse_query(query), range)?;
        self.prepared = Some((query.to_string(), range));
        Ok(())
    }

    fn prepare_anew(&mut self, query: &Query, range: bool) -> Result<(), Need> {
        let mut need = Set::default();
        if self.tables.is_none() {
            need.insert(TABLES);
        }
        if range {
            for r in self.figures_need() {
                need.insert(r);
            }
        }
        let words = query_words(query);
        // Rounds 1 and 2: dictionary, stem and tail shards.
        let mut ids = Vec::new();
        for &(w, typo) in &words {
            self.dict_needs(w, typo, &mut need, &mut ids);
        }
        for id in ids {
            self.want(
                FileKind::Dictionary,
                self.manifest.dict_of_id(id),
                &mut need,
            );
        }
        if !need.is_empty() {
            return Err(Need(need.0));
        }
        // Round 3: the terms the words pick, and their postings shards.
        if self.expansion_index.is_none() {
            let built = self.expansion_index(self.tables.as_ref().expect("checked above"));
            self.expansion_index = Some(built);
        }
        let (ex_index, ex_ids) = self.expansion_index.as_ref().expect("built above");
        let weights = RankingWeights::default();
        let mut picked = Vec::new();
        for &(w, typo) in &words {
            for x in expand(ex_index, w, &weights, typo) {
                if let Some(&g) = ex_ids.get(x.entry.id as usize) {
                    picked.push(g);
                }
            }
        }
        sort_unique(&mut picked);
        // Only a phrase reads offsets (ranking reads counts; spans can be read from the text).
        let offsets = query.clauses.iter().any(|c| matches!(c, Clause::Phrase(_)));
        for &id in &picked {
            let shard = self.manifest.postings_of_id(id);
            self.want(FileKind::Postings, shard, &mut need);
            if offsets {
                self.want(FileKind::Positions, shard, &mut need);
            }
        }
        if !need.is_empty() {
            return Err(Need(need.0));
        }
        // Round 4: the index of the picked terms; the texts a phrase reads. An index with
        // offsets answers a query without a phrase too (the same results).
        let stems = word_stems(&words);
        if self
            .query_index
            .as_ref()
            .is_none_or(|q| q.1 != picked || q.2 != stems || offsets && !q.0.has_offsets())
        {
            let tables = self.tables.as_ref().expect("checked above");
            let index = self.query_index(tables, &picked, &stems, offsets);
            // The same tables: the previous query's derived tables serve this one too.
            if let Some((previous, _, _)) = &self.query_index {
                previous.lend_doc_tables(&index);
            }
            self.query_index = Some((Rc::new(index), picked, stems));
        }
        let index = &self.query_index.as_ref().expect("built above").0;
        for clause in &query.clauses {
            if let Clause::Phrase(ws) = clause {
                for d in undecided(index, ws, &weights) {
                    self.need_text(d, &mut need);
                }
            }
        }
        if !need.is_empty() {
            return Err(Need(need.0));
        }
        Ok(())
    }

    fn want(&self, kind: FileKind, number: u32, need: &mut Set<FileRef>) {
        let r = FileRef { kind, number };
        if (number as usize) < self.manifest.count(kind) && !self.has(r) {
            need.insert(r);
        }
    }

    /// Round 1 for one word (as `expand` reads the index), and round 2's term ids from the
    /// stem and tail shards already loaded.
    fn dict_needs(&self, w: &Word, typo: bool, need: &mut Set<FileRef>, ids: &mut Vec<u32>) {
        let m = &self.manifest;
        let dict = |key: &[u8], need: &mut Set<FileRef>| {
            self.want(FileKind::Dictionary, m.dict_of_key(key), need);
        };
        let dicts = |prefix: &[u8], need: &mut Set<FileRef>| {
            for s in m.dicts_of_prefix(prefix) {
                self.want(FileKind::Dictionary, s, need);
            }
        };
        let mut lookup = |kind: FileKind, key: &[u8], need: &mut Set<FileRef>| {
            let (starts, shards) = match kind {
                FileKind::Stems => (&m.stem_starts, &self.stems),
                _ => (&m.tail_starts, &self.tails),
            };
            let Some(s) = Manifest::key_shard(starts, key) else {
                return;
            };
            match shards.get(s) {
                None => self.want(kind, s, need),
                Some(entries) => {
                    if let Ok(i) = entries.binary_search_by(|(k, _)| k.as_slice().cmp(key)) {
                        ids.extend_from_slice(&entries[i].1);
                    }
                }
            }
        };
        let folded = w.folded.as_bytes();
        if !w.stop {
            dict(folded, need);
            let stem = index::stem(&index::french_stemmer(), &w.folded);
            lookup(FileKind::Stems, stem.as_bytes(), need);
        }
        if w.prefix {
            dicts(folded, need);
        }
        if typo && w.typo {
            let mut chars = w.folded.chars();
            let Some(first) = chars.next() else { return };
            let rest = chars.as_str();
            dicts(&folded[..first.len_utf8()], need);
            dict(rest.as_bytes(), need);
            if let Some(second) = rest.chars().next() {
                let mut swapped = String::new();
                swapped.push(second);
                swapped.push(first);
                swapped.push_str(&rest[second.len_utf8()..]);
                dict(swapped.as_bytes(), need);
            }
            lookup(FileKind::Tails, folded, need);
            lookup(FileKind::Tails, rest.as_bytes(), need);
        }
    }

    /// An index of every loaded dictionary shard's terms (no postings) and the loaded stems.
    fn expansion_index(&self, tables: &TablesPart) -> (SearchIndex, Vec<u32>) {
        let mut terms: Vec<(&[u8], usize)> = Vec::new();
        let mut ids = Vec::new();
        for s in self.dicts.values() {
            for (i, (key, plen)) in s.terms.iter().enumerate() {
                terms.push((key.as_slice(), *plen));
                ids.push(s.first_id + i as u32);
            }
        }
        let derived;
        let mut stems: Vec<(&[u8], Vec<u32>)> = Vec::new();
        if self.manifest.count(FileKind::Stems) == 0 {
            derived = derived_stems(&terms);
            stems.extend(derived.iter().map(|(k, ids)| (k.as_slice(), ids.clone())));
        }
        for entries in self.stems.values() {
            for (key, global) in entries {
                let local = local_ids(&ids, global);
                stems.push((key.as_slice(), local));
            }
        }
        let index = SearchIndex::from_parts(tables, &terms, Vec::new(), &stems);
        (index, ids)
    }

    /// An index of the `picked` terms (global ids, increasing) with their postings: whole
    /// lists (counts and positions shards joined) with `offsets`, else counts lists.
    fn query_index(
        &self,
        tables: &TablesPart,
        picked: &[u32],
        stems: &[String],
        offsets: bool,
    ) -> SearchIndex {
        let (ex_index, ex_ids) = self.expansion_index.as_ref().expect("built first");
        let mut terms: Vec<(&[u8], usize)> = Vec::with_capacity(picked.len());
        let mut postings = Vec::new();
        let mut sizes = Vec::with_capacity(picked.len());
        for &g in picked {
            let key = self
                .dicts
                .get(self.manifest.dict_of_id(g))
                .and_then(|s| s.terms.get(g.checked_sub(s.first_id)? as usize));
            let joined;
            let list = if offsets {
                joined = self.joined_list(g).unwrap_or_default();
                &joined[..]
            } else {
                self.postings
                    .get(self.manifest.postings_of_id(g))
                    .and_then(|s| s.list(g))
                    .unwrap_or(&[])
            };
            if let Some((key, whole_len)) = key {
                // The postings' own length: the dictionary's says the same of a whole list in
                // a consistent deployment, and a list is only ever read within its own bytes.
                terms.push((key.as_slice(), list.len()));
                postings.extend_from_slice(list);
                sizes.push(u32::try_from(*whole_len).unwrap_or(u32::MAX));
            }
        }
        // The stems of the words, with their picked terms.
        let stems: Vec<(&[u8], Vec<u32>)> = stems
            .iter()
            .map(|stem| {
                let global: Vec<u32> = ex_index
                    .terms_with_stem(stem)
                    .iter()
                    .filter_map(|e| ex_ids.get(e.id as usize).copied())
                    .collect();
                (stem.as_bytes(), local_ids(picked, &global))
            })
            .collect();
        let index = SearchIndex::from_parts(tables, &terms, postings, &stems);
        if offsets {
            index
        } else {
            index.with_counts_only(sizes)
        }
    }
}

/// The stems of the words that are looked up by stem, sorted, once each.
fn word_stems(words: &[(&Word, bool)]) -> Vec<String> {
    let stemmer = index::french_stemmer();
    let mut stems = Set::default();
    for (w, _) in words.iter().filter(|(w, _)| !w.stop) {
        stems.insert(index::stem(&stemmer, &w.folded));
    }
    stems.0
}

/// Positions in `ids` (increasing) of the `global` ids it holds.
fn local_ids(ids: &[u32], global: &[u32]) -> Vec<u32> {
    global
        .iter()
        .filter_map(|g| ids.binary_search(g).ok().map(|i| i as u32))
        .collect()
}

/// The words of a query as the engine expands them: bare words with typo tolerance, phrase
/// words (but stop words that are not being typed) without.
fn query_words(q: &Query) -> Vec<(&Word, bool)> {
    let mut out = Vec::new();
    for c in &q.clauses {
        match c {
            Clause::Word(w) => out.push((w, true)),
            Clause::Phrase(ws) => {
                out.extend(
                    ws.iter()
                        .filter(|w| !w.stop || w.prefix)
                        .map(|w| (w, false)),
                );
            }
        }
    }
    out
}

/// Sorts `ids` and drops repeats (the model's one sort: no sort instance of its own in the
/// app's wasm).
fn sort_unique(ids: &mut Vec<u32>) {
    raqmi_model::order::sort_by(ids, |a, b| a.cmp(b));
    ids.dedup();
}
