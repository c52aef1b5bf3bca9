//! Narrowing a short list of labels as the user types (the explorer's filter pickers):
//! whether a typed text matches one label, how well, and which characters to mark.
//!
//! The same folding and matching as the search box, so a picker understands what the
//! search box does: case and full-width letters ignored, decomposed jamo composed
//! (ㅎㅏㄴ is 한), a lone initial consonant standing for any syllable it starts
//! (`ㅎㄱ` finds 한국), words separated by spaces each required. Only contiguous pieces
//! and the plausible scattered letters of a short text count ([`super::matcher`]).
//!
//! Depends on the sibling `fold`, `matcher` and `query` modules only.

use super::fold;
use super::matcher::{self, MatchClass};
use super::query::{Mode, Term};

/// How a typed text matches a label: better matches compare greater.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelMatch {
    /// The weakest of the words' matches: 0 scattered letters, 1 one edit away, 2 inside
    /// a word, 3 the start of a word, 4 a whole word, 5 the label's start, 6 all of it.
    pub quality: u8,
    /// Char indices into the label to mark: sorted, unique.
    pub indices: Vec<usize>,
}

/// How `typed` matches `label`, or `None` when some word of it does not. Empty text
/// matches every label, with the lowest quality and nothing marked.
pub fn match_label(typed: &str, label: &str) -> Option<LabelMatch> {
    let terms: Vec<Term> = typed
        .split_whitespace()
        .map(|word| Term::new(word, Mode::Fuzzy))
        .filter(|term| !term.units.is_empty())
        .collect();
    if terms.is_empty() {
        return Some(LabelMatch {
            quality: 0,
            indices: Vec::new(),
        });
    }
    let (folded, origin) = fold::fold_with_origin(&fold::nfc(label));
    let char_len = folded.chars().count();
    let mut quality = u8::MAX;
    let mut indices = Vec::new();
    for term in &terms {
        let found = matcher::classify(&folded, char_len, term, None, true)?;
        quality = quality.min(rank(found.class));
        let marked = matcher::highlight(&folded, term).unwrap_or_default();
        indices.extend(marked.into_iter().filter_map(|i| origin.get(i).copied()));
    }
    indices.sort_unstable();
    indices.dedup();
    Some(LabelMatch { quality, indices })
}

fn rank(class: MatchClass) -> u8 {
    match class {
        MatchClass::Fuzzy => 0,
        MatchClass::Typo => 1,
        MatchClass::Substring => 2,
        MatchClass::WordPrefix => 3,
        MatchClass::WholeWord => 4,
        MatchClass::Prefix => 5,
        MatchClass::Exact => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quality(typed: &str, label: &str) -> Option<u8> {
        match_label(typed, label).map(|m| m.quality)
    }

    #[test]
    fn a_syllable_initials_and_decomposed_jamo_find_the_label() {
        assert_eq!(quality("한", "한국"), Some(5));
        assert_eq!(quality("ㅎㄱ", "한국"), Some(6));
        assert_eq!(quality("ㅎㅏㄴ", "한국"), Some(5));
        assert_eq!(quality("한", "미국"), None);
        assert_eq!(match_label("ㅎㄱ", "한국").unwrap().indices, vec![0, 1]);
    }

    #[test]
    fn latin_words_match_ignoring_case_and_each_word_is_required() {
        assert_eq!(quality("kor", "South Korea"), Some(3));
        assert_eq!(quality("KOREA", "South Korea"), Some(4));
        assert_eq!(quality("south kor", "South Korea"), Some(3));
        assert_eq!(quality("north kor", "South Korea"), None);
        assert_eq!(
            match_label("kor", "South Korea").unwrap().indices,
            vec![6, 7, 8]
        );
    }

    #[test]
    fn nothing_typed_matches_everything_and_marks_nothing() {
        let all = match_label("  ", "한국").expect("matches");
        assert_eq!(all.quality, 0);
        assert!(all.indices.is_empty());
    }
}
