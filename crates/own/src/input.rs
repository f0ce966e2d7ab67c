//! What a reader brings, checked and turned into article text: pasted text, or a file's bytes
//! and name. Refusals come first and are complete (nothing is analysed or stored after one):
//! over [`MAX_BYTES`], empty or whitespace only, binary (named when its signature is known:
//! PDF, ZIP-based office files, images), UTF-16/UTF-32 (by BOM, or by the NUL bytes of
//! mostly-ASCII UTF-16 without one), another 8-bit encoding (Windows-1252 when it uses the
//! 0x80-0x9F letters such as ’ or œ, else Latin-1), then a name not ending in .txt, .html,
//! .htm or .md. HTML keeps its text only ([`crate::html`]); Markdown loses its markup.

use crate::html;
use crate::problem::Problem;
pub use raqmi_model::own::is_own_id;
use raqmi_model::own::OWN_ID_PREFIX;

/// Largest input accepted, pasted or as a file (5 MiB): a press article is a few KB; more is
/// a mistake (a dump, a book) that would fill the device's storage.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// An article ready for the extraction worker: its text and what the reader corrected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Submission {
    /// `own-` and a hash of the text: the same article added twice is one article.
    pub id: String,
    pub text: String,
    /// The file it came from, for messages and the list of added articles.
    pub file: Option<String>,
    pub corrections: Corrections,
}

/// What the reader may set over what was detected; blank fields are `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corrections {
    pub headline: Option<String>,
    /// As typed: the worker checks it (YYYY, YYYY-MM or YYYY-MM-DD).
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

impl Corrections {
    /// Corrections from the dialog's fields: surrounding whitespace trimmed, blank ones dropped.
    pub fn new(headline: &str, date: &str, source: &str) -> Corrections {
        let field = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Corrections {
            headline: field(headline),
            date: field(date),
            source: field(source),
            url: None,
        }
    }
}

/// Pasted text: an HTML page pasted as source is reduced to its text like an .html file.
pub fn from_paste(text: &str, corrections: Corrections) -> Result<Submission, Problem> {
    if text.len() > MAX_BYTES {
        return Err(Problem::TooLarge { bytes: text.len() });
    }
    let trimmed = text
        .trim_start()
        .get(..15)
        .unwrap_or("")
        .to_ascii_lowercase();
    let text = if trimmed.starts_with("<!doctype html") || trimmed.starts_with("<html") {
        html::to_text(text)
    } else {
        normalize(text)
    };
    finish(text, None, corrections)
}

/// A file's bytes and name.
pub fn from_file(
    name: &str,
    bytes: &[u8],
    corrections: Corrections,
) -> Result<Submission, Problem> {
    let text = decode(bytes)?;
    let lower = name.to_ascii_lowercase();
    let text = if lower.ends_with(".html") || lower.ends_with(".htm") {
        let text = html::to_text(&text);
        if text.trim().is_empty() {
            return Err(Problem::NoText);
        }
        text
    } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
        markdown_to_text(&text)
    } else if lower.ends_with(".txt") {
        text
    } else {
        return Err(Problem::FileType {
            name: name.to_string(),
        });
    };
    finish(text, Some(name.to_string()), corrections)
}

fn finish(
    text: String,
    file: Option<String>,
    corrections: Corrections,
) -> Result<Submission, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok(Submission {
        id: own_id(&text),
        text,
        file,
        corrections,
    })
}

/// `own-` and the 64-bit FNV-1a hash of the text in hex: stable across versions and devices,
/// so an article exported and imported elsewhere keeps its id (and its URL).
pub fn own_id(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{OWN_ID_PREFIX}{h:016x}")
}

/// A file's bytes as UTF-8 text (BOM stripped, line ends unified), or why not.
pub fn decode(bytes: &[u8]) -> Result<String, Problem> {
    if bytes.len() > MAX_BYTES {
        return Err(Problem::TooLarge { bytes: bytes.len() });
    }
    if let Some(encoding) = unicode_by_bom(bytes).or_else(|| utf16_without_bom(bytes)) {
        return Err(Problem::Encoding {
            looks_like: Some(encoding),
        });
    }
    if let Some(kind) = signature(bytes) {
        return Err(Problem::Binary {
            looks_like: Some(kind),
        });
    }
    if bytes.contains(&0) {
        return Err(Problem::Binary { looks_like: None });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            return Err(Problem::Encoding {
                looks_like: eight_bit(bytes),
            })
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return Err(Problem::Binary { looks_like: None });
    }
    Ok(normalize(text))
}

/// CRLF and CR line ends become LF; a BOM goes.
fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

fn unicode_by_bom(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => Some("UTF-32LE"),
        [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32BE"),
        [0xFF, 0xFE, ..] => Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE"),
        _ => None,
    }
}

/// Mostly-ASCII text saved as UTF-16 without a BOM: a NUL in nearly every other byte, on one
/// side only (odd positions for little-endian).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 7 && even * 10 <= pairs {
        Some("UTF-16LE")
    } else if even * 10 >= pairs * 7 && odd * 10 <= pairs {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// Known signatures of files that are not text.
fn signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"PK\x03\x04", "ZIP (DOCX, ODT, XLSX…)"),
        (b"\xD0\xCF\x11\xE0", "Word 97-2003 (DOC)"),
        (b"\x89PNG", "PNG"),
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"GIF8", "GIF"),
        (b"{\\rtf", "RTF"),
        (b"\x1F\x8B", "gzip"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

/// Which 8-bit encoding bytes that are not UTF-8 look like: French text in Windows-1252 or
/// Latin-1 has its accented letters in 0xC0-0xFF; Windows-1252 alone gives meaning to
/// 0x80-0x9F (’ “ ” – œ €), which are control codes in Latin-1.
fn eight_bit(bytes: &[u8]) -> Option<&'static str> {
    let high =
        |range: std::ops::RangeInclusive<u8>| bytes.iter().filter(|b| range.contains(b)).count();
    let (c1, letters) = (high(0x80..=0x9F), high(0xA0..=0xFF));
    if c1 > 0 && c1 + letters > 0 {
        Some("Windows-1252")
    } else if letters > 0 {
        Some("Latin-1 (ISO-8859-1)")
    } else {
        None
    }
}

/// Markdown's markup removed, its text kept: heading marks, quote marks, list bullets, strong
/// emphasis, code fences, links and images (their text stays, their address goes).
fn markdown_to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            out.push('\n');
            continue;
        }
        let t = t.trim_start_matches('#').trim_start_matches('>');
        let t = if t.len() != line.trim_start().len() {
            t.trim_start()
        } else {
            t
        };
        let t = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("* "))
            .or_else(|| t.strip_prefix("+ "))
            .unwrap_or(t);
        out.push_str(&links_to_text(&t.replace("**", "").replace("__", "")));
        out.push('\n');
    }
    out
}

/// `[text](address)` and `![text](address)` become `text`.
fn links_to_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        let before = &rest[..open];
        out.push_str(before.strip_suffix('!').unwrap_or(before));
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
