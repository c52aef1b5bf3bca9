//! The search box in place of the list: the input line with the caret where an input
//! method draws its composing syllable, the title saying how many were found (and that
//! they are partial while the collection is still loading), and the results with their
//! matched characters highlighted and, in the list's mark column, the `✓` of each case
//! marked for comparison. An empty box shows how to recall earlier queries, and while
//! ↑/↓ step through them the title says which one is in the box.
//!
//! Depends on the app's state (read only), `render::highlight`, `text` and `theme`.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::pane_block;
use crate::text::{one_line, pad, truncate, width};
use crate::tui::app::{App, ResultRow};
use crate::tui::layout::Areas;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, areas: &Areas) {
    let Some(search) = app.search() else { return };
    let lang = app.lang();
    let status = if search.is_waiting() {
        lang.pick("찾는 중…", "searching…").to_string()
    } else {
        let count = format!("{} {}", search.total(), lang.pick("건", "found"));
        match (
            search.unknown_filters(),
            search.converted(),
            search.corrected(),
        ) {
            // A filter that names nothing explains an empty list.
            ([filter, ..], _, _) => format!(
                "{count} ({} {})",
                one_line(filter),
                lang.pick("— 없는 종류·필드", "names nothing")
            ),
            // Typed with the keyboard in the wrong mode: say which query answered.
            ([], Some(converted), _) => format!("{count} (→ {})", one_line(converted)),
            // A word found nowhere as typed: say which spellings answered.
            ([], None, [first, ..]) => format!("{count} (≈ {})", one_line(first)),
            ([], None, []) => count,
        }
    };
    // While ↑/↓ step through earlier queries, the title says which one is in the box.
    let recalled = search.recalled().map_or(String::new(), |at| {
        let of = app.query_history().len();
        format!(
            " · {} {}/{of}",
            lang.pick("지난 검색어", "earlier query"),
            at + 1
        )
    });
    // Over a collection still loading, the results are of what has arrived.
    let status = match app.load_progress() {
        Some(_) => format!(
            "{status} · {}",
            lang.pick("불러오는 중 — 일부 결과", "loading — partial results")
        ),
        None => status,
    };
    let title = truncate(
        &format!(" {}{recalled} · {status} ", lang.pick("검색", "Search")),
        areas.list.width.saturating_sub(2) as usize,
    )
    .into_owned();
    frame.render_widget(pane_block(title, true, theme), areas.list);

    // The input, scrolled so the caret is always visible.
    let input_area = areas.search_input;
    let prompt = "/ ";
    let room = (input_area.width as usize).saturating_sub(width(prompt) + 1);
    let chars: Vec<char> = search.input().chars().collect();
    let caret = search.caret().min(chars.len());
    let start = first_shown(&chars[..caret], room);
    let visible: String = chars[start..].iter().collect();
    let shown = truncate_plain(&one_line(&visible), room);
    let mut input_line = vec![Span::styled(prompt, theme.heading), Span::raw(shown)];
    // An empty box says how to get an earlier query back, when there is one.
    if chars.is_empty() && !app.query_history().is_empty() {
        let hint = lang.pick(
            "↑ 지난 검색어 · Ctrl-r 기록 검색",
            "↑ earlier queries · Ctrl-r search them",
        );
        input_line.push(Span::styled(truncate(hint, room).into_owned(), theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(input_line)), input_area);
    let before: String = chars[start..caret].iter().collect();
    let caret_x = input_area.x + width(prompt) as u16 + width(&one_line(&before)) as u16;
    // The terminal cursor sits on the caret, so an input method draws its composing
    // syllable where the next character will go.
    frame.set_cursor_position((
        caret_x.min(input_area.x + input_area.width.saturating_sub(1)),
        input_area.y,
    ));
    let rule = "─".repeat(input_area.width as usize);
    frame.render_widget(
        Paragraph::new(Span::styled(rule, theme.border)),
        Rect::new(input_area.x, input_area.y + 1, input_area.width, 1),
    );

    let rows = areas.list_rows;
    let cursor = search.cursor();
    let mut lines = Vec::new();
    for (i, result) in search
        .results()
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(rows.height as usize)
    {
        lines.push(result_line(
            app,
            theme,
            result,
            i == cursor.selected,
            rows.width as usize,
        ));
    }
    if search.results().is_empty() && !search.is_waiting() {
        let hint = lang.pick("일치하는 항목이 없습니다", "nothing matches");
        lines.push(Line::from(Span::styled(hint, theme.muted)));
    }
    frame.render_widget(Paragraph::new(lines), rows);
}

/// The first char to show so that everything up to the caret fits in `room` columns:
/// one walk back from the caret, however long the input.
fn first_shown(before_caret: &[char], room: usize) -> usize {
    let mut start = before_caret.len();
    let mut used = 0;
    while start > 0 {
        let w = width(&one_line(&before_caret[start - 1].to_string()));
        if used + w > room {
            break;
        }
        used += w;
        start -= 1;
    }
    start
}

/// Cuts without an ellipsis (the input line scrolls instead).
fn truncate_plain(s: &str, room: usize) -> String {
    let mut used = 0;
    s.chars()
        .take_while(|c| {
            used += width(&c.to_string());
            used <= room
        })
        .collect()
}

/// A result: kind badge, then the matched text with its matched characters highlighted
/// (the name itself when the match is in the name, else name — field: snippet).
fn result_line<'a>(
    app: &App,
    theme: &Theme,
    result: &ResultRow,
    selected: bool,
    room: usize,
) -> Line<'a> {
    let lang = app.lang();
    let item = app.index().item(result.item);
    let base = if selected { theme.selected } else { theme.base };
    let marker = if selected { "▶" } else { " " };
    let badge = format!("{} ", pad(item.kind.label(lang), 8));
    // The mark column, as in the case list: a marked case shows its ✓ among the results.
    let mut spans = vec![
        Span::styled(marker, base),
        super::list::mark_cell(app, theme, result.item, base),
        Span::styled(badge.clone(), theme.badge),
        Span::styled(" ", base),
    ];
    let mut left = room.saturating_sub(2 + width(&badge) + 1);
    let title = one_line(item.name.get(lang)).into_owned();
    let in_title = result.field.is_title();
    if !in_title || result.text != title {
        // The name always shows; a matched alias or body text gets what is left.
        let matched = width(&one_line(&result.text));
        let title_room = if in_title {
            left.saturating_sub(matched.min(left / 2) + 3)
        } else {
            left / 2
        };
        let shown = truncate(&title, title_room).into_owned();
        left = left.saturating_sub(width(&shown) + 3);
        spans.push(Span::styled(shown, base));
        spans.push(Span::styled(" — ", theme.muted));
    }
    let mark = theme.highlight.patch(if selected {
        theme.selected
    } else {
        Style::new()
    });
    spans.extend(
        crate::render::highlight::runs(&result.text, &result.indices, left)
            .into_iter()
            .map(|run| Span::styled(run.text, if run.marked { mark } else { base })),
    );
    Line::from(spans)
}
