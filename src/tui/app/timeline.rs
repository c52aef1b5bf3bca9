//! The era timeline view: the report's eras with their policy focus, and the world and
//! Korean clusters of each; a cursor walks the entries that open a case.
//!
//! Depends on the app's state (`super`), `index` and `model`.

use super::scroll::Scroll;
use super::{movement, App, View};
use crate::index::Index;
use crate::model::{Details, Lang};
use crate::tui::action::Action;

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
    /// The space between two eras.
    Gap,
}

/// The eras of the first concept that has them.
fn eras(index: &Index) -> Option<&[crate::model::EraEntry]> {
    index.items().iter().find_map(|item| match &item.details {
        Details::Concept { eras, .. } if !eras.is_empty() => Some(eras.as_slice()),
        _ => None,
    })
}

/// The era timeline from the first concept that has one, as screen lines.
pub fn lines(index: &Index, lang: Lang) -> Vec<TimelineLine> {
    let Some(eras) = eras(index) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for era in eras {
        if !lines.is_empty() {
            lines.push(TimelineLine::Gap);
        }
        lines.push(TimelineLine::Era {
            label: era.label.get(lang).to_string(),
            focus: era.policy_focus.get(lang).to_string(),
        });
        for id in &era.world {
            lines.push(TimelineLine::Entry {
                korea: false,
                name: index.name_of(id, lang).to_string(),
                case: index.position(id),
            });
        }
        for korean in &era.korea {
            lines.push(TimelineLine::Entry {
                korea: true,
                name: korean.name.get(lang).to_string(),
                case: korean.case.as_deref().and_then(|c| index.position(c)),
            });
        }
    }
    lines
}

/// The timeline's lines in one language, the cursor (the `entry`-th entry that opens a
/// case) and the scroll that keeps it in view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineView {
    entry: usize,
    lang: Lang,
    lines: Vec<TimelineLine>,
    /// The line of each entry that opens a case, in order.
    targets: Vec<usize>,
    scroll: Scroll,
}

impl TimelineView {
    pub fn new(index: &Index, lang: Lang) -> TimelineView {
        let lines = lines(index, lang);
        let targets = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l, TimelineLine::Entry { case: Some(_), .. }))
            .map(|(i, _)| i)
            .collect();
        TimelineView {
            entry: 0,
            lang,
            scroll: Scroll::new(lines.len(), 0),
            lines,
            targets,
        }
    }

    pub fn lines(&self) -> &[TimelineLine] {
        &self.lines
    }

    pub fn scroll(&self) -> Scroll {
        self.scroll
    }

    /// The line the cursor is on, if any entry opens a case.
    pub fn cursor_line(&self) -> Option<usize> {
        self.targets.get(self.entry).copied()
    }

    /// The entry under the cursor as one line for minutes: its era and the era's policy
    /// focus, world or Korea, the name, and the era's citation.
    pub fn selected_excerpt(&self, index: &Index, lang: Lang) -> Option<String> {
        use crate::text::one_line;
        let at = self.cursor_line()?;
        let TimelineLine::Entry { korea, name, .. } = self.lines.get(at)? else {
            return None;
        };
        // The era is the last one above the entry; its place among the eras finds its source.
        let era_number = self.lines[..at]
            .iter()
            .filter(|l| matches!(l, TimelineLine::Era { .. }))
            .count()
            .checked_sub(1)?;
        let TimelineLine::Era { label, focus } = self.lines[..at]
            .iter()
            .rev()
            .find(|l| matches!(l, TimelineLine::Era { .. }))?
        else {
            return None;
        };
        let source = eras(index)
            .and_then(|eras| eras.get(era_number))
            .map(|era| index.cite(&era.source, lang));
        let place = if *korea {
            lang.pick("한국", "Korea")
        } else {
            lang.pick("세계", "world")
        };
        let text = format!(
            "{} — {} · {place}: {}",
            one_line(label),
            one_line(focus),
            one_line(name)
        );
        Some(match source {
            Some(source) => format!("{text} — {}", one_line(&source)),
            None => text,
        })
    }

    fn selected_case(&self) -> Option<usize> {
        match self.lines.get(self.cursor_line()?)? {
            TimelineLine::Entry { case, .. } => *case,
            _ => None,
        }
    }

    /// Rebuilt for another language; the window is `page` lines, the cursor in view.
    pub(super) fn sync(&mut self, index: &Index, lang: Lang, page: usize) {
        if lang != self.lang {
            let entry = self.entry;
            *self = TimelineView::new(index, lang);
            self.entry = entry;
        }
        self.entry = self.entry.min(self.targets.len().saturating_sub(1));
        self.scroll.resize(self.lines.len(), page);
        if let Some(line) = self.cursor_line() {
            self.scroll.center(line);
        }
    }
}

impl App {
    pub(super) fn show_timeline(&mut self) {
        self.view = View::Timeline(TimelineView::new(&self.index, self.lang));
    }

    pub(super) fn update_timeline(&mut self, action: Action) {
        let View::Timeline(view) = &mut self.view else {
            return;
        };
        if action == Action::Open {
            if let Some(case) = view.selected_case() {
                self.view = View::Browse;
                self.follow(case);
            }
            return;
        }
        if let Some(delta) = movement(&action, view.scroll.page()) {
            let last = view.targets.len().saturating_sub(1);
            view.entry = view.entry.saturating_add_signed(delta).min(last);
        }
    }
}
