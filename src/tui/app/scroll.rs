//! Positions that must stay inside their content: [`Scroll`] for a run of lines seen
//! through a window, [`ListCursor`] for a list with a selected row.
//!
//! Every view scrolls through these, and every change goes through a method that clamps,
//! so no view can scroll past its end or keep a selection past its last row. The content
//! length always comes from the same line builder the renderer draws from.
//!
//! Depends on nothing.

use std::ops::Range;

/// A window of `page` lines over `len` lines of content, starting at `top`.
///
/// `top` never passes [`Scroll::max_top`]: the last page is always full when the content
/// is longer than the window, and a window larger than its content never scrolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scroll {
    top: usize,
    len: usize,
    page: usize,
}

impl Scroll {
    /// A window of `page` lines at the start of `len` lines.
    pub fn new(len: usize, page: usize) -> Scroll {
        Scroll { top: 0, len, page }
    }

    /// The first line in view.
    pub fn top(&self) -> usize {
        self.top
    }

    /// How many lines the content has.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many lines the window shows.
    pub fn page(&self) -> usize {
        self.page
    }

    /// The largest `top`: the one that shows the last line at the bottom of the window.
    pub fn max_top(&self) -> usize {
        self.len.saturating_sub(self.page.max(1))
    }

    /// The lines in view.
    pub fn visible(&self) -> Range<usize> {
        self.top..(self.top + self.page).min(self.len)
    }

    /// Whether `line` is in view.
    pub fn shows(&self, line: usize) -> bool {
        self.visible().contains(&line)
    }

    /// New content or a new window size; the position is kept where it still fits.
    pub fn resize(&mut self, len: usize, page: usize) {
        self.len = len;
        self.page = page;
        self.top = self.top.min(self.max_top());
    }

    /// Moves by `delta` lines, stopping at either end.
    pub fn by(&mut self, delta: isize) {
        self.top = self.top.saturating_add_signed(delta).min(self.max_top());
    }

    /// Moves by `pages` windows.
    pub fn by_pages(&mut self, pages: isize) {
        self.by(pages.saturating_mul(self.page.max(1) as isize));
    }

    pub fn to_start(&mut self) {
        self.top = 0;
    }

    pub fn to_end(&mut self) {
        self.top = self.max_top();
    }

    /// Scrolls the least that brings `line` into view.
    pub fn reveal(&mut self, line: usize) {
        let page = self.page.max(1);
        if line < self.top {
            self.top = line;
        } else if line >= self.top + page {
            self.top = line + 1 - page;
        }
        self.top = self.top.min(self.max_top());
    }

    /// Puts `line` in the middle of the window, as far as the content allows.
    pub fn center(&mut self, line: usize) {
        self.top = line.saturating_sub(self.page / 2).min(self.max_top());
    }
}

/// The selected row of a list and the first row in view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

impl ListCursor {
    /// Moves to `selected` (clamped to `len`) and scrolls so it stays within `height` rows.
    pub fn select(&mut self, selected: usize, len: usize, height: usize) {
        self.selected = if len == 0 { 0 } else { selected.min(len - 1) };
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// Moves by `delta` rows, stopping at either end.
    pub fn moved(&mut self, delta: isize, len: usize, height: usize) {
        let target = self
            .selected
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
        self.select(target, len, height);
    }

    /// Keeps the selection inside `len` rows and in view of `height` rows.
    pub fn clamp(&mut self, len: usize, height: usize) {
        let selected = self.selected;
        self.select(selected, len, height);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stops_at_the_last_full_page() {
        let mut s = Scroll::new(50, 20);
        s.by_pages(40);
        assert_eq!(s.top(), 30);
        // One page up from the end moves at once: nothing was banked past the end.
        s.by_pages(-1);
        assert_eq!(s.top(), 10);
        s.by(-100);
        assert_eq!(s.top(), 0);
    }

    #[test]
    fn content_shorter_than_the_window_never_scrolls() {
        let mut s = Scroll::new(5, 20);
        s.to_end();
        s.by(3);
        assert_eq!(s.top(), 0);
        assert_eq!(s.visible(), 0..5);
    }

    #[test]
    fn shrinking_content_pulls_the_window_back() {
        let mut s = Scroll::new(100, 10);
        s.to_end();
        s.resize(12, 10);
        assert_eq!(s.top(), 2);
        s.resize(0, 0);
        assert_eq!(s.top(), 0);
    }

    #[test]
    fn reveal_and_center_keep_the_line_in_view() {
        let mut s = Scroll::new(100, 10);
        s.reveal(42);
        assert!(s.shows(42));
        assert_eq!(s.top(), 33);
        s.center(95);
        assert_eq!(s.top(), 90);
        assert!(s.shows(95));
    }

    #[test]
    fn a_list_cursor_stays_on_a_row() {
        let mut c = ListCursor::default();
        c.moved(1000, 24, 10);
        assert_eq!((c.selected, c.offset), (23, 14));
        c.clamp(5, 10);
        assert_eq!((c.selected, c.offset), (4, 0));
        c.clamp(0, 10);
        assert_eq!((c.selected, c.offset), (0, 0));
    }
}
