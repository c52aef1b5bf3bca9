//! Our own checks of one file, after serde_yaml has read it: the raw structs serde
//! reads a case file or a catalog into ([`CaseFile`], [`CatalogFile`]), the checks
//! serde cannot make (empty texts, id shape, sources, fields of the wrong catalog
//! kind, table shapes), and the conversion of the raw structs into model [`Item`]s.
//! Each problem is collected in [`Problems`] at its field path and gets its position
//! from [`Positions`] only when reported.
//!
//! Depends on [`super::diagnostic`] and [`super::positions`]; of the crate, on
//! `model` only.

use serde::Deserialize;

use super::diagnostic::Diagnostic;
use super::positions::Positions;
use crate::model::{
    Actor, CaseDetails, Details, EraEntry, Figure, Item, Kind, Point, Region, RoleScheme, Section,
    Source, Status, Table, Text, TypeActor,
};

/// Problems found by our own checks, each at a field path.
#[derive(Default)]
pub(super) struct Problems(pub(super) Vec<(String, String)>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push((path.into(), message.into()));
    }

    pub(super) fn into_diagnostics(self, file: &str, source: &str) -> Vec<Diagnostic> {
        let positions = Positions::scan(source);
        self.0
            .into_iter()
            .map(|(path, message)| Diagnostic::new(file, positions.find(&path), message))
            .collect()
    }

    fn text(&mut self, path: &str, text: &Text) {
        if text.ko.trim().is_empty() {
            self.add(
                format!("{path}.ko"),
                format!("`{path}.ko` is empty; write the Korean text"),
            );
        }
        if text.en.trim().is_empty() {
            self.add(
                format!("{path}.en"),
                format!("`{path}.en` is empty; write the English text"),
            );
        }
    }

    fn string(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(path, format!("`{path}` is empty"));
        }
    }

    fn source(&mut self, path: &str, source: &Source) {
        self.string(&format!("{path}.file"), &source.file);
        self.string(&format!("{path}.section"), &source.section);
    }

    fn sources(&mut self, path: &str, sources: &[Source]) {
        if sources.is_empty() {
            self.add(
                path,
                "`sources` is empty; name at least one source (file and section)",
            );
        }
        for (i, s) in sources.iter().enumerate() {
            self.source(&format!("{path}.{i}"), s);
        }
    }

    fn points(&mut self, path: &str, points: &[Point]) {
        for (i, p) in points.iter().enumerate() {
            let at = format!("{path}.{i}");
            self.text(
                &at,
                &Text {
                    ko: p.ko.clone(),
                    en: p.en.clone(),
                },
            );
            self.source(&format!("{at}.source"), &p.source);
        }
    }

    fn id(&mut self, path: &str, id: &str) {
        if !is_valid_id(id) {
            self.add(
                path,
                format!(
                    "id `{id}` is not valid; use lower-case letters, digits and single \
                     hyphens, like `san-diego`"
                ),
            );
        }
    }
}

/// Ids are lower-case ASCII words joined by single hyphens: `san-diego`, `strategy-firms`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

// ---------------------------------------------------------------------------------------
// Raw file shapes (what serde reads) and their conversion to the model

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CaseFile {
    id: String,
    name: Text,
    #[serde(default)]
    aliases: Vec<String>,
    summary: Text,
    sources: Vec<Source>,
    country: Text,
    region: Text,
    industry: Text,
    #[serde(rename = "type")]
    cluster_type: String,
    status: Status,
    era: Option<crate::model::Era>,
    founded: Option<i32>,
    #[serde(default)]
    actors: Vec<Actor>,
    #[serde(default)]
    figures: Vec<Figure>,
    #[serde(default)]
    strengths: Vec<Point>,
    #[serde(default)]
    weaknesses: Vec<Point>,
    #[serde(default)]
    evaluation: Vec<Point>,
    #[serde(default)]
    sections: Vec<Section>,
    #[serde(default)]
    factors: Vec<String>,
    #[serde(default)]
    problems: Vec<String>,
    strategy: Option<String>,
    counterpart: Option<String>,
    rating_note: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CatalogFile {
    catalog: Kind,
    items: Vec<CatalogEntry>,
}

/// One catalog entry. All kinds share this shape; fields that do not belong to the
/// entry's kind are reported by [`catalog_items`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogEntry {
    id: String,
    name: Text,
    #[serde(default)]
    aliases: Vec<String>,
    summary: Text,
    sources: Vec<Source>,
    #[serde(default)]
    points: Vec<Point>,
    abbr: Option<String>,
    scheme: Option<RoleScheme>,
    actors: Option<Vec<TypeActor>>,
    #[serde(rename = "type")]
    for_type: Option<String>,
    regions: Option<Vec<Region>>,
    table: Option<Table>,
    eras: Option<Vec<EraEntry>>,
}

