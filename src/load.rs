//! Loading and validation: YAML files → checked [`Item`]s, and a [`Diagnostic`] with
//! `path:line:col` for everything wrong.
//!
//! A collection is read file by file, in parallel. A file that cannot be read, decoded,
//! parsed or validated is reported and skipped; every other file still loads. Links
//! between files (a case's type, factors, counterpart, …) are checked once all files are
//! in: a dangling link is reported and dropped, so the index never holds a broken one.
//!
//! Each file goes through: size limit → UTF-8 (BOM allowed) → CRLF to LF → NFC →
//! a safety pass over the YAML events (yaml-rust2; no anchors or aliases, which can
//! expand a small file into a huge one; bounded nesting; no control characters in any
//! string) → serde_yaml into the raw structs below → field checks. The safety pass is
//! a full second parse, so it runs only when a byte scan finds something it could
//! refuse, or when serde_yaml fails (see [`parse_raw`]); the outcome is the same
//! either way. Positions for our own checks come from another event pass that maps
//! each field path (`figures.2.label.ko`) to its line and column; it only runs for
//! files that have something to report.
//!
//! Depends on `model` and `text` only.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use yaml_rust2::parser::{Event, Parser};

use crate::model::{
    Actor, CaseDetails, Details, EraEntry, Figure, Item, Kind, Point, Region, RoleScheme, Section,
    Source, Status, Table, Text, TypeActor,
};
use crate::text;

/// Files larger than this are refused before parsing. The largest shipped file is a
/// few dozen KiB; a megabyte is far beyond any hand-written case.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Deeper nesting than this is refused. Case files need five or six levels.
pub const MAX_DEPTH: usize = 32;

/// Per file, at most this many control-character findings are listed.
const MAX_CHAR_FINDINGS: usize = 5;

/// The shipped collection, compiled into the binary so `casebook` works from anywhere.
static SHIPPED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/cases");

/// The name shown for files of the built-in collection.
pub const SHIPPED_PREFIX: &str = "<built-in>";

/// One problem in one file, printed as `path:line:col: error: message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    fn new(file: &str, position: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // File names and messages can quote bytes from a file; never let them reach a
        // terminal raw.
        let file = text::escape_for_terminal(&self.file);
        let message = text::escape_for_terminal(&self.message);
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{file}:{line}:{column}: error: {message}"),
            (Some(line), None) => write!(f, "{file}:{line}: error: {message}"),
            _ => write!(f, "{file}: error: {message}"),
        }
    }
}

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

