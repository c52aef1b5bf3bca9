//! casebook: explore industrial-cluster case studies in Korean and English.
//!
//! Data flows one way, and each module knows only the ones before it:
//!
//! ```text
//! YAML files ─▶ load ─▶ index ─▶ corpus ─▶ search
//!                  └───────┴─────────┴────────┴──▶ collection (opening: the one setup)
//! index ─▶ chart ─▶ report · compare · matrix (what to say) ─▶ render (plain / Markdown / JSON)
//!
//! collection + models + render ─▶ cli (subcommands)     ┐
//! collection + models          ─▶ tui (the explorer)    ┘─▶ main (picks one)
//! ```
//!
//! The two front ends never name each other: what both need (settings, the theme's name,
//! the matrix, the highlighter, opening a collection) lives in the core.
//!
//! - [`model`]: the plain domain types (cases, roles, factors, …).
//! - [`citation`]: a source as a reference a reader can cite, and a document's full
//!   reference (depends on `model` only).
//! - [`text`]: safe, width-aware text handling shared by every layer.
//! - [`safe_read`]: reading a file that may be a FIFO, a device or huge, within limits.
//! - [`safe_write`]: writing a new file whole or not at all, never over another.
//! - [`load`]: YAML → validated items, with `path:line:col` diagnostics.
//! - [`index`]: items by id and kind, and the reverse links computed on load.
//! - [`backlinks`]: which items and facts cite each section of each source document.
//! - [`keyboard`]: the 두벌식 Korean keyboard: keys ↔ jamo, composing jamo into syllables.
//! - [`search`]: query parsing, Hangul handling, matching and ranking.
//! - [`corpus`]: items → search documents.
//! - [`collection`]: opening a collection (both indexes) and searching it for items.
//! - [`figure_en`]: a printed Korean figure read in English (만 억 조, 여, 약, ranges,
//!   currencies): the one place that rule lives.
//! - [`report`]: what to say about an item, shared by `show` and the explorer.
//! - [`citing`]: what to say about a document section and everything citing it, for
//!   `sources DOC SECTION` and the explorer's Sources view.
//! - [`compare`]: two to four cases side by side, for `compare` and the explorer.
//! - [`chart`]: which figures are drawn as bar charts, for a case and a comparison.
//! - [`matrix`]: the role matrix, its weakest-role mark and legend.
//! - [`render`]: output formats (plain text, Markdown, JSON) and the match highlighter.
//! - [`config`]: the settings file (language, theme, collection).
//! - [`state`]: the explorer's memory between runs (queries, recent items, the place
//!   it was left at), in the platform's state directory.
//! - [`cli`]: the subcommands: flags, settings resolution, one file per command.
//! - [`tui`]: the interactive explorer.

pub mod backlinks;
pub mod chart;
pub mod citation;
pub mod citing;
pub mod cli;
pub mod collection;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod figure_en;
pub mod index;
pub mod keyboard;
pub mod load;
pub mod matrix;
pub mod model;
pub mod render;
pub mod report;
pub mod safe_read;
pub mod safe_write;
pub mod search;
pub mod state;
#[doc(hidden)]
pub mod synthetic;
pub mod text;
pub mod tui;
