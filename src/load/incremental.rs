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
//! The first load can be streamed ([`Incremental::load_streaming`]): files are parsed
//! a chunk at a time and what has arrived is reported after each chunk ([`Streamed`]),
//! unlinked, so that the explorer can show cases before the last file is read; the
//! load then ends exactly as [`Incremental::load`] does.
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
            .map(|&i| (i, parse_path(&paths[i])))
            .collect();
        let counts = ReloadCounts {
            files: paths.len(),
            parsed: fresh.len(),
            removed: self.gone(&paths),
        };
        let same_walk = self.walk_problems.as_ref() == Some(&early);
        if !always && counts.parsed == 0 && counts.removed == 0 && same_walk {
            return Ok(None);
        }
        let loaded = self.absorb(&paths, &stamps, early, fresh);
        Ok(Some((loaded, counts)))
    }

    /// The first load, streamed: the walk, then every file read and parsed in
    /// [`STREAM_CHUNK`]s (the first one [`FIRST_CHUNK`]; the type catalog first, see
    /// [`read_order`]), with `report` called
    /// before the first file and after each chunk with what has arrived; then, as
    /// [`Incremental::load`] does, everything linked. What is kept between loads is the
    /// same as after [`Incremental::load`], so a reload afterwards parses only what
    /// changed.
    pub fn load_streaming(
        &mut self,
        report: &mut dyn FnMut(&Streamed<'_>),
    ) -> Result<(Loaded, ReloadCounts), CollectionError> {
        check_collection_dir(&self.dir)?;
        let (paths, early) = find_yaml_files(&self.dir);
        let mut stamps: Vec<Option<Stamp>> = vec![None; paths.len()];
        let mut fresh: Vec<(usize, Result<ParsedFile, Refused>)> = Vec::with_capacity(paths.len());
        report(&Streamed {
            total: paths.len(),
            parsed: &fresh,
        });
        let order = read_order(&self.dir, &paths);
        let (first, rest) = order.split_at(order.len().min(FIRST_CHUNK));
        // Each file's stamp is taken before it is read, as `load_if_changed` does, so a
        // write during the load is seen by the next one.
        let parse = |i: usize| (i, Stamp::of(&paths[i]), parse_path(&paths[i]));
        // The first chunk whole (the type catalog is in it: the rows it gives are in
        // their places), then the rest as it comes: the thread pool takes the files in
        // order and never waits for this thread, which reports every `STREAM_CHUNK`.
        let parsed: Vec<_> = first.par_iter().map(|&i| parse(i)).collect();
        for (i, stamp, result) in parsed {
            stamps[i] = stamp;
            fresh.push((i, result));
        }
        report(&Streamed {
            total: paths.len(),
            parsed: &fresh,
        });
        let (sender, arrivals) = std::sync::mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                rest.iter()
                    .copied()
                    .par_bridge()
                    .for_each_with(sender, |sender, i| {
                        let _ = sender.send(parse(i));
                    })
            });
            for (i, stamp, result) in arrivals {
                stamps[i] = stamp;
                fresh.push((i, result));
                if fresh.len() % STREAM_CHUNK == 0 || fresh.len() == paths.len() {
                    report(&Streamed {
                        total: paths.len(),
                        parsed: &fresh,
                    });
                }
            }
        });
        fresh.sort_by_key(|(i, _)| *i);
        let counts = ReloadCounts {
            files: paths.len(),
            parsed: fresh.len(),
            removed: self.gone(&paths),
        };
        let loaded = self.absorb(&paths, &stamps, early, fresh);
        Ok((loaded, counts))
    }

    /// How many files kept from the last load are not among `paths`.
    fn gone(&self, paths: &[PathBuf]) -> usize {
        let now: HashSet<&PathBuf> = paths.iter().collect();
        self.files.keys().filter(|p| !now.contains(p)).count()
    }

    /// Keeps the files of a walk (`paths` with their `stamps`), with the new parses in
    /// `fresh` (by position in `paths`, in order) in place of what was kept of them,
    /// forgets the files that are gone, and links the whole collection.
    fn absorb(
        &mut self,
        paths: &[PathBuf],
        stamps: &[Option<Stamp>],
        early: Vec<super::Diagnostic>,
        fresh: Vec<(usize, Result<ParsedFile, Refused>)>,
    ) -> Loaded {
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
        // A copy of every file's items for linking (the kept ones stay for the next
        // reload): made on every core, since at 10k cases it is a quarter of a second
        // between the last file parsed and the collection on screen.
        let results = paths
            .par_iter()
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
        with_walk_problems(collect_results(results, &last_good), early)
    }
}

