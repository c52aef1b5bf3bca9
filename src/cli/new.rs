//! `casebook new ID`: writes a commented template for a new case, `<DIR>/<ID>.yaml`, that
//! loads as a valid case from the start (so `check` passes) with every field plainly TODO.
//! The text is `case_template.yaml`, with placeholders filled here: `${SCHEMA_LINE}` (the
//! editor's schema line), `${ID}`, `${TYPE_IDS}` / `${ROLE_IDS}` / `${STRATEGY_IDS}` (the
//! collection's ids as comment lines) and `${TYPE_ID}` / `${ROLE_ID}` (ids that exist, so
//! the file loads). A placeholder alone on its line stands for whole lines, maybe none.
//!
//! The file appears whole or not at all (a temporary file in the same folder, then
//! linked to its name), and every path printed is escaped like data.
//!
//! Depends on the CLI's own `Outcome`, `collection`, `index`, `load`, `model`, `safe_write` and `text`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::Outcome;
use crate::index::Index;
use crate::model::Kind;
use crate::text::{quoted, quoted_path, width};

/// The template, with `${NAME}` placeholders.
const TEMPLATE: &str = include_str!("case_template.yaml");

/// The schema line when no `schema/case.schema.json` is found near the new file.
const NO_SCHEMA: &str = "\
# 편집기 검사 / editor checks: `casebook schema case > case.schema.json`, then add
# a first line `# yaml-language-server: $schema=case.schema.json` (see README).
";

/// Where `casebook new` writes: `--cases DIR` (its `cases/` folder when it has one, as
/// the shipped collection does), else `./cases/cases`.
pub fn new_case_dir(cases: Option<&Path>) -> PathBuf {
    match cases {
        Some(dir) if dir.join("cases").is_dir() => dir.join("cases"),
        Some(dir) => dir.to_path_buf(),
        None => PathBuf::from("cases").join("cases"),
    }
}

/// The `$schema` value for a case file in `dir`: a relative path to `schema/case.schema.json`
/// when one is found in `dir` or a folder above it (a checkout of casebook), else `None`.
fn schema_path_for(dir: &Path) -> Option<String> {
    let absolute = std::path::absolute(dir).ok()?;
    let mut ups = String::new();
    for ancestor in absolute.ancestors().take(6) {
        if ancestor.join("schema").join("case.schema.json").is_file() {
            return Some(format!("{ups}schema/case.schema.json"));
        }
        ups.push_str("../");
    }
    None
}

/// `casebook new ID`: writes a commented template that loads as a valid case. Exit 2 for
/// an id that is not valid, 1 when the file exists or cannot be written.
pub fn new_case(index: &Index, id: &str, cases: Option<&Path>) -> Outcome {
    if !crate::load::is_valid_id(id) {
        return Outcome::fail(
            format!(
                "error: `{}` is not a valid id; use lower-case letters, digits and single \
                 hyphens, like `gumi-electronics`\n",
                quoted(id)
            ),
            2,
        );
    }
    if let Some(item) = index.get(id) {
        return Outcome::fail(
            format!(
                "error: the id `{id}` is already used by a {} ({}); choose another\n",
                item.kind,
                quoted_path(Path::new(&item.file))
            ),
            1,
        );
    }
    let dir = new_case_dir(cases);
    let path = dir.join(format!("{id}.yaml"));
    let shown = quoted_path(&path);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return Outcome::fail(
            format!(
                "error: cannot create {}: {}\n",
                quoted_path(&dir),
                quoted(&e.to_string())
            ),
            1,
        );
    }
    let template = case_template(index, id, schema_path_for(&dir).as_deref());
    match crate::safe_write::write_new_file(&dir, &path, template.as_bytes()) {
        Ok(()) => Outcome::ok(format!(
            "created {shown}\nFill in every TODO, then run: casebook check --cases {}\n",
            cases.map_or_else(|| "cases".to_string(), quoted_path)
        )),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Outcome::fail(
            format!("error: {shown} already exists; it was not changed\n"),
            1,
        ),
        Err(e) => Outcome::fail(
            format!(
                "error: cannot write {shown}: {}; nothing was written\n",
                quoted(&e.to_string())
            ),
            1,
        ),
    }
}

/// Ids of one kind, as comment lines of at most 90 columns (ids are never split).
fn id_comment(index: &Index, kind: Kind) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let ids = index.of_kind(kind);
    for (n, &i) in ids.iter().enumerate() {
        let id = &index.item(i).id;
        let word = if n + 1 < ids.len() {
            format!("{id},")
        } else {
            id.clone()
        };
        if !line.is_empty() && width(&line) + 1 + width(&word) > 86 {
            let _ = writeln!(out, "#   {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "#   {line}");
    }
    out
}

/// The text of a new case file: every field with a comment in Korean and English, and
/// placeholders that load (so `check` passes from the start) but are plainly TODO.
pub fn case_template(index: &Index, id: &str, schema: Option<&str>) -> String {
    let schema_line = match schema {
        Some(p) => format!("# yaml-language-server: $schema={p}\n"),
        None => NO_SCHEMA.to_string(),
    };
    // Placeholders that exist in the collection, so the file loads from the start.
    let pick = |kind: Kind, preferred: &str| -> String {
        let ids = index.of_kind(kind);
        if index.get(preferred).is_some_and(|i| i.kind == kind) {
            preferred.to_string()
        } else {
            ids.first()
                .map_or_else(|| format!("TODO-{kind}"), |&i| index.item(i).id.clone())
        }
    };
    let lines = [
        ("SCHEMA_LINE", schema_line),
        ("TYPE_IDS", id_comment(index, Kind::Type)),
        ("ROLE_IDS", id_comment(index, Kind::Role)),
        ("STRATEGY_IDS", id_comment(index, Kind::Strategy)),
    ];
    let words = [
        ("ID", id.to_string()),
        ("TYPE_ID", pick(Kind::Type, "region-specialized")),
        ("ROLE_ID", pick(Kind::Role, "vision-provider")),
    ];
    let mut out = TEMPLATE.to_string();
    for (name, text) in lines {
        out = out.replace(&format!("${{{name}}}\n"), &text);
    }
    for (name, text) in words {
        out = out.replace(&format!("${{{name}}}"), &text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled() {
        let index = crate::collection::open_index(None).expect("built-in cases");
        for schema in [None, Some("schema/case.schema.json")] {
            let text = case_template(&index, "gumi-electronics", schema);
            assert!(!text.contains("${"), "{text}");
            assert!(text.contains("\nid: gumi-electronics\n"), "{text}");
        }
    }
}
