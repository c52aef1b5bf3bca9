use casebook::search::Searcher;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, _) = casebook::synthetic::bench_collection(10_000).expect("generate");
    let loaded = casebook::collection::open(Some(&dir)).expect("load");
    let si = &loaded.search;
    let n: usize = args[0].parse().unwrap();
    let start = std::time::Instant::now();
    for _ in 0..n {
        for q in &args[1..] {
            std::hint::black_box(Searcher::new(si).search(q, 200, &|| false));
        }
    }
    eprintln!("{:?} per round", start.elapsed() / n as u32);
}
