//! `casebook config [--path]`: where the settings file is read from, whether it was
//! found, and each setting in effect with where it came from (the command line or
//! environment, the settings file, or the default); last, where the explorer keeps its
//! memory.
//!
//! Depends on the CLI's own `Outcome`, `config`, `model`, `state` and `text`.

use std::fmt::Write as _;

use super::args::Args;
use super::settings::Resolved;
use super::Outcome;
use crate::model::Lang;
use crate::text;

/// `casebook config [--path]`: where the settings file is, and what is in effect and why.
pub fn config(
    args: &Args,
    settings: &crate::config::Loaded,
    resolved: &Resolved,
    path_only: bool,
) -> Outcome {
    let path = settings
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "(no settings directory on this system)".into());
    if path_only {
        return Outcome::ok(format!("{}\n", text::escape_for_terminal(&path)));
    }
    let state = match (
        settings.file_ignored,
        settings.warning.is_some(),
        settings.path.as_ref().is_some_and(|p| p.is_file()),
    ) {
        (true, _, _) => "has errors, ignored",
        (false, true, _) => "found; a setting in it is ignored",
        (false, false, true) => "found",
        (false, false, false) => "not found",
    };
    let mut out = format!(
        "# settings file: {} ({state})\n",
        text::escape_for_terminal(&path)
    );
    let c = &settings.config;
    let origin = |flag: bool, from_file: bool| {
        if flag {
            "from the command line or environment"
        } else if from_file {
            "from the settings file"
        } else {
            "default"
        }
    };
    let lang = match resolved.lang {
        Lang::Ko => "ko",
        Lang::En => "en",
    };
    let _ = writeln!(
        out,
        "lang = \"{lang}\"   # {}",
        origin(args.lang.is_some(), c.lang.is_some())
    );
    let _ = writeln!(
        out,
        "theme = \"{}\"   # {}",
        resolved.theme.as_str(),
        origin(args.theme.is_some(), c.theme.is_some())
    );
    match &resolved.cases {
        Some(dir) => {
            let _ = writeln!(
                out,
                "cases = \"{}\"   # {}",
                text::escape_for_terminal(&dir.display().to_string()),
                origin(args.cases.is_some(), c.cases.is_some())
            );
        }
        None => {
            let _ = writeln!(out, "# cases: the built-in collection (default)");
        }
    }
    let memory = crate::state::path()
        .map(|p| text::escape_for_terminal(&p.display().to_string()).into_owned())
        .unwrap_or_else(|| "(no state directory on this system)".into());
    let _ = writeln!(
        out,
        "# explorer memory: {memory} (delete it to forget; --fresh opens at the top)"
    );
    Outcome::ok(out)
}