fn collect_shipped(dir: &'static Dir<'static>, out: &mut Vec<SourceFile>) {
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
    let shown = dir.display().to_string();
    let meta = std::fs::metadata(dir).map_err(|e| CollectionError::Unreadable {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    if !meta.is_dir() {
        return Err(CollectionError::NotADirectory { path: shown });
    }
    let (paths, mut early) = find_yaml_files(dir);
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
    let mut loaded = collect_results(results, previous);
    loaded.files += early.len();
    loaded
        .skipped_files
        .extend(early.iter().map(|d| d.file.clone()));
    early.append(&mut loaded.diagnostics);
    loaded.diagnostics = early;
    Ok(loaded)
}

/// The YAML files below `dir`, sorted, and a diagnostic for every entry that looks like
/// one but cannot be (a directory named `x.yaml`, a link loop, a FIFO).
fn find_yaml_files(dir: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
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

fn io_reason(err: Option<&std::io::Error>, fallback: &str) -> String {
    match err {
        Some(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            "permission denied; the file cannot be read".to_string()
        }
        Some(e) => format!("cannot be read: {e}"),
        None => fallback.to_string(),
    }
}

fn read_source(path: &Path) -> SourceFile {
    let shown = path.display().to_string();
    let contents = read_limited(path);
    SourceFile {
        path: shown,
        contents,
    }
}

fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
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

/// Where an item came from, for messages about its links.
struct Origin {
    file: usize,
    /// The field-path prefix of the item inside its file: "" for a case, "items.3." for
    /// the fourth entry of a catalog.
    prefix: String,
}

struct ParsedFile {
    path: String,
    /// The decoded text, for positions in messages about links. `None` when it can
    /// be read again from `path` (files on disk), which saves holding every file's
    /// text until all are linked.
    text: Option<String>,
    items: Vec<Item>,
}

/// Parses and validates files given as bytes (from disk, the binary, or a test).
pub fn load_sources(files: Vec<SourceFile>) -> Loaded {
    load_sources_keeping(files, &[])
}

/// [`load_sources`], with the items of `previous` standing in for any file that fails.
fn load_sources_keeping(files: Vec<SourceFile>, previous: &[Item]) -> Loaded {
    let results = files.par_iter().map(parse_source).collect();
    collect_results(results, previous)
}

fn parse_source(file: &SourceFile) -> Result<ParsedFile, Vec<Diagnostic>> {
    match &file.contents {
        Ok(bytes) => parse_file(&file.path, bytes),
        Err(reason) => Err(vec![Diagnostic::new(&file.path, None, reason.clone())]),
    }
}

/// Gathers the parsed files (in file order), puts the last good items of `previous`
/// in place of any file that failed, and links everything.
fn collect_results(results: Vec<Result<ParsedFile, Vec<Diagnostic>>>, previous: &[Item]) -> Loaded {
    let mut loaded = Loaded {
        files: results.len(),
        ..Loaded::default()
    };
    let mut parsed = Vec::new();
    for result in results {
        match result {
            Ok(file) => parsed.push(file),
            Err(diagnostics) => {
                if let Some(first) = diagnostics.first() {
                    let kept: Vec<Item> = previous
                        .iter()
                        .filter(|i| i.file == first.file)
                        .cloned()
                        .collect();
                    if !kept.is_empty() {
                        // The file's last good version goes through linking like any other.
                        parsed.push(ParsedFile {
                            path: first.file.clone(),
                            // The file on disk is the broken version: no positions.
                            text: Some(String::new()),
                            items: kept,
                        });
                    }
                    loaded.skipped_files.push(first.file.clone());
                }
                loaded.diagnostics.extend(diagnostics);
            }
        }
    }
    let (items, diagnostics) = link(parsed);
    loaded.items = items;
    loaded.diagnostics.extend(diagnostics);
    loaded
}

// ---------------------------------------------------------------------------------------
// One file

fn parse_file(path: &str, bytes: &[u8]) -> Result<ParsedFile, Vec<Diagnostic>> {
    parse_file_with(path, bytes, Checks::AsNeeded)
}

/// When the [`safety_pass`] runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Checks {
    /// Only when [`needs_safety_pass`] says so or serde_yaml fails.
    AsNeeded,
    /// Always (the slow path, to test the fast one against).
    #[cfg_attr(not(test), allow(dead_code))]
    Always,
}

fn parse_file_with(
    path: &str,
    bytes: &[u8],
    checks: Checks,
) -> Result<ParsedFile, Vec<Diagnostic>> {
    let text = decode(path, bytes).map_err(|d| vec![d])?;
    let stem = Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut problems = Problems::default();
    let items = match parse_raw(path, &text, checks)? {
        RawFile::Catalog(raw) => catalog_items(raw, path, &mut problems),
        RawFile::Case(raw) => vec![case_item(*raw, &stem, path, &mut problems)],
    };
    if !problems.0.is_empty() {
        return Err(problems.into_diagnostics(path, &text));
    }
    Ok(ParsedFile {
        path: path.to_string(),
        text: Some(text),
        items,
    })
}

/// A file as written, before our own checks.
enum RawFile {
    Case(Box<CaseFile>),
    Catalog(CatalogFile),
}

/// Parses a file's text with serde_yaml, after the [`safety_pass`] when the text
/// needs it.
///
/// The safety pass is a second full parse, so it is skipped for text in which
/// nothing it refuses can occur ([`needs_safety_pass`]) — nearly every real file.
/// Whenever serde_yaml then fails, the file goes through the safety pass after all,
/// so every refusal and every message is exactly what the full checks give.
fn parse_raw(path: &str, text: &str, checks: Checks) -> Result<RawFile, Vec<Diagnostic>> {
    if checks == Checks::AsNeeded && !needs_safety_pass(text) {
        let quick = if looks_like_catalog(text) {
            serde_yaml::from_str(text).map(RawFile::Catalog)
        } else {
            serde_yaml::from_str(text).map(|raw| RawFile::Case(Box::new(raw)))
        };
        if let Ok(raw) = quick {
            return Ok(raw);
        }
    }
    let shape = safety_pass(path, text)?;
    if shape.catalog.is_some() {
        serde_yaml::from_str(text)
            .map(RawFile::Catalog)
            .map_err(|e| vec![serde_error(path, &e)])
    } else {
        serde_yaml::from_str(text)
            .map(RawFile::Case)
            .map_err(|e| vec![serde_error(path, &e)])
    }
}

/// Whether a top-level `catalog:` key starts a line.
fn looks_like_catalog(text: &str) -> bool {
    text.starts_with("catalog:") || text.contains("\ncatalog:")
}

/// Whether the text may hold something the [`safety_pass`] refuses but serde_yaml
/// would accept: an anchor, alias or tag (`&a`, `*a`, `!t`) where a value can start,
/// a second document or a directive (a line starting with `---`, `...` or `%`), or
/// a control or invisible character, raw or as an escape (`\x1b`, `\u202E`, …:
/// any escape but `\" \\ \/ \n \t \_` and an escaped space), or a tab.
///
/// Errs on the side of yes: a "yes" costs only the second parse. Duplicate keys,
/// unknown kinds and nesting deeper than any case file allows make serde_yaml fail
/// (every mapping in a case file is a struct that refuses unknown and repeated
/// fields), which sends the file through the safety pass as well.
fn needs_safety_pass(text: &str) -> bool {
    // This runs on every file, so it must cost far less than the parse it saves:
    // a table lookup per byte, and a closer look only at the few bytes that matter.
    let bytes = text.as_bytes();
    let marks_a_document = |at: usize| {
        let line = bytes.get(at..).unwrap_or_default();
        line.starts_with(b"---") || line.starts_with(b"...") || line.starts_with(b"%")
    };
    if marks_a_document(0) {
        return true;
    }
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if !WORTH_A_LOOK[usize::from(b)] {
            i += 1;
            continue;
        }
        let suspect = match b {
            b'\n' => marks_a_document(i + 1),
            b'\\' => {
                // Only escapes that cannot make a control char (`\"` is common).
                let harmless = bytes
                    .get(i + 1)
                    .is_some_and(|e| matches!(e, b'"' | b'\\' | b'/' | b' ' | b'n' | b't' | b'_'));
                if !harmless {
                    return true;
                }
                i += 2;
                continue;
            }
            b'&' | b'*' | b'!' => node_can_start_at(bytes, i),
            // The lead bytes of every forbidden char above ASCII (C1 controls,
            // U+061C, U+2xxx marks and overrides, U+FEFF, U+FFF9..): decode and look.
            0xC2 | 0xD8 | 0xE2 | 0xEF => text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(text::is_forbidden),
            // Any other control char (a tab included) and DEL.
            _ => true,
        };
        if suspect {
            return true;
        }
        i += 1;
    }
    false
}

/// The bytes [`needs_safety_pass`] stops at: controls (line feed and tab included),
/// DEL, `\\ & * !`, and the lead bytes of the forbidden chars above ASCII.
static WORTH_A_LOOK: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    let mut others: &[u8] = &[0x7F, b'\\', b'&', b'*', b'!', 0xC2, 0xD8, 0xE2, 0xEF];
    while let [first, rest @ ..] = others {
        table[*first as usize] = true;
        others = rest;
    }
    table
};

/// Whether a YAML node (and so an anchor, alias or tag) can start at `at`: at the
/// start of a line, spaces aside, or after one of `: - ? [ { ,`.
fn node_can_start_at(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(..at)
        .unwrap_or_default()
        .iter()
        .rev()
        .find(|&&b| b != b' ')
        .is_none_or(|&b| b == b'\n' || b":-?[{,".contains(&b))
}

