//! Boxes drawn over the screen (help, load problems, the search box over presenter mode,
//! a filter's picker, the recent and history lists). Before a box is drawn, any wide
//! character (a Hangul syllable) that starts just left of the box and reaches into it is
//! blanked: the terminal would otherwise draw the whole syllable over the box's left
//! border, and ratatui, seeing the border cell covered, would never draw it.
//!
//! Depends on `layout` and `theme`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;
use ratatui::Frame;

use super::pane_block;
use crate::text::width;
use crate::tui::layout;
use crate::tui::theme::Theme;

/// Clears a centred box over the screen, draws its frame and title, and returns the
/// area inside it.
pub fn open(frame: &mut Frame, theme: &Theme, screen: Rect, max_width: u16, title: &str) -> Rect {
    open_at(frame, theme, layout::overlay(screen, max_width), title)
}

/// The same for a box at `area` (a picker, sized by its values).
pub fn open_at(frame: &mut Frame, theme: &Theme, area: Rect, title: &str) -> Rect {
    blank_straddling(frame.buffer_mut(), area);
    frame.render_widget(Clear, area);
    let block = pane_block(format!(" {title} "), true, theme).style(theme.base);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Clears `area` for a pane drawn over what is there (the search box over presenter
/// mode's card) and fills it with the theme's base style: wide characters cut by either
/// edge are blanked first, and the column a cut one covered right of the area keeps
/// the colours it was drawn in.
pub fn cover(frame: &mut Frame, theme: &Theme, area: Rect) {
    let buffer = frame.buffer_mut();
    blank_straddling(buffer, area);
    if area.width > 0 {
        for y in area.top()..area.bottom() {
            let last = (area.right() - 1, y);
            let Some(cell) = buffer.cell(last) else {
                continue;
            };
            if width(cell.symbol()) > 1 {
                let style = cell.style();
                if let Some(beyond) = buffer.cell_mut((area.right(), y)) {
                    beyond.set_symbol(" ").set_style(style);
                }
            }
        }
    }
    frame.render_widget(Clear, area);
    frame.render_widget(ratatui::widgets::Block::new().style(theme.base), area);
}

/// Replaces with a space every wide character that begins left of `area` and covers its
/// first column, on each of `area`'s rows.
pub fn blank_straddling(buffer: &mut Buffer, area: Rect) {
    if area.x == 0 {
        return;
    }
    for y in area.top()..area.bottom() {
        // A character up to two columns wide can only reach in from the column before.
        let x = area.x - 1;
        if let Some(cell) = buffer.cell_mut((x, y)) {
            if width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    #[test]
    fn a_syllable_across_the_left_edge_is_blanked_and_nothing_else() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 2));
        buffer.set_string(0, 0, "가나다", Style::new());
        buffer.set_string(0, 1, "a가나", Style::new());
        // The box starts at column 3: row 0's 나 (columns 2–3) straddles it, row 1's
        // 가 (columns 1–2) ends before it.
        blank_straddling(&mut buffer, Rect::new(3, 0, 3, 2));
        assert_eq!(buffer[(2, 0)].symbol(), " ");
        assert_eq!(buffer[(0, 0)].symbol(), "가");
        assert_eq!(buffer[(1, 1)].symbol(), "가");
        assert_eq!(buffer[(3, 1)].symbol(), "나");
    }
}