#[allow(clippy::too_many_arguments)]
fn common_checks(
    problems: &mut Problems,
    prefix: &str,
    id: &str,
    name: &Text,
    aliases: &[String],
    summary: &Text,
    sources: &[Source],
    points: &[Point],
) {
    problems.id(&format!("{prefix}id"), id);
    problems.text(&format!("{prefix}name"), name);
    for (i, alias) in aliases.iter().enumerate() {
        problems.string(&format!("{prefix}aliases.{i}"), alias);
    }
    problems.text(&format!("{prefix}summary"), summary);
    problems.sources(&format!("{prefix}sources"), sources);
    problems.points(&format!("{prefix}points"), points);
}

pub(super) fn case_item(raw: CaseFile, stem: &str, path: &str, problems: &mut Problems) -> Item {
    common_checks(
        problems,
        "",
        &raw.id,
        &raw.name,
        &raw.aliases,
        &raw.summary,
        &raw.sources,
        &[],
    );
    if raw.id != stem && is_valid_id(&raw.id) {
        problems.add(
            "id",
            format!(
                "id `{}` differs from the file name `{stem}`; a case file is named after its id",
                raw.id
            ),
        );
    }
    problems.text("country", &raw.country);
    problems.text("region", &raw.region);
    problems.text("industry", &raw.industry);
    problems.string("type", &raw.cluster_type);
    for (i, actor) in raw.actors.iter().enumerate() {
        problems.string(&format!("actors.{i}.role"), &actor.role);
        problems.text(&format!("actors.{i}.who"), &actor.who);
        problems.source(&format!("actors.{i}.source"), &actor.source);
    }
    for (i, figure) in raw.figures.iter().enumerate() {
        let at = format!("figures.{i}");
        problems.text(&format!("{at}.label"), &figure.label);
        problems.string(&format!("{at}.value"), &figure.value);
        if let Some(unit) = &figure.unit {
            problems.text(&format!("{at}.unit"), unit);
        }
        if let Some(note) = &figure.note {
            problems.text(&format!("{at}.note"), note);
        }
        problems.source(&format!("{at}.source"), &figure.source);
    }
    problems.points("strengths", &raw.strengths);
    problems.points("weaknesses", &raw.weaknesses);
    problems.points("evaluation", &raw.evaluation);
    for (i, section) in raw.sections.iter().enumerate() {
        problems.text(&format!("sections.{i}.title"), &section.title);
        if section.points.is_empty() {
            problems.add(
                format!("sections.{i}.points"),
                "a section needs at least one point",
            );
        }
        problems.points(&format!("sections.{i}.points"), &section.points);
    }
    if let Some(note) = &raw.rating_note {
        problems.text("rating_note", note);
    }
    Item {
        kind: Kind::Case,
        id: raw.id,
        name: raw.name,
        aliases: raw.aliases,
        summary: raw.summary,
        points: Vec::new(),
        sources: raw.sources,
        details: Details::Case(Box::new(CaseDetails {
            country: raw.country,
            region: raw.region,
            industry: raw.industry,
            cluster_type: raw.cluster_type,
            status: raw.status,
            era: raw.era,
            founded: raw.founded,
            actors: raw.actors,
            figures: raw.figures,
            strengths: raw.strengths,
            weaknesses: raw.weaknesses,
            evaluation: raw.evaluation,
            sections: raw.sections,
            factors: raw.factors,
            problems: raw.problems,
            strategy: raw.strategy,
            counterpart: raw.counterpart,
            rating_note: raw.rating_note,
        })),
        file: path.to_string(),
    }
}

