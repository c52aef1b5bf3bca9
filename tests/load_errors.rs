//! One test per file in `tests/fixtures/invalid/`: each bad file is loaded together with
//! a copy of the shipped collection, and the test pins the exact line `casebook check`
//! prints for it (with the temporary directory shown as `CASES`), and that every shipped
//! item still loads beside it.

mod common;
use common::copy_dir;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use casebook::index::Index;
use casebook::load::{self, Loaded};
use casebook::model::Kind;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    manifest().join("tests/fixtures/invalid").join(name)
}

/// A temporary copy of the shipped collection with the fixture `name` (a file or a
/// folder) added at its top.
fn collection_with(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&manifest().join("cases"), dir.path());
    let source = fixture(name);
    if source.is_dir() {
        copy_dir(&source, &dir.path().join(name));
    } else {
        std::fs::copy(&source, dir.path().join(name)).unwrap();
    }
    dir
}

fn shipped() -> Loaded {
    load::load_collection(&manifest().join("cases")).unwrap()
}

/// What `casebook check` prints, one line per problem, with the directory as `CASES`.
fn lines(loaded: &Loaded, dir: &Path) -> Vec<String> {
    let prefix = dir.display().to_string();
    loaded
        .diagnostics
        .iter()
        .map(|d| d.to_string().replace(&prefix, "CASES"))
        .collect()
}

/// Loads the fixture beside the shipped collection; asserts the exact lines `check`
/// prints and that every shipped item loads, plus `own_items` from the fixture itself.
fn assert_fixture(name: &str, expected: &[&str], own_items: usize) {
    let dir = collection_with(name);
    let loaded = load::load_collection(dir.path()).unwrap();
    assert_eq!(lines(&loaded, dir.path()), expected, "fixture {name}");

    let good = shipped();
    assert!(good.diagnostics.is_empty(), "{:?}", good.diagnostics);
    let ids: HashSet<&str> = loaded.items.iter().map(|i| i.id.as_str()).collect();
    for item in &good.items {
        assert!(
            ids.contains(item.id.as_str()),
            "{} lost beside {name}",
            item.id
        );
    }
    assert_eq!(loaded.items.len(), good.items.len() + own_items, "{name}");

    // The index takes the same items and keeps the problems for `check`.
    let index = Index::build(loaded);
    assert_eq!(index.len(), good.items.len() + own_items);
    assert_eq!(index.diagnostics.len(), expected.len());
    assert!(index.of_kind(Kind::Case).len() >= 24);
}

#[test]
fn shipped_collection_is_clean() {
    let loaded = shipped();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert!(loaded.skipped_files.is_empty());
    assert!(loaded.items.len() > 24);
}

#[test]
fn unknown_key_is_named_at_the_key() {
    assert_fixture(
        "unknown-key.yaml",
        &[
            "CASES/unknown-key.yaml:11:1: error: unknown field `factor`, expected one of `id`, \
           `name`, `aliases`, `summary`, `sources`, `country`, `region`, `industry`, `type`, \
           `status`, `era`, `founded`, `actors`, `figures`, `charts`, `strengths`, `weaknesses`, \
           `evaluation`, `sections`, `factors`, `problems`, `strategy`, `counterpart`, \
           `rating_note`",
        ],
        0,
    );
}

#[test]
fn missing_required_field_is_named() {
    assert_fixture(
        "missing-required-field.yaml",
        &["CASES/missing-required-field.yaml:1:1: error: missing required field `industry`"],
        0,
    );
}

#[test]
fn empty_required_text_points_at_the_empty_string() {
    assert_fixture(
        "empty-required-text.yaml",
        &[
            "CASES/empty-required-text.yaml:7:22: error: `region.en` is empty; write the English \
           text",
        ],
        0,
    );
}

