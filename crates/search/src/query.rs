//! The query engine over a [`SearchIndex`]: parsing what the user types, matching (exact,
//! stem, prefix, one typo; AND across words; quoted phrases), BM25F ranking, filters and
//! disjunctive facet counts, highlight spans, snippets and keyword-in-context lines.
//!
//! The index (`index.rs`) stores byte offsets, so everything here that shows text (matches,
//! snippets, KWIC) reads the documents' own text at those offsets; nothing is re-tokenized
//! except the few words after a phrase's first word, to check adjacency when the index alone
//! cannot tell.
//!
//! Cost per keystroke (10,000 articles): scoring reads each postings list once, counting
//! occurrences per field without keeping them (only the offset where they are, for the spans
//! of the first [`MATCHED_HITS`] hits); filters and facet counts read the index's flat
//! per-document tables ([`DocTables`]; a name filter marks the documents of the selected
//! values from their document lists once per search), and when most documents match and
//! nothing is filtered, the non-matching ones are subtracted from corpus-wide totals; hits are
//! ordered by sorting one integer key each (`rank_key`), and an empty query takes the stored
//! newest-first order without sorting. `query_reference.rs` keeps the straightforward engine
//! this one must agree with exactly (tests).
//!
//! Limits (all guard the per-keystroke budget against hostile or accidental input):
//! [`MAX_QUERY_CHARS`], [`MAX_CLAUSES`], [`MAX_PREFIX_TERMS`], [`MAX_TYPO_TERMS`].

use crate::facet::{FacetKind, PerFacet};
use crate::index::{self, DocTables, SearchIndex, TermEntry};
use raqmi_model::document::{Category, Document, Span};
use raqmi_model::text;
use std::collections::HashSet;

/// Characters of the query that are read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Words and phrases of the query that are used; the rest are ignored.
pub const MAX_CLAUSES: usize = 16;
/// A prefix ("num") expands to at most this many terms, the most frequent ones (by postings
/// size). Short prefixes would otherwise touch most of the index on every keystroke; the cost
/// is that a very rare completion of a very short prefix may be missed until one more letter
/// is typed.
pub const MAX_PREFIX_TERMS: usize = 64;
/// A word expands to at most this many one-typo neighbours, the most frequent ones.
pub const MAX_TYPO_TERMS: usize = 16;
/// Bytes of spaces and punctuation between two words of a phrase beyond which they are not
/// looked for (" », « " is 9): a phrase spanning a longer run is not found.
pub const PHRASE_SEPARATOR_BYTES: u32 = 16;

/// How far (in bytes) after the start of a phrase's first word, whose longest accepted folded
/// form has `first_len` bytes, the phrase's word at position `pos` can start. A word of the
/// text is at most 3 times its folded length in bytes (accents and case add bytes, never
/// more); stop words in between are at most [`index::MAX_TERM_BYTES`] long in practice.
fn phrase_reach(first_len: usize, pos: usize) -> u32 {
    let first = 3 * first_len as u32 + PHRASE_SEPARATOR_BYTES;
    let between = (pos.saturating_sub(1) as u32)
        .saturating_mul(3 * index::MAX_TERM_BYTES as u32 + PHRASE_SEPARATOR_BYTES);
    first.saturating_add(between)
}

/// Words shorter than this (in characters, folded) get no typo tolerance: one edit on a short
/// word lands on too many other words.
pub const TYPO_MIN_CHARS: usize = 5;
/// The last word is completed as a prefix only from this many characters on.
pub const PREFIX_MIN_CHARS: usize = 2;

/// Ranking tunables, in the spirit of Pagefind's `RankingWeights`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RankingWeights {
    /// BM25 term-frequency saturation, in occurrences (range 0.0–3.0; default 1.2). 0 makes
    /// one occurrence worth as much as many; higher values let repetition count longer.
    pub k1: f32,
    /// BM25 length normalization (range 0.0–1.0; default 0.75). 0 ignores document length;
    /// 1 divides term frequency fully by length relative to the average.
    pub b: f32,
    /// How much one headline occurrence counts, in body occurrences (range 1.0–10.0; default
    /// 3.0).
    pub headline: f32,
    /// Multipliers of a term's score by how it matched the query word (range 0.0–1.0;
    /// defaults 1.0 > 0.7 > 0.5 > 0.3): the same word, another inflection (same stem), a
    /// completion of the last word, a word one typo away.
    pub exact: f32,
    pub stem: f32,
    pub prefix: f32,
    pub typo: f32,
}

impl Default for RankingWeights {
    fn default() -> Self {
        RankingWeights {
            k1: 1.2,
            b: 0.75,
            headline: 3.0,
            exact: 1.0,
            stem: 0.7,
            prefix: 0.5,
            typo: 0.3,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing.

/// One word of a query, folded.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Word {
    pub folded: String,
    /// Not indexed (see [`index::is_stop_word`]): ignored as a bare word, checked in phrases.
    pub stop: bool,
    /// The last word, still being typed: also matches terms that start with it.
    pub prefix: bool,
    /// Long enough for one-typo tolerance (bare words only).
    pub typo: bool,
}

/// A condition every matching document must meet.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Clause {
    Word(Word),
    /// Consecutive words; starts and ends with a non-stop word, has at least two words.
    Phrase(Vec<Word>),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '“' | '”' | '„')
}

/// Parses the user's text: bare words, `"quoted phrases"` (also «…» and “…”; an unclosed quote
/// runs to the end), the last word as a prefix while it is being typed (the text does not end
/// with a space, a quote or punctuation, and the word has at least [`PREFIX_MIN_CHARS`]
/// characters). Bare stop words are dropped; repeated words count once.
pub fn parse_query(input: &str) -> Query {
    let input = match input.char_indices().nth(MAX_QUERY_CHARS) {
        Some((i, _)) => &input[..i],
        None => input,
    };
    // Segments between quotes, with whether each is inside quotes.
    let mut segments: Vec<(&str, bool)> = Vec::new();
    let mut in_phrase = false;
    let mut start = 0;
    for (i, c) in input.char_indices() {
        if is_quote(c) {
            segments.push((&input[start..i], in_phrase));
            in_phrase = !in_phrase;
            start = i + c.len_utf8();
        }
    }
    segments.push((&input[start..], in_phrase));
    let last_segment = segments.len() - 1;

    let mut clauses: Vec<Clause> = Vec::new();
    for (si, &(seg, phrase)) in segments.iter().enumerate() {
        let mut words = Vec::new();
        for t in text::tokens(seg) {
            let folded = text::fold(t.text);
            if folded.is_empty() {
                continue;
            }
            let chars = folded.chars().count();
            let prefix = si == last_segment && t.end == seg.len() && chars >= PREFIX_MIN_CHARS;
            words.push(Word {
                stop: index::is_stop_word(&folded) && !prefix,
                typo: !phrase && chars >= TYPO_MIN_CHARS,
                prefix,
                folded,
            });
        }
        if phrase {
            let first = words.iter().position(|w| !w.stop);
            let last = words.iter().rposition(|w| !w.stop);
            if let (Some(a), Some(b)) = (first, last) {
                let mut words: Vec<Word> = words.drain(a..=b).collect();
                if words.len() == 1 {
                    clauses.extend(words.pop().map(Clause::Word));
                } else {
                    clauses.push(Clause::Phrase(words));
                }
            }
        } else {
            clauses.extend(words.into_iter().filter(|w| !w.stop).map(Clause::Word));
        }
    }
    let mut seen = HashSet::new();
    clauses.retain(|c| seen.insert(c.clone()));
    clauses.truncate(MAX_CLAUSES);
    Query { clauses }
}

// ---------------------------------------------------------------------------------------------
// Filters, facets, results.

/// What the user narrowed the corpus to. OR within a facet, AND across facets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Inclusive lower bound, a year or a year and month. A document dated only by year is
    /// kept when its year overlaps the range. Any date bound drops undated documents.
    pub from: Option<(u16, Option<u8>)>,
    /// Inclusive upper bound.
    pub to: Option<(u16, Option<u8>)>,
    /// Canonical names per facet (OR within one, AND across them).
    pub names: PerFacet<Vec<String>>,
    /// Documents reporting a figure of one of these categories.
    pub categories: Vec<Category>,
    /// Inclusive bounds on a figure's value, applying to figures of the selected categories
    /// (any figure when none is selected); a range figure ("entre 10 et 15") qualifies when it
    /// overlaps the bounds.
    pub value_min: Option<f64>,
    pub value_max: Option<f64>,
}

impl Filters {
    /// These filters with `names` (also) selected in facet `kind`.
    pub fn with_names<S: Into<String>>(
        mut self,
        kind: FacetKind,
        names: impl IntoIterator<Item = S>,
    ) -> Self {
        self.names[kind].extend(names.into_iter().map(Into::into));
        self
    }
}

/// The name of a facet value (a source, organisation, place, person or programme), shared
/// with the index: listing it in [`Facets`] copies no string.
pub type Name = std::sync::Arc<str>;

