//! The query engine as it was before the per-document tables, top-level integer sort and
//! index-only phrase checks (`src/query/`): every occurrence decoded and copied, a comparator
//! sort, facets counted through a BTreeMap, phrase adjacency read from the text. Kept, for
//! tests only, as the straightforward reference the optimized engine must agree with exactly
//! (same hits, order, scores, spans, facet counts), on random corpora (`same_as_reference.rs`).

use super::*;

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
    let hits: Vec<Hit> = ranked
        .into_iter()
        .enumerate()
        .map(|(i, (d, score))| {
            let (matches, headline_matches) = match &matched {
                Some(m) if i < MATCHED_HITS => m.spans(docs, d),
                _ => (Vec::new(), Vec::new()),
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
        m.spans(docs, doc)
    } else {
        (Vec::new(), Vec::new())
    }
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
    let matched = if query.clauses.is_empty() {
        None
    } else {
        Some(match_clauses(index, docs, n, query, weights, None))
    };

    // Filter and count facets over the text matches.
    let plan = FilterPlan::new(index, filters);
    let mut counter = FacetCounter::new(index);
    let mut hits = Vec::new();
    let mut facet_ids = Vec::new();
    let mut consider = |d: u32, score: f32| {
        index.doc_facets(d, &mut facet_ids);
        let eval = plan.eval(index, d, docs, &facet_ids);
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

    // Best first, then newest first (the index's recency rank: no document is read here).
    let mut keyed: Vec<(f32, u32, u32)> = hits
        .into_iter()
        .map(|(d, s)| (s, index.recency(d), d))
        .collect();
    keyed.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let hits = keyed
        .into_iter()
        .map(|(s, _, d)| (s, d))
        .map(|(s, d)| (d, s))
        .collect();
    (hits, facets, matched)
}

/// Occurrences of one query term expansion (or of one phrase), by document.
#[derive(Default)]
struct OccTable {
    /// Increasing document numbers.
    docs: Vec<u32>,
    /// Where each document's occurrences start in `occ`.
    starts: Vec<u32>,
    /// Stored occurrences (`(address << 1) | is_headline`), by document then address.
    occ: Vec<u32>,
    /// For phrases, the end address of each occurrence (parallel to `occ`); empty for words.
    ends: Vec<u32>,
}

impl OccTable {
    fn begin_doc(&mut self, d: u32) {
        self.docs.push(d);
        self.starts.push(self.occ.len() as u32);
    }
    /// The occurrences (and phrase ends) of document `d`.
    fn of(&self, d: u32) -> (&[u32], &[u32]) {
        let Ok(i) = self.docs.binary_search(&d) else {
            return (&[], &[]);
        };
        let lo = self.starts[i] as usize;
        let hi = self
            .starts
            .get(i + 1)
            .map_or(self.occ.len(), |&x| x as usize);
        let ends = self.ends.get(lo..hi).unwrap_or(&[]);
        (self.occ.get(lo..hi).unwrap_or(&[]), ends)
    }
}

/// Documents matching every clause, with their scores and where the matches are.
struct Matched {
    /// (document, score), in document order.
    docs: Vec<(u32, f32)>,
    tables: Vec<OccTable>,
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
    let mut total = vec![0f32; n];
    let mut hits_per_doc = vec![0u8; n];
    let mut best = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut tables = Vec::new();
    let mut occ = Vec::new();
    let clauses = query.clauses.len();

    for (ci, clause) in query.clauses.iter().enumerate() {
        touched.clear();
        match clause {
            Clause::Word(word) => {
                for x in expand(index, word, weights, true) {
                    let mut table = OccTable::default();
                    let mut p = index.postings(&x.entry);
                    let term_idf = idf(n, p.df());
                    while let Some(d) = p.next_doc(&mut occ) {
                        let du = d as usize;
                        if only.is_some_and(|o| d > o) {
                            break;
                        }
                        if du >= n
                            || hits_per_doc[du] as usize != ci
                            || only.is_some_and(|o| d != o)
                        {
                            continue; // Failed an earlier clause: AND.
                        }
                        let h = occ.iter().filter(|&&o| o & 1 == 1).count() as u32;
                        let b = occ.len() as u32 - h;
                        let s = x.weight * bm25f(weights, term_idf, h, b, index.lengths(d), avgs);
                        if best[du] == 0.0 {
                            touched.push(d);
                        }
                        best[du] = best[du].max(s).max(f32::MIN_POSITIVE);
                        table.begin_doc(d);
                        table.occ.extend_from_slice(&occ);
                    }
                    tables.push(table);
                }
            }
            Clause::Phrase(words) => {
                let mut table = OccTable::default();
                let ctx = PhraseContext {
                    index,
                    docs,
                    n,
                    weights,
                    ci,
                    only,
                    hits_per_doc: &hits_per_doc,
                };
                ctx.run(words, &mut best, &mut touched, &mut table);
                tables.push(table);
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
    Matched {
        docs: docs_out,
        tables,
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
    hits_per_doc: &'a [u8],
}

impl PhraseContext<'_> {
    /// Scores the documents where the phrase occurs (words consecutive, stop words included).
    fn run(&self, words: &[Word], best: &mut [f32], touched: &mut Vec<u32>, out: &mut OccTable) {
        let (index, n) = (self.index, self.n);
        // Phrase words match as written or inflected (the last one also as a prefix while it
        // is typed), never with a typo.
        // Per content word: its position in the phrase and its occurrences by expansion.
        let mut content_tables: Vec<(usize, Vec<OccTable>)> = Vec::new();
        let mut candidates: Option<Vec<u32>> = None;
        let mut occ = Vec::new();
        let mut first_len = 0;
        for (wi, w) in words.iter().enumerate() {
            let content = !w.stop || w.prefix;
            let ex = if content {
                expand(index, w, self.weights, false)
            } else {
                Vec::new()
            };
            if !content {
                continue;
            }
            if content_tables.is_empty() {
                first_len = ex.iter().map(|x| x.entry.term.len()).max().unwrap_or(0);
            }
            let mut tables = Vec::with_capacity(ex.len());
            // Documents holding this word (in any accepted form), among earlier candidates.
            let mut docs_with: Vec<u32> = Vec::new();
            for x in &ex {
                let mut table = OccTable::default();
                let mut p = index.postings(&x.entry);
                while let Some(d) = p.next_doc(&mut occ) {
                    if self.only.is_some_and(|o| d > o) {
                        break;
                    }
                    let du = d as usize;
                    if du >= n
                        || self.hits_per_doc[du] as usize != self.ci
                        || self.only.is_some_and(|o| d != o)
                    {
                        continue;
                    }
                    if candidates
                        .as_ref()
                        .is_none_or(|c| c.binary_search(&d).is_ok())
                    {
                        table.begin_doc(d);
                        table.occ.extend_from_slice(&occ);
                        docs_with.push(d);
                    }
                }
                tables.push(table);
            }
            content_tables.push((wi, tables));
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

        // Verify adjacency on the text, from each occurrence of the first word.
        let mut found: Vec<(u32, u32, u32)> = Vec::new();
        let mut buf = String::new();
        // Per phrase word, the occurrences of a content word in the current document.
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); words.len()];
        for d in candidates {
            let Some(doc) = self.docs.get(d as usize) else {
                continue;
            };
            for (pos, tables) in &content_tables {
                if let Some(list) = lists.get_mut(*pos) {
                    list.clear();
                    for t in tables {
                        list.extend_from_slice(t.of(d).0);
                    }
                    list.sort_unstable();
                    list.dedup();
                }
            }
            let Some(starts) = lists.first() else {
                break;
            };
            // Reading the text costs a cache miss per document: first rule out, from the index
            // alone, starts that the next content word does not follow closely enough.
            let next = content_tables.get(1).and_then(|(pos, _)| {
                let reach = phrase_reach(first_len, *pos);
                lists.get(*pos).map(|l| (l, reach))
            });
            for &o in starts {
                if let Some((list, reach)) = next {
                    let i = list.partition_point(|&x| x >> 1 <= o >> 1);
                    if list.get(i).is_none_or(|&x| (x >> 1) - (o >> 1) > reach) {
                        continue;
                    }
                }
                if let Some(end) = phrase_end(doc, o >> 1, words, &lists, &mut buf) {
                    found.push((d, o, end));
                }
            }
        }
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
            let h = found[i..j].iter().filter(|f| f.1 & 1 == 1).count() as u32;
            let b = (j - i) as u32 - h;
            let s = self.weights.exact
                * bm25f(
                    self.weights,
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
            out.begin_doc(d);
            for f in &found[i..j] {
                out.occ.push(f.1);
                out.ends.push(f.2);
            }
            i = j;
        }
    }
}

/// The end address of the phrase whose first word is at `addr`, if the words that follow are
/// the phrase's: a stop word is read and compared, a content word must be one of its indexed
/// occurrences in `lists` (so its inflections and completions count, as for bare words).
fn phrase_end(
    doc: &Document,
    addr: u32,
    words: &[Word],
    lists: &[Vec<u32>],
    buf: &mut String,
) -> Option<u32> {
    let (s, off, _) = resolve(doc, addr as usize)?;
    let base = (addr as usize).checked_sub(off)?;
    let mut end = word_end(s, off)?;
    for (w, list) in words.iter().zip(lists).skip(1) {
        let t = scan(s, end, false);
        let t_end = word_end(s, t)?;
        if w.stop && !w.prefix {
            text::fold_into(s.get(t..t_end)?, buf);
            if *buf != w.folded {
                return None;
            }
        } else {
            let at = u32::try_from(base + t).ok()?.checked_mul(2)?;
            let i = list.partition_point(|&o| o < at);
            if list.get(i).is_none_or(|&o| o >> 1 != at >> 1) {
                return None;
            }
        }
        end = t_end;
    }
    u32::try_from(base + end).ok()
}

impl Matched {
    fn contains(&self, d: u32) -> bool {
        self.docs.binary_search_by_key(&d, |x| x.0).is_ok()
    }

    /// Highlight spans of one document: in its text, and in its headline.
    fn spans(&self, docs: &[Document], d: u32) -> (Vec<Span>, Vec<Span>) {
        let (mut text_spans, mut head_spans) = (Vec::new(), Vec::new());
        let Some(doc) = docs.get(d as usize) else {
            return (text_spans, head_spans);
        };
        let in_text_headline = match index::headline_base(doc) {
            Some(b) if b <= doc.text.len() => doc.paragraphs.first().map(|p| p.span),
            _ => None,
        };
        for table in &self.tables {
            let (occ, ends) = table.of(d);
            for (i, &o) in occ.iter().enumerate() {
                let start = (o >> 1) as usize;
                let Some((s, off, virtual_headline)) = resolve(doc, start) else {
                    continue;
                };
                let end_off = match ends.get(i) {
                    None => word_end(s, off),
                    Some(&end) => (end as usize).checked_sub(start).map(|l| off + l),
                };
                let Some(end_off) = end_off.filter(|&e| e <= s.len() && s.is_char_boundary(e))
                else {
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
        }
        (merge(text_spans), merge(head_spans))
    }
}

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

fn category_bit(c: Category) -> u8 {
    1 << (c as u8)
}

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
    year: Option<u16>,
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

    /// Evaluates document `d`; its text document is read only for a value range.
    fn eval(&self, index: &SearchIndex, d: u32, docs: &[Document], facet_ids: &[u32]) -> Eval {
        let (date, all_categories) = index.meta(d);
        let mut failed = 0;
        if self.from.is_some() || self.to.is_some() {
            let ok = date.is_some_and(|(year, month)| {
                let start = (year, month.unwrap_or(1));
                let end = (year, month.unwrap_or(12));
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
        Eval {
            failed,
            categories,
            year: date.map(|(y, _)| y),
        }
    }

    fn kind_bit_of(&self, id: u32) -> u8 {
        self.kinds.get(id as usize).copied().unwrap_or(0)
    }
}

fn string_selections(f: &Filters) -> [(FacetKind, &Vec<String>); FacetKind::COUNT] {
    FacetKind::ALL.map(|k| (k, &f.names[k]))
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
            if let Some(y) = e.year {
                *self.years.entry(y).or_default() += 1;
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
            for (i, c) in Category::ALL.iter().enumerate() {
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
        let mut by_kind: [Vec<FacetCount<Name>>; FacetKind::COUNT] = Default::default();
        let selections = string_selections(f);
        for (i, v) in values.iter().enumerate() {
            let slot = v.kind as usize;
            let selected = selections[slot].1.contains(&v.name);
            let count = self.values.get(i).copied().unwrap_or(0);
            if count > 0 || selected {
                by_kind[slot].push(FacetCount {
                    value: v.name.as_str().into(),
                    count,
                    selected,
                });
            }
        }
        // Selected names the corpus does not have still show (with 0) so they can be removed.
        for (slot, (_, names)) in selections.iter().enumerate() {
            for name in names.iter() {
                if !by_kind[slot].iter().any(|c| *c.value == **name) {
                    by_kind[slot].push(FacetCount {
                        value: name.as_str().into(),
                        count: 0,
                        selected: true,
                    });
                }
            }
        }
        for list in &mut by_kind {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        }
        let categories = Category::ALL
            .iter()
            .enumerate()
            .map(|(i, &c)| FacetCount {
                value: c,
                count: self.categories[i],
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
    for d in hits {
        let Some(doc) = docs.get(d as usize) else {
            continue;
        };
        let (matches, _) = matched.spans(docs, d);
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
