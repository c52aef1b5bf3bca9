//! The explorer's state and the one place it changes: [`App::update`] takes an
//! [`Action`] and applies it. Nothing here draws; the renderer reads this state.
//!
//! Search runs elsewhere (a worker thread in the real program, inline in tests): the app
//! only records what to search for ([`App::take_search_request`]) and accepts results
//! for the newest request ([`App::apply_search_results`]).

use std::sync::Arc;

use super::action::Action;
use super::detail::{self, DetailLine};
use super::layout::{self, Areas};
use crate::index::Index;
use crate::model::{Item, Kind, Lang, Status};

/// The list panes, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Cases,
    Roles,
    Factors,
    Problems,
    /// Types, strategies and concepts: everything the four main panes do not list.
    Reference,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Cases,
        Pane::Roles,
        Pane::Factors,
        Pane::Problems,
        Pane::Reference,
    ];

    pub fn kinds(self) -> &'static [Kind] {
        match self {
            Pane::Cases => &[Kind::Case],
            Pane::Roles => &[Kind::Role],
            Pane::Factors => &[Kind::Factor],
            Pane::Problems => &[Kind::Problem],
            Pane::Reference => &[Kind::Type, Kind::Strategy, Kind::Concept],
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Pane::Cases => lang.pick("사례", "Cases"),
            Pane::Roles => lang.pick("구성주체 역할", "Actor roles"),
            Pane::Factors => lang.pick("성공요인", "Success factors"),
            Pane::Problems => lang.pick("정책문제", "Policy problems"),
            Pane::Reference => lang.pick("유형·전략·개념", "Types · strategies · concepts"),
        }
    }

    /// The short label on the tab bar; the full title heads the pane.
    pub fn tab_label(self, lang: Lang) -> &'static str {
        match self {
            Pane::Cases => lang.pick("사례", "Cases"),
            Pane::Roles => lang.pick("역할", "Roles"),
            Pane::Factors => lang.pick("성공요인", "Factors"),
            Pane::Problems => lang.pick("정책문제", "Problems"),
            Pane::Reference => lang.pick("유형·전략·개념", "Reference"),
        }
    }

    pub fn for_kind(kind: Kind) -> Pane {
        match kind {
            Kind::Case => Pane::Cases,
            Kind::Role => Pane::Roles,
            Kind::Factor => Pane::Factors,
            Kind::Problem => Pane::Problems,
            Kind::Type | Kind::Strategy | Kind::Concept => Pane::Reference,
        }
    }

    fn position(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// Which half of the screen keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

/// Selection and scroll of one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

impl ListCursor {
    /// Moves to `selected` (clamped to `len`) and scrolls so it stays within `height` rows.
    fn select(&mut self, selected: usize, len: usize, height: usize) {
        self.selected = if len == 0 { 0 } else { selected.min(len - 1) };
        self.scroll_into_view(len, height);
    }

    fn scroll_into_view(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    fn moved(&mut self, delta: isize, len: usize, height: usize) {
        let target = (self.selected as isize + delta).clamp(0, len.saturating_sub(1) as isize);
        self.select(target as usize, len, height);
    }
}

/// The case list's filters; `None` means "all".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    pub cluster_type: Option<String>,
    /// A country by its English name (the stable one of the two).
    pub country: Option<String>,
    pub status: Option<Status>,
}

impl CaseFilter {
    pub fn is_active(&self) -> bool {
        self.cluster_type.is_some() || self.country.is_some() || self.status.is_some()
    }

    pub fn admits(&self, item: &Item) -> bool {
        let Some(case) = item.case() else { return true };
        self.cluster_type
            .as_ref()
            .is_none_or(|t| &case.cluster_type == t)
            && self.country.as_ref().is_none_or(|c| &case.country.en == c)
            && self.status.is_none_or(|s| case.status == s)
    }
}

/// Where the detail pane is scrolled and which of its links is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DetailCursor {
    pub scroll: usize,
    /// The selected line (a line with a link) when the detail has focus.
    pub link_line: Option<usize>,
}

/// One search result as shown: the item, the field that matched and where.
pub type ResultRow = crate::collection::ItemHit;

/// The open search box.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchBox {
    pub input: String,
    /// The caret, as a char index into `input`.
    pub caret: usize,
    pub results: Vec<ResultRow>,
    pub total: usize,
    pub cursor: ListCursor,
    /// The generation of the newest request; older results are ignored.
    pub generation: u64,
    /// The generation the shown results belong to.
    pub shown_generation: u64,
}

impl SearchBox {
    pub fn is_waiting(&self) -> bool {
        self.shown_generation != self.generation
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.input
            .char_indices()
            .nth(char_index)
            .map_or(self.input.len(), |(b, _)| b)
    }
}

/// A request for the search worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
}

/// A screen on top of the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Errors { scroll: usize },
}

