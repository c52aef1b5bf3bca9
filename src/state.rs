//! The explorer's memory between runs: the queries searched (newest first), per
//! collection the items recently opened and the place the explorer was left at (view,
//! pane, item, open query, filters, marks, language). One small JSON file:
//!
//! ```json
//! { "version": 1, "history": ["샌디에고", "toyota"],
//!   "collections": [ { "collection": "built-in", "recent": ["daedeok"],
//!                      "place": { "view": "browse", "pane": "cases", "item": "daedeok" } } ] }
//! ```
//!
//! It lives in the platform's state directory (`$XDG_STATE_HOME/casebook/state.json`,
//! else `~/.local/state/casebook/state.json` on Linux; `~/Library/Application
//! Support/casebook/state.json` on macOS; `%LOCALAPPDATA%\casebook\data\state.json` on
//! Windows); `CASEBOOK_STATE=path` uses another file. Items are named by id, never by
//! position, so a collection that changed between runs loses only what is gone.
//!
//! Memory never keeps casebook from starting: a missing file is an empty memory; a
//! damaged, truncated, huge, foreign (another version or shape) or unreadable file, or a
//! FIFO or device in its place, is ignored with one line saying why (for the status
//! bar), and replaced on the next save. The file is read with `safe_read`'s limits and
//! written atomically (a temporary file renamed over it), so a crash mid-write leaves
//! the old file whole. What a file holds is data: queries lose control characters and
//! are cut to [`MAX_QUERY_CHARS`]; lists are cut to their caps.
//!
//! Depends on `model` (languages, statuses), `safe_read` and `text`.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Lang;
use crate::safe_read::{bytes_in_words, read_regular_file, ReadError};

/// The environment variable naming the state file to use instead of the usual one.
pub const STATE_ENV: &str = "CASEBOOK_STATE";
/// The only layout of the file this version reads and writes.
pub const VERSION: u32 = 1;
/// How many queries the history keeps.
pub const MAX_HISTORY: usize = 100;
/// How many recently opened items a collection keeps.
pub const MAX_RECENT: usize = 20;
/// How many collections are remembered (the least recently used is forgotten first).
pub const MAX_COLLECTIONS: usize = 16;
/// The longest query kept (the search box's own limit).
pub const MAX_QUERY_CHARS: usize = 200;
/// A full file is a few tens of kilobytes; anything past this is not ours.
pub const MAX_STATE_BYTES: u64 = 256 * 1024;
/// The key of the built-in collection; a folder's key is its path.
pub const BUILT_IN: &str = "built-in";

/// The view the explorer was left in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ViewName {
    #[default]
    Browse,
    Compare,
    Matrix,
    Timeline,
    Presenter,
}

/// The filters, each a set of values (none: all): types by id, countries by English
/// name, statuses as written in YAML, documents by id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FilterMemory {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cluster_type: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub country: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub document: Vec<String>,
}

/// Where the explorer was left: enough to come back to the same screen.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    pub view: ViewName,
    /// The list pane: cases, roles, factors, problems, reference.
    pub pane: String,
    /// Whether keys were on the detail (rather than the list).
    pub detail_focused: bool,
    /// The item in the detail, by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The first line of the detail in view.
    pub detail_top: usize,
    /// The text of the search box, when it was open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    pub filter: FilterMemory,
    /// Cases marked for comparison, in marking order.
    pub marked: Vec<String>,
    /// The cases side by side, when the view is a comparison.
    pub compared: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

/// What the explorer remembers of one collection, with the shared query history.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Memory {
    /// Queries opened with Enter, newest first.
    pub history: Vec<String>,
    /// Items opened, by id, newest first.
    pub recent: Vec<String>,
    /// Where to resume; `None` starts at the top (`--fresh`, or nothing remembered).
    pub place: Option<Place>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
struct CollectionMemory {
    collection: String,
    recent: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<Place>,
}

/// The whole file: the history and every remembered collection, most recent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateFile {
    version: u32,
    #[serde(default)]
    history: Vec<String>,
    #[serde(default)]
    collections: Vec<CollectionMemory>,
}

