//! The Korean standard two-set keyboard (두벌식, KS X 5002): which Latin key types
//! which jamo, and the input method's composition of jamo into syllables.
//!
//! For queries typed with the input method in the wrong mode — `eoejr` meant as 대덕,
//! `새ㅛㅐㅅㅁ` meant as `toyota` — and for pasted decomposed jamo (`ㄷㅐㄷㅓㄱ`). Pure
//! functions over text; depends on nothing in the crate (the syllable constants here are
//! also `search::hangul`'s).
//!
//! # Composition
//!
//! [`compose_jamo`] and [`hangul_from_latin`] follow the input method's automaton:
//!
//! - a consonant starts a syllable; a vowel after it completes one, and a second vowel
//!   that forms a compound with the first joins it (ㅗ+ㅏ → ㅘ: ㅘ ㅙ ㅚ ㅝ ㅞ ㅟ ㅢ);
//! - a consonant after the vowel becomes the final, a second one joins it when the two
//!   form a double final (ㄹ+ㄱ → ㄺ: ㄳ ㄵ ㄶ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅄ); ㄸ ㅃ ㅉ are
//!   never finals and start the next syllable;
//! - a vowel after a final takes the final's last consonant as its initial
//!   (ㅇㅜㄹㅅㅏㄴ → 울산, ㄷㅏㄹㄱㅏ → 달가);
//! - consonants never join each other without a vowel (ㄱㄱ stays ㄱㄱ, not ㄲ, as on
//!   the standard layout where ㄲ is Shift-R; ㄱㅅ stays ㄱㅅ, not ㄳ), so a run of
//!   consonants alone — an initial-consonant search such as ㅅㄷㅇㄱ — is left as it is;
//! - a vowel with no consonant before it stays a lone jamo, and a second vowel does not
//!   join it (ㅗㅏ stays ㅗㅏ);
//! - a pasted compound jamo counts as its parts where they could have been typed
//!   (ㄷㅏㄺ → 닭, ㄱㅘ → 과) and otherwise stays as it is (ㄳ alone);
//! - anything that is not a compatibility jamo ends the syllable being composed and is
//!   kept as it is (a precomposed syllable is never extended: 대ㅣ stays 대ㅣ).
//!
//! # Plausibility
//!
//! [`hangul_from_latin`] gives `None` unless the text composes into at least one
//! syllable with no vowel left over:
//!
//! - a vowel the input method leaves without a consonant before it means the text was
//!   not typed as Hangul: every Korean syllable starts with a consonant (ㅇ for a vowel
//!   sound). Most English words leave one (`toyota` → 새ㅛㅐㅅㅁ, `apple` → 메ㅔㅣㄷ); those
//!   that do not still convert, which is harmless where the conversion is only tried
//!   when the text as typed finds nothing;
//! - text of consonant keys only (`SDG`, `R&D`, `zzzz`) is an acronym far more often than
//!   an initial-consonant search typed with the input method off, and as initials it
//!   would match almost anything, so it is not converted;
//! - a consonant left alone beside syllables is kept (`eoejrr` → 대덕ㄱ).

use std::borrow::Cow;

/// First precomposed Hangul syllable, 가.
pub(crate) const SYLLABLE_FIRST: u32 = 0xAC00;
/// Last precomposed Hangul syllable, 힣.
pub(crate) const SYLLABLE_LAST: u32 = 0xD7A3;
/// Syllables per initial consonant: 21 vowels × 28 finals (incl. none).
pub(crate) const SYLLABLES_PER_INITIAL: u32 = (MEDIALS.len() * FINALS.len()) as u32;

/// The 19 initial consonants as compatibility jamo — what a Korean keyboard
/// produces for a lone consonant — in Unicode syllable order.
pub(crate) const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// The 21 vowels in Unicode syllable order; also the compatibility vowels U+314F..U+3163.
const MEDIALS: [char; 21] = [
    'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ',
    'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ',
];

