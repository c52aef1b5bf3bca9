//! Query parsing: splits the input into terms and scoping filters (syntax in
//! the parent module's doc), folds every term like the documents, and decides
//! whether one query only narrows another (so the previous matches can be
//! reused).
//!
//! Depends on `crate::model::Kind`, `crate::keyboard` (composing pasted jamo)
//! and the sibling `fold`, `hangul` modules and `Field`; never fails and never
//! panics, whatever the input.

use crate::model::Kind;

use super::{fold, hangul, scatter, Field};

/// One position of a query term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Matches this folded char only.
    Char(char),
    /// A lone initial consonant: matches any syllable that begins with it
    /// (and the jamo itself).
    Initial(u8),
}

impl Unit {
    #[inline]
    pub(crate) fn matches(self, c: char) -> bool {
        match self {
            Unit::Char(q) => q == c,
            Unit::Initial(initial) => hangul::has_initial(c, initial),
        }
    }

    /// The initial consonant every char matched by this unit starts with.
    fn initial_jamo(self) -> Option<char> {
        match self {
            Unit::Char(c) => hangul::initial_jamo_of(c),
            Unit::Initial(initial) => hangul::INITIALS.get(initial as usize).copied(),
        }
    }

    /// Whether every text char matched by `self` is also matched by `wider`,
    /// i.e. `self` is the same unit or a refinement of it (ㄷ → 대).
    fn refines(self, wider: Unit) -> bool {
        match (self, wider) {
            (a, b) if a == b => true,
            (Unit::Char(c), Unit::Initial(initial)) => hangul::syllable_initial(c) == Some(initial),
            _ => false,
        }
    }
}

/// How a term must sit in a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Default: in order, gaps allowed.
    Fuzzy,
    /// `'term`: contiguous.
    Exact,
    /// `^term`: at the start of the field.
    Prefix,
    /// `term$`: at the end of the field.
    Suffix,
    /// `^term$`: the whole field.
    Whole,
}

/// A search term, folded and prepared for matching.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    /// Folded text; meaningful for substring search only when `has_initials` is false.
    pub(crate) text: String,
    pub(crate) units: Vec<Unit>,
    pub(crate) has_initials: bool,
    pub(crate) mode: Mode,
    /// Bits a field must have for this term to possibly match it.
    pub(crate) mask: u64,
    /// Pair bits (`fold::pair_bit`) of adjacent plain chars: a field must
    /// have them all for the term to possibly occur contiguously.
    pub(crate) pair_mask: u64,
    /// The adjacent pairs behind `pair_mask` (pairs of initials where a unit
    /// is a lone initial), for the per-document pair sets.
    pub(crate) pairs: Vec<(char, char)>,
    /// Finds `text` as a substring (SIMD where the CPU has it), for terms of
    /// two or more plain chars: one pass over a document's whole text tells
    /// whether any field can hold the term contiguously.
    pub(crate) finder: Option<memchr::memmem::Finder<'static>>,
    /// The pattern handed to `SkimMatcherV2`: syllables expanded to
    /// `[initial][syllable]` like the prepared text.
    pub(crate) matcher_pattern: String,
    /// Whether the term holds Hangul (a syllable or a lone initial).
    pub(crate) hangul: bool,
    /// How many of `pairs` a document must hold for a scattered match to be
    /// possible (see `scatter::pairs_needed`).
    pub(crate) scatter_pairs: usize,
    /// For a term the collection does not contain as typed: the spellings one
    /// edit away that it does contain, each a contiguous term (set by the
    /// searcher from the index's vocabulary; empty otherwise).
    pub(crate) corrections: Vec<Term>,
}

impl Term {
    pub(crate) fn new(text: &str, mode: Mode) -> Term {
        // Pasted or decomposed jamo (ㄷㅐㄷㅓㄱ) compose first; initials alone stay.
        let folded = fold::fold(&crate::keyboard::compose_jamo(text));
        let mut units = Vec::with_capacity(folded.len());
        let mut mask = 0;
        let mut matcher_pattern = String::with_capacity(folded.len() * 2);
        for c in folded.chars() {
            if let Some(initial) = hangul::initial_jamo_index(c) {
                units.push(Unit::Initial(initial));
                mask |= fold::initial_mask(initial);
            } else {
                units.push(Unit::Char(c));
                mask |= fold::char_mask(c);
            }
            if let Some(initial) = hangul::syllable_initial(c) {
                matcher_pattern.push(hangul::INITIALS[initial as usize]);
            }
            matcher_pattern.push(c);
        }
        let pairs: Vec<(char, char)> = units
            .windows(2)
            .filter_map(|window| match window {
                [Unit::Char(first), Unit::Char(second)] => Some((*first, *second)),
                [first, second] => Some((first.initial_jamo()?, second.initial_jamo()?)),
                _ => None,
            })
            .collect();
        let pair_mask = pairs.iter().fold(0, |mask, &(first, second)| {
            mask | fold::pair_bit(first, second)
        });
        let has_initials = units.iter().any(|u| matches!(u, Unit::Initial(_)));
        let hangul = units.iter().any(|unit| match unit {
            Unit::Initial(_) => true,
            Unit::Char(c) => hangul::is_syllable(*c),
        });
        // A pair the list leaves out (a Latin letter beside a lone initial) need
        // not be counted.
        let unlisted = units.len().saturating_sub(1) - pairs.len();
        let scatter_pairs = scatter::pairs_needed(&units).saturating_sub(unlisted);
        Term {
            hangul,
            scatter_pairs,
            corrections: Vec::new(),
            finder: (!has_initials && units.len() > 1)
                .then(|| memchr::memmem::Finder::new(folded.as_bytes()).into_owned()),
            has_initials,
            pair_mask,
            pairs,
            text: folded,
            units,
            mode,
            mask,
            matcher_pattern,
        }
    }

