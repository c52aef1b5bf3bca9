//! The compare view: two to four cases side by side. The comparison is made once, when
//! the view opens (and again when the language or the collection changes), never per
//! frame; the renderer and the scroll both read [`CompareView::lines`].
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
    scroll: Scroll,
}

impl CompareView {
    pub fn new(index: &Index, cases: Vec<usize>, lang: Lang) -> CompareView {
        let ids: Vec<&str> = cases.iter().map(|&c| index.item(c).id.as_str()).collect();
        let comparison = crate::compare::compare(index, &ids, lang);
        let lines = comparison.as_ref().map(body_lines).unwrap_or_default();
        CompareView {
            cases,
            lang,
            comparison,
            scroll: Scroll::new(lines.len(), 0),
            lines,
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

    /// Rebuilt for another language; the window is `page` lines.
    pub(super) fn sync(&mut self, index: &Index, lang: Lang, page: usize) {
        if lang != self.lang {
            let top = self.scroll.top();
            *self = CompareView::new(index, std::mem::take(&mut self.cases), lang);
            self.scroll.resize(self.lines.len(), page);
            self.scroll.by(top as isize);
        }
        self.scroll.resize(self.lines.len(), page);
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
        if let View::Compare(view) = &mut self.view {
            scroll_by(&mut view.scroll, &action);
        }
    }
}
