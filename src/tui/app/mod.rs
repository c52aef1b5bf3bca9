//! The explorer's state and the one place it changes: [`App::update`] takes an
//! [`Action`] — a key, a click, a search result, a reloaded collection, a notice, a tick —
//! and applies it. Every other public method only reads; the renderer (`super::ui`)
//! borrows the app immutably and draws what it finds.
//!
//! Each view keeps its state and its part of `update` in its own module:
//! [`browse`] (panes, lists, the detail and the Back history), [`filter`] (the filters
//! as sets, what each pane lists under them) and [`picker`] (choosing a filter's values),
//! [`search`] (the search box), [`compare`], [`matrix`], [`timeline`], [`chart`], [`presenter`],
//! [`overlay`] (help, load problems, the picker's box) [`memory`] (query history,
//! recent items, resuming a run) and [`loading`] (the collection arriving in parts at
//! start). Scrolling goes through [`scroll::Scroll`], which clamps
//! to the content length of the same lines the renderer draws ([`detail::lines`],
//! [`compare::CompareView::lines`], [`super::keymap::help_lines`], …).
//!
//! What the app cannot do itself — run a search, write to the clipboard or a file, stop
//! the process — it leaves for the event loop to take (`take_search_request`,
//! `take_copy`, `take_save`, `take_suspend`); answers from other threads come back as
//! actions (`Action::Copied`, `Action::Saved`). How the program ends is [`App::exit`].
//!
//! Depends on `model`, `index`, `report`, `compare`, `chart`, `matrix`, `render`, `config` (the
//! theme's name), `state` (the shapes a run is remembered in) and the explorer's
//! `action`, `keymap`, `layout`, `clipboard` (the types of a copy's outcome only) and
//! `theme` (the styles are state: `Ctrl-t` changes them). It never touches the terminal.

pub mod browse;
pub mod chart;
pub mod columns;
pub mod compare;
mod copy;
pub mod detail;
pub mod filter;
pub mod found;
pub mod loading;
pub mod matrix;
pub mod memory;
pub mod overlay;
pub mod picker;
pub mod presenter;
pub mod scroll;
pub mod search;
pub mod timeline;

use std::cell::OnceCell;
use std::sync::Arc;

pub use self::browse::{DetailState, Focus, Pane};
pub use self::chart::{ChartLine, ChartSubject, ChartView};
pub use self::compare::CompareView;
pub use self::detail::Subject;
pub use self::filter::Filters;
pub use self::loading::LoadProgress;
pub use self::matrix::MatrixView;
pub use self::memory::{HistoryOverlay, RecentOverlay};
pub use self::overlay::Overlay;
pub use self::picker::Picker;
pub use self::presenter::PresenterView;
pub use self::scroll::{ListCursor, Scroll};
pub use self::search::{ResultRow, SearchBox, SearchRequest};
pub use self::timeline::{TimelineLine, TimelineView};
pub use crate::matrix::MatrixLine;

use self::browse::Location;
use self::columns::CaseColumns;
use self::detail::{DetailLine, LinesCache};
use self::filter::Cited;
use super::action::{Action, PauseReason, WatchState};
use super::keymap::Context;
use super::layout::{self, Areas};
use super::theme::{self, Theme};
use crate::config::ThemeName;
use crate::index::Index;
use crate::model::Lang;

/// At most this many cases are compared side by side.
pub const MAX_COMPARED: usize = crate::compare::MAX_CASES;

/// What fills the screen below the tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Lists and the detail.
    Browse,
    /// Two to four cases side by side.
    Compare(CompareView),
    /// Cases × VP / SO / SS.
    Matrix(MatrixView),
    /// The era timeline.
    Timeline(TimelineView),
    /// One item full-screen for a projector.
    Presenter(PresenterView),
    /// The charts of a case or of compared cases.
    Chart(ChartView),
}

/// How the explorer ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// `q`: exit status 0.
    Quit,
    /// Ctrl-C: exit status 130, as for a shell's SIGINT.
    Interrupted,
}

