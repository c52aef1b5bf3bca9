//! The main view: the six list panes (the sixth, Sources, a tree of documents and their
//! sections), the detail of the selected item or section, the filters (kept in
//! [`super::filter`], chosen in [`super::picker`]), marks for comparison (`m` toggles one,
//! `u` clears them all; filters, Esc and comparing leave them) and the Back history of
//! followed links.
//!
//! Depends on the app's state (`super`), `model` and `index`.

use super::detail::{fact_start, first_fact_in, Subject};
use super::{App, Filters, View};
use crate::index::Index;
use crate::model::{Kind, Lang};
use crate::tui::action::Action;
use crate::tui::layout;

/// The list panes, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Cases,
    Roles,
    Factors,
    Problems,
    /// Types, strategies and concepts: the catalog entries the four main panes do not
    /// list.
    Reference,
    /// The source documents, each followed by its sections: what cites each one.
    Sources,
}

impl Pane {
    pub const ALL: [Pane; 6] = [
        Pane::Cases,
        Pane::Roles,
        Pane::Factors,
        Pane::Problems,
        Pane::Reference,
        Pane::Sources,
    ];

    pub fn kinds(self) -> &'static [Kind] {
        match self {
            Pane::Cases => &[Kind::Case],
            Pane::Roles => &[Kind::Role],
            Pane::Factors => &[Kind::Factor],
            Pane::Problems => &[Kind::Problem],
            Pane::Reference => &[Kind::Type, Kind::Strategy, Kind::Concept],
            Pane::Sources => &[Kind::Source],
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Pane::Cases => lang.pick("사례", "Cases"),
            Pane::Roles => lang.pick("구성주체 역할", "Actor roles"),
            Pane::Factors => lang.pick("성공요인", "Success factors"),
            Pane::Problems => lang.pick("정책문제", "Policy problems"),
            Pane::Reference => lang.pick("유형·전략·개념", "Types · strategies · concepts"),
            Pane::Sources => lang.pick("문헌", "Sources"),
        }
    }

    /// What the pane lists, as a count says it on the status bar: "사례 24", "factors 11".
    pub fn noun(self, lang: Lang) -> &'static str {
        match self {
            Pane::Cases => lang.pick("사례", "cases"),
            Pane::Roles => lang.pick("역할", "roles"),
            Pane::Factors => lang.pick("성공요인", "factors"),
            Pane::Problems => lang.pick("정책문제", "problems"),
            Pane::Reference => lang.pick("항목", "entries"),
            Pane::Sources => lang.pick("문헌", "documents"),
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
            Pane::Sources => lang.pick("문헌", "Sources"),
        }
    }

    pub fn for_kind(kind: Kind) -> Pane {
        match kind {
            Kind::Case => Pane::Cases,
            Kind::Role => Pane::Roles,
            Kind::Factor => Pane::Factors,
            Kind::Problem => Pane::Problems,
            Kind::Type | Kind::Strategy | Kind::Concept => Pane::Reference,
            Kind::Source => Pane::Sources,
        }
    }

    /// The pane's place in tab order.
    pub fn position(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// The Sources pane's rows: each document of the catalog, then each of its sections.
pub(super) fn source_rows(index: &Index) -> Vec<Subject> {
    let mut rows = Vec::new();
    for document in index.source_citations().documents() {
        rows.push(Subject::Item(document.item));
        rows.extend(
            (0..document.sections.len()).map(|section| Subject::Section {
                doc: document.item,
                section,
            }),
        );
    }
    rows
}

/// A row by ids, to find it again in a reloaded collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum RowKey {
    Item(String),
    Section { doc: String, section: String },
}

impl RowKey {
    pub(super) fn of(index: &Index, row: Subject) -> RowKey {
        match row {
            Subject::Item(item) => RowKey::Item(index.item(item).id.clone()),
            Subject::Section { doc, section } => {
                let item = index.item(doc);
                RowKey::Section {
                    doc: item.id.clone(),
                    section: item
                        .source_document()
                        .and_then(|d| d.sections.get(section))
                        .map(|s| s.id.clone())
                        .unwrap_or_default(),
                }
            }
        }
    }

    pub(super) fn find(&self, index: &Index) -> Option<Subject> {
        match self {
            RowKey::Item(id) => index.position(id).map(Subject::Item),
            RowKey::Section { doc, section } => {
                let (_, document) = index.document(doc)?;
                Some(Subject::Section {
                    doc: index.position(doc)?,
                    section: document.sections.iter().position(|s| &s.id == section)?,
                })
            }
        }
    }
}

