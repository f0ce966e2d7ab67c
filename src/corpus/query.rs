//! The query engine over a [`SearchIndex`]: parsing what the user types, matching (exact,
//! stem, prefix, one typo; AND across words; quoted phrases), BM25F ranking, filters and
//! disjunctive facet counts, highlight spans, snippets and keyword-in-context lines.
//!
//! The index (`index.rs`) stores byte offsets, so everything here that shows text (matches,
//! snippets, KWIC) reads the documents' own text at those offsets; nothing is re-tokenized
//! except the few words after a phrase's first word, to check adjacency.
//!
//! Limits (all guard the per-keystroke budget against hostile or accidental input):
//! [`MAX_QUERY_CHARS`], [`MAX_CLAUSES`], [`MAX_PREFIX_TERMS`], [`MAX_TYPO_TERMS`].

use super::document::{Category, Date, Document, Span};
use super::index::{self, category_bit, FacetKind, SearchIndex, TermEntry};
use super::text;
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
    /// Canonical names.
    pub sources: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
    pub persons: Vec<String>,
    pub programs: Vec<String>,
    /// Documents reporting a figure of one of these categories.
    pub categories: Vec<Category>,
    /// Inclusive bounds on a figure's value, applying to figures of the selected categories
    /// (any figure when none is selected); a range figure ("entre 10 et 15") qualifies when it
    /// overlaps the bounds.
    pub value_min: Option<f64>,
    pub value_max: Option<f64>,
}

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
    pub sources: Vec<FacetCount<String>>,
    pub orgs: Vec<FacetCount<String>>,
    pub places: Vec<FacetCount<String>>,
    pub persons: Vec<FacetCount<String>>,
    pub programs: Vec<FacetCount<String>>,
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

/// Searches `docs` (the slice the index was built from) for `query` within `filters`.
pub fn search_with(
    index: &SearchIndex,
    docs: &[Document],
    query: &str,
    filters: &Filters,
    weights: &RankingWeights,
) -> SearchResults {
    let n = index.doc_count().min(docs.len());
    let query = parse_query(query);
    let matched = if query.clauses.is_empty() {
        None
    } else {
        Some(match_clauses(index, docs, n, &query, weights))
    };

    // Filter and count facets over the text matches.
    let plan = FilterPlan::new(index, filters);
    let mut counter = FacetCounter::new(index);
    let mut hits = Vec::new();
    let mut facet_ids = Vec::new();
    let mut consider = |d: u32, score: f32| {
        let Some(doc) = docs.get(d as usize) else {
            return;
        };
        index.doc_facets(d, &mut facet_ids);
        let eval = plan.eval(doc, &facet_ids, index.doc_categories(d));
        counter.add(&facet_ids, &eval);
        if eval.failed == 0 {
            hits.push((d, score));
        }
    };
    match &matched {
        None => (0..n as u32).for_each(|d| consider(d, 0.0)),
        Some(m) => m.docs.iter().for_each(|&(d, s)| consider(d, s)),
    }
    let facets = counter.finish(index, filters);

    let date_key = |d: u32| docs.get(d as usize).and_then(|doc| doc.date);
    let id_key = |d: u32| docs.get(d as usize).map_or("", |doc| doc.id.as_str());
    hits.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| date_key(b.0).cmp(&date_key(a.0)))
            .then_with(|| id_key(a.0).cmp(id_key(b.0)))
    });
    let hits: Vec<Hit> = hits
        .into_iter()
        .map(|(d, score)| {
            let (matches, headline_matches) = match &matched {
                Some(m) => m.spans(docs, d),
                None => (Vec::new(), Vec::new()),
            };
            Hit {
                doc: d,
                score,
                matches,
                headline_matches,
            }
        })
        .collect();
    SearchResults {
        total: hits.len(),
        hits,
        facets,
    }
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
    let mut add =
        |entry: TermEntry, weight: f32| match out.iter_mut().find(|e| e.entry.id == entry.id) {
            Some(e) => e.weight = e.weight.max(weight),
            None => out.push(Expansion { entry, weight }),
        };
    if !word.stop {
        if let Some(e) = index.term(&word.folded) {
            add(e, weights.exact);
        }
        let stem = index::stem(&index::french_stemmer(), &word.folded);
        for e in index.terms_with_stem(&stem) {
            add(e, weights.stem);
        }
    }
    if word.prefix {
        let mut completions = index.terms_with_prefix(&word.folded);
        most_frequent(&mut completions, MAX_PREFIX_TERMS);
        for e in completions {
            add(e, weights.prefix);
        }
    }
    if typo && word.typo {
        let target: Vec<char> = word.folded.chars().collect();
        let target_bytes = word.folded.len();
        let mut buf = Vec::new();
        let mut near = index.terms_where(|key| {
            if key.len().abs_diff(target_bytes) > 4 {
                return false;
            }
            let Ok(s) = std::str::from_utf8(key) else {
                return false;
            };
            buf.clear();
            buf.extend(s.chars());
            buf != target && within_one_edit(&buf, &target)
        });
        most_frequent(&mut near, MAX_TYPO_TERMS);
        for e in near {
            add(e, weights.typo);
        }
    }
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
pub fn within_one_edit(a: &[char], b: &[char]) -> bool {
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

/// BM25F of one term (or phrase) in one document.
#[allow(clippy::too_many_arguments)]
fn bm25f(
    w: &RankingWeights,
    idf: f32,
    tf_h: u32,
    tf_b: u32,
    (len_h, len_b): (u16, u16),
    (avg_h, avg_b): (f32, f32),
) -> f32 {
    let norm = |len: u16, avg: f32| {
        if avg > 0.0 {
            1.0 - w.b + w.b * len as f32 / avg
        } else {
            1.0
        }
    };
    let tf = w.headline * tf_h as f32 / norm(len_h, avg_h).max(1e-3)
        + tf_b as f32 / norm(len_b, avg_b).max(1e-3);
    if tf <= 0.0 {
        return 0.0;
    }
    idf * tf * (w.k1 + 1.0) / (tf + w.k1)
}

fn idf(n: usize, df: u32) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(0.0)
}

