//! JSON for scripts: the shapes `list`, `show`, `search`, `matrix`, `compare` and
//! `sources` print, and [`string`], which writes any of them with every character a
//! terminal could act on escaped. Field names are part of casebook's interface; change
//! them only on purpose.
//!
//! A figure of `show` keeps its printed `value` and `unit` and adds `value_en`, its
//! English reading (`KRW 231.2 billion`, see `crate::figure_en`).
//!
//! A source is `{doc, section, page?}` with, added by [`cited`], `citation: {ko, en}`: the
//! reference a reader would cite (see `crate::citation`).
//!
//! Depends on `model`, `text`, `index`, `citation`, `figure_en`, `citing`, `compare`, `matrix` (the weakest
//! roles) and `collection` (the shape of a hit).

use serde::Serialize;

use crate::collection::ItemHit;
use crate::compare::Comparison;
use crate::index::{Index, Relation};
use crate::model::{Item, Kind, Lang, RoleStrength, Source, Status, Text};

/// Pretty JSON text with every character a terminal could act on escaped. serde_json
/// escapes C0 controls already; C1 controls and direction overrides it leaves raw.
pub fn string<T: Serialize>(value: &T) -> String {
    let raw =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    if !raw.chars().any(crate::text::is_forbidden) {
        return raw;
    }
    raw.chars()
        .map(|c| {
            if crate::text::is_forbidden(c) {
                format!("\\u{:04x}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The comparison as JSON: `{cases, titles, rows: [{label, cells, differs, section}],
/// sources: [{source: {doc, section, page?}, cases: [position]}]}` (pass it through
/// [`cited`] for the citations).
pub fn comparison(c: &Comparison) -> serde_json::Value {
    serde_json::to_value(c).unwrap_or(serde_json::Value::Null)
}

/// `value` as JSON with `citation: {ko, en}` added to every source in it: every object
/// whose keys are `doc`, `section` and maybe `page`, as [`crate::model::Source`]
/// serializes.
pub fn cited<T: Serialize>(index: &Index, value: &T) -> serde_json::Value {
    let mut value = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
    add_citations(index, &mut value);
    value
}

fn add_citations(index: &Index, value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| add_citations(index, v)),
        Value::Object(map) => {
            let is_source = map.contains_key("doc")
                && map.contains_key("section")
                && map
                    .keys()
                    .all(|k| matches!(k.as_str(), "doc" | "section" | "page"));
            if is_source {
                if let Ok(source) = serde_json::from_value::<Source>(Value::Object(map.clone())) {
                    let citation = Text {
                        ko: index.cite(&source, Lang::Ko),
                        en: index.cite(&source, Lang::En),
                    };
                    map.insert(
                        "citation".into(),
                        serde_json::to_value(citation).unwrap_or(Value::Null),
                    );
                }
                return;
            }
            map.values_mut().for_each(|v| add_citations(index, v));
        }
        _ => {}
    }
}

/// One document of `casebook sources --json`: every field of the catalog entry, and its
/// full reference in both languages.
#[derive(Serialize)]
pub struct SourceEntry<'a> {
    #[serde(flatten)]
    pub item: &'a Item,
    pub reference: Text,
}

/// The documents of the sources catalog, in catalog order.
pub fn sources(index: &Index) -> serde_json::Value {
    let entries: Vec<SourceEntry<'_>> = index
        .of_kind(Kind::Source)
        .iter()
        .map(|&i| index.item(i))
        .filter_map(|item| {
            let doc = item.source_document()?;
            Some(SourceEntry {
                item,
                reference: Text {
                    ko: crate::citation::reference(doc, Lang::Ko),
                    en: crate::citation::reference(doc, Lang::En),
                },
            })
        })
        .collect();
    cited(index, &entries)
}

/// One rated case of the role matrix.
#[derive(Serialize)]
pub struct MatrixEntry<'a> {
    pub case: &'a str,
    pub vp: Option<RoleStrength>,
    pub so: Option<RoleStrength>,
    pub ss: Option<RoleStrength>,
    /// Every role tied for the case's weakest, `VP` / `SO` / `SS` in that order; empty
    /// when every rated role is equally strong.
    pub weakest: Vec<&'static str>,
}

/// The role matrix: `[{case, vp, so, ss, weakest}]`, strengths as `strong` / `medium` /
/// `weak`, the weakest roles as a list (`["VP", "SO"]` for Icheon).
pub fn matrix(index: &Index) -> Vec<MatrixEntry<'_>> {
    crate::matrix::cases(index)
        .into_iter()
        .map(|c| MatrixEntry {
            case: &index.item(c.item).id,
            vp: c.strengths[0],
            so: c.strengths[1],
            ss: c.strengths[2],
            weakest: c.weakest_codes(),
        })
        .collect()
}

