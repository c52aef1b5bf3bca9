//! Matching one query term against one folded field text: the match class
//! used for ranking (whole field > field prefix > whole word > word start >
//! inside a word > one edit away > scattered), the fuzzy score from
//! `SkimMatcherV2`, and highlight positions.
//!
//! Depends on `fuzzy-matcher` and the sibling `query`, `hangul`, `fold`,
//! `scatter` modules. All positions here are char indices into the *folded* text; the
//! caller maps them back to the original text.

use std::cell::RefCell;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::fold;
use super::hangul;
use super::query::{Mode, Term, Unit};
use super::scatter;

/// How well a term sits in a field; the derive order is the ranking order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum MatchClass {
    /// Chars in order, in a few chunks at the starts of consecutive words
    /// ([`scatter::plausible`]).
    Fuzzy,
    /// A spelling one edit away from the term (see `typo`), contiguous.
    Typo,
    /// Contiguous inside a word.
    Substring,
    /// Contiguous at the start of a word.
    WordPrefix,
    /// A whole word.
    WholeWord,
    /// Contiguous at the start of the field.
    Prefix,
    /// The whole field.
    Exact,
}

impl MatchClass {
    /// How well the text matches, before where it matches: a word (whole, its
    /// start, or a field's start) beats a piece of a word, which beats a
    /// spelling one edit away, which beats scattered letters. Inside a Korean
    /// word counts as a word: Korean writes compounds as one word (밸리 in
    /// 대덕밸리) and ties particles to the word before (울산의).
    pub(crate) fn quality(self, hangul_term: bool) -> i64 {
        match self {
            MatchClass::Fuzzy => 0,
            MatchClass::Typo => 1,
            MatchClass::Substring if hangul_term => 3,
            MatchClass::Substring => 2,
            MatchClass::WordPrefix
            | MatchClass::WholeWord
            | MatchClass::Prefix
            | MatchClass::Exact => 3,
        }
    }

    /// The best quality there is.
    pub(crate) const BEST_QUALITY: i64 = 3;

    /// The highest class of the same quality as this one: what a match must
    /// beat to be of a better quality.
    pub(crate) fn highest_of_its_quality(self, hangul_term: bool) -> MatchClass {
        const ALL: [MatchClass; 7] = [
            MatchClass::Fuzzy,
            MatchClass::Typo,
            MatchClass::Substring,
            MatchClass::WordPrefix,
            MatchClass::WholeWord,
            MatchClass::Prefix,
            MatchClass::Exact,
        ];
        let quality = self.quality(hangul_term);
        ALL.into_iter()
            .rfind(|class| class.quality(hangul_term) == quality)
            .unwrap_or(self)
    }
}

/// A term's match in a field: its class, and the byte range of the
/// contiguous occurrence that earned it (none for a scattered match).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub(crate) class: MatchClass,
    pub(crate) span: Option<(usize, usize)>,
}

/// If the term's units match `text` starting at byte `at`, the end byte.
fn match_at(text: &str, at: usize, term: &Term) -> Option<usize> {
    if !term.has_initials {
        return text
            .get(at..)
            .filter(|rest| rest.starts_with(term.text.as_str()))
            .map(|_| at + term.text.len());
    }
    let mut chars = text.get(at..)?.char_indices();
    for unit in &term.units {
        let (_, c) = chars.next()?;
        if !unit.matches(c) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(offset, _)| at + offset))
}

/// The first contiguous occurrence starting at byte `from` or later.
fn find_from(text: &str, from: usize, term: &Term) -> Option<(usize, usize)> {
    let rest = text.get(from..)?;
    if !term.has_initials {
        return rest
            .find(term.text.as_str())
            .map(|offset| (from + offset, from + offset + term.text.len()));
    }
    let first = *term.units.first()?;
    rest.char_indices()
        .filter(|&(_, c)| first.matches(c))
        .find_map(|(offset, _)| match_at(text, from + offset, term).map(|end| (from + offset, end)))
}

