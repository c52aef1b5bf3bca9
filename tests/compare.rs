//! `compare`: the comparison of two to four cases (library and `casebook compare`).

mod common;
use common::casebook_command;

use assert_cmd::Command;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use casebook::compare::{self, CompareError, CompareSection};
use casebook::index::Index;
use casebook::load;
use casebook::model::{Lang, Measure};

fn index() -> Index {
    Index::build(load::load_shipped())
}

fn casebook(dir: &tempfile::TempDir) -> Command {
    let mut cmd = casebook_command();
    // No settings file from the machine running the tests.
    cmd.env("CASEBOOK_CONFIG", dir.path().join("none.toml"));
    cmd
}

fn run(args: &[&str]) -> (String, String, i32) {
    let dir = tempfile::tempdir().unwrap();
    let out = casebook(&dir).args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn rows_are_aligned_per_section_in_order() {
    let index = index();
    let c = compare::compare(&index, &["san-diego", "daedeok", "icheon"], Lang::En).unwrap();
    assert_eq!(c.cases, ["san-diego", "daedeok", "icheon"]);
    assert_eq!(c.titles.len(), 3);
    assert!(c.titles[0].contains("San Diego"), "{:?}", c.titles);
    for row in &c.rows {
        assert_eq!(row.cells.len(), 3, "{row:?}");
    }
    // Sections come in display order, each as one run of rows.
    let order: Vec<CompareSection> = c.rows.iter().map(|r| r.section).collect();
    let mut runs = order.clone();
    runs.dedup();
    assert_eq!(runs, CompareSection::ALL.to_vec());
    assert_eq!(c.rows_in(CompareSection::Facts).count(), 5);
    assert_eq!(c.rows_in(CompareSection::Roles).count(), 3);
}

#[test]
fn roles_show_symbol_word_and_who_and_differ_by_strength() {
    let index = index();
    // The report's reading: San Diego ◎○○, Daedeok ◎△○ (VP/SO/SS).
    let c = compare::compare(&index, &["san-diego", "daedeok"], Lang::En).unwrap();
    let roles: Vec<_> = c.rows_in(CompareSection::Roles).collect();
    assert!(
        roles[0].cells[0].starts_with("◎ strong — "),
        "{:?}",
        roles[0]
    );
    assert!(roles[0].cells[0].contains("UCSD"), "{:?}", roles[0]);
    assert!(roles[1].cells[1].starts_with("△ weak"), "{:?}", roles[1]);
    assert_eq!(
        roles.iter().map(|r| r.differs).collect::<Vec<_>>(),
        [false, true, false]
    );
    let ko = compare::compare(&index, &["san-diego", "daedeok"], Lang::Ko).unwrap();
    let ko_roles: Vec<_> = ko.rows_in(CompareSection::Roles).collect();
    assert!(
        ko_roles[0].cells[0].starts_with("◎ 강"),
        "{:?}",
        ko_roles[0]
    );
}

#[test]
fn facts_differ_only_where_the_cases_differ() {
    let index = index();
    let c = compare::compare(&index, &["san-diego", "daedeok"], Lang::En).unwrap();
    let facts: Vec<_> = c.rows_in(CompareSection::Facts).collect();
    assert_eq!(facts[0].label, "Type");
    assert_eq!(facts[0].cells[0], facts[0].cells[1], "both university-led");
    assert!(!facts[0].differs);
    assert!(facts[1].differs, "different countries: {:?}", facts[1]);
    // The same case twice would differ nowhere: it is refused instead.
    assert_eq!(
        compare::compare(&index, &["ulsan", "daedeok", "ulsan"], Lang::En).unwrap_err(),
        CompareError::Repeated("ulsan".into())
    );
}

#[test]
fn figures_line_up_only_where_they_measure_the_same_thing() {
    let index = index();
    let c = compare::compare(&index, &["ulsan", "icheon", "brenta"], Lang::En).unwrap();
    let aligned: Vec<_> = c.rows_in(CompareSection::Figures).collect();
    // Ulsan and Icheon both give a share of their industry's national output; Brenta
    // gives none, and no other measure is shared by two of the three.
    assert_eq!(aligned.len(), 1, "{aligned:?}");
    assert_eq!(aligned[0].label, "Share of the national industry");
    assert_eq!(aligned[0].cells, ["26.9% (2000)", "60% (2002)", "—"]);
    assert!(aligned[0].marked());
    // Every other figure is listed under its own case, once, with its label, and the
    // lists are never marked as differing.
    let own: Vec<_> = c.rows_in(CompareSection::CaseFigures).collect();
    for (column, id) in ["ulsan", "icheon", "brenta"].iter().enumerate() {
        let figures = &index.get(id).unwrap().case().unwrap().figures;
        let listed: Vec<&String> = own
            .iter()
            .map(|r| &r.cells[column])
            .filter(|cell| !cell.is_empty())
            .collect();
        let aligned_here = figures
            .iter()
            .filter(|f| f.measure == Some(Measure::NationalShare))
            .count();
        assert_eq!(
            listed.len(),
            figures.len() - aligned_here,
            "{id}: {listed:?}"
        );
        assert!(listed.iter().all(|cell| cell.contains(" — ")), "{listed:?}");
    }
    assert!(own.iter().all(|r| r.label.is_empty() && !r.marked()));
    // A year is given in brackets.
    assert!(own.iter().any(|r| r.cells[1].contains("(2002)")), "{own:?}");
    let md = casebook::render::markdown::comparison(&c, Lang::En);
    assert!(
        md.contains("## Figures that measure the same thing"),
        "{md}"
    );
    assert!(
        md.contains("| **Share of the national industry** ≠ | 26.9% (2000) | 60% (2002) | — |"),
        "{md}"
    );
    // Two cases with no measure in common: no aligned row at all.
    let c = compare::compare(&index, &["brenta", "kista"], Lang::En).unwrap();
    assert_eq!(c.rows_in(CompareSection::Figures).count(), 0);
}

#[test]
fn factors_and_problems_are_the_union_with_marks() {
    let index = index();
    let ids = ["san-diego", "daedeok", "toyota-city", "ulsan"];
    let c = compare::compare(&index, &ids, Lang::En).unwrap();
    for (section, field) in [
        (CompareSection::Factors, "factors"),
        (CompareSection::Problems, "problems"),
    ] {
        let rows: Vec<_> = c.rows_in(section).collect();
        let mut union: Vec<&str> = Vec::new();
        for id in ids {
            let case = index.get(id).unwrap().case().unwrap();
            let own = if field == "factors" {
                &case.factors
            } else {
                &case.problems
            };
            for f in own {
                if !union.contains(&f.as_str()) {
                    union.push(f);
                }
            }
        }
        assert_eq!(rows.len(), union.len(), "{field}");
        for row in rows {
            assert!(row.cells.iter().all(|c| c == "●" || c == "—"), "{row:?}");
            assert!(row.cells.iter().any(|c| c == "●"), "{row:?}");
            assert_eq!(row.differs, row.cells.iter().any(|c| c == "—"));
        }
    }
}

#[test]
fn errors_name_the_problem() {
    let index = index();
    assert_eq!(
        compare::compare(&index, &["san-diego"], Lang::En).unwrap_err(),
        CompareError::Count(1)
    );
    assert_eq!(
        compare::compare(&index, &["a", "b", "c", "d", "e"], Lang::En).unwrap_err(),
        CompareError::Count(5)
    );
    assert_eq!(
        compare::compare(&index, &["san-diego", "nowhere"], Lang::En).unwrap_err(),
        CompareError::UnknownId("nowhere".into())
    );
    assert_eq!(
        compare::compare(&index, &["san-diego", "university-led"], Lang::En).unwrap_err(),
        CompareError::NotACase("university-led".into())
    );
}

#[test]
fn markdown_has_a_table_per_section_marks_and_sources() {
    let index = index();
    let c = compare::compare(&index, &["san-diego", "daedeok"], Lang::En).unwrap();
    let md = casebook::render::markdown::comparison(&c, Lang::En);
    for heading in [
        "## Facts",
        "## Actor roles",
        "## Each case's figures",
        "## Success factors",
        "## Policy problems",
        "## Sources",
    ] {
        assert!(md.contains(heading), "{heading} missing:\n{md}");
    }
    // Every table row has the label and one cell per case: no `|` inside a cell splits it.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let unescaped = line.replace("\\|", "");
        assert_eq!(unescaped.matches('|').count(), 4, "{line}");
    }
    // Differing rows are marked in text, not colour.
    assert!(md.contains("| **Country · region** ≠ |"), "{md}");
    assert!(md.contains("| Type |"), "{md}");
    // Each case's own figures are a list under it, with no label and no mark.
    assert!(md.contains("|  | 40% — "), "{md}");
    assert!(!md.contains("Figure 1"), "{md}");
    // Sources: a numbered list of citations, each once, with the cases citing it, then
    // the documents' full references; never a file name.
    let tail = md.split("## Sources").nth(1).unwrap();
    let (numbered, documents) = tail.split_once("### Documents").unwrap();
    let sources: Vec<&str> = numbered
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert!(!sources.is_empty());
    for (i, line) in sources.iter().enumerate() {
        assert!(line.starts_with(&format!("{}. ", i + 1)), "{line}");
    }
    let citations: Vec<&str> = sources
        .iter()
        .map(|l| l.split_once(" — ").unwrap().0)
        .collect();
    let mut unique = citations.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), citations.len(), "duplicated sources");
    assert!(
        sources
            .iter()
            .any(|l| l.contains("Bok et al. (2002), SERI, §II-2 ①, p. 8 — Daedeok")),
        "{md}"
    );
    assert!(
        documents.contains("Samsung Economic Research Institute"),
        "{md}"
    );
    assert!(!md.contains(".txt"), "{md}");
    for item in ["san-diego", "daedeok"] {
        for s in &index.get(item).unwrap().sources {
            assert!(
                c.sources.iter().any(|cs| &cs.source == s),
                "{item}: {s:?} missing"
            );
            assert!(
                md.contains(&index.cite(s, Lang::En)),
                "{item}: {s:?} not cited"
            );
        }
    }
}

