//! Landing on the answer: the text a search hit matched is found again among the
//! detail's lines, scrolled into view and marked, in the search preview and after Enter;
//! `n` / `N` then walk the other lines that say it. Following a backlink of the Sources
//! view lands on the fact it stands for the same way.
//!
//! Depends on the app's state (`super`), the app's `detail` lines and `text`.

use super::detail::DetailLine;
use super::search::ResultRow;
use super::App;
use crate::model::Lang;
use crate::text::one_line;

/// How much of a fact's text finds it again: enough to tell facts apart, short enough
/// to stand on one or two lines of the narrowest detail pane.
const LANDING_CHARS: usize = 24;

/// What a hit matched: its field's text from the first to the last matched character
/// (the whole field when nothing in particular is marked).
pub fn matched_text(row: &ResultRow) -> Option<String> {
    let chars: Vec<char> = row.text.chars().collect();
    let (first, last) = match (row.indices.iter().min(), row.indices.iter().max()) {
        (Some(&first), Some(&last)) if last < chars.len() => (first, last),
        _ => (0, chars.len().checked_sub(1)?),
    };
    let text: String = chars[first..=last].iter().collect();
    (!text.trim().is_empty()).then_some(text)
}

/// A line's text, as drawn.
pub fn line_text(line: &DetailLine) -> String {
    line.pieces.iter().map(|p| p.text.as_str()).collect()
}

/// Text compared without case or spaces, so a match wrapped across two lines is found.
fn squeezed(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `needle` starts on line `i` (it may run on into the next line).
fn starts_on(lines: &[DetailLine], i: usize, needle: &str) -> bool {
    let here = squeezed(&line_text(&lines[i]));
    if here.contains(needle) {
        return true;
    }
    let Some(next) = lines.get(i + 1) else {
        return false;
    };
    let joined = here.clone() + &squeezed(&line_text(next));
    joined.match_indices(needle).any(|(at, _)| at < here.len())
}

/// The first line from `from` (forward) or before `from` (backward) that says `needle`.
pub fn find(lines: &[DetailLine], needle: &str, from: usize, forward: bool) -> Option<usize> {
    let needle = squeezed(needle);
    if needle.is_empty() {
        return None;
    }
    if forward {
        (from..lines.len()).find(|&i| starts_on(lines, i, &needle))
    } else {
        (0..from.min(lines.len()))
            .rev()
            .find(|&i| starts_on(lines, i, &needle))
    }
}

/// Where `needle` sits in `text`, as a char range, ignoring case; `None` when it does
/// not stand whole on this line.
pub fn char_range(text: &str, needle: &str) -> Option<(usize, usize)> {
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let wanted: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    // Lowercasing can change the number of chars; only then is the range not exact.
    if wanted.is_empty() || lower.len() != text.chars().count() {
        return None;
    }
    let at = lower
        .windows(wanted.len())
        .position(|w| w == wanted.as_slice())?;
    Some((at, at + wanted.len()))
}

impl App {
    /// Scrolls the detail to the first line that says what the search matched, and
    /// marks it; nothing happens when the item does not say it in so many words.
    pub(super) fn reveal_match(&mut self) {
        self.detail.found = None;
        let Some(needle) = self.needle.clone() else {
            return;
        };
        let lines = self.fresh_detail_lines();
        if let Some(line) = find(&lines, &needle, 0, true) {
            self.detail.found = Some(line);
            self.detail.scroll.center(line);
        }
    }

    /// After following a backlink: scrolls the detail to the line that shows the fact
    /// (`text`, the start of it being enough) and marks it; it becomes what `n` / `N`
    /// look for, as a search match does.
    pub(super) fn land_on(&mut self, text: &str) {
        let start: String = one_line(text).chars().take(LANDING_CHARS).collect();
        let start = start.trim();
        if start.is_empty() {
            return;
        }
        self.needle = Some(start.to_string());
        self.reveal_match();
        let lines = self.fresh_detail_lines();
        let scroll = self.detail.scroll;
        // The line cursor on the fact landed on, ready for `y`.
        self.detail.link_line = self
            .detail
            .found
            .filter(|&at| lines.get(at).is_some_and(|l| l.fact.is_some()))
            .or_else(|| super::detail::first_fact_in(&lines, scroll.top(), scroll.page()));
    }

    /// `n` / `N`: the next or previous line of the detail that says what the last
    /// search matched.
    pub(super) fn step_match(&mut self, forward: bool) {
        let lang = self.lang;
        let Some(needle) = self.needle.clone() else {
            self.notice = Some(
                lang.pick(
                    "찾은 검색어가 없습니다 — / 로 검색",
                    "no search yet — press / to search",
                )
                .into(),
            );
            return;
        };
        let lines = self.fresh_detail_lines();
        let from = match (self.detail.found, forward) {
            (Some(at), true) => at + 1,
            (Some(at), false) => at,
            (None, true) => self.detail.scroll.top(),
            (None, false) => self.detail.scroll.top() + self.detail.scroll.page(),
        };
        match find(&lines, &needle, from, forward) {
            Some(line) => {
                self.detail.found = Some(line);
                self.detail.scroll.reveal(line);
            }
            None => {
                self.notice = Some(match lang {
                    Lang::Ko => format!("‘{needle}’: 더 없습니다"),
                    Lang::En => format!("“{needle}”: no more in this item"),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::app::detail::{Piece, Tag};

    fn line(text: &str) -> DetailLine {
        DetailLine {
            pieces: vec![Piece {
                text: text.into(),
                tag: Tag::Plain,
            }],
            ..DetailLine::default()
        }
    }

    #[test]
    fn a_match_is_found_on_its_line_or_across_a_wrap() {
        let lines = [
            line("울산의 자동차 생산 비중은"),
            line("  전국의 26.9% 이다"),
            line("UCSD CONNECT 프로그램"),
        ];
        assert_eq!(find(&lines, "26.9%", 0, true), Some(1));
        assert_eq!(find(&lines, "비중은 전국의", 0, true), Some(0));
        assert_eq!(find(&lines, "ucsd connect", 0, true), Some(2));
        assert_eq!(find(&lines, "26.9%", 2, true), None);
        assert_eq!(find(&lines, "울산", 3, false), Some(0));
        assert_eq!(
            char_range("UCSD CONNECT 프로그램", "connect"),
            Some((5, 12))
        );
    }
}
