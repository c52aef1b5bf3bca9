//! What one live reload costs on a synthetic collection, step by step: the first load
//! (every file parsed), a reload after one case file was edited (one file parsed, all
//! linked and indexed again), and the same reload done the old way (every file parsed).
//!
//! `cargo run --release --example reload_cost [CASES]` (default 10,000 cases). The
//! numbers are in BENCHMARKS.md.

use std::collections::HashSet;
use std::time::Instant;

use casebook::collection::{self, Reloader};

fn main() {
    let cases = casebook::synthetic::cases_from_args("reload_cost [CASES]");
    let (dir, bytes) = casebook::synthetic::bench_collection(cases).expect("generate");
    println!(
        "{cases} cases, {:.1} MB of YAML in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    let mut reloader = Reloader::new(&dir);
    let none = HashSet::new();
    let (first, report) = reloader.reload(&none).expect("loads");
    println!("first load:   {report:?}");
    let edited = dir.join("cases/ulsan.yaml");
    let text = std::fs::read_to_string(&edited).expect("read");
    for round in 0..3 {
        std::fs::write(&edited, text.replacen("울산", &format!("울산{round}"), 1)).expect("write");
        let (_, report) = reloader.reload(&none).expect("reloads");
        println!("one edit:     {report:?}");
    }
    let start = Instant::now();
    let old = collection::reopen(&dir, &first.index).expect("reopen");
    println!(
        "full reopen:  {:?} for {} items",
        start.elapsed(),
        old.index.len()
    );
}
