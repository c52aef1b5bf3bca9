//! The detail pane's content as wrapped lines: an item's [`report`] laid out for a given
//! width, with the link each line carries. Pure: the app uses it to scroll and to move
//! the link cursor, the renderer to draw, and both see the same lines.
//!
//! Styles are semantic tags here; the renderer maps them to the theme.
//!
//! Depends on `model`, `index`, `report` and `text`.

use std::sync::Arc;

use crate::index::Index;
use crate::model::{Item, Lang, RoleStrength};
use crate::report::{self, Block};
use crate::text::{self, one_line, width};

/// What a piece of text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Plain,
    Title,
    Heading,
    Muted,
    Label,
    Value,
    Link,
    Strength(RoleStrength),
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub tag: Tag,
}

/// One screen line of the detail pane.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DetailLine {
    pub pieces: Vec<Piece>,
    /// The item this line links to, by index position.
    pub link: Option<usize>,
}

impl DetailLine {
    fn blank() -> DetailLine {
        DetailLine::default()
    }

    fn of(pieces: Vec<Piece>) -> DetailLine {
        DetailLine { pieces, link: None }
    }
}

fn piece(text: impl Into<String>, tag: Tag) -> Piece {
    Piece {
        text: text.into(),
        tag,
    }
}

/// Wraps `s` after a first-line prefix, indenting continuation lines to match.
fn wrapped(prefix: &str, s: &str, tag: Tag, max: usize) -> Vec<DetailLine> {
    let indent = width(prefix);
    let room = max.saturating_sub(indent).max(1);
    text::wrap(&one_line(s), room)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let lead = if i == 0 {
                prefix.to_string()
            } else {
                " ".repeat(indent)
            };
            DetailLine::of(vec![piece(lead, Tag::Muted), piece(line, tag)])
        })
        .collect()
}

/// The detail of `item`, laid out for `max` columns.
pub fn lines(index: &Index, item: &Item, lang: Lang, max: usize) -> Vec<DetailLine> {
    let max = max.max(1);
    let mut out = Vec::new();
    let blocks = report::report(index, item, lang);
    // A run of figures or statements from the same source names it once, after the
    // run: the pane shows more facts and the source is still next to every one.
    let source_of = |block: Option<&Block>| match block {
        Some(Block::Figure { source, .. }) => Some(source.clone()),
        Some(Block::Bullet { source, .. }) => source.clone(),
        _ => None,
    };
    for (i, block) in blocks.iter().cloned().enumerate() {
        let repeats_next = source_of(Some(&block)).is_some()
            && source_of(Some(&block)) == source_of(blocks.get(i + 1));
        match block {
            Block::Title { name, other, kind } => {
                out.extend(wrapped("", &name, Tag::Title, max));
                out.extend(wrapped(
                    "",
                    &format!("{other} · {}", kind.label(lang)),
                    Tag::Muted,
                    max,
                ));
            }
            Block::Facts(facts) => {
                for (label, value) in facts {
                    let prefix = format!("{label}: ");
                    let mut lines = wrapped(&prefix, &value, Tag::Value, max);
                    if let Some(first) = lines.first_mut() {
                        if let Some(p) = first.pieces.first_mut() {
                            p.tag = Tag::Label;
                        }
                    }
                    out.extend(lines);
                }
            }
            Block::Heading(h) => {
                out.push(DetailLine::blank());
                out.extend(wrapped("", &h, Tag::Heading, max));
            }
            Block::Paragraph(p) => {
                out.push(DetailLine::blank());
                out.extend(wrapped("", &p, Tag::Plain, max));
            }
            Block::Bullet { text, source } => {
                out.extend(wrapped("• ", &text, Tag::Plain, max));
                if let Some(source) = source.filter(|_| !repeats_next) {
                    out.extend(wrapped("  ↳ ", &source, Tag::Muted, max));
                }
            }
            Block::Figure {
                label,
                value,
                year,
                note,
                source,
            } => {
                let year = year.map(|y| format!(" ({y})")).unwrap_or_default();
                // Value first, so the number is where the eye lands.
                let text = format!("{value}{year} — {label}");
                let mut lines = wrapped("• ", &text, Tag::Plain, max);
                if let Some(first) = lines.first_mut() {
                    split_value(first, &value, &year);
                }
                out.extend(lines);
                if let Some(note) = note {
                    out.extend(wrapped("  ※ ", &note, Tag::Muted, max));
                }
                if !repeats_next {
                    out.extend(wrapped("  ↳ ", &source, Tag::Muted, max));
                }
            }
            Block::Actor {
                role,
                role_id,
                strength,
                who,
            } => {
                let mut first = vec![
                    piece("• ", Tag::Muted),
                    piece(format!("{role} "), Tag::Link),
                ];
                if let Some(s) = strength {
                    first.push(piece(
                        format!("{} ", report::strength_text(s, lang)),
                        Tag::Strength(s),
                    ));
                }
                let lead = first.iter().map(|p| width(&p.text)).sum::<usize>();
                let mut lines = if lead + 8 < max {
                    let rest = wrapped(&" ".repeat(lead), &who, Tag::Plain, max);
                    let mut lines = rest;
                    if let Some(l) = lines.first_mut() {
                        l.pieces.remove(0);
                        let mut pieces = first;
                        pieces.append(&mut l.pieces);
                        l.pieces = pieces;
                    }
                    lines
                } else {
                    let mut lines = vec![DetailLine::of(first)];
                    lines.extend(wrapped("  ", &who, Tag::Plain, max));
                    lines
                };
                if let Some(l) = lines.first_mut() {
                    l.link = index.position(&role_id);
                }
                out.extend(lines);
            }
            Block::Link {
                target,
                label,
                kind,
                note,
            } => {
                let note = note.map(|n| format!(" · {n}")).unwrap_or_default();
                let prefix = format!("→ [{}] ", kind.label(lang));
                let mut lines = wrapped(&prefix, &format!("{label}{note}"), Tag::Link, max);
                let link = index.position(&target);
                for l in &mut lines {
                    l.link = link;
                }
                out.extend(lines);
            }
            // Charts are drawn in their own view; the detail says they are there.
            Block::Charts(charts) => {
                let n = charts.len();
                let text = match lang {
                    Lang::Ko => format!("▤ 차트 {n}개 — v"),
                    Lang::En if n == 1 => "▤ 1 chart — v".to_string(),
                    Lang::En => format!("▤ {n} charts — v"),
                };
                out.push(DetailLine::of(vec![piece(text, Tag::Value)]));
            }
            Block::Table { columns, rows } => {
                out.push(DetailLine::blank());
                for (label, cells) in rows {
                    out.extend(wrapped("▪ ", &label, Tag::Label, max));
                    for (column, cell) in columns.iter().zip(cells) {
                        out.extend(wrapped(
                            &format!("  {}: ", one_line(column)),
                            &cell,
                            Tag::Plain,
                            max,
                        ));
                    }
                }
            }
            Block::Sources { cited, documents } => {
                for (title, entries) in [
                    (lang.pick("출처", "Sources"), &cited),
                    (lang.pick("문헌", "Documents"), &documents),
                ] {
                    if entries.is_empty() {
                        continue;
                    }
                    out.push(DetailLine::blank());
                    out.extend(wrapped("", title, Tag::Heading, max));
                    for entry in entries {
                        out.extend(wrapped("• ", entry, Tag::Plain, max));
                    }
                }
            }
        }
    }
    // Lines wider than the pane can only come from a one-column pane; clip them.
    for line in &mut out {
        clip(line, max);
    }
    out
}

