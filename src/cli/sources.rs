//! `casebook sources [--json | --bibtex | --csl-json]`: the documents of the sources
//! catalog, each with its full reference, how it is cited, its date and its sections
//! (the ids a `source:` uses); `--bibtex` and `--csl-json` export the documents for
//! reference managers, in the interface language.
//!
//! Depends on the CLI's own `Outcome`, `index`, `model` and `render`.

use super::Outcome;
use crate::index::Index;
use crate::model::Lang;
use crate::render::{bibliography, json, plain};

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
