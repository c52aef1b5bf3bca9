//! Live reload: watching a collection folder and loading it again, on its own thread,
//! a moment after its case and catalog files change.
//!
//! - **What counts** ([`classify`]): only paths the loader would read — `.yaml` / `.yml`
//!   files with no hidden name on the way ([`crate::load::is_collection_file`], the
//!   walk's own rule) — and folders that could hold them (created, removed or renamed).
//!   Hidden files and folders (`.git`, editors' swap files, sync tools), other files
//!   (`4913`, `notes.txt`, `case.yaml~`) and reads are ignored: they neither reload
//!   nor delay a reload.
//! - **When** ([`Burst`]): a burst of counted events is over after [`QUIET`] without
//!   another, or at the latest [`MAX_WAIT`] after its first, so a steady writer cannot
//!   keep a saved case from appearing.
//! - **What is read again**: the walk runs again (names and metadata only), and only the
//!   files that changed are parsed ([`crate::collection::Reloader`]); everything is
//!   linked and the item index built again. The search index, the costliest step (about
//!   two thirds of a one-file reload at 10k cases, see BENCHMARKS.md), is left to the
//!   next search worker, so the panes show the edit without waiting for it.
//! - **When watching fails**: if the folder vanishes, is replaced (deleted and made
//!   again, or another folder renamed into its place) or the watcher fails, the status
//!   bar says so ([`WatchState::Paused`]); the folder is looked for every [`RETRY`],
//!   and once it can be watched again it is loaded as it now is and the status bar says
//!   watching resumed.
//!
//! Everything reaches the explorer as inputs on the event loop's channel
//! ([`Input::Reloaded`], [`Input::Watch`]), which become actions for `App::update`.
//!
//! Depends on notify, `collection`, `load` (the loader's rule for file names) and the
//! explorer's `events` and `action`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use notify::event::{CreateKind, EventKind, ModifyKind, RemoveKind};
use notify::Watcher;

use super::action::{PauseReason, WatchState};
use super::events::Input;
use crate::collection::Reloader;
use crate::load::{is_collection_file, is_visible_below};

/// A burst of changes is over after this long without another: editors write a file in
/// several steps (a temporary file, a rename, a metadata change).
pub const QUIET: Duration = Duration::from_millis(250);

/// A burst is cut off this long after its first change, however steadily changes go on.
pub const MAX_WAIT: Duration = Duration::from_millis(1000);

/// How often the folder is looked at: whether it is still the one watched, and, while
/// it cannot be watched, whether it can be again.
pub const RETRY: Duration = Duration::from_millis(500);

/// What one watcher event means for the collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relevance {
    /// Nothing the loader reads: a hidden file, another kind of file, a read.
    Ignored,
    /// Case or catalog files (or folders that may hold them) changed; the files named
    /// are parsed again even if their size and times look unchanged.
    Changed(Vec<PathBuf>),
    /// The watcher lost track (its queue overflowed): look at everything.
    Rescan,
    /// The collection folder itself was removed or renamed: it can no longer be watched.
    FolderGone,
}

/// What `event` means for the collection in `root` (the folder as it was given to the
/// watcher, whose events name paths below it).
pub fn classify(root: &Path, event: &notify::Event) -> Relevance {
    if event.need_rescan() {
        return Relevance::Rescan;
    }
    if matches!(event.kind, EventKind::Access(_)) {
        return Relevance::Ignored;
    }
    let mut changed = Vec::new();
    for path in &event.paths {
        if path == root {
            if matches!(
                event.kind,
                EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
            ) {
                return Relevance::FolderGone;
            }
            continue;
        }
        match is_collection_file(root, path) {
            Some(true) => changed.push(path.clone()),
            Some(false)
                if is_visible_below(root, path) == Some(true) && may_be_folder(event, path) =>
            {
                changed.push(path.clone())
            }
            _ => {}
        }
    }
    if changed.is_empty() {
        Relevance::Ignored
    } else {
        Relevance::Changed(changed)
    }
}

/// Whether `event` may be a folder appearing or going (which can hold case files): a
/// folder created or removed, or anything renamed that is a folder now or has no
/// extension (a folder renamed away leaves nothing to look at).
fn may_be_folder(event: &notify::Event, path: &Path) -> bool {
    match event.kind {
        EventKind::Create(CreateKind::Folder) | EventKind::Remove(RemoveKind::Folder) => true,
        EventKind::Modify(ModifyKind::Name(_)) => path.is_dir() || path.extension().is_none(),
        _ => false,
    }
}

/// The timing of one burst of changes: when it started and when the last change came.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Burst {
    first: Option<Instant>,
    last: Option<Instant>,
}

impl Burst {
    /// A counted change at `now`.
    pub fn note(&mut self, now: Instant) {
        self.first.get_or_insert(now);
        self.last = Some(now);
    }

    /// When the burst is over: [`QUIET`] after its last change, but no later than
    /// [`MAX_WAIT`] after its first. `None` when no change is waiting.
    pub fn deadline(&self) -> Option<Instant> {
        Some((self.last? + QUIET).min(self.first? + MAX_WAIT))
    }

    /// Whether the burst is over at `now`.
    pub fn is_due(&self, now: Instant) -> bool {
        self.deadline().is_some_and(|d| now >= d)
    }

    /// Starts waiting for the next burst.
    pub fn clear(&mut self) {
        *self = Burst::default();
    }
}

/// Which folder a path is now (device and inode), to notice the collection folder being
/// replaced under the same name; `None` when it is not there or not a folder.
fn identity(dir: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(dir).ok().filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some((0, 0))
    }
}

