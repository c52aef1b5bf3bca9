//! The role matrix: every case the seed rates in the report's three roles (vision
//! provider, system organizer, specialized supplier), grouped by cluster type, with the
//! role to reinforce marked [`WEAKEST_MARK`].
//!
//! One model for `casebook matrix` (plain and JSON), the Markdown copy and the explorer's
//! matrix view, so the three say the same thing with the same marker and legend. The
//! strengths themselves come from [`Index::matrix`] and [`crate::index::MatrixRow::weakest`].
//!
//! Depends on `model` and `index`.

use crate::index::Index;
use crate::model::{Details, Lang, RoleStrength};

/// The mark after the weakest rated role of a case, in every output.
pub const WEAKEST_MARK: &str = "◀";

/// A rated case: its item position, strengths in VP / SO / SS order, and the weakest role
/// (a position in that order; `None` when every rated role is equally strong).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixCase {
    pub item: usize,
    pub strengths: [Option<RoleStrength>; 3],
    pub weakest: Option<usize>,
}

/// One line of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatrixLine {
    /// A cluster type heading: the type's item position.
    Group(usize),
    Case(MatrixCase),
}

/// The matrix grouped by cluster type, in the type catalog's order (the order cases
/// already have in the index), each group headed by its type.
pub fn lines(index: &Index) -> Vec<MatrixLine> {
    let mut lines = Vec::new();
    let mut last_type = None;
    for row in index.matrix() {
        let Some(item) = index.position(&row.item.id) else {
            continue;
        };
        let type_item = index.position(&row.case.cluster_type);
        if type_item != last_type {
            if let Some(t) = type_item {
                lines.push(MatrixLine::Group(t));
            }
            last_type = type_item;
        }
        lines.push(MatrixLine::Case(MatrixCase {
            item,
            strengths: row.strengths,
            weakest: row.weakest(),
        }));
    }
    lines
}

/// The legend every output prints under the matrix: the strength order and the marker.
pub fn legend(lang: Lang) -> &'static str {
    lang.pick(
        "◎ 강 > ○ 중 > △ 약 · ◀ 가장 약한 역할(보강 대상)",
        "◎ strong > ○ medium > △ weak · ◀ weakest role (to reinforce)",
    )
}

/// A role's column heading: its abbreviation (VP, SO, SS), else its name, else its id.
pub fn role_heading(index: &Index, role: &str, lang: Lang) -> String {
    match index.get(role).map(|i| &i.details) {
        Some(Details::Role { abbr: Some(a), .. }) => a.clone(),
        _ => index.name_of(role, lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_names_the_marker_and_the_order() {
        for lang in [Lang::Ko, Lang::En] {
            let legend = legend(lang);
            assert!(legend.contains(WEAKEST_MARK), "{legend}");
            assert!(legend.contains("◎") && legend.contains("○") && legend.contains("△"));
        }
    }
}
