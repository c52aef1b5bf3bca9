//! The detail pane: the current item's lines (laid out by the app's `detail` module),
//! scrolled where the app says, with the selected link highlighted on every line it
//! wraps onto, what the search matched marked on its line, and the position
//! ("12–40/85") in the bottom border.
//!
//! Depends on the app's state (read only), `model` and `theme`.

use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::pane_block;
use crate::model::RoleStrength;
use crate::text::truncate;
use crate::tui::app::detail::{DetailLine, Tag};
use crate::tui::app::found;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Areas;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, areas: &Areas) {
    let lang = app.lang();
    let lines = app.detail_lines();
    let inner = areas.detail_inner;
    let scroll = app.detail().scroll;
    let visible = scroll.visible();
    let position = if lines.len() > visible.len() && !visible.is_empty() {
        format!(" {}–{}/{} ", visible.start + 1, visible.end, lines.len())
    } else {
        String::new()
    };
    let title = truncate(
        &format!(" {} ", lang.pick("상세", "Detail")),
        areas.detail.width.saturating_sub(2) as usize,
    )
    .into_owned();
    let focused = app.focus() == Focus::Detail && app.search().is_none();
    let block = pane_block(title, focused, theme)
        .title_bottom(Line::from(Span::styled(position, theme.muted)).right_aligned());
    frame.render_widget(block, areas.detail);
    let link_line = app.detail().link_line;
    let selected = link_line
        .and_then(|l| lines.get(l))
        .filter(|l| l.link.is_some());
    let mut drawn = Vec::new();
    for i in visible {
        let line = &lines[i];
        // A wrapped link is selected on all of its lines.
        let is_selected = focused
            && selected.is_some_and(|selected| {
                line.same_link(selected)
                    && link_line.is_some_and(|s| {
                        i >= s && lines[s..=i].iter().all(|l| l.same_link(selected))
                    })
            });
        let mut styled = styled_line(line, theme, is_selected);
        if app.detail().found == Some(i) {
            styled = mark_match(styled, app.needle().unwrap_or_default(), theme);
        }
        drawn.push(styled);
    }
    if lines.is_empty() {
        drawn.push(Line::from(Span::styled(
            lang.pick("(선택된 항목 없음)", "(nothing selected)"),
            theme.muted,
        )));
    }
    frame.render_widget(Paragraph::new(drawn), inner);
}

/// The found line with what the search matched in the highlight style, or — when the
/// match runs on into the next line — the whole line.
fn mark_match<'a>(line: Line<'a>, needle: &str, theme: &Theme) -> Line<'a> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let Some((start, end)) = found::char_range(&text, needle) else {
        return line.patch_style(theme.highlight);
    };
    let mut spans = Vec::new();
    let mut at = 0;
    for span in line.spans {
        let chars: Vec<char> = span.content.chars().collect();
        let (from, to) = (at, at + chars.len());
        at = to;
        let cut = |a: usize, b: usize| chars[a - from..b - from].iter().collect::<String>();
        let (lo, hi) = (start.clamp(from, to), end.clamp(from, to));
        if lo == hi {
            spans.push(span);
            continue;
        }
        if lo > from {
            spans.push(Span::styled(cut(from, lo), span.style));
        }
        spans.push(Span::styled(cut(lo, hi), span.style.patch(theme.highlight)));
        if hi < to {
            spans.push(Span::styled(cut(hi, to), span.style));
        }
    }
    Line::from(spans).style(line.style)
}

/// A detail line with its semantic tags mapped to the theme.
pub fn styled_line<'a>(line: &DetailLine, theme: &Theme, selected: bool) -> Line<'a> {
    let spans: Vec<Span> = line
        .pieces
        .iter()
        .map(|p| {
            let style = match p.tag {
                Tag::Plain => theme.base,
                Tag::Title => theme.title,
                Tag::Heading => theme.heading,
                Tag::Muted => theme.muted,
                Tag::Label => theme.muted,
                Tag::Value => theme.title,
                Tag::Link if selected => theme.link_selected,
                Tag::Link => theme.link,
                Tag::Strength(RoleStrength::Strong) => theme.strong,
                Tag::Strength(RoleStrength::Medium) => theme.base,
                Tag::Strength(RoleStrength::Weak) => theme.weak,
            };
            Span::styled(p.text.clone(), style)
        })
        .collect();
    let mut line = Line::from(spans);
    if selected {
        line = line.style(theme.link_selected);
    }
    line
}
