//! HTML to text, for an article saved as a web page: the text of the page, one line per block
//! (paragraph, heading, list item, table row, `<br>`), character references decoded. Scripts,
//! styles, `<noscript>`, `<template>`, frames, embedded objects, SVG, the `<title>` and
//! comments are dropped with their content, and every tag with its attributes: what comes out
//! is plain text, shown later through the app's escaping, so nothing from the page can run.

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "svg", "math", "title", "head",
    "select", "button", "textarea", "canvas", "video", "audio",
];

/// Elements that start a new line (the ingester makes a paragraph of each line).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "ul",
    "ol",
    "table",
    "hr",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "pre",
    "address",
    "body",
];

/// The text of an HTML document or fragment.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let (name, closing, end) = tag(rest);
        if name.is_empty() && !rest[1..].starts_with('!') && !rest[1..].starts_with('?') {
            // A lone "<" in text ("a < b").
            push_text(&mut out, "<");
            rest = &rest[1..];
            continue;
        }
        rest = &rest[end..];
        if !closing && DROPPED.contains(&name.as_str()) {
            rest = skip_element(rest, &name);
        } else if BLOCKS.contains(&name.as_str()) && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    push_text(&mut out, rest);
    tidy(&out)
}

/// A tag at the start of `s` ("<…>"): its lower-case name, whether it closes, and its length
/// (to the `>` outside quoted attribute values, or the whole input when it never ends).
fn tag(s: &str) -> (String, bool, usize) {
    let body = &s[1..];
    let closing = body.starts_with('/');
    let name: String = body
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return (name, closing, i + 1),
            _ => {}
        }
    }
    (name, closing, s.len())
}

/// What follows an element's closing tag (`</name …>`, any case), or nothing when it has none.
fn skip_element<'a>(s: &'a str, name: &str) -> &'a str {
    let lower = s.to_ascii_lowercase();
    let close = format!("</{name}");
    let mut from = 0;
    while let Some(i) = lower[from..].find(&close).map(|i| from + i) {
        let next = lower[i + close.len()..].chars().next();
        if next.is_none_or(|c| !c.is_ascii_alphanumeric()) {
            return s[i..].find('>').map_or("", |j| &s[i + j + 1..]);
        }
        from = i + close.len();
    }
    ""
}

/// Text between tags: white space collapses to one space (line breaks in the source are not
/// paragraphs), character references decoded.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        push_spaced(out, &rest[..amp]);
        rest = &rest[amp..];
        match reference(rest) {
            Some((c, len)) => {
                push_spaced(out, c.encode_utf8(&mut [0; 4]));
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    push_spaced(out, rest);
}

fn push_spaced(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// A character reference at the start of `s` ("&eacute;", "&#233;", "&#xE9;"): the character
/// and the reference's length.
fn reference(s: &str) -> Option<(char, usize)> {
    let end = s[1..].find(';')? + 1;
    if end > 12 {
        return None;
    }
    let name = &s[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|c| *c != '\0')?
    } else {
        NAMED.iter().find(|(n, _)| *n == name)?.1
    };
    Some((c, end + 1))
}

/// The named references of French press pages.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("ccedil", 'ç'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("ocirc", 'ô'),
    ("ugrave", 'ù'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("oelig", 'œ'),
    ("aelig", 'æ'),
    ("Eacute", 'É'),
    ("Egrave", 'È'),
    ("Ecirc", 'Ê'),
    ("Agrave", 'À'),
    ("Ccedil", 'Ç'),
    ("OElig", 'Œ'),
    ("rsquo", '’'),
    ("lsquo", '‘'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("hellip", '…'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("euro", '€'),
    ("deg", '°'),
    ("copy", '©'),
    ("middot", '·'),
    ("thinsp", '\u{2009}'),
    ("nnbsp", '\u{202f}'),
];

/// One line per block: lines trimmed, runs of blank lines down to one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n').map(str::trim) {
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn keeps_the_text_one_line_per_block() {
        let html = "<html><head><title>Site | T</title></head><body><h1>Le budget</h1>\n\
                    <p>Un budget de <b>2 milliards</b>\n de dirhams.</p><ul><li>un</li><li>deux</li></ul></body></html>";
        assert_eq!(
            to_text(html),
            "Le budget\n\nUn budget de 2 milliards de dirhams.\n\nun\n\ndeux"
        );
    }

    #[test]
    fn drops_scripts_styles_handlers_and_comments() {
        let html = r#"<p onclick="alert(1)">Texte</p><script>alert("<p>x</p>")</script>
            <SCRIPT type="module">evil()</SCRIPT ><style>p{color:red}</style><!-- <p>caché</p> -->
            <img src=x onerror="steal()"><a href="javascript:evil()">lien</a><noscript>ns</noscript>
            <svg><script>svg()</script></svg><iframe srcdoc="<script>f()</script>"></iframe>fin"#;
        let text = to_text(html);
        assert_eq!(text, "Texte\n\nlien fin");
        for word in [
            "alert",
            "evil",
            "steal",
            "color",
            "caché",
            "ns",
            "svg",
            "f()",
            "javascript",
        ] {
            assert!(!text.contains(word), "{word} in {text:?}");
        }
    }

    #[test]
    fn decodes_character_references() {
        assert_eq!(
            to_text("<p>l&rsquo;&eacute;t&#233; &#xE0; 5&nbsp;% &amp; &lt;b&gt; &bogus; &</p>"),
            "l’été à 5\u{a0}% & <b> &bogus; &"
        );
    }

    #[test]
    fn survives_unclosed_and_odd_markup() {
        assert_eq!(to_text("a < b et c<script>never closed"), "a < b et c");
        assert_eq!(to_text("<p title='x>y'>ok</p><!-- open"), "ok");
        assert_eq!(to_text("<"), "<");
        assert_eq!(to_text(""), "");
    }
}