#[test]
fn id_that_differs_from_the_file_name() {
    assert_fixture(
        "id-differs-from-file-name.yaml",
        &[
            "CASES/id-differs-from-file-name.yaml:1:5: error: id `some-other-id` differs from the \
           file name `id-differs-from-file-name`; a case file is named after its id",
        ],
        0,
    );
}

#[test]
fn bad_id_format() {
    assert_fixture(
        "bad-id-format.yaml",
        &[
            "CASES/bad-id-format.yaml:1:5: error: id `Bad_Id` is not valid; use lower-case \
           letters, digits and single hyphens, like `san-diego`",
        ],
        0,
    );
}

#[test]
fn bad_status_says_unknown_value_and_lists_the_choices() {
    assert_fixture(
        "bad-enum-status.yaml",
        &[
            "CASES/bad-enum-status.yaml:10:9: error: status: unknown value `finished`, expected \
           one of `established`, `emerging`, `transforming`, `planned`, `not-stated`",
        ],
        0,
    );
}

#[test]
fn a_figure_measure_must_be_known_and_fit_its_unit_and_value() {
    assert_fixture(
        "unknown-measure.yaml",
        &[
            "CASES/unknown-measure.yaml:14:14: error: figures[0].measure: unknown value `staff`, \
           expected one of `start-year`, `firm-count`, `national-share`, `regional-growth`",
        ],
        0,
    );
    assert_fixture(
        "bad-measure.yaml",
        &[
            "CASES/bad-measure.yaml:18:12: error: `figures.0.value` must be a four-digit year \
           for `start-year`, not `1970년대`",
            "CASES/bad-measure.yaml:25:14: error: `figures.1.measure` is `national-share`, \
           which needs the unit `%`; the figure's unit is `개`",
        ],
        0,
    );
}

#[test]
fn bad_charts_name_the_field_and_say_what_a_chart_needs() {
    assert_fixture(
        "bad-chart.yaml",
        &[
            "CASES/bad-chart.yaml:24:11: error: the bars of chart `distance` must share one \
           unit: this figure's is `km`, the first bar's `mile`",
            "CASES/bad-chart.yaml:35:9: error: chart `defects` has 1 bar; a chart needs two \
           figures or more (mark them with `chart: {id: defects, bar: …}`)",
            "CASES/bad-chart.yaml:37:9: error: chart id `Distance!` must be lowercase letters, \
           digits and hyphens",
            "CASES/bad-chart.yaml:13:12: error: a bar of a chart needs a plain number (80, 7,500, \
           69.3), not `80/50`; leave this figure out of the chart",
            "CASES/bad-chart.yaml:25:44: error: `figures.2.chart.bar.en` is empty; write the \
           English text",
            "CASES/bad-chart.yaml:30:17: error: chart `shares` is not declared under `charts` in \
           this case",
        ],
        0,
    );
}

#[test]
fn bad_strength_points_at_the_nested_value() {
    assert_fixture(
        "bad-strength.yaml",
        &[
            "CASES/bad-strength.yaml:14:15: error: actors[0].strength: unknown value \
           `very-strong`, expected one of `strong`, `medium`, `weak`",
        ],
        0,
    );
}

#[test]
fn list_where_text_is_expected_says_what_to_write() {
    assert_fixture(
        "wrong-type.yaml",
        &[
            "CASES/wrong-type.yaml:6:10: error: country: found a list, expected a text in both \
           languages: `{ko: ..., en: ...}`",
        ],
        0,
    );
}

#[test]
fn dangling_type_is_reported_but_the_case_still_loads() {
    assert_fixture(
        "dangling-type.yaml",
        &[
            "CASES/dangling-type.yaml:9:7: error: dangling link: no type has the id \
           `university-lead`",
        ],
        1,
    );
}

#[test]
fn unknown_source_document_is_named_at_the_doc() {
    assert_fixture(
        "unknown-source-document.yaml",
        &[
            "CASES/unknown-source-document.yaml:5:11: error: dangling link: no source has the id \
           `seri-2003`",
        ],
        1,
    );
}

