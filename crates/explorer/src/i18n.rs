//! Interface strings in French (the default), English and Arabic. Each language's strings live
//! in one data file, `crates/explorer/i18n/<lang>.txt` (`key = value` lines, `#` comments, `{name}`
//! placeholders filled by [`Strings::fill`]). A unit test fails when a key is missing in one
//! language, or when a language's placeholders differ from French's.
//!
//! The reader's own articles (issue 16): the one string of theirs that the app's wasm shows,
//! the header's "Add an article", is in `i18n/own/<lang>.txt`, appended to each language's
//! table with the `own` feature only (without comments: they would be in the wasm), so that a
//! build without own articles carries none of their strings (`make bench-size` measures their
//! cost). The English and Arabic tables come with the `languages` feature (on by default),
//! which only the first-results wasm (`crates/first`, French views only) leaves out. Their marks' texts are `www/own-dialog.js`'s, the dialog's the worker's
//! (`crates/own/i18n`).

use super::url::Lang;
use std::sync::OnceLock;

#[cfg(not(feature = "own"))]
const FR: &str = include_str!("../i18n/fr.txt");
#[cfg(all(feature = "languages", not(feature = "own")))]
const EN: &str = include_str!("../i18n/en.txt");
#[cfg(all(feature = "languages", not(feature = "own")))]
const AR: &str = include_str!("../i18n/ar.txt");
#[cfg(feature = "own")]
const FR: &str = concat!(
    include_str!("../i18n/fr.txt"),
    include_str!("../i18n/own/fr.txt")
);
#[cfg(all(feature = "languages", feature = "own"))]
const EN: &str = concat!(
    include_str!("../i18n/en.txt"),
    include_str!("../i18n/own/en.txt")
);
#[cfg(all(feature = "languages", feature = "own"))]
const AR: &str = concat!(
    include_str!("../i18n/ar.txt"),
    include_str!("../i18n/own/ar.txt")
);

/// The strings of one language: `(key, value)` pairs in file order. A list searched in order,
/// not a `HashMap`: about a hundred keys, looked up a few dozen times per render, cost
/// microseconds either way, and the list spares the web app a hash table instance (code
/// that every distinct key/value type of `HashMap` compiles anew).
pub struct Strings {
    entries: Vec<(&'static str, &'static str)>,
}

/// Parses one language file into its `(key, value)` pairs; errors name the file's line.
pub fn parse(name: &str, data: &'static str) -> Result<Vec<(&'static str, &'static str)>, String> {
    entries(data).map_err(|e| match e {
        LineError::Malformed(line) => {
            format!("i18n/{name}.txt:{line}: expected `key = value`")
        }
        LineError::Duplicate(line, key) => {
            format!("i18n/{name}.txt:{line}: key {key:?} defined twice")
        }
    })
}

/// A refused line of a language file (1-based).
enum LineError {
    Malformed(usize),
    Duplicate(usize, &'static str),
}

/// [`parse`] without the message: the app, which ignores the error (the tests check the
/// files), then links no `{:?}` formatting of strings (its escaping and Unicode tables).
fn entries(data: &'static str) -> Result<Vec<(&'static str, &'static str)>, LineError> {
    let mut entries: Vec<(&'static str, &'static str)> = Vec::new();
    for (i, line) in data.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(" = ") else {
            return Err(LineError::Malformed(i + 1));
        };
        let key = key.trim();
        if entries.iter().any(|(k, _)| *k == key) {
            return Err(LineError::Duplicate(i + 1, key));
        }
        entries.push((key, value.trim()));
    }
    Ok(entries)
}

/// The strings of a language, parsed once.
pub fn strings(lang: Lang) -> &'static Strings {
    static CELLS: [OnceLock<Strings>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let (i, data) = match lang {
        Lang::Fr => (0, FR),
        #[cfg(feature = "languages")]
        Lang::En => (1, EN),
        #[cfg(feature = "languages")]
        Lang::Ar => (2, AR),
        // Only the first-results wasm is built without them, and it draws French views only.
        #[cfg(not(feature = "languages"))]
        Lang::En | Lang::Ar => (0, FR),
    };
    CELLS[i].get_or_init(|| Strings {
        // The files are checked by the tests below; a broken one degrades to keys on screen.
        entries: entries(data).unwrap_or_default(),
    })
}

