//! The terminal's modes, and giving them back. The explorer runs in raw mode on the
//! alternate screen with mouse reporting and bracketed paste; every way out restores
//! the terminal the user had: quit, an error, a panic (the hook restores it before
//! printing a short report), Ctrl-C, signals, and suspending (Ctrl-Z or an outside
//! SIGTSTP), after which `fg` brings the explorer back with the screen drawn anew.
//!
//! Depends on crossterm and ratatui's backend only.

use std::io::{self, Stdout};
use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;

pub type Backend = CrosstermBackend<Stdout>;
pub type Terminal = ratatui::Terminal<Backend>;

/// Whether the terminal has been given back; leaving the alternate screen twice would
/// move the cursor back over what was printed in between (the crash report).
static RESTORED: AtomicBool = AtomicBool::new(true);

/// Restores the terminal when dropped, whatever path leaves the explorer.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, the alternate screen and mouse capture; a terminal to draw on.
pub fn enter() -> io::Result<(Terminal, Guard)> {
    take_over()?;
    let mut terminal = ratatui::Terminal::new(CrosstermBackend::new(io::stdout()))?;
    redraw_all(&mut terminal)?;
    Ok((terminal, Guard))
}

fn take_over() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    RESTORED.store(false, Ordering::SeqCst);
    // Bracketed paste: a paste arrives as one piece of text, never as keys.
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Leaves raw mode, the alternate screen and mouse capture, once.
pub fn restore() {
    if RESTORED.swap(true, Ordering::SeqCst) {
        return;
    }
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Gives the terminal back and stops the process, as Ctrl-Z does in a shell; returns
/// once the shell's `fg` (SIGCONT) has let it go on, with the terminal taken over again
/// and the whole screen to be drawn anew.
pub fn suspend(terminal: &mut Terminal) -> io::Result<()> {
    restore();
    // SIGSTOP, not SIGTSTP: SIGTSTP is handled by casebook itself (to get here).
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    resume(terminal)
}

/// After the process was stopped and continued (by us or from outside): raw mode and
/// the alternate screen again, and a full redraw, since the shell wrote over the screen.
pub fn resume(terminal: &mut Terminal) -> io::Result<()> {
    take_over()?;
    redraw_all(terminal)
}

/// Clears the screen and makes the next frame draw every cell. Not `Terminal::clear`:
/// that asks the terminal where its cursor is, and the answer never comes while the
/// event thread is reading input (crossterm waits two seconds, then fails).
fn redraw_all(terminal: &mut Terminal) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// A panic anywhere on the UI thread restores the terminal first, then says briefly
/// what happened. Panics on other threads are left to their owners (the search worker
/// catches its own).
pub fn install_panic_hook() {
    let ui_thread = thread::current().id();
    panic::set_hook(Box::new(move |info| {
        if thread::current().id() != ui_thread {
            return;
        }
        restore();
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

/// False once the terminal has hung up: asking a hung-up terminal its size fails.
pub fn alive() -> bool {
    terminal::size().is_ok()
}