#[test]
fn json_has_cases_titles_rows_and_sources() {
    let index = index();
    let c = compare::compare(&index, &["ulsan", "toyota-city"], Lang::Ko).unwrap();
    let v = casebook::render::json::comparison(&c);
    assert_eq!(v["cases"], serde_json::json!(["ulsan", "toyota-city"]));
    assert_eq!(v["titles"].as_array().unwrap().len(), 2);
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), c.rows.len());
    assert_eq!(rows[0]["section"], "facts");
    assert!(rows[0]["differs"].is_boolean());
    assert_eq!(rows[0]["cells"].as_array().unwrap().len(), 2);
    assert!(v["sources"][0]["source"]["doc"].is_string());
    assert!(v["sources"][0]["source"]["section"].is_string());
    // `compare --json` adds the citation in both languages to every source.
    let v = casebook::render::json::cited(&index, &v);
    let citation = &v["sources"][0]["source"]["citation"];
    assert!(citation["ko"]
        .as_str()
        .unwrap()
        .starts_with("복득규 외(2002), 삼성경제연구소, "));
    assert!(citation["en"]
        .as_str()
        .unwrap()
        .starts_with("Bok et al. (2002), SERI, §"));
}

#[test]
fn cli_plain_output_is_aligned_and_marks_differences() {
    let (out, err, code) = run(&["compare", "san-diego", "daedeok", "--lang", "ko"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("≠"), "{out}");
    assert!(out.contains("◎ 강"), "{out}");
    for line in out.lines() {
        assert!(line.width() <= 120, "too wide: {line}");
    }
    // Cells start in the same column as the titles above them.
    let title_line = out
        .lines()
        .find(|l| l.contains("샌디에고") && l.contains("대덕"))
        .expect("titles line");
    let col = |line: &str, needle: &str| line[..line.find(needle).unwrap()].width();
    let country = out
        .lines()
        .find(|l| l.contains("국가·지역"))
        .expect("country row");
    assert!(country.starts_with("≠ "), "{country}");
    assert_eq!(
        col(country, "미국"),
        col(title_line, "샌디에고"),
        "{country}"
    );
    assert_eq!(col(country, "한국"), col(title_line, "대덕"), "{country}");
    let (out4, _, code4) = run(&["compare", "san-diego", "daedeok", "ulsan", "icheon"]);
    assert_eq!(code4, 0);
    for line in out4.lines() {
        assert!(line.width() <= 120, "too wide: {line}");
    }
}

#[test]
fn cli_markdown_and_json() {
    let (md, _, code) = run(&["compare", "brenta", "icheon", "--markdown", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(md.starts_with("# Comparison: "), "{md}");
    assert!(md.contains("## Sources"));
    let (json, _, code) = run(&["compare", "brenta", "icheon", "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["cases"], serde_json::json!(["brenta", "icheon"]));
}

#[test]
fn cli_errors_exit_with_the_documented_status() {
    let (_, err, code) = run(&["compare", "san-diego", "atlantis"]);
    assert_eq!(code, 1);
    assert!(err.contains("atlantis"), "{err}");
    let (_, err, code) = run(&["compare", "san-diego", "university-led"]);
    assert_eq!(code, 1);
    assert!(err.contains("not a case"), "{err}");
    let (_, _, code) = run(&["compare", "san-diego"]);
    assert_eq!(code, 2);
    let (_, _, code) = run(&["compare", "a", "b", "c", "d", "e"]);
    assert_eq!(code, 2);
}

/// Two cases citing the same 300 sections and nothing else: every
/// source listed once with both cases, in order of first citation; in the Markdown the
/// sections that read the same as citations (the generator gives 22 labels and pages)
/// are one numbered entry each, naming both cases. The lists are built in one pass
/// each (issue #14: a comparison of cases with thousands of sources took seconds);
/// this checks they still say the same.
#[test]
fn cases_with_hundreds_of_shared_sources_list_each_once_with_both_cases() {
    let dir = tempfile::tempdir().unwrap();
    casebook::synthetic::write_cited_collection(dir.path(), &["ulsan", "toyota-city"], 300)
        .unwrap();
    let index = Index::build(load::load_collection(dir.path()).unwrap());
    assert!(index.diagnostics.is_empty(), "{:?}", index.diagnostics[0]);
    let c = compare::compare(&index, &["ulsan", "toyota-city"], Lang::En).unwrap();
    assert_eq!(c.sources.len(), 300);
    for (n, s) in c.sources.iter().enumerate() {
        assert_eq!(s.source.section, format!("bench-{n:05}"));
        assert_eq!(s.cases, [0, 1], "{}", s.citation);
    }
    assert_eq!(c.documents.len(), 1, "{:?}", c.documents);
    let markdown = casebook::render::markdown::comparison(&c, Lang::En);
    for n in 1..=22 {
        let entry = markdown
            .lines()
            .find(|l| l.starts_with(&format!("{n}. ")))
            .unwrap_or_else(|| panic!("reference {n}: {markdown}"));
        assert!(
            entry.ends_with(" — Ulsan automotive cluster, Toyota City automotive cluster"),
            "{entry}"
        );
    }
    assert!(!markdown.contains("\n23. "), "{markdown}");
}
