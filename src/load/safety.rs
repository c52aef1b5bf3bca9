//! The safety pass: one walk over the YAML events (yaml-rust2) before serde_yaml
//! sees a file. It refuses what serde_yaml would accept but a case file must not hold:
//! anchors and aliases (a small file must never expand into a huge one), tags, more
//! than one document, nesting beyond [`MAX_DEPTH`] and repeated keys; it finds the
//! escapes in double-quoted strings that make an invisible or control character, for
//! [`super::characters`] to repair (raw ones are repaired before this pass); and it
//! says what is wrong, and where, in plain words (syntax errors included).
//!
//! The pass is a second full parse, so [`needs_safety_pass`] first scans the bytes
//! for anything it could refuse; [`super::parse`] decides when to run which.
//!
//! Depends on [`super::diagnostic`], [`super::characters`] and the [`MAX_DEPTH`] of
//! [`super`]; of the crate, on `model` (catalog kinds) and `text` (forbidden characters).

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

use super::characters::{repair_escapes, Repair};
use super::diagnostic::Diagnostic;
use super::MAX_DEPTH;
use crate::model::Kind;
use crate::text;

/// Per file, at most this many control-character findings are listed.
const MAX_CHAR_FINDINGS: usize = 5;

/// Char index → byte offset in one text, for positions that only move forward (the
/// reader's marks), so a file costs one walk however many scalars it has.
struct ByteCursor<'a> {
    text: &'a str,
    chars: usize,
    bytes: usize,
}

impl ByteCursor<'_> {
    fn byte_of(&mut self, char_index: usize) -> usize {
        if char_index < self.chars {
            (self.chars, self.bytes) = (0, 0);
        }
        let rest = self.text.get(self.bytes..).unwrap_or_default();
        let step = char_index - self.chars;
        let offset = rest
            .char_indices()
            .nth(step)
            .map_or(rest.len(), |(offset, _)| offset);
        self.chars = char_index;
        self.bytes += offset;
        self.bytes
    }
}

/// Whether the text may hold something the [`safety_pass`] refuses but serde_yaml
/// would accept: an anchor, alias or tag (`&a`, `*a`, `!t`) where a value can start,
/// a second document or a directive (a line starting with `---`, `...` or `%`), or
/// a control or invisible character, raw or as an escape (`\x1b`, `\u202E`, …:
/// any escape but `\" \\ \/ \n \t \_` and an escaped space), or a tab.
///
/// Errs on the side of yes: a "yes" costs only the second parse. Duplicate keys,
/// unknown kinds and nesting deeper than any case file allows make serde_yaml fail
/// (every mapping in a case file is a struct that refuses unknown and repeated
/// fields), which sends the file through the safety pass as well.
pub(super) fn needs_safety_pass(text: &str) -> bool {
    // This runs on every file, so it must cost far less than the parse it saves:
    // a table lookup per byte, and a closer look only at the few bytes that matter.
    let bytes = text.as_bytes();
    let marks_a_document = |at: usize| {
        let line = bytes.get(at..).unwrap_or_default();
        line.starts_with(b"---") || line.starts_with(b"...") || line.starts_with(b"%")
    };
    if marks_a_document(0) {
        return true;
    }
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if !WORTH_A_LOOK[usize::from(b)] {
            i += 1;
            continue;
        }
        let suspect = match b {
            b'\n' => marks_a_document(i + 1),
            b'\\' => {
                // Only escapes that cannot make a control char (`\"` is common).
                let harmless = bytes
                    .get(i + 1)
                    .is_some_and(|e| matches!(e, b'"' | b'\\' | b'/' | b' ' | b'n' | b't' | b'_'));
                if !harmless {
                    return true;
                }
                i += 2;
                continue;
            }
            b'&' | b'*' | b'!' => node_can_start_at(bytes, i),
            // The lead bytes of every forbidden char above ASCII (C1 controls,
            // U+061C, U+2xxx marks and overrides, U+FEFF, U+FFF9..): decode and look.
            0xC2 | 0xD8 | 0xE2 | 0xEF => text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(text::is_forbidden),
            // Any other control char (a tab included) and DEL.
            _ => true,
        };
        if suspect {
            return true;
        }
        i += 1;
    }
    false
}