/// A facet value and how many documents would match if it were (also) selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount<T> {
    pub value: T,
    pub count: usize,
    pub selected: bool,
}

/// Disjunctive facet counts: each facet's counts ignore that facet's own selection but apply
/// every other filter and the text query. Values with no document are listed only when
/// selected. Years are newest first, categories in declaration order, names by count then name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub years: Vec<FacetCount<u16>>,
    /// Per name facet.
    pub names: PerFacet<Vec<FacetCount<Name>>>,
    pub categories: Vec<FacetCount<Category>>,
}

/// A matching document.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Position of the document in the corpus (the `docs` slice).
    pub doc: u32,
    /// Relevance (0 for an empty query); comparable only within one result list.
    pub score: f32,
    /// Byte spans of matched words and phrases in `Document::text`, sorted, not overlapping.
    /// Filled for the first [`MATCHED_HITS`] hits; [`matches_for`] gives any other hit's.
    pub matches: Vec<Span>,
    /// Byte spans of matches in `Document::headline`, sorted, not overlapping.
    pub headline_matches: Vec<Span>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// Best first; for an empty query newest first (then by id).
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// `hits.len()`, kept for the UI's "N articles".
    pub total: usize,
}

/// Searches with the default [`RankingWeights`].
pub fn search(
    index: &SearchIndex,
    docs: &[Document],
    query: &str,
    filters: &Filters,
) -> SearchResults {
    search_with(index, docs, query, filters, &RankingWeights::default())
}

/// Hits whose [`Hit::matches`] and [`Hit::headline_matches`] [`search`] fills in: one page of
/// result cards (the app shows 20 at a time, `app::card::PAGE`). Computing spans costs a little
/// per occurrence, and a common word has hundreds of thousands of occurrences in a large corpus;
/// [`matches_for`] gives the spans of any other hit on demand, when a deeper page is shown.
pub const MATCHED_HITS: usize = 20;

/// Searches `docs` (the slice the index was built from) for `query` within `filters`.
pub fn search_with(
    index: &SearchIndex,
    docs: &[Document],
    query: &str,
    filters: &Filters,
    weights: &RankingWeights,
) -> SearchResults {
    let query = parse_query(query);
    let (ranked, facets, matched) = run(index, docs, &query, filters, weights);
    let mut scratch = SpanScratch::default();
    let mut hits: Vec<Hit> = Vec::with_capacity(ranked.len());
    let spanned = match &matched {
        Some(m) => {
            let first = &ranked[..ranked.len().min(MATCHED_HITS)];
            for &(d, score) in first {
                let (matches, headline_matches) = m.spans(index, docs, d, &mut scratch);
                hits.push(Hit {
                    doc: d,
                    score,
                    matches,
                    headline_matches,
                });
            }
            first.len()
        }
        None => 0,
    };
    // The rest carry no spans: a plain copy.
    for &(d, score) in &ranked[spanned..] {
        hits.push(Hit {
            doc: d,
            score,
            matches: Vec::new(),
            headline_matches: Vec::new(),
        });
    }
    SearchResults {
        total: hits.len(),
        hits,
        facets,
    }
}

/// The match spans of one document for `query` (in its text, in its headline), as a [`Hit`]
/// of [`search`] would carry them; empty when the document does not match the text query.
pub fn matches_for(
    index: &SearchIndex,
    docs: &[Document],
    query: &str,
    doc: u32,
) -> (Vec<Span>, Vec<Span>) {
    let query = parse_query(query);
    let n = index.doc_count().min(docs.len());
    if query.clauses.is_empty() || doc as usize >= n {
        return (Vec::new(), Vec::new());
    }
    let m = match_clauses(
        index,
        docs,
        n,
        &query,
        &RankingWeights::default(),
        Some(doc),
    );
    if m.contains(doc) {
        m.spans(index, docs, doc, &mut SpanScratch::default())
    } else {
        (Vec::new(), Vec::new())
    }
}

/// The order of hits as one integer: best score first (in `f32::total_cmp`'s order), then
/// newest first. Sorting plain integers is several times faster than sorting with a comparator,
/// and it is the one sort routine the ranking needs.
#[inline(always)]
fn rank_key(score: f32, rank: u32) -> u64 {
    let bits = score.to_bits();
    // total_cmp's order as an unsigned integer: negatives reversed below positives.
    let ascending = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    ((!ascending) as u64) << 32 | rank as u64
}

/// Ranked (document, score) pairs passing the filters, facet counts, and the text matches.
fn run(
    index: &SearchIndex,
    docs: &[Document],
    query: &Query,
    filters: &Filters,
    weights: &RankingWeights,
) -> (Vec<(u32, f32)>, Facets, Option<Matched>) {
    let n = index.doc_count().min(docs.len());
    let tables = index.doc_tables();
    let matched = if query.clauses.is_empty() {
        None
    } else {
        Some(match_clauses(index, docs, n, query, weights, None))
    };

    let plan = FilterPlan::new(index, filters);
    let mut counts = Counts::new(tables);
    // The corpus-wide totals count exactly the searched documents.
    let totals_apply = !plan.active() && n == index.doc_count();
    let ranked = match &matched {
        None => {
            // Every score is 0: the newest-first order is the stored one, no sort.
            let all = tables.by_rank.iter().copied().filter(|&d| (d as usize) < n);
            if totals_apply {
                counts.set_totals(tables);
                all.map(|d| (d, 0.0)).collect()
            } else {
                all.filter(|&d| counts.consider(&plan, tables, docs, d))
                    .map(|d| (d, 0.0))
                    .collect()
            }
        }
        Some(m) => {
            let mut keys: Vec<u64> = Vec::with_capacity(m.docs.len());
            let score = |d: u32| m.scores.get(d as usize).copied().unwrap_or(0.0);
            let mut keep = |d: u32| keys.push(rank_key(score(d), tables.rank(d)));
            if totals_apply && m.docs.len() * 2 > n {
                // Most documents match: count the others and subtract them from the totals.
                counts.set_totals(tables);
                let mut matching = m.docs.iter().copied().peekable();
                for d in 0..n as u32 {
                    if matching.next_if_eq(&d).is_some() {
                        keep(d);
                    } else {
                        counts.remove(tables, d);
                    }
                }
            } else if !plan.active() {
                for &d in &m.docs {
                    counts.add_all(tables, d, tables.meta(d).2);
                    keep(d);
                }
            } else {
                for &d in &m.docs {
                    if counts.consider(&plan, tables, docs, d) {
                        keep(d);
                    }
                }
            }
            index::sort_keys(&mut keys);
            keys.into_iter()
                .filter_map(|k| tables.by_rank.get(k as u32 as usize))
                .map(|&d| (d, score(d)))
                .collect()
        }
    };
    let facets = counts.finish(index, tables, filters, &plan);
    (ranked, facets, matched)
}

// ---------------------------------------------------------------------------------------------
// Matching and ranking.

/// A dictionary term a query word matched, and how well.
struct Expansion {
    entry: TermEntry,
    weight: f32,
}

/// The terms a query word matches, best match kind per term.
fn expand(
    index: &SearchIndex,
    word: &Word,
    weights: &RankingWeights,
    typo: bool,
) -> Vec<Expansion> {
    let mut out: Vec<Expansion> = Vec::new();
    fn add_to(out: &mut Vec<Expansion>, entry: TermEntry, weight: f32) {
        match out.iter_mut().find(|e| e.entry.id == entry.id) {
            Some(e) => e.weight = e.weight.max(weight),
            None => out.push(Expansion { entry, weight }),
        }
    }
    let add = |out: &mut Vec<Expansion>, entry, weight| add_to(out, entry, weight);
    if !word.stop {
        if let Some(e) = index.term(&word.folded) {
            add(&mut out, e, weights.exact);
        }
        let stem = index::stem(&index::french_stemmer(), &word.folded);
        for e in index.terms_with_stem(&stem) {
            add(&mut out, e, weights.stem);
        }
    }
    if word.prefix {
        let mut completions = index.terms_with_prefix(&word.folded);
        most_frequent(&mut completions, MAX_PREFIX_TERMS);
        for e in completions {
            add(&mut out, e, weights.prefix);
        }
    }
    // Typo neighbours are looked for even when the word itself is found: they rank below
    // every other kind of match, and the scan costs well under a millisecond.
    if typo && word.typo {
        let mut near = typo_neighbours(index, &word.folded);
        most_frequent(&mut near, MAX_TYPO_TERMS);
        for e in near {
            add(&mut out, e, weights.typo);
        }
    }
    out
}