#[test]
fn a_source_naming_another_kind_of_item_says_what_it_is() {
    assert_fixture(
        "source-is-not-a-document.yaml",
        &[
            "CASES/source-is-not-a-document.yaml:5:11: error: dangling link: `daedeok` is a case, \
           not a source",
        ],
        1,
    );
}

#[test]
fn unknown_source_section_is_named_at_the_section_and_the_fact_keeps_its_source() {
    let name = "unknown-source-section.yaml";
    assert_fixture(
        name,
        &["CASES/unknown-source-section.yaml:14:39: error: dangling link: source `seri-2002` has \
           no section `Ⅱ-2 ① 국내: 대덕밸리의 ITㆍ바이오 클러스터`"],
        1,
    );
    // The statement still shows, cited by ids rather than by nothing.
    let dir = collection_with(name);
    let index = Index::build(load::load_collection(dir.path()).unwrap());
    let case = index.get("unknown-source-section").unwrap().case().unwrap();
    let cited = index.cite(&case.strengths[0].source, casebook::model::Lang::En);
    assert_eq!(
        cited,
        "Bok et al. (2002), SERI, §Ⅱ-2 ① 국내: 대덕밸리의 ITㆍ바이오 클러스터"
    );
}

#[test]
fn a_page_outside_its_section_is_named_at_the_page_with_the_pages_it_may_be() {
    assert_fixture(
        "source-page-outside-section.yaml",
        &[
            "CASES/source-page-outside-section.yaml:14:61: error: page 9 is not in section \
           `ii-2-1-daedeok` of `seri-2002`: it is on page 8",
            "CASES/source-page-outside-section.yaml:17:68: error: slide 12 is not in section \
           `iii-1-kista` of `yeongwol-solar-plan`: its slide numbers are not known; leave out \
           `page`",
        ],
        1,
    );
}

#[test]
fn a_source_in_the_old_file_and_section_shape_says_what_replaced_it() {
    assert_fixture(
        "source-in-the-old-shape.yaml",
        &[
            "CASES/source-in-the-old-shape.yaml:5:6: error: sources[0]: unknown field `file`, \
           expected one of `doc`, `section`, `page`; a source names a document and its section \
           by id, like `{doc: seri-2002, section: ii-2-1-daedeok}` (`casebook sources` lists \
           them)",
        ],
        0,
    );
}

#[test]
fn a_source_catalog_entry_is_checked_field_by_field() {
    assert_fixture(
        "source-catalog-errors.yaml",
        &[
            "CASES/source-catalog-errors.yaml:9:31: error: a month is 1 to 12",
            "CASES/source-catalog-errors.yaml:13:72: error: list every page the section is \
           printed on, in order, from 1 (like [8, 9])",
            "CASES/source-catalog-errors.yaml:14:14: error: section id `a` is used twice in this \
           document",
            "CASES/source-catalog-errors.yaml:14:73: error: page 6 is past the end of the \
           document (5 pages)",
            "CASES/source-catalog-errors.yaml:15:63: error: `items.0.sections.2.heading.en` is \
           empty; write the English text",
            "CASES/source-catalog-errors.yaml:16:9: error: missing field `date` (year, \
           certainty, label and evidence)",
        ],
        0,
    );
}

#[test]
fn dangling_factor_points_at_the_list_entry_and_is_dropped() {
    let name = "dangling-factor.yaml";
    assert_fixture(
        name,
        &[
            "CASES/dangling-factor.yaml:11:29: error: dangling link: no factor has the id \
           `no-such-factor`",
        ],
        1,
    );
    let dir = collection_with(name);
    let index = Index::build(load::load_collection(dir.path()).unwrap());
    let item = index.get("dangling-factor").unwrap();
    match &item.details {
        casebook::model::Details::Case(case) => {
            assert_eq!(case.factors, vec!["entrepreneurship".to_string()])
        }
        other => panic!("not a case: {other:?}"),
    }
}

