//! Quick per-query medians without criterion's statistics, for trying an idea
//! before running the real benchmark (`cargo bench --bench search`).
//!
//! Run: `cargo run --release --example query_times -- 10000 [QUERY ...]`

use std::time::Instant;

use casebook::search::Searcher;
use casebook::tui::RESULT_LIMIT;

/// Without queries on the command line: the slowest of each kind in the
/// benchmark (initials, Korean words, English words, a scattered typo).
const DEFAULT_QUERIES: [&str; 4] = ["ㅅㄷㅇㄱ", "대학 연구소", "university research", "unvrsty"];

fn main() {
    let mut args = std::env::args().skip(1);
    let cases: usize = args
        .next()
        .map_or(10_000, |n| n.parse().expect("case count"));
    let mut queries: Vec<String> = args.collect();
    if queries.is_empty() {
        queries = DEFAULT_QUERIES.iter().map(|q| q.to_string()).collect();
    }
    let (dir, _) = casebook::synthetic::bench_collection(cases).expect("generate collection");
    let loaded = casebook::collection::open(Some(&dir)).expect("load collection");
    let si = &loaded.search;
    for query in &queries {
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..15 {
            let start = Instant::now();
            let results = Searcher::new(si)
                .search(query, RESULT_LIMIT, &|| false)
                .expect("not cancelled");
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            total = results.total;
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{query:>24}  {:7.2} ms  {total:>6} matches",
            times[times.len() / 2]
        );
    }
}
