//! The list pane: the current pane's items, one row each (cases in columns: name,
//! country, type, status), the selected row marked `▶` and highlighted. Case rows have a
//! mark column, as lazygit shows staged files: [`MARK`] on every case marked for
//! comparison, in the theme's mark style (the glyph alone says it under NO_COLOR).
//!
//! Depends on the app's state (read only), `model`, `text` and `theme`.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::pane_block;
use crate::model::{Details, Item, Kind, Lang};
use crate::text::{one_line, pad, truncate};
use crate::tui::app::{App, Focus, Pane};
use crate::tui::layout::Areas;
use crate::tui::theme::Theme;

/// The glyph in the mark column of a case marked for comparison (list and search rows).
pub(super) const MARK: &str = "✓";

/// The mark column's cell for an item: [`MARK`] when it is a marked case, else a blank,
/// styled over the row's style so it shows on the selection bar too.
pub(super) fn mark_cell<'a>(app: &App, theme: &Theme, item: usize, row: Style) -> Span<'a> {
    if app.marked().contains(&item) {
        Span::styled(MARK, row.patch(theme.mark))
    } else {
        Span::styled(" ", row)
    }
}

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, areas: &Areas) {
    let lang = app.lang();
    let items = app.list_items(app.pane());
    let total: usize = app
        .pane()
        .kinds()
        .iter()
        .map(|&k| app.index().of_kind(k).len())
        .sum();
    let count = if items.len() == total {
        format!("{total}")
    } else {
        format!("{}/{total}", items.len())
    };
    let title = truncate(
        &format!(" {} {count} ", app.pane().title(lang)),
        areas.list.width.saturating_sub(2) as usize,
    )
    .into_owned();
    frame.render_widget(
        pane_block(title, app.focus() == Focus::List, theme),
        areas.list,
    );
    let rows = areas.list_rows;
    let cursor = app.cursor();
    let row_width = rows.width as usize;
    let mut lines = Vec::new();
    // Cases can be marked for comparison: their rows give the mark a column of its own.
    let mark_column = app.pane() == Pane::Cases;
    for (row, &position) in items
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(rows.height as usize)
    {
        let selected = row == cursor.selected && app.pinned().is_none();
        let item = app.index().item(position);
        let style = if selected { theme.selected } else { theme.base };
        let mut spans = Vec::with_capacity(4);
        if mark_column {
            // "▶✓ name": selection, mark, a space, the columns.
            spans.push(Span::styled(if selected { "▶" } else { " " }, style));
            spans.push(mark_cell(app, theme, position, style));
            spans.push(Span::styled(" ", style));
        } else {
            spans.push(Span::styled(if selected { "▶ " } else { "  " }, style));
        }
        let used = if mark_column { 3 } else { 2 };
        let text = row_text(app, item, row_width.saturating_sub(used));
        spans.push(Span::styled(text, style));
        lines.push(Line::from(spans));
    }
    if items.is_empty() {
        let empty = if app.load_progress().is_some() {
            lang.pick("(불러오는 중…)", "(loading…)")
        } else {
            lang.pick(
                "(없음 — x 키로 필터 해제)",
                "(none — press x to clear filters)",
            )
        };
        lines.push(Line::from(Span::styled(
            truncate(empty, row_width).into_owned(),
            theme.muted,
        )));
    }
    frame.render_widget(Paragraph::new(lines), rows);
}

/// One list row: for cases name, country, type and status in columns, as width allows.
fn row_text(app: &App, item: &Item, room: usize) -> String {
    let lang = app.lang();
    let name = one_line(item.name.get(lang));
    let Some(case) = item.case() else {
        let extra = match (&item.details, item.kind) {
            (Details::Role { abbr: Some(a), .. }, _) => format!(" ({a})"),
            (_, Kind::Type | Kind::Strategy | Kind::Concept | Kind::Source)
                if app.pane() == Pane::Reference =>
            {
                return pad(&format!("{} {name}", kind_tag(item.kind, lang)), room);
            }
            _ => String::new(),
        };
        return pad(&format!("{name}{extra}"), room);
    };
    let country = one_line(case.country.get(lang));
    let cluster_type = one_line(app.index().name_of(&case.cluster_type, lang));
    let status = case.status.label(lang);
    // Column widths grow with the pane; the name always keeps at least half.
    let (country_w, type_w, status_w) = match room {
        r if r >= 54 => (10, 14, 7),
        r if r >= 48 => (8, 12, 7),
        r if r >= 40 => (8, 12, 0),
        r if r >= 30 => (8, 0, 0),
        _ => (0, 0, 0),
    };
    let name_w = room.saturating_sub(
        country_w
            + type_w
            + status_w
            + [country_w, type_w, status_w]
                .iter()
                .filter(|w| **w > 0)
                .count(),
    );
    let mut row = pad(&name, name_w);
    for (text, w) in [
        (country.as_ref(), country_w),
        (cluster_type.as_ref(), type_w),
        (status, status_w),
    ] {
        if w > 0 {
            row.push(' ');
            row.push_str(&pad(text, w));
        }
    }
    row
}

fn kind_tag(kind: Kind, lang: Lang) -> String {
    format!("[{}]", kind.label(lang))
}
