//! Settings: a small TOML file with the user's preferred language, theme and collection.
//!
//! ```toml
//! lang = "ko"                 # ko | en
//! theme = "high-contrast"     # dark | light | high-contrast
//! cases = "/path/to/cases"    # a collection directory; relative to this file
//! ```
//!
//! The file lives where the platform keeps settings (`~/.config/casebook/config.toml` on
//! Linux, `~/Library/Application Support/casebook/config.toml` on macOS,
//! `%APPDATA%\casebook\config\config.toml` on Windows); `CASEBOOK_CONFIG=path` reads
//! another file instead. Command-line flags and `CASEBOOK_CASES` override it.
//!
//! A missing file is no settings at all. A broken one is reported once as
//! `path:line:col: error: …` and ignored: settings never keep casebook from starting.
//!
//! Depends on `model` and `text`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::Lang;

/// The environment variable naming the settings file to read instead of the usual one.
pub const CONFIG_ENV: &str = "CASEBOOK_CONFIG";

/// A colour theme named in the settings file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    Dark,
    Light,
    HighContrast,
}

impl ThemeName {
    /// The name as the settings file and `--theme` spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }
}

/// The settings the file gives; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub theme: Option<ThemeName>,
    /// The collection directory, made absolute against the file's directory.
    pub cases: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    lang: Option<Lang>,
    theme: Option<ThemeName>,
    cases: Option<PathBuf>,
}

/// The settings read, and a warning to print when the file could not be used.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    /// `path:line:col: error: …` (one line, safe for a terminal) when the file is broken.
    pub warning: Option<String>,
    /// The file the settings were (or would be) read from.
    pub path: Option<PathBuf>,
}

/// Where the settings file is read from: `CASEBOOK_CONFIG`, else the platform's place.
/// `None` when the platform has no home directory to put it in.
pub fn path() -> Option<PathBuf> {
    path_from(std::env::var_os(CONFIG_ENV))
}

fn path_from(env: Option<std::ffi::OsString>) -> Option<PathBuf> {
    match env {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ => directories::ProjectDirs::from("", "", "casebook")
            .map(|dirs| dirs.config_dir().join("config.toml")),
    }
}

/// Reads the settings file from [`path`].
pub fn load() -> Loaded {
    match path() {
        Some(p) => load_from(&p),
        None => Loaded::default(),
    }
}

/// Reads the settings from `path`. A missing file gives empty settings and no warning.
pub fn load_from(path: &Path) -> Loaded {
    let shown = path.display().to_string();
    let mut loaded = Loaded {
        path: Some(path.to_path_buf()),
        ..Loaded::default()
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return loaded,
        Err(e) => {
            loaded.warning = Some(warning(&shown, None, &format!("cannot be read: {e}")));
            return loaded;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => {
            loaded.warning = Some(warning(&shown, None, "not valid UTF-8; save it as UTF-8"));
            return loaded;
        }
    };
    match parse(&text) {
        Ok(mut config) => {
            if let Some(cases) = &config.cases {
                if cases.is_relative() {
                    let base = path.parent().unwrap_or(Path::new("."));
                    config.cases = Some(base.join(cases));
                }
            }
            loaded.config = config;
        }
        Err((position, message)) => {
            loaded.warning = Some(warning(&shown, position, &message));
        }
    }
    loaded
}

/// Parses settings text; on error, the 1-based line and column and a message.
pub fn parse(text: &str) -> Result<Config, (Option<(usize, usize)>, String)> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let position = e.span().map(|span| line_col(text, span.start));
        (position, e.message().trim().to_string())
    })?;
    Ok(Config {
        lang: raw.lang,
        theme: raw.theme,
        cases: raw.cases,
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn warning(path: &str, position: Option<(usize, usize)>, message: &str) -> String {
    let message = crate::text::one_line(message);
    let message = format!("{message}; the settings file is ignored");
    let text = match position {
        Some((line, column)) => format!("{path}:{line}:{column}: error: {message}"),
        None => format!("{path}: error: {message}"),
    };
    crate::text::escape_for_terminal(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_keys_parse() {
        let c = parse("lang = \"en\"\ntheme = \"high-contrast\"\ncases = \"/x\"\n").unwrap();
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.theme, Some(ThemeName::HighContrast));
        assert_eq!(c.cases, Some(PathBuf::from("/x")));
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn errors_have_positions() {
        let (pos, msg) = parse("lang = \"en\"\ntheme = \"neon\"\n").unwrap_err();
        assert_eq!(pos, Some((2, 9)));
        assert!(msg.contains("neon") || msg.contains("variant"), "{msg}");
        let (pos, _) = parse("colour = 1\n").unwrap_err();
        assert_eq!(pos, Some((1, 1)));
    }

    #[test]
    fn env_overrides_the_platform_place() {
        assert_eq!(
            path_from(Some("/tmp/c.toml".into())),
            Some(PathBuf::from("/tmp/c.toml"))
        );
        if let Some(p) = path_from(None) {
            assert!(p.ends_with("config.toml"));
        }
    }
}