#[test]
fn counterpart_that_is_not_mutual() {
    assert_fixture(
        "counterpart-not-mutual.yaml",
        &[
            "CASES/counterpart-not-mutual.yaml:11:14: error: counterpart `daedeok` does not name \
           `counterpart-not-mutual` back; counterparts are mutual",
        ],
        1,
    );
}

#[test]
fn duplicate_id_names_the_first_file() {
    assert_fixture(
        "duplicate-id",
        &[
            "CASES/duplicate-id/second/duplicate-id.yaml:1:5: error: id `duplicate-id` is \
           already used in CASES/duplicate-id/first/duplicate-id.yaml; ids must be unique \
           across all kinds",
        ],
        1,
    );
}

#[test]
fn unclosed_flow_mapping_gets_a_hint() {
    assert_fixture(
        "yaml-syntax-error.yaml",
        &[
            "CASES/yaml-syntax-error.yaml:8:9: error: YAML syntax: while parsing a flow mapping, \
           did not find expected ',' or '}' — a `{` is not closed with `}` (look here and on \
           the lines above), a `,` is missing between its fields, or a text containing `: ` \
           is not in double quotes",
        ],
        0,
    );
}

#[test]
fn tab_indentation_points_at_the_tab_and_says_use_spaces() {
    assert_fixture(
        "tab-indentation.yaml",
        &[
            "CASES/tab-indentation.yaml:5:1: error: a tab is used for indentation; YAML allows \
           only spaces there — indent with spaces",
        ],
        0,
    );
}

#[test]
fn anchor_is_reported_at_the_ampersand() {
    assert_fixture(
        "anchor-alias.yaml",
        &[
            "CASES/anchor-alias.yaml:6:10: error: YAML anchors (`&name`) are not allowed in case \
           files; write the value out",
        ],
        0,
    );
}

/// The text of `field` (English name or Korean summary) of the fixture's own item.
fn loaded_text(name: &str, id: &str) -> (String, String) {
    let dir = collection_with(name);
    let loaded = load::load_collection(dir.path()).unwrap();
    let item = loaded.items.iter().find(|i| i.id == id).unwrap();
    (item.name.en.clone(), item.summary.ko.clone())
}

#[test]
fn control_character_escape_is_shown_as_a_placeholder_and_the_case_loads() {
    assert_fixture(
        "control-character.yaml",
        &[
            "CASES/control-character.yaml:2:31: warning: escape U+001B is shown as \u{FFFD}; \
           remove it from the file — it could change what a terminal shows",
        ],
        1,
    );
    let (name, _) = loaded_text("control-character.yaml", "control-character");
    assert_eq!(name, "Test \u{FFFD}[31mcluster");
}

#[test]
fn bidi_override_escape_is_shown_as_a_placeholder_and_the_case_loads() {
    assert_fixture(
        "bidi-override.yaml",
        &[
            "CASES/bidi-override.yaml:2:31: warning: direction override U+202E is shown as \
           \u{FFFD}; remove it from the file — it could change what a terminal shows",
        ],
        1,
    );
    let (name, _) = loaded_text("bidi-override.yaml", "bidi-override");
    assert_eq!(name, "Test \u{FFFD}cluster");
}

#[test]
fn raw_control_characters_are_shown_as_placeholders_and_the_case_loads() {
    assert_fixture(
        "raw-control-character.yaml",
        &[
            "CASES/raw-control-character.yaml:2:31: warning: escape U+001B is shown as \
             \u{FFFD}; remove it from the file — it could change what a terminal shows",
            "CASES/raw-control-character.yaml:2:43: warning: direction override U+202E is shown \
             as \u{FFFD}; remove it from the file — it could change what a terminal shows",
        ],
        1,
    );
    let (name, _) = loaded_text("raw-control-character.yaml", "raw-control-character");
    assert_eq!(name, "Test \u{FFFD}[31mcluster\u{FFFD}");
}

