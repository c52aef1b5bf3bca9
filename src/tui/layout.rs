//! Where each part of the screen goes, as a pure function of the terminal size. The
//! renderer draws into these areas and the app uses the same numbers for page sizes,
//! wrapping width and mouse hit-testing, so the two never disagree.

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
}

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
    // at 120 columns, and the detail keeps room for figures with their sources.
    let list_width = (columns * 9 / 20).clamp(30, 60);
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
    }
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

/// The tab labels ("1 사례", …) and the column each starts at.
pub fn tabs(lang: Lang) -> Vec<(String, u16)> {
    let mut x = 1u16;
    Pane::ALL
        .iter()
        .enumerate()
        .map(|(i, pane)| {
            let label = format!(" {} {} ", i + 1, pane.tab_label(lang));
            let at = x;
            x += width(&label) as u16 + 1;
            (label, at)
        })
        .collect()
}

/// The pane whose tab is at (column, row), if any.
pub fn tab_at(areas: &Areas, lang: Lang, column: u16, row: u16) -> Option<usize> {
    if areas.too_small || row != areas.tabs.y {
        return None;
    }
    tabs(lang)
        .iter()
        .position(|(label, at)| column >= *at && column < at + width(label) as u16)
}
