//! Markdown for pasting into notes and documents: item reports, comparisons, the role
//! matrix and what cites a source section, each with every source kept. Sources are numbered references: a fact
//! ends in `[3]`, and a "Sources" list at the end gives each citation once, in order of
//! first use, followed by the full reference of every document cited, so a copied item
//! reads as a document with a reference list. Text from the files is escaped with
//! `text::markdown_escape`, so a `|` or `*` in a case never breaks a table or a list.
//!
//! Charts are their text bars (`render::chart_text`) in a code block.
//!
//! Depends on `model`, `text`, `index`, `report`, `citing`, `compare`, `chart`, `matrix`
//! and `render::chart_text`.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::compare::{CompareRow, CompareSection, Comparison, DIFFERS};
use crate::index::{Index, MATRIX_ROLES};
use crate::matrix::{self, WEAKEST_MARK};
use crate::model::Lang;
use crate::report::{self, Block};
use crate::text::one_line;

fn md(s: &str) -> String {
    crate::text::markdown_escape(s)
}

/// Citations numbered in order of first use; the same citation keeps its number.
#[derive(Default)]
struct References {
    cited: Vec<String>,
    numbers: HashMap<String, usize>,
}

impl References {
    /// ` [n]` for `citation`, numbering it if it is new.
    fn mark(&mut self, citation: &str) -> String {
        format!(" [{}]", self.number(citation))
    }

    fn number(&mut self, citation: &str) -> usize {
        if let Some(&n) = self.numbers.get(citation) {
            return n;
        }
        self.cited.push(citation.to_string());
        self.numbers.insert(citation.to_string(), self.cited.len());
        self.cited.len()
    }
}

/// The reference list: "## Sources", each citation as `n. …` (with a note such as the
/// cases citing it), then "### Documents" with each document's full reference.
fn reference_list(out: &mut String, lang: Lang, cited: &[(String, String)], documents: &[String]) {
    if cited.is_empty() && documents.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", lang.pick("출처", "Sources"));
    for (i, (citation, note)) in cited.iter().enumerate() {
        let _ = writeln!(out, "{}. {}{note}", i + 1, md(citation));
    }
    if !documents.is_empty() {
        let _ = writeln!(out, "\n### {}\n", lang.pick("문헌", "Documents"));
        for d in documents {
            let _ = writeln!(out, "- {}", md(d));
        }
    }
    out.push('\n');
}

