//! Analysis: which words of a text become terms of the index, and how (folding, stop words,
//! overlong tokens, Snowball French stems). The module header of `index` explains why.

use raqmi_model::text;
use rust_stemmers::{Algorithm, Stemmer};

/// Longer tokens (in bytes, folded) are not indexed: they are URLs, hashes or garbage.
pub const MAX_TERM_BYTES: usize = 48;

/// French function words, folded and sorted. Kept short on purpose: a word here can never be
/// searched on its own. Words that are also meaningful terms in this corpus ("ai" as in AI,
/// "fait", "entre") are left out.
#[rustfmt::skip]
pub const STOP_WORDS: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles",
    "en", "est", "et", "il", "ils", "jusqu", "la", "le", "les", "leur", "leurs", "lorsqu", "mais",
    "ne", "nos", "notre", "nous", "ont", "ou", "par", "pas", "pour", "puisqu", "qu", "que", "qui",
    "sa", "se", "ses", "son", "sont", "sur", "un", "une", "vos", "votre", "vous",
];

/// True for a folded token that is not indexed (see the `index` module header).
pub fn is_stop_word(folded: &str) -> bool {
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (None, _) | (Some(_), None) => true,
        _ => STOP_WORDS.binary_search(&folded).is_ok(),
    }
}

/// A folded token that gets indexed, or `None` for a stop word / overlong token.
pub fn index_term(token: &str) -> Option<String> {
    let folded = text::fold(token);
    (!folded.is_empty() && folded.len() <= MAX_TERM_BYTES && !is_stop_word(&folded))
        .then_some(folded)
}

/// The Snowball French stem of a folded term. Stemming the folded form (not the accented one)
/// keeps a query typed without accents on the same stem as the text.
pub fn stem(stemmer: &Stemmer, folded: &str) -> String {
    stemmer.stem(folded).into_owned()
}

/// The French stemmer (cheap to create: a function table).
pub fn french_stemmer() -> Stemmer {
    Stemmer::create(Algorithm::French)
}
