//! The detail pane's content as wrapped lines: an item's [`report`] laid out for a given
//! width, with the link each line carries and the fact it shows, or a source section's
//! [`citing::SectionReport`] (what cites it); and the same item as presenter mode's
//! [`Card`] (a header to centre, the key figures first in the body). Pure: the app uses
//! it to scroll, to move the line cursor (which rests on facts: a figure, an actor, a
//! statement, a link) and to copy the fact under it; the renderer draws the same lines.
//!
//! Styles are semantic tags here; the renderer maps them to the theme.
//!
//! Depends on `model`, `index`, `report`, `citing` and `text`.

use std::sync::Arc;

use crate::citing;
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

/// Which fact of the item a line shows: block `block` of its [`report::report`], and
/// within a block of several entries (key facts, table rows, sources) entry `part`.
/// Every line of one fact — its wrapped text, its note, its source — carries the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactRef {
    pub block: usize,
    pub part: usize,
}

/// One screen line of the detail pane.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DetailLine {
    pub pieces: Vec<Piece>,
    /// The item this line links to, by index position.
    pub link: Option<usize>,
    /// The fact this line shows; `None` on headings and blank lines, where the line
    /// cursor never rests.
    pub fact: Option<FactRef>,
    /// Where in the linked item to land: a text its detail shows (the fact a backlink
    /// stands for). The lines of one backlink share a `fact`, so the cursor takes them as one.
    pub land: Option<String>,
}

/// What the detail pane shows: an item, or a section of a source document (a section
/// row of the Sources pane).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    Item(usize),
    /// A document's item position and the section's position in its `sections`.
    Section {
        doc: usize,
        section: usize,
    },
}

impl Subject {
    /// The item shown, or the document a section belongs to.
    pub fn item(self) -> usize {
        match self {
            Subject::Item(item) => item,
            Subject::Section { doc, .. } => doc,
        }
    }
}

impl DetailLine {
    fn blank() -> DetailLine {
        DetailLine::default()
    }

    fn of(pieces: Vec<Piece>) -> DetailLine {
        DetailLine {
            pieces,
            link: None,
            fact: None,
            land: None,
        }
    }
}

/// Marks the non-blank lines from `start` on as showing part `part` of block `block`.
fn mark_fact(lines: &mut [DetailLine], start: usize, block: usize, part: usize) {
    for line in lines.iter_mut().skip(start) {
        if !line.pieces.is_empty() && line.fact.is_none() {
            line.fact = Some(FactRef { block, part });
        }
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
    lay_out(index, &report::report(index, item, lang), lang, max)
}

/// Presenter mode's card: a header to centre, and a body that scrolls below it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Card {
    /// The name (wrapped, to be centred), a rule under it as wide as its widest line, the
    /// name in the other language with the kind, and the facts in one line: for a case,
    /// type · country and region · industry · status · era.
    pub header: Vec<DetailLine>,
    /// The key figures first, each with its reference, then the rest of the detail.
    pub body: Vec<DetailLine>,
}

/// `item` as presenter mode's card, for `max` columns.
pub fn card(index: &Index, item: &Item, lang: Lang, max: usize) -> Card {
    let max = max.max(1);
    let mut header = Vec::new();
    let mut rest = Vec::new();
    let kind = item.kind.label(lang);
    for block in report::report(index, item, lang) {
        match block {
            Block::Title { name, other, kind } => {
                let name = wrapped("", &name, Tag::Heading, max);
                let widest = name.iter().map(line_width).max().unwrap_or(0);
                header.extend(name);
                header.push(DetailLine::of(vec![piece(
                    "━".repeat(widest),
                    Tag::Heading,
                )]));
                header.extend(wrapped(
                    "",
                    &format!("{other} · {}", kind.label(lang)),
                    Tag::Muted,
                    max,
                ));
            }
            Block::Facts(facts) => {
                // The kind is said beside the other name already.
                let values: Vec<&str> = facts
                    .iter()
                    .map(|(_, v)| v.as_str())
                    .filter(|&v| v != kind)
                    .collect();
                if !values.is_empty() {
                    header.extend(wrapped("", &values.join(" · "), Tag::Value, max));
                }
            }
            other => rest.push(other),
        }
    }
    // The key figures (their heading and the run under it) open the body: they are what
    // a meeting asks for, and the summary is one page down.
    if let Some(first) = rest.iter().position(|b| matches!(b, Block::Figure { .. })) {
        let start = match first.checked_sub(1).map(|i| &rest[i]) {
            Some(Block::Heading(_)) => first - 1,
            _ => first,
        };
        let end = rest[first..]
            .iter()
            .position(|b| !matches!(b, Block::Figure { .. }))
            .map_or(rest.len(), |n| first + n);
        let run: Vec<Block> = rest.drain(start..end).collect();
        rest.splice(0..0, run);
    }
    for line in &mut header {
        // The header lines carry no lead; wrapped() gave each an empty one.
        line.pieces.retain(|p| !p.text.is_empty());
        clip(line, max);
    }
    Card {
        header,
        body: lay_out(index, &rest, lang, max),
    }
}

