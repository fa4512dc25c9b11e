//! Bytes to text: strips a UTF-8 BOM, reads UTF-16 (LE/BE, by BOM), and falls back to
//! Windows-1252 when the bytes are not valid UTF-8 (with a warning for the report).
//!
//! Must not: parse CSV or guess what a file contains.

use crate::error::{Error, Result};
use std::borrow::Cow;

/// Decoded text plus a warning when the encoding was guessed. UTF-8 text is the file's
/// own bytes, not a copy.
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub warning: Option<String>,
}

pub fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<Decoded<'a>> {
    if bytes.is_empty() || bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::file(name, "the file is empty"));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let encoding = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
        if had_errors {
            return Err(Error::file(name, "invalid UTF-16 text"));
        }
        return Ok(Decoded {
            text: Cow::Owned(text.into_owned()),
            warning: None,
        });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if !looks_like_text(bytes) {
        return Err(Error::file(name, "binary data, not a CSV text file"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            warning: None,
        }),
        Err(_) => {
            let (text, odd) = utf8_else_windows_1252(bytes);
            Ok(Decoded {
                warning: Some(odd.warning()),
                text: Cow::Owned(text),
            })
        }
    }
}

/// The bytes that were not UTF-8 in a file read by [`utf8_else_windows_1252`].
struct NotUtf8 {
    bytes: usize,
    first_line: usize,
}

impl NotUtf8 {
    fn warning(&self) -> String {
        let bytes = match self.bytes {
            1 => "1 byte".to_string(),
            n => format!("{n} bytes"),
        };
        format!(
            "not valid UTF-8 throughout: {bytes} read as Windows-1252 (the first on line {})",
            self.first_line
        )
    }
}

/// Text whose bytes are UTF-8 where they can be, else Windows-1252 byte by byte: a file
/// saved by an old Windows program reads as it was written, and so does a UTF-8 file with
/// a few rows pasted in from one (read wholly as Windows-1252, its "René" would become
/// "RenÃ©").
fn utf8_else_windows_1252(bytes: &[u8]) -> (String, NotUtf8) {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut odd = NotUtf8 {
        bytes: 0,
        first_line: 0,
    };
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        let invalid = chunk.invalid();
        if invalid.is_empty() {
            continue;
        }
        if odd.bytes == 0 {
            odd.first_line = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
        }
        odd.bytes += invalid.len();
        let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(invalid);
        text.push_str(&decoded);
    }
    (text, odd)
}

/// How much of a file [`looks_like_text`] needs to see.
pub const HEAD_BYTES: usize = 8192;

/// Whether a file starting with `head` can be text that [`decode`] reads: UTF-16 by its
/// BOM, else bytes that do not look binary. Lets a folder's other files be passed over
/// without reading them whole.
pub fn looks_like_text(head: &[u8]) -> bool {
    head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF])
        || !looks_binary(head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head))
}

/// NUL bytes, or many control characters, in the first 8 KiB mean a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    head.contains(&0) || controls * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_utf8_bom() {
        let d = decode("f", b"\xEF\xBB\xBFa,b\n").unwrap();
        assert_eq!(d.text, "a,b\n");
        assert!(d.warning.is_none());
    }

    #[test]
    fn reads_utf16le() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "a\tb\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode("f", &bytes).unwrap().text, "a\tb\n");
    }

    #[test]
    fn falls_back_to_windows_1252_with_warning() {
        let d = decode("f", b"Ren\xE9,x\n").unwrap();
        assert_eq!(d.text, "René,x\n");
        assert_eq!(
            d.warning.as_deref(),
            Some("not valid UTF-8 throughout: 1 byte read as Windows-1252 (the first on line 1)")
        );
    }

    /// UTF-8 with rows from a Windows-1252 file pasted in: each reads as written.
    #[test]
    fn utf8_with_windows_1252_rows_reads_both() {
        let bytes = b"name,company\nRen\xC3\xA9 Dvo\xC5\x99\xC3\xA1k,Caf\xC3\xA9\n\
                      Bob Caf\xE9,M\xFCller \x96 \x80 GmbH\n\xF0\x9F\x9A\x80 Zo\xEB,x\n";
        let d = decode("f", bytes).unwrap();
        assert_eq!(
            d.text,
            "name,company\nRené Dvořák,Café\nBob Café,Müller – € GmbH\n🚀 Zoë,x\n"
        );
        assert_eq!(
            d.warning.as_deref(),
            Some("not valid UTF-8 throughout: 5 bytes read as Windows-1252 (the first on line 3)")
        );
    }

    #[test]
    fn rejects_empty_and_binary() {
        assert!(decode("f", b"").is_err());
        assert!(decode("f", b"\x00\x01\x02PK").is_err());
    }
}
