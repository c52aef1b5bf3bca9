//! The role matrix: every case the seed rates in the report's three roles (vision
//! provider, system organizer, specialized supplier), grouped by cluster type, with the
//! roles to reinforce marked [`WEAKEST_MARK`] — every role tied for weakest, so Icheon
//! (△ VP, △ SO, ◎ SS) carries the mark twice.
//!
//! One model for `casebook matrix` (plain and JSON), the Markdown copy and the explorer's
//! matrix view, so they say the same thing with the same marker and legend: which roles
//! are weakest is decided here ([`weakest`]) and nowhere else. The strengths themselves
//! come from [`Index::matrix`].
//!
//! Depends on `model` and `index`.

use crate::index::Index;
use crate::model::{Details, Lang, RoleStrength};

/// The mark after the weakest rated role of a case, in every output.
pub const WEAKEST_MARK: &str = "◀";

/// The roles' short names in VP / SO / SS order, as `casebook matrix --json` lists the
/// weakest roles (stable, whatever the role catalog calls them).
pub const ROLE_CODES: [&str; 3] = ["VP", "SO", "SS"];

/// A rated case: its item position, strengths in VP / SO / SS order, and which of those
/// roles are tied for weakest (all `false` when every rated role is equally strong).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixCase {
    pub item: usize,
    pub strengths: [Option<RoleStrength>; 3],
    pub weakest: [bool; 3],
}

impl MatrixCase {
    /// Whether the role in `column` (VP / SO / SS order) is one to reinforce.
    pub fn is_weakest(&self, column: usize) -> bool {
        self.weakest.get(column).copied().unwrap_or(false)
    }

    /// The weakest roles' codes ([`ROLE_CODES`]), in VP / SO / SS order.
    pub fn weakest_codes(&self) -> Vec<&'static str> {
        ROLE_CODES
            .iter()
            .zip(self.weakest)
            .filter_map(|(code, weak)| weak.then_some(*code))
            .collect()
    }
}

/// The roles to reinforce: every rated role whose strength is the weakest of the case's
/// rated roles — all of them when several tie. Unrated roles never count, and a case
/// rated equally in every role has nothing to reinforce.
pub fn weakest(strengths: &[Option<RoleStrength>; 3]) -> [bool; 3] {
    // `RoleStrength` orders strong < medium < weak.
    let rated = || strengths.iter().flatten();
    let (Some(weakest), Some(strongest)) = (rated().max(), rated().min()) else {
        return [false; 3];
    };
    if weakest == strongest {
        return [false; 3];
    }
    strengths.map(|s| s == Some(*weakest))
}

/// The rated cases in the index's order, without the type headings: what the plain,
/// Markdown and JSON outputs list, one row each.
pub fn cases(index: &Index) -> Vec<MatrixCase> {
    lines(index)
        .into_iter()
        .filter_map(|line| match line {
            MatrixLine::Case(case) => Some(case),
            MatrixLine::Group(_) => None,
        })
        .collect()
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
            weakest: weakest(&row.strengths),
        }));
    }
    lines
}

/// The legend every output prints under the matrix: the strength order and the marker.
pub fn legend(lang: Lang) -> &'static str {
    lang.pick(
        "◎ 강 > ○ 중 > △ 약 · ◀ 가장 약한 역할(보강 대상) — 같은 강도면 모두",
        "◎ strong > ○ medium > △ weak · ◀ weakest roles (to reinforce) — every one tied",
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
    use RoleStrength::{Medium, Strong, Weak};

    #[test]
    fn every_role_tied_for_weakest_is_marked() {
        // Icheon: △ VP, △ SO, ◎ SS — both weak roles, not the first of them.
        assert_eq!(
            weakest(&[Some(Weak), Some(Weak), Some(Strong)]),
            [true, true, false]
        );
        // San Diego: ◎ ○ ○ — both medium roles.
        assert_eq!(
            weakest(&[Some(Strong), Some(Medium), Some(Medium)]),
            [false, true, true]
        );
        // Brenta: ○ ○ ◎.
        assert_eq!(
            weakest(&[Some(Medium), Some(Medium), Some(Strong)]),
            [true, true, false]
        );
        // A single weakest role stays single (Ulsan: △ ◎ ○).
        assert_eq!(
            weakest(&[Some(Weak), Some(Strong), Some(Medium)]),
            [true, false, false]
        );
    }

    #[test]
    fn equal_strengths_and_unrated_roles_mark_nothing() {
        // Silicon Valley: ◎ in every role has nothing to reinforce.
        assert_eq!(weakest(&[Some(Strong); 3]), [false; 3]);
        assert_eq!(weakest(&[None; 3]), [false; 3]);
        // An unrated role is not a weak one.
        assert_eq!(weakest(&[Some(Medium), None, Some(Medium)]), [false; 3]);
        assert_eq!(
            weakest(&[None, Some(Weak), Some(Medium)]),
            [false, true, false]
        );
    }

    #[test]
    fn the_weakest_roles_are_named_by_their_codes() {
        let case = MatrixCase {
            item: 0,
            strengths: [Some(Weak), Some(Weak), Some(Strong)],
            weakest: [true, true, false],
        };
        assert_eq!(case.weakest_codes(), ["VP", "SO"]);
        assert!(case.is_weakest(1) && !case.is_weakest(2) && !case.is_weakest(3));
    }

    #[test]
    fn in_the_shipped_collection_every_tie_is_marked() {
        let index = &crate::collection::open_index(None).expect("the shipped cases load");
        let codes = |id: &str| {
            cases(index)
                .into_iter()
                .find(|c| index.item(c.item).id == id)
                .map(|c| c.weakest_codes())
                .unwrap_or_default()
        };
        assert_eq!(codes("icheon"), ["VP", "SO"]);
        assert_eq!(codes("san-diego"), ["SO", "SS"]);
        assert_eq!(codes("brenta"), ["VP", "SO"]);
        assert_eq!(codes("toyota-city"), ["VP", "SS"]);
        assert_eq!(codes("ulsan"), ["VP"]);
        assert_eq!(codes("daedeok"), ["SO"]);
        assert_eq!(codes("silicon-valley"), Vec::<&str>::new());
    }

    #[test]
    fn the_legend_names_the_marker_the_order_and_ties() {
        for lang in [Lang::Ko, Lang::En] {
            let legend = legend(lang);
            assert!(legend.contains(WEAKEST_MARK), "{legend}");
            assert!(
                legend.contains(lang.pick("모두", "every one tied")),
                "{legend}"
            );
            assert!(legend.contains("◎") && legend.contains("○") && legend.contains("△"));
        }
    }
}
