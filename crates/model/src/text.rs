//! Text primitives shared by the corpus core: folding for comparison (case, accents, typographic
//! apostrophes and spaces), French word tokenization with byte offsets, and byte <-> character
//! offset conversion for the CLI's character-offset contract.

/// Folds one character for comparison: lower case, no diacritics, one apostrophe, one space.
/// Returns the folded form (usually one char; "œ" and "æ" fold to two).
pub fn fold_char(c: char) -> FoldedChar {
    let single = |c| FoldedChar([c, '\0']);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            single('a')
        }
        'ç' | 'Ç' => single('c'),
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => single('e'),
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => single('i'),
        'ñ' | 'Ñ' => single('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => single('o'),
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => single('u'),
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => single('y'),
        'œ' | 'Œ' => FoldedChar(['o', 'e']),
        'æ' | 'Æ' => FoldedChar(['a', 'e']),
        '’' | '‘' | 'ʼ' | '`' | '´' => single('\''),
        '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\t' => single(' '),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => single('-'),
        c if c.is_ascii() => single(c.to_ascii_lowercase()),
        // Combining marks (a decomposed "é" is "e" + U+0301) vanish.
        '\u{300}'..='\u{36f}' => FoldedChar(['\0', '\0']),
        c => single(lowercase(c)),
    }
}

/// `c` in lower case when Unicode lowers it to one character, else `c` itself: exactly what
/// `char::to_lowercase` gives for every character but "İ" (U+0130, whose lower case is two
/// characters, "i" and a combining dot; folding keeps it whole). A test checks every character
/// against the standard library.
///
/// Why not `char::to_lowercase`: its table (1 400 pairs of `u32`, 11.7 KB) is the largest piece
/// of Unicode data the web app would carry; the same mapping fits in `LOWER_RUNS` (1.5 KB).
pub fn lowercase(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let u = c as u32;
    let i = LOWER_RUNS.partition_point(|&(key, _)| key >> 8 <= u);
    let Some(&(key, delta)) = i.checked_sub(1).and_then(|i| LOWER_RUNS.get(i)) else {
        return c;
    };
    let (start, count, step) = (key >> 8, (key >> 1) & 0x7f, (key & 1) + 1);
    let off = u - start;
    if off < count * step && off.is_multiple_of(step) {
        char::from_u32(u.wrapping_add_signed(delta)).unwrap_or(c)
    } else {
        c
    }
}

/// One run of [`LOWER_RUNS`]: `count` (< 128) characters from `start`, every `step`-th one
/// (1 or 2), each lowered by adding `delta` to its code point.
const fn run(start: u32, count: u32, step: u32, delta: i32) -> (u32, i32) {
    (start << 8 | count << 1 | (step - 1), delta)
}

