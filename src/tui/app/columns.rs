//! The case list's columns — name, country, type, status — sized to what they hold.
//!
//! [`CaseColumns::measure`] takes the widest name, country, type and status of every case
//! (not only those on screen, so the columns stay put while the list scrolls or a filter
//! narrows it); the app keeps the result per collection and language. [`CaseColumns::fit`]
//! shares a row's room out: the name gets the most, the others get what they need when it
//! fits and a fair cut when it does not, with the status abbreviated first.
//!
//! Depends on `index`, `model` and `text`.

use crate::index::Index;
use crate::model::{Kind, Lang, Status};
use crate::text::{one_line, width};

/// The widest cell of each column over every case, in display columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CaseColumns {
    pub name: usize,
    pub country: usize,
    pub cluster_type: usize,
    pub status: usize,
    pub status_short: usize,
}

/// How wide each column of a case row is drawn; 0 leaves a column out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ColumnWidths {
    pub name: usize,
    pub country: usize,
    pub cluster_type: usize,
    pub status: usize,
    /// Whether the status column shows [`Status::short_label`].
    pub short_status: bool,
}

impl CaseColumns {
    pub fn measure(index: &Index, lang: Lang) -> CaseColumns {
        let mut columns = CaseColumns::default();
        for &i in index.of_kind(Kind::Case) {
            let item = index.item(i);
            let Some(case) = item.case() else { continue };
            columns.name = columns.name.max(width(&one_line(item.name.get(lang))));
            columns.country = columns
                .country
                .max(width(&one_line(case.country.get(lang))));
            let cluster_type = index.name_of(&case.cluster_type, lang);
            columns.cluster_type = columns.cluster_type.max(width(&one_line(cluster_type)));
        }
        for status in Status::ALL {
            columns.status = columns.status.max(width(status.label(lang)));
            columns.status_short = columns.status_short.max(width(status.short_label(lang)));
        }
        columns
    }

    /// The columns of a row `room` wide (one space between columns).
    ///
    /// First every column gets a minimum — the name two fifths of the room, country and
    /// type a few letters, the status its short form — dropping type, then status, then
    /// country when even that does not fit. What is left goes to the status in full, the
    /// name up to three fifths of the row, the country, the name up to its widest and the type, in
    /// that order; whatever is still left pads the name.
    pub fn fit(&self, room: usize) -> ColumnWidths {
        let name_min = self.name.min((room * 2 / 5).max(16)).min(room);
        let country_min = self.country.min(8);
        let type_min = self.cluster_type.min(10);
        let mut widths = ColumnWidths {
            name: name_min,
            country: country_min,
            cluster_type: type_min,
            status: self.status_short,
            short_status: true,
        };
        let used = |w: &ColumnWidths| {
            let others = [w.country, w.cluster_type, w.status];
            w.name + others.iter().sum::<usize>() + others.iter().filter(|&&c| c > 0).count()
        };
        for drop in [
            |w: &mut ColumnWidths| w.cluster_type = 0,
            |w: &mut ColumnWidths| w.status = 0,
            |w: &mut ColumnWidths| w.country = 0,
        ] {
            if used(&widths) <= room {
                break;
            }
            drop(&mut widths);
        }
        if used(&widths) > room {
            widths.name = room;
            return widths;
        }
        let mut left = room - used(&widths);
        fn grow(column: &mut usize, to: usize, left: &mut usize) {
            let more = to.saturating_sub(*column).min(*left);
            *column += more;
            *left -= more;
        }
        // A whole status reads better than a few more letters of a long name ("전환 중"
        // against "전환"); it is abbreviated only where the minimums leave no room for it.
        if widths.status > 0 && left >= self.status.saturating_sub(widths.status) {
            left -= self.status - widths.status;
            widths.status = self.status;
            widths.short_status = false;
        }
        grow(&mut widths.name, self.name.min(room * 3 / 5), &mut left);
        if widths.country > 0 {
            grow(&mut widths.country, self.country, &mut left);
        }
        grow(&mut widths.name, self.name, &mut left);
        if widths.cluster_type > 0 {
            grow(&mut widths.cluster_type, self.cluster_type, &mut left);
        }
        widths.name += left;
        widths
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> CaseColumns {
        CaseColumns {
            name: 37,
            country: 14,
            cluster_type: 47,
            status: 12,
            status_short: 6,
        }
    }

    fn total(w: &ColumnWidths) -> usize {
        let others = [w.country, w.cluster_type, w.status];
        w.name + others.iter().sum::<usize>() + others.iter().filter(|&&c| c > 0).count()
    }

    #[test]
    fn a_wide_row_shows_every_column_whole_and_pads_the_name() {
        let w = english().fit(120);
        assert_eq!((w.country, w.cluster_type, w.status), (14, 47, 12));
        assert!(!w.short_status);
        assert_eq!(w.name, 120 - 14 - 47 - 12 - 3);
    }

    #[test]
    fn the_name_grows_whole_before_the_type_and_the_status_shortens_only_when_narrow() {
        let w = english().fit(93);
        assert_eq!((w.name, w.country, w.status), (37, 14, 12));
        assert!(!w.short_status);
        assert_eq!(w.cluster_type, 93 - 37 - 14 - 12 - 3);
        let narrow = english().fit(48);
        assert!(narrow.short_status, "{narrow:?}");
        assert!(narrow.name >= 19, "{narrow:?}");
    }

    #[test]
    fn columns_drop_type_then_status_then_country() {
        let w = english().fit(40);
        assert_eq!(w.cluster_type, 0, "{w:?}");
        assert!(w.status > 0 && w.country > 0);
        let w = english().fit(30);
        assert_eq!((w.cluster_type, w.status), (0, 0), "{w:?}");
        let w = english().fit(17);
        assert_eq!((w.country, w.cluster_type, w.status), (0, 0, 0));
        assert_eq!(w.name, 17);
    }

    #[test]
    fn every_room_is_filled_exactly() {
        for room in 0..200 {
            let w = english().fit(room);
            assert_eq!(total(&w), room, "room {room}: {w:?}");
        }
    }
}
