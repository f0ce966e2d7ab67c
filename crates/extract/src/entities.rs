//! Named entities: organisations, places, persons, programmes and events, with aliases merged
//! under one canonical name ("AUSIM" = "Association des Utilisateurs des Systèmes d’Information
//! au Maroc") and a person's role where the text gives it.
//!
//! This module owns the gazetteer (`data/gazetteer.tsv`, embedded and parsed once; its format is
//! documented at its top) and three finders that run over one tokenization of the text:
//! 1. gazetteer names, longest match first, compared on folded word stems (case, accents,
//!    apostrophes, hyphen vs space and a final plural "s" do not matter);
//! 2. "Long Form (ACRONYM)" definitions, which merge an unseen organisation with its acronym for
//!    the rest of the text;
//! 3. persons, from patterns rather than a list: a known first name followed by capitalized
//!    words, a title ("M. Charaf"), or a role next to the name ("Karim Achengli, président du
//!    conseil régional"); a lone surname resolves to the full name used elsewhere in the text.
//!
//! It is pure (no I/O, no threads, no regex) so it runs the same natively and in wasm32, and it is
//! linear in the text: one hash look-up per capitalized word, no allocation per character.

use raqmi_model::document::{Entity, EntityKind, Span};
use raqmi_model::text::{fold_char, is_word_char};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The embedded gazetteer source; see its header for the format.
pub const GAZETTEER_TSV: &str = include_str!("../data/gazetteer.tsv");

/// Every name in `text`, in order of position, never overlapping.
pub fn extract_entities(text: &str) -> Vec<Entity> {
    let gaz = gazetteer();
    let doc = Tokens::new(text);
    if doc.toks.is_empty() {
        return Vec::new();
    }
    let mut found = Found::new(doc.toks.len());

    // Definitions first: an acronym defined anywhere in the text is known everywhere in it.
    let (long_forms, local_acronyms) = acronym_definitions(&doc, gaz);
    let names = gazetteer_matches(&doc, gaz, &local_acronyms);
    // Longest wins: a long form that the gazetteer does not know ("… au Maroc (XYZ)") beats the
    // place it ends with ("Maroc").
    if long_forms.is_empty() {
        // Gazetteer matches never overlap one another: no need to sort.
        for c in names {
            found.try_add(c);
        }
    } else {
        let mut candidates: Vec<Candidate> = long_forms.into_iter().chain(names).collect();
        candidates.sort_by_key(|c| (std::cmp::Reverse(c.end_tok - c.start_tok), c.start_tok));
        for c in candidates {
            found.try_add(c);
        }
    }
    find_persons(&doc, gaz, &mut found);
    found.into_entities(&doc)
}

// ---------------------------------------------------------------------------------------------
// Hashing: the default SipHash is several times slower than needed for short word keys, and the
// keys come from our own text, so a multiplicative hash (as in rustc's FxHasher) is enough.

#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

// ---------------------------------------------------------------------------------------------
// Tokens with folded keys.

/// The first character is upper case ("Maroc", "AUSIM", "Le360").
const CAP: u8 = 1;
/// Has an upper-case letter and no lower-case one ("AUSIM", "UM6P", "2M").
const UPPER: u8 = 2;
/// Has a lower-case letter.
const LOWER: u8 = 4;
/// Starts with a digit ("1337", "2M").
const DIGIT: u8 = 8;
/// The key is the word itself, in the text (lower-case ASCII), not in `Tokens::keys`.
const IN_TEXT: u8 = 16;

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: u32,
    end: u32,
    /// The folded word is `keys[key..key + key_len]` (or the text's bytes there, see
    /// [`IN_TEXT`]); its stem (no final plural "s") is the first `stem_len` bytes of it.
    key: u32,
    key_len: u16,
    stem_len: u16,
    flags: u8,
}

