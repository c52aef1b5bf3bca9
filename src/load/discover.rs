//! Finding the files of a collection: the YAML files below a directory on disk
//! ([`find_yaml_files`]), and those of the collection compiled into the binary
//! ([`collect_shipped`]).
//!
//! Only names and kinds of entries are looked at here; reading them is [`super::read`]'s
//! job. The walk is bounded ([`MAX_ENTRIES`], [`MAX_FILES`], [`MAX_FOLDER_DEPTH`]) and
//! follows a symbolic link only to a file inside the collection.
//!
//! Depends on [`super::diagnostic`], [`super::read`] (for the words of an I/O error)
//! and the [`SourceFile`] and [`SHIPPED_PREFIX`] of [`super`]; of the crate, on
//! `safe_read` (what kind of file a name is).

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use super::diagnostic::Diagnostic;
use super::read::io_reason;
use super::{SourceFile, SHIPPED_PREFIX};
use crate::safe_read::kind_of;

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

pub(super) fn is_yaml_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && is_hidden_name(entry.file_name())
}

/// The walk's rule for what it skips: a name starting with `.` (editors' lock and swap
/// files, `.git`, sync tools' folders).
fn is_hidden_name(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Whether a path below the collection `root` is one the walk would read, by its name:
/// a `.yaml` / `.yml` file with no hidden folder or file name on the way from `root`.
/// `None` when `path` is not below `root` at all. Live reload listens only to these.
///
/// This looks at names only, like the walk's first step; what the walk also checks on
/// disk (a FIFO, a link out of the collection, the depth and count limits) is left to
/// the walk that a reload runs anyway.
pub fn is_collection_file(root: &Path, path: &Path) -> Option<bool> {
    let relative = path.strip_prefix(root).ok()?;
    let mut names = relative.components().peekable();
    names.peek()?;
    let visible = names.all(|c| matches!(c, std::path::Component::Normal(n) if !is_hidden_name(n)));
    Some(visible && is_yaml_name(path))
}

/// Whether a path below `root` is neither hidden nor inside a hidden folder (a folder
/// that may hold case files). `None` when `path` is not below `root`; `Some(true)` for
/// `root` itself.
pub fn is_visible_below(root: &Path, path: &Path) -> Option<bool> {
    let relative = path.strip_prefix(root).ok()?;
    Some(
        relative
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(n) if !is_hidden_name(n))),
    )
}

/// At most this many entries (files and folders of any kind) are looked at below a
/// collection: `--cases /` or a link to `/proc` must end in a second or two, not walk
/// the whole machine. A collection of 100,000 cases is well within it.
pub const MAX_ENTRIES: usize = 250_000;

/// At most this many YAML files are read from one collection.
pub const MAX_FILES: usize = 100_000;

/// Folders nested deeper than this below the collection are not read. Collections use
/// two or three levels.
pub const MAX_FOLDER_DEPTH: usize = 16;

/// At most this many problems of the walk itself are listed; the rest are counted.
const MAX_WALK_PROBLEMS: usize = 50;