/// Watches the collection of `reloader` (already loaded once, so that a reload parses
/// only what changed) on a thread of its own, until the event loop is gone. Each reload
/// is sent as [`Input::Reloaded`]; [`Input::Watch`] says when watching stops and resumes.
pub fn watch_collection(reloader: Reloader, out: Sender<Input>) {
    thread::spawn(move || Watch::new(reloader, out).run());
}

/// The watching thread's state.
struct Watch {
    reloader: Reloader,
    out: Sender<Input>,
    events_tx: Sender<notify::Result<notify::Event>>,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    /// The watcher and the folder it watches, while watching works.
    watching: Option<(notify::RecommendedWatcher, Option<(u64, u64)>)>,
    /// Why watching stopped, as last reported.
    paused: Option<PauseReason>,
    burst: Burst,
    touched: HashSet<PathBuf>,
    /// Load everything again as soon as watching works (it resumed after a pause).
    catch_up: bool,
    looked: Instant,
    /// The event loop is gone (the explorer quit): the thread ends.
    closed: bool,
}

impl Watch {
    fn new(reloader: Reloader, out: Sender<Input>) -> Watch {
        let (events_tx, events) = mpsc::channel();
        Watch {
            reloader,
            out,
            events_tx,
            events,
            watching: None,
            paused: None,
            burst: Burst::default(),
            touched: HashSet::new(),
            catch_up: false,
            looked: Instant::now(),
            closed: false,
        }
    }

    fn run(mut self) {
        // What changed between the collection's first load and the watch being in place
        // is caught up on like a pause: a walk that finds nothing changed sends nothing.
        self.start();
        loop {
            let now = Instant::now();
            // While nothing is watched a pending burst waits for the catch-up load, so
            // only the next look at the folder is waited for.
            let wait = match self.burst.deadline() {
                Some(deadline) if self.watching.is_some() => {
                    deadline.saturating_duration_since(now).min(RETRY)
                }
                _ => RETRY,
            };
            match self.events.recv_timeout(wait) {
                Ok(Ok(event)) => {
                    let dir = self.reloader.dir().to_path_buf();
                    match classify(&dir, &event) {
                        Relevance::Ignored => {}
                        Relevance::Changed(paths) => {
                            self.touched.extend(paths);
                            self.burst.note(Instant::now());
                        }
                        Relevance::Rescan => self.burst.note(Instant::now()),
                        Relevance::FolderGone => self.pause(PauseReason::FolderMissing),
                    }
                }
                Ok(Err(err)) => self.pause(PauseReason::WatcherFailed(err.to_string())),
                Err(RecvTimeoutError::Timeout) => {}
                // We hold a sender ourselves; this cannot happen.
                Err(RecvTimeoutError::Disconnected) => return,
            }
            if self.looked.elapsed() >= RETRY {
                self.looked = Instant::now();
                let now = identity(self.reloader.dir());
                match &self.watching {
                    None => self.start(),
                    // Replaced under the same name: what is watched is the old folder.
                    Some((_, watched)) if *watched != now => {
                        self.pause(PauseReason::FolderMissing);
                        self.start();
                    }
                    Some(_) => {}
                }
            }
            let due = self.catch_up || self.burst.is_due(Instant::now());
            if self.watching.is_some() && due {
                self.reload();
            }
            if self.closed {
                return;
            }
        }
    }

    /// Starts watching if the folder is there. After a pause, what happened while
    /// nothing was watched is caught up on by loading everything again (only files
    /// whose stamps changed are parsed).
    fn start(&mut self) {
        let dir = self.reloader.dir().to_path_buf();
        let before = identity(&dir);
        if before.is_none() {
            return self.pause(PauseReason::FolderMissing);
        }
        let tx = self.events_tx.clone();
        let started = notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
        })
        .and_then(|mut watcher| {
            watcher.watch(&dir, notify::RecursiveMode::Recursive)?;
            Ok(watcher)
        });
        match started {
            // Still the same folder once the watch is in place: nothing slipped between.
            Ok(watcher) if identity(&dir) == before => {
                self.watching = Some((watcher, before));
                self.catch_up = true;
                if self.paused.take().is_some() {
                    self.send(Input::Watch(WatchState::Watching));
                }
            }
            Ok(_) => self.pause(PauseReason::FolderMissing),
            Err(_) if identity(&dir).is_none() => self.pause(PauseReason::FolderMissing),
            Err(err) => self.pause(PauseReason::WatcherFailed(err.to_string())),
        }
    }

    /// Stops watching (the folder is gone, replaced, or the watcher failed), saying so
    /// once per reason.
    fn pause(&mut self, reason: PauseReason) {
        self.watching = None;
        if self.paused.as_ref() != Some(&reason) {
            self.send(Input::Watch(WatchState::Paused(reason.clone())));
            self.paused = Some(reason);
        }
    }

    fn send(&mut self, input: Input) {
        self.closed |= self.out.send(input).is_err();
    }

    /// Loads what changed and sends it.
    fn reload(&mut self) {
        self.burst.clear();
        self.catch_up = false;
        let touched = std::mem::take(&mut self.touched);
        match self.reloader.index_if_changed(&touched, false) {
            Ok(Some((fresh, _report))) => self.send(Input::Reloaded(Arc::new(fresh))),
            // Nothing differs from what the explorer shows.
            Ok(None) => {}
            // The folder went away between the event and the walk.
            Err(_) => self.pause(PauseReason::FolderMissing),
        }
    }
}
