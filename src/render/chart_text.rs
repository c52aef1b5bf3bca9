//! A [`Chart`] as lines of text: horizontal bars of block characters, for places where
//! a chart cannot be drawn with colour — `show`, copies and Markdown, and the explorer
//! under NO_COLOR.
//!
//! ```text
//! 조립-부품업체 간 거리 (Dyer, 1994)
//!   도요타  ████▌                    80 mile
//!   닛산    █████████                160 mile
//!   GM      ███████████████████████  410 mile
//!   ↳ 복득규 외(2002), 삼성경제연구소, Ⅱ-2 ②
//! ```
//!
//! Labels are padded by display width (Hangul is two columns), bar lengths are scaled to
//! the longest value in eighths of a column, a value above zero always shows at least
//! `▏`, and the value beside each bar is the figure as printed — the bar never stands
//! alone. Every text passes through `text::one_line`.
//!
//! Depends on `chart` and `text`.

use crate::chart::{Bar, Chart};
use crate::text::{one_line, pad, width, wrap};

/// Eighths of a column, from one eighth to a full block.
const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/// The bar of `value` out of `max` in `columns` columns, padded with spaces to `columns`.
pub fn bar(value: f64, max: f64, columns: usize) -> String {
    let eighths = if max > 0.0 {
        ((value / max) * (columns * 8) as f64).round() as usize
    } else {
        0
    };
    // Above zero, a bar is never invisible.
    let eighths = if value > 0.0 { eighths.max(1) } else { 0 };
    let mut out = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        out.push(EIGHTHS[eighths % 8 - 1]);
    }
    let used = out.chars().count();
    out.push_str(&" ".repeat(columns.saturating_sub(used)));
    out
}

/// How many columns the bars of `chart` get in a line `room` columns wide after a
/// two-column indent, the labels, and the widest value.
fn bar_columns(chart: &Chart, room: usize) -> (usize, usize) {
    let label_w = chart.bars.iter().map(label_width).max().unwrap_or(0);
    let value_w = chart
        .bars
        .iter()
        .map(|b| width(&one_line(&b.value_text())))
        .max()
        .unwrap_or(0);
    let fixed = 2 + label_w + 2 + 2 + value_w;
    (label_w, room.saturating_sub(fixed).clamp(4, 40))
}

fn label_width(bar: &Bar) -> usize {
    width(&one_line(&bar.label))
}

/// The bar lines of `chart` only, each `  label  bar  value`, for a line `room` wide.
pub fn bar_lines(chart: &Chart, room: usize) -> Vec<String> {
    let (label_w, columns) = bar_columns(chart, room);
    let max = chart.max();
    chart
        .bars
        .iter()
        .map(|b| {
            let line = format!(
                "  {}  {}  {}",
                pad(&one_line(&b.label), label_w),
                bar(b.value, max, columns),
                one_line(&b.value_text())
            );
            line.trim_end().to_string()
        })
        .collect()
}

/// The whole chart: its title, the bars, its note (`※`) and its sources (`↳`), wrapped
/// to `room` columns.
pub fn lines(chart: &Chart, room: usize) -> Vec<String> {
    let mut out = vec![one_line(&chart.title).into_owned()];
    out.extend(bar_lines(chart, room));
    out.extend(after_lines(chart, room));
    out
}

/// The lines under the bars: the note and every source, each wrapped with a hanging
/// indent.
pub fn after_lines(chart: &Chart, room: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut hang = |lead: &str, s: &str| {
        let indent = width(lead);
        for (i, line) in wrap(&one_line(s), room.saturating_sub(indent).max(10))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                lead.to_string()
            } else {
                " ".repeat(indent)
            };
            out.push(format!("{lead}{line}"));
        }
    };
    if let Some(note) = &chart.note {
        hang("  ※ ", note);
    }
    for source in &chart.sources {
        hang("  ↳ ", source);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_longest_in_eighths() {
        assert_eq!(bar(410.0, 410.0, 8), "████████");
        assert_eq!(bar(0.0, 410.0, 4), "    ");
        // 80/410 of 16 columns is 3.12 columns: 25 eighths, three blocks and one eighth.
        assert_eq!(bar(80.0, 410.0, 16), "███▏            ");
        // Tiny but not zero: still visible.
        assert_eq!(bar(1.0, 10_000.0, 10).trim_end(), "▏");
    }

    #[test]
    fn every_bar_line_has_its_label_and_printed_value() {
        let chart = Chart {
            title: "거리".into(),
            note: Some("참고".into()),
            bars: vec![
                Bar {
                    label: "도요타".into(),
                    value: 80.0,
                    printed: "80 mile".into(),
                    year: None,
                },
                Bar {
                    label: "GM".into(),
                    value: 410.0,
                    printed: "410 mile".into(),
                    year: Some(1994),
                },
            ],
            sources: vec!["복득규 외(2002)".into()],
        };
        let lines = lines(&chart, 60);
        assert_eq!(lines[0], "거리");
        assert!(lines[1].starts_with("  도요타  █"), "{lines:?}");
        assert!(lines[1].ends_with("  80 mile"), "{lines:?}");
        assert!(lines[2].starts_with("  GM      █"), "{lines:?}");
        assert!(lines[2].ends_with("410 mile (1994)"), "{lines:?}");
        // The values start in one column.
        let value_at = |line: &str, value: &str| width(&line[..line.find(value).unwrap()]);
        assert_eq!(
            value_at(&lines[1], "80 mile"),
            value_at(&lines[2], "410 mile")
        );
        assert_eq!(lines[3], "  ※ 참고");
        assert_eq!(lines[4], "  ↳ 복득규 외(2002)");
    }
}
