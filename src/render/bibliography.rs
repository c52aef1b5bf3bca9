//! The sources catalog for reference managers: BibTeX and CSL-JSON (what Zotero, JabRef,
//! Mendeley, pandoc and citeproc read), one entry per document, keyed by its id, in the
//! interface language (Hangul names and the Korean publisher, or the romanized names and
//! the English one). Nothing is invented to fill a field: an untitled document is
//! `[제목 없음]` / `[Untitled]`, a date known only as "2007 or later" says so, and the
//! evidence for the date and the title goes in `note`. The file a document was read
//! from is provenance and is never exported.
//!
//! Depends on `model`, `index`, `citation` and `text`.

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::index::Index;
use crate::model::{DateCertainty, DocumentKind, Item, Kind, Lang, SourceDocument};
use crate::text::one_line;

/// The documents of the sources catalog with their entries, in catalog order.
fn documents(index: &Index) -> impl Iterator<Item = (&Item, &SourceDocument)> {
    index
        .of_kind(Kind::Source)
        .iter()
        .map(|&i| index.item(i))
        .filter_map(|item| Some((item, item.source_document()?)))
}

fn title(doc: &SourceDocument, lang: Lang) -> String {
    match (&doc.title, lang) {
        (Some(t), Lang::Ko) => t.ko.clone(),
        (Some(t), Lang::En) if t.en != t.ko => format!("{} [{}]", t.en, t.ko),
        (Some(t), Lang::En) => t.en.clone(),
        (None, _) => lang.pick("[제목 없음]", "[Untitled]").to_string(),
    }
}

/// What a reader of the entry should know: where the title is (or that there is none),
/// how the date is known, and who the authors are when the text does not say.
fn note(doc: &SourceDocument, lang: Lang) -> String {
    let mut parts = vec![
        doc.title_note.get(lang).to_string(),
        doc.date.evidence.get(lang).to_string(),
    ];
    if let Some(n) = &doc.authors_note {
        parts.push(n.get(lang).to_string());
    }
    parts.join(" ")
}

fn year(doc: &SourceDocument, lang: Lang) -> String {
    crate::citation::year(doc, lang)
}

/// Text for a BibTeX field: one line, with the characters BibTeX or LaTeX treat
/// specially escaped.
fn bib(s: &str) -> String {
    let mut out = String::new();
    for c in one_line(s).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '#' | '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Every document as a BibTeX entry: `@techreport` for a report, `@misc` for a
/// presentation.
pub fn bibtex(index: &Index, lang: Lang) -> String {
    let mut out = String::new();
    for (item, doc) in documents(index) {
        let entry = match doc.document {
            DocumentKind::Report => "techreport",
            DocumentKind::Presentation => "misc",
        };
        let mut fields: Vec<(&str, String)> = Vec::new();
        if !doc.authors.is_empty() {
            let names: Vec<String> = doc
                .authors
                .iter()
                .map(|p| format!("{}, {}", bib(p.family.get(lang)), bib(p.given.get(lang))))
                .collect();
            fields.push(("author", names.join(" and ")));
        }
        fields.push(("title", format!("{{{}}}", bib(&title(doc, lang)))));
        if let Some(p) = &doc.publisher {
            let field = match doc.document {
                DocumentKind::Report => "institution",
                DocumentKind::Presentation => "publisher",
            };
            fields.push((field, bib(p.name.get(lang))));
        }
        fields.push(("year", bib(&year(doc, lang))));
        if let (DateCertainty::Inferred, Some(m)) = (doc.date.certainty, doc.date.month) {
            if let Some(month) = MONTHS.get((m as usize).wrapping_sub(1)) {
                fields.push(("month", month.to_string()));
            }
        }
        if doc.document == DocumentKind::Presentation {
            fields.push(("howpublished", bib(doc.document.label(lang))));
        }
        fields.push(("language", "korean".to_string()));
        fields.push(("note", bib(&note(doc, lang))));
        let _ = writeln!(out, "@{entry}{{{},", item.id);
        for (name, value) in fields {
            // Months are BibTeX's own macros (`nov`), written without braces.
            if name == "month" {
                let _ = writeln!(out, "  {name} = {value},");
            } else {
                let _ = writeln!(out, "  {name} = {{{value}}},");
            }
        }
        out.push_str("}\n\n");
    }
    out.trim_end().to_string() + "\n"
}

/// Every document as a CSL-JSON item (`report` or `speech`), as an array.
pub fn csl_json(index: &Index, lang: Lang) -> Value {
    let items: Vec<Value> = documents(index)
        .map(|(item, doc)| {
            let mut entry = json!({
                "id": item.id,
                "type": match doc.document {
                    DocumentKind::Report => "report",
                    DocumentKind::Presentation => "speech",
                },
                "title": title(doc, lang),
                "genre": doc.document.label(lang),
                "language": "ko",
                "note": note(doc, lang),
            });
            if let Some(short) = &doc.short_title {
                entry["title-short"] = json!(short.get(lang));
            }
            if !doc.authors.is_empty() {
                entry["author"] = doc
                    .authors
                    .iter()
                    .map(|p| json!({"family": p.family.get(lang), "given": p.given.get(lang)}))
                    .collect();
            }
            if let Some(p) = &doc.publisher {
                entry["publisher"] = json!(p.name.get(lang));
            }
            entry["issued"] = match (doc.date.certainty, doc.date.month) {
                (DateCertainty::Inferred, Some(m)) => json!({"date-parts": [[doc.date.year, m]]}),
                (DateCertainty::Inferred, None) => json!({"date-parts": [[doc.date.year]]}),
                (DateCertainty::NotBefore, _) => json!({"literal": year(doc, lang)}),
            };
            entry
        })
        .collect();
    Value::Array(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bibtex_escapes_what_latex_would_read_as_markup() {
        assert_eq!(bib("R&D 40% #1 a_b {x}"), "R\\&D 40\\% \\#1 a\\_b \\{x\\}");
        assert_eq!(
            bib("a\\b~c^d"),
            "a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d"
        );
    }
}
