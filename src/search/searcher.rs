//! Running a query over a [`SearchIndex`]: per-document evaluation in
//! parallel (rayon), ranking, top-`limit` selection, highlight indices for
//! the returned hits, cancellation, and reuse of the previous matches when a
//! query only narrows the previous one.
//!
//! Depends on `rayon` and the sibling `index`, `query`, `matcher`, `fold`
//! modules.

use std::cmp::Ordering;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};

use rayon::prelude::*;

use super::index::{PreparedDoc, SearchIndex};
use super::matcher::{self, Found, MatchClass};
use super::query::{Mode, Query, Term};
use super::{fold, parse_query, Field, Hit, SearchResults};

/// Documents evaluated between two polls of the cancellation callback, per
/// thread: about a millisecond of work at the heaviest.
const DOCS_PER_POLL: usize = 128;

/// No field: a document without any field, listed by a query without terms.
const NO_FIELD: u32 = u32::MAX;

/// Score weights: a title match outweighs any class, a class any fuzzy score.
const TITLE_WEIGHT: i64 = 100_000_000;
const CLASS_WEIGHT: i64 = 1_000_000;
const FUZZY_RANGE: i64 = CLASS_WEIGHT / 2;

/// The matches of the last completed search.
#[derive(Debug)]
struct Previous {
    query: Query,
    docs: Vec<u32>,
}

/// Keeps the previous query's matching documents so that a refined query
/// (one more keystroke) only looks at them.
#[derive(Debug)]
pub struct Searcher<'a> {
    index: &'a SearchIndex,
    previous: Option<Previous>,
}

/// A matching document before hits are built.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    doc: u32,
    score: i64,
    /// Position in `PreparedDoc::fields` of the reported field, or `NO_FIELD`.
    field: u32,
    order: u32,
}

fn best_first(a: &Candidate, b: &Candidate) -> Ordering {
    b.score.cmp(&a.score).then(a.order.cmp(&b.order))
}

/// What every document is checked against, prepared once per search.
struct Plan<'q> {
    query: &'q Query,
    /// Terms, most selective (longest) first so failing documents fail early.
    terms: Vec<&'q Term>,
    /// Union of the terms' masks: a document lacking any bit cannot match.
    mask: u64,
}

impl<'q> Plan<'q> {
    fn new(query: &'q Query) -> Self {
        let mut terms: Vec<&Term> = query.terms.iter().collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.units.len()));
        Plan {
            mask: terms.iter().fold(0, |mask, t| mask | t.mask),
            query,
            terms,
        }
    }
}

fn term_score(title: bool, class: MatchClass, fuzzy: i64) -> i64 {
    i64::from(title) * TITLE_WEIGHT
        + class as i64 * CLASS_WEIGHT
        + fuzzy.clamp(-FUZZY_RANGE, FUZZY_RANGE - 1)
        + FUZZY_RANGE
}

/// The term's best field in the document: (score, field position).
fn best_field(
    index: &SearchIndex,
    doc: &PreparedDoc,
    term: &Term,
    query: &Query,
) -> Option<(i64, usize)> {
    let mut best: Option<(bool, Found, usize)> = None;
    for (position, masks) in index.masks_of(doc).iter().enumerate() {
        if term.mask & !masks.chars != 0 {
            continue;
        }
        let contiguous_possible = term.pair_mask & !masks.pairs == 0;
        if !contiguous_possible && (term.mode != Mode::Fuzzy || best.is_some()) {
            // Only a scattered match could be here: none for a term that must
            // be contiguous, and no gain over the match at hand (which is in
            // this tier or a better one, titles coming first).
            continue;
        }
        let Some(field) = doc.fields.get(position) else {
            break;
        };
        if let Some((title, Found { class, .. }, _)) = best {
            // Fields are sorted titles first, so nothing later can beat a
            // title match or, within the same tier, an exact one.
            if (title && !field.is_title()) || class == MatchClass::Exact {
                break;
            }
        }
        if !query.allows_field(field.field) {
            continue;
        }
        let floor = best.map(|(_, found, _)| found.class);
        let text = doc.field_text(field);
        if let Some(found) = matcher::classify(
            text,
            field.char_len as usize,
            term,
            floor,
            contiguous_possible,
        ) {
            best = Some((field.is_title(), found, position));
        }
    }
    let (title, found, position) = best?;
    let text = doc.field_text(&doc.fields[position]);
    let fuzzy = matcher::fuzzy_score(&index.matcher, text, term, found);
    Some((term_score(title, found.class, fuzzy), position))
}

/// The field shown for a listing: the first name field in scope, else the
/// first field in scope, else the first name field, else the first field
/// (by `Document::fields` order).
fn listing_field(doc: &PreparedDoc, query: &Query) -> u32 {
    let first = |in_scope: bool, name: bool| {
        doc.fields
            .iter()
            .enumerate()
            .filter(|(_, f)| !in_scope || query.allows_field(f.field))
            .filter(|(_, f)| !name || f.field == Field::Name)
            .min_by_key(|(_, f)| f.source)
    };
    first(true, true)
        .or_else(|| first(true, false))
        .or_else(|| first(false, true))
        .or_else(|| first(false, false))
        .map_or(NO_FIELD, |(position, _)| position as u32)
}

