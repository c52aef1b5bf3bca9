//! Work off the UI thread: the search worker, which answers the newest query and drops
//! the ones a newer keystroke made stale, and reports on the event loop's channel. (Live
//! reload, the other worker, is [`super::watch`].)
//!
//! Two kinds of work get pools of their own, below the explorer's priority, so that they
//! never queue behind (or in front of) the shared pool: a search over part of a collection
//! still loading (the parse holds the shared pool until the last file is in), and the
//! warm-up of the parts of a search index built on first use (which held both threads
//! while the first query waited).
//!
//! Depends on `collection`, `index`, `search` and the explorer's `events` and `app`.

use std::panic;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use super::app::SearchRequest;
use super::events::Input;
use crate::collection;
use crate::index::Index;
use crate::search::{SearchIndex, Searcher};

/// How many results the explorer asks for; more than fit on any screen.
pub const RESULT_LIMIT: usize = 200;

/// Where to send search requests; a newer request cancels the one in progress.
pub struct SearchWorker {
    requests: Sender<SearchRequest>,
    latest: Arc<AtomicU64>,
}

impl SearchWorker {
    /// A thread that runs searches over `index`. Without a search index it builds one
    /// first (the panes open before it is ready) and then answers the newest query typed
    /// meanwhile.
    pub fn spawn(index: Arc<Index>, search: Option<Arc<SearchIndex>>, out: Sender<Input>) -> Self {
        Self::start(index, search, out, true)
    }

    /// A worker for part of a collection that is still loading: it builds its search
    /// index only when the first query comes, so that parts nobody searches cost
    /// nothing (the next part replaces this worker).
    pub fn spawn_on_demand(index: Arc<Index>, out: Sender<Input>) -> Self {
        Self::start(index, None, out, false)
    }

    fn start(
        index: Arc<Index>,
        search: Option<Arc<SearchIndex>>,
        out: Sender<Input>,
        at_once: bool,
    ) -> Self {
        let (requests, incoming) = mpsc::channel::<SearchRequest>();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        thread::spawn(move || {
            let mut first = None;
            if !at_once {
                match incoming.recv() {
                    Ok(request) => first = Some(request),
                    Err(_) => return,
                }
                // A part of a collection still loading is served by a pool of its
                // own, below the loader's priority: the shared pool is busy parsing
                // until the last file is in, and a search index built there waited
                // for all of it (the first partial answer came after the parse).
                match background_pool(1) {
                    Some(pool) => {
                        return pool
                            .install(|| serve(index, None, incoming, first, &newest, &out, false))
                    }
                    None => yield_to_loading(),
                }
            }
            serve(index, search, incoming, first, &newest, &out, at_once);
        });
        SearchWorker { requests, latest }
    }

    /// Asks for `request`, cancelling any older one still running.
    pub fn send(&self, request: SearchRequest) {
        self.latest.store(request.generation, Ordering::SeqCst);
        let _ = self.requests.send(request);
    }
}