fn line_width(line: &DetailLine) -> usize {
    line.pieces.iter().map(|p| width(&p.text)).sum()
}

fn lay_out(index: &Index, blocks: &[Block], lang: Lang, max: usize) -> Vec<DetailLine> {
    let max = max.max(1);
    let mut out = Vec::new();
    // A run of statements from the same source names it once, after the run: the pane
    // shows more of them and the source is still next to every one. Figures are the
    // exception (below): each names its own.
    let source_of = |block: Option<&Block>| match block {
        Some(Block::Bullet { source, .. }) => source.clone(),
        _ => None,
    };
    for (i, block) in blocks.iter().cloned().enumerate() {
        let repeats_next = source_of(Some(&block)).is_some()
            && source_of(Some(&block)) == source_of(blocks.get(i + 1));
        let start = out.len();
        // Blocks of several entries mark each entry; headings are no fact.
        let whole_fact = !matches!(
            block,
            Block::Heading(_) | Block::Facts(_) | Block::Table { .. } | Block::Sources { .. }
        );
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
                for (part, (label, value)) in facts.into_iter().enumerate() {
                    let prefix = format!("{label}: ");
                    let mut lines = wrapped(&prefix, &value, Tag::Value, max);
                    if let Some(first) = lines.first_mut() {
                        if let Some(p) = first.pieces.first_mut() {
                            p.tag = Tag::Label;
                        }
                    }
                    let from = out.len();
                    out.extend(lines);
                    mark_fact(&mut out, from, i, part);
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
                // Every figure is followed at once by its own reference, before its
                // note: a window shorter than the run, or a scroll that stops inside
                // it, still shows where each number on screen comes from.
                out.extend(wrapped("  ↳ ", &source, Tag::Muted, max));
                if let Some(note) = note {
                    out.extend(wrapped("  ※ ", &note, Tag::Muted, max));
                }
            }
            Block::Actor {
                role,
                role_id,
                strength,
                who,
                ..
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
                for (part, (label, cells)) in rows.into_iter().enumerate() {
                    let from = out.len();
                    out.extend(wrapped("▪ ", &label, Tag::Label, max));
                    for (column, cell) in columns.iter().zip(cells) {
                        out.extend(wrapped(
                            &format!("  {}: ", one_line(column)),
                            &cell,
                            Tag::Plain,
                            max,
                        ));
                    }
                    mark_fact(&mut out, from, i, part);
                }
            }
            Block::Sources { cited, documents } => {
                // Parts count the citations first, then the documents, as
                // `render::excerpt::fact` reads them.
                let mut part = 0;
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
                        let from = out.len();
                        out.extend(wrapped("• ", entry, Tag::Plain, max));
                        mark_fact(&mut out, from, i, part);
                        part += 1;
                    }
                }
            }
        }
        if whole_fact {
            mark_fact(&mut out, start, i, 0);
        }
    }
    // Lines wider than the pane can only come from a one-column pane; clip them.
    for line in &mut out {
        clip(line, max);
    }
    out
}

