//! Writing a new file so that it appears whole or not at all, and never over another:
//! what `casebook new` writes a case template with and what the explorer saves a copy
//! with (`w`).
//!
//! Depends on nothing in the crate.

use std::io::Write as _;
use std::path::Path;

/// Writes `bytes` to `path`, which must not exist, so that it either appears whole or
/// not at all: the text goes to a hidden temporary file in the same folder (the loader
/// skips hidden files), is flushed to disk, and is then linked to its name — which
/// fails if the name appeared since we looked, so nothing is ever overwritten. A full
/// disk leaves no truncated template behind to refuse the next try.
pub fn write_new_file(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if path.symlink_metadata().is_ok() {
        return Err(std::io::ErrorKind::AlreadyExists.into());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        });
    let placed = written.and_then(|()| match std::fs::hard_link(&temporary, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        // A file system without hard links: rename, having checked the name is free.
        Err(_) if path.symlink_metadata().is_err() => std::fs::rename(&temporary, path),
        Err(e) => Err(e),
    });
    let _ = std::fs::remove_file(&temporary);
    placed
}
