//! The load-problems overlay: every problem as `path:line:col: error: message`, wrapped
//! to the box (the app lays the lines out at the same width and scrolls through them).
//!
//! Depends on the app's state (read only), `keymap`, `layout` and `theme`.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::overlay;
use crate::tui::app::overlay::ErrorsOverlay;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::layout;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, screen: Rect, errors: &ErrorsOverlay) {
    let lang = app.lang();
    let title = keymap::title_with_hints(Context::Errors, lang);
    let inner = overlay::open(frame, theme, screen, layout::ERRORS_WIDTH, &title);
    let mut lines: Vec<Line> = errors.lines()[errors.scroll().visible()]
        .iter()
        .map(|line| {
            let style = if line.first { theme.base } else { theme.muted };
            Line::from(Span::styled(line.text.clone(), style))
        })
        .collect();
    if errors.lines().is_empty() {
        lines.push(Line::from(Span::styled(
            lang.pick("문제 없음", "No problems"),
            theme.muted,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
