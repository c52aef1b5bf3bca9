//! `casebook search QUERY [--json] [--limit N] [--kind K] [--timing]`: the best hits,
//! one per item, found with the explorer's search (`collection::find_scored`) and
//! highlighted with its highlighter. Matches are bold-underlined on a terminal (unless
//! NO_COLOR) and put between `[` `]` in a pipe. A query that finds nothing as typed but
//! does as typed with the keyboard in the other mode (`eoejr` → 대덕) shows those results
//! and says so in one line on stderr. Exit 1 when nothing matches.
//!
//! Depends on the CLI's own `Outcome`, `collection`, `index`, `model`, `render`, `search` and `text`.

use std::fmt::Write as _;

use super::Outcome;
use crate::collection;
use crate::index::Index;
use crate::model::{Kind, Lang};
use crate::render::{json, plain};
use crate::search::Searcher;
use crate::text::quoted;

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
    let kind_term = kind.map(|k| format!(" kind:{}", k.as_str()));
    let typed = query;
    let query = format!("{typed}{}", kind_term.as_deref().unwrap_or(""));
    let started = std::time::Instant::now();
    let mut searcher = Searcher::new(&search_index);
    let collection::Found {
        hits,
        total,
        corrected,
        converted,
        unknown_filters,
    } = collection::find_scored(index, &mut searcher, &query, limit, &|| false).unwrap_or_default();
    let search_ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut stderr = String::new();
    if timing {
        let _ = writeln!(
            stderr,
            "timing: load_ms={load_ms:.1} search_ms={search_ms:.3} hits={total}"
        );
    }
    if let Some(converted) = converted {
        // The kind: term is kept as typed; say only what the user typed.
        let converted = kind_term
            .as_deref()
            .and_then(|term| converted.strip_suffix(term))
            .unwrap_or(&converted);
        let (typed, converted) = (quoted(typed), quoted(converted));
        let _ = writeln!(
            stderr,
            "{}",
            match lang {
                Lang::Ko => format!(
                    "casebook: \"{typed}\"에 일치하는 항목이 없어 \"{converted}\"의 결과를 \
                     보여 줍니다 (한/영 입력 모드가 잘못된 입력)"
                ),
                Lang::En => format!(
                    "casebook: nothing matches \"{typed}\"; showing results for \
                     \"{converted}\" (typed with the keyboard in the wrong mode)"
                ),
            }
        );
    }
    for filter in &unknown_filters {
        let _ = writeln!(
            stderr,
            "{}",
            match lang {
                Lang::Ko => format!(
                    "casebook: \"{}\"은(는) 아무 종류나 필드도 가리키지 않아 일치하는 항목이 없습니다 \
                     (종류: case role type factor problem strategy concept source, \
                     필드: name alias summary place actor figure strength weakness evaluation point region source)",
                    quoted(filter)
                ),
                Lang::En => format!(
                    "casebook: \"{}\" names no kind or field, so nothing matches it \
                     (kinds: case role type factor problem strategy concept source; \
                     fields: name alias summary place actor figure strength weakness evaluation point region source)",
                    quoted(filter)
                ),
            }
        );
    }
    if !corrected.is_empty() {
        let typed = quoted(typed);
        let spellings = corrected
            .iter()
            .map(|s| format!("\"{}\"", quoted(s)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            stderr,
            "{}",
            match lang {
                Lang::Ko => format!(
                    "casebook: \"{typed}\"의 낱말이 그대로는 없어 철자가 한 글자 다른 \
                     {spellings}의 결과를 보여 줍니다"
                ),
                Lang::En => format!(
                    "casebook: a word of \"{typed}\" is found nowhere as typed; showing \
                     results for the spelling one edit away: {spellings}"
                ),
            }
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
