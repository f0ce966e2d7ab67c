//! The id scheme of a reader's own articles (issue 16): `own-` and 16 hexadecimal digits (a
//! hash of the text, made by `raqmi-own`). The corpus's ids are file names and never take this
//! form, so any crate can tell an own article's id, even one this device does not hold (a link
//! from another device: the app then says the article lives only where it was added).

/// The prefix of every own article's id.
pub const OWN_ID_PREFIX: &str = "own-";

/// Whether an id is an own article's.
pub fn is_own_id(id: &str) -> bool {
    id.strip_prefix(OWN_ID_PREFIX)
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::is_own_id;

    #[test]
    fn own_ids_are_told_from_the_corpus_ids() {
        assert!(is_own_id("own-0123456789abcdef"));
        assert!(!is_own_id("003_33d08dc07e69b5e4"));
        assert!(!is_own_id("own-xyz"));
        assert!(!is_own_id("own-0123456789abcdef0"));
        assert!(!is_own_id("own-0123456789abcdeg"));
    }
}
