//! Rendering: reads [`App`] and draws it; never changes it. One function per part of the
//! screen. All text from files arrives here already made one-line-safe or is passed
//! through [`one_line`], and is truncated by display width before it is drawn, so
//! Hangul never spills past a pane's edge.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::app::{App, Focus, MatrixLine, Overlay, Pane, ResultRow, TimelineLine, View};
use super::detail::{DetailLine, Tag};
use super::keys::{self, Context};
use super::layout::{self, Areas, MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;
use crate::matrix::{self, MatrixCase, WEAKEST_MARK};
use crate::model::{Item, Kind, Lang, RoleStrength};
use crate::text::{one_line, pad, truncate, width};

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let areas = app.areas();
    frame.render_widget(Block::new().style(theme.base), areas.screen);
    if areas.too_small {
        render_too_small(frame, app, theme, areas.screen);
        return;
    }
    let main = Rect::new(0, 1, areas.screen.width, areas.screen.height - 2);
    match &app.view {
        View::Presenter { scroll } => render_presenter(frame, app, theme, areas.screen, *scroll),
        View::Compare { cases, scroll } => {
            render_tabs(frame, app, theme, &areas);
            render_compare(frame, app, theme, main, cases, *scroll);
        }
        View::Matrix { row, column } => {
            render_tabs(frame, app, theme, &areas);
            render_matrix(frame, app, theme, main, *row, *column);
        }
        View::Timeline { entry } => {
            render_tabs(frame, app, theme, &areas);
            render_timeline(frame, app, theme, main, *entry);
        }
        View::Browse => {
            render_tabs(frame, app, theme, &areas);
            if app.search.is_some() {
                render_search(frame, app, theme, &areas);
            } else {
                render_list(frame, app, theme, &areas);
            }
            render_detail(frame, app, theme, &areas);
        }
    }
    if !matches!(app.view, View::Presenter { .. }) {
        render_status(frame, app, theme, areas.status);
    }
    match app.overlay {
        Some(Overlay::Help { scroll }) => render_help(frame, app, theme, areas.screen, scroll),
        Some(Overlay::Errors { scroll }) => render_errors(frame, app, theme, areas.screen, scroll),
        None => {}
    }
}

fn render_too_small(frame: &mut Frame, app: &App, theme: &Theme, screen: Rect) {
    let (w, h) = app.size;
    let message = match app.lang {
        Lang::Ko => format!("창을 {MIN_WIDTH}×{MIN_HEIGHT} 이상으로 키워 주세요 (지금 {w}×{h})"),
        Lang::En => format!("Make the window at least {MIN_WIDTH}×{MIN_HEIGHT} (now {w}×{h})"),
    };
    let line = truncate(&message, screen.width as usize).into_owned();
    frame.render_widget(
        Paragraph::new(Span::styled(line, theme.warning)),
        Rect::new(0, 0, screen.width, 1.min(screen.height)),
    );
}

fn render_tabs(frame: &mut Frame, app: &App, theme: &Theme, areas: &Areas) {
    let current = Pane::ALL.iter().position(|p| *p == app.pane).unwrap_or(0);
    let mut spans = vec![Span::raw(" ")];
    for (i, (label, _)) in layout::tabs(app.lang).into_iter().enumerate() {
        let style = if i == current && app.search.is_none() {
            theme.selected
        } else {
            theme.muted
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let brand = " casebook ";
    if used + width(brand) < areas.tabs.width as usize {
        spans.push(Span::raw(
            " ".repeat(areas.tabs.width as usize - used - width(brand)),
        ));
        spans.push(Span::styled(brand, theme.title));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), areas.tabs);
}

fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Span::styled(title, theme.title))
}

