//! [`Diagnostic`]: one problem in one file, and how it is printed
//! (`path:line:col: error: message`).
//!
//! Every step of loading reports through this type, so it lives on its own and
//! depends on nothing in `load`; of the crate it uses only `text` (to keep quoted
//! bytes away from the terminal).

use std::fmt;

use serde::Serialize;

use crate::text;

/// One problem in one file, printed as `path:line:col: error: message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub(super) fn new(
        file: &str,
        position: Option<(usize, usize)>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // File names and messages can quote bytes from a file; never let them reach a
        // terminal raw.
        let file = text::escape_for_terminal(&self.file);
        let message = text::escape_for_terminal(&self.message);
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{file}:{line}:{column}: error: {message}"),
            (Some(line), None) => write!(f, "{file}:{line}: error: {message}"),
            _ => write!(f, "{file}: error: {message}"),
        }
    }
}
