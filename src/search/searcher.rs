//! Running a query over a [`SearchIndex`]: the per-char document sets pick
//! the documents worth reading; each is evaluated in parallel (rayon) for
//! whether it matches and for bounds on its score; only the matches that can
//! still reach the top `limit` are then scored exactly ([`settle`]); then
//! ranking, highlight indices for the returned hits, cancellation, and reuse
//! of the previous matches when a query only narrows the previous one.
//!
//! Depends on `rayon`, `memchr` and the sibling `index`, `postings`,
//! `query`, `matcher`, `fold` modules.

use std::cmp::Ordering;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};

use rayon::prelude::*;

use super::index::{PreparedDoc, SearchIndex};
use super::matcher::{self, Found, MatchClass};
use super::postings;
use super::query::{Mode, Query, Term, Unit};
use super::typo;
use super::{fold, parse_query, Field, Hit, SearchResults};

/// Documents evaluated between two polls of the cancellation callback, per
/// thread: about a millisecond of work at the heaviest.
const DOCS_PER_POLL: usize = 128;

/// No field: a document without any field, listed by a query without terms.
const NO_FIELD: u32 = u32::MAX;

/// Score weights, most significant first: how well the text matches
/// ([`MatchClass::quality`]), then whether it is a name or alias, then the
/// finer class, then the fuzzy score.
const CLASS_WEIGHT: i64 = 1_000_000;
const FUZZY_RANGE: i64 = CLASS_WEIGHT / 2;
/// Within the typo class, a step per class of the correction's match: above
/// any difference of fuzzy scores of contiguous matches.
const TYPO_CLASS_STEP: i64 = 10_000;
/// Above every class (there are seven).
const TITLE_WEIGHT: i64 = 10 * CLASS_WEIGHT;
const QUALITY_WEIGHT: i64 = 2 * TITLE_WEIGHT;

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

/// How a document's score is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scoring {
    /// Look at every field that may hold a better match and run
    /// `SkimMatcherV2` for a scattered one: the exact score.
    Exact,
    /// Only bounds: stop at the first match outside the names (a better one
    /// may follow in a later body field) and leave a scattered match
    /// unscored. Whether a document matches is still exact, and the bounds
    /// cost far less: most of a long document's text is never read.
    Bounds,
}

/// A term's best field in a document, and the term's score there.
#[derive(Debug, Clone, Copy)]
struct TermMatch {
    /// The score, or with [`Scoring::Bounds`] its lower bound.
    lower: i64,
    /// The highest the score can be (`lower` when exact).
    upper: i64,
    /// Position in `PreparedDoc::fields` of the field.
    position: usize,
}

/// A matching document before hits are built.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    doc: u32,
    /// The exact score, or with [`Scoring::Bounds`] its lower bound.
    score: i64,
    /// The highest the score can be (`score` when exact).
    upper: i64,
    /// Position in `PreparedDoc::fields` of the reported field, or `NO_FIELD`.
    /// Only final when the score is exact.
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
    /// For each term, what rules out a contiguous occurrence in a document.
    contiguous: Vec<Contiguity<'q>>,
    /// Whether a longer query may narrow this one, so that the documents it
    /// may still match are worth keeping (see [`Evaluated::Loose`]).
    keeps_loose: bool,
}

/// Where a term may sit contiguously, or scattered; every check is optional,
/// and none means anywhere.
#[derive(Clone, Default)]
struct Contiguity<'q> {
    /// The documents holding all of the term's adjacent pairs (and, for a
    /// term with lone initials, its runs of three initials).
    docs: Option<Vec<u64>>,
    /// The documents holding enough of them for a scattered match.
    scatter_docs: Option<Vec<u64>>,
    /// Finds the term in a document's whole text.
    finder: Option<&'q memchr::memmem::Finder<'static>>,
}

impl Contiguity<'_> {
    /// Whether the term may sit contiguously in some field of the document.
    /// Every field is a piece of the document's text, so a term absent from
    /// all of it cannot; then only its scattered match is looked for, and the
    /// first one settles the term. For a typo whose letters occur everywhere
    /// that spares reading every field to its end.
    fn scatter_possible(&self, doc_id: u32) -> bool {
        self.scatter_docs
            .as_ref()
            .is_none_or(|set| postings::contains(set, doc_id))
    }

    fn possible(&self, doc_id: u32, doc: &PreparedDoc) -> bool {
        self.docs
            .as_ref()
            .is_none_or(|set| postings::contains(set, doc_id))
            && self
                .finder
                .is_none_or(|finder| finder.find(doc.text.as_bytes()).is_some())
    }
}

