//! The search index: each document's text folded once at build time and
//! stored once (the text as written is rebuilt from the folded text and the
//! few chars folding changed), per-field and per-document character masks
//! for the prefilter, per-char document sets ([`CharPostings`]), and a
//! precomputed stable order (kind, title, id) for tie-breaks.
//!
//! Depends on `rayon` and the sibling `fold`, `postings` modules; stores no
//! per-char position maps (highlights recompute them for returned hits only).

use std::borrow::Cow;
use std::sync::OnceLock;

use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use crate::model::Kind;

use super::postings::{CharPostings, InitialTriples, PairPostings};
use super::typo::Vocabulary;
use super::{fold, DocField, Document, Field};

/// Between two fields in `PreparedDoc::text`.
pub(crate) const FIELD_BREAK: char = '\n';

/// The prefilter's view of a field.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldMasks {
    /// `fold::char_mask` of every char.
    pub(crate) chars: u64,
    /// `fold::pair_bit` of every adjacent pair of chars.
    pub(crate) pairs: u64,
}

/// One field of a prepared document.
#[derive(Debug, Clone)]
pub(crate) struct PreparedField {
    /// Byte range of the folded text in `PreparedDoc::text`.
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) char_len: u32,
    pub(crate) field: Field,
    /// Position in the document as given to [`SearchIndex::build`] (saturating),
    /// for listings that show the first name field as written.
    pub(crate) source: u16,
}

impl PreparedField {
    pub(crate) fn is_title(&self) -> bool {
        self.field.is_title()
    }
}

/// A document as stored: its folded text once, and what it takes to give
/// back the text as written. Fields are ordered titles first, then shorter
/// first (the order of [`super::Hit::field_index`]).
#[derive(Debug, Clone)]
pub(crate) struct PreparedDoc {
    pub(crate) id: Box<str>,
    /// The folded text of all fields, one after the other, with a
    /// [`FIELD_BREAK`] between two.
    pub(crate) text: Box<str>,
    pub(crate) fields: Box<[PreparedField]>,
    /// The chars folding changed, where it kept one char per char (almost
    /// always: capitals, full-width forms, odd spaces): byte offset of the
    /// folded char in `text`, and the char as written. Sorted by offset.
    pub(crate) originals: Box<[(u32, char)]>,
    /// The fields folding made longer or shorter (`İ` → `i̇`), as written:
    /// (field position, text).
    pub(crate) verbatim: Box<[(u32, Box<str>)]>,
    pub(crate) mask: u64,
    pub(crate) kind: Kind,
    pub(crate) type_id: Option<Box<str>>,
    /// Position in the stable (kind, title, id) order.
    pub(crate) order: u32,
    /// Where this document's field masks start in `SearchIndex::field_masks`.
    pub(crate) masks_start: u32,
}

impl PreparedDoc {
    pub(crate) fn field_text(&self, field: &PreparedField) -> &str {
        self.text
            .get(field.start as usize..field.end as usize)
            .unwrap_or("")
    }

    /// The text of the field at `position` as written (in NFC).
    fn original_text(&self, position: usize) -> Option<Cow<'_, str>> {
        let field = self.fields.get(position)?;
        if let Some((_, text)) = self.verbatim.iter().find(|(p, _)| *p as usize == position) {
            return Some(Cow::Borrowed(text));
        }
        let folded = self.field_text(field);
        let first = self.originals.partition_point(|(at, _)| *at < field.start);
        let changed = self.originals[first..]
            .iter()
            .take_while(|(at, _)| *at < field.end);
        let mut changed = changed.peekable();
        if changed.peek().is_none() {
            return Some(Cow::Borrowed(folded));
        }
        let mut text = String::with_capacity(folded.len());
        for (offset, c) in folded.char_indices() {
            let at = field.start + offset as u32;
            match changed.peek() {
                Some(&&(changed_at, original)) if changed_at == at => {
                    text.push(original);
                    changed.next();
                }
                _ => text.push(c),
            }
        }
        Some(Cow::Owned(text))
    }
}

/// Documents prepared for searching.
pub struct SearchIndex {
    pub(crate) prepared: Vec<PreparedDoc>,
    /// Every document index in ascending order: a full search walks memory
    /// front to back.
    pub(crate) all_docs: Vec<u32>,
    /// The masks of all prepared fields, document after document, in
    /// `PreparedDoc::fields` order. Kept apart and dense because the
    /// prefilter reads them for every field while most fields' text and
    /// metadata are never touched.
    pub(crate) field_masks: Vec<FieldMasks>,
    /// Which documents contain each char.
    pub(crate) postings: CharPostings,
    /// Which documents contain each pair of adjacent chars.
    pub(crate) pair_postings: PairPostings,
    /// Which documents hold each run of three initial consonants: built on
    /// first use (a query with lone initials), like the vocabulary, since a
    /// third of the index's build time would otherwise delay every start.
    initial_triples: OnceLock<InitialTriples>,
    /// Every word of the collection, for typo corrections: built on first
    /// use, since most sessions type no typo and opening must stay quick.
    vocabulary: OnceLock<Vocabulary>,
    pub(crate) matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("len", &self.len())
            .finish()
    }
}

