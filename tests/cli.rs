//! End-to-end tests of the `casebook` binary's non-interactive subcommands: exit codes,
//! JSON shapes, plain-text alignment, and that file content never reaches a terminal raw.

mod common;
use common::{casebook_command as casebook, copy_dir, REQUIRED_CASES};

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn run_cmd(mut cmd: Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        code: out.status.code().expect("exited normally"),
    }
}

fn run(args: &[&str]) -> Run {
    let mut cmd = casebook();
    cmd.args(args);
    run_cmd(cmd)
}

/// Runs a command that must succeed and print JSON.
fn json(args: &[&str]) -> Value {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?} failed: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e})"))
}

fn ids(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}

fn shipped_cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

/// A temporary copy of the shipped collection.
fn collection_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&shipped_cases_dir(), dir.path());
    dir
}

// ---------------------------------------------------------------------------------------
// list

#[test]
fn list_json_has_every_required_case_with_both_names() {
    let list = json(&["list", "--json"]);
    let entries = list.as_array().unwrap();
    for id in REQUIRED_CASES {
        let entry = entries
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing from list --json"));
        assert_eq!(entry["kind"], "case", "{id}");
        for lang in ["ko", "en"] {
            let name = entry["name"][lang].as_str().unwrap_or_default();
            assert!(!name.trim().is_empty(), "{id}: empty {lang} name");
        }
    }
    // Every entry, not only cases, has the common shape.
    for entry in entries {
        assert!(entry["kind"].is_string(), "{entry}");
        assert!(entry["id"].is_string(), "{entry}");
        assert!(entry["name"]["ko"].is_string(), "{entry}");
        assert!(entry["name"]["en"].is_string(), "{entry}");
    }
    let kinds: std::collections::BTreeSet<&str> = entries
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["case", "concept", "factor", "problem", "role", "source", "strategy", "type"]
    );
}

#[test]
fn list_kind_factor_lists_only_factors() {
    let list = json(&["list", "--kind", "factor", "--json"]);
    let entries = list.as_array().unwrap();
    assert!(entries.len() >= 20, "only {} factors", entries.len());
    assert!(entries.iter().all(|e| e["kind"] == "factor"));
    assert!(ids(&list).contains(&"research-university-anchor".to_string()));

    let plain = run(&["list", "--kind", "factor"]);
    assert_eq!(plain.code, 0);
    assert_eq!(plain.stdout.lines().count(), entries.len());
    assert!(plain.stdout.lines().all(|l| l.starts_with("factor ")));
}

#[test]
fn list_type_university_led_is_san_diego_and_daedeok() {
    let list = json(&["list", "--type", "university-led", "--json"]);
    let mut found = ids(&list);
    found.sort();
    assert_eq!(found, ["daedeok", "san-diego"]);
    for entry in list.as_array().unwrap() {
        assert_eq!(entry["type"], "university-led");
    }
    let plain = run(&["list", "--type", "university-led"]);
    assert_eq!(plain.code, 0);
    assert_eq!(plain.stdout.lines().count(), 2);
}

