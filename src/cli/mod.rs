//! The command line: a front end over the core, like the explorer but without a screen.
//! [`run`] opens the collection (through `collection`) and dispatches to one file per
//! subcommand (`list`, `show`, `matrix`, `check`, `search`, `compare`, `sources`, and the authoring
//! helpers `new`, `schema`, `completions`, `config`); the output formats live in
//! `render`, the flags in [`args`], and how flags, environment and the settings file
//! combine in [`settings`].
//!
//! Every command returns an [`Outcome`], the text to print and the exit status, instead
//! of printing, so tests can call commands directly and `main` prints once. Plain output
//! never carries control characters from the files; JSON escapes them.
//!
//! Depends on `model`, `text`, `index`, `report`, `compare`, `matrix`, `render`,
//! `search`, `collection` and `config`; never on the explorer.

pub mod args;
mod check;
mod compare;
mod completions;
mod config;
mod list;
mod matrix;
mod new;
mod schema;
mod search;
pub mod settings;
mod show;
mod sources;

use anyhow::Context as _;

pub use self::args::{Args, Command, KindArg, LangArg, SchemaKind, ThemeArg, AFTER_HELP};
pub use self::check::check;
pub use self::compare::compare;
pub use self::completions::completions;
pub use self::config::config;
pub use self::list::list;
pub use self::matrix::matrix;
pub use self::new::{case_template, new_case, new_case_dir};
pub use self::schema::{schema, CASE_SCHEMA, CATALOG_SCHEMA};
pub use self::search::search;
pub use self::settings::{lang_from_locale, resolve, resolve_lang, resolve_lang_with, Resolved};
pub use self::show::show;
pub use self::sources::{cited_by, sources, SourcesFormat};
use crate::collection;
use crate::index::Index;
use crate::model::Kind;

/// What a command prints and how it exits.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Outcome {
    fn ok(stdout: String) -> Outcome {
        Outcome {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }

    fn fail(stderr: String, code: i32) -> Outcome {
        Outcome {
            stdout: String::new(),
            stderr,
            code,
        }
    }
}

/// Runs one subcommand: loads the collection when the command needs it, warns when files
/// were skipped, and returns what to print. An error is a collection that cannot be
/// opened at all (exit 2 in `main`).
pub fn run(
    command: &Command,
    args: &Args,
    settings: &crate::config::Loaded,
    resolved: &Resolved,
) -> anyhow::Result<Outcome> {
    let lang = resolved.lang;
    let cases = resolved.cases.as_deref();
    // Commands that need no collection, or only its ids.
    match command {
        Command::Schema { kind } => return Ok(schema(*kind)),
        Command::Completions { shell } => return Ok(completions(*shell)),
        Command::Config { path } => return Ok(config(args, settings, resolved, *path)),
        Command::New { id } => {
            // The collection gives the ids to avoid and the type and role ids the
            // template may use; a folder that does not exist yet gets the built-in ones.
            let index = collection::open_index(cases)
                .ok()
                .filter(|i| !i.of_kind(Kind::Type).is_empty())
                .unwrap_or_else(|| collection::open_index(None).unwrap_or_default());
            return Ok(new_case(&index, id, cases));
        }
        _ => {}
    }
    let started = std::time::Instant::now();
    let index = collection::open_index(cases).context("loading the collection")?;
    let load_ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut outcome = match command {
        Command::List {
            kind,
            cluster_type,
            json,
        } => list(
            &index,
            kind.map(Into::into),
            cluster_type.as_deref(),
            *json,
            lang,
        ),
        Command::Show { id, json, markdown } => show(&index, id, *json, *markdown, lang),
        Command::Matrix { json } => matrix(&index, *json, lang),
        Command::Check => return Ok(check(&index)),
        Command::Search {
            query,
            json,
            limit,
            kind,
            timing,
        } => search(
            &index,
            query,
            *json,
            *limit,
            kind.map(Into::into),
            *timing,
            load_ms,
            lang,
        ),
        Command::Compare {
            ids,
            json,
            markdown,
        } => compare(&index, ids, *json, *markdown, lang),
        Command::Sources {
            doc: Some(doc),
            section,
            json,
            ..
        } => cited_by(&index, doc, section.as_deref(), *json, lang),
        Command::Sources {
            json,
            bibtex,
            csl_json,
            ..
        } => {
            let format = match (*json, *bibtex, *csl_json) {
                (true, _, _) => SourcesFormat::Json,
                (_, true, _) => SourcesFormat::Bibtex,
                (_, _, true) => SourcesFormat::CslJson,
                _ => SourcesFormat::Plain,
            };
            sources(&index, format, lang)
        }
        Command::Schema { .. }
        | Command::Completions { .. }
        | Command::Config { .. }
        | Command::New { .. } => unreachable!("handled before loading"),
    };
    outcome.stderr = skipped_warning(&index) + &outcome.stderr;
    Ok(outcome)
}

/// A one-line warning for commands whose output would silently miss skipped files or
/// show repaired text.
fn skipped_warning(index: &Index) -> String {
    if index.diagnostics.is_empty() {
        return String::new();
    }
    let errors = index.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = index.diagnostics.len() - errors;
    format!(
        "warning: {errors} error(s) and {warnings} warning(s) in the collection, {} file(s) \
         skipped; run `casebook check` for details\n",
        index.skipped_files.len()
    )
}
