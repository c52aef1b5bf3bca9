//! Presenter mode: the current item full-screen in a readable column for a projector,
//! with its place in the list and the hints in a footer.
//!
//! Depends on the app's state (read only), `keymap`, `text` and `theme`.

use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::detail::styled_line;
use crate::text::{one_line, truncate};
use crate::tui::app::{App, PresenterView};
use crate::tui::keymap::{self, Context};
use crate::tui::layout::Areas;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, areas: &Areas, view: &PresenterView) {
    if app.current_subject().is_none() {
        return;
    }
    let drawn: Vec<Line> = view.lines()[view.scroll().visible()]
        .iter()
        .map(|l| styled_line(l, theme, false))
        .collect();
    frame.render_widget(Paragraph::new(drawn), areas.presenter);
    let listed = app.list_rows(app.pane());
    let position = listed
        .iter()
        .position(|&row| Some(row) == app.current_subject())
        .map(|p| format!("{}/{}", p + 1, listed.len()))
        .unwrap_or_default();
    let hint = match app.notice() {
        Some(notice) => format!(" {position} · {}", one_line(notice)),
        None => format!(
            " {position} · {} ",
            keymap::hints(Context::Presenter, app.lang())
        ),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&hint, areas.presenter_footer.width as usize).into_owned(),
            theme.muted,
        )),
        areas.presenter_footer,
    );
}