impl Tok {
    fn is(self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// A text cut into words once, with every word's folded key in one shared buffer.
struct Tokens<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// Folded words back to back. Bytes, not `str`: comparisons and hashing then skip UTF-8
    /// boundary checks, which showed up in profiles.
    keys: Vec<u8>,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        // About one word per five bytes of French prose: reserve once rather than regrow.
        let mut toks = Vec::with_capacity(text.len() / 5 + 1);
        let mut keys = Vec::with_capacity(text.len() / 2 + 8);
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            // Most of the text is ASCII: skip separators and copy word runs by the byte, and
            // decode only the rest.
            let b = bytes[i];
            let first_flags = if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                if b.is_ascii_uppercase() {
                    CAP
                } else if b.is_ascii_digit() {
                    DIGIT
                } else {
                    0
                }
            } else {
                let (c, len) = char_at(bytes, i);
                if !is_word_char_fast(c) {
                    i += len;
                    continue;
                }
                if c.is_uppercase() {
                    CAP
                } else {
                    0
                }
            };
            let start = i;
            let (mut has_upper, mut has_lower, mut ascii) = (false, false, true);
            loop {
                while i < n && bytes[i].is_ascii_alphanumeric() {
                    has_upper |= bytes[i].is_ascii_uppercase();
                    has_lower |= bytes[i].is_ascii_lowercase();
                    i += 1;
                }
                if i >= n || bytes[i] < 0x80 {
                    break;
                }
                let (c, len) = char_at(bytes, i);
                if !is_word_char_fast(c) {
                    break;
                }
                ascii = false;
                has_upper |= c.is_uppercase();
                has_lower |= c.is_lowercase();
                i += len;
            }
            let mut flags = first_flags;
            if has_upper && !has_lower {
                flags |= UPPER;
            }
            if has_lower {
                flags |= LOWER;
            }
            // Most words ("de", "technologies") are their own key: point into the text and fold
            // only the others into `keys`.
            let key = if ascii && !has_upper {
                flags |= IN_TEXT;
                start
            } else {
                let key = keys.len();
                let mut j = start;
                while j < i {
                    let (c, len) = char_at(bytes, j);
                    if c.is_ascii() {
                        keys.push(c.to_ascii_lowercase() as u8);
                    } else {
                        for f in fold_char(c).chars() {
                            let mut buf = [0u8; 4];
                            keys.extend_from_slice(f.encode_utf8(&mut buf).as_bytes());
                        }
                    }
                    j += len;
                }
                key
            };
            let full_len = if flags & IN_TEXT != 0 {
                i - start
            } else {
                keys.len() - key
            };
            // Keys longer than u16 (absurd words) are cut; a cut key only fails to match.
            let key_len = full_len.min(u16::MAX as usize);
            let key_bytes = if flags & IN_TEXT != 0 {
                &bytes[key..key + key_len]
            } else {
                &keys[key..key + key_len]
            };
            let stem_len = stem_len(key_bytes, flags);
            toks.push(Tok {
                start: start as u32,
                end: i as u32,
                key: key as u32,
                key_len: key_len as u16,
                stem_len: stem_len as u16,
                flags,
            });
        }
        Tokens { text, toks, keys }
    }

    fn key(&self, t: usize) -> &[u8] {
        let t = self.toks[t];
        self.key_bytes(t, t.key_len)
    }

    fn stem(&self, t: usize) -> &[u8] {
        let t = self.toks[t];
        self.key_bytes(t, t.stem_len)
    }

    fn key_bytes(&self, t: Tok, len: u16) -> &[u8] {
        let k = t.key as usize;
        let buf = if t.is(IN_TEXT) {
            self.text.as_bytes()
        } else {
            &self.keys
        };
        &buf[k..k + len as usize]
    }

    fn word(&self, t: usize) -> &'a str {
        let t = self.toks[t];
        &self.text[t.start as usize..t.end as usize]
    }

    /// The text between token `t - 1` and token `t` (empty for the first token).
    fn gap_before(&self, t: usize) -> &'a str {
        if t == 0 || t >= self.toks.len() {
            return "";
        }
        &self.text[self.toks[t - 1].end as usize..self.toks[t].start as usize]
    }

    fn slice(&self, from_tok: usize, to_tok: usize) -> &'a str {
        &self.text[self.toks[from_tok].start as usize..self.toks[to_tok].end as usize]
    }
}

