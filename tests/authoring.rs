//! Authoring helpers: the JSON Schemas, `casebook new`, shell completions and settings.

mod common;
use common::{casebook_command, copy_dir};

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary with no settings, collection or locale inherited from the machine.
fn casebook(home: &Path) -> Command {
    let mut cmd = casebook_command();
    cmd.env("CASEBOOK_CONFIG", home.join("no-such-config.toml"));
    cmd
}

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn run_cmd(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        code: out.status.code().unwrap(),
    }
}

// ---------------------------------------------------------------------------------------
// JSON Schema

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(manifest().join("schema").join(name)).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::new(&value).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn yaml_to_json(text: &str) -> Value {
    let yaml: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
    serde_json::to_value(yaml).unwrap()
}

/// Schema errors of a YAML text, as the right schema for its shape sees them.
fn schema_errors(text: &str) -> Vec<String> {
    let json = yaml_to_json(text);
    let validator = if json.get("catalog").is_some() {
        schema("catalog.schema.json")
    } else {
        schema("case.schema.json")
    };
    validator
        .iter_errors(&json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn schemas_are_valid_draft_2020_12() {
    for name in ["case.schema.json", "catalog.schema.json"] {
        let text = std::fs::read_to_string(manifest().join("schema").join(name)).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        schema(name);
    }
}

#[test]
fn every_shipped_file_validates_against_its_schema() {
    let files = yaml_files(&manifest().join("cases"));
    assert!(files.len() >= 30, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let errors = schema_errors(&text);
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            file.display(),
            errors.join("\n")
        );
    }
}

#[test]
fn invalid_fixtures_fail_the_schema() {
    // The fixtures of failure modes a schema can see (the rest are YAML-level or
    // cross-file problems: anchors, encodings, dangling links, …).
    for name in [
        "bad-enum-status",
        "bad-id-format",
        "bad-strength",
        "unknown-key",
        "missing-required-field",
        "empty-required-text",
        "wrong-type",
        "catalog-field-of-other-kind",
        "catalog-unknown-kind",
        "source-in-the-old-shape",
        "unknown-source-section",
    ] {
        let path = manifest()
            .join("tests/fixtures/invalid")
            .join(format!("{name}.yaml"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !schema_errors(&text).is_empty(),
            "{name} passes the schema but the loader refuses it"
        );
    }
}

const GOOD_CASE: &str = "\
id: ok
name: {ko: 시험, en: Test}
summary: {ko: 요약, en: Summary}
sources: [{doc: seri-2002, section: ii-2}]
country: {ko: 한국, en: Korea}
region: {ko: 대전, en: Daejeon}
industry: {ko: 바이오, en: Biotech}
type: university-led
status: emerging
";

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    assert_eq!(schema_errors(GOOD_CASE), Vec::<String>::new());
    let with = |extra: &str| format!("{GOOD_CASE}{extra}");
    for (what, text) in [
        ("blank text", GOOD_CASE.replace("en: Summary", "en: \"  \"")),
        ("no sources", GOOD_CASE.replace("[{doc: seri-2002, section: ii-2}]", "[]")),
        ("bad era", with("era: 2000s\n")),
        ("founded as text", with("founded: nineteen\n")),
        (
            "figure without source",
            with("figures:\n  - {label: {ko: a, en: b}, value: \"1\"}\n"),
        ),
        (
            "figure with an unknown key",
            with("figures:\n  - {label: {ko: a, en: b}, value: \"1\", units: x, source: {doc: d, section: s}}\n"),
        ),
        ("text with a third language", GOOD_CASE.replace("en: Test}", "en: Test, ja: テスト}")),
        ("factor id with capitals", with("factors: [Entrepreneurship]\n")),
        ("empty section", with("sections:\n  - title: {ko: a, en: b}\n    points: []\n")),
        (
            "a source in the old shape",
            GOOD_CASE.replace("{doc: seri-2002, section: ii-2}", "{file: f.txt, section: s}"),
        ),
        (
            "a page that is not a number",
            GOOD_CASE.replace("section: ii-2}", "section: ii-2, page: eight}"),
        ),
    ] {
        assert!(!schema_errors(&text).is_empty(), "{what} passes the schema");
    }
    // Optional fields may be written empty (`era:`), as the loader allows.
    assert_eq!(
        schema_errors(&with("era:\nstrategy:\n")),
        Vec::<String>::new()
    );
    // A role entry needs a scheme; a factor entry may not have one.
    let entry = "  - id: x\n    name: {ko: a, en: b}\n    summary: {ko: a, en: b}\n    sources: [{doc: d, section: s}]\n";
    assert!(!schema_errors(&format!("catalog: role\nitems:\n{entry}")).is_empty());
    assert!(schema_errors(&format!(
        "catalog: role\nitems:\n{entry}    scheme: cluster-actors\n"
    ))
    .is_empty());
    assert!(!schema_errors(&format!(
        "catalog: factor\nitems:\n{entry}    scheme: cluster-actors\n"
    ))
    .is_empty());
    assert!(!schema_errors(&format!("catalog: case\nitems:\n{entry}")).is_empty());
    // A source document needs its kind, title note, date, file and sections, and no other
    // kind may carry them.
    assert!(!schema_errors(&format!("catalog: source\nitems:\n{entry}")).is_empty());
    let document = "    document: report\n    title_note: {ko: 제목 없음, en: untitled}\n    \
        date: {year: 2002, certainty: inferred, label: {ko: a, en: b}, evidence: {ko: a, en: b, \
        source: {doc: d, section: s}}}\n    file: a.txt\n    sections:\n      - {id: s, label: \
        {ko: Ⅰ, en: I}, heading: {ko: a, en: b}, pages: [1, 2]}\n";
    assert_eq!(
        schema_errors(&format!("catalog: source\nitems:\n{entry}{document}")),
        Vec::<String>::new()
    );
    assert!(!schema_errors(&format!("catalog: factor\nitems:\n{entry}{document}")).is_empty());
}

#[test]
fn schema_command_prints_the_shipped_schemas() {
    let home = tempfile::tempdir().unwrap();
    for (arg, file) in [
        (None, "case.schema.json"),
        (Some("case"), "case.schema.json"),
        (Some("catalog"), "catalog.schema.json"),
    ] {
        let mut cmd = casebook(home.path());
        cmd.arg("schema");
        if let Some(a) = arg {
            cmd.arg(a);
        }
        let r = run_cmd(&mut cmd);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let expected = std::fs::read_to_string(manifest().join("schema").join(file)).unwrap();
        assert_eq!(r.stdout, expected);
    }
}

// ---------------------------------------------------------------------------------------
// casebook new

#[test]
fn new_writes_a_template_that_loads_and_never_overwrites() {
    let home = tempfile::tempdir().unwrap();
    let collection = home.path().join("collection");
    copy_dir(&manifest().join("cases"), &collection);
    // A checkout's layout: schema/ two folders above the case files.
    copy_dir(&manifest().join("schema"), &home.path().join("schema"));

    let r = run_cmd(
        casebook(home.path())
            .args(["new", "gumi-electronics", "--cases"])
            .arg(&collection),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The shipped layout: the new case goes beside the others, in cases/.
    let file = collection.join("cases").join("gumi-electronics.yaml");
    assert!(r.stdout.contains("gumi-electronics.yaml"), "{}", r.stdout);
    let template = std::fs::read_to_string(&file).unwrap();
    assert!(template.contains("id: gumi-electronics"));
    assert!(template.contains("TODO"));
    assert!(
        template.starts_with("# yaml-language-server: $schema=../../schema/case.schema.json\n"),
        "{template}"
    );
    // Every top-level field of a case file is there, written or commented out.
    for field in [
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
        "era",
        "founded",
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
    ] {
        assert!(
            template
                .lines()
                .any(|l| l.starts_with(&format!("{field}:"))
                    || l.starts_with(&format!("# {field}:"))),
            "{field} missing from the template"
        );
    }
    // It loads with no error, beside the whole shipped collection.
    let check = run_cmd(
        casebook(home.path())
            .arg("check")
            .arg("--cases")
            .arg(&collection),
    );
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert!(check.stderr.contains(" 0 errors"), "{}", check.stderr);
    let show = run_cmd(
        casebook(home.path())
            .args(["show", "gumi-electronics", "--lang", "en", "--cases"])
            .arg(&collection),
    );
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert!(show.stdout.contains("TODO case name"), "{}", show.stdout);
    // It is valid for editors too.
    assert_eq!(schema_errors(&template), Vec::<String>::new());

    // A second `new` with the same id changes nothing.
    std::fs::write(&file, "id: gumi-electronics\n# my edits\n").unwrap();
    let again = run_cmd(
        casebook(home.path())
            .args(["new", "gumi-electronics", "--cases"])
            .arg(&collection),
    );
    assert_eq!(again.code, 1);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "id: gumi-electronics\n# my edits\n"
    );
}

#[test]
fn new_refuses_bad_and_taken_ids() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("mine");
    for bad in ["Gumi", "gumi_electronics", "-gumi", "구미"] {
        let r = run_cmd(
            casebook(home.path())
                .args(["new", "--cases"])
                .arg(&dir)
                .args(["--", bad]),
        );
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
        assert!(r.stderr.contains("not a valid id"), "{}", r.stderr);
    }
    assert!(!dir.exists(), "nothing is written for a bad id");
    // An id the built-in collection already uses.
    let r = run_cmd(
        casebook(home.path())
            .args(["new", "icheon", "--cases"])
            .arg(&dir),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    // A new folder of one's own: the file goes straight in it.
    let r = run_cmd(
        casebook(home.path())
            .args(["new", "my-case", "--cases"])
            .arg(&dir),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let template = std::fs::read_to_string(dir.join("my-case.yaml")).unwrap();
    // No schema/ folder above it: the template says how to get one instead.
    assert!(
        !template.starts_with("# yaml-language-server"),
        "{template}"
    );
    assert!(template.contains("casebook schema case"), "{template}");
    // With the catalogs beside it (whose era timeline names the shipped cases, which are
    // not here), `check` has nothing to say about the new file itself.
    copy_dir(&manifest().join("cases/catalog"), &dir.join("catalog"));
    let check = run_cmd(casebook(home.path()).arg("check").arg("--cases").arg(&dir));
    assert!(!check.stdout.contains("my-case.yaml"), "{}", check.stdout);
    let show = run_cmd(
        casebook(home.path())
            .args(["show", "my-case", "--cases"])
            .arg(&dir),
    );
    assert_eq!(show.code, 0, "{}", show.stderr);
}

// ---------------------------------------------------------------------------------------
// completions

#[test]
fn completions_for_every_shell() {
    let home = tempfile::tempdir().unwrap();
    let bash = run_cmd(casebook(home.path()).args(["completions", "bash"]));
    assert_eq!(bash.code, 0, "{}", bash.stderr);
    assert!(bash.stdout.contains("casebook"));
    assert!(bash.stdout.contains("search"));
    assert!(bash.stdout.contains("compare"));
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let r = run_cmd(casebook(home.path()).args(["completions", shell]));
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains("casebook"), "{shell}");
    }
    let r = run_cmd(casebook(home.path()).args(["completions", "tcsh"]));
    assert_eq!(r.code, 2);
}

