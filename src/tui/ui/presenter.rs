//! Presenter mode: the current item as a full-screen card for a projector. A terminal
//! cannot make text larger, so the name is set apart instead: centred, bold in the
//! heading colour, with a rule under it; then the other name, the facts, and below them
//! the key figures, each with its reference, and the rest of the detail. The card's
//! border carries the place in its body; the footer its place in the list and the hints.
//! The search box, opened with `/`, is drawn over the card by `super`.
//!
//! (A bitmap "big text" font was weighed and left out: fonts such as `tui-big-text`'s
//! have no Hangul, the names a Korean meeting presents, and an English name eight
//! columns a letter wide would fill an 80×20 screen with two words.)
//!
//! Depends on the app's state (read only), `keymap`, `text` and `theme`.

use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::detail::styled_line;
use crate::text::{one_line, truncate, width};
use crate::tui::app::{App, PresenterView};
use crate::tui::keymap;
use crate::tui::layout::Areas;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, areas: &Areas, view: &PresenterView) {
    // No item while the search box over the card has no hit: an empty card under it.
    let subject = app.current_subject();
    let scroll = view.scroll();
    let len = view.lines().len();
    let mut card = Block::new()
        .borders(Borders::ALL)
        .border_set(border::ROUNDED)
        .border_style(theme.border)
        .style(theme.base);
    if len > scroll.page() {
        let place = format!(
            " {}–{}/{len} ",
            scroll.top() + 1,
            (scroll.top() + scroll.page()).min(len)
        );
        card = card.title_bottom(Line::from(Span::styled(place, theme.muted)).right_aligned());
    }
    frame.render_widget(card, areas.presenter_card);

    let text = areas.presenter;
    let header: Vec<Line> = view
        .header()
        .iter()
        .map(|l| styled_line(l, theme, false).centered())
        .collect();
    let header_rows = (header.len() as u16).min(text.height);
    frame.render_widget(
        Paragraph::new(header),
        Rect::new(text.x, text.y, text.width, header_rows),
    );
    let body: Vec<Line> = view.lines()[scroll.visible()]
        .iter()
        .map(|l| styled_line(l, theme, false))
        .collect();
    frame.render_widget(
        Paragraph::new(body),
        Rect::new(
            text.x,
            text.y + header_rows,
            text.width,
            text.height - header_rows,
        ),
    );

    let listed = app.list_rows(app.pane());
    let position = listed
        .iter()
        .position(|&row| Some(row) == subject)
        .map(|p| format!("{}/{}", p + 1, listed.len()))
        .unwrap_or_default();
    // The hints of what reads the keys (the card's, or the search box's over it), as
    // many whole ones as fit.
    let room = areas.presenter_footer.width as usize;
    let hint = match app.notice() {
        Some(notice) => format!(" {position} · {}", one_line(notice)),
        None => {
            let mut line = format!(" {position}");
            for part in keymap::hint_parts(app.context(), app.lang()) {
                if width(&line) + width(&part) + 3 > room {
                    break;
                }
                line = format!("{line} · {part}");
            }
            line
        }
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&hint, areas.presenter_footer.width as usize).into_owned(),
            theme.muted,
        )),
        areas.presenter_footer,
    );
}
