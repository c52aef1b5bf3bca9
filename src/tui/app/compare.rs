//! The compare view: two to four cases side by side. The comparison is made once, when
//! the view opens (and again when the language or the collection changes), never per
//! frame; the renderer and the scroll both read [`CompareView::lines`]. A cursor rests
//! on one row (`y` copies it); the scroll keeps it in view.
//!
//! Depends on the app's state (`super`), `compare` and `index`.

use super::scroll::Scroll;
use super::{movement, App, View};
use crate::compare::{CompareError, CompareSection, Comparison};
use crate::index::Index;
use crate::model::Lang;
use crate::tui::action::Action;

/// One line of the compare view's body (below the header of case names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareLine {
    /// A section heading.
    Section(CompareSection),
    /// The comparison's row with this index.
    Row(usize),
}

/// The compared cases, their comparison in one language, and the scroll through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareView {
    cases: Vec<usize>,
    lang: Lang,
    comparison: Result<Comparison, CompareError>,
    lines: Vec<CompareLine>,
    /// The line the cursor is on: always a row, when there is one.
    cursor: usize,
    scroll: Scroll,
}

impl CompareView {
    pub fn new(index: &Index, cases: Vec<usize>, lang: Lang) -> CompareView {
        let ids: Vec<&str> = cases.iter().map(|&c| index.item(c).id.as_str()).collect();
        let comparison = crate::compare::compare(index, &ids, lang);
        let lines = comparison.as_ref().map(body_lines).unwrap_or_default();
        let cursor = first_row(&lines, 0, true).unwrap_or(0);
        CompareView {
            cases,
            lang,
            comparison,
            scroll: Scroll::new(lines.len(), 0),
            lines,
            cursor,
        }
    }

    /// The compared cases, by item position, in the order they were marked.
    pub fn cases(&self) -> &[usize] {
        &self.cases
    }

    pub fn comparison(&self) -> Result<&Comparison, &CompareError> {
        self.comparison.as_ref()
    }

    /// The body, one entry per screen line.
    pub fn lines(&self) -> &[CompareLine] {
        &self.lines
    }

    pub fn scroll(&self) -> Scroll {
        self.scroll
    }

    /// The body line the cursor is on.
    pub fn cursor_line(&self) -> usize {
        self.cursor
    }

    /// The comparison's row under the cursor.
    pub fn selected_row(&self) -> Option<usize> {
        match self.lines.get(self.cursor)? {
            CompareLine::Row(i) => Some(*i),
            CompareLine::Section(_) => None,
        }
    }

    /// Rebuilt for another language; the window is `page` lines, the cursor in view.
    pub(super) fn sync(&mut self, index: &Index, lang: Lang, page: usize) {
        if lang != self.lang {
            let (top, cursor) = (self.scroll.top(), self.cursor);
            *self = CompareView::new(index, std::mem::take(&mut self.cases), lang);
            self.scroll.resize(self.lines.len(), page);
            self.scroll.by(top as isize);
            self.cursor = cursor.min(self.lines.len().saturating_sub(1));
        }
        self.scroll.resize(self.lines.len(), page);
        self.scroll.reveal(self.cursor);
    }

    /// Moves the cursor `delta` rows (section headings are passed over).
    fn move_cursor(&mut self, delta: isize) {
        let last = self.lines.len().saturating_sub(1);
        let target = self.cursor.saturating_add_signed(delta).min(last);
        let forward = delta > 0;
        self.cursor = first_row(&self.lines, target, forward)
            .or_else(|| first_row(&self.lines, target, !forward))
            .unwrap_or(self.cursor);
        // A heading just above the first row of its section comes into view with it.
        if let Some(heading) = self.cursor.checked_sub(1) {
            self.scroll.reveal(heading);
        }
        self.scroll.reveal(self.cursor);
    }
}

/// The nearest row line from `from`, looking forward or back.
fn first_row(lines: &[CompareLine], from: usize, forward: bool) -> Option<usize> {
    let is_row = |i: &usize| matches!(lines.get(*i), Some(CompareLine::Row(_)));
    if forward {
        (from..lines.len()).find(is_row)
    } else {
        (0..=from.min(lines.len().saturating_sub(1)))
            .rev()
            .find(is_row)
    }
}

/// A heading before each section's first row, then the rows.
fn body_lines(comparison: &Comparison) -> Vec<CompareLine> {
    let mut lines = Vec::new();
    let mut last_section = None;
    for (i, row) in comparison.rows.iter().enumerate() {
        if last_section != Some(row.section) {
            last_section = Some(row.section);
            lines.push(CompareLine::Section(row.section));
        }
        lines.push(CompareLine::Row(i));
    }
    lines
}

impl App {
    pub(super) fn show_compare(&mut self, cases: Vec<usize>) {
        self.view = View::Compare(CompareView::new(&self.index, cases, self.lang));
    }

    pub(super) fn update_compare(&mut self, action: Action) {
        let View::Compare(view) = &mut self.view else {
            return;
        };
        if let Action::Scroll { delta, .. } = action {
            // The wheel scrolls; the cursor stays on a row in view.
            view.scroll.by(delta as isize * 3);
            if !view.scroll.shows(view.cursor) {
                let top = view.scroll.top();
                view.cursor = first_row(&view.lines, top, true).unwrap_or(view.cursor);
            }
            return;
        }
        if let Some(delta) = movement(&action, view.scroll.page()) {
            view.move_cursor(delta);
        }
    }
}
