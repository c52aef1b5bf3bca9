//! When a term's letters are scattered over a text, whether that is a match a person would
//! mean. The term is cut into pieces: the first starts a word; each next one starts one of
//! the following words (one word may be skipped), or — in Korean, which writes compounds
//! as one word and abbreviates them by their syllables (산단 for 산업단지) — goes on in the
//! same word after a gap of one or two syllables. A Latin term of four letters or more
//! takes at most half as many words as letters; a Korean one at most one word per two
//! syllables. `sdv` finds "San Diego Valley", `sandiego` "San Diego", `대특` "대덕특구"; but
//! `ulsan` is not found in "Open culture …" by one letter here and one there, `apple` not
//! in "a supplier", `tesla` not in "the … solar", and a word no text contains (`kospi`)
//! finds nothing. fzf's bonuses for
//! consecutive letters and word starts point the same way; this makes them a rule.
//!
//! Depends on the sibling `query` and `hangul` modules. Positions are byte offsets into the
//! folded text.

use super::hangul;
use super::query::Unit;

/// A plausible scattered match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scatter {
    /// How many pieces the term was cut into (2 or more: one piece is a contiguous match).
    pub(crate) pieces: usize,
    /// Letters skipped inside words.
    pub(crate) skipped: usize,
    /// Byte offsets of the matched chars, ascending.
    pub(crate) positions: Vec<usize>,
}

/// Steps of the search for one text; a pathological term (`aaaaaaaa` over `a a a a …`)
/// gives up there instead of exploring every split.
const MAX_STEPS: usize = 4096;

/// Terms lighter than this match contiguously or not at all: two letters from two words
/// (`hp` in "higher profits") are chance, not intent.
const MIN_WEIGHT: usize = 3;

/// The longest gap inside a Korean word between two pieces, in syllables.
const MAX_GAP: usize = 2;

/// What a term may spend on being scattered.
#[derive(Debug, Clone, Copy)]
struct Allowance {
    /// Words the pieces may lie in.
    words: usize,
    /// Letters skipped inside words, all gaps together.
    skipped: usize,
}

/// A Hangul syllable weighs two letters (it holds two or three jamo), anything else one.
fn weight(units: &[Unit]) -> usize {
    units
        .iter()
        .map(|unit| match unit {
            Unit::Char(c) if hangul::is_syllable(*c) => 2,
            _ => 1,
        })
        .sum()
}

fn is_syllable_unit(unit: &Unit) -> bool {
    matches!(unit, Unit::Char(c) if hangul::is_syllable(*c))
}

/// Up to three letters any word may hold a piece (an acronym: `sdv`); from four on, the
/// words average two letters or more, so that single letters strewn over consecutive
/// words do not spell a word. Syllables from two words (`회의` in "회사 의견") are chance
/// too: a Korean term takes one word per two syllables.
fn allowance(units: &[Unit]) -> Allowance {
    let weight = weight(units);
    let words = if units.iter().any(is_syllable_unit) {
        (units.len() / 2).max(1)
    } else if weight <= 3 {
        units.len()
    } else {
        weight / 2
    };
    Allowance {
        words,
        skipped: weight / 2,
    }
}

/// Whether a scattered match may exist at all.
fn may_scatter(units: &[Unit]) -> bool {
    weight(units) >= MIN_WEIGHT && units.len() >= 2 && units.iter().all(is_word_unit)
}

/// The fewest of the term's adjacent pairs of units a text must hold side by side for a
/// plausible scattered match: every pair inside a piece is contiguous in the text, and
/// the pieces are few. A cheap test on the pair sets before any text is read.
pub(crate) fn pairs_needed(units: &[Unit]) -> usize {
    if !may_scatter(units) {
        return 0;
    }
    let allowance = allowance(units);
    // Korean gaps inside a word cut pieces too, one per skipped stretch at most.
    let gaps = if units.iter().any(is_syllable_unit) {
        allowance.skipped
    } else {
        0
    };
    units.len().saturating_sub(allowance.words + gaps)
}

/// The plausible scattered match of `units` in `text` with the fewest pieces found, or
/// `None`. A term lighter than [`MIN_WEIGHT`], or one holding a char that is not a letter
/// or digit, has none: it matches contiguously or not at all.
pub(crate) fn plausible(text: &str, units: &[Unit]) -> Option<Scatter> {
    if !may_scatter(units) {
        return None;
    }
    let mut search = Search {
        text,
        units,
        allowance: allowance(units),
        steps: 0,
        chosen: Vec::with_capacity(units.len()),
        best: None,
    };
    for start in word_starts(text, units[0]) {
        if search.steps >= MAX_STEPS {
            break;
        }
        search.explore(start, 0, State::default());
        if search
            .best
            .as_ref()
            .is_some_and(|s| s.pieces == 2 && s.skipped == 0)
        {
            break;
        }
    }
    search.best
}

