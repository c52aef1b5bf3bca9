//! One file from bytes to items: [`decode`] it, repair its unsafe characters
//! ([`clean_raw`]), run the [`safety_pass`] when [`needs_safety_pass`] says so (or
//! serde_yaml fails) and repair the escapes it finds, read it into the raw structs
//! with serde_yaml, and turn those into checked items ([`case_item`],
//! [`catalog_items`]). The result, a [`ParsedFile`], is what linking works on.
//!
//! This is where the steps of one file are put in order, and only that; each step
//! lives in its own sibling. A file that fails is [`Refused`], with what its lines say
//! it holds, so links into it are not called dangling. Depends on
//! [`super::diagnostic`], [`super::read`], [`super::characters`], [`super::safety`],
//! [`super::messages`], [`super::validate`] and the [`SourceFile`] of [`super`]; of the
//! crate, on `model` only.

use std::collections::BTreeSet;
use std::path::Path;

use super::characters::{apply, as_written, clean_raw, warnings, Repair};
use super::diagnostic::Diagnostic;
use super::messages::serde_error;
use super::read::decode;
use super::safety::{needs_safety_pass, safety_pass};
use super::validate::{case_item, catalog_items, CaseFile, CatalogFile, Problems};
use super::SourceFile;
use crate::model::{Item, Kind};

#[derive(Clone)]
pub(super) struct ParsedFile {
    pub(super) path: String,
    /// The decoded text, for positions in messages about links. `None` when it can
    /// be read again from `path` (files on disk), which saves holding every file's
    /// text until all are linked.
    pub(super) text: Option<String>,
    pub(super) items: Vec<Item>,
    /// What was said about a file that still loaded: characters removed or shown as a
    /// placeholder, and the catalog entries left out for their errors.
    pub(super) reported: Vec<Diagnostic>,
    /// The ids of catalog entries left out for their errors.
    pub(super) left_out: Vec<String>,
}

/// A file that contributed nothing: why, and what it seems to declare, so that links
/// from other files into it are not reported as dangling (they could not be checked).
#[derive(Clone)]
pub(super) struct Refused {
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) declares: Declared,
}

/// What a refused file's lines say it holds, read without YAML: a catalog's kind, or a
/// case's id.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Declared {
    pub(super) catalog: Option<Kind>,
    pub(super) id: Option<String>,
}

pub(super) fn parse_source(file: &SourceFile) -> Result<ParsedFile, Refused> {
    match &file.contents {
        Ok(bytes) => parse_file(&file.path, bytes).map_err(|diagnostics| Refused {
            diagnostics,
            declares: declared(bytes),
        }),
        Err(reason) => Err(Refused {
            diagnostics: vec![Diagnostic::new(&file.path, None, reason.clone())],
            declares: Declared::default(),
        }),
    }
}

/// The `catalog:` kind or top-level `id:` a file's lines name, whatever else is wrong
/// with it (bad UTF-8, bad YAML).
fn declared(bytes: &[u8]) -> Declared {
    let text = String::from_utf8_lossy(bytes);
    let mut declares = Declared::default();
    for line in text.lines() {
        let line = line.trim_start_matches('\u{FEFF}');
        let value = |rest: &str| {
            let value = rest.split(" #").next().unwrap_or_default().trim();
            value.trim_matches(|c| c == '"' || c == '\'').to_string()
        };
        if let Some(rest) = line.strip_prefix("catalog:") {
            declares.catalog = Kind::parse(&value(rest)).filter(|&k| k != Kind::Case);
        } else if let Some(rest) = line.strip_prefix("id:") {
            declares.id.get_or_insert_with(|| value(rest));
        }
    }
    declares
}

fn parse_file(path: &str, bytes: &[u8]) -> Result<ParsedFile, Vec<Diagnostic>> {
    parse_file_with(path, bytes, Checks::AsNeeded)
}

/// When the [`safety_pass`] runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Checks {
    /// Only when [`needs_safety_pass`] says so or serde_yaml fails.
    AsNeeded,
    /// Always (the slow path, to test the fast one against).
    #[cfg_attr(not(test), allow(dead_code))]
    Always,
}

fn parse_file_with(
    path: &str,
    bytes: &[u8],
    checks: Checks,
) -> Result<ParsedFile, Vec<Diagnostic>> {
    let text = decode(path, bytes).map_err(|d| vec![d])?;
    let (text, raw_repairs) = clean_raw(text);
    let stem = Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut problems = Problems::default();
    let parsed = parse_raw(path, &text, checks);
    // Messages are found in repaired text; they point at the file as written.
    let report = |escapes: &[Repair], diagnostics: Vec<Diagnostic>| {
        let mut all = warnings(path, &raw_repairs, escapes);
        all.extend(
            diagnostics
                .into_iter()
                .map(|d| as_written(&raw_repairs, escapes, d)),
        );
        all
    };
    let (raw, text, escapes) = match parsed {
        Ok((raw, escapes)) if escapes.is_empty() => (raw, text, escapes),
        Ok((raw, escapes)) => {
            let repaired = apply(&text, &escapes);
            (raw, repaired, escapes)
        }
        Err((diagnostics, escapes)) => return Err(report(&escapes, diagnostics)),
    };
    let is_catalog = matches!(raw, RawFile::Catalog(_));
    let mut items = match raw {
        RawFile::Catalog(raw) => catalog_items(raw, path, &mut problems),
        RawFile::Case(raw) => vec![case_item(*raw, &stem, path, &mut problems)],
    };
    let mut reported = report(&escapes, Vec::new());
    let mut left_out = Vec::new();
    if !problems.0.is_empty() {
        // One bad entry costs a catalog that entry, not every item in it; a case file
        // is one item, and a problem outside the entries is the whole file's.
        let at_fault =
            entries_at_fault(&problems).filter(|bad| is_catalog && bad.len() < items.len());
        reported = report(&escapes, problems.into_diagnostics(path, &text));
        let Some(bad) = at_fault else {
            return Err(reported);
        };
        let mut index = 0;
        items.retain(|item| {
            let keep = !bad.contains(&index);
            if !keep {
                left_out.push(item.id.clone());
            }
            index += 1;
            keep
        });
    }
    Ok(ParsedFile {
        path: path.to_string(),
        text: Some(text),
        items,
        reported,
        left_out,
    })
}

