//! Plain text for a terminal or a pipe: item reports, comparisons, the role matrix, the
//! sources catalog and what cites a document or section, and the `list` and `search` tables. Columns are aligned by display width (Hangul is two
//! columns wide), long text is wrapped or cut, and nothing from the files reaches the
//! terminal unsafe: every text passes through `text::one_line`.
//!
//! Depends on `model`, `text`, `index`, `citation`, `citing`, `report`, `compare`, `matrix`,
//! `render::chart_text`,
//! `collection` (the shape of a search hit) and `render::highlight`.

use std::fmt::Write as _;

use super::highlight;
use crate::collection::ItemHit;
use crate::compare::{CompareSection, Comparison, DIFFERS};
use crate::index::{Index, MATRIX_ROLES};
use crate::matrix::{self, MatrixCase, WEAKEST_MARK};
use crate::model::{Item, Kind, Lang};
use crate::report::{self, Block};
use crate::text::{self, one_line, pad, width};

/// A report as plain text: wrapped at 100 columns, aligned by width.
pub fn report(blocks: &[Block], lang: Lang) -> String {
    const WIDTH: usize = 100;
    let mut out = String::new();
    let wrap_into = |out: &mut String, indent: &str, s: &str| {
        for line in text::wrap(&one_line(s), WIDTH.saturating_sub(width(indent))) {
            let _ = writeln!(out, "{indent}{line}");
        }
    };
    // Actor columns fit the longest role and strength, so no role name or strength
    // word is cut ("Specialized Suppliers", "○ medium").
    let actor_width = |f: fn(&Block, Lang) -> usize| blocks.iter().map(|b| f(b, lang)).max();
    let role_width = actor_width(|b, _| match b {
        Block::Actor { role, .. } => width(&one_line(role)),
        _ => 0,
    })
    .unwrap_or(0);
    let strength_width = actor_width(|b, lang| match b {
        Block::Actor {
            strength: Some(s), ..
        } => width(&report::strength_text(*s, lang)),
        _ => 0,
    })
    .unwrap_or(0);
    for block in blocks {
        match block {
            Block::Title { name, other, kind } => {
                let _ = writeln!(
                    out,
                    "{}  ({})  [{}]",
                    one_line(name),
                    one_line(other),
                    kind.label(lang)
                );
            }
            Block::Facts(facts) => {
                let label_width = facts.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
                for (label, value) in facts {
                    let _ = writeln!(out, "  {}  {}", pad(label, label_width), one_line(value));
                }
            }
            Block::Heading(h) => {
                let _ = writeln!(out, "\n{}", one_line(h));
            }
            Block::Paragraph(p) => {
                out.push('\n');
                wrap_into(&mut out, "  ", p);
            }
            Block::Bullet { text, source } => {
                wrap_into(&mut out, "  • ", text);
                if let Some(source) = source {
                    let _ = writeln!(out, "      [{}]", one_line(source));
                }
            }
            Block::Sources { cited, documents } => {
                let _ = writeln!(out, "\n{}", lang.pick("출처", "Sources"));
                for c in cited {
                    wrap_into(&mut out, "  • ", c);
                }
                if !documents.is_empty() {
                    let _ = writeln!(out, "\n{}", lang.pick("문헌", "Documents"));
                    for d in documents {
                        wrap_into(&mut out, "  • ", d);
                    }
                }
            }
            Block::Charts(charts) => {
                for chart in charts {
                    out.push('\n');
                    for line in super::chart_text::lines(chart, WIDTH - 2) {
                        let _ = writeln!(out, "  {line}");
                    }
                }
            }
            Block::Figure {
                label,
                value,
                year,
                note,
                source,
            } => {
                let year = year.map(|y| format!(" ({y})")).unwrap_or_default();
                let _ = writeln!(out, "  • {}: {}{year}", one_line(label), one_line(value));
                if let Some(note) = note {
                    wrap_into(&mut out, "      ", note);
                }
                let _ = writeln!(out, "      [{}]", one_line(source));
            }
            Block::Actor {
                role,
                strength,
                who,
                ..
            } => {
                let strength = strength
                    .map(|s| report::strength_text(s, lang))
                    .unwrap_or_default();
                let strength = if strength_width == 0 {
                    String::new()
                } else {
                    format!("{}  ", pad(&strength, strength_width))
                };
                let line = format!(
                    "  • {}  {strength}{}",
                    pad(&one_line(role), role_width),
                    one_line(who)
                );
                let _ = writeln!(out, "{}", line.trim_end());
            }
            Block::Link {
                target,
                label,
                kind,
                note,
            } => {
                let note = note
                    .as_ref()
                    .map(|n| format!(" — {}", one_line(n)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  → {} [{}: {}]{note}",
                    one_line(label),
                    kind.label(lang),
                    target
                );
            }
            Block::Table { columns, rows } => {
                let label_width = rows
                    .iter()
                    .map(|(l, _)| width(l))
                    .max()
                    .unwrap_or(0)
                    .min(24);
                // The header is a row without a label.
                let row = |out: &mut String, label: &str, cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| pad(&one_line(c), 30)).collect();
                    let _ = writeln!(
                        out,
                        "  {}  {}",
                        pad(&one_line(label), label_width),
                        cells.join("  ").trim_end()
                    );
                };
                row(&mut out, "", columns);
                for (label, cells) in rows {
                    row(&mut out, label, cells);
                }
            }
        }
    }
    out
}

