//! The command line's shape: the flags, the subcommands and their help text, as clap
//! types. Nothing here runs a command; `cli::run` dispatches on [`Command`]. A flag's
//! value becomes a core type here (`ThemeArg` → [`ThemeName`], `KindArg` → [`Kind`]),
//! so nothing past the command line needs clap.
//!
//! Depends on `config` and `model`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::config::ThemeName;
use crate::model::Kind;

/// The end of `--help`: the search syntax, exit statuses and environment variables.
pub const AFTER_HELP: &str = "\
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
settings from FILE (see `casebook config`); CASEBOOK_STATE=FILE keeps the explorer's memory
(queries, recent items, where it was left) in FILE; NO_COLOR disables colour.";

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

    /// Open the explorer at the top instead of where it was left (the query history and
    /// the recent items are kept).
    #[arg(long)]
    pub fresh: bool,

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

impl From<ThemeArg> for ThemeName {
    fn from(t: ThemeArg) -> ThemeName {
        match t {
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::HighContrast => ThemeName::HighContrast,
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
    Source,
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
            KindArg::Source => Kind::Source,
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
        /// At most N hits (1 or more).
        // 0 is refused as a usage error: "no hits" is never what was meant, and
        // answering it with "nothing matches" would be wrong.
        #[arg(
            long,
            default_value_t = 20,
            value_name = "N",
            value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..)
        )]
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
    /// The documents every fact cites: reference, date, sections (the ids a `source:`
    /// uses); --bibtex / --csl-json export them for reference managers. With DOC: its
    /// sections and how many citations name each; with DOC SECTION: every item and
    /// every fact citing that section, with the page.
    Sources {
        /// A document id (`seri-2002`, `yeongwol-solar-plan`): list what cites it.
        doc: Option<String>,
        /// A section id of DOC (`ii-2-1-daedeok`): list every item and fact citing it.
        section: Option<String>,
        /// Print JSON: the documents with every field and their references, or with DOC
        /// the sections and their counts, or with SECTION what cites it.
        #[arg(long, conflicts_with_all = ["bibtex", "csl_json"])]
        json: bool,
        /// Print BibTeX entries (@techreport, @misc), keyed by document id.
        #[arg(long, conflicts_with_all = ["csl_json", "doc"])]
        bibtex: bool,
        /// Print a CSL-JSON array (Zotero, pandoc, citeproc).
        #[arg(long = "csl-json", conflicts_with = "doc")]
        csl_json: bool,
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