/// The 27 finals in Unicode syllable order, after index 0 (no final).
const FINALS: [Option<char>; 28] = [
    None,
    Some('ㄱ'),
    Some('ㄲ'),
    Some('ㄳ'),
    Some('ㄴ'),
    Some('ㄵ'),
    Some('ㄶ'),
    Some('ㄷ'),
    Some('ㄹ'),
    Some('ㄺ'),
    Some('ㄻ'),
    Some('ㄼ'),
    Some('ㄽ'),
    Some('ㄾ'),
    Some('ㄿ'),
    Some('ㅀ'),
    Some('ㅁ'),
    Some('ㅂ'),
    Some('ㅄ'),
    Some('ㅅ'),
    Some('ㅆ'),
    Some('ㅇ'),
    Some('ㅈ'),
    Some('ㅊ'),
    Some('ㅋ'),
    Some('ㅌ'),
    Some('ㅍ'),
    Some('ㅎ'),
];

/// Compound vowels and the two vowels typed for each.
const COMPOUND_VOWELS: [(char, char, char); 7] = [
    ('ㅗ', 'ㅏ', 'ㅘ'),
    ('ㅗ', 'ㅐ', 'ㅙ'),
    ('ㅗ', 'ㅣ', 'ㅚ'),
    ('ㅜ', 'ㅓ', 'ㅝ'),
    ('ㅜ', 'ㅔ', 'ㅞ'),
    ('ㅜ', 'ㅣ', 'ㅟ'),
    ('ㅡ', 'ㅣ', 'ㅢ'),
];

/// Double finals and the two consonants typed for each.
const DOUBLE_FINALS: [(char, char, char); 11] = [
    ('ㄱ', 'ㅅ', 'ㄳ'),
    ('ㄴ', 'ㅈ', 'ㄵ'),
    ('ㄴ', 'ㅎ', 'ㄶ'),
    ('ㄹ', 'ㄱ', 'ㄺ'),
    ('ㄹ', 'ㅁ', 'ㄻ'),
    ('ㄹ', 'ㅂ', 'ㄼ'),
    ('ㄹ', 'ㅅ', 'ㄽ'),
    ('ㄹ', 'ㅌ', 'ㄾ'),
    ('ㄹ', 'ㅍ', 'ㄿ'),
    ('ㄹ', 'ㅎ', 'ㅀ'),
    ('ㅂ', 'ㅅ', 'ㅄ'),
];

/// The 두벌식 layout: each letter key, unshifted, and the jamo it types.
const KEYS: [(char, char); 26] = [
    ('q', 'ㅂ'),
    ('w', 'ㅈ'),
    ('e', 'ㄷ'),
    ('r', 'ㄱ'),
    ('t', 'ㅅ'),
    ('y', 'ㅛ'),
    ('u', 'ㅕ'),
    ('i', 'ㅑ'),
    ('o', 'ㅐ'),
    ('p', 'ㅔ'),
    ('a', 'ㅁ'),
    ('s', 'ㄴ'),
    ('d', 'ㅇ'),
    ('f', 'ㄹ'),
    ('g', 'ㅎ'),
    ('h', 'ㅗ'),
    ('j', 'ㅓ'),
    ('k', 'ㅏ'),
    ('l', 'ㅣ'),
    ('z', 'ㅋ'),
    ('x', 'ㅌ'),
    ('c', 'ㅊ'),
    ('v', 'ㅍ'),
    ('b', 'ㅠ'),
    ('n', 'ㅜ'),
    ('m', 'ㅡ'),
];

/// The keys that type another jamo with Shift; every other letter types the same jamo
/// with Shift as without.
const SHIFTED_KEYS: [(char, char); 7] = [
    ('Q', 'ㅃ'),
    ('W', 'ㅉ'),
    ('E', 'ㄸ'),
    ('R', 'ㄲ'),
    ('T', 'ㅆ'),
    ('O', 'ㅒ'),
    ('P', 'ㅖ'),
];

/// Whether `c` is a precomposed Hangul syllable (가..힣).
#[inline]
pub(crate) fn is_syllable(c: char) -> bool {
    (SYLLABLE_FIRST..=SYLLABLE_LAST).contains(&(c as u32))
}

/// Whether `c` is a compatibility consonant (ㄱ..ㅎ, double finals included).
fn is_consonant(c: char) -> bool {
    ('ㄱ'..='ㅎ').contains(&c)
}

/// Whether `c` is a compatibility vowel (ㅏ..ㅣ, compound vowels included).
fn is_vowel(c: char) -> bool {
    ('ㅏ'..='ㅣ').contains(&c)
}

