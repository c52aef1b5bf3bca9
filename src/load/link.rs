//! Links between files, checked once every file is parsed: ids unique across the
//! collection, every link (a case's type, factors, problems, strategy, actors' roles,
//! counterpart, …) pointing at an item of the right kind, counterparts mutual, and every
//! citation naming a document of the sources catalog, one of its sections and a page
//! the section is printed on. A citation with a dangling part is kept (a fact never
//! loses its source), and shows its ids instead of a reference. A
//! repeated id drops the later item and a dangling link is dropped from its item, so
//! the index never holds a broken one; both are reported at the offending value. A link
//! into what was refused (any item of a refused catalog's kind, the id of a refused case
//! file or catalog entry; see [`Unchecked`]) is dropped too but not called dangling: it
//! could not be checked, which is said once, on the file it leads into.
//!
//! Depends on [`super::diagnostic`], [`super::read`] (a file's text again, for
//! positions), [`super::parse`] ([`ParsedFile`]) and [`super::validate`]
//! ([`Problems`]); of the crate, on `model` only.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::diagnostic::Diagnostic;
use super::parse::ParsedFile;
use super::read::{decode, read_limited};
use super::validate::Problems;
use crate::model::{Details, Item, Kind, Source, SourceDocument};

/// Where an item came from, for messages about its links.
struct Origin {
    file: usize,
    /// The field-path prefix of the item inside its file: "" for a case, "items.3." for
    /// the fourth entry of a catalog.
    prefix: String,
}

/// Where links cannot be checked because what would hold their targets was refused:
/// the kinds of refused catalogs, and the ids of refused case files and of catalog
/// entries left out, each with its file; and how many links met each file.
#[derive(Debug, Default)]
pub(super) struct Unchecked {
    pub(super) kinds: HashMap<Kind, String>,
    pub(super) ids: HashMap<String, String>,
    links: HashMap<String, usize>,
}

impl Unchecked {
    /// The refused file that may hold `id` of kind `want`, counting the link.
    fn covers(&mut self, id: &str, want: Kind) -> bool {
        let file = self.kinds.get(&want).or_else(|| self.ids.get(id));
        match file {
            Some(file) => {
                *self.links.entry(file.clone()).or_default() += 1;
                true
            }
            None => false,
        }
    }

    /// One warning per refused file that links met.
    fn into_diagnostics(self) -> Vec<Diagnostic> {
        let mut links: Vec<(String, usize)> = self.links.into_iter().collect();
        links.sort();
        links
            .into_iter()
            .map(|(file, n)| {
                let noun = if n == 1 { "link" } else { "links" };
                Diagnostic::warning(
                    &file,
                    None,
                    format!(
                        "{n} {noun} from other files to items of this file could not be \
                         checked because those items were not loaded; they are left out \
                         until it is fixed"
                    ),
                )
            })
            .collect()
    }
}

