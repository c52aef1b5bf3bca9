//! Opening a collection: the one setup shared by the explorer, the command line, the
//! benchmarks and the examples, so they all load the same way.
//!
//! A collection is a directory of YAML files, or the built-in cases when none is given.
//! [`open_index`] loads it into an [`Index`] (all the panes and most commands need);
//! [`open`] also builds the [`SearchIndex`]; [`reopen`] loads a directory again after an
//! edit, keeping the last good items of any file that now fails; a [`Reloader`] does the
//! same for live reload, parsing only the files that changed, and its first load can be
//! streamed ([`Reloader::open_streaming`], with a [`partial_index`] of what has arrived). [`search_items`] runs a
//! query and turns its hits into items, for the explorer's results; [`find`] also rescues
//! a query typed with the Korean keyboard in the wrong mode (`eoejr` for 대덕, `새ㅛㅐㅅㅁ`
//! for `toyota`) when it finds nothing as typed, for `casebook search`.
//!
//! Depends on `load`, `index`, `corpus`, `search`, `keyboard` and `text`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::index::Index;
use crate::keyboard;
pub use crate::load::CollectionError;
use crate::load::{Incremental, ReloadCounts, Streamed};
use crate::model::Kind;
use crate::search::{Field, SearchIndex, Searcher};

/// A loaded collection with both indexes, ready to browse and search.
pub struct Collection {
    pub index: Arc<Index>,
    pub search: Arc<SearchIndex>,
}

impl Collection {
    /// The collection of an index already built: builds its search index.
    pub fn new(index: Index) -> Collection {
        let search = search_index(&index);
        Collection {
            index: Arc::new(index),
            search: Arc::new(search),
        }
    }
}

/// Loads a collection directory, or the built-in cases for `None`, into an item index.
pub fn open_index(cases: Option<&Path>) -> Result<Index, CollectionError> {
    let loaded = match cases {
        Some(dir) => crate::load::load_collection(dir)?,
        None => crate::load::load_shipped(),
    };
    Ok(Index::build(loaded))
}

/// Loads a collection (`None`: the built-in cases) and builds both indexes.
pub fn open(cases: Option<&Path>) -> Result<Collection, CollectionError> {
    open_index(cases).map(Collection::new)
}

/// Loads `dir` again after an edit: a file that now fails keeps its items from
/// `previous` (see [`crate::load::reload_collection`]); then builds both indexes.
pub fn reopen(dir: &Path, previous: &Index) -> Result<Collection, CollectionError> {
    let loaded = crate::load::reload_collection(dir, previous.items())?;
    Ok(Collection::new(Index::build(loaded)))
}

/// A collection directory kept file by file between loads (see
/// [`crate::load::Incremental`]): the first load parses every file, each reload only the
/// files that changed, then links and indexes everything again.
pub struct Reloader {
    files: Incremental,
}

/// What a reload did and what each step cost.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReloadReport {
    pub counts: ReloadCounts,
    /// Walking the folder, parsing the changed files, linking everything.
    pub load: Duration,
    /// Building the item index.
    pub index: Duration,
    /// Building the search index.
    pub search: Duration,
}

impl Reloader {
    pub fn new(dir: &Path) -> Reloader {
        Reloader {
            files: Incremental::new(dir),
        }
    }

    pub fn dir(&self) -> &Path {
        self.files.dir()
    }

    /// The item index of the collection as it is on disk, parsing only what changed
    /// since the last call (everything the first time) and the paths in `touched`.
    pub fn open_index(
        &mut self,
        touched: &HashSet<PathBuf>,
    ) -> Result<(Index, ReloadReport), CollectionError> {
        self.index_if_changed(touched, true)
            .map(|index| index.expect("always loads"))
    }

    /// [`Reloader::open_index`], or `None` when nothing differs from the last load
    /// (see [`Incremental::load_if_changed`]); `always` builds the index in any case.
    pub fn index_if_changed(
        &mut self,
        touched: &HashSet<PathBuf>,
        always: bool,
    ) -> Result<Option<(Index, ReloadReport)>, CollectionError> {
        let start = Instant::now();
        let Some((loaded, counts)) = self.files.load_if_changed(touched, always)? else {
            return Ok(None);
        };
        let loaded_at = Instant::now();
        let index = Index::build(loaded);
        let report = ReloadReport {
            counts,
            load: loaded_at - start,
            index: loaded_at.elapsed(),
            search: Duration::ZERO,
        };
        Ok(Some((index, report)))
    }