/// The Latin key at the same place as a compatibility jamo on a 두벌식 keyboard:
/// 'ㅓ'→'j', 'ㅏ'→'k', 'ㅂ'→'q', 'ㅡ'→'m', 'ㅔ'→'p', 'ㅛ'→'y', 'ㅎ'→'g', 'ㅠ'→'b',
/// 'ㅅ'→'t', 'ㅊ'→'c', 'ㄴ'→'s', 'ㅌ'→'x', 'ㄷ'→'e', 'ㅣ'→'l', …; the shifted jamo to the
/// shifted key: 'ㅃ'→'Q', 'ㅉ'→'W', 'ㄸ'→'E', 'ㄲ'→'R', 'ㅆ'→'T', 'ㅒ'→'O', 'ㅖ'→'P'.
/// `None` for anything else, compound vowels and double finals included (they take two
/// keys: see [`latin_from_hangul`]).
pub fn latin_key(jamo: char) -> Option<char> {
    KEYS.iter()
        .chain(&SHIFTED_KEYS)
        .find(|&&(_, j)| j == jamo)
        .map(|&(key, _)| key)
}

/// The jamo a Latin key types on a 두벌식 keyboard ('r'→'ㄱ', 'R'→'ㄲ', 'k'→'ㅏ');
/// uppercase letters without a shifted jamo type the unshifted one ('K'→'ㅏ'). `None`
/// for anything but an ASCII letter.
pub fn jamo_for_key(key: char) -> Option<char> {
    if let Some(&(_, jamo)) = SHIFTED_KEYS.iter().find(|&&(k, _)| k == key) {
        return Some(jamo);
    }
    let key = key.to_ascii_lowercase();
    KEYS.iter().find(|&&(k, _)| k == key).map(|&(_, jamo)| jamo)
}

/// Latin text typed with the input method off that spells Hangul on a 두벌식 keyboard,
/// composed as the input method would: "eoejr"→"대덕", "dnftks"→"울산", "tkatjd"→"삼성",
/// "rhkdwn"→"광주". Spaces and other characters are kept. `None` when it is not
/// plausibly Hangul: when composing it makes no syllable (no ASCII letter, or consonant
/// keys only: `SDG`) or leaves a vowel with no consonant before it (`toyota` → 새ㅛㅐㅅㅁ);
/// see the module doc.
pub fn hangul_from_latin(text: &str) -> Option<String> {
    if !text.chars().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut composer = Composer::with_capacity(text.len() * 3);
    for c in text.chars() {
        composer.push(jamo_for_key(c).unwrap_or(c));
    }
    let (out, lone_vowel) = composer.finish();
    (!lone_vowel && out.chars().any(is_syllable)).then_some(out)
}

/// Hangul typed with the input method on where Latin was meant, decomposed back to the
/// keys: "새ㅛㅐㅅㅁ"→"toyota", "ㅁㅔㅔㅣㄷ"→"apple", syllables included ("햐"→"gi");
/// compound vowels and double finals give their two keys ("과"→"rhk", "ㄺ"→"fr"), shifted
/// jamo an uppercase key ("ㅆ"→"T"). Other characters are kept. `None` when the text has
/// no Hangul (no syllable and no compatibility jamo).
pub fn latin_from_hangul(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut any = false;
    for c in text.chars() {
        if let Some((initial, medial, last)) = decompose(c) {
            any = true;
            for jamo in [Some(initial), Some(medial), last].into_iter().flatten() {
                push_keys(jamo, &mut out);
            }
        } else if is_consonant(c) || is_vowel(c) {
            any = true;
            push_keys(c, &mut out);
        } else {
            out.push(c);
        }
    }
    any.then_some(out)
}

/// Runs of compatibility jamo composed into syllables as the input method would
/// ("ㄷㅐㄷㅓㄱ"→"대덕", "ㅇㅜㄹㅅㅏㄴ"→"울산"), with double finals and compound vowels
/// ("ㄷㅏㄹㄱ"→"닭", "ㄱㅘ"→"과") and the final that moves to a following vowel; a run of
/// consonants alone (ㅅㄷㅇㄱ, an initial-consonant search) is left as it is, and so is
/// every other character. Borrows `text` when nothing changes.
pub fn compose_jamo(text: &str) -> Cow<'_, str> {
    // Only a vowel jamo can make a syllable: most text has none.
    if !text.chars().any(is_vowel) {
        return Cow::Borrowed(text);
    }
    let mut composer = Composer::with_capacity(text.len());
    text.chars().for_each(|c| composer.push(c));
    let (out, _) = composer.finish();
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// The initial, vowel and final (as compatibility jamo) of a precomposed syllable.
fn decompose(c: char) -> Option<(char, char, Option<char>)> {
    if !is_syllable(c) {
        return None;
    }
    let offset = c as u32 - SYLLABLE_FIRST;
    let finals = FINALS.len() as u32;
    let initial = INITIALS[(offset / SYLLABLES_PER_INITIAL) as usize];
    let medial = MEDIALS[(offset % SYLLABLES_PER_INITIAL / finals) as usize];
    Some((initial, medial, FINALS[(offset % finals) as usize]))
}

