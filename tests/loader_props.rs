//! Property tests for the loader and the text wrapper: arbitrary bytes, arbitrary YAML
//! documents and mangled real case files never panic, and every message is safe to print;
//! wrapped text never exceeds its width and loses nothing. Seeds are fixed.

use casebook::load::{load_sources, SourceFile};
use casebook::text::{is_forbidden, width, wrap};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(0x10AD_CA5E),
        failure_persistence: None,
        ..Config::default()
    }
}

fn load_one(bytes: Vec<u8>) -> casebook::load::Loaded {
    load_sources(vec![SourceFile {
        path: "cases/probe.yaml".into(),
        contents: Ok(bytes),
    }])
}

fn assert_messages_are_safe(loaded: &casebook::load::Loaded) {
    for d in &loaded.diagnostics {
        let shown = d.to_string();
        assert!(
            !shown.chars().any(|c| is_forbidden(c) || c == '\n'),
            "unsafe message: {shown:?}"
        );
        assert!(
            shown.starts_with("cases/probe.yaml"),
            "message names the file: {shown}"
        );
    }
}

/// YAML-shaped text: nested mappings and lists with the field names case files use,
/// scalars of every kind, and the syntax that trips parsers (anchors, tags, tabs, quotes).
fn yaml_document() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "id", "name", "ko", "en", "summary", "sources", "doc", "section", "page", "type", "status",
        "figures", "value", "actors", "role", "strength", "catalog", "items", "eras", "unknown",
    ]);
    let scalar = prop_oneof![
        Just("san-diego".to_string()),
        Just("\"\\e[31m\"".to_string()),
        Just("&a x".to_string()),
        Just("*a".to_string()),
        Just("!!binary aGk=".to_string()),
        Just("~".to_string()),
        Just("'샌디에고'".to_string()),
        Just("\t".to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        "[ -~]{0,12}",
        "[가-힣ㄱ-ㅎ ]{0,8}",
    ];
    let leaf = (key.clone(), scalar).prop_map(|(k, v)| format!("{k}: {v}\n"));
    leaf.prop_recursive(4, 48, 6, move |inner| {
        (
            key.clone(),
            prop::collection::vec(inner, 1..5),
            any::<bool>(),
        )
            .prop_map(|(k, children, as_list)| {
                let mut out = format!("{k}:\n");
                for child in children {
                    for (i, line) in child.lines().enumerate() {
                        let lead = if as_list && i == 0 { "- " } else { "  " };
                        out.push_str(&format!("  {lead}{line}\n"));
                    }
                }
                out
            })
    })
}

const SAN_DIEGO: &str = include_str!("../cases/cases/san-diego.yaml");

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn loader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let loaded = load_one(bytes);
        assert_messages_are_safe(&loaded);
        prop_assert!(loaded.items.len() <= 1 || loaded.diagnostics.is_empty());
    }

    #[test]
    fn loader_never_panics_on_arbitrary_yaml(doc in yaml_document()) {
        let loaded = load_one(doc.into_bytes());
        assert_messages_are_safe(&loaded);
    }

    #[test]
    fn a_mangled_case_file_is_reported_or_loads_as_itself(
        cuts in prop::collection::vec((0usize..400, 0u8..4), 1..6),
    ) {
        let mut lines: Vec<String> = SAN_DIEGO.lines().map(str::to_string).collect();
        for (at, how) in cuts {
            let at = at % lines.len().max(1);
            match how {
                0 => { lines.remove(at); }
                1 => { let l = lines[at].clone(); lines.insert(at, l); }
                2 => lines[at] = format!("\t{}", lines[at]),
                _ => lines[at] = lines[at].chars().rev().collect(),
            }
            if lines.is_empty() { lines.push(String::new()); }
        }
        let text = lines.join("\n");
        // The file is alone: links to other files dangle, which is reported but kept.
        let loaded = load_one(text.into_bytes());
        assert_messages_are_safe(&loaded);
        for item in &loaded.items {
            prop_assert_eq!(item.id.as_str(), "san-diego");
        }
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn wrapped_lines_fit_and_lose_no_text(
        text in "([가-힣]{1,6}|[a-zA-Z0-9]{1,12}|[ㆍ·—…%()]|  ?|\n){0,40}",
        max in 1usize..50,
    ) {
        let lines = wrap(&text, max);
        for line in &lines {
            // A two-column syllable cannot fit one column; that is the only overflow.
            prop_assert!(width(line) <= max.max(2), "{line:?} wider than {max}");
        }
        let kept: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
        let original: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(kept, original);
    }
}