fn render_list(frame: &mut Frame, app: &App, theme: &Theme, areas: &Areas) {
    let items = app.list_items(app.pane);
    let total: usize = app
        .pane
        .kinds()
        .iter()
        .map(|&k| app.index.of_kind(k).len())
        .sum();
    let count = if items.len() == total {
        format!("{total}")
    } else {
        format!("{}/{total}", items.len())
    };
    let title = truncate(
        &format!(" {} {count} ", app.pane.title(app.lang)),
        areas.list.width.saturating_sub(2) as usize,
    )
    .into_owned();
    frame.render_widget(
        pane_block(title, app.focus == Focus::List, theme),
        areas.list,
    );
    let rows = areas.list_rows;
    let cursor = app.cursor();
    let row_width = rows.width as usize;
    let mut lines = Vec::new();
    for (row, &item) in items
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(rows.height as usize)
    {
        let selected = row == cursor.selected && app.pinned.is_none();
        let item = app.index.item(item);
        let text = list_row_text(app, item, row_width.saturating_sub(2));
        let marker = if selected { "▶ " } else { "  " };
        let style = if selected { theme.selected } else { theme.base };
        lines.push(Line::from(vec![
            Span::styled(marker, style),
            Span::styled(text, style),
        ]));
    }
    if items.is_empty() {
        let empty = app.lang.pick(
            "(없음 — x 키로 필터 해제)",
            "(none — press x to clear filters)",
        );
        lines.push(Line::from(Span::styled(
            truncate(empty, row_width).into_owned(),
            theme.muted,
        )));
    }
    frame.render_widget(Paragraph::new(lines), rows);
}

/// One list row: for cases name, country, type and status in columns, as width allows.
fn list_row_text(app: &App, item: &Item, room: usize) -> String {
    let lang = app.lang;
    let name = one_line(item.name.get(lang));
    let Some(case) = item.case() else {
        let extra = match (&item.details, item.kind) {
            (crate::model::Details::Role { abbr: Some(a), .. }, _) => format!(" ({a})"),
            (_, Kind::Type | Kind::Strategy | Kind::Concept) if app.pane == Pane::Reference => {
                return pad(&format!("{} {name}", kind_tag(item.kind, lang)), room);
            }
            _ => String::new(),
        };
        return pad(&format!("{name}{extra}"), room);
    };
    let country = one_line(case.country.get(lang));
    let cluster_type = one_line(app.index.name_of(&case.cluster_type, lang));
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

fn render_search(frame: &mut Frame, app: &App, theme: &Theme, areas: &Areas) {
    let Some(search) = &app.search else { return };
    let status = if search.is_waiting() {
        app.lang.pick("찾는 중…", "searching…").to_string()
    } else {
        format!("{} {}", search.total, app.lang.pick("건", "found"))
    };
    let title = truncate(
        &format!(" {} · {status} ", app.lang.pick("검색", "Search")),
        areas.list.width.saturating_sub(2) as usize,
    )
    .into_owned();
    frame.render_widget(pane_block(title, true, theme), areas.list);

    // The input, scrolled so the caret is always visible.
    let input_area = areas.search_input;
    let prompt = "/ ";
    let room = (input_area.width as usize).saturating_sub(width(prompt) + 1);
    let chars: Vec<char> = search.input.chars().collect();
    let mut start = 0;
    while width(
        &chars[start..search.caret.min(chars.len())]
            .iter()
            .collect::<String>(),
    ) > room
    {
        start += 1;
    }
    let visible: String = chars[start..].iter().collect();
    let visible = one_line(&visible);
    let shown = truncate_plain(&visible, room);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(prompt, theme.heading),
            Span::raw(shown),
        ])),
        input_area,
    );
    let before: String = chars[start..search.caret.min(chars.len())].iter().collect();
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
    let mut lines = Vec::new();
    for (i, result) in search
        .results
        .iter()
        .enumerate()
        .skip(search.cursor.offset)
        .take(rows.height as usize)
    {
        lines.push(result_line(
            app,
            theme,
            result,
            i == search.cursor.selected,
            rows.width as usize,
        ));
    }
    if search.results.is_empty() && !search.is_waiting() {
        let hint = app.lang.pick("일치하는 항목이 없습니다", "nothing matches");
        lines.push(Line::from(Span::styled(hint, theme.muted)));
    }
    frame.render_widget(Paragraph::new(lines), rows);
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
    let lang = app.lang;
    let item = app.index.item(result.item);
    let base = if selected { theme.selected } else { theme.base };
    let marker = if selected { "▶" } else { " " };
    let badge = format!("{} ", pad(item.kind.label(lang), 8));
    let mut spans = vec![
        Span::styled(marker, base),
        Span::styled(badge.clone(), theme.badge),
        Span::styled(" ", base),
    ];
    let mut left = room.saturating_sub(1 + width(&badge) + 1);
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

