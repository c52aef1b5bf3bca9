//! Output formats, as peers over the same models: [`plain`] text, [`markdown`] and
//! [`json`], one fact as a line for minutes ([`excerpt`]), the sources catalog for
//! reference managers ([`bibliography`]: BibTeX and CSL-JSON), plus the [`highlight`] of search matches that the plain output and the
//! explorer share. The models are [`crate::report::Block`] (one item),
//! [`crate::compare::Comparison`] and the role matrix ([`crate::matrix`]); a command picks
//! what to say, a renderer only how. Every function returns text; nothing here prints.
//!
//! [`chart_text`] draws a [`crate::chart::Chart`] in text for all of them.
//!
//! Depends on `model`, `text`, `index`, `report`, `compare`, `chart`, `matrix` and `collection`;
//! never on a front end (`cli`, `tui`).

pub mod bibliography;
pub mod chart_text;
pub mod excerpt;
pub mod highlight;
pub mod json;
pub mod markdown;
pub mod plain;