/// One item of `casebook list --json`.
#[derive(Serialize)]
pub struct ListEntry<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub name: &'a Text,
    #[serde(skip_serializing_if = "Option::is_none", rename = "type")]
    pub cluster_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<&'a Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

/// Items as `[{kind, id, name: {ko, en}, type?, country?, status?}]`.
pub fn list<'a>(items: &[&'a Item]) -> Vec<ListEntry<'a>> {
    items
        .iter()
        .map(|item| ListEntry {
            kind: item.kind,
            id: &item.id,
            name: &item.name,
            cluster_type: item.case().map(|c| c.cluster_type.as_str()),
            country: item.case().map(|c| &c.country),
            status: item.case().map(|c| c.status),
        })
        .collect()
}

/// An item with every field, and the items linking to it (`casebook show --json`).
#[derive(Serialize)]
pub struct ShowEntry<'a> {
    #[serde(flatten)]
    pub item: &'a Item,
    /// Items that link to this one, with how.
    pub linked_from: Vec<LinkedFrom<'a>>,
}

/// One item linking to the shown one.
#[derive(Serialize)]
pub struct LinkedFrom<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub relation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<RoleStrength>,
}

/// `value` (a case as [`show`] gives it) with `value_en`, the English reading, added to
/// each of its figures beside the printed `value`.
pub fn add_figure_readings(item: &Item, value: &mut serde_json::Value) {
    let (Some(case), Some(figures)) = (
        item.case(),
        value.get_mut("figures").and_then(|f| f.as_array_mut()),
    ) else {
        return;
    };
    for (figure, json) in case.figures.iter().zip(figures) {
        if let Some(map) = json.as_object_mut() {
            map.insert(
                "value_en".into(),
                crate::figure_en::of(figure).reading.into(),
            );
        }
    }
}

/// The item at `position` with its backlinks.
pub fn show(index: &Index, position: usize) -> ShowEntry<'_> {
    let linked_from = index
        .backlinks(position)
        .iter()
        .map(|l| {
            let from = index.item(l.from);
            let (relation, strength) = relation_name(l.relation);
            LinkedFrom {
                kind: from.kind,
                id: &from.id,
                relation,
                strength,
            }
        })
        .collect();
    ShowEntry {
        item: index.item(position),
        linked_from,
    }
}

fn relation_name(relation: Relation) -> (&'static str, Option<RoleStrength>) {
    match relation {
        Relation::Factor => ("factor", None),
        Relation::Problem => ("problem", None),
        Relation::Role(s) => ("role", s),
        Relation::Type => ("type", None),
        Relation::Strategy => ("strategy", None),
        Relation::Timeline => ("timeline", None),
        Relation::Counterpart => ("counterpart", None),
    }
}

/// One hit of `casebook search --json`.
#[derive(Serialize)]
pub struct HitEntry<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub title: &'a Text,
    pub field: &'static str,
    pub text: &'a str,
    pub score: i64,
    /// Char indices into `text` of the matched characters.
    pub indices: &'a [usize],
}

/// Hits with their scores as `[{kind, id, title: {ko, en}, field, text, score, indices}]`.
pub fn hits<'a>(index: &'a Index, hits: &'a [(ItemHit, i64)]) -> Vec<HitEntry<'a>> {
    hits.iter()
        .map(|(hit, score)| {
            let item = index.item(hit.item);
            HitEntry {
                kind: item.kind,
                id: &item.id,
                title: &item.name,
                field: hit.field.as_str(),
                text: &hit.text,
                score: *score,
                indices: &hit.indices,
            }
        })
        .collect()
}

/// One section of a document with how many citations name it (`sources DOC --json`).
#[derive(Serialize)]
struct SectionCount<'a> {
    section: &'a str,
    label: &'a str,
    heading: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<String>,
    count: usize,
    items: usize,
}

/// A document's sections with their citation counts, in `lang`
/// (`casebook sources DOC --json`).
pub fn document_citations(index: &Index, position: usize, lang: Lang) -> serde_json::Value {
    let item = index.item(position);
    let (Some(doc), Some(cited)) = (
        item.source_document(),
        index.source_citations().document(position),
    ) else {
        return serde_json::Value::Null;
    };
    let sections: Vec<SectionCount<'_>> = cited
        .sections
        .iter()
        .filter_map(|s| {
            let printed = doc.sections.get(s.section)?;
            Some(SectionCount {
                section: &printed.id,
                label: printed.label.get(lang),
                heading: crate::citation::heading(printed, lang),
                pages: crate::citing::pages(doc, printed, lang),
                count: s.count(),
                items: s.items.len(),
            })
        })
        .collect();
    serde_json::json!({
        "doc": item.id,
        "document": item.name.get(lang),
        "count": cited.count(),
        "items": cited.citing_items(),
        "sections": sections,
    })
}
