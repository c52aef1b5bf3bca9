//! Finding the files of a collection: the YAML files below a directory on disk
//! ([`find_yaml_files`]), and those of the collection compiled into the binary
//! ([`collect_shipped`]).
//!
//! Only names and kinds of entries are looked at here; reading them is [`super::read`]'s
//! job. Depends on [`super::diagnostic`], [`super::read`] (for the words of an I/O
//! error) and the [`SourceFile`] and [`SHIPPED_PREFIX`] of [`super`]; nothing else of
//! the crate.

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use super::diagnostic::Diagnostic;
use super::read::io_reason;
use super::{SourceFile, SHIPPED_PREFIX};

/// The shipped collection, compiled into the binary so `casebook` works from anywhere.
pub(super) static SHIPPED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/cases");

pub(super) fn collect_shipped(dir: &'static Dir<'static>, out: &mut Vec<SourceFile>) {
    for file in dir.files() {
        if is_yaml_name(file.path()) {
            out.push(SourceFile {
                path: format!("{SHIPPED_PREFIX}/{}", file.path().display()),
                contents: Ok(file.contents().to_vec()),
            });
        }
    }
    for sub in dir.dirs() {
        collect_shipped(sub, out);
    }
}

fn is_yaml_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
}

/// The YAML files below `dir`, sorted, and a diagnostic for every entry that looks like
/// one but cannot be (a directory named `x.yaml`, a link loop, a FIFO).
pub(super) fn find_yaml_files(dir: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    let mut walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| dir.display().to_string());
                let is_link =
                    std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
                let reason = if err.loop_ancestor().is_some() {
                    "symbolic link loop; not followed".to_string()
                } else if is_link {
                    "symbolic link that leads nowhere (it points to itself, loops, or its \
                     target is missing); skipped"
                        .to_string()
                } else {
                    io_reason(err.io_error(), "cannot be read")
                };
                // Only worth a message when it would have been a case file or a folder.
                if is_yaml_name(Path::new(&path)) || err.loop_ancestor().is_some() {
                    problems.push(Diagnostic::new(&path, None, reason));
                }
                continue;
            }
        };
        if is_hidden(&entry) {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        let path = entry.path();
        if !is_yaml_name(path) {
            continue;
        }
        let shown = path.display().to_string();
        if entry.file_type().is_dir() {
            problems.push(Diagnostic::new(
                &shown,
                None,
                "is a directory, not a YAML file; its contents are not read",
            ));
            walker.skip_current_dir();
        } else if !entry.file_type().is_file() {
            // FIFOs and devices would block or never end when read.
            problems.push(Diagnostic::new(
                &shown,
                None,
                "is not a regular file; skipped",
            ));
        } else {
            paths.push(path.to_path_buf());
        }
    }
    (paths, problems)
}

/// The text of every shipped file, for tests that run over the real collection.
#[cfg(test)]
pub(super) fn shipped_texts() -> Vec<String> {
    let mut files = Vec::new();
    collect_shipped(&SHIPPED, &mut files);
    files
        .into_iter()
        .filter_map(|f| String::from_utf8(f.contents.ok()?).ok())
        .collect()
}
