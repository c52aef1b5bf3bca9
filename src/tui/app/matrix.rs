//! The role matrix view: cases × vision provider / system organizer / specialized
//! supplier, grouped by cluster type, with a cursor on one case and one role; Enter
//! opens the case at that role.
//!
//! Depends on the app's state (`super`), `index` and `matrix` (the model).

use super::scroll::Scroll;
use super::{movement, App, View};
use crate::index::Index;
use crate::matrix::{self, MatrixLine};
use crate::tui::action::Action;

/// The matrix's lines, the cursor (the `row`-th case, the `column`-th role) and the
/// scroll that keeps the cursor in view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixView {
    row: usize,
    column: usize,
    lines: Vec<MatrixLine>,
    /// The line of each case, in order.
    case_lines: Vec<usize>,
    scroll: Scroll,
}

impl MatrixView {
    pub fn new(index: &Index) -> MatrixView {
        let lines = matrix::lines(index);
        let case_lines = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l, MatrixLine::Case(_)))
            .map(|(i, _)| i)
            .collect();
        MatrixView {
            row: 0,
            column: 0,
            scroll: Scroll::new(lines.len(), 0),
            lines,
            case_lines,
        }
    }

    /// The selected case, counting cases only.
    pub fn row(&self) -> usize {
        self.row
    }

    /// The selected role: 0 VP, 1 SO, 2 SS.
    pub fn column(&self) -> usize {
        self.column
    }

    pub fn lines(&self) -> &[MatrixLine] {
        &self.lines
    }

    pub fn scroll(&self) -> Scroll {
        self.scroll
    }

    /// The selected case's item position.
    pub fn selected_case(&self) -> Option<usize> {
        self.selected().map(|case| case.item)
    }

    /// The selected case's row: its ratings and weakest roles.
    pub fn selected(&self) -> Option<&matrix::MatrixCase> {
        match self.lines.get(*self.case_lines.get(self.row)?)? {
            MatrixLine::Case(case) => Some(case),
            MatrixLine::Group(_) => None,
        }
    }

    /// The window is `page` lines; the cursor sits mid-window where it can.
    pub(super) fn sync(&mut self, page: usize) {
        self.row = self.row.min(self.case_lines.len().saturating_sub(1));
        self.scroll.resize(self.lines.len(), page);
        if let Some(&line) = self.case_lines.get(self.row) {
            self.scroll.center(line);
        }
    }
}

impl App {
    pub(super) fn show_matrix(&mut self) {
        self.view = View::Matrix(MatrixView::new(&self.index));
    }

    pub(super) fn update_matrix(&mut self, action: Action) {
        let View::Matrix(view) = &mut self.view else {
            return;
        };
        match action {
            Action::NextColumn => view.column = (view.column + 1) % 3,
            Action::PreviousColumn => view.column = (view.column + 2) % 3,
            Action::Open => {
                let column = view.column;
                if let Some(case) = view.selected_case() {
                    self.view = View::Browse;
                    self.follow(case);
                    self.select_role_line(crate::index::MATRIX_ROLES[column]);
                }
            }
            ref moving => {
                if let Some(delta) = movement(moving, view.scroll.page()) {
                    let last = view.case_lines.len().saturating_sub(1);
                    view.row = view.row.saturating_add_signed(delta).min(last);
                }
            }
        }
    }

    /// After opening a case from the matrix, put the link cursor on the role's line.
    fn select_role_line(&mut self, role: &str) {
        let Some(role) = self.index.position(role) else {
            return;
        };
        let lines = self.fresh_detail_lines();
        if let Some(line) = lines.iter().position(|l| l.link == Some(role)) {
            self.detail.link_line = Some(line);
            self.detail.scroll.center(line);
        }
    }
}