/// The bytes [`needs_safety_pass`] stops at: controls (line feed and tab included),
/// DEL, `\\ & * !`, and the lead bytes of the forbidden chars above ASCII.
static WORTH_A_LOOK: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    let mut others: &[u8] = &[0x7F, b'\\', b'&', b'*', b'!', 0xC2, 0xD8, 0xE2, 0xEF];
    while let [first, rest @ ..] = others {
        table[*first as usize] = true;
        others = rest;
    }
    table
};

/// Whether a YAML node (and so an anchor, alias or tag) can start at `at`: at the
/// start of a line, spaces aside, or after one of `: - ? [ { ,`.
fn node_can_start_at(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(..at)
        .unwrap_or_default()
        .iter()
        .rev()
        .find(|&&b| b != b' ')
        .is_none_or(|&b| b == b'\n' || b":-?[{,".contains(&b))
}

/// What the safety pass learned about a file's shape.
pub(super) struct Shape {
    /// `Some(kind)` when the file is a catalog (`catalog: factor` at the top).
    pub(super) catalog: Option<Kind>,
    /// The escapes in double-quoted strings that make an unsafe character, in order.
    pub(super) escapes: Vec<Repair>,
}

/// A `catalog:` value that names no catalog kind, and where it is.
type UnknownKind = (String, (usize, usize));