/// The occurrence ending exactly at the end of `text`, if any.
fn match_suffix(text: &str, char_len: usize, term: &Term) -> Option<(usize, usize)> {
    let units = term.units.len();
    if units > char_len {
        return None;
    }
    let start = if units == 0 {
        text.len()
    } else {
        text.char_indices().rev().nth(units - 1).map(|(i, _)| i)?
    };
    (match_at(text, start, term)? == text.len()).then_some((start, text.len()))
}

fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(fold::starts_word_after)
}

fn ends_word(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_none_or(fold::starts_word_after)
}

/// Whether the units occur in order (gaps allowed). Cheap (`str::find` per
/// plain char), so it runs first and rejects most fields.
fn is_subsequence(text: &str, units: &[Unit]) -> bool {
    leftmost_match_end(text, units).is_some()
}

/// Where the leftmost in-order occurrence of the units ends (a byte offset),
/// or `None` if they do not occur in order.
fn leftmost_match_end(text: &str, units: &[Unit]) -> Option<usize> {
    let mut end = 0;
    for unit in units {
        let rest = text.get(end..)?;
        end += match *unit {
            Unit::Char(c) => rest.find(c)? + c.len_utf8(),
            Unit::Initial(_) => rest
                .char_indices()
                .find(|&(_, c)| unit.matches(c))
                .map(|(i, c)| i + c.len_utf8())?,
        };
    }
    Some(end)
}