impl Exit {
    pub fn status(self) -> u8 {
        match self {
            Exit::Quit => 0,
            Exit::Interrupted => 130,
        }
    }
}

/// Work for the event loop, taken once each.
#[derive(Debug, Default)]
struct Effects {
    search: Option<SearchRequest>,
    copy: Option<String>,
    /// Text to write to a file, and the file's extension (`w`).
    save: Option<(String, &'static str)>,
    suspend: bool,
}

/// The explorer's whole state.
pub struct App {
    index: Arc<Index>,
    lang: Lang,
    size: (u16, u16),
    pane: Pane,
    focus: Focus,
    cursors: [ListCursor; 6],
    filter: Filters,
    /// The documents each item cites, for the document filter: worked out the first time
    /// that filter is used.
    cited: OnceCell<Cited>,
    /// An item shown in the detail in place of the list selection (a followed link to
    /// an item the current list does not show).
    pinned: Option<usize>,
    detail: DetailState,
    history: Vec<Location>,
    search: Option<SearchBox>,
    next_generation: u64,
    view: View,
    overlay: Option<Overlay>,
    /// Cases marked for comparison, in the order they were marked.
    marked: Vec<usize>,
    /// A one-line message for the status bar (what was copied, what is marked).
    notice: Option<String>,
    /// Why live reload is not watching the collection folder, while it is not.
    watch_paused: Option<PauseReason>,
    exit: Option<Exit>,
    effects: Effects,
    /// The detail pane's lines for the current item, language and width.
    detail_lines: LinesCache,
    /// The case list's column widths for this collection, in the language they were
    /// measured in.
    case_columns: Option<(Lang, CaseColumns)>,
    /// What the last search hit matched, for landing on it and for `n` / `N`.
    needle: Option<String>,
    /// The last copy, for the notice after the clipboard's answer and for `w`.
    last_copy: Option<copy::LastCopy>,
    /// The colour theme, changed at run time with `Ctrl-t`; NO_COLOR keeps it plain.
    theme: ThemeName,
    no_color: bool,
    styles: Theme,
    /// Queries opened with Enter, newest first.
    query_history: Vec<String>,
    /// Items opened, by id, newest first.
    recent: Vec<String>,
    /// While the collection is still loading at start: how far it has got.
    loading: Option<LoadProgress>,
    /// What the last run remembered, kept until a collection still loading is whole:
    /// ids name nothing before then.
    pending_memory: Option<Box<crate::state::Memory>>,
}

impl App {
    pub fn new(index: Arc<Index>, lang: Lang, size: (u16, u16)) -> App {
        let mut app = App {
            cited: OnceCell::new(),
            index,
            lang,
            size,
            pane: Pane::Cases,
            focus: Focus::List,
            cursors: [ListCursor::default(); 6],
            filter: Filters::default(),
            pinned: None,
            detail: DetailState::default(),
            history: Vec::new(),
            search: None,
            next_generation: 0,
            view: View::Browse,
            overlay: None,
            marked: Vec::new(),
            notice: None,
            watch_paused: None,
            exit: None,
            effects: Effects::default(),
            detail_lines: LinesCache::default(),
            case_columns: None,
            needle: None,
            last_copy: None,
            theme: ThemeName::Dark,
            no_color: false,
            styles: Theme::new(ThemeName::Dark, false),
            query_history: Vec::new(),
            recent: Vec::new(),
            loading: None,
            pending_memory: None,
        };
        app.sync();
        app
    }

    /// The app in `theme` (from `--theme` or the settings file), or without colour.
    pub fn with_theme(mut self, theme: ThemeName, no_color: bool) -> App {
        self.theme = theme;
        self.no_color = no_color;
        self.styles = Theme::new(theme, no_color);
        self
    }

    // -----------------------------------------------------------------------------------
    // Reading