fn render_detail(frame: &mut Frame, app: &App, theme: &Theme, areas: &Areas) {
    let lines = app.detail_lines();
    let inner = areas.detail_inner;
    let page = inner.height as usize;
    let scroll = app.detail.scroll.min(lines.len().saturating_sub(1));
    let position = if lines.len() > page {
        format!(
            " {}–{}/{} ",
            scroll + 1,
            (scroll + page).min(lines.len()),
            lines.len()
        )
    } else {
        String::new()
    };
    let title = truncate(
        &format!(" {} ", app.lang.pick("상세", "Detail")),
        areas.detail.width.saturating_sub(2) as usize,
    )
    .into_owned();
    let block = pane_block(
        title,
        app.focus == Focus::Detail && app.search.is_none(),
        theme,
    )
    .title_bottom(Line::from(Span::styled(position, theme.muted)).right_aligned());
    frame.render_widget(block, areas.detail);
    let selected_link = app
        .detail
        .link_line
        .and_then(|l| lines.get(l))
        .and_then(|l| l.link);
    let selected_start = app.detail.link_line;
    let show_selection = app.focus == Focus::Detail && app.search.is_none();
    let mut drawn = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(scroll).take(page) {
        // A wrapped link is selected on all of its lines.
        let is_selected = show_selection
            && selected_link.is_some()
            && line.link == selected_link
            && selected_start
                .is_some_and(|s| i >= s && lines[s..=i].iter().all(|l| l.link == selected_link));
        drawn.push(detail_line(line, theme, is_selected));
    }
    if lines.is_empty() {
        drawn.push(Line::from(Span::styled(
            app.lang.pick("(선택된 항목 없음)", "(nothing selected)"),
            theme.muted,
        )));
    }
    frame.render_widget(Paragraph::new(drawn), inner);
}