/// A comparison as aligned plain text: one block per section, cells wrapped to their
/// column, rows where the cases differ marked `≠` in the first column.
pub fn comparison(c: &Comparison, lang: Lang) -> String {
    const TOTAL: usize = 120;
    let n = c.cases.len().max(1);
    let label_width = c
        .rows
        .iter()
        .map(|r| width(&one_line(&r.label)))
        .max()
        .unwrap_or(0)
        .clamp(8, 24);
    let widest_cell = c
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .chain(c.titles.iter())
        .map(|s| width(&one_line(s)))
        .max()
        .unwrap_or(0);
    let room = TOTAL.saturating_sub(2 + label_width + 2 * n) / n;
    let cell_width = widest_cell.min(room).max(12);
    let mut out = String::new();
    let block = |out: &mut String, mark: &str, label: &str, cells: &[String]| {
        let label_lines = text::wrap(&one_line(label), label_width);
        let cell_lines: Vec<Vec<String>> = cells
            .iter()
            .map(|s| text::wrap(&one_line(s), cell_width))
            .collect();
        let height = cell_lines
            .iter()
            .map(Vec::len)
            .chain([label_lines.len()])
            .max()
            .unwrap_or(1)
            .max(1);
        for line in 0..height {
            let mark = if line == 0 { mark } else { "" };
            let label = label_lines.get(line).map_or("", String::as_str);
            let cells: Vec<String> = cell_lines
                .iter()
                .map(|l| pad(l.get(line).map_or("", String::as_str), cell_width))
                .collect();
            let row = format!(
                "{}{}  {}",
                pad(mark, 2),
                pad(label, label_width),
                cells.join("  ")
            );
            let _ = writeln!(out, "{}", row.trim_end());
        }
    };
    let _ = writeln!(
        out,
        "{} ({} {DIFFERS}; {})",
        lang.pick("사례 비교", "Comparison"),
        lang.pick("사례마다 다른 행", "rows where the cases differ"),
        lang.pick(
            "역할은 강도 기준, 수치는 같은 잣대끼리만",
            "roles by strength; figures only where they measure the same thing"
        ),
    );
    for section in CompareSection::ALL {
        let rows: Vec<_> = c.rows_in(section).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", section.title(lang));
        block(&mut out, "", "", &c.titles);
        for r in rows {
            block(
                &mut out,
                if r.marked() { DIFFERS } else { "" },
                &r.label,
                &r.cells,
            );
        }
    }
    if !c.charts.is_empty() {
        let _ = writeln!(out, "\n{}", lang.pick("차트", "Charts"));
        for chart in &c.charts {
            out.push('\n');
            for line in super::chart_text::lines(chart, TOTAL) {
                let _ = writeln!(out, "{line}");
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        lang.pick(
            "출처는 --markdown 또는 casebook show ID",
            "Sources: --markdown, or casebook show ID"
        )
    );
    out
}

/// The role matrix as a table: one row per rated case with its type, every role tied for
/// the case's weakest marked [`WEAKEST_MARK`], and the legend.
pub fn matrix(index: &Index, lang: Lang) -> String {
    let rows: Vec<(&Item, &str, MatrixCase)> = matrix::cases(index)
        .into_iter()
        .map(|case| {
            let item = index.item(case.item);
            let cluster_type = item.case().map_or("", |c| c.cluster_type.as_str());
            (item, cluster_type, case)
        })
        .collect();
    let name_width = rows
        .iter()
        .map(|(item, _, _)| width(&one_line(item.name.get(lang))))
        .max()
        .unwrap_or(0)
        .min(30);
    let type_width = rows
        .iter()
        .map(|(_, t, _)| width(&one_line(index.name_of(t, lang))))
        .max()
        .unwrap_or(0)
        .min(24);
    let cell = 10;
    let heads: Vec<String> = MATRIX_ROLES
        .iter()
        .map(|role| pad(&matrix::role_heading(index, role, lang), cell))
        .collect();
    let mut out = format!(
        "{}  {}  {}\n",
        pad(lang.pick("사례", "Case"), name_width),
        pad(lang.pick("유형", "Type"), type_width),
        heads.join("  ").trim_end()
    );
    for (item, cluster_type, case) in &rows {
        let cells: Vec<String> = case
            .strengths
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut c = s
                    .map(|s| report::strength_text(s, lang))
                    .unwrap_or_else(|| "-".into());
                if case.is_weakest(i) {
                    c.push(' ');
                    c.push_str(WEAKEST_MARK);
                }
                pad(&c, cell)
            })
            .collect();
        let _ = writeln!(
            out,
            "{}  {}  {}",
            pad(&one_line(item.name.get(lang)), name_width),
            pad(&one_line(index.name_of(cluster_type, lang)), type_width),
            cells.join("  ").trim_end()
        );
    }
    let _ = writeln!(out, "\n{}", matrix::legend(lang));
    out
}

