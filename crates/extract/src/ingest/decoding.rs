//! Decoding an article file: UTF-8 only; a BOM and CRLF/CR line ends are accepted; binary,
//! empty, oversized and non-UTF-8 files are refused with `path:line: message`, and a file that
//! looks like Windows-1252 gets the command that converts it.

use super::IngestError;

/// Largest article accepted. News articles are a few KB; anything near this is a mistake (a
/// dump, a binary renamed .txt) that would bloat the bundled snapshot.
pub const MAX_ARTICLE_BYTES: usize = 4 * 1024 * 1024;

/// Decodes an article file: refuses what is not UTF-8 text, strips a BOM, unifies line ends.
pub fn decode(path: &str, bytes: &[u8]) -> Result<String, IngestError> {
    let err = |line, message: String| IngestError {
        path: path.to_string(),
        line,
        message,
    };
    let line_of = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    if bytes.is_empty() {
        return Err(err(1, "empty file: an article needs some text".into()));
    }
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(err(
            1,
            format!(
                "file too large ({} bytes; an article may have at most {} bytes)",
                bytes.len(),
                MAX_ARTICLE_BYTES
            ),
        ));
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(err(
            line_of(nul),
            format!("binary file (NUL byte at byte {nul}): an article must be UTF-8 text"),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let line_start = bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&bytes[line_start..at])
                .chars()
                .count()
                + 1;
            let byte = bytes[at];
            let hint = if looks_like_windows_1252(bytes) {
                "; it looks like Windows-1252 or Latin-1: convert it with \
                 `iconv -f WINDOWS-1252 -t UTF-8`"
            } else {
                ""
            };
            return Err(err(
                line_of(at),
                format!("not valid UTF-8 (byte 0x{byte:02X} at column {column}){hint}"),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((i, c)) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return Err(err(
            line_of(i + (bytes.len() - text.len())),
            format!(
                "binary file (control character U+{:04X}): an article must be text",
                c as u32
            ),
        ));
    }
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    if text.trim().is_empty() {
        return Err(err(1, "no text: the file holds only whitespace".into()));
    }
    Ok(text)
}

/// Windows-1252 French text: high bytes that are not valid UTF-8 sequences, mostly in the
/// Latin-1 letter range (é = 0xE9, à = 0xE0, ’ = 0x92 ...). A UTF-8 file with a few corrupt
/// bytes among many well-formed accented letters is not Windows-1252.
fn looks_like_windows_1252(bytes: &[u8]) -> bool {
    let (mut invalid, mut latin, mut multibyte) = (0usize, 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        for &b in chunk.invalid() {
            invalid += 1;
            if (0xC0..=0xFF).contains(&b) || matches!(b, 0x92 | 0x93 | 0x94 | 0x96 | 0x9C) {
                latin += 1;
            }
        }
    }
    invalid > 0 && latin * 2 >= invalid && multibyte < invalid
}