    pub fn index(&self) -> &Arc<Index> {
        &self.index
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The styles the screen is drawn in now.
    pub fn theme(&self) -> &Theme {
        &self.styles
    }

    pub fn theme_name(&self) -> ThemeName {
        self.theme
    }

    pub fn pane(&self) -> Pane {
        self.pane
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The list cursor of `pane`.
    pub fn cursor_of(&self, pane: Pane) -> ListCursor {
        self.cursors[pane.position()]
    }

    /// The list cursor of the current pane.
    pub fn cursor(&self) -> ListCursor {
        self.cursor_of(self.pane)
    }

    pub fn filter(&self) -> &Filters {
        &self.filter
    }

    pub fn pinned(&self) -> Option<usize> {
        self.pinned
    }

    pub fn detail(&self) -> &DetailState {
        &self.detail
    }

    pub fn search(&self) -> Option<&SearchBox> {
        self.search.as_ref()
    }

    pub fn view(&self) -> &View {
        &self.view
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn marked(&self) -> &[usize] {
        &self.marked
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// How the explorer is to end, once it is.
    /// Why live reload is not watching, while it is not (the status bar says so until
    /// it watches again).
    pub fn watch_paused(&self) -> Option<&PauseReason> {
        self.watch_paused.as_ref()
    }

    pub fn exit(&self) -> Option<Exit> {
        self.exit
    }

    pub fn should_quit(&self) -> bool {
        self.exit.is_some()
    }

    /// How many places Back can return to.
    pub fn history_len(&self) -> usize {
        self.history.len()
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.size.0, self.size.1, self.search.is_some())
    }

    /// Where keys are read now: the overlay, the view, the search box or the pane on top.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help(_)) => Context::Help,
            Some(Overlay::Errors(_)) => Context::Errors,
            Some(Overlay::Recent(_)) => Context::Recent,
            Some(Overlay::History(_)) => Context::History,
            Some(Overlay::Picker(_)) => Context::Picker,
            None => self.base_context(),
        }
    }

    /// The context below any overlay.
    pub fn base_context(&self) -> Context {
        match &self.view {
            View::Compare(_) => Context::Compare,
            View::Matrix(_) => Context::Matrix,
            View::Timeline(_) => Context::Timeline,
            // The search box opened from presenter mode reads the keys until it closes.
            View::Presenter(_) if self.search.is_some() => Context::Search,
            View::Presenter(_) => Context::Presenter,
            View::Chart(_) => Context::Chart,
            View::Browse if self.search.is_some() => Context::Search,
            View::Browse => match self.focus {
                Focus::List => Context::List,
                Focus::Detail => Context::Detail,
            },
        }
    }

    /// Item positions a pane lists, filters applied, one per row (a section row of the
    /// Sources pane gives its document).
    pub fn list_items(&self, pane: Pane) -> Vec<usize> {
        self.list_rows(pane)
            .into_iter()
            .map(Subject::item)
            .collect()
    }

    /// What each row of a pane shows, filters applied: items, or in the Sources pane
    /// each document followed by its sections.
    pub fn list_rows(&self, pane: Pane) -> Vec<Subject> {
        if pane == Pane::Sources {
            // The document filter keeps the chosen documents and their sections.
            let documents = self.filter.values(crate::tui::action::Facet::Document);
            return browse::source_rows(&self.index)
                .into_iter()
                .filter(|row| {
                    documents.is_empty() || documents.contains(&self.index.item(row.item()).id)
                })
                .collect();
        }
        pane.kinds()
            .iter()
            .flat_map(|&k| self.index.of_kind(k).iter().copied())
            .filter(|&i| {
                self.filter
                    .admits(&self.index, self.cited_if_needed(), pane, i)
            })
            .map(Subject::Item)
            .collect()
    }

    /// What the detail pane (and presenter mode) shows: the search hit, the pinned item
    /// or the list's selected row.
    pub fn current_subject(&self) -> Option<Subject> {
        if let Some(search) = &self.search {
            return search.selected().map(|r| Subject::Item(r.item));
        }
        if let Some(pinned) = self.pinned {
            return Some(Subject::Item(pinned));
        }
        self.list_rows(self.pane)
            .get(self.cursor().selected)
            .copied()
    }

    /// The item the detail pane (and presenter mode) shows; `None` for a source section.
    pub fn current_item(&self) -> Option<usize> {
        match self.current_subject()? {
            Subject::Item(item) => Some(item),
            Subject::Section { .. } => None,
        }
    }

    /// The widest name, country, type and status of the collection's cases, in the
    /// current language: what the case list sizes its columns from.
    pub fn case_columns(&self) -> CaseColumns {
        match self.case_columns {
            Some((lang, columns)) if lang == self.lang => columns,
            // Only before the first `sync`, which measures them.
            _ => CaseColumns::measure(&self.index, self.lang),
        }
    }

    /// The detail lines for the current item at the current size: what the detail pane
    /// draws and scrolls through.
    pub fn detail_lines(&self) -> &[DetailLine] {
        self.detail_lines.lines()
    }

    /// The role matrix, grouped by cluster type.
    pub fn matrix_lines(&self) -> Vec<MatrixLine> {
        crate::matrix::lines(&self.index)
    }

    /// The era timeline from the first concept that has one.
    pub fn timeline_lines(&self) -> Vec<TimelineLine> {
        timeline::lines(&self.index, self.lang)
    }

    /// The newest search to run, once; `None` when nothing changed since the last call.
    pub fn take_search_request(&mut self) -> Option<SearchRequest> {
        self.effects.search.take()
    }

    /// Text the user asked to copy (`y`: a line, `Y`: Markdown), once.
    pub fn take_copy(&mut self) -> Option<String> {
        self.effects.copy.take()
    }

    /// Text the user asked to write to a file (`w`), with the file's extension, once.
    pub fn take_save(&mut self) -> Option<(String, &'static str)> {
        self.effects.save.take()
    }

    /// The search whose answer must be in before any further input is applied: Enter
    /// was pressed on a query the shown results are not for yet.
    pub fn awaiting_answer(&self) -> Option<u64> {
        self.search.as_ref().and_then(SearchBox::awaiting_answer)
    }

    /// What the last search hit matched (found again in the detail, and by `n` / `N`).
    pub fn needle(&self) -> Option<&str> {
        self.needle.as_deref()
    }

    /// Whether the user asked to suspend (Ctrl-Z), once.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.effects.suspend)
    }

