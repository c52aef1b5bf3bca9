//! What to say about an item, in reading order, independent of the output format.
//!
//! `show` (plain text and Markdown) and the explorer's detail pane all render the same
//! [`Block`]s, so an item reads the same everywhere and a field added here appears in
//! every output. For a case the order is the one a meeting needs: key facts, summary and
//! key figures first, then actors, strengths and weaknesses, links, and sources.
//!
//! Every source is a citation made by [`Index::cite`] (see [`crate::citation`]): the
//! blocks carry the text a reader would cite, never a file name.
//!
//! Depends on `model`, `index` (with its `backlinks` table), `citation`, `chart` and
//! `figure_en` (figures in English).

use std::collections::HashSet;
use std::hash::Hash;

use crate::backlinks::CitedDocument;
use crate::index::{Index, Relation};
use crate::model::{
    Details, Figure, Item, Kind, Lang, Point, RoleStrength, Source, SourceDocument,
};

/// One piece of an item's report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The item's name in the chosen language, and in the other one.
    Title {
        name: String,
        other: String,
        kind: Kind,
    },
    /// Key facts as label/value pairs (type, country, status, …).
    Facts(Vec<(String, String)>),
    Heading(String),
    Paragraph(String),
    /// A statement with its source.
    Bullet {
        text: String,
        source: Option<String>,
    },
    /// A figure: in Korean its value as printed, in English the English reading with the
    /// printed form beside it (`report::figure_value`).
    Figure {
        label: String,
        value: String,
        year: Option<i32>,
        note: Option<String>,
        source: String,
    },
    /// Who fills a role, with the seed's strength and the citation for both.
    Actor {
        role: String,
        role_id: String,
        strength: Option<RoleStrength>,
        who: String,
        source: String,
    },
    /// A link to another item; `note` says how they relate (a strength, a relation).
    Link {
        target: String,
        label: String,
        kind: Kind,
        note: Option<String>,
    },
    /// The item's charts ([`crate::chart`]), drawn after its key figures.
    Charts(Vec<crate::chart::Chart>),
    Table {
        columns: Vec<String>,
        rows: Vec<(String, Vec<String>)>,
    },
    /// The end of every report: the places the item draws on (its `sources`, as
    /// citations) and the full reference of every document cited anywhere in it.
    Sources {
        cited: Vec<String>,
        documents: Vec<String>,
    },
}

fn heading(lang: Lang, ko: &str, en: &str) -> Block {
    Block::Heading(lang.pick(ko, en).to_string())
}

fn bullets<'a>(
    index: &'a Index,
    points: &'a [Point],
    lang: Lang,
) -> impl Iterator<Item = Block> + 'a {
    points.iter().map(move |p| Block::Bullet {
        text: p.get(lang).to_string(),
        source: Some(index.cite(&p.source, lang)),
    })
}

fn link(index: &Index, id: &str, lang: Lang, note: Option<String>) -> Option<Block> {
    let item = index.get(id)?;
    Some(Block::Link {
        target: id.to_string(),
        label: item.name.get(lang).to_string(),
        kind: item.kind,
        note,
    })
}

/// The strength as the seed writes it and in words, so it never depends on colour.
pub fn strength_text(strength: RoleStrength, lang: Lang) -> String {
    format!("{} {}", strength.symbol(), strength.label(lang))
}

/// A figure's value with its unit, as a reader expects it in each language. Korean
/// shows the printed form: units and % follow the number directly (40%, 116개), a unit
/// starting with a Latin letter takes a space. English leads with the English reading
/// and keeps the printed form beside it when the numerals differ
/// (`KRW 231.2 billion (2,312억 원)`, `69.3%`): see [`crate::figure_en`].
pub fn figure_value(f: &Figure, lang: Lang) -> String {
    if lang == Lang::En {
        return crate::figure_en::of(f).to_string();
    }
    let unit = f.unit.as_ref().map(|u| u.ko.as_str()).unwrap_or("");
    if unit.is_empty() {
        f.value.clone()
    } else if unit.starts_with(|c: char| c.is_ascii_alphabetic()) {
        format!("{} {unit}", f.value)
    } else {
        format!("{}{unit}", f.value)
    }
}