/// The detail of a source section, laid out for `max` columns: its numbering and
/// heading, the document, the pages, how it is cited and how often, then every item
/// citing it by kind (cases first), each a link, with the facts citing the section
/// beneath it, each a link that lands on that fact in the item.
pub fn section_lines(
    index: &Index,
    doc: usize,
    section: usize,
    lang: Lang,
    max: usize,
) -> Vec<DetailLine> {
    let max = max.max(1);
    let Some(report) = citing::section_report(index, doc, section, lang) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    out.extend(wrapped(
        "",
        &format!("{} {}", report.label, report.heading),
        Tag::Title,
        max,
    ));
    out.extend(wrapped(
        "",
        &format!("{} · {}", report.document, lang.pick("절", "section")),
        Tag::Muted,
        max,
    ));
    let mut facts = Vec::new();
    if let Some(pages) = &report.pages {
        facts.push((lang.pick("쪽", "Pages"), pages.clone()));
    }
    facts.push((lang.pick("인용 표기", "Cited as"), report.citation.clone()));
    facts.push((
        lang.pick("인용", "Citations"),
        match lang {
            Lang::Ko => format!("{}건 · 항목 {}개", report.count, report.items),
            Lang::En => format!("{} from {} items", report.count, report.items),
        },
    ));
    for (label, value) in facts {
        let mut lines = wrapped(&format!("{label}: "), &value, Tag::Value, max);
        if let Some(p) = lines.first_mut().and_then(|l| l.pieces.first_mut()) {
            p.tag = Tag::Label;
        }
        out.extend(lines);
    }
    if report.groups.is_empty() {
        out.push(DetailLine::blank());
        out.extend(wrapped(
            "",
            lang.pick(
                "이 절을 인용하는 항목이 없습니다.",
                "Nothing in the collection cites this section.",
            ),
            Tag::Muted,
            max,
        ));
    }
    for group in &report.groups {
        out.push(DetailLine::blank());
        let heading = match lang {
            Lang::Ko => format!("{} {}개", group.label, group.items.len()),
            Lang::En => format!("{} ({})", group.label, group.items.len()),
        };
        out.extend(wrapped("", &heading, Tag::Heading, max));
        for entry in &group.items {
            let prefix = format!("→ [{}] ", group.label);
            let mut lines = wrapped(&prefix, &entry.name, Tag::Link, max);
            // Each backlink is a stop of the line cursor: a fact of this detail of its own.
            let stop = FactRef {
                block: out.len(),
                part: 0,
            };
            for l in &mut lines {
                l.link = Some(entry.position);
                l.fact = Some(stop);
            }
            out.extend(lines);
            for fact in &entry.facts {
                let mut lines = wrapped("    • ", &citing::fact_text(fact), Tag::Plain, max);
                let stop = FactRef {
                    block: out.len(),
                    part: 0,
                };
                for l in &mut lines {
                    l.link = Some(entry.position);
                    l.fact = Some(stop);
                    // A `sources` entry has no line of its own in the item: land on its top.
                    l.land = fact.land.clone().or_else(|| Some(String::new()));
                }
                out.extend(lines);
            }
        }
    }
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

/// The first line of a fact among the `page` lines from `top`: where the line cursor
/// lands in a page it enters.
pub fn first_fact_in(lines: &[DetailLine], top: usize, page: usize) -> Option<usize> {
    (top..(top + page.max(1)).min(lines.len())).find(|&i| lines[i].fact.is_some())
}

/// The first line of the (possibly wrapped) fact that line `i` belongs to.
pub fn fact_start(lines: &[DetailLine], mut i: usize) -> usize {
    while i > 0 && lines[i - 1].fact.is_some() && lines[i - 1].fact == lines[i].fact {
        i -= 1;
    }
    i
}

/// One item's (or section's) lines at one width and language, laid out again only when
/// one of those changes: a keystroke that moves nothing costs no layout.
#[derive(Debug, Clone)]
pub struct LinesCache {
    key: Option<(Subject, Lang, usize)>,
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
    /// Lays `subject` out for `width` columns in `lang`, unless that is what it holds.
    pub fn refresh(&mut self, index: &Index, subject: Option<Subject>, lang: Lang, width: usize) {
        let key = subject.map(|s| (s, lang, width));
        if key == self.key {
            return;
        }
        self.lines = match subject {
            Some(Subject::Item(i)) => lines(index, index.item(i), lang, width).into(),
            Some(Subject::Section { doc, section }) => {
                section_lines(index, doc, section, lang, width).into()
            }
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
