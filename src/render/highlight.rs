//! Matched characters of a search hit, cut to fit: the one highlighter behind the
//! explorer's result list and `casebook search` (bold-underline on a terminal, `[…]` in
//! a pipe). It only decides what to show and which parts are matched; each front end
//! styles the [`Run`]s its own way.
//!
//! Depends on `text`.

use crate::text::{one_line, width};

/// A piece of the shown text, matched or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub marked: bool,
}

/// `text` made one-line-safe, cut to `room` display columns around its first match (a
/// leading "…" when the start is cut, a trailing "…" when the end is), split into marked /
/// unmarked runs. `indices` are char indices into `text`.
pub fn runs(text: &str, indices: &[usize], room: usize) -> Vec<Run> {
    if room == 0 {
        return Vec::new();
    }
    let line = one_line(text);
    let chars: Vec<char> = line.chars().collect();
    let first = indices.first().copied().unwrap_or(0).min(chars.len());
    // Start a little before the first match so it has context, if it would not fit.
    let mut start = 0;
    if width(&line) > room {
        let before = width(&chars[..first].iter().collect::<String>());
        if before + 12 > room {
            start = first.saturating_sub(6);
        }
    }
    let mut runs = Vec::new();
    let mut used = 0;
    if start > 0 {
        push(&mut runs, "…", false);
        used += 1;
    }
    for (i, &c) in chars.iter().enumerate().skip(start) {
        let mut buf = [0; 4];
        let c = c.encode_utf8(&mut buf);
        let w = width(c);
        // Keep one column for the ellipsis when more text follows.
        let reserve = usize::from(i + 1 < chars.len());
        if used + w + reserve > room {
            if used < room {
                push(&mut runs, "…", false);
            }
            return runs;
        }
        push(&mut runs, c, indices.binary_search(&i).is_ok());
        used += w;
    }
    runs
}

/// Appends to the last run when it is marked the same way, else starts a new one.
fn push(runs: &mut Vec<Run>, text: &str, marked: bool) {
    match runs.last_mut() {
        Some(last) if last.marked == marked => last.text.push_str(text),
        _ => runs.push(Run {
            text: text.to_string(),
            marked,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(runs: &[Run]) -> String {
        runs.iter()
            .map(|r| {
                if r.marked {
                    format!("[{}]", r.text)
                } else {
                    r.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn marks_matches_and_keeps_short_text_whole() {
        assert_eq!(shown(&runs("san diego", &[0, 1, 2], 40)), "[san] diego");
        assert_eq!(shown(&runs("샌디에고", &[0, 1, 2, 3], 8)), "[샌디에고]");
        assert!(runs("", &[], 10).is_empty());
        assert!(runs("abc", &[0], 0).is_empty());
    }

    #[test]
    fn cuts_around_the_first_match_within_room() {
        let text = "a".repeat(40) + "match" + &"b".repeat(40);
        let indices: Vec<usize> = (40..45).collect();
        let r = runs(&text, &indices, 20);
        let s = shown(&r);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("[match]"), "{s}");
        let columns: usize = r.iter().map(|r| width(&r.text)).sum();
        assert_eq!(columns, 20, "{s}");
    }

    #[test]
    fn wide_characters_never_overflow() {
        let r = runs(&"가".repeat(30), &[0], 9);
        let columns: usize = r.iter().map(|r| width(&r.text)).sum();
        assert!(columns <= 9, "{r:?}");
        assert!(r.last().unwrap().text.ends_with('…'));
    }

    #[test]
    fn line_breaks_become_spaces() {
        assert_eq!(shown(&runs("a\nb", &[2], 10)), "a [b]");
    }
}
