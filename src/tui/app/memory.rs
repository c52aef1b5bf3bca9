//! Memory: the queries searched before and the items opened before, and coming back to
//! where the explorer was left.
//!
//! - History: every query opened with Enter is kept (newest first, once each, at most
//!   [`MAX_HISTORY`]). In an empty search box, on its first row, ↑ recalls the last one
//!   and each further ↑ an older one, ↓ a newer one (past the newest, the box is empty
//!   again); any other key ends the recall, so ↑/↓ move through the results again. Ctrl-R opens
//!   [`HistoryOverlay`], the history narrowed by what is typed; Enter puts the query in
//!   the search box.
//! - Recent: every item opened (Enter on a row, a followed link, a search hit, the matrix
//!   and the timeline) is kept by id (newest first, at most [`MAX_RECENT`]); `r` opens
//!   [`RecentOverlay`], and Enter there opens the item.
//! - Resume: [`Action::Restore`] brings back a [`Memory`] — the two lists and, unless
//!   the explorer was started `--fresh`, the [`Place`] it was left at. Ids that name
//!   nothing any more are dropped without a word. [`App::memory`] is what to save.
//!
//! Depends on the app's state (`super`), `state` (the remembered shapes) and `model`.

use super::scroll::ListCursor;
use super::{movement, App, Filters, Focus, Pane, View};
use crate::model::{Kind, Lang, Status};
use crate::state::{clean_query, FilterMemory, Memory, Place, ViewName};
use crate::tui::action::{Action, Facet};
use crate::tui::layout;

pub use crate::state::{MAX_HISTORY, MAX_RECENT};

/// How wide the recent and history lists grow, at most.
pub const RECALL_WIDTH: u16 = 72;

/// The `r` list: recently opened items that still exist, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecentOverlay {
    rows: Vec<usize>,
    cursor: ListCursor,
}

impl RecentOverlay {
    /// The items listed, as index positions.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    pub fn cursor(&self) -> ListCursor {
        self.cursor
    }
}

/// The Ctrl-R list: the query history narrowed by the words typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HistoryOverlay {
    input: String,
    /// Positions in the history of the queries that match `input`, newest first.
    rows: Vec<usize>,
    cursor: ListCursor,
}

impl HistoryOverlay {
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The queries listed, as positions in [`App::query_history`].
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    pub fn cursor(&self) -> ListCursor {
        self.cursor
    }
}

/// Whether `query` has every word of `filter` in it, ignoring case.
fn narrows_to(query: &str, filter: &str) -> bool {
    let query = query.to_lowercase();
    filter
        .to_lowercase()
        .split_whitespace()
        .all(|word| query.contains(word))
}

/// How many list rows the recent overlay shows on a screen.
pub fn recent_rows(screen: ratatui::layout::Rect) -> usize {
    layout::overlay_inner(screen, RECALL_WIDTH).height as usize
}

/// How many list rows the history overlay shows: its input and a rule come first.
pub fn history_rows(screen: ratatui::layout::Rect) -> usize {
    recent_rows(screen).saturating_sub(2)
}

/// The pane's name in the state file.
fn pane_name(pane: Pane) -> &'static str {
    match pane {
        Pane::Cases => "cases",
        Pane::Roles => "roles",
        Pane::Factors => "factors",
        Pane::Problems => "problems",
        Pane::Reference => "reference",
        Pane::Sources => "sources",
    }
}

impl App {
    /// Queries opened with Enter, newest first.
    pub fn query_history(&self) -> &[String] {
        &self.query_history
    }

    /// Items opened, by id, newest first (some may name nothing after a reload).
    pub fn recent(&self) -> &[String] {
        &self.recent
    }