/// The terms one edit away from `word` (of [`TYPO_MIN_CHARS`] characters or more). An edit
/// after the first character keeps it, so those neighbours are in the range of the dictionary
/// that starts with it; an edit of the first character is tried by looking up each candidate
/// (the character dropped, swapped with the second, or replaced by or preceded by an ASCII
/// letter or digit), skipping keys whose first two bytes begin no term. That touches a
/// twentieth of the dictionary instead of all of it.
fn typo_neighbours(index: &SearchIndex, word: &str) -> Vec<TermEntry> {
    let target: Vec<char> = word.chars().collect();
    let Some(&first) = target.first() else {
        return Vec::new();
    };
    let tb = word.as_bytes();
    let mut buf = Vec::new();
    let mut first_buf = [0u8; 4];
    let mut out = index.terms_where(first.encode_utf8(&mut first_buf), |key| {
        if key.len().abs_diff(tb.len()) > 4 || key == tb {
            return false;
        }
        if key.is_ascii() && tb.is_ascii() {
            return within_one_edit(key, tb);
        }
        let Ok(s) = std::str::from_utf8(key) else {
            return false;
        };
        buf.clear();
        buf.extend(s.chars());
        within_one_edit(&buf, &target)
    });
    let rest: String = target[1..].iter().collect();
    let mut look = |key: &str| {
        if key != word && index.may_be_a_term(key.as_bytes()) {
            out.extend(index.term(key));
        }
    };
    look(&rest);
    if let Some(&second) = target.get(1) {
        let mut swapped: String = [second, first].iter().collect();
        swapped.extend(&target[2..]);
        look(&swapped);
    }
    let mut key = String::new();
    for c in ('a'..='z').chain('0'..='9').filter(|&c| c != first) {
        for tail in [word, rest.as_str()] {
            key.clear();
            key.push(c);
            key.push_str(tail);
            look(&key);
        }
    }
    out.sort_by_key(|e| e.id);
    out.dedup_by_key(|e| e.id);
    out
}

fn most_frequent(entries: &mut Vec<TermEntry>, keep: usize) {
    if entries.len() > keep {
        entries.sort_by_key(|e| std::cmp::Reverse(e.postings_len()));
        entries.truncate(keep);
    }
}

/// Damerau–Levenshtein distance <= 1 (one insertion, deletion, substitution or swap of two
/// adjacent characters).
pub fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if p == la && p == lb {
        return true;
    }
    match la.cmp(&lb) {
        std::cmp::Ordering::Equal => {
            a[p + 1..] == b[p + 1..]
                || (p + 1 < la && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..])
        }
        std::cmp::Ordering::Less => a[p..] == b[p + 1..],
        std::cmp::Ordering::Greater => a[p + 1..] == b[p..],
    }
}

/// BM25's length normalization of one field of one document: its length relative to the
/// average, weighted by `b` (never below 1e-3).
fn length_norm(w: &RankingWeights, len: u16, avg: f32) -> f32 {
    let norm = if avg > 0.0 {
        1.0 - w.b + w.b * len as f32 / avg
    } else {
        1.0
    };
    norm.max(1e-3)
}

/// A document's (headline, body) length norms.
fn doc_norms(
    w: &RankingWeights,
    (len_h, len_b): (u16, u16),
    (avg_h, avg_b): (f32, f32),
) -> [f32; 2] {
    [length_norm(w, len_h, avg_h), length_norm(w, len_b, avg_b)]
}

/// The length norms of every document for `w`, computed once per index (see
/// [`DocTables::norms`]), or `None` for weights whose `b` differs from the first ones asked.
fn norms_for<'a>(index: &'a SearchIndex, w: &RankingWeights) -> Option<&'a [[f32; 2]]> {
    let avgs = index.average_lengths();
    index
        .doc_tables()
        .norms(w.b, |d| doc_norms(w, index.lengths(d), avgs))
}

/// `best.max(score).max(f32::MIN_POSITIVE)`, written as comparisons: in wasm, `f32::max` is a
/// call to a library function (its NaN rule has no single instruction), twice per posting.
/// Same value: `best` is never NaN, and a NaN score leaves it as `max` would.
#[inline(always)]
fn keep_best(best: f32, score: f32) -> f32 {
    let m = if score > best { score } else { best };
    if m > f32::MIN_POSITIVE {
        m
    } else {
        f32::MIN_POSITIVE
    }
}

/// BM25F of one term (or phrase) in one document, given the document's length norms.
#[inline(always)]
fn bm25f(w: &RankingWeights, idf: f32, tf_h: u32, tf_b: u32, [norm_h, norm_b]: [f32; 2]) -> f32 {
    let tf = w.headline * tf_h as f32 / norm_h + tf_b as f32 / norm_b;
    if tf <= 0.0 {
        return 0.0;
    }
    idf * tf * (w.k1 + 1.0) / (tf + w.k1)
}

fn idf(n: usize, df: u32) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(0.0)
}

// Sets of documents as bits (a 10,000-document corpus is 157 words).

fn bits_for(n: usize) -> Vec<u64> {
    vec![0; n.div_ceil(64)]
}

#[inline(always)]
fn bit_set(bits: &mut [u64], d: u32) {
    if let Some(w) = bits.get_mut(d as usize / 64) {
        *w |= 1 << (d % 64);
    }
}

/// The documents of a set, increasing.
fn bit_docs(bits: &[u64]) -> Vec<u32> {
    let mut out = Vec::new();
    for (i, &w) in bits.iter().enumerate() {
        let mut w = w;
        while w != 0 {
            out.push(i as u32 * 64 + w.trailing_zeros());
            w &= w - 1;
        }
    }
    out
}

/// The documents one word form matched, with where each one's occurrences are in the
/// postings: read again only for the hits whose spans are shown.
#[derive(Default)]
struct WordTable {
    /// (document, [`index::DocCounts::at`]), by document.
    docs: Vec<(u32, u32)>,
}

/// A phrase's occurrences, by document.
#[derive(Default)]
struct PhraseTable {
    /// Increasing document numbers.
    docs: Vec<u32>,
    /// Where each document's occurrences start in `occ`.
    starts: Vec<u32>,
    /// Per occurrence: its first word as stored (`(address << 1) | is_headline`) and the
    /// address of its last word (the span ends where that word ends).
    occ: Vec<(u32, u32)>,
}

impl PhraseTable {
    fn of(&self, d: u32) -> &[(u32, u32)] {
        let Ok(i) = self.docs.binary_search(&d) else {
            return &[];
        };
        let lo = self.starts[i] as usize;
        let hi = self
            .starts
            .get(i + 1)
            .map_or(self.occ.len(), |&x| x as usize);
        self.occ.get(lo..hi).unwrap_or(&[])
    }
}

/// Documents matching every clause, with their scores and where the matches are.
struct Matched {
    /// Increasing document numbers.
    docs: Vec<u32>,
    /// Per document number below `n`, its score (0 when it does not match).
    scores: Vec<f32>,
    words: Vec<WordTable>,
    phrases: Vec<PhraseTable>,
}

/// Scores the documents matching every clause. With `only`, looks at that document alone
/// (to compute its match spans on demand).
fn match_clauses(
    index: &SearchIndex,
    docs: &[Document],
    n: usize,
    query: &Query,
    weights: &RankingWeights,
    only: Option<u32>,
) -> Matched {
    let avgs = index.average_lengths();
    let norms = norms_for(index, weights);
    let norm = |d: u32| match norms.and_then(|ns| ns.get(d as usize)) {
        Some(&ns) => ns,
        None => doc_norms(weights, index.lengths(d), avgs),
    };
    let mut total_scores = vec![0f32; n];
    // Per document, how many clauses it matched so far: a clause only looks at documents
    // that matched every earlier one (AND).
    let mut passed_clauses = vec![0u8; n];
    let mut best_scores = vec![0f32; n];
    // Slices, not vectors, in the loops below: the size-optimized build calls a function for
    // each indexing of a vector.
    let total = total_scores.as_mut_slice();
    let passed = passed_clauses.as_mut_slice();
    let best = best_scores.as_mut_slice();
    let mut touched: Vec<u32> = Vec::new();
    let mut words = Vec::new();
    let mut phrases = Vec::new();

    for (ci, clause) in query.clauses.iter().enumerate() {
        touched.clear();
        match clause {
            Clause::Word(word) => {
                for x in expand(index, word, weights, true) {
                    let mut table = WordTable::default();
                    let mut p = index.postings(&x.entry);
                    let term_idf = idf(n, p.df());
                    while let Some(c) = p.next_counts() {
                        let d = c.doc;
                        if only.is_some_and(|o| d > o) {
                            break;
                        }
                        let du = d as usize;
                        if passed.get(du).is_none_or(|&p| p as usize != ci)
                            || only.is_some_and(|o| d != o)
                        {
                            continue;
                        }
                        let s = x.weight * bm25f(weights, term_idf, c.headline, c.body, norm(d));
                        if best[du] == 0.0 {
                            touched.push(d);
                        }
                        best[du] = keep_best(best[du], s);
                        table.docs.push((d, c.at));
                    }
                    words.push(table);
                }
            }
            Clause::Phrase(ws) => {
                let ctx = PhraseContext {
                    index,
                    docs,
                    n,
                    weights,
                    ci,
                    only,
                    passed,
                    norms,
                };
                phrases.push(ctx.run(ws, best, &mut touched));
            }
        }
        for &d in &touched {
            let du = d as usize;
            total[du] += best[du];
            passed[du] += 1;
            best[du] = 0.0;
        }
    }
    // The last clause touched exactly the documents that matched every clause: in order
    // already when one word form matched them.
    let sorted = {
        let t = touched.as_slice();
        let mut i = 1;
        while i < t.len() && t[i - 1] < t[i] {
            i += 1;
        }
        i >= t.len()
    };
    let docs_out = if sorted {
        touched
    } else {
        let mut all = bits_for(n);
        for &d in &touched {
            bit_set(&mut all, d);
        }
        bit_docs(&all)
    };
    Matched {
        docs: docs_out,
        scores: total_scores,
        words,
        phrases,
    }
}

