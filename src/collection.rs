//! Opening a collection (temporary stand-in; replaced by the collection module of the
//! cli-render branch).

use std::path::Path;
use std::sync::Arc;

use crate::index::Index;
use crate::load::CollectionError;
use crate::model::Kind;
use crate::search::{Field, SearchIndex, Searcher};

pub struct Collection {
    pub index: Arc<Index>,
    pub search: Arc<SearchIndex>,
}

pub fn open_index(cases: Option<&Path>) -> Result<Index, CollectionError> {
    let loaded = match cases {
        Some(dir) => crate::load::load_collection(dir)?,
        None => crate::load::load_shipped(),
    };
    Ok(Index::build(loaded))
}

pub fn open(cases: Option<&Path>) -> Result<Collection, CollectionError> {
    let index = open_index(cases)?;
    let search = crate::corpus::build_search_index(&index);
    Ok(Collection {
        index: Arc::new(index),
        search: Arc::new(search),
    })
}

pub fn reopen(dir: &Path, previous: &Index) -> Result<Collection, CollectionError> {
    let loaded = crate::load::reload_collection(dir, previous.items())?;
    let index = Index::build(loaded);
    let search = crate::corpus::build_search_index(&index);
    Ok(Collection {
        index: Arc::new(index),
        search: Arc::new(search),
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemHit {
    pub item: usize,
    pub kind: Kind,
    pub field: Field,
    pub text: String,
    pub indices: Vec<usize>,
}

pub fn search_items(
    index: &Index,
    searcher: &mut Searcher<'_>,
    query: &str,
    limit: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<(Vec<ItemHit>, usize)> {
    let results = searcher.search(query, limit, cancelled)?;
    let search_index = searcher.index();
    let rows = results
        .hits
        .into_iter()
        .filter_map(|hit| {
            let item = index.position(search_index.id(hit.doc)?)?;
            let text = search_index
                .field(hit.doc, hit.field_index)
                .map(|(_, text)| text.into_owned())
                .unwrap_or_default();
            Some(ItemHit {
                item,
                kind: hit.kind,
                field: hit.field,
                text,
                indices: hit.indices,
            })
        })
        .collect();
    Some((rows, results.total))
}
