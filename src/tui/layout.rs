//! Where each part of the screen goes, as a pure function of the terminal size. The
//! renderer draws into these areas and the app uses the same numbers for page sizes,
//! wrapping width and mouse hit-testing, so the two never disagree.
//!
//! Depends on the app's `Pane` (for the tab labels), `model` and `text`.

use ratatui::layout::Rect;

use super::app::Pane;
use crate::model::Lang;
use crate::text::width;

/// Below this the explorer shows a one-line "make the window larger" message.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// The screen's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub too_small: bool,
    pub screen: Rect,
    pub tabs: Rect,
    /// The list pane with its border.
    pub list: Rect,
    /// The search input line inside the list pane, when the search box is open.
    pub search_input: Rect,
    /// The rows of the list (or of the search results).
    pub list_rows: Rect,
    /// The detail pane with its border, and the text area inside it.
    pub detail: Rect,
    pub detail_inner: Rect,
    pub status: Rect,
    /// A full-width view (compare, matrix, timeline) with its border, and inside it.
    pub view: Rect,
    pub view_inner: Rect,
    /// Presenter mode's card (its border), the text column inside it, and its footer line.
    pub presenter_card: Rect,
    pub presenter: Rect,
    pub presenter_footer: Rect,
}

/// How wide the help overlay grows, at most.
pub const HELP_WIDTH: u16 = 76;
/// How wide the load-problems overlay grows, at most.
pub const ERRORS_WIDTH: u16 = 110;
/// How wide the detail's text grows, at most: a readable measure. Its border and padding
/// take four columns more.
pub const DETAIL_MEASURE: u16 = 100;
/// How wide presenter mode's text grows, at most: a readable measure.
pub const PRESENTER_WIDTH: u16 = 100;

pub fn areas(columns: u16, rows: u16, searching: bool) -> Areas {
    let screen = Rect::new(0, 0, columns, rows);
    if columns < MIN_WIDTH || rows < MIN_HEIGHT {
        return Areas {
            too_small: true,
            screen,
            ..Areas::default()
        };
    }
    let tabs = Rect::new(0, 0, columns, 1);
    let status = Rect::new(0, rows - 1, columns, 1);
    let main_height = rows - 2;
    // The list gets about nine twentieths: enough for a Hangul name, country, type and status
    // at 120 columns, and the detail keeps room for figures with their sources. On a wide
    // screen the detail's text stops at a readable measure and the list takes the rest,
    // where its columns can show names and types whole.
    let list_width = (columns * 9 / 20)
        .clamp(30, 60)
        .max(columns.saturating_sub(DETAIL_MEASURE + 4));
    let list = Rect::new(0, 1, list_width, main_height);
    let detail = Rect::new(list_width, 1, columns - list_width, main_height);
    let list_inner = inner(list, 0);
    let (search_input, list_rows) = if searching {
        (
            Rect::new(list_inner.x, list_inner.y, list_inner.width, 1),
            Rect::new(
                list_inner.x,
                list_inner.y + 2,
                list_inner.width,
                list_inner.height.saturating_sub(2),
            ),
        )
    } else {
        (Rect::default(), list_inner)
    };
    let view = Rect::new(0, 1, columns, main_height);
    let text_width = columns.saturating_sub(6).min(PRESENTER_WIDTH);
    Areas {
        too_small: false,
        screen,
        tabs,
        list,
        search_input,
        list_rows,
        detail,
        detail_inner: inner(detail, 1),
        status,
        view,
        view_inner: inner(view, 0),
        presenter_card: Rect::new(0, 0, columns, rows - 1),
        presenter: Rect::new((columns - text_width) / 2, 1, text_width, rows - 3),
        presenter_footer: Rect::new(0, rows - 1, columns, 1),
    }
}

/// A centred overlay box at most `max_width` wide, with its border.
pub fn overlay(screen: Rect, max_width: u16) -> Rect {
    let w = screen.width.saturating_sub(4).min(max_width);
    let h = screen.height.saturating_sub(2);
    Rect::new((screen.width - w) / 2, 1.min(screen.height), w, h)
}

/// How wide a filter picker grows, at most.
pub const PICKER_WIDTH: u16 = 72;

/// A filter picker's box for `values` values whose content is `wanted` columns wide:
/// tall enough for all of them below the typed line and above the hint line, at most
/// the screen less a row above and below, as wide as wanted up to [`PICKER_WIDTH`] and
/// the screen less two columns each side, centred.
pub fn picker(screen: Rect, values: usize, wanted: u16) -> Rect {
    let w = wanted
        .saturating_add(2)
        .min(PICKER_WIDTH)
        .min(screen.width.saturating_sub(4));
    let h = (values as u16)
        .saturating_add(4)
        .min(screen.height.saturating_sub(2));
    Rect::new((screen.width - w) / 2, (screen.height - h) / 2, w, h)
}