impl Default for StateFile {
    fn default() -> StateFile {
        StateFile {
            version: VERSION,
            history: Vec::new(),
            collections: Vec::new(),
        }
    }
}

impl StateFile {
    /// The memory of the collection named `key` (see [`collection_key`]), with the history.
    pub fn memory_for(&self, key: &str) -> Memory {
        let collection = self.collections.iter().find(|c| c.collection == key);
        Memory {
            history: self.history.clone(),
            recent: collection.map(|c| c.recent.clone()).unwrap_or_default(),
            place: collection.and_then(|c| c.place.clone()),
        }
    }

    /// Takes in `memory` for collection `key`: its history goes first (entries of this
    /// file it lacks, such as another window's, after it), the collection becomes the
    /// most recent one.
    pub fn store(&mut self, key: &str, memory: &Memory) {
        let mut history = memory.history.clone();
        for query in &self.history {
            if !history.contains(query) {
                history.push(query.clone());
            }
        }
        self.history = history;
        self.collections.retain(|c| c.collection != key);
        self.collections.insert(
            0,
            CollectionMemory {
                collection: key.to_string(),
                recent: memory.recent.clone(),
                place: memory.place.clone(),
            },
        );
        self.tidy();
    }

    /// Every list within its cap, every query clean: what any file read or written holds.
    fn tidy(&mut self) {
        let mut seen = Vec::new();
        for query in std::mem::take(&mut self.history) {
            let query = clean_query(&query);
            if !query.is_empty() && !seen.contains(&query) {
                seen.push(query);
            }
        }
        seen.truncate(MAX_HISTORY);
        self.history = seen;
        self.collections.truncate(MAX_COLLECTIONS);
        for collection in &mut self.collections {
            let mut recent: Vec<String> = Vec::new();
            for id in std::mem::take(&mut collection.recent) {
                if !recent.contains(&id) {
                    recent.push(id);
                }
            }
            recent.truncate(MAX_RECENT);
            collection.recent = recent;
            if let Some(place) = &mut collection.place {
                place.query = place.query.as_deref().map(clean_query);
            }
        }
    }
}

/// A query as the search box takes it: no control characters (a line break or tab is a
/// space), at most [`MAX_QUERY_CHARS`], no surrounding space.
pub fn clean_query(query: &str) -> String {
    let flat: String = query
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control())
        .take(MAX_QUERY_CHARS)
        .collect();
    flat.trim().to_string()
}

/// The key a collection is remembered under: [`BUILT_IN`], or the folder's full path.
pub fn collection_key(cases: Option<&Path>) -> String {
    match cases {
        None => BUILT_IN.to_string(),
        Some(dir) => {
            let full = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            format!("folder:{}", full.display())
        }
    }
}

/// Where the state file is: `CASEBOOK_STATE`, else the platform's state directory.
/// `None` when the platform has no home directory to put it in.
pub fn path() -> Option<PathBuf> {
    path_from(std::env::var_os(STATE_ENV))
}

fn path_from(env: Option<std::ffi::OsString>) -> Option<PathBuf> {
    match env {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ => directories::ProjectDirs::from("", "", "casebook").map(|dirs| {
            // Only Linux has a state directory; elsewhere local data is its place.
            dirs.state_dir()
                .unwrap_or_else(|| dirs.data_local_dir())
                .join("state.json")
        }),
    }
}

/// A state file read, and why it was not used when it was not.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub file: StateFile,
    /// One line (safe for a terminal) saying why the file was ignored.
    pub problem: Option<String>,
}

/// Reads the state file at `path`. A missing file is an empty memory and no problem.
pub fn load(path: &Path) -> Loaded {
    match read(path) {
        Ok(file) => Loaded {
            file,
            problem: None,
        },
        Err(None) => Loaded::default(),
        Err(Some(why)) => Loaded {
            file: StateFile::default(),
            problem: Some(
                crate::text::escape_for_terminal(&crate::text::one_line(&format!(
                    "{}: {why}",
                    path.display()
                )))
                .into_owned(),
            ),
        },
    }
}