fn is_word_unit(unit: &Unit) -> bool {
    match unit {
        Unit::Char(c) => is_word_char(*c),
        Unit::Initial(_) => true,
    }
}

/// `char::is_alphanumeric`, with the text's common cases first: the Unicode tables
/// cost more than the rest of a scan together.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        hangul::is_syllable(c) || c.is_alphanumeric()
    }
}

/// The char starting at byte `at`, if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c))
}

fn ends_word(text: &str, at: usize) -> bool {
    char_at(text, at).is_none_or(|c| !is_word_char(c))
}

/// Byte offsets of the word starts whose first char `unit` matches, ascending. A plain
/// char is found by a substring search (SIMD where the CPU has it): most of a long text
/// is never decoded.
fn word_starts(text: &str, unit: Unit) -> impl Iterator<Item = usize> + '_ {
    let mut buffer = [0u8; 4];
    let (plain, initial) = match unit {
        Unit::Char(c) => {
            let needle = c.encode_utf8(&mut buffer).as_bytes().to_vec();
            (
                Some(memchr::memmem::Finder::new(&needle).into_owned()),
                None,
            )
        }
        Unit::Initial(_) => (None, Some(text.char_indices())),
    };
    let mut from = 0;
    let mut initial = initial;
    std::iter::from_fn(move || {
        if let Some(finder) = &plain {
            loop {
                let at = from + finder.find(text.as_bytes().get(from..)?)?;
                from = at + 1;
                if starts_word(text, at) {
                    return Some(at);
                }
            }
        }
        initial
            .as_mut()?
            .find(|&(at, c)| unit.matches(c) && starts_word(text, at))
            .map(|(at, _)| at)
    })
}

/// Where the word after the one holding byte `at` starts.
fn next_word_start(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let mut in_word = true;
    for (offset, c) in rest.char_indices() {
        match (in_word, is_word_char(c)) {
            (true, false) => in_word = false,
            (false, true) => return Some(at + offset),
            _ => {}
        }
    }
    None
}

/// What the pieces so far have spent.
#[derive(Debug, Clone, Copy, Default)]
struct State {
    /// Words holding a piece.
    words: usize,
    skipped: usize,
    /// Whether a word was skipped between two pieces.
    skipped_word: bool,
}

struct Search<'a> {
    text: &'a str,
    units: &'a [Unit],
    allowance: Allowance,
    steps: usize,
    /// The pieces taken so far: (start byte, length in chars).
    chosen: Vec<(usize, usize)>,
    best: Option<Scatter>,
}