    // -----------------------------------------------------------------------------------
    // Changing

    /// Applies one action: the only way the explorer's state changes. Returns whether
    /// anything on screen may have changed, so the loop redraws only then.
    pub fn update(&mut self, action: Action) -> bool {
        // Nothing the app shows runs on a clock yet: a tick changes nothing, and the idle
        // loop costs no layout.
        if action == Action::Tick {
            return false;
        }
        let changed = self.apply(action);
        self.sync();
        changed
    }

    fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_lists();
                return true;
            }
            Action::Quit => {
                self.exit = Some(Exit::Quit);
                return true;
            }
            Action::Interrupt => {
                self.exit = Some(Exit::Interrupted);
                return true;
            }
            Action::Suspend => {
                self.effects.suspend = true;
                return true;
            }
            Action::SearchResults { generation, found } => {
                return self.apply_search_results(generation, found)
            }
            Action::Reloaded(fresh) => {
                self.replace_index(fresh.0);
                return true;
            }
            Action::Loading(batch) => return self.take_batch(batch),
            Action::Loaded(whole) => return self.finish_loading(whole.0),
            Action::Notice(notice) => {
                self.notice = Some(notice);
                return true;
            }
            Action::Copied(delivery) => {
                self.copied(delivery);
                return true;
            }
            Action::Saved(result) => {
                self.saved(result);
                return true;
            }
            Action::Watch(WatchState::Paused(reason)) => {
                self.watch_paused = Some(reason);
                return true;
            }
            Action::Watch(WatchState::Watching) => {
                if self.watch_paused.take().is_some() {
                    let resumed = self.lang.pick(
                        "실시간 반영 재개: 사례 폴더를 다시 감시합니다",
                        "live reload resumed: watching the collection folder again",
                    );
                    self.notice = Some(resumed.to_string());
                }
                return true;
            }
            Action::EscapeThen(key) => {
                self.apply(Action::Close);
                let plain = crossterm::event::KeyEvent::new(
                    key.code,
                    key.modifiers - crossterm::event::KeyModifiers::ALT,
                );
                if let Some(then) = super::keymap::action_for(&plain, self.context()) {
                    self.apply(then);
                }
                return true;
            }
            // Over a collection still loading, ids name nothing yet: kept until it is whole.
            Action::Restore(memory) if self.loading.is_some() => {
                self.pending_memory = Some(memory);
                return false;
            }
            Action::Restore(memory) => {
                self.restore(*memory);
                return true;
            }
            Action::Paste(text) if matches!(self.overlay, Some(Overlay::Picker(_))) => {
                self.paste_into_picker(&text);
                return true;
            }
            // A paste into the history list narrows it.
            Action::Paste(text) if !matches!(self.overlay, Some(Overlay::History(_))) => {
                self.paste(&text);
                return true;
            }
            // From every view, the search box and the overlays included.
            Action::CycleTheme => {
                self.cycle_theme();
                return true;
            }
            Action::OpenItem(item) if item < self.index.len() => {
                // Going to an item leaves whatever is on top of the main view.
                self.overlay = None;
                self.view = View::Browse;
                self.search = None;
                self.notice = None;
                self.follow(item);
                return true;
            }
            _ => {}
        }
        // Anything the user does replaces the last notice.
        self.notice = None;
        if self.overlay.is_some() {
            self.update_overlay(action);
        } else if self.view != View::Browse && self.search.is_none() {
            self.update_view(action);
        } else if self.search.is_some() {
            self.update_search(action);
        } else {
            self.update_browse(action);
        }
        true
    }

    /// Keys in the compare, matrix, timeline and presenter views. What every view
    /// shares is here; the rest is in each view's module.
    fn update_view(&mut self, action: Action) {
        match action {
            Action::Close | Action::Back if matches!(self.view, View::Chart(_)) => {
                self.close_charts()
            }
            Action::Close | Action::Back => self.view = View::Browse,
            Action::TogglePresenter if matches!(self.view, View::Presenter(_)) => {
                self.view = View::Browse
            }
            Action::ShowMatrix => self.show_matrix(),
            Action::ShowCharts => self.show_charts(),
            Action::ShowTimeline => self.show_timeline(),
            Action::ToggleLanguage => self.lang = self.lang.other(),
            Action::ToggleHelp => self.open_help(),
            Action::ToggleErrors => self.open_errors(),
            Action::Copy => self.copy_line(),
            Action::CopyAll => self.copy_all(),
            Action::SaveCopy => self.save_copy(),
            action => match &self.view {
                View::Compare(_) => self.update_compare(action),
                View::Matrix(_) => self.update_matrix(action),
                View::Timeline(_) => self.update_timeline(action),
                View::Presenter(_) => self.update_presenter(action),
                View::Chart(_) => self.update_chart(action),
                View::Browse => {}
            },
        }
    }

    /// Brings everything derived from the state up to date with it: the detail's lines
    /// for the current item, language and width, and each scroll's content and window.
    /// Runs after every action, so what the renderer reads always matches.
    fn sync(&mut self) {
        if self.case_columns.is_none_or(|(lang, _)| lang != self.lang) {
            self.case_columns = Some((self.lang, CaseColumns::measure(&self.index, self.lang)));
        }
        let width = self.areas().detail_inner.width as usize;
        let subject = self.current_subject();
        self.detail_lines
            .refresh(&self.index, subject, self.lang, width);
        let page = self.areas().detail_inner.height as usize;
        let len = self.detail_lines.lines().len();
        self.detail.scroll.resize(len, page);
        if let Some(at) = self.detail.link_line {
            let lines = self.detail_lines.lines();
            if at >= lines.len() || lines[at].fact.is_none() {
                let scroll = self.detail.scroll;
                self.detail.link_line = detail::first_fact_in(lines, scroll.top(), scroll.page());
            }
        }
        if self.detail.found.is_some_and(|at| at >= len) {
            self.detail.found = None;
        }
        self.sync_view();
        self.sync_overlay();
        self.sync_recall();
    }

    /// Brings the view on top up to date with the language and the window size.
    fn sync_view(&mut self) {
        let areas = self.areas();
        let body = areas.view_inner.height as usize;
        let subject = self.current_subject();
        match &mut self.view {
            View::Browse => {}
            // One header line of case names above the body.
            View::Compare(view) => view.sync(
                &self.index,
                self.lang,
                body.saturating_sub(1),
                areas.view_inner.width as usize,
            ),
            // A header above; a blank line, the legend and the note on the reading below.
            View::Matrix(view) => view.sync(body.saturating_sub(4)),
            View::Timeline(view) => view.sync(&self.index, self.lang, body),
            View::Chart(view) => view.sync(
                &self.index,
                self.lang,
                body,
                areas.view_inner.width as usize,
            ),
            View::Presenter(view) => view.sync(
                &self.index,
                subject,
                self.lang,
                areas.presenter.width as usize,
                areas.presenter.height as usize,
            ),
        }
    }

    /// After a reload: each view made again from the new index, at its old place.
    fn rebuild_view(&mut self) {
        self.view =
            match &self.view {
                View::Browse => View::Browse,
                View::Compare(view) => View::Compare(CompareView::new(
                    &self.index,
                    view.cases().to_vec(),
                    self.lang,
                )),
                View::Matrix(_) => View::Matrix(MatrixView::new(&self.index)),
                View::Timeline(_) => View::Timeline(TimelineView::new(&self.index, self.lang)),
                View::Presenter(_) => View::Presenter(PresenterView::default()),
                View::Chart(view) => match view.subject().clone() {
                    ChartSubject::Compare(_) => View::Browse,
                    ChartSubject::Item(item) if item < self.index.len() => View::Chart(
                        ChartView::new(&self.index, ChartSubject::Item(item), self.lang),
                    ),
                    ChartSubject::Item(_) => View::Browse,
                },
            };
    }

    /// The detail lines for the current state, brought up to date first: for use inside
    /// `update`, where the state has just changed.
    fn fresh_detail_lines(&mut self) -> Arc<[DetailLine]> {
        let width = self.areas().detail_inner.width as usize;
        let subject = self.current_subject();
        self.detail_lines
            .refresh(&self.index, subject, self.lang, width);
        let page = self.areas().detail_inner.height as usize;
        self.detail
            .scroll
            .resize(self.detail_lines.lines().len(), page);
        self.detail_lines.shared()
    }

    /// Swaps in a freshly loaded collection (live reload), keeping what is on screen:
    /// selections, the pinned item, marks and compared cases follow their ids. Positions
    /// in the Back history would not survive, so the history restarts.
    fn replace_index(&mut self, index: Arc<Index>) {
        let old = Arc::clone(&self.index);
        let id_of = |pos: usize| old.item(pos).id.clone();
        let selected: Vec<Option<browse::RowKey>> = Pane::ALL
            .iter()
            .map(|&pane| {
                self.list_rows(pane)
                    .get(self.cursor_of(pane).selected)
                    .map(|&row| browse::RowKey::of(&old, row))
            })
            .collect();
        let pinned = self.pinned.map(id_of);
        let marked: Vec<String> = self.marked.iter().map(|&i| id_of(i)).collect();
        let compared: Option<Vec<String>> = match &self.view {
            View::Compare(view) => Some(view.cases().iter().map(|&i| id_of(i)).collect()),
            _ => None,
        };
        self.index = index;
        self.cited = OnceCell::new();
        self.detail_lines.invalidate();
        self.case_columns = None;
        let find = |id: &String| self.index.position(id);
        for (n, pane) in Pane::ALL.into_iter().enumerate() {
            let rows = self.list_rows(pane);
            let row = selected[n]
                .as_ref()
                .and_then(|key| key.find(&self.index))
                .and_then(|wanted| rows.iter().position(|&r| r == wanted));
            self.cursors[n].selected = row.unwrap_or(self.cursors[n].selected);
        }
        self.pinned = pinned.as_ref().and_then(find);
        self.marked = marked.iter().filter_map(find).collect();
        match compared {
            Some(ids) => {
                let cases: Vec<usize> = ids.iter().filter_map(find).collect();
                self.view = if cases.len() >= 2 {
                    View::Compare(CompareView::new(&self.index, cases, self.lang))
                } else {
                    View::Browse
                };
            }
            // Every other view is rebuilt from the new index by `sync_view`.
            None => self.rebuild_view(),
        }
        self.history.clear();
        if let Some(search) = &mut self.search {
            search.clear_results();
        }
        self.request_search();
        self.clamp_lists();
    }

    /// Keeps every list cursor inside its list after a resize or a change of content.
    fn clamp_lists(&mut self) {
        let height = self.list_height();
        for pane in Pane::ALL {
            let len = self.list_items(pane).len();
            self.cursors[pane.position()].clamp(len, height);
        }
        if let Some(search) = &mut self.search {
            search.clamp(height);
        }
    }

    /// The next theme (dark → light → high contrast → dark), named on the status bar.
    /// Under NO_COLOR there are no colours to change, and the notice says so.
    fn cycle_theme(&mut self) {
        if self.no_color {
            self.notice = Some(
                self.lang
                    .pick(
                        "NO_COLOR가 설정되어 있어 색 테마를 쓰지 않습니다",
                        "NO_COLOR is set, so no colour theme is used",
                    )
                    .to_string(),
            );
            return;
        }
        self.theme = self.theme.next();
        self.styles = Theme::new(self.theme, false);
        let name = theme::label(self.theme, self.lang);
        self.notice = Some(match self.lang {
            Lang::Ko => format!("{name} · Ctrl-t로 다음 테마"),
            Lang::En => format!("{name} · Ctrl-t for the next one"),
        });
    }

    fn list_height(&self) -> usize {
        self.areas().list_rows.height as usize
    }
}

