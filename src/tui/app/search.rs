//! The search box: its input and caret, the results of the newest query, and the
//! selection among them. The search itself runs elsewhere (a worker thread in the real
//! program, inline in tests): the app leaves a [`SearchRequest`] for the event loop and
//! takes the answer back as [`Action::SearchResults`], ignoring any answer to an older
//! request.
//!
//! Enter acts on the query exactly as it stands in the box: when the results shown are
//! for an older query, the app asks the loop to wait for the answer to this one
//! ([`App::awaiting_answer`]) and opens its first result when it arrives, as fzf does.
//! A paste goes into the box as text, cut to [`MAX_QUERY_CHARS`]; it never runs as keys.
//!
//! A query opened with Enter joins the history; ↑ in an empty box (and ↑/↓ while
//! recalling) steps through it, Ctrl-R searches it (see the app's `memory`).
//!
//! Depends on the app's state (`super`), `collection` (the result rows) and the app's
//! `found` (landing on the matched line) and `memory` (the query history).

use super::scroll::ListCursor;
use super::App;
use crate::model::Lang;
use crate::tui::action::Action;

/// One search result as shown: the item, the field that matched and where.
pub type ResultRow = crate::collection::ItemHit;

/// Longer than any name or phrase a meeting types; a longer paste is cut, with a notice.
pub const MAX_QUERY_CHARS: usize = 200;

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
    /// The query the results are for when the one typed found nothing and its 두벌식
    /// conversion did (typed with the keyboard in the wrong mode).
    converted: Option<String>,
    /// The spellings one edit away the results are for, when a word of the
    /// query occurs nowhere as typed.
    corrected: Vec<String>,
    /// Filters of the query that name nothing (`kind:cas3`).
    unknown_filters: Vec<String>,
    /// Enter was pressed before the results for the input arrived: open the first one
    /// as soon as they do.
    open_when_answered: bool,
    /// The position in the query history of the query recalled into the box with ↑,
    /// while ↑/↓ keep stepping through the history.
    pub(super) recalled: Option<usize>,
    /// The query runs again over more of a collection that is still loading: its
    /// answer keeps the selected result selected, where it is still found.
    keep_selection: bool,
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

    /// The query's filters that name no kind or field (see `collection::Found`).
    pub fn unknown_filters(&self) -> &[String] {
        &self.unknown_filters
    }

    /// The spellings one edit away the results are for (see `collection::Found`).
    pub fn corrected(&self) -> &[String] {
        &self.corrected
    }

    /// The converted query the results are for, when the query as typed found nothing.
    pub fn converted(&self) -> Option<&str> {
        self.converted.as_deref()
    }

    pub fn selected(&self) -> Option<&ResultRow> {
        self.results.get(self.cursor.selected)
    }

    /// Whether the results shown are for an older query than the one in the box.
    pub fn is_waiting(&self) -> bool {
        self.shown_generation != self.generation
    }

    /// The generation the loop must wait for before applying more input.
    pub fn awaiting_answer(&self) -> Option<u64> {
        self.open_when_answered.then_some(self.generation)
    }

    /// Which query of the history is in the box, while ↑/↓ step through the history
    /// (0 is the newest).
    pub fn recalled(&self) -> Option<usize> {
        self.recalled
    }

    /// Replaces the input (a recalled or chosen query), the caret at its end.
    pub(super) fn set_input(&mut self, text: &str) {
        self.input = text.chars().take(MAX_QUERY_CHARS).collect();
        self.caret = self.chars();
        self.recalled = None;
        self.open_when_answered = false;
    }

    pub(super) fn clear_results(&mut self) {
        self.results.clear();
    }

    /// After a batch of a collection that is still loading: the results shown before
    /// it stay until the query's answer over the larger collection comes, and that
    /// answer keeps the selected result. (A partial index keeps every item at its
    /// place, so the rows still name the same items.)
    pub(super) fn keep_results_of(&mut self, before: SearchBox) {
        self.results = before.results;
        self.total = before.total;
        self.cursor = before.cursor;
        self.converted = before.converted;
        self.corrected = before.corrected;
        self.unknown_filters = before.unknown_filters;
        self.keep_selection = true;
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
        let changed = self.edit_input(action);
        if changed {
            // The query Enter was pressed on is gone.
            self.open_when_answered = false;
        }
        changed
    }

    fn edit_input(&mut self, action: &Action) -> bool {
        match *action {
            // No query is longer than this; typing past it, like a paste, adds nothing.
            Action::SearchInsert(_) if self.chars() >= MAX_QUERY_CHARS => false,
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
        self.detail.reset();
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
        // ↑/↓ in an empty box, and while recalling, step through earlier queries;
        // any other key ends the recall.
        let older = match action {
            Action::SelectPrevious => Some(true),
            Action::SelectNext => Some(false),
            _ => None,
        };
        if let Some(older) = older {
            if self.recall_query(older) {
                return;
            }
        }
        let Some(search) = &mut self.search else {
            return;
        };
        search.recalled = None;
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
                if search.input.trim().is_empty() {
                    return; // nothing asked yet: Enter does not pick a row for you
                }
                if search.is_waiting() {
                    search.open_when_answered = true;
                    return;
                }
                self.open_selected_result();
                return;
            }
            Action::Close => {
                self.search = None;
                self.detail.reset();
                return;
            }
            Action::SearchHistory => {
                self.open_history();
                return;
            }
            ref editing => changed = search.edit(editing),
        }
        self.detail.reset();
        if changed {
            self.request_search();
        } else {
            self.preview_match();
        }
    }

    /// Opens the selected result, on the line that says what matched.
    fn open_selected_result(&mut self) {
        let Some(search) = &self.search else { return };
        let Some(row) = search.selected().cloned() else {
            return;
        };
        let query = search.input.clone();
        self.remember_query(&query);
        self.search = None;
        self.needle = super::found::matched_text(&row);
        self.follow(row.item);
        // A match in the name or an alias: the item itself is the answer, from its top.
        if !row.field.is_title() {
            self.reveal_match();
        }
        if let Some(line) = self.detail.found {
            // The line cursor rests on the answer, so `y` copies it with its citation
            // and Enter goes on to the nearest link below it.
            let lines = self.fresh_detail_lines();
            let scroll = self.detail.scroll;
            self.detail.link_line = super::detail::first_fact_in(&lines, line, scroll.page())
                .filter(|&l| scroll.shows(l))
                .or_else(|| super::detail::first_fact_in(&lines, scroll.top(), scroll.page()));
        }
    }

    /// The detail beside the results shows the selected result on its matched line.
    fn preview_match(&mut self) {
        let Some(row) = self.search.as_ref().and_then(|s| s.selected()).cloned() else {
            return;
        };
        self.needle = super::found::matched_text(&row);
        if !row.field.is_title() {
            self.reveal_match();
        }
    }

    /// Pasted text: into the search box (opened for it, from wherever the user is),
    /// line breaks and tabs as spaces, cut to [`MAX_QUERY_CHARS`].
    pub(super) fn paste(&mut self, text: &str) {
        let lang = self.lang;
        let flat: String = text
            .trim_end()
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        if flat.trim().is_empty() {
            return;
        }
        if self.search.is_none() {
            self.overlay = None;
            // Presenter mode keeps presenting: its search box opens over the card.
            if !matches!(self.view, super::View::Presenter(_)) {
                self.view = super::View::Browse;
            }
            self.open_search();
        }
        let Some(search) = &mut self.search else {
            return;
        };
        let room = MAX_QUERY_CHARS.saturating_sub(search.chars());
        let pasted: Vec<char> = flat.chars().collect();
        for &c in pasted.iter().take(room) {
            search.edit(&Action::SearchInsert(c));
        }
        if pasted.len() > room {
            self.notice = Some(match lang {
                Lang::Ko => format!("붙여넣은 글이 길어 검색어를 {MAX_QUERY_CHARS}자로 잘랐습니다"),
                Lang::En => format!("the pasted text was cut to {MAX_QUERY_CHARS} characters"),
            });
        }
        self.detail.reset();
        self.request_search();
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
        found: crate::collection::Found,
    ) -> bool {
        let height = self.list_height();
        let Some(search) = &mut self.search else {
            return false;
        };
        if generation != search.generation {
            return false;
        }
        let kept = std::mem::take(&mut search.keep_selection)
            .then(|| search.selected().map(|r| r.item))
            .flatten();
        search.results = found.hits;
        search.total = found.total;
        search.converted = found.converted;
        search.corrected = found.corrected;
        search.unknown_filters = found.unknown_filters;
        search.shown_generation = generation;
        let found_again = kept.and_then(|item| search.results.iter().position(|r| r.item == item));
        search.cursor = match found_again {
            // On the same screen row as before, where the list allows.
            Some(row) => ListCursor {
                selected: row,
                offset: row
                    .saturating_sub(search.cursor.selected.saturating_sub(search.cursor.offset)),
            },
            None => ListCursor::default(),
        };
        let row = search.cursor.selected;
        search.cursor.select(row, search.results.len(), height);
        let open = std::mem::take(&mut search.open_when_answered);
        let same_item = kept.is_some() && kept == search.selected().map(|r| r.item);
        if open {
            self.detail.reset();
            self.open_selected_result();
        } else if !same_item {
            // The item under the cursor stays where its reader left it.
            self.detail.reset();
            self.preview_match();
        }
        true
    }
}
