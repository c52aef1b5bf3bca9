//! The search index: documents plus their text folded once at build time,
//! with per-field and per-document character masks for the prefilter and a
//! precomputed stable order (kind, title, id) for tie-breaks.
//!
//! Depends on `rayon` and the sibling `fold` module; stores no per-char maps
//! (highlights recompute them for returned hits only).

use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use crate::model::Kind;

use super::{fold, DocField, Document, Field};

/// One field of a prepared document.
#[derive(Debug, Clone)]
pub(crate) struct PreparedField {
    /// Byte range of the folded text in `PreparedDoc::text`.
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) char_len: u32,
    pub(crate) mask: u64,
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
    /// Document indices in stable order, for listings.
    pub(crate) stable_order: Vec<u32>,
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
            mask: fold::text_mask(&folded),
            field: *field,
            source: source as u32,
        });
    }
    // Titles first so a title match ends the scan of a term; short fields
    // before long bodies since they are cheaper to match.
    fields.sort_by_key(|f| (!f.is_title(), f.char_len, f.source));
    PreparedDoc {
        mask: fields.iter().fold(0, |mask, f| mask | f.mask),
        type_id: document
            .type_id
            .as_deref()
            .map(|t| fold::fold(&fold::nfc(t))),
        kind: document.kind,
        order: 0,
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
        SearchIndex {
            documents,
            prepared,
            stable_order,
            matcher: SkimMatcherV2::default().ignore_case(),
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
}