/// The full report of an item.
pub fn report(index: &Index, item: &Item, lang: Lang) -> Vec<Block> {
    let mut out = vec![Block::Title {
        name: item.name.get(lang).to_string(),
        other: item.name.get(lang.other()).to_string(),
        kind: item.kind,
    }];
    let position = index.position(&item.id);
    match &item.details {
        Details::Case(case) => {
            let mut facts = vec![
                (
                    lang.pick("유형", "Type").to_string(),
                    index.name_of(&case.cluster_type, lang).to_string(),
                ),
                (
                    lang.pick("국가·지역", "Country · region").to_string(),
                    format!("{} · {}", case.country.get(lang), case.region.get(lang)),
                ),
                (
                    lang.pick("산업", "Industry").to_string(),
                    case.industry.get(lang).to_string(),
                ),
                (
                    lang.pick("상태", "Status").to_string(),
                    case.status.label(lang).to_string(),
                ),
            ];
            let era = match (case.era, case.founded) {
                (Some(era), Some(year)) => Some(format!("{} · {year}", era.label(lang))),
                (Some(era), None) => Some(era.label(lang).to_string()),
                (None, Some(year)) => Some(year.to_string()),
                (None, None) => None,
            };
            if let Some(era) = era {
                facts.push((lang.pick("시기·형성", "Era · founded").to_string(), era));
            }
            out.push(Block::Facts(facts));
            out.push(Block::Paragraph(item.summary.get(lang).to_string()));
            if !case.figures.is_empty() {
                out.push(heading(lang, "주요 수치", "Key figures"));
                out.extend(case.figures.iter().map(|f| {
                    let value = figure_value(f, lang);
                    Block::Figure {
                        label: f.label.get(lang).to_string(),
                        value,
                        year: f.year,
                        note: f.note.as_ref().map(|n| n.get(lang).to_string()),
                        source: index.cite(&f.source, lang),
                    }
                }));
                let charts = crate::chart::charts(index, item, lang);
                if !charts.is_empty() {
                    out.push(Block::Charts(charts));
                }
            }
            if !case.actors.is_empty() {
                out.push(heading(lang, "구성주체", "Actors"));
                out.extend(case.actors.iter().map(|a| Block::Actor {
                    role: index.name_of(&a.role, lang).to_string(),
                    role_id: a.role.clone(),
                    strength: a.strength,
                    who: a.who.get(lang).to_string(),
                    source: index.cite(&a.source, lang),
                }));
                if let Some(note) = &case.rating_note {
                    out.push(Block::Paragraph(format!(
                        "{} {}",
                        lang.pick("◎○△ 판독:", "Reading of ◎○△:"),
                        note.get(lang)
                    )));
                }
            }
            for (points, ko, en) in [
                (&case.strengths, "강점", "Strengths"),
                (&case.weaknesses, "약점", "Weaknesses"),
                (&case.evaluation, "평가", "Evaluation"),
            ] {
                if !points.is_empty() {
                    out.push(heading(lang, ko, en));
                    out.extend(bullets(index, points, lang));
                }
            }
            let mut related = Vec::new();
            if let Some(c) = &case.counterpart {
                related.extend(link(
                    index,
                    c,
                    lang,
                    Some(lang.pick("대응 사례", "counterpart").into()),
                ));
            }
            if let Some(s) = &case.strategy {
                related.extend(link(
                    index,
                    s,
                    lang,
                    Some(lang.pick("유형별 전략", "strategy").into()),
                ));
            }
            related.extend(link(
                index,
                &case.cluster_type,
                lang,
                Some(lang.pick("유형", "type").into()),
            ));
            out.push(heading(lang, "관련 항목", "Related"));
            out.extend(related);
            if !case.factors.is_empty() {
                out.push(heading(lang, "성공요인", "Success factors"));
                out.extend(
                    case.factors
                        .iter()
                        .filter_map(|f| link(index, f, lang, None)),
                );
            }
            if !case.problems.is_empty() {
                out.push(heading(lang, "정책문제", "Policy problems"));
                out.extend(
                    case.problems
                        .iter()
                        .filter_map(|p| link(index, p, lang, None)),
                );
            }
            for section in &case.sections {
                out.push(Block::Heading(section.title.get(lang).to_string()));
                out.extend(bullets(index, &section.points, lang));
            }
        }
        _ => {
            let mut facts = vec![(
                lang.pick("종류", "Kind").to_string(),
                item.kind.label(lang).to_string(),
            )];
            match &item.details {
                Details::Role {
                    abbr: Some(abbr), ..
                } => {
                    facts.push((lang.pick("약칭", "Abbreviation").to_string(), abbr.clone()));
                }
                Details::Strategy {
                    for_type: Some(t), ..
                } => {
                    facts.push((
                        lang.pick("유형", "Type").to_string(),
                        index.name_of(t, lang).to_string(),
                    ));
                }
                Details::Source(doc) => {
                    facts.push((
                        lang.pick("문헌 종류", "Document").to_string(),
                        doc.document.label(lang).to_string(),
                    ));
                    if !doc.authors.is_empty() {
                        let names: Vec<String> = doc.authors.iter().map(|p| p.full(lang)).collect();
                        facts.push((lang.pick("저자", "Authors").to_string(), names.join(", ")));
                    }
                    if let Some(p) = &doc.publisher {
                        facts.push((
                            lang.pick("발행", "Publisher").to_string(),
                            p.name.get(lang).to_string(),
                        ));
                    }
                    facts.push((
                        lang.pick("날짜", "Date").to_string(),
                        doc.date.label.get(lang).to_string(),
                    ));
                }
                _ => {}
            }
            out.push(Block::Facts(facts));
            out.push(Block::Paragraph(item.summary.get(lang).to_string()));
            if !item.points.is_empty() {
                out.push(heading(lang, "내용", "Details"));
                out.extend(bullets(index, &item.points, lang));
            }
            catalog_details(index, item, lang, &mut out);
            if let Details::Source(doc) = &item.details {
                let cited = position.and_then(|p| index.source_citations().document(p));
                source_details(doc, cited, lang, &mut out);
            }
            if let Some(position) = position {
                linked_cases(index, item, position, lang, &mut out);
            }
        }
    }
    out.push(sources_block(index, item, lang));
    out
}

