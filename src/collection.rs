//! Opening a collection: the one setup shared by the explorer, the command line, the
//! benchmarks and the examples, so they all load the same way.
//!
//! A collection is a directory of YAML files, or the built-in cases when none is given.
//! [`open_index`] loads it into an [`Index`] (all the panes and most commands need);
//! [`open`] also builds the [`SearchIndex`]; [`reopen`] loads a directory again after an
//! edit, keeping the last good items of any file that now fails. [`search_items`] runs a
//! query and turns its hits into items, for the explorer's results and `casebook search`.
//!
//! Depends on `load`, `index`, `corpus` and `search`.

use std::path::Path;
use std::sync::Arc;

use crate::index::Index;
pub use crate::load::CollectionError;
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

/// Runs `query` and returns at most `limit` hits as items, best first, with the number
/// of matches; `None` when `cancelled` said stop.
pub fn search_items(
    index: &Index,
    searcher: &mut Searcher<'_>,
    query: &str,
    limit: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<(Vec<ItemHit>, usize)> {
    let (hits, total) = search_items_scored(index, searcher, query, limit, cancelled)?;
    Some((hits.into_iter().map(|(hit, _)| hit).collect(), total))
}

/// [`search_items`] with each hit's ranking score, which `casebook search --json` reports.
pub fn search_items_scored(
    index: &Index,
    searcher: &mut Searcher<'_>,
    query: &str,
    limit: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<(Vec<(ItemHit, i64)>, usize)> {
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
    Some((hits, results.total))
}
