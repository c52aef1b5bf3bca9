//! The two memory lists over the screen: recently opened items (`r`: kind badge and
//! name, the selected row marked `▶`) and the query history (Ctrl-R: the filter typed,
//! a rule, the queries that match with the typed words highlighted). The app lays both
//! out at the same size (`memory::recent_rows`, `memory::history_rows`).
//!
//! Depends on the app's state (read only), `keymap`, `text` and `theme`.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::overlay;
use crate::text::{one_line, pad, tail, truncate, width};
use crate::tui::app::memory::{self, HistoryOverlay, RecentOverlay, RECALL_WIDTH};
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;

pub fn render_recent(
    frame: &mut Frame,
    app: &App,
    theme: &Theme,
    screen: Rect,
    recent: &RecentOverlay,
) {
    let lang = app.lang();
    let title = keymap::title_with_hints(Context::Recent, lang);
    let title = truncate(&title, RECALL_WIDTH.saturating_sub(4) as usize).into_owned();
    let inner = overlay::open(frame, theme, screen, RECALL_WIDTH, &title);
    let room = inner.width as usize;
    let cursor = recent.cursor();
    let mut lines: Vec<Line> = recent
        .rows()
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(inner.height as usize)
        .map(|(row, &position)| {
            let item = app.index().item(position);
            let selected = row == cursor.selected;
            let style = if selected { theme.selected } else { theme.base };
            let badge = format!("{} ", pad(item.kind.label(lang), 8));
            let left = room.saturating_sub(2 + width(&badge) + 1);
            let name = one_line(item.name.get(lang));
            Line::from(vec![
                Span::styled(if selected { "▶ " } else { "  " }, style),
                Span::styled(badge, theme.badge),
                Span::styled(" ", style),
                Span::styled(pad(&truncate(&name, left), left), style),
            ])
        })
        .collect();
    if recent.rows().is_empty() {
        lines.push(Line::from(Span::styled(
            memory::recent_empty(lang),
            theme.muted,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn render_history(
    frame: &mut Frame,
    app: &App,
    theme: &Theme,
    screen: Rect,
    history: &HistoryOverlay,
) {
    let lang = app.lang();
    let title = keymap::title_with_hints(Context::History, lang);
    let title = truncate(&title, RECALL_WIDTH.saturating_sub(4) as usize).into_owned();
    let inner = overlay::open(frame, theme, screen, RECALL_WIDTH, &title);
    if inner.height == 0 {
        return;
    }
    let room = inner.width as usize;
    // The filter, its end in view, the terminal cursor after it for an input method.
    let prompt = "? ";
    let typed = one_line(history.input()).into_owned();
    let fits = room.saturating_sub(width(prompt) + 1);
    let shown = tail(&typed, fits);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(prompt, theme.heading),
            Span::raw(shown.clone()),
        ])),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    let caret = inner.x + (width(prompt) + width(&shown)).min(room.saturating_sub(1)) as u16;
    frame.set_cursor_position((caret, inner.y));
    if inner.height < 2 {
        return;
    }
    frame.render_widget(
        Paragraph::new(Span::styled("─".repeat(room), theme.border)),
        Rect::new(inner.x, inner.y + 1, inner.width, 1),
    );
    let rows = Rect::new(
        inner.x,
        inner.y + 2,
        inner.width,
        inner.height.saturating_sub(2),
    );
    let cursor = history.cursor();
    let words: Vec<String> = history
        .input()
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut lines: Vec<Line> = history
        .rows()
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(rows.height as usize)
        .filter_map(|(row, &at)| {
            let query = app.query_history().get(at)?;
            let selected = row == cursor.selected;
            let base = if selected { theme.selected } else { theme.base };
            let mark = theme.highlight.patch(if selected {
                theme.selected
            } else {
                Style::new()
            });
            let text = one_line(query).into_owned();
            let indices = matched_chars(&text, &words);
            let mut spans = vec![Span::styled(if selected { "▶ " } else { "  " }, base)];
            spans.extend(
                crate::render::highlight::runs(&text, &indices, room.saturating_sub(2))
                    .into_iter()
                    .map(|run| Span::styled(run.text, if run.marked { mark } else { base })),
            );
            Some(Line::from(spans))
        })
        .collect();
    if history.rows().is_empty() {
        let empty = memory::history_empty(lang, !history.input().trim().is_empty());
        lines.push(Line::from(Span::styled(empty, theme.muted)));
    }
    frame.render_widget(Paragraph::new(lines), rows);
}

/// The char positions of `text` inside any of `words` (lower-cased), for highlighting.
fn matched_chars(text: &str, words: &[String]) -> Vec<usize> {
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    // Lower-casing can change the length (rare: İ); highlight nothing rather than wrong.
    if lower.len() != text.chars().count() {
        return Vec::new();
    }
    let mut marked = vec![false; lower.len()];
    for word in words {
        let word: Vec<char> = word.chars().collect();
        if word.is_empty() || word.len() > lower.len() {
            continue;
        }
        for start in 0..=lower.len() - word.len() {
            if lower[start..start + word.len()] == word[..] {
                marked[start..start + word.len()].fill(true);
            }
        }
    }
    (0..marked.len()).filter(|&i| marked[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_occurrence_of_every_word_is_highlighted() {
        assert_eq!(
            matched_chars("San Diego san", &["san".into()]),
            [0, 1, 2, 10, 11, 12]
        );
        assert_eq!(matched_chars("샌디에고", &["디에".into()]), [1, 2]);
        assert!(matched_chars("abc", &[]).is_empty());
    }

    #[test]
    fn the_filter_shows_its_end() {
        assert_eq!(tail("샌디에고", 4), "에고");
        assert_eq!(tail("abc", 10), "abc");
    }
}