/// The file, or why not (`None`: there is none).
fn read(path: &Path) -> Result<StateFile, Option<String>> {
    let bytes = match read_regular_file(path, MAX_STATE_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Err(None),
        Err(ReadError::Io(e)) => return Err(Some(format!("cannot be read: {e}"))),
        Err(ReadError::NotARegularFile(kind)) => {
            return Err(Some(format!("is {kind}, not a regular file")))
        }
        Err(ReadError::TooLarge(len)) => {
            return Err(Some(format!(
                "is {}, more than a state file ever holds",
                bytes_in_words(len)
            )))
        }
    };
    parse(&bytes).map_err(Some)
}

/// A state file's contents, or what is wrong with them.
pub fn parse(bytes: &[u8]) -> Result<StateFile, String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("is not valid JSON ({e})"))?;
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => {
            return Err(format!(
                "is version {v}; this casebook reads version {VERSION}"
            ))
        }
        None => return Err("is not a casebook state file (no version)".to_string()),
    }
    let mut file: StateFile =
        serde_json::from_value(value).map_err(|e| format!("is not a casebook state file ({e})"))?;
    file.tidy();
    Ok(file)
}

/// Writes `file` to `path` atomically: into a temporary file beside it, then renamed
/// over it. The folder is made when missing.
pub fn save(path: &Path, file: &StateFile) -> std::io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(folder) = folder {
        std::fs::create_dir_all(folder)?;
    }
    let mut text = serde_json::to_vec_pretty(file).map_err(std::io::Error::other)?;
    text.push(b'\n');
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state.json".into());
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        // Queries are as private as a shell's history: readable by the user alone.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut out = options.open(&temporary)?;
        out.write_all(&text)?;
        out.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// Saves `memory` for collection `key` into the file at `path`, keeping what the file
