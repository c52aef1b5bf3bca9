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
//! So is a `cases` setting that names no folder (`~` is the home folder; an empty value
//! is a mistake): it alone is ignored. The file is read with the limits of a case file
//! (`safe_read`), so a FIFO or a device named as settings is reported at once.
//!
//! Depends on `model`, `text`, `safe_read` and the size limit of `load`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::load::MAX_FILE_BYTES;
use crate::model::Lang;
use crate::safe_read::{bytes_in_words, read_regular_file, ReadError};

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

    /// The theme after this one, in the order a key cycles through them: dark, light,
    /// high contrast, and round again.
    pub fn next(self) -> ThemeName {
        match self {
            ThemeName::Dark => ThemeName::Light,
            ThemeName::Light => ThemeName::HighContrast,
            ThemeName::HighContrast => ThemeName::Dark,
        }
    }
}

/// The settings the file gives; `None` where it says nothing (or, for `cases`, where
/// what it says could not be used).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub theme: Option<ThemeName>,
    /// The collection directory, made absolute against the file's directory; it
    /// existed when the file was read.
    pub cases: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    lang: Option<Lang>,
    theme: Option<ThemeName>,
    cases: Option<toml::Spanned<String>>,
}

/// The settings read, and a warning to print when the file could not be used.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    /// `path:line:col: error: …` (one line, safe for a terminal) when the file, or one
    /// of its settings, could not be used.
    pub warning: Option<String>,
    /// Whether the whole file was ignored (as opposed to one bad `cases` setting).
    pub file_ignored: bool,
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
    let named = std::env::var_os(CONFIG_ENV).is_some_and(|p| !p.is_empty());
    match path() {
        Some(p) if named => load_from(&p),
        Some(p) => load_from_default_place(&p),
        None => Loaded::default(),
    }
}

/// Reads the settings at the platform's place, which the user never named: when it
/// cannot even be looked at (an unreadable or missing home), there is no file to speak
/// of, so nothing is said.
fn load_from_default_place(path: &Path) -> Loaded {
    if path.symlink_metadata().is_err() {
        return Loaded {
            path: Some(path.to_path_buf()),
            ..Loaded::default()
        };
    }
    load_from(path)
}

/// Reads the settings from `path`. A missing file gives empty settings and no warning.
/// The file is read as a case file is: opened without blocking, refused unless it is a
/// regular file of at most [`MAX_FILE_BYTES`] — a FIFO or `/dev/zero` named by
/// `CASEBOOK_CONFIG` is reported at once, and never stops even `casebook schema`.
pub fn load_from(path: &Path) -> Loaded {
    let shown = path.display().to_string();
    let mut loaded = Loaded {
        path: Some(path.to_path_buf()),
        ..Loaded::default()
    };
    let ignore_file = |loaded: &mut Loaded, position, message: &str| {
        loaded.warning = Some(warning(
            &shown,
            position,
            &format!("{message}; the settings file is ignored"),
        ));
        loaded.file_ignored = true;
    };
    let bytes = match read_regular_file(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return loaded,
        Err(ReadError::Io(e)) => {
            ignore_file(&mut loaded, None, &format!("cannot be read: {e}"));
            return loaded;
        }
        Err(ReadError::NotARegularFile(kind)) => {
            ignore_file(&mut loaded, None, &format!("is {kind}, not a regular file"));
            return loaded;
        }
        Err(ReadError::TooLarge(len)) => {
            ignore_file(
                &mut loaded,
                None,
                &format!(
                    "is {}; a settings file is limited to {}",
                    bytes_in_words(len),
                    bytes_in_words(MAX_FILE_BYTES)
                ),
            );
            return loaded;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => {
            ignore_file(&mut loaded, None, "not valid UTF-8; save it as UTF-8");
            return loaded;
        }
    };
    let raw = match parse_raw(&text) {
        Ok(raw) => raw,
        Err((position, message)) => {
            ignore_file(&mut loaded, position, &message);
            return loaded;
        }
    };
    loaded.config = Config {
        lang: raw.lang,
        theme: raw.theme,
        cases: None,
    };
    if let Some(cases) = raw.cases {
        let at = Some(line_col(&text, cases.span().start));
        match cases_folder(cases.get_ref(), path) {
            Ok(folder) => loaded.config.cases = Some(folder),
            Err(message) => {
                let message = format!(
                    "{message}; this setting is ignored and the built-in collection is used"
                );
                loaded.warning = Some(warning(&shown, at, &message));
            }
        }
    }
    loaded
}

/// The folder a `cases` setting names: `~` is the home folder, a relative path is
/// relative to the settings file's folder. An empty value, or one that names no folder,
/// is a mistake to report, not a collection to open (an empty path would be the
/// settings file's own folder).
fn cases_folder(value: &str, settings_file: &Path) -> Result<PathBuf, String> {
    if value.trim().is_empty() {
        return Err(
            "`cases` is empty; write the folder of your collection, or remove the line".into(),
        );
    }
    let home = || directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    let expanded = if value == "~" {
        home()
    } else if let Some(rest) = value.strip_prefix("~/") {
        home().map(|home| home.join(rest))
    } else {
        Some(PathBuf::from(value))
    };
    let Some(folder) = expanded else {
        return Err(
            "`cases` starts with `~`, but this system has no home folder to put there".to_string(),
        );
    };
    let folder = if folder.is_relative() {
        settings_file
            .parent()
            .unwrap_or(Path::new("."))
            .join(folder)
    } else {
        folder
    };
    if !folder.is_dir() {
        return Err(format!(
            "`cases` names {}, which is not a folder",
            crate::text::quoted_path(&folder)
        ));
    }
    Ok(folder)
}

fn parse_raw(text: &str) -> Result<RawConfig, (Option<(usize, usize)>, String)> {
    toml::from_str(text).map_err(|e| {
        let position = e.span().map(|span| line_col(text, span.start));
        (position, e.message().trim().to_string())
    })
}

/// Parses settings text; on error, the 1-based line and column and a message. The
/// `cases` folder is taken as written, not looked for.
pub fn parse(text: &str) -> Result<Config, (Option<(usize, usize)>, String)> {
    let raw = parse_raw(text)?;
    Ok(Config {
        lang: raw.lang,
        theme: raw.theme,
        cases: raw.cases.map(|c| PathBuf::from(c.into_inner())),
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
    fn the_theme_key_cycles_through_every_theme_and_back() {
        let mut seen = vec![ThemeName::Dark];
        let mut theme = ThemeName::Dark.next();
        while theme != ThemeName::Dark {
            seen.push(theme);
            theme = theme.next();
        }
        assert_eq!(
            seen,
            [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast]
        );
    }

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
