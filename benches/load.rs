//! Loading speed on a synthetic collection of 10k cases (see BENCHMARKS.md):
//! reading and validating the YAML, building the item index (and within it the table
//! of citations by source section), building the search index, and all three together
//! as the explorer does at start.
//!
//! The files are read from the page cache (they were just generated or read
//! by an earlier sample), so this measures parsing and indexing, not the disk.
//!
//! Run: `cargo bench --bench load`.

use std::hint::black_box;
use std::time::Duration;

use casebook::index::Index;
use casebook::load::load_collection;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode};

fn benches(c: &mut Criterion) {
    let (dir, bytes) = casebook::synthetic::bench_collection(10_000).expect("generate collection");
    eprintln!("load/10k: {bytes} YAML bytes in {}", dir.display());

    let mut group = c.benchmark_group("load/10k");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));

    group.bench_function("load_collection", |b| {
        b.iter(|| load_collection(black_box(&dir)).expect("load"))
    });
    group.bench_function("Index::build", |b| {
        b.iter_batched(
            || load_collection(&dir).expect("load"),
            Index::build,
            BatchSize::PerIteration,
        )
    });
    let index = Index::build(load_collection(&dir).expect("load"));
    assert!(
        index.diagnostics.is_empty(),
        "synthetic collection has errors"
    );
    // The Sources pane's table, part of `Index::build`: every citation by its section.
    let order: Vec<usize> = casebook::model::Kind::ALL
        .iter()
        .flat_map(|&k| index.of_kind(k).iter().copied())
        .collect();
    group.bench_function("SourceCitations::build", |b| {
        b.iter(|| casebook::backlinks::SourceCitations::build(black_box(index.items()), &order))
    });
    group.bench_function("build_search_index", |b| {
        b.iter(|| casebook::corpus::build_search_index(black_box(&index)))
    });
    drop(index);
    group.bench_function("all (collection::open)", |b| {
        b.iter(|| casebook::collection::open(Some(black_box(&dir))).expect("load"))
    });
    group.finish();
}

criterion_group!(load, benches);
criterion_main!(load);