/// holds for other collections (and another window's queries). A file that cannot be
/// used is replaced.
pub fn save_memory(path: &Path, key: &str, memory: &Memory) -> std::io::Result<()> {
    let mut file = read(path).unwrap_or_default();
    file.store(key, memory);
    save(path, &file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory() -> Memory {
        Memory {
            history: vec!["샌디에고".into(), "toyota".into()],
            recent: vec!["daedeok".into(), "ulsan".into()],
            place: Some(Place {
                view: ViewName::Compare,
                pane: "cases".into(),
                item: Some("daedeok".into()),
                filter: FilterMemory {
                    status: vec!["emerging".into()],
                    ..FilterMemory::default()
                },
                compared: vec!["daedeok".into(), "san-diego".into()],
                lang: Some(Lang::En),
                ..Place::default()
            }),
        }
    }

    #[test]
    fn a_saved_memory_reads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/state.json");
        save_memory(&path, BUILT_IN, &memory()).unwrap();
        let loaded = load(&path);
        assert_eq!(loaded.problem, None);
        assert_eq!(loaded.file.memory_for(BUILT_IN), memory());
        // Another collection has its own recent items and place, and the same history.
        let other = loaded.file.memory_for("folder:/elsewhere");
        assert_eq!(other.history, memory().history);
        assert!(other.recent.is_empty() && other.place.is_none());
    }

    #[test]
    fn saving_keeps_other_collections_and_puts_the_newest_history_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        save_memory(&path, "folder:/a", &memory()).unwrap();
        let mine = Memory {
            history: vec!["brenta".into(), "toyota".into()],
            ..Memory::default()
        };
        save_memory(&path, BUILT_IN, &mine).unwrap();
        let file = load(&path).file;
        assert_eq!(file.history, ["brenta", "toyota", "샌디에고"]);
        assert_eq!(file.memory_for("folder:/a").recent, memory().recent);
        assert_eq!(file.collections[0].collection, BUILT_IN);
    }

    #[test]
    fn lists_are_capped_deduplicated_and_queries_cleaned() {
        let mut file = StateFile::default();
        let many = Memory {
            history: (0..300)
                .map(|n| format!("q{}\u{1b}[31m\n", n % 150))
                .chain(["x".repeat(500)])
                .collect(),
            recent: (0..100).map(|n| format!("id{}", n % 40)).collect(),
            place: None,
        };
        file.store(BUILT_IN, &many);
        assert_eq!(file.history.len(), MAX_HISTORY);
        assert_eq!(file.history[0], "q0[31m");
        assert!(file
            .history
            .iter()
            .all(|q| !q.chars().any(char::is_control)));
        assert_eq!(file.collections[0].recent.len(), MAX_RECENT);
        let mut long = StateFile::default();
        long.store(
            BUILT_IN,
            &Memory {
                history: vec!["가".repeat(500)],
                ..Memory::default()
            },
        );
        assert_eq!(long.history[0].chars().count(), MAX_QUERY_CHARS);
        for n in 0..40 {
            file.store(&format!("folder:/{n}"), &Memory::default());
        }
        assert_eq!(file.collections.len(), MAX_COLLECTIONS);
        assert_eq!(file.collections[0].collection, "folder:/39");
    }

    fn problem_with(bytes: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, bytes).unwrap();
        let loaded = load(&path);
        assert_eq!(loaded.file, StateFile::default(), "a bad file is ignored");
        loaded.problem.expect("a bad file is reported")
    }

    #[test]
    fn damaged_truncated_and_foreign_files_are_ignored_with_a_reason() {
        let whole = serde_json::to_vec(&{
            let mut f = StateFile::default();
            f.store(BUILT_IN, &memory());
            f
        })
        .unwrap();
        let cut = &whole[..whole.len() / 2];
        assert!(problem_with(cut).contains("not valid JSON"));
        assert!(problem_with(b"\xff\xfe garbage").contains("not valid JSON"));
        assert!(problem_with(br#"{"version": 2, "history": []}"#).contains("version 2"));
        assert!(problem_with(br#"{"theme": "dark"}"#).contains("no version"));
        assert!(problem_with(br#"[1, 2, 3]"#).contains("no version"));
        let wrong_shape = br#"{"version": 1, "history": "not a list"}"#;
        assert!(problem_with(wrong_shape).contains("not a casebook state file"));
        let problem = problem_with(br#"{"version": 1, "history": [1]} "#);
        assert!(!problem.contains('\n'), "{problem:?}");
    }

    #[test]
    fn a_huge_file_is_refused_without_reading_it_whole() {
        let problem = problem_with(&vec![b' '; MAX_STATE_BYTES as usize + 1]);
        assert!(
            problem.contains("more than a state file ever holds"),
            "{problem}"
        );
    }

    #[test]
    fn a_missing_file_is_an_empty_memory_without_a_word() {
        let loaded = load(Path::new("/nonexistent/casebook/state.json"));
        assert_eq!(loaded.problem, None);
        assert_eq!(loaded.file.memory_for(BUILT_IN), Memory::default());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_and_replaced_on_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        let loaded = load(&path);
        assert!(loaded.problem.unwrap().contains("FIFO"));
        save_memory(&path, BUILT_IN, &memory()).unwrap();
        assert_eq!(load(&path).file.memory_for(BUILT_IN), memory());
    }

    #[test]
    fn a_folder_that_cannot_be_made_fails_the_save_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "not a folder").unwrap();
        let path = blocker.join("casebook/state.json");
        assert!(save_memory(&path, BUILT_IN, &memory()).is_err());
        assert_eq!(load(&path).file, StateFile::default());
        // No temporary file is left beside the one that could not be written.
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }

    #[test]
    fn the_environment_names_the_file_else_the_platform_place() {
        assert_eq!(
            path_from(Some("/tmp/s.json".into())),
            Some(PathBuf::from("/tmp/s.json"))
        );
        if let Some(p) = path_from(None) {
            assert!(p.ends_with("casebook/state.json") || p.ends_with("state.json"));
        }
        assert_eq!(collection_key(None), BUILT_IN);
        assert!(collection_key(Some(Path::new("/nonexistent/x"))).starts_with("folder:"));
    }
}