impl<'q> Plan<'q> {
    fn new(index: &SearchIndex, query: &'q Query) -> Self {
        let mut plan = Plan::plain(query);
        plan.contiguous = plan
            .terms
            .iter()
            .map(|term| Contiguity {
                docs: both(
                    index.pair_postings.candidates(term),
                    // Only a term with lone initials needs (and builds) them.
                    term.has_initials
                        .then(|| index.initial_triples().candidates(term))
                        .flatten(),
                ),
                scatter_docs: if term.units.iter().all(|u| matches!(u, Unit::Initial(_))) {
                    // Initials scattered spell whole words: their runs of three
                    // occur across the word breaks.
                    index.initial_triples().candidates(term)
                } else {
                    index.pair_postings.with_pairs(term, term.scatter_pairs)
                },
                finder: term.finder.as_ref(),
            })
            .collect();
        plan
    }

    /// Without the pair sets and substring checks: every document may hold
    /// every term contiguously.
    fn plain(query: &'q Query) -> Self {
        let mut terms: Vec<&Term> = query.terms.iter().collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.units.len()));
        Plan {
            // A term with corrections may match by a spelling that lacks some
            // of its chars.
            mask: terms
                .iter()
                .filter(|t| t.corrections.is_empty())
                .fold(0, |mask, t| mask | t.mask),
            contiguous: vec![Contiguity::default(); terms.len()],
            keeps_loose: query.may_be_narrowed(),
            query,
            terms,
        }
    }
}

/// The documents in both sets, where `None` is every document.
fn both(a: Option<Vec<u64>>, b: Option<Vec<u64>>) -> Option<Vec<u64>> {
    let mut set = a;
    if let Some(b) = b {
        postings::intersect(&mut set, &b);
    }
    set
}

fn term_score(hangul: bool, title: bool, class: MatchClass, fuzzy: i64) -> i64 {
    class.quality(hangul) * QUALITY_WEIGHT
        + i64::from(title) * TITLE_WEIGHT
        + class as i64 * CLASS_WEIGHT
        + fuzzy.clamp(-FUZZY_RANGE, FUZZY_RANGE - 1)
        + FUZZY_RANGE
}

/// The best match of a term so far while a document's fields are read.
#[derive(Clone, Copy)]
struct Best<'t> {
    title: bool,
    found: Found,
    position: usize,
    /// The term or the correction that matched.
    matched: &'t Term,
    /// For a correction, how it sits in the field: a whole word one edit away
    /// (Electrum for `electrun`) beats the start of a longer one (electronics).
    typo_class: Option<MatchClass>,
}

impl Best<'_> {
    /// Whether a field read later (whose title status is `title`; fields come
    /// titles first) may still hold a better match.
    fn beatable_by(&self, title: bool, hangul: bool) -> bool {
        self.found.class.quality(hangul) < MatchClass::BEST_QUALITY
            || (title == self.title && self.found.class != MatchClass::Exact)
    }

    /// The class a match in a field with title status `title` must beat to be
    /// better: the same class in a field like this one's, and anything of the
    /// same quality in a body field after a name.
    fn floor(&self, title: bool, hangul: bool) -> MatchClass {
        if title == self.title {
            return self.found.class;
        }
        self.found.class.highest_of_its_quality(hangul)
    }
}