/// What a phrase clause needs to know of the search it is part of.
struct PhraseContext<'a> {
    index: &'a SearchIndex,
    docs: &'a [Document],
    n: usize,
    weights: &'a RankingWeights,
    /// The clause's number: documents must have matched every earlier clause.
    ci: usize,
    only: Option<u32>,
    passed: &'a [u8],
    /// The documents' BM25 length norms, when cached for these weights.
    norms: Option<&'a [[f32; 2]]>,
}

/// An occurrence of a phrase word while a phrase is checked: `(stored occurrence << 8) |
/// written length of its term` (0 when unknown), so that sorting sorts by address.
type Tagged = u64;

#[inline(always)]
fn tagged_address(t: Tagged) -> u32 {
    (t >> 9) as u32
}

/// One accepted form of a phrase word, walked along the documents.
struct FormStream<'a> {
    postings: index::Postings<'a>,
    /// The current document and its occurrence bytes.
    current: Option<(u32, &'a [u8])>,
    /// The written length of the form's term (0: it varies).
    written: u8,
}

impl FormStream<'_> {
    #[inline(always)]
    fn skip_to(&mut self, d: u32) {
        while self.current.is_some_and(|c| c.0 < d) {
            self.current = self.postings.next_bytes();
        }
    }
}

/// The smallest current document of a word's forms.
#[inline(always)]
fn first_doc(forms: &[FormStream]) -> Option<u32> {
    let mut first: Option<u32> = None;
    for f in forms {
        if let Some((d, _)) = f.current {
            if first.is_none_or(|x| d < x) {
                first = Some(d);
            }
        }
    }
    first
}

impl PhraseContext<'_> {
    /// Scores the documents where the phrase occurs (words consecutive, stop words included).
    fn run(&self, words: &[Word], best: &mut [f32], touched: &mut Vec<u32>) -> PhraseTable {
        let mut out = PhraseTable::default();
        let (index, n) = (self.index, self.n);
        // Phrase words match as written or inflected (the last one also as a prefix while it
        // is typed), never with a typo.
        // Per content word: its position in the phrase and its accepted forms.
        let mut content: Vec<(usize, Vec<FormStream>)> = Vec::new();
        let mut first_len = 0;
        for (wi, w) in words.iter().enumerate() {
            if w.stop && !w.prefix {
                continue;
            }
            let ex = expand(index, w, self.weights, false);
            if content.is_empty() {
                first_len = ex.iter().map(|x| x.entry.term.len()).max().unwrap_or(0);
            }
            let forms = ex
                .iter()
                .map(|x| {
                    let mut postings = index.postings(&x.entry);
                    FormStream {
                        current: postings.next_bytes(),
                        postings,
                        written: x.entry.written_len().map_or(0, |l| l.min(255) as u8),
                    }
                })
                .collect();
            content.push((wi, forms));
        }
        if content.is_empty() {
            return out;
        }

        // The documents holding every content word (in some form), in order: each word's
        // forms are walked once, together, skipping to the largest document any word is at.
        // Per document found: its phrase occurrences in the headline and in the body.
        let mut counts: Vec<(u32, u32)> = Vec::new();
        let mut buf = String::new();
        // Per phrase word, the occurrences of a content word in the current document.
        let mut lists: Vec<Vec<Tagged>> = vec![Vec::new(); words.len()];
        let second = content
            .get(1)
            .map(|(pos, _)| (*pos, phrase_reach(first_len, *pos)));
        let mut target = self.only.unwrap_or(0);
        'docs: loop {
            let mut agreed = true;
            for (_, forms) in content.iter_mut() {
                for f in forms.iter_mut() {
                    f.skip_to(target);
                }
                match first_doc(forms) {
                    None => break 'docs,
                    Some(first) if first > target => {
                        target = first;
                        agreed = false;
                    }
                    Some(_) => {}
                }
            }
            if !agreed {
                continue;
            }
            let d = target;
            if self.only.is_some_and(|o| d != o) {
                break;
            }
            let Some(next) = d.checked_add(1) else {
                break;
            };
            target = next;
            // Documents must have matched every earlier clause.
            if self
                .passed
                .get(d as usize)
                .is_none_or(|&p| p as usize != self.ci)
            {
                continue;
            }
            for (pos, forms) in &content {
                let Some(list) = lists.get_mut(*pos) else {
                    continue;
                };
                list.clear();
                let mut forms_here = 0;
                for f in forms {
                    if let Some((_, bytes)) = f.current.filter(|c| c.0 == d) {
                        index::decode_tagged(bytes, f.written, list);
                        forms_here += 1;
                    }
                }
                // One form's occurrences are stored in increasing order already.
                if forms_here > 1 || !strictly_increasing(list) {
                    index::sort_keys(list);
                    list.dedup_by_key(|t| *t >> 8);
                }
            }
            let Some(starts) = lists.first() else {
                break;
            };
            let found_before = out.occ.len();
            let mut headline = 0;
            // The second content word's first occurrence after each start (starts increase).
            let mut after = 0;
            for &s in starts {
                let addr = tagged_address(s);
                // Rule out, from the index alone, starts that the next content word does not
                // follow closely enough.
                let mut next = None;
                if let Some((pos, reach)) = second {
                    let list = &lists[pos];
                    while after < list.len() && tagged_address(list[after]) <= addr {
                        after += 1;
                    }
                    if after == list.len() || tagged_address(list[after]) - addr > reach {
                        continue;
                    }
                    // That occurrence is the one an adjacent second word must be.
                    next = (pos == 1).then(|| list[after]);
                }
                let last = match adjacent_in_index(s, next, words, &lists) {
                    Some(last) => Some(last),
                    None => self
                        .docs
                        .get(d as usize)
                        .and_then(|doc| phrase_last(doc, addr, words, &lists, &mut buf)),
                };
                if let Some(last) = last {
                    out.occ.push(((s >> 8) as u32, last));
                    headline += (s >> 8) as u32 & 1;
                }
            }
            if out.occ.len() > found_before {
                out.docs.push(d);
                out.starts.push(found_before as u32);
                counts.push((headline, (out.occ.len() - found_before) as u32 - headline));
            }
        }
        let content_words = words.iter().filter(|w| !w.stop).count().max(1) as f32;
        let phrase_idf = idf(n, out.docs.len() as u32) * content_words;
        for (&d, &(h, b)) in out.docs.iter().zip(&counts) {
            let norm = match self.norms.and_then(|ns| ns.get(d as usize)) {
                Some(&norm) => norm,
                None => doc_norms(self.weights, index.lengths(d), index.average_lengths()),
            };
            let s = self.weights.exact * bm25f(self.weights, phrase_idf, h, b, norm);
            let du = d as usize;
            if best[du] == 0.0 {
                touched.push(d);
            }
            best[du] = keep_best(best[du], s);
        }
        out
    }
}

/// True when each tagged occurrence's address is above the previous one's.
#[inline(always)]
fn strictly_increasing(list: &[Tagged]) -> bool {
    let mut i = 1;
    while i < list.len() {
        if list[i - 1] >> 8 >= list[i] >> 8 {
            return false;
        }
        i += 1;
    }
    true
}

/// The address of the phrase's last word when the index alone shows the phrase starts at
/// `first`: each word's term is always written in the same number of bytes (so its end is
/// known) and the next word starts one or two bytes later. Words are maximal runs of word
/// characters, so the byte after a word and the byte before the next are not word characters:
/// a gap of one or two bytes holds no word, not even an unindexed stop word (" a " is three).
/// `None` when that cannot be told without reading the text (a stop word in the phrase, a
/// longer gap, lengths that vary), never for a phrase that is not there: [`phrase_last`] then
/// reads the text.
/// `second`, when known, is the second word's first occurrence after the first one's start.
#[inline(always)]
fn adjacent_in_index(
    first: Tagged,
    second: Option<Tagged>,
    words: &[Word],
    lists: &[Vec<Tagged>],
) -> Option<u32> {
    let mut cur = first;
    for (i, (w, list)) in words.iter().zip(lists).enumerate().skip(1) {
        let written = (cur & 0xff) as u32;
        if (w.stop && !w.prefix) || written == 0 {
            return None;
        }
        let end = tagged_address(cur).checked_add(written)?;
        // Words do not overlap: the first occurrence after the start is after the end too.
        let next = match second {
            Some(next) if i == 1 => next,
            _ => *list.get(list.partition_point(|&x| tagged_address(x) <= end))?,
        };
        // From the body (bit 0) into a headline at virtual addresses (bit 1) is a jump from
        // one string to another, never an adjacency.
        let into_headline = cur >> 8 & 1 == 0 && next >> 8 & 1 == 1;
        // (A damaged index may put it before the end: no adjacency either.)
        let gap = tagged_address(next).wrapping_sub(end);
        if !(1..=2).contains(&gap) || into_headline {
            return None;
        }
        cur = next;
    }
    Some(tagged_address(cur))
}

