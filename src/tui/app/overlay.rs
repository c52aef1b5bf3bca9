//! Overlays on top of any view: the key help (generated from the key table, for the
//! context it was opened from), the list of problems found while loading, each
//! scrolling within the lines it draws, measured at the overlay's own size; a filter's
//! picker over the main view (its state and keys are in [`super::picker`]); and the
//! recent-items and query-history lists (they live in `memory`).
//!
//! Depends on the app's state (`super`), the explorer's `keymap` and `layout`, `text`.

use super::picker::Picker;
use super::scroll::Scroll;
use super::{movement, scroll_by, App};
use crate::index::Index;
use crate::model::Lang;
use crate::text::{one_line, wrap};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context, HelpLine};
use crate::tui::layout;

/// A box over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help(HelpOverlay),
    Errors(ErrorsOverlay),
    /// Recently opened items (`r`); see the app's `memory`.
    Recent(super::RecentOverlay),
    /// The query history, narrowed by typing (Ctrl-R).
    History(super::HistoryOverlay),
    Picker(Picker),
}

impl Overlay {
    /// The scroll of an overlay that scrolls; a picker moves a cursor instead.
    pub fn scroll(&self) -> Option<Scroll> {
        match self {
            Overlay::Help(help) => Some(help.scroll),
            Overlay::Errors(errors) => Some(errors.scroll),
            // Lists: they keep a cursor, not a scroll.
            Overlay::Picker(_) | Overlay::Recent(_) | Overlay::History(_) => None,
        }
    }
}

/// The key help for the context under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpOverlay {
    under: Context,
    lines: Vec<HelpLine>,
    scroll: Scroll,
}

impl HelpOverlay {
    /// The context the help was opened from; its keys come first.
    pub fn under(&self) -> Context {
        self.under
    }

    pub fn lines(&self) -> &[HelpLine] {
        &self.lines
    }

    pub fn scroll(&self) -> Scroll {
        self.scroll
    }
}

/// One screen line of the load-problems overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorLine {
    pub text: String,
    /// The first line of a problem (the rest are its wrapped continuation).
    pub first: bool,
}

/// Every load problem, wrapped to the overlay's width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorsOverlay {
    lines: Vec<ErrorLine>,
    scroll: Scroll,
}

impl ErrorsOverlay {
    pub fn lines(&self) -> &[ErrorLine] {
        &self.lines
    }

    pub fn scroll(&self) -> Scroll {
        self.scroll
    }
}

/// The diagnostics as overlay lines `width` columns wide.
fn error_lines(index: &Index, width: usize) -> Vec<ErrorLine> {
    index
        .diagnostics
        .iter()
        .flat_map(|d| {
            // Display escapes control characters; one_line guards the rest.
            wrap(&one_line(&d.to_string()), width)
                .into_iter()
                .enumerate()
                .map(|(i, text)| ErrorLine {
                    text,
                    first: i == 0,
                })
        })
        .collect()
}

impl App {
    pub(super) fn open_help(&mut self) {
        self.overlay = Some(Overlay::Help(HelpOverlay {
            under: self.base_context(),
            lines: Vec::new(),
            scroll: Scroll::default(),
        }));
    }

    pub(super) fn open_errors(&mut self) {
        if self.errors_not_yet() {
            return;
        }
        self.overlay = Some(Overlay::Errors(ErrorsOverlay::default()));
    }

    pub(super) fn update_overlay(&mut self, action: Action) {
        let Some(overlay) = &mut self.overlay else {
            return;
        };
        match overlay {
            Overlay::Recent(_) => return self.update_recent(action),
            Overlay::History(_) => return self.update_history(action),
            Overlay::Picker(_) => return self.update_picker(action),
            Overlay::Help(_) | Overlay::Errors(_) => {}
        }
        let Some(overlay) = &mut self.overlay else {
            return;
        };
        if movement(&action, 1).is_some() {
            match overlay {
                Overlay::Help(help) => scroll_by(&mut help.scroll, &action),
                Overlay::Errors(errors) => scroll_by(&mut errors.scroll, &action),
                Overlay::Picker(_) | Overlay::Recent(_) | Overlay::History(_) => false,
            };
            return;
        }
        match action {
            // `e` on the help (or `?` on the errors) switches straight to the other.
            Action::ToggleErrors if matches!(overlay, Overlay::Help(_)) => self.open_errors(),
            Action::ToggleHelp if matches!(overlay, Overlay::Errors(_)) => self.open_help(),
            Action::Close
            | Action::Back
            | Action::ToggleHelp
            | Action::ToggleErrors
            | Action::Click { .. } => self.overlay = None,
            Action::ToggleLanguage => self.lang = self.lang.other(),
            _ => {}
        }
    }

    /// Lays the overlay's lines out for the current language and size.
    pub(super) fn sync_overlay(&mut self) {
        let screen = self.areas().screen;
        let lang: Lang = self.lang;
        match &mut self.overlay {
            Some(Overlay::Help(help)) => {
                help.lines = keymap::help_lines(help.under, lang);
                let page = layout::overlay_inner(screen, layout::HELP_WIDTH).height;
                help.scroll.resize(help.lines.len(), page as usize);
            }
            Some(Overlay::Errors(errors)) => {
                let inner = layout::overlay_inner(screen, layout::ERRORS_WIDTH);
                errors.lines = error_lines(&self.index, inner.width as usize);
                errors
                    .scroll
                    .resize(errors.lines.len(), inner.height as usize);
            }
            Some(Overlay::Picker(_)) => self.sync_picker(),
            Some(Overlay::Recent(_) | Overlay::History(_)) | None => {}
        }
    }
}