/// The YAML files below `dir`, sorted, and a diagnostic for every entry that looks like
/// one but cannot be (a directory named `x.yaml`, a FIFO, a link that leads nowhere or
/// out of the collection), every folder that cannot be read, and any limit reached.
///
/// Symbolic links to files are followed only when the file they lead to is inside the
/// collection; links to folders are never followed (one inside the collection would
/// read its files twice, one outside could lead anywhere, `/proc` included).
pub(super) fn find_yaml_files(dir: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let shown_root = dir.display().to_string();
    let root = std::fs::canonicalize(dir).ok();
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    let mut unlisted = 0usize;
    let mut report = |problems: &mut Vec<Diagnostic>, d: Diagnostic| {
        if problems.len() < MAX_WALK_PROBLEMS {
            problems.push(d);
        } else {
            unlisted += 1;
        }
    };
    let mut walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    let mut seen = 0usize;
    let mut last_folder = shown_root.clone();
    while let Some(entry) = walker.next() {
        seen += 1;
        if seen > MAX_ENTRIES {
            problems.push(Diagnostic::new(
                &shown_root,
                None,
                format!(
                    "stopped after looking at {MAX_ENTRIES} files and folders below this \
                     folder; the rest is not read — is this the collection's folder?"
                ),
            ));
            break;
        }
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                // An error reading a folder's entries names no path: it is the folder
                // entered last (the walk reads each folder whole when it enters it).
                let path = err
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| last_folder.clone());
                let reason = match err.io_error() {
                    Some(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                        "permission denied; this cannot be read and any case files in it \
                         are missing"
                            .to_string()
                    }
                    other => io_reason(other, "cannot be read"),
                };
                report(&mut problems, Diagnostic::new(&path, None, reason));
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
        let shown = path.display().to_string();
        let kind = entry.file_type();
        if kind.is_symlink() && entry.depth() > 0 {
            match follow_link(path, root.as_deref()) {
                Link::File => {}
                Link::Ignored => continue,
                Link::Problem(d) => {
                    report(&mut problems, d);
                    continue;
                }
            }
        } else if kind.is_dir() {
            last_folder.clone_from(&shown);
            if is_yaml_name(path) && entry.depth() > 0 {
                report(
                    &mut problems,
                    Diagnostic::new(
                        &shown,
                        None,
                        "is a directory, not a YAML file; its contents are not read",
                    ),
                );
                walker.skip_current_dir();
            } else if entry.depth() >= MAX_FOLDER_DEPTH {
                report(
                    &mut problems,
                    Diagnostic::new(
                        &shown,
                        None,
                        format!(
                            "folder nested more than {MAX_FOLDER_DEPTH} levels below the \
                             collection; its contents are not read"
                        ),
                    ),
                );
                walker.skip_current_dir();
            }
            continue;
        } else if !is_yaml_name(path) {
            continue;
        } else if !kind.is_file() {
            // FIFOs and devices would block or never end when read.
            let what = entry
                .metadata()
                .map_or("not a regular file", |m| kind_of(&m));
            report(
                &mut problems,
                Diagnostic::new(
                    &shown,
                    None,
                    format!("is {what}, not a regular file; skipped"),
                ),
            );
            continue;
        }
        if paths.len() == MAX_FILES {
            problems.push(Diagnostic::new(
                &shown_root,
                None,
                format!("more than {MAX_FILES} YAML files; only the first {MAX_FILES} are read"),
            ));
            break;
        }
        paths.push(path.to_path_buf());
    }
    if unlisted > 0 {
        problems.push(Diagnostic::new(
            &shown_root,
            None,
            format!("{unlisted} more files and folders below this one cannot be read"),
        ));
    }
    (paths, problems)
}

/// What to do with a symbolic link found in a collection.
enum Link {
    /// It leads to a regular file inside the collection: read it.
    File,
    /// Not a case file, and nothing worth saying.
    Ignored,
    Problem(Diagnostic),
}

fn follow_link(path: &Path, root: Option<&Path>) -> Link {
    let shown = path.display().to_string();
    let yaml = is_yaml_name(path);
    let problem = |message: String| Link::Problem(Diagnostic::new(&shown, None, message));
    let target = match std::fs::canonicalize(path) {
        Ok(target) => target,
        Err(_) if !yaml => return Link::Ignored,
        Err(_) => {
            return problem(
                "symbolic link that leads nowhere (it points to itself, loops, or its target \
                 is missing); skipped"
                    .to_string(),
            )
        }
    };
    let inside = root.is_some_and(|root| target.starts_with(root));
    let meta = match std::fs::metadata(&target) {
        Ok(meta) => meta,
        Err(e) if yaml => return problem(io_reason(Some(&e), "cannot be read")),
        Err(_) => return Link::Ignored,
    };
    if meta.is_dir() {
        if inside {
            // Its files are read where they are; following it would read them twice.
            return Link::Problem(Diagnostic::warning(
                &shown,
                None,
                "symbolic link to a folder of this collection; not followed (its files are \
                 read where they are)",
            ));
        }
        return problem(
            "symbolic link to a folder outside the collection; links to folders are not \
             followed — move or copy the folder into the collection"
                .to_string(),
        );
    }
    if !yaml {
        return Link::Ignored;
    }
    if !inside {
        return problem(
            "symbolic link to a file outside the collection; not followed — copy the file \
             into the collection"
                .to_string(),
        );
    }
    if !meta.is_file() {
        return problem(format!(
            "leads to {}, not a regular file; skipped",
            kind_of(&meta)
        ));
    }
    Link::File
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
