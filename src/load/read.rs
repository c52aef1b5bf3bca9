//! Reading a file: its bytes, within [`MAX_FILE_BYTES`] ([`read_source`],
//! [`read_limited`]), and decoding them into the text every later step works on
//! ([`decode`]: UTF-8 with an optional BOM, CRLF to LF, NFC).
//!
//! Depends on [`super::diagnostic`], the [`SourceFile`] and [`MAX_FILE_BYTES`] of
//! [`super`], and on `safe_read` (opening without blocking, within a limit) and `text`
//! (for NFC) of the crate.

use std::path::Path;

use super::diagnostic::Diagnostic;
use super::{SourceFile, MAX_FILE_BYTES};
use crate::safe_read::{bytes_in_words, read_regular_file, ReadError};
use crate::text;

pub(super) fn io_reason(err: Option<&std::io::Error>, fallback: &str) -> String {
    match err {
        Some(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            "permission denied; the file cannot be read".to_string()
        }
        Some(e) => format!("cannot be read: {e}"),
        None => fallback.to_string(),
    }
}

pub(super) fn read_source(path: &Path) -> SourceFile {
    let shown = path.display().to_string();
    let contents = read_limited(path);
    SourceFile {
        path: shown,
        contents,
    }
}

/// The bytes of a case file, or what is wrong in words. Opens without blocking and
/// checks the type of what it opened, so a file swapped for a FIFO or a device between
/// the walk and the read is refused at once instead of hanging the loader.
pub(super) fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    read_regular_file(path, MAX_FILE_BYTES).map_err(|err| match err {
        ReadError::Io(e) => io_reason(Some(&e), "cannot be read"),
        ReadError::NotARegularFile(kind) => format!("is {kind}, not a regular file; skipped"),
        ReadError::TooLarge(len) => too_large(len),
    })
}

/// Exact bytes on both sides: rounded to a tenth of a MiB, 1,089,000 bytes would read
/// as "1.0 MiB" against a "1 MiB" limit.
fn too_large(len: u64) -> String {
    format!(
        "file is {}; case files are limited to {} ({} MiB) and this one was not read",
        bytes_in_words(len),
        bytes_in_words(MAX_FILE_BYTES),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Bytes → NFC text with LF line ends (a lone CR, which YAML reads as a line break,
/// becomes one too); the BOM some editors write is dropped.
pub(super) fn decode(path: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Diagnostic::new(
            path,
            Some((1, 1)),
            "the file is saved as UTF-16 (it starts with a UTF-16 byte order mark); \
             save it as UTF-8",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let raw = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // The prefix is valid UTF-8 by definition of valid_up_to.
        let good = std::str::from_utf8(good).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
        Diagnostic::new(
            path,
            Some((line, column)),
            format!(
                "not valid UTF-8 (byte 0x{byte:02X}); save the file as UTF-8 \
                 (it may be in EUC-KR/CP949 or Latin-1)"
            ),
        )
    })?;
    let unix = if raw.contains('\r') {
        raw.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        raw.to_string()
    };
    // Keep the text we have unless normalizing changed it.
    let normalized = match text::nfc(&unix) {
        std::borrow::Cow::Owned(normalized) => Some(normalized),
        std::borrow::Cow::Borrowed(_) => None,
    };
    Ok(normalized.unwrap_or(unix))
}
