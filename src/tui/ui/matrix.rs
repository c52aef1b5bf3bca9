//! The role matrix view: cases × VP / SO / SS grouped by type, every role tied for a
//! case's weakest marked (as `crate::matrix` decides), the cursor's case and role highlighted, and the legend.
//!
//! Depends on the app's state (read only), `matrix`, `model`, `report`, `text` and `theme`.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::open_view;
use crate::matrix::{self, MatrixCase, WEAKEST_MARK};
use crate::model::RoleStrength;
use crate::text::{one_line, pad, truncate};
use crate::tui::app::{App, MatrixLine, MatrixView};
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, view: &MatrixView) {
    let lang = app.lang();
    let index = app.index();
    let inner = open_view(
        frame,
        theme,
        area,
        &format!(
            "{} — {WEAKEST_MARK} {}",
            lang.pick("역할 강도 매트릭스", "Role matrix"),
            lang.pick("가장 약한 역할(보강 대상)", "weakest roles (to reinforce)"),
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
            pad(&matrix::role_heading(index, role, lang), cell_w + 1),
            theme.title,
        ));
    }
    let selected_case = view.selected_case();
    let mut lines = vec![Line::from(header)];
    for line in &view.lines()[view.scroll().visible()] {
        match line {
            MatrixLine::Group(t) => lines.push(Line::from(Span::styled(
                truncate(&one_line(index.item(*t).name.get(lang)), room).into_owned(),
                theme.heading,
            ))),
            MatrixLine::Case(
                case @ MatrixCase {
                    item, strengths, ..
                },
            ) => {
                let selected_row = selected_case == Some(*item);
                let name_style = if selected_row {
                    theme.title
                } else {
                    theme.base
                };
                let marker = if selected_row { "▶" } else { " " };
                let mut spans = vec![Span::styled(
                    pad(
                        &format!("{marker}{}", one_line(index.item(*item).name.get(lang))),
                        name_w + 1,
                    ),
                    name_style,
                )];
                for (column, strength) in strengths.iter().enumerate() {
                    let mut cell = strength
                        .map(|s| crate::report::strength_text(s, lang))
                        .unwrap_or_else(|| "—".into());
                    if case.is_weakest(column) {
                        cell.push(' ');
                        cell.push_str(WEAKEST_MARK);
                    }
                    let style = if selected_row && column == view.column() {
                        theme.selected
                    } else {
                        match strength {
                            Some(RoleStrength::Strong) => theme.strong,
                            Some(RoleStrength::Weak) => theme.weak,
                            _ => theme.base,
                        }
                    };
                    spans.push(Span::styled(pad(&cell, cell_w), style));
                    spans.push(Span::raw(" "));
                }
                lines.push(Line::from(spans));
            }
        }
    }
    // The legend, then the note that the figure's row labels are our reading: each on its
    // own line, so neither is cut at the widths a meeting room has.
    let note = lang.pick(
        "보고서 그림의 행 이름은 casebook의 판독 (개념: 역할 비중 비교)",
        "the figure's row labels are casebook's reading",
    );
    lines.push(Line::default());
    for text in [matrix::legend(lang), note] {
        lines.push(Line::from(Span::styled(
            truncate(text, room).into_owned(),
            theme.muted,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
