//! Which documents contain each character: one bitset over all documents per
//! folded char, plus one per Hangul initial consonant (초성); and which
//! contain each adjacent pair of chars ([`PairPostings`]) and each run of
//! three Hangul initial consonants ([`InitialTriples`]). Every char of
//! every term must occur somewhere in a matching document, so intersecting
//! these sets before any text is read discards most documents for a Korean
//! query (`대덕` leaves the sixth of the documents that have both 대 and 덕).
//!
//! Exact, unlike the hashed 64-bit masks kept per field: a rare syllable does
//! not share its bit with common ones. Small: a set costs one bit per
//! document, and a corpus has a few thousand distinct chars.
//!
//! Depends on `rayon`, `foldhash` (building touches a hash map once per char
//! of text; the standard SipHash made that a third of the index build) and
//! the sibling `fold`, `hangul`, `query` modules only.

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

use super::query::{Term, Unit};
use super::{fold, hangul};

/// Documents per word of a bitset.
const WORD_BITS: usize = 64;

/// Bitsets of documents, one row per char.
#[derive(Debug, Default)]
pub(crate) struct CharPostings {
    /// Words per row: ⌈documents / 64⌉.
    words: usize,
    /// Row of each char that occurs in some document.
    rows: HashMap<char, usize>,
    /// Row of each initial consonant: documents with a syllable starting with
    /// it, or the jamo itself. `None` when no document has one.
    initial_rows: [Option<usize>; hangul::INITIALS.len()],
    /// All rows, `words` words each.
    bits: Vec<u64>,
}

impl CharPostings {
    /// Builds the sets from each document's folded text (`texts[doc]`).
    pub(crate) fn build(texts: &[&str]) -> CharPostings {
        let words = texts.len().div_ceil(WORD_BITS);
        // Each chunk of 64 documents is one word of every row: the chunks are
        // scanned in parallel, then their words are put in place.
        let chunk_words: Vec<HashMap<char, u64>> = texts
            .par_chunks(WORD_BITS)
            .map(|chunk| {
                let mut present: HashMap<char, u64> = HashMap::new();
                for (bit, text) in chunk.iter().enumerate() {
                    let mut previous = None;
                    for c in text.chars() {
                        // Runs of the same char are common (spaces aside, which
                        // terms never contain); skip the hash for them.
                        if c == ' ' || previous == Some(c) {
                            continue;
                        }
                        previous = Some(c);
                        *present.entry(c).or_default() |= 1 << bit;
                    }
                }
                present
            })
            .collect();
        let mut postings = CharPostings {
            words,
            ..CharPostings::default()
        };
        for (word, present) in chunk_words.into_iter().enumerate() {
            for (c, bits) in present {
                let row = postings.row_for(c);
                postings.bits[row * words + word] |= bits;
            }
        }
        let chars: Vec<(char, usize)> = postings.rows.iter().map(|(&c, &r)| (c, r)).collect();
        for (c, row) in chars {
            let Some(initial) = hangul::initial_jamo_of(c)
                .and_then(hangul::initial_jamo_index)
                .map(usize::from)
            else {
                continue;
            };
            let target = match postings.initial_rows[initial] {
                Some(target) => target,
                None => {
                    let target = postings.add_row();
                    postings.initial_rows[initial] = Some(target);
                    target
                }
            };
            for word in 0..words {
                let value = postings.bits[row * words + word];
                postings.bits[target * words + word] |= value;
            }
        }
        postings.bits.shrink_to_fit();
        postings
    }

    fn add_row(&mut self) -> usize {
        let row = self.bits.len() / self.words.max(1);
        self.bits.resize(self.bits.len() + self.words, 0);
        row
    }

    fn row_for(&mut self, c: char) -> usize {
        if let Some(&row) = self.rows.get(&c) {
            return row;
        }
        let row = self.add_row();
        self.rows.insert(c, row);
        row
    }

    fn unit_row(&self, unit: Unit) -> Option<&[u64]> {
        let row = match unit {
            Unit::Char(c) => *self.rows.get(&c)?,
            Unit::Initial(initial) => (*self.initial_rows.get(usize::from(initial))?)?,
        };
        self.bits.get(row * self.words..(row + 1) * self.words)
    }

