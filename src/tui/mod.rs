//! The interactive explorer. Data flows one way through it:
//!
//! ```text
//! terminal, signals, workers ─▶ events (Input) ─▶ keymap ─▶ Action ─▶ app.update ─▶ ui::render
//! ```
//!
//! - [`events`]: the one channel the loop waits on, and terminal events → actions.
//! - [`keymap`]: the key table, one context per view; help and hints come from it.
//! - [`action`]: every change the explorer can undergo, by name.
//! - [`app`]: the state and its only transition, `update(Action)`; one module per view.
//! - [`ui`]: drawing, from the state, one module per view; never changes the state.
//! - [`layout`]: where everything goes for a terminal size, shared by app and ui.
//! - [`theme`]: styles by role. [`terminal`]: raw mode, restoring, suspending.
//! - [`worker`]: the search worker. [`loader`]: loading a folder at start, in parts.
//!   [`watch`]: live reload. [`clipboard`]: copying.
//! - [`memory`]: the state file: what the last run remembered, saved again on the way out.
//!
//! The terminal is set up and the first frame drawn before any file is read: the
//! built-in collection (compiled in, a few milliseconds) is loaded before it; a folder
//! arrives in parts on the [`loader`]'s thread while the explorer already runs.
//!
//! The loop below only moves inputs to `update`, carries out the effects the app asks
//! for (a search, a copy, a file to save, a suspend) and redraws when an update changed
//! something. The terminal is given back on every way out (see [`terminal`]). Nothing calls
//! `process::exit`: [`run`] returns the exit status (0, or 130 after Ctrl-C).
//!
//! Depends on `model`, `index`, `collection`, `search`, `report`, `compare`, `config`,
//! `state` and the renderers below the front ends; never on `cli`.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod events;
pub mod keymap;
pub mod layout;
pub mod loader;
pub mod memory;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod watch;
pub mod worker;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

use signal_hook::consts::{SIGCONT, SIGINT, SIGTSTP};

use self::action::{Action, Reloaded};
use self::app::App;
use self::events::Input;
use self::worker::SearchWorker;
pub use self::worker::RESULT_LIMIT;
use crate::config::ThemeName;
use crate::model::Lang;

/// What the explorer needs to start.
pub struct Options {
    pub lang: Lang,
    /// The theme to start in (`Ctrl-t` changes it), and whether NO_COLOR is set.
    pub theme: ThemeName,
    pub no_color: bool,
    /// A collection directory, or `None` for the built-in cases.
    pub cases: Option<PathBuf>,
    /// A message for the status bar at start (a warning about the settings file).
    pub notice: Option<String>,
    /// `--fresh`: start at the top instead of where the last run was left.
    pub fresh: bool,
    /// The language was given with `--lang`, so the remembered one does not replace it.
    pub lang_from_flag: bool,
}

/// How often the loop looks up from waiting when nothing happens: to notice a terminal
/// that hung up without a word.
const IDLE: Duration = Duration::from_millis(250);

/// Opens the explorer and runs it until the user quits or a signal arrives; returns
/// the exit status.
pub fn run(options: Options) -> anyhow::Result<u8> {
    use std::io::IsTerminal;
    // Raw mode and a screen make no sense on a pipe or a file, and crossterm would wait
    // two seconds for a cursor report that never comes: say so at once instead.
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the explorer needs a terminal, and {} is not one; for output to a file or a \
             pipe use a subcommand (casebook list, show, search, compare, matrix; casebook \
             --help lists them)",
            if std::io::stdout().is_terminal() {
                "standard input"
            } else {
                "standard output"
            }
        );
    }
    let (inputs_tx, inputs) = mpsc::channel();
    // Inside tmux, whether tmux takes OSC 52 itself decides how a copy is sent.
    clipboard::detect_terminal_route();
    events::spawn_signal_listener(inputs_tx.clone())?;
    terminal::install_panic_hook();
    let (mut terminal, _guard) = terminal::enter()?;
    events::spawn_terminal_reader(inputs_tx.clone());

    let size = terminal.size()?;
    let size = (size.width, size.height);
    let (app, searches) = match &options.cases {
        // The panes are usable at once; the worker builds the search index first and
        // answers the newest query typed meanwhile.
        None => {
            let index = Arc::new(crate::collection::open_index(None)?);
            let searches = SearchWorker::spawn(Arc::clone(&index), None, inputs_tx.clone());
            (App::new(index, options.lang, size), searches)
        }
        // The loader sends the collection in parts, then whole; live reload starts
        // from what it loaded (see `loader`).
        Some(dir) => {
            loader::spawn(dir.clone(), inputs_tx.clone());
            let app = App::loading(options.lang, size);
            let searches =
                SearchWorker::spawn_on_demand(Arc::clone(app.index()), inputs_tx.clone());
            (app, searches)
        }
    };
    let mut app = app.with_theme(options.theme, options.no_color);
    // What the last run remembered; over a folder still loading it is applied once the
    // whole collection is in, since its ids name nothing before.
    let (mut keeper, memory, memory_notice) = memory::Keeper::open(
        options.cases.as_deref(),
        options.fresh,
        options.lang_from_flag,
        options.lang,
    );
    app.update(Action::Restore(Box::new(memory)));
    // One notice at most: the settings file's, else the memory file's.
    if let Some(notice) = options.notice.clone().or(memory_notice) {
        app.update(Action::Notice(notice));
    }
    let status = explore(
        &mut terminal,
        &mut app,
        &inputs,
        &inputs_tx,
        searches,
        &mut keeper,
    );
    // Every way out of the loop comes here, with the terminal not yet given back: the
    // memory is written whatever ended the run (a failure has no screen to be told on).
    let _ = keeper.save(&app);
    status
}

