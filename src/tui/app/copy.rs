//! Copying: `y` takes what the cursor is on as one line with its reference, `Y` the
//! whole item, comparison, matrix or timeline as Markdown, `w` writes the last copy to a
//! file. The app decides what to copy and what the status bar says; the event loop
//! hands the text to the clipboard (`take_copy`, `take_save`), whose answer comes back
//! as [`Action::Copied`](crate::tui::action::Action::Copied) /
//! [`Action::Saved`](crate::tui::action::Action::Saved).
//!
//! What `y` copies, by where the cursor is:
//! - the detail (focused): the fact under the line cursor — a figure, an actor, a
//!   statement, a key fact; a link copies the linked item's one-line reference;
//! - a list, or presenter mode: the item's one-line reference (name, kind, type and
//!   place, and its sources); a source section: the section and what cites it, as
//!   Markdown;
//! - compare: the row under the cursor, each case's cell; matrix: the selected case's
//!   ratings and weakest roles; timeline: the selected entry with its era.
//!
//! Every copy is plain text in the interface language with its citation, and no id
//! (see `render::excerpt`, `render::markdown`).
//!
//! Depends on the app's state (`super`), `report`, `citing`, `render::excerpt`, `render::markdown`
//! and the explorer's `clipboard` (a copy's outcome).

use super::{App, Focus, Subject, View};
use crate::model::{Details, Lang};
use crate::render::{excerpt, markdown};
use crate::tui::clipboard::{Delivery, ToolOutcome};

/// The last thing copied, kept for the notice that follows the clipboard's answer and
/// for `w`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LastCopy {
    text: String,
    markdown: bool,
    /// What was copied, as the status bar names it.
    what: String,
}

impl App {
    /// `y`: what the cursor is on, as one line with its reference.
    pub(super) fn copy_line(&mut self) {
        // A source section is no one fact: `y` on it copies the section and what cites it.
        if matches!(self.current_subject(), Some(Subject::Section { .. }))
            && matches!(self.view, View::Browse | View::Presenter(_))
        {
            return self.copy_all();
        }
        let line = self.line_under_cursor();
        self.start_copy(line, false);
    }

    /// `Y`: the whole item (or comparison, matrix, timeline) as Markdown.
    pub(super) fn copy_all(&mut self) {
        let markdown = self.whole_markdown();
        self.start_copy(markdown, true);
    }

    fn start_copy(&mut self, text: Option<String>, is_markdown: bool) {
        let lang = self.lang;
        let Some(text) = text else {
            self.notice = Some(
                lang.pick("복사할 항목이 없습니다", "nothing to copy")
                    .into(),
            );
            return;
        };
        let what = if is_markdown {
            let count = text.chars().count();
            match lang {
                Lang::Ko => format!("마크다운 {count}자 (출처 포함)"),
                Lang::En => format!("{count} characters of Markdown (with sources)"),
            }
        } else {
            text.clone()
        };
        self.notice = Some(match lang {
            Lang::Ko => format!("복사: {what}"),
            Lang::En => format!("copied: {what}"),
        });
        self.effects.copy = Some(text.clone());
        self.last_copy = Some(LastCopy {
            text,
            markdown: is_markdown,
            what,
        });
    }

    /// The clipboard's answer: the status bar says which way the copy went, and offers
    /// `w` when nothing could confirm it.
    pub(super) fn copied(&mut self, delivery: Delivery) {
        let what = self
            .last_copy
            .as_ref()
            .map(|c| c.what.clone())
            .unwrap_or_default();
        let route = delivery.route.label();
        self.notice = Some(match (delivery.tool, self.lang) {
            (ToolOutcome::Confirmed(tool), Lang::Ko) => {
                format!("복사함 ({tool}, {route}도 보냄): {what}")
            }
            (ToolOutcome::Confirmed(tool), Lang::En) => {
                format!("copied ({tool}, and sent by {route}): {what}")
            }
            (ToolOutcome::GaveUp(tool), Lang::Ko) => format!(
                "{tool} 응답 없음, 중단함 · {route}로만 보냄 — 클립보드 확인 불가 — w: 파일로 저장"
            ),
            (ToolOutcome::GaveUp(tool), Lang::En) => format!(
                "{tool} did not answer and was stopped; sent by {route} only — clipboard not confirmed — w: save to a file"
            ),
            (ToolOutcome::Failed(_) | ToolOutcome::NoTool, Lang::Ko) => {
                format!("{route}로 보냄 — 클립보드 확인 불가 — w: 파일로 저장 · {what}")
            }
            (ToolOutcome::Failed(_) | ToolOutcome::NoTool, Lang::En) => {
                format!("sent by {route} — clipboard not confirmed — w: save to a file · {what}")
            }
        });
    }