impl Strings {
    /// The string for `key`; the key itself when missing (visible, never a crash).
    pub fn get(&self, key: &'static str) -> &'static str {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(key, |&(_, v)| v)
    }

    /// The string for `key` with its `{name}` placeholders replaced.
    pub fn fill(&self, key: &'static str, args: &[(&str, &str)]) -> String {
        let mut out = self.get(key).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// The key of a name facet's legend (`facet.org`, …): each facet has its strings in every
/// language (a test checks every key everywhere).
pub fn facet_key(kind: raqmi_search::facet::FacetKind) -> &'static str {
    use raqmi_search::facet::FacetKind;
    match kind {
        FacetKind::Source => "facet.source",
        FacetKind::Org => "facet.org",
        FacetKind::Place => "facet.place",
        FacetKind::Person => "facet.person",
        FacetKind::Program => "facet.program",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashMap};

    fn placeholders(s: &str) -> BTreeSet<String> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
            .collect()
    }

    #[test]
    fn every_language_has_every_key_with_the_same_placeholders() {
        let fr: HashMap<_, _> = parse("fr", FR).unwrap().into_iter().collect();
        for (name, data) in [("en", EN), ("ar", AR)] {
            let other: HashMap<_, _> = parse(name, data).unwrap().into_iter().collect();
            let missing: Vec<_> = fr.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !fr.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{name} lacks {missing:?}");
            assert!(extra.is_empty(), "{name} has keys French lacks: {extra:?}");
            for (key, value) in &fr {
                assert_eq!(
                    placeholders(value),
                    placeholders(other[key]),
                    "{name}: {key}"
                );
            }
        }
    }

    /// The own articles' strings (`i18n/own/`), whatever the features of this test run.
    const OWN: [(&str, &str); 3] = [
        ("own/fr", include_str!("../i18n/own/fr.txt")),
        ("own/en", include_str!("../i18n/own/en.txt")),
        ("own/ar", include_str!("../i18n/own/ar.txt")),
    ];

    #[test]
    fn the_own_articles_strings_are_in_every_language_and_only_there() {
        let keys = |name, data| -> BTreeSet<&str> {
            let entries = parse(name, data).unwrap();
            entries.into_iter().map(|(k, _)| k).collect()
        };
        let fr = keys(OWN[0].0, OWN[0].1);
        assert!(fr.contains("own.button"));
        for (name, data) in OWN {
            assert_eq!(keys(name, data), fr, "{name}");
            assert!(
                data.ends_with('\n'),
                "{name}: appended to a table, it ends its line"
            );
        }
        // Not in the main tables (a build without own articles carries none of them); the
        // main files end their last line, so that the own lines are lines of their own.
        for (name, data) in [("fr", FR), ("en", EN), ("ar", AR)] {
            let main = data.split("own.button").next().unwrap_or(data);
            assert!(main.ends_with('\n'), "{name}");
            assert!(
                keys(name, main).iter().all(|k| !k.starts_with("own.")),
                "{name}"
            );
        }
        #[cfg(feature = "own")]
        assert_eq!(strings(Lang::Ar).get("own.button"), "أضف مقالًا");
        #[cfg(not(feature = "own"))]
        assert_eq!(strings(Lang::Fr).get("own.button"), "own.button");
    }

    #[test]
    fn a_malformed_line_is_reported_with_its_line() {
        assert_eq!(
            parse("xx", "a = b\nbroken\n").unwrap_err(),
            "i18n/xx.txt:2: expected `key = value`"
        );
        assert!(parse("xx", "a = b\na = c\n")
            .unwrap_err()
            .contains("defined twice"));
    }

    #[test]
    fn fills_placeholders() {
        let s = strings(Lang::Fr);
        assert_eq!(s.fill("results.count", &[("n", "5")]), "5 articles");
        assert_eq!(
            strings(Lang::En).fill("results.count", &[("n", "5")]),
            "5 articles"
        );
        assert_eq!(s.get("no.such.key"), "no.such.key");
        assert_eq!(s.get("facets.title"), "Filtres");
    }
}
