//! The terminal's modes, and giving them back. The explorer runs in raw mode on the
//! alternate screen with mouse reporting and bracketed paste; every way out restores
//! the terminal the user had: quit, an error, a panic (the hook restores it before
//! printing a short report), Ctrl-C, signals, and suspending (Ctrl-Z or an outside
//! SIGTSTP), after which `fg` brings the explorer back with the screen drawn anew.
//!
//! Every size the explorer draws at is clamped to [`MAX_COLUMNS`] × [`MAX_ROWS`] first:
//! a terminal (or an SSH window-change request, or `stty rows 30000 cols 30000`) can claim
//! any size up to 65535 × 65535, and ratatui allocates a cell for every position of it
//! before drawing anything. [`ClampedBackend`] reports the clamped size to ratatui, which
//! asks the backend itself on start and before every frame; [`clamp_size`] does the same
//! for resize events.
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
use ratatui::backend::{ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

pub type Backend = ClampedBackend<CrosstermBackend<Stdout>>;
pub type Terminal = ratatui::Terminal<Backend>;

/// The widest window the explorer draws in, in columns. Wider than any screen a person
/// reads (a 4K monitor at a small font is about 640 columns); beyond it the extra
/// columns stay blank.
pub const MAX_COLUMNS: u16 = 1000;

/// The tallest window the explorer draws in, in rows. With [`MAX_COLUMNS`] that is
/// 500,000 cells, a few tens of MB for ratatui's two buffers, where 30000 × 30000 would
/// be 900 million cells — tens of GB, and an abort without the terminal given back.
pub const MAX_ROWS: u16 = 500;

/// A size (columns, rows) within [`MAX_COLUMNS`] × [`MAX_ROWS`].
pub fn clamp_size(columns: u16, rows: u16) -> (u16, u16) {
    (columns.min(MAX_COLUMNS), rows.min(MAX_ROWS))
}

/// A backend that reports its window as at most [`MAX_COLUMNS`] × [`MAX_ROWS`], so that
/// no buffer larger than that is ever allocated; everything else is passed through.
pub struct ClampedBackend<B>(pub B);

impl<B: ratatui::backend::Backend> ratatui::backend::Backend for ClampedBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        let size = self.0.size()?;
        let (width, height) = clamp_size(size.width, size.height);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut window = self.0.window_size()?;
        let real = window.columns_rows;
        let (width, height) = clamp_size(real.width, real.height);
        // Pixels shrink in proportion, so that a cell keeps its shape for whoever asks.
        if real.width > 0 && real.height > 0 {
            window.pixels.width =
                (u32::from(window.pixels.width) * u32::from(width) / u32::from(real.width)) as u16;
            window.pixels.height = (u32::from(window.pixels.height) * u32::from(height)
                / u32::from(real.height)) as u16;
        }
        window.columns_rows = Size { width, height };
        Ok(window)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

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
    let mut terminal = ratatui::Terminal::new(ClampedBackend(CrosstermBackend::new(io::stdout())))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::{Backend as _, TestBackend};

    /// A backend that claims a window of any size, as a terminal can, while holding
    /// only a buffer of the clamped size (a `TestBackend` of 30000 × 30000 would itself
    /// take tens of GB).
    struct Claims {
        claimed: Size,
        inner: TestBackend,
    }

    impl Claims {
        fn new(width: u16, height: u16) -> Claims {
            let (w, h) = clamp_size(width, height);
            Claims {
                claimed: Size::new(width, height),
                inner: TestBackend::new(w, h),
            }
        }
    }

    impl ratatui::backend::Backend for Claims {
        type Error = <TestBackend as ratatui::backend::Backend>::Error;
        fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
        where
            I: Iterator<Item = (u16, u16, &'a Cell)>,
        {
            self.inner.draw(content)
        }
        fn hide_cursor(&mut self) -> Result<(), Self::Error> {
            self.inner.hide_cursor()
        }
        fn show_cursor(&mut self) -> Result<(), Self::Error> {
            self.inner.show_cursor()
        }
        fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
            self.inner.get_cursor_position()
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Self::Error> {
            self.inner.set_cursor_position(p)
        }
        fn clear(&mut self) -> Result<(), Self::Error> {
            self.inner.clear()
        }
        fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
            self.inner.clear_region(clear_type)
        }
        fn size(&self) -> Result<Size, Self::Error> {
            Ok(self.claimed)
        }
        fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
            Ok(WindowSize {
                columns_rows: self.claimed,
                pixels: Size::new(self.claimed.width.saturating_mul(8), self.claimed.height),
            })
        }
        fn flush(&mut self) -> Result<(), Self::Error> {
            self.inner.flush()
        }
    }

    #[test]
    fn a_huge_window_is_reported_clamped_and_a_normal_one_as_it_is() {
        let mut huge = ClampedBackend(Claims::new(30000, 30000));
        assert_eq!(huge.size().ok(), Some(Size::new(MAX_COLUMNS, MAX_ROWS)));
        let window = huge.window_size().expect("window size");
        assert_eq!(window.columns_rows, Size::new(MAX_COLUMNS, MAX_ROWS));
        let mut large = ClampedBackend(Claims::new(3000, 2000));
        let window = large.window_size().expect("window size");
        assert_eq!(window.columns_rows, Size::new(MAX_COLUMNS, MAX_ROWS));
        assert_eq!(
            window.pixels.width,
            MAX_COLUMNS * 8,
            "cells keep their shape"
        );
        let normal = ClampedBackend(Claims::new(120, 40));
        assert_eq!(normal.size().ok(), Some(Size::new(120, 40)));
        let wide = ClampedBackend(Claims::new(5000, 30));
        assert_eq!(wide.size().ok(), Some(Size::new(MAX_COLUMNS, 30)));
    }

    #[test]
    fn a_terminal_over_a_huge_window_allocates_only_the_clamped_buffer() {
        let backend = ClampedBackend(Claims::new(30000, 30000));
        let mut terminal = ratatui::Terminal::new(backend).expect("new");
        let frame = terminal
            .draw(|frame| {
                let area = frame.area();
                frame.render_widget(ratatui::widgets::Paragraph::new("ok"), area);
            })
            .expect("draws");
        let clamped = ratatui::layout::Rect::new(0, 0, MAX_COLUMNS, MAX_ROWS);
        assert_eq!(frame.area, clamped);
        assert_eq!(frame.buffer.area, clamped);
    }

    #[test]
    fn resize_events_are_clamped() {
        assert_eq!(clamp_size(30000, 30000), (MAX_COLUMNS, MAX_ROWS));
        assert_eq!(clamp_size(u16::MAX, 24), (MAX_COLUMNS, 24));
        assert_eq!(clamp_size(80, 24), (80, 24));
        assert_eq!(clamp_size(0, 0), (0, 0));
    }
}