/// How many rows a movement action moves (a page is `page` rows; first and last are
/// far enough to reach either end), or `None` when the action is not a movement.
fn movement(action: &Action, page: usize) -> Option<isize> {
    let page = page.max(1) as isize;
    match action {
        Action::SelectNext | Action::Scroll { delta: 1.., .. } => Some(1),
        Action::SelectPrevious | Action::Scroll { delta: ..=-1, .. } => Some(-1),
        Action::PageDown => Some(page),
        Action::PageUp => Some(-page),
        Action::SelectFirst => Some(isize::MIN / 2),
        Action::SelectLast => Some(isize::MAX / 2),
        _ => None,
    }
}

/// Applies a movement action to a scroll: lines, pages, either end; the wheel moves
/// three lines at a time.
fn scroll_by(scroll: &mut Scroll, action: &Action) -> bool {
    match action {
        Action::SelectNext => scroll.by(1),
        Action::SelectPrevious => scroll.by(-1),
        Action::Scroll { delta, .. } => scroll.by(*delta as isize * 3),
        Action::PageDown => scroll.by_pages(1),
        Action::PageUp => scroll.by_pages(-1),
        Action::SelectFirst => scroll.to_start(),
        Action::SelectLast => scroll.to_end(),
        _ => return false,
    }
    true
}