/// Regression: one zero-width space used to refuse the whole file.
#[test]
fn invisible_characters_pasted_from_a_pdf_are_removed_and_the_case_loads() {
    assert_fixture(
        "zero-width-space.yaml",
        &[
            "CASES/zero-width-space.yaml:2:30: warning: invisible zero-width space U+200B \
             removed; it is often pasted in with text from a PDF or a web page",
            "CASES/zero-width-space.yaml:3:18: warning: invisible soft hyphen U+00AD removed; it \
             is often pasted in with text from a PDF or a web page",
            "CASES/zero-width-space.yaml:3:22: warning: invisible word joiner U+2060 removed; it \
             is often pasted in with text from a PDF or a web page",
            "CASES/zero-width-space.yaml:3:26: warning: invisible byte order mark U+FEFF \
             removed; it is often pasted in with text from a PDF or a web page",
        ],
        1,
    );
    let (name, summary) = loaded_text("zero-width-space.yaml", "zero-width-space");
    assert_eq!(name, "Test cluster");
    assert_eq!(summary, "시험용 사례이다.");
}

/// Regression: Hangul fillers and tag characters used to pass silently.
#[test]
fn hangul_fillers_and_tag_characters_are_removed_with_a_warning_each() {
    assert_fixture(
        "hangul-filler.yaml",
        &[
            "CASES/hangul-filler.yaml:2:38: warning: invisible tag character U+E0041 removed; it \
             is often pasted in with text from a PDF or a web page",
            "CASES/hangul-filler.yaml:2:39: warning: invisible tag character U+E007F removed; it \
             is often pasted in with text from a PDF or a web page",
            "CASES/hangul-filler.yaml:3:18: warning: invisible Hangul filler U+3164 removed; it \
             is often pasted in with text from a PDF or a web page",
            "CASES/hangul-filler.yaml:3:22: warning: invisible Hangul filler U+115F removed; it \
             is often pasted in with text from a PDF or a web page",
            "CASES/hangul-filler.yaml:3:23: warning: invisible Hangul filler U+1160 removed; it \
             is often pasted in with text from a PDF or a web page",
            "CASES/hangul-filler.yaml: warning: 1 more invisible or control characters in this \
             file were removed or shown as \u{FFFD} the same way",
        ],
        1,
    );
    let (name, summary) = loaded_text("hangul-filler.yaml", "hangul-filler");
    assert_eq!(name, "Test cluster");
    assert_eq!(summary, "시험용 사례이다.");
}

#[test]
fn empty_file_has_no_position() {
    assert_fixture(
        "empty.yaml",
        &[
            "CASES/empty.yaml: error: the file is empty; a case needs at least id, name, summary, \
           sources, country, region, industry, type and status",
        ],
        0,
    );
}

#[test]
fn top_level_list_is_not_a_mapping() {
    assert_fixture(
        "not-a-mapping.yaml",
        &[
            "CASES/not-a-mapping.yaml:1:1: error: the file must be a YAML mapping (`key: value` \
           lines) at the top level",
        ],
        0,
    );
}

#[test]
fn second_document_is_reported_at_its_separator() {
    assert_fixture(
        "two-documents.yaml",
        &[
            "CASES/two-documents.yaml:11:1: error: more than one YAML document (`---`); put each \
           case in its own file",
        ],
        0,
    );
}

#[test]
fn catalog_unknown_kind() {
    assert_fixture(
        "catalog-unknown-kind.yaml",
        &[
            "CASES/catalog-unknown-kind.yaml:1:10: error: unknown catalog kind `factors`; \
           expected one of role, type, factor, problem, strategy, concept (cases go one per \
           file, without `catalog:`)",
        ],
        0,
    );
}

