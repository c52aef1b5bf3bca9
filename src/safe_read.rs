//! Reading a file whose name came from a user or a folder, which may be anything: a
//! FIFO that never ends, `/dev/zero`, a file swapped for one of those after it was
//! looked at, a file of gigabytes. [`read_regular_file`] opens without blocking, checks
//! what it opened (not what the name pointed at a moment before) and never reads past
//! a limit, so it returns at once with the bytes or with what is wrong.
//!
//! Case files and the settings file are read this way. Depends on nothing in the crate.

use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Opening or reading failed (missing, permission denied, name too long, …).
    Io(std::io::Error),
    /// The name opens something that is not a regular file; the words say what.
    NotARegularFile(&'static str),
    /// The file holds more than the limit; the size seen, in bytes.
    TooLarge(u64),
}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_without_blocking(path).map_err(ReadError::Io)?;
    // The type of what was opened: a name checked earlier may have been replaced.
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotARegularFile(kind_of(&meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The size can change between fstat and read; never read more than the limit.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Opening a FIFO for reading blocks until a writer comes; O_NONBLOCK returns at
    // once, and a regular file reads the same with it.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// What a file that is not a regular one is, in words.
pub fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    if kind.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// A byte count as people read it: `1,089,000 bytes`.
pub fn bytes_in_words(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    format!("{out} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts_are_exact() {
        assert_eq!(bytes_in_words(1_089_000), "1,089,000 bytes");
        assert_eq!(bytes_in_words(1_048_576), "1,048,576 bytes");
        assert_eq!(bytes_in_words(999), "999 bytes");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_at_once() {
        let err = read_regular_file(Path::new("/dev/zero"), 1024).unwrap_err();
        assert!(
            matches!(err, ReadError::NotARegularFile("a device")),
            "{err:?}"
        );
    }
}