/// Classifies the term in a folded field text, returning a match only if it
/// is strictly better than `floor` (so callers that already have a match of
/// some class skip needless work). `contiguous_possible` false (from the pair
/// masks) means the term cannot occur contiguously, so only a scattered
/// match is looked for.
pub(crate) fn classify(
    text: &str,
    char_len: usize,
    term: &Term,
    floor: Option<MatchClass>,
    contiguous_possible: bool,
) -> Option<Found> {
    let beats = |class: MatchClass| floor.is_none_or(|f| class > f);
    let contiguous = |class: MatchClass, span: (usize, usize)| {
        beats(class).then_some(Found {
            class,
            span: Some(span),
        })
    };
    if term.units.len() > char_len {
        return None;
    }
    let scattered = || {
        (term.mode == Mode::Fuzzy
            && char_len <= SCATTER_TEXT
            && beats(MatchClass::Fuzzy)
            && is_subsequence(text, &term.units)
            && scatter::plausible(text, &term.units).is_some())
        .then_some(Found {
            class: MatchClass::Fuzzy,
            span: None,
        })
    };
    if !contiguous_possible {
        return scattered();
    }
    let at_start = match_at(text, 0, term);
    let whole = at_start == Some(text.len());
    match term.mode {
        Mode::Whole => whole.then(|| contiguous(MatchClass::Exact, (0, text.len())))?,
        Mode::Prefix => {
            let end = at_start?;
            let class = if whole {
                MatchClass::Exact
            } else {
                MatchClass::Prefix
            };
            contiguous(class, (0, end))
        }
        Mode::Suffix => {
            let (start, end) = match_suffix(text, char_len, term)?;
            let class = if start == 0 {
                MatchClass::Exact
            } else if starts_word(text, start) {
                MatchClass::WordPrefix
            } else {
                MatchClass::Substring
            };
            contiguous(class, (start, end))
        }
        Mode::Fuzzy | Mode::Exact => {
            if let Some(end) = at_start {
                let class = if whole {
                    MatchClass::Exact
                } else {
                    MatchClass::Prefix
                };
                return contiguous(class, (0, end));
            }
            // The subsequence test is cheap for plain chars (one `str::find`
            // each) and rejects most fields; with lone initials it is a scan of
            // every char, as costly as the search for an occurrence itself.
            if !beats(MatchClass::WholeWord)
                || (!term.has_initials && !is_subsequence(text, &term.units))
            {
                return None;
            }
            let mut inside = None;
            let mut word_start = None;
            let mut from = 0;
            while let Some((start, end)) = find_from(text, from, term) {
                if starts_word(text, start) {
                    if ends_word(text, end) {
                        return contiguous(MatchClass::WholeWord, (start, end));
                    }
                    word_start.get_or_insert((start, end));
                } else {
                    inside.get_or_insert((start, end));
                }
                from = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
            if let Some(span) = word_start {
                return contiguous(MatchClass::WordPrefix, span);
            }
            if let Some(span) = inside {
                return contiguous(MatchClass::Substring, span);
            }
            scattered()
        }
    }
}

/// Whether a negated term occurs in the text (as a substring, honouring its
/// `^`/`$` anchors).
pub(crate) fn contains(text: &str, char_len: usize, term: &Term) -> bool {
    match term.mode {
        Mode::Fuzzy | Mode::Exact => find_from(text, 0, term).is_some(),
        Mode::Prefix => match_at(text, 0, term).is_some(),
        Mode::Suffix => match_suffix(text, char_len, term).is_some(),
        Mode::Whole => match_at(text, 0, term) == Some(text.len()),
    }
}

thread_local! {
    /// Reused buffer for the expanded text handed to the matcher.
    static EXPANDED: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Scattered letters are looked for only in texts up to this long (in chars):
/// names, aliases, labels. In running text pieces at word starts are chance
/// more often than intent, and reading every body for them cost more than the
/// rest of a search; there a word is found as typed or one edit away. The fuzzy
/// matcher's alignment stays cheap at this length too.
pub(crate) const SCATTER_TEXT: usize = 64;

/// The fuzzy score of a match: for a contiguous occurrence, the score
/// `SkimMatcherV2` gives that gap-free alignment, computed directly (the
/// matcher itself costs far more and adds nothing for a contiguous match);
/// for a scattered one (in a short text), the matcher's own score.
pub(crate) fn fuzzy_score(matcher: &SkimMatcherV2, text: &str, term: &Term, found: Found) -> i64 {
    match found.span {
        Some((start, end)) => contiguous_score(text, start, end),
        None => EXPANDED.with(|buffer| {
            let mut expanded = buffer.borrow_mut();
            expanded.clear();
            hangul::expand(text, &mut expanded);
            matcher
                .fuzzy_match(&expanded, &term.matcher_pattern)
                .unwrap_or(0)
        }),
    }
}

/// Skim's default weights (`SkimScoreConfig::default()`).
const SCORE_MATCH: i64 = 16;
const BONUS_HEAD: i64 = 8;
const BONUS_BREAK: i64 = 7;
const BONUS_CONSECUTIVE: i64 = 4;
const GAP_EXTENSION: i64 = -1;
const FIRST_CHAR_MULTIPLIER: i64 = 2;

/// Skim's score of the gap-free alignment of `text[start..end]` (a syllable
/// counts twice, being expanded to initial + syllable for the matcher).
fn contiguous_score(text: &str, start: usize, end: usize) -> i64 {
    let matched: i64 = text
        .get(start..end)
        .unwrap_or("")
        .chars()
        .map(|c| if hangul::is_syllable(c) { 2 } else { 1 })
        .sum();
    let start_bonus = match text
        .get(..start)
        .and_then(|before| before.chars().next_back())
    {
        None => BONUS_HEAD * FIRST_CHAR_MULTIPLIER,
        Some(' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}') => BONUS_HEAD,
        Some('!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~') => BONUS_BREAK,
        Some(_) => 0,
    };
    // The start bonus carries along the run of consecutive matches.
    let run_bonus = start_bonus.clamp(BONUS_CONSECUTIVE, BONUS_HEAD);
    GAP_EXTENSION + start_bonus + matched * SCORE_MATCH + (matched - 1).max(0) * run_bonus
}

/// Char indices (into the folded text) to highlight for this term, or `None`
/// if the term does not match the text.
pub(crate) fn highlight(text: &str, term: &Term) -> Option<Vec<usize>> {
    let char_len = text.chars().count();
    let found = classify(text, char_len, term, None, true)?;
    if let Some((start, end)) = found.span {
        let first = text[..start].chars().count();
        let count = text[start..end].chars().count();
        return Some((first..first + count).collect());
    }
    // The pieces that made the match plausible, not another alignment of the
    // same letters.
    let scatter = scatter::plausible(text, &term.units)?;
    let mut positions = scatter.positions.into_iter().peekable();
    Some(
        text.char_indices()
            .enumerate()
            .filter_map(|(index, (offset, _))| positions.next_if_eq(&offset).map(|_| index))
            .collect(),
    )
}