#[test]
fn catalog_field_of_other_kind() {
    assert_fixture(
        "catalog-field-of-other-kind.yaml",
        &[
            "CASES/catalog-field-of-other-kind.yaml:8:5: error: `regions` is not a field of a \
           factor entry (only of a strategy)",
        ],
        0,
    );
}

#[test]
fn table_row_length_counts_in_words() {
    assert_fixture(
        "table-row-length.yaml",
        &[
            "CASES/table-row-length.yaml:15:13: error: row has 1 cell but the table has 2 \
           columns",
        ],
        0,
    );
}

#[test]
fn repeated_key_is_reported_at_the_second_one() {
    assert_fixture(
        "duplicate-key.yaml",
        &[
            "CASES/duplicate-key.yaml:11:1: error: field `status` is written twice here (first on \
           line 10); keep only one",
        ],
        0,
    );
}

#[test]
fn utf16_file_is_named_as_utf16() {
    assert_fixture(
        "utf-16.yaml",
        &[
            "CASES/utf-16.yaml:1:1: error: the file is saved as UTF-16 (it starts with a UTF-16 \
           byte order mark); save it as UTF-8",
        ],
        0,
    );
}

#[test]
fn alias_without_anchor_is_called_an_alias() {
    assert_fixture(
        "alias-without-anchor.yaml",
        &[
            "CASES/alias-without-anchor.yaml:11:14: error: YAML aliases (`*name`) are not allowed \
           in case files; write the value out",
        ],
        0,
    );
}

#[test]
fn colon_in_unquoted_flow_text_suggests_quotes() {
    assert_fixture(
        "colon-in-plain-text.yaml",
        &[
            "CASES/colon-in-plain-text.yaml:11:32: error: YAML syntax: while parsing a flow \
           mapping, did not find expected ',' or '}' — a `{` is not closed with `}` (look here \
           and on the lines above), a `,` is missing between its fields, or a text containing \
           `: ` is not in double quotes",
        ],
        0,
    );
}

/// Every fixture is used by a test above.
#[test]
fn every_fixture_is_tested() {
    let source = std::fs::read_to_string(manifest().join("tests/load_errors.rs")).unwrap();
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            source.contains(&format!("\"{name}\"")),
            "fixture {name} has no test"
        );
    }
}

// The binary: `casebook check --cases DIR`.

#[test]
fn check_exits_0_on_the_clean_shipped_copy() {
    let dir = collection_with("empty.yaml");
    std::fs::remove_file(dir.path().join("empty.yaml")).unwrap();
    let output = Command::cargo_bin("casebook")
        .unwrap()
        .args(["check", "--cases"])
        .arg(dir.path())
        .env_remove("CASEBOOK_CASES")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
}

fn check_binary(name: &str) -> (Option<i32>, String) {
    let dir = collection_with(name);
    let output = Command::cargo_bin("casebook")
        .unwrap()
        .args(["check", "--cases"])
        .arg(dir.path())
        .env_remove("CASEBOOK_CASES")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let prefix = dir.path().display().to_string();
    (output.status.code(), stdout.replace(&prefix, "CASES"))
}

#[test]
fn check_binary_prints_the_dangling_link_and_exits_1() {
    let (code, stdout) = check_binary("dangling-factor.yaml");
    assert_eq!(code, Some(1));
    assert_eq!(
        stdout,
        "CASES/dangling-factor.yaml:11:29: error: dangling link: no factor has the id \
         `no-such-factor`\n"
    );
}

#[test]
fn check_binary_prints_the_repaired_escape_and_exits_0() {
    let (code, stdout) = check_binary("control-character.yaml");
    // A warning: the case loaded in full, with a placeholder where the escape was.
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout,
        "CASES/control-character.yaml:2:31: warning: escape U+001B is shown as \u{FFFD}; \
         remove it from the file — it could change what a terminal shows\n"
    );
    assert!(!stdout.contains('\u{1b}'));
}