/// Walks the YAML events once, before serde sees the file: refuses anchors and aliases
/// (a small file must never expand into a huge one), tags, more than one document,
/// nesting beyond [`MAX_DEPTH`], and control characters in any string. Stops at the
/// first structural problem, so a deeply nested or endless file costs little.
pub(super) fn safety_pass(path: &str, source: &str) -> Result<Shape, Vec<Diagnostic>> {
    let mut parser = Parser::new_from_str(source);
    let mut depth = 0usize;
    let mut documents = 0usize;
    let mut findings = Vec::new();
    let mut root_is_mapping = None;
    // The last key seen in the top-level mapping, to find `catalog: <kind>`.
    let mut top_key: Option<String> = None;
    let mut at_top_key = true;
    let mut catalog: Option<Result<Kind, UnknownKind>> = None;
    let mut empty = true;
    // One frame per open collection: for a mapping, the keys seen so far (to refuse a
    // repeated key where it is written) and whether the next scalar is a key.
    let mut frames: Vec<Option<(HashMap<String, usize>, bool)>> = Vec::new();
    let mut escapes = Vec::new();
    let mut cursor = ByteCursor {
        text: source,
        chars: 0,
        bytes: 0,
    };
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(pair) => pair,
            Err(err) => {
                findings.push(syntax_error(path, source, &err));
                return Err(findings);
            }
        };
        let at = (mark.line(), mark.col() + 1);
        let is_mapping = matches!(event, Event::MappingStart(..));
        let structural = |message: &str| Diagnostic::new(path, Some(at), message.to_string());
        // An anchor is written before the value it names, but the reader's position is
        // the value's: point at the `&` instead.
        let anchor_at = || anchor_position(source, at);
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    findings.push(structural(
                        "more than one YAML document (`---`); put each case in its own file",
                    ));
                    return Err(findings);
                }
            }
            Event::Alias(_) => {
                findings.push(structural(ALIAS_MESSAGE));
                return Err(findings);
            }
            Event::MappingStart(anchor, tag) | Event::SequenceStart(anchor, tag) => {
                if anchor != 0 {
                    findings.push(Diagnostic::new(path, Some(anchor_at()), ANCHOR_MESSAGE));
                    return Err(findings);
                }
                if tag.is_some() {
                    findings.push(structural(
                        "YAML tags (`!tag`) are not allowed in case files",
                    ));
                    return Err(findings);
                }
                empty = false;
                depth += 1;
                if depth > MAX_DEPTH {
                    findings.push(structural(&nesting_message()));
                    return Err(findings);
                }
                if depth == 1 {
                    root_is_mapping = Some(is_mapping);
                }
                if let Some(Some((_, expecting_key))) = frames.last_mut() {
                    // A collection as a value ends the pair; as a key it starts one.
                    *expecting_key = !*expecting_key;
                }
                frames.push(is_mapping.then(|| (HashMap::new(), true)));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                frames.pop();
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    at_top_key = true;
                    top_key = None;
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 {
                    findings.push(Diagnostic::new(path, Some(anchor_at()), ANCHOR_MESSAGE));
                    return Err(findings);
                }
                if tag.is_some() {
                    findings.push(structural(
                        "YAML tags (`!tag`) are not allowed in case files",
                    ));
                    return Err(findings);
                }
                if depth == 0 {
                    // A document that is a single scalar: empty (`---`) or not a mapping.
                    if !value.is_empty() {
                        empty = false;
                    }
                    continue;
                }
                empty = false;
                if let Some(Some((keys, expecting_key))) = frames.last_mut() {
                    if *expecting_key {
                        if let Some(first) = keys.get(&value) {
                            findings.push(Diagnostic::new(
                                path,
                                Some(at),
                                format!(
                                    "field `{value}` is written twice here (first on line \
                                     {first}); keep only one"
                                ),
                            ));
                            return Err(findings);
                        }
                        keys.insert(value.clone(), at.0);
                    }
                    *expecting_key = !*expecting_key;
                }
                if let Some((index, c)) = text::find_forbidden(&value) {
                    // Raw unsafe characters are gone before this pass; what is left was
                    // made by escapes, which are repaired where they are written.
                    let repaired = if style == TScalarStyle::DoubleQuoted {
                        repair_escapes(source, cursor.byte_of(mark.index()), at)
                    } else {
                        Vec::new()
                    };
                    if !repaired.is_empty() {
                        escapes.extend(repaired);
                    } else if findings.len() < MAX_CHAR_FINDINGS {
                        findings.push(Diagnostic::new(
                            path,
                            Some(at),
                            format!(
                                "text contains the invisible or control character U+{:04X} \
                                 (character {} of this string); remove it — it could change \
                                 what a terminal shows",
                                c as u32,
                                index + 1
                            ),
                        ));
                    }
                }
                if depth == 1 {
                    if at_top_key {
                        top_key = Some(value);
                        at_top_key = false;
                    } else {
                        if top_key.as_deref() == Some("catalog") && catalog.is_none() {
                            catalog = Some(match Kind::parse(&value) {
                                Some(kind) if kind != Kind::Case => Ok(kind),
                                _ => Err((value.clone(), at)),
                            });
                        }
                        at_top_key = true;
                    }
                }
            }
            _ => {}
        }
    }
    if empty {
        findings.push(Diagnostic::new(
            path,
            None,
            "the file is empty; a case needs at least id, name, summary, sources, country, \
             region, industry, type and status",
        ));
        return Err(findings);
    }
    if root_is_mapping == Some(false) || root_is_mapping.is_none() {
        findings.push(Diagnostic::new(
            path,
            Some((1, 1)),
            "the file must be a YAML mapping (`key: value` lines) at the top level",
        ));
        return Err(findings);
    }
    if !findings.is_empty() {
        return Err(findings);
    }
    let catalog = match catalog {
        None => None,
        Some(Ok(kind)) => Some(kind),
        Some(Err((value, at))) => {
            let what = if value.trim().is_empty() {
                "`catalog:` has no kind".to_string()
            } else {
                format!("unknown catalog kind `{value}`")
            };
            return Err(vec![Diagnostic::new(
                path,
                Some(at),
                format!(
                    "{what}; expected one of role, type, factor, problem, strategy, concept \
                     (cases go one per file, without `catalog:`)"
                ),
            )]);
        }
    };
    Ok(Shape { catalog, escapes })
}

