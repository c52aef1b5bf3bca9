//! The list pane: the current pane's items, one row each (cases in columns: name,
//! country, type, status; in the Sources pane each document, then its sections indented
//! beneath it with their pages and a count column of the citations naming each), the
//! selected row marked `▶` and highlighted. Case rows have a
//! mark column, as lazygit shows staged files: [`MARK`] on every case marked for
//! comparison, in the theme's mark style (the glyph alone says it under NO_COLOR).
//!
//! Depends on the app's state (read only), `model`, `citation`, `citing`, `text` and `theme`.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::pane_block;
use crate::model::{Details, Item, Kind, Lang};
use crate::text::{self, one_line, pad, truncate};
use crate::tui::app::{App, Focus, Pane, Subject};
use crate::tui::layout::Areas;
use crate::tui::theme::Theme;
use crate::{citation, citing};

/// The glyph in the mark column of a case marked for comparison (list and search rows).
pub(super) const MARK: &str = "✓";

/// The mark column's cell for an item: [`MARK`] when it is a marked case, else a blank,
/// styled over the row's style so it shows on the selection bar too.
pub(super) fn mark_cell<'a>(app: &App, theme: &Theme, item: usize, row: Style) -> Span<'a> {
    if app.marked().contains(&item) {
        Span::styled(MARK, row.patch(theme.mark))
    } else {
        Span::styled(" ", row)
    }
}

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, areas: &Areas) {
    let lang = app.lang();
    let items = app.list_items(app.pane());
    let total: usize = app
        .pane()
        .kinds()
        .iter()
        .map(|&k| app.index().of_kind(k).len())
        .sum();
    let count = if app.pane() == Pane::Sources {
        sources_count(app)
    } else if items.len() == total {
        format!("{total}")
    } else {
        format!("{}/{total}", items.len())
    };
    let title = truncate(
        &format!(" {} {count} ", app.pane().title(lang)),
        areas.list.width.saturating_sub(2) as usize,
    )
    .into_owned();
    frame.render_widget(
        pane_block(title, app.focus() == Focus::List, theme),
        areas.list,
    );
    let rows = areas.list_rows;
    let cursor = app.cursor();
    let row_width = rows.width as usize;
    let mut lines = Vec::new();
    // Cases can be marked for comparison: their rows give the mark a column of its own.
    let mark_column = app.pane() == Pane::Cases;
    let subjects = app.list_rows(app.pane());
    let pages_widths = if app.pane() == Pane::Sources {
        pages_widths(app)
    } else {
        Vec::new()
    };
    for (row, &position) in items
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(rows.height as usize)
    {
        let selected = row == cursor.selected && app.pinned().is_none();
        let item = app.index().item(position);
        let style = if selected { theme.selected } else { theme.base };
        let mut spans = Vec::with_capacity(4);
        if mark_column {
            // "▶✓ name": selection, mark, a space, the columns.
            spans.push(Span::styled(if selected { "▶" } else { " " }, style));
            spans.push(mark_cell(app, theme, position, style));
            spans.push(Span::styled(" ", style));
        } else {
            spans.push(Span::styled(if selected { "▶ " } else { "  " }, style));
        }
        let used = if mark_column { 3 } else { 2 };
        let room = row_width.saturating_sub(used);
        match subjects.get(row) {
            Some(&Subject::Section { doc, section }) => {
                let pages_width = pages_widths
                    .iter()
                    .find(|(d, _)| *d == doc)
                    .map_or(0, |(_, w)| *w);
                let row = SectionRow {
                    doc,
                    section,
                    room,
                    pages_width,
                };
                spans.extend(section_row(app, theme, row, style, selected));
            }
            Some(&Subject::Item(doc)) if app.pane() == Pane::Sources => {
                let count = app
                    .index()
                    .source_citations()
                    .document(doc)
                    .map_or(0, |d| d.count());
                let row_style = if selected {
                    style
                } else {
                    style.patch(theme.title)
                };
                spans.push(Span::styled(
                    counted(&one_line(item.name.get(lang)), count, room),
                    row_style,
                ));
            }
            _ => spans.push(Span::styled(row_text(app, item, room), style)),
        }
        lines.push(Line::from(spans));
    }
    if items.is_empty() {
        let empty = if app.load_progress().is_some() {
            lang.pick("(불러오는 중…)", "(loading…)")
        } else {
            lang.pick(
                "(없음 — x 키로 필터 해제)",
                "(none — press x to clear filters)",
            )
        };
        lines.push(Line::from(Span::styled(
            truncate(empty, row_width).into_owned(),
            theme.muted,
        )));
    }
    frame.render_widget(Paragraph::new(lines), rows);
}

