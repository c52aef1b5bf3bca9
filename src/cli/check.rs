//! `casebook check`: every problem found while loading, one `path:line:col: error: …`
//! per line on stdout, and a one-line summary on stderr. Exit 0 when the collection is
//! clean, 1 when any file has errors.
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
    let errors = index.diagnostics.len();
    let summary = format!(
        "checked {} files: {} items loaded, {} {}, {} {} skipped\n",
        index.files,
        index.len(),
        errors,
        if errors == 1 { "error" } else { "errors" },
        index.skipped_files.len(),
        if index.skipped_files.len() == 1 {
            "file"
        } else {
            "files"
        },
    );
    Outcome {
        stdout: out,
        stderr: summary,
        code: if errors == 0 { 0 } else { 1 },
    }
}
