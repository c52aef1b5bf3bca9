//! The compare view: a header of case names, then the comparison's sections and rows,
//! each case in its own column with a column of air between; rows that differ carry `≠`;
//! the row under the cursor in the selection style.
//!
//! Depends on the app's state (read only), `compare`, `keymap`, `text` and `theme`.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::open_view;
use crate::text::{one_line, pad};
use crate::tui::app::compare::CompareLine;
use crate::tui::app::{App, CompareView};
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, view: &CompareView) {
    let lang = app.lang();
    let title = keymap::title_with_hints(Context::Compare, lang);
    let inner = open_view(frame, theme, area, &title);
    let comparison = match view.comparison() {
        Ok(c) => c,
        Err(err) => {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    one_line(&err.to_string()).into_owned(),
                    theme.warning,
                )),
                inner,
            );
            return;
        }
    };
    let room = inner.width as usize;
    let label_w = (room / 5).clamp(8, 22);
    let columns = comparison.titles.len().max(1);
    let cell_w = (room.saturating_sub(label_w + 1) / columns).max(1);
    let mut header = vec![Span::raw(pad("", label_w + 1))];
    for title in &comparison.titles {
        header.push(Span::styled(
            pad(&one_line(title), cell_w.saturating_sub(1)),
            theme.title,
        ));
        header.push(Span::raw(" "));
    }
    let mut lines = vec![Line::from(header)];
    let visible = view.scroll().visible();
    for (at, line) in view.lines()[visible.clone()].iter().enumerate() {
        let under_cursor = visible.start + at == view.cursor_line();
        let row = match *line {
            CompareLine::Section(section) => {
                lines.push(Line::from(Span::styled(section.title(lang), theme.heading)));
                continue;
            }
            CompareLine::Row(i) => &comparison.rows[i],
        };
        // `≠` marks a row whose cells differ, so difference never rests on colour alone.
        // Figures of different cases measure different things; `marked` leaves them out.
        let mark = if row.marked() { "≠ " } else { "  " };
        let label_style = if row.marked() {
            theme.title
        } else {
            theme.muted
        };
        let mut spans = vec![
            Span::styled(
                pad(&format!("{mark}{}", one_line(&row.label)), label_w),
                label_style,
            ),
            Span::raw(" "),
        ];
        for cell in &row.cells {
            // One column of air between cases, so cut cells never run together.
            spans.push(Span::styled(
                pad(&one_line(cell), cell_w.saturating_sub(1)),
                theme.base,
            ));
            spans.push(Span::raw(" "));
        }
        let mut line = Line::from(spans);
        // The row `y` copies, in the selection style.
        if under_cursor {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
