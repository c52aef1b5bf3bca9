//! `casebook schema [case|catalog]`: the JSON Schema (draft 2020-12) of case or catalog
//! files, as shipped in `schema/`, for editors that check YAML as it is typed.
//!
//! Depends on the CLI's own `Outcome`.

use super::args::SchemaKind;
use super::Outcome;

/// The JSON Schema of case files (draft 2020-12), as shipped in `schema/`.
pub const CASE_SCHEMA: &str = include_str!("../../schema/case.schema.json");
/// The JSON Schema of catalog files (draft 2020-12), as shipped in `schema/`.
pub const CATALOG_SCHEMA: &str = include_str!("../../schema/catalog.schema.json");

/// `casebook schema [case|catalog]`.
pub fn schema(kind: SchemaKind) -> Outcome {
    Outcome::ok(
        match kind {
            SchemaKind::Case => CASE_SCHEMA,
            SchemaKind::Catalog => CATALOG_SCHEMA,
        }
        .to_string(),
    )
}
