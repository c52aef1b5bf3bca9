//! Reading a file: its bytes, within [`MAX_FILE_BYTES`] ([`read_source`],
//! [`read_limited`]), and decoding them into the text every later step works on
//! ([`decode`]: UTF-8 with an optional BOM, CRLF to LF, NFC).
//!
//! Depends on [`super::diagnostic`], the [`SourceFile`] and [`MAX_FILE_BYTES`] of
//! [`super`], and on `text` (for NFC) of the crate.

use std::io::Read;
use std::path::Path;

use super::diagnostic::Diagnostic;
use super::{SourceFile, MAX_FILE_BYTES};
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

pub(super) fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_reason(Some(&e), "cannot be read"))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| io_reason(Some(&e), "cannot be read"))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The size can change between metadata and read; never read more than the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(Some(&e), "cannot be read"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(len: u64) -> String {
    format!(
        "file is {:.1} MiB; case files are limited to {} MiB and this one was not read",
        len as f64 / (1024.0 * 1024.0),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Bytes → NFC text with LF line ends; the BOM some editors write is dropped.
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
        raw.replace("\r\n", "\n")
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