/// Styles the leading value (and year) of a figure line as a value.
fn split_value(line: &mut DetailLine, value: &str, year: &str) {
    let Some(body) = line.pieces.get(1).cloned() else {
        return;
    };
    let head = format!("{}{year}", one_line(value));
    if let Some(rest) = body.text.strip_prefix(&head) {
        line.pieces[1] = piece(head, Tag::Value);
        line.pieces.push(piece(rest.to_string(), Tag::Plain));
    }
}

fn clip(line: &mut DetailLine, max: usize) {
    let mut used = 0;
    let mut kept = Vec::new();
    for p in line.pieces.drain(..) {
        let w = width(&p.text);
        if used + w <= max {
            used += w;
            kept.push(p);
        } else {
            let cut = text::truncate(&p.text, max - used).into_owned();
            kept.push(piece(cut, p.tag));
            break;
        }
    }
    line.pieces = kept;
}

/// The first line with a link among the `page` lines from `top`.
pub fn first_link_in(lines: &[DetailLine], top: usize, page: usize) -> Option<usize> {
    (top..(top + page.max(1)).min(lines.len())).find(|&i| lines[i].link.is_some())
}

/// The first line of the (possibly wrapped) link that line `i` belongs to.
pub fn link_start(lines: &[DetailLine], mut i: usize) -> usize {
    while i > 0 && lines[i - 1].link.is_some() && lines[i - 1].link == lines[i].link {
        i -= 1;
    }
    i
}

/// One item's lines at one width and language, laid out again only when one of those
/// changes: a keystroke that moves nothing costs no layout.
#[derive(Debug, Clone)]
pub struct LinesCache {
    key: Option<(usize, Lang, usize)>,
    lines: Arc<[DetailLine]>,
}

impl Default for LinesCache {
    fn default() -> Self {
        LinesCache {
            key: None,
            lines: Arc::from(Vec::new()),
        }
    }
}

impl LinesCache {
    /// Lays `item` out for `width` columns in `lang`, unless that is what it holds.
    pub fn refresh(&mut self, index: &Index, item: Option<usize>, lang: Lang, width: usize) {
        let key = item.map(|i| (i, lang, width));
        if key == self.key {
            return;
        }
        self.lines = match item {
            Some(i) => lines(index, index.item(i), lang, width).into(),
            None => Arc::from(Vec::new()),
        };
        self.key = key;
    }

    /// Forgets what it holds (the index it was laid out from is gone).
    pub fn invalidate(&mut self) {
        self.key = None;
        self.lines = Arc::from(Vec::new());
    }

    pub fn lines(&self) -> &[DetailLine] {
        &self.lines
    }

    /// The lines, shared: cheap to hold while the state they describe changes.
    pub fn shared(&self) -> Arc<[DetailLine]> {
        Arc::clone(&self.lines)
    }
}