pub(super) fn catalog_items(raw: CatalogFile, path: &str, problems: &mut Problems) -> Vec<Item> {
    let kind = raw.catalog;
    if kind == Kind::Case {
        problems.add(
            "catalog",
            "cases are not catalog entries; write each case in its own file, without `catalog:`",
        );
        return Vec::new();
    }
    let mut items = Vec::with_capacity(raw.items.len());
    for (i, entry) in raw.items.into_iter().enumerate() {
        let prefix = format!("items.{i}.");
        common_checks(
            problems,
            &prefix,
            &entry.id,
            &entry.name,
            &entry.aliases,
            &entry.summary,
            &entry.sources,
            &entry.points,
        );
        let present = [
            ("abbr", entry.abbr.is_some(), Kind::Role),
            ("scheme", entry.scheme.is_some(), Kind::Role),
            ("actors", entry.actors.is_some(), Kind::Type),
            ("type", entry.for_type.is_some(), Kind::Strategy),
            ("regions", entry.regions.is_some(), Kind::Strategy),
            ("table", entry.table.is_some(), Kind::Concept),
            ("eras", entry.eras.is_some(), Kind::Concept),
        ];
        for (field, is_present, owner) in present {
            if is_present && owner != kind {
                problems.add(
                    format!("{prefix}{field}@key"),
                    format!("`{field}` is not a field of a {kind} entry (only of a {owner})"),
                );
            }
        }
        let details = match kind {
            Kind::Role => {
                if entry.scheme.is_none() {
                    problems.add(
                        format!("{prefix}id"),
                        "missing field `scheme` (cluster-actors or yeongwol-plan)",
                    );
                }
                Details::Role {
                    abbr: entry.abbr,
                    scheme: entry.scheme.unwrap_or(RoleScheme::ClusterActors),
                }
            }
            Kind::Type => {
                let actors = entry.actors.unwrap_or_default();
                for (j, actor) in actors.iter().enumerate() {
                    problems.string(&format!("{prefix}actors.{j}.role"), &actor.role);
                    problems.text(&format!("{prefix}actors.{j}.who"), &actor.who);
                    problems.source(&format!("{prefix}actors.{j}.source"), &actor.source);
                }
                Details::Type { actors }
            }
            Kind::Strategy => {
                let regions = entry.regions.unwrap_or_default();
                for (j, region) in regions.iter().enumerate() {
                    problems.text(&format!("{prefix}regions.{j}.name"), &region.name);
                    if let Some(industry) = &region.industry {
                        problems.text(&format!("{prefix}regions.{j}.industry"), industry);
                    }
                    problems.source(&format!("{prefix}regions.{j}.source"), &region.source);
                }
                Details::Strategy {
                    for_type: entry.for_type,
                    regions,
                }
            }
            Kind::Concept => {
                if let Some(table) = &entry.table {
                    check_table(problems, &format!("{prefix}table"), table);
                }
                let eras = entry.eras.unwrap_or_default();
                for (j, era) in eras.iter().enumerate() {
                    let at = format!("{prefix}eras.{j}");
                    problems.text(&format!("{at}.label"), &era.label);
                    problems.text(&format!("{at}.policy_focus"), &era.policy_focus);
                    for (k, korean) in era.korea.iter().enumerate() {
                        problems.text(&format!("{at}.korea.{k}.name"), &korean.name);
                    }
                    problems.source(&format!("{at}.source"), &era.source);
                }
                Details::Concept {
                    table: entry.table,
                    eras,
                }
            }
            Kind::Factor | Kind::Problem | Kind::Case => Details::Plain {},
        };
        items.push(Item {
            kind,
            id: entry.id,
            name: entry.name,
            aliases: entry.aliases,
            summary: entry.summary,
            points: entry.points,
            sources: entry.sources,
            details,
            file: path.to_string(),
        });
    }
    items
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn check_table(problems: &mut Problems, path: &str, table: &Table) {
    if table.columns.is_empty() {
        problems.add(
            format!("{path}.columns"),
            "a table needs at least one column",
        );
    }
    for (i, column) in table.columns.iter().enumerate() {
        problems.text(&format!("{path}.columns.{i}"), column);
    }
    for (i, row) in table.rows.iter().enumerate() {
        problems.text(&format!("{path}.rows.{i}.label"), &row.label);
        if row.cells.len() != table.columns.len() {
            problems.add(
                format!("{path}.rows.{i}.cells"),
                format!(
                    "row has {} but the table has {}",
                    count(row.cells.len(), "cell", "cells"),
                    count(table.columns.len(), "column", "columns")
                ),
            );
        }
        for (j, cell) in row.cells.iter().enumerate() {
            problems.text(&format!("{path}.rows.{i}.cells.{j}"), cell);
        }
    }
    problems.source(&format!("{path}.source"), &table.source);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_documented_shape() {
        assert!(is_valid_id("san-diego"));
        assert!(is_valid_id("singapore-it2000"));
        assert!(!is_valid_id("San-Diego"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("샌디에고"));
    }
}
