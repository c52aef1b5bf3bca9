//! Everything the explorer can be asked to do, named by intent. Keys ([`super::keys`])
//! and mouse events map to these; [`super::app::App::update`] is the only place that
//! changes state in response.

use crate::model::Lang;

/// One request to the explorer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move the selection (or the link cursor in the detail) down one row.
    SelectNext,
    /// Move the selection (or the link cursor) up one row.
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
    /// Open the selected item (list → detail) or follow the selected link.
    Open,
    /// Go back along the history of followed links.
    Back,
    /// Leave the detail for the list, close an overlay, or clear filters.
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
    /// Cycle the case list's cluster-type filter.
    CycleTypeFilter,
    /// Cycle the case list's country filter.
    CycleCountryFilter,
    /// Cycle the case list's status filter.
    CycleStatusFilter,
    /// Remove every case filter.
    ClearFilters,
    /// Switch between Korean and English.
    ToggleLanguage,
    /// Set the language.
    SetLanguage(Lang),
    /// Show or hide the key help.
    ToggleHelp,
    /// Show or hide the list of load problems.
    ToggleErrors,
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
    /// Mark or unmark the selected case for comparison (two to four).
    ToggleMark,
    /// Compare the marked cases side by side (or the selected case and its counterpart).
    CompareMarked,
    /// Compare the selected case with its counterpart (San Diego ↔ Daedeok, …).
    CompareCounterpart,
    /// Show the role matrix: cases × vision provider / system organizer / specialized supplier.
    ShowMatrix,
    /// Show the era timeline.
    ShowTimeline,
    /// Show the current item full-screen for a projector, or leave that mode.
    TogglePresenter,
    /// Copy the current item (or comparison) as Markdown with its sources.
    Copy,
    /// Leave casebook.
    Quit,
}