fn evaluate(index: &SearchIndex, doc_id: u32, plan: &Plan<'_>) -> Option<Candidate> {
    let doc = index.prepared.get(doc_id as usize)?;
    let query = plan.query;
    if !query.allows_kind(doc.kind) || plan.mask & !doc.mask != 0 {
        return None;
    }
    if let Some(types) = &query.types {
        let type_id = doc.type_id.as_deref()?;
        if !types.iter().any(|t| type_id.contains(t.as_str())) {
            return None;
        }
    }
    let mut score = 0i64;
    let mut best: Option<(i64, usize)> = None;
    for term in &plan.terms {
        let (term_score, position) = best_field(index, doc, term, query)?;
        score = score.saturating_add(term_score);
        if best.is_none_or(|(top, _)| term_score > top) {
            best = Some((term_score, position));
        }
    }
    for negation in &query.negations {
        let excluded = doc
            .fields
            .iter()
            .zip(index.masks_of(doc))
            .any(|(f, masks)| {
                negation.mask & !masks.chars == 0
                    && negation.pair_mask & !masks.pairs == 0
                    && matcher::contains(doc.field_text(f), f.char_len as usize, negation)
            });
        if excluded {
            return None;
        }
    }
    Some(Candidate {
        doc: doc_id,
        score,
        field: best.map_or_else(
            || listing_field(doc, query),
            |(_, position)| position as u32,
        ),
        order: doc.order,
    })
}

fn build_hit(index: &SearchIndex, candidate: &Candidate, query: &Query) -> Hit {
    let doc_index = candidate.doc as usize;
    let document = &index.documents[doc_index];
    let prepared = &index.prepared[doc_index];
    let Some(field) = prepared.fields.get(candidate.field as usize) else {
        return Hit {
            doc: doc_index,
            kind: document.kind,
            field: Field::Name,
            field_index: usize::MAX,
            score: candidate.score,
            indices: Vec::new(),
        };
    };
    let source = field.source as usize;
    let mut indices = Vec::new();
    if !query.terms.is_empty() {
        let original = document.fields.get(source).map_or("", |f| f.text.as_str());
        let (folded, origin) = fold::fold_with_origin(original);
        for term in &query.terms {
            if let Some(positions) = matcher::highlight(&index.matcher, &folded, term) {
                indices.extend(positions.into_iter().filter_map(|p| origin.get(p).copied()));
            }
        }
        indices.sort_unstable();
        indices.dedup();
    }
    Hit {
        doc: doc_index,
        kind: document.kind,
        field: field.field,
        field_index: source,
        score: candidate.score,
        indices,
    }
}

impl<'a> Searcher<'a> {
    pub fn new(index: &'a SearchIndex) -> Self {
        Searcher {
            index,
            previous: None,
        }
    }

    /// The index searched.
    pub fn index(&self) -> &'a SearchIndex {
        self.index
    }

    /// Forgets the previous matches; the next search looks at every document.
    pub fn reset(&mut self) {
        self.previous = None;
    }

    /// Searches for `query` (see the module docs for the syntax). `None` when
    /// `cancelled()` became true during the search (polled every few hundred
    /// documents).
    pub fn search(
        &mut self,
        query: &str,
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<SearchResults> {
        self.search_query(parse_query(query), limit, cancelled)
    }

    /// Like [`Searcher::search`] with an already parsed query.
    pub fn search_query(
        &mut self,
        query: Query,
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<SearchResults> {
        let index = self.index;
        let previous = self.previous.take();
        let candidates: &[u32] = match &previous {
            Some(p) if query.narrows(&p.query) => &p.docs,
            _ => &index.all_docs,
        };
        let stop = AtomicBool::new(cancelled());
        let should_stop = || {
            if stop.load(AtomicOrdering::Relaxed) {
                return true;
            }
            let now = cancelled();
            if now {
                stop.store(true, AtomicOrdering::Relaxed);
            }
            now
        };
        let plan = Plan::new(&query);
        let per_chunk: Vec<Vec<Candidate>> = candidates
            .par_chunks(DOCS_PER_POLL)
            .map(|chunk| {
                if should_stop() {
                    return Vec::new();
                }
                chunk
                    .iter()
                    .filter_map(|&doc| evaluate(index, doc, &plan))
                    .collect()
            })
            .collect();
        if stop.load(AtomicOrdering::Relaxed) {
            // The previous matches still describe the previous query, and the
            // query that follows a cancelled one usually narrows it further.
            self.previous = previous;
            return None;
        }
        let mut matches: Vec<Candidate> = per_chunk.concat();
        let total = matches.len();
        self.previous = Some(Previous {
            docs: matches.iter().map(|c| c.doc).collect(),
            query: query.clone(),
        });

        if limit < matches.len() {
            matches.select_nth_unstable_by(limit, best_first);
            matches.truncate(limit);
        }
        matches.sort_unstable_by(best_first);
        let hits = matches
            .par_iter()
            .map(|candidate| build_hit(index, candidate, &query))
            .collect();
        Some(SearchResults { hits, total })
    }
}
