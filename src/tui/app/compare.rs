//! The compare view: two to four cases side by side. The comparison is made once, when
//! the view opens (and again when the language or the collection changes), and wrapped
//! to its columns once per width, never per frame: every cell is shown whole, a row
//! taking as many lines as its longest cell. The renderer and the scroll both read
//! [`CompareView::lines`]. A cursor rests on one row (`y` copies it); the scroll keeps it
//! in view.
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
    /// Line `part` of the comparison's row `row`: a row takes as many lines as its
    /// longest cell needs, so every cell is read whole.
    Row { row: usize, part: usize },
}

/// The gutter between two cases' columns: a rule with air on both sides, so the end of
/// one cell never reads as the start of the next.
pub const GUTTER: &str = " │ ";

/// The widths of the label column and of each case's column, for a body `room` columns
/// wide holding `cases` cases: the label gets a fifth (8 to 22 columns) and a space, and
/// the cases share the rest with a [`GUTTER`] between each two.
pub fn column_widths(room: usize, cases: usize) -> (usize, usize) {
    let label = (room / 5).clamp(8, 22);
    let cases = cases.max(1);
    let gutters = (cases - 1) * crate::text::width(GUTTER);
    let cell = (room.saturating_sub(label + 1 + gutters) / cases).max(1);
    (label, cell)
}

/// The compared cases, their comparison in one language, and the scroll through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareView {
    cases: Vec<usize>,
    lang: Lang,
    comparison: Result<Comparison, CompareError>,
    /// The width the rows were wrapped at (0: not yet).
    room: usize,
    /// Each row's label and cells, wrapped to their columns.
    wrapped: Vec<WrappedRow>,
    lines: Vec<CompareLine>,
    /// The first line of the row the cursor is on, when there is a row.
    cursor: usize,
    scroll: Scroll,
}

/// A row's label and cells, each as the lines it takes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WrappedRow {
    pub label: Vec<String>,
    pub cells: Vec<Vec<String>>,
}

impl WrappedRow {
    fn height(&self) -> usize {
        self.cells
            .iter()
            .map(Vec::len)
            .chain([self.label.len()])
            .max()
            .unwrap_or(0)
            .max(1)
    }
}

impl CompareView {
    pub fn new(index: &Index, cases: Vec<usize>, lang: Lang) -> CompareView {
        let ids: Vec<&str> = cases.iter().map(|&c| index.item(c).id.as_str()).collect();
        let comparison = crate::compare::compare(index, &ids, lang);
        let mut view = CompareView {
            cases,
            lang,
            comparison,
            room: 0,
            wrapped: Vec::new(),
            lines: Vec::new(),
            cursor: 0,
            scroll: Scroll::new(0, 0),
        };
        view.wrap(80);
        view.cursor = first_row(&view.lines, 0, true).unwrap_or(0);
        view
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

    /// Row `row`'s label and cells as wrapped for the current width.
    pub fn wrapped(&self, row: usize) -> &WrappedRow {
        &self.wrapped[row]
    }

    pub fn scroll(&self) -> Scroll {
        self.scroll
    }

    /// The body line the cursor is on: the first line of its row.
    pub fn cursor_line(&self) -> usize {
        self.cursor
    }

    /// The comparison's row under the cursor.
    pub fn selected_row(&self) -> Option<usize> {
        match self.lines.get(self.cursor)? {
            CompareLine::Row { row, .. } => Some(*row),
            CompareLine::Section(_) => None,
        }
    }

    /// Moves the cursor `delta` lines' worth of rows (headings and a row's further lines
    /// are passed over), keeping its whole row in view where the window allows.
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
        self.reveal_cursor();
    }

    /// Brings the cursor's row into view: its last line if the window holds the row, and
    /// its first line in any case.
    fn reveal_cursor(&mut self) {
        let height = self
            .selected_row()
            .map_or(1, |row| self.wrapped[row].height());
        if height <= self.scroll.page() {
            self.scroll.reveal(self.cursor + height - 1);
        }
        self.scroll.reveal(self.cursor);
    }

    /// Rebuilt for another language, and wrapped again for another width; the window is
    /// `page` lines of a body `room` columns wide.
    pub(super) fn sync(&mut self, index: &Index, lang: Lang, page: usize, room: usize) {
        let (top, row) = (self.scroll.top(), self.selected_row());
        if lang != self.lang {
            *self = CompareView::new(index, std::mem::take(&mut self.cases), lang);
        }
        if room != self.room {
            self.wrap(room);
        }
        // The cursor stays on its row, wherever the row's lines now start.
        let at = row.and_then(|row| {
            self.lines
                .iter()
                .position(|l| *l == CompareLine::Row { row, part: 0 })
        });
        self.cursor = at.or_else(|| first_row(&self.lines, 0, true)).unwrap_or(0);
        self.scroll.resize(self.lines.len(), page);
        self.scroll.to_start();
        self.scroll.by(top as isize);
        self.reveal_cursor();
    }

    /// Wraps every row to its columns at `room` and lays out the body lines: a heading
    /// before each section's first row, then each row's lines.
    fn wrap(&mut self, room: usize) {
        self.room = room;
        self.wrapped.clear();
        self.lines.clear();
        let Ok(comparison) = &self.comparison else {
            return;
        };
        let (label_w, cell_w) = column_widths(room, comparison.titles.len());
        let mut last_section = None;
        for (i, row) in comparison.rows.iter().enumerate() {
            if last_section != Some(row.section) {
                last_section = Some(row.section);
                self.lines.push(CompareLine::Section(row.section));
            }
            // Two columns of the label go to the `≠ ` mark.
            let wrapped = WrappedRow {
                label: wrap_cell(&row.label, label_w.saturating_sub(2)),
                cells: row.cells.iter().map(|c| wrap_cell(c, cell_w)).collect(),
            };
            for part in 0..wrapped.height() {
                self.lines.push(CompareLine::Row { row: i, part });
            }
            self.wrapped.push(wrapped);
        }
    }
}

/// The nearest first line of a row from `from`, looking forward or back.
fn first_row(lines: &[CompareLine], from: usize, forward: bool) -> Option<usize> {
    let is_row = |i: &usize| matches!(lines.get(*i), Some(CompareLine::Row { part: 0, .. }));
    if forward {
        (from..lines.len()).find(is_row)
    } else {
        (0..=from.min(lines.len().saturating_sub(1)))
            .rev()
            .find(is_row)
    }
}

/// A cell's text on lines at most `width` columns wide (control characters and line
/// breaks of the data already made one line by `one_line`).
fn wrap_cell(text: &str, width: usize) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    crate::text::wrap(&crate::text::one_line(text), width)
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
