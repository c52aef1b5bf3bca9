//! The era timeline view: each era's policy focus, then its world and Korean entries;
//! entries that open a case are links, the cursor's entry highlighted.
//!
//! Depends on the app's state (read only), `text` and `theme`.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::open_view;
use crate::text::{one_line, pad, truncate, width};
use crate::tui::app::{App, TimelineLine, TimelineView};
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, view: &TimelineView) {
    let lang = app.lang();
    let inner = open_view(
        frame,
        theme,
        area,
        lang.pick("시기별 클러스터 연표", "Era timeline of clusters"),
    );
    let room = inner.width as usize;
    // The place column as wide as its longer word in this language ("World", "한국").
    let (world_label, korea_label) = (lang.pick("세계", "World"), lang.pick("한국", "Korea"));
    let place_w = width(world_label).max(width(korea_label));
    let cursor = view.cursor_line();
    let visible = view.scroll().visible();
    let mut lines: Vec<Line> = Vec::new();
    for (i, line) in view
        .lines()
        .iter()
        .enumerate()
        .take(visible.end)
        .skip(visible.start)
    {
        lines.push(match line {
            TimelineLine::Gap => Line::default(),
            TimelineLine::Era { label, focus } => {
                let head = format!(
                    "{} — {} {}",
                    one_line(label),
                    lang.pick("정책의 중심:", "policy focus:"),
                    one_line(focus)
                );
                Line::from(Span::styled(
                    truncate(&head, room).into_owned(),
                    theme.heading,
                ))
            }
            TimelineLine::Entry { korea, name, case } => {
                let place = if *korea { korea_label } else { world_label };
                let selected = cursor == Some(i);
                let marker = if selected { "▶ " } else { "  " };
                let arrow = if case.is_some() { " →" } else { "" };
                let text = truncate(
                    &format!(
                        "{marker}{} · {}{arrow}",
                        pad(place, place_w),
                        one_line(name)
                    ),
                    room,
                )
                .into_owned();
                let style = match (selected, case.is_some()) {
                    (true, _) => theme.link_selected,
                    (false, true) => theme.link,
                    (false, false) => theme.base,
                };
                Line::from(Span::styled(text, style))
            }
        });
    }
    if view.lines().is_empty() {
        lines.push(Line::from(Span::styled(
            lang.pick("(연표가 없습니다)", "(no timeline in this collection)"),
            theme.muted,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