/// The item's sources as citations, and the full reference of each document it cites.
fn sources_block(index: &Index, item: &Item, lang: Lang) -> Block {
    let cited = first_of_each(sources_of(item).into_iter().map(|s| index.cite(s, lang)));
    // One reference per document, not per citation: most citations name the same few.
    let mut docs = HashSet::new();
    let documents = first_of_each(
        item.citations()
            .into_iter()
            .filter(|(_, s)| docs.insert(s.doc.as_str()))
            .filter_map(|(_, s)| index.reference(s, lang)),
    );
    Block::Sources { cited, documents }
}

/// A source document's own report: what it is, who wrote and published it, when (and
/// how we know), the file it was read from (provenance), and its sections with their
/// pages and how many citations in the collection name each.
fn source_details(
    doc: &SourceDocument,
    cited: Option<&CitedDocument>,
    lang: Lang,
    out: &mut Vec<Block>,
) {
    let mut about = Vec::new();
    about.push(Block::Bullet {
        text: format!(
            "{}: {}",
            lang.pick("제목", "Title"),
            match &doc.title {
                Some(t) => t.get(lang).to_string(),
                None => lang
                    .pick("본문에 제목 없음", "untitled in the text")
                    .to_string(),
            }
        ),
        source: None,
    });
    about.push(Block::Bullet {
        text: doc.title_note.get(lang).to_string(),
        source: None,
    });
    if let Some(note) = &doc.authors_note {
        about.push(Block::Bullet {
            text: note.get(lang).to_string(),
            source: None,
        });
    }
    if let Some(note) = &doc.pages_note {
        about.push(Block::Bullet {
            text: note.get(lang).to_string(),
            source: None,
        });
    }
    out.push(heading(lang, "문헌 정보", "About the document"));
    out.extend(about);
    out.push(Block::Bullet {
        text: format!(
            "{}: {}",
            lang.pick(
                "원문 파일(출처 표기 아님)",
                "Text file (provenance, not a citation)"
            ),
            doc.file
        ),
        source: None,
    });
    out.push(heading(lang, "날짜의 근거", "Evidence for the date"));
    out.push(Block::Bullet {
        text: doc.date.evidence.get(lang).to_string(),
        source: None,
    });
    match cited {
        Some(cited) => out.push(Block::Heading(match lang {
            Lang::Ko => format!(
                "절 — 인용 {}건 · 항목 {}개 ([ ] 안은 그 절의 인용 수)",
                cited.count(),
                cited.citing_items()
            ),
            Lang::En => format!(
                "Sections — {} citations from {} items ([n]: how many cite the section)",
                cited.count(),
                cited.citing_items()
            ),
        })),
        None => out.push(heading(lang, "절", "Sections")),
    }
    for (at, section) in doc.sections.iter().enumerate() {
        let place = crate::citation::locator(doc.document, section, None, lang)
            .map(|p| format!(" — {p}"))
            .unwrap_or_default();
        let count = cited
            .and_then(|c| c.sections.get(at))
            .map(|s| format!("[{}] ", s.count()))
            .unwrap_or_default();
        out.push(Block::Bullet {
            text: format!(
                "{count}{} {}{place}",
                section.label.get(lang),
                crate::citation::heading(section, lang)
            ),
            source: None,
        });
    }
}

