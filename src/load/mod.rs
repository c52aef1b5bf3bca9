//! Loading and validation: YAML files → checked [`Item`]s, and a [`Diagnostic`] with
//! `path:line:col` for everything wrong.
//!
//! A collection is read file by file, in parallel. A file that cannot be read, decoded,
//! parsed or validated is reported and skipped (in a catalog, an entry that fails its
//! checks costs only itself); every other file still loads. Links between files (a
//! case's type, factors, counterpart, …) are checked once all files are in: a dangling
//! link is reported and dropped, so the index never holds a broken one; a link into
//! what was skipped is dropped and counted as not checked, not called dangling.
//!
//! Each file goes through: size and type limits → UTF-8 (BOM allowed) → CRLF to LF →
//! NFC → invisible characters removed and control characters replaced, with a warning
//! each → a safety pass over the YAML events (yaml-rust2; no anchors or aliases, which
//! can expand a small file into a huge one; bounded nesting; escapes that make unsafe
//! characters repaired the same way) → serde_yaml into the raw structs → field checks.
//! The safety pass is a full second parse, so it runs only when a byte scan finds
//! something it could refuse, or when serde_yaml fails (see `parse::parse_raw`); the outcome is the same
//! either way. Positions for our own checks come from another event pass that maps
//! each field path (`figures.2.label.ko`) to its line and column; it only runs for
//! files that have something to report.
//!
//! Depends on `model`, `text` and `safe_read` only.
//!
//! One submodule per step, in pipeline order; each may use only the ones listed
//! before it, and the public types and constants here ([`SourceFile`], [`MAX_DEPTH`], …):
//!
//! - `diagnostic`: [`Diagnostic`], what every step reports.
//! - `read`: bytes within [`MAX_FILE_BYTES`], and decoding them to text.
//! - `characters`: invisible characters removed, control characters and direction
//!   overrides shown as a placeholder, each with a warning.
//! - `discover`: the YAML files below a directory, and the shipped ones.
//! - `safety`: the byte scan and the safety pass over the YAML events.
//! - `messages`: serde_yaml's errors in plain words.
//! - `positions`: field path → line and column.
//! - `validate`: the raw serde structs, our own field checks, raw → [`Item`].
//! - `parse`: one file through all of the above, in order.
//! - `link`: links across files, once all are parsed.
//! - `incremental`: a collection kept file by file between reloads, so that a reload
//!   parses only the files that changed and links everything again; its first load
//!   can be streamed, chunk by chunk, for the explorer.
//!
//! This file puts them together: a collection's files are discovered, read and parsed
//! in parallel, the last good version of a file that now fails is kept on reload
//! ([`reload_collection`]), and everything is linked.

use std::path::Path;

use rayon::prelude::*;

use crate::model::Item;

mod characters;
mod diagnostic;
mod discover;
mod incremental;
mod link;
mod messages;
mod parse;
mod positions;
mod read;
mod safety;
mod validate;

pub use diagnostic::{Diagnostic, Severity};
pub use discover::{
    is_collection_file, is_visible_below, MAX_ENTRIES, MAX_FILES, MAX_FOLDER_DEPTH,
};
pub use incremental::{Incremental, ReloadCounts, Streamed, FIRST_CHUNK, STREAM_CHUNK};
pub use validate::is_valid_id;

use discover::{collect_shipped, find_yaml_files, is_yaml_name, SHIPPED};
use link::{link, Unchecked};
use parse::{parse_source, ParsedFile, Refused};
use read::read_source;

/// Files larger than this are refused before parsing. The largest shipped file is a
/// few dozen KiB; a megabyte is far beyond any hand-written case.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Deeper nesting than this is refused. Case files need five or six levels.
pub const MAX_DEPTH: usize = 32;

/// The name shown for files of the built-in collection.
pub const SHIPPED_PREFIX: &str = "<built-in>";

/// A whole collection that cannot be read at all (as opposed to single bad files).
#[derive(Debug, thiserror::Error)]
pub enum CollectionError {
    #[error("{path}: error: cannot read the collection directory: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}: error: not a directory; --cases expects a directory of YAML files")]
    NotADirectory { path: String },
}

/// The result of loading a collection: every good item, and a message for every problem.
#[derive(Debug, Default)]
pub struct Loaded {
    pub items: Vec<Item>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many YAML files were found.
    pub files: usize,
    /// Files that contributed nothing because of their errors.
    pub skipped_files: Vec<String>,
}

/// A file's name for messages and its bytes, or why it could not be read.
pub struct SourceFile {
    pub path: String,
    pub contents: Result<Vec<u8>, String>,
}