/// The catalog entries (by position) that every problem belongs to, or `None` when a
/// problem is not about one entry (`items.3.name.ko` is about the fourth).
fn entries_at_fault(problems: &Problems) -> Option<BTreeSet<usize>> {
    problems
        .0
        .iter()
        .map(|(field, _)| {
            let rest = field.strip_prefix("items.")?;
            let end = rest.find(['.', '@']).unwrap_or(rest.len());
            rest[..end].parse().ok()
        })
        .collect()
}

/// A file as written, before our own checks.
enum RawFile {
    Case(Box<CaseFile>),
    Catalog(CatalogFile),
}

/// A file's errors, and the escapes repaired before they were found.
type ErrorsAndRepairs = (Vec<Diagnostic>, Vec<Repair>);

/// Parses a file's text with serde_yaml, after the [`safety_pass`] when the text
/// needs it; with the escapes that make unsafe characters, which are read from the
/// text with those escapes repaired (and returned with an error too, to be reported).
///
/// The safety pass is a second full parse, so it is skipped for text in which
/// nothing it refuses can occur ([`needs_safety_pass`]) — nearly every real file.
/// Whenever serde_yaml then fails, the file goes through the safety pass after all,
/// so every refusal and every message is exactly what the full checks give.
fn parse_raw(
    path: &str,
    text: &str,
    checks: Checks,
) -> Result<(RawFile, Vec<Repair>), ErrorsAndRepairs> {
    if checks == Checks::AsNeeded && !needs_safety_pass(text) {
        let quick = if looks_like_catalog(text) {
            serde_yaml::from_str(text).map(RawFile::Catalog)
        } else {
            serde_yaml::from_str(text).map(|raw| RawFile::Case(Box::new(raw)))
        };
        if let Ok(raw) = quick {
            return Ok((raw, Vec::new()));
        }
    }
    let shape = safety_pass(path, text).map_err(|d| (d, Vec::new()))?;
    let repaired;
    let text = if shape.escapes.is_empty() {
        text
    } else {
        repaired = apply(text, &shape.escapes);
        &repaired
    };
    let raw = if shape.catalog.is_some() {
        serde_yaml::from_str(text).map(RawFile::Catalog)
    } else {
        serde_yaml::from_str(text).map(RawFile::Case)
    };
    match raw {
        Ok(raw) => Ok((raw, shape.escapes)),
        // The repairs were made all the same; they are said beside the error.
        Err(e) => Err((vec![serde_error(path, &e)], shape.escapes)),
    }
}

/// Whether a top-level `catalog:` key starts a line.
fn looks_like_catalog(text: &str) -> bool {
    text.starts_with("catalog:") || text.contains("\ncatalog:")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::discover::shipped_texts;

    /// Snippets that the safety pass refuses (or that look like it might), to be
    /// spliced into real case files.
    const HOSTILE: [&str; 24] = [
        "&a ",
        "*a",
        "!tag ",
        "!!str ",
        "&anchor",
        "- *a",
        "[*a]",
        "{a: *b}",
        "---",
        "...",
        "%YAML 1.2",
        "\\x1b",
        "\\u202E",
        "\\e",
        "\\0",
        "\\\"",
        "\u{202E}",
        "\u{1b}[31m",
        "\t",
        "\u{200B}",
        "\u{85}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "catalog: factor",
        "id: other",
    ];

    /// A shipped case file with a hostile snippet spliced in at a line start, after
    /// a key, inside a quoted string, or in place of a line; and the same for a
    /// catalog.
    fn spliced_file() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let files: Vec<String> = shipped_texts();
        (
            0..files.len(),
            proptest::collection::vec(
                (any::<prop::sample::Index>(), 0..HOSTILE.len(), 0..4u8),
                1..3,
            ),
        )
            .prop_map(move |(file, edits)| {
                let mut lines: Vec<String> = files[file].lines().map(str::to_string).collect();
                for (at, snippet, how) in edits {
                    let line = at.index(lines.len());
                    let snippet = HOSTILE[snippet];
                    match how {
                        0 => lines[line].insert_str(0, snippet),
                        1 => {
                            if let Some(colon) = lines[line].find(": ") {
                                lines[line].insert_str(colon + 2, snippet);
                            }
                        }
                        2 => {
                            if let Some(quote) = lines[line].find('"') {
                                lines[line].insert_str(quote + 1, snippet);
                            }
                        }
                        _ => {
                            let copy = lines[line].clone();
                            lines.insert(line, copy);
                        }
                    }
                }
                lines.join("\n")
            })
    }

    fn outcome(checks: Checks, text: &str) -> Result<Vec<Item>, Vec<Diagnostic>> {
        parse_file_with("f.yaml", text.as_bytes(), checks).map(|parsed| parsed.items)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// Skipping the safety pass changes nothing: the same items, or the same
        /// messages at the same positions.
        #[test]
        fn skipping_the_safety_pass_changes_nothing(text in spliced_file()) {
            proptest::prop_assert_eq!(outcome(Checks::AsNeeded, &text), outcome(Checks::Always, &text));
        }
    }
}
