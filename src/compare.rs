//! Side-by-side comparison of two to four cases, shared by `casebook compare` and the
//! explorer's compare view.
//!
//! [`compare`] lines the cases up in rows grouped by [`CompareSection`]: key facts, the
//! report's three actor roles with their ◎/○/△ strength, figures, success factors and
//! policy problems. Cells hold plain text in the chosen language, unescaped: each
//! renderer (plain text, Markdown, JSON, the terminal) makes them safe for itself.
//! A row that says different things for different cases is marked [`CompareRow::differs`],
//! so every output can mark it with a symbol, never with colour alone. This is the model
//! only: `render::plain`, `render::markdown`, `render::json` and the explorer draw it.
//!
//! Depends on `model`, `text`, `index`, `report` and `chart`.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::index::{Index, MATRIX_ROLES};
use crate::model::{CaseDetails, Item, Kind, Lang, Source};
use crate::report;
use crate::text::quoted;

/// The fewest and the most cases a comparison holds.
pub const MIN_CASES: usize = 2;
pub const MAX_CASES: usize = 4;

/// The text of a cell where a case has nothing to show.
pub const EMPTY: &str = "—";
/// The cell of a factor or problem the case illustrates.
pub const HAS: &str = "●";
/// The mark of a row whose cells differ, in text outputs.
pub const DIFFERS: &str = "≠";

/// Which part of the comparison a row belongs to, in display order.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CompareSection {
    Facts,
    Roles,
    /// Figures of the same measure, side by side.
    Figures,
    /// Each case's other figures, listed under it.
    CaseFigures,
    Factors,
    Problems,
}

impl CompareSection {
    pub const ALL: [CompareSection; 6] = [
        CompareSection::Facts,
        CompareSection::Roles,
        CompareSection::Figures,
        CompareSection::CaseFigures,
        CompareSection::Factors,
        CompareSection::Problems,
    ];

    /// The section's heading, the same on screen, in plain text and in Markdown.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            CompareSection::Facts => lang.pick("개요", "Facts"),
            CompareSection::Roles => lang.pick("구성주체 역할", "Actor roles"),
            CompareSection::Figures => {
                lang.pick("같은 잣대의 수치", "Figures that measure the same thing")
            }
            CompareSection::CaseFigures => lang.pick("사례별 수치", "Each case's figures"),
            CompareSection::Factors => lang.pick("성공요인", "Success factors"),
            CompareSection::Problems => lang.pick("정책문제", "Policy problems"),
        }
    }
}

/// One aligned row: a label and one cell per case, in the order the cases were given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompareRow {
    pub label: String,
    pub cells: Vec<String>,
    /// The cases differ in this row. For most rows: the cells are not all equal. For a
    /// role row, the *strengths* are compared (who fills the role is always different).
    pub differs: bool,
    pub section: CompareSection,
}

impl CompareRow {
    /// Whether text outputs mark the row `≠`: its cells differ. The lists of each case's
    /// own figures never differ: their rows set side by side figures that measure
    /// different things.
    pub fn marked(&self) -> bool {
        self.differs
    }
}

/// Two to four cases side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Case ids, in the order given.
    pub cases: Vec<String>,
    /// Case names in the comparison's language.
    pub titles: Vec<String>,
    pub rows: Vec<CompareRow>,
    /// Every source the compared cases draw on (their items' `sources`), each once, in
    /// order of first appearance, with the cases that cite it.
    pub sources: Vec<CompareSource>,
    /// The full reference of every document the sources name, in the comparison's
    /// language (JSON gives the documents by id in `sources`).
    #[serde(skip)]
    pub documents: Vec<String>,
    /// The measures the cases share drawn as bar charts ([`crate::chart::compare_charts`]);
    /// JSON has the same numbers in `rows`.
    #[serde(skip)]
    pub charts: Vec<crate::chart::Chart>,
}

/// One source of a comparison and the cases (positions in [`Comparison::cases`]) citing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompareSource {
    pub source: Source,
    /// The source as a reference in the comparison's language (JSON adds both languages
    /// to `source` itself).
    #[serde(skip)]
    pub citation: String,
    pub cases: Vec<usize>,
}

impl Comparison {
    /// The rows of one section, in order.
    pub fn rows_in(&self, section: CompareSection) -> impl Iterator<Item = &CompareRow> {
        self.rows.iter().filter(move |r| r.section == section)
    }
}