/// Checks ids for uniqueness and every link for a target of the right kind. A repeated
/// id drops the later item; a dangling link is dropped from its item. Both are reported
/// at the position of the offending value; links into refused files ([`Unchecked`])
/// are dropped and counted, not reported one by one.
pub(super) fn link(
    files: Vec<ParsedFile>,
    mut unchecked: Unchecked,
) -> (Vec<Item>, Vec<Diagnostic>) {
    let mut items = Vec::new();
    let mut origins = Vec::new();
    let mut pending: Vec<(usize, String, String)> = Vec::new(); // (file, path, message)
    let mut first_file: HashMap<String, usize> = HashMap::new();
    let mut kinds: HashMap<String, Kind> = HashMap::new();
    let mut texts: Vec<(String, Option<String>)> = Vec::with_capacity(files.len());

    for (file_index, file) in files.into_iter().enumerate() {
        texts.push((file.path, file.text));
        for (position, item) in file.items.into_iter().enumerate() {
            let prefix = if item.kind == Kind::Case {
                String::new()
            } else {
                format!("items.{position}.")
            };
            if let Some(&other) = first_file.get(&item.id) {
                pending.push((
                    file_index,
                    format!("{prefix}id"),
                    format!(
                        "id `{}` is already used in {}; ids must be unique across all kinds",
                        item.id, texts[other].0
                    ),
                ));
                continue;
            }
            first_file.insert(item.id.clone(), file_index);
            kinds.insert(item.id.clone(), item.kind);
            items.push(item);
            origins.push(Origin {
                file: file_index,
                prefix,
            });
        }
    }

    // Counterparts are checked for mutuality after the pass, on the final links.
    let mut counterparts: HashMap<String, String> = HashMap::new();

    for (item, origin) in items.iter_mut().zip(&origins) {
        let mut found: Vec<(String, String)> = Vec::new();
        let mut keep = |field: &str, id: &str, want: Kind| {
            check_link(&kinds, &mut unchecked, &mut found, field, id, want)
        };
        match &mut item.details {
            Details::Case(case) => {
                // The type is required: a dangling one is reported but the text is kept
                // so the case still shows.
                keep("type", &case.cluster_type, Kind::Type);
                filter_links(&mut case.factors, "factors", Kind::Factor, &mut keep);
                filter_links(&mut case.problems, "problems", Kind::Problem, &mut keep);
                if let Some(strategy) = &case.strategy {
                    if !keep("strategy", strategy, Kind::Strategy) {
                        case.strategy = None;
                    }
                }
                let mut kept_actors = Vec::new();
                for (i, actor) in case.actors.drain(..).enumerate() {
                    if keep(&format!("actors.{i}.role"), &actor.role, Kind::Role) {
                        kept_actors.push(actor);
                    }
                }
                case.actors = kept_actors;
                if let Some(counterpart) = case.counterpart.take() {
                    if counterpart == item.id {
                        found.push((
                            "counterpart".into(),
                            "a case cannot be its own counterpart".into(),
                        ));
                    } else if check_link(
                        &kinds,
                        &mut unchecked,
                        &mut found,
                        "counterpart",
                        &counterpart,
                        Kind::Case,
                    ) {
                        counterparts.insert(item.id.clone(), counterpart.clone());
                        case.counterpart = Some(counterpart);
                    }
                }
            }
            Details::Type { actors } => {
                let mut kept = Vec::new();
                for (i, actor) in actors.drain(..).enumerate() {
                    if keep(&format!("actors.{i}.role"), &actor.role, Kind::Role) {
                        kept.push(actor);
                    }
                }
                *actors = kept;
            }
            Details::Strategy { for_type, .. } => {
                if let Some(t) = for_type {
                    if !keep("type", t, Kind::Type) {
                        *for_type = None;
                    }
                }
            }
            Details::Concept { eras, .. } => {
                for (i, era) in eras.iter_mut().enumerate() {
                    filter_links(
                        &mut era.world,
                        &format!("eras.{i}.world"),
                        Kind::Case,
                        &mut keep,
                    );
                    for (k, korean) in era.korea.iter_mut().enumerate() {
                        if let Some(case) = &korean.case {
                            if !keep(&format!("eras.{i}.korea.{k}.case"), case, Kind::Case) {
                                korean.case = None;
                            }
                        }
                    }
                }
            }
            Details::Role { .. } | Details::Source(_) | Details::Plain {} => {}
        }
        for (field, message) in found {
            pending.push((origin.file, format!("{}{field}", origin.prefix), message));
        }
    }

    for (item, origin) in items.iter().zip(&origins) {
        if let Some(other) = counterparts.get(&item.id) {
            if counterparts.get(other) != Some(&item.id) {
                pending.push((
                    origin.file,
                    "counterpart".to_string(),
                    format!(
                        "counterpart `{other}` does not name `{}` back; counterparts are mutual",
                        item.id
                    ),
                ));
            }
        }
    }

    let documents: HashMap<&str, &SourceDocument> = items
        .iter()
        .filter_map(|i| Some((i.id.as_str(), i.source_document()?)))
        .collect();
    for (item, origin) in items.iter().zip(&origins) {
        for (path, source) in item.citations() {
            if let Some((field, message)) = check_citation(&kinds, &documents, source) {
                pending.push((
                    origin.file,
                    format!("{}{path}.{field}", origin.prefix),
                    message,
                ));
            }
        }
    }

    // Positions are computed only for the files that have something to report.
    let mut by_file: HashMap<usize, Vec<(String, String)>> = HashMap::new();
    for (file, path, message) in pending {
        by_file.entry(file).or_default().push((path, message));
    }
    let mut diagnostics = Vec::new();
    let mut files_with_problems: Vec<usize> = by_file.keys().copied().collect();
    files_with_problems.sort_unstable();
    for file in files_with_problems {
        let (path, text) = &mut texts[file];
        let source = text.take().or_else(|| read_again(path)).unwrap_or_default();
        let problems = Problems(by_file.remove(&file).unwrap_or_default());
        diagnostics.extend(problems.into_diagnostics(path, &source));
    }
    diagnostics.extend(unchecked.into_diagnostics());
    (items, diagnostics)
}