/// Bytes → NFC text with LF line ends; the BOM some editors write is dropped.
fn decode(path: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
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

/// What the safety pass learned about a file's shape.
struct Shape {
    /// `Some(kind)` when the file is a catalog (`catalog: factor` at the top).
    catalog: Option<Kind>,
}

/// A `catalog:` value that names no catalog kind, and where it is.
type UnknownKind = (String, (usize, usize));

/// Walks the YAML events once, before serde sees the file: refuses anchors and aliases
/// (a small file must never expand into a huge one), tags, more than one document,
/// nesting beyond [`MAX_DEPTH`], and control characters in any string. Stops at the
/// first structural problem, so a deeply nested or endless file costs little.
fn safety_pass(path: &str, source: &str) -> Result<Shape, Vec<Diagnostic>> {
    let mut parser = Parser::new_from_str(source);
    let mut depth = 0usize;
    let mut documents = 0usize;
    let mut findings = Vec::new();
    let mut root_is_mapping = None;
    // The last key seen in the top-level mapping, to find `catalog: <kind>`.
    let mut top_key: Option<String> = None;
    let mut at_top_key = true;
    let mut catalog: Option<Result<Kind, UnknownKind>> = None;
    let mut empty = true;
    // One frame per open collection: for a mapping, the keys seen so far (to refuse a
    // repeated key where it is written) and whether the next scalar is a key.
    let mut frames: Vec<Option<(HashMap<String, usize>, bool)>> = Vec::new();
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(pair) => pair,
            Err(err) => {
                findings.push(syntax_error(path, source, &err));
                return Err(findings);
            }
        };
        let at = (mark.line(), mark.col() + 1);
        let is_mapping = matches!(event, Event::MappingStart(..));
        let structural = |message: &str| Diagnostic::new(path, Some(at), message.to_string());
        // An anchor is written before the value it names, but the reader's position is
        // the value's: point at the `&` instead.
        let anchor_at = || anchor_position(source, at);
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    findings.push(structural(
                        "more than one YAML document (`---`); put each case in its own file",
                    ));
                    return Err(findings);
                }
            }
            Event::Alias(_) => {
                findings.push(structural(ALIAS_MESSAGE));
                return Err(findings);
            }
            Event::MappingStart(anchor, tag) | Event::SequenceStart(anchor, tag) => {
                if anchor != 0 {
                    findings.push(Diagnostic::new(path, Some(anchor_at()), ANCHOR_MESSAGE));
                    return Err(findings);
                }
                if tag.is_some() {
                    findings.push(structural(
                        "YAML tags (`!tag`) are not allowed in case files",
                    ));
                    return Err(findings);
                }
                empty = false;
                depth += 1;
                if depth > MAX_DEPTH {
                    findings.push(structural(&nesting_message()));
                    return Err(findings);
                }
                if depth == 1 {
                    root_is_mapping = Some(is_mapping);
                }
                if let Some(Some((_, expecting_key))) = frames.last_mut() {
                    // A collection as a value ends the pair; as a key it starts one.
                    *expecting_key = !*expecting_key;
                }
                frames.push(is_mapping.then(|| (HashMap::new(), true)));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                frames.pop();
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    at_top_key = true;
                    top_key = None;
                }
            }
            Event::Scalar(value, _style, anchor, tag) => {
                if anchor != 0 {
                    findings.push(Diagnostic::new(path, Some(anchor_at()), ANCHOR_MESSAGE));
                    return Err(findings);
                }
                if tag.is_some() {
                    findings.push(structural(
                        "YAML tags (`!tag`) are not allowed in case files",
                    ));
                    return Err(findings);
                }
                if depth == 0 {
                    // A document that is a single scalar: empty (`---`) or not a mapping.
                    if !value.is_empty() {
                        empty = false;
                    }
                    continue;
                }
                empty = false;
                if let Some(Some((keys, expecting_key))) = frames.last_mut() {
                    if *expecting_key {
                        if let Some(first) = keys.get(&value) {
                            findings.push(Diagnostic::new(
                                path,
                                Some(at),
                                format!(
                                    "field `{value}` is written twice here (first on line \
                                     {first}); keep only one"
                                ),
                            ));
                            return Err(findings);
                        }
                        keys.insert(value.clone(), at.0);
                    }
                    *expecting_key = !*expecting_key;
                }
                if let Some((index, c)) = text::find_forbidden(&value) {
                    if findings.len() < MAX_CHAR_FINDINGS {
                        findings.push(Diagnostic::new(
                            path,
                            Some(at),
                            format!(
                                "text contains the invisible or control character U+{:04X} \
                                 (character {} of this string); remove it — it could change \
                                 what a terminal shows",
                                c as u32,
                                index + 1
                            ),
                        ));
                    }
                }
                if depth == 1 {
                    if at_top_key {
                        top_key = Some(value);
                        at_top_key = false;
                    } else {
                        if top_key.as_deref() == Some("catalog") && catalog.is_none() {
                            catalog = Some(match Kind::parse(&value) {
                                Some(kind) if kind != Kind::Case => Ok(kind),
                                _ => Err((value.clone(), at)),
                            });
                        }
                        at_top_key = true;
                    }
                }
            }
            _ => {}
        }
    }
    if empty {
        findings.push(Diagnostic::new(
            path,
            None,
            "the file is empty; a case needs at least id, name, summary, sources, country, \
             region, industry, type and status",
        ));
        return Err(findings);
    }
    if root_is_mapping == Some(false) || root_is_mapping.is_none() {
        findings.push(Diagnostic::new(
            path,
            Some((1, 1)),
            "the file must be a YAML mapping (`key: value` lines) at the top level",
        ));
        return Err(findings);
    }
    if !findings.is_empty() {
        return Err(findings);
    }
    let catalog = match catalog {
        None => None,
        Some(Ok(kind)) => Some(kind),
        Some(Err((value, at))) => {
            let what = if value.trim().is_empty() {
                "`catalog:` has no kind".to_string()
            } else {
                format!("unknown catalog kind `{value}`")
            };
            return Err(vec![Diagnostic::new(
                path,
                Some(at),
                format!(
                    "{what}; expected one of role, type, factor, problem, strategy, concept \
                     (cases go one per file, without `catalog:`)"
                ),
            )]);
        }
    };
    Ok(Shape { catalog })
}