    /// The documents that contain every char of every term, as a bitset; `None`
    /// when there are no terms (every document qualifies).
    pub(crate) fn candidates<'t>(
        &self,
        terms: impl IntoIterator<Item = &'t Term>,
    ) -> Option<Vec<u64>> {
        let mut set: Option<Vec<u64>> = None;
        for term in terms {
            if term.corrections.is_empty() {
                match self.with_every_char(term) {
                    Some(row) => intersect(&mut set, &row),
                    None => return Some(vec![0; self.words]),
                }
            } else {
                // The documents with every char of the term or of one of its
                // corrections.
                let mut either = vec![0; self.words];
                for spelling in std::iter::once(term).chain(&term.corrections) {
                    if let Some(row) = self.with_every_char(spelling) {
                        either.iter_mut().zip(&row).for_each(|(a, b)| *a |= b);
                    }
                }
                intersect(&mut set, &either);
            }
        }
        set
    }

    /// The documents holding every char of the term, `None` when one of them
    /// is in no document.
    fn with_every_char(&self, term: &Term) -> Option<Vec<u64>> {
        let mut set: Option<Vec<u64>> = None;
        for &unit in &term.units {
            intersect(&mut set, self.unit_row(unit)?);
        }
        Some(set.unwrap_or_else(|| vec![!0; self.words]))
    }
}

/// Buckets of the pair sets: 2^11.
const PAIR_BITS: u32 = 11;

/// Which documents contain each adjacent pair of chars (hashed into 2048
/// buckets, so a set may hold a few documents too many, never too few). A
/// term can only sit contiguously (as a word, prefix or substring) in a
/// document that has all of its pairs; elsewhere only its scattered match is
/// looked for, which ends a field's scan at the first match instead of
/// reading every field to its end. Pairs of initial consonants are recorded
/// for adjacent Hangul syllables, as in `fold::text_pair_mask`.
#[derive(Debug, Default)]
pub(crate) struct PairPostings {
    words: usize,
    /// `1 << PAIR_BITS` rows of `words` words.
    bits: Vec<u64>,
}

impl PairPostings {
    pub(crate) fn build(texts: &[&str]) -> PairPostings {
        let bits = bucket_rows(texts, PAIR_BITS, |text, mark| {
            fold::for_each_pair(text, |first, second| {
                mark(fold::pair_hash(first, second, PAIR_BITS));
            });
        });
        PairPostings {
            words: texts.len().div_ceil(WORD_BITS),
            bits,
        }
    }

    /// The documents holding at least `needed` of the term's pairs (for a
    /// scattered match); `None` when any document may.
    pub(crate) fn with_pairs(&self, term: &Term, needed: usize) -> Option<Vec<u64>> {
        if needed == 0 {
            return None;
        }
        let rows: Vec<&[u64]> = term
            .pairs
            .iter()
            .filter_map(|&(first, second)| {
                let row = fold::pair_hash(first, second, PAIR_BITS);
                self.bits.get(row * self.words..(row + 1) * self.words)
            })
            .collect();
        // Counting per 64 documents at once: `at_least[k]` has the documents
        // holding k + 1 or more of the rows seen so far.
        let mut at_least = vec![vec![0u64; self.words]; needed];
        for row in rows {
            for k in (0..needed).rev() {
                for (word, &bits) in row.iter().enumerate() {
                    let below = if k == 0 { !0 } else { at_least[k - 1][word] };
                    at_least[k][word] |= below & bits;
                }
            }
        }
        at_least.pop()
    }

    /// The documents that may hold the term contiguously; `None` when it has
    /// no pairs (one char: any document).
    pub(crate) fn candidates(&self, term: &Term) -> Option<Vec<u64>> {
        let mut set: Option<Vec<u64>> = None;
        for &(first, second) in &term.pairs {
            let row = fold::pair_hash(first, second, PAIR_BITS);
            if let Some(row) = self.bits.get(row * self.words..(row + 1) * self.words) {
                intersect(&mut set, row);
            }
        }
        set
    }
}

/// One bitset of documents per bucket, `1 << bucket_bits` rows one after the
/// other: `record(text, mark)` calls `mark(bucket)` for every bucket a text
/// sets. Built 64 documents at a time in parallel.
fn bucket_rows(
    texts: &[&str],
    bucket_bits: u32,
    record: impl Fn(&str, &mut dyn FnMut(usize)) + Sync,
) -> Vec<u64> {
    let words = texts.len().div_ceil(WORD_BITS);
    let buckets = 1usize << bucket_bits;
    // One word per bucket for each chunk of 64 documents.
    let chunk_words: Vec<Vec<u64>> = texts
        .par_chunks(WORD_BITS)
        .map(|chunk| {
            let mut present = vec![0u64; buckets];
            for (bit, text) in chunk.iter().enumerate() {
                record(text, &mut |bucket| present[bucket] |= 1 << bit);
            }
            present
        })
        .collect();
    let mut bits = vec![0u64; buckets * words];
    for (word, present) in chunk_words.into_iter().enumerate() {
        for (bucket, value) in present.into_iter().enumerate() {
            bits[bucket * words + word] = value;
        }
    }
    bits
}