/// Which half of the main view keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

/// Where the detail pane is scrolled and where its line cursor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DetailState {
    pub scroll: super::Scroll,
    /// The line cursor when the detail has focus: a line of a fact (a figure, an actor,
    /// a statement, a link — see [`super::detail::FactRef`]). Enter follows it when the
    /// fact is a link; `y` copies the fact with its citation.
    pub link_line: Option<usize>,
    /// The line that says what the search matched, marked on screen.
    pub found: Option<usize>,
}

impl DetailState {
    /// Back to the top, nothing selected: for a newly shown item.
    pub(super) fn reset(&mut self) {
        self.scroll.to_start();
        self.link_line = None;
        self.found = None;
    }
}

/// A place to return to with Back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Location {
    pane: Pane,
    cursor: super::ListCursor,
    pinned: Option<usize>,
    focus: Focus,
    detail: DetailState,
}

/// How many entries Back remembers.
const HISTORY_LIMIT: usize = 200;

impl App {
    pub(super) fn update_browse(&mut self, action: Action) {
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
                    self.detail.reset();
                } else if self.filter.is_active() {
                    self.set_filter(Filters::default());
                }
            }
            Action::OpenSearch => self.open_search(),
            Action::ShowRecent => self.open_recent(),
            Action::SearchHistory => self.open_history(),
            Action::OpenPicker(facet) => self.open_picker(facet),
            Action::ClearFilters => self.set_filter(Filters::default()),
            Action::ToggleLanguage => self.lang = self.lang.other(),
            Action::ToggleHelp => self.open_help(),
            Action::ToggleErrors => self.open_errors(),
            Action::ToggleMark => self.toggle_mark(),
            Action::ClearMarks => self.clear_marks(),
            Action::CompareMarked => self.compare_marked(),
            Action::CompareCounterpart => self.compare_counterpart(),
            Action::ShowMatrix => self.show_matrix(),
            Action::ShowCharts => self.show_charts(),
            Action::ShowTimeline => self.show_timeline(),
            Action::TogglePresenter => self.show_presenter(),
            Action::Copy => self.copy_line(),
            Action::CopyAll => self.copy_all(),
            Action::SaveCopy => self.save_copy(),
            Action::NextMatch => self.step_match(true),
            Action::PreviousMatch => self.step_match(false),
            Action::Scroll { column, row, delta } => self.scroll_at(column, row, delta),
            Action::Click { column, row } => self.click(column, row),
            _ => {}
        }
    }

    fn step(&mut self, delta: isize) {
        match self.focus {
            Focus::List => self.move_list(delta),
            Focus::Detail => self.move_line_cursor(delta),
        }
    }

    /// Moves the list selection; the detail then shows the newly selected item.
    pub(super) fn move_list(&mut self, delta: isize) {
        let len = self.list_items(self.pane).len();
        let height = self.list_height();
        self.cursors[self.pane.position()].moved(delta, len, height);
        self.pinned = None;
        self.detail.reset();
    }

    fn page(&mut self, direction: isize) {
        match self.focus {
            Focus::List => self.move_list(direction * self.list_height().max(1) as isize),
            Focus::Detail => {
                let lines = self.fresh_detail_lines();
                self.detail.scroll.by_pages(direction);
                let scroll = self.detail.scroll;
                self.detail.link_line = first_fact_in(&lines, scroll.top(), scroll.page());
            }
        }
    }

    fn jump(&mut self, to_end: bool) {
        match self.focus {
            Focus::List => {
                let delta = if to_end {
                    isize::MAX / 2
                } else {
                    isize::MIN / 2
                };
                self.move_list(delta);
            }
            Focus::Detail => {
                let lines = self.fresh_detail_lines();
                if to_end {
                    self.detail.scroll.to_end();
                } else {
                    self.detail.scroll.to_start();
                }
                let scroll = self.detail.scroll;
                self.detail.link_line = first_fact_in(&lines, scroll.top(), scroll.page());
            }
        }
    }

    /// Moves the line cursor in the detail to the next/previous fact (a figure, an
    /// actor, a statement, a link), or scrolls when there is none within reach.
    fn move_line_cursor(&mut self, delta: isize) {
        let lines = self.fresh_detail_lines();
        let top = self.detail.scroll.top();
        let page = self.detail.scroll.page().max(1);
        let from = self.detail.link_line.filter(|&at| at < lines.len());
        let next = match (from, delta > 0) {
            (Some(at), true) => (at + 1..lines.len())
                .find(|&i| lines[i].fact.is_some() && lines[i].fact != lines[at].fact),
            (Some(at), false) => (0..at)
                .rev()
                .find(|&i| lines[i].fact.is_some() && lines[i].fact != lines[at].fact)
                .map(|i| fact_start(&lines, i)),
            (None, true) => (top..lines.len()).find(|&i| lines[i].fact.is_some()),
            (None, false) => None,
        };
        // Only jump to a fact within reach (this page or the next); otherwise scroll, so
        // a long text between facts can still be read.
        let reachable = next.filter(|&i| {
            if delta > 0 {
                i < top + page + 1
            } else {
                i + 1 >= top
            }
        });
        match reachable {
            Some(line) => {
                self.detail.link_line = Some(line);
                // A fact that runs over several lines is shown whole where it fits.
                let mut end = line;
                while end + 1 < lines.len() && lines[end + 1].fact == lines[line].fact {
                    end += 1;
                }
                self.detail.scroll.reveal(end.min(line + page - 1));
                self.detail.scroll.reveal(line);
            }
            None => {
                self.detail.scroll.by(delta);
                if let Some(at) = self.detail.link_line {
                    if !self.detail.scroll.shows(at) {
                        let scroll = self.detail.scroll;
                        self.detail.link_line = first_fact_in(&lines, scroll.top(), scroll.page());
                    }
                }
            }
        }
    }

    pub(super) fn show_pane(&mut self, n: usize) {
        let pane = Pane::ALL[n];
        if pane != self.pane || self.pinned.is_some() {
            self.pane = pane;
            self.pinned = None;
            self.detail.reset();
        }
        self.focus = Focus::List;
        self.clamp_lists();
    }

    fn open(&mut self) {
        match self.focus {
            Focus::List => {
                if self.current_subject().is_some() {
                    if let Some(item) = self.current_item() {
                        self.remember_opened(item);
                    }
                    self.focus = Focus::Detail;
                    let lines = self.fresh_detail_lines();
                    let scroll = self.detail.scroll;
                    self.detail.link_line = first_fact_in(&lines, scroll.top(), scroll.page());
                }
            }
            Focus::Detail => {
                let lines = self.fresh_detail_lines();
                let target = self
                    .detail
                    .link_line
                    .and_then(|l| lines.get(l))
                    .filter(|l| l.link.is_some());
                match target {
                    Some(line) => self.follow_line(line),
                    // The cursor is on a fact that links nowhere: Enter brings the next
                    // link below it into view and selects it, so a second Enter follows.
                    None => {
                        let from = self.detail.link_line.unwrap_or(self.detail.scroll.top());
                        let next = (from..lines.len()).find(|&i| lines[i].link.is_some());
                        if let Some(line) = next {
                            self.detail.link_line = Some(line);
                            self.detail.scroll.reveal(line);
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
    pub(super) fn follow(&mut self, item: usize) {
        let here = self.here();
        if self.history.len() == HISTORY_LIMIT {
            self.history.remove(0);
        }
        self.history.push(here);
        self.remember_opened(item);
        let pane = Pane::for_kind(self.index.item(item).kind);
        let listed = self.list_items(pane);
        self.pane = pane;
        self.pinned = None;
        match listed.iter().position(|&i| i == item) {
            Some(row) => {
                let height = self.list_height();
                self.cursors[pane.position()].select(row, listed.len(), height);
            }
            None => self.pinned = Some(item),
        }
        self.focus = Focus::Detail;
        self.detail.reset();
        let lines = self.fresh_detail_lines();
        self.detail.link_line = first_fact_in(&lines, 0, self.detail.scroll.page());
    }

    /// Follows the link of a detail line, landing on the text it names in the item it
    /// links to (a backlink's fact), when it names one.
    fn follow_line(&mut self, line: &super::detail::DetailLine) {
        let Some(item) = line.link else { return };
        self.follow(item);
        if let Some(text) = line.land.as_deref().filter(|t| !t.trim().is_empty()) {
            self.land_on(text);
        }
    }

    fn back(&mut self) {
        if let Some(place) = self.history.pop() {
            self.pane = place.pane;
            self.cursors[place.pane.position()] = place.cursor;
            self.pinned = place.pinned;
            self.focus = place.focus;
            self.detail = place.detail;
            self.clamp_lists();
        } else if self.focus == Focus::Detail {
            self.focus = Focus::List;
            self.detail.link_line = None;
        }
    }

    /// Puts new filters in place. Each pane keeps its selected item selected when the
    /// item passes them (the document filter narrows every pane), else goes to its top.
    pub(super) fn set_filter(&mut self, filters: Filters) {
        let selected: Vec<Option<usize>> = Pane::ALL
            .iter()
            .map(|&pane| {
                self.list_items(pane)
                    .get(self.cursor_of(pane).selected)
                    .copied()
            })
            .collect();
        self.filter = filters;
        let height = self.list_height();
        for (n, pane) in Pane::ALL.into_iter().enumerate() {
            let items = self.list_items(pane);
            let row = selected[n]
                .and_then(|s| items.iter().position(|&i| i == s))
                .unwrap_or(0);
            self.cursors[n].select(row, items.len(), height);
        }
        self.pinned = None;
        self.detail.reset();
    }

    fn scroll_at(&mut self, column: u16, row: u16, delta: i32) {
        let areas = self.areas();
        if areas.detail.contains((column, row).into()) {
            self.fresh_detail_lines();
            self.detail.scroll.by(delta as isize * 3);
        } else if areas.list.contains((column, row).into()) {
            self.move_list(delta as isize);
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        let at = (column, row).into();
        if let Some(pane) = layout::tab_at(&areas, self.lang, self.pane.position(), column, row) {
            self.show_pane(pane);
        } else if areas.list_rows.contains(at) {
            let cursor = self.cursor();
            let clicked = cursor.offset + (row - areas.list_rows.y) as usize;
            let len = self.list_items(self.pane).len();
            if clicked < len {
                let height = self.list_height();
                self.cursors[self.pane.position()].select(clicked, len, height);
                self.pinned = None;
                self.detail.reset();
                self.focus = Focus::List;
            }
        } else if areas.detail_inner.contains(at) {
            let lines = self.fresh_detail_lines();
            let line = self.detail.scroll.top() + (row - areas.detail_inner.y) as usize;
            match lines.get(line).filter(|l| l.link.is_some()) {
                Some(target) => self.follow_line(target),
                // A click on a fact puts the line cursor on it, ready for `y`.
                None => {
                    self.focus = Focus::Detail;
                    if lines.get(line).is_some_and(|l| l.fact.is_some()) {
                        self.detail.link_line = Some(line);
                    }
                }
            }
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
        let max = super::MAX_COMPARED;
        if let Some(at) = self.marked.iter().position(|&m| m == item) {
            self.marked.remove(at);
        } else if self.marked.len() < max {
            self.marked.push(item);
        } else {
            self.notice = Some(match lang {
                Lang::Ko => {
                    format!("최대 {max}개까지 비교합니다 — ✓ 사례에서 m으로 해제, u로 모두 해제")
                }
                Lang::En => {
                    format!("at most {max} cases — m on a ✓ case unmarks it, u unmarks all")
                }
            });
            return;
        }
        // The status bar names the marked cases; the notice says what to do with them.
        self.notice = Some(
            lang.pick("C로 비교 · u로 모두 해제", "C compares · u unmarks all")
                .into(),
        );
    }

    /// `u`: every mark goes. Marks otherwise stay through filters (`x`), Esc and a
    /// comparison, so cases can be gathered from several filtered lists and compared
    /// again after one is swapped.
    fn clear_marks(&mut self) {
        let cleared = std::mem::take(&mut self.marked).len();
        self.notice = Some(match self.lang {
            Lang::Ko if cleared == 0 => "표시한 사례가 없습니다 — m으로 표시".into(),
            Lang::En if cleared == 0 => "no case is marked — m marks one".into(),
            Lang::Ko => format!("비교 표시 {cleared}개 해제"),
            Lang::En => format!("unmarked {cleared}"),
        });
    }

    fn compare_marked(&mut self) {
        if self.marked.len() >= 2 {
            self.show_compare(self.marked.clone());
        } else {
            // Nothing (or one case) marked: the report's pair is the natural comparison.
            self.compare_counterpart();
        }
    }

    fn compare_counterpart(&mut self) {
        let pair = self.current_item().and_then(|item| {
            let counterpart = self.index.item(item).case()?.counterpart.as_deref()?;
            Some((item, self.index.position(counterpart)?))
        });
        match pair {
            Some((a, b)) => self.show_compare(vec![a, b]),
            None => {
                self.notice = Some(
                    self.lang
                        .pick(
                            "대응 사례가 없습니다 — m으로 두 사례 이상 표시한 뒤 C",
                            "no counterpart — mark two or more cases with m, then C",
                        )
                        .into(),
                )
            }
        }
    }

    /// Whether the main view is showing (no full-width view on top).
    pub fn in_main_view(&self) -> bool {
        self.view == View::Browse
    }
}
