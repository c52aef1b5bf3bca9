//! Which language, theme and collection are in effect: a flag (or `CASEBOOK_CASES`,
//! which clap reads into `--cases`) beats the settings file, which beats the default.
//! The locale is the default language, so a language in the settings file wins over it.
//! The result, [`Resolved`], holds core types only, so the explorer can take it as it is.
//!
//! Depends on its siblings in `cli`, `config` and `model`.

use std::path::PathBuf;

use super::args::{Args, LangArg};
use crate::config::{Config, ThemeName};
use crate::model::Lang;

/// Language, theme and collection after flags, environment and settings are weighed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub lang: Lang,
    pub theme: ThemeName,
    /// `None`: the built-in collection.
    pub cases: Option<PathBuf>,
}

/// Flag > settings file > default, for each of language, theme and collection.
pub fn resolve(args: &Args, config: &Config) -> Resolved {
    Resolved {
        lang: resolve_lang_with(args.lang, config.lang),
        theme: args
            .theme
            .map(Into::into)
            .or(config.theme)
            .unwrap_or(ThemeName::Dark),
        cases: args.cases.clone().or_else(|| config.cases.clone()),
    }
}

/// The language from `--lang`, else from the locale (LC_ALL, LC_MESSAGES, LANG).
pub fn resolve_lang(arg: Option<LangArg>) -> Lang {
    resolve_lang_with(arg, None)
}

/// The language from `--lang`, else the settings file, else the locale.
pub fn resolve_lang_with(arg: Option<LangArg>, configured: Option<Lang>) -> Lang {
    match arg {
        Some(LangArg::Ko) => Lang::Ko,
        Some(LangArg::En) => Lang::En,
        None => configured.unwrap_or_else(|| lang_from_locale(|name| std::env::var(name).ok())),
    }
}

/// Korean when the first set locale variable names Korean; English otherwise.
pub fn lang_from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| var(name).filter(|v| !v.is_empty()))
        .next()
        .map_or(Lang::En, |v| {
            if v.starts_with("ko") {
                Lang::Ko
            } else {
                Lang::En
            }
        })
}
