//! Characters that must not stay as written, repaired instead of refused: an invisible
//! one (zero-width space, joiners, soft hyphen, Hangul filler, tag character, …) is
//! removed, a control character or direction override becomes [`text::PLACEHOLDER`],
//! and each repair is a warning at its `path:line:col`. One such character, common in
//! text pasted from a PDF or a web page, must never cost a whole file.
//!
//! [`clean_raw`] repairs the characters written as they are, before YAML sees the text
//! (a YAML reader refuses raw control characters, and an invisible one in a key would
//! make an unknown field). [`repair_escapes`] finds those a double-quoted scalar makes
//! with an escape (`"\u200B"`, `"\e[31m"`), for the safety pass, which knows where such
//! scalars start; [`apply`] writes those repairs into the text. Later steps read the
//! repaired text; [`as_written`] moves what they report back to the column in the file
//! as written, so a removed character shifts no message.
//!
//! Which characters are unsafe, and which way, is `text`'s rule ([`text::unsafe_char`]),
//! shared with everything that puts text on a terminal. Depends on
//! [`super::diagnostic`]; of the crate, on `text` only.

use std::ops::Range;

use super::diagnostic::Diagnostic;
use crate::text::{self, UnsafeChar, PLACEHOLDER};

/// Per file, at most this many repairs are listed one by one; the rest are counted.
const MAX_LISTED: usize = 5;

/// One character repaired: where it was (1-based line and column, in characters, of
/// the character or of the backslash of its escape) and what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Repair {
    pub(super) at: (usize, usize),
    pub(super) found: char,
    /// `Some` for an escape: the bytes of the escape in the text, to be replaced.
    pub(super) escape: Option<Range<usize>>,
}

