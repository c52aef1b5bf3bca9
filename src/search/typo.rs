//! Typo tolerance: the words of the whole collection (its vocabulary), and for a term that
//! occurs nowhere as typed, the spellings one edit away that do occur. Latin: a swap of two
//! neighbours, or one missing, extra or wrong letter, against the start of a word (the term
//! may be a word still being typed). Korean: one syllable with one wrong jamo — initial,
//! vowel or final, a missing or extra final included — anywhere in a word, since Korean
//! writes compounds as one word (`벨리` → 밸리 in 대덕밸리).
//!
//! Depends on `rayon`, `foldhash`, `memchr` and the sibling `hangul` module; knows nothing
//! of documents or ranking.

use rayon::prelude::*;

use super::hangul;

/// A term needs this many letters before a typo is assumed: shorter ones have too many
/// neighbours to guess from.
pub(crate) const MIN_LETTERS: usize = 4;

/// A Korean term needs this many syllables: a two-syllable word is one jamo away from
/// dozens of others, endings included (부산 from 분산, 구글 from 특구를).
pub(crate) const MIN_SYLLABLES: usize = 3;

/// At most this many spellings are tried for one term, the most common first.
const MAX_CORRECTIONS: usize = 32;

/// Every distinct word of the collection (maximal runs of letters and digits, folded).
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    /// The words, each followed by `\n`, so that one substring search over it tells
    /// whether a term occurs in any word.
    joined: String,
    /// The words with how many fields hold each, most common first.
    words: Vec<(Box<str>, u32)>,
}

impl Vocabulary {
    /// The vocabulary of folded field texts.
    pub(crate) fn build(texts: &[&str]) -> Vocabulary {
        let counts = texts
            .par_iter()
            .fold(
                foldhash::HashMap::<&str, u32>::default,
                |mut counts, text| {
                    let distinct: foldhash::HashSet<&str> = words_of(text).collect();
                    for word in distinct {
                        *counts.entry(word).or_default() += 1;
                    }
                    counts
                },
            )
            .reduce(foldhash::HashMap::default, |mut a, b| {
                for (word, count) in b {
                    *a.entry(word).or_default() += count;
                }
                a
            });
        let mut words: Vec<(Box<str>, u32)> =
            counts.into_iter().map(|(w, n)| (w.into(), n)).collect();
        words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut joined = String::with_capacity(words.iter().map(|(w, _)| w.len() + 1).sum());
        for (word, _) in &words {
            joined.push_str(word);
            joined.push('\n');
        }
        Vocabulary { joined, words }
    }

    /// Whether some word of the collection contains `term` (folded).
    pub(crate) fn contains(&self, term: &str) -> bool {
        memchr::memmem::find(self.joined.as_bytes(), term.as_bytes()).is_some()
    }

    /// For a folded term that no word contains: the spellings one edit away that words
    /// do contain (the part of the word the term stands for), most common first. Empty for
    /// a term that is too short, holds anything but letters and digits, or occurs as typed.
    pub(crate) fn corrections(&self, term: &str) -> Vec<String> {
        let chars: Vec<char> = term.chars().collect();
        if !eligible(&chars) || self.contains(term) {
            return Vec::new();
        }
        let korean = chars.iter().any(|&c| hangul::is_syllable(c));
        let mut found: Vec<String> = Vec::new();
        let mut word_chars = Vec::new();
        for (word, _) in &self.words {
            word_chars.clear();
            word_chars.extend(word.chars());
            let spelling = if korean {
                one_jamo_within(&chars, &word_chars)
            } else {
                one_edit_prefix(&chars, &word_chars)
            };
            if let Some(spelling) = spelling {
                let spelling: String = spelling.iter().collect();
                if !found.contains(&spelling) {
                    found.push(spelling);
                    if found.len() == MAX_CORRECTIONS {
                        break;
                    }
                }
            }
        }
        found
    }
}

/// The words of a folded text.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether a folded term is long enough and plain enough (letters and digits)
/// to look for its corrections.
pub(crate) fn worth_correcting(term: &str) -> bool {
    eligible(&term.chars().collect::<Vec<_>>())
}

fn eligible(term: &[char]) -> bool {
    let syllables = term.iter().filter(|&&c| hangul::is_syllable(c)).count();
    term.iter().all(|c| c.is_alphanumeric())
        && if syllables > 0 {
            syllables >= MIN_SYLLABLES
        } else {
            term.len() >= MIN_LETTERS
        }
}