// ---------------------------------------------------------------------------------------
// settings

fn with_config(home: &Path, text: &str) -> PathBuf {
    let path = home.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn first_case_line(stdout: &str) -> String {
    stdout.lines().next().unwrap_or_default().to_string()
}

#[test]
fn settings_give_the_language_and_flags_override_them() {
    let home = tempfile::tempdir().unwrap();
    let config = with_config(home.path(), "lang = \"ko\"\n");
    let ko = run_cmd(
        casebook(home.path())
            .env("CASEBOOK_CONFIG", &config)
            .env("LANG", "en_US.UTF-8")
            .args(["list", "--kind", "case"]),
    );
    assert_eq!(ko.code, 0, "{}", ko.stderr);
    assert!(
        first_case_line(&ko.stdout).starts_with("사례"),
        "{}",
        ko.stdout
    );
    let en = run_cmd(
        casebook(home.path())
            .env("CASEBOOK_CONFIG", &config)
            .args(["list", "--kind", "case", "--lang", "en"]),
    );
    assert!(
        first_case_line(&en.stdout).starts_with("case"),
        "{}",
        en.stdout
    );
}

#[test]
fn settings_give_the_collection_relative_to_the_file_and_flags_override_it() {
    let home = tempfile::tempdir().unwrap();
    let mine = home.path().join("mine");
    copy_dir(&manifest().join("cases/catalog"), &mine.join("catalog"));
    std::fs::create_dir_all(mine.join("cases")).unwrap();
    std::fs::copy(
        manifest().join("cases/cases/icheon.yaml"),
        mine.join("cases/icheon.yaml"),
    )
    .unwrap();
    let config = with_config(home.path(), "cases = \"mine\"\ntheme = \"light\"\n");
    let list = |extra: &[&str], env_cases: Option<&Path>| {
        let mut cmd = casebook(home.path());
        cmd.env("CASEBOOK_CONFIG", &config)
            .args(["list", "--kind", "case", "--json"])
            .args(extra);
        if let Some(dir) = env_cases {
            cmd.env("CASEBOOK_CASES", dir);
        }
        let r = run_cmd(&mut cmd);
        assert_eq!(r.code, 0, "{}", r.stderr);
        serde_json::from_str::<Value>(&r.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(list(&[], None), 1, "the settings' collection");
    let shipped = manifest().join("cases");
    assert_eq!(list(&["--cases", shipped.to_str().unwrap()], None), 24);
    assert_eq!(
        list(&[], Some(&shipped)),
        24,
        "CASEBOOK_CASES wins over the file"
    );

    let shown = run_cmd(
        casebook(home.path())
            .env("CASEBOOK_CONFIG", &config)
            .arg("config"),
    );
    assert_eq!(shown.code, 0);
    assert!(
        shown.stdout.contains("theme = \"light\""),
        "{}",
        shown.stdout
    );
    assert!(shown.stdout.contains("mine"), "{}", shown.stdout);
    let flagged = run_cmd(casebook(home.path()).env("CASEBOOK_CONFIG", &config).args([
        "config",
        "--theme",
        "high-contrast",
    ]));
    assert!(
        flagged.stdout.contains("theme = \"high-contrast\""),
        "{}",
        flagged.stdout
    );
}

#[test]
fn a_broken_settings_file_is_a_warning_with_a_position() {
    let home = tempfile::tempdir().unwrap();
    for (text, at) in [
        ("lang = \"en\"\ntheme = \"neon\"\n", ":2:9: error: "),
        ("lang = \"en\"\ncolour = \"red\"\n", ":2:1: error: "),
        ("lang = en\n", ":1:8: error: "),
    ] {
        let config = with_config(home.path(), text);
        let r = run_cmd(
            casebook(home.path())
                .env("CASEBOOK_CONFIG", &config)
                .args(["list", "--kind", "role"]),
        );
        assert_eq!(
            r.code, 0,
            "a broken file must not stop casebook: {}",
            r.stderr
        );
        let expected = format!("{}{at}", config.display());
        assert!(r.stderr.contains(&expected), "{text:?}: {}", r.stderr);
        assert!(r.stderr.contains("ignored"), "{}", r.stderr);
        assert!(!r.stdout.is_empty());
    }
}

#[test]
fn config_path_names_the_file_read() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("elsewhere.toml");
    let r = run_cmd(
        casebook(home.path())
            .env("CASEBOOK_CONFIG", &config)
            .args(["config", "--path"]),
    );
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout.trim_end(), config.display().to_string());
    // Without CASEBOOK_CONFIG, the platform's place.
    let r = run_cmd(
        casebook(home.path())
            .env_remove("CASEBOOK_CONFIG")
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("xdg"))
            .args(["config", "--path"]),
    );
    assert_eq!(r.code, 0);
    assert!(r.stdout.trim_end().ends_with("config.toml"), "{}", r.stdout);
    #[cfg(target_os = "linux")]
    assert_eq!(
        r.stdout.trim_end(),
        home.path()
            .join("xdg/casebook/config.toml")
            .display()
            .to_string()
    );
}

