//! `casebook show ID [--json | --markdown]`: everything about one item. Plain text and
//! Markdown render the item's report (`report::report`), the same blocks the explorer's
//! detail pane shows; JSON gives the item's every field (each figure with its English reading, `value_en`)
//! and the items linking to it.
//! Exit 1 for an unknown id.
//!
//! Depends on the CLI's own `Outcome`, `index`, `model`, `render`, `report` and `text`.

use super::Outcome;
use crate::index::Index;
use crate::model::Lang;
use crate::render::{json, markdown, plain};
use crate::report;
use crate::text::quoted;

pub fn show(index: &Index, id: &str, json: bool, markdown: bool, lang: Lang) -> Outcome {
    let Some(position) = index.position(id) else {
        return Outcome::fail(
            format!(
                "error: no item has the id `{}`; `casebook list` shows every id\n",
                quoted(id)
            ),
            1,
        );
    };
    if json {
        let mut value = json::cited(index, &json::show(index, position));
        json::add_figure_readings(index.item(position), &mut value);
        return Outcome::ok(json::string(&value) + "\n");
    }
    let blocks = report::report(index, index.item(position), lang);
    Outcome::ok(if markdown {
        markdown::report(&blocks, lang)
    } else {
        plain::report(&blocks, lang)
    })
}
