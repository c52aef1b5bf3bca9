//! Presenter mode: the current item full-screen as a card for a projector — the name
//! centred with a rule under it, the other name, the facts, then the key figures with
//! their references and the rest of the detail; a source section shows its lines, what
//! cites it. Up and down walk the current list; paging scrolls the card's body, within
//! its length at presenter width; `/` opens the search box over the card, and Enter on a
//! hit presents that item.
//!
//! Depends on the app's state (`super`) and the app's `detail` layout.

use super::detail::{self, Card, DetailLine};
use super::scroll::Scroll;
use super::{scroll_by, App, View};
use crate::index::Index;
use crate::model::Lang;
use crate::tui::action::Action;

/// The presented item's card at presenter width, and the scroll through its body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PresenterView {
    /// The subject, language and width the card was laid out for.
    key: Option<(super::Subject, Lang, usize)>,
    card: Card,
    scroll: Scroll,
}

impl PresenterView {
    /// The centred lines at the top: name, rule, other name and kind, facts.
    pub fn header(&self) -> &[DetailLine] {
        &self.card.header
    }

    /// The lines below the header, scrolled.
    pub fn lines(&self) -> &[DetailLine] {
        &self.card.body
    }

    pub fn scroll(&self) -> Scroll {
        self.scroll
    }

    /// Lays out `subject` for `width` columns (once per subject, language and width) and
    /// fits the body's scroll to the `height` rows under the header. Another subject is
    /// shown from its top.
    pub(super) fn sync(
        &mut self,
        index: &Index,
        subject: Option<super::Subject>,
        lang: Lang,
        width: usize,
        height: usize,
    ) {
        let key = subject.map(|s| (s, lang, width));
        if key != self.key {
            let moved = self.key.map(|k| k.0) != key.map(|k| k.0);
            self.card = match subject {
                Some(super::Subject::Item(i)) => detail::card(index, index.item(i), lang, width),
                Some(super::Subject::Section { doc, section }) => Card {
                    header: Vec::new(),
                    body: detail::section_lines(index, doc, section, lang, width),
                },
                None => Card::default(),
            };
            self.key = key;
            if moved {
                self.scroll.to_start();
            }
        }
        let page = height.saturating_sub(self.card.header.len());
        self.scroll.resize(self.card.body.len(), page);
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
            }
            // The search box opens over the card; Enter on a hit presents it.
            Action::OpenSearch => self.open_search(),
            action => {
                if let View::Presenter(view) = &mut self.view {
                    scroll_by(&mut view.scroll, &action);
                }
            }
        }
    }
}
