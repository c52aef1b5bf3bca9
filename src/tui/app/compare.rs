//! The compare view: two to four cases side by side. The comparison is made once, when
//! the view opens (and again when the language or the collection changes), and wrapped
//! to its columns once per width, never per frame: every cell is shown whole, a row
//! taking as many lines as its longest cell. The renderer and the scroll both read
//! [`CompareView::lines`].
//!
//! Depends on the app's state (`super`), `compare` and `index`.

use super::scroll::Scroll;
use super::{scroll_by, App, View};
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
            scroll: Scroll::new(0, 0),
        };
        view.wrap(80);
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

    /// Rebuilt for another language, and wrapped again for another width; the window is
    /// `page` lines of a body `room` columns wide.
    pub(super) fn sync(&mut self, index: &Index, lang: Lang, page: usize, room: usize) {
        let top = self.scroll.top();
        if lang != self.lang {
            *self = CompareView::new(index, std::mem::take(&mut self.cases), lang);
        }
        if room != self.room {
            self.wrap(room);
        }
        self.scroll.resize(self.lines.len(), page);
        self.scroll.to_start();
        self.scroll.by(top as isize);
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
        if let View::Compare(view) = &mut self.view {
            scroll_by(&mut view.scroll, &action);
        }
    }
}
