//! `casebook`: parse arguments, read the settings, then run the explorer or a
//! subcommand, print once and exit with the command's status — or 2, with one message,
//! when the output could not be written (a broken pipe aside). Nothing else lives here.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use casebook::cli::{self, Args, Outcome};
use casebook::{config, tui};

fn main() -> ExitCode {
    let stdout_closed = stdout_was_closed();
    let args = match Args::try_parse() {
        Ok(args) => args,
        // Help and version are output like any other, with the same write checks.
        Err(err) if !err.use_stderr() => {
            let styled = err.render();
            let text = if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                styled.ansi().to_string()
            } else {
                styled.to_string()
            };
            let outcome = Outcome {
                stdout: text,
                stderr: String::new(),
                code: err.exit_code(),
            };
            return print(outcome, stdout_closed);
        }
        Err(err) => err.exit(),
    };
    match run(&args) {
        Ok(outcome) => print(outcome, stdout_closed),
        Err(err) => {
            eprintln!(
                "casebook: {}",
                casebook::text::escape_for_terminal(&format!("{err:#}"))
            );
            ExitCode::from(2)
        }
    }
}

/// Prints a command's output and messages; the command's status, or 2 when the output
/// could not be written.
fn print(outcome: Outcome, stdout_closed: bool) -> ExitCode {
    let written = if stdout_closed && !outcome.stdout.is_empty() {
        Err(std::io::Error::other("standard output is closed"))
    } else {
        write_out(&outcome.stdout)
    };
    // Messages go to stderr whatever became of stdout; if stderr cannot be written
    // either, there is no one left to tell.
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    let code = ExitCode::from(outcome.code.clamp(0, 255) as u8);
    match written {
        Ok(()) => code,
        // A reader that stopped reading (`casebook list | head -1`) got what it wanted:
        // quiet, and the command's own status, as ripgrep does.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            // A full disk or a closed stdout: the output is incomplete, so say so once
            // and fail.
            eprintln!(
                "casebook: error: the output could not be written: {}",
                casebook::text::escape_for_terminal(&e.to_string())
            );
            ExitCode::from(2)
        }
    }
}

/// Whether stdout was closed when casebook started (`casebook list >&-`). Before `main`,
/// Rust's runtime puts `/dev/null` on a closed standard descriptor, opened for reading
/// and writing, and the output would vanish with exit 0. A shell's `>/dev/null` opens
/// it for writing only, so `/dev/null` open for both on stdout is taken as a stdout
/// that was closed.
#[cfg(unix)]
fn stdout_was_closed() -> bool {
    use std::os::fd::FromRawFd;
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let Ok(null) = std::fs::metadata("/dev/null") else {
        return false;
    };
    // SAFETY: descriptor 1 is open (the runtime saw to it) and is only looked at: the
    // File is never dropped, so it is never closed.
    let stdout = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(1) });
    let Ok(meta) = stdout.metadata() else {
        return false;
    };
    let is_null = meta.file_type().is_char_device() && meta.rdev() == null.rdev();
    // SAFETY: F_GETFL only reads the descriptor's flags.
    let flags = unsafe { libc::fcntl(1, libc::F_GETFL) };
    is_null && flags != -1 && (flags & libc::O_ACCMODE) == libc::O_RDWR
}

#[cfg(not(unix))]
fn stdout_was_closed() -> bool {
    false
}

/// Writes a command's output to stdout and flushes it, so every write error (a full
/// disk, a closed stdout, a reader gone) is seen here.
fn write_out(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
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
                theme: resolved.theme,
                no_color,
                cases: resolved.cases.clone(),
                // A broken settings file is said on screen too, not only after quitting.
                notice: settings.warning.clone(),
                fresh: args.fresh,
                lang_from_flag: args.lang.is_some(),
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