    /// A spelling of this term one edit away, matched contiguously.
    pub(crate) fn correction(&self, spelling: &str) -> Term {
        Term::new(spelling, Mode::Exact)
    }

    /// Whether a typo correction may be looked for: a term that must sit
    /// contiguously or may be scattered, without lone initials.
    pub(crate) fn may_be_corrected(&self) -> bool {
        matches!(self.mode, Mode::Fuzzy | Mode::Exact) && !self.has_initials
    }

    /// Whether every field this term matches is also matched by `wider`.
    fn refines(&self, wider: &Term) -> bool {
        let mode_ok = match wider.mode {
            Mode::Fuzzy => true,
            Mode::Exact => self.mode != Mode::Fuzzy,
            Mode::Prefix => matches!(self.mode, Mode::Prefix | Mode::Whole),
            // A suffix term extended by typing is no longer a suffix of the
            // same text; only an identical term is safe.
            Mode::Suffix | Mode::Whole => self.mode == wider.mode && self.units == wider.units,
        };
        mode_ok
            && self.units.len() >= wider.units.len()
            && self
                .units
                .iter()
                .zip(&wider.units)
                .all(|(a, b)| a.refines(*b))
    }
}

/// A parsed query. Build it with [`parse_query`].
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Terms that must each match some field.
    pub(crate) terms: Vec<Term>,
    /// Terms no field may contain.
    pub(crate) negations: Vec<Term>,
    /// Bit per `Kind` (by declaration order); `None` = any kind.
    pub(crate) kinds: Option<u8>,
    /// Folded `type:` values, any of which the folded `type_id` must contain; `None` = no filter.
    pub(crate) types: Option<Vec<String>>,
    /// Bit per `Field`; `None` = all fields.
    pub(crate) fields: Option<u16>,
    /// `kind:` and `field:` filters whose value names nothing (`kind:cas3`),
    /// as typed: they match nothing, and the front ends say why.
    unknown_filters: Vec<String>,
}

impl Query {
    /// True when the query has no positive terms: results are then every
    /// document passing the filters, in stable order.
    pub fn is_listing(&self) -> bool {
        self.terms.is_empty()
    }

    /// The `kind:`/`field:` filters that name no kind or field, as typed.
    pub fn unknown_filters(&self) -> &[String] {
        &self.unknown_filters
    }

    /// Whether any kind:/type:/field: filter or negation is present.
    pub fn has_filters(&self) -> bool {
        self.kinds.is_some()
            || self.types.is_some()
            || self.fields.is_some()
            || !self.negations.is_empty()
    }

    pub(crate) fn allows_kind(&self, kind: Kind) -> bool {
        self.kinds.is_none_or(|bits| bits & kind_bit(kind) != 0)
    }

    pub(crate) fn allows_field(&self, field: Field) -> bool {
        self.fields.is_none_or(|bits| bits & field_bit(field) != 0)
    }

    /// Whether some other query may narrow this one (see [`Query::narrows`]).
    pub(crate) fn may_be_narrowed(&self) -> bool {
        self.negations.is_empty()
            && self.terms.iter().all(|t| {
                t.corrections.is_empty()
                    && matches!(t.mode, Mode::Fuzzy | Mode::Exact | Mode::Prefix)
            })
    }

    /// Whether every document matching `self` also matches `wider`, judged
    /// from the query alone; lets a refined query search only the previous
    /// matches.
    pub(crate) fn narrows(&self, wider: &Query) -> bool {
        // A correction of one query need not be within the other's matches.
        let corrected = |query: &Query| query.terms.iter().any(|t| !t.corrections.is_empty());
        !corrected(self)
            && wider.may_be_narrowed()
            && self.kinds == wider.kinds
            && self.types == wider.types
            && self.fields == wider.fields
            && self.terms.len() >= wider.terms.len()
            && self
                .terms
                .iter()
                .zip(&wider.terms)
                .all(|(a, b)| a.refines(b))
    }
}

pub(crate) fn kind_bit(kind: Kind) -> u8 {
    1 << (kind as u8)
}

