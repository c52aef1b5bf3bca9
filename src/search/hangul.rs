//! Hangul helpers: syllable decomposition into initial consonants (초성) and
//! the "initial + syllable" expansion that lets `SkimMatcherV2` treat a lone
//! initial consonant in the query as a wildcard for any syllable that starts
//! with it.
//!
//! Depends on `crate::keyboard` for the syllable block's layout (first syllable,
//! syllables per initial, the 19 initials); knows nothing about documents or queries.

// The syllable block's layout lives with the keyboard, which composes syllables.
pub(crate) use crate::keyboard::{is_syllable, INITIALS};
use crate::keyboard::{SYLLABLES_PER_INITIAL, SYLLABLE_FIRST};

/// First conjoining initial consonant (choseong ᄀ, U+1100).
const CONJOINING_INITIAL_FIRST: u32 = 0x1100;

/// Index (0..19) of the initial consonant of a precomposed syllable.
pub(crate) fn syllable_initial(c: char) -> Option<u8> {
    if is_syllable(c) {
        // The quotient is < 19 because the syllable block holds 19 × 588 code points.
        Some(((c as u32 - SYLLABLE_FIRST) / SYLLABLES_PER_INITIAL) as u8)
    } else {
        None
    }
}

/// The vowel-and-final part of a syllable (0..588), used to spread syllables
/// that share an initial over the prefilter's bits.
pub(crate) fn syllable_rest(c: char) -> Option<u32> {
    if is_syllable(c) {
        Some((c as u32 - SYLLABLE_FIRST) % SYLLABLES_PER_INITIAL)
    } else {
        None
    }
}

/// Index (0..19) of a compatibility jamo that can stand as an initial consonant.
pub(crate) fn initial_jamo_index(c: char) -> Option<u8> {
    // Cheap range test first: this runs for every char of the text scanned.
    if !('ㄱ'..='ㅎ').contains(&c) {
        return None;
    }
    INITIALS.iter().position(|&j| j == c).map(|i| i as u8)
}

/// The initial consonant (as compatibility jamo) of a syllable or of an
/// initial jamo itself.
pub(crate) fn initial_jamo_of(c: char) -> Option<char> {
    match syllable_initial(c) {
        Some(initial) => INITIALS.get(initial as usize).copied(),
        None => initial_jamo_index(c).map(|_| c),
    }
}

/// Whether `c` is the initial consonant `initial`, alone or as the start of a syllable.
#[inline]
pub(crate) fn has_initial(c: char, initial: u8) -> bool {
    match syllable_initial(c) {
        Some(i) => i == initial,
        None => INITIALS.get(initial as usize) == Some(&c),
    }
}

/// Maps a lone conjoining initial (U+1100..U+1112, what NFD produces) to the
/// compatibility jamo a keyboard produces, so both spellings behave alike.
pub(crate) fn conjoining_initial_to_compat(c: char) -> Option<char> {
    let offset = (c as u32).checked_sub(CONJOINING_INITIAL_FIRST)?;
    INITIALS.get(offset as usize).copied()
}

/// Appends `folded` to `out` with every syllable written as
/// `[initial jamo][syllable]`, so that a subsequence matcher lets a query
/// initial match any syllable beginning with it.
pub(crate) fn expand(folded: &str, out: &mut String) {
    for c in folded.chars() {
        if let Some(initial) = syllable_initial(c) {
            out.push(INITIALS[initial as usize]);
        }
        out.push(c);
    }
}

/// A syllable's parts: initial (0..19), vowel (0..21) and final (0..28, 0 for none).
pub(crate) fn jamo_parts(c: char) -> Option<(u32, u32, u32)> {
    const FINALS: u32 = 28;
    const VOWELS: u32 = 21;
    let offset = (c as u32).checked_sub(SYLLABLE_FIRST)?;
    is_syllable(c).then_some((
        offset / (VOWELS * FINALS),
        offset / FINALS % VOWELS,
        offset % FINALS,
    ))
}
