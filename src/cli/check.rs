//! `casebook check`: every problem found while loading, one `path:line:col: error: …`
//! (or `warning: …`) per line on stdout, and a one-line summary on stderr. Exit 0 when
//! nothing was left out — warnings alone (a character removed or shown as a
//! placeholder, the item loaded) do not fail it — and 1 when any file, item or link was
//! skipped.
//!
//! Depends on the CLI's own `Outcome` and `index`.

use std::fmt::Write as _;

use super::Outcome;
use crate::index::Index;

pub fn check(index: &Index) -> Outcome {
    let mut out = String::new();
    for d in &index.diagnostics {
        let _ = writeln!(out, "{d}");
    }
    let errors = index.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = index.diagnostics.len() - errors;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let summary = format!(
        "checked {} files: {} items loaded, {}, {}, {} skipped\n",
        index.files,
        index.len(),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        plural(index.skipped_files.len(), "file", "files"),
    );
    let failed = errors > 0 || !index.skipped_files.is_empty();
    Outcome {
        stdout: out,
        stderr: summary,
        code: if failed { 1 } else { 0 },
    }
}
