//! A filter's picker over the main view: the typed line (with the terminal cursor at
//! its end, where an input method draws the syllable being composed), the values the
//! text matches — the cursor's row on the selection bar with `▶`, ticked values with
//! `✓` in the mark style, matched characters highlighted, each value's count right-
//! aligned and muted when nothing has it — and the picker's hints from the key table.
//! The box is blanked over any wide character that straddles its left edge.
//!
//! Depends on the app's state (read only), `keymap`, `layout`, `render::highlight`,
//! `text` and `theme`.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::overlay;
use crate::text::{one_line, pad, tail, truncate, width};
use crate::tui::app::picker::ROW_MARKS;
use crate::tui::app::{App, Picker};
use crate::tui::keymap::{self, Context};
use crate::tui::layout;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, screen: Rect, picker: &Picker) {
    let lang = app.lang();
    let values = picker.rows().len();
    let wanted = picker.wanted_width(lang);
    let area = layout::picker(screen, values, wanted);
    // "국가 필터 · 사례", "Country filter · cases": what is filtered, and whose items the
    // counts count.
    let facet = picker.facet().title(lang);
    let mut letters = facet.chars();
    let facet: String = letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default();
    let title = format!(
        "{facet} {} · {}",
        lang.pick("필터", "filter"),
        picker.pane().noun(lang)
    );
    let title = truncate(&title, area.width.saturating_sub(4) as usize);
    overlay::open_at(frame, theme, area, &title);
    let (input, rows, hints) = layout::picker_parts(screen, values, wanted);
    render_input(frame, app, theme, input, picker);
    render_rows(frame, app, theme, rows, picker);
    let hint_line =
        truncate(&keymap::hints(Context::Picker, lang), hints.width as usize).into_owned();
    frame.render_widget(Paragraph::new(Span::styled(hint_line, theme.muted)), hints);
}

/// "› 한▏            1/15": the typed text, and how many values it leaves of all.
fn render_input(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, picker: &Picker) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let lang = app.lang();
    let room = area.width as usize;
    let tally = format!(" {}/{}", picker.shown().len(), picker.rows().len());
    let prompt = "› ";
    let typed_room = room.saturating_sub(width(prompt) + width(&tally) + 1);
    let typed = one_line(picker.query()).into_owned();
    // The end of what was typed stays in view: it is where the next character goes.
    let shown = tail(&typed, typed_room);
    let placeholder = lang.pick("입력해 좁히기", "type to narrow");
    let mut spans = vec![Span::styled(prompt, theme.heading)];
    if shown.is_empty() {
        spans.push(Span::styled(
            truncate(placeholder, typed_room).into_owned(),
            theme.muted,
        ));
    } else {
        spans.push(Span::raw(shown.clone()));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    spans.push(Span::raw(
        " ".repeat(room.saturating_sub(used + width(&tally))),
    ));
    spans.push(Span::styled(tally, theme.muted));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    let caret = area.x + (width(prompt) + width(&shown)) as u16;
    frame.set_cursor_position((caret.min(area.right().saturating_sub(1)), area.y));
}

/// One row a value: "▶✓ 한국                4".
fn render_rows(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, picker: &Picker) {
    let lang = app.lang();
    let room = area.width as usize;
    let cursor = picker.cursor();
    let count_w = picker.count_width();
    let mut lines = Vec::new();
    for (at, shown) in picker
        .shown()
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(area.height as usize)
    {
        let row = &picker.rows()[shown.row];
        let selected = at == cursor.selected;
        let base = if selected { theme.selected } else { theme.base };
        let ticked = picker.is_ticked(&row.key);
        let mut spans = vec![
            Span::styled(if selected { "▶" } else { " " }, base),
            if ticked {
                Span::styled("✓", base.patch(theme.mark))
            } else {
                Span::styled(" ", base)
            },
            Span::styled(" ", base),
        ];
        let label_room = room.saturating_sub(ROW_MARKS + count_w + 2);
        let mark = theme.highlight.patch(if selected {
            theme.selected
        } else {
            Style::new()
        });
        let runs = crate::render::highlight::runs(&row.label, &shown.marked, label_room);
        let mut used = 0;
        for run in runs {
            used += width(&run.text);
            spans.push(Span::styled(run.text, if run.marked { mark } else { base }));
        }
        spans.push(Span::styled(
            " ".repeat(label_room.saturating_sub(used) + 1),
            base,
        ));
        let count_style = if row.count == 0 {
            base.patch(theme.muted)
        } else {
            base
        };
        spans.push(Span::styled(
            format!("{} ", pad_left(&row.count.to_string(), count_w)),
            count_style,
        ));
        lines.push(Line::from(spans));
    }
    if picker.shown().is_empty() {
        let none = lang.pick(
            "(맞는 값 없음 — ⌫로 지우기)",
            "(no value matches — ⌫ deletes)",
        );
        lines.push(Line::from(Span::styled(
            truncate(none, room).into_owned(),
            theme.muted,
        )));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn pad_left(text: &str, columns: usize) -> String {
    let padded = pad("", columns.saturating_sub(width(text)));
    format!("{padded}{text}")
}