/// `text` with every raw unsafe character removed or replaced, and where each was.
/// Clean text (nearly every file) comes back as it is, after one byte scan.
pub(super) fn clean_raw(source: String) -> (String, Vec<Repair>) {
    if !text::may_hold_unsafe(&source) {
        return (source, Vec::new());
    }
    let mut out = String::with_capacity(source.len());
    let mut repairs = Vec::new();
    let (mut line, mut column) = (1, 1);
    for c in source.chars() {
        match text::unsafe_char(c) {
            None => out.push(c),
            Some(how) => {
                if how == UnsafeChar::Control {
                    out.push(PLACEHOLDER);
                }
                repairs.push(Repair {
                    at: (line, column),
                    found: c,
                    escape: None,
                });
            }
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (out, repairs)
}

/// The escapes in the double-quoted scalar whose opening quote is at byte `start` of
/// `source` (at line and column `at`) that make an unsafe character.
pub(super) fn repair_escapes(source: &str, start: usize, at: (usize, usize)) -> Vec<Repair> {
    let mut repairs = Vec::new();
    let Some(rest) = source.get(start..) else {
        return repairs;
    };
    let mut chars = rest.char_indices().peekable();
    if chars.next().map(|(_, c)| c) != Some('"') {
        return repairs;
    }
    let (mut line, mut column) = (at.0, at.1 + 1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => break,
            '\n' => {
                line += 1;
                column = 1;
            }
            '\\' => {
                let escape_at = (line, column);
                let Some((_, e)) = chars.next() else { break };
                column += 2;
                let hex_digits = match e {
                    'x' => 2,
                    'u' => 4,
                    'U' => 8,
                    '\n' => {
                        // An escaped line break joins the lines.
                        line += 1;
                        column = 1;
                        continue;
                    }
                    _ => 0,
                };
                let mut end = i + 1 + e.len_utf8();
                let made = if hex_digits == 0 {
                    simple_escape(e)
                } else {
                    let digits = rest.get(end..end + hex_digits).unwrap_or_default();
                    if digits.len() != hex_digits || !digits.bytes().all(|b| b.is_ascii_hexdigit())
                    {
                        // Not an escape YAML reads; the reader reports it.
                        continue;
                    }
                    for _ in 0..hex_digits {
                        chars.next();
                    }
                    column += hex_digits;
                    end += hex_digits;
                    u32::from_str_radix(digits, 16)
                        .ok()
                        .and_then(char::from_u32)
                };
                if let Some(found) = made.filter(|&m| text::is_forbidden(m)) {
                    repairs.push(Repair {
                        at: escape_at,
                        found,
                        escape: Some(start + i..start + end),
                    });
                }
            }
            _ => column += 1,
        }
    }
    repairs
}

/// The character a one-letter YAML escape (`\e`, `\0`, `\N`, …) stands for.
fn simple_escape(e: char) -> Option<char> {
    Some(match e {
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        'v' => '\u{B}',
        'f' => '\u{C}',
        'r' => '\r',
        'e' => '\u{1B}',
        'N' => '\u{85}',
        _ => return None,
    })
}

/// `source` with every escape repair written in: an invisible character's escape is
/// removed, a control character's becomes [`PLACEHOLDER`].
pub(super) fn apply(source: &str, repairs: &[Repair]) -> String {
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    for repair in repairs {
        let Some(range) = &repair.escape else {
            continue;
        };
        out.push_str(source.get(copied..range.start).unwrap_or_default());
        if text::unsafe_char(repair.found) == Some(UnsafeChar::Control) {
            out.push(PLACEHOLDER);
        }
        copied = range.end;
    }
    out.push_str(source.get(copied..).unwrap_or_default());
    out
}

impl Repair {
    /// How many characters of the repair's text stay: the placeholder, or nothing.
    fn chars_kept(&self) -> usize {
        usize::from(text::unsafe_char(self.found) == Some(UnsafeChar::Control))
    }

    /// How many characters of its line the repair took out (escapes are ASCII).
    fn chars_taken(&self) -> usize {
        let written = self.escape.as_ref().map_or(1, |bytes| bytes.len());
        written - self.chars_kept()
    }
}

/// Where a position in text that `repairs` were made to was before them. No repair
/// takes out a line break, so only columns move: right by every character taken out
/// before the position on its line. `repairs` are in order of position.
fn before_repairs(repairs: &[Repair], at: (usize, usize)) -> (usize, usize) {
    let (line, column) = at;
    let mut shift = 0;
    for repair in repairs.iter().filter(|r| r.at.0 == line) {
        // Where the repair's own text is once the ones before it are made.
        let now_at = repair.at.1 - shift;
        if now_at + repair.chars_kept() > column {
            break;
        }
        shift += repair.chars_taken();
    }
    (line, column + shift)
}

/// `diagnostic`, found in the text with every repair made (`raw` first, then
/// `escapes`), at its position in the file as written.
pub(super) fn as_written(
    raw: &[Repair],
    escapes: &[Repair],
    mut diagnostic: Diagnostic,
) -> Diagnostic {
    if let (Some(line), Some(column)) = (diagnostic.line, diagnostic.column) {
        let at = before_repairs(raw, before_repairs(escapes, (line, column)));
        diagnostic.column = Some(at.1);
    }
    diagnostic
}

/// One warning per repair, at its position in the file as written: the first
/// [`MAX_LISTED`] of a file one by one, then one line for the rest. `raw` were made to
/// the text as written, `escapes` (found by the safety pass) to the text after them.
pub(super) fn warnings(path: &str, raw: &[Repair], escapes: &[Repair]) -> Vec<Diagnostic> {
    let total = raw.len() + escapes.len();
    let escapes_as_written = escapes.iter().map(|r| Repair {
        at: before_repairs(raw, r.at),
        ..r.clone()
    });
    let mut out: Vec<Diagnostic> = raw
        .iter()
        .cloned()
        .chain(escapes_as_written)
        .take(MAX_LISTED)
        .map(|r| Diagnostic::warning(path, Some(r.at), describe(r.found)))
        .collect();
    if total > MAX_LISTED {
        out.push(Diagnostic::warning(
            path,
            None,
            format!(
                "{} more invisible or control characters in this file were removed or \
                 shown as {PLACEHOLDER} the same way",
                total - MAX_LISTED
            ),
        ));
    }
    out
}

fn describe(c: char) -> String {
    let code = c as u32;
    let name = text::unsafe_char_name(c);
    match text::unsafe_char(c) {
        Some(UnsafeChar::Control) => format!(
            "{name} U+{code:04X} is shown as {PLACEHOLDER}; remove it from the file — it \
             could change what a terminal shows"
        ),
        _ => format!(
            "invisible {name} U+{code:04X} removed; it is often pasted in with text from a \
             PDF or a web page"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_characters_are_removed_or_replaced_where_they_are() {
        let (clean, repairs) = clean_raw("a: x\u{200B}y\nb: \u{1b}[1m\u{AD}\n".to_string());
        assert_eq!(clean, "a: xy\nb: \u{FFFD}[1m\n");
        let at: Vec<_> = repairs.iter().map(|r| (r.at, r.found)).collect();
        assert_eq!(
            at,
            [((1, 5), '\u{200B}'), ((2, 4), '\u{1b}'), ((2, 8), '\u{AD}')]
        );
    }

    #[test]
    fn positions_in_repaired_text_move_back_to_where_they_were_written() {
        // `a: x<ZWSP>y<ESC>z "\u200Bq"`: a removed char, a placeholder, a removed escape.
        let (clean, raw) = clean_raw("a: x\u{200B}y\u{1b}z \"\\u200Bq\"\n".to_string());
        assert_eq!(clean, "a: xy\u{FFFD}z \"\\u200Bq\"\n");
        let escapes = repair_escapes(&clean, 10, (1, 9));
        assert_eq!(apply(&clean, &escapes), "a: xy\u{FFFD}z \"q\"\n");
        let at = |column| {
            let d = Diagnostic::new("f", Some((1, column)), "");
            as_written(&raw, &escapes, d).column.unwrap()
        };
        // x y � z " q  in the repaired text are at 4 5 6 7 9 10
        assert_eq!(
            [at(4), at(5), at(6), at(7), at(9), at(10)],
            [4, 6, 7, 8, 10, 17]
        );
        let warned: Vec<_> = warnings("f", &raw, &escapes)
            .iter()
            .map(|d| d.column)
            .collect();
        assert_eq!(warned, [Some(5), Some(7), Some(11)]);
    }

    #[test]
    fn escapes_in_a_double_quoted_scalar_are_found_and_repaired() {
        let source = "k: \"a\\u200Bb\\e[1m\\\\x\\x41\"\n";
        let repairs = repair_escapes(source, 3, (1, 4));
        let at: Vec<_> = repairs.iter().map(|r| (r.at, r.found)).collect();
        assert_eq!(at, [((1, 6), '\u{200B}'), ((1, 13), '\u{1b}')]);
        assert_eq!(apply(source, &repairs), "k: \"ab\u{FFFD}[1m\\\\x\\x41\"\n");
    }
}
