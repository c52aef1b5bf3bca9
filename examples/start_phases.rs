//! Where the time of a start goes, phase by phase, on the synthetic collection: the
//! load the explorer does at start (streamed, with the partial indexes it sends) beside
//! the plain load, then the item index and the search index of the whole collection.
//!
//! `cargo run --release --example start_phases [CASES]` (default 10,000 cases).

use std::collections::HashSet;
use std::time::{Duration, Instant};

use casebook::collection::{self, Reloader};

fn main() {
    let cases = casebook::synthetic::cases_from_args("start_phases [CASES]");
    let (dir, bytes) = casebook::synthetic::bench_collection(cases).expect("generate");
    println!("{cases} cases, {:.1} MB of YAML", bytes as f64 / 1e6);
    for round in 0..3 {
        let start = Instant::now();
        let (index, report) = Reloader::new(&dir)
            .open_index(&HashSet::new())
            .expect("loads");
        let plain = start.elapsed();
        let start = Instant::now();
        let search = collection::search_index(&index);
        let search_time = start.elapsed();
        drop(search);
        println!(
            "round {round} plain:    total {:>5} ms load {:>5} ms index {:>5} ms | search index {:>5} ms",
            plain.as_millis(), report.load.as_millis(), report.index.as_millis(), search_time.as_millis()
        );

        let start = Instant::now();
        let mut partial_time = Duration::ZERO;
        let mut partials = 0;
        let mut sent = None::<usize>;
        let (index, report) = Reloader::new(&dir)
            .open_streaming(&mut |streamed| {
                let items = streamed.item_count();
                // As often as the explorer makes them.
                if casebook::tui::loader::partial_due(sent, items) {
                    sent = Some(items);
                    let at = Instant::now();
                    let part = collection::partial_index(streamed);
                    partial_time += at.elapsed();
                    partials += 1;
                    drop(part);
                }
            })
            .expect("loads");
        let streamed = start.elapsed();
        println!(
            "round {round} streamed: total {:>5} ms load {:>5} ms index {:>5} ms | {partials} partials {:>5} ms ({} items)",
            streamed.as_millis(),
            report.load.as_millis(),
            report.index.as_millis(),
            partial_time.as_millis(),
            index.items().len()
        );
    }
}
