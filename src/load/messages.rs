//! serde_yaml's errors in words a researcher can act on: [`serde_error`] keeps
//! serde_yaml's position and rewords its message, which names Rust types
//! (`expected struct Text`), into what to write instead ([`plain_words`]).
//!
//! Depends on [`super::diagnostic`] only.

use super::diagnostic::Diagnostic;

pub(super) fn serde_error(path: &str, err: &serde_yaml::Error) -> Diagnostic {
    let mut message = err.to_string();
    let position = err.location().map(|l| (l.line(), l.column()));
    if let Some(cut) = message.find(" at line ") {
        message.truncate(cut);
    }
    let mut message = plain_words(&message);
    // A source written in the shape before the sources catalog: say what replaced it.
    if message.contains("unknown field `file`, expected one of `doc`") {
        message.push_str(
            "; a source names a document and its section by id, like `{doc: seri-2002, \
             section: ii-2-1-daedeok}` (`casebook sources` lists them)",
        );
    }
    Diagnostic::new(path, position, message)
}

/// serde's wording names Rust types (`expected struct Text`, `expected i32`); say what
/// to write instead.
fn plain_words(message: &str) -> String {
    const WORDS: [(&str, &str); 13] = [
        ("unknown variant", "unknown value"),
        ("missing field", "missing required field"),
        ("invalid type: sequence", "found a list"),
        ("invalid type: map", "found a mapping (`key: value`)"),
        ("invalid type: unit value", "found an empty value"),
        ("invalid type:", "found"),
        ("invalid value:", "found"),
        (
            "expected struct Text",
            "expected a text in both languages: `{ko: ..., en: ...}`",
        ),
        (
            "expected struct Source",
            "expected a source: `{doc: ..., section: ..., page: ...}`",
        ),
        (
            "expected struct Point",
            "expected a point with `ko`, `en` and `source`",
        ),
        (
            "expected a sequence",
            "expected a list (`- item` lines or `[a, b]`)",
        ),
        ("expected i32", "expected a whole number"),
        ("expected field identifier", "expected a field name"),
    ];
    let mut out = message.to_string();
    for (from, to) in WORDS {
        out = out.replace(from, to);
    }
    // Any other `expected struct Figure` and the like: a mapping of fields.
    while let Some(start) = out.find("expected struct ") {
        let end = out[start + 16..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(out.len(), |i| start + 16 + i);
        out.replace_range(start..end, "expected a mapping of fields (`key: value`)");
    }
    out
}
