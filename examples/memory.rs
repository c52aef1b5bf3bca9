//! Peak memory of loading a synthetic collection and building both indexes,
//! next to the collection's YAML size (see BENCHMARKS.md). Linux only: reads
//! `/proc/self/status`.
//!
//! Run: `cargo run --release --example memory -- 10000`

use std::alloc::{GlobalAlloc, Layout, System};
use std::fs;
use std::sync::atomic::{AtomicUsize, Ordering};

use casebook::index::Index;

/// The system allocator, counting live heap bytes and their peak, to tell
/// what the program holds apart from what the allocator keeps in RSS.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(size: usize) {
    let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is passed on to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A `kB` line of `/proc/self/status`, in bytes.
fn status_kb(key: &str) -> u64 {
    let status = fs::read_to_string("/proc/self/status").expect("/proc/self/status (Linux only)");
    status
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map(|kb| kb * 1024)
        .unwrap_or_else(|| panic!("no {key} in /proc/self/status"))
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn main() {
    let cases = casebook::synthetic::cases_from_args("memory [CASES]");
    let (dir, yaml_bytes) =
        casebook::synthetic::bench_collection(cases).expect("generate collection");

    // Forget the peak of generating the collection (Linux ≥ 4.0): from here on
    // VmHWM is the peak since this point.
    fs::write("/proc/self/clear_refs", "5").expect("reset VmHWM");
    let baseline = status_kb("VmRSS");
    let heap_baseline = LIVE.load(Ordering::Relaxed);
    PEAK.store(heap_baseline, Ordering::Relaxed);
    let heap = || LIVE.load(Ordering::Relaxed).saturating_sub(heap_baseline) as u64;
    let heap_peak = || PEAK.load(Ordering::Relaxed).saturating_sub(heap_baseline) as u64;

    let loaded = casebook::load::load_collection(&dir).expect("load collection");
    assert!(
        loaded.diagnostics.is_empty(),
        "synthetic collection has errors"
    );
    let after_load = (status_kb("VmRSS"), heap(), heap_peak());
    let index = Index::build(loaded);
    let after_index = (status_kb("VmRSS"), heap(), heap_peak());
    let search = casebook::corpus::build_search_index(&index);
    let after_search = (status_kb("VmRSS"), heap(), heap_peak());

    println!("collection: {} ({cases} cases)", dir.display());
    println!("YAML bytes: {yaml_bytes} ({})", mib(yaml_bytes));
    println!("items: {}, documents: {}", index.len(), search.len());
    println!("baseline RSS: {}", mib(baseline));
    let ratio = |bytes: u64| bytes as f64 / yaml_bytes as f64;
    println!(
        "{:<30} {:>23}  {:>23}  {:>23}",
        "", "RSS above baseline", "live heap", "heap peak so far"
    );
    let show = |what: &str, (rss, heap, peak): (u64, u64, u64)| {
        let extra = rss.saturating_sub(baseline);
        println!(
            "{what:<30} {:>10} ({:.2}x YAML)  {:>10} ({:.2}x YAML)  {:>10} ({:.2}x YAML)",
            mib(extra),
            ratio(extra),
            mib(heap),
            ratio(heap),
            mib(peak),
            ratio(peak)
        );
    };
    show("after load_collection:", after_load);
    show("after Index::build:", after_index);
    show("after build_search_index:", after_search);
    let peak_rss = status_kb("VmHWM").saturating_sub(baseline);
    println!(
        "peak RSS (VmHWM) above baseline: {} = {:.2}x the YAML bytes",
        mib(peak_rss),
        ratio(peak_rss)
    );
    std::hint::black_box((&index, &search));
}