/// Why a comparison cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("no item has the id `{}`; `casebook list --kind case` shows every case", quoted(.0))]
    UnknownId(String),
    #[error("`{}` is not a case; only cases can be compared", quoted(.0))]
    NotACase(String),
    #[error("compare needs 2 to 4 cases, got {0}")]
    Count(usize),
    /// A case named twice would only be compared with itself.
    #[error("`{}` is named more than once; compare 2 to 4 different cases", quoted(.0))]
    Repeated(String),
}

fn all_equal(cells: &[String]) -> bool {
    cells.windows(2).all(|w| w[0] == w[1])
}

fn row(section: CompareSection, label: impl Into<String>, cells: Vec<String>) -> CompareRow {
    CompareRow {
        label: label.into(),
        differs: !all_equal(&cells),
        cells,
        section,
    }
}

/// Compares two to four cases, given by id.
pub fn compare(index: &Index, ids: &[&str], lang: Lang) -> Result<Comparison, CompareError> {
    if !(MIN_CASES..=MAX_CASES).contains(&ids.len()) {
        return Err(CompareError::Count(ids.len()));
    }
    let repeated = ids
        .iter()
        .enumerate()
        .find(|(i, id)| ids[..*i].contains(id));
    if let Some((_, id)) = repeated {
        return Err(CompareError::Repeated(id.to_string()));
    }
    let mut cases: Vec<(&Item, &CaseDetails)> = Vec::with_capacity(ids.len());
    for id in ids {
        let item = index
            .get(id)
            .ok_or_else(|| CompareError::UnknownId(id.to_string()))?;
        let case = item
            .case()
            .ok_or_else(|| CompareError::NotACase(id.to_string()))?;
        cases.push((item, case));
    }
    let mut rows = Vec::new();
    let cells = |f: &dyn Fn(&Item, &CaseDetails) -> String| -> Vec<String> {
        cases.iter().map(|(item, case)| f(item, case)).collect()
    };

    // Facts
    use CompareSection::*;
    rows.push(row(
        Facts,
        lang.pick("유형", "Type"),
        cells(&|_, c| index.name_of(&c.cluster_type, lang).to_string()),
    ));
    rows.push(row(
        Facts,
        lang.pick("국가·지역", "Country · region"),
        cells(&|_, c| format!("{} · {}", c.country.get(lang), c.region.get(lang))),
    ));
    rows.push(row(
        Facts,
        lang.pick("산업", "Industry"),
        cells(&|_, c| c.industry.get(lang).to_string()),
    ));
    rows.push(row(
        Facts,
        lang.pick("상태", "Status"),
        cells(&|_, c| c.status.label(lang).to_string()),
    ));
    rows.push(row(
        Facts,
        lang.pick("시기·형성", "Era · founded"),
        cells(&|_, c| match (c.era, c.founded) {
            (Some(era), Some(year)) => format!("{} · {year}", era.label(lang)),
            (Some(era), None) => era.label(lang).to_string(),
            (None, Some(year)) => year.to_string(),
            (None, None) => EMPTY.to_string(),
        }),
    ));

    // Roles: strength and who, compared by strength.
    for role in MATRIX_ROLES {
        let role_cells = cells(&|_, c| {
            let who: Vec<&str> = c
                .actors
                .iter()
                .filter(|a| a.role == role)
                .map(|a| a.who.get(lang))
                .collect();
            let strength = c.strength_in(role).map(|s| report::strength_text(s, lang));
            match (strength, who.is_empty()) {
                (Some(s), true) => s,
                (Some(s), false) => format!("{s} — {}", who.join("; ")),
                (None, false) => who.join("; "),
                (None, true) => EMPTY.to_string(),
            }
        });
        let strengths: Vec<String> = cases
            .iter()
            .map(|(_, c)| {
                c.strength_in(role)
                    .map_or(String::new(), |s| s.as_str().to_string())
            })
            .collect();
        rows.push(CompareRow {
            label: index.name_of(role, lang).to_string(),
            cells: role_cells,
            differs: !all_equal(&strengths),
            section: Roles,
        });
    }

    // Figures side by side only where they measure the same thing: one row per measure
    // that two cases or more have. Every other figure is listed under its own case, so
    // no row pairs numbers that only happen to come in the same place.
    let figure_text = |f: &crate::model::Figure, with_label: bool| {
        let year = f.year.map(|y| format!(" ({y})")).unwrap_or_default();
        let value = report::figure_value(f, lang);
        if with_label {
            format!("{value}{year} — {}", f.label.get(lang))
        } else {
            format!("{value}{year}")
        }
    };
    let mut aligned: Vec<crate::model::Measure> = Vec::new();
    for measure in crate::model::Measure::ALL {
        let has = |c: &CaseDetails| c.figures.iter().any(|f| f.measure == Some(measure));
        if cases.iter().filter(|(_, c)| has(c)).count() >= 2 {
            aligned.push(measure);
            rows.push(row(
                Figures,
                measure.label(lang),
                cells(&|_, c| {
                    let of: Vec<String> = c
                        .figures
                        .iter()
                        .filter(|f| f.measure == Some(measure))
                        .map(|f| figure_text(f, false))
                        .collect();
                    if of.is_empty() {
                        EMPTY.to_string()
                    } else {
                        of.join("; ")
                    }
                }),
            ));
        }
    }
    let own = |c: &CaseDetails| -> Vec<String> {
        c.figures
            .iter()
            .filter(|f| f.measure.is_none_or(|m| !aligned.contains(&m)))
            .map(|f| figure_text(f, true))
            .collect()
    };
    let own: Vec<Vec<String>> = cases.iter().map(|(_, c)| own(c)).collect();
    let most = own.iter().map(Vec::len).max().unwrap_or(0);
    for i in 0..most {
        let cells = own
            .iter()
            .map(|figures| figures.get(i).cloned().unwrap_or_default())
            .collect();
        // A list per case, not a row of like things: no label, and never "differs".
        rows.push(CompareRow {
            label: String::new(),
            cells,
            differs: false,
            section: CaseFigures,
        });
    }

    // Factors and problems: every one any of the cases links to, in catalog order.
    for (section, kind) in [(Factors, Kind::Factor), (Problems, Kind::Problem)] {
        // Each case's links as a set, so a row asks each case once, not its whole list.
        let own: Vec<HashSet<&str>> = cases
            .iter()
            .map(|(_, c)| {
                let ids = match kind {
                    Kind::Factor => &c.factors,
                    _ => &c.problems,
                };
                ids.iter().map(String::as_str).collect()
            })
            .collect();
        let ids = report::first_of_each(
            index
                .of_kind(kind)
                .iter()
                .map(|&i| index.item(i).id.as_str())
                .filter(|id| own.iter().any(|o| o.contains(id)))
                // Links to items the index does not hold cannot happen after loading,
                // but keep any such id rather than drop it silently.
                .chain(cases.iter().flat_map(|(_, c)| match kind {
                    Kind::Factor => c.factors.iter().map(String::as_str),
                    _ => c.problems.iter().map(String::as_str),
                })),
        );
        for id in ids {
            rows.push(row(
                section,
                index.name_of(id, lang),
                own.iter()
                    .map(|o| if o.contains(id) { HAS } else { EMPTY }.to_string())
                    .collect(),
            ));
        }
    }

    Ok(Comparison {
        cases: cases.iter().map(|(i, _)| i.id.clone()).collect(),
        titles: cases
            .iter()
            .map(|(i, _)| i.name.get(lang).to_string())
            .collect(),
        rows,
        sources: sources_of(index, &cases, lang),
        documents: documents_of(index, &cases, lang),
        charts: crate::chart::compare_charts(
            index,
            &cases.iter().map(|(item, _)| *item).collect::<Vec<_>>(),
            lang,
        ),
    })
}