/// The term's best field in the document, `None` if it matches none.
fn best_field(
    index: &SearchIndex,
    doc: &PreparedDoc,
    term: &Term,
    query: &Query,
    scoring: Scoring,
    contiguous_in_doc: bool,
    scatter_in_doc: bool,
) -> Option<TermMatch> {
    let hangul = term.hangul;
    let mut best: Option<Best<'_>> = None;
    // With bounds only: whether fields that might hold a better match were
    // left unread.
    let mut stopped_early = false;
    if !term.corrections.is_empty() {
        // The term occurs nowhere as typed, so at best it matches scattered; a
        // spelling one edit away beats that wherever it is.
        best = corrected_field(index, doc, term, query);
    }
    let fields = if best.is_some() {
        &[][..]
    } else {
        index.masks_of(doc)
    };
    for (position, masks) in fields.iter().enumerate() {
        if term.mask & !masks.chars != 0 {
            continue;
        }
        let contiguous_possible = contiguous_in_doc && term.pair_mask & !masks.pairs == 0;
        if !contiguous_possible && (term.mode != Mode::Fuzzy || best.is_some() || !scatter_in_doc) {
            // Only a scattered match could be here: none for a term that must
            // be contiguous, and no gain over the match at hand (which is in
            // this tier or a better one, titles coming first).
            continue;
        }
        let Some(field) = doc.fields.get(position) else {
            break;
        };
        if let Some(found) = &best {
            // Fields are sorted titles first, so once nothing can beat the
            // match at hand in this field, nothing can in a later one.
            if !found.beatable_by(field.is_title(), hangul) {
                break;
            }
            if scoring == Scoring::Bounds && !field.is_title() {
                stopped_early = true;
                break;
            }
        }
        if !query.allows_field(field.field) {
            continue;
        }
        let floor = best.map(|b| b.floor(field.is_title(), hangul));
        let text = doc.field_text(field);
        if let Some(found) = matcher::classify(
            text,
            field.char_len as usize,
            term,
            floor,
            contiguous_possible,
        ) {
            best = Some(Best {
                title: field.is_title(),
                found,
                position,
                matched: term,
                typo_class: None,
            });
        }
    }
    let Best {
        title,
        found,
        position,
        matched,
        typo_class,
    } = best?;
    // Within the typo class, the finer class of the correction's own match.
    let typo_bonus = typo_class.map_or(0, |class| class as i64 * TYPO_CLASS_STEP);
    // A scattered match is left unscored when bounds will do: its score needs
    // the fuzzy matcher, which the exact pass runs for the few that matter.
    let unscored = found.span.is_none();
    let (lower, upper) = if scoring == Scoring::Bounds && unscored {
        (
            term_score(hangul, title, found.class, -FUZZY_RANGE),
            term_score(hangul, title, found.class, FUZZY_RANGE),
        )
    } else {
        let text = doc.field_text(&doc.fields[position]);
        let score = term_score(
            hangul,
            title,
            found.class,
            matcher::fuzzy_score(&index.matcher, text, matched, found) + typo_bonus,
        );
        (score, score)
    };
    let upper = if stopped_early {
        // A later body field may hold anything up to an exact match.
        upper.max(term_score(hangul, false, MatchClass::Exact, FUZZY_RANGE))
    } else {
        upper
    };
    Some(TermMatch {
        lower,
        upper,
        position,
    })
}

/// The field holding one of the term's corrections best (names first, then
/// whole words before word starts before pieces of words; the first whole word
/// settles it), as a typo match.
fn corrected_field<'t>(
    index: &SearchIndex,
    doc: &PreparedDoc,
    term: &'t Term,
    query: &Query,
) -> Option<Best<'t>> {
    let mut best: Option<Best<'t>> = None;
    for (position, (field, masks)) in doc.fields.iter().zip(index.masks_of(doc)).enumerate() {
        if !query.allows_field(field.field) {
            continue;
        }
        for correction in &term.corrections {
            if correction.mask & !masks.chars != 0 || correction.pair_mask & !masks.pairs != 0 {
                continue;
            }
            let text = doc.field_text(field);
            let Some(found) =
                matcher::classify(text, field.char_len as usize, correction, None, true)
            else {
                continue;
            };
            let rank = (field.is_title(), found.class);
            if best.is_none_or(|b| rank > (b.title, b.typo_class.unwrap_or(MatchClass::Fuzzy))) {
                let settled = found.class >= MatchClass::WholeWord;
                best = Some(Best {
                    title: field.is_title(),
                    found: Found {
                        class: MatchClass::Typo,
                        span: found.span,
                    },
                    position,
                    matched: correction,
                    typo_class: Some(found.class),
                });
                if settled {
                    // Fields come names first: a whole word here is as good as
                    // it gets for ranking among typos.
                    return best;
                }
            }
        }
    }
    best
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

fn evaluate(
    index: &SearchIndex,
    doc_id: u32,
    plan: &Plan<'_>,
    scoring: Scoring,
) -> Option<Candidate> {
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
    let mut upper = 0i64;
    let mut best: Option<(i64, usize)> = None;
    for (term, contiguous) in plan.terms.iter().zip(&plan.contiguous) {
        let contiguous_in_doc = contiguous.possible(doc_id, doc);
        let scatter_in_doc = contiguous.scatter_possible(doc_id);
        let found = best_field(
            index,
            doc,
            term,
            query,
            scoring,
            contiguous_in_doc,
            scatter_in_doc,
        )?;
        score = score.saturating_add(found.lower);
        upper = upper.saturating_add(found.upper);
        if best.is_none_or(|(top, _)| found.lower > top) {
            best = Some((found.lower, found.position));
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
        upper,
        field: best.map_or_else(
            || listing_field(doc, query),
            |(_, position)| position as u32,
        ),
        order: doc.order,
    })
}

