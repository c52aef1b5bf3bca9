//! The command line: argument definitions and the non-interactive subcommands
//! (`list`, `show`, `matrix`, `check`, `search`) with their plain, JSON and Markdown output.
//!
//! Every function here returns the text to print instead of printing it, so tests can
//! call them directly and `main` prints once. Plain output is aligned by display width
//! and never carries control characters from the files; JSON escapes them.
//!
//! Depends on `model`, `text`, `load`, `index`, `report` and `search`.

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

Exit status: 0 success; 1 nothing found (search, show) or errors found (check); 2 usage error.
Environment: CASEBOOK_CASES=DIR is the default for --cases; NO_COLOR disables colour.";

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

    /// Colours of the explorer (high-contrast for projectors).
    #[arg(long, global = true, value_enum, default_value_t = ThemeArg::Dark)]
    pub theme: ThemeArg,

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
}

/// The language from `--lang`, else from the locale (LC_ALL, LC_MESSAGES, LANG).
pub fn resolve_lang(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Ko) => Lang::Ko,
        Some(LangArg::En) => Lang::En,
        None => lang_from_locale(|name| std::env::var(name).ok()),
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
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
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
    let hits: Vec<(&crate::search::Hit, &Item, &str)> = results
        .hits
        .iter()
        .filter_map(|hit| {
            let document = search_index.document(hit.doc);
            let item = index.get(&document.id)?;
            let text = document
                .fields
                .get(hit.field_index)
                .map_or("", |f| f.text.as_str());
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
