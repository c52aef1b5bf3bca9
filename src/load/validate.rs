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
    Actor, CaseDetails, ChartSpec, Details, DocumentDate, DocumentKind, DocumentSection, EraEntry,
    Figure, Item, Kind, Measure, Person, Point, Publisher, Region, RoleScheme, Section, Source,
    SourceDocument, Status, Table, Text, TypeActor,
};
use crate::text::quoted;

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
        self.string(&format!("{path}.doc"), &source.doc);
        self.string(&format!("{path}.section"), &source.section);
        if source.page == Some(0) {
            self.add(format!("{path}.page"), "pages are numbered from 1");
        }
    }

    fn sources(&mut self, path: &str, sources: &[Source]) {
        if sources.is_empty() {
            self.add(
                path,
                "`sources` is empty; name at least one source (doc and section)",
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
    charts: Vec<ChartSpec>,
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
    // The fields of a source document (`catalog: source`).
    document: Option<DocumentKind>,
    title: Option<Text>,
    short_title: Option<Text>,
    title_note: Option<Text>,
    authors: Option<Vec<Person>>,
    authors_note: Option<Text>,
    publisher: Option<Publisher>,
    date: Option<DocumentDate>,
    file: Option<String>,
    page_count: Option<u32>,
    pages_note: Option<Text>,
    sections: Option<Vec<DocumentSection>>,
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
        if let Some(measure) = figure.measure {
            measure_fits(problems, &at, figure, measure);
        }
    }
    check_charts(problems, &raw.charts, &raw.figures);
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
            charts: raw.charts,
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
    for (i, mut entry) in raw.items.into_iter().enumerate() {
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
            ("document", entry.document.is_some(), Kind::Source),
            ("title", entry.title.is_some(), Kind::Source),
            ("short_title", entry.short_title.is_some(), Kind::Source),
            ("title_note", entry.title_note.is_some(), Kind::Source),
            ("authors", entry.authors.is_some(), Kind::Source),
            ("authors_note", entry.authors_note.is_some(), Kind::Source),
            ("publisher", entry.publisher.is_some(), Kind::Source),
            ("date", entry.date.is_some(), Kind::Source),
            ("file", entry.file.is_some(), Kind::Source),
            ("page_count", entry.page_count.is_some(), Kind::Source),
            ("pages_note", entry.pages_note.is_some(), Kind::Source),
            ("sections", entry.sections.is_some(), Kind::Source),
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
            Kind::Source => source_document(problems, &prefix, &mut entry),
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

/// The fields of a source document, checked: the required ones present, every text in both
/// languages, section ids valid and unique, and each section's pages in order, one after
/// another, within the document's page count.
fn source_document(problems: &mut Problems, prefix: &str, entry: &mut CatalogEntry) -> Details {
    let mut missing = |field: &str, what: &str| {
        problems.add(
            format!("{prefix}id"),
            format!("missing field `{field}` ({what})"),
        );
    };
    if entry.document.is_none() {
        missing("document", "report or presentation");
    }
    if entry.title_note.is_none() {
        missing(
            "title_note",
            "where the title is printed, or that the text has none",
        );
    }
    if entry.date.is_none() {
        missing("date", "year, certainty, label and evidence");
    }
    if entry.file.is_none() {
        missing("file", "the text file the document was read from");
    }
    if entry.sections.is_none() {
        missing("sections", "the places in the document that facts cite");
    }
    let at = |field: &str| format!("{prefix}{field}");
    for (field, text) in [
        ("title", &entry.title),
        ("short_title", &entry.short_title),
        ("title_note", &entry.title_note),
        ("authors_note", &entry.authors_note),
        ("pages_note", &entry.pages_note),
    ] {
        if let Some(text) = text {
            problems.text(&at(field), text);
        }
    }
    for (i, person) in entry.authors.iter().flatten().enumerate() {
        problems.text(&at(&format!("authors.{i}.family")), &person.family);
        problems.text(&at(&format!("authors.{i}.given")), &person.given);
    }
    if let Some(publisher) = &entry.publisher {
        problems.text(&at("publisher.name"), &publisher.name);
        if let Some(short) = &publisher.short {
            problems.text(&at("publisher.short"), short);
        }
    }
    if let Some(date) = &entry.date {
        problems.text(&at("date.label"), &date.label);
        if date.month.is_some_and(|m| !(1..=12).contains(&m)) {
            problems.add(at("date.month"), "a month is 1 to 12");
        }
        problems.text(
            &at("date.evidence"),
            &Text {
                ko: date.evidence.ko.clone(),
                en: date.evidence.en.clone(),
            },
        );
        problems.source(&at("date.evidence.source"), &date.evidence.source);
    }
    if let Some(file) = &entry.file {
        problems.string(&at("file"), file);
    }
    let mut seen = std::collections::HashSet::new();
    for (i, section) in entry.sections.iter().flatten().enumerate() {
        let path = at(&format!("sections.{i}"));
        problems.id(&format!("{path}.id"), &section.id);
        if !seen.insert(section.id.as_str()) {
            problems.add(
                format!("{path}.id"),
                format!("section id `{}` is used twice in this document", section.id),
            );
        }
        problems.text(&format!("{path}.label"), &section.label);
        problems.text(&format!("{path}.heading"), &section.heading);
        let in_order = section.pages.windows(2).all(|w| w[1] == w[0] + 1);
        if !in_order || section.pages.first() == Some(&0) {
            problems.add(
                format!("{path}.pages"),
                "list every page the section is printed on, in order, from 1 (like [8, 9])",
            );
        } else if let (Some(count), Some(&last)) = (entry.page_count, section.pages.last()) {
            if last > count {
                problems.add(
                    format!("{path}.pages"),
                    format!("page {last} is past the end of the document ({count} pages)"),
                );
            }
        }
    }
    Details::Source(Box::new(SourceDocument {
        document: entry.document.unwrap_or(DocumentKind::Report),
        title: entry.title.take(),
        short_title: entry.short_title.take(),
        title_note: entry.title_note.take().unwrap_or_default(),
        authors: entry.authors.take().unwrap_or_default(),
        authors_note: entry.authors_note.take(),
        publisher: entry.publisher.take(),
        date: entry.date.take().unwrap_or(DocumentDate {
            year: 0,
            month: None,
            certainty: crate::model::DateCertainty::Inferred,
            label: Text::default(),
            evidence: Point {
                ko: String::new(),
                en: String::new(),
                source: Source {
                    doc: String::new(),
                    section: String::new(),
                    page: None,
                },
            },
        }),
        file: entry.file.take().unwrap_or_default(),
        page_count: entry.page_count,
        pages_note: entry.pages_note.take(),
        sections: entry.sections.take().unwrap_or_default(),
    }))
}

/// A figure set beside other cases' figures must measure what its `measure` says: the
/// measure's unit, and for a year a plain four-digit year.
fn measure_fits(problems: &mut Problems, at: &str, figure: &Figure, measure: Measure) {
    let unit = figure.unit.as_ref().map(|u| u.ko.as_str());
    if let Some(wanted) = measure.unit() {
        if unit != Some(wanted) {
            problems.add(
                format!("{at}.measure"),
                format!(
                    "`{at}.measure` is `{}`, which needs the unit `{wanted}`; the figure's unit is {}",
                    measure.as_str(),
                    unit.map_or("missing".to_string(), |u| format!("`{}`", quoted(u)))
                ),
            );
        }
    }
    let is_year = figure.value.len() == 4 && figure.value.bytes().all(|b| b.is_ascii_digit());
    if measure == Measure::StartYear && !is_year {
        problems.add(
            format!("{at}.value"),
            format!(
                "`{at}.value` must be a four-digit year for `start-year`, not `{}`",
                quoted(&figure.value)
            ),
        );
    }
}

/// A case's charts and the figures that are their bars: every chart id is a valid id,
/// named once, and has two bars or more; every bar names a declared chart, has a label,
/// and a value [`crate::model::parse_number`] reads; the bars of a chart share one unit.
fn check_charts(problems: &mut Problems, charts: &[ChartSpec], figures: &[Figure]) {
    for (i, chart) in charts.iter().enumerate() {
        let at = format!("charts.{i}");
        if !is_valid_id(&chart.id) {
            problems.add(
                format!("{at}.id"),
                format!(
                    "chart id `{}` must be lowercase letters, digits and hyphens",
                    quoted(&chart.id)
                ),
            );
        } else if charts[..i].iter().any(|c| c.id == chart.id) {
            problems.add(
                format!("{at}.id"),
                format!("chart id `{}` is used twice in this case", chart.id),
            );
        }
        problems.text(&format!("{at}.title"), &chart.title);
        if let Some(note) = &chart.note {
            problems.text(&format!("{at}.note"), note);
        }
        if !is_valid_id(&chart.id) {
            // No figure can name it either; one error is enough.
            continue;
        }
        let bars: Vec<&Figure> = figures
            .iter()
            .filter(|f| f.chart.as_ref().is_some_and(|c| c.id == chart.id))
            .collect();
        if bars.len() < 2 {
            problems.add(
                format!("{at}.id"),
                format!(
                    "chart `{}` has {}; a chart needs two figures or more (mark them with `chart: {{id: {}, bar: …}}`)",
                    quoted(&chart.id),
                    count(bars.len(), "bar", "bars"),
                    quoted(&chart.id)
                ),
            );
        }
        let unit = |f: &Figure| f.unit.as_ref().map(|u| u.ko.clone());
        if let Some(first) = bars.first() {
            if let Some(other) = bars.iter().find(|f| unit(f) != unit(first)) {
                let i = figures
                    .iter()
                    .position(|f| std::ptr::eq(f, *other))
                    .unwrap_or(0);
                let show = |u: Option<String>| {
                    u.map_or("none".to_string(), |u| format!("`{}`", quoted(&u)))
                };
                problems.add(
                    format!("figures.{i}.unit"),
                    format!(
                        "the bars of chart `{}` must share one unit: this figure's is {}, the first bar's {}",
                        quoted(&chart.id),
                        show(unit(other)),
                        show(unit(first))
                    ),
                );
            }
        }
    }
    for (i, figure) in figures.iter().enumerate() {
        let Some(bar) = &figure.chart else { continue };
        let at = format!("figures.{i}.chart");
        if !charts.iter().any(|c| c.id == bar.id) {
            problems.add(
                format!("{at}.id"),
                format!(
                    "chart `{}` is not declared under `charts` in this case",
                    quoted(&bar.id)
                ),
            );
        }
        problems.text(&format!("{at}.bar"), &bar.bar);
        if crate::model::parse_number(&figure.value).is_none() {
            problems.add(
                format!("figures.{i}.value"),
                format!(
                    "a bar of a chart needs a plain number (80, 7,500, 69.3), not `{}`; leave this figure out of the chart",
                    quoted(&figure.value)
                ),
            );
        }
    }
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
