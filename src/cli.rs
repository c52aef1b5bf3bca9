//! The command line: argument definitions and the non-interactive subcommands
//! (`list`, `show`, `matrix`, `check`, `search`, `compare`) with their plain, JSON and
//! Markdown output, and the authoring helpers (`new`, `schema`, `completions`, `config`).
//!
//! Every function here returns the text to print instead of printing it, so tests can
//! call them directly and `main` prints once. Plain output is aligned by display width
//! and never carries control characters from the files; JSON escapes them.
//!
//! Depends on `model`, `text`, `load`, `index`, `report`, `search`, `compare` and `config`.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::index::{Index, MATRIX_ROLES};
use crate::model::{Item, Kind, Lang, RoleStrength};
use crate::report::{self, Block};
use crate::text::{self, one_line, pad, width};

const AFTER_HELP: &str = "\
Search syntax (explorer `/` and `casebook search`):
  샌디에고 san diego   every whitespace-separated term must match (fuzzy)
  ㅅㄷㅇㄱ             initial consonants match syllables: 샌디에고
  'exact               contiguous match        ^prefix   field starts with
  suffix$              field ends with         !term     exclude items containing term
  kind:factor          only that kind (case role type factor problem strategy concept,
                       or 사례 역할 유형 요인 문제 전략 개념)
  type:university      cases of a cluster type   field:name / in:figure   one field only

Exit status: 0 success; 1 nothing found (search, show, compare) or errors found (check);
2 usage error.
Environment: CASEBOOK_CASES=DIR is the default for --cases; CASEBOOK_CONFIG=FILE reads
settings from FILE (see `casebook config`); NO_COLOR disables colour.";

/// casebook — industrial-cluster case studies in Korean and English.
///
/// Without a subcommand, opens the explorer on the built-in cases (or --cases DIR).
#[derive(Debug, Parser)]
#[command(name = "casebook", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Args {
    /// Load the collection from DIR instead of the built-in cases.
    #[arg(long, global = true, env = "CASEBOOK_CASES", value_name = "DIR")]
    pub cases: Option<PathBuf>,

    /// Language of names and labels [default: from the locale: ko for a Korean locale].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Colours of the explorer (high-contrast for projectors) [default: dark].
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Ko,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
    HighContrast,
}

impl From<crate::config::ThemeName> for ThemeArg {
    fn from(t: crate::config::ThemeName) -> ThemeArg {
        match t {
            crate::config::ThemeName::Dark => ThemeArg::Dark,
            crate::config::ThemeName::Light => ThemeArg::Light,
            crate::config::ThemeName::HighContrast => ThemeArg::HighContrast,
        }
    }
}

/// Which JSON Schema `casebook schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A case file (cases/cases/<id>.yaml).
    Case,
    /// A catalog file (cases/catalog/*.yaml).
    Catalog,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Case,
    Role,
    Type,
    Factor,
    Problem,
    Strategy,
    Concept,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Case => Kind::Case,
            KindArg::Role => Kind::Role,
            KindArg::Type => Kind::Type,
            KindArg::Factor => Kind::Factor,
            KindArg::Problem => Kind::Problem,
            KindArg::Strategy => Kind::Strategy,
            KindArg::Concept => Kind::Concept,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List items (all kinds, or one), one per line.
    List {
        /// Only items of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Only cases of this cluster type (an id such as university-led).
        #[arg(long = "type", value_name = "TYPE")]
        cluster_type: Option<String>,
        /// Print a JSON array of {kind, id, name: {ko, en}, …}.
        #[arg(long)]
        json: bool,
    },
    /// Everything about one item: its fields, links and sources.
    Show {
        /// The item's id, e.g. san-diego.
        id: String,
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        #[arg(long)]
        markdown: bool,
    },
    /// The role matrix: cases × vision provider / system organizer / specialized supplier.
    Matrix {
        #[arg(long)]
        json: bool,
    },
    /// Validate a collection; exit 0 when clean, 1 when any file has errors.
    Check,
    /// Search every item; exit 1 when nothing matches.
    Search {
        /// The query (see the search syntax below).
        query: String,
        #[arg(long)]
        json: bool,
        /// At most N hits.
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
        /// Only items of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Print `timing: load_ms=… search_ms=… hits=…` to stderr.
        #[arg(long)]
        timing: bool,
    },
    /// Compare 2 to 4 cases side by side: facts, roles, figures, factors, problems.
    Compare {
        /// Case ids, e.g. san-diego daedeok.
        #[arg(value_name = "ID", num_args = 2..=4, required = true)]
        ids: Vec<String>,
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        #[arg(long)]
        markdown: bool,
    },
    /// Write a commented template for a new case: <DIR>/<ID>.yaml (DIR from --cases,
    /// or ./cases/cases; a DIR with a `cases/` folder gets the file there).
    New {
        /// The new case's id: lower-case words joined by `-`, e.g. gumi-electronics.
        id: String,
    },
    /// Print the JSON Schema of case or catalog files (for editors).
    Schema {
        #[arg(value_enum, default_value_t = SchemaKind::Case)]
        kind: SchemaKind,
    },
    /// Print a shell completion script: casebook completions bash > ~/.local/share/bash-completion/completions/casebook
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Show the settings file and the settings in effect.
    Config {
        /// Print only the path the settings file is read from.
        #[arg(long)]
        path: bool,
    },
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