/// One list row: for cases name, country, type and status in columns, as width allows.
fn row_text(app: &App, item: &Item, room: usize) -> String {
    let lang = app.lang();
    let name = one_line(item.name.get(lang));
    let Some(case) = item.case() else {
        let extra = match (&item.details, item.kind) {
            (Details::Role { abbr: Some(a), .. }, _) => format!(" ({a})"),
            (_, Kind::Type | Kind::Strategy | Kind::Concept) if app.pane() == Pane::Reference => {
                return pad(&format!("{} {name}", kind_tag(item.kind, lang)), room);
            }
            _ => String::new(),
        };
        return pad(&format!("{name}{extra}"), room);
    };
    let country = one_line(case.country.get(lang));
    let cluster_type = one_line(app.index().name_of(&case.cluster_type, lang));
    let widths = app.case_columns().fit(room);
    let status = if widths.short_status {
        case.status.short_label(lang)
    } else {
        case.status.label(lang)
    };
    let (name_w, country_w, type_w, status_w) = (
        widths.name,
        widths.country,
        widths.cluster_type,
        widths.status,
    );
    let mut row = pad(&name, name_w);
    for (text, w) in [
        (country.as_ref(), country_w),
        (cluster_type.as_ref(), type_w),
        (status, status_w),
    ] {
        if w > 0 {
            row.push(' ');
            row.push_str(&pad(text, w));
        }
    }
    row
}

/// The Sources pane's title count: "2 · 절 93", "2 · 93 sections".
fn sources_count(app: &App) -> String {
    let documents = app.index().source_citations().documents();
    let sections: usize = documents.iter().map(|d| d.sections.len()).sum();
    match app.lang() {
        Lang::Ko => format!("{} · 절 {sections}", documents.len()),
        Lang::En => format!("{} · {sections} sections", documents.len()),
    }
}

/// Width of the count column at the end of every Sources row.
const COUNT_WIDTH: usize = 4;

/// The widest the pages column of a Sources row grows ("슬라이드 17~26(추정)" is cut).
const MAX_PAGES_WIDTH: usize = 12;

/// `text` cut to leave room for the count column, then the count right-aligned in it.
fn counted(text: &str, count: usize, room: usize) -> String {
    let count = count.to_string();
    let column = COUNT_WIDTH.max(count.len() + 1);
    if room <= column {
        return pad(&count, room);
    }
    format!("{}{count:>column$}", pad(text, room - column))
}

/// A section row of the Sources pane, indented under its document: numbering and
/// heading, the pages where the pane is wide enough, and how many citations name it
/// (a section nothing cites shows its 0 muted, so gaps stand out).
/// Each document's pages column: as wide as its widest pages, within reason, plus a
/// space before it.
fn pages_widths(app: &App) -> Vec<(usize, usize)> {
    let lang = app.lang();
    app.index()
        .source_citations()
        .documents()
        .iter()
        .filter_map(|d| {
            let document = app.index().item(d.item).source_document()?;
            let widest = document
                .sections
                .iter()
                .filter_map(|s| citing::pages(document, s, lang))
                .map(|p| text::width(&p))
                .max()
                .unwrap_or(0);
            Some((d.item, 1 + widest.min(MAX_PAGES_WIDTH)))
        })
        .collect()
}

/// Where a section row goes: which section, in how many columns, with how wide a
/// pages column.
struct SectionRow {
    doc: usize,
    section: usize,
    room: usize,
    pages_width: usize,
}

fn section_row<'a>(
    app: &App,
    theme: &Theme,
    row: SectionRow,
    style: Style,
    selected: bool,
) -> Vec<Span<'a>> {
    let SectionRow {
        doc,
        section,
        room,
        pages_width,
    } = row;
    let lang = app.lang();
    let item = app.index().item(doc);
    let Some((document, printed)) = item
        .source_document()
        .and_then(|d| Some((d, d.sections.get(section)?)))
    else {
        return vec![Span::styled(pad("", room), style)];
    };
    let count = app
        .index()
        .source_citations()
        .section(doc, section)
        .map_or(0, |s| s.count());
    let heading = format!(
        "  {} {}",
        one_line(printed.label.get(lang)),
        one_line(citation::heading(printed, lang))
    );
    // Pages get a column of their own once the heading keeps at least 24 columns.
    let pages = citing::pages(document, printed, lang).unwrap_or_default();
    let text = if room >= 24 + pages_width + COUNT_WIDTH {
        let heading_width = room - pages_width - COUNT_WIDTH;
        format!(
            "{}{}",
            pad(&heading, heading_width),
            pad(&format!(" {}", one_line(&pages)), pages_width)
        )
    } else {
        pad(&heading, room.saturating_sub(COUNT_WIDTH))
    };
    let count_style = if count == 0 && !selected {
        style.patch(theme.muted)
    } else {
        style
    };
    let column = COUNT_WIDTH.min(room);
    vec![
        Span::styled(truncate(&text, room - column).into_owned(), style),
        Span::styled(format!("{count:>column$}"), count_style),
    ]
}

fn kind_tag(kind: Kind, lang: Lang) -> String {
    format!("[{}]", kind.label(lang))
}
