//! Generates the synthetic collection of the benchmarks once (see `casebook::synthetic`)
//! and prints its folder, for scripts that run the binary on it
//! (`scripts/compare_start.py`).
//!
//! Run: `cargo run --release --example bench_collection -- 10000`

fn main() -> std::io::Result<()> {
    let cases: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("usage: bench_collection [CASES]"))
        .unwrap_or(10_000);
    let (dir, bytes) = casebook::synthetic::bench_collection(cases)?;
    eprintln!("{cases} cases, {bytes} YAML bytes");
    println!("{}", dir.display());
    Ok(())
}