/// What fills the screen below the tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Lists and the detail.
    Browse,
    /// Two to four cases side by side.
    Compare { cases: Vec<usize>, scroll: usize },
    /// Cases × VP / SO / SS; the cursor is on the `row`-th case and `column`-th role.
    Matrix { row: usize, column: usize },
    /// The era timeline; the cursor is on the `entry`-th entry that links to a case.
    Timeline { entry: usize },
    /// One item full-screen for a projector.
    Presenter { scroll: usize },
}

/// One line of the role matrix.
pub use crate::matrix::MatrixLine;

/// One line of the era timeline view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimelineLine {
    /// An era: its label and policy focus.
    Era { label: String, focus: String },
    /// A world or Korean entry, linking to a case where there is one.
    Entry {
        korea: bool,
        name: String,
        case: Option<usize>,
    },
}

/// At most this many cases are compared side by side.
pub const MAX_COMPARED: usize = 4;

/// A place to return to with Back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Location {
    pane: Pane,
    cursor: ListCursor,
    pinned: Option<usize>,
    focus: Focus,
    detail: DetailCursor,
}

/// How many entries Back remembers.
const HISTORY_LIMIT: usize = 200;

/// The explorer's whole state.
pub struct App {
    pub index: Arc<Index>,
    pub lang: Lang,
    pub pane: Pane,
    pub focus: Focus,
    pub cursors: [ListCursor; 5],
    pub filter: CaseFilter,
    /// An item shown in the detail in place of the list selection (a followed link to
    /// an item the current list does not show).
    pub pinned: Option<usize>,
    pub detail: DetailCursor,
    history: Vec<Location>,
    pub search: Option<SearchBox>,
    pub overlay: Option<Overlay>,
    pub size: (u16, u16),
    pub should_quit: bool,
    pending_search: Option<SearchRequest>,
    next_generation: u64,
    pub view: View,
    /// Cases marked for comparison, in the order they were marked.
    pub marked: Vec<usize>,
    /// A one-line message for the status bar (what was copied, what is marked).
    pub notice: Option<String>,
    pending_copy: Option<String>,
}