impl Search<'_> {
    /// Covers `units[done..]` with pieces, the next one starting at byte `at`.
    fn explore(&mut self, at: usize, done: usize, state: State) {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return;
        }
        let state = State {
            words: state.words + usize::from(starts_word(self.text, at)),
            ..state
        };
        if state.words > self.allowance.words {
            return;
        }
        // The longest run of the units from here, inside this word.
        let mut end = at;
        let mut common = 0;
        for c in self.text[at..].chars() {
            let unit = self.units.get(done + common);
            if !is_word_char(c) || !unit.is_some_and(|unit| unit.matches(c)) {
                break;
            }
            end += c.len_utf8();
            common += 1;
        }
        // Longest pieces first: they reach an answer with the fewest cuts.
        for length in (1..=common).rev() {
            let last = done + length == self.units.len();
            let initials = self.units[done..done + length]
                .iter()
                .all(|unit| matches!(unit, Unit::Initial(_)));
            if !(initials && !last && !ends_word(self.text, end)) {
                // (Initial consonants stand for whole words — ㅇㅅ ㅈㄷㅊ: 울산
                // 자동차… — so only the last piece may be the start of one.)
                self.chosen.push((at, length));
                if last {
                    if self.chosen.len() >= 2 {
                        self.record(state);
                    }
                } else {
                    self.continue_after(end, done + length, state);
                }
                self.chosen.pop();
            }
            // The end of the piece one char shorter.
            end = self.text[..end]
                .char_indices()
                .next_back()
                .map_or(at, |(i, _)| i);
        }
    }

    /// Tries every place the piece that ended at byte `end` may be followed from.
    fn continue_after(&mut self, end: usize, done: usize, state: State) {
        // Gaps only between syllables, and only before a syllable typed in full:
        // a Latin word is typed from its start, and initial consonants (ㅅㄷㅇㄱ)
        // abbreviate words, not bits of them.
        if is_syllable_unit(&self.units[done]) {
            let mut at = end;
            for gap in 1..=MAX_GAP {
                let skipped = state.skipped + gap;
                match char_at(self.text, at) {
                    Some(c) if hangul::is_syllable(c) && skipped <= self.allowance.skipped => {
                        at += c.len_utf8();
                    }
                    _ => break,
                }
                if !char_at(self.text, at).is_some_and(hangul::is_syllable) {
                    break;
                }
                self.explore(at, done, State { skipped, ..state });
            }
        }
        let Some(next) = next_word_start(self.text, end) else {
            return;
        };
        self.explore(next, done, state);
        // Initials spell consecutive words; letters may skip one (`unitok`:
        // University of Tokyo).
        let spells_words = self
            .units
            .iter()
            .any(|unit| matches!(unit, Unit::Initial(_)));
        if !state.skipped_word && !spells_words {
            if let Some(after) = next_word_start(self.text, next) {
                let skipped_word = State {
                    skipped_word: true,
                    ..state
                };
                self.explore(after, done, skipped_word);
            }
        }
    }

    fn record(&mut self, state: State) {
        let better = self
            .best
            .as_ref()
            .is_none_or(|best| (self.chosen.len(), state.skipped) < (best.pieces, best.skipped));
        if !better {
            return;
        }
        let positions = self
            .chosen
            .iter()
            .flat_map(|&(at, length)| {
                self.text[at..]
                    .char_indices()
                    .take(length)
                    .map(move |(offset, _)| at + offset)
            })
            .collect();
        self.best = Some(Scatter {
            pieces: self.chosen.len(),
            skipped: state.skipped,
            positions,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(term: &str) -> Vec<Unit> {
        term.chars().map(Unit::Char).collect()
    }

    fn chunks(text: &str, term: &str) -> Option<usize> {
        plausible(text, &units(term)).map(|s| s.pieces)
    }

    #[test]
    fn chunks_at_word_starts_in_consecutive_words_match() {
        assert_eq!(chunks("san diego valley", "sdv"), Some(3));
        assert_eq!(chunks("san diego", "sandiego"), Some(2));
        assert_eq!(chunks("daedeok valley", "daeval"), Some(2));
        // One word may be skipped.
        assert_eq!(chunks("university of tokyo", "unitok"), Some(2));
        // Inside a Korean word, gaps of one or two syllables.
        assert_eq!(chunks("대덕특구", "대특"), Some(2));
        assert_eq!(chunks("산업단지", "산단"), Some(2));
        let initials = [
            Unit::Initial(9),
            Unit::Initial(3),
            Unit::Initial(11),
            Unit::Initial(0),
        ];
        assert_eq!(
            plausible("선도기업과", &initials),
            None,
            "initials skip no syllable"
        );
        assert!(plausible("샌디 에고", &initials).is_some());
        assert_eq!(
            plausible("선도기업이 없고", &initials),
            None,
            "ㅅㄷ is not 선도기업이"
        );
        assert_eq!(
            plausible("상당 부분이 이곳", &initials),
            None,
            "no word skipped"
        );
        assert_eq!(
            chunks("대덕연구특구", "대특"),
            None,
            "a gap of three syllables"
        );
    }

    #[test]
    fn letters_strewn_over_a_text_do_not_match() {
        assert_eq!(
            chunks("open culture and tolerance of failure", "ulsan"),
            None
        );
        assert_eq!(chunks("anchor firm supplier network", "apple"), None);
        // Single letters from consecutive words spell nothing past three letters.
        assert_eq!(chunks("use local solar and new", "ulsan"), None);
        // A chunk must start a word.
        assert_eq!(chunks("entrepreneurship", "etri"), None);
        // Two words skipped is too far.
        assert_eq!(chunks("san x y diego", "sandiego"), None);
        assert_eq!(chunks("a supplier", "apple"), None);
        assert_eq!(
            chunks("results and", "ulsan"),
            None,
            "the first piece starts a word"
        );
        assert_eq!(
            chunks("ultra slow and", "ulsan"),
            None,
            "three words for five letters"
        );
        assert_eq!(
            chunks("university", "unvrsty"),
            None,
            "no gaps inside a Latin word"
        );
        assert_eq!(chunks("the yeongwol solar", "tesla"), None);
        assert_eq!(chunks("korean region-specialized", "kospi"), None);
        assert_eq!(
            chunks("회사 의견", "회의"),
            None,
            "two syllables from two words"
        );
    }

    #[test]
    fn positions_are_the_matched_chars() {
        let scatter = plausible("san diego", &units("sadi")).expect("a match");
        assert_eq!(scatter.positions, vec![0, 1, 4, 5]);
    }

    #[test]
    fn a_contiguous_term_or_punctuation_is_not_scattered() {
        assert_eq!(chunks("san diego", "s"), None);
        assert_eq!(chunks("higher profits", "hp"), None);
        assert_eq!(chunks("r and d", "r&d"), None);
    }

    #[test]
    fn pathological_input_ends() {
        let text = "a ".repeat(10_000);
        assert_eq!(chunks(&text, &"a".repeat(30)), None);
    }
}