/// What ordering needs of a document while the index is built, then dropped.
struct OrderKey {
    kind: Kind,
    folded_title: String,
    title: String,
}

/// One field folded, and how to undo the folding.
struct FoldedField {
    folded: String,
    char_len: usize,
    /// (byte offset in `folded`, char as written) for each char folding changed.
    changed: Vec<(u32, char)>,
    /// Set when folding changed the number of chars: the text as written.
    verbatim: Option<String>,
}

fn fold_field(text: &str) -> FoldedField {
    let nfc = fold::nfc(text);
    let mut folded = String::with_capacity(nfc.len());
    let mut changed = Vec::new();
    let mut one_to_one = true;
    let mut char_len = 0;
    for c in nfc.chars() {
        let at = folded.len() as u32;
        // The common chars fold to one char each: no count of what was pushed.
        if let Some(f) = fold::fold_common(c) {
            folded.push(f);
            char_len += 1;
            if f != c {
                changed.push((at, c));
            }
            continue;
        }
        let mut pushed = 0;
        let mut last = c;
        fold::fold_char(c, |f| {
            folded.push(f);
            pushed += 1;
            last = f;
        });
        char_len += pushed;
        if pushed != 1 {
            one_to_one = false;
        } else if last != c {
            changed.push((at, c));
        }
    }
    if one_to_one {
        FoldedField {
            folded,
            char_len,
            changed,
            verbatim: None,
        }
    } else {
        FoldedField {
            folded,
            char_len,
            changed: Vec::new(),
            verbatim: Some(nfc.into_owned()),
        }
    }
}

fn prepare(document: Document) -> (PreparedDoc, Vec<FieldMasks>, OrderKey) {
    let Document {
        kind,
        id,
        title,
        type_id,
        fields,
    } = document;
    let folded: Vec<(usize, Field, FoldedField)> = fields
        .into_iter()
        .enumerate()
        .map(|(source, DocField { field, text })| (source, field, fold_field(&text)))
        .collect();
    // Titles first so a title match ends the scan of a term; short fields
    // before long bodies since they are cheaper to match.
    let mut order: Vec<usize> = (0..folded.len()).collect();
    order.sort_by_key(|&i| {
        let (source, field, text) = &folded[i];
        (!field.is_title(), text.char_len, *source)
    });
    let mut text = String::with_capacity(folded.iter().map(|(_, _, f)| f.folded.len() + 1).sum());
    let mut prepared_fields = Vec::with_capacity(folded.len());
    let mut masks = Vec::with_capacity(folded.len());
    let mut originals = Vec::new();
    let mut verbatim = Vec::new();
    for (position, &i) in order.iter().enumerate() {
        let (source, field, part) = &folded[i];
        if position > 0 {
            // Folded text never holds a line break (whitespace folds to a space), so
            // this keeps words, and contiguous matches, from running across fields.
            text.push(FIELD_BREAK);
        }
        let start = text.len() as u32;
        text.push_str(&part.folded);
        originals.extend(part.changed.iter().map(|&(at, c)| (start + at, c)));
        if let Some(written) = &part.verbatim {
            verbatim.push((position as u32, written.clone().into_boxed_str()));
        }
        prepared_fields.push(PreparedField {
            start,
            end: text.len() as u32,
            char_len: part.char_len as u32,
            field: *field,
            source: u16::try_from(*source).unwrap_or(u16::MAX),
        });
        masks.push(FieldMasks {
            chars: fold::text_mask(&part.folded),
            pairs: fold::text_pair_mask(&part.folded),
        });
    }
    let title = fold::nfc(&title).into_owned();
    let key = OrderKey {
        kind,
        folded_title: fold::fold(&title),
        title,
    };
    let doc = PreparedDoc {
        id: id.into_boxed_str(),
        mask: masks.iter().fold(0, |mask, m| mask | m.chars),
        type_id: type_id.map(|t| fold::fold(&fold::nfc(&t)).into_boxed_str()),
        kind,
        order: 0,
        masks_start: 0,
        text: text.into_boxed_str(),
        fields: prepared_fields.into_boxed_slice(),
        originals: originals.into_boxed_slice(),
        verbatim: verbatim.into_boxed_slice(),
    };
    (doc, masks, key)
}

impl SearchIndex {
    /// Prepares all documents (in parallel). Text is stored in NFC.
    ///
    /// Field text is limited to 4 GiB per document; the scanner relies on it.
    pub fn build(documents: Vec<Document>) -> SearchIndex {
        SearchIndex::finish(documents.into_par_iter().map(prepare).collect())
    }