/// The syllable of an initial, a vowel and an optional final; `None` when one of them
/// cannot stand there (ㄸ as a final, say).
fn syllable(initial: char, medial: char, last: Option<char>) -> Option<char> {
    let initial = INITIALS.iter().position(|&j| j == initial)? as u32;
    let medial = MEDIALS.iter().position(|&j| j == medial)? as u32;
    let last = FINALS.iter().position(|&j| j == last)? as u32;
    let finals = FINALS.len() as u32;
    char::from_u32(SYLLABLE_FIRST + initial * SYLLABLES_PER_INITIAL + medial * finals + last)
}

/// The two jamo typed for a compound vowel or a double final.
fn parts(jamo: char) -> Option<(char, char)> {
    COMPOUND_VOWELS
        .iter()
        .chain(&DOUBLE_FINALS)
        .find(|&&(_, _, compound)| compound == jamo)
        .map(|&(first, second, _)| (first, second))
}

/// The compound of two vowels or two finals, if they make one.
fn combine(table: &[(char, char, char)], first: char, second: char) -> Option<char> {
    table
        .iter()
        .find(|&&(a, b, _)| a == first && b == second)
        .map(|&(_, _, compound)| compound)
}

/// Appends the key (or the two keys) that type `jamo`; a jamo off the layout is kept.
fn push_keys(jamo: char, out: &mut String) {
    match (latin_key(jamo), parts(jamo)) {
        (Some(key), _) => out.push(key),
        (None, Some((first, second))) => {
            out.extend([first, second].map(|j| latin_key(j).unwrap_or(j)));
        }
        (None, None) => out.push(jamo),
    }
}

/// The syllable being composed.
#[derive(Clone, Copy)]
enum Pending {
    Nothing,
    /// A consonant that may start a syllable.
    Initial(char),
    /// Initial and vowel, and the final's one or two consonants.
    Syllable {
        initial: char,
        medial: char,
        first: Option<char>,
        second: Option<char>,
    },
}

/// The input method's automaton: feed it chars, then [`Composer::finish`].
struct Composer {
    out: String,
    pending: Pending,
    lone_vowel: bool,
}

impl Composer {
    fn with_capacity(capacity: usize) -> Composer {
        Composer {
            out: String::with_capacity(capacity),
            pending: Pending::Nothing,
            lone_vowel: false,
        }
    }

    fn push(&mut self, c: char) {
        if is_consonant(c) {
            self.consonant(c);
        } else if is_vowel(c) {
            self.vowel(c);
        } else {
            self.flush();
            self.out.push(c);
        }
    }

    fn consonant(&mut self, c: char) {
        match self.pending {
            Pending::Nothing if INITIALS.contains(&c) => self.pending = Pending::Initial(c),
            Pending::Syllable {
                initial,
                medial,
                first: None,
                ..
            } if FINALS.contains(&Some(c)) => {
                // A pasted double final counts as its two consonants.
                let (first, second) = match parts(c) {
                    Some((first, second)) => (first, Some(second)),
                    None => (c, None),
                };
                self.pending = Pending::Syllable {
                    initial,
                    medial,
                    first: Some(first),
                    second,
                };
            }
            Pending::Syllable {
                initial,
                medial,
                first: Some(first),
                second: None,
            } if combine(&DOUBLE_FINALS, first, c).is_some() => {
                self.pending = Pending::Syllable {
                    initial,
                    medial,
                    first: Some(first),
                    second: Some(c),
                };
            }
            Pending::Nothing => self.out.push(c),
            _ => {
                self.flush();
                self.consonant(c);
            }
        }
    }