/// A YAML syntax error in words a researcher can act on.
fn syntax_error(path: &str, source: &str, err: &yaml_rust2::ScanError) -> Diagnostic {
    let m = err.marker();
    let (line, column) = (m.line(), m.col() + 1);
    let info = err.info();
    if info == "recursion limit exceeded" {
        // The YAML reader gives up at 255 open brackets before our own depth check sees
        // the first event; it is the same problem, so say it the same way.
        return Diagnostic::new(path, Some((line, column)), nesting_message());
    }
    if info.contains("tabs disallowed") {
        // The reader stops after the tab, at the text it indents: point at the tab.
        let column = source
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|text| {
                let indent: String = text
                    .chars()
                    .take(column.saturating_sub(1))
                    .take_while(|c| c.is_whitespace() || *c == '-')
                    .collect();
                indent.chars().position(|c| c == '\t').map(|i| i + 1)
            })
            .unwrap_or(column);
        return Diagnostic::new(
            path,
            Some((line, column)),
            "a tab is used for indentation; YAML allows only spaces there — indent with spaces",
        );
    }
    if info.contains("found unknown anchor") {
        // `*name` without a matching `&name`: still an alias, which is what to remove.
        return Diagnostic::new(path, Some((line, column)), ALIAS_MESSAGE);
    }
    const HINTS: [(&str, &str); 3] = [
        (
            "did not find expected ',' or '}'",
            "a `{` is not closed with `}` (look here and on the lines above), a `,` is \
             missing between its fields, or a text containing `: ` is not in double quotes",
        ),
        (
            "did not find expected ',' or ']'",
            "a `[` is not closed with `]` (look here and on the lines above), a `,` is \
             missing between its entries, or a text containing `: ` is not in double quotes",
        ),
        (
            "mapping values are not allowed",
            "a `: ` here starts a new field; if it is part of the text, put the whole text \
             in double quotes",
        ),
    ];
    let message = match HINTS.iter().find(|(pattern, _)| info.contains(pattern)) {
        Some((_, hint)) => format!("YAML syntax: {info} — {hint}"),
        None => format!("YAML syntax: {info}"),
    };
    Diagnostic::new(path, Some((line, column)), message)
}

const ALIAS_MESSAGE: &str =
    "YAML aliases (`*name`) are not allowed in case files; write the value out";

const ANCHOR_MESSAGE: &str =
    "YAML anchors (`&name`) are not allowed in case files; write the value out";

/// The position of the `&name` written just before the value at `at` on the same line,
/// or `at` itself when it is not there (an anchor on the line above its value).
fn anchor_position(source: &str, at: (usize, usize)) -> (usize, usize) {
    let Some(line) = source.lines().nth(at.0.saturating_sub(1)) else {
        return at;
    };
    let before: Vec<char> = line.chars().take(at.1.saturating_sub(1)).collect();
    let Some(amp) = before.iter().rposition(|c| *c == '&') else {
        return at;
    };
    // `&name` then only spaces up to the value, or `&name` is not what we found.
    let rest = &before[amp + 1..];
    let name_len = rest.iter().take_while(|c| !c.is_whitespace()).count();
    if name_len > 0 && rest[name_len..].iter().all(|c| c.is_whitespace()) {
        (at.0, amp + 1)
    } else {
        at
    }
}

fn nesting_message() -> String {
    format!("nesting deeper than {MAX_DEPTH} levels; case files need far fewer")
}

fn serde_error(path: &str, err: &serde_yaml::Error) -> Diagnostic {
    let mut message = err.to_string();
    let position = err.location().map(|l| (l.line(), l.column()));
    if let Some(cut) = message.find(" at line ") {
        message.truncate(cut);
    }
    Diagnostic::new(path, position, plain_words(&message))
}

/// serde's wording names Rust types (`expected struct Text`, `expected i32`); say what
/// to write instead.
fn plain_words(message: &str) -> String {
    const WORDS: [(&str, &str); 13] = [
        ("unknown variant", "unknown value"),
        ("missing field", "missing required field"),
        ("invalid type: sequence", "found a list"),
        ("invalid type: map", "found a mapping (`key: value`)"),
        ("invalid type: unit value", "found an empty value"),
        ("invalid type:", "found"),
        ("invalid value:", "found"),
        (
            "expected struct Text",
            "expected a text in both languages: `{ko: ..., en: ...}`",
        ),
        (
            "expected struct Source",
            "expected a source: `{file: ..., section: ...}`",
        ),
        (
            "expected struct Point",
            "expected a point with `ko`, `en` and `source`",
        ),
        (
            "expected a sequence",
            "expected a list (`- item` lines or `[a, b]`)",
        ),
        ("expected i32", "expected a whole number"),
        ("expected field identifier", "expected a field name"),
    ];
    let mut out = message.to_string();
    for (from, to) in WORDS {
        out = out.replace(from, to);
    }
    // Any other `expected struct Figure` and the like: a mapping of fields.
    while let Some(start) = out.find("expected struct ") {
        let end = out[start + 16..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(out.len(), |i| start + 16 + i);
        out.replace_range(start..end, "expected a mapping of fields (`key: value`)");
    }
    out
}

// ---------------------------------------------------------------------------------------
// Field paths → positions

/// Line and column of every field in a file, by path: `figures.2.label.ko`. Keys are
/// stored under `path@key` so a message about a key can point at the key itself.
struct Positions {
    at: HashMap<String, (usize, usize)>,
}

impl Positions {
    fn scan(source: &str) -> Positions {
        enum Frame {
            Map { key: Option<String> },
            Seq { index: usize },
        }
        fn child_path(stack: &[(Frame, String)]) -> Option<String> {
            let (frame, path) = stack.last()?;
            let segment = match frame {
                Frame::Map { key } => key.clone()?,
                Frame::Seq { index } => index.to_string(),
            };
            Some(if path.is_empty() {
                segment
            } else {
                format!("{path}.{segment}")
            })
        }
        fn advance(stack: &mut [(Frame, String)]) {
            if let Some((frame, _)) = stack.last_mut() {
                match frame {
                    Frame::Map { key } => *key = None,
                    Frame::Seq { index } => *index += 1,
                }
            }
        }
        let mut at = HashMap::new();
        let mut stack: Vec<(Frame, String)> = Vec::new();
        let mut parser = Parser::new_from_str(source);
        while let Ok((event, mark)) = parser.next_token() {
            let pos = (mark.line(), mark.col() + 1);
            match event {
                Event::StreamEnd => break,
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let path = child_path(&stack).unwrap_or_default();
                    at.entry(path.clone()).or_insert(pos);
                    let frame = if matches!(event, Event::MappingStart(..)) {
                        Frame::Map { key: None }
                    } else {
                        Frame::Seq { index: 0 }
                    };
                    stack.push((frame, path));
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    advance(&mut stack);
                }
                Event::Scalar(value, ..) => {
                    let expecting_key = matches!(stack.last(), Some((Frame::Map { key: None }, _)));
                    if expecting_key {
                        if let Some((Frame::Map { key }, path)) = stack.last_mut() {
                            let key_path = if path.is_empty() {
                                value.clone()
                            } else {
                                format!("{path}.{value}")
                            };
                            at.insert(format!("{key_path}@key"), pos);
                            *key = Some(value);
                        }
                    } else {
                        if let Some(path) = child_path(&stack) {
                            at.insert(path, pos);
                        }
                        advance(&mut stack);
                    }
                }
                _ => {}
            }
        }
        Positions { at }
    }

    /// The position of `path`, or of its nearest ancestor that has one.
    fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        loop {
            if let Some(pos) = self.at.get(path) {
                return Some(*pos);
            }
            match path.rfind(['.', '@']) {
                Some(cut) => path = &path[..cut],
                None => return self.at.get("").copied(),
            }
        }
    }
}