/// The non-ASCII characters that have a one-character lower case, as runs sorted by start;
/// characters outside every run are their own lower case. Generated from the standard library
/// by the test `lower_runs_are_the_standard_librarys` (which prints the table to paste when a
/// new Rust brings a new Unicode version).
#[rustfmt::skip]
const LOWER_RUNS: [(u32, i32); 184] = [
    run(0xc0, 23, 1, 32), run(0xd8, 7, 1, 32), run(0x100, 24, 2, 1), run(0x132, 3, 2, 1),
    run(0x139, 8, 2, 1), run(0x14a, 23, 2, 1), run(0x178, 1, 1, -121), run(0x179, 3, 2, 1),
    run(0x181, 1, 1, 210), run(0x182, 2, 2, 1), run(0x186, 1, 1, 206), run(0x187, 1, 1, 1),
    run(0x189, 2, 1, 205), run(0x18b, 1, 1, 1), run(0x18e, 1, 1, 79), run(0x18f, 1, 1, 202),
    run(0x190, 1, 1, 203), run(0x191, 1, 1, 1), run(0x193, 1, 1, 205), run(0x194, 1, 1, 207),
    run(0x196, 1, 1, 211), run(0x197, 1, 1, 209), run(0x198, 1, 1, 1), run(0x19c, 1, 1, 211),
    run(0x19d, 1, 1, 213), run(0x19f, 1, 1, 214), run(0x1a0, 3, 2, 1), run(0x1a6, 1, 1, 218),
    run(0x1a7, 1, 1, 1), run(0x1a9, 1, 1, 218), run(0x1ac, 1, 1, 1), run(0x1ae, 1, 1, 218),
    run(0x1af, 1, 1, 1), run(0x1b1, 2, 1, 217), run(0x1b3, 2, 2, 1), run(0x1b7, 1, 1, 219),
    run(0x1b8, 1, 1, 1), run(0x1bc, 1, 1, 1), run(0x1c4, 1, 1, 2), run(0x1c5, 1, 1, 1),
    run(0x1c7, 1, 1, 2), run(0x1c8, 1, 1, 1), run(0x1ca, 1, 1, 2), run(0x1cb, 9, 2, 1),
    run(0x1de, 9, 2, 1), run(0x1f1, 1, 1, 2), run(0x1f2, 2, 2, 1), run(0x1f6, 1, 1, -97),
    run(0x1f7, 1, 1, -56), run(0x1f8, 20, 2, 1), run(0x220, 1, 1, -130), run(0x222, 9, 2, 1),
    run(0x23a, 1, 1, 10795), run(0x23b, 1, 1, 1), run(0x23d, 1, 1, -163), run(0x23e, 1, 1, 10792),
    run(0x241, 1, 1, 1), run(0x243, 1, 1, -195), run(0x244, 1, 1, 69), run(0x245, 1, 1, 71),
    run(0x246, 5, 2, 1), run(0x370, 2, 2, 1), run(0x376, 1, 1, 1), run(0x37f, 1, 1, 116),
    run(0x386, 1, 1, 38), run(0x388, 3, 1, 37), run(0x38c, 1, 1, 64), run(0x38e, 2, 1, 63),
    run(0x391, 17, 1, 32), run(0x3a3, 9, 1, 32), run(0x3cf, 1, 1, 8), run(0x3d8, 12, 2, 1),
    run(0x3f4, 1, 1, -60), run(0x3f7, 1, 1, 1), run(0x3f9, 1, 1, -7), run(0x3fa, 1, 1, 1),
    run(0x3fd, 3, 1, -130), run(0x400, 16, 1, 80), run(0x410, 32, 1, 32), run(0x460, 17, 2, 1),
    run(0x48a, 27, 2, 1), run(0x4c0, 1, 1, 15), run(0x4c1, 7, 2, 1), run(0x4d0, 48, 2, 1),
    run(0x531, 38, 1, 48), run(0x10a0, 38, 1, 7264), run(0x10c7, 1, 1, 7264),
    run(0x10cd, 1, 1, 7264), run(0x13a0, 80, 1, 38864), run(0x13f0, 6, 1, 8), run(0x1c89, 1, 1, 1),
    run(0x1c90, 43, 1, -3008), run(0x1cbd, 3, 1, -3008), run(0x1e00, 75, 2, 1),
    run(0x1e9e, 1, 1, -7615), run(0x1ea0, 48, 2, 1), run(0x1f08, 8, 1, -8), run(0x1f18, 6, 1, -8),
    run(0x1f28, 8, 1, -8), run(0x1f38, 8, 1, -8), run(0x1f48, 6, 1, -8), run(0x1f59, 4, 2, -8),
    run(0x1f68, 8, 1, -8), run(0x1f88, 8, 1, -8), run(0x1f98, 8, 1, -8), run(0x1fa8, 8, 1, -8),
    run(0x1fb8, 2, 1, -8), run(0x1fba, 2, 1, -74), run(0x1fbc, 1, 1, -9), run(0x1fc8, 4, 1, -86),
    run(0x1fcc, 1, 1, -9), run(0x1fd8, 2, 1, -8), run(0x1fda, 2, 1, -100), run(0x1fe8, 2, 1, -8),
    run(0x1fea, 2, 1, -112), run(0x1fec, 1, 1, -7), run(0x1ff8, 2, 1, -128),
    run(0x1ffa, 2, 1, -126), run(0x1ffc, 1, 1, -9), run(0x2126, 1, 1, -7517),
    run(0x212a, 1, 1, -8383), run(0x212b, 1, 1, -8262), run(0x2132, 1, 1, 28),
    run(0x2160, 16, 1, 16), run(0x2183, 1, 1, 1), run(0x24b6, 26, 1, 26), run(0x2c00, 48, 1, 48),
    run(0x2c60, 1, 1, 1), run(0x2c62, 1, 1, -10743), run(0x2c63, 1, 1, -3814),
    run(0x2c64, 1, 1, -10727), run(0x2c67, 3, 2, 1), run(0x2c6d, 1, 1, -10780),
    run(0x2c6e, 1, 1, -10749), run(0x2c6f, 1, 1, -10783), run(0x2c70, 1, 1, -10782),
    run(0x2c72, 1, 1, 1), run(0x2c75, 1, 1, 1), run(0x2c7e, 2, 1, -10815), run(0x2c80, 50, 2, 1),
    run(0x2ceb, 2, 2, 1), run(0x2cf2, 1, 1, 1), run(0xa640, 23, 2, 1), run(0xa680, 14, 2, 1),
    run(0xa722, 7, 2, 1), run(0xa732, 31, 2, 1), run(0xa779, 2, 2, 1), run(0xa77d, 1, 1, -35332),
    run(0xa77e, 5, 2, 1), run(0xa78b, 1, 1, 1), run(0xa78d, 1, 1, -42280), run(0xa790, 2, 2, 1),
    run(0xa796, 10, 2, 1), run(0xa7aa, 1, 1, -42308), run(0xa7ab, 1, 1, -42319),
    run(0xa7ac, 1, 1, -42315), run(0xa7ad, 1, 1, -42305), run(0xa7ae, 1, 1, -42308),
    run(0xa7b0, 1, 1, -42258), run(0xa7b1, 1, 1, -42282), run(0xa7b2, 1, 1, -42261),
    run(0xa7b3, 1, 1, 928), run(0xa7b4, 8, 2, 1), run(0xa7c4, 1, 1, -48), run(0xa7c5, 1, 1, -42307),
    run(0xa7c6, 1, 1, -35384), run(0xa7c7, 2, 2, 1), run(0xa7cb, 1, 1, -42343),
    run(0xa7cc, 8, 2, 1), run(0xa7dc, 1, 1, -42561), run(0xa7f5, 1, 1, 1), run(0xff21, 26, 1, 32),
    run(0x10400, 40, 1, 40), run(0x104b0, 36, 1, 40), run(0x10570, 11, 1, 39),
    run(0x1057c, 15, 1, 39), run(0x1058c, 7, 1, 39), run(0x10594, 2, 1, 39),
    run(0x10c80, 51, 1, 64), run(0x10d50, 22, 1, 32), run(0x118a0, 32, 1, 32),
    run(0x16e40, 32, 1, 32), run(0x16ea0, 25, 1, 27), run(0x1e900, 34, 1, 34),
];