/// A file's text read again from disk, for positions in a message about its links. If
/// it can no longer be read, the message goes out without a position.
fn read_again(path: &str) -> Option<String> {
    let bytes = read_limited(Path::new(path)).ok()?;
    decode(path, &bytes).ok()
}

/// Whether `id` names an item of kind `want`; if not, records why under `field`.
fn check_link(
    kinds: &HashMap<String, Kind>,
    unchecked: &mut Unchecked,
    found: &mut Vec<(String, String)>,
    field: &str,
    id: &str,
    want: Kind,
) -> bool {
    let reason = match kinds.get(id) {
        Some(kind) if *kind == want => return true,
        None if unchecked.covers(id, want) => return false,
        Some(kind) => format!("`{id}` is a {kind}, not a {want}"),
        None => format!("no {want} has the id `{id}`"),
    };
    found.push((field.to_string(), format!("dangling link: {reason}")));
    false
}

/// What is wrong with a citation, if anything: the field (`doc`, `section`, `page`) and
/// the message. Empty fields are reported by the file's own checks.
fn check_citation(
    kinds: &HashMap<String, Kind>,
    documents: &HashMap<&str, &SourceDocument>,
    source: &Source,
) -> Option<(&'static str, String)> {
    if source.doc.trim().is_empty() || source.section.trim().is_empty() {
        return None;
    }
    let Some(doc) = documents.get(source.doc.as_str()) else {
        let reason = match kinds.get(&source.doc) {
            Some(kind) => format!("`{}` is a {kind}, not a source", source.doc),
            None => format!("no source has the id `{}`", source.doc),
        };
        return Some(("doc", format!("dangling link: {reason}")));
    };
    let Some(section) = doc.section(&source.section) else {
        return Some((
            "section",
            format!(
                "dangling link: source `{}` has no section `{}`",
                source.doc, source.section
            ),
        ));
    };
    let page = source.page?;
    if section.pages.contains(&page) {
        return None;
    }
    let what = match doc.document {
        crate::model::DocumentKind::Report => "page",
        crate::model::DocumentKind::Presentation => "slide",
    };
    let known = match section.pages.as_slice() {
        [] => format!("its {what} numbers are not known; leave out `page`"),
        [one] => format!("it is on {what} {one}"),
        [first, .., last] => format!("it is on {what}s {first}–{last}"),
    };
    Some((
        "page",
        format!(
            "{what} {page} is not in section `{}` of `{}`: {known}",
            source.section, source.doc
        ),
    ))
}

fn filter_links(
    ids: &mut Vec<String>,
    field: &str,
    want: Kind,
    keep: &mut impl FnMut(&str, &str, Kind) -> bool,
) {
    let mut seen = HashSet::new();
    let mut i = 0;
    ids.retain(|id| {
        let ok = keep(&format!("{field}.{i}"), id, want) && seen.insert(id.clone());
        i += 1;
        ok
    });
}