    /// The first load, streamed (see [`Incremental::load_streaming`]): `report` is
    /// called before the first file is read and after each chunk, with what has arrived
    /// (see [`partial_index`]); then everything is linked and the item index built, as
    /// [`Reloader::open_index`] does.
    pub fn open_streaming(
        &mut self,
        report: &mut dyn FnMut(&Streamed<'_>),
    ) -> Result<(Index, ReloadReport), CollectionError> {
        let start = Instant::now();
        let (loaded, counts) = self.files.load_streaming(report)?;
        let loaded_at = Instant::now();
        let index = Index::build(loaded);
        let report = ReloadReport {
            counts,
            load: loaded_at - start,
            index: loaded_at.elapsed(),
            search: Duration::ZERO,
        };
        Ok((index, report))
    }

    /// [`Reloader::open_index`], and the search index.
    pub fn reload(
        &mut self,
        touched: &HashSet<PathBuf>,
    ) -> Result<(Collection, ReloadReport), CollectionError> {
        let (index, mut report) = self.open_index(touched)?;
        let start = Instant::now();
        let collection = Collection::new(index);
        report.search = start.elapsed();
        Ok((collection, report))
    }
}

/// An item index of what a streamed load has read so far, for the explorer to show
/// while the rest arrives: the items in the order read, not yet linked (a link to an
/// item not read yet shows as its id), and no load problems (they come with the whole
/// collection). Each partial index holds the items of the one before at the same
/// positions, followed by the new ones.
pub fn partial_index(streamed: &Streamed<'_>) -> Index {
    Index::build(crate::load::Loaded {
        items: streamed.items(),
        diagnostics: Vec::new(),
        files: streamed.read(),
        skipped_files: Vec::new(),
    })
}

/// The search index of an item index: one document per item.
pub fn search_index(index: &Index) -> SearchIndex {
    crate::corpus::build_search_index(index)
}

/// One search hit as an item: its position, the field that matched and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemHit {
    pub item: usize,
    pub kind: Kind,
    pub field: Field,
    pub text: String,
    /// Char indices into `text` of the matched characters.
    pub indices: Vec<usize>,
}

/// A search's answer: the hits, how many match in all, the spellings one edit away that
/// were searched for a term found nowhere as typed, and — when the query as typed found
/// nothing and a 두벌식 conversion of it did — the converted query that was used.
/// The hits are [`ItemHit`]s ([`find`]) or, with their ranking scores, `(ItemHit, i64)`
/// ([`find_scored`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<H = ItemHit> {
    pub hits: Vec<H>,
    pub total: usize,
    /// See [`crate::search::SearchResults::corrected`].
    pub corrected: Vec<String>,
    pub converted: Option<String>,
    /// `kind:`/`field:` filters of the query that name nothing (`kind:cas3`), as typed.
    pub unknown_filters: Vec<String>,
}

impl<H> Default for Found<H> {
    fn default() -> Self {
        Found {
            hits: Vec::new(),
            total: 0,
            corrected: Vec::new(),
            converted: None,
            unknown_filters: Vec::new(),
        }
    }
}