/// Runs `casebook ARGS` with a time limit, so a settings file that blocks fails the test
/// instead of hanging the suite.
fn run_within_limit(cmd: &mut Command) -> Run {
    let started = std::time::Instant::now();
    let out = cmd
        .timeout(std::time::Duration::from_secs(10))
        .output()
        .unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "casebook hung on its settings file"
    );
    Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        code: out
            .status
            .code()
            .expect("exited, not killed by the time limit"),
    }
}

/// Regression: a FIFO named as the settings file used to hang every command.
#[cfg(unix)]
#[test]
fn a_fifo_as_settings_file_is_reported_at_once_even_for_schema() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("config.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let r = run_within_limit(
        casebook(home.path())
            .env("CASEBOOK_CONFIG", &fifo)
            .args(["schema", "case"]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\"$schema\""), "{}", r.stdout);
    assert_eq!(
        r.stderr,
        format!(
            "{}: error: is a named pipe (FIFO), not a regular file; the settings file is \
             ignored\n",
            fifo.display()
        )
    );
}

/// Regression: `CASEBOOK_CONFIG=/dev/zero` used to read gigabytes.
#[cfg(unix)]
#[test]
fn a_device_as_settings_file_is_reported_at_once() {
    let home = tempfile::tempdir().unwrap();
    let r = run_within_limit(
        casebook(home.path())
            .env("CASEBOOK_CONFIG", "/dev/zero")
            .args(["list", "--kind", "role"]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "/dev/zero: error: is a device, not a regular file; the settings file is ignored\n"
    );
}

#[test]
fn a_settings_file_over_the_size_limit_is_not_read() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::File::create(&config)
        .unwrap()
        .set_len(1_089_000)
        .unwrap();
    let r = run_within_limit(
        casebook(home.path())
            .env("CASEBOOK_CONFIG", &config)
            .arg("schema"),
    );
    assert_eq!(
        r.stderr,
        format!(
            "{}: error: is 1,089,000 bytes; a settings file is limited to 1,048,576 bytes; the \
             settings file is ignored\n",
            config.display()
        )
    );
}

