//! A collection on disk kept in memory file by file, so that loading it again after an
//! edit parses only the files that changed.
//!
//! [`Incremental`] remembers, for every file the walk found, what its parse gave (the
//! items before linking, what was said about them, or why it was refused) and a stamp
//! of the file (size, modification and change times, inode). [`Incremental::load`]
//! walks the folder again (cheap: names and metadata only), parses again only the files
//! that are new, whose stamp differs, or that the caller names as touched (live reload
//! passes the paths its events named, which covers a rewrite within one tick of the
//! clock), forgets the files that are gone, and links the whole collection again —
//! links cross files, so one edit can mend or break a link anywhere. The items kept are
//! those before linking: a link dropped because its target was missing comes back when
//! the target does.
//!
//! As with [`super::reload_collection`], a file (or catalog entry) that now fails keeps
//! its last good items, and its error is reported until it is fixed.
//!
//! Depends on [`super::discover`] (the walk), [`super::read`], [`super::parse`] and what
//! [`super`] puts together (`collect_results`, the walk's problems); of the crate, on
//! `model` only.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

use super::discover::find_yaml_files;
use super::parse::{parse_source, ParsedFile, Refused};
use super::read::read_source;
use super::{check_collection_dir, collect_results, with_walk_problems, CollectionError, Loaded};
use crate::model::Item;

/// What is known of a file without reading it; a file whose stamp is unchanged is not
/// parsed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// Change time and inode (Unix): a file replaced by `rename` (as most editors save)
    /// or rewritten with the same size and modification time still differs here.
    changed: (i64, i64),
    inode: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            ((meta.ctime(), meta.ctime_nsec()), meta.ino())
        };
        #[cfg(not(unix))]
        let (changed, inode) = ((0, 0), 0);
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            changed,
            inode,
        })
    }
}

/// One file as last parsed.
struct Cached {
    stamp: Option<Stamp>,
    parsed: Parsed,
}

enum Parsed {
    /// It loaded; its items include the last good version of any catalog entry that
    /// now fails.
    Good(ParsedFile),
    /// It was refused; `kept` is its last good items (empty when it never loaded).
    Refused { refused: Refused, kept: Vec<Item> },
}

/// How much of the collection a load parsed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReloadCounts {
    /// Files the walk found.
    pub files: usize,
    /// Files read and parsed by this load (all of them the first time).
    pub parsed: usize,
    /// Files that were there last time and are gone.
    pub removed: usize,
}

/// A collection directory, loaded file by file and kept between loads.
pub struct Incremental {
    dir: PathBuf,
    files: HashMap<PathBuf, Cached>,
    /// What the last walk said about the folder itself (unreadable folders, links not
    /// followed, limits): a change there is a change of the collection too.
    walk_problems: Option<Vec<super::Diagnostic>>,
}

impl Incremental {
    /// Nothing loaded yet: the first [`Incremental::load`] parses every file.
    pub fn new(dir: &Path) -> Incremental {
        Incremental {
            dir: dir.to_path_buf(),
            files: HashMap::new(),
            walk_problems: None,
        }
    }

    /// The collection directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Loads the collection as it is on disk now, parsing only the files that are new,
    /// whose stamp changed, or that are in `touched` (paths as the walk names them:
    /// the collection directory joined with the path inside it).
    pub fn load(
        &mut self,
        touched: &HashSet<PathBuf>,
    ) -> Result<(Loaded, ReloadCounts), CollectionError> {
        self.load_if_changed(touched, true)
            .map(|loaded| loaded.expect("always loads"))
    }

    /// [`Incremental::load`], or `None` (and no linking) when nothing is different
    /// from the last load: no file new, gone, changed or touched, and the walk found
    /// the same problems. `always` loads in any case.
    pub fn load_if_changed(
        &mut self,
        touched: &HashSet<PathBuf>,
        always: bool,
    ) -> Result<Option<(Loaded, ReloadCounts)>, CollectionError> {
        check_collection_dir(&self.dir)?;
        let (paths, early) = find_yaml_files(&self.dir);
        let stamps: Vec<Option<Stamp>> = paths.par_iter().map(|p| Stamp::of(p)).collect();
        let stale: Vec<usize> = (0..paths.len())
            .filter(|&i| {
                let path = &paths[i];
                touched.contains(path)
                    || self
                        .files
                        .get(path)
                        .is_none_or(|cached| cached.stamp.is_none() || cached.stamp != stamps[i])
            })
            .collect();
        // Each file is read, parsed and its text dropped on one thread (see
        // `reload_collection`).
        let fresh: Vec<(usize, Result<ParsedFile, Refused>)> = stale
            .par_iter()
            .map(|&i| {
                let file = read_source(&paths[i]);
                let parsed = parse_source(&file).map(|mut parsed| {
                    parsed.text = None;
                    parsed
                });
                (i, parsed)
            })
            .collect();
        let counts = ReloadCounts {
            files: paths.len(),
            parsed: fresh.len(),
            removed: {
                let now: HashSet<&PathBuf> = paths.iter().collect();
                self.files.keys().filter(|p| !now.contains(p)).count()
            },
        };
        let same_walk = self.walk_problems.as_ref() == Some(&early);
        if !always && counts.parsed == 0 && counts.removed == 0 && same_walk {
            return Ok(None);
        }
        self.walk_problems = Some(early.clone());
        let mut previous = std::mem::take(&mut self.files);
        let mut fresh = fresh.into_iter().peekable();
        for (i, path) in paths.iter().enumerate() {
            let old = previous.remove(path);
            let parsed = match fresh.next_if(|(n, _)| *n == i) {
                Some((_, result)) => settle(result, old.map(|c| c.parsed)),
                None => match old {
                    Some(cached) => cached.parsed,
                    // Not stale means cached; kept for the type's sake.
                    None => continue,
                },
            };
            self.files.insert(
                path.clone(),
                Cached {
                    stamp: stamps[i],
                    parsed,
                },
            );
        }
        let results = paths
            .iter()
            .filter_map(|path| self.files.get(path))
            .map(|cached| match &cached.parsed {
                Parsed::Good(file) => Ok(file.clone()),
                Parsed::Refused { refused, .. } => Err(refused.clone()),
            })
            .collect();
        let files = &self.files;
        let last_good = |path: &str| -> Vec<Item> {
            match files.get(Path::new(path)).map(|c| &c.parsed) {
                Some(Parsed::Refused { kept, .. }) => kept.clone(),
                _ => Vec::new(),
            }
        };
        let loaded = with_walk_problems(collect_results(results, &last_good), early);
        Ok(Some((loaded, counts)))
    }
}

/// A file's new parse, with its last good items carried over where it now fails: the
/// whole file's when it is refused, an entry's when that entry is left out.
fn settle(result: Result<ParsedFile, Refused>, old: Option<Parsed>) -> Parsed {
    let old_good = |old: Option<Parsed>| match old {
        Some(Parsed::Good(file)) => file.items,
        Some(Parsed::Refused { kept, .. }) => kept,
        None => Vec::new(),
    };
    match result {
        Ok(mut file) => {
            if !file.left_out.is_empty() {
                let mut good = old_good(old);
                let mut still_out = Vec::new();
                for id in std::mem::take(&mut file.left_out) {
                    match good.iter().position(|i| i.id == id) {
                        Some(at) => file.items.push(good.swap_remove(at)),
                        None => still_out.push(id),
                    }
                }
                file.left_out = still_out;
            }
            Parsed::Good(file)
        }
        Err(refused) => Parsed::Refused {
            refused,
            kept: old_good(old),
        },
    }
}