    fn vowel(&mut self, v: char) {
        match self.pending {
            Pending::Nothing => {
                self.out.push(v);
                self.lone_vowel = true;
            }
            Pending::Initial(initial) => {
                self.pending = Pending::Syllable {
                    initial,
                    medial: v,
                    first: None,
                    second: None,
                };
            }
            Pending::Syllable {
                initial,
                medial,
                first: None,
                ..
            } => match combine(&COMPOUND_VOWELS, medial, v) {
                Some(compound) => {
                    self.pending = Pending::Syllable {
                        initial,
                        medial: compound,
                        first: None,
                        second: None,
                    };
                }
                None => {
                    self.flush();
                    self.vowel(v);
                }
            },
            Pending::Syllable {
                initial,
                medial,
                first: Some(first),
                second,
            } => {
                // The final's last consonant moves to the new syllable.
                let (kept, moved) = match second {
                    Some(second) => (Some(first), second),
                    None => (None, first),
                };
                self.emit(initial, medial, kept, None);
                self.pending = Pending::Syllable {
                    initial: moved,
                    medial: v,
                    first: None,
                    second: None,
                };
            }
        }
    }

    /// Writes out the syllable being composed, if any.
    fn flush(&mut self) {
        match std::mem::replace(&mut self.pending, Pending::Nothing) {
            Pending::Nothing => {}
            Pending::Initial(initial) => self.out.push(initial),
            Pending::Syllable {
                initial,
                medial,
                first,
                second,
            } => self.emit(initial, medial, first, second),
        }
    }

    fn emit(&mut self, initial: char, medial: char, first: Option<char>, second: Option<char>) {
        let last = match (first, second) {
            (Some(first), Some(second)) => combine(&DOUBLE_FINALS, first, second),
            (first, _) => first,
        };
        match syllable(initial, medial, last) {
            Some(s) => self.out.push(s),
            // Not reached: the automaton only builds valid syllables.
            None => self.out.extend(
                [Some(initial), Some(medial), first, second]
                    .into_iter()
                    .flatten(),
            ),
        }
    }

