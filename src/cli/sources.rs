//! `casebook sources [--json | --bibtex | --csl-json]`: the documents of the sources
//! catalog, each with its full reference, how it is cited, its date and its sections
//! (the ids a `source:` uses); `--bibtex` and `--csl-json` export the documents for
//! reference managers, in the interface language. `casebook sources DOC [SECTION]
//! [--json]` lists what cites a document or one of its sections (the backlinks the
//! explorer's Sources pane shows, from the same core table).
//!
//! Depends on the CLI's own `Outcome`, `index`, `citing`, `model`, `render` and `text`.

use super::Outcome;
use crate::citing;
use crate::index::Index;
use crate::model::{Kind, Lang};
use crate::render::{bibliography, json, plain};
use crate::text::quoted;

/// The formats `casebook sources` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourcesFormat {
    Plain,
    Json,
    Bibtex,
    CslJson,
}

pub fn sources(index: &Index, format: SourcesFormat, lang: Lang) -> Outcome {
    Outcome::ok(match format {
        SourcesFormat::Plain => plain::sources(index, lang),
        SourcesFormat::Json => json::string(&json::sources(index)) + "\n",
        SourcesFormat::Bibtex => bibliography::bibtex(index, lang),
        SourcesFormat::CslJson => json::string(&bibliography::csl_json(index, lang)) + "\n",
    })
}

/// `casebook sources DOC [SECTION]`: what cites a document (its sections, each with how
/// many citations name it) or one of its sections (every citing item and fact, with the
/// page). Exit 1 for an unknown document or section, naming the ids there are.
pub fn cited_by(
    index: &Index,
    doc: &str,
    section: Option<&str>,
    json: bool,
    lang: Lang,
) -> Outcome {
    let Some((_, document)) = index.document(doc) else {
        let known: Vec<String> = index
            .of_kind(Kind::Source)
            .iter()
            .map(|&i| quoted(&index.item(i).id).into_owned())
            .collect();
        return Outcome::fail(
            format!(
                "error: no source document has the id `{}`; the documents are {}\n",
                quoted(doc),
                known.join(", ")
            ),
            1,
        );
    };
    let position = index.position(doc).unwrap_or_default();
    let Some(section) = section else {
        return Outcome::ok(if json {
            json::string(&json::document_citations(index, position, lang)) + "\n"
        } else {
            plain::document_citations(index, position, lang)
        });
    };
    let report = document
        .sections
        .iter()
        .position(|s| s.id == section)
        .and_then(|at| citing::section_report(index, position, at, lang));
    match report {
        Some(report) if json => Outcome::ok(json::string(&report) + "\n"),
        Some(report) => Outcome::ok(plain::section_report(&report, lang)),
        None => Outcome::fail(
            format!(
                "error: `{}` has no section `{}`; `casebook sources {}` lists its sections\n",
                quoted(doc),
                quoted(section),
                quoted(doc)
            ),
            1,
        ),
    }
}