/// Regression: a `cases` setting naming a missing folder used to stop every command.
#[test]
fn a_cases_setting_naming_no_folder_is_reported_and_ignored() {
    let home = tempfile::tempdir().unwrap();
    let config = with_config(
        home.path(),
        "theme = \"light\"\ncases = \"~/no-such-folder\"\n",
    );
    let r = run_cmd(
        casebook(home.path())
            .env("CASEBOOK_CONFIG", &config)
            .env("HOME", home.path())
            .args(["list", "--kind", "case", "--json"]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!(
            "{}:2:9: error: `cases` names {}, which is not a folder; this setting is ignored \
             and the built-in collection is used\n",
            config.display(),
            home.path().join("no-such-folder").display()
        )
    );
    let listed: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 24);
    // The rest of the file still counts.
    let shown = run_cmd(
        casebook(home.path())
            .env("CASEBOOK_CONFIG", &config)
            .env("HOME", home.path())
            .arg("config"),
    );
    assert!(
        shown
            .stdout
            .contains("theme = \"light\"   # from the settings file"),
        "{}",
        shown.stdout
    );
    assert!(
        shown.stdout.contains("(found; a setting in it is ignored)"),
        "{}",
        shown.stdout
    );
}

#[test]
fn an_empty_cases_setting_is_a_mistake_not_the_settings_folder() {
    let home = tempfile::tempdir().unwrap();
    let config = with_config(home.path(), "cases = \"\"\n");
    let r = run_cmd(
        casebook(home.path())
            .env("CASEBOOK_CONFIG", &config)
            .args(["list", "--kind", "case", "--json"]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!(
            "{}:1:9: error: `cases` is empty; write the folder of your collection, or remove \
             the line; this setting is ignored and the built-in collection is used\n",
            config.display()
        )
    );
    let listed: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 24);
}

