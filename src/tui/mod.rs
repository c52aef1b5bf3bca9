//! The interactive explorer: terminal set-up and tear-down, the event loop, and the
//! search worker. State lives in [`app`], intents in [`action`], keys in [`keys`],
//! layout in [`layout`], drawing in [`ui`].
//!
//! The terminal is given back in a usable state on every way out: quit, an error, a
//! panic (the hook restores it before printing a short report), Ctrl-C (a key press in
//! raw mode), and SIGINT / SIGTERM / SIGHUP (flags the loop checks between events).
//! Nothing in here calls `process::exit`.
//!
//! Depends on the core: `model`, `index`, `search`, `corpus`, `collection` (opening and
//! searching), `report`, `compare`, `matrix`, `render` and `config`; never on `cli`.

pub mod action;
pub mod app;
pub mod detail;
pub mod keys;
pub mod layout;
pub mod theme;
pub mod ui;

use std::io::{self, Stdout};
use std::panic;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use self::action::Action;
use self::app::{App, ResultRow, SearchRequest};
use self::keys::Context;
use self::theme::Theme;
use crate::collection::{self, Collection};
use crate::index::Index;
use crate::model::Lang;
use crate::search::{SearchIndex, Searcher};

/// How many results the explorer asks for; more than fit on any screen.
pub const RESULT_LIMIT: usize = 200;

/// What the explorer needs to start.
pub struct Options {
    pub lang: Lang,
    pub theme: Theme,
    /// A collection directory, or `None` for the built-in cases.
    pub cases: Option<PathBuf>,
    /// A message for the status bar at start (a warning about the settings file).
    pub notice: Option<String>,
}

type Backend = CrosstermBackend<Stdout>;

/// Restores the terminal when dropped, whatever path leaves the explorer.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Whether the terminal has been given back; leaving the alternate screen twice would
/// move the cursor back over what was printed in between (the crash report).
static RESTORED: AtomicBool = AtomicBool::new(false);

/// Leaves raw mode, the alternate screen and mouse capture, once.
fn restore_terminal() {
    if RESTORED.swap(true, Ordering::SeqCst) {
        return;
    }
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// A panic anywhere on the UI thread restores the terminal first, then says briefly
/// what happened. Panics on other threads are left to their owners (the search worker
/// catches its own).
fn install_panic_hook() {
    let ui_thread = thread::current().id();
    panic::set_hook(Box::new(move |info| {
        if thread::current().id() != ui_thread {
            return;
        }
        restore_terminal();
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into());
        eprintln!(
            "casebook stopped because of an internal error{location}: {}\n\
             The terminal has been restored. Please report this with the steps that led to it.",
            crate::text::escape_for_terminal(&message)
        );
    }));
}

