//! Hostile files beside the shipped good ones, in one collection: `casebook check`
//! reports each (with line and column where there is one) and exits 1, `list` still lists
//! every good case, nothing panics or hangs, and the whole check stays small.

mod common;
use common::copy_dir;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use casebook::load::{self, Diagnostic, MAX_FILE_BYTES};
use unicode_normalization::UnicodeNormalization;

/// A hang guard, not a performance target.
const HANG: Duration = Duration::from_secs(20);

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary copy of the shipped collection.
fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&manifest().join("cases"), dir.path());
    dir
}

fn shipped_case_ids() -> Vec<String> {
    let loaded = load::load_collection(&manifest().join("cases")).unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let ids: Vec<String> = loaded
        .items
        .iter()
        .filter(|i| i.kind == casebook::model::Kind::Case)
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(ids.len(), 24);
    ids
}

/// A valid case file (linking only to shipped ids) with the given id.
fn valid_case(id: &str) -> String {
    format!(
        "id: {id}\n\
         name: {{ko: 시험 클러스터, en: Test cluster}}\n\
         summary: {{ko: 시험용 사례이다., en: A case used by the tests.}}\n\
         sources:\n  - {{doc: seri-2002, section: ii-2}}\n\
         country: {{ko: 한국, en: Korea}}\n\
         region: {{ko: 대전, en: Daejeon}}\n\
         industry: {{ko: 바이오, en: Biotech}}\n\
         type: university-led\n\
         status: emerging\n\
         factors: [entrepreneurship]\n"
    )
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `casebook ARGS --cases DIR`, with the directory shown as `CASES`.
fn casebook(dir: &Path, args: &[&str]) -> Run {
    let started = Instant::now();
    let output = Command::cargo_bin("casebook")
        .unwrap()
        .args(args)
        .arg("--cases")
        .arg(dir)
        .env_remove("CASEBOOK_CASES")
        .timeout(HANG)
        .output()
        .unwrap();
    assert!(started.elapsed() < HANG, "`casebook {args:?}` hung");
    let prefix = dir.display().to_string();
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).replace(&prefix, "CASES"),
        stderr: String::from_utf8_lossy(&output.stderr).replace(&prefix, "CASES"),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// `list` still lists every shipped case (and exits 0, with a warning).
fn assert_lists_every_good_case(dir: &Path) {
    let run = casebook(dir, &["list", "--kind", "case", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let listed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let listed: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    for id in shipped_case_ids() {
        assert!(listed.contains(&id.as_str()), "{id} is missing from list");
    }
}

/// `check` prints exactly these lines and exits 1; `list` still lists every good case.
fn assert_reported(dir: &Path, expected: &[&str]) {
    let run = casebook(dir, &["check"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines, expected, "stderr: {}", run.stderr);
    assert_eq!(run.code, Some(1), "stderr: {}", run.stderr);
    assert!(!run.stdout.chars().any(|c| c.is_control() && c != '\n'));
    assert_lists_every_good_case(dir);
}

/// A collection of the shipped files and one more, written as bytes.
fn with_file(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = shipped_copy();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    dir
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(manifest().join("tests/fixtures/invalid").join(name)).unwrap()
}

fn billion_laughs() -> String {
    let mut yaml = String::from("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        yaml.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    yaml
}

/// Deterministic bytes (xorshift64), so the expected message is fixed.
fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

const ANCHOR: &str =
    "error: YAML anchors (`&name`) are not allowed in case files; write the value out";
const NESTING: &str = "error: nesting deeper than 32 levels; case files need far fewer";
const NOT_UTF8_HINT: &str = "save the file as UTF-8 (it may be in EUC-KR/CP949 or Latin-1)";

#[test]
fn billion_laughs_is_refused_at_the_first_anchor() {
    let dir = with_file("bomb.yaml", billion_laughs().as_bytes());
    assert_reported(dir.path(), &[&format!("CASES/bomb.yaml:1:5: {ANCHOR}")]);
}

#[test]
fn long_string_alias_repeated_thousands_of_times_is_refused() {
    let long = "라".repeat(20_000);
    let mut yaml = format!("id: x\nsummary: &s {{ko: \"{long}\", en: \"{long}\"}}\npoints:\n");
    for _ in 0..5_000 {
        yaml.push_str("  - *s\n");
    }
    assert!(yaml.len() < MAX_FILE_BYTES as usize);
    let dir = with_file("long-alias.yaml", yaml.as_bytes());
    assert_reported(
        dir.path(),
        &[&format!("CASES/long-alias.yaml:2:10: {ANCHOR}")],
    );
}

#[test]
fn nesting_thousands_deep_says_nesting() {
    let dir = with_file("deep.yaml", "[".repeat(5_000).as_bytes());
    assert_reported(dir.path(), &[&format!("CASES/deep.yaml:1:256: {NESTING}")]);
}

#[test]
fn block_nesting_thousands_deep_says_nesting() {
    let yaml = "- ".repeat(5_000) + "x\n";
    let dir = with_file("deep-block.yaml", yaml.as_bytes());
    assert_reported(
        dir.path(),
        &[&format!("CASES/deep-block.yaml:1:65: {NESTING}")],
    );
}

#[test]
fn nesting_a_million_deep_under_the_size_limit_says_nesting() {
    let yaml = "[".repeat(1_000_000);
    assert!(yaml.len() as u64 <= MAX_FILE_BYTES);
    let dir = with_file("deep-million.yaml", yaml.as_bytes());
    assert_reported(
        dir.path(),
        &[&format!("CASES/deep-million.yaml:1:256: {NESTING}")],
    );
}

#[test]
fn nesting_over_the_size_limit_is_refused_for_size() {
    let dir = with_file("deep-big.yaml", "[".repeat(2_000_000).as_bytes());
    assert_reported(
        dir.path(),
        &[
            "CASES/deep-big.yaml: error: file is 2,000,000 bytes; case files are limited to \
             1,048,576 bytes (1 MiB) and this one was not read",
        ],
    );
}

/// Just over the limit, the size is given exactly: "1.0 MiB" against a "1 MiB" limit
/// read as if the file were within it.
#[test]
fn a_file_just_over_the_limit_says_its_exact_size() {
    let dir = shipped_copy();
    let file = std::fs::File::create(dir.path().join("big.yaml")).unwrap();
    file.set_len(1_089_000).unwrap(); // sparse: instant, takes no disk
    drop(file);
    assert_reported(
        dir.path(),
        &[
            "CASES/big.yaml: error: file is 1,089,000 bytes; case files are limited to \
             1,048,576 bytes (1 MiB) and this one was not read",
        ],
    );
}

#[test]
fn file_of_tens_of_megabytes_is_refused_without_reading_it() {
    let dir = shipped_copy();
    let file = std::fs::File::create(dir.path().join("huge.yaml")).unwrap();
    file.set_len(40 * 1024 * 1024).unwrap(); // sparse: instant, takes no disk
    drop(file);
    assert_reported(
        dir.path(),
        &[
            "CASES/huge.yaml: error: file is 41,943,040 bytes; case files are limited to \
             1,048,576 bytes (1 MiB) and this one was not read",
        ],
    );
}

#[test]
fn random_binary_bytes_name_the_first_bad_byte() {
    let bytes = random_bytes(0x5EED_CA5E_B00C, 64 * 1024);
    let dir = with_file("binary.yaml", &bytes);
    assert_reported(
        dir.path(),
        &[&format!(
            "CASES/binary.yaml:2:4: error: not valid UTF-8 (byte 0x98); {NOT_UTF8_HINT}"
        )],
    );
}

#[test]
fn latin1_names_the_byte_and_its_line_and_column() {
    // "café" in Latin-1: é is the single byte 0xE9.
    let dir = with_file(
        "latin1.yaml",
        b"id: latin1\nname: {ko: caf\xE9, en: caf\xE9}\n",
    );
    assert_reported(
        dir.path(),
        &[&format!(
            "CASES/latin1.yaml:2:15: error: not valid UTF-8 (byte 0xE9); {NOT_UTF8_HINT}"
        )],
    );
}

#[test]
fn euc_kr_names_the_byte_and_its_line_and_column() {
    // "한국" in EUC-KR is C7 D1 B1 B9.
    let dir = with_file(
        "euckr.yaml",
        b"id: euckr\nname: {ko: \xC7\xD1\xB1\xB9, en: Korea}\n",
    );
    assert_reported(
        dir.path(),
        &[&format!(
            "CASES/euckr.yaml:2:12: error: not valid UTF-8 (byte 0xC7); {NOT_UTF8_HINT}"
        )],
    );
}

#[test]
fn empty_file() {
    let dir = with_file("empty.yaml", b"");
    assert_reported(
        dir.path(),
        &[
            "CASES/empty.yaml: error: the file is empty; a case needs at least id, name, \
           summary, sources, country, region, industry, type and status",
        ],
    );
}

#[test]
fn tab_indentation() {
    let dir = with_file("tab-indentation.yaml", &fixture("tab-indentation.yaml"));
    assert_reported(
        dir.path(),
        &[
            "CASES/tab-indentation.yaml:5:1: error: a tab is used for indentation; YAML allows \
           only spaces there — indent with spaces",
        ],
    );
}

#[test]
fn wrong_types() {
    let dir = with_file("wrong-type.yaml", &fixture("wrong-type.yaml"));
    let founded = valid_case("wrong-year") + "founded: \"about 1990\"\n";
    std::fs::write(dir.path().join("wrong-year.yaml"), founded).unwrap();
    assert_reported(
        dir.path(),
        &[
            "CASES/wrong-type.yaml:6:10: error: country: found a list, expected a text in both \
             languages: `{ko: ..., en: ...}`",
            "CASES/wrong-year.yaml:12:10: error: founded: found string \"about 1990\", expected \
             a whole number",
        ],
    );
}

#[test]
fn unknown_keys() {
    let dir = with_file("unknown-key.yaml", &fixture("unknown-key.yaml"));
    let nested = valid_case("unknown-nested").replace("en: Korea}", "en: Korea, jp: 韓国}");
    std::fs::write(dir.path().join("unknown-nested.yaml"), nested).unwrap();
    let run = casebook(dir.path(), &["check"]);
    assert_eq!(run.code, Some(1));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].starts_with("CASES/unknown-key.yaml:11:1: error: unknown field `factor`"));
    assert_eq!(
        lines[1],
        "CASES/unknown-nested.yaml:6:30: error: country: unknown field `jp`, expected `ko` or `en`"
    );
    assert_lists_every_good_case(dir.path());
}

#[test]
fn id_that_repeats_another_files() {
    let dir = shipped_copy();
    let extra = dir.path().join("zz-extra");
    std::fs::create_dir(&extra).unwrap();
    std::fs::copy(
        dir.path().join("cases/san-diego.yaml"),
        extra.join("san-diego.yaml"),
    )
    .unwrap();
    assert_reported(
        dir.path(),
        &[
            "CASES/zz-extra/san-diego.yaml:1:5: error: id `san-diego` is already used in \
           CASES/cases/san-diego.yaml; ids must be unique across all kinds",
        ],
    );
}

#[test]
fn id_that_differs_from_its_file_name() {
    let dir = with_file("not-its-id.yaml", valid_case("its-id").as_bytes());
    assert_reported(
        dir.path(),
        &[
            "CASES/not-its-id.yaml:1:5: error: id `its-id` differs from the file name \
           `not-its-id`; a case file is named after its id",
        ],
    );
}

#[test]
fn dangling_reference() {
    let dir = with_file("dangling-factor.yaml", &fixture("dangling-factor.yaml"));
    assert_reported(
        dir.path(),
        &[
            "CASES/dangling-factor.yaml:11:29: error: dangling link: no factor has the id \
           `no-such-factor`",
        ],
    );
}

#[cfg(unix)]
#[test]
fn folder_link_inside_the_collection_is_not_followed() {
    let dir = shipped_copy();
    std::os::unix::fs::symlink("..", dir.path().join("cases/up")).unwrap();
    let run = casebook(dir.path(), &["check"]);
    assert_eq!(
        run.stdout,
        "CASES/cases/up: warning: symbolic link to a folder of this collection; not followed \
         (its files are read where they are)\n"
    );
    // Nothing is missing: every file is read where it is.
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_lists_every_good_case(dir.path());
}

#[cfg(unix)]
#[test]
fn file_link_to_itself_is_reported_as_a_link() {
    let dir = shipped_copy();
    std::os::unix::fs::symlink("loop.yaml", dir.path().join("loop.yaml")).unwrap();
    assert_reported(
        dir.path(),
        &[
            "CASES/loop.yaml: error: symbolic link that leads nowhere (it points to itself, \
           loops, or its target is missing); skipped",
        ],
    );
}

#[test]
fn directory_named_like_a_yaml_file() {
    let dir = shipped_copy();
    std::fs::create_dir(dir.path().join("x.yaml")).unwrap();
    std::fs::write(dir.path().join("x.yaml/inside.yaml"), b"not: read").unwrap();
    assert_reported(
        dir.path(),
        &["CASES/x.yaml: error: is a directory, not a YAML file; its contents are not read"],
    );
}

#[cfg(unix)]
#[test]
fn fifo_named_like_a_yaml_file_does_not_hang() {
    let dir = shipped_copy();
    let fifo = dir.path().join("x.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    assert_reported(
        dir.path(),
        &["CASES/x.yaml: error: is a named pipe (FIFO), not a regular file; skipped"],
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported_or_loads_when_running_as_root() {
    use std::os::unix::fs::PermissionsExt;
    let dir = with_file("unreadable.yaml", valid_case("unreadable").as_bytes());
    let path = dir.path().join("unreadable.yaml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Root (or a capability) reads through mode 000: the file is simply a good case.
        let run = casebook(dir.path(), &["check"]);
        assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
        let list = casebook(dir.path(), &["list", "--kind", "case"]);
        assert!(list.stdout.contains("unreadable"), "{}", list.stdout);
    } else {
        assert_reported(
            dir.path(),
            &["CASES/unreadable.yaml: error: permission denied; the file cannot be read"],
        );
    }
    // Let the temporary directory be removed.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn bom_and_crlf_file_loads() {
    let text = valid_case("windows-saved").replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let dir = with_file("windows-saved.yaml", &bytes);
    let run = casebook(dir.path(), &["check"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let loaded = load::load_collection(dir.path()).unwrap();
    let item = loaded
        .items
        .iter()
        .find(|i| i.id == "windows-saved")
        .unwrap();
    assert_eq!(item.name.en, "Test cluster");
    assert!(!item.summary.en.contains('\r'));
}

#[test]
fn nfd_hangul_file_loads_composed() {
    let composed = valid_case("nfd-hangul");
    let decomposed: String = composed.nfd().collect();
    assert_ne!(composed, decomposed);
    let dir = with_file("nfd-hangul.yaml", decomposed.as_bytes());
    let run = casebook(dir.path(), &["check"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let loaded = load::load_collection(dir.path()).unwrap();
    let item = loaded.items.iter().find(|i| i.id == "nfd-hangul").unwrap();
    assert_eq!(item.name.ko, "시험 클러스터");
    assert_eq!(item.name.ko.chars().count(), 7);
}

#[test]
fn control_character_in_a_key_never_reaches_the_terminal() {
    let yaml = valid_case("escape-key") + "\"a\\u001b[2Jb\": 1\n";
    let dir = with_file("escape-key.yaml", yaml.as_bytes());
    assert_reported(
        dir.path(),
        &[
            "CASES/escape-key.yaml:12:3: warning: escape U+001B is shown as \u{FFFD}; remove it \
             from the file — it could change what a terminal shows",
            "CASES/escape-key.yaml:12:1: error: unknown field `a\u{FFFD}[2Jb`, expected one of \
             `id`, `name`, `aliases`, `summary`, `sources`, `country`, `region`, `industry`, \
             `type`, `status`, `era`, `founded`, `actors`, `figures`, `charts`, `strengths`, \
             `weaknesses`, `evaluation`, `sections`, `factors`, `problems`, `strategy`, \
             `counterpart`, `rating_note`",
        ],
    );
}

/// Regression: one zero-width space in a catalog used to refuse it, so every success
/// factor vanished and healthy cases got false "dangling link" errors.
#[test]
fn zero_width_space_in_a_catalog_loses_no_item_and_no_link() {
    let dir = shipped_copy();
    let path = dir.path().join("catalog/factors.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "\"연구중심 대학ㆍ연구소의",
        "\"연구중심\u{200B} 대학ㆍ연구소의",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let run = casebook(dir.path(), &["check"]);
    assert_eq!(
        run.stdout,
        "CASES/catalog/factors.yaml:4:21: warning: invisible zero-width space U+200B removed; \
         it is often pasted in with text from a PDF or a web page\n"
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let loaded = load::load_collection(dir.path()).unwrap();
    let shipped = load::load_collection(&manifest().join("cases")).unwrap();
    assert_eq!(
        loaded.items,
        shipped
            .items
            .iter()
            .map(|i| {
                let mut i = i.clone();
                i.file = i.file.replace(
                    &manifest().join("cases").display().to_string(),
                    &dir.path().display().to_string(),
                );
                i
            })
            .collect::<Vec<_>>()
    );
}

/// A catalog that cannot be read at all is one error, and one note that the links
/// into it could not be checked — not an error on every case that names a factor.
#[test]
fn refused_catalog_gives_no_false_dangling_links() {
    let dir = shipped_copy();
    let path = dir.path().join("catalog/factors.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("items:\n", "items:\n\t", 1)).unwrap();
    let run = casebook(dir.path(), &["check"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines[0].starts_with("CASES/catalog/factors.yaml:3:1: error: a tab"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("CASES/catalog/factors.yaml: warning: ")
            && lines[1].ends_with(
                " links from other files to items of this file could not be checked because \
                 those items were not loaded; they are left out until it is fixed"
            ),
        "{}",
        lines[1]
    );
    assert!(!run.stdout.contains("dangling"), "{}", run.stdout);
    assert_eq!(run.code, Some(1));
}

/// One bad entry costs a catalog that entry only, and the cases that link to it get no
/// false "dangling link" errors.
#[test]
fn one_bad_catalog_entry_costs_only_itself() {
    let dir = shipped_copy();
    let path = dir.path().join("catalog/factors.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen(
        "name: {ko: \"연구중심 대학ㆍ연구소의 거점 역할\"",
        "name: {ko: \"\"",
        1,
    );
    assert_ne!(broken, text);
    std::fs::write(&path, broken).unwrap();
    let run = casebook(dir.path(), &["check"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "CASES/catalog/factors.yaml:4:16: error: `items.0.name.ko` is empty; write the Korean text",
        "{}",
        run.stdout
    );
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines[1].starts_with("CASES/catalog/factors.yaml: warning: "),
        "{}",
        lines[1]
    );
    assert_eq!(run.code, Some(1));
    let loaded = load::load_collection(dir.path()).unwrap();
    let shipped = load::load_collection(&manifest().join("cases")).unwrap();
    let factors = |l: &load::Loaded| {
        l.items
            .iter()
            .filter(|i| i.kind == casebook::model::Kind::Factor)
            .count()
    };
    assert_eq!(factors(&loaded), factors(&shipped) - 1);
    assert!(!loaded
        .items
        .iter()
        .any(|i| i.id == "research-university-anchor"));
}

/// A removed character moves nothing: an error later on its line is still reported at
/// its column in the file as written.
#[test]
fn positions_after_a_removed_character_are_as_written() {
    let yaml = valid_case("zwsp-then-error").replace(
        "name: {ko: 시험 클러스터, en: Test cluster}",
        "name: {ko: 시험\u{200B} 클러스터, en: \"\"}",
    );
    let dir = with_file("zwsp-then-error.yaml", yaml.as_bytes());
    assert_reported(
        dir.path(),
        &[
            "CASES/zwsp-then-error.yaml:2:14: warning: invisible zero-width space U+200B \
             removed; it is often pasted in with text from a PDF or a web page",
            "CASES/zwsp-then-error.yaml:2:26: error: `name.en` is empty; write the English text",
        ],
    );
}

/// A megabyte-long id is quoted in its message cut, with the advice kept.
#[test]
fn a_huge_id_in_a_file_is_cut_in_its_message() {
    let huge = "x".repeat(900_000);
    let dir = with_file("huge-id.yaml", valid_case(&huge).as_bytes());
    let run = casebook(dir.path(), &["check"]);
    assert_eq!(run.code, Some(1));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "{}",
        &run.stdout[..run.stdout.len().min(600)]
    );
    assert!(lines[0].len() < 500, "{} bytes", lines[0].len());
    assert!(
        lines[0].starts_with("CASES/huge-id.yaml:1:5: error: "),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("xxx…`"), "{}", lines[0]);
}

#[cfg(unix)]
#[test]
fn link_to_proc_is_not_walked() {
    let dir = shipped_copy();
    std::os::unix::fs::symlink("/proc", dir.path().join("proc")).unwrap();
    assert_reported(
        dir.path(),
        &[
            "CASES/proc: error: symbolic link to a folder outside the collection; links to \
           folders are not followed — move or copy the folder into the collection",
        ],
    );
}

#[cfg(unix)]
#[test]
fn link_to_a_file_outside_the_collection_is_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("elsewhere.yaml"),
        valid_case("elsewhere"),
    )
    .unwrap();
    let dir = shipped_copy();
    std::os::unix::fs::symlink(
        outside.path().join("elsewhere.yaml"),
        dir.path().join("elsewhere.yaml"),
    )
    .unwrap();
    assert_reported(
        dir.path(),
        &[
            "CASES/elsewhere.yaml: error: symbolic link to a file outside the collection; not \
           followed — copy the file into the collection",
        ],
    );
}

#[cfg(unix)]
#[test]
fn link_to_a_file_inside_the_collection_is_read() {
    let dir = shipped_copy();
    std::fs::create_dir(dir.path().join(".drafts")).unwrap();
    std::fs::write(dir.path().join(".drafts/linked.yaml"), valid_case("linked")).unwrap();
    std::os::unix::fs::symlink(".drafts/linked.yaml", dir.path().join("linked.yaml")).unwrap();
    let run = casebook(dir.path(), &["check"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (Some(0), ""),
        "{}",
        run.stderr
    );
    let loaded = load::load_collection(dir.path()).unwrap();
    assert!(loaded.items.iter().any(|i| i.id == "linked"));
}

#[test]
fn folders_nested_too_deep_are_reported_not_walked() {
    let dir = shipped_copy();
    let mut deep = dir.path().to_path_buf();
    for _ in 0..load::MAX_FOLDER_DEPTH + 2 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("lost.yaml"), valid_case("lost")).unwrap();
    let shown = format!("CASES{}", "/d".repeat(load::MAX_FOLDER_DEPTH));
    assert_reported(
        dir.path(),
        &[&format!(
            "{shown}: error: folder nested more than 16 levels below the collection; its \
             contents are not read"
        )],
    );
}

/// A file swapped for a FIFO after the walk saw a regular file: opening it must not wait
/// for a writer, and what was opened is refused for what it is.
#[cfg(unix)]
#[test]
fn fifo_opened_by_name_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("swapped.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(casebook::safe_read::read_regular_file(
            &fifo,
            MAX_FILE_BYTES,
        ));
    });
    let result = receiver
        .recv_timeout(Duration::from_secs(5))
        .expect("opening a FIFO blocked");
    assert!(
        matches!(
            result,
            Err(casebook::safe_read::ReadError::NotARegularFile(
                "a named pipe (FIFO)"
            ))
        ),
        "{result:?}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_folder_is_reported_or_loads_when_running_as_root() {
    use std::os::unix::fs::PermissionsExt;
    let dir = shipped_copy();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("hidden-away.yaml"), valid_case("hidden-away")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&locked).is_ok() {
        // Root reads through mode 000: the folder is simply part of the collection.
        let run = casebook(dir.path(), &["check"]);
        assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    } else {
        assert_reported(
            dir.path(),
            &[
                "CASES/locked: error: permission denied; this cannot be read and any case files \
               in it are missing",
            ],
        );
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn diagnostic_display_escapes_what_serde_quotes_raw() {
    // serde_yaml quotes an unknown key as written; the printed line must not carry it raw.
    let d = Diagnostic {
        file: "x\u{1b}]0;title\u{7}.yaml".into(),
        line: Some(3),
        column: Some(1),
        severity: casebook::load::Severity::Error,
        message: "unknown field `a\u{1b}[2Jb\u{202e}`, expected `ko` or `en`".into(),
    };
    let shown = d.to_string();
    assert_eq!(
        shown,
        "x\\u{1b}]0;title\\u{7}.yaml:3:1: error: unknown field `a\\u{1b}[2Jb\\u{202e}`, \
         expected `ko` or `en`"
    );
    assert!(!shown.chars().any(|c| c.is_control()));
}

/// Everything at once, under a memory ceiling: the check must finish, report every file
/// and leave every good case listed.
#[cfg(unix)]
#[test]
fn all_hostile_files_together_in_bounded_memory() {
    let dir = shipped_copy();
    let root = dir.path();
    let write = |name: &str, bytes: &[u8]| std::fs::write(root.join(name), bytes).unwrap();
    write("bomb.yaml", billion_laughs().as_bytes());
    write("deep-million.yaml", "[".repeat(1_000_000).as_bytes());
    write("deep-big.yaml", "[".repeat(2_000_000).as_bytes());
    write("binary.yaml", &random_bytes(7, 64 * 1024));
    write("latin1.yaml", b"id: latin1\nname: caf\xE9\n");
    write("empty.yaml", b"");
    write("tab-indentation.yaml", &fixture("tab-indentation.yaml"));
    write("wrong-type.yaml", &fixture("wrong-type.yaml"));
    write("unknown-key.yaml", &fixture("unknown-key.yaml"));
    write("dangling-factor.yaml", &fixture("dangling-factor.yaml"));
    std::fs::File::create(root.join("huge.yaml"))
        .unwrap()
        .set_len(40 * 1024 * 1024)
        .unwrap();
    std::os::unix::fs::symlink("..", root.join("cases/up")).unwrap();
    std::os::unix::fs::symlink("loop.yaml", root.join("loop.yaml")).unwrap();
    std::fs::create_dir(root.join("dir.yaml")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(root.join("fifo.yaml"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let files = [
        "bomb.yaml",
        "deep-million.yaml",
        "deep-big.yaml",
        "binary.yaml",
        "latin1.yaml",
        "empty.yaml",
        "tab-indentation.yaml",
        "wrong-type.yaml",
        "unknown-key.yaml",
        "dangling-factor.yaml",
        "huge.yaml",
        "cases/up",
        "loop.yaml",
        "dir.yaml",
        "fifo.yaml",
    ];

    // 512 MiB of address space, with few threads and malloc arenas so the ceiling
    // measures the loader rather than the machine's core count.
    let started = Instant::now();
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 524288 && exec \"$0\" check --cases \"$1\"")
        .arg(assert_cmd::cargo::cargo_bin("casebook"))
        .arg(root)
        .env_remove("CASEBOOK_CASES")
        .env("RAYON_NUM_THREADS", "2")
        .env("MALLOC_ARENA_MAX", "2")
        .timeout(HANG)
        .output()
        .unwrap();
    assert!(started.elapsed() < HANG, "check hung");
    let prefix = root.display().to_string();
    let stdout = String::from_utf8_lossy(&output.stdout).replace(&prefix, "CASES");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
    for file in files {
        let reported = stdout
            .lines()
            .filter(|l| l.starts_with(&format!("CASES/{file}:")))
            .count();
        assert_eq!(reported, 1, "{file} not reported once in:\n{stdout}");
    }
    assert_eq!(stdout.lines().count(), files.len(), "{stdout}");
    assert!(stderr.contains("checked"), "{stderr}");
    assert_lists_every_good_case(root);
}

// ---------------------------------------------------------------------------------------
// Scale checks: slow (they write hundreds of thousands of files or walk the whole
// machine), so ignored here and run by `scripts/slow_checks.sh`.

/// `casebook check` as a scale check runs it: a longer hang guard than [`HANG`], since
/// these walks are large on purpose.
fn check_at_scale(dir: &Path) -> Run {
    let output = Command::cargo_bin("casebook")
        .unwrap()
        .args(["check", "--cases"])
        .arg(dir)
        .env_remove("CASEBOOK_CASES")
        .env("CASEBOOK_CONFIG", "/nonexistent/casebook.toml")
        .timeout(Duration::from_secs(600))
        .output()
        .unwrap();
    // The root's paths are left as they are: every `/` would become `CASES`.
    let prefix = dir.display().to_string();
    let shown = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        match prefix.as_str() {
            "/" => text.into_owned(),
            _ => text.replace(&prefix, "CASES"),
        }
    };
    let run = Run {
        code: output.status.code(),
        stdout: shown(&output.stdout),
        stderr: shown(&output.stderr),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// More YAML files than a collection may hold: the first [`load::MAX_FILES`] are read
/// and the rest are named as left out.
#[test]
#[ignore = "slow: writes 100,001 files; run by scripts/slow_checks.sh"]
fn more_yaml_files_than_the_limit_are_left_out_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    for n in 0..=load::MAX_FILES {
        std::fs::File::create(cases.join(format!("c{n:06}.yaml"))).unwrap();
    }
    let run = check_at_scale(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stdout
            .lines()
            .any(|l| l
                == "CASES: error: more than 100000 YAML files; only the first 100000 are read"),
        "{}",
        &run.stdout[run.stdout.len().saturating_sub(2000)..]
    );
    // The summary, on stderr: the files read, each empty one refused.
    assert_eq!(
        run.stderr,
        "checked 100000 files: 0 items loaded, 100001 errors, 0 warnings, 100000 files skipped\n"
    );
}

/// A folder with more entries than a walk looks at (what `--cases /` or a link to a
/// huge tree would give): the walk stops and says where.
#[test]
#[ignore = "slow: writes 250,001 files; run by scripts/slow_checks.sh"]
fn a_walk_stops_after_its_entry_limit_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    for n in 0..=load::MAX_ENTRIES {
        std::fs::File::create(notes.join(format!("n{n:06}.txt"))).unwrap();
    }
    let run = check_at_scale(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stdout.lines().any(|l| l
            == "CASES: error: stopped after looking at 250000 files and folders below this \
                folder; the rest is not read — is this the collection's folder?"),
        "{}",
        &run.stdout[..run.stdout.len().min(2000)]
    );
}

/// `--cases /`: the whole machine as a collection ends with its summary and exit 1
/// (every folder it cannot read is named), and memory stays bounded by the limits.
#[cfg(unix)]
#[test]
#[ignore = "slow: walks the whole file system; run by scripts/slow_checks.sh"]
fn the_root_folder_as_the_collection_ends_with_a_summary() {
    let run = check_at_scale(Path::new("/"));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let last = run.stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("checked "), "{last}");
    let files: usize = last["checked ".len()..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a file count");
    assert!(files <= load::MAX_FILES, "{last}");
    assert!(!run.stdout.chars().any(|c| c.is_control() && c != '\n'));
}