impl App {
    pub fn new(index: Arc<Index>, lang: Lang, size: (u16, u16)) -> App {
        App {
            index,
            lang,
            pane: Pane::Cases,
            focus: Focus::List,
            cursors: [ListCursor::default(); 5],
            filter: CaseFilter::default(),
            pinned: None,
            detail: DetailCursor::default(),
            history: Vec::new(),
            search: None,
            overlay: None,
            size,
            should_quit: false,
            pending_search: None,
            next_generation: 0,
            view: View::Browse,
            marked: Vec::new(),
            notice: None,
            pending_copy: None,
        }
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.size.0, self.size.1, self.search.is_some())
    }

    /// Item positions the current pane lists, filters applied.
    pub fn list_items(&self, pane: Pane) -> Vec<usize> {
        pane.kinds()
            .iter()
            .flat_map(|&k| self.index.of_kind(k).iter().copied())
            .filter(|&i| pane != Pane::Cases || self.filter.admits(self.index.item(i)))
            .collect()
    }

    pub fn cursor(&self) -> ListCursor {
        self.cursors[self.pane.position()]
    }

    fn cursor_mut(&mut self) -> &mut ListCursor {
        &mut self.cursors[self.pane.position()]
    }

    /// The item the detail pane shows.
    pub fn current_item(&self) -> Option<usize> {
        if let Some(search) = &self.search {
            return search.results.get(search.cursor.selected).map(|r| r.item);
        }
        self.pinned.or_else(|| {
            self.list_items(self.pane)
                .get(self.cursor().selected)
                .copied()
        })
    }

    /// The detail lines for the current item at the current size.
    pub fn detail_lines(&self) -> Vec<DetailLine> {
        let width = self.areas().detail_inner.width as usize;
        match self.current_item() {
            Some(item) => detail::lines(&self.index, self.index.item(item), self.lang, width),
            None => Vec::new(),
        }
    }

    fn list_height(&self) -> usize {
        self.areas().list_rows.height as usize
    }

    fn detail_height(&self) -> usize {
        self.areas().detail_inner.height as usize
    }

    /// The newest search to run, once; `None` when nothing changed since the last call.
    pub fn take_search_request(&mut self) -> Option<SearchRequest> {
        self.pending_search.take()
    }

    /// Shows results for `generation`; results of an older request are dropped.
    pub fn apply_search_results(&mut self, generation: u64, results: Vec<ResultRow>, total: usize) {
        let height = self.list_height();
        if let Some(search) = &mut self.search {
            if generation != search.generation {
                return;
            }
            search.results = results;
            search.total = total;
            search.shown_generation = generation;
            search.cursor = ListCursor::default();
            search.cursor.select(0, search.results.len(), height);
            self.detail = DetailCursor::default();
        }
    }

    fn request_search(&mut self) {
        if let Some(search) = &mut self.search {
            self.next_generation += 1;
            search.generation = self.next_generation;
            self.pending_search = Some(SearchRequest {
                generation: search.generation,
                query: search.input.clone(),
            });
        }
    }

    /// Applies one action. The only function that changes the explorer's state.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
            self.clamp_all();
            return;
        }
        if action == Action::Quit {
            self.should_quit = true;
            return;
        }
        self.notice = None;
        if let Some(overlay) = self.overlay {
            self.update_overlay(overlay, action);
            return;
        }
        if self.search.is_some() {
            self.update_search(action);
            return;
        }
        if self.view != View::Browse {
            self.update_view(action);
            return;
        }
        self.update_browse(action);
    }

    /// Swaps in a freshly loaded collection (live reload), keeping what is on screen:
    /// selections, the pinned item, marks and compared cases follow their ids. Positions
    /// in the Back history would not survive, so the history restarts.
    pub fn replace_index(&mut self, index: Arc<Index>) {
        let old = Arc::clone(&self.index);
        let id_of = |pos: usize| old.item(pos).id.clone();
        let selected: Vec<Option<String>> = Pane::ALL
            .iter()
            .enumerate()
            .map(|(n, &pane)| {
                self.list_items(pane)
                    .get(self.cursors[n].selected)
                    .map(|&i| id_of(i))
            })
            .collect();
        let pinned = self.pinned.map(id_of);
        let marked: Vec<String> = self.marked.iter().map(|&i| id_of(i)).collect();
        let compared: Option<Vec<String>> = match &self.view {
            View::Compare { cases, .. } => Some(cases.iter().map(|&i| id_of(i)).collect()),
            _ => None,
        };
        self.index = index;
        let find = |id: &String| self.index.position(id);
        for (n, pane) in Pane::ALL.into_iter().enumerate() {
            let rows = self.list_items(pane);
            let row = selected[n]
                .as_ref()
                .and_then(find)
                .and_then(|i| rows.iter().position(|&r| r == i));
            self.cursors[n].selected = row.unwrap_or(self.cursors[n].selected);
        }
        self.pinned = pinned.as_ref().and_then(find);
        self.marked = marked.iter().filter_map(find).collect();
        if let Some(ids) = compared {
            let cases: Vec<usize> = ids.iter().filter_map(find).collect();
            self.view = if cases.len() >= 2 {
                View::Compare { cases, scroll: 0 }
            } else {
                View::Browse
            };
        }
        self.history.clear();
        if let Some(search) = &mut self.search {
            search.results.clear();
        }
        self.request_search();
        self.clamp_all();
    }

    /// Markdown the user asked to copy, once.
    pub fn take_copy(&mut self) -> Option<String> {
        self.pending_copy.take()
    }

    /// The role matrix, grouped by cluster type in the type catalog's order.
    pub fn matrix_lines(&self) -> Vec<MatrixLine> {
        crate::matrix::lines(&self.index)
    }

    /// The era timeline from the first concept that has one.
    pub fn timeline_lines(&self) -> Vec<TimelineLine> {
        let lang = self.lang;
        let Some(eras) = self
            .index
            .items()
            .iter()
            .find_map(|item| match &item.details {
                crate::model::Details::Concept { eras, .. } if !eras.is_empty() => Some(eras),
                _ => None,
            })
        else {
            return Vec::new();
        };
        let mut lines = Vec::new();
        for era in eras {
            lines.push(TimelineLine::Era {
                label: era.label.get(lang).to_string(),
                focus: era.policy_focus.get(lang).to_string(),
            });
            for id in &era.world {
                lines.push(TimelineLine::Entry {
                    korea: false,
                    name: self.index.name_of(id, lang).to_string(),
                    case: self.index.position(id),
                });
            }
            for korean in &era.korea {
                lines.push(TimelineLine::Entry {
                    korea: true,
                    name: korean.name.get(lang).to_string(),
                    case: korean.case.as_deref().and_then(|c| self.index.position(c)),
                });
            }
        }
        lines
    }

    /// The item presenter mode shows: the current one.
    pub fn presented_item(&self) -> Option<usize> {
        self.current_item()
    }

    fn rated_cases(&self) -> Vec<usize> {
        self.matrix_lines()
            .into_iter()
            .filter_map(|l| match l {
                MatrixLine::Case(case) => Some(case.item),
                MatrixLine::Group(_) => None,
            })
            .collect()
    }

    fn timeline_targets(&self) -> Vec<usize> {
        self.timeline_lines()
            .into_iter()
            .filter_map(|l| match l {
                TimelineLine::Entry {
                    case: Some(case), ..
                } => Some(case),
                _ => None,
            })
            .collect()
    }

    /// Keys in the compare, matrix, timeline and presenter views.
    fn update_view(&mut self, action: Action) {
        let page = self.size.1.saturating_sub(4).max(1) as isize;
        match action {
            Action::Close | Action::Back => {
                self.view = View::Browse;
                return;
            }
            Action::TogglePresenter if matches!(self.view, View::Presenter { .. }) => {
                self.view = View::Browse;
                return;
            }
            Action::ShowMatrix => {
                self.view = View::Matrix { row: 0, column: 0 };
                return;
            }
            Action::ShowTimeline => {
                self.view = View::Timeline { entry: 0 };
                return;
            }
            Action::ToggleLanguage => {
                self.lang = self.lang.other();
                return;
            }
            Action::ToggleHelp => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                return;
            }
            Action::Copy => {
                self.copy();
                return;
            }
            _ => {}
        }
        let delta = movement(&action, page).unwrap_or(0);
        let moved = |at: usize, len: usize| {
            (at as isize + delta).clamp(0, len.saturating_sub(1) as isize) as usize
        };
        match self.view.clone() {
            View::Compare { cases, scroll } => {
                self.view = View::Compare {
                    cases,
                    scroll: moved(scroll, 200),
                };
            }
            View::Matrix { row, column } => {
                let rows = self.rated_cases();
                let column = match action {
                    Action::NextPane => (column + 1) % 3,
                    Action::PreviousPane => (column + 2) % 3,
                    _ => column,
                };
                if action == Action::Open {
                    if let Some(&case) = rows.get(row) {
                        self.view = View::Browse;
                        self.follow(case);
                        self.select_role_line(crate::index::MATRIX_ROLES[column.min(2)]);
                    }
                    return;
                }
                self.view = View::Matrix {
                    row: moved(row, rows.len()),
                    column,
                };
            }
            View::Timeline { entry } => {
                let targets = self.timeline_targets();
                if action == Action::Open {
                    if let Some(&case) = targets.get(entry) {
                        self.view = View::Browse;
                        self.follow(case);
                    }
                    return;
                }
                self.view = View::Timeline {
                    entry: moved(entry, targets.len()),
                };
            }
            View::Presenter { scroll } => match action {
                // Next and previous walk the current list; paging scrolls the item.
                Action::SelectNext | Action::SelectPrevious => {
                    self.move_list(delta);
                    self.view = View::Presenter { scroll: 0 };
                }
                Action::PageDown | Action::PageUp | Action::Scroll { .. } => {
                    let step = if matches!(action, Action::Scroll { .. }) {
                        delta * 3
                    } else {
                        delta
                    };
                    let scroll = (scroll as isize + step).max(0) as usize;
                    self.view = View::Presenter { scroll };
                }
                Action::SelectFirst => self.view = View::Presenter { scroll: 0 },
                _ => {}
            },
            View::Browse => {}
        }
    }

    /// After following a link from the matrix, put the link cursor on the role's line.
    fn select_role_line(&mut self, role: &str) {
        let Some(role) = self.index.position(role) else {
            return;
        };
        let lines = self.detail_lines();
        if let Some(line) = lines.iter().position(|l| l.link == Some(role)) {
            let page = self.detail_height().max(1);
            self.detail.link_line = Some(line);
            self.detail.scroll = line
                .saturating_sub(page / 2)
                .min(lines.len().saturating_sub(page));
        }
    }

    fn toggle_mark(&mut self) {
        let lang = self.lang;
        let Some(item) = self
            .current_item()
            .filter(|&i| self.index.item(i).kind == Kind::Case)
        else {
            self.notice = Some(
                lang.pick("사례만 비교할 수 있습니다", "only cases can be compared")
                    .into(),
            );
            return;
        };
        if let Some(at) = self.marked.iter().position(|&m| m == item) {
            self.marked.remove(at);
        } else if self.marked.len() < MAX_COMPARED {
            self.marked.push(item);
        } else {
            self.notice = Some(match lang {
                Lang::Ko => format!("최대 {MAX_COMPARED}개까지 비교합니다 — m으로 표시 해제"),
                Lang::En => format!("at most {MAX_COMPARED} cases — press m to unmark one"),
            });
            return;
        }
        self.notice = Some(match lang {
            Lang::Ko => format!("비교 표시 {}/{MAX_COMPARED} — C로 비교", self.marked.len()),
            Lang::En => format!(
                "marked {}/{MAX_COMPARED} — press C to compare",
                self.marked.len()
            ),
        });
    }

    fn compare_marked(&mut self) {
        if self.marked.len() >= 2 {
            self.view = View::Compare {
                cases: self.marked.clone(),
                scroll: 0,
            };
        } else {
            // Nothing (or one case) marked: the seed's pair is the natural comparison.
            self.compare_counterpart();
        }
    }

    fn compare_counterpart(&mut self) {
        let lang = self.lang;
        let pair = self.current_item().and_then(|item| {
            let counterpart = self.index.item(item).case()?.counterpart.as_deref()?;
            Some((item, self.index.position(counterpart)?))
        });
        match pair {
            Some((a, b)) => {
                self.view = View::Compare {
                    cases: vec![a, b],
                    scroll: 0,
                }
            }
            None => {
                self.notice = Some(
                    lang.pick(
                        "대응 사례가 없습니다 — m으로 두 사례 이상 표시한 뒤 C",
                        "no counterpart — mark two or more cases with m, then C",
                    )
                    .into(),
                )
            }
        }
    }

    /// Puts the current item (or comparison, or matrix) on the clipboard as Markdown.
    fn copy(&mut self) {
        let lang = self.lang;
        let markdown = match &self.view {
            View::Compare { cases, .. } => {
                let ids: Vec<&str> = cases.iter().map(|&c| self.index.item(c).id.as_str()).collect();
                crate::compare::compare(&self.index, &ids, lang).ok().map(|c| crate::render::markdown::comparison(&c, lang))
            }
            View::Matrix { .. } => Some(crate::render::markdown::matrix(&self.index, lang)),
            View::Timeline { .. } => self
                .index
                .items()
                .iter()
                .find(|i| matches!(&i.details, crate::model::Details::Concept { eras, .. } if !eras.is_empty()))
                .map(|item| crate::render::markdown::report(&crate::report::report(&self.index, item, lang), lang)),
            View::Browse | View::Presenter { .. } => self
                .current_item()
                .map(|i| crate::render::markdown::report(&crate::report::report(&self.index, self.index.item(i), lang), lang)),
        };
        match markdown {
            Some(markdown) => {
                let count = markdown.chars().count();
                self.notice = Some(match lang {
                    Lang::Ko => format!("마크다운 {count}자를 복사했습니다 (출처 포함)"),
                    Lang::En => format!("copied {count} characters of Markdown (with sources)"),
                });
                self.pending_copy = Some(markdown);
            }
            None => {
                self.notice = Some(
                    lang.pick("복사할 항목이 없습니다", "nothing to copy")
                        .into(),
                )
            }
        }
    }

    fn update_overlay(&mut self, overlay: Overlay, action: Action) {
        let step = |scroll: usize, delta: isize| (scroll as isize + delta).max(0) as usize;
        let page = self.size.1.saturating_sub(6).max(1) as isize;
        if let Some(delta) = movement(&action, page) {
            let max = self.overlay_lines(overlay).saturating_sub(1);
            self.overlay = Some(match overlay {
                Overlay::Help { scroll } => Overlay::Help {
                    scroll: step(scroll, delta).min(max),
                },
                Overlay::Errors { scroll } => Overlay::Errors {
                    scroll: step(scroll, delta).min(max),
                },
            });
            return;
        }
        match action {
            Action::Close
            | Action::Back
            | Action::ToggleHelp
            | Action::ToggleErrors
            | Action::Click { .. } => {
                // `e` on the help (or `?` on the errors) switches straight to the other.
                self.overlay = match (overlay, action) {
                    (Overlay::Help { .. }, Action::ToggleErrors) => {
                        Some(Overlay::Errors { scroll: 0 })
                    }
                    (Overlay::Errors { .. }, Action::ToggleHelp) => {
                        Some(Overlay::Help { scroll: 0 })
                    }
                    _ => None,
                };
            }
            Action::ToggleLanguage => self.lang = self.lang.other(),
            _ => {}
        }
    }

    /// How many lines an overlay has, for its scroll limit.
    fn overlay_lines(&self, overlay: Overlay) -> usize {
        match overlay {
            Overlay::Help { .. } => super::keys::BINDINGS.len() + 4,
            Overlay::Errors { .. } => self.index.diagnostics.len().max(1) * 2 + 2,
        }
    }

    fn update_search(&mut self, action: Action) {
        let height = self.list_height();
        let rows = self.areas().list_rows;
        let Some(search) = &mut self.search else {
            return;
        };
        let len = search.results.len();
        let mut changed = false;
        match action {
            Action::SearchInsert(c) => {
                let at = search.byte_at(search.caret);
                search.input.insert(at, c);
                search.caret += 1;
                changed = true;
            }
            Action::SearchBackspace => {
                if search.caret > 0 {
                    let at = search.byte_at(search.caret - 1);
                    search.input.remove(at);
                    search.caret -= 1;
                    changed = true;
                }
            }
            Action::SearchDelete => {
                if search.caret < search.input.chars().count() {
                    let at = search.byte_at(search.caret);
                    search.input.remove(at);
                    changed = true;
                }
            }
            Action::SearchCaretLeft => search.caret = search.caret.saturating_sub(1),
            Action::SearchCaretRight => {
                search.caret = (search.caret + 1).min(search.input.chars().count())
            }
            Action::SearchCaretHome => search.caret = 0,
            Action::SearchCaretEnd => search.caret = search.input.chars().count(),
            Action::SearchClear => {
                search.input.clear();
                search.caret = 0;
                changed = true;
            }
            Action::SelectNext => search.cursor.moved(1, len, height),
            Action::SelectPrevious => search.cursor.moved(-1, len, height),
            Action::PageDown => search.cursor.moved(height as isize, len, height),
            Action::PageUp => search.cursor.moved(-(height as isize), len, height),
            Action::Scroll { delta, .. } => search.cursor.moved(delta as isize, len, height),
            Action::Click { column, row } => {
                if contains(rows, column, row) {
                    let at = search.cursor.offset + (row - rows.y) as usize;
                    search.cursor.select(at, len, height);
                }
            }
            Action::Open => {
                if let Some(item) = search.results.get(search.cursor.selected).map(|r| r.item) {
                    self.search = None;
                    self.follow(item);
                }
                return;
            }
            Action::Close => {
                self.search = None;
                self.detail = DetailCursor::default();
                return;
            }
            _ => return,
        }
        self.detail = DetailCursor::default();
        if changed {
            self.request_search();
        }
    }

    fn update_browse(&mut self, action: Action) {
        match action {
            Action::SelectNext => self.step(1),
            Action::SelectPrevious => self.step(-1),
            Action::PageDown => self.page(1),
            Action::PageUp => self.page(-1),
            Action::SelectFirst => self.jump(false),
            Action::SelectLast => self.jump(true),
            Action::NextPane => self.show_pane((self.pane.position() + 1) % Pane::ALL.len()),
            Action::PreviousPane => {
                self.show_pane((self.pane.position() + Pane::ALL.len() - 1) % Pane::ALL.len())
            }
            Action::ShowPane(n) => self.show_pane(n.min(Pane::ALL.len() - 1)),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::Close => {
                if self.focus == Focus::Detail {
                    self.focus = Focus::List;
                    self.detail.link_line = None;
                } else if self.pinned.is_some() {
                    self.pinned = None;
                    self.detail = DetailCursor::default();
                } else if self.filter.is_active() {
                    self.set_filter(CaseFilter::default());
                }
            }
            Action::OpenSearch => {
                self.search = Some(SearchBox::default());
                self.detail = DetailCursor::default();
                self.request_search();
            }
            Action::CycleTypeFilter => {
                let types: Vec<String> = self
                    .index
                    .of_kind(Kind::Type)
                    .iter()
                    .map(|&i| self.index.item(i).id.clone())
                    .collect();
                let next = cycle(&types, self.filter.cluster_type.as_ref());
                self.set_filter(CaseFilter {
                    cluster_type: next,
                    ..self.filter.clone()
                });
            }
            Action::CycleCountryFilter => {
                let mut countries: Vec<String> = self
                    .index
                    .of_kind(Kind::Case)
                    .iter()
                    .filter_map(|&i| self.index.item(i).case().map(|c| c.country.en.clone()))
                    .collect();
                countries.sort();
                countries.dedup();
                let next = cycle(&countries, self.filter.country.as_ref());
                self.set_filter(CaseFilter {
                    country: next,
                    ..self.filter.clone()
                });
            }
            Action::CycleStatusFilter => {
                let next = cycle(&Status::ALL, self.filter.status.as_ref());
                self.set_filter(CaseFilter {
                    status: next,
                    ..self.filter.clone()
                });
            }
            Action::ClearFilters => self.set_filter(CaseFilter::default()),
            Action::ToggleLanguage => self.lang = self.lang.other(),
            Action::SetLanguage(lang) => self.lang = lang,
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ToggleErrors => self.overlay = Some(Overlay::Errors { scroll: 0 }),
            Action::ToggleMark => self.toggle_mark(),
            Action::CompareMarked => self.compare_marked(),
            Action::CompareCounterpart => self.compare_counterpart(),
            Action::ShowMatrix => self.view = View::Matrix { row: 0, column: 0 },
            Action::ShowTimeline => self.view = View::Timeline { entry: 0 },
            Action::TogglePresenter => {
                if self.current_item().is_some() {
                    self.view = View::Presenter { scroll: 0 };
                }
            }
            Action::Copy => self.copy(),
            Action::Scroll { column, row, delta } => self.scroll_at(column, row, delta),
            Action::Click { column, row } => self.click(column, row),
            Action::SearchInsert(_)
            | Action::SearchBackspace
            | Action::SearchDelete
            | Action::SearchCaretLeft
            | Action::SearchCaretRight
            | Action::SearchCaretHome
            | Action::SearchCaretEnd
            | Action::SearchClear
            | Action::Resize(..)
            | Action::Quit => {}
        }
    }

    fn step(&mut self, delta: isize) {
        match self.focus {
            Focus::List => self.move_list(delta),
            Focus::Detail => self.move_link(delta),
        }
    }

    fn move_list(&mut self, delta: isize) {
        let len = self.list_items(self.pane).len();
        let height = self.list_height();
        self.cursor_mut().moved(delta, len, height);
        self.pinned = None;
        self.detail = DetailCursor::default();
    }

    fn page(&mut self, direction: isize) {
        match self.focus {
            Focus::List => self.move_list(direction * self.list_height().max(1) as isize),
            Focus::Detail => {
                let page = self.detail_height().max(1);
                let lines = self.detail_lines();
                let max = lines.len().saturating_sub(page);
                self.detail.scroll = (self.detail.scroll as isize + direction * page as isize)
                    .clamp(0, max as isize) as usize;
                self.detail.link_line = first_link_in(&lines, self.detail.scroll, page);
            }
        }
    }

    fn jump(&mut self, to_end: bool) {
        match self.focus {
            Focus::List => {
                let len = self.list_items(self.pane).len();
                let target = if to_end { len.saturating_sub(1) } else { 0 };
                let height = self.list_height();
                self.cursor_mut().select(target, len, height);
                self.pinned = None;
                self.detail = DetailCursor::default();
            }
            Focus::Detail => {
                let page = self.detail_height().max(1);
                let lines = self.detail_lines();
                self.detail.scroll = if to_end {
                    lines.len().saturating_sub(page)
                } else {
                    0
                };
                self.detail.link_line = first_link_in(&lines, self.detail.scroll, page);
            }
        }
    }

    /// Moves the link cursor in the detail to the next/previous line with a link, or
    /// scrolls when there is none in that direction.
    fn move_link(&mut self, delta: isize) {
        let lines = self.detail_lines();
        let page = self.detail_height().max(1);
        let max_scroll = lines.len().saturating_sub(page);
        let from = self.detail.link_line;
        let next = match (from, delta > 0) {
            (Some(at), true) => (at + 1..lines.len())
                .find(|&i| lines[i].link.is_some() && lines[i].link != lines[at].link),
            (Some(at), false) => (0..at)
                .rev()
                .find(|&i| lines[i].link.is_some() && lines[i].link != lines[at].link)
                .map(|i| link_start(&lines, i)),
            (None, true) => (self.detail.scroll..lines.len()).find(|&i| lines[i].link.is_some()),
            (None, false) => None,
        };
        // Only jump to a link within reach (this page or the next); otherwise scroll, so
        // the text between links can still be read.
        let reachable = next.filter(|&i| {
            if delta > 0 {
                i < self.detail.scroll + page + 1
            } else {
                i + 1 >= self.detail.scroll
            }
        });
        match reachable {
            Some(line) => {
                self.detail.link_line = Some(line);
                if line < self.detail.scroll {
                    self.detail.scroll = line;
                } else if line >= self.detail.scroll + page {
                    self.detail.scroll = (line + 1 - page).min(max_scroll);
                }
            }
            None => {
                self.detail.scroll =
                    (self.detail.scroll as isize + delta).clamp(0, max_scroll as isize) as usize;
                if let Some(at) = self.detail.link_line {
                    if at < self.detail.scroll || at >= self.detail.scroll + page {
                        self.detail.link_line = None;
                    }
                }
            }
        }
    }

    fn show_pane(&mut self, n: usize) {
        let pane = Pane::ALL[n];
        if pane != self.pane || self.pinned.is_some() {
            self.pane = pane;
            self.pinned = None;
            self.detail = DetailCursor::default();
        }
        self.focus = Focus::List;
        self.clamp_all();
    }

    fn open(&mut self) {
        match self.focus {
            Focus::List => {
                if self.current_item().is_some() {
                    self.focus = Focus::Detail;
                    let lines = self.detail_lines();
                    self.detail.link_line =
                        first_link_in(&lines, self.detail.scroll, self.detail_height().max(1));
                }
            }
            Focus::Detail => {
                let lines = self.detail_lines();
                let target = self
                    .detail
                    .link_line
                    .and_then(|l| lines.get(l))
                    .and_then(|l| l.link);
                match target {
                    Some(item) => self.follow(item),
                    // No link in view yet: Enter brings the next one into view and selects
                    // it, so a second Enter follows it.
                    None => {
                        let page = self.detail_height().max(1);
                        let next =
                            (self.detail.scroll..lines.len()).find(|&i| lines[i].link.is_some());
                        if let Some(line) = next {
                            self.detail.link_line = Some(line);
                            if line >= self.detail.scroll + page {
                                self.detail.scroll = (line + 1).saturating_sub(page);
                            }
                        }
                    }
                }
            }
        }
    }

    fn here(&self) -> Location {
        Location {
            pane: self.pane,
            cursor: self.cursor(),
            pinned: self.pinned,
            focus: self.focus,
            detail: self.detail,
        }
    }

    /// Shows `item`: in its own pane when that pane lists it, else pinned in the detail.
    /// The place left behind goes onto the history for Back.
    pub fn follow(&mut self, item: usize) {
        let here = self.here();
        if self.history.len() == HISTORY_LIMIT {
            self.history.remove(0);
        }
        self.history.push(here);
        let pane = Pane::for_kind(self.index.item(item).kind);
        let listed = self.list_items(pane);
        self.pane = pane;
        self.pinned = None;
        match listed.iter().position(|&i| i == item) {
            Some(row) => {
                let height = self.list_height();
                self.cursor_mut().select(row, listed.len(), height);
            }
            None => self.pinned = Some(item),
        }
        self.focus = Focus::Detail;
        self.detail = DetailCursor::default();
        let lines = self.detail_lines();
        self.detail.link_line = first_link_in(&lines, 0, self.detail_height().max(1));
    }

    fn back(&mut self) {
        if let Some(place) = self.history.pop() {
            self.pane = place.pane;
            self.cursors[place.pane.position()] = place.cursor;
            self.pinned = place.pinned;
            self.focus = place.focus;
            self.detail = place.detail;
            self.clamp_all();
        } else if self.focus == Focus::Detail {
            self.focus = Focus::List;
            self.detail.link_line = None;
        }
    }

    /// How many places Back can return to.
    pub fn history_len(&self) -> usize {
        self.history.len()
    }

    fn set_filter(&mut self, filter: CaseFilter) {
        // Keep the selected case selected when it passes the new filter.
        let selected = if self.pane == Pane::Cases {
            self.current_item()
        } else {
            None
        };
        self.filter = filter;
        let items = self.list_items(Pane::Cases);
        let row = selected
            .and_then(|s| items.iter().position(|&i| i == s))
            .unwrap_or(0);
        let height = self.list_height();
        self.cursors[Pane::Cases.position()].select(row, items.len(), height);
        if self.pane == Pane::Cases {
            self.pinned = None;
            self.detail = DetailCursor::default();
        }
    }

    fn scroll_at(&mut self, column: u16, row: u16, delta: i32) {
        let areas = self.areas();
        if contains(areas.detail, column, row) {
            let page = self.detail_height().max(1);
            let max = self.detail_lines().len().saturating_sub(page);
            self.detail.scroll =
                (self.detail.scroll as isize + delta as isize * 3).clamp(0, max as isize) as usize;
        } else if contains(areas.list, column, row) {
            self.move_list(delta as isize);
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        if let Some(pane) = layout::tab_at(&areas, self.lang, column, row) {
            self.show_pane(pane);
        } else if contains(areas.list_rows, column, row) {
            let cursor = self.cursor();
            let at = cursor.offset + (row - areas.list_rows.y) as usize;
            let len = self.list_items(self.pane).len();
            if at < len {
                let height = self.list_height();
                self.cursor_mut().select(at, len, height);
                self.pinned = None;
                self.detail = DetailCursor::default();
                self.focus = Focus::List;
            }
        } else if contains(areas.detail_inner, column, row) {
            let line = self.detail.scroll + (row - areas.detail_inner.y) as usize;
            let target = self.detail_lines().get(line).and_then(|l| l.link);
            match target {
                Some(item) => self.follow(item),
                None => self.focus = Focus::Detail,
            }
        }
    }

    /// Keeps every cursor and scroll inside its content after a resize or a change of
    /// content (language switch, filter).
    fn clamp_all(&mut self) {
        let height = self.list_height();
        for pane in Pane::ALL {
            let len = self.list_items(pane).len();
            let cursor = &mut self.cursors[pane.position()];
            let selected = cursor.selected;
            cursor.select(selected, len, height);
        }
        if let Some(search) = &mut self.search {
            let selected = search.cursor.selected;
            search.cursor.select(selected, search.results.len(), height);
        }
        let lines = self.detail_lines();
        let page = self.detail_height().max(1);
        self.detail.scroll = self.detail.scroll.min(lines.len().saturating_sub(page));
        if let Some(at) = self.detail.link_line {
            if at >= lines.len() || lines[at].link.is_none() {
                self.detail.link_line = first_link_in(&lines, self.detail.scroll, page);
            }
        }
    }
}

/// How many rows a movement action moves (a page is `page` rows; first and last are
/// far enough to reach either end), or `None` when the action is not a movement.
fn movement(action: &Action, page: isize) -> Option<isize> {
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

/// The first line with a link within `page` lines from `scroll`.
fn first_link_in(lines: &[DetailLine], scroll: usize, page: usize) -> Option<usize> {
    (scroll..(scroll + page).min(lines.len())).find(|&i| lines[i].link.is_some())
}

/// The first line of the (possibly wrapped) link that line `i` belongs to.
fn link_start(lines: &[DetailLine], mut i: usize) -> usize {
    while i > 0 && lines[i - 1].link.is_some() && lines[i - 1].link == lines[i].link {
        i -= 1;
    }
    i
}

fn cycle<T: Clone + PartialEq>(all: &[T], current: Option<&T>) -> Option<T> {
    match current {
        None => all.first().cloned(),
        Some(c) => {
            let at = all.iter().position(|x| x == c)?;
            all.get(at + 1).cloned()
        }
    }
}

fn contains(rect: ratatui::layout::Rect, column: u16, row: u16) -> bool {
    column >= rect.x && column < rect.x + rect.width && row >= rect.y && row < rect.y + rect.height
}