/// A document as the first pass sees it.
enum Evaluated {
    Match(Candidate),
    /// No match, but a longer query typed from this one may match: every
    /// term's chars occur in one of its fields. Plausibility (see
    /// `scatter`) is stricter for short terms than for long ones, so a match
    /// of `ulsa` need not be one of `uls`; these documents are kept for the
    /// next keystroke all the same.
    Loose,
    Miss,
}

fn evaluate_keeping_loose(index: &SearchIndex, doc_id: u32, plan: &Plan<'_>) -> Evaluated {
    match evaluate(index, doc_id, plan, Scoring::Bounds) {
        Some(candidate) => Evaluated::Match(candidate),
        None if plan.keeps_loose && is_loose(index, doc_id, plan) => Evaluated::Loose,
        None => Evaluated::Miss,
    }
}

/// Whether the document passes the query's filters and every term's chars
/// occur in one of its fields in scope (by the field masks): what every query
/// that [`Query::narrows`] this one needs of a document, and then some.
fn is_loose(index: &SearchIndex, doc_id: u32, plan: &Plan<'_>) -> bool {
    let Some(doc) = index.prepared.get(doc_id as usize) else {
        return false;
    };
    let query = plan.query;
    if !query.allows_kind(doc.kind) {
        return false;
    }
    if let Some(types) = &query.types {
        let Some(type_id) = doc.type_id.as_deref() else {
            return false;
        };
        if !types.iter().any(|t| type_id.contains(t.as_str())) {
            return false;
        }
    }
    // The masks only: a superset is safe, and reading the text again for
    // documents that just failed would cost as much as the search.
    plan.terms.iter().all(|term| {
        doc.fields
            .iter()
            .zip(index.masks_of(doc))
            .any(|(field, masks)| term.mask & !masks.chars == 0 && query.allows_field(field.field))
    })
}

/// Makes the scores exact for every match that can still be among the best
/// `limit`, dropping the others.
///
/// Matches were scored with [`Scoring::Bounds`]. If at least `limit` matches
/// are certain to score `threshold` or more, a match whose upper bound is
/// below `threshold` cannot be shown; only the rest are scored exactly.
/// Typically a few hundred name matches settle the order, and the thousands
/// of documents where a query's letters merely occur somewhere in the body
/// are neither read to the end nor scored by the fuzzy matcher.
fn settle(
    index: &SearchIndex,
    plan: &Plan<'_>,
    mut matches: Vec<Candidate>,
    limit: usize,
) -> Vec<Candidate> {
    if limit == 0 {
        return Vec::new();
    }
    if limit < matches.len() {
        let mut lower: Vec<i64> = matches.iter().map(|c| c.score).collect();
        let (_, &mut threshold, _) = lower.select_nth_unstable_by(limit - 1, |a, b| b.cmp(a));
        matches.retain(|c| c.upper >= threshold);
    }
    matches
        .into_par_iter()
        .filter_map(|candidate| {
            if candidate.upper == candidate.score {
                Some(candidate)
            } else {
                evaluate(index, candidate.doc, plan, Scoring::Exact)
            }
        })
        .collect()
}

/// Gives each term the collection does not contain as typed its spellings
/// one edit away that it does contain (see `typo`).
fn add_corrections(index: &SearchIndex, query: &mut Query) {
    for term in &mut query.terms {
        if term.may_be_corrected() && typo::worth_correcting(&term.text) {
            term.corrections = index
                .vocabulary()
                .corrections(&term.text)
                .iter()
                .map(|spelling| term.correction(spelling))
                .collect();
        }
    }
}

/// Spellings shown for one corrected term: enough to tell what was searched.
const SPELLINGS_SHOWN: usize = 3;

/// The corrections worth naming for a search with `total` matches.
fn spellings_used(query: &Query, total: usize) -> Vec<String> {
    if total == 0 {
        return Vec::new();
    }
    query
        .terms
        .iter()
        .flat_map(|term| term.corrections.iter().take(SPELLINGS_SHOWN))
        .map(|correction| correction.text.clone())
        .collect()
}