/// Problems found by our own checks, each at a field path.
#[derive(Default)]
struct Problems(Vec<(String, String)>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push((path.into(), message.into()));
    }

    fn into_diagnostics(self, file: &str, source: &str) -> Vec<Diagnostic> {
        let positions = Positions::scan(source);
        self.0
            .into_iter()
            .map(|(path, message)| Diagnostic::new(file, positions.find(&path), message))
            .collect()
    }

    fn text(&mut self, path: &str, text: &Text) {
        if text.ko.trim().is_empty() {
            self.add(
                format!("{path}.ko"),
                format!("`{path}.ko` is empty; write the Korean text"),
            );
        }
        if text.en.trim().is_empty() {
            self.add(
                format!("{path}.en"),
                format!("`{path}.en` is empty; write the English text"),
            );
        }
    }

    fn string(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(path, format!("`{path}` is empty"));
        }
    }

    fn source(&mut self, path: &str, source: &Source) {
        self.string(&format!("{path}.file"), &source.file);
        self.string(&format!("{path}.section"), &source.section);
    }

    fn sources(&mut self, path: &str, sources: &[Source]) {
        if sources.is_empty() {
            self.add(
                path,
                "`sources` is empty; name at least one source (file and section)",
            );
        }
        for (i, s) in sources.iter().enumerate() {
            self.source(&format!("{path}.{i}"), s);
        }
    }

    fn points(&mut self, path: &str, points: &[Point]) {
        for (i, p) in points.iter().enumerate() {
            let at = format!("{path}.{i}");
            self.text(
                &at,
                &Text {
                    ko: p.ko.clone(),
                    en: p.en.clone(),
                },
            );
            self.source(&format!("{at}.source"), &p.source);
        }
    }

    fn id(&mut self, path: &str, id: &str) {
        if !is_valid_id(id) {
            self.add(
                path,
                format!(
                    "id `{id}` is not valid; use lower-case letters, digits and single \
                     hyphens, like `san-diego`"
                ),
            );
        }
    }
}

/// Ids are lower-case ASCII words joined by single hyphens: `san-diego`, `strategy-firms`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

// ---------------------------------------------------------------------------------------
// Raw file shapes (what serde reads) and their conversion to the model

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    id: String,
    name: Text,
    #[serde(default)]
    aliases: Vec<String>,
    summary: Text,
    sources: Vec<Source>,
    country: Text,
    region: Text,
    industry: Text,
    #[serde(rename = "type")]
    cluster_type: String,
    status: Status,
    era: Option<crate::model::Era>,
    founded: Option<i32>,
    #[serde(default)]
    actors: Vec<Actor>,
    #[serde(default)]
    figures: Vec<Figure>,
    #[serde(default)]
    strengths: Vec<Point>,
    #[serde(default)]
    weaknesses: Vec<Point>,
    #[serde(default)]
    evaluation: Vec<Point>,
    #[serde(default)]
    sections: Vec<Section>,
    #[serde(default)]
    factors: Vec<String>,
    #[serde(default)]
    problems: Vec<String>,
    strategy: Option<String>,
    counterpart: Option<String>,
    rating_note: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    catalog: Kind,
    items: Vec<CatalogEntry>,
}

/// One catalog entry. All kinds share this shape; fields that do not belong to the
/// entry's kind are reported by [`catalog_items`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogEntry {
    id: String,
    name: Text,
    #[serde(default)]
    aliases: Vec<String>,
    summary: Text,
    sources: Vec<Source>,
    #[serde(default)]
    points: Vec<Point>,
    abbr: Option<String>,
    scheme: Option<RoleScheme>,
    actors: Option<Vec<TypeActor>>,
    #[serde(rename = "type")]
    for_type: Option<String>,
    regions: Option<Vec<Region>>,
    table: Option<Table>,
    eras: Option<Vec<EraEntry>>,
}

#[allow(clippy::too_many_arguments)]
fn common_checks(
    problems: &mut Problems,
    prefix: &str,
    id: &str,
    name: &Text,
    aliases: &[String],
    summary: &Text,
    sources: &[Source],
    points: &[Point],
) {
    problems.id(&format!("{prefix}id"), id);
    problems.text(&format!("{prefix}name"), name);
    for (i, alias) in aliases.iter().enumerate() {
        problems.string(&format!("{prefix}aliases.{i}"), alias);
    }
    problems.text(&format!("{prefix}summary"), summary);
    problems.sources(&format!("{prefix}sources"), sources);
    problems.points(&format!("{prefix}points"), points);
}