    /// `w`: the last copy, to a file (the event loop writes it).
    pub(super) fn save_copy(&mut self) {
        let lang = self.lang;
        match &self.last_copy {
            Some(copy) => {
                let extension = if copy.markdown { "md" } else { "txt" };
                self.effects.save = Some((copy.text.clone(), extension));
                self.notice = Some(lang.pick("파일로 저장하는 중…", "saving to a file…").into());
            }
            None => {
                self.notice = Some(
                    lang.pick(
                        "저장할 복사본이 없습니다 — 먼저 y 또는 Y로 복사",
                        "nothing copied yet — y or Y copies first",
                    )
                    .into(),
                )
            }
        }
    }

    /// Where the copy was written, or why it was not.
    pub(super) fn saved(&mut self, result: Result<String, String>) {
        self.notice = Some(match (result, self.lang) {
            (Ok(path), Lang::Ko) => format!("저장함: {path}"),
            (Ok(path), Lang::En) => format!("saved: {path}"),
            (Err(why), Lang::Ko) => format!("저장하지 못함: {why}"),
            (Err(why), Lang::En) => format!("could not save: {why}"),
        });
    }

    /// The one line `y` copies where the cursor is now.
    fn line_under_cursor(&self) -> Option<String> {
        let lang = self.lang;
        let index = &self.index;
        match &self.view {
            View::Compare(view) => {
                let comparison = view.comparison().ok()?;
                excerpt::compare_row(index, comparison, view.selected_row()?, lang)
            }
            // A chart is read whole: its title, bars and reference, as Markdown.
            View::Chart(view) => Some(markdown::charts(view.title(), view.charts(), lang)),
            View::Matrix(view) => Some(excerpt::matrix_case(index, view.selected()?, lang)),
            View::Timeline(view) => view.selected_excerpt(index, lang),
            View::Presenter(_) => {
                let item = index.item(self.current_item()?);
                Some(excerpt::item_reference(index, item, lang))
            }
            View::Browse => {
                let item = index.item(self.current_item()?);
                let fact = match self.focus {
                    Focus::Detail if self.search.is_none() => self
                        .detail
                        .link_line
                        .and_then(|l| self.detail_lines().get(l))
                        .and_then(|l| l.fact),
                    _ => None,
                };
                match fact {
                    Some(fact) => {
                        let blocks = crate::report::report(index, item, lang);
                        excerpt::fact(index, item, &blocks, fact.block, fact.part, lang)
                    }
                    None => Some(excerpt::item_reference(index, item, lang)),
                }
            }
        }
    }

    /// The Markdown `Y` copies for what is on screen.
    fn whole_markdown(&self) -> Option<String> {
        let lang = self.lang;
        let index = &self.index;
        let report = |item: &crate::model::Item| {
            markdown::report(&crate::report::report(index, item, lang), lang)
        };
        match &self.view {
            View::Compare(view) => view
                .comparison()
                .ok()
                .map(|c| markdown::comparison(c, lang)),
            View::Matrix(_) => Some(markdown::matrix(index, lang)),
            View::Chart(view) => Some(markdown::charts(view.title(), view.charts(), lang)),
            View::Timeline(_) => index
                .items()
                .iter()
                .find(|i| matches!(&i.details, Details::Concept { eras, .. } if !eras.is_empty()))
                .map(report),
            View::Browse | View::Presenter(_) => match self.current_subject() {
                Some(Subject::Item(i)) => Some(report(index.item(i))),
                Some(Subject::Section { doc, section }) => {
                    crate::citing::section_report(index, doc, section, lang)
                        .map(|r| crate::render::markdown::section_report(&r, lang))
                }
                None => None,
            },
        }
    }
}