#[test]
fn list_type_unknown_is_a_usage_error() {
    casebook()
        .args(["list", "--type", "no-such-type"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-type"))
        .stderr(predicate::str::contains("university-led"));
}

/// Display columns at which each field of a line starts. Fields are separated by runs
/// of two or more spaces (names contain single spaces only).
fn field_starts(line: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut spaces = 0;
    let mut column = 0;
    for c in line.chars() {
        if c == ' ' {
            spaces += 1;
        } else {
            if spaces >= 2 {
                starts.push(column);
            }
            spaces = 0;
        }
        column += UnicodeWidthStr::width(c.to_string().as_str());
    }
    starts
}

fn assert_list_aligned(lang: &str) {
    let r = run(&["--lang", lang, "list"]);
    assert_eq!(r.code, 0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines.len() > 100, "{lang}: {} lines", lines.len());
    let case_label = if lang == "ko" { "사례" } else { "case" };
    let case_lines: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with(case_label))
        .collect();
    assert_eq!(case_lines.len(), REQUIRED_CASES.len(), "{lang}");

    // Kind, id and name start at the same column on every line.
    let first = field_starts(lines[0]);
    assert!(first.len() >= 4, "{lang}: {:?}", lines[0]);
    for line in &lines {
        let starts = field_starts(line);
        assert_eq!(
            starts[..3],
            first[..3],
            "{lang}: kind/id/name columns differ on {line:?}"
        );
    }
    // On case lines the column after the name (country), and the ones after it, line up.
    for line in &case_lines {
        assert_eq!(
            field_starts(line),
            first,
            "{lang}: columns after the name differ on {line:?}"
        );
    }
    // No line is padded with trailing spaces.
    assert!(lines.iter().all(|l| !l.ends_with(' ')), "{lang}");
}

#[test]
fn plain_list_columns_align_by_display_width() {
    assert_list_aligned("en");
    assert_list_aligned("ko");
}

// ---------------------------------------------------------------------------------------
// show

#[test]
fn show_json_has_every_field_sources_and_backlinks() {
    let item = json(&["show", "san-diego", "--json"]);
    for field in [
        "kind",
        "id",
        "name",
        "aliases",
        "summary",
        "sources",
        "country",
        "region",
        "industry",
        "type",
        "status",
        "actors",
        "figures",
        "strengths",
        "weaknesses",
        "evaluation",
        "sections",
        "factors",
        "problems",
        "strategy",
        "counterpart",
        "rating_note",
        "linked_from",
    ] {
        assert!(item.get(field).is_some(), "show --json lacks `{field}`");
    }
    assert_eq!(item["kind"], "case");
    assert_eq!(item["id"], "san-diego");
    assert_eq!(item["type"], "university-led");
    assert_eq!(item["counterpart"], "daedeok");
    let sources = item["sources"].as_array().unwrap();
    assert!(!sources.is_empty());
    assert!(sources
        .iter()
        .all(|s| s["doc"].is_string() && s["section"].is_string()));
    // Every source carries the citation a reader would paste, in both languages.
    assert!(sources
        .iter()
        .all(|s| s["citation"]["ko"].is_string() && s["citation"]["en"].is_string()));
    let forty_source = &item["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["value"] == "40")
        .expect("the 40% figure")["source"];
    assert_eq!(forty_source["doc"], "seri-2002");
    assert_eq!(forty_source["section"], "ii-2-1-san-diego");
    assert_eq!(
        forty_source["citation"]["en"],
        "Bok et al. (2002), SERI, §II-2 ①, p. 7"
    );
    assert_eq!(
        forty_source["citation"]["ko"],
        "복득규 외(2002), 삼성경제연구소, Ⅱ-2 ①, 7쪽"
    );
    assert!(item["linked_from"].is_array());
    let forty = item["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["value"] == "40")
        .expect("the 40% figure");
    assert_eq!(forty["unit"]["en"], "%");

    // linked_from names the items that point here, with how.
    let factor = json(&["show", "research-university-anchor", "--json"]);
    let from = factor["linked_from"].as_array().unwrap();
    assert!(
        from.iter()
            .any(|l| l["id"] == "san-diego" && l["kind"] == "case" && l["relation"] == "factor"),
        "{from:?}"
    );
    let role = json(&["show", "vision-provider", "--json"]);
    let sd = role["linked_from"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "san-diego")
        .cloned()
        .expect("san-diego links to vision-provider");
    assert_eq!(sd["relation"], "role");
    assert_eq!(sd["strength"], "strong");
}

#[test]
fn show_markdown_names_the_counterpart_and_sources() {
    let r = run(&["show", "daedeok", "--markdown"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = &r.stdout;
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains("San Diego"), "no counterpart in:\n{md}");
    assert!(
        md.contains("San Diego biotech cluster — counterpart"),
        "{md}"
    );
    // Ids are the files' business: a copy pasted into minutes names items, never ids.
    assert!(!md.contains("san-diego"), "an id in:\n{md}");
    assert!(md.contains("## Sources"), "{md}");
    assert!(md.contains("**116 institutes**"), "{md}");
}

/// A copied case is a document with numbered references: every fact ends in `[n]`, and
/// the reference list at the end gives each citation once, in order of first use, then
/// the full reference of each document. No file name anywhere.
#[test]
fn show_markdown_numbers_references_and_lists_them_at_the_end() {
    let r = run(&["show", "daedeok", "--markdown", "--lang", "ko"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = &r.stdout;
    assert!(!md.contains(".txt"), "a file name in:\n{md}");
    assert!(
        md.contains("- 연구기관 수: **116개** [1]"),
        "the first figure cites reference 1:\n{md}"
    );
    let (body, references) = md.split_once("\n## 출처\n").expect("a reference list");
    let (numbered, documents) = references.split_once("### 문헌").expect("the documents");
    let list: Vec<&str> = numbered.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        list[0], "1. 복득규 외(2002), 삼성경제연구소, Ⅱ-2 ①, 8쪽",
        "{md}"
    );
    // Numbered 1, 2, 3, … and each citation listed once.
    for (i, line) in list.iter().enumerate() {
        assert!(line.starts_with(&format!("{}. ", i + 1)), "{line}");
    }
    let mut citations: Vec<&str> = list
        .iter()
        .filter_map(|l| l.split_once(". "))
        .map(|x| x.1)
        .collect();
    citations.sort_unstable();
    citations.dedup();
    assert_eq!(
        citations.len(),
        list.len(),
        "a citation listed twice:\n{md}"
    );
    // Every reference used in the body is in the list.
    let used = body.matches('[').count();
    assert!(used > 10, "{md}");
    for n in body.split('[').skip(1).filter_map(|rest| {
        rest.split_once(']')
            .and_then(|(n, _)| n.parse::<usize>().ok())
    }) {
        assert!(n >= 1 && n <= list.len(), "[{n}] is not in the list:\n{md}");
    }
    assert!(
        documents.contains(
            "- 복득규·박용규·고유상(2002년 11월 초). \\[제목 없음\\]. 삼성경제연구소. 보고서."
        ),
        "{documents}"
    );
}

#[test]
fn sources_lists_each_document_with_its_reference_date_and_sections() {
    let r = run(&["sources", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    assert!(
        out.starts_with("seri-2002  SERI report on industrial clusters (2002)  [report]\n"),
        "{out}"
    );
    assert!(
        out.contains("  Cited as: Bok et al. (2002), SERI\n"),
        "{out}"
    );
    assert!(out.contains("Date: early November 2002 — "), "{out}");
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("ii-2-1-daedeok")
                && l.contains("II-2 ①")
                && l.ends_with("(p. 8)")),
        "{out}"
    );
    assert!(out.contains("\nyeongwol-solar-plan  Strategy for a successful Yeongwol solar power industry cluster  [presentation]\n"), "{out}");
    assert!(
        out.contains("Cited as: Yeongwol solar cluster strategy (2007 or later)\n"),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("v-1-units") && l.ends_with("(slide 20 (counted))")),
        "{out}"
    );
    assert!(!out.contains(".txt"), "{out}");
    let ko = run(&["sources", "--lang", "ko"]).stdout;
    assert!(
        ko.contains("  인용: 복득규 외(2002), 삼성경제연구소\n"),
        "{ko}"
    );
}

#[test]
fn sources_doc_lists_its_sections_with_how_many_citations_name_each() {
    let r = run(&["sources", "seri-2002", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines[0].starts_with("seri-2002  SERI report"),
        "{}",
        r.stdout
    );
    let daedeok = lines
        .iter()
        .find(|l| l.starts_with("ii-2-1-daedeok "))
        .expect("the Daedeok section");
    assert!(daedeok.contains("II-2 ① Korea: the Daedeok Valley IT and biotech cluster — p. 8"));
    // The counts in the table add up to the total on the second line, and agree with JSON.
    let v = json(&["sources", "seri-2002", "--json"]);
    let sections = v["sections"].as_array().expect("sections");
    let sum: u64 = sections.iter().map(|s| s["count"].as_u64().unwrap()).sum();
    assert_eq!(Some(sum), v["count"].as_u64());
    assert!(
        lines[1].starts_with(&format!("{sum} citations from ")),
        "{}",
        lines[1]
    );
    let counted = sections
        .iter()
        .find(|s| s["section"] == "ii-2-1-daedeok")
        .expect("section in JSON");
    let column: Vec<&str> = daedeok.split_whitespace().collect();
    assert_eq!(column[1], counted["count"].as_u64().unwrap().to_string());
    assert_eq!(column[2], counted["items"].as_u64().unwrap().to_string());
}

#[test]
fn sources_doc_section_lists_every_item_and_fact_citing_it() {
    let r = run(&["sources", "seri-2002", "ii-2-1-daedeok", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for expected in [
        "II-2 ① Korea: the Daedeok Valley IT and biotech cluster — p. 8",
        "Cited as: Bok et al. (2002), SERI, §II-2 ①, p. 8",
        "case (1)",
        "  daedeok  Daedeok Valley IT and biotech cluster",
        "    • figure: 116 institutes — Research institutes",
    ] {
        assert!(
            r.stdout.contains(expected),
            "{expected:?} not in\n{}",
            r.stdout
        );
    }
    let case = r.stdout.find("case (1)").unwrap();
    let factor = r.stdout.find("factor (").expect("factors cite it too");
    assert!(case < factor, "cases come first");
    let v = json(&["sources", "yeongwol-solar-plan", "v-1-direction", "--json"]);
    assert_eq!(v["doc"], "yeongwol-solar-plan");
    assert_eq!(v["section"], "v-1-direction");
    let facts: usize = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["items"].as_array().unwrap())
        .map(|i| i["facts"].as_array().unwrap().len())
        .sum();
    assert_eq!(Some(facts as u64), v["count"].as_u64());
    // A fact that names a page carries it; the Korean run words it in Korean.
    let ko = run(&["sources", "seri-2002", "ii-2-1-evaluation", "--lang", "ko"]);
    assert!(ko.stdout.contains("· 9쪽"), "{}", ko.stdout);
}

#[test]
fn sources_with_an_unknown_document_or_section_exits_1_naming_what_there_is() {
    let r = run(&["sources", "seri"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.contains("seri-2002, yeongwol-solar-plan"),
        "{}",
        r.stderr
    );
    let r = run(&["sources", "seri-2002", "ii-9"]);
    assert_eq!(r.code, 1);
    assert!(r
        .stderr
        .contains("`casebook sources seri-2002` lists its sections"));
    // An export is of every document: it takes no document.
    assert_eq!(run(&["sources", "seri-2002", "--bibtex"]).code, 2);
}

#[test]
fn sources_json_gives_every_field_and_the_references() {
    let v = json(&["sources", "--json"]);
    assert_eq!(ids(&v), ["seri-2002", "yeongwol-solar-plan"]);
    let report = &v[0];
    assert_eq!(report["kind"], "source");
    assert_eq!(report["document"], "report");
    assert!(report.get("title").is_none(), "the report has no title");
    assert_eq!(report["authors"][0]["family"]["ko"], "복");
    assert_eq!(report["publisher"]["short"]["en"], "SERI");
    assert_eq!(report["date"]["certainty"], "inferred");
    assert_eq!(report["file"], "000_20dacdbc4cd72bd5.txt");
    assert_eq!(report["page_count"], 22);
    assert_eq!(
        report["reference"]["en"],
        "Bok, Deuk-gyu; Park, Yong-gyu and Ko, Yu-sang (early November 2002). [Untitled]. \
         Samsung Economic Research Institute. Report."
    );
    assert_eq!(
        report["date"]["evidence"]["source"]["citation"]["ko"],
        "복득규 외(2002), 삼성경제연구소, 부록, 22쪽"
    );
    let daedeok = report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "ii-2-1-daedeok")
        .expect("the Daedeok section");
    assert_eq!(daedeok["pages"], serde_json::json!([8]));
    assert_eq!(
        daedeok["heading"]["ko"],
        "국내 : 대덕밸리의 ITㆍ바이오 클러스터"
    );
    assert_eq!(v[1]["date"]["certainty"], "not-before");
}

#[test]
fn sources_bibtex_exports_one_entry_per_document() {
    let r = run(&["sources", "--bibtex", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bib = &r.stdout;
    assert!(bib.starts_with("@techreport{seri-2002,\n"), "{bib}");
    assert!(
        bib.contains("  author = {Bok, Deuk-gyu and Park, Yong-gyu and Ko, Yu-sang},\n"),
        "{bib}"
    );
    assert!(bib.contains("  title = {{[Untitled]}},\n"), "{bib}");
    assert!(
        bib.contains("  institution = {Samsung Economic Research Institute},\n"),
        "{bib}"
    );
    assert!(bib.contains("  year = {2002},\n  month = nov,\n"), "{bib}");
    assert!(bib.contains("\n@misc{yeongwol-solar-plan,\n"), "{bib}");
    assert!(bib.contains("  year = {2007 or later},\n"), "{bib}");
    assert!(bib.contains("Coe, Kelly \\& Yeung"), "& is escaped: {bib}");
    assert!(!bib.contains(".txt"), "{bib}");
    let entries = bib.lines().filter(|l| l.starts_with('@')).count();
    assert_eq!(entries, 2, "{bib}");
    // Braces balance in every entry, as BibTeX requires.
    assert_eq!(
        bib.matches('{').count() - bib.matches("\\{").count(),
        bib.matches('}').count() - bib.matches("\\}").count()
    );
    let ko = run(&["sources", "--bibtex", "--lang", "ko"]).stdout;
    assert!(
        ko.contains("  author = {복, 득규 and 박, 용규 and 고, 유상},\n"),
        "{ko}"
    );
    assert!(ko.contains("  institution = {삼성경제연구소},\n"), "{ko}");
    assert!(
        ko.contains("  title = {{영월군 태양광 발전산업 클러스터 성공적 추진전략}},\n"),
        "{ko}"
    );
}

#[test]
fn sources_csl_json_exports_items_reference_managers_read() {
    let v = json(&["sources", "--csl-json", "--lang", "ko"]);
    let items = v.as_array().expect("a CSL-JSON array");
    assert_eq!(items.len(), 2);
    let report = &items[0];
    assert_eq!(report["id"], "seri-2002");
    assert_eq!(report["type"], "report");
    assert_eq!(
        report["author"][0],
        serde_json::json!({"family": "복", "given": "득규"})
    );
    assert_eq!(report["publisher"], "삼성경제연구소");
    assert_eq!(
        report["issued"],
        serde_json::json!({"date-parts": [[2002, 11]]})
    );
    assert_eq!(report["title"], "[제목 없음]");
    let talk = &items[1];
    assert_eq!(talk["type"], "speech");
    assert_eq!(
        talk["title"],
        "영월군 태양광 발전산업 클러스터 성공적 추진전략"
    );
    assert_eq!(talk["issued"], serde_json::json!({"literal": "2007 이후"}));
    assert!(talk.get("author").is_none());
    let en = json(&["sources", "--csl-json", "--lang", "en"]);
    assert_eq!(
        en[0]["author"][0],
        serde_json::json!({"family": "Bok", "given": "Deuk-gyu"})
    );
    assert_eq!(en[1]["title-short"], "Yeongwol solar cluster strategy");
}

#[test]
fn sources_formats_exclude_each_other() {
    let r = run(&["sources", "--bibtex", "--csl-json"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn authors_publisher_and_titles_are_searchable() {
    for query in [
        "복득규",
        "Bok",
        "삼성경제연구소",
        "SERI",
        "고유상",
        "영월군 태양광 발전산업 클러스터 성공적 추진전략",
    ] {
        let v = json(&["search", query, "--json", "--limit", "3"]);
        let first = &v[0];
        assert_eq!(first["kind"], "source", "{query}: {v}");
    }
    // --kind source keeps only the documents.
    let v = json(&["search", "SERI", "--kind", "source", "--json"]);
    assert_eq!(ids(&v)[0], "seri-2002");
    assert!(
        v.as_array().unwrap().iter().all(|h| h["kind"] == "source"),
        "{v}"
    );
    let r = run(&["search", "대덕밸리", "--kind", "source"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
}

#[test]
fn show_unknown_id_exits_1_with_a_message() {
    casebook()
        .args(["show", "nope"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("nope"))
        .stderr(predicate::str::contains("no item has the id"));
}

#[test]
fn show_json_and_markdown_conflict() {
    casebook()
        .args(["show", "san-diego", "--json", "--markdown"])
        .assert()
        .code(2);
}

#[test]
fn show_follows_lang() {
    let ko = run(&["--lang", "ko", "show", "san-diego"]);
    let en = run(&["--lang", "en", "show", "san-diego"]);
    assert_eq!(ko.code, 0);
    assert_eq!(en.code, 0);
    assert_ne!(ko.stdout, en.stdout);
    // The title leads with the chosen language and gives the other in brackets.
    let ko_title = ko.stdout.lines().next().unwrap();
    let en_title = en.stdout.lines().next().unwrap();
    assert!(
        ko_title.starts_with("샌디에고 바이오클러스터  (San Diego biotech cluster)"),
        "{ko_title}"
    );
    assert!(
        en_title.starts_with("San Diego biotech cluster  (샌디에고 바이오클러스터)"),
        "{en_title}"
    );
    // Headings are lines of their own. (Source sections quote the Korean seed in both
    // languages, so Korean words alone would not tell the languages apart.)
    let has_line = |out: &str, line: &str| out.lines().any(|l| l == line);
    for (ko_heading, en_heading) in [
        ("주요 수치", "Key figures"),
        ("구성주체", "Actors"),
        ("강점", "Strengths"),
        ("평가", "Evaluation"),
        ("관련 항목", "Related"),
        ("성공요인", "Success factors"),
        ("출처", "Sources"),
    ] {
        assert!(has_line(&ko.stdout, ko_heading), "ko lacks {ko_heading:?}");
        assert!(!has_line(&en.stdout, ko_heading), "en has {ko_heading:?}");
        assert!(has_line(&en.stdout, en_heading), "en lacks {en_heading:?}");
        assert!(!has_line(&ko.stdout, en_heading), "ko has {en_heading:?}");
    }
    for (ko_text, en_text) in [
        ("  유형", "  Type"),
        ("대응 사례", "— counterpart"),
        ("◎ 강", "◎ strong"),
        ("  상태  ", "  Status  "),
    ] {
        assert!(ko.stdout.contains(ko_text), "ko lacks {ko_text:?}");
        assert!(en.stdout.contains(en_text), "en lacks {en_text:?}");
        assert!(!ko.stdout.contains(en_text), "ko has {en_text:?}");
    }
    // Actor lines keep whole role names and strength words.
    assert!(
        en.stdout
            .lines()
            .any(|l| l.starts_with("  • Specialized Suppliers  ○ medium  ")),
        "{}",
        en.stdout
    );
    assert!(
        ko.stdout
            .lines()
            .any(|l| l.starts_with("  • 비전 제시자") && l.contains("◎ 강  ")),
        "{}",
        ko.stdout
    );
    // Units follow the language's convention: 45개 vs 45 drugs.
    assert!(ko.stdout.contains("45개"), "{}", ko.stdout);
    assert!(en.stdout.contains("45 drugs"), "{}", en.stdout);

    let ko_md = run(&["--lang", "ko", "show", "daedeok", "--markdown"]);
    assert!(ko_md.stdout.starts_with("# 대덕밸리"), "{}", ko_md.stdout);
    assert!(ko_md.stdout.contains("샌디에고 바이오클러스터"));
    assert!(ko_md.stdout.contains("대응 사례"));
}

#[test]
fn lang_comes_from_the_locale_when_not_given() {
    let mut cmd = casebook();
    cmd.env("LANG", "ko_KR.UTF-8").args(["show", "san-diego"]);
    let r = run_cmd(cmd);
    assert!(r.stdout.starts_with("샌디에고"), "{}", r.stdout);
    let mut cmd = casebook();
    cmd.env("LANG", "C.UTF-8").args(["show", "san-diego"]);
    let r = run_cmd(cmd);
    assert!(r.stdout.starts_with("San Diego"), "{}", r.stdout);
}

// ---------------------------------------------------------------------------------------
// matrix

#[test]
fn matrix_json_is_the_seven_rated_cases() {
    let matrix = json(&["matrix", "--json"]);
    let mut rows: Vec<(String, String, String, String)> = matrix
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or("-").to_string();
            (s("case"), s("vp"), s("so"), s("ss"))
        })
        .collect();
    rows.sort();
    let mut expected: Vec<(String, String, String, String)> = [
        ("san-diego", "strong", "medium", "medium"),
        ("silicon-valley", "strong", "strong", "strong"),
        ("daedeok", "strong", "weak", "medium"),
        ("toyota-city", "medium", "strong", "medium"),
        ("ulsan", "weak", "strong", "medium"),
        ("brenta", "medium", "medium", "strong"),
        ("icheon", "weak", "weak", "strong"),
    ]
    .iter()
    .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
    .collect();
    expected.sort();
    assert_eq!(rows, expected);
}

#[test]
fn plain_matrix_shows_symbols_and_words() {
    let en = run(&["--lang", "en", "matrix"]);
    assert_eq!(en.code, 0);
    for s in ["◎ strong", "○ medium", "△ weak", "VP", "SO", "SS"] {
        assert!(
            en.stdout.contains(s),
            "en matrix lacks {s:?}:\n{}",
            en.stdout
        );
    }
    let icheon = en
        .stdout
        .lines()
        .find(|l| l.starts_with("Icheon"))
        .expect("an Icheon row");
    assert_eq!(icheon.matches('△').count(), 2, "{icheon}");
    assert_eq!(icheon.matches('◎').count(), 1, "{icheon}");
    // Header + 7 rows + blank + legend.
    assert_eq!(en.stdout.lines().count(), 10, "{}", en.stdout);

    let ko = run(&["--lang", "ko", "matrix"]);
    for s in ["◎ 강", "○ 중", "△ 약", "사례"] {
        assert!(
            ko.stdout.contains(s),
            "ko matrix lacks {s:?}:\n{}",
            ko.stdout
        );
    }
}

#[test]
fn matrix_marks_every_role_tied_for_weakest_in_plain_output() {
    // "Which role is weak in Icheon?" — both of them: △ VP and △ SO.
    let en = run(&["--lang", "en", "matrix"]);
    let row = |id: &str| {
        en.stdout
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("no {id} row:\n{}", en.stdout))
            .to_string()
    };
    let icheon = row("Icheon");
    assert_eq!(icheon.matches("△ weak ◀").count(), 2, "{icheon}");
    assert!(!icheon.contains("◎ strong ◀"), "{icheon}");
    for (case, marks) in [
        ("San Diego", 2),
        ("Brenta", 2),
        ("Toyota City", 2),
        ("Ulsan", 1),
        ("Daedeok", 1),
        ("Silicon Valley", 0),
    ] {
        let line = row(case);
        assert_eq!(line.matches('◀').count(), marks, "{line}");
    }
    assert!(en.stdout.contains("every one tied"), "{}", en.stdout);
    let ko = run(&["--lang", "ko", "matrix"]);
    let icheon = ko
        .stdout
        .lines()
        .find(|l| l.starts_with("이천"))
        .expect("an Icheon row");
    assert_eq!(icheon.matches("△ 약 ◀").count(), 2, "{icheon}");
}

#[test]
fn matrix_json_lists_the_weakest_roles_of_each_case() {
    let matrix = json(&["matrix", "--json"]);
    let weakest = |id: &str| -> Vec<String> {
        let entry = matrix
            .as_array()
            .expect("an array")
            .iter()
            .find(|r| r["case"] == id)
            .unwrap_or_else(|| panic!("no {id}"));
        entry["weakest"]
            .as_array()
            .expect("weakest is a list")
            .iter()
            .map(|v| v.as_str().expect("a role code").to_string())
            .collect()
    };
    assert_eq!(weakest("icheon"), ["VP", "SO"]);
    assert_eq!(weakest("san-diego"), ["SO", "SS"]);
    assert_eq!(weakest("brenta"), ["VP", "SO"]);
    assert_eq!(weakest("toyota-city"), ["VP", "SS"]);
    assert_eq!(weakest("ulsan"), ["VP"]);
    assert_eq!(weakest("daedeok"), ["SO"]);
    assert!(weakest("silicon-valley").is_empty());
}

// ---------------------------------------------------------------------------------------
// check, --cases, CASEBOOK_CASES, usage errors

#[test]
fn check_passes_on_the_shipped_cases() {
    casebook()
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("0 errors"));
    casebook()
        .args(["check", "--cases"])
        .arg(shipped_cases_dir())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("0 errors"));
}

#[test]
fn missing_cases_dir_exits_2_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-collection");
    for sub in [
        &["list"][..],
        &["check"],
        &["search", "x"],
        &["show", "daedeok"],
    ] {
        let mut cmd = casebook();
        cmd.arg("--cases").arg(&missing).args(sub);
        let r = run_cmd(cmd);
        assert_eq!(r.code, 2, "{sub:?}: {}", r.stderr);
        assert!(
            r.stderr.contains(missing.to_str().unwrap()),
            "{sub:?}: message does not name the path: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty());
    }
    // A file is not a collection either.
    let file = dir.path().join("file.yaml");
    std::fs::write(&file, "id: x\n").unwrap();
    let mut cmd = casebook();
    cmd.arg("--cases").arg(&file).arg("list");
    let r = run_cmd(cmd);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a directory"), "{}", r.stderr);
}

#[test]
fn casebook_cases_env_works_like_the_flag() {
    let dir = collection_copy();
    std::fs::remove_file(dir.path().join("cases/oulu.yaml")).unwrap();

    let mut cmd = casebook();
    cmd.env("CASEBOOK_CASES", dir.path())
        .args(["list", "--kind", "case", "--json"]);
    let r = run_cmd(cmd);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let from_env = ids(&serde_json::from_str(&r.stdout).unwrap());
    assert_eq!(from_env.len(), REQUIRED_CASES.len() - 1);
    assert!(!from_env.contains(&"oulu".to_string()));

    let mut cmd = casebook();
    cmd.arg("--cases")
        .arg(dir.path())
        .args(["list", "--kind", "case", "--json"]);
    let r = run_cmd(cmd);
    assert_eq!(ids(&serde_json::from_str(&r.stdout).unwrap()), from_env);

    // A missing directory from the environment is reported like the flag's.
    let missing = dir.path().join("gone");
    let mut cmd = casebook();
    cmd.env("CASEBOOK_CASES", &missing).arg("list");
    let r = run_cmd(cmd);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(missing.to_str().unwrap()), "{}", r.stderr);

    // The flag wins over the environment.
    let mut cmd = casebook();
    cmd.env("CASEBOOK_CASES", &missing)
        .arg("--cases")
        .arg(dir.path())
        .args(["list", "--kind", "case", "--json"]);
    let r = run_cmd(cmd);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(ids(&serde_json::from_str(&r.stdout).unwrap()), from_env);

    // `check` from the environment sees the copy: the timeline now names a missing case.
    let mut cmd = casebook();
    cmd.env("CASEBOOK_CASES", dir.path()).arg("check");
    let r = run_cmd(cmd);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("oulu"), "{}", r.stdout);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["list", "--bogus"],
        &["list", "--kind", "nonsense"],
        &["--lang", "fr", "list"],
        &["show"],
        &["search"],
        &["search", "x", "--limit", "many"],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(!r.stderr.is_empty(), "{args:?}: no message");
        assert!(r.stdout.is_empty(), "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------
// search

fn first_hit(query: &str) -> Value {
    let hits = json(&["search", query, "--json"]);
    hits.as_array()
        .and_then(|a| a.first())
        .cloned()
        .unwrap_or_else(|| panic!("{query}: no hits"))
}

#[test]
fn search_finds_san_diego_in_every_spelling() {
    for query in [
        "샌디에이고",
        "샌디에고",
        "ㅅㄷㅇㄱ",
        "San Diego",
        "san diego",
    ] {
        let hit = first_hit(query);
        assert_eq!(hit["id"], "san-diego", "{query}: first hit is {hit}");
        assert_eq!(hit["kind"], "case", "{query}");
    }
}

#[test]
fn search_json_indices_are_in_range() {
    for query in [
        "샌디에고",
        "ㅅㄷㅇㄱ",
        "San Diego",
        "대덕",
        "ETRI",
        "클러스터",
    ] {
        let hits = json(&["search", query, "--json", "--limit", "50"]);
        for hit in hits.as_array().unwrap() {
            let text = hit["text"].as_str().unwrap();
            let chars = text.chars().count();
            let indices: Vec<u64> = hit["indices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_u64().unwrap())
                .collect();
            assert!(!indices.is_empty(), "{query}: hit without indices: {hit}");
            assert!(
                indices.iter().all(|&i| (i as usize) < chars),
                "{query}: indices {indices:?} out of range for {text:?} ({chars} chars)"
            );
            assert!(
                indices.windows(2).all(|w| w[0] < w[1]),
                "{query}: indices not increasing: {indices:?}"
            );
            for key in ["kind", "id", "field", "score"] {
                assert!(hit.get(key).is_some(), "{query}: hit lacks {key}");
            }
            assert!(hit["title"]["ko"].is_string() && hit["title"]["en"].is_string());
        }
    }
}

#[test]
fn search_without_a_match_exits_1() {
    casebook()
        .args(["search", "zzzzqqqq"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("nothing matches"));
    let r = run(&["search", "zzzzqqqq", "--json"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        serde_json::from_str::<Value>(&r.stdout).unwrap(),
        Value::Array(vec![])
    );
}

#[test]
fn search_timing_prints_one_stderr_line() {
    let r = run(&["search", "--timing", "대덕"]);
    assert_eq!(r.code, 0);
    let timing: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("timing:"))
        .collect();
    assert_eq!(timing.len(), 1, "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let line = timing[0];
    let fields: Vec<&str> = line.split(' ').collect();
    assert_eq!(fields.len(), 4, "{line}");
    assert_eq!(fields[0], "timing:");
    let value = |field: &str, key: &str| -> String {
        field
            .strip_prefix(key)
            .unwrap_or_else(|| panic!("{line}: expected {key}"))
            .to_string()
    };
    let load_ms = value(fields[1], "load_ms=");
    let search_ms = value(fields[2], "search_ms=");
    let hits = value(fields[3], "hits=");
    assert!(load_ms.parse::<f64>().is_ok(), "{line}");
    assert!(search_ms.parse::<f64>().is_ok(), "{line}");
    assert!(
        !hits.is_empty() && hits.chars().all(|c| c.is_ascii_digit()),
        "{line}"
    );
    assert!(hits.parse::<usize>().unwrap() >= 1);
    // Without --timing there is no such line.
    let r = run(&["search", "대덕"]);
    assert!(!r.stderr.contains("timing:"), "{}", r.stderr);
}

#[test]
fn search_kind_limits_hits() {
    let hits = json(&["search", "대덕", "--kind", "factor", "--json"]);
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["kind"] == "factor"), "{hits:?}");
    // The query syntax does the same.
    let same = json(&["search", "대덕 kind:factor", "--json"]);
    assert_eq!(ids(&same), ids(&Value::Array(hits.clone())));
    // --limit caps the number of hits.
    let one = json(&["search", "클러스터", "--json", "--limit", "3"]);
    assert!(one.as_array().unwrap().len() <= 3);
}

#[test]
fn plain_search_marks_matches_with_brackets_in_a_pipe() {
    let r = run(&["search", "샌디에고"]);
    assert_eq!(r.code, 0);
    assert!(!r.stdout.contains('\x1b'));
    let first = r.stdout.lines().next().unwrap();
    assert!(first.contains("san-diego"), "{first}");
    assert!(first.contains("[샌디에고]"), "{first}");
    let r = run(&["search", "ㅅㄷㅇㄱ"]);
    assert!(
        r.stdout.lines().next().unwrap().contains("[샌디에고]"),
        "{}",
        r.stdout
    );
}

// ---------------------------------------------------------------------------------------
// hostile collections

/// Characters a terminal could act on, or that reorder what is shown.
fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn assert_clean(what: &str, s: &str) {
    if let Some((i, c)) = s.char_indices().find(|(_, c)| is_dangerous(*c)) {
        panic!(
            "{what}: raw U+{:04X} at byte {i}: {:?}",
            c as u32,
            &s[i.saturating_sub(40)..(i + 10).min(s.len())]
        );
    }
}

/// A case file like `oulu.yaml` under a new id, with `summary_ko` as the Korean summary
/// (a YAML scalar, written as is).
fn hostile_case(id: &str, summary_ko: &str) -> String {
    format!(
        "id: {id}\n\
         name: {{ko: 악성 {id}, en: Hostile {id}}}\n\
         summary:\n  ko: {summary_ko}\n  en: A hostile case.\n\
         sources:\n  - {{doc: seri-2002, section: i}}\n\
         country: {{ko: 핀란드, en: Finland}}\n\
         region: {{ko: 울루, en: Oulu}}\n\
         industry: {{ko: 없음, en: None}}\n\
         type: timeline-only\n\
         status: established\n"
    )
}

#[test]
fn hostile_text_never_reaches_plain_output() {
    let dir = collection_copy();
    let cases = dir.path().join("cases");
    let hostile = [
        ("c1-escaped", "\"CSI \\u009b31m red\"".to_string()),
        ("c1-raw", "CSI \u{9b}31m red".to_string()),
        ("esc-escaped", "\"ESC \\e[2J clear\"".to_string()),
        ("bidi-raw", "abc \u{202e}cba reversed".to_string()),
        ("bidi-isolate", "\"isolate \\u2066x\\u2069\"".to_string()),
    ];
    for (id, summary) in &hostile {
        std::fs::write(cases.join(format!("{id}.yaml")), hostile_case(id, summary)).unwrap();
    }
    // A file whose *name* carries an escape sequence: its id cannot match it.
    std::fs::write(
        cases.join("name\x1b[31m.yaml"),
        hostile_case("name-escape", "ok"),
    )
    .unwrap();
    // A sanity check that the template itself is valid.
    std::fs::write(
        cases.join("benign.yaml"),
        hostile_case("benign", "평범한 요약"),
    )
    .unwrap();

    let with = |args: &[&str]| {
        let mut cmd = casebook();
        cmd.arg("--cases").arg(dir.path()).args(args);
        run_cmd(cmd)
    };

    let check = with(&["check"]);
    assert_eq!(
        check.code, 1,
        "check should fail:\n{}{}",
        check.stdout, check.stderr
    );
    assert_clean("check stdout", &check.stdout);
    assert_clean("check stderr", &check.stderr);
    for (id, _) in &hostile {
        assert!(
            check.stdout.contains(&format!("{id}.yaml")),
            "check does not report {id}.yaml:\n{}",
            check.stdout
        );
    }
    assert!(
        check.stdout.contains("name\\u{1b}[31m.yaml"),
        "the escape in the file name should be spelled out:\n{}",
        check.stdout
    );
    assert!(!check.stdout.contains("benign"), "{}", check.stdout);

    for lang in ["en", "ko"] {
        for args in [
            &["list"][..],
            &["list", "--kind", "case"],
            &["matrix"],
            &["search", "hostile"],
            &["search", "red"],
            &["search", "reversed"],
            &["show", "benign"],
            &["show", "benign", "--markdown"],
        ] {
            let r = with(&[&["--lang", lang][..], args].concat());
            assert_clean(&format!("{lang} {args:?} stdout"), &r.stdout);
            assert_clean(&format!("{lang} {args:?} stderr"), &r.stderr);
        }
        let list = with(&["--lang", lang, "list"]);
        assert_eq!(list.code, 0);
        assert!(list.stdout.contains("benign"));
        for (id, _) in &hostile {
            // A control character costs nothing but itself: the case loads, with a
            // placeholder where the character was.
            assert!(
                list.stdout.contains(id),
                "{id} not listed:\n{}",
                list.stdout
            );
        }
        assert!(list.stderr.contains("warning"), "{}", list.stderr);
    }
    // JSON escapes whatever reaches it.
    for args in [&["list", "--json"][..], &["search", "hostile", "--json"]] {
        let r = with(args);
        assert_clean(&format!("{args:?}"), &r.stdout);
    }
}

/// Text the loader accepts but that would disturb a line-oriented display (a line break
/// inside a name) is flattened in plain output.
#[test]
fn multi_line_names_stay_on_one_line() {
    let dir = collection_copy();
    let cases = dir.path().join("cases");
    std::fs::write(
        cases.join("two-lines.yaml"),
        hostile_case("two-lines", "\"first\\nsecond\\tthird\"").replace(
            "name: {ko: 악성 two-lines, en: Hostile two-lines}",
            "name: {ko: \"두\\n줄\", en: \"two\\nlines\"}",
        ),
    )
    .unwrap();
    let mut cmd = casebook();
    cmd.arg("--cases")
        .arg(dir.path())
        .args(["list", "--kind", "case"]);
    let r = run_cmd(cmd);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.lines().count(),
        REQUIRED_CASES.len() + 1,
        "{}",
        r.stdout
    );
    let line = r
        .stdout
        .lines()
        .find(|l| l.contains("two-lines"))
        .expect("two-lines listed");
    assert!(line.contains("two lines"), "{line}");
}

#[test]
fn hostile_cases_path_is_escaped_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("evil\x1b[2Jdir\u{202e}");
    let mut cmd = casebook();
    cmd.arg("--cases").arg(&missing).arg("list");
    let r = run_cmd(cmd);
    assert_eq!(r.code, 2);
    assert_clean("stderr", &r.stderr);
    assert!(
        r.stderr.contains("evil\\u{1b}[2Jdir\\u{202e}"),
        "{}",
        r.stderr
    );
}

/// The explorer refuses, with a hint, when it has no terminal to draw on (it used to wait
/// two seconds for crossterm and print crossterm's error).
#[test]
fn the_explorer_without_a_terminal_says_so_at_once() {
    let output = casebook().output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the explorer needs a terminal") && stderr.contains("casebook list"),
        "{stderr}"
    );
}

/// A word found nowhere as typed is answered by its spelling one edit away, and stderr
/// says which; a word no item holds exits 1 with "nothing matches".
#[test]
fn search_names_the_spelling_it_used_and_says_when_nothing_matches() {
    let out = casebook()
        .args(["search", "Kitsa", "--lang", "en", "--limit", "1"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("kista"), "{stdout}");
    assert!(
        stderr.contains("showing results for the spelling one edit away: \"kista\""),
        "{stderr}"
    );

    let out = casebook()
        .args(["search", "KOSPI", "--lang", "en"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing matches"));
}

// ---------------------------------------------------------------------------------------
// honest output

/// Regression: a write to a full disk used to be ignored, with exit 0 and an empty file.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_reported_once_and_fails() {
    for args in [
        &["list"][..],
        &["show", "ulsan", "--json"],
        &["--help"],
        &["schema"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("casebook"))
            .args(args)
            .env("CASEBOOK_CONFIG", "/nonexistent/casebook-config.toml")
            .env_remove("CASEBOOK_CASES")
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "casebook: error: the output could not be written: No space left on device (os \
             error 28)\n",
            "{args:?}"
        );
    }
}

/// A closed stdout (`casebook list >&-`) is an error too, said once.
#[cfg(unix)]
#[test]
fn a_closed_stdout_is_reported_once_and_fails() {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" list >&-")
        .arg(assert_cmd::cargo::cargo_bin("casebook"))
        .env("CASEBOOK_CONFIG", "/nonexistent/casebook-config.toml")
        .env_remove("CASEBOOK_CASES")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "casebook: error: the output could not be written: standard output is closed\n"
    );
}

/// `casebook list | head -1`: a reader that stops early got what it wanted. The pipe's
/// reading end is closed before casebook starts, so the write always meets a broken pipe.
#[cfg(unix)]
#[test]
fn a_reader_that_stops_early_is_quiet_success() {
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut fds = [0; 2];
    // SAFETY: pipe fills two descriptors, which are owned below and closed once.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    let (read_end, write_end) =
        unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read_end);
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("casebook"))
        .args(["list"])
        .env("CASEBOOK_CONFIG", "/nonexistent/casebook-config.toml")
        .env_remove("CASEBOOK_CASES")
        .stdout(std::process::Stdio::from(write_end))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn comparing_a_case_with_itself_is_refused() {
    let r = run(&["compare", "ulsan", "ulsan"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: `ulsan` is named more than once; compare 2 to 4 different cases\n"
    );
    assert_eq!(r.stdout, "");
}

/// `--limit 0` used to answer "nothing matches".
#[test]
fn search_limit_0_is_a_usage_error() {
    let r = run(&["search", "ulsan", "--limit", "0"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("invalid value '0' for '--limit <N>': 0 is not in 1.."),
        "{}",
        r.stderr
    );
}

/// A megabyte of id is not echoed back whole.
#[test]
fn a_huge_id_is_cut_in_the_message() {
    let id = "x".repeat(100_000);
    for args in [
        vec!["show", id.as_str()],
        vec!["compare", id.as_str(), "ulsan"],
        vec!["new", id.as_str(), "--cases", "/nonexistent"],
    ] {
        let r = run(&args);
        assert_ne!(r.code, 0);
        assert!(
            r.stderr.len() < 400,
            "{} bytes: {}",
            r.stderr.len(),
            &r.stderr[..200]
        );
        assert!(
            r.stderr.contains("… (100000 characters in all)"),
            "{}",
            r.stderr
        );
    }
}

/// Regression: a file name with a line break forged whole lines of `check` output.
#[cfg(unix)]
#[test]
fn a_file_name_with_a_newline_cannot_forge_check_lines() {
    let dir = collection_copy();
    let name = "evil\nforged.yaml:1:1: error: forged\t.yaml";
    std::fs::write(dir.path().join(name), "id: [unclosed\n").unwrap();
    let mut cmd = casebook();
    cmd.arg("--cases").arg(dir.path()).arg("check");
    let r = run_cmd(cmd);
    assert_eq!(r.code, 1);
    let prefix = dir.path().display().to_string();
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.stdout);
    assert!(
        lines[0].starts_with(&format!(
            "{prefix}/evil\\nforged.yaml:1:1: error: forged\\t.yaml:"
        )),
        "{}",
        lines[0]
    );
}

/// Regression: `new` printed the collection path raw, so an escape sequence in
/// `CASEBOOK_CASES` reached the terminal (and could set its title).
#[test]
fn new_escapes_the_paths_it_prints() {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("set\x1b]0;title\x07");
    std::fs::create_dir_all(&cases).unwrap();
    let mut cmd = casebook();
    cmd.env("CASEBOOK_CASES", &cases)
        .args(["new", "gumi-electronics"]);
    let r = run_cmd(cmd);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_clean("new stdout", &r.stdout);
    assert!(
        r.stdout.contains("set\\u{1b}]0;title\\u{7}"),
        "{}",
        r.stdout
    );
    assert!(cases.join("gumi-electronics.yaml").is_file());
}

/// A `cases` setting holding an escape sequence is printed escaped too (it could set the
/// terminal's title, as `CASEBOOK_CASES` could).
#[test]
fn new_escapes_a_cases_setting_it_prints() {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("set\x1b]0;title\x07");
    std::fs::create_dir_all(&cases).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "cases = \"{}/set\\u001b]0;title\\u0007\"\n",
            dir.path().display()
        ),
    )
    .unwrap();
    let mut cmd = casebook();
    cmd.env("CASEBOOK_CONFIG", &config)
        .args(["new", "gumi-electronics"]);
    let r = run_cmd(cmd);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_clean("new stdout", &r.stdout);
    assert_clean("new stderr", &r.stderr);
    assert!(
        r.stdout.contains("set\\u{1b}]0;title\\u{7}"),
        "{}",
        r.stdout
    );
    assert!(cases.join("gumi-electronics.yaml").is_file());
}

/// `new` writes through a temporary file and leaves nothing behind, whole or refused.
#[test]
fn new_leaves_no_temporary_file_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let new = |dir: &Path| {
        let mut cmd = casebook();
        cmd.args(["new", "gumi-electronics", "--cases"]).arg(dir);
        run_cmd(cmd)
    };
    assert_eq!(new(dir.path()).code, 0);
    let path = dir.path().join("gumi-electronics.yaml");
    std::fs::write(&path, "mine").unwrap();
    let again = new(dir.path());
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.contains("already exists; it was not changed"),
        "{}",
        again.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["gumi-electronics.yaml"]);
}

/// Regression: on a full disk `new` left a truncated template, and then refused to
/// replace it. A file size limit of 0 (with SIGXFSZ ignored, so the write fails with
/// EFBIG) stands in for the full disk.
#[cfg(target_os = "linux")]
#[test]
fn new_on_a_full_disk_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 0; exec \"$0\" new gumi-electronics --cases \"$1\"")
        .arg(assert_cmd::cargo::cargo_bin("casebook"))
        .arg(dir.path())
        .env("CASEBOOK_CONFIG", "/nonexistent/casebook-config.toml")
        .env_remove("CASEBOOK_CASES")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "error: cannot write {}: File too large (os error 27); nothing was written\n",
            dir.path().join("gumi-electronics.yaml").display()
        )
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A filter that names no kind or field matches nothing, and says so.
#[test]
fn search_says_when_a_filter_names_nothing() {
    let out = casebook()
        .args(["search", "kind:cas3 ulsan", "--lang", "en"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("\"kind:cas3\" names no kind or field, so nothing matches it"),
        "{stderr}"
    );
}

/// The lines of a plain `show` from the heading `heading` to the next blank line.
fn section_of(stdout: &str, heading: &str) -> String {
    stdout
        .lines()
        .skip_while(|l| *l != heading)
        .take_while(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

// Issue #12: English leads with English numerals and units, the printed value beside it.
#[test]
fn english_show_reads_figures_in_english_and_keeps_the_printed_form() {
    let en = run(&["show", "ulsan", "--lang", "en"]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(
        en.stdout.contains(
            "  • Total investment in the Ulsan Auto Valley project: KRW 231.2 billion (2,312억 원) (2002)\n"
        ),
        "{}",
        en.stdout
    );
    // The running text says it the same way.
    assert!(en.stdout.contains("KRW 231.2 billion (2,312억 원) into it"));
    assert!(!en.stdout.contains("억원"), "{}", en.stdout);
    // A plain percentage is not repeated.
    assert!(en.stdout.contains(": 26.9% (2000)\n"));
    assert!(!en.stdout.contains("26.9% (26.9%)"));

    // The Korean interface keeps the printed form.
    let ko = run(&["show", "ulsan", "--lang", "ko"]);
    assert!(ko.stdout.contains(": 2,312억원 (2002)\n"), "{}", ko.stdout);
    assert!(!ko.stdout.contains("KRW"));

    let icheon = run(&["show", "icheon", "--lang", "en", "--markdown"]);
    assert!(
        icheon.stdout.contains(
            "- Size of the Korean ceramics market: **KRW 520 billion (5,200억 원)** (2002)"
        ),
        "{}",
        icheon.stdout
    );
    let san_diego = run(&["show", "san-diego", "--lang", "en"]).stdout;
    assert!(san_diego.contains("Atkinson's term as UCSD president: 1980–1995\n"));
    assert!(san_diego.contains(": over 1,000 applications a year (천여 건 이상(연간))\n"));
    assert!(!san_diego.contains('~'), "{san_diego}");
}

#[test]
fn english_key_figures_of_daedeok_and_silicon_valley() {
    let mut both = String::new();
    for id in ["daedeok", "silicon-valley"] {
        let r = run(&["show", id, "--lang", "en"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        both.push_str(&section_of(&r.stdout, "Key figures"));
        both.push('\n');
    }
    insta::assert_snapshot!(both);
}

#[test]
fn show_json_adds_the_english_reading_beside_the_printed_value() {
    let item = json(&["show", "daedeok", "--json"]);
    let figures = item["figures"].as_array().unwrap();
    let staff = figures.iter().find(|f| f["value"] == "1만여").unwrap();
    assert_eq!(staff["unit"]["ko"], "명");
    assert_eq!(staff["value_en"], "over 10,000 people");
    let spending = figures.iter().find(|f| f["value"] == "약 2조").unwrap();
    assert_eq!(spending["value_en"], "about KRW 2 trillion");
    // Every figure has one, the plain ones as printed.
    assert!(figures.iter().all(|f| f["value_en"].is_string()));
    let share = figures.iter().find(|f| f["value"] == "69.3").unwrap();
    assert_eq!(share["value_en"], "69.3%");
}

#[test]
fn english_compare_reads_figures_in_english() {
    let r = run(&["compare", "ulsan", "icheon", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("KRW 520 billion (5,200억 원)"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("KRW 231.2 billion (2,312억 원)"));
    let ko = run(&["compare", "ulsan", "icheon", "--lang", "ko"]);
    assert!(ko.stdout.contains("5,200억원"));
    let j = json(&["compare", "ulsan", "icheon", "--json", "--lang", "en"]);
    assert!(j.to_string().contains("KRW 300 billion (3,000억 원)"));
}
