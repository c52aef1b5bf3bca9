//! casebook: explore industrial-cluster case studies in Korean and English.
//!
//! Data flows one way, and each module knows only the ones before it:
//!
//! ```text
//! YAML files ─▶ load ─▶ index ─▶ search ─▶ tui (app state ─▶ rendering)
//!                  └────────────────────▶ cli (non-interactive subcommands)
//! ```
//!
//! - [`model`]: the plain domain types (cases, roles, factors, …).
//! - [`text`]: safe, width-aware text handling shared by every layer.
//! - [`load`]: YAML → validated items, with `path:line:col` diagnostics.
//! - [`index`]: items by id and kind, and the reverse links computed on load.
//! - [`search`]: query parsing, Hangul handling, matching and ranking.
//! - [`corpus`]: items → search documents.
//! - [`report`]: what to say about an item, shared by `show` and the explorer.
//! - [`compare`]: two to four cases side by side, for `compare` and the explorer.
//! - [`config`]: the settings file (language, theme, collection).
//! - [`cli`]: the subcommands and their plain / JSON / Markdown output.
//! - [`tui`]: the interactive explorer.

pub mod cli;
pub mod collection;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod index;
pub mod load;
pub mod model;
pub mod report;
pub mod search;
#[doc(hidden)]
pub mod synthetic;
pub mod text;
pub mod tui;
