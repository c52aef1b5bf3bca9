//! The status bar: the case count and active filters, load problems, live reload that
//! cannot watch, marks, the last
//! notice, and — right-aligned — the hints of the context keys are read in, generated
//! from the key table.
//!
//! Depends on the app's state (read only), `keymap`, `model`, `text` and `theme`.

use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::clip_spans;
use crate::model::{Kind, Lang};
use crate::text::{one_line, width};
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let index = app.index();
    let filter = app.filter();
    let mut left = Vec::new();
    let cases = index.of_kind(Kind::Case).len();
    left.push(format!("{} {cases}", lang.pick("사례", "cases")));
    if let Some(t) = &filter.cluster_type {
        left.push(format!(
            "{}={}",
            lang.pick("유형", "type"),
            one_line(index.name_of(t, lang))
        ));
    }
    if let Some(c) = &filter.country {
        let shown = index
            .of_kind(Kind::Case)
            .iter()
            .filter_map(|&i| index.item(i).case())
            .find(|case| &case.country.en == c)
            .map_or(c.as_str(), |case| case.country.get(lang));
        left.push(format!(
            "{}={}",
            lang.pick("국가", "country"),
            one_line(shown)
        ));
    }
    if let Some(s) = filter.status {
        left.push(format!("{}={}", lang.pick("상태", "status"), s.label(lang)));
    }
    let mut spans = vec![Span::styled(
        format!(" {} ", left.join(" · ")),
        theme.status,
    )];
    if !index.diagnostics.is_empty() {
        let skipped = index.skipped_files.len();
        let problems = index.diagnostics.len();
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
    if let Some(paused) = app.watch_paused() {
        spans.push(Span::styled(
            format!(" ⚠ {} ", one_line(&paused.describe(lang))),
            theme.warning,
        ));
    }
    if !app.marked().is_empty() {
        let marked = match lang {
            Lang::Ko => format!(" 비교 표시 {} ", app.marked().len()),
            Lang::En => format!(" marked {} ", app.marked().len()),
        };
        spans.push(Span::styled(marked, theme.heading));
    }
    if let Some(notice) = app.notice() {
        spans.push(Span::styled(
            format!(" {} ", one_line(notice)),
            theme.heading,
        ));
    }
    let hints = format!(" {} ", keymap::hints(app.context(), lang));
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = area.width as usize;
    if used + width(&hints) <= room {
        spans.push(Span::styled(
            " ".repeat(room - used - width(&hints)),
            theme.status,
        ));
        spans.push(Span::styled(hints, theme.status));
    }
    let line = clip_spans(spans, room);
    frame.render_widget(Paragraph::new(line).style(theme.status), area);
}