fn case_item(raw: CaseFile, stem: &str, path: &str, problems: &mut Problems) -> Item {
    common_checks(
        problems,
        "",
        &raw.id,
        &raw.name,
        &raw.aliases,
        &raw.summary,
        &raw.sources,
        &[],
    );
    if raw.id != stem && is_valid_id(&raw.id) {
        problems.add(
            "id",
            format!(
                "id `{}` differs from the file name `{stem}`; a case file is named after its id",
                raw.id
            ),
        );
    }
    problems.text("country", &raw.country);
    problems.text("region", &raw.region);
    problems.text("industry", &raw.industry);
    problems.string("type", &raw.cluster_type);
    for (i, actor) in raw.actors.iter().enumerate() {
        problems.string(&format!("actors.{i}.role"), &actor.role);
        problems.text(&format!("actors.{i}.who"), &actor.who);
        problems.source(&format!("actors.{i}.source"), &actor.source);
    }
    for (i, figure) in raw.figures.iter().enumerate() {
        let at = format!("figures.{i}");
        problems.text(&format!("{at}.label"), &figure.label);
        problems.string(&format!("{at}.value"), &figure.value);
        if let Some(unit) = &figure.unit {
            problems.text(&format!("{at}.unit"), unit);
        }
        if let Some(note) = &figure.note {
            problems.text(&format!("{at}.note"), note);
        }
        problems.source(&format!("{at}.source"), &figure.source);
    }
    problems.points("strengths", &raw.strengths);
    problems.points("weaknesses", &raw.weaknesses);
    problems.points("evaluation", &raw.evaluation);
    for (i, section) in raw.sections.iter().enumerate() {
        problems.text(&format!("sections.{i}.title"), &section.title);
        if section.points.is_empty() {
            problems.add(
                format!("sections.{i}.points"),
                "a section needs at least one point",
            );
        }
        problems.points(&format!("sections.{i}.points"), &section.points);
    }
    if let Some(note) = &raw.rating_note {
        problems.text("rating_note", note);
    }
    Item {
        kind: Kind::Case,
        id: raw.id,
        name: raw.name,
        aliases: raw.aliases,
        summary: raw.summary,
        points: Vec::new(),
        sources: raw.sources,
        details: Details::Case(Box::new(CaseDetails {
            country: raw.country,
            region: raw.region,
            industry: raw.industry,
            cluster_type: raw.cluster_type,
            status: raw.status,
            era: raw.era,
            founded: raw.founded,
            actors: raw.actors,
            figures: raw.figures,
            strengths: raw.strengths,
            weaknesses: raw.weaknesses,
            evaluation: raw.evaluation,
            sections: raw.sections,
            factors: raw.factors,
            problems: raw.problems,
            strategy: raw.strategy,
            counterpart: raw.counterpart,
            rating_note: raw.rating_note,
        })),
        file: path.to_string(),
    }
}

