//! `casebook`: parse arguments, load the collection, run the explorer or a subcommand,
//! print once and exit with the command's status. Nothing else lives here.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use casebook::cli::{self, Args, Command, Outcome};
use casebook::index::Index;
use casebook::load;

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

fn load_index(args: &Args) -> anyhow::Result<Index> {
    let loaded = match &args.cases {
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
    let lang = cli::resolve_lang(args.lang);
    let Some(command) = &args.command else {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        casebook::tui::run(casebook::tui::Options {
            lang,
            theme: casebook::tui::theme::Theme::new(args.theme, no_color),
            cases: args.cases.clone(),
        })?;
        return Ok(Outcome {
            stdout: String::new(),
            stderr: String::new(),
            code: 0,
        });
    };
    let started = std::time::Instant::now();
    let index = load_index(&args)?;
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
    };
    outcome.stderr = skipped_warning(&index) + &outcome.stderr;
    Ok(outcome)
}
