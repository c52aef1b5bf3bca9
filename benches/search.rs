//! Search speed per keystroke on synthetic collections (see BENCHMARKS.md).
//!
//! The collections (1k, 10k and 100k cases) are generated once into
//! `target/bench-data/` by `casebook::synthetic::bench_collection` and reused.
//! Every query runs through `Searcher::search` with the explorer's result
//! limit, so the numbers include ranking and the highlight indices of the
//! hits returned.
//!
//! Run: `cargo bench --bench search` (a filter such as
//! `cargo bench --bench search -- search/10k` runs part of it).

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use casebook::search::{SearchIndex, Searcher};
use casebook::tui::RESULT_LIMIT;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// Korean queries of 1 to 8 characters.
const KOREAN: [&str; 8] = [
    "대",
    "대덕",
    "샌디에",
    "샌디에고",
    "ㅅㄷㅇㄱ",
    "대학 연구소",
    "울산 자동차 클러",
    "바이오클러스터 특허",
];

/// English queries of 1 to 19 characters.
const ENGLISH: [&str; 6] = [
    "s",
    "cl",
    "toyota",
    "cluster",
    "san dieg",
    "university research",
];

/// Harder than the lists above: a lone initial consonant, the commonest
/// letter, typos whose letters occur scattered in nearly every document
/// (two with swapped letters, which match no word at all), four initials, a
/// word with initials, and a Korean typo.
const STRESS: [&str; 8] = [
    "ㄷ",
    "e",
    "unvrsty",
    "clsuter",
    "reserach",
    "ㅋㄹㅅㅌ",
    "대학 ㅇㄱㅅ",
    "클라스터",
];

/// The subset run on 100k cases.
const LARGE: [&str; 8] = [
    "대",
    "샌디에고",
    "울산 자동차 클러",
    "ㅅㄷㅇㄱ",
    "s",
    "toyota",
    "san dieg",
    "university research",
];

/// Queries typed one character at a time (as a terminal delivers them: whole
/// syllables, since the IME composes Hangul before the key reaches us).
const TYPED: [&str; 2] = ["바이오클러스터 특허", "university research"];

/// The collection sizes to run, from `CASEBOOK_BENCH_SIZES` (comma-separated
/// case counts, e.g. `10000`); all three by default.
fn sizes() -> Vec<usize> {
    match std::env::var("CASEBOOK_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .map(|n| n.trim().parse().expect("CASEBOOK_BENCH_SIZES: case counts"))
            .collect(),
        Err(_) => vec![10_000, 1_000, 100_000],
    }
}

fn search_index(cases: usize) -> Arc<SearchIndex> {
    let (dir, bytes) = casebook::synthetic::bench_collection(cases).expect("generate collection");
    let collection = casebook::collection::open(Some(&dir)).expect("load collection");
    assert!(
        collection.index.diagnostics.is_empty(),
        "synthetic collection has errors"
    );
    let si = collection.search;
    eprintln!(
        "{cases} cases: {} YAML bytes, {} documents",
        bytes,
        si.len()
    );
    si
}

fn bench_queries(c: &mut Criterion, label: &str, si: &SearchIndex, queries: &[&str]) {
    let mut group = c.benchmark_group(format!("search/{label}"));
    group
        .sample_size(if si.len() > 50_000 { 10 } else { 20 })
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for &q in queries {
        let hits = Searcher::new(si)
            .search(q, RESULT_LIMIT, &|| false)
            .expect("not cancelled");
        eprintln!(
            "search/{label} {q:?}: {} matches, {} shown",
            hits.total,
            hits.hits.len()
        );
        group.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
            b.iter(|| {
                Searcher::new(si)
                    .search(black_box(q), RESULT_LIMIT, &|| false)
                    .expect("not cancelled")
            })
        });
    }
    group.finish();
}

/// Every prefix of the query in turn with one `Searcher`, which narrows the
/// previous matches. The throughput line gives keystrokes per second.
fn bench_typing(c: &mut Criterion, label: &str, si: &SearchIndex, typed: &[&str]) {
    let mut group = c.benchmark_group(format!("typing/{label}"));
    group
        .sample_size(if si.len() > 50_000 { 10 } else { 20 })
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for &q in typed {
        let prefixes: Vec<String> = q
            .char_indices()
            .map(|(i, ch)| q[..i + ch.len_utf8()].to_string())
            .collect();
        group.throughput(Throughput::Elements(prefixes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(q), &prefixes, |b, prefixes| {
            b.iter(|| {
                let mut searcher = Searcher::new(si);
                for p in prefixes {
                    black_box(searcher.search(p, RESULT_LIMIT, &|| false));
                }
            })
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    let all: Vec<&str> = KOREAN
        .iter()
        .chain(ENGLISH.iter())
        .chain(STRESS.iter())
        .copied()
        .collect();
    for cases in sizes() {
        let label = match cases % 1000 {
            0 => format!("{}k", cases / 1000),
            _ => cases.to_string(),
        };
        let si = search_index(cases);
        if cases > 50_000 {
            // Fewer queries: each sample takes ten times as long.
            bench_queries(c, &label, &si, &LARGE);
            bench_typing(c, &label, &si, &TYPED);
        } else {
            bench_queries(c, &label, &si, &all);
            bench_typing(c, &label, &si, &TYPED);
        }
    }
}

criterion_group!(search, benches);
criterion_main!(search);