/// A report as Markdown: every fact with its numbered reference, the reference list at
/// the end.
pub fn report(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    let mut refs = References::default();
    let mut documents: Vec<String> = Vec::new();
    let mut in_list = false;
    for block in blocks {
        let is_list = matches!(
            block,
            Block::Bullet { .. } | Block::Figure { .. } | Block::Actor { .. } | Block::Link { .. }
        );
        if in_list && !is_list {
            out.push('\n');
        }
        in_list = is_list;
        match block {
            Block::Title { name, other, kind } => {
                let _ = writeln!(
                    out,
                    "# {} ({})\n\n*{}*\n",
                    md(name),
                    md(other),
                    kind.label(lang)
                );
            }
            Block::Facts(facts) => {
                for (label, value) in facts {
                    let _ = writeln!(out, "- **{}**: {}", md(label), md(value));
                }
                out.push('\n');
            }
            Block::Heading(h) => {
                let _ = writeln!(out, "## {}\n", md(h));
            }
            Block::Paragraph(p) => {
                let _ = writeln!(out, "{}\n", md(p));
            }
            Block::Bullet { text, source } => match source {
                Some(source) => {
                    let _ = writeln!(out, "- {}{}", md(text), refs.mark(source));
                }
                None => {
                    let _ = writeln!(out, "- {}", md(text));
                }
            },
            Block::Sources {
                cited,
                documents: docs,
            } => {
                // The item's own `sources` join the numbered list; nothing is printed here.
                for c in cited {
                    refs.number(c);
                }
                documents.clone_from(docs);
            }
            Block::Figure {
                label,
                value,
                year,
                note,
                source,
            } => {
                let year = year.map(|y| format!(" ({y})")).unwrap_or_default();
                let note = note
                    .as_ref()
                    .map(|n| format!(" ({})", md(n)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- {}: **{}**{year}{note}{}",
                    md(label),
                    md(value),
                    refs.mark(source)
                );
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
                let _ = writeln!(
                    out,
                    "- **{}**{strength}: {}{}",
                    md(role),
                    md(who),
                    refs.mark(source)
                );
            }
            // A link reads as the linked item's name: ids are the files' business, and a
            // copy pasted into minutes must not carry them.
            Block::Link { label, note, .. } => {
                let note = note
                    .as_ref()
                    .map(|n| format!(" — {}", md(n)))
                    .unwrap_or_default();
                let _ = writeln!(out, "- {}{note}", md(label));
            }
            Block::Charts(charts) => {
                for chart in charts {
                    chart_markdown(&mut out, chart, lang, Some(&mut refs));
                }
            }
            Block::Table { columns, rows } => {
                let header: Vec<String> = columns.iter().map(|c| md(c)).collect();
                let _ = writeln!(out, "| | {} |", header.join(" | "));
                let _ = writeln!(out, "|---|{}", "---|".repeat(columns.len()));
                for (label, cells) in rows {
                    let cells: Vec<String> = cells.iter().map(|c| md(c)).collect();
                    let _ = writeln!(out, "| {} | {} |", md(label), cells.join(" | "));
                }
                out.push('\n');
            }
        }
    }
    if in_list {
        out.push('\n');
    }
    let cited: Vec<(String, String)> = refs.cited.into_iter().map(|c| (c, String::new())).collect();
    reference_list(&mut out, lang, &cited, &documents);
    out.trim_end().to_string() + "\n"
}

/// Charts on their own, as the chart view copies them: a heading naming what they are
/// of, each chart, and the reference list.
pub fn charts(of: &str, charts: &[crate::chart::Chart], lang: Lang) -> String {
    let mut out = String::new();
    let mut refs = References::default();
    let _ = writeln!(out, "# {} — {}\n", md(of), lang.pick("차트", "Charts"));
    for chart in charts {
        chart_markdown(&mut out, chart, lang, Some(&mut refs));
    }
    let cited: Vec<(String, String)> = refs.cited.into_iter().map(|c| (c, String::new())).collect();
    reference_list(&mut out, lang, &cited, &[]);
    out.trim_end().to_string() + "\n"
}

/// A chart as Markdown: its title in bold, the text bars in a code block (so they stay
/// aligned), then the note and the numbered reference of each of its sources.
///
/// With `refs`, each source is a numbered reference; without (a comparison, whose
/// reference list is by case), the citation is written out.
fn chart_markdown(
    out: &mut String,
    chart: &crate::chart::Chart,
    lang: Lang,
    refs: Option<&mut References>,
) {
    let _ = writeln!(out, "**{}**\n", md(&chart.title));
    let bars = super::chart_text::bar_lines(chart, 72);
    // A fence longer than any run of backticks in the bars, so no label can close it.
    let longest_run = bars
        .iter()
        .flat_map(|l| l.split(|c| c != '`'))
        .map(str::len)
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    let _ = writeln!(out, "{fence}text");
    for line in &bars {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{fence}\n");
    if let Some(note) = &chart.note {
        let _ = writeln!(out, "※ {}\n", md(note));
    }
    let label = lang.pick("출처", "Source");
    match refs {
        Some(refs) => {
            let marks: String = chart.sources.iter().map(|s| refs.mark(s)).collect();
            let _ = writeln!(out, "{label}:{marks}\n");
        }
        None => {
            let cited: Vec<String> = chart.sources.iter().map(|s| md(s)).collect();
            let _ = writeln!(out, "{label}: {}\n", cited.join("; "));
        }
    }
}

/// The comparison as Markdown: a table per section, differing rows (see
/// [`CompareRow::marked`]) with a bold label and a trailing `≠`, and the sources of every
/// case at the end as a numbered list, each once, with the cases citing it, then the
/// documents' full references.
pub fn comparison(c: &Comparison, lang: Lang) -> String {
    let mut out = String::new();
    let titles: Vec<String> = c.titles.iter().map(|t| md(t)).collect();
    let _ = writeln!(
        out,
        "# {}: {}\n",
        lang.pick("사례 비교", "Comparison"),
        titles.join(" · ")
    );
    let _ = writeln!(
        out,
        "*{}*\n",
        lang.pick(
            "≠ 표시: 사례마다 다른 행 (역할은 강도 기준, 수치는 같은 잣대로 잰 것끼리만 나란히 두고 나머지는 사례별로 적음). ◎ 강 ○ 중 △ 약.",
            "≠ marks rows where the cases differ (roles: by strength; figures side by side only where they measure the same thing, the rest listed per case). ◎ strong ○ medium △ weak."
        )
    );
    for section in CompareSection::ALL {
        let rows: Vec<&CompareRow> = c.rows_in(section).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {}\n", section.title(lang));
        let _ = writeln!(out, "| | {} |", titles.join(" | "));
        let _ = writeln!(out, "|---|{}", "---|".repeat(titles.len()));
        for r in rows {
            let label = if r.marked() {
                format!("**{}** {DIFFERS}", md(&r.label))
            } else {
                md(&r.label)
            };
            let cells: Vec<String> = r.cells.iter().map(|s| md(s)).collect();
            let _ = writeln!(out, "| {label} | {} |", cells.join(" | "));
        }
        out.push('\n');
    }
    if !c.charts.is_empty() {
        let _ = writeln!(out, "## {}\n", lang.pick("차트", "Charts"));
        for chart in &c.charts {
            chart_markdown(&mut out, chart, lang, None);
        }
    }
    // Two sections can read the same as citations (same numbering and page): one entry.
    let mut cited: Vec<(String, Vec<usize>)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for s in &c.sources {
        match at.get(s.citation.as_str()).map(|&i| &mut cited[i]) {
            Some((_, cases)) => {
                for i in &s.cases {
                    if !cases.contains(i) {
                        cases.push(*i);
                    }
                }
            }
            None => {
                at.insert(&s.citation, cited.len());
                cited.push((s.citation.clone(), s.cases.clone()));
            }
        }
    }
    let cited: Vec<(String, String)> = cited
        .into_iter()
        .map(|(citation, mut cases)| {
            cases.sort_unstable();
            let who: Vec<String> = cases
                .iter()
                .filter_map(|&i| c.titles.get(i))
                .map(|t| md(t))
                .collect();
            (citation, format!(" — {}", who.join(", ")))
        })
        .collect();
    reference_list(&mut out, lang, &cited, &c.documents);
    out.trim_end().to_string() + "\n"
}

/// The role matrix as a Markdown table, every role tied for a case's weakest in bold and marked
/// [`WEAKEST_MARK`], with the legend and the sources of the ratings.
pub fn matrix(index: &Index, lang: Lang) -> String {
    let heads: Vec<String> = MATRIX_ROLES
        .iter()
        .map(|role| md(&matrix::role_heading(index, role, lang)))
        .collect();
    let mut out = format!(
        "| {} | {} | {} |\n|---|---|---|---|---|\n",
        lang.pick("사례", "Case"),
        lang.pick("유형", "Type"),
        heads.join(" | ")
    );
    for case in matrix::cases(index) {
        let item = index.item(case.item);
        let cluster_type = item.case().map_or("", |c| c.cluster_type.as_str());
        let cells: Vec<String> = case
            .strengths
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let cell = s
                    .map(|s| report::strength_text(s, lang))
                    .unwrap_or_else(|| "—".into());
                if case.is_weakest(i) {
                    format!("**{cell}** {WEAKEST_MARK}")
                } else {
                    cell
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            one_line(item.name.get(lang)),
            one_line(index.name_of(cluster_type, lang)),
            cells.join(" | ")
        );
    }
    let _ = write!(
        out,
        "\n{}\n\n{}\n",
        matrix::legend(lang),
        lang.pick("출처:", "Sources:")
    );
    // The sources of the ratings themselves, as the case files record them.
    let sources = report::first_of_each(index.matrix().iter().flat_map(|row| {
        row.case
            .actors
            .iter()
            .filter(|a| a.strength.is_some())
            .map(|a| index.cite(&a.source, lang))
    }));
    for source in sources {
        let _ = writeln!(out, "- {}", one_line(&source));
    }
    out
}

/// One source section and everything citing it (`y` on a section of the explorer's
/// Sources pane): the heading, how it is cited, then by kind each citing item with the
/// facts that cite the section and their pages.
pub fn section_report(report: &crate::citing::SectionReport, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {} {}\n",
        md(&one_line(&report.label)),
        md(&one_line(&report.heading))
    );
    let _ = writeln!(out, "{}\n", md(&one_line(&report.document)));
    if let Some(pages) = &report.pages {
        let _ = writeln!(
            out,
            "- {}: {}",
            lang.pick("쪽", "Pages"),
            md(&one_line(pages))
        );
    }
    let _ = writeln!(
        out,
        "- {}: {}",
        lang.pick("인용 표기", "Cited as"),
        md(&one_line(&report.citation))
    );
    let _ = writeln!(
        out,
        "- {}",
        match lang {
            Lang::Ko => format!("인용 {}건 · 항목 {}개", report.count, report.items),
            Lang::En => format!("{} citations from {} items", report.count, report.items),
        }
    );
    for group in &report.groups {
        let _ = writeln!(out, "\n### {} ({})\n", md(&group.label), group.items.len());
        for entry in &group.items {
            let _ = writeln!(
                out,
                "- **{}** (`{}`)",
                md(&one_line(&entry.name)),
                md(&entry.id)
            );
            for fact in &entry.facts {
                let _ = writeln!(
                    out,
                    "  - {}",
                    md(&one_line(&crate::citing::fact_text(fact)))
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_marks_the_weakest_role_like_every_other_output() {
        let index = crate::collection::open_index(None).expect("built-in cases");
        let md = matrix(&index, Lang::Ko);
        assert!(md.starts_with("| 사례 | 유형 | VP | SO | SS |\n"), "{md}");
        let ulsan = md
            .lines()
            .find(|l| l.starts_with("| 울산"))
            .expect("an Ulsan row");
        assert!(
            ulsan.contains(&format!("**△ 약** {WEAKEST_MARK}")),
            "{ulsan}"
        );
        assert!(md.contains(matrix::legend(Lang::Ko)), "{md}");
    }
}