fn build_hit(index: &SearchIndex, candidate: &Candidate, query: &Query) -> Hit {
    let doc_index = candidate.doc as usize;
    let prepared = &index.prepared[doc_index];
    let position = candidate.field as usize;
    let Some(field) = prepared.fields.get(position) else {
        return Hit {
            doc: doc_index,
            kind: prepared.kind,
            field: Field::Name,
            field_index: usize::MAX,
            score: candidate.score,
            indices: Vec::new(),
        };
    };
    let mut indices = Vec::new();
    if !query.terms.is_empty() {
        let original = index.field(doc_index, position).map(|(_, text)| text);
        let (folded, origin) = fold::fold_with_origin(original.as_deref().unwrap_or(""));
        for term in &query.terms {
            // A correction, where one matched, is what ranked the hit (the term
            // itself occurs nowhere contiguously).
            let positions = term
                .corrections
                .iter()
                .find_map(|correction| matcher::highlight(&folded, correction))
                .or_else(|| matcher::highlight(&folded, term));
            if let Some(positions) = positions {
                indices.extend(positions.into_iter().filter_map(|p| origin.get(p).copied()));
            }
        }
        indices.sort_unstable();
        indices.dedup();
    }
    Hit {
        doc: doc_index,
        kind: prepared.kind,
        field: field.field,
        field_index: position,
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
        mut query: Query,
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<SearchResults> {
        let index = self.index;
        add_corrections(index, &mut query);
        let previous = self.previous.take();
        let narrowed: &[u32] = match &previous {
            Some(p) if query.narrows(&p.query) => &p.docs,
            _ => &index.all_docs,
        };
        // Only documents that have every char of the terms can match.
        let required = index.postings.candidates(&query.terms);
        let filtered: Vec<u32>;
        let candidates: &[u32] = match &required {
            None => narrowed,
            Some(set) if narrowed.len() == index.all_docs.len() => {
                filtered = postings::members(set);
                &filtered
            }
            Some(set) => {
                filtered = narrowed
                    .iter()
                    .copied()
                    .filter(|&doc| postings::contains(set, doc))
                    .collect();
                &filtered
            }
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
        let plan = Plan::new(index, &query);
        let per_chunk: Vec<(Vec<Candidate>, Vec<u32>)> = candidates
            .par_chunks(DOCS_PER_POLL)
            .map(|chunk| {
                let mut matches = Vec::new();
                let mut loose = Vec::new();
                if should_stop() {
                    return (matches, loose);
                }
                for &doc in chunk {
                    match evaluate_keeping_loose(index, doc, &plan) {
                        Evaluated::Match(candidate) => matches.push(candidate),
                        Evaluated::Loose => loose.push(doc),
                        Evaluated::Miss => {}
                    }
                }
                (matches, loose)
            })
            .collect();
        if stop.load(AtomicOrdering::Relaxed) {
            // The previous matches still describe the previous query, and the
            // query that follows a cancelled one usually narrows it further.
            self.previous = previous;
            return None;
        }
        let mut matches: Vec<Candidate> = Vec::new();
        let mut kept: Vec<u32> = Vec::new();
        for (chunk_matches, chunk_loose) in per_chunk {
            kept.extend(chunk_matches.iter().map(|c| c.doc));
            kept.extend(chunk_loose);
            matches.extend(chunk_matches);
        }
        let total = matches.len();
        if plan.keeps_loose {
            // Ascending, as the narrowed search walks them.
            kept.sort_unstable();
            self.previous = Some(Previous {
                docs: kept,
                query: query.clone(),
            });
        }

        let mut matches = settle(index, &plan, matches, limit);
        if limit < matches.len() {
            matches.select_nth_unstable_by(limit, best_first);
            matches.truncate(limit);
        }
        matches.sort_unstable_by(best_first);
        let hits = matches
            .par_iter()
            .map(|candidate| build_hit(index, candidate, &query))
            .collect();
        let corrected = spellings_used(&query, total);
        Some(SearchResults {
            hits,
            total,
            corrected,
        })
    }
}

/// The plainest correct search, for tests: every document scored exactly, no
/// character sets, no bounds, no narrowing. [`Searcher::search`] must return
/// the same results.
#[cfg(test)]
pub(crate) fn reference_search(index: &SearchIndex, query: &str, limit: usize) -> SearchResults {
    let mut query = parse_query(query);
    add_corrections(index, &mut query);
    let plan = Plan::plain(&query);
    let mut matches: Vec<Candidate> = index
        .all_docs
        .iter()
        .filter_map(|&doc| evaluate(index, doc, &plan, Scoring::Exact))
        .collect();
    let total = matches.len();
    matches.sort_by(best_first);
    matches.truncate(limit);
    let hits = matches
        .iter()
        .map(|candidate| build_hit(index, candidate, &query))
        .collect();
    let corrected = spellings_used(&query, total);
    SearchResults {
        hits,
        total,
        corrected,
    }
}
