//! `y`: what is on screen — the item, comparison, matrix or timeline — as Markdown with
//! its sources, left for the event loop to put on the clipboard.
//!
//! Depends on the app's state (`super`), `report`, `compare` and the Markdown renderer.

use super::{App, View};
use crate::index::Index;
use crate::model::{Details, Lang};

impl App {
    /// Puts the current item (or comparison, or matrix) on the clipboard as Markdown.
    pub(super) fn copy(&mut self) {
        let lang = self.lang;
        let index = &self.index;
        let report = |item: &crate::model::Item| {
            crate::cli::to_markdown(&crate::report::report(index, item, lang), lang)
        };
        let markdown = match &self.view {
            View::Compare(view) => view
                .comparison()
                .ok()
                .map(|c| crate::compare::to_markdown(c, lang)),
            View::Matrix(_) => Some(matrix_markdown(index, lang)),
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

/// The role matrix as a Markdown table, weakest roles marked, with its source.
pub fn matrix_markdown(index: &Index, lang: Lang) -> String {
    let mut out = format!(
        "| {} | {} | VP | SO | SS |\n|---|---|---|---|---|\n",
        lang.pick("사례", "Case"),
        lang.pick("유형", "Type")
    );
    for row in index.matrix() {
        let weakest = row.weakest();
        let cells: Vec<String> = row
            .strengths
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let cell = s
                    .map(|s| crate::report::strength_text(s, lang))
                    .unwrap_or_else(|| "—".into());
                if weakest == Some(i) {
                    format!("**{cell}** {}", lang.pick("(보강)", "(reinforce)"))
                } else {
                    cell
                }
            })
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            crate::text::one_line(row.item.name.get(lang)),
            crate::text::one_line(index.name_of(&row.case.cluster_type, lang)),
            cells.join(" | ")
        ));
    }
    out.push_str(lang.pick(
        "\n◎ 강 > ○ 중 > △ 약\n\n출처:\n",
        "\n◎ strong > ○ medium > △ weak\n\nSources:\n",
    ));
    // The sources of the ratings themselves, as the case files record them.
    let mut sources: Vec<String> = Vec::new();
    for row in index.matrix() {
        for actor in row.case.actors.iter().filter(|a| a.strength.is_some()) {
            let source = actor.source.to_string();
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
    }
    for source in sources {
        out.push_str(&format!("- {}\n", crate::text::one_line(&source)));
    }
    out
}