/// Documents matching every clause, with their scores and match occurrences.
struct Matched {
    /// (document, score), in document order.
    docs: Vec<(u32, f32)>,
    /// (document, start address, end address or 0 for "to the end of the word"), by document.
    occurrences: Vec<(u32, u32, u32)>,
}

fn match_clauses(
    index: &SearchIndex,
    docs: &[Document],
    n: usize,
    query: &Query,
    weights: &RankingWeights,
) -> Matched {
    let avgs = index.average_lengths();
    let mut total = vec![0f32; n];
    let mut hits_per_doc = vec![0u8; n];
    let mut best = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut occurrences: Vec<(u32, u32, u32)> = Vec::new();
    let mut occ = Vec::new();
    let clauses = query.clauses.len();

    for (ci, clause) in query.clauses.iter().enumerate() {
        touched.clear();
        match clause {
            Clause::Word(word) => {
                for x in expand(index, word, weights, true) {
                    let mut p = index.postings(&x.entry);
                    let term_idf = idf(n, p.df());
                    while let Some(d) = p.next_doc(&mut occ) {
                        let du = d as usize;
                        if du >= n || hits_per_doc[du] as usize != ci {
                            continue; // Failed an earlier clause: AND.
                        }
                        let h = occ.iter().filter(|&&o| o & 1 == 1).count() as u32;
                        let b = occ.len() as u32 - h;
                        let s = x.weight * bm25f(weights, term_idf, h, b, index.lengths(d), avgs);
                        if best[du] == 0.0 {
                            touched.push(d);
                        }
                        best[du] = best[du].max(s).max(f32::MIN_POSITIVE);
                        occurrences.extend(occ.iter().map(|&o| (d, o >> 1, 0)));
                    }
                }
            }
            Clause::Phrase(words) => {
                phrase_matches(
                    index,
                    docs,
                    n,
                    words,
                    weights,
                    ci,
                    &hits_per_doc,
                    &mut best,
                    &mut touched,
                    &mut occurrences,
                );
            }
        }
        for &d in &touched {
            let du = d as usize;
            total[du] += best[du];
            hits_per_doc[du] += 1;
            best[du] = 0.0;
        }
    }
    let docs_out: Vec<(u32, f32)> = (0..n)
        .filter(|&d| hits_per_doc[d] as usize == clauses)
        .map(|d| (d as u32, total[d]))
        .collect();
    occurrences.sort_unstable();
    occurrences.dedup();
    Matched {
        docs: docs_out,
        occurrences,
    }
}

