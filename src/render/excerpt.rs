//! One fact as one line of plain text with its reference, for pasting into minutes:
//! a figure, an actor, a statement, an item's one-line reference, a row of the role
//! matrix or of a comparison. What the explorer's `y` copies.
//!
//! ```text
//! 울산 자동차클러스터 · 울산 오토밸리 조성사업 총 투자액: 2,312억원 (2002; 2002년부터 5년간 투입 계획) — 복득규 외(2002), 삼성경제연구소, Ⅱ-2 ②, 11쪽
//! Ulsan automotive cluster · Vision Provider △ weak: The large assembler … — Bok et al. (2002), SERI, §II-2 ②, p. 10
//! ```
//!
//! Each line names the item it comes from (a figure's label alone — "연구기관 수" —
//! says nothing in minutes), says the fact in full (never the wrapped screen fragment),
//! and ends with its citation after ` — `; a fact with no citation of its own (a key
//! fact, the summary) cites the item's sources, joined with `; `. No id ever appears:
//! links read as the linked item's name. Every text passes through `text::one_line`.
//!
//! Depends on `model`, `text`, `index`, `citation`, `report`, `compare` and `matrix`.

use crate::citation;
use crate::compare::Comparison;
use crate::index::{Index, MATRIX_ROLES};
use crate::matrix::{self, MatrixCase, WEAKEST_MARK};
use crate::model::{Item, Lang, Source};
use crate::report::{self, Block};
use crate::text::one_line;

/// `text — citation`, or `text` alone when there is nothing to cite.
fn with_citation(text: String, citation: &str) -> String {
    if citation.is_empty() {
        text
    } else {
        format!("{text} — {}", one_line(citation))
    }
}

/// Sources as one citation, each document named once before its places, in order:
/// "복득규 외(2002), 삼성경제연구소, Ⅱ-1, 6쪽; Ⅱ-2 ②, 10~11쪽".
fn citations<'a>(
    index: &Index,
    sources: impl IntoIterator<Item = &'a Source>,
    lang: Lang,
) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut previous_doc: Option<&str> = None;
    for source in sources {
        let full = index.cite(source, lang);
        let document = index
            .document(&source.doc)
            .map(|(item, doc)| format!("{}, ", citation::short_reference(item, doc, lang)));
        let text = match document {
            Some(prefix) if previous_doc == Some(source.doc.as_str()) => full
                .strip_prefix(&prefix)
                .map(str::to_string)
                .unwrap_or(full),
            _ => full,
        };
        previous_doc = Some(&source.doc);
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out.join("; ")
}

/// The item's own sources as one citation.
fn item_citations(index: &Index, item: &Item, lang: Lang) -> String {
    citations(index, report::sources_of(item), lang)
}

/// An item in one line: its name in both languages, what it is (for a case: its type
/// and place) and the places it draws on. What `y` copies from a list.
pub fn item_reference(index: &Index, item: &Item, lang: Lang) -> String {
    let name = one_line(item.name.get(lang)).into_owned();
    let cited = item_citations(index, item, lang);
    let other = one_line(item.name.get(lang.other()));
    let mut about = vec![item.kind.label(lang).to_string()];
    if let Some(case) = item.case() {
        about.push(one_line(index.name_of(&case.cluster_type, lang)).into_owned());
        about.push(format!(
            "{} · {}",
            one_line(case.country.get(lang)),
            one_line(case.region.get(lang))
        ));
    }
    let head = if other == name {
        name
    } else {
        format!("{name} ({other})")
    };
    with_citation(format!("{head} — {}", about.join(", ")), &cited)
}