/// Up to two characters; `'\0'` marks an unused slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoldedChar(pub [char; 2]);

impl FoldedChar {
    pub fn chars(self) -> impl Iterator<Item = char> {
        self.0.into_iter().filter(|&c| c != '\0')
    }
}

/// Folds a string for comparison ("Numérique’s" -> "numerique's").
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.extend(fold_char(c).chars());
    }
    out
}

/// [`fold`] into a reused buffer (cleared first), for loops that fold many short words.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    for c in s.chars() {
        out.extend(fold_char(c).chars());
    }
}

/// True for characters that belong inside a word (letters, digits, and the marks that join
/// French words: hyphen and apostrophes are *not* included; callers decide on those).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// A word of the text with its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// Splits text into words (runs of [`is_word_char`]), dropping punctuation and spaces.
/// Elided articles stay separate words: "l’AUSIM" gives "l" and "AUSIM".
pub fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = iter.peek() {
            if is_word_char(c) {
                break;
            }
            iter.next();
        }
        let (start, _) = *iter.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        Some(Token {
            start,
            end,
            text: &text[start..end],
        })
    })
}

/// Converts byte offsets into character offsets for one text, in increasing order of queries
/// or not: it precomputes nothing and walks the text once per call, so callers with many
/// offsets should use [`CharIndex`].
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Byte -> character offset lookups in O(log n) for one text.
pub struct CharIndex {
    /// Byte offset of every character that is not one byte long, with the number of extra bytes
    /// seen up to and including it.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut extra = 0;
        let mut wide = Vec::new();
        for (i, c) in text.char_indices() {
            let len = c.len_utf8();
            if len > 1 {
                extra += len - 1;
                wide.push((i, extra));
            }
        }
        CharIndex { wide }
    }
    /// The character offset of a byte offset that lies on a char boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        let n = self.wide.partition_point(|&(i, _)| i < byte);
        let extra = if n == 0 { 0 } else { self.wide[n - 1].1 };
        byte - extra
    }
    /// The byte offset of the character at `char_offset` (the text's length past its end): the
    /// inverse of [`CharIndex::char_offset`], by binary search instead of a walk from the start.
    pub fn byte_offset(&self, char_offset: usize, text_len: usize) -> usize {
        // Wide characters before the wanted one: those whose own character offset (their byte
        // offset less the extra bytes of the wide characters before them) is smaller.
        let extra_before = |k: usize| if k == 0 { 0 } else { self.wide[k - 1].1 };
        let (mut lo, mut hi) = (0, self.wide.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.wide[mid].0 - extra_before(mid) < char_offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (char_offset + extra_before(lo)).min(text_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold("Numérique"), "numerique");
        assert_eq!(fold("l’AUSIM"), "l'ausim");
        assert_eq!(fold("Œuvre Ça"), "oeuvre ca");
        assert_eq!(fold("1\u{a0}200"), "1 200");
        assert_eq!(fold("e\u{301}te\u{301}"), "ete");
    }

    /// The standard library's one-character lower case of `c`, `c` itself otherwise.
    fn std_lowercase(c: char) -> char {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    }

    #[test]
    fn lowercase_is_the_standard_librarys_for_every_character() {
        let mut changed = 0;
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(lowercase(c), std_lowercase(c), "U+{:04X}", c as u32);
            changed += usize::from(lowercase(c) != c);
        }
        // ASCII, Latin, Greek, Cyrillic, Armenian, Georgian, Cherokee, Deseret…: a table that
        // silently lost its runs would still agree on the characters it kept.
        assert!(changed > 1400, "{changed}");
        assert_eq!(fold("ΑΘΗΝΑ Москва ÇA"), "αθηνα москва ca");
        assert_eq!(fold("İ"), "İ");
    }

    #[test]
    fn lower_runs_are_the_standard_librarys() {
        // The runs the standard library's mapping gives, greedily: the longest run of equal
        // deltas with a step of 1 or 2 from each unmapped-so-far character.
        let pairs: Vec<(u32, i32)> = (0x80..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| std_lowercase(c) != c)
            .map(|c| (c as u32, std_lowercase(c) as i32 - c as i32))
            .collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < pairs.len() {
            let (start, delta) = pairs[i];
            let mut best = (1, 1);
            for step in [1, 2] {
                let mut n = 1;
                while pairs
                    .get(i + n)
                    .is_some_and(|&(u, d)| u == start + step * n as u32 && d == delta)
                {
                    n += 1;
                }
                if n > best.0 {
                    best = (n, step);
                }
            }
            assert!(best.0 < 128, "a run of {} does not fit in 7 bits", best.0);
            runs.push((start, best.0 as u32, best.1, delta));
            i += best.0;
        }
        let expected: Vec<(u32, i32)> =
            runs.iter().map(|&(s, n, st, d)| run(s, n, st, d)).collect();
        if expected != LOWER_RUNS {
            let lines: Vec<String> = runs
                .iter()
                .map(|(s, n, st, d)| format!("    run({s:#x}, {n}, {st}, {d}),"))
                .collect();
            panic!(
                "LOWER_RUNS differs from this Rust's Unicode data; replace it with these {} runs:\n{}",
                runs.len(),
                lines.join("\n")
            );
        }
    }

    #[test]
    fn tokens_carry_byte_ranges() {
        let text = "L’AUSIM, à Salé.";
        let toks: Vec<_> = tokens(text).map(|t| t.text).collect();
        assert_eq!(toks, ["L", "AUSIM", "à", "Salé"]);
        for t in tokens(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }

    #[test]
    fn byte_offsets_invert_char_offsets() {
        for text in [
            "",
            "abc",
            "éa",
            "aé",
            "Numérique à 90 % « ok » — 𝄞x",
            "ééé",
            "𝄞",
        ] {
            let idx = CharIndex::new(text);
            let n = text.chars().count();
            for c in 0..=n + 2 {
                let expected = text.char_indices().nth(c).map_or(text.len(), |(i, _)| i);
                assert_eq!(
                    idx.byte_offset(c, text.len()),
                    expected,
                    "{text:?} char {c}"
                );
            }
        }
    }

    #[test]
    fn char_index_matches_a_plain_count() {
        let text = "Salé — l’été 2024 «ok»";
        let idx = CharIndex::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.char_offset(b), char_offset(text, b), "byte {b}");
        }
    }
}