    /// What to remember of this run: the history, the recent items, and the place.
    pub fn memory(&self) -> Memory {
        // Quit before a loading collection was whole: what was remembered stays as it was.
        if let Some(pending) = &self.pending_memory {
            return (**pending).clone();
        }
        let id_of = |i: usize| self.index.item(i).id.clone();
        let view = match &self.view {
            View::Browse => ViewName::Browse,
            View::Compare(_) => ViewName::Compare,
            View::Matrix(_) => ViewName::Matrix,
            View::Timeline(_) => ViewName::Timeline,
            View::Presenter(_) => ViewName::Presenter,
            // The charts are one key away from the case they belong to.
            View::Chart(_) => ViewName::Browse,
        };
        let compared = match &self.view {
            View::Compare(view) => view.cases().iter().map(|&i| id_of(i)).collect(),
            _ => Vec::new(),
        };
        let place = Place {
            view,
            pane: pane_name(self.pane).to_string(),
            detail_focused: self.focus == Focus::Detail,
            item: self.browsed_item().map(id_of),
            detail_top: if self.search.is_some() {
                0
            } else {
                self.detail.scroll.top()
            },
            query: self.search.as_ref().map(|s| s.input().to_string()),
            filter: {
                let values = |facet| self.filter.values(facet).iter().cloned().collect();
                FilterMemory {
                    cluster_type: values(Facet::Type),
                    country: values(Facet::Country),
                    status: values(Facet::Status),
                    document: values(Facet::Document),
                }
            },
            marked: self.marked.iter().map(|&i| id_of(i)).collect(),
            compared,
            lang: Some(self.lang),
        };
        Memory {
            history: self.query_history.clone(),
            recent: self.recent.clone(),
            place: Some(place),
        }
    }

    /// The item the main view shows beneath any search box: pinned, else selected.
    fn browsed_item(&self) -> Option<usize> {
        self.pinned.or_else(|| {
            self.list_items(self.pane)
                .get(self.cursor().selected)
                .copied()
        })
    }

    /// Keeps a query opened with Enter at the head of the history.
    pub(super) fn remember_query(&mut self, query: &str) {
        let query = clean_query(query);
        if query.is_empty() {
            return;
        }
        self.query_history.retain(|q| *q != query);
        self.query_history.insert(0, query);
        self.query_history.truncate(MAX_HISTORY);
    }

    /// Keeps an opened item at the head of the recent list.
    pub(super) fn remember_opened(&mut self, item: usize) {
        let id = self.index.item(item).id.clone();
        self.recent.retain(|r| *r != id);
        self.recent.insert(0, id);
        self.recent.truncate(MAX_RECENT);
    }

    /// ↑ (`older`) or ↓ in an empty search box, or while recalling: the next query of
    /// the history in the box. Whether the key was taken as a recall.
    pub(super) fn recall_query(&mut self, older: bool) -> bool {
        let len = self.query_history.len();
        let Some(search) = &mut self.search else {
            return false;
        };
        let at = match (search.recalled, older) {
            // ↑ recalls from an empty box at its first row; ↓ there moves the results
            // (an empty query lists everything).
            (None, false) => return false,
            (None, true) if !search.input().is_empty() || search.cursor().selected > 0 => {
                return false
            }
            (None, true) if len == 0 => return false,
            (None, true) => Some(0),
            (Some(at), true) => Some((at + 1).min(len.saturating_sub(1))),
            (Some(0), false) => None,
            (Some(at), false) => Some(at - 1),
        };
        let text = at
            .and_then(|at| self.query_history.get(at))
            .cloned()
            .unwrap_or_default();
        search.set_input(&text);
        search.recalled = at;
        self.detail.reset();
        self.request_search();
        true
    }

    pub(super) fn open_recent(&mut self) {
        self.overlay = Some(super::Overlay::Recent(RecentOverlay::default()));
        if self.recent.is_empty() {
            self.notice = Some(
                self.lang
                    .pick(
                        "아직 연 항목이 없습니다 — Enter로 항목을 열면 여기에 쌓입니다",
                        "nothing opened yet — items opened with Enter gather here",
                    )
                    .into(),
            );
        }
    }

    /// Ctrl-R: the history list over the search box (opened for it from the main view).
    pub(super) fn open_history(&mut self) {
        if self.search.is_none() {
            self.open_search();
        }
        self.overlay = Some(super::Overlay::History(HistoryOverlay::default()));
        if self.query_history.is_empty() {
            self.notice = Some(
                self.lang
                    .pick(
                        "검색 기록이 없습니다 — 검색어로 Enter를 누르면 쌓입니다",
                        "no searches yet — each query opened with Enter is kept",
                    )
                    .into(),
            );
        }
    }

    pub(super) fn update_recent(&mut self, action: Action) {
        let screen = self.areas().screen;
        let page = recent_rows(screen);
        let Some(super::Overlay::Recent(recent)) = &mut self.overlay else {
            return;
        };
        let len = recent.rows.len();
        if let Some(delta) = movement(&action, page) {
            recent.cursor.moved(delta, len, page);
            return;
        }
        match action {
            Action::Open => {
                if let Some(&item) = recent.rows.get(recent.cursor.selected) {
                    self.open_remembered(item);
                }
            }
            Action::Close | Action::Back | Action::ShowRecent => self.overlay = None,
            Action::ToggleLanguage => self.lang = self.lang.other(),
            Action::ToggleHelp => self.open_help(),
            Action::Click { column, row } => {
                let rows = layout::overlay_inner(screen, RECALL_WIDTH);
                if rows.contains((column, row).into()) {
                    let at = recent.cursor.offset + (row - rows.y) as usize;
                    if at < len {
                        recent.cursor.select(at, len, page);
                    }
                } else {
                    self.overlay = None;
                }
            }
            _ => {}
        }
    }