/// How many files a streamed load parses between two reports (the pool goes on
/// parsing meanwhile): on two cores, a few milliseconds' worth.
pub const STREAM_CHUNK: usize = 32;

/// The first chunk is smaller, so the first rows are on screen sooner: the type
/// catalog and the first cases (see [`read_order`]).
pub const FIRST_CHUNK: usize = 12;

/// What a streamed load has read so far: how many files there are in all, and each
/// file parsed (before linking), in the order read.
pub struct Streamed<'a> {
    pub total: usize,
    parsed: &'a [(usize, Result<ParsedFile, Refused>)],
}

impl Streamed<'_> {
    /// How many files have been read and parsed.
    pub fn read(&self) -> usize {
        self.parsed.len()
    }

    /// The items of the files parsed so far, in the order read, before linking: links
    /// may still point at items not read yet, and an id repeated across files is not
    /// yet reported. Each call gives the items of the last one followed by the new ones.
    pub fn items(&self) -> Vec<Item> {
        self.parsed
            .iter()
            .filter_map(|(_, result)| result.as_ref().ok())
            .flat_map(|file| file.items.iter().cloned())
            .collect()
    }

    /// How many items [`Streamed::items`] would give, without cloning them.
    pub fn item_count(&self) -> usize {
        self.parsed
            .iter()
            .filter_map(|(_, result)| result.as_ref().ok())
            .map(|file| file.items.len())
            .sum()
    }
}

/// The order a streamed load reads the files of `dir` in, as positions in `paths`,
/// by the names of the built-in layout (also the synthetic collections' and the one the
/// documentation describes): the type catalog (`types.yaml` in a folder named
/// `catalog`) and the first cases, so that the first chunk is small and its rows are
/// in their places; then the other catalogs, then the other cases, each in path order.
///
/// The case list is sorted by the cluster types of the type catalog, so with it in
/// first, cases arriving later fall into their final places and the rows already shown
/// do not reorder; the other catalogs give the names of what the cases link to. A
/// collection laid out otherwise loads all the same, only its list may be sorted again
/// when its type catalog arrives.
fn read_order(dir: &Path, paths: &[PathBuf]) -> Vec<usize> {
    let in_catalog_folder = |path: &Path| {
        path.strip_prefix(dir).ok().is_some_and(|relative| {
            relative
                .parent()
                .is_some_and(|folder| folder.components().any(|c| c.as_os_str() == "catalog"))
        })
    };
    let is_types = |path: &Path| {
        path.file_stem().is_some_and(|stem| stem == "types") && in_catalog_folder(path)
    };
    let (types, rest): (Vec<usize>, Vec<usize>) =
        (0..paths.len()).partition(|&i| is_types(&paths[i]));
    let (catalogs, cases): (Vec<usize>, Vec<usize>) = rest
        .into_iter()
        .partition(|&i| in_catalog_folder(&paths[i]));
    let early = cases.len().min(FIRST_CHUNK.saturating_sub(types.len()));
    let mut order = types;
    order.extend_from_slice(&cases[..early]);
    order.extend(catalogs);
    order.extend_from_slice(&cases[early..]);
    order
}

/// One file read and parsed, its text dropped (see `reload_collection`).
fn parse_path(path: &Path) -> Result<ParsedFile, Refused> {
    let file = read_source(path);
    parse_source(&file).map(|mut parsed| {
        parsed.text = None;
        parsed
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_catalog_and_the_first_cases_are_read_first_then_the_other_catalogs() {
        let dir = Path::new("/c");
        let mut paths: Vec<PathBuf> = [
            "catalog/factors.yaml",
            "catalog/types.yaml",
            "notes/types.yaml",
        ]
        .iter()
        .map(|p| dir.join(p))
        .collect();
        paths.extend((0..20).map(|n| dir.join(format!("cases/case-{n:02}.yaml"))));
        // As the walk gives them.
        paths.sort();
        let order = read_order(dir, &paths);
        let names: Vec<String> = order
            .iter()
            .map(|&i| paths[i].strip_prefix(dir).unwrap().display().to_string())
            .collect();
        assert_eq!(names[0], "catalog/types.yaml");
        assert_eq!(names[1], "cases/case-00.yaml");
        assert_eq!(
            names[FIRST_CHUNK - 1],
            format!("cases/case-{:02}.yaml", FIRST_CHUNK - 2)
        );
        assert_eq!(names[FIRST_CHUNK], "catalog/factors.yaml");
        // Not a catalog folder: read as a case file, in path order.
        let notes = names.iter().position(|n| n == "notes/types.yaml").unwrap();
        assert_eq!(notes, names.len() - 1);
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            (0..paths.len()).collect::<Vec<_>>(),
            "every file once"
        );
    }
}
