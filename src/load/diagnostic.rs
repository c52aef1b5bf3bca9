//! [`Diagnostic`]: one problem in one file, and how it is printed
//! (`path:line:col: error: message`, or `warning:` for what was repaired on load).
//!
//! Every step of loading reports through this type, so it lives on its own and
//! depends on nothing in `load`; of the crate it uses only `text` (to keep quoted
//! bytes away from the terminal).

use std::fmt;

use serde::Serialize;

use crate::text;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was left out: a file, an item, a link.
    Error,
    /// Everything loaded, but not exactly as written (an invisible character removed,
    /// a control character shown as a placeholder), or something could not be checked.
    Warning,
}

/// One problem in one file, printed as `path:line:col: error: message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

/// A message longer than this is cut: messages quote values from files, and a file can
/// hold a megabyte on one line.
const MAX_MESSAGE_CHARS: usize = 400;

impl Diagnostic {
    pub(super) fn new(
        file: &str,
        position: Option<(usize, usize)>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::with_severity(Severity::Error, file, position, message.into())
    }

    pub(super) fn warning(
        file: &str,
        position: Option<(usize, usize)>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::with_severity(Severity::Warning, file, position, message.into())
    }

    fn with_severity(
        severity: Severity,
        file: &str,
        position: Option<(usize, usize)>,
        mut message: String,
    ) -> Self {
        if let Some((cut, _)) = message.char_indices().nth(MAX_MESSAGE_CHARS) {
            message.truncate(cut);
            message.push_str("… (message cut)");
        }
        Diagnostic {
            file: file.to_string(),
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
            severity,
            message,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // File names and messages can quote bytes from a file; never let them reach a
        // terminal raw, nor a line break in a file name forge a line of output.
        let file = text::escape_for_terminal(&self.file);
        let message = text::escape_for_terminal(&self.message);
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "{file}:{line}:{column}: {severity}: {message}")
            }
            (Some(line), None) => write!(f, "{file}:{line}: {severity}: {message}"),
            _ => write!(f, "{file}: {severity}: {message}"),
        }
    }
}