/// Part `part` of block `at` of `item`'s report (`blocks`, from [`report::report`])
/// as one line with its reference; `None` for what is not a fact (a heading, a gap).
/// `part` picks one of a block's several entries: a key fact, a table row, a source.
pub fn fact(
    index: &Index,
    item: &Item,
    blocks: &[Block],
    at: usize,
    part: usize,
    lang: Lang,
) -> Option<String> {
    let name = one_line(item.name.get(lang));
    let cited = item_citations(index, item, lang);
    let about = |text: String| format!("{name} · {text}");
    Some(match blocks.get(at)? {
        // The line that says the item has charts: the item itself (`v` shows them).
        Block::Title { .. } | Block::Charts(_) => item_reference(index, item, lang),
        Block::Facts(facts) => {
            let (label, value) = facts.get(part)?;
            with_citation(
                about(format!("{}: {}", one_line(label), one_line(value))),
                &cited,
            )
        }
        Block::Heading(_) => return None,
        Block::Paragraph(text) => with_citation(about(one_line(text).into_owned()), &cited),
        Block::Bullet { text, source } => with_citation(
            about(one_line(text).into_owned()),
            source.as_deref().unwrap_or(&cited),
        ),
        Block::Figure {
            label,
            value,
            year,
            note,
            source,
        } => {
            let aside: Vec<String> = year
                .map(|y| y.to_string())
                .into_iter()
                .chain(note.as_deref().map(|n| one_line(n).into_owned()))
                .collect();
            let aside = if aside.is_empty() {
                String::new()
            } else {
                format!(" ({})", aside.join("; "))
            };
            with_citation(
                about(format!("{}: {}{aside}", one_line(label), one_line(value))),
                source,
            )
        }
        Block::Actor {
            role,
            strength,
            who,
            source,
            ..
        } => {
            let strength = strength
                .map(|s| format!(" {}", report::strength_text(s, lang)))
                .unwrap_or_default();
            with_citation(
                about(format!("{}{strength}: {}", one_line(role), one_line(who))),
                source,
            )
        }
        // A link copies what it points at, as the list would.
        Block::Link { target, .. } => {
            let item = index.get(target)?;
            item_reference(index, item, lang)
        }
        Block::Table { columns, rows } => {
            let (label, cells) = rows.get(part)?;
            let cells: Vec<String> = columns
                .iter()
                .zip(cells)
                .map(|(c, v)| format!("{}: {}", one_line(c), one_line(v)))
                .collect();
            with_citation(
                about(format!("{}: {}", one_line(label), cells.join("; "))),
                &cited,
            )
        }
        // A source entry is a citation (or a document's reference) already.
        Block::Sources { cited, documents } => {
            one_line(cited.iter().chain(documents).nth(part)?).into_owned()
        }
    })
}

/// A case's row of the role matrix: its type, each role's rating with the weakest
/// marked, the roles to reinforce in words, and the sources of the ratings.
pub fn matrix_case(index: &Index, case: &MatrixCase, lang: Lang) -> String {
    let item = index.item(case.item);
    let cluster_type = item.case().map_or("", |c| c.cluster_type.as_str());
    let mut ratings = Vec::new();
    let mut weakest = Vec::new();
    for (i, role) in MATRIX_ROLES.iter().enumerate() {
        let head = one_line(&matrix::role_heading(index, role, lang)).into_owned();
        let rating = case.strengths[i]
            .map(|s| report::strength_text(s, lang))
            .unwrap_or_else(|| "—".into());
        let mark = if case.is_weakest(i) {
            weakest.push(head.clone());
            format!(" {WEAKEST_MARK}")
        } else {
            String::new()
        };
        ratings.push(format!("{head} {rating}{mark}"));
    }
    let weakest = if weakest.is_empty() {
        String::new()
    } else {
        format!(
            " ({} {})",
            lang.pick("가장 약한 역할:", "weakest:"),
            weakest.join(", ")
        )
    };
    let rated = item
        .case()
        .into_iter()
        .flat_map(|c| &c.actors)
        .filter(|a| a.strength.is_some())
        .map(|a| &a.source);
    let sources = citations(index, rated, lang);
    with_citation(
        format!(
            "{} ({}): {}{weakest}",
            one_line(item.name.get(lang)),
            one_line(index.name_of(cluster_type, lang)),
            ratings.join(", ")
        ),
        &sources,
    )
}

/// Row `row` of a comparison: its section and label, each case's cell, and the sources
/// of the compared cases.
pub fn compare_row(
    index: &Index,
    comparison: &Comparison,
    row: usize,
    lang: Lang,
) -> Option<String> {
    let r = comparison.rows.get(row)?;
    let cells: Vec<String> = comparison
        .titles
        .iter()
        .zip(&r.cells)
        .map(|(title, cell)| format!("{}: {}", one_line(title), one_line(cell)))
        .collect();
    let cited = citations(index, comparison.sources.iter().map(|s| &s.source), lang);
    let differs = if r.marked() {
        format!(" {}", crate::compare::DIFFERS)
    } else {
        String::new()
    };
    Some(with_citation(
        format!(
            "{} · {}{differs} — {}",
            r.section.title(lang),
            one_line(&r.label),
            cells.join("; ")
        ),
        &cited,
    ))
}