    /// The composed text, and whether a vowel was left without a consonant before it.
    fn finish(mut self) -> (String, bool) {
        self.flush();
        (self.out, self.lone_vowel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_key_types_its_jamo_and_back() {
        for (key, jamo) in KEYS {
            assert_eq!(jamo_for_key(key), Some(jamo), "{key}");
            assert_eq!(latin_key(jamo), Some(key), "{jamo}");
        }
        for (key, jamo) in SHIFTED_KEYS {
            assert_eq!(jamo_for_key(key), Some(jamo), "{key}");
            assert_eq!(latin_key(jamo), Some(key), "{jamo}");
        }
        // Uppercase letters without a shifted jamo type the unshifted one.
        for key in 'A'..='Z' {
            let shifted = SHIFTED_KEYS.iter().any(|&(k, _)| k == key);
            if !shifted {
                assert_eq!(jamo_for_key(key), jamo_for_key(key.to_ascii_lowercase()));
            }
        }
    }

    #[test]
    fn the_layout_is_the_standard_one() {
        let rows = [
            ("qwertyuiop", "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ"),
            ("asdfghjkl", "ㅁㄴㅇㄹㅎㅗㅓㅏㅣ"),
            ("zxcvbnm", "ㅋㅌㅊㅍㅠㅜㅡ"),
            ("QWERTOP", "ㅃㅉㄸㄲㅆㅒㅖ"),
        ];
        for (keys, jamo) in rows {
            let typed: String = keys.chars().filter_map(jamo_for_key).collect();
            assert_eq!(typed, jamo);
        }
        for (jamo, key) in [
            ('ㅓ', 'j'),
            ('ㅏ', 'k'),
            ('ㅂ', 'q'),
            ('ㅡ', 'm'),
            ('ㅔ', 'p'),
            ('ㅛ', 'y'),
            ('ㅎ', 'g'),
            ('ㅠ', 'b'),
            ('ㅅ', 't'),
            ('ㅊ', 'c'),
            ('ㄴ', 's'),
            ('ㅌ', 'x'),
            ('ㄷ', 'e'),
            ('ㅣ', 'l'),
            ('ㅃ', 'Q'),
            ('ㅉ', 'W'),
            ('ㄸ', 'E'),
            ('ㄲ', 'R'),
            ('ㅆ', 'T'),
            ('ㅒ', 'O'),
            ('ㅖ', 'P'),
        ] {
            assert_eq!(latin_key(jamo), Some(key), "{jamo}");
        }
        assert_eq!(jamo_for_key('K'), Some('ㅏ'));
        assert_eq!(jamo_for_key('R'), Some('ㄲ'));
    }

    #[test]
    fn every_simple_jamo_is_on_the_layout_and_compounds_are_not() {
        let on_layout = |j: char| latin_key(j).is_some();
        for jamo in INITIALS {
            assert!(on_layout(jamo), "{jamo}");
        }
        for jamo in MEDIALS {
            assert_eq!(on_layout(jamo), parts(jamo).is_none(), "{jamo}");
        }
        for jamo in FINALS.into_iter().flatten() {
            assert_eq!(on_layout(jamo), parts(jamo).is_none(), "{jamo}");
        }
        for c in ['a', '1', ' ', '가', 'ㆍ', 'ᄀ'] {
            assert_eq!(latin_key(c), None, "{c}");
        }
        for c in ['1', ' ', '-', 'é', 'ㄱ'] {
            assert_eq!(jamo_for_key(c), None, "{c}");
        }
    }

    #[test]
    fn tables_match_unicode() {
        for (i, &v) in MEDIALS.iter().enumerate() {
            assert_eq!(v as u32, 'ㅏ' as u32 + i as u32);
        }
        assert_eq!(syllable('ㄱ', 'ㅏ', None), Some('가'));
        assert_eq!(syllable('ㅎ', 'ㅣ', Some('ㅎ')), Some('힣'));
        assert_eq!(syllable('ㄷ', 'ㅏ', Some('ㄺ')), Some('닭'));
        assert_eq!(syllable('ㄱ', 'ㅏ', Some('ㄸ')), None);
        for c in ['가', '닭', '힣', '쀍', '과'] {
            let (initial, medial, last) = decompose(c).unwrap();
            assert_eq!(syllable(initial, medial, last), Some(c));
        }
        assert_eq!(decompose('ㄱ'), None);
        assert_eq!(decompose('a'), None);
    }

    #[test]
    fn every_syllable_decomposes_and_composes_again() {
        for code in SYLLABLE_FIRST..=SYLLABLE_LAST {
            let s = char::from_u32(code).unwrap();
            let (initial, medial, last) = decompose(s).unwrap();
            assert_eq!(syllable(initial, medial, last), Some(s));
            // Its keys, typed with the input method on, give the syllable back.
            let keys = latin_from_hangul(&s.to_string()).unwrap();
            assert_eq!(
                hangul_from_latin(&keys).as_deref(),
                Some(s.to_string().as_str())
            );
            // So do its jamo, pasted one by one.
            let mut jamo = String::from(initial);
            jamo.push(medial);
            jamo.extend(last);
            assert_eq!(compose_jamo(&jamo), s.to_string(), "{jamo}");
        }
    }

    #[test]
    fn latin_typed_in_the_wrong_mode_spells_hangul() {
        for (typed, meant) in [
            ("eoejr", "대덕"),
            ("dnftks", "울산"),
            ("tkatjd", "삼성"),
            // Shift-T is ㅆ, as the layout says.
            ("tkaTjd", "삼썽"),
            ("rhkdwn", "광주"),
            ("tjdnf", "서울"),
            ("vhgkd", "포항"),
            ("rnaleh", "구미도"),
            ("ekfr", "닭"),
            ("ekfrdl", "닭이"),
            ("ekfrk", "달가"),
            ("rkqt", "값"),
            ("rkqtdl", "값이"),
            ("dksgek", "않다"),
            ("dhkstjd", "완성"),
            ("dnpqtkdlxm", "웹사이트"),
            ("ghlwkd", "회장"),
            ("dmlwk", "의자"),
            ("Rhc", "꽃"),
            ("WkfEk", "짤따"),
            ("eoejr rhkdwn", "대덕 광주"),
            ("eoejr-1", "대덕-1"),
            ("EEk", "ㄸ따"),
            ("dkQ", "아ㅃ"),
            ("eoejrr", "대덕ㄱ"),
            ("reoejr", "ㄱ대덕"),
            ("Eoejr", "때덕"),
            ("EOEJR", "떄떢"),
            ("gksrmf", "한글"),
        ] {
            assert_eq!(hangul_from_latin(typed).as_deref(), Some(meant), "{typed}");
        }
    }

    #[test]
    fn latin_that_is_not_hangul_does_not_convert() {
        for text in ["", "123", " - ", "대덕", "ㅅㄷㅇㄱ", "é"] {
            assert_eq!(hangul_from_latin(text), None, "{text:?}");
        }
        // Consonant keys only: an acronym, not Hangul.
        for text in ["tedr", "rr", "rt", "SDG", "R&D", "zzzz qqqq"] {
            assert_eq!(hangul_from_latin(text), None, "{text:?}");
        }
        // A vowel key with no consonant before it: not typed as Hangul.
        for text in ["toyota", "apple", "kim", "oulu", "eoejr k", "ios", "hk"] {
            assert_eq!(hangul_from_latin(text), None, "{text:?}");
        }
    }

    #[test]
    fn hangul_typed_in_the_wrong_mode_spells_latin() {
        for (typed, meant) in [
            ("새ㅛㅐㅅㅁ", "toyota"),
            ("ㅁㅔㅔㅣㄷ", "apple"),
            ("햐", "gi"),
            ("ㅗ무", "han"),
            ("과", "rhk"),
            ("닭", "ekfr"),
            ("ㄺ", "fr"),
            ("ㅘ", "hk"),
            ("ㅆ", "T"),
            ("ㅃㅒ", "QO"),
            ("새ㅛㅐㅅㅁ 챠쇼", "toyota city"),
            ("ㅏㅑㅜㅇ:ㅊㅁㄴㄷ", "kind:case"),
            ("ㄷㅅ갸 2", "etri 2"),
        ] {
            assert_eq!(latin_from_hangul(typed).as_deref(), Some(meant), "{typed}");
        }
        for text in ["", "toyota", "123 -", "ᄀ", "ㆍ"] {
            assert_eq!(latin_from_hangul(text), None, "{text:?}");
        }
    }

    #[test]
    fn round_trips_of_real_words() {
        for keys in [
            "eoejr",
            "dnftks",
            "tkaTjd",
            "rhkdwn",
            "tksdjqqnsdi",
            "dusrnroqkf",
            "xmrrn",
            "wkehdckwjsrl",
            "qksehcp",
            "eogkrry",
            "dbcl",
            "tkdydcjs",
            "gksrnrrhkgkrrltnfdnjs",
            "Ekfrl",
            "dlscjsrhdgkd",
            "ekfrrhrl",
            "dksgdmaus",
            "rhkstlaQkdtjd",
            "eoejr dusrnroqkf xmrrn",
        ] {
            let hangul = hangul_from_latin(keys).unwrap_or_else(|| panic!("{keys}"));
            assert_eq!(
                latin_from_hangul(&hangul).as_deref(),
                Some(keys),
                "{hangul}"
            );
        }
        for word in [
            "대덕연구개발특구",
            "울산",
            "삼성",
            "닭고기",
            "앉아서",
            "읽었다",
            "꿰뚫다",
        ] {
            let keys = latin_from_hangul(word).unwrap();
            assert_eq!(hangul_from_latin(&keys).as_deref(), Some(word), "{keys}");
            let jamo: String = keys.chars().filter_map(jamo_for_key).collect();
            assert_eq!(compose_jamo(&jamo), word, "{jamo}");
        }
    }

    #[test]
    fn jamo_compose_as_the_input_method_would() {
        for (jamo, composed) in [
            ("ㄷㅐㄷㅓㄱ", "대덕"),
            ("ㅇㅜㄹㅅㅏㄴ", "울산"),
            ("ㄷㅏㄹㄱ", "닭"),
            ("ㄷㅏㄺ", "닭"),
            ("ㄷㅏㄺㅏ", "달가"),
            ("ㄷㅏㄹㄱㅏ", "달가"),
            ("ㄱㅘ", "과"),
            ("ㄱㅗㅏ", "과"),
            ("ㄱㅗㅐ", "괘"),
            ("ㄱㅗㅣ", "괴"),
            ("ㄱㅜㅓ", "궈"),
            ("ㄱㅜㅔ", "궤"),
            ("ㄱㅜㅣ", "귀"),
            ("ㅇㅡㅣ", "의"),
            ("ㄱㅘㅏ", "과ㅏ"),
            ("ㄱㅏㅏ", "가ㅏ"),
            ("ㄱㅏㄲ", "갂"),
            ("ㄱㅏㄲㅏ", "가까"),
            ("ㄱㅏㄸ", "가ㄸ"),
            ("ㄱㅏㄸㅏ", "가따"),
            ("ㄱㅏㄹㄱㅅ", "갉ㅅ"),
            ("ㄱㅏㄳㅅ", "갃ㅅ"),
            ("ㄱㅏㅂㅅㅇㅣ", "값이"),
            ("ㄱㅏㄴㅈ", "갅"),
            ("ㄱㅏㄴㅎ", "갆"),
            ("ㄱㅏㄹㅁ", "갊"),
            ("ㄱㅏㄹㅂ", "갋"),
            ("ㄱㅏㄹㅅ", "갌"),
            ("ㄱㅏㄹㅌ", "갍"),
            ("ㄱㅏㄹㅍ", "갎"),
            ("ㄱㅏㄹㅎ", "갏"),
            ("ㄱㅏㄱㅅ", "갃"),
            ("ㄱㅏㄹㄹ", "갈ㄹ"),
            ("ㅏㄱㅏ", "ㅏ가"),
            ("ㅗㅏ", "ㅗㅏ"),
            ("ㄳㅏ", "ㄳㅏ"),
            ("대ㅣ", "대ㅣ"),
            ("대ㄷㅓㄱ", "대덕"),
            ("ㄷㅐ ㄷㅓㄱ", "대 덕"),
            ("ㄷㅐㄷ", "댇"),
            ("ㅅㄷㅇㄱ ㄷㅐㄷㅓㄱ", "ㅅㄷㅇㄱ 대덕"),
            ("ㅅㄷㅇㅣ", "ㅅㄷ이"),
            ("'ㄷㅐㄷㅓㄱ$", "'대덕$"),
            ("kind:ㄷㅐ", "kind:대"),
        ] {
            assert_eq!(compose_jamo(jamo), composed, "{jamo}");
        }
    }

    #[test]
    fn compose_borrows_when_nothing_changes() {
        for text in ["", "대덕", "ㅅㄷㅇㄱ", "ㄱㄱ ㄳ", "toyota", "ㅏㅏ", "대ㅣ"] {
            assert!(
                matches!(compose_jamo(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
        }
        assert!(matches!(compose_jamo("ㄱㅏ"), Cow::Owned(_)));
    }

    fn jamo_text() -> impl Strategy<Value = String> {
        let chars = prop_oneof![
            4 => (0x3131u32..=0x3163).prop_map(|c| char::from_u32(c).unwrap()),
            1 => prop::sample::select(vec!['가', '닭', ' ', 'a', '1', 'ᄀ', 'ㆍ', '\u{3164}', '$']),
            1 => any::<char>(),
        ];
        prop::collection::vec(chars, 0..24).prop_map(|v| v.into_iter().collect())
    }

    fn consonant_runs() -> impl Strategy<Value = String> {
        let chars = prop_oneof![
            8 => (0x3131u32..=0x314E).prop_map(|c| char::from_u32(c).unwrap()),
            1 => prop::sample::select(vec![' ', '가', 'a', '-']),
        ];
        prop::collection::vec(chars, 0..24).prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn compose_never_panics_and_keeps_the_rest(text in jamo_text()) {
            let composed = compose_jamo(&text);
            // What is not a compatibility jamo is kept, in order.
            let other = |s: &str| -> String {
                s.chars().filter(|&c| !is_consonant(c) && !is_vowel(c) && !is_syllable(c)).collect()
            };
            prop_assert_eq!(other(&composed), other(&text));
            // Composing never adds characters and is idempotent.
            prop_assert!(composed.chars().count() <= text.chars().count());
            prop_assert_eq!(compose_jamo(&composed), composed.clone());
        }

        #[test]
        fn consonant_runs_are_left_as_they_are(text in consonant_runs()) {
            prop_assert!(matches!(compose_jamo(&text), Cow::Borrowed(_)));
        }

        #[test]
        fn keys_round_trip(keys in "[a-zA-Z ]{0,16}") {
            if let Some(hangul) = hangul_from_latin(&keys) {
                // Uppercase letters without a shifted jamo come back lowercase.
                let expected: String = keys
                    .chars()
                    .map(|c| jamo_for_key(c).and_then(latin_key).unwrap_or(c))
                    .collect();
                prop_assert_eq!(latin_from_hangul(&hangul), Some(expected));
            }
        }

        #[test]
        fn conversions_never_panic(text in any::<String>()) {
            let _ = hangul_from_latin(&text);
            let _ = latin_from_hangul(&text);
        }
    }
}
