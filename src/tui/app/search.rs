//! The search box: its input and caret, the results of the newest query, and the
//! selection among them. The search itself runs elsewhere (a worker thread in the real
//! program, inline in tests): the app leaves a [`SearchRequest`] for the event loop and
//! takes the answer back as [`Action::SearchResults`], ignoring any answer to an older
//! request.
//!
//! Depends on the app's state (`super`) and `search` (for the matched field).

use super::scroll::ListCursor;
use super::App;
use crate::tui::action::Action;

/// One search result as shown: the item, the field that matched and where.
pub type ResultRow = crate::collection::ItemHit;

/// A request for the search worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
}

/// The open search box.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchBox {
    input: String,
    /// The caret, as a char index into `input`.
    caret: usize,
    results: Vec<ResultRow>,
    total: usize,
    cursor: ListCursor,
    /// The generation of the newest request; older results are ignored.
    generation: u64,
    /// The generation the shown results belong to.
    shown_generation: u64,
}

impl SearchBox {
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The caret, as a char index into the input.
    pub fn caret(&self) -> usize {
        self.caret
    }

    pub fn results(&self) -> &[ResultRow] {
        &self.results
    }

    /// How many items match in all (more than are shown when the list is cut).
    pub fn total(&self) -> usize {
        self.total
    }

    pub fn cursor(&self) -> ListCursor {
        self.cursor
    }

    pub fn selected(&self) -> Option<&ResultRow> {
        self.results.get(self.cursor.selected)
    }

    /// Whether the results shown are for an older query than the one in the box.
    pub fn is_waiting(&self) -> bool {
        self.shown_generation != self.generation
    }

    pub(super) fn clear_results(&mut self) {
        self.results.clear();
    }

    pub(super) fn clamp(&mut self, height: usize) {
        self.cursor.clamp(self.results.len(), height);
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.input
            .char_indices()
            .nth(char_index)
            .map_or(self.input.len(), |(b, _)| b)
    }

    fn chars(&self) -> usize {
        self.input.chars().count()
    }

    /// Applies an editing action; whether the input changed.
    fn edit(&mut self, action: &Action) -> bool {
        match *action {
            Action::SearchInsert(c) => {
                let at = self.byte_at(self.caret);
                self.input.insert(at, c);
                self.caret += 1;
                true
            }
            Action::SearchBackspace if self.caret > 0 => {
                let at = self.byte_at(self.caret - 1);
                self.input.remove(at);
                self.caret -= 1;
                true
            }
            Action::SearchDelete if self.caret < self.chars() => {
                let at = self.byte_at(self.caret);
                self.input.remove(at);
                true
            }
            Action::SearchClear => {
                self.input.clear();
                self.caret = 0;
                true
            }
            Action::SearchCaretLeft => {
                self.caret = self.caret.saturating_sub(1);
                false
            }
            Action::SearchCaretRight => {
                self.caret = (self.caret + 1).min(self.chars());
                false
            }
            Action::SearchCaretHome => {
                self.caret = 0;
                false
            }
            Action::SearchCaretEnd => {
                self.caret = self.chars();
                false
            }
            _ => false,
        }
    }
}

impl App {
    pub(super) fn open_search(&mut self) {
        self.search = Some(SearchBox::default());
        self.detail.scroll.to_start();
        self.detail.link_line = None;
        self.request_search();
    }

    pub(super) fn update_search(&mut self, action: Action) {
        let height = self.list_height();
        let rows = self.areas().list_rows;
        let Some(search) = &mut self.search else {
            return;
        };
        let len = search.results.len();
        let mut changed = false;
        match action {
            Action::SelectNext => search.cursor.moved(1, len, height),
            Action::SelectPrevious => search.cursor.moved(-1, len, height),
            Action::PageDown => search.cursor.moved(height as isize, len, height),
            Action::PageUp => search.cursor.moved(-(height as isize), len, height),
            Action::Scroll { delta, .. } => search.cursor.moved(delta as isize, len, height),
            Action::Click { column, row } => {
                if rows.contains((column, row).into()) {
                    let at = search.cursor.offset + (row - rows.y) as usize;
                    search.cursor.select(at, len, height);
                }
            }
            Action::Open => {
                if let Some(item) = search.selected().map(|r| r.item) {
                    self.search = None;
                    self.follow(item);
                }
                return;
            }
            Action::Close => {
                self.search = None;
                self.detail.scroll.to_start();
                self.detail.link_line = None;
                return;
            }
            ref editing => changed = search.edit(editing),
        }
        self.detail.scroll.to_start();
        self.detail.link_line = None;
        if changed {
            self.request_search();
        }
    }

    /// Leaves a request for the query in the box, newer than every one before it.
    pub(super) fn request_search(&mut self) {
        if let Some(search) = &mut self.search {
            self.next_generation += 1;
            search.generation = self.next_generation;
            self.effects.search = Some(super::SearchRequest {
                generation: search.generation,
                query: search.input.clone(),
            });
        }
    }

    /// Shows results for `generation`; results of an older request are dropped.
    pub(super) fn apply_search_results(
        &mut self,
        generation: u64,
        results: Vec<ResultRow>,
        total: usize,
    ) -> bool {
        let height = self.list_height();
        let Some(search) = &mut self.search else {
            return false;
        };
        if generation != search.generation {
            return false;
        }
        search.results = results;
        search.total = total;
        search.shown_generation = generation;
        search.cursor = ListCursor::default();
        search.cursor.select(0, search.results.len(), height);
        self.detail.scroll.to_start();
        self.detail.link_line = None;
        true
    }
}
