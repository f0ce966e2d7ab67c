//! The text cut into words once, each with its folded key (case, accents and apostrophes
//! folded as in `raqmi_model::text`) and its stem (no final plural "s"): every finder compares
//! these keys rather than the words, and none of them re-reads the text.

use raqmi_model::text::{fold_char, is_word_char};

/// The first character is upper case ("Maroc", "AUSIM", "Le360").
pub(super) const CAP: u8 = 1;
/// Has an upper-case letter and no lower-case one ("AUSIM", "UM6P", "2M").
pub(super) const UPPER: u8 = 2;
/// Has a lower-case letter.
pub(super) const LOWER: u8 = 4;
/// Starts with a digit ("1337", "2M").
const DIGIT: u8 = 8;
/// The key is the word itself, in the text (lower-case ASCII), not in `Tokens::keys`.
const IN_TEXT: u8 = 16;

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) start: u32,
    pub(super) end: u32,
    /// The folded word is `keys[key..key + key_len]` (or the text's bytes there, see
    /// [`IN_TEXT`]); its stem (no final plural "s") is the first `stem_len` bytes of it.
    key: u32,
    key_len: u16,
    stem_len: u16,
    flags: u8,
}

impl Tok {
    pub(super) fn is(self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// A text cut into words once, with every word's folded key in one shared buffer.
pub(super) struct Tokens<'a> {
    pub(super) text: &'a str,
    pub(super) toks: Vec<Tok>,
    /// Folded words back to back. Bytes, not `str`: comparisons and hashing then skip UTF-8
    /// boundary checks, which showed up in profiles.
    keys: Vec<u8>,
}

impl<'a> Tokens<'a> {
    pub(super) fn new(text: &'a str) -> Self {
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

    pub(super) fn key(&self, t: usize) -> &[u8] {
        let t = self.toks[t];
        self.key_bytes(t, t.key_len)
    }

    pub(super) fn stem(&self, t: usize) -> &[u8] {
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

    pub(super) fn word(&self, t: usize) -> &'a str {
        let t = self.toks[t];
        &self.text[t.start as usize..t.end as usize]
    }

    /// The text between token `t - 1` and token `t` (empty for the first token).
    pub(super) fn gap_before(&self, t: usize) -> &'a str {
        if t == 0 || t >= self.toks.len() {
            return "";
        }
        &self.text[self.toks[t - 1].end as usize..self.toks[t].start as usize]
    }

    pub(super) fn slice(&self, from_tok: usize, to_tok: usize) -> &'a str {
        &self.text[self.toks[from_tok].start as usize..self.toks[to_tok].end as usize]
    }
}

/// Punctuation that ends a clause: a name, its long form or a role never runs across it.
pub(super) fn is_clause_break(c: char) -> bool {
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
pub(super) fn word_stem(word: &str) -> Vec<u8> {
    let t = Tokens::new(word);
    if t.toks.is_empty() {
        return Vec::new();
    }
    t.stem(0).to_vec()
}

/// The stems of tokens `from..to`, joined by single spaces: the key of a multi-word name,
/// whatever spacing or hyphens the text put between its words.
pub(super) fn joined_stems(doc: &Tokens, from: usize, to: usize) -> Vec<u8> {
    let mut s = Vec::new();
    for t in from..to {
        if t > from {
            s.push(b' ');
        }
        s.extend_from_slice(doc.stem(t));
    }
    s
}