/// How one phrase word accepts a word of the text.
struct WordMatcher {
    word: Word,
    terms: HashSet<String>,
}

impl WordMatcher {
    fn accepts(&self, folded: &str) -> bool {
        if self.word.stop && !self.word.prefix {
            return folded == self.word.folded;
        }
        self.terms.contains(folded) || (self.word.prefix && folded.starts_with(&self.word.folded))
    }
}

/// Scores the documents where the phrase occurs (words consecutive, stop words included).
#[allow(clippy::too_many_arguments)]
fn phrase_matches(
    index: &SearchIndex,
    docs: &[Document],
    n: usize,
    words: &[Word],
    weights: &RankingWeights,
    ci: usize,
    hits_per_doc: &[u8],
    best: &mut [f32],
    touched: &mut Vec<u32>,
    occurrences: &mut Vec<(u32, u32, u32)>,
) {
    // Phrase words match as written or inflected (and the last one as a prefix while typed),
    // never with a typo.
    let mut matchers = Vec::with_capacity(words.len());
    let mut first_expansions = Vec::new();
    let mut candidates: Option<Vec<u32>> = None;
    let mut occ = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let ex = if w.stop && !w.prefix {
            Vec::new()
        } else {
            expand(index, w, weights, false)
        };
        matchers.push(WordMatcher {
            word: w.clone(),
            terms: ex.iter().map(|x| x.entry.term.clone()).collect(),
        });
        if w.stop && !w.prefix {
            continue;
        }
        // Documents holding this word (in any accepted form), among earlier candidates.
        let mut docs_with: Vec<u32> = Vec::new();
        for x in &ex {
            let mut p = index.postings(&x.entry);
            while let Some(d) = p.next_doc(&mut occ) {
                if i == 0 {
                    first_expansions.extend(occ.iter().map(|&o| (d, o)));
                }
                docs_with.push(d);
            }
        }
        docs_with.sort_unstable();
        docs_with.dedup();
        candidates = Some(match candidates {
            None => docs_with,
            Some(c) => c
                .into_iter()
                .filter(|d| docs_with.binary_search(d).is_ok())
                .collect(),
        });
    }
    let Some(candidates) = candidates else {
        return;
    };
    first_expansions.sort_unstable();

    // Verify adjacency on the text, from each occurrence of the first word.
    let mut found: Vec<(u32, u32, u32, bool)> = Vec::new();
    for d in candidates {
        let du = d as usize;
        if du >= n || hits_per_doc[du] as usize != ci {
            continue;
        }
        let Some(doc) = docs.get(du) else { continue };
        let lo = first_expansions.partition_point(|&(x, _)| x < d);
        let hi = first_expansions.partition_point(|&(x, _)| x <= d);
        for &(_, o) in &first_expansions[lo..hi] {
            let (addr, headline) = index::occurrence_parts(o);
            if let Some(end) = phrase_at(doc, addr as usize, &matchers) {
                found.push((d, addr, end as u32, headline));
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    let df = {
        let mut ds: Vec<u32> = found.iter().map(|f| f.0).collect();
        ds.dedup();
        ds.len() as u32
    };
    let content_words = words.iter().filter(|w| !w.stop).count().max(1) as f32;
    let phrase_idf = idf(n, df) * content_words;
    let mut i = 0;
    while i < found.len() {
        let d = found[i].0;
        let j = i + found[i..].partition_point(|f| f.0 == d);
        let h = found[i..j].iter().filter(|f| f.3).count() as u32;
        let b = (j - i) as u32 - h;
        let s = weights.exact
            * bm25f(
                weights,
                phrase_idf,
                h,
                b,
                index.lengths(d),
                index.average_lengths(),
            );
        let du = d as usize;
        if best[du] == 0.0 {
            touched.push(d);
        }
        best[du] = best[du].max(s).max(f32::MIN_POSITIVE);
        occurrences.extend(found[i..j].iter().map(|f| (d, f.1, f.2)));
        i = j;
    }
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

/// The end address of the phrase starting at `addr`, if the words there match in order.
fn phrase_at(doc: &Document, addr: usize, matchers: &[WordMatcher]) -> Option<usize> {
    let (s, off, _) = resolve(doc, addr)?;
    let rest = s.get(off..)?;
    let mut toks = text::tokens(rest);
    let mut end = 0;
    for m in matchers {
        let t = toks.next()?;
        if !m.accepts(&text::fold(t.text)) {
            return None;
        }
        end = t.end;
    }
    Some(addr + end)
}

/// The end of the word starting at `start` in `s`.
fn word_end(s: &str, start: usize) -> Option<usize> {
    let rest = s.get(start..)?;
    let len = rest
        .char_indices()
        .find(|&(_, c)| !text::is_word_char(c))
        .map_or(rest.len(), |(i, _)| i);
    (len > 0).then_some(start + len)
}

impl Matched {
    /// Highlight spans of one document: in its text, and in its headline.
    fn spans(&self, docs: &[Document], d: u32) -> (Vec<Span>, Vec<Span>) {
        let (mut text_spans, mut head_spans) = (Vec::new(), Vec::new());
        let Some(doc) = docs.get(d as usize) else {
            return (text_spans, head_spans);
        };
        let lo = self.occurrences.partition_point(|o| o.0 < d);
        let hi = self.occurrences.partition_point(|o| o.0 <= d);
        let in_text_headline = match index::headline_base(doc) {
            Some(b) if b <= doc.text.len() => doc.paragraphs.first().map(|p| p.span),
            _ => None,
        };
        for &(_, start, end) in &self.occurrences[lo..hi] {
            let Some((s, off, virtual_headline)) = resolve(doc, start as usize) else {
                continue;
            };
            let end_off = if end == 0 {
                word_end(s, off)
            } else {
                (end as usize).checked_sub(start as usize).map(|l| off + l)
            };
            let Some(end_off) = end_off.filter(|&e| s.is_char_boundary(e) && e <= s.len()) else {
                continue;
            };
            let span = Span::new(off, end_off);
            if virtual_headline {
                head_spans.push(span);
                continue;
            }
            text_spans.push(span);
            if let Some(h) = in_text_headline.filter(|h| h.contains(span)) {
                head_spans.push(Span::new(
                    off - h.start as usize,
                    end_off - h.start as usize,
                ));
            }
        }
        (merge(text_spans), merge(head_spans))
    }
}

/// Sorts spans and merges the overlapping ones.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Filters and facet counting.

const F_DATE: u8 = 1;
const F_SOURCE: u8 = 1 << 1;
const F_ORG: u8 = 1 << 2;
const F_PLACE: u8 = 1 << 3;
const F_PERSON: u8 = 1 << 4;
const F_PROGRAM: u8 = 1 << 5;
const F_CATEGORY: u8 = 1 << 6;

fn facet_bit(kind: FacetKind) -> u8 {
    match kind {
        FacetKind::Source => F_SOURCE,
        FacetKind::Org => F_ORG,
        FacetKind::Place => F_PLACE,
        FacetKind::Person => F_PERSON,
        FacetKind::Program => F_PROGRAM,
    }
}

const ALL_CATEGORIES: [Category; 8] = [
    Category::Budget,
    Category::Participants,
    Category::Members,
    Category::Beneficiaries,
    Category::Jobs,
    Category::Companies,
    Category::Share,
    Category::Other,
];

/// Filters resolved against the index once per search.
struct FilterPlan {
    from: Option<(u16, u8)>,
    to: Option<(u16, u8)>,
    /// Selected facet value ids (sorted) and the bits of the facets that have a selection.
    selected: Vec<u32>,
    string_facets: u8,
    /// The facet bit of every value id.
    kinds: Vec<u8>,
    categories: u8,
    value_range: Option<(f64, f64)>,
}

/// Which filters one document fails, and what it offers the category facet.
struct Eval {
    failed: u8,
    /// Categories of its figures (within the value range, if one is set).
    categories: u8,
    date: Option<Date>,
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
            string_facets |= facet_bit(kind);
            for name in names {
                if let Some(i) = values
                    .iter()
                    .position(|v| v.kind == kind && v.name == *name)
                {
                    selected.push(i as u32);
                }
            }
        }
        selected.sort_unstable();
        let value_range = match (f.value_min, f.value_max) {
            (None, None) => None,
            (lo, hi) => Some((lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY))),
        };
        FilterPlan {
            from: f.from.map(|(y, m)| (y, m.unwrap_or(1))),
            to: f.to.map(|(y, m)| (y, m.unwrap_or(12))),
            selected,
            string_facets,
            kinds: values.iter().map(|v| facet_bit(v.kind)).collect(),
            categories: f.categories.iter().fold(0, |a, &c| a | category_bit(c)),
            value_range,
        }
    }

    /// `categories` are the document's figure categories as the index stores them (read
    /// instead of the figures when no value range needs the figures' values).
    fn eval(&self, doc: &Document, facet_ids: &[u32], categories: Option<u8>) -> Eval {
        let mut failed = 0;
        if self.from.is_some() || self.to.is_some() {
            let ok = doc.date.is_some_and(|d| {
                let start = (d.year, d.month.unwrap_or(1));
                let end = (d.year, d.month.unwrap_or(12));
                self.from.is_none_or(|f| end >= f) && self.to.is_none_or(|t| start <= t)
            });
            if !ok {
                failed |= F_DATE;
            }
        }
        if self.string_facets != 0 {
            let mut ok = 0u8;
            for &id in facet_ids {
                if self.selected.binary_search(&id).is_ok() {
                    ok |= self.kind_bit_of(id);
                }
            }
            failed |= self.string_facets & !ok;
        }
        let categories = match (self.value_range, categories) {
            (None, Some(bits)) => bits,
            (range, _) => doc
                .figures
                .iter()
                .filter(|fig| {
                    range.is_none_or(|(lo, hi)| {
                        let high = fig.high.unwrap_or(fig.value);
                        fig.value <= hi && high >= lo
                    })
                })
                .fold(0u8, |a, fig| a | category_bit(fig.category)),
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
        Eval {
            failed,
            categories,
            date: doc.date,
        }
    }

    fn kind_bit_of(&self, id: u32) -> u8 {
        self.kinds.get(id as usize).copied().unwrap_or(0)
    }
}

fn string_selections(f: &Filters) -> [(FacetKind, &Vec<String>); 5] {
    [
        (FacetKind::Source, &f.sources),
        (FacetKind::Org, &f.orgs),
        (FacetKind::Place, &f.places),
        (FacetKind::Person, &f.persons),
        (FacetKind::Program, &f.programs),
    ]
}

/// Accumulates disjunctive counts.
struct FacetCounter {
    years: std::collections::BTreeMap<u16, usize>,
    values: Vec<usize>,
    kinds: Vec<u8>,
    categories: [usize; 8],
}

impl FacetCounter {
    fn new(index: &SearchIndex) -> FacetCounter {
        let kinds = index
            .facet_values()
            .iter()
            .map(|v| facet_bit(v.kind))
            .collect();
        FacetCounter {
            years: Default::default(),
            values: vec![0; index.facet_values().len()],
            kinds,
            categories: [0; 8],
        }
    }

    fn add(&mut self, facet_ids: &[u32], e: &Eval) {
        // A document counts for facet F when it passes every filter but F's own.
        let passes_except = |bit: u8| e.failed & !bit == 0;
        if passes_except(F_DATE) {
            if let Some(d) = e.date {
                *self.years.entry(d.year).or_default() += 1;
            }
        }
        for &id in facet_ids {
            let bit = self.kinds.get(id as usize).copied().unwrap_or(0);
            if bit != 0 && passes_except(bit) {
                if let Some(c) = self.values.get_mut(id as usize) {
                    *c += 1;
                }
            }
        }
        if passes_except(F_CATEGORY) {
            for (i, c) in ALL_CATEGORIES.iter().enumerate() {
                if e.categories & category_bit(*c) != 0 {
                    self.categories[i] += 1;
                }
            }
        }
    }

    fn finish(self, index: &SearchIndex, f: &Filters) -> Facets {
        let from = f.from.map(|(y, _)| y);
        let to = f.to.map(|(y, _)| y);
        let date_filtered = from.is_some() || to.is_some();
        let mut years: Vec<FacetCount<u16>> = self
            .years
            .iter()
            .rev()
            .map(|(&y, &count)| FacetCount {
                value: y,
                count,
                selected: date_filtered && from.is_none_or(|f| y >= f) && to.is_none_or(|t| y <= t),
            })
            .collect();
        years.retain(|y| y.count > 0);

        let values = index.facet_values();
        let mut by_kind: [Vec<FacetCount<String>>; 5] = Default::default();
        let selections = string_selections(f);
        for (i, v) in values.iter().enumerate() {
            let slot = v.kind as usize;
            let selected = selections[slot].1.contains(&v.name);
            let count = self.values.get(i).copied().unwrap_or(0);
            if count > 0 || selected {
                by_kind[slot].push(FacetCount {
                    value: v.name.clone(),
                    count,
                    selected,
                });
            }
        }
        // Selected names the corpus does not have still show (with 0) so they can be removed.
        for (slot, (_, names)) in selections.iter().enumerate() {
            for name in names.iter() {
                if !by_kind[slot].iter().any(|c| &c.value == name) {
                    by_kind[slot].push(FacetCount {
                        value: name.clone(),
                        count: 0,
                        selected: true,
                    });
                }
            }
        }
        for list in &mut by_kind {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        }
        let categories = ALL_CATEGORIES
            .iter()
            .enumerate()
            .map(|(i, &c)| FacetCount {
                value: c,
                count: self.categories[i],
                selected: f.categories.contains(&c),
            })
            .filter(|c| c.count > 0 || c.selected)
            .collect();
        let [sources, orgs, places, persons, programs] = by_kind;
        Facets {
            years,
            sources,
            orgs,
            places,
            persons,
            programs,
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
/// matches, the beginning of the body.
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
    let byte_at = |ch: usize| text.char_indices().nth(ch).map_or(text.len(), |(i, _)| i);
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
    let results = search(index, docs, query, filters);
    let mut hits: Vec<&Hit> = results.hits.iter().collect();
    hits.sort_by_key(|h| h.doc);
    let mut out = Vec::new();
    for hit in hits {
        let Some(doc) = docs.get(hit.doc as usize) else {
            continue;
        };
        let text = doc.text.as_str();
        for &span in &hit.matches {
            if out.len() >= limit {
                return out;
            }
            let (Some(keyword), Some(before), Some(after)) = (
                text.get(span.range()),
                text.get(..span.start as usize),
                text.get(span.end as usize..),
            ) else {
                continue;
            };
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
            out.push(KwicLine {
                doc: hit.doc,
                span,
                left: left.into(),
                keyword: keyword.into(),
                right: after[..right_end].into(),
            });
        }
    }
    out
}
