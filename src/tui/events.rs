//! Everything the event loop waits for, on one channel: terminal events (read on their
//! own thread), signals, search results, the collection as it loads, and reloads.
//! Terminal events become actions here, through the key table for the context the app
//! is in at the moment they are read; the rest become actions in the event loop.
//!
//! Depends on crossterm, signal-hook, the explorer's `action`, `app` (read only),
//! `keymap` and `terminal` (the largest size drawn), `collection` (a search's answer) and
//! `index` (a loaded or reloaded collection).

use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use super::action::{Action, LoadBatch, WatchState};
use super::app::App;
use super::keymap;
use std::sync::Arc;

use crate::collection::Found;
use crate::index::Index;

/// Something for the event loop.
pub enum Input {
    /// A key, mouse or resize event.
    Terminal(Event),
    /// The terminal hung up (its window closed, an SSH link dropped).
    TerminalGone,
    /// A signal: SIGINT, SIGTERM, SIGHUP, SIGTSTP or SIGCONT.
    Signal(i32),
    /// The search worker's answer.
    Searched { generation: u64, found: Found },
    /// The collection on disk changed and was loaded again; its search index is built
    /// by the next search worker, so the panes show the change without waiting for it.
    Reloaded(Arc<Index>),
    /// Loading the collection at start: progress, and the items read so far.
    Loading(LoadBatch),
    /// Loading the collection at start is done; the event loop starts a search worker
    /// that builds the search index of it at once.
    Loaded(Arc<Index>),
    /// The collection folder cannot be read at all (it is gone, or not a folder).
    LoadFailed(String),
    /// Live reload stopped or resumed watching the collection folder.
    Watch(WatchState),
    /// Something for the status bar from another thread.
    Notice(String),
    /// A result from another thread (the clipboard's), applied as it is.
    Action(Action),
}

/// Terminal event → action, in the context the app is in.
pub fn to_action(event: Event, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::action_for(&key, app.context())
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                column: mouse.column,
                row: mouse.row,
                delta: 1,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: mouse.column,
                row: mouse.row,
                delta: -1,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(w, h) => {
            // Clamped before anything sizes a buffer by it (see `terminal`).
            let (w, h) = super::terminal::clamp_size(w, h);
            Some(Action::Resize(w, h))
        }
        Event::Paste(text) => Some(Action::Paste(text)),
        _ => None,
    }
}

/// Reads terminal events on their own thread. The UI thread then never blocks inside
/// crossterm: once the terminal hangs up, crossterm's reader can spin on end-of-file
/// without returning, and the UI thread must still notice, restore what it can and exit.
pub fn spawn_terminal_reader(inputs: Sender<Input>) {
    thread::spawn(move || loop {
        let input = match event::read() {
            Ok(event) => Input::Terminal(event),
            Err(_) => Input::TerminalGone,
        };
        let gone = matches!(input, Input::TerminalGone);
        if inputs.send(input).is_err() || gone {
            break;
        }
    });
}

/// Forwards the signals the explorer handles to the event loop. SIGTSTP from outside
/// (`kill -TSTP`, job control) then suspends like Ctrl-Z, with the terminal given back
/// first; SIGCONT redraws after any stop.
pub fn spawn_signal_listener(inputs: Sender<Input>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            if inputs.send(Input::Signal(signal)).is_err() {
                break;
            }
        }
    });
    Ok(())
}
