//! Full-text search over case studies, roles, factors, … for the search box.
//!
//! Depends on `crate::model::Kind`, `crate::text::nfc` and `crate::keyboard` (jamo
//! composition, the syllable block's layout) only, plus `fuzzy-matcher`, `rayon`,
//! `foldhash` and `memchr`; nothing here knows about the terminal UI. Build a [`SearchIndex`] once from [`Document`]s, then run
//! queries through a [`Searcher`], which reuses the previous matches while
//! the user keeps typing.
//!
//! # Query syntax
//!
//! Whitespace (including the ideographic space U+3000) separates terms; a
//! document matches when **every** term matches one of its fields (different
//! terms may match different fields).
//!
//! | Term          | Matches                                                         |
//! |---------------|-----------------------------------------------------------------|
//! | `word`        | `word` anywhere, or (in a name or other text of up to 64 chars) its letters in pieces at the starts of neighbouring words (`scatter`), or — found nowhere as typed — a spelling one edit away (`typo`) |
//! | `'word`       | `word` as a contiguous substring                                |
//! | `^word`       | a field that starts with `word`                                 |
//! | `word$`       | a field that ends with `word`                                   |
//! | `^word$`      | a field that is exactly `word`                                  |
//! | `!word`       | excludes documents with `word` (as a substring) in any field; `!^word`, `!word$` exclude by prefix / suffix |
//! | `kind:factor` | only that kind: `case role type factor problem strategy concept source` or `사례 역할 유형 요인 문제 전략 개념 문헌`; a prefix works (`kind:fac`, `kind:전`), an ambiguous prefix (`kind:c`) means all kinds it could name; several `kind:` terms are OR-ed; an unknown kind matches nothing |
//! | `type:X`      | only documents whose type id contains `X`; several are OR-ed     |
//! | `field:F`, `in:F` | match terms only in field `F`: `name alias summary place actor figure strength weakness evaluation point region source` (or 이름 별칭 요약 장소 주체 수치 강점 약점 평가 시사점 지역 출처; prefixes as for `kind:`); several are OR-ed; negations still look at all fields |
//!
//! Filter keys are case-insensitive and have Korean spellings too: `종류:`
//! (kind), `유형:` (type), `필드:` (field). A bare operator (`!`, `'`, `^`,
//! `$`) or a filter with no value (`kind:`) is ignored; nothing in a query is
//! ever an error.
//!
//! Matching ignores case (all of Unicode, not only ASCII), treats full-width
//! Latin letters and digits as ordinary ones, and normalises text to NFC. A
//! lone Hangul initial consonant (초성, e.g. `ㅅ`) matches any syllable that
//! starts with it: `ㅅㄷㅇㄱ` finds 샌디에고 and `대ㄷ` finds 대덕.
//!
//! A query with no terms (empty, or only filters and negations) lists the
//! documents that pass the filters by kind, then title.
//!
//! # Ranking
//!
//! For each term the best field is chosen by, most significant first: how well
//! the text matches (a word — the whole field, its start, a whole word or a
//! word's start — over a piece inside a word, which in Korean counts as a word,
//! over a spelling one edit away, over scattered letters); then name/alias
//! fields over all others; then the finer class (whole field > field prefix >
//! whole word > word start); then the fuzzy score (`SkimMatcherV2` for a
//! scattered match, which is looked for in short texts only). A
//! document's score adds up its terms' best matches; the reported field is the
//! one holding the single best term match. Ties go by kind, title, id.
//!
//! Scattered letters count only when plausible (`scatter`), so a word no
//! document contains matches nothing. A term found in no word of the collection
//! as typed also matches the spellings one edit away that are (`typo`); the
//! results name them ([`SearchResults::corrected`]).

mod fold;
mod hangul;
mod index;
pub mod label;
mod matcher;
mod postings;
mod query;
mod scatter;
mod searcher;
mod synthetic;
#[cfg(test)]
mod tests;
mod typo;

use crate::model::Kind;

pub use index::SearchIndex;
pub use query::{parse_query, Query};
pub use searcher::Searcher;
#[doc(hidden)]
pub use synthetic::synthetic_documents;

/// Which part of a document a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    Alias,
    Summary,
    Place,
    Actor,
    Figure,
    Strength,
    Weakness,
    Evaluation,
    Point,
    Region,
    Source,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Name,
        Field::Alias,
        Field::Summary,
        Field::Place,
        Field::Actor,
        Field::Figure,
        Field::Strength,
        Field::Weakness,
        Field::Evaluation,
        Field::Point,
        Field::Region,
        Field::Source,
    ];

    /// The name used in `field:`/`in:` filters.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Alias => "alias",
            Field::Summary => "summary",
            Field::Place => "place",
            Field::Actor => "actor",
            Field::Figure => "figure",
            Field::Strength => "strength",
            Field::Weakness => "weakness",
            Field::Evaluation => "evaluation",
            Field::Point => "point",
            Field::Region => "region",
            Field::Source => "source",
        }
    }

    /// Names and aliases outrank every other field.
    pub fn is_title(self) -> bool {
        matches!(self, Field::Name | Field::Alias)
    }
}

/// One searchable piece of a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocField {
    pub field: Field,
    pub text: String,
}

/// One searchable item (a case, role, factor, ...) as handed to
/// [`SearchIndex::build`]. `title` is its display name, used for tie-breaks.
///
/// The index keeps only what it needs: the text of every field in NFC
/// ([`SearchIndex::field`]), which equals the input whenever the input was
/// NFC already; highlight indices refer to that text. The index may store
/// the fields in another order (names first, then shorter first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub type_id: Option<String>,
    pub fields: Vec<DocField>,
}

/// One matching document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the document in the [`SearchIndex`].
    pub doc: usize,
    pub kind: Kind,
    /// The field holding the best match (for a listing without terms: the
    /// first name field in scope, else the first field in scope, else the
    /// first name field, else the first field).
    pub field: Field,
    /// Position of that field in the index ([`SearchIndex::field`]), which
    /// need not be its position in `Document::fields`. Only a document without
    /// any field (which a query without terms still lists) has none: then
    /// this is `usize::MAX` and `field` is `Name`.
    pub field_index: usize,
    /// Higher is better; 0 for a listing without terms.
    pub score: i64,
    /// Char indices into that field's text to highlight: sorted, unique.
    pub indices: Vec<usize>,
}

/// The outcome of one search.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchResults {
    /// Best first, at most `limit`.
    pub hits: Vec<Hit>,
    /// Number of matching documents (may exceed `hits.len()`).
    pub total: usize,
    /// When a term occurs nowhere as typed: the spellings one edit away that
    /// were searched for instead (a few per term, most common first). Empty
    /// when every term was searched as typed, or nothing matched.
    pub corrected: Vec<String>,
}
