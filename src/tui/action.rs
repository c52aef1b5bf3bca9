//! Everything that can change the explorer, named by intent: what a key or the mouse
//! asks for ([`super::keymap`] and [`super::events`] make these), and what arrives from
//! elsewhere — search results, the collection as it loads, a reloaded collection, a
//! notice, a tick of the clock.
//! [`super::app::App::update`] is the only place that changes state in response.
//!
//! Depends on `index`, `collection` (a search's answer), `state` (a remembered run), the
//! explorer's `clipboard` (a copy's outcome) and crossterm's key events.

use std::fmt;
use std::sync::Arc;

use crossterm::event::KeyEvent;

use super::clipboard::Delivery;
use crate::collection::Found;
use crate::index::Index;

/// One request to the explorer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move the selection (or the line cursor in the detail, or the view) down one row.
    SelectNext,
    /// Move the selection (or the line cursor, or the view) up one row.
    SelectPrevious,
    /// Move down one page.
    PageDown,
    /// Move up one page.
    PageUp,
    /// Go to the first row.
    SelectFirst,
    /// Go to the last row.
    SelectLast,
    /// Show the next list pane.
    NextPane,
    /// Show the previous list pane.
    PreviousPane,
    /// Show list pane N (0-based: cases, roles, factors, problems, reference).
    ShowPane(usize),
    /// The role matrix's next / previous role column.
    NextColumn,
    PreviousColumn,
    /// Open the selected item (list → detail) or follow the selected link.
    Open,
    /// Show this item (by index position), as following a link to it does.
    OpenItem(usize),
    /// Go back along the history of followed links.
    Back,
    /// Close the top overlay or view; in the main view, leave the detail for the list
    /// or clear the filters.
    Close,
    /// Open the search box.
    OpenSearch,
    /// Type a character into the search box.
    SearchInsert(char),
    /// Delete the character before the caret.
    SearchBackspace,
    /// Delete the character after the caret.
    SearchDelete,
    /// Move the caret left / right / to the start / to the end.
    SearchCaretLeft,
    SearchCaretRight,
    SearchCaretHome,
    SearchCaretEnd,
    /// Clear the search input.
    SearchClear,
    /// Text pasted from the clipboard (bracketed paste): it goes into the search box,
    /// which opens for it; it never runs as keys.
    Paste(String),
    /// Escape and then a key, arriving together as Alt+key (tmux within its
    /// `escape-time`, or a person typing fast): close what Esc closes, then the key.
    EscapeThen(KeyEvent),
    /// The next / previous line of the detail that says what the last search matched.
    NextMatch,
    PreviousMatch,
    /// Open the picker of one filter: its values with their counts, to choose from.
    OpenPicker(Facet),
    /// Type a character into the picker's box (it narrows the values).
    PickerInsert(char),
    /// Delete the last character of the picker's box.
    PickerBackspace,
    /// Tick or untick the value under the picker's cursor (several may be ticked).
    PickerToggle,
    /// Remove the picker's filter altogether and close the picker.
    PickerClear,
    /// Remove every filter.
    ClearFilters,
    /// Switch between Korean and English.
    ToggleLanguage,
    /// Switch to the next colour theme (dark, light, high contrast).
    CycleTheme,
    /// Show or hide the key help.
    ToggleHelp,
    /// Show or hide the list of load problems.
    ToggleErrors,
    /// Mark or unmark the selected case for comparison (two to four).
    ToggleMark,
    /// Unmark every marked case.
    ClearMarks,
    /// Compare the marked cases side by side (or the selected case and its counterpart).
    CompareMarked,
    /// Compare the selected case with its counterpart (San Diego ↔ Daedeok, …).
    CompareCounterpart,
    /// Show the role matrix: cases × vision provider / system organizer / specialized supplier.
    ShowMatrix,
    /// Show the era timeline.
    ShowTimeline,
    /// Show the charts of the current case or comparison.
    ShowCharts,
    /// Show the current item full-screen for a projector, or leave that mode.
    TogglePresenter,
    /// `y`: copy what the cursor is on — a fact of the detail, the list's item, a row
    /// of the comparison or the matrix, a timeline entry — as one line with its
    /// reference.
    Copy,
    /// `Y`: copy the whole item (or comparison, matrix, timeline) as Markdown with
    /// numbered references and the reference list.
    CopyAll,
    /// `w`: write the last copy to a file (offered when no clipboard could confirm it).
    SaveCopy,
    /// The clipboard thread's answer: which way the last copy went.
    Copied(Delivery),
    /// The file the last copy was written to (escaped for the screen), or why not.
    Saved(Result<String, String>),
    /// Show the items opened recently (newest first); Enter there opens one.
    ShowRecent,
    /// Search the queries searched before (Ctrl-R); Enter puts one in the search box.
    SearchHistory,
    /// Bring back what an earlier run remembered: the query history, the recent items
    /// and (unless started `--fresh`) the place it was left at.
    Restore(Box<crate::state::Memory>),
    /// The terminal was resized to (columns, rows).
    Resize(u16, u16),
    /// Scroll the pane under (column, row) by `delta` rows.
    Scroll {
        column: u16,
        row: u16,
        delta: i32,
    },
    /// Left click at (column, row).
    Click {
        column: u16,
        row: u16,
    },
    /// Leave casebook (exit status 0).
    Quit,
    /// Ctrl-C: leave casebook at once with status 130, as shells and fzf expect.
    Interrupt,
    /// Ctrl-Z: give the terminal back and stop until `fg`.
    Suspend,
    /// The search worker's answer to request `generation`.
    SearchResults {
        generation: u64,
        found: Found,
    },
    /// Live reload: the collection on disk changed and was loaded again.
    Reloaded(Reloaded),
    /// Loading the collection at start: how far it has got, and what has arrived when
    /// a new part of it is ready to show.
    Loading(LoadBatch),
    /// Loading the collection at start is done: the whole collection, linked, with its
    /// load problems.
    Loaded(Reloaded),
    /// Live reload stopped watching the collection folder, or watches it again.
    Watch(WatchState),
    /// A message for the status bar.
    Notice(String),
    /// Time passed with nothing else happening.
    Tick,
}