/// Language, theme and collection after flags, environment and settings are weighed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub lang: Lang,
    pub theme: ThemeArg,
    /// `None`: the built-in collection.
    pub cases: Option<PathBuf>,
}

/// Flag (or `CASEBOOK_CASES`, which clap reads into `--cases`) > settings file > default.
/// The locale is the default language, so a language in the settings file wins over it.
pub fn resolve(args: &Args, config: &crate::config::Config) -> Resolved {
    Resolved {
        lang: resolve_lang_with(args.lang, config.lang),
        theme: args
            .theme
            .or(config.theme.map(Into::into))
            .unwrap_or(ThemeArg::Dark),
        cases: args.cases.clone().or_else(|| config.cases.clone()),
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

/// What a command prints and how it exits.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Outcome {
    fn ok(stdout: String) -> Outcome {
        Outcome {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }

    fn fail(stderr: String, code: i32) -> Outcome {
        Outcome {
            stdout: String::new(),
            stderr,
            code,
        }
    }
}

/// JSON text with every character a terminal could act on escaped. serde_json escapes
/// C0 controls already; C1 controls and direction overrides it leaves raw.
pub fn json_string<T: Serialize>(value: &T) -> String {
    let raw =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    if !raw.chars().any(text::is_forbidden) {
        return raw;
    }
    raw.chars()
        .map(|c| {
            if text::is_forbidden(c) {
                format!("\\u{:04x}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// list

#[derive(Serialize)]
struct ListEntry<'a> {
    kind: Kind,
    id: &'a str,
    name: &'a crate::model::Text,
    #[serde(skip_serializing_if = "Option::is_none", rename = "type")]
    cluster_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a crate::model::Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<crate::model::Status>,
}

pub fn list(
    index: &Index,
    kind: Option<Kind>,
    cluster_type: Option<&str>,
    json: bool,
    lang: Lang,
) -> Outcome {
    if let Some(t) = cluster_type {
        if index.get(t).map(|i| i.kind) != Some(Kind::Type) {
            let known: Vec<&str> = index
                .of_kind(Kind::Type)
                .iter()
                .map(|&i| index.item(i).id.as_str())
                .collect();
            return Outcome {
                stdout: String::new(),
                stderr: format!(
                    "error: no cluster type has the id `{}`; known types: {}\n",
                    one_line(t),
                    known.join(", ")
                ),
                code: 2,
            };
        }
    }
    let kinds: Vec<Kind> = match (kind, cluster_type) {
        (Some(k), _) => vec![k],
        (None, Some(_)) => vec![Kind::Case],
        (None, None) => Kind::ALL.to_vec(),
    };
    let items: Vec<&Item> = kinds
        .iter()
        .flat_map(|&k| index.of_kind(k).iter().map(|&i| index.item(i)))
        .filter(|item| match cluster_type {
            Some(t) => item.case().is_some_and(|c| c.cluster_type == t),
            None => true,
        })
        .collect();
    if json {
        let entries: Vec<ListEntry> = items
            .iter()
            .map(|item| ListEntry {
                kind: item.kind,
                id: &item.id,
                name: &item.name,
                cluster_type: item.case().map(|c| c.cluster_type.as_str()),
                country: item.case().map(|c| &c.country),
                status: item.case().map(|c| c.status),
            })
            .collect();
        return Outcome::ok(json_string(&entries) + "\n");
    }
    let id_width = items.iter().map(|i| width(&i.id)).max().unwrap_or(0);
    let name_width = items
        .iter()
        .map(|i| width(&one_line(i.name.get(lang))))
        .max()
        .unwrap_or(0)
        .min(36);
    let mut out = String::new();
    for item in items {
        let kind = pad(item.kind.label(lang), 8);
        let mut line = format!(
            "{kind}  {}  {}",
            pad(&item.id, id_width),
            pad(&one_line(item.name.get(lang)), name_width)
        );
        if let Some(case) = item.case() {
            let _ = write!(
                line,
                "  {}  {}  {}",
                pad(&one_line(case.country.get(lang)), 14),
                pad(&one_line(index.name_of(&case.cluster_type, lang)), 22),
                case.status.label(lang)
            );
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    Outcome::ok(out)
}

// ---------------------------------------------------------------------------------------
// show

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    item: &'a Item,
    /// Items that link to this one, with how.
    linked_from: Vec<LinkedFrom<'a>>,
}

#[derive(Serialize)]
struct LinkedFrom<'a> {
    kind: Kind,
    id: &'a str,
    relation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    strength: Option<RoleStrength>,
}

pub fn show(index: &Index, id: &str, json: bool, markdown: bool, lang: Lang) -> Outcome {
    let Some(position) = index.position(id) else {
        return Outcome {
            stdout: String::new(),
            stderr: format!(
                "error: no item has the id `{}`; `casebook list` shows every id\n",
                one_line(id)
            ),
            code: 1,
        };
    };
    let item = index.item(position);
    if json {
        let linked_from = index
            .backlinks(position)
            .iter()
            .map(|l| {
                let from = index.item(l.from);
                let (relation, strength) = relation_name(l.relation);
                LinkedFrom {
                    kind: from.kind,
                    id: &from.id,
                    relation,
                    strength,
                }
            })
            .collect();
        return Outcome::ok(json_string(&ShowJson { item, linked_from }) + "\n");
    }
    let blocks = report::report(index, item, lang);
    Outcome::ok(if markdown {
        to_markdown(&blocks, lang)
    } else {
        to_plain(&blocks, lang)
    })
}

fn relation_name(relation: crate::index::Relation) -> (&'static str, Option<RoleStrength>) {
    use crate::index::Relation;
    match relation {
        Relation::Factor => ("factor", None),
        Relation::Problem => ("problem", None),
        Relation::Role(s) => ("role", s),
        Relation::Type => ("type", None),
        Relation::Strategy => ("strategy", None),
        Relation::Timeline => ("timeline", None),
        Relation::Counterpart => ("counterpart", None),
    }
}

/// A report as plain text for a terminal: wrapped at 100 columns, aligned by width.
pub fn to_plain(blocks: &[Block], lang: Lang) -> String {
    const WIDTH: usize = 100;
    let mut out = String::new();
    let wrap_into = |out: &mut String, indent: &str, s: &str| {
        for line in text::wrap(&one_line(s), WIDTH.saturating_sub(width(indent))) {
            let _ = writeln!(out, "{indent}{line}");
        }
    };
    // Actor columns fit the longest role and strength, so no role name or strength
    // word is cut ("Specialized Suppliers", "○ medium").
    let actor_width = |f: fn(&Block, Lang) -> usize| blocks.iter().map(|b| f(b, lang)).max();
    let role_width = actor_width(|b, _| match b {
        Block::Actor { role, .. } => width(&one_line(role)),
        _ => 0,
    })
    .unwrap_or(0);
    let strength_width = actor_width(|b, lang| match b {
        Block::Actor {
            strength: Some(s), ..
        } => width(&report::strength_text(*s, lang)),
        _ => 0,
    })
    .unwrap_or(0);
    for block in blocks {
        match block {
            Block::Title { name, other, kind } => {
                let _ = writeln!(
                    out,
                    "{}  ({})  [{}]",
                    one_line(name),
                    one_line(other),
                    kind.label(lang)
                );
            }
            Block::Facts(facts) => {
                let label_width = facts.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
                for (label, value) in facts {
                    let _ = writeln!(out, "  {}  {}", pad(label, label_width), one_line(value));
                }
            }
            Block::Heading(h) => {
                let _ = writeln!(out, "\n{}", one_line(h));
            }
            Block::Paragraph(p) => {
                out.push('\n');
                wrap_into(&mut out, "  ", p);
            }
            Block::Bullet { text, source } => {
                wrap_into(&mut out, "  • ", text);
                if let Some(source) = source {
                    let _ = writeln!(out, "      [{}]", one_line(source));
                }
            }
            Block::Figure {
                label,
                value,
                year,
                note,
                source,
            } => {
                let year = year.map(|y| format!(" ({y})")).unwrap_or_default();
                let _ = writeln!(out, "  • {}: {}{year}", one_line(label), one_line(value));
                if let Some(note) = note {
                    wrap_into(&mut out, "      ", note);
                }
                let _ = writeln!(out, "      [{}]", one_line(source));
            }
            Block::Actor {
                role,
                strength,
                who,
                ..
            } => {
                let strength = strength
                    .map(|s| report::strength_text(s, lang))
                    .unwrap_or_default();
                let strength = if strength_width == 0 {
                    String::new()
                } else {
                    format!("{}  ", pad(&strength, strength_width))
                };
                let line = format!(
                    "  • {}  {strength}{}",
                    pad(&one_line(role), role_width),
                    one_line(who)
                );
                let _ = writeln!(out, "{}", line.trim_end());
            }
            Block::Link {
                target,
                label,
                kind,
                note,
            } => {
                let note = note
                    .as_ref()
                    .map(|n| format!(" — {}", one_line(n)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  → {} [{}: {}]{note}",
                    one_line(label),
                    kind.label(lang),
                    target
                );
            }
            Block::Table { columns, rows } => {
                let label_width = rows
                    .iter()
                    .map(|(l, _)| width(l))
                    .max()
                    .unwrap_or(0)
                    .min(24);
                let cell_width = 30;
                let header: Vec<String> = columns
                    .iter()
                    .map(|c| pad(&one_line(c), cell_width))
                    .collect();
                let _ = writeln!(
                    out,
                    "  {}  {}",
                    pad("", label_width),
                    header.join("  ").trim_end()
                );
                for (label, cells) in rows {
                    let cells: Vec<String> = cells
                        .iter()
                        .map(|c| pad(&one_line(c), cell_width))
                        .collect();
                    let _ = writeln!(
                        out,
                        "  {}  {}",
                        pad(&one_line(label), label_width),
                        cells.join("  ").trim_end()
                    );
                }
            }
        }
    }
    out
}

fn md_escape(s: &str) -> String {
    text::markdown_escape(s)
}

/// A report as Markdown, with every source kept.
pub fn to_markdown(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for block in blocks {
        let is_list = matches!(
            block,
            Block::Bullet { .. } | Block::Figure { .. } | Block::Actor { .. } | Block::Link { .. }
        );
        if in_list && !is_list {
            out.push('\n');
        }
        in_list = is_list;
        match block {
            Block::Title { name, other, kind } => {
                let _ = writeln!(
                    out,
                    "# {} ({})\n\n*{}*\n",
                    md_escape(name),
                    md_escape(other),
                    kind.label(lang)
                );
            }
            Block::Facts(facts) => {
                for (label, value) in facts {
                    let _ = writeln!(out, "- **{}**: {}", md_escape(label), md_escape(value));
                }
                out.push('\n');
            }
            Block::Heading(h) => {
                let _ = writeln!(out, "## {}\n", md_escape(h));
            }
            Block::Paragraph(p) => {
                let _ = writeln!(out, "{}\n", md_escape(p));
            }
            Block::Bullet { text, source } => match source {
                Some(source) => {
                    let _ = writeln!(out, "- {} — *{}*", md_escape(text), md_escape(source));
                }
                None => {
                    let _ = writeln!(out, "- {}", md_escape(text));
                }
            },
            Block::Figure {
                label,
                value,
                year,
                note,
                source,
            } => {
                let year = year.map(|y| format!(" ({y})")).unwrap_or_default();
                let note = note
                    .as_ref()
                    .map(|n| format!(" ({})", md_escape(n)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- {}: **{}**{year}{note} — *{}*",
                    md_escape(label),
                    md_escape(value),
                    md_escape(source)
                );
            }
            Block::Actor {
                role,
                strength,
                who,
                ..
            } => {
                let strength = strength
                    .map(|s| format!(" {}", report::strength_text(s, lang)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- **{}**{strength}: {}",
                    md_escape(role),
                    md_escape(who)
                );
            }
            Block::Link {
                target,
                label,
                note,
                ..
            } => {
                let note = note
                    .as_ref()
                    .map(|n| format!(" — {}", md_escape(n)))
                    .unwrap_or_default();
                let _ = writeln!(out, "- {} (`{}`){note}", md_escape(label), one_line(target));
            }
            Block::Table { columns, rows } => {
                let header: Vec<String> = columns.iter().map(|c| md_escape(c)).collect();
                let _ = writeln!(out, "| | {} |", header.join(" | "));
                let _ = writeln!(out, "|---|{}", "---|".repeat(columns.len()));
                for (label, cells) in rows {
                    let cells: Vec<String> = cells.iter().map(|c| md_escape(c)).collect();
                    let _ = writeln!(out, "| {} | {} |", md_escape(label), cells.join(" | "));
                }
                out.push('\n');
            }
        }
    }
    out.trim_end().to_string() + "\n"
}

// ---------------------------------------------------------------------------------------
// matrix

#[derive(Serialize)]
struct MatrixJson<'a> {
    case: &'a str,
    vp: Option<RoleStrength>,
    so: Option<RoleStrength>,
    ss: Option<RoleStrength>,
}

pub fn matrix(index: &Index, json: bool, lang: Lang) -> Outcome {
    let rows = index.matrix();
    if json {
        let out: Vec<MatrixJson> = rows
            .iter()
            .map(|r| MatrixJson {
                case: &r.item.id,
                vp: r.strengths[0],
                so: r.strengths[1],
                ss: r.strengths[2],
            })
            .collect();
        return Outcome::ok(json_string(&out) + "\n");
    }
    let name_width = rows
        .iter()
        .map(|r| width(&one_line(r.item.name.get(lang))))
        .max()
        .unwrap_or(0)
        .min(30);
    let type_width = rows
        .iter()
        .map(|r| width(&one_line(index.name_of(&r.case.cluster_type, lang))))
        .max()
        .unwrap_or(0)
        .min(24);
    let cell = 10;
    let heads: Vec<String> = MATRIX_ROLES
        .iter()
        .map(|role| {
            let abbr = match index.get(role).map(|i| &i.details) {
                Some(crate::model::Details::Role { abbr: Some(a), .. }) => a.clone(),
                _ => role.to_string(),
            };
            pad(&abbr, cell)
        })
        .collect();
    let mut out = format!(
        "{}  {}  {}\n",
        pad(lang.pick("사례", "Case"), name_width),
        pad(lang.pick("유형", "Type"), type_width),
        heads.join("  ").trim_end()
    );
    for row in &rows {
        let weakest = row.weakest();
        let cells: Vec<String> = row
            .strengths
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut c = s
                    .map(|s| report::strength_text(s, lang))
                    .unwrap_or_else(|| "-".into());
                if weakest == Some(i) {
                    c.push_str(" ←");
                }
                pad(&c, cell)
            })
            .collect();
        let _ = writeln!(
            out,
            "{}  {}  {}",
            pad(&one_line(row.item.name.get(lang)), name_width),
            pad(
                &one_line(index.name_of(&row.case.cluster_type, lang)),
                type_width
            ),
            cells.join("  ").trim_end()
        );
    }
    let _ = writeln!(
        out,
        "\n◎ {} > ○ {} > △ {}; ← {}",
        lang.pick("강", "strong"),
        lang.pick("중", "medium"),
        lang.pick("약", "weak"),
        lang.pick("가장 약한 역할(보강 대상)", "weakest role, to reinforce")
    );
    Outcome::ok(out)
}

// ---------------------------------------------------------------------------------------
// check

pub fn check(index: &Index) -> Outcome {
    let mut out = String::new();
    for d in &index.diagnostics {
        let _ = writeln!(out, "{d}");
    }
    let errors = index.diagnostics.len();
    let summary = format!(
        "checked {} files: {} items loaded, {} {}, {} {} skipped\n",
        index.files,
        index.len(),
        errors,
        if errors == 1 { "error" } else { "errors" },
        index.skipped_files.len(),
        if index.skipped_files.len() == 1 {
            "file"
        } else {
            "files"
        },
    );
    Outcome {
        stdout: out,
        stderr: summary,
        code: if errors == 0 { 0 } else { 1 },
    }
}

// ---------------------------------------------------------------------------------------
// search

#[derive(Serialize)]
struct HitJson<'a> {
    kind: Kind,
    id: &'a str,
    title: &'a crate::model::Text,
    field: &'static str,
    text: &'a str,
    score: i64,
    indices: &'a [usize],
}

/// `casebook search`: the best hits, one per item. `load_ms` is reported by `--timing`.
#[allow(clippy::too_many_arguments)]
pub fn search(
    index: &Index,
    query: &str,
    json: bool,
    limit: usize,
    kind: Option<Kind>,
    timing: bool,
    load_ms: f64,
    lang: Lang,
) -> Outcome {
    let search_index = crate::corpus::build_search_index(index);
    // --kind is the same as a kind: term, so both spellings behave alike.
    let query = match kind {
        Some(k) => format!("{query} kind:{}", k.as_str()),
        None => query.to_string(),
    };
    let started = std::time::Instant::now();
    let mut searcher = crate::search::Searcher::new(&search_index);
    let results = searcher
        .search(&query, limit, &|| false)
        .unwrap_or_default();
    let search_ms = started.elapsed().as_secs_f64() * 1000.0;
    let hits: Vec<(&crate::search::Hit, &Item, String)> = results
        .hits
        .iter()
        .filter_map(|hit| {
            let item = index.get(search_index.id(hit.doc)?)?;
            let text = search_index
                .field(hit.doc, hit.field_index)
                .map(|(_, text)| text.into_owned())
                .unwrap_or_default();
            Some((hit, item, text))
        })
        .collect();
    let mut stderr = String::new();
    if timing {
        let _ = writeln!(
            stderr,
            "timing: load_ms={load_ms:.1} search_ms={search_ms:.3} hits={}",
            results.total
        );
    }
    let code = if hits.is_empty() { 1 } else { 0 };
    if json {
        let out: Vec<HitJson> = hits
            .iter()
            .map(|(hit, item, text)| HitJson {
                kind: item.kind,
                id: &item.id,
                title: &item.name,
                field: hit.field.as_str(),
                text,
                score: hit.score,
                indices: &hit.indices,
            })
            .collect();
        return Outcome {
            stdout: json_string(&out) + "\n",
            stderr,
            code,
        };
    }
    let mark = std::io::IsTerminal::is_terminal(&std::io::stdout())
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let name_width = hits
        .iter()
        .map(|(_, item, _)| width(&one_line(item.name.get(lang))))
        .max()
        .unwrap_or(0)
        .min(30);
    let mut out = String::new();
    for (hit, item, text) in &hits {
        let _ = writeln!(
            out,
            "{}  {}  {}  {}: {}",
            pad(item.kind.label(lang), 8),
            pad(&item.id, 26),
            pad(&one_line(item.name.get(lang)), name_width),
            hit.field.as_str(),
            marked(text, &hit.indices, mark, 80)
        );
    }
    if hits.is_empty() {
        let _ = writeln!(
            stderr,
            "{}",
            lang.pick("일치하는 항목이 없습니다", "nothing matches")
        );
    }
    Outcome {
        stdout: out,
        stderr,
        code,
    }
}

/// `text` (cut to about `room` columns around the first match) with matched characters
/// in bold-underline on a terminal, or between `[` `]` in a pipe.
fn marked(text: &str, indices: &[usize], ansi: bool, room: usize) -> String {
    let chars: Vec<char> = one_line(text).chars().collect();
    let first = indices.first().copied().unwrap_or(0);
    let start = if width(&chars[..first.min(chars.len())].iter().collect::<String>()) + 20 > room {
        first.saturating_sub(10)
    } else {
        0
    };
    let (open, close) = if ansi {
        ("\x1b[1;4m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut used = 0;
    let mut in_mark = false;
    for (i, c) in chars.iter().enumerate().skip(start) {
        let w = width(&c.to_string());
        if used + w > room {
            if in_mark {
                out.push_str(close);
                in_mark = false;
            }
            out.push('…');
            break;
        }
        let is_marked = indices.binary_search(&i).is_ok();
        if is_marked && !in_mark {
            out.push_str(open);
            in_mark = true;
        } else if !is_marked && in_mark {
            out.push_str(close);
            in_mark = false;
        }
        out.push(*c);
        used += w;
    }
    if in_mark {
        out.push_str(close);
    }
    out
}

// ---------------------------------------------------------------------------------------
// compare

/// `casebook compare`: two to four cases side by side. Exit 1 for an unknown id or an
/// item that is not a case, 2 for the wrong number of ids.
pub fn compare(index: &Index, ids: &[String], json: bool, markdown: bool, lang: Lang) -> Outcome {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let comparison = match crate::compare::compare(index, &ids, lang) {
        Ok(c) => c,
        Err(err) => {
            let code = match err {
                crate::compare::CompareError::Count(_) => 2,
                _ => 1,
            };
            return Outcome::fail(format!("error: {err}\n"), code);
        }
    };
    if json {
        return Outcome::ok(json_string(&crate::compare::to_json(&comparison)) + "\n");
    }
    if markdown {
        return Outcome::ok(crate::compare::to_markdown(&comparison, lang));
    }
    Outcome::ok(compare_plain(&comparison, lang))
}

/// A comparison as aligned plain text: one block per section, cells wrapped to their
/// column, rows where the cases differ marked `≠` in the first column.
pub fn compare_plain(c: &crate::compare::Comparison, lang: Lang) -> String {
    use crate::compare::{CompareSection, DIFFERS};
    const TOTAL: usize = 120;
    let n = c.cases.len().max(1);
    let label_width = c
        .rows
        .iter()
        .map(|r| width(&one_line(&r.label)))
        .max()
        .unwrap_or(0)
        .clamp(8, 24);
    let widest_cell = c
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .chain(c.titles.iter())
        .map(|s| width(&one_line(s)))
        .max()
        .unwrap_or(0);
    let room = TOTAL.saturating_sub(2 + label_width + 2 * n) / n;
    let cell_width = widest_cell.min(room).max(12);
    let mut out = String::new();
    let block = |out: &mut String, mark: &str, label: &str, cells: &[String]| {
        let label_lines = text::wrap(&one_line(label), label_width);
        let cell_lines: Vec<Vec<String>> = cells
            .iter()
            .map(|s| text::wrap(&one_line(s), cell_width))
            .collect();
        let height = cell_lines
            .iter()
            .map(Vec::len)
            .chain([label_lines.len()])
            .max()
            .unwrap_or(1)
            .max(1);
        for line in 0..height {
            let mark = if line == 0 { mark } else { "" };
            let label = label_lines.get(line).map_or("", String::as_str);
            let cells: Vec<String> = cell_lines
                .iter()
                .map(|l| pad(l.get(line).map_or("", String::as_str), cell_width))
                .collect();
            let row = format!(
                "{}{}  {}",
                pad(mark, 2),
                pad(label, label_width),
                cells.join("  ")
            );
            let _ = writeln!(out, "{}", row.trim_end());
        }
    };
    let _ = writeln!(
        out,
        "{} ({} {DIFFERS}; {})",
        lang.pick("사례 비교", "Comparison"),
        lang.pick("사례마다 다른 행", "rows where the cases differ"),
        lang.pick(
            "역할은 강도 기준, 수치는 비교하지 않음",
            "roles by strength; figures not compared"
        ),
    );
    for section in CompareSection::ALL {
        let rows: Vec<_> = c.rows_in(section).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", section.label(lang));
        block(&mut out, "", "", &c.titles);
        for r in rows {
            block(
                &mut out,
                if r.marked() { DIFFERS } else { "" },
                &r.label,
                &r.cells,
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        lang.pick(
            "출처는 --markdown 또는 casebook show ID",
            "Sources: --markdown, or casebook show ID"
        )
    );
    out
}

// ---------------------------------------------------------------------------------------
// authoring: schema, new, completions, config

/// The JSON Schema of case files (draft 2020-12), as shipped in `schema/`.
pub const CASE_SCHEMA: &str = include_str!("../schema/case.schema.json");
/// The JSON Schema of catalog files (draft 2020-12), as shipped in `schema/`.
pub const CATALOG_SCHEMA: &str = include_str!("../schema/catalog.schema.json");

/// `casebook schema [case|catalog]`.
pub fn schema(kind: SchemaKind) -> Outcome {
    Outcome::ok(
        match kind {
            SchemaKind::Case => CASE_SCHEMA,
            SchemaKind::Catalog => CATALOG_SCHEMA,
        }
        .to_string(),
    )
}

/// Where `casebook new` writes: `--cases DIR` (its `cases/` folder when it has one, as
/// the shipped collection does), else `./cases/cases`.
pub fn new_case_dir(cases: Option<&std::path::Path>) -> PathBuf {
    match cases {
        Some(dir) if dir.join("cases").is_dir() => dir.join("cases"),
        Some(dir) => dir.to_path_buf(),
        None => PathBuf::from("cases").join("cases"),
    }
}

/// The `$schema` value for a case file in `dir`: a relative path to `schema/case.schema.json`
/// when one is found in `dir` or a folder above it (a checkout of casebook), else `None`.
fn schema_path_for(dir: &std::path::Path) -> Option<String> {
    let absolute = std::path::absolute(dir).ok()?;
    let mut ups = String::new();
    for ancestor in absolute.ancestors().take(6) {
        if ancestor.join("schema").join("case.schema.json").is_file() {
            return Some(format!("{ups}schema/case.schema.json"));
        }
        ups.push_str("../");
    }
    None
}

/// `casebook new ID`: writes a commented template that loads as a valid case. Exit 2 for
/// an id that is not valid, 1 when the file exists or cannot be written.
pub fn new_case(index: &Index, id: &str, cases: Option<&std::path::Path>) -> Outcome {
    if !crate::load::is_valid_id(id) {
        return Outcome::fail(
            format!(
                "error: `{}` is not a valid id; use lower-case letters, digits and single \
                 hyphens, like `gumi-electronics`\n",
                one_line(id)
            ),
            2,
        );
    }
    if let Some(item) = index.get(id) {
        return Outcome::fail(
            format!(
                "error: the id `{id}` is already used by a {} ({}); choose another\n",
                item.kind,
                one_line(&item.file)
            ),
            1,
        );
    }
    let dir = new_case_dir(cases);
    let path = dir.join(format!("{id}.yaml"));
    let shown = path.display().to_string();
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return Outcome::fail(format!("error: cannot create {}: {e}\n", dir.display()), 1);
    }
    let template = case_template(index, id, schema_path_for(&dir).as_deref());
    // create_new: never overwrite, even if the file appeared since we looked.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, template.as_bytes()));
    match written {
        Ok(()) => Outcome::ok(format!(
            "created {shown}\nFill in every TODO, then run: casebook check --cases {}\n",
            cases.map_or_else(|| "cases".to_string(), |c| c.display().to_string())
        )),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Outcome::fail(
            format!("error: {shown} already exists; it was not changed\n"),
            1,
        ),
        Err(e) => Outcome::fail(format!("error: cannot write {shown}: {e}\n"), 1),
    }
}

/// Ids of one kind, as comment lines of at most 90 columns (ids are never split).
fn id_comment(index: &Index, kind: Kind) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let ids = index.of_kind(kind);
    for (n, &i) in ids.iter().enumerate() {
        let id = &index.item(i).id;
        let word = if n + 1 < ids.len() {
            format!("{id},")
        } else {
            id.clone()
        };
        if !line.is_empty() && width(&line) + 1 + width(&word) > 86 {
            let _ = writeln!(out, "#   {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "#   {line}");
    }
    out
}

/// The text of a new case file: every field with a comment in Korean and English, and
/// placeholders that load (so `check` passes from the start) but are plainly TODO.
pub fn case_template(index: &Index, id: &str, schema: Option<&str>) -> String {
    let modeline = match schema {
        Some(p) => format!("# yaml-language-server: $schema={p}\n"),
        None => {
            "# 편집기 검사 / editor checks: `casebook schema case > case.schema.json`, then add\n\
                 # a first line `# yaml-language-server: $schema=case.schema.json` (see README).\n"
                .to_string()
        }
    };
    let type_ids = id_comment(index, Kind::Type);
    let role_ids = id_comment(index, Kind::Role);
    let strategy_ids = id_comment(index, Kind::Strategy);
    // Placeholders that exist in the collection, so the file loads from the start.
    let pick = |kind: Kind, preferred: &str| -> String {
        let ids = index.of_kind(kind);
        if index.get(preferred).is_some_and(|i| i.kind == kind) {
            preferred.to_string()
        } else {
            ids.first()
                .map_or_else(|| format!("TODO-{kind}"), |&i| index.item(i).id.clone())
        }
    };
    let type_id = pick(Kind::Type, "region-specialized");
    let role_id = pick(Kind::Role, "vision-provider");
    format!(
        r#"{modeline}# 새 사례 파일 / A new case file — docs/DATA_MODEL.md describes every field.
# 이 파일은 지금 그대로도 읽힙니다. TODO를 모두 채우고 `casebook check`로 확인하세요.
# The file loads as it is. Replace every TODO, then run `casebook check`.
# 텍스트는 모두 한국어(ko)와 영어(en)로 씁니다 / every text is written in Korean (ko) and English (en).
# `: `이 들어간 텍스트는 큰따옴표로 감쌉니다 / quote a text that contains `: `.

# 식별자: 파일 이름과 같아야 함 / id: must equal the file name (without .yaml).
id: {id}

# 사례 이름 / the case's name.
name: {{ko: "TODO 사례 이름", en: "TODO case name"}}

# 다른 표기·약칭(검색용, 선택) / other spellings and short names, for search (optional).
aliases: []

# 두세 문장 요약(우리말로 새로 씀) / two or three sentences in our own words.
summary:
  ko: "TODO 이 클러스터가 무엇이고 왜 중요한지 두세 문장으로."
  en: "TODO What the cluster is and why it matters, in two or three sentences."

# 이 사례가 근거로 삼는 원문의 모든 곳(파일 이름과 절) / every place in the sources it draws on.
sources:
  - {{file: "TODO-source-file.txt", section: "TODO 절 번호와 제목 / section number and heading"}}

# 국가, 지역(시·도), 산업 / country, region (city / province), industry.
country: {{ko: "TODO 국가", en: "TODO country"}}
region: {{ko: "TODO 지역", en: "TODO region"}}
industry: {{ko: "TODO 산업", en: "TODO industry"}}

# 클러스터 유형 id — 알맞은 것으로 바꾸세요 / cluster type id — change it to the right one:
{type_ids}type: {type_id}

# 상태 / status: established(정착) · emerging(형성 중) · transforming(전환 중) · planned(계획)
status: emerging

# 시기(선택) / era in the report's timeline (optional): before-1960s · 1970s · 1980s · 1990s-on
# era: 1990s-on

# 형성 연도(선택, 정수) / year the cluster began (optional, a whole number).
# founded: 1990

# 구성주체 / actors. role은 역할 id / role is a role id:
{role_ids}# strength(선택) / optional: strong(◎) · medium(○) · weak(△)
actors:
  - role: {role_id}
    who: {{ko: "TODO 누가 이 역할을 하는가", en: "TODO who fills this role"}}
    # strength: medium
    source: {{file: "TODO-source-file.txt", section: "TODO"}}

# 주요 수치: 원문에 찍힌 그대로, value는 문자열 / key figures exactly as printed; value is a string.
figures:
  - label: {{ko: "TODO 무엇의 수치인가", en: "TODO what the number measures"}}
    value: "TODO"
    # unit: {{ko: "%", en: "%"}}        # 단위(선택) / unit (optional)
    # year: 2002                       # 기준 연도(선택) / the year it refers to (optional)
    # note: {{ko: ..., en: ...}}         # 읽는 법(선택) / how to read it (optional)
    source: {{file: "TODO-source-file.txt", section: "TODO"}}

# 강점, 약점, 평가: 출처가 있는 문장 목록 / strengths, weaknesses, evaluation: statements with a source.
strengths:
  - ko: "TODO 강점"
    en: "TODO strength"
    source: {{file: "TODO-source-file.txt", section: "TODO"}}
weaknesses: []
evaluation: []

# 그 밖의 내용(연혁, 프로그램 등): 제목과 문장들 / anything else (history, programmes): a title and points.
sections: []
#  - title: {{ko: 연혁, en: History}}
#    points:
#      - {{ko: ..., en: ..., source: {{file: ..., section: ...}}}}

# 이 사례가 보여 주는 성공요인·정책문제 id / success factors and policy problems it illustrates:
# `casebook list --kind factor`, `casebook list --kind problem`
factors: []
problems: []

# 유형별 전략 id(선택) / the strategy for its type (optional):
{strategy_ids}# strategy: strategy-region-specialized

# 짝 사례 id(선택, 양쪽 파일 모두에 써야 함) / the paired case (optional; write it in both files).
# counterpart: icheon

# ◎○△ 판독 설명(선택) / how the seed's ◎/○/△ rating was read (optional).
# rating_note: {{ko: ..., en: ...}}
"#
    )
}

/// `casebook completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> Outcome {
    let mut command = <Args as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "casebook", &mut out);
    Outcome::ok(String::from_utf8_lossy(&out).into_owned())
}

/// `casebook config [--path]`: where the settings file is, and what is in effect and why.
pub fn config(
    args: &Args,
    settings: &crate::config::Loaded,
    resolved: &Resolved,
    path_only: bool,
) -> Outcome {
    let path = settings
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "(no settings directory on this system)".into());
    if path_only {
        return Outcome::ok(format!("{}\n", text::escape_for_terminal(&path)));
    }
    let state = match (
        &settings.warning,
        settings.path.as_ref().is_some_and(|p| p.is_file()),
    ) {
        (Some(_), _) => "has errors, ignored",
        (None, true) => "found",
        (None, false) => "not found",
    };
    let mut out = format!(
        "# settings file: {} ({state})\n",
        text::escape_for_terminal(&path)
    );
    let c = &settings.config;
    let origin = |flag: bool, from_file: bool| {
        if flag {
            "from the command line or environment"
        } else if from_file {
            "from the settings file"
        } else {
            "default"
        }
    };
    let lang = match resolved.lang {
        Lang::Ko => "ko",
        Lang::En => "en",
    };
    let _ = writeln!(
        out,
        "lang = \"{lang}\"   # {}",
        origin(args.lang.is_some(), c.lang.is_some())
    );
    let theme = match resolved.theme {
        ThemeArg::Dark => "dark",
        ThemeArg::Light => "light",
        ThemeArg::HighContrast => "high-contrast",
    };
    let _ = writeln!(
        out,
        "theme = \"{theme}\"   # {}",
        origin(args.theme.is_some(), c.theme.is_some())
    );
    match &resolved.cases {
        Some(dir) => {
            let _ = writeln!(
                out,
                "cases = \"{}\"   # {}",
                text::escape_for_terminal(&dir.display().to_string()),
                origin(args.cases.is_some(), c.cases.is_some())
            );
        }
        None => {
            let _ = writeln!(out, "# cases: the built-in collection (default)");
        }
    }
    Outcome::ok(out)
}
