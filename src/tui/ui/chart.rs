//! The chart view: each chart's title, its bars drawn with ratatui's horizontal
//! `BarChart` — the label on the left, the value as printed on the right, so the number
//! is never only a length — and its note and sources under it. Under NO_COLOR (the
//! monochrome theme) the bars are the text bars of `render::chart_text`, the same as in
//! copies, since a bar of reversed blanks means nothing without colour.
//!
//! The values are drawn beside the bars, not with the widget's own value text, which
//! counts bytes rather than columns and would misplace "7,500人/日".
//!
//! Depends on the app's state (read only), `chart`, `render::chart_text`, `keymap`,
//! `text` and `theme`.

use ratatui::layout::{Direction, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};
use ratatui::Frame;

use super::open_view;
use crate::chart::Chart;
use crate::render::chart_text;
use crate::text::{one_line, pad, truncate, width};
use crate::tui::app::{App, ChartLine, ChartView};
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;

/// The widest the bars get, so a wide window does not stretch them past reading.
const MAX_BAR_COLUMNS: usize = 60;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, view: &ChartView) {
    let lang = app.lang();
    let title = format!(
        "{} · {}",
        one_line(view.title()),
        keymap::title_with_hints(Context::Chart, lang)
    );
    let inner = open_view(frame, theme, area, &title);
    let room = inner.width as usize;
    let text_only = theme.is_monochrome();
    let visible = &view.lines()[view.scroll().visible()];
    let mut row = 0;
    while row < visible.len() {
        let y = inner.y + row as u16;
        let line_area = Rect::new(inner.x, y, inner.width, 1);
        match visible[row] {
            ChartLine::Title { chart, line } => {
                let text = truncate(view.title_line(chart, line), room).into_owned();
                frame.render_widget(Paragraph::new(Span::styled(text, theme.heading)), line_area);
            }
            ChartLine::After { chart, line } => {
                let text = truncate(view.after(chart, line), room).into_owned();
                frame.render_widget(Paragraph::new(Span::styled(text, theme.muted)), line_area);
            }
            ChartLine::Blank => {}
            ChartLine::Bar { chart, bar } => {
                // The run of this chart's bars on screen, drawn as one widget.
                let run = visible[row..]
                    .iter()
                    .take_while(|l| matches!(l, ChartLine::Bar { chart: c, .. } if *c == chart))
                    .count();
                let rows = Rect::new(inner.x, y, inner.width, run as u16);
                let chart = &view.charts()[chart];
                if text_only {
                    text_bars(frame, theme, rows, chart, bar..bar + run);
                } else {
                    bar_chart(frame, theme, rows, chart, bar..bar + run);
                }
                row += run;
                continue;
            }
        }
        row += 1;
    }
}

fn text_bars(
    frame: &mut Frame,
    theme: &Theme,
    area: Rect,
    chart: &Chart,
    bars: std::ops::Range<usize>,
) {
    let lines: Vec<Line> = chart_text::bar_lines(chart, area.width as usize)[bars]
        .iter()
        .map(|l| {
            Line::from(Span::styled(
                truncate(l, area.width as usize).into_owned(),
                theme.base,
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn bar_chart(
    frame: &mut Frame,
    theme: &Theme,
    area: Rect,
    chart: &Chart,
    bars: std::ops::Range<usize>,
) {
    let label_w = chart
        .bars
        .iter()
        .map(|b| width(&one_line(&b.label)))
        .max()
        .unwrap_or(0);
    let value_w = chart
        .bars
        .iter()
        .map(|b| width(&one_line(&b.value_text())))
        .max()
        .unwrap_or(0);
    // Two columns of indent, the labels and a space, the bars, two spaces, the values.
    let room = area.width as usize;
    let bar_w = room
        .saturating_sub(2 + label_w + 1 + 2 + value_w)
        .clamp(1, MAX_BAR_COLUMNS);
    // The widget takes whole numbers: hundredths keep 26.9 against 17.6 true.
    let scaled = |v: f64| (v * 100.0).round() as u64;
    let shown: Vec<Bar> = chart.bars[bars.clone()]
        .iter()
        .map(|b| {
            Bar::default()
                .value(scaled(b.value))
                .label(Line::from(pad(&one_line(&b.label), label_w)))
                .text_value(String::new())
        })
        .collect();
    let chart_area = Rect::new(
        area.x + 2.min(area.width),
        area.y,
        ((label_w + 1 + bar_w) as u16).min(area.width.saturating_sub(2)),
        area.height,
    );
    let widget = BarChart::default()
        .direction(Direction::Horizontal)
        .data(BarGroup::new(shown))
        .max(scaled(chart.max()).max(1))
        .bar_width(1)
        .bar_gap(0)
        .group_gap(0)
        .bar_style(theme.heading)
        .label_style(theme.base);
    frame.render_widget(widget, chart_area);
    let value_x = chart_area.right() + 2;
    if value_x < area.right() {
        let value_area = Rect::new(value_x, area.y, area.right() - value_x, area.height);
        let values: Vec<Line> = chart.bars[bars]
            .iter()
            .map(|b| {
                let text =
                    truncate(&one_line(&b.value_text()), value_area.width as usize).into_owned();
                Line::from(Span::styled(text, theme.title))
            })
            .collect();
        frame.render_widget(Paragraph::new(values), value_area);
    }
}
