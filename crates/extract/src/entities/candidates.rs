//! Candidates and their selection: every finder proposes names as token ranges, and [`Found`]
//! keeps a name only if none of its words is taken yet, which is how names never overlap and
//! why the order the finders run in matters (see `extract_entities`). Also the first finder's
//! proposals: the gazetteer names and the acronyms this text defined.

use super::fast_map::FastMap;
use super::gazetteer::{match_alias, Gazetteer};
use super::tokens::{Tokens, UPPER};
use raqmi_model::document::{Entity, EntityKind, Span};

#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub(super) start_tok: usize,
    /// Exclusive.
    pub(super) end_tok: usize,
    pub(super) kind: EntityKind,
    pub(super) canonical: String,
    pub(super) role: Option<String>,
}

/// The entities chosen so far and which tokens they cover.
pub(super) struct Found {
    pub(super) taken: Vec<bool>,
    chosen: Vec<Candidate>,
}

impl Found {
    pub(super) fn new(n: usize) -> Self {
        Found {
            taken: vec![false; n],
            chosen: Vec::new(),
        }
    }
    fn is_free(&self, from: usize, to: usize) -> bool {
        self.taken
            .get(from..to)
            .is_some_and(|s| s.iter().all(|&t| !t))
    }
    pub(super) fn try_add(&mut self, c: Candidate) -> bool {
        if c.start_tok >= c.end_tok || !self.is_free(c.start_tok, c.end_tok) {
            return false;
        }
        self.taken[c.start_tok..c.end_tok].fill(true);
        self.chosen.push(c);
        true
    }
    pub(super) fn into_entities(mut self, doc: &Tokens) -> Vec<Entity> {
        self.chosen.sort_unstable_by_key(|c| c.start_tok);
        self.chosen
            .into_iter()
            .map(|c| Entity {
                span: Span::new(
                    doc.toks[c.start_tok].start as usize,
                    doc.toks[c.end_tok - 1].end as usize,
                ),
                kind: c.kind,
                canonical: c.canonical,
                role: c.role,
            })
            .collect()
    }
}

/// Gazetteer names (and acronyms defined in this text), left to right, longest first.
pub(super) fn gazetteer_matches(
    doc: &Tokens,
    gaz: &Gazetteer,
    local: &FastMap<String, (EntityKind, String)>,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.toks.len() {
        let t = doc.toks[i];
        if let Some((n, entry)) = match_alias(doc, gaz, i) {
            let e = &gaz.entries[entry as usize];
            out.push(Candidate {
                start_tok: i,
                end_tok: i + n,
                kind: e.kind,
                canonical: e.canonical.clone(),
                role: None,
            });
            i += n;
            continue;
        }
        if t.is(UPPER) && !local.is_empty() {
            if let Some((kind, canonical)) = local.get(doc.word(i)) {
                out.push(Candidate {
                    start_tok: i,
                    end_tok: i + 1,
                    kind: *kind,
                    canonical: canonical.clone(),
                    role: None,
                });
            }
        }
        i += 1;
    }
    out
}
