//! `casebook search QUERY [--json] [--limit N] [--kind K] [--timing]`: the best hits,
//! one per item, found with the explorer's search (`collection::search_items_scored`) and
//! highlighted with its highlighter. Matches are bold-underlined on a terminal (unless
//! NO_COLOR) and put between `[` `]` in a pipe. Exit 1 when nothing matches.

use std::fmt::Write as _;

use super::Outcome;
use crate::collection;
use crate::index::Index;
use crate::model::{Kind, Lang};
use crate::render::{json, plain};
use crate::search::Searcher;

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
    let search_index = collection::search_index(index);
    // --kind is the same as a kind: term, so both spellings behave alike.
    let query = match kind {
        Some(k) => format!("{query} kind:{}", k.as_str()),
        None => query.to_string(),
    };
    let started = std::time::Instant::now();
    let mut searcher = Searcher::new(&search_index);
    let (hits, total) =
        collection::search_items_scored(index, &mut searcher, &query, limit, &|| false)
            .unwrap_or_default();
    let search_ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut stderr = String::new();
    if timing {
        let _ = writeln!(
            stderr,
            "timing: load_ms={load_ms:.1} search_ms={search_ms:.3} hits={total}"
        );
    }
    let code = if hits.is_empty() { 1 } else { 0 };
    if json {
        return Outcome {
            stdout: json::string(&json::hits(index, &hits)) + "\n",
            stderr,
            code,
        };
    }
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout())
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let hits: Vec<collection::ItemHit> = hits.into_iter().map(|(hit, _)| hit).collect();
    let out = plain::hits(index, &hits, ansi, lang);
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
