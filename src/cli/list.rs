//! `casebook list [--kind K] [--type TYPE] [--json]`: every item, or those of one kind,
//! or the cases of one cluster type, in display order. An unknown type is a usage error
//! (exit 2) that names the known ones.
//!
//! Depends on the CLI's own `Outcome`, `index`, `model`, `render` and `text`.

use super::Outcome;
use crate::index::Index;
use crate::model::{Item, Kind, Lang};
use crate::render::{json, plain};
use crate::text::quoted;

pub fn list(
    index: &Index,
    kind: Option<Kind>,
    cluster_type: Option<&str>,
    json: bool,
    lang: Lang,
) -> Outcome {
    if let Some(t) = cluster_type {
        if index.get(t).map(|i| i.kind) != Some(Kind::Type) {
            let known: Vec<&str> = index
                .of_kind(Kind::Type)
                .iter()
                .map(|&i| index.item(i).id.as_str())
                .collect();
            return Outcome::fail(
                format!(
                    "error: no cluster type has the id `{}`; known types: {}\n",
                    quoted(t),
                    known.join(", ")
                ),
                2,
            );
        }
    }
    let kinds: Vec<Kind> = match (kind, cluster_type) {
        (Some(k), _) => vec![k],
        (None, Some(_)) => vec![Kind::Case],
        (None, None) => Kind::ALL.to_vec(),
    };
    let items: Vec<&Item> = kinds
        .iter()
        .flat_map(|&k| index.of_kind(k).iter().map(|&i| index.item(i)))
        .filter(|item| match cluster_type {
            Some(t) => item.case().is_some_and(|c| c.cluster_type == t),
            None => true,
        })
        .collect();
    if json {
        return Outcome::ok(json::string(&json::list(&items)) + "\n");
    }
    Outcome::ok(plain::list(index, &items, lang))
}