/// Inside the picker's border: the typed line, the value rows and the hint line.
pub fn picker_parts(screen: Rect, values: usize, wanted: u16) -> (Rect, Rect, Rect) {
    let inner = inner(picker(screen, values, wanted), 0);
    let line = |y: u16| Rect::new(inner.x, y, inner.width, 1.min(inner.height));
    let rows = Rect::new(
        inner.x,
        inner.y + 1.min(inner.height),
        inner.width,
        inner.height.saturating_sub(2),
    );
    let hints = line(inner.y + inner.height.saturating_sub(1));
    (line(inner.y), rows, hints)
}

/// The picker's value rows (their height does not depend on the width).
pub fn picker_rows(screen: Rect, values: usize) -> Rect {
    picker_parts(screen, values, PICKER_WIDTH).1
}

/// The text area inside an overlay box.
pub fn overlay_inner(screen: Rect, max_width: u16) -> Rect {
    inner(overlay(screen, max_width), 0)
}

/// Inside a border, with `pad` columns of padding left and right.
fn inner(rect: Rect, pad: u16) -> Rect {
    Rect::new(
        rect.x + 1 + pad,
        rect.y + 1,
        rect.width.saturating_sub(2 + 2 * pad),
        rect.height.saturating_sub(2),
    )
}

/// The brand at the right end of the tab bar, drawn where it fits.
pub const BRAND: &str = " casebook ";

/// The tab labels and the column each starts at, for a bar `columns` wide with the tab of
/// pane number `current` selected. Each tab says what its pane is ("3 Success factors");
/// while the bar and the brand do not fit, the longest full title gives way to its short
/// label ("3 Factors"), one at a time; then the brand makes room, and then tabs other than
/// the current one keep only their number.
pub fn tabs(lang: Lang, columns: u16, current: usize) -> Vec<(String, u16)> {
    // 0: the full title, 1: the short label, 2: the number alone.
    let mut level = [0u8; Pane::ALL.len()];
    let label_at = |pane: Pane, level: u8| match level {
        0 => pane.title(lang),
        1 => pane.tab_label(lang),
        _ => "",
    };
    loop {
        let labels = tab_labels(|i, pane| label_at(pane, level[i]));
        // The bar is a space, then each label and a space; the brand needs a gap too, and
        // gives its room up before any tab is cut to its number.
        let end = labels
            .last()
            .map_or(1, |(label, at)| at + width(label) as u16 + 1);
        let brand = if level.contains(&0) { width(BRAND) } else { 0 };
        if (end as usize) + brand < columns as usize {
            return labels;
        }
        let saving = |i: usize| {
            let pane = Pane::ALL[i];
            width(label_at(pane, level[i])) - width(label_at(pane, level[i] + 1))
        };
        let shorten = (0..level.len())
            .filter(|&i| level[i] == 0 || (level[i] == 1 && i != current))
            .max_by_key(|&i| (level[i] == 0, saving(i)));
        match shorten {
            Some(i) => level[i] += 1,
            // Narrower than the numbers: the renderer cuts the bar at the edge.
            None => return labels,
        }
    }
}

fn tab_labels(label: impl Fn(usize, Pane) -> &'static str) -> Vec<(String, u16)> {
    let mut x = 1u16;
    Pane::ALL
        .iter()
        .enumerate()
        .map(|(i, &pane)| {
            let text = label(i, pane);
            let label = if text.is_empty() {
                format!(" {} ", i + 1)
            } else {
                format!(" {} {text} ", i + 1)
            };
            let at = x;
            x += width(&label) as u16 + 1;
            (label, at)
        })
        .collect()
}

/// The pane whose tab is at (column, row), if any.
pub fn tab_at(areas: &Areas, lang: Lang, current: usize, column: u16, row: u16) -> Option<usize> {
    if areas.too_small || row != areas.tabs.y {
        return None;
    }
    tabs(lang, areas.tabs.width, current)
        .iter()
        .position(|(label, at)| column >= *at && column < at + width(label) as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(lang: Lang, columns: u16) -> String {
        tabs(lang, columns, 0)
            .iter()
            .map(|(label, _)| label.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn tabs_say_what_the_panes_are_and_shorten_only_when_the_width_needs_it() {
        let wide = bar(Lang::En, 200);
        assert!(
            wide.contains("Success factors") && wide.contains("Policy problems"),
            "{wide}"
        );
        assert!(wide.contains(Pane::Reference.title(Lang::En)), "{wide}");
        let narrow = bar(Lang::En, 80);
        assert!(narrow.contains(" 3 Factors "), "{narrow}");
        for columns in [60, 70, 80, 100, 120, 200] {
            for lang in [Lang::Ko, Lang::En] {
                let labels = tabs(lang, columns, 0);
                let (last, at) = labels.last().unwrap();
                assert!(
                    (at + width(last) as u16) < columns,
                    "{columns} {lang:?}: {labels:?}"
                );
                // The current tab always keeps a name.
                assert!(width(&labels[0].0) > 3, "{labels:?}");
            }
        }
    }

    #[test]
    fn the_list_takes_what_the_detail_does_not_need_on_a_wide_screen() {
        let a = areas(200, 40, false);
        assert_eq!(a.detail_inner.width, DETAIL_MEASURE);
        assert_eq!(a.list.width + a.detail.width, 200);
        let a = areas(120, 35, false);
        assert_eq!(a.list.width, 54);
    }
}
