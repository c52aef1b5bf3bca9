//! Helpers shared by the integration tests. Each test crate uses a part of them.
#![allow(dead_code)]

pub mod explorer;

use std::path::Path;

use assert_cmd::Command;

/// The binary with a predictable environment: built-in cases, no locale, colour,
/// settings or state file inherited from the machine running the tests.
pub fn casebook_command() -> Command {
    let mut cmd = Command::cargo_bin("casebook").expect("the casebook binary is built");
    for var in [
        "CASEBOOK_CASES",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("CASEBOOK_CONFIG", "/nonexistent/casebook-config.toml");
    // The explorer's memory: never the developer's (the subcommands do not touch it).
    cmd.env("CASEBOOK_STATE", "/nonexistent/casebook-state.json");
    cmd
}

/// Copies a directory tree (a collection) so a test can change it freely.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Every case id the knowledge-base issue requires.
pub const REQUIRED_CASES: [&str; 24] = [
    "san-diego",
    "daedeok",
    "toyota-city",
    "ulsan",
    "brenta",
    "icheon",
    "silicon-valley",
    "silicon-hills",
    "ontario-auto-parts",
    "kista",
    "regensburg",
    "curitiba",
    "yeongwol-solar",
    "route-128",
    "tsukuba",
    "cambridge",
    "sophia-antipolis",
    "hsinchu",
    "kumamoto",
    "oulu",
    "pudong",
    "zhongguancun",
    "multimedia-super-corridor",
    "singapore-it2000",
];

/// The character a terminal shows at display column `column` of a screen line, or `None`
/// when a wide character that starts before the column covers it.
pub fn char_at_column(line: &str, column: usize) -> Option<char> {
    use unicode_width::UnicodeWidthChar;
    let mut at = 0;
    for c in line.chars() {
        if at == column {
            return Some(c);
        }
        at += c.width().unwrap_or(0);
        if at > column {
            return None;
        }
    }
    None
}