/// The text an address points into, and the offset there: the document text, or the headline
/// for a virtual address (see `index.rs`).
fn resolve(doc: &Document, addr: usize) -> Option<(&str, usize, bool)> {
    if addr <= doc.text.len() {
        return Some((&doc.text, addr, false));
    }
    let base = index::headline_base(doc)?;
    let h = doc.headline.as_deref()?;
    Some((h, addr.checked_sub(base)?, true))
}

/// The address of the phrase's last word when the phrase's first word is at `addr`, if the
/// words that follow in the text are the phrase's: a stop word is read and compared, a content
/// word must be one of its indexed occurrences in `lists` (so its inflections and completions
/// count, as for bare words).
fn phrase_last(
    doc: &Document,
    addr: u32,
    words: &[Word],
    lists: &[Vec<Tagged>],
    buf: &mut String,
) -> Option<u32> {
    let (s, off, _) = resolve(doc, addr as usize)?;
    let base = (addr as usize).checked_sub(off)?;
    let mut end = word_end(s, off)?;
    let mut last = addr;
    for (w, list) in words.iter().zip(lists).skip(1) {
        let t = scan(s, end, false);
        let t_end = word_end(s, t)?;
        let at = u32::try_from(base + t).ok()?;
        if w.stop && !w.prefix {
            text::fold_into(s.get(t..t_end)?, buf);
            if *buf != w.folded {
                return None;
            }
        } else {
            at.checked_mul(2)?;
            let i = list.partition_point(|&o| tagged_address(o) < at);
            if list.get(i).is_none_or(|&o| tagged_address(o) != at) {
                return None;
            }
        }
        end = t_end;
        last = at;
    }
    u32::try_from(base + end).ok()?;
    Some(last)
}

/// The end of the word starting at `start` in `s`.
fn word_end(s: &str, start: usize) -> Option<usize> {
    if !s.is_char_boundary(start) {
        return None;
    }
    let end = scan(s, start, true);
    (end > start).then_some(end)
}

/// The first byte at or after `from` (a char boundary) where a character is (`word` false) or
/// is not (`word` true) a word character; `s.len()` if none. ASCII is tested byte by byte:
/// this runs for every occurrence a phrase or a highlight looks at.
fn scan(s: &str, from: usize, word: bool) -> usize {
    let bytes = s.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let (is_word, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => (text::is_word_char(c), c.len_utf8()),
                None => return s.len(),
            }
        };
        if is_word != word {
            return i;
        }
        i += len;
    }
    s.len()
}

/// Buffers reused while spans are located for many hits.
#[derive(Default)]
struct SpanScratch {
    occ: Vec<u32>,
    keys: Vec<u64>,
}

impl Matched {
    fn contains(&self, d: u32) -> bool {
        self.docs.binary_search(&d).is_ok()
    }

    /// Highlight spans of one document: in its text, and in its headline.
    fn spans(
        &self,
        index: &SearchIndex,
        docs: &[Document],
        d: u32,
        scratch: &mut SpanScratch,
    ) -> (Vec<Span>, Vec<Span>) {
        let (mut text_spans, mut head_spans) = (Vec::new(), Vec::new());
        let Some(doc) = docs.get(d as usize) else {
            return (text_spans, head_spans);
        };
        let in_text_headline = match index::headline_base(doc) {
            Some(b) if b <= doc.text.len() => doc.paragraphs.first().map(|p| p.span),
            _ => None,
        };
        let mut add = |start: usize, end: Option<usize>| {
            let Some((s, off, virtual_headline)) = resolve(doc, start) else {
                return;
            };
            // A word ends where its text says; a phrase where its last word does.
            let end_off = match end {
                None => word_end(s, off),
                Some(last) => resolve(doc, last).and_then(|(ls, loff, _)| {
                    let end = last - loff + word_end(ls, loff)?;
                    end.checked_sub(start).map(|l| off + l)
                }),
            };
            let Some(end_off) = end_off.filter(|&e| e <= s.len() && s.is_char_boundary(e)) else {
                return;
            };
            let span = Span::new(off, end_off);
            if virtual_headline {
                head_spans.push(span);
                return;
            }
            text_spans.push(span);
            if let Some(h) = in_text_headline.filter(|h| h.contains(span)) {
                head_spans.push(Span::new(
                    off - h.start as usize,
                    end_off - h.start as usize,
                ));
            }
        };
        for table in &self.words {
            if let Ok(i) = table.docs.binary_search_by_key(&d, |e| e.0) {
                index.occurrences_at(table.docs[i].1, &mut scratch.occ);
                for &o in scratch.occ.iter() {
                    add((o >> 1) as usize, None);
                }
            }
        }
        for table in &self.phrases {
            for &(o, last) in table.of(d) {
                add((o >> 1) as usize, Some(last as usize));
            }
        }
        merge(&mut text_spans, &mut scratch.keys);
        merge(&mut head_spans, &mut scratch.keys);
        (text_spans, head_spans)
    }
}