/// Opens the explorer and runs it until the user quits or a signal arrives.
pub fn run(options: Options) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    install_panic_hook();
    terminal::enable_raw_mode()?;
    let _guard = TerminalGuard;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.clear()?;

    let events = spawn_event_reader();
    let Some(index) = wait_for_load(&mut terminal, &options, &stop, &events)? else {
        return Ok(());
    };
    let index = Arc::new(index);
    let size = terminal.size()?;
    let mut app = App::new(Arc::clone(&index), options.lang, (size.width, size.height));
    app.notice = options.notice.clone();
    // The panes are usable at once; the worker builds the search index first and
    // answers the newest query typed meanwhile.
    let (mut requests, mut results) = spawn_search_worker(Arc::clone(&index), None);
    let latest = Arc::new(AtomicU64::new(0));
    // Live reload: only a collection on disk can change under us.
    let (reload_tx, reloads) = mpsc::channel();
    let _watcher = match &options.cases {
        Some(dir) => match watch_collection(dir.clone(), Arc::clone(&index), reload_tx) {
            Ok(watcher) => Some(watcher),
            Err(err) => {
                app.notice = Some(format!("live reload unavailable: {err}"));
                None
            }
        },
        None => None,
    };

    // A deliberate crash, so the end-to-end tests can check the panic path gives the
    // terminal back. Nothing sets this outside those tests.
    let crash_for_test = std::env::var_os("CASEBOOK_TEST_PANIC").is_some();
    while !app.should_quit && !stop.load(Ordering::Relaxed) && terminal_alive() {
        terminal.draw(|frame| ui::render(frame, &app, &options.theme))?;
        if crash_for_test && app.search.is_some() {
            panic!("CASEBOOK_TEST_PANIC: crashing on purpose");
        }
        match events.recv_timeout(Duration::from_millis(40)) {
            Ok(first) => {
                // Drain everything queued, so a burst of keys costs one frame.
                for event in std::iter::once(first).chain(events.try_iter()) {
                    if let Some(action) = to_action(event, &app) {
                        app.update(action);
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break, // the terminal is gone
        }
        if let Ok(fresh) = reloads.try_recv() {
            let fresh: Collection = fresh;
            app.replace_index(Arc::clone(&fresh.index));
            (requests, results) = spawn_search_worker(fresh.index, Some(fresh.search));
        }
        if let Some(markdown) = app.take_copy() {
            copy_to_clipboard(&markdown);
        }
        if let Some(request) = app.take_search_request() {
            latest.store(request.generation, Ordering::SeqCst);
            let _ = requests.send((request, Arc::clone(&latest)));
        }
        while let Ok((generation, rows, total)) = results.try_recv() {
            app.apply_search_results(generation, rows, total);
        }
    }
    Ok(())
}

/// Shows a loading screen while the collection loads on another thread; the user can
/// quit meanwhile. `None` when they did.
fn wait_for_load(
    terminal: &mut Terminal<Backend>,
    options: &Options,
    stop: &AtomicBool,
    events: &Receiver<Event>,
) -> anyhow::Result<Option<Index>> {
    let (done, loaded) = mpsc::channel();
    let cases = options.cases.clone();
    thread::spawn(move || {
        let _ = done.send(collection::open_index(cases.as_deref()));
    });
    let message = options.lang.pick("사례를 불러오는 중…", "Loading cases…");
    loop {
        terminal.draw(|frame| {
            let area = frame.area();
            let line = crate::text::truncate(message, area.width as usize).into_owned();
            frame.render_widget(ratatui::widgets::Paragraph::new(line), area);
        })?;
        match loaded.recv_timeout(Duration::from_millis(50)) {
            Ok(Ok(loaded)) => return Ok(Some(loaded)),
            Ok(Err(err)) => return Err(err.into()),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                anyhow::bail!("loading stopped unexpectedly")
            }
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(None);
        }
        if !terminal_alive() {
            return Ok(None);
        }
        for event in events.try_iter() {
            if let Event::Key(key) = event {
                if key.kind != KeyEventKind::Release
                    && keys::action_for(&key, Context::Browse) == Some(Action::Quit)
                {
                    return Ok(None);
                }
            }
        }
    }
}

type SearchJob = (SearchRequest, Arc<AtomicU64>);
type SearchDone = (u64, Vec<ResultRow>, usize);

/// A thread that runs searches off the UI thread. Only the newest request is run; a
/// newer keystroke cancels the one in progress. Without a search index it builds one
/// from `index` first.
fn spawn_search_worker(
    index: Arc<Index>,
    search: Option<Arc<SearchIndex>>,
) -> (Sender<SearchJob>, Receiver<SearchDone>) {
    let (request_tx, request_rx) = mpsc::channel::<SearchJob>();
    let (result_tx, result_rx) = mpsc::channel();
    thread::spawn(move || {
        let search = search.unwrap_or_else(|| Arc::new(crate::corpus::build_search_index(&index)));
        let mut searcher = Searcher::new(&search);
        while let Ok(mut job) = request_rx.recv() {
            while let Ok(newer) = request_rx.try_recv() {
                job = newer;
            }
            let (request, latest) = job;
            let cancelled = || latest.load(Ordering::Relaxed) != request.generation;
            let outcome = panic::catch_unwind(panic::AssertUnwindSafe(|| {
                collection::search_items(
                    &index,
                    &mut searcher,
                    &request.query,
                    RESULT_LIMIT,
                    &cancelled,
                )
            }));
            match outcome {
                Ok(Some((rows, total))) => {
                    if result_tx.send((request.generation, rows, total)).is_err() {
                        break;
                    }
                }
                Ok(None) => {} // cancelled by a newer keystroke
                Err(_) => {
                    searcher.reset();
                    let _ = result_tx.send((request.generation, Vec::new(), 0));
                }
            }
        }
    });
    (request_tx, result_rx)
}

/// Terminal event → action, in the context the app is in.
pub fn to_action(event: Event, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let context = if app.search.is_some() && app.overlay.is_none() {
                Context::Search
            } else {
                Context::Browse
            };
            keys::action_for(&key, context)
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
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the system clipboard. It
/// travels through SSH and tmux (with `set-clipboard on`), where no local tool can reach.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// Copies through the terminal (OSC 52) and, where a clipboard tool exists on this
/// machine, through it as well: either alone can be unavailable.
fn copy_to_clipboard(text: &str) {
    use std::io::Write;
    let mut out = io::stdout();
    let _ = out.write_all(osc52(text).as_bytes());
    let _ = out.flush();
    let tools: [(&str, &[&str]); 4] = [
        ("wl-copy", &[]),
        ("xclip", &["-selection", "clipboard"]),
        ("xsel", &["--clipboard", "--input"]),
        ("pbcopy", &[]),
    ];
    for (tool, args) in tools {
        let spawned = std::process::Command::new(tool)
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        if let Ok(mut child) = spawned {
            if let Some(mut stdin) = child.stdin.take() {
                let _ = stdin.write_all(text.as_bytes());
            }
            // Reap it off the UI thread; a tool that hangs must not freeze the explorer.
            thread::spawn(move || {
                let _ = child.wait();
            });
            break;
        }
    }
}

/// Watches a collection directory and, a moment after the last change, loads it again
/// (keeping the last good version of any file that now fails) and sends the result.
fn watch_collection(
    dir: PathBuf,
    mut current: Arc<Index>,
    reloads: Sender<Collection>,
) -> notify::Result<notify::RecommendedWatcher> {
    use notify::Watcher;
    let (events_tx, events) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
            let _ = events_tx.send(());
        }
    })?;
    watcher.watch(&dir, notify::RecursiveMode::Recursive)?;
    thread::spawn(move || {
        while events.recv().is_ok() {
            // Editors write a file in several steps; wait until the burst is over.
            while events.recv_timeout(Duration::from_millis(250)).is_ok() {}
            let Ok(fresh) = collection::reopen(&dir, &current) else {
                continue;
            };
            current = Arc::clone(&fresh.index);
            if reloads.send(fresh).is_err() {
                break;
            }
        }
    });
    Ok(watcher)
}

/// Reads terminal events on their own thread. The UI thread then never blocks inside
/// crossterm: once the terminal hangs up (its window closed, an SSH link dropped),
/// crossterm's reader can spin on end-of-file without returning, and the UI thread must
/// still notice, restore what it can and exit.
fn spawn_event_reader() -> Receiver<Event> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        while let Ok(event) = event::read() {
            if tx.send(event).is_err() {
                break;
            }
        }
    });
    rx
}

/// False once the terminal has hung up: asking a hung-up terminal its size fails.
fn terminal_alive() -> bool {
    terminal::size().is_ok()
}