    /// Like [`SearchIndex::build`], with document `i` made by `make(i)` (in
    /// parallel) and dropped as soon as it is prepared, so the documents as
    /// given never all exist at once.
    pub fn from_fn(count: usize, make: impl Fn(usize) -> Document + Sync) -> SearchIndex {
        SearchIndex::finish(
            (0..count)
                .into_par_iter()
                .map(|i| prepare(make(i)))
                .collect(),
        )
    }

    fn finish(built: Vec<(PreparedDoc, Vec<FieldMasks>, OrderKey)>) -> SearchIndex {
        let count = built.len();
        let mut prepared = Vec::with_capacity(count);
        let mut keys = Vec::with_capacity(count);
        let mut field_masks = Vec::with_capacity(built.iter().map(|(_, m, _)| m.len()).sum());
        for (mut doc, masks, key) in built {
            doc.masks_start = field_masks.len() as u32;
            field_masks.extend(masks);
            prepared.push(doc);
            keys.push(key);
        }
        let mut stable_order: Vec<u32> = (0..count as u32).collect();
        stable_order.par_sort_by(|&a, &b| {
            let (ka, kb) = (&keys[a as usize], &keys[b as usize]);
            ka.kind
                .cmp(&kb.kind)
                .then_with(|| ka.folded_title.cmp(&kb.folded_title))
                .then_with(|| ka.title.cmp(&kb.title))
                .then_with(|| prepared[a as usize].id.cmp(&prepared[b as usize].id))
                .then_with(|| a.cmp(&b))
        });
        drop(keys);
        for (position, &doc) in stable_order.iter().enumerate() {
            prepared[doc as usize].order = position as u32;
        }
        let texts: Vec<&str> = prepared.iter().map(|d| &*d.text).collect();
        let (postings, pair_postings) = rayon::join(
            || CharPostings::build(&texts),
            || PairPostings::build(&texts),
        );
        SearchIndex {
            postings,
            pair_postings,
            initial_triples: OnceLock::new(),
            all_docs: (0..count as u32).collect(),
            prepared,
            field_masks,
            vocabulary: OnceLock::new(),
            // Only texts of up to `matcher::SCATTER_TEXT` chars reach it with a
            // scattered match, so its quadratic alignment stays cheap.
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    pub fn len(&self) -> usize {
        self.prepared.len()
    }

    pub fn is_empty(&self) -> bool {
        self.prepared.is_empty()
    }

    /// The id of document `doc` (as in [`super::Hit::doc`]).
    pub fn id(&self, doc: usize) -> Option<&str> {
        self.prepared.get(doc).map(|d| &*d.id)
    }

    /// The kind of document `doc`.
    pub fn kind(&self, doc: usize) -> Option<Kind> {
        self.prepared.get(doc).map(|d| d.kind)
    }

    /// How many fields document `doc` has (empty ones were dropped).
    pub fn field_count(&self, doc: usize) -> usize {
        self.prepared.get(doc).map_or(0, |d| d.fields.len())
    }

    /// Field `position` of document `doc` (as in [`super::Hit::field_index`]):
    /// which field it is and its text as given, in NFC. Highlight indices
    /// refer to this text.
    pub fn field(&self, doc: usize, position: usize) -> Option<(Field, Cow<'_, str>)> {
        let prepared = self.prepared.get(doc)?;
        let field = prepared.fields.get(position)?.field;
        Some((field, prepared.original_text(position)?))
    }

    /// Every word of the collection (built on the first call).
    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        self.vocabulary.get_or_init(|| {
            // Field by field: the stored text runs fields together.
            let texts: Vec<&str> = self
                .prepared
                .iter()
                .flat_map(|doc| doc.fields.iter().map(|field| doc.field_text(field)))
                .collect();
            Vocabulary::build(&texts)
        })
    }

    /// The runs of three initial consonants (built on the first call).
    pub(crate) fn initial_triples(&self) -> &InitialTriples {
        self.initial_triples.get_or_init(|| {
            let texts: Vec<&str> = self.prepared.iter().map(|d| &*d.text).collect();
            InitialTriples::build(&texts)
        })
    }

    /// Builds what is left for first use — the vocabulary for typo corrections,
    /// the runs of initial consonants — so that the first typo or initials
    /// query costs nothing extra (for a caller with time to spare, e.g. a
    /// thread started after opening).
    pub fn prepare_the_rest(&self) {
        rayon::join(|| self.vocabulary(), || self.initial_triples());
    }

    /// The field masks of a prepared document, by field position.
    pub(crate) fn masks_of(&self, doc: &PreparedDoc) -> &[FieldMasks] {
        let start = doc.masks_start as usize;
        self.field_masks
            .get(start..start + doc.fields.len())
            .unwrap_or(&[])
    }
}
