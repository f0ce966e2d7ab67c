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
        c => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => single(l),
                _ => single(c),
            }
        }
    }
}

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
    fn char_index_matches_a_plain_count() {
        let text = "Salé — l’été 2024 «ok»";
        let idx = CharIndex::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.char_offset(b), char_offset(text, b), "byte {b}");
        }
    }
}