/// Items one per line: kind, id and name, and for a case its country, type and status.
pub fn list(index: &Index, items: &[&Item], lang: Lang) -> String {
    let id_width = items.iter().map(|i| width(&i.id)).max().unwrap_or(0);
    let name_width = items
        .iter()
        .map(|i| width(&one_line(i.name.get(lang))))
        .max()
        .unwrap_or(0)
        .min(36);
    let mut out = String::new();
    for item in items {
        let kind = pad(item.kind.label(lang), 8);
        let mut line = format!(
            "{kind}  {}  {}",
            pad(&item.id, id_width),
            pad(&one_line(item.name.get(lang)), name_width)
        );
        if let Some(case) = item.case() {
            let _ = write!(
                line,
                "  {}  {}  {}",
                pad(&one_line(case.country.get(lang)), 14),
                pad(&one_line(index.name_of(&case.cluster_type, lang)), 22),
                case.status.label(lang)
            );
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Search hits one per line: kind, id, name, and the matched field with its matched
/// characters in bold-underline (`ansi`, for a terminal) or between `[` `]` (a pipe).
pub fn hits(index: &Index, hits: &[ItemHit], ansi: bool, lang: Lang) -> String {
    let name_width = hits
        .iter()
        .map(|hit| width(&one_line(index.item(hit.item).name.get(lang))))
        .max()
        .unwrap_or(0)
        .min(30);
    let mut out = String::new();
    for hit in hits {
        let item = index.item(hit.item);
        let _ = writeln!(
            out,
            "{}  {}  {}  {}: {}",
            pad(item.kind.label(lang), 8),
            pad(&item.id, 26),
            pad(&one_line(item.name.get(lang)), name_width),
            hit.field.as_str(),
            marked(&hit.text, &hit.indices, ansi, 80)
        );
    }
    out
}

/// `text` cut to `room` columns around its first match, matched characters marked.
fn marked(text: &str, indices: &[usize], ansi: bool, room: usize) -> String {
    let (open, close) = if ansi {
        ("\x1b[1;4m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut out = String::new();
    for run in highlight::runs(text, indices, room) {
        if run.marked {
            let _ = write!(out, "{open}{}{close}", run.text);
        } else {
            out.push_str(&run.text);
        }
    }
    out
}

/// The sources catalog (`casebook sources`): each document with its id, full reference,
/// how it is cited, its date and the evidence for it, and its sections (id, numbering,
/// heading, pages) — the ids a `source:` is written with.
pub fn sources(index: &Index, lang: Lang) -> String {
    let mut out = String::new();
    for &i in index.of_kind(Kind::Source) {
        let item = index.item(i);
        let Some(doc) = item.source_document() else {
            continue;
        };
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}  {}  [{}]",
            one_line(&item.id),
            one_line(item.name.get(lang)),
            doc.document.label(lang)
        );
        let indent = "  ";
        let wrap_into = |out: &mut String, s: &str| {
            for line in text::wrap(&one_line(s), 100 - width(indent)) {
                let _ = writeln!(out, "{indent}{line}");
            }
        };
        wrap_into(&mut out, &crate::citation::reference(doc, lang));
        wrap_into(
            &mut out,
            &format!(
                "{}: {}",
                lang.pick("인용", "Cited as"),
                crate::citation::short_reference(item, doc, lang)
            ),
        );
        wrap_into(
            &mut out,
            &format!(
                "{}: {} — {}",
                lang.pick("날짜", "Date"),
                doc.date.label.get(lang),
                doc.date.evidence.get(lang)
            ),
        );
        wrap_into(&mut out, doc.title_note.get(lang));
        if let Some(note) = &doc.pages_note {
            wrap_into(&mut out, note.get(lang));
        }
        let _ = writeln!(out, "{indent}{}:", lang.pick("절", "Sections"));
        let id_w = doc
            .sections
            .iter()
            .map(|s| width(&one_line(&s.id)))
            .max()
            .unwrap_or(0);
        let label_w = doc
            .sections
            .iter()
            .map(|s| width(&one_line(s.label.get(lang))))
            .max()
            .unwrap_or(0);
        for section in &doc.sections {
            let place = crate::citation::locator(doc.document, section, None, lang)
                .map(|p| format!("  ({p})"))
                .unwrap_or_default();
            let line = format!(
                "{indent}  {}  {}  {}{place}",
                pad(&one_line(&section.id), id_w),
                pad(&one_line(section.label.get(lang)), label_w),
                one_line(section.heading.get(lang))
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    if out.is_empty() {
        out.push_str(lang.pick(
            "이 모음에는 문헌이 없습니다 (catalog: source).\n",
            "This collection has no source documents (catalog: source).\n",
        ));
    }
    out
}

/// A document's sections, each with how many citations name it and from how many items
/// (`casebook sources DOC`): a table of id, count, items, numbering and heading, pages.
pub fn document_citations(index: &Index, position: usize, lang: Lang) -> String {
    let item = index.item(position);
    let (Some(doc), Some(cited)) = (
        item.source_document(),
        index.source_citations().document(position),
    ) else {
        return String::new();
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}",
        one_line(&item.id),
        one_line(item.name.get(lang))
    );
    let _ = writeln!(
        out,
        "{}",
        match lang {
            Lang::Ko => format!("인용 {}건 · 항목 {}개", cited.count(), cited.citing_items()),
            Lang::En => format!(
                "{} citations from {} items",
                cited.count(),
                cited.citing_items()
            ),
        }
    );
    out.push('\n');
    let id_width = doc
        .sections
        .iter()
        .map(|s| width(&one_line(&s.id)))
        .max()
        .unwrap_or(0);
    let (cites, items) = (lang.pick("인용", "cited"), lang.pick("항목", "items"));
    let right = |s: &str| format!("{}{s}", " ".repeat(5usize.saturating_sub(width(s))));
    let _ = writeln!(
        out,
        "{}  {}  {}  {}",
        pad(lang.pick("절", "section"), id_width),
        right(cites),
        right(items),
        lang.pick("번호 · 제목 · 쪽", "numbering · heading · pages")
    );
    for s in &cited.sections {
        let Some(printed) = doc.sections.get(s.section) else {
            continue;
        };
        let pages = crate::citing::pages(doc, printed, lang)
            .map(|p| format!(" — {p}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}  {:>5}  {:>5}  {} {}{}",
            pad(&one_line(&printed.id), id_width),
            s.count(),
            s.items.len(),
            one_line(printed.label.get(lang)),
            one_line(crate::citation::heading(printed, lang)),
            one_line(&pages)
        );
    }
    out
}

/// One section and everything citing it (`casebook sources DOC SECTION`): the heading,
/// how it is cited, then by kind each citing item (id and name) and under it each fact
/// that cites the section, with the page.
pub fn section_report(report: &crate::citing::SectionReport, lang: Lang) -> String {
    const WIDTH: usize = 100;
    let mut out = String::new();
    let wrap_into = |out: &mut String, indent: &str, s: &str| {
        let rest = " ".repeat(width(indent));
        for (i, line) in text::wrap(&one_line(s), WIDTH.saturating_sub(width(indent)))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { indent } else { rest.as_str() };
            let _ = writeln!(out, "{lead}{line}");
        }
    };
    let pages = report
        .pages
        .as_ref()
        .map(|p| format!(" — {p}"))
        .unwrap_or_default();
    wrap_into(
        &mut out,
        "",
        &format!("{} {}{pages}", report.label, report.heading),
    );
    wrap_into(
        &mut out,
        "",
        &format!("{} · {} § {}", report.document, report.doc, report.section),
    );
    wrap_into(
        &mut out,
        "",
        &format!(
            "{}: {}",
            lang.pick("인용 표기", "Cited as"),
            report.citation
        ),
    );
    wrap_into(
        &mut out,
        "",
        &match lang {
            Lang::Ko => format!("인용 {}건 · 항목 {}개", report.count, report.items),
            Lang::En => format!("{} citations from {} items", report.count, report.items),
        },
    );
    if report.groups.is_empty() {
        out.push('\n');
        wrap_into(
            &mut out,
            "",
            lang.pick(
                "이 절을 인용하는 항목이 없습니다.",
                "Nothing in the collection cites this section.",
            ),
        );
    }
    for group in &report.groups {
        out.push('\n');
        wrap_into(
            &mut out,
            "",
            &format!("{} ({})", group.label, group.items.len()),
        );
        for entry in &group.items {
            wrap_into(&mut out, "  ", &format!("{}  {}", entry.id, entry.name));
            for fact in &entry.facts {
                wrap_into(&mut out, "    • ", &crate::citing::fact_text(fact));
            }
        }
    }
    out
}