/// Loads the collection compiled into the binary.
pub fn load_shipped() -> Loaded {
    let mut files = Vec::new();
    collect_shipped(&SHIPPED, &mut files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    load_sources(files)
}

/// Loads every `.yaml` / `.yml` file below `dir` (following symbolic links, with loops
/// reported rather than followed). Hidden files and directories are ignored: editors
/// leave lock and swap files there.
pub fn load_collection(dir: &Path) -> Result<Loaded, CollectionError> {
    reload_collection(dir, &[])
}

/// Loads `dir` again after an edit. A file that now fails (half-written, or broken by
/// the edit) keeps its items from `previous`, so the good data already on screen is
/// never replaced by nothing; its error is still reported until the file is fixed.
pub fn reload_collection(dir: &Path, previous: &[Item]) -> Result<Loaded, CollectionError> {
    check_collection_dir(dir)?;
    let (paths, early) = find_yaml_files(dir);
    // Each file is read, parsed and dropped on one thread, so the bytes and text of
    // all files are never in memory at once; the text is read again only if linking
    // finds something to report in that file.
    let results = paths
        .par_iter()
        .map(|path| {
            let file = read_source(path);
            let mut parsed = parse_source(&file)?;
            parsed.text = None;
            Ok(parsed)
        })
        .collect();
    let last_good = |path: &str| items_from(previous, path);
    Ok(with_walk_problems(
        collect_results(results, &last_good),
        early,
    ))
}

/// The collection directory exists and is a directory.
fn check_collection_dir(dir: &Path) -> Result<(), CollectionError> {
    let shown = dir.display().to_string();
    let meta = std::fs::metadata(dir).map_err(|e| CollectionError::Unreadable {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    if !meta.is_dir() {
        return Err(CollectionError::NotADirectory { path: shown });
    }
    Ok(())
}

/// `loaded` with the walk's own problems first, and the case files the walk left out
/// counted as found and skipped.
fn with_walk_problems(mut loaded: Loaded, mut early: Vec<diagnostic::Diagnostic>) -> Loaded {
    // A case file the walk reported with an error (a FIFO, a link out) is a file left
    // out; a folder that cannot be read is an error but not a file; a warning (a folder
    // link not followed, its files read where they are) leaves nothing out.
    let left_out: Vec<String> = early
        .iter()
        .filter(|d| d.is_error() && is_yaml_name(Path::new(&d.file)))
        .map(|d| d.file.clone())
        .collect();
    loaded.files += left_out.len();
    loaded.skipped_files.extend(left_out);
    early.append(&mut loaded.diagnostics);
    loaded.diagnostics = early;
    loaded
}

/// The items of `previous` that came from the file at `path`: its last good version.
fn items_from(previous: &[Item], path: &str) -> Vec<Item> {
    previous
        .iter()
        .filter(|i| i.file == path)
        .cloned()
        .collect()
}

/// Parses and validates files given as bytes (from disk, the binary, or a test).
pub fn load_sources(files: Vec<SourceFile>) -> Loaded {
    load_sources_keeping(files, &[])
}

/// [`load_sources`], with the items of `previous` standing in for any file that fails.
fn load_sources_keeping(files: Vec<SourceFile>, previous: &[Item]) -> Loaded {
    let results = files.par_iter().map(parse_source).collect();
    let last_good = |path: &str| items_from(previous, path);
    collect_results(results, &last_good)
}

/// Gathers the parsed files (in file order), puts the last good items of a file
/// (`last_good` of its path) in place of any file that failed, and of any catalog entry
/// that failed, and links everything. Links into a file that failed with nothing kept
/// are not checked (see [`link::Unchecked`]).
fn collect_results(
    results: Vec<Result<ParsedFile, Refused>>,
    last_good: &dyn Fn(&str) -> Vec<Item>,
) -> Loaded {
    let mut loaded = Loaded {
        files: results.len(),
        ..Loaded::default()
    };
    let mut parsed = Vec::new();
    let mut unchecked = Unchecked::default();
    for result in results {
        match result {
            Ok(mut file) => {
                loaded.diagnostics.append(&mut file.reported);
                let left_out = std::mem::take(&mut file.left_out);
                let previous = if left_out.is_empty() {
                    Vec::new()
                } else {
                    last_good(&file.path)
                };
                for id in left_out {
                    // An entry that now fails keeps its last good version, like a file.
                    match previous.iter().find(|i| i.id == id) {
                        Some(kept) => file.items.push(kept.clone()),
                        None => {
                            unchecked.ids.insert(id, file.path.clone());
                        }
                    }
                }
                parsed.push(file);
            }
            Err(Refused {
                diagnostics,
                declares,
            }) => {
                if let Some(first) = diagnostics.first() {
                    let kept = last_good(&first.file);
                    if kept.is_empty() {
                        if let Some(kind) = declares.catalog {
                            unchecked.kinds.insert(kind, first.file.clone());
                        } else if let Some(id) = declares.id {
                            unchecked.ids.insert(id, first.file.clone());
                        }
                    } else {
                        // The file's last good version goes through linking like any other.
                        parsed.push(ParsedFile {
                            path: first.file.clone(),
                            // The file on disk is the broken version: no positions.
                            text: Some(String::new()),
                            items: kept,
                            reported: Vec::new(),
                            left_out: Vec::new(),
                        });
                    }
                    loaded.skipped_files.push(first.file.clone());
                }
                loaded.diagnostics.extend(diagnostics);
            }
        }
    }
    let (items, diagnostics) = link(parsed, unchecked);
    loaded.items = items;
    loaded.diagnostics.extend(diagnostics);
    loaded
}
