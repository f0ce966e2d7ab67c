//! The gazetteer: the names the finders know, with their kind, canonical form and aliases
//! (`data/gazetteer.tsv`, embedded and parsed once; its format is documented at its top), the
//! first names that mark a person, and the longest-alias match at one word of the text.

use super::fast_map::FastMap;
use super::tokens::{joined_stems, Tokens, CAP, UPPER};
use raqmi_model::document::EntityKind;
use std::sync::OnceLock;

/// The embedded gazetteer source; see its header for the format.
pub const GAZETTEER_TSV: &str = include_str!("../../data/gazetteer.tsv");

pub(super) struct GazEntry {
    pub(super) kind: EntityKind,
    pub(super) canonical: String,
}

struct AliasWord {
    stem: Vec<u8>,
    /// Written in capitals in the gazetteer: the text must be in capitals too ("CRI", not "cri").
    upper: bool,
    /// The alias has a comma before this word ("Fédération des technologies de l’information,
    /// des télécommunications …").
    comma_before: bool,
}

struct Alias {
    entry: u32,
    words: Vec<AliasWord>,
    /// Written with a capital first letter: the text must capitalize its first word too.
    first_cap: bool,
    /// As written in the gazetteer, for error messages and checks.
    written: String,
}

/// The parsed gazetteer.
#[derive(Default)]
pub struct Gazetteer {
    pub(super) entries: Vec<GazEntry>,
    aliases: Vec<Alias>,
    /// Alias ids by the stem of their first word, longest alias first.
    by_first: FastMap<Vec<u8>, Vec<u32>>,
    /// First-word stems of the few aliases that may start with a lower-case word or a digit
    /// ("inwi", "1337 School"): other such words skip the hash look-up, which is most words.
    lower_first: Vec<Vec<u8>>,
    pub(super) first_names: FastMap<Vec<u8>, ()>,
    /// Last word of each gazetteer person, when no other gazetteer person shares it.
    pub(super) surnames: FastMap<Vec<u8>, u32>,
}

impl Gazetteer {
    /// Number of entries (names with a canonical form; first names not included).
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    /// Number of first names.
    pub fn first_name_count(&self) -> usize {
        self.first_names.len()
    }
    /// Every (alias as written, canonical) pair, canonical forms included.
    pub fn alias_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.aliases.iter().map(|a| {
            (
                a.written.as_str(),
                self.entries[a.entry as usize].canonical.as_str(),
            )
        })
    }
    /// The folded comparison key of an alias ("Souss-Massa" and "Souss Massa" share one).
    pub fn match_key(alias: &str) -> String {
        let t = Tokens::new(alias);
        String::from_utf8_lossy(&joined_stems(&t, 0, t.toks.len())).into_owned()
    }
}

fn parse_kind(s: &str) -> Option<Option<EntityKind>> {
    Some(Some(match s {
        "org" => EntityKind::Org,
        "place" => EntityKind::Place,
        "person" => EntityKind::Person,
        "program" => EntityKind::Program,
        "event" => EntityKind::Event,
        "firstname" => return Some(None),
        _ => return None,
    }))
}

