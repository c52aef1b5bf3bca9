//! Rendering: reads the [`App`] and draws it; never changes it. One module per part of
//! the screen or view, each with a `render` function; this one decides which to draw.
//!
//! All text from files arrives already made one-line-safe or passes through
//! [`one_line`](crate::text::one_line), and is truncated by display width before it is
//! drawn, so Hangul never spills past a pane's edge. Overlays blank any wide character
//! that straddles their left edge ([`overlay`]), and after every frame the column each
//! wide character covers is reset, so the next frame rewrites it
//! (`settle_wide_characters`).
//!
//! Depends on the app's state (read only), the explorer's `keymap`, `layout` and
//! `theme`, and on `model` and `text`.

mod chart;
mod compare;
mod detail;
mod errors;
mod help;
mod list;
mod matrix;
mod overlay;
mod picker;
mod presenter;
mod recall;
mod search;
mod status;
mod tabs;
mod timeline;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::app::{App, Overlay, View};
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;
use crate::model::Lang;
use crate::text::{truncate, width};

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    draw_screen(frame, app, theme);
    settle_wide_characters(frame.buffer_mut());
}

fn draw_screen(frame: &mut Frame, app: &App, theme: &Theme) {
    let areas = app.areas();
    frame.render_widget(Block::new().style(theme.base), areas.screen);
    if areas.too_small {
        render_too_small(frame, app, theme, areas.screen);
        return;
    }
    match app.view() {
        View::Presenter(view) => {
            presenter::render(frame, app, theme, &areas, view);
            // `/` from presenter mode: the search box over the card, which shows the
            // selected hit as it will be presented.
            if app.search().is_some() {
                overlay::cover(frame, theme, areas.list);
                search::render(frame, app, theme, &areas);
            }
        }
        View::Compare(view) => {
            tabs::render(frame, app, theme, &areas);
            compare::render(frame, app, theme, areas.view, view);
        }
        View::Matrix(view) => {
            tabs::render(frame, app, theme, &areas);
            matrix::render(frame, app, theme, areas.view, view);
        }
        View::Timeline(view) => {
            tabs::render(frame, app, theme, &areas);
            timeline::render(frame, app, theme, areas.view, view);
        }
        View::Chart(view) => {
            tabs::render(frame, app, theme, &areas);
            chart::render(frame, app, theme, areas.view, view);
        }
        View::Browse => {
            tabs::render(frame, app, theme, &areas);
            if app.search().is_some() {
                search::render(frame, app, theme, &areas);
            } else {
                list::render(frame, app, theme, &areas);
            }
            detail::render(frame, app, theme, &areas);
        }
    }
    if !matches!(app.view(), View::Presenter(_)) {
        status::render(frame, app, theme, areas.status);
    }
    match app.overlay() {
        Some(Overlay::Help(help)) => help::render(frame, app, theme, areas.screen, help),
        Some(Overlay::Errors(errors)) => errors::render(frame, app, theme, areas.screen, errors),
        Some(Overlay::Recent(recent)) => {
            recall::render_recent(frame, app, theme, areas.screen, recent)
        }
        Some(Overlay::History(history)) => {
            recall::render_history(frame, app, theme, areas.screen, history)
        }
        Some(Overlay::Picker(picker)) => picker::render(frame, app, theme, areas.screen, picker),
        None => {}
    }
}

/// Resets the column each wide character covers, as ratatui's own `set_string` does.
///
/// ratatui's `Paragraph` leaves that column as it was (a space in the theme's colours,
/// from the background). The frame after, ratatui compares it with what comes there
/// and, seeing the same space, does not write it, while the terminal has blanked it in
/// its default colours when the syllable was overwritten: specks of the terminal's own
/// background between words in a painted theme. A reset column differs from any space
/// drawn there later, so that space is written.
fn settle_wide_characters(buffer: &mut ratatui::buffer::Buffer) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            // One byte is one column: most cells need no width lookup.
            let covered = if symbol.len() == 1 {
                1
            } else {
                width(symbol).max(1) as u16
            };
            for hidden in x + 1..(x + covered).min(area.right()) {
                buffer[(hidden, y)].reset();
            }
            x += covered;
        }
    }
}

fn render_too_small(frame: &mut Frame, app: &App, theme: &Theme, screen: Rect) {
    let (w, h) = app.size();
    let message = match app.lang() {
        Lang::Ko => format!("창을 {MIN_WIDTH}×{MIN_HEIGHT} 이상으로 키워 주세요 (지금 {w}×{h})"),
        Lang::En => format!("Make the window at least {MIN_WIDTH}×{MIN_HEIGHT} (now {w}×{h})"),
    };
    let line = truncate(&message, screen.width as usize).into_owned();
    frame.render_widget(
        Paragraph::new(Span::styled(line, theme.warning)),
        Rect::new(0, 0, screen.width, 1.min(screen.height)),
    );
}

/// A bordered pane with a title; the border shows focus.
fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Span::styled(title, theme.title))
}

/// Draws a full-width view's frame and title and returns the area inside it.
fn open_view(frame: &mut Frame, theme: &Theme, area: Rect, title: &str) -> Rect {
    let title = truncate(&format!(" {title} "), area.width.saturating_sub(2) as usize).into_owned();
    let block = pane_block(title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Cuts a line of spans to `room` columns, with an ellipsis where it was cut.
fn clip_spans(spans: Vec<Span<'_>>, room: usize) -> Line<'_> {
    let mut used = 0;
    let mut out = Vec::new();
    for span in spans {
        let w = width(&span.content);
        if used + w <= room {
            used += w;
            out.push(span);
        } else {
            let cut = truncate(&span.content, room - used).into_owned();
            out.push(Span::styled(cut, span.style));
            break;
        }
    }
    Line::from(out)
}