pub(crate) fn field_bit(field: Field) -> u16 {
    1 << (field as u16)
}

/// Names accepted after `kind:`: English as in YAML, and Korean.
const KIND_NAMES: [(Kind, &str, &str); 8] = [
    (Kind::Case, "case", "사례"),
    (Kind::Role, "role", "역할"),
    (Kind::Type, "type", "유형"),
    (Kind::Factor, "factor", "요인"),
    (Kind::Problem, "problem", "문제"),
    (Kind::Strategy, "strategy", "전략"),
    (Kind::Concept, "concept", "개념"),
    (Kind::Source, "source", "문헌"),
];

/// Korean names accepted after `field:`/`in:` besides `Field::as_str`.
const FIELD_KOREAN_NAMES: [(Field, &str); 12] = [
    (Field::Name, "이름"),
    (Field::Alias, "별칭"),
    (Field::Summary, "요약"),
    (Field::Place, "장소"),
    (Field::Actor, "주체"),
    (Field::Figure, "수치"),
    (Field::Strength, "강점"),
    (Field::Weakness, "약점"),
    (Field::Evaluation, "평가"),
    (Field::Point, "시사점"),
    (Field::Region, "지역"),
    (Field::Source, "출처"),
];

/// Kinds named by `value`: an exact name wins, otherwise every kind with a
/// name that starts with `value` (an unknown value gives none).
fn kinds_named(value: &str) -> u8 {
    let exact = KIND_NAMES
        .iter()
        .find(|(_, en, ko)| *en == value || *ko == value);
    if let Some((kind, _, _)) = exact {
        return kind_bit(*kind);
    }
    KIND_NAMES
        .iter()
        .filter(|(_, en, ko)| en.starts_with(value) || ko.starts_with(value))
        .fold(0, |bits, (kind, _, _)| bits | kind_bit(*kind))
}

/// Fields named by `value`, by the same rules as [`kinds_named`].
fn fields_named(value: &str) -> u16 {
    let names = || {
        Field::ALL
            .iter()
            .map(|&f| (f, f.as_str()))
            .chain(FIELD_KOREAN_NAMES.iter().copied())
    };
    if let Some((field, _)) = names().find(|(_, name)| *name == value) {
        return field_bit(field);
    }
    names()
        .filter(|(_, name)| name.starts_with(value))
        .fold(0, |bits, (field, _)| bits | field_bit(field))
}

/// Parses a query. Never fails: anything not understood is searched for
/// literally, and operators without text are ignored.
pub fn parse_query(input: &str) -> Query {
    let input = fold::nfc(input);
    let mut query = Query::default();
    for token in input.split(char::is_whitespace).filter(|t| !t.is_empty()) {
        if !parse_filter(token, &mut query) {
            parse_term(token, &mut query);
        }
    }
    query
}

/// Handles `kind:`, `type:`, `field:`/`in:`; returns false if `token` is none of them.
fn parse_filter(token: &str, query: &mut Query) -> bool {
    let folded = fold::fold(token);
    let Some((key, value)) = folded.split_once(':') else {
        return false;
    };
    match key {
        "kind" | "종류" => {
            if !value.is_empty() {
                let named = kinds_named(value);
                if named == 0 {
                    query.unknown_filters.push(token.to_string());
                }
                *query.kinds.get_or_insert(0) |= named;
            }
        }
        "type" | "유형" => {
            if !value.is_empty() {
                query
                    .types
                    .get_or_insert_with(Vec::new)
                    .push(value.to_string());
            }
        }
        "field" | "in" | "필드" => {
            if !value.is_empty() {
                let named = fields_named(value);
                if named == 0 {
                    query.unknown_filters.push(token.to_string());
                }
                *query.fields.get_or_insert(0) |= named;
            }
        }
        _ => return false,
    }
    true
}

/// Handles a (possibly negated or anchored) search term.
fn parse_term(token: &str, query: &mut Query) {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (exact, prefix, rest) = if let Some(rest) = rest.strip_prefix('\'') {
        (true, false, rest)
    } else if let Some(rest) = rest.strip_prefix('^') {
        (false, true, rest)
    } else {
        (false, false, rest)
    };
    let (suffix, rest) = match rest.strip_suffix('$') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    if rest.is_empty() {
        // A bare operator (`!`, `'`, `^`, `$`, `!^`, ...) is usually a term
        // being typed; ignoring it keeps the results steady.
        return;
    }
    let mode = match (prefix, suffix, exact) {
        (true, true, _) => Mode::Whole,
        (true, false, _) => Mode::Prefix,
        (false, true, _) => Mode::Suffix,
        (false, false, true) => Mode::Exact,
        (false, false, false) => Mode::Fuzzy,
    };
    let term = Term::new(rest, mode);
    if term.units.is_empty() {
        return;
    }
    if negated {
        query.negations.push(term);
    } else {
        query.terms.push(term);
    }
}
