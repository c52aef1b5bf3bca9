//! Text normalisation shared by documents and queries: NFC, full-width Latin
//! to half-width, Unicode lowercase, every kind of whitespace to a plain
//! space, and conjoining initials to compatibility jamo. Also the 64-bit
//! character masks used by the prefilter.
//!
//! Depends on `crate::text` (NFC, the same as the loader's) and the sibling
//! `hangul` module only.

pub(crate) use crate::text::nfc;

use super::hangul;

/// Feeds the folded form of one (NFC) char to `push`; a char may fold to
/// several (e.g. 'İ' lowercases to "i\u{307}").
pub(crate) fn fold_char(c: char, mut push: impl FnMut(char)) {
    match fold_common(c) {
        Some(folded) => push(folded),
        None => fold_other(c, push),
    }
}

/// The folded form of an ASCII char or a Hangul syllable, which are nearly all of the
/// text and each fold to one char, without the general rule's tables; `None` for any
/// other char. (A unit test checks it against [`fold_other`].)
#[inline]
pub(crate) fn fold_common(c: char) -> Option<char> {
    if c.is_ascii() {
        Some(if c.is_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        })
    } else if hangul::is_syllable(c) {
        // Caseless: no lowercase tables.
        Some(c)
    } else {
        None
    }
}

/// The general rule: full-width ASCII, whitespace, conjoining initials, lowercase.
fn fold_other(c: char, mut push: impl FnMut(char)) {
    let c = match c as u32 {
        // Full-width ASCII variants sit at a fixed offset from ASCII.
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if c.is_whitespace() {
        push(' ');
    } else if let Some(jamo) = hangul::conjoining_initial_to_compat(c) {
        push(jamo);
    } else if c.is_ascii() {
        push(c.to_ascii_lowercase());
    } else {
        c.to_lowercase().for_each(push);
    }
}

/// Folds NFC text for matching.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// Folds NFC text and also returns, for each char of the result, the char
/// index in `text` it came from. Only computed for hits being returned, so
/// the index never stores such maps.
pub(crate) fn fold_with_origin(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        fold_char(c, |f| {
            out.push(f);
            origin.push(index);
        });
    }
    (out, origin)
}

/// Bits 0..26: ASCII letters; bits 26..45: Hangul initial consonants (set by a
/// syllable and by a lone jamo alike); bits 45..64: everything else hashed,
/// syllables by their vowel-and-final part.
const INITIAL_BITS: u32 = 26;
const HASHED_BITS: u32 = 45;
const HASH_BUCKETS: u32 = 64 - HASHED_BITS;

/// The mask bits a folded text char sets.
pub(crate) fn char_mask(c: char) -> u64 {
    if c.is_ascii_lowercase() {
        return 1 << (c as u32 - 'a' as u32);
    }
    if let Some(initial) = hangul::syllable_initial(c) {
        let rest = hangul::syllable_rest(c).unwrap_or(0);
        return (1 << (INITIAL_BITS + initial as u32)) | (1 << (HASHED_BITS + rest % HASH_BUCKETS));
    }
    if let Some(initial) = hangul::initial_jamo_index(c) {
        return 1 << (INITIAL_BITS + initial as u32);
    }
    if c == ' ' {
        // Spaces are everywhere; giving them a bit would only cost a collision.
        return 0;
    }
    1 << (HASHED_BITS + c as u32 % HASH_BUCKETS)
}

/// The bits a query initial consonant requires of a text.
pub(crate) fn initial_mask(initial: u8) -> u64 {
    1 << (INITIAL_BITS + initial as u32)
}

/// Mask of all chars of a folded text.
pub(crate) fn text_mask(folded: &str) -> u64 {
    folded.chars().fold(0, |mask, c| mask | char_mask(c))
}

/// The bit an adjacent pair of folded chars sets in a pair mask: a term can
/// only occur contiguously in a text whose pair mask has all of its pairs.
pub(crate) fn pair_bit(first: char, second: char) -> u64 {
    1 << pair_hash(first, second, 6)
}

/// A hash of an adjacent pair of chars, `bits` bits wide (1..=63).
pub(crate) fn pair_hash(first: char, second: char, bits: u32) -> usize {
    let key = (u64::from(u32::from(first)) << 21) ^ u64::from(u32::from(second));
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// Calls `each` with every adjacent pair that [`text_pair_mask`] records.
pub(crate) fn for_each_pair(folded: &str, mut each: impl FnMut(char, char)) {
    let mut chars = folded.chars();
    let Some(mut previous) = chars.next() else {
        return;
    };
    for c in chars {
        if previous != ' ' && c != ' ' {
            each(previous, c);
            if let (Some(first), Some(second)) = (
                hangul::initial_jamo_of(previous),
                hangul::initial_jamo_of(c),
            ) {
                each(first, second);
            }
        }
        previous = c;
    }
}

/// Pair mask of a folded text: every adjacent pair of chars, and for two
/// adjacent Hangul chars also the pair of their initial consonants (so terms
/// with lone initials are prefiltered too). Pairs with a space are left out:
/// terms never contain one.
pub(crate) fn text_pair_mask(folded: &str) -> u64 {
    let mut mask = 0;
    for_each_pair(folded, |first, second| mask |= pair_bit(first, second));
    mask
}

/// Whether a match starting after `prev` starts a word.
pub(crate) fn starts_word_after(prev: char) -> bool {
    !prev.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_chars_fold_as_the_general_rule_folds_them() {
        let syllables = ['가', '울', '힣', '덕'];
        for c in (0..=0x7F_u8).map(char::from).chain(syllables) {
            let mut general = Vec::new();
            fold_other(c, |f| general.push(f));
            assert_eq!(fold_common(c).map(|f| vec![f]), Some(general), "{c:?}");
        }
        for other in ['ㄱ', 'É', 'İ', '\u{1100}', 'Ａ', '\u{3000}', '漢'] {
            assert_eq!(fold_common(other), None, "{other:?} takes the general rule");
        }
    }
}