/// The start of `word` that `term` is one edit away from (a swap of two neighbours, one
/// letter missing, extra or wrong), if any. An exact prefix does not count, and the first
/// letter must be right unless it swapped places with the second: people rarely mistype
/// the letter they start with, and allowing it makes `kospi` a `hospi(tal)`.
fn one_edit_prefix<'w>(term: &[char], word: &'w [char]) -> Option<&'w [char]> {
    let first_difference = term.iter().zip(word).take_while(|(a, b)| a == b).count();
    let i = first_difference;
    if i == term.len() {
        // The term is a prefix of the word: no edit.
        return None;
    }
    if i == 0 {
        let swapped = term.len() > 1
            && word.len() > 1
            && term[0] == word[1]
            && term[1] == word[0]
            && word[2..].starts_with(&term[2..]);
        return swapped.then(|| &word[..term.len()]);
    }
    // Two neighbours swapped.
    if term.len() > i + 1
        && word.len() > i + 1
        && term[i] == word[i + 1]
        && term[i + 1] == word[i]
        && word[i + 2..].starts_with(&term[i + 2..])
    {
        return Some(&word[..term.len()]);
    }
    // A letter missing from the term.
    if word.len() > i && word[i + 1..].starts_with(&term[i..]) {
        return Some(&word[..term.len() + 1]);
    }
    // A wrong letter.
    if word.len() > i && word[i + 1..].starts_with(&term[i + 1..]) {
        return Some(&word[..term.len()]);
    }
    // An extra letter in the term.
    if word[i..].starts_with(&term[i + 1..]) {
        return Some(&word[..term.len() - 1]);
    }
    None
}

/// The part of `word` equal to `term` but for one syllable that differs in exactly one
/// jamo (initial, vowel or final — a missing or extra final included), if any.
fn one_jamo_within<'w>(term: &[char], word: &'w [char]) -> Option<&'w [char]> {
    if word.len() < term.len() {
        return None;
    }
    word.windows(term.len()).find(|window| {
        let mut differing = term.iter().zip(*window).filter(|(a, b)| a != b);
        match (differing.next(), differing.next()) {
            (Some((&a, &b)), None) => one_jamo_apart(a, b),
            _ => false,
        }
    })
}

/// Whether two syllables differ in exactly one of initial, vowel and final.
fn one_jamo_apart(a: char, b: char) -> bool {
    match (hangul::jamo_parts(a), hangul::jamo_parts(b)) {
        (Some((ia, va, fa)), Some((ib, vb, fb))) => {
            usize::from(ia != ib) + usize::from(va != vb) + usize::from(fa != fb) == 1
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(text: &str) -> Vocabulary {
        Vocabulary::build(&[text])
    }

    #[test]
    fn latin_terms_one_edit_from_a_word_start_are_corrected() {
        let words = vocabulary("university research cluster daedeok");
        assert_eq!(words.corrections("univrsity"), ["university"]);
        assert_eq!(words.corrections("reserach"), ["research"]);
        assert_eq!(words.corrections("clsuter"), ["cluster"]);
        assert_eq!(words.corrections("clustr"), ["cluster"]);
        assert_eq!(words.corrections("daedeik"), ["daedeok"]);
        assert_eq!(
            words.corrections("aedeok"),
            Vec::<String>::new(),
            "first letter missing"
        );
        assert_eq!(
            words.corrections("adedeok"),
            ["daedeok"],
            "first two swapped"
        );
    }

    #[test]
    fn terms_that_occur_short_ones_and_far_ones_are_left_alone() {
        let words = vocabulary("university research");
        assert!(words.corrections("versity").is_empty(), "occurs as typed");
        assert!(words.corrections("unv").is_empty(), "too short");
        assert!(words.corrections("unvrsty").is_empty(), "two edits");
        assert!(words.corrections("kospi").is_empty());
        let hospital = vocabulary("hospitals");
        assert!(
            hospital.corrections("kospi").is_empty(),
            "the first letter is kept"
        );
    }

    #[test]
    fn korean_terms_one_jamo_off_are_corrected_inside_compounds() {
        let words = vocabulary("대덕밸리의 연구소 샌디에고 클러스터");
        assert_eq!(words.corrections("덕벨리"), ["덕밸리"]);
        assert_eq!(words.corrections("대덩밸"), ["대덕밸"]);
        assert_eq!(words.corrections("연구스"), ["연구소"]);
        assert_eq!(words.corrections("샌디애고"), ["샌디에고"]);
        assert_eq!(words.corrections("클라스터"), ["클러스터"], "a wrong vowel");
        assert_eq!(words.corrections("연구솟"), ["연구소"], "an extra final");
        assert!(
            words.corrections("대덩").is_empty(),
            "two syllables are too few"
        );
        assert!(words.corrections("엉구스").is_empty(), "two syllables off");
    }

    #[test]
    fn common_spellings_come_first() {
        let words = Vocabulary::build(&["park", "park", "part"]);
        assert_eq!(words.corrections("parx"), ["park", "part"]);
    }
}