fn catalog_items(raw: CatalogFile, path: &str, problems: &mut Problems) -> Vec<Item> {
    let kind = raw.catalog;
    if kind == Kind::Case {
        problems.add(
            "catalog",
            "cases are not catalog entries; write each case in its own file, without `catalog:`",
        );
        return Vec::new();
    }
    let mut items = Vec::with_capacity(raw.items.len());
    for (i, entry) in raw.items.into_iter().enumerate() {
        let prefix = format!("items.{i}.");
        common_checks(
            problems,
            &prefix,
            &entry.id,
            &entry.name,
            &entry.aliases,
            &entry.summary,
            &entry.sources,
            &entry.points,
        );
        let present = [
            ("abbr", entry.abbr.is_some(), Kind::Role),
            ("scheme", entry.scheme.is_some(), Kind::Role),
            ("actors", entry.actors.is_some(), Kind::Type),
            ("type", entry.for_type.is_some(), Kind::Strategy),
            ("regions", entry.regions.is_some(), Kind::Strategy),
            ("table", entry.table.is_some(), Kind::Concept),
            ("eras", entry.eras.is_some(), Kind::Concept),
        ];
        for (field, is_present, owner) in present {
            if is_present && owner != kind {
                problems.add(
                    format!("{prefix}{field}@key"),
                    format!("`{field}` is not a field of a {kind} entry (only of a {owner})"),
                );
            }
        }
        let details = match kind {
            Kind::Role => {
                if entry.scheme.is_none() {
                    problems.add(
                        format!("{prefix}id"),
                        "missing field `scheme` (cluster-actors or yeongwol-plan)",
                    );
                }
                Details::Role {
                    abbr: entry.abbr,
                    scheme: entry.scheme.unwrap_or(RoleScheme::ClusterActors),
                }
            }
            Kind::Type => {
                let actors = entry.actors.unwrap_or_default();
                for (j, actor) in actors.iter().enumerate() {
                    problems.string(&format!("{prefix}actors.{j}.role"), &actor.role);
                    problems.text(&format!("{prefix}actors.{j}.who"), &actor.who);
                    problems.source(&format!("{prefix}actors.{j}.source"), &actor.source);
                }
                Details::Type { actors }
            }
            Kind::Strategy => {
                let regions = entry.regions.unwrap_or_default();
                for (j, region) in regions.iter().enumerate() {
                    problems.text(&format!("{prefix}regions.{j}.name"), &region.name);
                    if let Some(industry) = &region.industry {
                        problems.text(&format!("{prefix}regions.{j}.industry"), industry);
                    }
                    problems.source(&format!("{prefix}regions.{j}.source"), &region.source);
                }
                Details::Strategy {
                    for_type: entry.for_type,
                    regions,
                }
            }
            Kind::Concept => {
                if let Some(table) = &entry.table {
                    check_table(problems, &format!("{prefix}table"), table);
                }
                let eras = entry.eras.unwrap_or_default();
                for (j, era) in eras.iter().enumerate() {
                    let at = format!("{prefix}eras.{j}");
                    problems.text(&format!("{at}.label"), &era.label);
                    problems.text(&format!("{at}.policy_focus"), &era.policy_focus);
                    for (k, korean) in era.korea.iter().enumerate() {
                        problems.text(&format!("{at}.korea.{k}.name"), &korean.name);
                    }
                    problems.source(&format!("{at}.source"), &era.source);
                }
                Details::Concept {
                    table: entry.table,
                    eras,
                }
            }
            Kind::Factor | Kind::Problem | Kind::Case => Details::Plain {},
        };
        items.push(Item {
            kind,
            id: entry.id,
            name: entry.name,
            aliases: entry.aliases,
            summary: entry.summary,
            points: entry.points,
            sources: entry.sources,
            details,
            file: path.to_string(),
        });
    }
    items
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn check_table(problems: &mut Problems, path: &str, table: &Table) {
    if table.columns.is_empty() {
        problems.add(
            format!("{path}.columns"),
            "a table needs at least one column",
        );
    }
    for (i, column) in table.columns.iter().enumerate() {
        problems.text(&format!("{path}.columns.{i}"), column);
    }
    for (i, row) in table.rows.iter().enumerate() {
        problems.text(&format!("{path}.rows.{i}.label"), &row.label);
        if row.cells.len() != table.columns.len() {
            problems.add(
                format!("{path}.rows.{i}.cells"),
                format!(
                    "row has {} but the table has {}",
                    count(row.cells.len(), "cell", "cells"),
                    count(table.columns.len(), "column", "columns")
                ),
            );
        }
        for (j, cell) in row.cells.iter().enumerate() {
            problems.text(&format!("{path}.rows.{i}.cells.{j}"), cell);
        }
    }
    problems.source(&format!("{path}.source"), &table.source);
}

// ---------------------------------------------------------------------------------------
// Links between files

/// Checks ids for uniqueness and every link for a target of the right kind. A repeated
/// id drops the later item; a dangling link is dropped from its item. Both are reported
/// at the position of the offending value.
fn link(files: Vec<ParsedFile>) -> (Vec<Item>, Vec<Diagnostic>) {
    let mut items = Vec::new();
    let mut origins = Vec::new();
    let mut pending: Vec<(usize, String, String)> = Vec::new(); // (file, path, message)
    let mut first_file: HashMap<String, usize> = HashMap::new();
    let mut kinds: HashMap<String, Kind> = HashMap::new();
    let mut texts: Vec<(String, Option<String>)> = Vec::with_capacity(files.len());

    for (file_index, file) in files.into_iter().enumerate() {
        texts.push((file.path, file.text));
        for (position, item) in file.items.into_iter().enumerate() {
            let prefix = if item.kind == Kind::Case {
                String::new()
            } else {
                format!("items.{position}.")
            };
            if let Some(&other) = first_file.get(&item.id) {
                pending.push((
                    file_index,
                    format!("{prefix}id"),
                    format!(
                        "id `{}` is already used in {}; ids must be unique across all kinds",
                        item.id, texts[other].0
                    ),
                ));
                continue;
            }
            first_file.insert(item.id.clone(), file_index);
            kinds.insert(item.id.clone(), item.kind);
            items.push(item);
            origins.push(Origin {
                file: file_index,
                prefix,
            });
        }
    }

    // Counterparts are checked for mutuality after the pass, on the final links.
    let mut counterparts: HashMap<String, String> = HashMap::new();

    for (item, origin) in items.iter_mut().zip(&origins) {
        let mut found: Vec<(String, String)> = Vec::new();
        let mut keep =
            |field: &str, id: &str, want: Kind| check_link(&kinds, &mut found, field, id, want);
        match &mut item.details {
            Details::Case(case) => {
                // The type is required: a dangling one is reported but the text is kept
                // so the case still shows.
                keep("type", &case.cluster_type, Kind::Type);
                filter_links(&mut case.factors, "factors", Kind::Factor, &mut keep);
                filter_links(&mut case.problems, "problems", Kind::Problem, &mut keep);
                if let Some(strategy) = &case.strategy {
                    if !keep("strategy", strategy, Kind::Strategy) {
                        case.strategy = None;
                    }
                }
                let mut kept_actors = Vec::new();
                for (i, actor) in case.actors.drain(..).enumerate() {
                    if keep(&format!("actors.{i}.role"), &actor.role, Kind::Role) {
                        kept_actors.push(actor);
                    }
                }
                case.actors = kept_actors;
                if let Some(counterpart) = case.counterpart.take() {
                    if counterpart == item.id {
                        found.push((
                            "counterpart".into(),
                            "a case cannot be its own counterpart".into(),
                        ));
                    } else if check_link(
                        &kinds,
                        &mut found,
                        "counterpart",
                        &counterpart,
                        Kind::Case,
                    ) {
                        counterparts.insert(item.id.clone(), counterpart.clone());
                        case.counterpart = Some(counterpart);
                    }
                }
            }
            Details::Type { actors } => {
                let mut kept = Vec::new();
                for (i, actor) in actors.drain(..).enumerate() {
                    if keep(&format!("actors.{i}.role"), &actor.role, Kind::Role) {
                        kept.push(actor);
                    }
                }
                *actors = kept;
            }
            Details::Strategy { for_type, .. } => {
                if let Some(t) = for_type {
                    if !keep("type", t, Kind::Type) {
                        *for_type = None;
                    }
                }
            }
            Details::Concept { eras, .. } => {
                for (i, era) in eras.iter_mut().enumerate() {
                    filter_links(
                        &mut era.world,
                        &format!("eras.{i}.world"),
                        Kind::Case,
                        &mut keep,
                    );
                    for (k, korean) in era.korea.iter_mut().enumerate() {
                        if let Some(case) = &korean.case {
                            if !keep(&format!("eras.{i}.korea.{k}.case"), case, Kind::Case) {
                                korean.case = None;
                            }
                        }
                    }
                }
            }
            Details::Role { .. } | Details::Plain {} => {}
        }
        for (field, message) in found {
            pending.push((origin.file, format!("{}{field}", origin.prefix), message));
        }
    }

    for (item, origin) in items.iter().zip(&origins) {
        if let Some(other) = counterparts.get(&item.id) {
            if counterparts.get(other) != Some(&item.id) {
                pending.push((
                    origin.file,
                    "counterpart".to_string(),
                    format!(
                        "counterpart `{other}` does not name `{}` back; counterparts are mutual",
                        item.id
                    ),
                ));
            }
        }
    }

    // Positions are computed only for the files that have something to report.
    let mut by_file: HashMap<usize, Vec<(String, String)>> = HashMap::new();
    for (file, path, message) in pending {
        by_file.entry(file).or_default().push((path, message));
    }
    let mut diagnostics = Vec::new();
    let mut files_with_problems: Vec<usize> = by_file.keys().copied().collect();
    files_with_problems.sort_unstable();
    for file in files_with_problems {
        let (path, text) = &mut texts[file];
        let source = text.take().or_else(|| read_again(path)).unwrap_or_default();
        let problems = Problems(by_file.remove(&file).unwrap_or_default());
        diagnostics.extend(problems.into_diagnostics(path, &source));
    }
    (items, diagnostics)
}

/// A file's text read again from disk, for positions in a message about its links. If
/// it can no longer be read, the message goes out without a position.
fn read_again(path: &str) -> Option<String> {
    let bytes = read_limited(Path::new(path)).ok()?;
    decode(path, &bytes).ok()
}

/// Whether `id` names an item of kind `want`; if not, records why under `field`.
fn check_link(
    kinds: &HashMap<String, Kind>,
    found: &mut Vec<(String, String)>,
    field: &str,
    id: &str,
    want: Kind,
) -> bool {
    let reason = match kinds.get(id) {
        Some(kind) if *kind == want => return true,
        Some(kind) => format!("`{id}` is a {kind}, not a {want}"),
        None => format!("no {want} has the id `{id}`"),
    };
    found.push((field.to_string(), format!("dangling link: {reason}")));
    false
}

fn filter_links(
    ids: &mut Vec<String>,
    field: &str,
    want: Kind,
    keep: &mut impl FnMut(&str, &str, Kind) -> bool,
) {
    let mut seen = HashSet::new();
    let mut i = 0;
    ids.retain(|id| {
        let ok = keep(&format!("{field}.{i}"), id, want) && seen.insert(id.clone());
        i += 1;
        ok
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_one(name: &str, yaml: &str) -> Loaded {
        load_sources(vec![SourceFile {
            path: name.to_string(),
            contents: Ok(yaml.as_bytes().to_vec()),
        }])
    }

    fn shipped_texts() -> Vec<String> {
        let mut files = Vec::new();
        collect_shipped(&SHIPPED, &mut files);
        files
            .into_iter()
            .filter_map(|f| String::from_utf8(f.contents.ok()?).ok())
            .collect()
    }

    /// Snippets that the safety pass refuses (or that look like it might), to be
    /// spliced into real case files.
    const HOSTILE: [&str; 24] = [
        "&a ",
        "*a",
        "!tag ",
        "!!str ",
        "&anchor",
        "- *a",
        "[*a]",
        "{a: *b}",
        "---",
        "...",
        "%YAML 1.2",
        "\\x1b",
        "\\u202E",
        "\\e",
        "\\0",
        "\\\"",
        "\u{202E}",
        "\u{1b}[31m",
        "\t",
        "\u{200B}",
        "\u{85}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "catalog: factor",
        "id: other",
    ];

    /// A shipped case file with a hostile snippet spliced in at a line start, after
    /// a key, inside a quoted string, or in place of a line; and the same for a
    /// catalog.
    fn spliced_file() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let files: Vec<String> = shipped_texts();
        (
            0..files.len(),
            proptest::collection::vec(
                (any::<prop::sample::Index>(), 0..HOSTILE.len(), 0..4u8),
                1..3,
            ),
        )
            .prop_map(move |(file, edits)| {
                let mut lines: Vec<String> = files[file].lines().map(str::to_string).collect();
                for (at, snippet, how) in edits {
                    let line = at.index(lines.len());
                    let snippet = HOSTILE[snippet];
                    match how {
                        0 => lines[line].insert_str(0, snippet),
                        1 => {
                            if let Some(colon) = lines[line].find(": ") {
                                lines[line].insert_str(colon + 2, snippet);
                            }
                        }
                        2 => {
                            if let Some(quote) = lines[line].find('"') {
                                lines[line].insert_str(quote + 1, snippet);
                            }
                        }
                        _ => {
                            let copy = lines[line].clone();
                            lines.insert(line, copy);
                        }
                    }
                }
                lines.join("\n")
            })
    }

    fn outcome(checks: Checks, text: &str) -> Result<Vec<Item>, Vec<Diagnostic>> {
        parse_file_with("f.yaml", text.as_bytes(), checks).map(|parsed| parsed.items)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// Skipping the safety pass changes nothing: the same items, or the same
        /// messages at the same positions.
        #[test]
        fn skipping_the_safety_pass_changes_nothing(text in spliced_file()) {
            proptest::prop_assert_eq!(outcome(Checks::AsNeeded, &text), outcome(Checks::Always, &text));
        }
    }

    #[test]
    fn every_shipped_file_takes_the_fast_path() {
        for text in shipped_texts() {
            assert!(!needs_safety_pass(&text), "{}", &text[..80]);
        }
    }

    #[test]
    fn the_fast_path_sees_what_the_safety_pass_refuses() {
        for text in [
            "id: x\nname: &a {ko: a, en: b}\n",
            "id: x\nname: *a\n",
            "id: !tag x\n",
            "- &a x\n",
            "[*a]\n",
            "---\nid: x\n",
            "id: x\n...\n",
            "%YAML 1.2\n",
            "id: \"\\e[31m\"\n",
            "id: \"\\u202E\"\n",
            "id: \"a\\\nb\"\n",
            "id: \u{202E}x\n",
            "id: \u{85}x\n",
            "id:\tx\n",
        ] {
            assert!(needs_safety_pass(text), "{text:?}");
        }
        for text in [
            "summary: R&D * 2 ! fine\n",
            "en: \"say \\\"hi\\\" \\\\ \\/\"\n",
            "en: a — b … c · d\n",
            "note: -- not a marker\n",
        ] {
            assert!(!needs_safety_pass(text), "{text:?}");
        }
    }

    #[test]
    fn positions_point_at_nested_fields() {
        let yaml = "id: x\nfigures:\n  - label: {ko: a, en: b}\n    value: \"1\"\n";
        let p = Positions::scan(yaml);
        assert_eq!(p.find("figures.0.value"), Some((4, 12)));
        assert_eq!(p.find("figures.0.label.en"), Some((3, 24)));
        assert_eq!(p.find("id@key"), Some((1, 1)));
        assert_eq!(p.find("figures.0.nothing"), p.find("figures.0"));
    }

    #[test]
    fn alias_is_refused_before_serde_expands_it() {
        let yaml = "a: &x [1, 2]\nb: *x\n";
        let loaded = load_one("bomb.yaml", yaml);
        assert!(loaded.items.is_empty());
        assert!(
            loaded.diagnostics[0].message.contains("anchors"),
            "{:?}",
            loaded.diagnostics
        );
    }

    #[test]
    fn ids_follow_the_documented_shape() {
        assert!(is_valid_id("san-diego"));
        assert!(is_valid_id("singapore-it2000"));
        assert!(!is_valid_id("San-Diego"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("샌디에고"));
    }
}
