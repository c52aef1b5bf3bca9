//! Loading a collection folder while the explorer already runs, on a thread of its own,
//! so that the panes are on screen before the first file is parsed and fill as files
//! arrive (as fzf's list fills while its input streams in).
//!
//! The thread walks the folder and parses its files a chunk at a time
//! ([`crate::collection::Reloader::open_streaming`], the type catalog first). It reports on the
//! event loop's channel:
//!
//! - [`Input::Loading`] with the files read and the total (once the walk has ended), at
//!   most every [`PROGRESS_EVERY`], for the status bar;
//! - with it, now and then, a partial item index of what has arrived
//!   ([`crate::collection::partial_index`]): the first as soon as any item is in, then
//!   each time the items have grown [`GROWTH`]-fold. Each partial index is a fresh copy
//!   of everything read so far, and the search worker builds a search index of it when
//!   a query is open; growing by a factor keeps that work to a third of the collection
//!   in all, however large it is and however slow the machine. (Sending one on a clock
//!   instead made it grow with the square of the collection on a busy machine: a load
//!   that took five times as long copied five times as often; doubling, by count, still
//!   added half as much work again as the parse with a query open.) Between two partial
//!   indexes the status bar's count keeps moving;
//! - [`Input::Loaded`] with the whole collection, linked and with its load problems;
//!   then live reload starts watching the folder with what was loaded
//!   ([`super::watch::watch_collection`]), so that a reload parses only what changed;
//! - [`Input::LoadFailed`] when the folder cannot be read at all.
//!
//! Depends on `collection` and the explorer's `events`, `action` and `watch`.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::action::{LoadBatch, Reloaded};
use super::events::Input;
use crate::collection::{partial_index, Reloader};
use crate::load::Streamed;

/// Progress is sent at most this often: the status bar's count moves smoothly without a
/// redraw per chunk.
pub const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// A partial index is sent when the items have grown this many times since the last.
pub const GROWTH: usize = 4;

/// Loads the collection in `dir` on a thread of its own, reporting on `out`.
pub fn spawn(dir: PathBuf, out: Sender<Input>) {
    thread::spawn(move || load(dir, out));
}

fn load(dir: PathBuf, out: Sender<Input>) {
    // The end-to-end tests slow each chunk down, so that a load of a few thousand files
    // lasts long enough to be seen in progress. Nothing else sets this.
    let delay = std::env::var("CASEBOOK_TEST_LOAD_DELAY_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map(Duration::from_millis);
    let mut reloader = Reloader::new(&dir);
    let mut pace = Pace::default();
    let result = reloader.open_streaming(&mut |streamed| {
        if let Some(delay) = delay {
            thread::sleep(delay);
        }
        if let Some(batch) = pace.batch(streamed, Instant::now()) {
            let _ = out.send(Input::Loading(batch));
        }
    });
    match result {
        Ok((index, _report)) => {
            if out.send(Input::Loaded(Arc::new(index))).is_ok() {
                super::watch::watch_collection(reloader, out);
            }
        }
        Err(err) => {
            let _ = out.send(Input::LoadFailed(err.to_string()));
        }
    }
}

/// Whether a partial index of `items` is due, when the last one sent held `sent`
/// (`None`: none yet): the first as soon as any item is in, then each time the items
/// have grown [`GROWTH`]-fold.
pub fn partial_due(sent: Option<usize>, items: usize) -> bool {
    match sent {
        None => items > 0,
        Some(sent) => items >= sent.saturating_mul(GROWTH),
    }
}

/// When to report, and when to send a partial index.
#[derive(Debug, Default)]
struct Pace {
    /// When progress was last sent.
    progress_at: Option<Instant>,
    /// How many items the last partial index held.
    partial_at: Option<usize>,
}

impl Pace {
    /// What to send after `streamed` arrived at `now`, if anything.
    fn batch(&mut self, streamed: &Streamed<'_>, now: Instant) -> Option<LoadBatch> {
        let items = streamed.item_count();
        let partial_due = partial_due(self.partial_at, items);
        let progress_due = self
            .progress_at
            .is_none_or(|at| now.duration_since(at) >= PROGRESS_EVERY);
        if !partial_due && !progress_due {
            return None;
        }
        self.progress_at = Some(now);
        let items = partial_due.then(|| {
            self.partial_at = Some(items);
            Reloaded(Arc::new(partial_index(streamed)))
        });
        Some(LoadBatch {
            read: streamed.read(),
            total: Some(streamed.total),
            items,
        })
    }
}
