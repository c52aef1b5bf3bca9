//! The search index: documents plus their text folded once at build time,
//! with per-field and per-document character masks for the prefilter and a
//! precomputed stable order (kind, title, id) for tie-breaks.
//!
//! Depends on `rayon` and the sibling `fold` module; stores no per-char maps
//! (highlights recompute them for returned hits only).

use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use crate::model::Kind;

use super::postings::CharPostings;
use super::{fold, DocField, Document, Field};

/// Cells of `SkimMatcherV2`'s score table (2 rows × (chars + 1) when only
/// scoring) above which it uses its linear fallback: texts over 64 chars.
const SKIM_ELEMENT_LIMIT: usize = 130;

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
    pub(crate) masks: FieldMasks,
    pub(crate) field: Field,
    /// Index into `Document::fields`.
    pub(crate) source: u32,
}

impl PreparedField {
    pub(crate) fn is_title(&self) -> bool {
        self.field.is_title()
    }
}

/// A document's folded text, fields ordered titles first, then shorter first.
#[derive(Debug, Clone)]
pub(crate) struct PreparedDoc {
    pub(crate) text: String,
    pub(crate) fields: Vec<PreparedField>,
    pub(crate) mask: u64,
    pub(crate) kind: Kind,
    pub(crate) type_id: Option<String>,
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
}

/// Documents prepared for searching.
pub struct SearchIndex {
    pub(crate) documents: Vec<Document>,
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
    pub(crate) matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("len", &self.len())
            .finish()
    }
}

fn normalise(text: &mut String) {
    if let std::borrow::Cow::Owned(nfc) = fold::nfc(text) {
        *text = nfc;
    }
}

fn prepare(document: &mut Document) -> PreparedDoc {
    normalise(&mut document.title);
    let mut text = String::new();
    let mut fields = Vec::with_capacity(document.fields.len());
    for (
        source,
        DocField {
            field,
            text: field_text,
        },
    ) in document.fields.iter_mut().enumerate()
    {
        normalise(field_text);
        let folded = fold::fold(field_text);
        let start = text.len();
        text.push_str(&folded);
        fields.push(PreparedField {
            start: start as u32,
            end: text.len() as u32,
            char_len: folded.chars().count() as u32,
            masks: FieldMasks {
                chars: fold::text_mask(&folded),
                pairs: fold::text_pair_mask(&folded),
            },
            field: *field,
            source: source as u32,
        });
    }
    // Titles first so a title match ends the scan of a term; short fields
    // before long bodies since they are cheaper to match.
    fields.sort_by_key(|f| (!f.is_title(), f.char_len, f.source));
    PreparedDoc {
        mask: fields.iter().fold(0, |mask, f| mask | f.masks.chars),
        type_id: document
            .type_id
            .as_deref()
            .map(|t| fold::fold(&fold::nfc(t))),
        kind: document.kind,
        order: 0,
        masks_start: 0,
        text,
        fields,
    }
}

impl SearchIndex {
    /// Prepares all documents (in parallel). Text is stored in NFC.
    ///
    /// Field text is limited to 4 GiB per document; the scanner relies on it.
    pub fn build(mut documents: Vec<Document>) -> SearchIndex {
        let mut prepared: Vec<PreparedDoc> = documents.par_iter_mut().map(prepare).collect();
        let titles: Vec<String> = documents.par_iter().map(|d| fold::fold(&d.title)).collect();
        let mut stable_order: Vec<u32> = (0..documents.len() as u32).collect();
        stable_order.par_sort_by(|&a, &b| {
            let (da, db) = (&documents[a as usize], &documents[b as usize]);
            da.kind
                .cmp(&db.kind)
                .then_with(|| titles[a as usize].cmp(&titles[b as usize]))
                .then_with(|| da.title.cmp(&db.title))
                .then_with(|| da.id.cmp(&db.id))
                .then_with(|| a.cmp(&b))
        });
        for (position, &doc) in stable_order.iter().enumerate() {
            prepared[doc as usize].order = position as u32;
        }
        let mut field_masks = Vec::with_capacity(prepared.iter().map(|d| d.fields.len()).sum());
        for doc in &mut prepared {
            doc.masks_start = field_masks.len() as u32;
            field_masks.extend(doc.fields.iter().map(|f| f.masks));
        }
        let texts: Vec<&str> = prepared.iter().map(|d| d.text.as_str()).collect();
        let postings = CharPostings::build(&texts);
        SearchIndex {
            postings,
            all_docs: (0..documents.len() as u32).collect(),
            documents,
            prepared,
            field_masks,
            // Above 64 chars (130 cells of the matcher's two-row score table)
            // the matcher scores a scattered match with its own linear
            // fallback instead of the quadratic alignment: a long body is
            // only ever a weak, scattered match, and the alignment over it
            // cost more than the rest of the search together.
            matcher: SkimMatcherV2::default()
                .ignore_case()
                .element_limit(SKIM_ELEMENT_LIMIT),
        }
    }

    /// The document at `doc` (as in [`super::Hit::doc`]), text in NFC.
    ///
    /// # Panics
    /// If `doc >= self.len()`.
    pub fn document(&self, doc: usize) -> &Document {
        &self.documents[doc]
    }

    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    pub fn len(&self) -> usize {
        self.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// The field masks of a prepared document, by field position.
    pub(crate) fn masks_of(&self, doc: &PreparedDoc) -> &[FieldMasks] {
        let start = doc.masks_start as usize;
        self.field_masks
            .get(start..start + doc.fields.len())
            .unwrap_or(&[])
    }
}
