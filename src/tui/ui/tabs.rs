//! The tab bar: one tab per list pane, the current one highlighted, and the name.
//!
//! Depends on the app's state (read only), `layout` and `theme`.

use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::text::width;
use crate::tui::app::App;
use crate::tui::layout::{self, Areas};
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, areas: &Areas) {
    let current = app.pane().position();
    let mut spans = vec![Span::raw(" ")];
    for (i, (label, _)) in layout::tabs(app.lang(), areas.tabs.width, current)
        .into_iter()
        .enumerate()
    {
        let style = if i == current && app.search().is_none() {
            theme.selected
        } else {
            theme.muted
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let brand = layout::BRAND;
    if used + width(brand) < areas.tabs.width as usize {
        spans.push(Span::raw(
            " ".repeat(areas.tabs.width as usize - used - width(brand)),
        ));
        spans.push(Span::styled(brand, theme.title));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), areas.tabs);
}