fn catalog_details(index: &Index, item: &Item, lang: Lang, out: &mut Vec<Block>) {
    match &item.details {
        Details::Type { actors } if !actors.is_empty() => {
            out.push(heading(lang, "역할별 주체", "Who fills each role"));
            out.extend(actors.iter().map(|a| Block::Actor {
                role: index.name_of(&a.role, lang).to_string(),
                role_id: a.role.clone(),
                strength: None,
                who: a.who.get(lang).to_string(),
                source: index.cite(&a.source, lang),
            }));
        }
        Details::Strategy { regions, .. } if !regions.is_empty() => {
            out.push(heading(lang, "유망지역", "Promising regions"));
            out.extend(regions.iter().map(|r| Block::Bullet {
                text: match &r.industry {
                    Some(industry) => format!("{} ({})", r.name.get(lang), industry.get(lang)),
                    None => r.name.get(lang).to_string(),
                },
                source: Some(index.cite(&r.source, lang)),
            }));
        }
        Details::Concept { table, eras } => {
            if let Some(table) = table {
                out.push(Block::Table {
                    columns: table
                        .columns
                        .iter()
                        .map(|c| c.get(lang).to_string())
                        .collect(),
                    rows: table
                        .rows
                        .iter()
                        .map(|r| {
                            (
                                r.label.get(lang).to_string(),
                                r.cells.iter().map(|c| c.get(lang).to_string()).collect(),
                            )
                        })
                        .collect(),
                });
                out.push(Block::Bullet {
                    text: lang.pick("표 출처", "Table source").to_string(),
                    source: Some(index.cite(&table.source, lang)),
                });
            }
            for era in eras {
                out.push(Block::Heading(format!(
                    "{} — {}",
                    era.label.get(lang),
                    era.policy_focus.get(lang)
                )));
                for id in &era.world {
                    out.extend(link(
                        index,
                        id,
                        lang,
                        Some(lang.pick("세계", "world").into()),
                    ));
                }
                for korean in &era.korea {
                    match korean
                        .case
                        .as_deref()
                        .and_then(|c| link(index, c, lang, Some(lang.pick("한국", "Korea").into())))
                    {
                        Some(block) => out.push(block),
                        None => out.push(Block::Bullet {
                            text: format!(
                                "{}: {}",
                                lang.pick("한국", "Korea"),
                                korean.name.get(lang)
                            ),
                            source: Some(index.cite(&era.source, lang)),
                        }),
                    }
                }
            }
        }
        _ => {}
    }
}

fn linked_cases(index: &Index, item: &Item, position: usize, lang: Lang, out: &mut Vec<Block>) {
    let wanted: fn(Relation) -> bool = match item.kind {
        Kind::Factor => |r| r == Relation::Factor,
        Kind::Problem => |r| r == Relation::Problem,
        Kind::Role => |r| matches!(r, Relation::Role(_)),
        Kind::Type => |r| r == Relation::Type,
        Kind::Strategy => |r| r == Relation::Strategy,
        Kind::Concept => |r| r == Relation::Timeline,
        // A document's backlinks (every fact citing it) are for a sources view.
        Kind::Case | Kind::Source => |_| false,
    };
    let cases = index.cases_linking(position, wanted);
    if cases.is_empty() {
        return;
    }
    out.push(heading(lang, "관련 사례", "Cases"));
    for case in cases {
        let case_item = index.item(case);
        let note = if item.kind == Kind::Role {
            case_item
                .case()
                .and_then(|c| c.strength_in(&item.id))
                .map(|s| strength_text(s, lang))
        } else {
            None
        };
        out.extend(link(index, &case_item.id, lang, note));
    }
}

/// All sources of an item's report, deduplicated, in order of first appearance.
pub fn sources_of(item: &Item) -> Vec<&Source> {
    first_of_each(&item.sources)
}

/// Each distinct value once, in order of first appearance, in one pass (a list that
/// checks each value against those kept grows with the square of its length).
pub fn first_of_each<T: Hash + Eq + Clone>(values: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut seen = HashSet::new();
    values
        .into_iter()
        .filter(|v| seen.insert(v.clone()))
        .collect()
}