/// Answers the requests on `incoming`, newest first, over `index`: builds its search
/// index first when there is none. `warm`: the parts of the search index built on first
/// use are built beside the searches (for a whole collection, not for a part).
fn serve(
    index: Arc<Index>,
    search: Option<Arc<SearchIndex>>,
    incoming: Receiver<SearchRequest>,
    mut first: Option<SearchRequest>,
    newest: &AtomicU64,
    out: &Sender<Input>,
    warm: bool,
) {
    // The end-to-end tests make every search slow, as on a large collection, so
    // that keys typed after Enter really do arrive before its answer. Nothing else
    // sets this.
    let delay = std::env::var("CASEBOOK_TEST_SEARCH_DELAY_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map(Duration::from_millis);
    let search = search.unwrap_or_else(|| Arc::new(collection::search_index(&index)));
    if warm {
        warm_beside(Arc::clone(&search));
    }
    let mut searcher = Searcher::new(&search);
    while let Some(mut request) = first.take().or_else(|| incoming.recv().ok()) {
        while let Ok(newer) = incoming.try_recv() {
            request = newer;
        }
        if let Some(delay) = delay {
            thread::sleep(delay);
        }
        let cancelled = || newest.load(Ordering::Relaxed) != request.generation;
        let outcome = panic::catch_unwind(panic::AssertUnwindSafe(|| {
            collection::find(
                &index,
                &mut searcher,
                &request.query,
                RESULT_LIMIT,
                &cancelled,
            )
        }));
        let found = match outcome {
            Ok(Some(found)) => found,
            Ok(None) => continue, // cancelled by a newer keystroke
            Err(_) => {
                searcher.reset();
                collection::Found::default()
            }
        };
        let answer = Input::Searched {
            generation: request.generation,
            found,
        };
        if out.send(answer).is_err() {
            break;
        }
    }
}

/// Typo corrections and initial-consonant queries need parts of the index built on
/// first use: built beside the searches, so that neither the first keystroke nor the
/// first typo waits. They are built in a pool of their own, below the searches'
/// priority: in the shared pool they held both threads for a second at 10k cases,
/// and the first query's parallel scoring waited behind them.
fn warm_beside(search: Arc<SearchIndex>) {
    thread::spawn(move || {
        let threads = thread::available_parallelism().map_or(1, |n| n.get());
        match background_pool(threads) {
            Some(pool) => pool.install(|| search.prepare_the_rest()),
            None => search.prepare_the_rest(),
        }
    });
}

/// A thread pool of `threads` below the explorer's priority (see [`yield_to_loading`]),
/// for work whose answer nobody waits for yet; `None` when threads cannot be started.
fn background_pool(threads: usize) -> Option<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|n| format!("casebook-background-{n}"))
        .start_handler(|_| yield_to_loading())
        .build()
        .ok()
}

/// Work for part of a collection still loading runs below the loader's priority:
/// its search index is soon replaced by a larger one, and on a busy machine building
/// each one at full priority made the whole collection searchable later (measured in
/// BENCHMARKS.md, "Session 5"). Linux sets a thread's own priority this way; elsewhere
/// the call would lower the whole process, so it is left out.
fn yield_to_loading() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority takes plain integers; on Linux, PRIO_PROCESS with 0 names the
    // calling thread only.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc::{self, RecvTimeoutError};
    use std::time::Duration;

    use super::*;

    /// Every thread of the shared pool held until the returned sender is dropped, as the
    /// parse holds them while a collection loads.
    fn hold_the_shared_pool() -> mpsc::Sender<()> {
        let (release, held) = mpsc::channel::<()>();
        let held = Arc::new(std::sync::Mutex::new(held));
        let (started, all_started) = mpsc::channel();
        for _ in 0..rayon::current_num_threads() {
            let held = Arc::clone(&held);
            let started = started.clone();
            rayon::spawn(move || {
                let _ = started.send(());
                // Each thread waits its turn on the lock, then for the release.
                let _ = held.lock().map(|held| held.recv());
            });
        }
        for _ in 0..rayon::current_num_threads() {
            all_started.recv().expect("pool threads start");
        }
        release
    }

    fn answer(out: &mpsc::Receiver<Input>) -> Result<usize, RecvTimeoutError> {
        match out.recv_timeout(Duration::from_secs(20))? {
            Input::Searched { found, .. } => Ok(found.hits.len()),
            _ => panic!("only search answers are sent"),
        }
    }

    #[test]
    fn a_part_is_searched_while_the_shared_pool_is_busy_parsing() {
        let index = Arc::new(collection::open_index(None).expect("shipped cases load"));
        let release = hold_the_shared_pool();
        let (tx, out) = mpsc::channel();
        let worker = SearchWorker::spawn_on_demand(index, tx);
        worker.send(SearchRequest {
            generation: 1,
            query: "울산".to_string(),
        });
        let hits = answer(&out);
        drop(release);
        assert!(
            hits.expect("answered with the shared pool busy") > 0,
            "울산 is in the shipped cases"
        );
    }
}