    /// Opens an item from the recent list, as following a link to it does.
    fn open_remembered(&mut self, item: usize) {
        self.overlay = None;
        self.view = View::Browse;
        self.search = None;
        self.follow(item);
    }

    pub(super) fn update_history(&mut self, action: Action) {
        let screen = self.areas().screen;
        let page = history_rows(screen);
        let Some(super::Overlay::History(history)) = &mut self.overlay else {
            return;
        };
        let len = history.rows.len();
        let narrowed = match action {
            Action::SearchInsert(c) if history.input.chars().count() < MAX_FILTER_CHARS => {
                history.input.push(c);
                true
            }
            Action::SearchBackspace => history.input.pop().is_some(),
            Action::SearchClear => {
                history.input.clear();
                true
            }
            Action::Paste(text) => {
                let room = MAX_FILTER_CHARS.saturating_sub(history.input.chars().count());
                history
                    .input
                    .push_str(&clean_query(&text).chars().take(room).collect::<String>());
                true
            }
            Action::Open => {
                let chosen = history
                    .rows
                    .get(history.cursor.selected)
                    .and_then(|&at| self.query_history.get(at))
                    .cloned();
                self.overlay = None;
                if let Some(query) = chosen {
                    if let Some(search) = &mut self.search {
                        search.set_input(&query);
                    }
                    self.detail.reset();
                    self.request_search();
                }
                return;
            }
            Action::Close | Action::SearchHistory => {
                self.overlay = None;
                return;
            }
            Action::Click { column, row } => {
                let inner = layout::overlay_inner(screen, RECALL_WIDTH);
                let top = inner.y + 2;
                if inner.contains((column, row).into()) && row >= top {
                    let at = history.cursor.offset + (row - top) as usize;
                    if at < len {
                        history.cursor.select(at, len, page);
                    }
                } else if !inner.contains((column, row).into()) {
                    self.overlay = None;
                }
                return;
            }
            ref other => {
                if let Some(delta) = movement(other, page) {
                    history.cursor.moved(delta, len, page);
                }
                return;
            }
        };
        if narrowed {
            history.cursor = ListCursor::default();
        }
    }

    /// Lays the recent and history lists out for the current index and size: what they
    /// list follows a reload and what is typed.
    pub(super) fn sync_recall(&mut self) {
        let screen = self.areas().screen;
        match &mut self.overlay {
            Some(super::Overlay::Recent(recent)) => {
                recent.rows = self
                    .recent
                    .iter()
                    .filter_map(|id| self.index.position(id))
                    .collect();
                recent.cursor.clamp(recent.rows.len(), recent_rows(screen));
            }
            Some(super::Overlay::History(history)) => {
                history.rows = (0..self.query_history.len())
                    .filter(|&at| narrows_to(&self.query_history[at], &history.input))
                    .collect();
                history
                    .cursor
                    .clamp(history.rows.len(), history_rows(screen));
            }
            _ => {}
        }
    }

    /// Takes in a remembered memory: the history and recent items always; the place,
    /// when there is one, as far as the collection still has what it names.
    pub(super) fn restore(&mut self, memory: Memory) {
        self.query_history.clear();
        for query in memory.history.iter().rev() {
            self.remember_query(query);
        }
        self.recent.clear();
        for id in memory.recent.iter().rev() {
            if let Some(item) = self.index.position(id) {
                self.remember_opened(item);
            }
        }
        if let Some(place) = memory.place {
            self.resume(place);
        }
    }

