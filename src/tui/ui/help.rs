//! The `?` help: the keys of the context it was opened from, then every other context's,
//! as the key table has them (the app scrolls through the same lines).
//!
//! Depends on the app's state (read only), `keymap`, `layout`, `text` and `theme`.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::overlay;
use crate::text::{pad, truncate};
use crate::tui::app::overlay::HelpOverlay;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context, HelpLine};
use crate::tui::layout;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, screen: Rect, help: &HelpOverlay) {
    let lang = app.lang();
    let title = keymap::title_with_hints(Context::Help, lang);
    let inner = overlay::open(frame, theme, screen, layout::HELP_WIDTH, &title);
    let room = inner.width as usize;
    let key_w = 24.min(room / 2);
    let lines: Vec<Line> = help.lines()[help.scroll().visible()]
        .iter()
        .map(|line| match line {
            HelpLine::Heading(heading) => Line::from(Span::styled(
                truncate(heading, room).into_owned(),
                theme.heading,
            )),
            HelpLine::Binding { keys, help } => Line::from(vec![
                Span::styled(format!("  {}", pad(keys, key_w)), theme.title),
                Span::raw(truncate(help, room.saturating_sub(key_w + 2)).into_owned()),
            ]),
            HelpLine::Note(note) => {
                Line::from(Span::styled(truncate(note, room).into_owned(), theme.muted))
            }
            HelpLine::Blank => Line::default(),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
