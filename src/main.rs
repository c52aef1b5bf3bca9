//! `casebook`: parse arguments, read the settings, then run the explorer or a
//! subcommand, print once and exit with the command's status. Nothing else lives here.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use casebook::cli::{self, Args, Outcome};
use casebook::{config, tui};

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
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

fn run(args: &Args) -> anyhow::Result<Outcome> {
    // Settings never stop casebook: a broken file is a warning, printed with the output.
    let settings = config::load();
    let resolved = cli::resolve(args, &settings.config);
    let mut outcome = match &args.command {
        Some(command) => cli::run(command, args, &settings, &resolved)?,
        None => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let status = tui::run(tui::Options {
                lang: resolved.lang,
                theme: tui::theme::Theme::new(resolved.theme, no_color),
                cases: resolved.cases.clone(),
                // A broken settings file is said on screen too, not only after quitting.
                notice: settings.warning.clone(),
            })?;
            Outcome {
                stdout: String::new(),
                stderr: String::new(),
                code: status.into(),
            }
        }
    };
    if let Some(warning) = &settings.warning {
        outcome.stderr = format!("{warning}\n{}", outcome.stderr);
    }
    Ok(outcome)
}
