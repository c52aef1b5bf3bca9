//! `casebook`: parse arguments, load the collection, run the explorer or a subcommand,
//! print once and exit with the command's status. Nothing else lives here.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use casebook::cli::{self, Args, Command, Outcome};
use casebook::index::Index;
use casebook::{config, load};

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(outcome) => {
            // A closed pipe (`casebook list | head`) is not an error worth a message.
            let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
            let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
            ExitCode::from(outcome.code.clamp(0, 255) as u8)
        }
        Err(err) => {
            eprintln!(
                "casebook: {}",
                casebook::text::escape_for_terminal(&format!("{err:#}"))
            );
            ExitCode::from(2)
        }
    }
}

fn load_index(cases: Option<&std::path::Path>) -> anyhow::Result<Index> {
    let loaded = match cases {
        Some(dir) => load::load_collection(dir).context("loading the collection")?,
        None => load::load_shipped(),
    };
    Ok(Index::build(loaded))
}

/// A one-line warning for commands whose output would silently miss skipped files.
fn skipped_warning(index: &Index) -> String {
    match index.diagnostics.len() {
        0 => String::new(),
        n => format!(
            "warning: {n} problem(s) in the collection, {} file(s) skipped; run `casebook check` for details\n",
            index.skipped_files.len()
        ),
    }
}

fn run(args: Args) -> anyhow::Result<Outcome> {
    // Settings never stop casebook: a broken file is a warning, printed with the output.
    let settings = config::load();
    let settings_warning = settings
        .warning
        .as_ref()
        .map(|w| format!("{w}\n"))
        .unwrap_or_default();
    let resolved = cli::resolve(&args, &settings.config);
    let mut outcome = run_command(&args, &settings, &resolved)?;
    outcome.stderr = settings_warning + &outcome.stderr;
    Ok(outcome)
}

fn run_command(
    args: &Args,
    settings: &config::Loaded,
    resolved: &cli::Resolved,
) -> anyhow::Result<Outcome> {
    let lang = resolved.lang;
    let cases = resolved.cases.as_deref();
    let Some(command) = &args.command else {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let status = casebook::tui::run(casebook::tui::Options {
            lang,
            theme: casebook::tui::theme::Theme::new(
                match resolved.theme {
                    cli::ThemeArg::Dark => config::ThemeName::Dark,
                    cli::ThemeArg::Light => config::ThemeName::Light,
                    cli::ThemeArg::HighContrast => config::ThemeName::HighContrast,
                },
                no_color,
            ),
            cases: resolved.cases.clone(),
            // A broken settings file is said on screen too, not only after quitting.
            notice: settings.warning.clone(),
        })?;
        return Ok(Outcome {
            stdout: String::new(),
            stderr: String::new(),
            code: status.into(),
        });
    };
    // Commands that need no collection, or only its ids.
    match command {
        Command::Schema { kind } => return Ok(cli::schema(*kind)),
        Command::Completions { shell } => return Ok(cli::completions(*shell)),
        Command::Config { path } => return Ok(cli::config(args, settings, resolved, *path)),
        Command::New { id } => {
            // The collection gives the ids to avoid and the type and role ids the
            // template may use; a folder that does not exist yet gets the built-in ones.
            let index = load_index(cases)
                .ok()
                .filter(|i| !i.of_kind(casebook::model::Kind::Type).is_empty())
                .unwrap_or_else(|| Index::build(load::load_shipped()));
            return Ok(cli::new_case(&index, id, cases));
        }
        _ => {}
    }
    let started = std::time::Instant::now();
    let index = load_index(cases)?;
    let load_ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut outcome = match command {
        Command::List {
            kind,
            cluster_type,
            json,
        } => cli::list(
            &index,
            kind.map(Into::into),
            cluster_type.as_deref(),
            *json,
            lang,
        ),
        Command::Show { id, json, markdown } => cli::show(&index, id, *json, *markdown, lang),
        Command::Matrix { json } => cli::matrix(&index, *json, lang),
        Command::Check => return Ok(cli::check(&index)),
        Command::Search {
            query,
            json,
            limit,
            kind,
            timing,
        } => cli::search(
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
        } => cli::compare(&index, ids, *json, *markdown, lang),
        Command::Schema { .. }
        | Command::Completions { .. }
        | Command::Config { .. }
        | Command::New { .. } => unreachable!("handled before loading"),
    };
    outcome.stderr = skipped_warning(&index) + &outcome.stderr;
    Ok(outcome)
}