/// The event loop: inputs to the app, effects carried out, frames drawn; the exit status
/// when the explorer ends.
fn explore(
    terminal: &mut terminal::Terminal,
    app: &mut App,
    inputs: &Receiver<Input>,
    inputs_tx: &mpsc::Sender<Input>,
    mut searches: SearchWorker,
    keeper: &mut memory::Keeper,
) -> anyhow::Result<u8> {
    // A deliberate crash, so the end-to-end tests can check the panic path gives the
    // terminal back. Nothing sets this outside those tests.
    let crash_for_test = std::env::var_os("CASEBOOK_TEST_PANIC").is_some();
    let mut dirty = true;
    // Input read while waiting for a search answer, to be applied after it, in order.
    let mut held: VecDeque<Input> = VecDeque::new();
    loop {
        if dirty {
            terminal.draw(|frame| ui::render(frame, app, app.theme()))?;
            dirty = false;
        }
        if crash_for_test && app.search().is_some() {
            panic!("CASEBOOK_TEST_PANIC: crashing on purpose");
        }
        if let Some(exit) = app.exit() {
            return Ok(exit.status());
        }
        let first = match held.pop_front() {
            Some(input) => input,
            None => match inputs.recv_timeout(IDLE) {
                Ok(input) => input,
                Err(RecvTimeoutError::Timeout) => {
                    if !terminal::alive() {
                        return Ok(0);
                    }
                    dirty |= app.update(Action::Tick);
                    if let Some(failed) = keeper.save_now_and_then(app) {
                        dirty |= app.update(Action::Notice(failed));
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(0),
            },
        };
        // Everything queued is applied before the next frame, so a burst costs one.
        let mut next = Some(first);
        while let Some(input) = next {
            let action = match input {
                Input::Terminal(event) => events::to_action(event, app),
                Input::TerminalGone => return Ok(0),
                Input::Signal(SIGINT) => Some(Action::Interrupt),
                Input::Signal(SIGTSTP) => Some(Action::Suspend),
                Input::Signal(SIGCONT) => {
                    terminal::resume(terminal)?;
                    dirty = true;
                    None
                }
                // SIGTERM, SIGHUP: asked to stop, not interrupted.
                Input::Signal(_) => Some(Action::Quit),
                Input::Searched { generation, found } => {
                    Some(Action::SearchResults { generation, found })
                }
                Input::Notice(notice) => Some(Action::Notice(notice)),
                Input::Action(action) => Some(action),
                Input::Watch(state) => Some(Action::Watch(state)),
                Input::Loading(batch) => {
                    // Past half the files, search stays on the part it has until the
                    // whole collection is in: a search index of a part that large
                    // would be replaced soon, and building it delays the whole one.
                    // (Its results still name the right items: each part keeps the
                    // items of the one before at their places.)
                    let early = batch
                        .total
                        .is_none_or(|total| batch.read.saturating_mul(2) <= total);
                    if let Some(part) = batch.items.as_ref().filter(|_| early) {
                        searches =
                            SearchWorker::spawn_on_demand(Arc::clone(&part.0), inputs_tx.clone());
                    }
                    Some(Action::Loading(batch))
                }
                Input::Loaded(whole) => {
                    // As for a reload: the worker builds the search index at once.
                    searches = SearchWorker::spawn(Arc::clone(&whole), None, inputs_tx.clone());
                    Some(Action::Loaded(Reloaded(whole)))
                }
                Input::LoadFailed(reason) => anyhow::bail!(reason),
                Input::Reloaded(fresh) => {
                    // The new worker builds the search index first (the costliest step
                    // of a reload) and answers the newest query typed meanwhile.
                    searches = SearchWorker::spawn(Arc::clone(&fresh), None, inputs_tx.clone());
                    Some(Action::Reloaded(Reloaded(fresh)))
                }
            };
            if let Some(action) = action {
                dirty |= app.update(action);
            }
            if app.exit().is_some() {
                break;
            }
            // Sent at once, so the answer Enter may be waiting for is on its way.
            if let Some(request) = app.take_search_request() {
                searches.send(request);
            }
            if let Some(generation) = app.awaiting_answer() {
                // Enter on a query whose results are not in yet: its answer comes
                // first (milliseconds); what was typed after Enter waits for it.
                match wait_for_answer(inputs, generation, &mut held) {
                    Some(answer) => dirty |= app.update(answer),
                    None => return Ok(0),
                }
            }
            next = held.pop_front().or_else(|| inputs.try_recv().ok());
        }
        if let Some(text) = app.take_copy() {
            let answers = inputs_tx.clone();
            clipboard::copy(&text, move |delivery| {
                let _ = answers.send(Input::Action(Action::Copied(delivery)));
            });
        }
        if let Some((text, extension)) = app.take_save() {
            let answers = inputs_tx.clone();
            clipboard::save(text, clipboard::save_folder(), extension, move |saved| {
                let _ = answers.send(Input::Action(Action::Saved(saved)));
            });
        }
        if app.take_suspend() {
            terminal::suspend(terminal)?;
            dirty = true;
        }
    }
}

/// Reads input until the search answer for `generation` arrives; everything else is
/// kept in `held`, in order. `None` when the channel closed first.
fn wait_for_answer(
    inputs: &Receiver<Input>,
    generation: u64,
    held: &mut VecDeque<Input>,
) -> Option<Action> {
    loop {
        match inputs.recv().ok()? {
            Input::Searched {
                generation: answered,
                found,
            } if answered == generation => {
                return Some(Action::SearchResults { generation, found })
            }
            // A terminal that hangs up must not leave us waiting.
            Input::TerminalGone => return None,
            other => held.push_back(other),
        }
    }
}
