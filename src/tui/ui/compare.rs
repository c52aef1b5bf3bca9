//! The compare view: a header of case names, then the comparison's sections and rows,
//! each case in its own column with a rule between, every cell whole on as many lines as
//! it needs (wrapped by the app once per width); rows that differ carry `≠`, and the
//! row under the cursor (the one `y` copies) is drawn in the selection style.
//!
//! Depends on the app's state (read only), `compare`, `keymap`, `text` and `theme`.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::open_view;
use crate::text::{one_line, pad};
use crate::tui::app::compare::{self, CompareLine};
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
    let (label_w, cell_w) = compare::column_widths(room, comparison.titles.len());
    let gutter = |spans: &mut Vec<Span<'static>>, i: usize| {
        if i > 0 {
            spans.push(Span::styled(compare::GUTTER, theme.muted));
        }
    };
    let mut header = vec![Span::styled(pad("", label_w + 1), theme.base)];
    for (i, title) in comparison.titles.iter().enumerate() {
        gutter(&mut header, i);
        header.push(Span::styled(pad(&one_line(title), cell_w), theme.title));
    }
    let mut lines = vec![Line::from(header)];
    for line in &view.lines()[view.scroll().visible()] {
        let (i, part) = match *line {
            CompareLine::Section(section) => {
                lines.push(Line::from(Span::styled(section.title(lang), theme.heading)));
                continue;
            }
            CompareLine::Row { row, part } => (row, part),
        };
        let row = &comparison.rows[i];
        let wrapped = view.wrapped(i);
        // `≠` marks a row whose cells differ, so difference never rests on colour alone.
        let mark = if row.marked() && part == 0 {
            "≠ "
        } else {
            "  "
        };
        let label_style = if row.marked() {
            theme.title
        } else {
            theme.muted
        };
        let label = wrapped.label.get(part).map_or("", String::as_str);
        let mut spans = vec![
            Span::styled(pad(&format!("{mark}{label}"), label_w), label_style),
            Span::styled(" ", theme.base),
        ];
        for (c, cell) in wrapped.cells.iter().enumerate() {
            gutter(&mut spans, c);
            let text = cell.get(part).map_or("", String::as_str);
            spans.push(Span::styled(pad(text, cell_w), theme.base));
        }
        let mut line = Line::from(spans);
        // The row `y` copies, on every line of it, in the selection style.
        if view.selected_row() == Some(i) {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