/// A YAML syntax error in words a researcher can act on.
fn syntax_error(path: &str, source: &str, err: &yaml_rust2::ScanError) -> Diagnostic {
    let m = err.marker();
    let (line, column) = (m.line(), m.col() + 1);
    let info = err.info();
    if info == "recursion limit exceeded" {
        // The YAML reader gives up at 255 open brackets before our own depth check sees
        // the first event; it is the same problem, so say it the same way.
        return Diagnostic::new(path, Some((line, column)), nesting_message());
    }
    if info.contains("tabs disallowed") {
        // The reader stops after the tab, at the text it indents: point at the tab.
        let column = source
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|text| {
                let indent: String = text
                    .chars()
                    .take(column.saturating_sub(1))
                    .take_while(|c| c.is_whitespace() || *c == '-')
                    .collect();
                indent.chars().position(|c| c == '\t').map(|i| i + 1)
            })
            .unwrap_or(column);
        return Diagnostic::new(
            path,
            Some((line, column)),
            "a tab is used for indentation; YAML allows only spaces there — indent with spaces",
        );
    }
    if info.contains("found unknown anchor") {
        // `*name` without a matching `&name`: still an alias, which is what to remove.
        return Diagnostic::new(path, Some((line, column)), ALIAS_MESSAGE);
    }
    const HINTS: [(&str, &str); 3] = [
        (
            "did not find expected ',' or '}'",
            "a `{` is not closed with `}` (look here and on the lines above), a `,` is \
             missing between its fields, or a text containing `: ` is not in double quotes",
        ),
        (
            "did not find expected ',' or ']'",
            "a `[` is not closed with `]` (look here and on the lines above), a `,` is \
             missing between its entries, or a text containing `: ` is not in double quotes",
        ),
        (
            "mapping values are not allowed",
            "a `: ` here starts a new field; if it is part of the text, put the whole text \
             in double quotes",
        ),
    ];
    let message = match HINTS.iter().find(|(pattern, _)| info.contains(pattern)) {
        Some((_, hint)) => format!("YAML syntax: {info} — {hint}"),
        None => format!("YAML syntax: {info}"),
    };
    Diagnostic::new(path, Some((line, column)), message)
}

const ALIAS_MESSAGE: &str =
    "YAML aliases (`*name`) are not allowed in case files; write the value out";

const ANCHOR_MESSAGE: &str =
    "YAML anchors (`&name`) are not allowed in case files; write the value out";

/// The position of the `&name` written just before the value at `at` on the same line,
/// or `at` itself when it is not there (an anchor on the line above its value).
fn anchor_position(source: &str, at: (usize, usize)) -> (usize, usize) {
    let Some(line) = source.lines().nth(at.0.saturating_sub(1)) else {
        return at;
    };
    let before: Vec<char> = line.chars().take(at.1.saturating_sub(1)).collect();
    let Some(amp) = before.iter().rposition(|c| *c == '&') else {
        return at;
    };
    // `&name` then only spaces up to the value, or `&name` is not what we found.
    let rest = &before[amp + 1..];
    let name_len = rest.iter().take_while(|c| !c.is_whitespace()).count();
    if name_len > 0 && rest[name_len..].iter().all(|c| c.is_whitespace()) {
        (at.0, amp + 1)
    } else {
        at
    }
}

fn nesting_message() -> String {
    format!("nesting deeper than {MAX_DEPTH} levels; case files need far fewer")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::discover::shipped_texts;
    use crate::load::{load_sources, Loaded, SourceFile};

    fn load_one(name: &str, yaml: &str) -> Loaded {
        load_sources(vec![SourceFile {
            path: name.to_string(),
            contents: Ok(yaml.as_bytes().to_vec()),
        }])
    }

    #[test]
    fn every_shipped_file_takes_the_fast_path() {
        for text in shipped_texts() {
            assert!(!needs_safety_pass(&text), "{}", &text[..80]);
        }
    }

    #[test]
    fn the_fast_path_sees_what_the_safety_pass_refuses() {
        for text in [
            "id: x\nname: &a {ko: a, en: b}\n",
            "id: x\nname: *a\n",
            "id: !tag x\n",
            "- &a x\n",
            "[*a]\n",
            "---\nid: x\n",
            "id: x\n...\n",
            "%YAML 1.2\n",
            "id: \"\\e[31m\"\n",
            "id: \"\\u202E\"\n",
            "id: \"a\\\nb\"\n",
            "id: \u{202E}x\n",
            "id: \u{85}x\n",
            "id:\tx\n",
        ] {
            assert!(needs_safety_pass(text), "{text:?}");
        }
        for text in [
            "summary: R&D * 2 ! fine\n",
            "en: \"say \\\"hi\\\" \\\\ \\/\"\n",
            "en: a — b … c · d\n",
            "note: -- not a marker\n",
        ] {
            assert!(!needs_safety_pass(text), "{text:?}");
        }
    }

    #[test]
    fn alias_is_refused_before_serde_expands_it() {
        let yaml = "a: &x [1, 2]\nb: *x\n";
        let loaded = load_one("bomb.yaml", yaml);
        assert!(loaded.items.is_empty());
        assert!(
            loaded.diagnostics[0].message.contains("anchors"),
            "{:?}",
            loaded.diagnostics
        );
    }
}
