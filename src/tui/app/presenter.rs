//! Presenter mode: the current item (or source section) full-screen for a projector. Up and down walk the
//! current list; paging scrolls the item, within its length at presenter width.
//!
//! Depends on the app's state (`super`) and the app's `detail` layout.

use super::detail::LinesCache;
use super::scroll::Scroll;
use super::{scroll_by, App, View};
use crate::index::Index;
use crate::model::Lang;
use crate::tui::action::Action;

/// The presented item's lines at presenter width, and the scroll through them.
#[derive(Debug, Clone, Default)]
pub struct PresenterView {
    lines: LinesCache,
    scroll: Scroll,
}

impl PartialEq for PresenterView {
    fn eq(&self, other: &Self) -> bool {
        self.scroll == other.scroll && self.lines.lines() == other.lines.lines()
    }
}

impl Eq for PresenterView {}

impl PresenterView {
    pub fn lines(&self) -> &[super::detail::DetailLine] {
        self.lines.lines()
    }

    pub fn scroll(&self) -> Scroll {
        self.scroll
    }

    /// Lays out `subject` for `width` columns (once per subject, language and width).
    pub(super) fn sync(
        &mut self,
        index: &Index,
        subject: Option<super::Subject>,
        lang: Lang,
        width: usize,
        page: usize,
    ) {
        self.lines.refresh(index, subject, lang, width);
        self.scroll.resize(self.lines.lines().len(), page);
    }
}

impl App {
    pub(super) fn show_presenter(&mut self) {
        if self.current_subject().is_some() {
            self.view = View::Presenter(PresenterView::default());
        }
    }

    pub(super) fn update_presenter(&mut self, action: Action) {
        match action {
            // Next and previous walk the current list; paging scrolls the item.
            Action::SelectNext | Action::SelectPrevious => {
                self.move_list(if action == Action::SelectNext { 1 } else { -1 });
                if let View::Presenter(view) = &mut self.view {
                    view.scroll.to_start();
                }
            }
            action => {
                if let View::Presenter(view) = &mut self.view {
                    scroll_by(&mut view.scroll, &action);
                }
            }
        }
    }
}
