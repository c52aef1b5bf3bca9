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

/// Words (maximal runs of letters and digits) the pieces may be taken from, at most this
/// many per text: past it a text is read no further. Bodies hold a few hundred.
const MAX_WORDS: usize = 4096;

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

/// Up to three letters any word may hold a piece (an acronym: `sdv`); from four on, the
/// words average two letters or more, so that single letters strewn over consecutive
/// words do not spell a word. Syllables from two words (`회의` in "회사 의견") are chance
/// too: a Korean term takes one word per two syllables.
fn allowance(units: &[Unit]) -> Allowance {
    let weight = weight(units);
    let syllables = units
        .iter()
        .filter(|unit| matches!(unit, Unit::Char(c) if hangul::is_syllable(*c)))
        .count();
    let words = if syllables > 0 {
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

/// The plausible scattered match of `units` in `text` with the fewest pieces found, or
/// `None`. A term lighter than [`MIN_WEIGHT`], or one holding a char that is not a letter
/// or digit, has none: it matches contiguously or not at all.
pub(crate) fn plausible(text: &str, units: &[Unit]) -> Option<Scatter> {
    if weight(units) < MIN_WEIGHT || units.len() < 2 || !units.iter().all(is_word_unit) {
        return None;
    }
    let words = words(text);
    let first = units[0];
    let mut search = Search {
        words: &words,
        units,
        allowance: allowance(units),
        steps: 0,
        chosen: Vec::with_capacity(units.len()),
        best: None,
    };
    for (start, word) in words.iter().enumerate() {
        if search.steps >= MAX_STEPS {
            break;
        }
        if !first.matches(word.chars[0].1) {
            continue;
        }
        search.explore(Place { word: start, at: 0 }, 0, State::default());
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
        Unit::Char(c) => c.is_alphanumeric(),
        Unit::Initial(_) => true,
    }
}

/// One word of the text: its chars with their byte offsets.
struct Word {
    chars: Vec<(usize, char)>,
}

fn words(text: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut current: Option<Word> = None;
    for (offset, c) in text.char_indices() {
        if c.is_alphanumeric() {
            current
                .get_or_insert_with(|| Word { chars: Vec::new() })
                .chars
                .push((offset, c));
        } else if let Some(word) = current.take() {
            words.push(word);
            if words.len() == MAX_WORDS {
                return words;
            }
        }
    }
    words.extend(current);
    words
}

/// Where a piece starts: a word, and a char of it.
#[derive(Debug, Clone, Copy)]
struct Place {
    word: usize,
    at: usize,
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
    words: &'a [Word],
    units: &'a [Unit],
    allowance: Allowance,
    steps: usize,
    /// The pieces taken so far: (place, length).
    chosen: Vec<(Place, usize)>,
    best: Option<Scatter>,
}

impl Search<'_> {
    /// Covers `units[done..]` with pieces, the next one starting at `place`.
    fn explore(&mut self, place: Place, done: usize, state: State) {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return;
        }
        let Some(chars) = self.words.get(place.word).map(|w| &w.chars) else {
            return;
        };
        let Some(rest) = chars.get(place.at..) else {
            return;
        };
        let common = self.units[done..]
            .iter()
            .zip(rest)
            .take_while(|(unit, (_, c))| unit.matches(*c))
            .count();
        let state = State {
            words: state.words + usize::from(place.at == 0),
            ..state
        };
        if state.words > self.allowance.words {
            return;
        }
        // Longest pieces first: they reach an answer with the fewest cuts.
        for length in (1..=common).rev() {
            let last = done + length == self.units.len();
            let initials = self.units[done..done + length]
                .iter()
                .all(|unit| matches!(unit, Unit::Initial(_)));
            if initials && !last && place.at + length < rest.len() {
                // Initial consonants stand for whole words (ㅇㅅ ㅈㄷㅊ: 울산
                // 자동차…); only the last piece may be the start of one.
                continue;
            }
            self.chosen.push((place, length));
            let done = done + length;
            if done == self.units.len() {
                if self.chosen.len() >= 2 {
                    self.record(state);
                }
            } else {
                self.continue_after(place, length, done, state);
            }
            self.chosen.pop();
        }
    }

    /// Tries every place the piece after `place..place + length` may start.
    fn continue_after(&mut self, place: Place, length: usize, done: usize, state: State) {
        let end = place.at + length;
        let chars = &self.words[place.word].chars;
        // Gaps only between syllables, and only before a syllable typed in full:
        // a Latin word is typed from its start, and initial consonants (ㅅㄷㅇㄱ)
        // abbreviate words, not bits of them.
        let korean = |at: usize| chars.get(at).is_some_and(|&(_, c)| hangul::is_syllable(c));
        let syllable_next = matches!(self.units[done], Unit::Char(c) if hangul::is_syllable(c));
        for gap in 1..=MAX_GAP {
            if !syllable_next {
                break;
            }
            if !korean(end + gap - 1) || !korean(end + gap) {
                break;
            }
            let skipped = state.skipped + gap;
            if skipped > self.allowance.skipped {
                break;
            }
            let next = Place {
                word: place.word,
                at: end + gap,
            };
            self.explore(next, done, State { skipped, ..state });
        }
        self.explore(
            Place {
                word: place.word + 1,
                at: 0,
            },
            done,
            state,
        );
        // Initials spell consecutive words; letters may skip one (`unitok`:
        // University of Tokyo).
        let spells_words = self
            .units
            .iter()
            .any(|unit| matches!(unit, Unit::Initial(_)));
        if !state.skipped_word && !spells_words {
            let skipped_word = State {
                skipped_word: true,
                ..state
            };
            self.explore(
                Place {
                    word: place.word + 2,
                    at: 0,
                },
                done,
                skipped_word,
            );
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
            .flat_map(|&(place, length)| {
                self.words[place.word].chars[place.at..place.at + length]
                    .iter()
                    .map(|&(offset, _)| offset)
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
