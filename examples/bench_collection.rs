//! Generates the synthetic collection of the benchmarks once (see `casebook::synthetic`)
//! and prints its folder, for scripts that run the binary on it
//! (`scripts/compare_start.py`).
//!
//! Run: `cargo run --release --example bench_collection -- 10000`

fn main() -> std::io::Result<()> {
    let cases = casebook::synthetic::cases_from_args("bench_collection [CASES]");
    let (dir, bytes) = casebook::synthetic::bench_collection(cases)?;
    eprintln!("{cases} cases, {bytes} YAML bytes");
    println!("{}", dir.display());
    Ok(())
}
