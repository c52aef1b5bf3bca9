//! `casebook matrix [--json]`: the role matrix (see `crate::matrix`), cases × vision
//! provider / system organizer / specialized supplier, each case's weakest role marked.
//!
//! Depends on the CLI's own `Outcome`, `index`, `matrix`, `model` and `render`.

use super::Outcome;
use crate::index::Index;
use crate::model::Lang;
use crate::render::{json, plain};

pub fn matrix(index: &Index, json: bool, lang: Lang) -> Outcome {
    if json {
        return Outcome::ok(json::string(&json::matrix(index)) + "\n");
    }
    Outcome::ok(plain::matrix(index, lang))
}
