//! Turns the index's items into search documents: every text field of every item, in
//! both languages, tagged with the field it came from. A match inside a case (a figure,
//! an actor) belongs to the case, so the document is the case.
//!
//! An item's sources are searchable as the sections they cite (numbering and heading, in
//! both languages); a document of the sources catalog is an item of its own, found by its
//! title, authors (in Hangul and romanized), publisher and date.
//!
//! Depends on `model`, `index`, `figure_en` and `search`; the search engine itself knows nothing of
//! the model beyond [`Kind`](crate::model::Kind).

use crate::index::Index;
use crate::model::{Details, Item, Lang, Text};
use crate::search::{DocField, Document, Field, SearchIndex};

/// The search index over a whole collection; document `i` is item `i` of the index.
pub fn build_search_index(index: &Index) -> SearchIndex {
    let items = index.items();
    // Each document is made and prepared on a worker thread and dropped at
    // once: the documents never all exist beside the index.
    SearchIndex::from_fn(items.len(), |i| document(index, &items[i]))
}

fn push(fields: &mut Vec<DocField>, field: Field, text: &str) {
    if !text.trim().is_empty() {
        fields.push(DocField {
            field,
            text: text.to_string(),
        });
    }
}

fn push_text(fields: &mut Vec<DocField>, field: Field, text: &Text) {
    push(fields, field, &text.ko);
    push(fields, field, &text.en);
}

/// One item as a search document.
pub fn document(index: &Index, item: &Item) -> Document {
    let mut fields = Vec::new();
    push_text(&mut fields, Field::Name, &item.name);
    for alias in &item.aliases {
        push(&mut fields, Field::Alias, alias);
    }
    push(&mut fields, Field::Alias, &item.id);
    push_text(&mut fields, Field::Summary, &item.summary);
    for p in &item.points {
        push(&mut fields, Field::Point, &p.ko);
        push(&mut fields, Field::Point, &p.en);
    }
    let mut type_id = None;
    match &item.details {
        Details::Case(case) => {
            type_id = Some(case.cluster_type.clone());
            push_text(&mut fields, Field::Place, &case.country);
            push_text(&mut fields, Field::Place, &case.region);
            push_text(&mut fields, Field::Place, &case.industry);
            for actor in &case.actors {
                push_text(&mut fields, Field::Actor, &actor.who);
            }
            for figure in &case.figures {
                let unit_ko = figure.unit.as_ref().map(|u| u.ko.as_str());
                push(
                    &mut fields,
                    Field::Figure,
                    &format!(
                        "{}: {}",
                        figure.label.ko,
                        figure_with_unit(&figure.value, unit_ko)
                    ),
                );
                // English as the English outputs read it (`KRW 231.2 billion`); the
                // printed form is found, and shown as a hit, in the Korean field.
                push(
                    &mut fields,
                    Field::Figure,
                    &format!(
                        "{}: {}",
                        figure.label.en,
                        crate::figure_en::of(figure).reading
                    ),
                );
                if let Some(note) = &figure.note {
                    push_text(&mut fields, Field::Figure, note);
                }
            }
            for (points, field) in [
                (&case.strengths, Field::Strength),
                (&case.weaknesses, Field::Weakness),
                (&case.evaluation, Field::Evaluation),
            ] {
                for p in points {
                    push(&mut fields, field, &p.ko);
                    push(&mut fields, field, &p.en);
                }
            }
            for section in &case.sections {
                push_text(&mut fields, Field::Point, &section.title);
                for p in &section.points {
                    push(&mut fields, Field::Point, &p.ko);
                    push(&mut fields, Field::Point, &p.en);
                }
            }
            if let Some(note) = &case.rating_note {
                push_text(&mut fields, Field::Point, note);
            }
            push_text(
                &mut fields,
                Field::Place,
                &type_name(index, &case.cluster_type),
            );
        }
        Details::Role { abbr, .. } => {
            if let Some(abbr) = abbr {
                push(&mut fields, Field::Alias, abbr);
            }
        }
        Details::Type { actors } => {
            for actor in actors {
                push_text(&mut fields, Field::Actor, &actor.who);
            }
        }
        Details::Strategy { for_type, regions } => {
            type_id = for_type.clone();
            for region in regions {
                push_text(&mut fields, Field::Region, &region.name);
                if let Some(industry) = &region.industry {
                    push_text(&mut fields, Field::Region, industry);
                }
            }
        }
        Details::Concept { table, eras } => {
            if let Some(table) = table {
                for row in &table.rows {
                    push_text(&mut fields, Field::Point, &row.label);
                    for cell in &row.cells {
                        push_text(&mut fields, Field::Point, cell);
                    }
                }
            }
            for era in eras {
                push_text(&mut fields, Field::Point, &era.policy_focus);
                for korean in &era.korea {
                    push_text(&mut fields, Field::Point, &korean.name);
                }
            }
        }
        Details::Source(doc) => {
            for title in [&doc.title, &doc.short_title].into_iter().flatten() {
                push_text(&mut fields, Field::Name, title);
            }
            for person in &doc.authors {
                push(&mut fields, Field::Actor, &person.full(Lang::Ko));
                push(&mut fields, Field::Actor, &person.full(Lang::En));
            }
            if let Some(publisher) = &doc.publisher {
                push_text(&mut fields, Field::Actor, &publisher.name);
                if let Some(short) = &publisher.short {
                    push_text(&mut fields, Field::Actor, short);
                }
            }
            push_text(&mut fields, Field::Point, &doc.date.label);
            push_text(&mut fields, Field::Point, &doc.title_note);
            // Section headings are left out: "toyota" should find the Toyota case, not
            // the report that has a section on it.
        }
        Details::Plain {} => {}
    }
    // Each cited section once: "Ⅱ-2 ① 국내 : 대덕밸리의 ITㆍ바이오 클러스터" and its English.
    let mut cited: Vec<(&str, &str)> = Vec::new();
    for s in &item.sources {
        if !cited.contains(&(s.doc.as_str(), s.section.as_str())) {
            cited.push((&s.doc, &s.section));
        }
    }
    for (doc, section) in cited {
        let found = index.document(doc).and_then(|(_, d)| d.section(section));
        match found {
            Some(section) => {
                for lang in [Lang::Ko, Lang::En] {
                    push(
                        &mut fields,
                        Field::Source,
                        &format!("{} {}", section.label.get(lang), section.heading.get(lang)),
                    );
                }
            }
            None => push(&mut fields, Field::Source, section),
        }
    }
    Document {
        kind: item.kind,
        id: item.id.clone(),
        title: format!("{} {}", item.name.ko, item.name.en),
        type_id,
        fields,
    }
}

fn type_name(index: &Index, id: &str) -> Text {
    index.get(id).map(|t| t.name.clone()).unwrap_or_default()
}

/// A figure's Korean value with its unit as people type it: `69.3%`, `5,200억원`, `220여개`,
/// but `80 mile` — a Korean unit or a sign is written onto the number, a Latin word apart.
fn figure_with_unit(value: &str, unit: Option<&str>) -> String {
    match unit {
        None => value.to_string(),
        Some(unit) if unit.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            format!("{value} {unit}")
        }
        Some(unit) => format!("{value}{unit}"),
    }
}