/// The character starting at byte `i` of a `str`'s bytes (a char boundary) and its length,
/// decoded by hand: `str::get(i..)` re-validates the boundary on every call.
fn char_at(bytes: &[u8], i: usize) -> (char, usize) {
    let b0 = bytes[i];
    if b0 < 0x80 {
        return (b0 as char, 1);
    }
    let (len, init) = match b0 {
        0xF0.. => (4, b0 & 0x07),
        0xE0.. => (3, b0 & 0x0F),
        _ => (2, b0 & 0x1F),
    };
    let mut cp = u32::from(init);
    for k in 1..len {
        cp = (cp << 6) | u32::from(bytes.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    }
    (char::from_u32(cp).unwrap_or('\u{fffd}'), len)
}

/// [`is_word_char`] with shortcuts for the non-ASCII characters of French press text: accented
/// Latin-1 letters are letters, typographic punctuation (’ – — … and the like) is not.
fn is_word_char_fast(c: char) -> bool {
    match c {
        '\u{c0}'..='\u{ff}' => c != '×' && c != '÷',
        '\u{2000}'..='\u{206f}' => false,
        _ => is_word_char(c),
    }
}

/// Length of a folded word without its plural "s": "informations" -> "information",
/// "systemes" -> "systeme". Not for acronyms ("CRIS" is not "CRI"), short words ("les", "des"),
/// or a double "s" ("Souss", which must not become "sous").
fn stem_len(key: &[u8], flags: u8) -> usize {
    let n = key.len();
    if flags & UPPER == 0 && n >= 4 && key[n - 1] == b's' && key[n - 2] != b's' {
        n - 1
    } else {
        n
    }
}

/// Folds and stems one word the way [`Tokens`] does (for word lists).
fn word_stem(word: &str) -> Vec<u8> {
    let t = Tokens::new(word);
    if t.toks.is_empty() {
        return Vec::new();
    }
    t.stem(0).to_vec()
}

// ---------------------------------------------------------------------------------------------
// Gazetteer.

struct GazEntry {
    kind: EntityKind,
    canonical: String,
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
    entries: Vec<GazEntry>,
    aliases: Vec<Alias>,
    /// Alias ids by the stem of their first word, longest alias first.
    by_first: FastMap<Vec<u8>, Vec<u32>>,
    /// First-word stems of the few aliases that may start with a lower-case word or a digit
    /// ("inwi", "1337 School"): other such words skip the hash look-up, which is most words.
    lower_first: Vec<Vec<u8>>,
    first_names: FastMap<Vec<u8>, ()>,
    /// Last word of each gazetteer person, when no other gazetteer person shares it.
    surnames: FastMap<Vec<u8>, u32>,
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
fn match_alias(doc: &Tokens, gaz: &Gazetteer, i: usize) -> Option<(usize, u32)> {
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

// ---------------------------------------------------------------------------------------------
// Candidates and their selection.

#[derive(Clone, Debug)]
struct Candidate {
    start_tok: usize,
    /// Exclusive.
    end_tok: usize,
    kind: EntityKind,
    canonical: String,
    role: Option<String>,
}

/// The entities chosen so far and which tokens they cover.
struct Found {
    taken: Vec<bool>,
    chosen: Vec<Candidate>,
}

impl Found {
    fn new(n: usize) -> Self {
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
    fn try_add(&mut self, c: Candidate) -> bool {
        if c.start_tok >= c.end_tok || !self.is_free(c.start_tok, c.end_tok) {
            return false;
        }
        self.taken[c.start_tok..c.end_tok].fill(true);
        self.chosen.push(c);
        true
    }
    fn into_entities(mut self, doc: &Tokens) -> Vec<Entity> {
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
fn gazetteer_matches(
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

// ---------------------------------------------------------------------------------------------
// "Long Form (ACRONYM)".

/// Words that open the long form of a name, and the kind of name they open.
const HEADS: &[(&str, EntityKind)] = &[
    ("association", EntityKind::Org),
    ("agence", EntityKind::Org),
    ("federation", EntityKind::Org),
    ("confederation", EntityKind::Org),
    ("office", EntityKind::Org),
    ("commission", EntityKind::Org),
    ("conseil", EntityKind::Org),
    ("universite", EntityKind::Org),
    ("ecole", EntityKind::Org),
    ("institut", EntityKind::Org),
    ("fondation", EntityKind::Org),
    ("ministere", EntityKind::Org),
    ("direction", EntityKind::Org),
    ("centre", EntityKind::Org),
    ("banque", EntityKind::Org),
    ("caisse", EntityKind::Org),
    ("groupement", EntityKind::Org),
    ("groupe", EntityKind::Org),
    ("societe", EntityKind::Org),
    ("union", EntityKind::Org),
    ("chambre", EntityKind::Org),
    ("autorite", EntityKind::Org),
    ("observatoire", EntityKind::Org),
    ("haut", EntityKind::Org),
    ("cluster", EntityKind::Org),
    ("organisation", EntityKind::Org),
    ("reseau", EntityKind::Org),
    ("club", EntityKind::Org),
    ("cour", EntityKind::Org),
    ("fonds", EntityKind::Org),
    ("laboratoire", EntityKind::Org),
    ("academie", EntityKind::Org),
    ("syndicat", EntityKind::Org),
    ("agency", EntityKind::Org),
    ("foundation", EntityKind::Org),
    ("university", EntityKind::Org),
    ("institute", EntityKind::Org),
    ("council", EntityKind::Org),
    ("programme", EntityKind::Program),
    ("plan", EntityKind::Program),
    ("strategie", EntityKind::Program),
    ("initiative", EntityKind::Program),
    ("registre", EntityKind::Program),
    ("projet", EntityKind::Program),
    ("plateforme", EntityKind::Program),
    ("portail", EntityKind::Program),
    ("assises", EntityKind::Event),
    ("forum", EntityKind::Event),
    ("salon", EntityKind::Event),
    ("sommet", EntityKind::Event),
    ("conference", EntityKind::Event),
    ("congres", EntityKind::Event),
    ("festival", EntityKind::Event),
    ("journees", EntityKind::Event),
    ("rencontres", EntityKind::Event),
    ("summit", EntityKind::Event),
    ("colloque", EntityKind::Event),
];

fn head_kind(stem: &[u8]) -> Option<EntityKind> {
    static HEAD_MAP: OnceLock<FastMap<Vec<u8>, EntityKind>> = OnceLock::new();
    HEAD_MAP
        .get_or_init(|| HEADS.iter().map(|&(w, k)| (word_stem(w), k)).collect())
        .get(stem)
        .copied()
}

/// Punctuation that ends a clause: a name, its long form or a role never runs across it.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '«'
            | '»'
            | '"'
            | '“'
            | '”'
            | '\n'
            | '\r'
            | '—'
            | '–'
            | '/'
            | '|'
    )
}

/// An acronym as written in parentheses: 2-8 characters, capitals dominating ("UM6P", "IoT").
fn looks_like_acronym(word: &str) -> bool {
    let (mut upper, mut lower, mut n) = (0, 0, 0);
    for c in word.chars() {
        n += 1;
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    (2..=8).contains(&n)
        && upper >= 2
        && upper > lower
        && word.starts_with(|c: char| c.is_uppercase())
}

/// Finds "Long Form (ACR)": candidates for the long forms, and the acronyms it defines for the
/// rest of the text (as written -> kind, canonical).
#[allow(clippy::type_complexity)]
fn acronym_definitions(
    doc: &Tokens,
    gaz: &Gazetteer,
) -> (Vec<Candidate>, FastMap<String, (EntityKind, String)>) {
    let mut long_forms = Vec::new();
    let mut local = FastMap::default();
    let text = doc.text;
    for j in 1..doc.toks.len() {
        let t = doc.toks[j];
        if !t.is(CAP) || t.start == 0 || text.as_bytes()[t.start as usize - 1] != b'(' {
            continue;
        }
        let before = doc.gap_before(j);
        if before.trim() != "(" || !text[t.end as usize..].starts_with(')') {
            continue;
        }
        let acronym = doc.word(j);
        if !looks_like_acronym(acronym) {
            continue;
        }
        let initial = doc.key(j).first();
        // Walk back over the clause to the head word, preferring one with the acronym's initial.
        let last = j - 1;
        let mut head: Option<(usize, EntityKind)> = None;
        let mut m = last;
        for _ in 0..16 {
            let tok = doc.toks[m];
            if tok.is(CAP) {
                if let Some(kind) = head_kind(doc.stem(m)) {
                    let matches_initial = doc.key(m).first() == initial;
                    if head.is_none() || matches_initial {
                        head = Some((m, kind));
                    }
                    if matches_initial {
                        break;
                    }
                }
            }
            if m == 0 || doc.gap_before(m).chars().any(is_clause_break) {
                break;
            }
            m -= 1;
        }
        let Some((h, head_kind)) = head else { continue };
        if h >= last {
            continue;
        }
        // A known acronym keeps its gazetteer identity ("(RNP)" is a programme).
        let (kind, canonical) = match match_alias(doc, gaz, j) {
            Some((1, entry)) => {
                let e = &gaz.entries[entry as usize];
                (e.kind, e.canonical.clone())
            }
            _ => (head_kind, acronym.to_string()),
        };
        local.insert(acronym.to_string(), (kind, canonical.clone()));
        long_forms.push(Candidate {
            start_tok: h,
            end_tok: last + 1,
            kind,
            canonical,
            role: None,
        });
    }
    (long_forms, local)
}

// ---------------------------------------------------------------------------------------------
// Persons.

/// Capitalized words that are never part of a name: sentence openers, articles, titles.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "il", "elle", "ils", "elles",
    "on", "nous", "vous", "je", "ce", "cet", "cette", "ces", "c", "ca", "pour", "par", "selon",
    "dans", "en", "et", "ou", "mais", "donc", "or", "ni", "car", "a", "au", "aux", "avec",
    "sans", "sur", "sous", "apres", "avant", "depuis", "pendant", "lors", "entre", "vers",
    "chez", "contre", "malgre", "parmi", "si", "quand", "lorsque", "comme", "ainsi", "alors",
    "aussi", "enfin", "bref", "notons", "notamment", "toutefois", "cependant", "pourtant",
    "son", "sa", "ses", "leur", "leurs", "mon", "ma", "notre", "votre", "tout", "tous",
    "toute", "toutes", "qui", "que", "quoi", "dont", "oui", "non", "plus", "moins", "tres",
    "deja", "encore", "ici", "cela", "ceci", "celui", "celle", "ceux", "chaque", "plusieurs",
    "certains", "autre", "autres", "meme", "y", "ne", "pas", "se", "s", "qu", "n", "j", "m",
    "mme", "mlle", "mr", "dr", "pr", "monsieur", "madame", "docteur", "professeur",
    "president", "presidente", "directeur", "directrice", "ministre", "roi", "sm", "sar",
    "prince", "princesse", "wali", "royaume", "janvier", "fevrier", "mars", "avril", "mai",
    "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "the", "of", "and", "for",
    "by",
];

/// Words that open a role ("président du conseil régional", "Chief Digital Officer de l'UM6P").
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    "president", "presidente", "vice", "directeur", "directrice", "dg", "pdg", "ceo", "cto",
    "cio", "cdo", "coo", "cfo", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "co",
    "ministre", "secretaire", "wali", "gouverneur", "maire", "chef", "cheffe", "chief", "head",
    "responsable", "manager", "administrateur", "administratrice", "conseiller", "conseillere",
    "ambassadeur", "ambassadrice", "professeur", "chercheur", "chercheuse", "expert",
    "experte", "consultant", "consultante", "analyste", "porte", "coordinateur",
    "coordinatrice", "membre", "associe", "associee", "partner", "founder", "delegue",
    "deleguee", "commissaire", "depute", "deputee", "senateur", "recteur", "doyen", "patron",
    "patronne", "dirigeant", "dirigeante", "officer", "vp", "general", "generale", "haut",
];

/// Words after which a role stops ("président du conseil régional et artisan de …").
#[rustfmt::skip]
const ROLE_STOPS: &[&str] = &[
    "et", "qui", "a", "ont", "est", "sera", "avait", "etait", "lors", "selon", "dont", "ou",
    "que", "pour", "dans",
];

/// Titles before a name.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "m", "mme", "mlle", "mr", "dr", "pr", "monsieur", "madame", "docteur", "professeur",
];

/// Particles inside surnames ("Amal El Fallah", "Ben Abdellah").
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "el", "ben", "ibn", "ait", "al", "bel", "abou", "ould", "bou", "bin",
];

struct WordSets {
    not_names: FastMap<&'static [u8], ()>,
    roles: FastMap<&'static [u8], ()>,
    role_stops: FastMap<&'static [u8], ()>,
    titles: FastMap<&'static [u8], ()>,
    particles: FastMap<&'static [u8], ()>,
}

fn word_sets() -> &'static WordSets {
    static SETS: OnceLock<WordSets> = OnceLock::new();
    SETS.get_or_init(|| {
        let set = |words: &[&'static str]| words.iter().map(|&w| (w.as_bytes(), ())).collect();
        WordSets {
            not_names: set(NOT_NAMES),
            roles: set(ROLE_WORDS),
            role_stops: set(ROLE_STOPS),
            titles: set(TITLES),
            particles: set(PARTICLES),
        }
    })
}

/// Token `t` can be part of a name: capitalized, not a common word, a letter first.
/// All-capital surnames ("Hicham CHIGUER") only after another name word.
fn name_like(doc: &Tokens, sets: &WordSets, t: usize, not_first: bool) -> bool {
    let tok = doc.toks[t];
    if !tok.is(CAP) || sets.not_names.contains_key(doc.key(t)) {
        return false;
    }
    if tok.is(LOWER) {
        return true;
    }
    not_first && tok.is(UPPER) && doc.word(t).chars().count() >= 3
}

/// Consecutive free name words from `s` (at most `max`), joined by spaces or hyphens only;
/// returns the exclusive end.
fn name_run(doc: &Tokens, sets: &WordSets, found: &Found, s: usize, max: usize) -> usize {
    let mut e = s;
    while e < doc.toks.len() && e - s < max && !found.taken[e] {
        if e > s {
            let gap = doc.gap_before(e);
            if !gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '-') || gap.len() > 3 {
                break;
            }
        }
        if name_like(doc, sets, e, e > s) {
            e += 1;
            continue;
        }
        // "El", "Ben" … inside a name, when a name word follows.
        if e > s
            && sets.particles.contains_key(doc.key(e))
            && e + 1 < doc.toks.len()
            && !found.taken[e + 1]
            && doc.gap_before(e + 1).trim_matches([' ', '-']).is_empty()
            && name_like(doc, sets, e + 1, true)
        {
            e += 2;
            continue;
        }
        break;
    }
    e.min(s + max)
}

/// The role following a name: ", président du conseil régional" (optionally "le président …").
fn role_after(doc: &Tokens, sets: &WordSets, end: usize) -> Option<String> {
    if end >= doc.toks.len() || doc.gap_before(end).trim() != "," {
        return None;
    }
    let mut r = end;
    if matches!(doc.key(r), b"le" | b"la" | b"l") && r + 1 < doc.toks.len() {
        r += 1;
    }
    if !sets.roles.contains_key(doc.key(r)) {
        return None;
    }
    let mut last = r;
    let mut k = r + 1;
    while k < doc.toks.len() && k - r < 10 {
        if doc.gap_before(k).chars().any(is_clause_break)
            || sets.role_stops.contains_key(doc.key(k))
        {
            break;
        }
        last = k;
        k += 1;
    }
    Some(doc.slice(r, last).to_string())
}

/// The role before a name: "le président de la FMPS, Noureddine Boutayeb" or
/// "son président Amine Zarouk".
fn role_before(doc: &Tokens, sets: &WordSets, start: usize) -> Option<String> {
    if start == 0 {
        return None;
    }
    let gap = doc.gap_before(start);
    if gap.trim().is_empty() {
        let p = start - 1;
        // Only a lower-case role word: "le Chief Digital Officer" is no role before "Digital".
        return (sets.roles.contains_key(doc.key(p)) && !doc.toks[p].is(CAP))
            .then(|| doc.word(p).to_string());
    }
    if gap.trim() != "," {
        return None;
    }
    // The clause before the comma, read backwards; the role opens at its first role word.
    let last = start - 1;
    let mut m = last;
    let mut opening = None;
    for _ in 0..12 {
        if sets.roles.contains_key(doc.key(m)) {
            opening = Some(m);
        }
        if m == 0 || doc.gap_before(m).chars().any(is_clause_break) {
            break;
        }
        m -= 1;
    }
    opening.map(|r| doc.slice(r, last).to_string())
}

/// A title before token `t` ("M. Charaf", "Mme Alaoui"): true when token `t - 1` is one.
fn has_title(doc: &Tokens, sets: &WordSets, t: usize) -> bool {
    if t == 0 {
        return false;
    }
    let p = t - 1;
    let key = doc.key(p);
    if !doc.toks[p].is(CAP) || !sets.titles.contains_key(key) {
        return false;
    }
    let gap = doc.gap_before(t);
    // "M" alone is only a title with its dot; the others take it or not.
    let gap = match gap.strip_prefix('.') {
        Some(rest) => rest,
        None if key == b"m" => return false,
        None => gap,
    };
    !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// Names with normalized spaces ("Hicham  Chiguer" -> "Hicham Chiguer").
fn normalize_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for part in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

struct PersonMention {
    /// Token of the title, when there is one ("M").
    title: Option<usize>,
    start: usize,
    end: usize,
    role: Option<String>,
}

fn find_persons(doc: &Tokens, gaz: &Gazetteer, found: &mut Found) {
    let sets = word_sets();
    let n = doc.toks.len();
    let mut mentions: Vec<PersonMention> = Vec::new();
    let mut i = 0;
    while i < n {
        let tok = doc.toks[i];
        if found.taken[i] || !tok.is(CAP) || !tok.is(LOWER) {
            i += 1;
            continue;
        }
        let titled = has_title(doc, sets, i) && !found.taken[i - 1];
        let first_name = gaz.first_names.contains_key(doc.stem(i));
        let end = name_run(doc, sets, found, i, 5);
        if end == i {
            i += 1;
            continue;
        }
        let len = end - i;
        let role = || {
            role_after(doc, sets, end)
                .or_else(|| role_before(doc, sets, if titled { i - 1 } else { i }))
        };
        if !titled && !first_name {
            // "Ensuite Hicham Chiguer": the name starts at the first name, not before it.
            if let Some(p) = (i + 1..end).find(|&p| gaz.first_names.contains_key(doc.stem(p))) {
                i = p;
                continue;
            }
        }
        let accept = if titled || (first_name && len >= 2) {
            Some(role())
        } else if (2..=4).contains(&len) {
            // An unknown first name needs a cue: a role right before or after it.
            role().map(Some)
        } else {
            None
        };
        match accept {
            Some(role) => {
                mentions.push(PersonMention {
                    title: titled.then(|| i - 1),
                    start: i,
                    end,
                    role,
                });
                i = end;
            }
            None => i += 1,
        }
    }

    // Full names of this text, to resolve "M. Charaf" and a lone "Zarouk".
    let mut full_by_last: FastMap<&[u8], Vec<(usize, String)>> = FastMap::default();
    let mut full_by_key: FastMap<Vec<u8>, String> = FastMap::default();
    for m in &mentions {
        if m.end - m.start >= 2 {
            let canonical = normalize_name(doc.slice(m.start, m.end - 1));
            full_by_last
                .entry(doc.stem(m.end - 1))
                .or_default()
                .push((m.start, canonical.clone()));
            full_by_key.insert(joined_stems(doc, m.start, m.end), canonical);
        }
    }
    let resolve_surname = |t: usize| -> Option<String> {
        if let Some(list) = full_by_last.get(doc.stem(t)) {
            // The nearest full name before, else the first one after.
            let before = list.iter().rfind(|(s, _)| *s < t);
            return before.or(list.first()).map(|(_, c)| c.clone());
        }
        None
    };
    // A gazetteer person by surname, only after a title: "M. Akhannouch", never a bare "Alaoui".
    let resolve_titled = |t: usize| -> Option<String> {
        resolve_surname(t).or_else(|| {
            gaz.surnames
                .get(doc.stem(t))
                .map(|&e| gaz.entries[e as usize].canonical.clone())
        })
    };

    for m in mentions {
        let canonical = if m.end - m.start >= 2 {
            normalize_name(doc.slice(m.start, m.end - 1))
        } else {
            resolve_titled(m.start).unwrap_or_else(|| doc.word(m.start).to_string())
        };
        found.try_add(Candidate {
            start_tok: m.title.unwrap_or(m.start),
            end_tok: m.end,
            kind: EntityKind::Person,
            canonical,
            role: m.role,
        });
    }

    // Later mentions without a cue: the same full name again, or its surname alone.
    if full_by_last.is_empty() {
        return;
    }
    let mut i = 0;
    while i < n {
        let tok = doc.toks[i];
        if found.taken[i] || !tok.is(CAP) || !tok.is(LOWER) {
            i += 1;
            continue;
        }
        let end = name_run(doc, sets, found, i, 5);
        let mut hit = None;
        for e in (i + 2..=end).rev() {
            if let Some(c) = full_by_key.get(&joined_stems(doc, i, e)) {
                hit = Some((e, c.clone()));
                break;
            }
        }
        if hit.is_none() && end == i + 1 {
            if let Some(c) = resolve_surname(i) {
                hit = Some((i + 1, c));
            }
        }
        match hit {
            Some((e, canonical)) => {
                let role = role_after(doc, sets, e);
                found.try_add(Candidate {
                    start_tok: i,
                    end_tok: e,
                    kind: EntityKind::Person,
                    canonical,
                    role,
                });
                i = e;
            }
            None => i += 1,
        }
    }
}

fn joined_stems(doc: &Tokens, from: usize, to: usize) -> Vec<u8> {
    let mut s = Vec::new();
    for t in from..to {
        if t > from {
            s.push(b' ');
        }
        s.extend_from_slice(doc.stem(t));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(text: &'a str, ents: &'a [Entity], surface: &str) -> Option<&'a Entity> {
        ents.iter().find(|e| &text[e.span.range()] == surface)
    }

    /// (case name, text, surface, kind, canonical)
    const FINDS: &[(&str, &str, &str, EntityKind, &str)] = &[
        (
            "merges_acronym_with_long_form",
            "L’Association des Utilisateurs des Systèmes d’Information au Maroc (AUSIM) vient d’organiser",
            "Association des Utilisateurs des Systèmes d’Information au Maroc",
            EntityKind::Org,
            "AUSIM",
        ),
        (
            "tolerates_plural_and_case_variants_of_a_long_form",
            "l’Association des utilisateurs des systèmes d’informations au Maroc (AUSIM) a choisi",
            "Association des utilisateurs des systèmes d’informations au Maroc",
            EntityKind::Org,
            "AUSIM",
        ),
        (
            "merges_an_unseen_long_form_with_its_acronym",
            "l'Agence Marocaine des Zellijs Numériques (AMZN) a signé. L'AMZN compte 3 membres.",
            "Agence Marocaine des Zellijs Numériques",
            EntityKind::Org,
            "AMZN",
        ),
        (
            "finds_a_defined_acronym_again_later",
            "l'Agence Marocaine des Zellijs Numériques (AMZN) a signé. L'AMZN compte 3 membres.",
            "AMZN",
            EntityKind::Org,
            "AMZN",
        ),
        (
            "prefers_longest_match_google_cloud",
            "soutenue par Google Cloud, a permis",
            "Google Cloud",
            EntityKind::Org,
            "Google Cloud",
        ),
        (
            "matches_regions_with_space_or_hyphen",
            "la région Souss Massa et la région Souss-Massa",
            "Souss Massa",
            EntityKind::Place,
            "Souss-Massa",
        ),
        (
            "matches_accentless_apostrophe_variants",
            "en Cote d'Ivoire aussi",
            "Cote d'Ivoire",
            EntityKind::Place,
            "Côte d’Ivoire",
        ),
        (
            "keeps_the_university_whole",
            "par l'Université Mohammed VI Polytechnique (UM6P).",
            "Université Mohammed VI Polytechnique",
            EntityKind::Org,
            "UM6P",
        ),
        (
            "finds_person_from_first_name",
            "comme l’explique Hicham Chiguer, président de l’AUSIM, interrogé",
            "Hicham Chiguer",
            EntityKind::Person,
            "Hicham Chiguer",
        ),
        (
            "finds_person_with_unknown_first_name_from_role",
            "a déclaré Zyad Ourhou, directeur général de la société.",
            "Zyad Ourhou",
            EntityKind::Person,
            "Zyad Ourhou",
        ),
        (
            "resolves_monsieur_surname_to_full_name",
            "le Chief Digital Officer de l'UM6P, Jalal Charaf, a souligné. « Oui », a affirmé M. Charaf.",
            "M. Charaf",
            EntityKind::Person,
            "Jalal Charaf",
        ),
        (
            "resolves_lone_surname_to_full_name",
            "son président Amine Zarouk et son équipe. Comment comptent s'y prendre Zarouk et son équipe",
            "Zarouk",
            EntityKind::Person,
            "Amine Zarouk",
        ),
        (
            "finds_media_in_a_dateline",
            "Publié dans Les ECO le 12 - 04 - 2021",
            "Les ECO",
            EntityKind::Org,
            "Les Inspirations ÉCO",
        ),
        (
            "finds_programmes_with_hyphens",
            "la solution \"DPI-In-A-Box\", développée par Gemini",
            "DPI-In-A-Box",
            EntityKind::Program,
            "DPI-In-A-Box",
        ),
        (
            "uses_gazetteer_kind_for_a_defined_known_acronym",
            "le Registre National de la Population (RNP) et",
            "Registre National de la Population",
            EntityKind::Program,
            "RNP",
        ),
    ];

    #[test]
    fn table_of_finds() {
        for &(name, text, surface, kind, canonical) in FINDS {
            let ents = extract_entities(text);
            let e = find(text, &ents, surface)
                .unwrap_or_else(|| panic!("{name}: no entity {surface:?} in {ents:?}"));
            assert_eq!(e.kind, kind, "{name}");
            assert_eq!(e.canonical, canonical, "{name}");
        }
    }

    /// (case name, text, surface that must not be an entity of any kind)
    const NOT_FOUND: &[(&str, &str, &str)] = &[
        ("ignores_lowercase_cri", "un cri dans la nuit", "cri"),
        ("ignores_orange_the_colour", "une robe orange vif", "orange"),
        (
            "ignores_sentence_initial_common_words",
            "Le pouvoir du digital. Cette Année Record a vu",
            "Cette Année",
        ),
        (
            "does_not_make_a_person_of_a_university_namesake",
            "l'Université Mohammed VI Polytechnique organise",
            "Mohammed VI",
        ),
        (
            "does_not_read_sous_as_souss",
            "Sous leadership royal, le Maroc",
            "Sous",
        ),
        (
            "ignores_concepts_defined_in_parentheses",
            "l’Internet des Objets (IoT) connecte",
            "Internet des Objets",
        ),
    ];

    #[test]
    fn table_of_non_entities() {
        for &(name, text, surface) in NOT_FOUND {
            let ents = extract_entities(text);
            assert!(find(text, &ents, surface).is_none(), "{name}: {ents:?}");
        }
    }

    #[test]
    fn attaches_the_role_after_or_before_a_name() {
        let cases = [
            (
                "Hicham Chiguer, Président de l’AUSIM, a réaffirmé",
                "Hicham Chiguer",
                "Président de l’AUSIM",
            ),
            (
                "de Karim Achengli, président du conseil régional et artisan de référence.",
                "Karim Achengli",
                "président du conseil régional",
            ),
            (
                "Pour sa part, le président de la FMPS, Noureddine Boutayeb, a rappelé",
                "Noureddine Boutayeb",
                "président de la FMPS",
            ),
        ];
        for (text, surface, role) in cases {
            let ents = extract_entities(text);
            let e = find(text, &ents, surface).unwrap_or_else(|| panic!("{surface}: {ents:?}"));
            assert_eq!(e.role.as_deref(), Some(role), "{text}");
        }
    }

    #[test]
    fn same_person_in_two_texts_gets_one_canonical() {
        let a = extract_entities("selon Noureddine   Boutayeb, président");
        let b = extract_entities("Noureddine Boutayeb a dit");
        assert_eq!(a[0].canonical, "Noureddine Boutayeb");
        assert_eq!(a[0].canonical, b[0].canonical);
    }

    #[test]
    fn requires_capitals_for_acronym_aliases() {
        let text = "le CRI et le cri, l'UPI et l'upi";
        let ents = extract_entities(text);
        let surfaces: Vec<&str> = ents.iter().map(|e| &text[e.span.range()]).collect();
        assert_eq!(surfaces, ["CRI", "UPI"]);
    }

    #[test]
    fn empty_and_punctuation_only_texts_have_no_entities() {
        for text in ["", " ", "«»", "(AB)", "M.", "()"] {
            assert!(extract_entities(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn tokenizer_agrees_with_text_tokens() {
        use raqmi_model::text::{fold, tokens};
        let texts = [
            "L’AUSIM, à Salé — «Maroc Digital 2030» e\u{301}te\u{301} 🇲🇦 Œuvre ×÷ ²³ Ǆx",
            "DPI-In-A-Box\u{a0}UM6P\u{202f}; Côte d'Ivoire… İstanbul ẞ",
        ];
        for text in texts {
            let doc = Tokens::new(text);
            let spans: Vec<_> = doc
                .toks
                .iter()
                .map(|t| (t.start as usize, t.end as usize))
                .collect();
            let expected: Vec<_> = tokens(text).map(|t| (t.start, t.end)).collect();
            assert_eq!(spans, expected, "{text}");
            for (i, t) in tokens(text).enumerate() {
                assert_eq!(doc.key(i), fold(t.text).as_bytes(), "{}", t.text);
            }
        }
    }

    #[test]
    fn embedded_gazetteer_parses() {
        let g = parse_gazetteer(GAZETTEER_TSV).unwrap_or_else(|e| panic!("{e}"));
        assert!(g.len() > 300, "{} entries", g.len());
        assert!(g.first_name_count() > 100);
    }

    #[test]
    fn no_alias_maps_to_two_canonicals() {
        let g = parse_gazetteer(GAZETTEER_TSV).unwrap_or_else(|e| panic!("{e}"));
        let mut seen: HashMap<String, &str> = HashMap::new();
        for (alias, canonical) in g.alias_pairs() {
            let key = Gazetteer::match_key(alias);
            if let Some(prev) = seen.insert(key, canonical) {
                assert_eq!(prev, canonical, "alias {alias:?}");
            }
        }
    }

    #[test]
    fn malformed_lines_are_reported_with_their_line_number() {
        let cases = [
            ("# ok\norg\tX\nplace", "gazetteer.tsv:3:"),
            ("orgs\tX", "gazetteer.tsv:1: unknown kind"),
            ("org\tX\ta||b", "gazetteer.tsv:1: alias"),
            ("org\t X", "gazetteer.tsv:1: canonical"),
            ("org\tX\ta\tb", "gazetteer.tsv:1: expected"),
            ("org\tX\tFoo\n\nplace\tY\tfoo", "gazetteer.tsv:3:"),
            ("firstname\tJean Pierre", "gazetteer.tsv:1: first name"),
            ("org\t«»", "gazetteer.tsv:1:"),
            ("org\tX\norg\tX", "gazetteer.tsv:2:"),
        ];
        for (src, prefix) in cases {
            match parse_gazetteer(src) {
                Ok(_) => panic!("{src:?} parsed"),
                Err(e) => assert!(e.starts_with(prefix), "{src:?}: {e}"),
            }
        }
    }
}
