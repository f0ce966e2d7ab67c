//! Escaping text for the places Raqmi writes it: HTML and SVG/XML markup (the prerendered view,
//! the charts' SVG) and URLs (query strings, links to a figure's sentence). One escape and one
//! percent-encoding for the whole project, so that a hostile headline or id is handled the same
//! way everywhere.

/// Appends `s` to `out` escaped for markup, HTML or XML: `&`, `<` and `>` always (`>` too, so
/// that no `]]>` or `-->` can end anything), and both quotes when `quotes` is set (for a quoted
/// attribute value). C0 control characters other than tab, line feed and carriage return are
/// dropped: XML 1.0 forbids them, HTML reports them as parse errors, and no article needs them.
pub fn escape_into(s: &str, quotes: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            // `&#39;` rather than `&apos;`: the same character in every HTML and XML version.
            '\'' if quotes => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
}

/// Text content (see [`escape_into`]): quotes stay as written.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(s, false, &mut out);
    out
}

/// A quoted attribute value, or text that may land in one (see [`escape_into`]).
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(s, true, &mut out);
    out
}

/// Appends `s` percent-encoded: every byte of its UTF-8 but RFC 3986's unreserved characters
/// (ASCII letters, digits, `-`, `.`, `_`, `~`) becomes `%XX`, upper-case hex.
pub fn percent_encode_into(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
}

/// `s` percent-encoded (see [`percent_encode_into`]).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    percent_encode_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_characters_and_drops_control_characters() {
        let hostile = "<script>alert(\"x\")</script> & 'y'";
        assert_eq!(
            escape_attr(hostile),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(
            escape_text(hostile),
            "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'y'"
        );
        assert_eq!(escape_text("a\u{0}b\u{1b}c\td\ne"), "abc\td\ne");
        assert_eq!(escape_attr("Maroc numérique ✓"), "Maroc numérique ✓");
    }

    #[test]
    fn percent_encoding_keeps_only_unreserved_characters() {
        assert_eq!(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(percent_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(percent_encode("100%"), "100%25");
    }
}