    /// Comes back to `place`: language, filters, marks, pane, item and its scroll,
    /// focus, view, and the search box with its query.
    fn resume(&mut self, place: Place) {
        // From a clean main view, whatever was on screen before.
        self.view = View::Browse;
        self.overlay = None;
        self.search = None;
        self.pinned = None;
        self.focus = Focus::List;
        self.cursors = Default::default();
        self.detail.reset();
        self.history.clear();
        if let Some(lang) = place.lang {
            self.lang = lang;
        }
        let index = &self.index;
        let known_type = |id: &String| {
            index
                .position(id)
                .is_some_and(|i| index.item(i).kind == Kind::Type)
        };
        let known_country = |name: &String| {
            index
                .of_kind(Kind::Case)
                .iter()
                .any(|&i| index.item(i).case().is_some_and(|c| &c.country.en == name))
        };
        let known_status = |name: &String| Status::ALL.iter().any(|s| s.as_str() == name);
        let known_document = |id: &String| index.document(id).is_some();
        // Only values this collection has: a filter on a type that is gone lists nothing.
        let mut filter = Filters::default();
        for (facet, values, known) in [
            (
                Facet::Type,
                &place.filter.cluster_type,
                &known_type as &dyn Fn(&String) -> bool,
            ),
            (Facet::Country, &place.filter.country, &known_country),
            (Facet::Status, &place.filter.status, &known_status),
            (Facet::Document, &place.filter.document, &known_document),
        ] {
            filter.set(facet, values.iter().filter(|v| known(v)).cloned().collect());
        }
        self.filter = filter;
        let case = |id: &String| {
            index
                .position(id)
                .filter(|&i| index.item(i).kind == Kind::Case)
        };
        self.marked.clear();
        for item in place.marked.iter().filter_map(case) {
            if !self.marked.contains(&item) && self.marked.len() < super::MAX_COMPARED {
                self.marked.push(item);
            }
        }
        let compared: Vec<usize> = place.compared.iter().filter_map(case).collect();
        self.pane = Pane::ALL
            .into_iter()
            .find(|&p| pane_name(p) == place.pane)
            .unwrap_or(Pane::Cases);
        self.clamp_lists();
        let item = place.item.as_deref().and_then(|id| self.index.position(id));
        if let Some(item) = item {
            let rows = self.list_items(self.pane);
            match rows.iter().position(|&i| i == item) {
                Some(row) => {
                    let height = self.list_height();
                    self.cursors[self.pane.position()].select(row, rows.len(), height);
                }
                None => self.pinned = Some(item),
            }
            let lines = self.fresh_detail_lines();
            self.detail.scroll.by(place.detail_top as isize);
            if place.detail_focused {
                self.focus = Focus::Detail;
                let scroll = self.detail.scroll;
                self.detail.link_line =
                    super::detail::first_fact_in(&lines, scroll.top(), scroll.page());
            }
        }
        match place.view {
            ViewName::Browse => {
                if let Some(query) = place.query {
                    self.open_search();
                    if let Some(search) = &mut self.search {
                        search.set_input(&clean_query(&query));
                    }
                    self.request_search();
                }
            }
            ViewName::Compare if compared.len() >= 2 => {
                let cases = compared.into_iter().take(super::MAX_COMPARED).collect();
                self.show_compare(cases);
            }
            ViewName::Compare => {}
            ViewName::Matrix => self.show_matrix(),
            ViewName::Timeline => self.show_timeline(),
            ViewName::Presenter => self.show_presenter(),
        }
        // Said only when it is not where any start would be anyway.
        let at_the_top = self.view == View::Browse
            && self.search.is_none()
            && self.pane == Pane::Cases
            && self.pinned.is_none()
            && self.cursor().selected == 0
            && self.focus == Focus::List
            && self.detail.scroll.top() == 0
            && !self.filter.is_active()
            && self.marked.is_empty();
        if !at_the_top {
            self.notice = Some(
                self.lang
                    .pick(
                        "지난번 자리에서 이어 엽니다 (처음부터: casebook --fresh)",
                        "back where you left off (from the top: casebook --fresh)",
                    )
                    .into(),
            );
        }
    }
}

/// The longest filter typed into the history list.
const MAX_FILTER_CHARS: usize = 100;

/// The language-dependent words of the two lists, for their renderers.
pub fn recent_empty(lang: Lang) -> &'static str {
    lang.pick("아직 연 항목이 없습니다", "nothing opened yet")
}

pub fn history_empty(lang: Lang, filtered: bool) -> &'static str {
    if filtered {
        lang.pick("일치하는 검색어가 없습니다", "no earlier query matches")
    } else {
        lang.pick("검색 기록이 없습니다", "no searches yet")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowing_needs_every_word_in_any_case() {
        assert!(narrows_to("San Diego 바이오", "diego san"));
        assert!(narrows_to("샌디에고", "디에"));
        assert!(narrows_to("anything", ""));
        assert!(!narrows_to("toyota", "toyota city"));
    }
}