/// The full reference of each document the cases cite, once, in order of first citation.
fn documents_of(index: &Index, cases: &[(&Item, &CaseDetails)], lang: Lang) -> Vec<String> {
    // One reference per document, not per citation: most citations name the same few.
    let mut docs = HashSet::new();
    report::first_of_each(
        cases
            .iter()
            .flat_map(|(item, _)| item.citations())
            .filter(|(_, s)| docs.insert(s.doc.as_str()))
            .filter_map(|(_, s)| index.reference(s, lang)),
    )
}

/// Each source of the cases once, with the cases (by position) that cite it.
fn sources_of(index: &Index, cases: &[(&Item, &CaseDetails)], lang: Lang) -> Vec<CompareSource> {
    let mut out: Vec<CompareSource> = Vec::new();
    let mut at: HashMap<&Source, usize> = HashMap::new();
    for (i, (item, _)) in cases.iter().enumerate() {
        // `report::sources_of` gives each source of a case once, so a source already
        // listed was listed for an earlier case: `i` is new to it.
        for source in report::sources_of(item) {
            match at.get(source) {
                Some(&known) => out[known].cases.push(i),
                None => {
                    at.insert(source, out.len());
                    out.push(CompareSource {
                        source: source.clone(),
                        citation: index.cite(source, lang),
                        cases: vec![i],
                    });
                }
            }
        }
    }
    out
}