fn detail_line<'a>(line: &DetailLine, theme: &Theme, selected: bool) -> Line<'a> {
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

fn render_status(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang;
    let mut left = Vec::new();
    let cases = app.index.of_kind(Kind::Case).len();
    left.push(format!("{} {cases}", lang.pick("사례", "cases")));
    if let Some(t) = &app.filter.cluster_type {
        left.push(format!(
            "{}={}",
            lang.pick("유형", "type"),
            one_line(app.index.name_of(t, lang))
        ));
    }
    if let Some(c) = &app.filter.country {
        let shown = app
            .index
            .of_kind(Kind::Case)
            .iter()
            .filter_map(|&i| app.index.item(i).case())
            .find(|case| &case.country.en == c)
            .map_or(c.as_str(), |case| case.country.get(lang));
        left.push(format!(
            "{}={}",
            lang.pick("국가", "country"),
            one_line(shown)
        ));
    }
    if let Some(s) = app.filter.status {
        left.push(format!("{}={}", lang.pick("상태", "status"), s.label(lang)));
    }
    let mut spans = vec![Span::styled(
        format!(" {} ", left.join(" · ")),
        theme.status,
    )];
    if !app.index.diagnostics.is_empty() {
        let skipped = app.index.skipped_files.len();
        let problems = app.index.diagnostics.len();
        let warning = match lang {
            Lang::Ko => format!(" ⚠ 파일 {skipped}개 건너뜀, 문제 {problems}건 — e 키 "),
            Lang::En => format!(
                " ⚠ {skipped} {}, {problems} {} — press e ",
                if skipped == 1 {
                    "file skipped"
                } else {
                    "files skipped"
                },
                if problems == 1 { "problem" } else { "problems" }
            ),
        };
        spans.push(Span::styled(warning, theme.warning));
    }
    if !app.marked.is_empty() {
        let marked = match lang {
            Lang::Ko => format!(" 비교 표시 {} ", app.marked.len()),
            Lang::En => format!(" marked {} ", app.marked.len()),
        };
        spans.push(Span::styled(marked, theme.heading));
    }
    if let Some(notice) = &app.notice {
        spans.push(Span::styled(
            format!(" {} ", one_line(notice)),
            theme.heading,
        ));
    }
    let hints = match (&app.view, app.search.is_some(), lang) {
        (_, true, Lang::Ko) => " Enter 이동 · Esc 닫기 · ↑↓ 선택 ",
        (_, true, Lang::En) => " Enter go · Esc close · ↑↓ select ",
        (View::Matrix { .. }, _, Lang::Ko) => {
            " ↑↓ 사례 · Tab 역할 · Enter 열기 · y 복사 · Esc 닫기 "
        }
        (View::Matrix { .. }, _, Lang::En) => {
            " ↑↓ case · Tab role · Enter open · y copy · Esc close "
        }
        (View::Timeline { .. }, _, Lang::Ko) => " ↑↓ 항목 · Enter 열기 · y 복사 · Esc 닫기 ",
        (View::Timeline { .. }, _, Lang::En) => " ↑↓ entry · Enter open · y copy · Esc close ",
        (View::Compare { .. }, _, Lang::Ko) => " ↑↓ 스크롤 · y 복사 · Esc 닫기 ",
        (View::Compare { .. }, _, Lang::En) => " ↑↓ scroll · y copy · Esc close ",
        (_, false, Lang::Ko) => " / 검색 · Enter 열기 · ⌫ 뒤로 · ? 도움말 · q 종료 ",
        (_, false, Lang::En) => " / search · Enter open · ⌫ back · ? help · q quit ",
    };
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = area.width as usize;
    if used + width(hints) <= room {
        spans.push(Span::styled(
            " ".repeat(room - used - width(hints)),
            theme.status,
        ));
        spans.push(Span::styled(hints, theme.status));
    }
    let line = clip_spans(spans, room);
    frame.render_widget(Paragraph::new(line).style(theme.status), area);
}

/// Cuts a line of spans to `room` columns, with an ellipsis where it was cut.
fn clip_spans(spans: Vec<Span<'_>>, room: usize) -> Line<'_> {
    let mut used = 0;
    let mut out = Vec::new();
    for span in spans {
        let w = width(&span.content);
        if used + w <= room {
            used += w;
            out.push(span);
        } else {
            let cut = truncate(&span.content, room - used).into_owned();
            out.push(Span::styled(cut, span.style));
            break;
        }
    }
    Line::from(out)
}

fn overlay_area(screen: Rect, max_width: u16) -> Rect {
    let w = screen.width.saturating_sub(4).min(max_width);
    let h = screen.height.saturating_sub(2);
    Rect::new((screen.width - w) / 2, 1, w, h)
}

/// Clears a centred box over the screen, draws its frame and title, and returns the
/// area inside it.
fn open_overlay(
    frame: &mut Frame,
    theme: &Theme,
    screen: Rect,
    max_width: u16,
    title: &str,
) -> Rect {
    let area = overlay_area(screen, max_width);
    frame.render_widget(Clear, area);
    let block = pane_block(format!(" {title} "), true, theme).style(theme.base);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

fn render_help(frame: &mut Frame, app: &App, theme: &Theme, screen: Rect, scroll: usize) {
    let lang = app.lang;
    let title = lang.pick(
        "도움말 — ↑↓ 스크롤, Esc 닫기",
        "Help — ↑↓ scroll, Esc close",
    );
    let inner = open_overlay(frame, theme, screen, 76, title);
    let key_w = 24.min(inner.width as usize / 2);
    let mut lines = Vec::new();
    for (context, heading) in [
        (Context::Browse, lang.pick("탐색", "Browsing")),
        (Context::Search, lang.pick("검색 창", "In the search box")),
    ] {
        lines.push(Line::from(Span::styled(heading.to_string(), theme.heading)));
        for binding in keys::BINDINGS.iter().filter(|b| b.context == context) {
            let keys = pad(&keys::key_labels(binding), key_w);
            let help = truncate(
                binding.help(lang),
                (inner.width as usize).saturating_sub(key_w + 2),
            )
            .into_owned();
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys}"), theme.title),
                Span::raw(help),
            ]));
        }
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        truncate(
            lang.pick(
                "마우스: 휠로 스크롤, 클릭으로 선택·링크 이동",
                "Mouse: wheel scrolls, click selects or follows a link",
            ),
            inner.width as usize,
        )
        .into_owned(),
        theme.muted,
    )));
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(inner.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_errors(frame: &mut Frame, app: &App, theme: &Theme, screen: Rect, scroll: usize) {
    let lang = app.lang;
    let title = lang.pick(
        "불러오기 문제 — ↑↓ 스크롤, Esc 닫기",
        "Load problems — ↑↓ scroll, Esc close",
    );
    let inner = open_overlay(frame, theme, screen, 110, title);
    let mut lines = Vec::new();
    if app.index.diagnostics.is_empty() {
        lines.push(Line::from(Span::styled(
            lang.pick("문제 없음", "No problems"),
            theme.muted,
        )));
    }
    for d in &app.index.diagnostics {
        // Display escapes control characters; one_line guards the rest.
        for (i, part) in crate::text::wrap(&one_line(&d.to_string()), inner.width as usize)
            .into_iter()
            .enumerate()
        {
            let style = if i == 0 { theme.base } else { theme.muted };
            lines.push(Line::from(Span::styled(part, style)));
        }
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(inner.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Draws a full-width view's frame and title and returns the area inside it.
fn open_view(frame: &mut Frame, theme: &Theme, area: Rect, title: &str) -> Rect {
    let title = truncate(&format!(" {title} "), area.width.saturating_sub(2) as usize).into_owned();
    let block = pane_block(title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Two to four cases side by side, row by row, with differing rows marked by `≠`.
fn render_compare(
    frame: &mut Frame,
    app: &App,
    theme: &Theme,
    area: Rect,
    cases: &[usize],
    scroll: usize,
) {
    let lang = app.lang;
    let inner = open_view(
        frame,
        theme,
        area,
        lang.pick(
            "사례 비교 — y 복사, Esc 닫기",
            "Compare — y copy, Esc close",
        ),
    );
    let ids: Vec<&str> = cases
        .iter()
        .map(|&c| app.index.item(c).id.as_str())
        .collect();
    let comparison = match crate::compare::compare(&app.index, &ids, lang) {
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
    let mut lines: Vec<Line> = Vec::new();
    let mut header = vec![Span::raw(pad("", label_w + 1))];
    for title in &comparison.titles {
        header.push(Span::styled(
            pad(&one_line(title), cell_w.saturating_sub(1)),
            theme.title,
        ));
        header.push(Span::raw(" "));
    }
    let mut last_section = None;
    let mut body: Vec<Line> = Vec::new();
    for row in &comparison.rows {
        if last_section != Some(row.section) {
            last_section = Some(row.section);
            body.push(Line::from(Span::styled(
                row.section.title(lang),
                theme.heading,
            )));
        }
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
        body.push(Line::from(spans));
    }
    lines.push(Line::from(header));
    let height = inner.height.saturating_sub(1) as usize;
    let scroll = scroll.min(body.len().saturating_sub(height));
    lines.extend(body.into_iter().skip(scroll).take(height));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Cases × VP / SO / SS grouped by type; each case's weakest role carries `◀`.
fn render_matrix(
    frame: &mut Frame,
    app: &App,
    theme: &Theme,
    area: Rect,
    cursor_row: usize,
    cursor_column: usize,
) {
    let lang = app.lang;
    let inner = open_view(
        frame,
        theme,
        area,
        &format!(
            "{} — {WEAKEST_MARK} {}",
            lang.pick("역할 강도 매트릭스", "Role matrix"),
            lang.pick("가장 약한 역할(보강 대상)", "weakest role (to reinforce)"),
        ),
    );
    let room = inner.width as usize;
    let cell_w = 12.min(room / 5).max(4);
    let name_w = room.saturating_sub(3 * (cell_w + 1) + 1).max(4);
    let mut header = vec![Span::styled(
        pad(lang.pick("사례", "Case"), name_w + 1),
        theme.title,
    )];
    for role in crate::index::MATRIX_ROLES {
        header.push(Span::styled(
            pad(&matrix::role_heading(&app.index, role, lang), cell_w + 1),
            theme.title,
        ));
    }
    let mut body: Vec<Line> = Vec::new();
    let mut case_row = 0;
    let mut cursor_line = 0;
    for line in app.matrix_lines() {
        match line {
            MatrixLine::Group(t) => body.push(Line::from(Span::styled(
                truncate(&one_line(app.index.item(t).name.get(lang)), room).into_owned(),
                theme.heading,
            ))),
            MatrixLine::Case(MatrixCase {
                item,
                strengths,
                weakest,
            }) => {
                let selected_row = case_row == cursor_row;
                if selected_row {
                    cursor_line = body.len();
                }
                let name_style = if selected_row {
                    theme.title
                } else {
                    theme.base
                };
                let marker = if selected_row { "▶" } else { " " };
                let mut spans = vec![Span::styled(
                    pad(
                        &format!("{marker}{}", one_line(app.index.item(item).name.get(lang))),
                        name_w + 1,
                    ),
                    name_style,
                )];
                for (column, strength) in strengths.iter().enumerate() {
                    let mut cell = strength
                        .map(|s| crate::report::strength_text(s, lang))
                        .unwrap_or_else(|| "—".into());
                    if weakest == Some(column) {
                        cell.push(' ');
                        cell.push_str(WEAKEST_MARK);
                    }
                    let style = if selected_row && column == cursor_column {
                        theme.selected
                    } else {
                        match strength {
                            Some(crate::model::RoleStrength::Strong) => theme.strong,
                            Some(crate::model::RoleStrength::Weak) => theme.weak,
                            _ => theme.base,
                        }
                    };
                    spans.push(Span::styled(pad(&cell, cell_w), style));
                    spans.push(Span::raw(" "));
                }
                body.push(Line::from(spans));
                case_row += 1;
            }
        }
    }
    let legend = format!(
        "{} · {}",
        matrix::legend(lang),
        lang.pick(
            "보고서 그림의 행 이름은 casebook의 판독 (개념: 역할 비중 비교)",
            "the figure's row labels are casebook's reading",
        )
    );
    let height = inner.height.saturating_sub(3) as usize;
    let offset = scroll_for(cursor_line, body.len(), height);
    let mut lines = vec![Line::from(header)];
    lines.extend(body.into_iter().skip(offset).take(height));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        truncate(&legend, room).into_owned(),
        theme.muted,
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The first line to show so that `cursor` sits in view, preferably mid-screen.
fn scroll_for(cursor: usize, len: usize, height: usize) -> usize {
    if len <= height {
        return 0;
    }
    cursor.saturating_sub(height / 2).min(len - height)
}

/// The report's era timeline: each era's policy focus, world and Korean entries.
fn render_timeline(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, cursor: usize) {
    let lang = app.lang;
    let inner = open_view(
        frame,
        theme,
        area,
        lang.pick("시기별 클러스터 연표", "Era timeline of clusters"),
    );
    let room = inner.width as usize;
    let mut body: Vec<Line> = Vec::new();
    let mut target = 0;
    let mut cursor_line = 0;
    for line in app.timeline_lines() {
        match line {
            TimelineLine::Era { label, focus } => {
                if !body.is_empty() {
                    body.push(Line::default());
                }
                let head = format!(
                    "{} — {} {}",
                    one_line(&label),
                    lang.pick("정책의 중심:", "policy focus:"),
                    one_line(&focus)
                );
                body.push(Line::from(Span::styled(
                    truncate(&head, room).into_owned(),
                    theme.heading,
                )));
            }
            TimelineLine::Entry { korea, name, case } => {
                let place = if korea {
                    lang.pick("한국", "Korea")
                } else {
                    lang.pick("세계", "World")
                };
                let selected = case.is_some() && target == cursor;
                if selected {
                    cursor_line = body.len();
                }
                let marker = if selected { "▶ " } else { "  " };
                let arrow = if case.is_some() { " →" } else { "" };
                let text = truncate(
                    &format!("{marker}{} · {}{arrow}", pad(place, 4), one_line(&name)),
                    room,
                )
                .into_owned();
                let style = match (selected, case.is_some()) {
                    (true, _) => theme.link_selected,
                    (false, true) => theme.link,
                    (false, false) => theme.base,
                };
                body.push(Line::from(Span::styled(text, style)));
                if case.is_some() {
                    target += 1;
                }
            }
        }
    }
    if body.is_empty() {
        body.push(Line::from(Span::styled(
            lang.pick("(연표가 없습니다)", "(no timeline in this collection)"),
            theme.muted,
        )));
    }
    let height = inner.height as usize;
    let offset = scroll_for(cursor_line, body.len(), height);
    frame.render_widget(
        Paragraph::new(
            body.into_iter()
                .skip(offset)
                .take(height)
                .collect::<Vec<_>>(),
        ),
        inner,
    );
}

/// One item, full screen, in a wide margin for a projector: no lists, no borders.
fn render_presenter(frame: &mut Frame, app: &App, theme: &Theme, screen: Rect, scroll: usize) {
    let lang = app.lang;
    let Some(item) = app.presented_item() else {
        return;
    };
    let text_width = screen.width.saturating_sub(6).min(100);
    let left = (screen.width - text_width) / 2;
    let area = Rect::new(left, 1, text_width, screen.height.saturating_sub(3));
    let lines = super::detail::lines(&app.index, app.index.item(item), lang, text_width as usize);
    let scroll = scroll.min(lines.len().saturating_sub(area.height as usize));
    let drawn: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(area.height as usize)
        .map(|l| detail_line(l, theme, false))
        .collect();
    frame.render_widget(Paragraph::new(drawn), area);
    let position = app
        .list_items(app.pane)
        .iter()
        .position(|&i| i == item)
        .map(|p| format!("{}/{}", p + 1, app.list_items(app.pane).len()))
        .unwrap_or_default();
    let hint = match (&app.notice, lang) {
        (Some(notice), _) => format!(" {position} · {}", one_line(notice)),
        (None, Lang::Ko) => {
            format!(" {position} · ↑↓ 이전/다음 · PgDn 스크롤 · y 복사 · Esc 나가기 ")
        }
        (None, Lang::En) => {
            format!(" {position} · ↑↓ previous/next · PgDn scroll · y copy · Esc leave ")
        }
    };
    let footer = Rect::new(0, screen.height - 1, screen.width, 1);
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&hint, screen.width as usize).into_owned(),
            theme.muted,
        )),
        footer,
    );
}
