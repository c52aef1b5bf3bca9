//! `y`: what is on screen — the item, comparison, matrix, timeline or charts — as
//! Markdown with its sources, left for the event loop to put on the clipboard.
//!
//! Depends on the app's state (`super`), `report` and `render::markdown`.

use super::{App, View};
use crate::model::{Details, Lang};

impl App {
    /// Puts the current item (or comparison, or matrix) on the clipboard as Markdown.
    pub(super) fn copy(&mut self) {
        let lang = self.lang;
        let index = &self.index;
        let report = |item: &crate::model::Item| {
            crate::render::markdown::report(&crate::report::report(index, item, lang), lang)
        };
        let markdown = match &self.view {
            View::Compare(view) => view
                .comparison()
                .ok()
                .map(|c| crate::render::markdown::comparison(c, lang)),
            View::Matrix(_) => Some(crate::render::markdown::matrix(index, lang)),
            View::Chart(view) => Some(crate::render::markdown::charts(
                view.title(),
                view.charts(),
                lang,
            )),
            View::Timeline(_) => index
                .items()
                .iter()
                .find(|i| matches!(&i.details, Details::Concept { eras, .. } if !eras.is_empty()))
                .map(report),
            View::Browse | View::Presenter(_) => self.current_item().map(|i| report(index.item(i))),
        };
        match markdown {
            Some(markdown) => {
                let count = markdown.chars().count();
                self.notice = Some(match lang {
                    Lang::Ko => format!("마크다운 {count}자를 복사했습니다 (출처 포함)"),
                    Lang::En => format!("copied {count} characters of Markdown (with sources)"),
                });
                self.effects.copy = Some(markdown);
            }
            None => {
                self.notice = Some(
                    lang.pick("복사할 항목이 없습니다", "nothing to copy")
                        .into(),
                )
            }
        }
    }
}