/// Sorts spans and merges the overlapping ones, in place (`keys` is scratch space).
fn merge(spans: &mut Vec<Span>, keys: &mut Vec<u64>) {
    keys.clear();
    keys.extend(spans.iter().map(|s| (s.start as u64) << 32 | s.end as u64));
    index::sort_keys(keys);
    spans.clear();
    for &k in keys.iter() {
        let s = Span {
            start: (k >> 32) as u32,
            end: k as u32,
        };
        match spans.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => spans.push(s),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Filters and facet counting.

const F_DATE: u8 = 1;
const F_CATEGORY: u8 = 1 << 6;

/// The filter bit of a facet kind (`FacetKind as u8`): Source, Org, Place, Person, Program
/// take bits 1 to 5; anything else none.
#[inline(always)]
fn kind_bit(kind: u8) -> u8 {
    if kind < 5 {
        2 << kind
    } else {
        0
    }
}

fn category_bit(c: Category) -> u8 {
    1 << (c as u8)
}

/// Filters resolved against the index once per search.
struct FilterPlan {
    from: Option<(u16, u8)>,
    to: Option<(u16, u8)>,
    /// The bits of the facets that have a selection.
    string_facets: u8,
    /// Per facet value id, its facet's bit when it is selected, else 0 (empty when no facet
    /// has a selection).
    selected: Vec<u8>,
    /// Per document, the bits of the facets it has a selected value of (empty when no facet
    /// has a selection): built from the selected values' document lists, so that a document's
    /// names are read only when it fails one of those facets and counts for it.
    has_selected: Vec<u8>,
    categories: u8,
    value_range: Option<(f64, f64)>,
}

impl FilterPlan {
    fn new(index: &SearchIndex, f: &Filters) -> FilterPlan {
        let values = index.facet_values();
        let mut selected = Vec::new();
        let mut string_facets = 0;
        for (kind, names) in string_selections(f) {
            if names.is_empty() {
                continue;
            }
            let bit = kind_bit(kind as u8);
            string_facets |= bit;
            if selected.is_empty() {
                selected = vec![0; values.len()];
            }
            for name in names {
                if let Some(i) = values
                    .iter()
                    .position(|v| v.kind == kind && v.name == *name)
                {
                    selected[i] |= bit;
                }
            }
        }
        let mut has_selected = Vec::new();
        if string_facets != 0 {
            let t = index.doc_tables();
            has_selected = vec![0u8; index.doc_count()];
            for (id, &bit) in selected.iter().enumerate() {
                if bit != 0 {
                    for &d in t.docs_with(id as u32) {
                        if let Some(m) = has_selected.get_mut(d as usize) {
                            *m |= bit;
                        }
                    }
                }
            }
        }
        let value_range = match (f.value_min, f.value_max) {
            (None, None) => None,
            (lo, hi) => Some((lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY))),
        };
        FilterPlan {
            from: f.from.map(|(y, m)| (y, m.unwrap_or(1))),
            to: f.to.map(|(y, m)| (y, m.unwrap_or(12))),
            string_facets,
            selected,
            has_selected,
            categories: f.categories.iter().fold(0, |a, &c| a | category_bit(c)),
            value_range,
        }
    }

    /// True when some document can fail a filter.
    fn active(&self) -> bool {
        self.from.is_some()
            || self.to.is_some()
            || self.string_facets != 0
            || self.categories != 0
            || self.value_range.is_some()
    }

    /// The filters document `d` fails (bits), and the categories it offers the category facet
    /// (those of its figures within the value range, if one is set). The document itself is
    /// read only for a value range.
    #[inline(always)]
    fn eval(&self, t: &DocTables, d: u32, docs: &[Document]) -> (u8, u8) {
        let (year, month, all_categories) = t.meta(d);
        let mut failed = 0;
        if self.from.is_some() || self.to.is_some() {
            let start = (year, if month == 0 { 1 } else { month });
            let end = (year, if month == 0 { 12 } else { month });
            let ok = year != 0
                && self.from.is_none_or(|f| end >= f)
                && self.to.is_none_or(|t| start <= t);
            if !ok {
                failed |= F_DATE;
            }
        }
        let categories = match self.value_range {
            None => all_categories,
            Some((lo, hi)) => docs.get(d as usize).map_or(0, |doc| {
                doc.figures
                    .iter()
                    .filter(|fig| fig.value <= hi && fig.high.unwrap_or(fig.value) >= lo)
                    .fold(0, |m, fig| m | category_bit(fig.category))
            }),
        };
        let category_ok = if self.categories != 0 {
            categories & self.categories != 0
        } else if self.value_range.is_some() {
            categories != 0
        } else {
            true
        };
        if !category_ok {
            failed |= F_CATEGORY;
        }
        if self.string_facets != 0 {
            let ok = self.has_selected.get(d as usize).copied().unwrap_or(0);
            failed |= self.string_facets & !ok;
        }
        (failed, categories)
    }
}

/// Orders facet keys `(u32::MAX - count) << 32 | id`, given in increasing id order, as
/// [`index::sort_keys`] would (most documents first, then by id): with one counting pass when
/// the counts are small next to the number of values (thousands of names counted once or
/// twice), else with the radix sort.
fn order_by_count(keys: &mut Vec<u64>) {
    let count = |k: u64| (u32::MAX - (k >> 32) as u32) as usize;
    let n = keys.len();
    let max = keys.iter().map(|&k| count(k)).max().unwrap_or(0);
    if n <= 32 || max > 4 * n {
        index::sort_keys(keys);
        return;
    }
    // Where each count's keys start, the largest count first.
    let mut starts = vec![0u32; max + 1];
    for &k in keys.iter() {
        starts[count(k)] += 1;
    }
    let mut at = 0;
    for s in starts.iter_mut().rev() {
        let here = *s;
        *s = at;
        at += here;
    }
    let mut ordered = vec![0u64; n];
    let out = ordered.as_mut_slice();
    for &k in keys.iter() {
        let s = &mut starts[count(k)];
        if let Some(o) = out.get_mut(*s as usize) {
            *o = k;
        }
        *s += 1;
    }
    *keys = ordered;
}

fn string_selections(f: &Filters) -> [(FacetKind, &Vec<String>); FacetKind::COUNT] {
    FacetKind::ALL.map(|k| (k, &f.names[k]))
}

/// Disjunctive counts being accumulated: per facet value id, per year slot of the
/// [`DocTables`], per category bit.
struct Counts {
    values: Vec<u32>,
    years: Vec<u32>,
    categories: [u32; 8],
}

impl Counts {
    fn new(t: &DocTables) -> Counts {
        Counts {
            values: vec![0; t.total_values.len()],
            years: vec![0; t.total_years.len()],
            categories: [0; 8],
        }
    }

    /// Starts from the whole corpus's counts (no filter, every document).
    fn set_totals(&mut self, t: &DocTables) {
        self.values.clone_from(&t.total_values);
        self.years.clone_from(&t.total_years);
        self.categories = t.total_categories;
    }

    /// Counts a document that passes every filter, offering `categories`.
    #[inline(always)]
    fn add_all(&mut self, t: &DocTables, d: u32, categories: u8) {
        for &id in t.facets(d) {
            if let Some(c) = self.values.get_mut(id as usize) {
                *c += 1;
            }
        }
        self.add_year(t, d);
        self.add_categories(categories);
    }

    /// Takes back a document counted by [`Counts::set_totals`].
    fn remove(&mut self, t: &DocTables, d: u32) {
        for &id in t.facets(d) {
            if let Some(c) = self.values.get_mut(id as usize) {
                *c = c.saturating_sub(1);
            }
        }
        if let Some(c) = self.years.get_mut(t.year_slot(d) as usize) {
            *c = c.saturating_sub(1);
        }
        let categories = t.meta(d).2;
        for (bit, c) in self.categories.iter_mut().enumerate() {
            *c = c.saturating_sub((categories >> bit & 1) as u32);
        }
    }

    #[inline(always)]
    fn add_year(&mut self, t: &DocTables, d: u32) {
        if let Some(c) = self.years.get_mut(t.year_slot(d) as usize) {
            *c += 1;
        }
    }

    #[inline(always)]
    fn add_categories(&mut self, categories: u8) {
        let mut bits = categories;
        while bits != 0 {
            self.categories[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
    }

    /// Filters and counts document `d`; true when it passes every filter. A document counts
    /// for facet F when it passes every filter but F's own: every facet when it fails none,
    /// only F when F is the one it fails, none when it fails two.
    fn consider(&mut self, plan: &FilterPlan, t: &DocTables, docs: &[Document], d: u32) -> bool {
        let (failed, categories) = plan.eval(t, d, docs);
        match failed {
            0 => {
                self.add_all(t, d, categories);
                return true;
            }
            F_DATE => self.add_year(t, d),
            F_CATEGORY => self.add_categories(categories),
            bit if bit.is_power_of_two() => {
                let kind = bit.trailing_zeros() as u8 - 1;
                match t.facets_of_kind(d, kind) {
                    Some(ids) => {
                        for &id in ids {
                            if let Some(c) = self.values.get_mut(id as usize) {
                                *c += 1;
                            }
                        }
                    }
                    None => {
                        for &id in t.facets(d) {
                            if kind_bit(t.value_kind(id)) == bit {
                                if let Some(c) = self.values.get_mut(id as usize) {
                                    *c += 1;
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        false
    }

    fn finish(self, index: &SearchIndex, t: &DocTables, f: &Filters, plan: &FilterPlan) -> Facets {
        let from = f.from.map(|(y, _)| y);
        let to = f.to.map(|(y, _)| y);
        let date_filtered = from.is_some() || to.is_some();
        let years: Vec<FacetCount<u16>> = t
            .years
            .iter()
            .zip(&self.years)
            .rev()
            .filter(|(_, &count)| count > 0)
            .map(|(&y, &count)| FacetCount {
                value: y,
                count: count as usize,
                selected: date_filtered && from.is_none_or(|f| y >= f) && to.is_none_or(|t| y <= t),
            })
            .collect();

        let values = index.facet_values();
        let selections = string_selections(f);
        // Per kind, the values to list as sort keys: count descending, then id, which is name
        // order when the values are sorted (as an index builds them).
        let mut keys: [Vec<u64>; 5] = Default::default();
        // Whether value `i` is selected: its name is in its facet's selection. In an index
        // built by this crate values are unique, and the plan marked the selected ones.
        let unique = t.values_sorted;
        let is_selected = |i: usize, kind: usize| {
            if unique {
                plan.selected.get(i).is_some_and(|&b| b != 0)
            } else {
                values
                    .get(i)
                    .is_some_and(|v| selections.get(kind).is_some_and(|s| s.1.contains(&v.name)))
            }
        };
        let any_selected = selections.iter().any(|s| !s.1.is_empty());
        let (counts, kinds) = (self.values.as_slice(), t.value_kinds());
        for i in 0..counts.len().min(kinds.len()) {
            let (count, kind) = (counts[i], kinds[i] as usize);
            // Values with no document are listed when selected.
            let listed = count > 0 || (any_selected && is_selected(i, kind));
            if let (true, Some(keys)) = (listed, keys.get_mut(kind)) {
                keys.push(((u32::MAX - count) as u64) << 32 | i as u64);
            }
        }
        let mut by_kind: [Vec<FacetCount<Name>>; FacetKind::COUNT] = Default::default();
        for (slot, keys) in keys.iter_mut().enumerate() {
            order_by_count(keys);
            let names = selections[slot].1;
            let list = &mut by_kind[slot];
            list.reserve(keys.len());
            for &k in keys.iter() {
                let i = k as u32 as usize;
                let Some(name) = t.value_names.get(i) else {
                    continue;
                };
                list.push(FacetCount {
                    value: name.clone(),
                    count: (u32::MAX - (k >> 32) as u32) as usize,
                    selected: !names.is_empty() && is_selected(i, slot),
                });
            }
            // Selected names the corpus does not have still show (with 0) so they can be
            // removed. A name the plan found is listed already.
            let mut missing = false;
            for name in names.iter() {
                let found = unique
                    && values
                        .binary_search_by(|v| (v.kind as usize, v.name.as_str()).cmp(&(slot, name)))
                        .is_ok();
                if !found && !list.iter().any(|c| *c.value == **name) {
                    list.push(FacetCount {
                        value: name.as_str().into(),
                        count: 0,
                        selected: true,
                    });
                    missing = true;
                }
            }
            if missing || !t.values_sorted {
                list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            }
        }
        let categories = Category::ALL
            .iter()
            .enumerate()
            .map(|(i, &c)| FacetCount {
                value: c,
                count: self.categories[i] as usize,
                selected: f.categories.contains(&c),
            })
            .filter(|c| c.count > 0 || c.selected)
            .collect();
        Facets {
            years,
            names: PerFacet(by_kind),
            categories,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Snippets and keyword in context.

/// A piece of a snippet; the UI renders each as a text node (marked ones inside `<mark>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnippetPart {
    pub text: String,
    pub marked: bool,
}

/// The ellipsis put where a snippet or KWIC context is cut.
pub const ELLIPSIS: &str = "…";

/// About `max_chars` characters of the body around the densest group of matches, cut at word
/// boundaries, with the matches marked and [`ELLIPSIS`] parts where the text was cut. Without
/// matches, the beginning of the body. A hit past [`MATCHED_HITS`] carries no spans: fill
/// them with [`matches_for`] first to get its matches marked.
pub fn snippet(doc: &Document, hit: &Hit, max_chars: usize) -> Vec<SnippetPart> {
    let text = doc.text.as_str();
    if max_chars == 0 || text.is_empty() {
        return Vec::new();
    }
    // The headline is shown on its own: snippets come from the body.
    let body_start = match index::headline_base(doc) {
        Some(b) if b <= text.len() => doc
            .paragraphs
            .get(1)
            .map_or(text.len(), |p| p.span.start as usize),
        _ => 0,
    };
    let body_start = if body_start >= text.len() {
        0
    } else {
        body_start
    };
    let marks: Vec<Span> = hit
        .matches
        .iter()
        .copied()
        .filter(|s| {
            s.start as usize >= body_start
                && s.end as usize <= text.len()
                && text.is_char_boundary(s.start as usize)
                && text.is_char_boundary(s.end as usize)
                && !s.is_empty()
        })
        .collect();
    let chars = text::CharIndex::new(text);
    let c = |b: u32| chars.char_offset(b as usize);
    let total_chars = c(text.len() as u32);

    // The window (in characters) holding the most marks.
    let (mut start_c, end_c) = if marks.is_empty() {
        let s = c(body_start as u32);
        (s, (s + max_chars).min(total_chars))
    } else {
        let mut best = (0usize, 0usize);
        for i in 0..marks.len() {
            let limit = c(marks[i].start) + max_chars;
            let j = i + marks[i..].partition_point(|m| c(m.end) <= limit);
            if j - i > best.1 - best.0 {
                best = (i, j);
            }
        }
        let (i, j) = (best.0, best.1.max(best.0 + 1));
        let first = c(marks[i].start);
        let last = c(marks[j - 1].end);
        let spare = max_chars.saturating_sub(last - first);
        let start = first.saturating_sub(spare / 3).max(c(body_start as u32));
        let end = (start + max_chars).max(last).min(total_chars);
        let start = if end == total_chars {
            end.saturating_sub(max_chars)
                .min(first)
                .max(c(body_start as u32))
        } else {
            start
        };
        (start, end)
    };
    if start_c > end_c {
        start_c = end_c;
    }
    let byte_at = |ch: usize| chars.byte_offset(ch, text.len());
    let mut start = byte_at(start_c);
    let mut end = byte_at(end_c);

    // Word boundaries: drop a cut word at either end (never a marked one).
    let is_word = |i: usize| text[i..].chars().next().is_some_and(text::is_word_char);
    let prev_is_word = |i: usize| {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(text::is_word_char)
    };
    if start > 0 && prev_is_word(start) && is_word(start) {
        while start < end && is_word(start) {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if end < text.len() && prev_is_word(end) && is_word(end) {
        let mut e = end;
        while e > start && prev_is_word(e) {
            e -= text[..e].chars().next_back().map_or(1, char::len_utf8);
        }
        let cuts_mark = marks
            .iter()
            .any(|m| (m.start as usize) < end && m.end as usize > e);
        end = if cuts_mark || e <= start {
            word_end(text, e).unwrap_or(end).max(end)
        } else {
            e
        };
    }
    // No spaces or punctuation dangling at the cuts.
    let trimmed = text[start..end]
        .trim_start_matches(|ch: char| !text::is_word_char(ch) && !is_quote(ch) && ch != '(');
    start = end - trimmed.len();
    let trimmed =
        text[start..end].trim_end_matches(|ch: char| ch.is_whitespace() || ",;:".contains(ch));
    end = start + trimmed.len();

    let mut parts = Vec::new();
    if start > 0 && !text[..start].ends_with('\n') {
        parts.push(SnippetPart {
            text: ELLIPSIS.into(),
            marked: false,
        });
    }
    let mut at = start;
    for m in &marks {
        let (ms, me) = (m.start as usize, m.end as usize);
        if me <= start || ms >= end || ms < at {
            continue;
        }
        let (ms, me) = (ms.max(start), me.min(end));
        if ms > at {
            parts.push(SnippetPart {
                text: text[at..ms].into(),
                marked: false,
            });
        }
        parts.push(SnippetPart {
            text: text[ms..me].into(),
            marked: true,
        });
        at = me;
    }
    if at < end {
        parts.push(SnippetPart {
            text: text[at..end].into(),
            marked: false,
        });
    }
    if end < text.len() && !text[end..].starts_with('\n') {
        parts.push(SnippetPart {
            text: ELLIPSIS.into(),
            marked: false,
        });
    }
    parts
}

/// One occurrence of a query word or phrase, with the text around it. `left + keyword + right`
/// is exactly the text from `span.start - left.len()` to `span.end + right.len()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicLine {
    pub doc: u32,
    pub span: Span,
    pub left: String,
    pub keyword: String,
    pub right: String,
}

/// One line of keyword in context: `span` of `text` with up to `context_chars` characters on
/// each side (None when the span is not on character boundaries of the text).
fn kwic_line(doc: u32, text: &str, span: Span, context_chars: usize) -> Option<KwicLine> {
    let (keyword, before, after) = (
        text.get(span.range())?,
        text.get(..span.start as usize)?,
        text.get(span.end as usize..)?,
    );
    let left_start = before
        .char_indices()
        .rev()
        .nth(context_chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let left = if context_chars == 0 {
        ""
    } else {
        &before[left_start..]
    };
    let right_end = after
        .char_indices()
        .nth(context_chars)
        .map_or(after.len(), |(i, _)| i);
    Some(KwicLine {
        doc,
        span,
        left: left.into(),
        keyword: keyword.into(),
        right: after[..right_end].into(),
    })
}

/// Every occurrence of the query's words and phrases in the text of the documents that match
/// the query and filters, in corpus order then text order, with up to `context_chars`
/// characters on each side; at most `limit` lines. An empty query has no keywords: no lines.
pub fn kwic(
    index: &SearchIndex,
    docs: &[Document],
    query: &str,
    filters: &Filters,
    context_chars: usize,
    limit: usize,
) -> Vec<KwicLine> {
    let query = parse_query(query);
    let (ranked, _, matched) = run(index, docs, &query, filters, &RankingWeights::default());
    let Some(matched) = matched else {
        return Vec::new();
    };
    let mut hits: Vec<u32> = ranked.into_iter().map(|(d, _)| d).collect();
    hits.sort_unstable();
    let mut out = Vec::new();
    let mut scratch = SpanScratch::default();
    for d in hits {
        let Some(doc) = docs.get(d as usize) else {
            continue;
        };
        let (matches, _) = matched.spans(index, docs, d, &mut scratch);
        let text = doc.text.as_str();
        for span in matches {
            if out.len() >= limit {
                return out;
            }
            if let Some(line) = kwic_line(d, text, span, context_chars) {
                out.push(line);
            }
        }
    }
    out
}

/// The engine before its optimizations, the reference the tests compare with.
#[cfg(test)]
#[path = "../tests/reference/engine.rs"]
mod reference;

#[cfg(test)]
mod same_as_reference {
    //! The engine must answer exactly as the straightforward reference (`reference`) does:
    //! same hits in the same order with the same scores (bit for bit), spans, totals and
    //! facet counts, KWIC lines and on-demand spans, on random corpora and random queries.
    use super::*;
    use proptest::prelude::*;
    use raqmi_extract::ingest::{ingest_text, Overrides};
    use raqmi_model::document::{Date, Entity, EntityKind, Figure, FigureKind};

    /// Words with accents that sometimes vary (so written lengths vary), capitals, inflections
    /// sharing a stem, stop words, and words sharing prefixes.
    const WORDS: &[&str] = &[
        "intelligence",
        "Intelligence",
        "artificielle",
        "artificielles",
        "ARTIFICIELLE",
        "numérique",
        "numerique",
        "Numérique",
        "numériques",
        "numérisation",
        "formation",
        "formations",
        "formateur",
        "startups",
        "startup",
        "cœur",
        "coeur",
        "données",
        "Maroc",
        "cloud",
        "l'intelligence",
        "d’artificielle",
        "de",
        "la",
        "le",
        "des",
        "et",
        "à",
        "l",
        "cybersécurité",
        "cybersecurite",
        "sécurité",
        "ministère",
        "économie",
        "x",
    ];
    /// What goes between two words: spaces, punctuation, quotes, a paragraph break.
    const SEPARATORS: &[&str] = &[
        " ", " ", " ", " ", ", ", "-", "'", " » « ", ".\n\n", "\u{a0}", " — ", "  ",
    ];

    fn text_of(picks: &[(usize, usize)]) -> String {
        let mut t = String::new();
        for (i, &(w, sep)) in picks.iter().enumerate() {
            if i > 0 {
                t.push_str(SEPARATORS[sep % SEPARATORS.len()]);
            }
            t.push_str(WORDS[w % WORDS.len()]);
        }
        t
    }

    fn document(i: usize, spec: &DocSpec) -> Option<Document> {
        let body = text_of(&spec.body);
        let head = text_of(&spec.head);
        let (source, overrides) = if spec.title_override {
            (
                body,
                Overrides {
                    title: Some(head),
                    ..Overrides::default()
                },
            )
        } else {
            (format!("{head}\n\n{body}."), Overrides::default())
        };
        let mut d = ingest_text(&format!("d{i:03}"), "p", &source, &overrides).ok()?;
        const ORGS: &[&str] = &["AUSIM", "OCP", "UM6P"];
        const PLACES: &[&str] = &["Rabat", "Salé"];
        d.date = spec.date.map(|(y, m)| Date {
            year: 2020 + y as u16,
            month: (m > 0).then_some(m),
            day: None,
        });
        d.source = (spec.source > 0).then(|| format!("Source {}", spec.source));
        d.entities = spec
            .entities
            .iter()
            .map(|&(kind, name)| Entity {
                span: Span::new(0, 1),
                kind: [EntityKind::Org, EntityKind::Place, EntityKind::Person][kind % 3],
                canonical: match kind % 3 {
                    0 => ORGS[name % ORGS.len()].into(),
                    1 => PLACES[name % PLACES.len()].into(),
                    _ => format!("Personne {name}"),
                },
                role: None,
            })
            .collect();
        d.figures = spec
            .figures
            .iter()
            .map(|&(cat, value)| Figure {
                span: Span::new(0, 1),
                value: value as f64,
                high: (value % 3 == 0).then_some(value as f64 * 2.0),
                kind: FigureKind::Count,
                unit: "x".into(),
                category: Category::ALL[cat % 8],
                qualifier: None,
            })
            .collect();
        Some(d)
    }

    #[derive(Debug, Clone)]
    struct DocSpec {
        head: Vec<(usize, usize)>,
        body: Vec<(usize, usize)>,
        title_override: bool,
        date: Option<(u8, u8)>,
        source: u8,
        entities: Vec<(usize, usize)>,
        figures: Vec<(usize, u32)>,
    }

    fn doc_spec() -> impl Strategy<Value = DocSpec> {
        let picks = |max| proptest::collection::vec((0..WORDS.len(), 0..40usize), 1..max);
        (
            picks(6),
            picks(60),
            any::<bool>(),
            proptest::option::of((0u8..6, 0u8..13)),
            0u8..4,
            proptest::collection::vec((0usize..3, 0usize..6), 0..5),
            proptest::collection::vec((0usize..8, 0u32..100), 0..4),
        )
            .prop_map(
                |(head, body, title_override, date, source, entities, figures)| DocSpec {
                    head,
                    body,
                    title_override,
                    date,
                    source,
                    entities,
                    figures,
                },
            )
    }

    /// Queries made of the corpus's words: bare words, prefixes being typed, typos, quoted
    /// phrases with stop words.
    fn query() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            (0..WORDS.len()).prop_map(|w| WORDS[w].to_string()),
            (0..WORDS.len(), 1usize..6).prop_map(|(w, k)| WORDS[w].chars().take(k).collect()),
            (0..WORDS.len(), 0usize..12).prop_map(|(w, k)| {
                let mut c: Vec<char> = WORDS[w].chars().collect();
                if k < c.len() {
                    c.remove(k);
                }
                c.into_iter().collect()
            }),
        ];
        let clause = prop_oneof![
            3 => word.clone(),
            1 => proptest::collection::vec(word, 2..4).prop_map(|w| format!("\"{}\"", w.join(" "))),
        ];
        (proptest::collection::vec(clause, 0..3), any::<bool>())
            .prop_map(|(c, space)| format!("{}{}", c.join(" "), if space { " " } else { "" }))
    }

    fn filters() -> impl Strategy<Value = Filters> {
        (
            proptest::option::of((2020u16..2026, proptest::option::of(1u8..13))),
            proptest::option::of((2020u16..2026, proptest::option::of(1u8..13))),
            proptest::collection::vec(0usize..4, 0..2),
            proptest::collection::vec(0usize..5, 0..2),
            proptest::collection::vec(0usize..8, 0..2),
            proptest::option::of(0u32..60),
        )
            .prop_map(|(from, to, orgs, persons, cats, min)| {
                let mut f = Filters {
                    from,
                    to,
                    categories: cats.into_iter().map(|c| Category::ALL[c]).collect(),
                    value_min: min.map(f64::from),
                    ..Filters::default()
                };
                // Index 3 names an organisation the corpus does not have.
                f.names[FacetKind::Org] = orgs
                    .into_iter()
                    .map(|i| ["AUSIM", "OCP", "UM6P", "Absente"][i].to_string())
                    .collect();
                f.names[FacetKind::Person] = persons
                    .into_iter()
                    .map(|i| format!("Personne {i}"))
                    .collect();
                f
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn answers_exactly_as_the_reference(
            specs in proptest::collection::vec(doc_spec(), 0..40),
            queries in proptest::collection::vec(query(), 1..6),
            filters in proptest::collection::vec(filters(), 1..3),
        ) {
            let docs: Vec<Document> =
                specs.iter().enumerate().filter_map(|(i, s)| document(i, s)).collect();
            let index = SearchIndex::build(&docs);
            let none = Filters::default();
            for q in &queries {
                for f in filters.iter().chain([&none]) {
                    let got = search(&index, &docs, q, f);
                    let want = reference::search_with(&index, &docs, q, f, &RankingWeights::default());
                    prop_assert_eq!(&got, &want, "query {:?} filters {:?}", q, f);
                    prop_assert_eq!(
                        kwic(&index, &docs, q, f, 12, 50),
                        reference::kwic(&index, &docs, q, f, 12, 50)
                    );
                }
                for d in 0..docs.len() as u32 {
                    prop_assert_eq!(
                        matches_for(&index, &docs, q, d),
                        reference::matches_for(&index, &docs, q, d)
                    );
                }
            }
        }
    }

    #[test]
    fn a_phrase_never_runs_from_the_text_into_a_headline_from_settings() {
        // The headline is indexed at virtual addresses right after the text: the index alone
        // would see "intelligence" followed one byte later by "artificielle".
        let overrides = Overrides {
            title: Some("Artificielle et utile".into()),
            ..Overrides::default()
        };
        let d = ingest_text("a", "a", "Tout sur l'intelligence", &overrides).expect("valid");
        let docs = vec![d];
        let index = SearchIndex::build(&docs);
        let q = "\"intelligence artificielle\"";
        let got = search(&index, &docs, q, &Filters::default());
        assert_eq!(got.total, 0);
        let want =
            reference::search_with(&index, &docs, q, &Filters::default(), &Default::default());
        assert_eq!(got, want);
        // Within the headline itself, the phrase is found.
        assert_eq!(
            search(
                &index,
                &docs,
                "\"artificielle et utile\"",
                &Filters::default()
            )
            .total,
            1
        );
    }

    #[test]
    fn more_hits_than_spans_are_computed_for_still_agree() {
        // Past MATCHED_HITS hits, past half the corpus (facet counts by subtraction), an empty
        // query (stored order), with and without filters.
        let docs: Vec<Document> = (0..MATCHED_HITS + 60)
            .map(|i| {
                let spec = DocSpec {
                    head: vec![(i % 7, 0), (0, 0), (1, i)],
                    body: (0..30)
                        .map(|k| ((i * 7 + k * 3) % WORDS.len(), k + i))
                        .collect(),
                    title_override: i % 5 == 0,
                    date: (i % 4 != 0).then_some(((i % 6) as u8, (i % 13) as u8)),
                    source: (i % 4) as u8,
                    entities: vec![(i % 3, i % 6), ((i + 1) % 3, i % 5)],
                    figures: vec![(i % 8, i as u32 % 100)],
                };
                document(i, &spec).expect("a valid synthetic article")
            })
            .collect();
        let index = SearchIndex::build(&docs);
        let mut faceted = Filters {
            categories: vec![Category::Budget, Category::Jobs],
            ..Filters::default()
        };
        faceted.names[FacetKind::Org] = vec!["OCP".into()];
        for q in [
            "",
            "intelligence",
            "numé",
            "\"intelligence artificielle\"",
            "de la",
            "formation coeur",
        ] {
            for f in [&Filters::default(), &faceted] {
                let got = search(&index, &docs, q, f);
                assert_eq!(
                    got,
                    reference::search_with(&index, &docs, q, f, &RankingWeights::default()),
                    "{q:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let dir = raqmi_testkit::seeds_dir();
        let docs = raqmi_extract::load::load_dir(&dir).expect("seeds load");
        let index = SearchIndex::build(&docs);
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
}
