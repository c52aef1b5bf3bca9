//! Work off the UI thread: the search worker, which answers the newest query and drops
//! the ones a newer keystroke made stale, and reports on the event loop's channel. (Live
//! reload, the other worker, is [`super::watch`].)
//!
//! Depends on `collection`, `index`, `search` and the explorer's `events` and `app`.

use std::panic;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
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
        // The end-to-end tests make every search slow, as on a large collection, so
        // that keys typed after Enter really do arrive before its answer. Nothing else
        // sets this.
        let delay = std::env::var("CASEBOOK_TEST_SEARCH_DELAY_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map(Duration::from_millis);
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        thread::spawn(move || {
            let mut first = None;
            if !at_once {
                match incoming.recv() {
                    Ok(request) => first = Some(request),
                    Err(_) => return,
                }
                yield_to_loading();
            }
            let search = search.unwrap_or_else(|| Arc::new(collection::search_index(&index)));
            if at_once {
                // Typo corrections and initial-consonant queries need parts of the
                // index built on first use: built beside the searches, so that neither
                // the first keystroke nor the first typo waits.
                let warm = Arc::clone(&search);
                thread::spawn(move || warm.prepare_the_rest());
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
        });
        SearchWorker { requests, latest }
    }

    /// Asks for `request`, cancelling any older one still running.
    pub fn send(&self, request: SearchRequest) {
        self.latest.store(request.generation, Ordering::SeqCst);
        let _ = self.requests.send(request);
    }
}

/// A worker over part of a collection still loading runs below the loader's priority:
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
