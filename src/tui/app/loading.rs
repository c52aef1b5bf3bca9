//! The collection arriving at start: an explorer opened on a folder draws its panes at
//! once ([`App::loading`]) and takes the collection in parts as the loader reads it
//! ([`Action::Loading`](crate::tui::action::Action::Loading), see `super::super::loader`), then whole ([`Action::Loaded`](crate::tui::action::Action::Loaded)).
//!
//! What the user sees while parts arrive:
//!
//! - **The cursor does not jump.** A list whose cursor is on its first row, with the
//!   list in focus, stays at the top as rows arrive above and below (as fzf's does).
//!   Anywhere else the selected item stays selected *on the same screen row*: rows
//!   arriving above it scroll the list, not the cursor (once the list is longer than
//!   its window; a list that fits whole cannot scroll, and there new rows above push
//!   the selection down). The same holds for the pinned
//!   item, the marks and a comparison (by id, as for a live reload).
//! - **Search works over what has arrived.** The query runs again with each part; the
//!   rows shown stay until its answer comes (a partial index keeps every item at its
//!   place, so they still name the same items), and the answer keeps the selected
//!   result. The search pane's title says the results are partial until loading ends.
//! - **Problems come at the end.** Links are checked once every file is in; a partial
//!   index carries no load problems, so the status bar's count and the problems list
//!   (`e`, which says loading is not done yet) appear with the whole collection.
//!
//! Depends on the app's state (`super`), `index` and the explorer's `action`.

use std::sync::Arc;

use super::{App, Focus, ListCursor, Pane};
use crate::index::Index;
use crate::model::Lang;
use crate::tui::action::LoadBatch;

/// How far loading the collection at start has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadProgress {
    /// Files read and parsed.
    pub read: usize,
    /// Files in all, once the folder's walk has ended.
    pub total: Option<usize>,
}

impl LoadProgress {
    /// For the status bar: "불러오는 중 120/10,000 파일", "loading 120/10,000 files";
    /// before the walk has ended, "불러오는 중…", "loading…".
    pub fn describe(&self, lang: Lang) -> String {
        let read = grouped(self.read);
        match (self.total, lang) {
            (None, _) => lang.pick("불러오는 중…", "loading…").to_string(),
            (Some(total), Lang::Ko) => format!("불러오는 중 {read}/{} 파일", grouped(total)),
            (Some(total), Lang::En) => format!("loading {read}/{} files", grouped(total)),
        }
    }
}

/// `n` with a comma between thousands: 10,000.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

impl App {
    /// An explorer whose collection is still to come: empty panes, and the status bar
    /// says it is loading. The collection arrives as [`Action::Loading`](crate::tui::action::Action::Loading) parts and, at
    /// the end, [`Action::Loaded`](crate::tui::action::Action::Loaded).
    pub fn loading(lang: Lang, size: (u16, u16)) -> App {
        let mut app = App::new(Arc::new(Index::default()), lang, size);
        app.loading = Some(LoadProgress::default());
        app
    }

    /// How far loading has got, while the collection is still loading at start.
    pub fn load_progress(&self) -> Option<LoadProgress> {
        self.loading
    }

    /// A part of the collection, or only progress. Ignored once loading is done.
    pub(super) fn take_batch(&mut self, batch: LoadBatch) -> bool {
        let Some(progress) = &mut self.loading else {
            return false;
        };
        progress.read = batch.read;
        progress.total = batch.total.or(progress.total);
        if let Some(items) = batch.items {
            self.swap_in(items.0, true);
        }
        true
    }

    /// The whole collection: loading is done. Ignored when nothing was loading.
    pub(super) fn finish_loading(&mut self, index: Arc<Index>) -> bool {
        if self.loading.take().is_none() {
            return false;
        }
        self.swap_in(index, false);
        if self.notice.as_deref() == Some(still_loading(self.lang)) {
            self.notice = None;
        }
        // Where the last run was left, now that its ids name items again.
        if let Some(memory) = self.pending_memory.take() {
            self.restore(*memory);
        }
        true
    }

    /// Swaps in a larger collection, keeping each list's cursor still (see the module
    /// docs). `partial`: the new index keeps the items of the old at their places, so
    /// the search results shown stay until the query's new answer comes.
    fn swap_in(&mut self, index: Arc<Index>, partial: bool) {
        let before = self.cursors;
        let at_top = Pane::ALL.map(|pane| {
            let reading = pane == self.pane && self.focus == Focus::Detail;
            before[pane.position()] == ListCursor::default() && !reading
        });
        let search_before = if partial { self.search.clone() } else { None };
        self.replace_index(index);
        for pane in Pane::ALL {
            let n = pane.position();
            if at_top[n] {
                self.cursors[n] = ListCursor::default();
            } else {
                let screen_row = before[n].selected.saturating_sub(before[n].offset);
                self.cursors[n].offset = self.cursors[n].selected.saturating_sub(screen_row);
            }
        }
        self.clamp_lists();
        if let (Some(search), Some(before)) = (&mut self.search, search_before) {
            search.keep_results_of(before);
        }
    }

    /// `e` while loading: the problems are known only once every file is in.
    pub(super) fn errors_not_yet(&mut self) -> bool {
        if self.loading.is_none() {
            return false;
        }
        self.notice = Some(still_loading(self.lang).to_string());
        true
    }
}

/// What `e` says while loading; it goes when loading is done.
fn still_loading(lang: Lang) -> &'static str {
    lang.pick(
        "아직 불러오는 중입니다 — 문제 목록은 다 불러온 뒤에 나옵니다",
        "still loading — problems are listed once every file is read",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(10_000), "10,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        let progress = LoadProgress {
            read: 120,
            total: Some(10_000),
        };
        assert_eq!(progress.describe(Lang::Ko), "불러오는 중 120/10,000 파일");
        assert_eq!(progress.describe(Lang::En), "loading 120/10,000 files");
    }
}
