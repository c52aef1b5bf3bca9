//! `casebook compare ID ID [ID [ID]] [--json | --markdown]`: two to four cases side by
//! side (see `crate::compare`). Exit 1 for an unknown id or an item that is not a case,
//! 2 for the wrong number of ids or an id named twice (`compare ulsan ulsan`).
//!
//! Depends on the CLI's own `Outcome`, `compare`, `index`, `model` and `render`.

use super::Outcome;
use crate::compare::CompareError;
use crate::index::Index;
use crate::model::Lang;
use crate::render::{json, markdown, plain};

pub fn compare(index: &Index, ids: &[String], json: bool, markdown: bool, lang: Lang) -> Outcome {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let comparison = match crate::compare::compare(index, &ids, lang) {
        Ok(c) => c,
        Err(err) => {
            let code = match err {
                CompareError::Count(_) | CompareError::Repeated(_) => 2,
                _ => 1,
            };
            return Outcome::fail(format!("error: {err}\n"), code);
        }
    };
    if json {
        return Outcome::ok(
            json::string(&json::cited(index, &json::comparison(&comparison))) + "\n",
        );
    }
    if markdown {
        return Outcome::ok(markdown::comparison(&comparison, lang));
    }
    Outcome::ok(plain::comparison(&comparison, lang))
}
