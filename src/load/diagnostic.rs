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
const MAX_MESSAGE_CHARS: usize = 1000;

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
        message: String,
    ) -> Self {
        let mut message = cut_quoted_values(message);
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

/// `message` with every `` `quoted` `` value longer than [`text::MESSAGE_VALUE_CHARS`]
/// cut, so a megabyte of id in a file is not echoed back, while the words around it
/// (what is wrong, what to do) are kept.
fn cut_quoted_values(message: String) -> String {
    let too_long = message
        .split('`')
        .skip(1)
        .step_by(2)
        .any(|quoted| quoted.chars().nth(text::MESSAGE_VALUE_CHARS).is_some());
    if !too_long {
        return message;
    }
    let mut out = String::with_capacity(text::MESSAGE_VALUE_CHARS * 4);
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        let quoted = i % 2 == 1;
        match part.char_indices().nth(text::MESSAGE_VALUE_CHARS) {
            Some((cut, _)) if quoted => {
                out.push_str(&part[..cut]);
                out.push('…');
            }
            _ => out.push_str(part),
        }
    }
    out
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