/// What a filter looks at: a case's cluster type, country or status, or the document an
/// item cites (the one filter every pane has).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Type,
    Country,
    Status,
    Document,
}

impl Facet {
    pub const ALL: [Facet; 4] = [Facet::Type, Facet::Country, Facet::Status, Facet::Document];

    /// Its name on the status bar and over its picker.
    pub fn title(self, lang: crate::model::Lang) -> &'static str {
        match self {
            Facet::Type => lang.pick("유형", "type"),
            Facet::Country => lang.pick("국가", "country"),
            Facet::Status => lang.pick("상태", "status"),
            Facet::Document => lang.pick("문헌", "document"),
        }
    }
}

/// Whether live reload is watching the collection folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchState {
    /// Watching (again).
    Watching,
    /// Not watching, and why; edits are not seen until watching resumes.
    Paused(PauseReason),
}

/// Why live reload is not watching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PauseReason {
    /// The collection folder is not there (deleted, renamed, or being replaced).
    FolderMissing,
    /// The system's watcher failed (its words: a limit on watches reached, …).
    WatcherFailed(String),
}

impl PauseReason {
    /// For the status bar.
    pub fn describe(&self, lang: crate::model::Lang) -> String {
        match (self, lang) {
            (PauseReason::FolderMissing, crate::model::Lang::Ko) => {
                "실시간 반영 멈춤: 사례 폴더가 없음 (다시 생기면 재개)".to_string()
            }
            (PauseReason::FolderMissing, crate::model::Lang::En) => {
                "live reload paused: the collection folder is gone (resumes when it is back)"
                    .to_string()
            }
            (PauseReason::WatcherFailed(why), crate::model::Lang::Ko) => {
                format!("실시간 반영 멈춤: 감시 실패 ({why})")
            }
            (PauseReason::WatcherFailed(why), crate::model::Lang::En) => {
                format!("live reload paused: the watcher failed ({why})")
            }
        }
    }
}

/// How far loading the collection at start has got (see [`super::loader`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadBatch {
    /// Files read and parsed so far.
    pub read: usize,
    /// Files in all, once the walk of the folder has ended.
    pub total: Option<usize>,
    /// The items read so far, not yet linked, when there are new ones to show (see
    /// [`crate::collection::partial_index`]).
    pub items: Option<Reloaded>,
}

/// A freshly loaded item index. Two are equal when they are the same index.
#[derive(Clone)]
pub struct Reloaded(pub Arc<Index>);

impl PartialEq for Reloaded {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Reloaded {}

impl fmt::Debug for Reloaded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Reloaded({} items)", self.0.len())
    }
}