/// Narrows `set` to the documents also in `row`; no set yet means all documents.
pub(crate) fn intersect(set: &mut Option<Vec<u64>>, row: &[u64]) {
    match set {
        None => *set = Some(row.to_vec()),
        Some(set) => set
            .iter_mut()
            .zip(row)
            .for_each(|(word, bits)| *word &= bits),
    }
}

/// Whether `doc` is in the bitset.
pub(crate) fn contains(set: &[u64], doc: u32) -> bool {
    let doc = doc as usize;
    set.get(doc / WORD_BITS)
        .is_some_and(|word| word & (1 << (doc % WORD_BITS)) != 0)
}

/// The documents in the bitset, ascending.
pub(crate) fn members(set: &[u64]) -> Vec<u32> {
    let mut docs = Vec::new();
    for (index, &word) in set.iter().enumerate() {
        let mut word = word;
        while word != 0 {
            let bit = word.trailing_zeros() as usize;
            docs.push((index * WORD_BITS + bit) as u32);
            word &= word - 1;
        }
    }
    docs
}

/// Buckets of the initial-triple sets: 2^12.
const TRIPLE_BITS: u32 = 12;

/// Which documents hold each run of three adjacent Hangul syllables (or lone
/// initials), by their initial consonants, across word breaks too (hashed
/// into 4096 buckets: a few documents too many, never too few). A term of
/// lone initials (`ㅅㄷㅇㄱ`), contiguous or spelling whole words, can only
/// occur where all of its runs of three do; the pair sets, over every pair of
/// initials in a long Korean text, rule out almost nothing.
#[derive(Debug, Default)]
pub(crate) struct InitialTriples {
    words: usize,
    /// `1 << TRIPLE_BITS` rows of `words` words.
    bits: Vec<u64>,
}

/// The initial consonant (0..19) of a syllable or of a lone initial jamo.
fn initial_of(c: char) -> Option<u8> {
    hangul::syllable_initial(c).or_else(|| hangul::initial_jamo_index(c))
}

fn triple_bucket(first: u8, second: u8, third: u8) -> usize {
    let key = (usize::from(first) * 19 + usize::from(second)) * 19 + usize::from(third);
    key.wrapping_mul(0x9E37_79B9) % (1 << TRIPLE_BITS)
}

/// Calls `each` with the bucket of every run of three initials of adjacent
/// syllables, or of syllables with only spaces or punctuation between them:
/// initials typed for whole words (ㅇㅅㅈㄷ for 울산 자동차) run across the
/// break. A letter or digit without an initial ends a run.
fn for_each_triple(text: &str, mut each: impl FnMut(usize)) {
    let (mut before, mut last) = (None, None);
    for c in text.chars() {
        let initial = initial_of(c);
        if initial.is_none() && !c.is_alphanumeric() {
            continue;
        }
        if let (Some(a), Some(b), Some(c)) = (before, last, initial) {
            each(triple_bucket(a, b, c));
        }
        (before, last) = (last, initial);
    }
}

impl InitialTriples {
    pub(crate) fn build(texts: &[&str]) -> InitialTriples {
        let bits = bucket_rows(texts, TRIPLE_BITS, |text, mark| {
            for_each_triple(text, &mut *mark);
        });
        InitialTriples {
            words: texts.len().div_ceil(WORD_BITS),
            bits,
        }
    }

    /// The documents that may hold a term with lone initials contiguously;
    /// `None` for other terms (or one too short to have a run of three).
    pub(crate) fn candidates(&self, term: &Term) -> Option<Vec<u64>> {
        if !term.has_initials {
            return None;
        }
        let initials: Vec<Option<u8>> = term
            .units
            .iter()
            .map(|unit| match *unit {
                Unit::Initial(initial) => Some(initial),
                Unit::Char(c) => initial_of(c),
            })
            .collect();
        let mut set: Option<Vec<u64>> = None;
        for window in initials.windows(3) {
            if let [Some(a), Some(b), Some(c)] = *window {
                let row = triple_bucket(a, b, c);
                if let Some(row) = self.bits.get(row * self.words..(row + 1) * self.words) {
                    intersect(&mut set, row);
                }
            }
        }
        set
    }
}