/// Parses gazetteer source. Errors name the line: `gazetteer.tsv:12: unknown kind "orgs"`.
pub fn parse_gazetteer(src: &str) -> Result<Gazetteer, String> {
    let mut g = Gazetteer::default();
    // alias key -> (entry, line) to report conflicts.
    let mut seen: FastMap<String, (u32, usize)> = FastMap::default();
    let mut canonicals: FastMap<(EntityKind, String), usize> = FastMap::default();
    let mut surname_count: FastMap<Vec<u8>, (u32, usize)> = FastMap::default();
    for (n, raw) in src.lines().enumerate() {
        let line_no = n + 1;
        let err = |msg: String| format!("gazetteer.tsv:{line_no}: {msg}");
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if !(2..=3).contains(&fields.len()) {
            return Err(err(format!(
                "expected kind<TAB>canonical[<TAB>alias|alias…], found {} field(s)",
                fields.len()
            )));
        }
        let kind = parse_kind(fields[0]).ok_or_else(|| {
            err(format!(
                "unknown kind {:?} (org, place, person, program, event, firstname)",
                fields[0]
            ))
        })?;
        let canonical = fields[1];
        if canonical.is_empty() || canonical.trim() != canonical {
            return Err(err(format!(
                "canonical {canonical:?} is empty or has spaces around it"
            )));
        }
        let mut names = vec![canonical];
        if let Some(aliases) = fields.get(2) {
            for a in aliases.split('|') {
                if a.is_empty() || a.trim() != a {
                    return Err(err(format!("alias {a:?} is empty or has spaces around it")));
                }
                names.push(a);
            }
        }
        let Some(kind) = kind else {
            for name in names {
                let t = Tokens::new(name);
                if t.toks.len() != 1 {
                    return Err(err(format!("first name {name:?} must be one word")));
                }
                g.first_names.insert(t.stem(0).to_vec(), ());
            }
            continue;
        };
        if let Some(prev) = canonicals.insert((kind, canonical.to_string()), line_no) {
            return Err(err(format!(
                "{canonical:?} is already an entry (line {prev})"
            )));
        }
        let entry = g.entries.len() as u32;
        g.entries.push(GazEntry {
            kind,
            canonical: canonical.to_string(),
        });
        for name in names {
            let t = Tokens::new(name);
            if t.toks.is_empty() {
                return Err(err(format!("{name:?} has no word")));
            }
            let key = Gazetteer::match_key(name);
            match seen.get(&key) {
                Some(&(other, other_line)) if other != entry => {
                    return Err(err(format!(
                        "{name:?} already belongs to {:?} (line {other_line})",
                        g.entries[other as usize].canonical
                    )));
                }
                _ => {
                    seen.insert(key, (entry, line_no));
                }
            }
            let words: Vec<AliasWord> = (0..t.toks.len())
                .map(|i| AliasWord {
                    stem: t.stem(i).to_vec(),
                    upper: t.toks[i].is(UPPER),
                    comma_before: t.gap_before(i).contains(','),
                })
                .collect();
            let id = g.aliases.len() as u32;
            g.by_first
                .entry(words[0].stem.clone())
                .or_default()
                .push(id);
            let first_cap = t.toks[0].is(CAP);
            if !first_cap && !g.lower_first.contains(&words[0].stem) {
                g.lower_first.push(words[0].stem.clone());
            }
            g.aliases.push(Alias {
                entry,
                words,
                first_cap,
                written: name.to_string(),
            });
            if kind == EntityKind::Person
                && t.toks.len() >= 2
                && t.stem(t.toks.len() - 1).len() >= 3
            {
                let last = t.stem(t.toks.len() - 1).to_vec();
                let e = surname_count.entry(last).or_insert((entry, 0));
                if e.0 != entry {
                    e.1 += 1;
                }
            }
        }
    }
    for (last, (entry, others)) in surname_count {
        if others == 0 {
            g.surnames.insert(last, entry);
        }
    }
    let aliases = &g.aliases;
    for ids in g.by_first.values_mut() {
        ids.sort_by_key(|&id| std::cmp::Reverse(aliases[id as usize].words.len()));
    }
    Ok(g)
}

/// The embedded gazetteer, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        // A malformed line fails `embedded_gazetteer_parses` in the tests; at run time the app
        // degrades to pattern-only extraction rather than crash.
        parse_gazetteer(GAZETTEER_TSV).unwrap_or_default()
    })
}

/// Characters allowed between two words of one name: spaces, apostrophes, hyphens.
fn is_name_gap(gap: &str, comma_allowed: bool) -> bool {
    gap.len() <= 8
        && !gap.is_empty()
        && gap.chars().all(|c| match c {
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t' => true,
            '\'' | '’' | '‘' | 'ʼ' => true,
            '-' | '\u{2010}' | '\u{2011}' => true,
            ',' => comma_allowed,
            _ => false,
        })
}

/// The longest gazetteer alias starting at token `i`: (number of tokens, entry).
pub(super) fn match_alias(doc: &Tokens, gaz: &Gazetteer, i: usize) -> Option<(usize, u32)> {
    let first = doc.toks[i];
    let stem = doc.stem(i);
    if !first.is(CAP) && !gaz.lower_first.iter().any(|w| w == stem) {
        return None;
    }
    let ids = gaz.by_first.get(stem)?;
    'alias: for &id in ids {
        let a = &gaz.aliases[id as usize];
        let n = a.words.len();
        if i + n > doc.toks.len() || (a.first_cap && !first.is(CAP)) {
            continue;
        }
        for (k, w) in a.words.iter().enumerate() {
            let t = i + k;
            if (w.upper && !doc.toks[t].is(UPPER))
                || (k > 0
                    && (doc.stem(t) != w.stem || !is_name_gap(doc.gap_before(t), w.comma_before)))
            {
                continue 'alias;
            }
        }
        return Some((n, a.entry));
    }
    None
}