#[test]
fn a_leading_tilde_in_cases_is_the_home_folder() {
    let home = tempfile::tempdir().unwrap();
    let mine = home.path().join("mine");
    copy_dir(&manifest().join("cases/catalog"), &mine.join("catalog"));
    std::fs::create_dir_all(mine.join("cases")).unwrap();
    std::fs::copy(
        manifest().join("cases/cases/icheon.yaml"),
        mine.join("cases/icheon.yaml"),
    )
    .unwrap();
    let settings = tempfile::tempdir().unwrap();
    let config = with_config(settings.path(), "cases = \"~/mine\"\n");
    let r = run_cmd(
        casebook(home.path())
            .env("CASEBOOK_CONFIG", &config)
            .env("HOME", home.path())
            .args(["list", "--kind", "case", "--json"]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("config.toml"), "{}", r.stderr);
    let listed: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

/// Regression: a home folder that cannot be looked into made every command warn about a
/// settings file that does not exist.
#[test]
fn an_unreachable_default_settings_place_is_not_a_warning() {
    let home = tempfile::tempdir().unwrap();
    let not_a_folder = home.path().join("a-file");
    std::fs::write(&not_a_folder, "").unwrap();
    let r = run_cmd(
        casebook(home.path())
            .env_remove("CASEBOOK_CONFIG")
            .env_remove("XDG_CONFIG_HOME")
            .env("HOME", &not_a_folder)
            .arg("schema"),
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
}