/// Runs `query` and returns at most `limit` hits as items, best first, with the number of
/// matches. When the query as typed matches nothing (or only through spellings one edit
/// away), tries it as typed with the keyboard in the wrong mode — Latin keys meant as Hangul ([`keyboard::hangul_from_latin`]), then
/// Hangul meant as Latin ([`keyboard::latin_from_hangul`]) — and returns the first that
/// matches as typed, with `converted` set to it (see [`wrong_mode_conversions`]). `None`
/// when `cancelled` said stop.
pub fn find(
    index: &Index,
    searcher: &mut Searcher<'_>,
    query: &str,
    limit: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Found> {
    let found = find_scored(index, searcher, query, limit, cancelled)?;
    Some(Found {
        hits: found.hits.into_iter().map(|(hit, _)| hit).collect(),
        total: found.total,
        corrected: found.corrected,
        converted: found.converted,
        unknown_filters: found.unknown_filters,
    })
}

/// [`find`] with each hit's ranking score, which `casebook search --json` reports.
pub fn find_scored(
    index: &Index,
    searcher: &mut Searcher<'_>,
    query: &str,
    limit: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Found<(ItemHit, i64)>> {
    let mut found = search_items_scored(index, searcher, query, limit, cancelled)?;
    found.unknown_filters = crate::search::parse_query(query).unknown_filters().to_vec();
    // A near spelling is a guess; a query typed in the wrong mode that matches as
    // converted is what was meant (`eoejr` is 대덕, not a word one edit from "eoe…").
    if found.total == 0 || !found.corrected.is_empty() {
        for converted in wrong_mode_conversions(query) {
            let rescued = search_items_scored(index, searcher, &converted, limit, cancelled)?;
            if rescued.total > 0 && rescued.corrected.is_empty() {
                found = Found {
                    converted: Some(converted),
                    unknown_filters: found.unknown_filters,
                    ..rescued
                };
                break;
            }
        }
    }
    Some(found)
}

/// What `query` would have been with the keyboard in the other mode, in the order [`find`]
/// tries them: its Latin terms as Hangul, then its Hangul terms as Latin; each only when
/// it differs from `query`. Only search terms are converted, word by word: a word with a
/// `:` (a filter such as `kind:case`, or one being typed) and the operators around a
/// term (`!`, `'`, `^`, `$`) are kept as typed, and so is the space between words.
pub fn wrong_mode_conversions(query: &str) -> Vec<String> {
    let query = crate::text::nfc(query);
    [keyboard::hangul_from_latin, keyboard::latin_from_hangul]
        .into_iter()
        .filter_map(|convert| convert_terms(&query, convert))
        .collect()
}

/// `query` with the text of each search term passed through `convert` (a term it gives
/// `None` for is kept); `None` when nothing changes.
fn convert_terms(query: &str, convert: fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::with_capacity(query.len() * 3);
    for piece in query.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end_matches(char::is_whitespace);
        let space = &piece[word.len()..];
        if word.contains(':') {
            out.push_str(word);
        } else {
            let negated = if word.starts_with('!') { 1 } else { 0 };
            let anchored = match word[negated..].chars().next() {
                Some('\'' | '^') => 1,
                _ => 0,
            };
            let (operators, rest) = word.split_at(negated + anchored);
            let (text, suffix) = match rest.strip_suffix('$') {
                Some(text) => (text, "$"),
                None => (rest, ""),
            };
            out.push_str(operators);
            match convert(text) {
                Some(converted) => out.push_str(&converted),
                None => out.push_str(text),
            }
            out.push_str(suffix);
        }
        out.push_str(space);
    }
    (out != query).then_some(out)
}

/// Runs `query` as typed and returns at most `limit` hits as items, best first, with the
/// number of matches; `None` when `cancelled` said stop. [`find`] also tries the query
/// as typed in the wrong keyboard mode.
pub fn search_items(
    index: &Index,
    searcher: &mut Searcher<'_>,
    query: &str,
    limit: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<(Vec<ItemHit>, usize)> {
    let found = search_items_scored(index, searcher, query, limit, cancelled)?;
    Some((
        found.hits.into_iter().map(|(hit, _)| hit).collect(),
        found.total,
    ))
}

/// [`search_items`] with each hit's ranking score, which `casebook search --json` reports.
pub fn search_items_scored(
    index: &Index,
    searcher: &mut Searcher<'_>,
    query: &str,
    limit: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Found<(ItemHit, i64)>> {
    let results = searcher.search(query, limit, cancelled)?;
    let search_index = searcher.index();
    let hits = results
        .hits
        .into_iter()
        .filter_map(|hit| {
            let item = index.position(search_index.id(hit.doc)?)?;
            let text = search_index
                .field(hit.doc, hit.field_index)
                .map(|(_, text)| text.into_owned())
                .unwrap_or_default();
            let score = hit.score;
            Some((
                ItemHit {
                    item,
                    kind: hit.kind,
                    field: hit.field,
                    text,
                    indices: hit.indices,
                },
                score,
            ))
        })
        .collect();
    Some(Found {
        hits,
        total: results.total,
        corrected: results.corrected,
        converted: None,
        unknown_filters: Vec::new(),
    })
}
