//! The status bar: how many items the current pane or view lists (filters applied, in the
//! pane's own noun) and the active filters, how far loading has got while the
//! collection is still arriving, load problems, live reload that cannot watch, the cases marked for
//! comparison by name, the last notice, and — right-aligned — the hints of the context
//! keys are read in, generated from the key table.
//!
//! What gives way when the bar is narrow: the marked names are cut evenly (by display
//! width, so Hangul names are cut between syllables) to leave room for the hints; when
//! that would leave them unreadable the hints go (whole) instead, and then the names are
//! cut to the room left, down to the count alone; the notice is cut at the bar's end.
//! The filters are named in full while the hints still fit beside them, else each by
//! its first value and how many more (`국가=한국 외 2`), then cut by display width; the
//! count is never cut.
//!
//! Depends on the app's state (read only), `keymap`, `model`, `text` and `theme`.

use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::clip_spans;
use super::list::MARK;
use crate::model::Lang;
use crate::text::{one_line, truncate, width};
use crate::tui::app::filter::Described;
use crate::tui::app::{App, MatrixLine, Pane, TimelineLine, View, MAX_COMPARED};
use crate::tui::keymap;
use crate::tui::theme::Theme;

/// The narrowest a marked case's name is cut to: two Hangul syllables or three letters,
/// and the ellipsis. Below that only the count is shown.
const MIN_NAME: usize = 5;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let index = app.index();
    let room = area.width as usize;
    let counted = count(app);
    let hints_width = width(&keymap::hints(app.context(), lang)) + 2;
    let mut left = vec![counted.clone()];
    left.extend(filters_text(
        app,
        room.saturating_sub(width(&counted) + 5),
        hints_width,
    ));
    let mut spans = vec![Span::styled(
        format!(" {} ", left.join(" · ")),
        theme.status,
    )];
    if let Some(progress) = app.load_progress() {
        spans.push(Span::styled(
            format!(" {} ", progress.describe(lang)),
            theme.status.patch(theme.heading),
        ));
    }
    if !index.diagnostics.is_empty() {
        let skipped = index.skipped_files.len();
        let problems = index.diagnostics.len();
        let warning = match lang {
            Lang::Ko => format!(" ⚠ 파일 {skipped}개 건너뜀, 문제 {problems}건 — e 키 "),
            Lang::En => format!(
                " ⚠ {skipped} {}, {problems} {} — press e ",
                if skipped == 1 {
                    "file skipped"
                } else {
                    "files skipped"
                },
                if problems == 1 { "problem" } else { "problems" }
            ),
        };
        spans.push(Span::styled(warning, theme.warning));
    }
    if let Some(paused) = app.watch_paused() {
        spans.push(Span::styled(
            format!(" ⚠ {} ", one_line(&paused.describe(lang))),
            theme.warning,
        ));
    }
    let notice = app.notice().map(|n| format!(" {} ", one_line(n)));
    let hints = format!(" {} ", keymap::hints(app.context(), lang));
    if !app.marked().is_empty() {
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let left = room.saturating_sub(used + notice.as_deref().map_or(0, width));
        let names: Vec<String> = app
            .marked()
            .iter()
            .map(|&i| one_line(index.item(i).name.get(lang)).into_owned())
            .collect();
        // Beside the hints where the names still get a readable width, else in their room.
        let marks = marked_text(lang, &names, left.saturating_sub(width(&hints)))
            .or_else(|| marked_text(lang, &names, left))
            .unwrap_or_else(|| marked_count(lang, names.len()));
        spans.push(Span::styled(marks, theme.status.patch(theme.mark)));
    }
    if let Some(notice) = notice {
        spans.push(Span::styled(notice, theme.heading));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if used + width(&hints) <= room {
        spans.push(Span::styled(
            " ".repeat(room - used - width(&hints)),
            theme.status,
        ));
        spans.push(Span::styled(hints, theme.status));
    }
    let line = clip_spans(spans, room);
    frame.render_widget(Paragraph::new(line).style(theme.status), area);
}

/// What the pane or view below lists, counted in its own noun: "사례 7/24" with a filter
/// that leaves 7 of 24 cases, "성공요인 11", "results 12" while searching, the cases of a
/// comparison or the matrix, the timeline's entries.
fn count(app: &App) -> String {
    let lang = app.lang();
    let (noun, shown, total) = match app.view() {
        View::Compare(view) => (Pane::Cases.noun(lang), view.cases().len(), None),
        View::Matrix(view) => (
            Pane::Cases.noun(lang),
            view.lines()
                .iter()
                .filter(|l| matches!(l, MatrixLine::Case(_)))
                .count(),
            None,
        ),
        View::Timeline(view) => (
            lang.pick("항목", "entries"),
            view.lines()
                .iter()
                .filter(|l| matches!(l, TimelineLine::Entry { .. }))
                .count(),
            None,
        ),
        View::Chart(view) => (lang.pick("차트", "charts"), view.charts().len(), None),
        View::Browse | View::Presenter(_) => match app.search() {
            Some(search) => (lang.pick("결과", "results"), search.total(), None),
            // The Sources pane lists sections under each document: count the documents.
            None if app.pane() == Pane::Sources => (
                Pane::Sources.noun(lang),
                app.index().source_citations().documents().len(),
                None,
            ),
            None => {
                let pane = app.pane();
                let total: usize = pane
                    .kinds()
                    .iter()
                    .map(|&k| app.index().of_kind(k).len())
                    .sum();
                (pane.noun(lang), app.list_items(pane).len(), Some(total))
            }
        },
    };
    match total {
        Some(total) if total != shown => format!("{noun} {shown}/{total}"),
        _ => format!("{noun} {shown}"),
    }
}

/// The filters that narrow what the bar counts, named in the interface language and cut
/// to `room` columns: every value while they fit beside `hints` columns of hints, else
/// each filter's first value and how many more ("국가=한국 외 2"), then cut by display
/// width. Case filters seen from another pane are only counted: they narrow the cases.
fn filters_text(app: &App, room: usize, hints: usize) -> Option<String> {
    let lang = app.lang();
    let pane = match app.view() {
        View::Browse if app.search().is_none() => app.pane(),
        _ => return None,
    };
    let described = app.filter().describe(app.index(), pane, lang);
    let elsewhere = app.filter().elsewhere(pane);
    let join = |short: bool| {
        let mut parts: Vec<String> = described
            .iter()
            .map(|d| filter_text(d, short, lang))
            .collect();
        if elsewhere > 0 {
            parts.push(match lang {
                Lang::Ko => format!("(사례 필터 {elsewhere}개)"),
                Lang::En if elsewhere == 1 => "(1 case filter)".to_string(),
                Lang::En => format!("({elsewhere} case filters)"),
            });
        }
        parts.join(" · ")
    };
    let full = join(false);
    if full.is_empty() {
        return None;
    }
    if width(&full) + hints <= room {
        return Some(full);
    }
    let short = join(true);
    let text = if width(&full) <= room && width(&short) + hints > room {
        full
    } else {
        short
    };
    Some(truncate(&text, room).into_owned())
}

/// One filter: "국가=한국, 일본", or `short`, "국가=한국 외 1" / "country=Japan +1".
fn filter_text(filter: &Described, short: bool, lang: Lang) -> String {
    let names: Vec<String> = filter
        .names
        .iter()
        .map(|n| one_line(n).into_owned())
        .collect();
    let values = match (short, names.as_slice()) {
        (true, [first, rest @ ..]) if !rest.is_empty() => match lang {
            Lang::Ko => format!("{first} 외 {}", rest.len()),
            Lang::En => format!("{first} +{}", rest.len()),
        },
        _ => names.join(", "),
    };
    format!("{}={values}", filter.facet.title(lang))
}

/// The marked cases for the status bar in at most `room` columns: " ✓ 비교 3/4: 울산…,
/// 이태리…, 이천… ". Every name is cut to the same width, the widest that lets all of
/// them fit; `None` when not even [`MIN_NAME`] columns each fit.
fn marked_text(lang: Lang, names: &[String], room: usize) -> Option<String> {
    let head = marked_count(lang, names.len());
    let head = head.trim_end();
    let separators = ": ".len() + ", ".len() * names.len().saturating_sub(1) + " ".len();
    let budget = room.checked_sub(width(head) + separators)?;
    let names = fitted(names, budget)?;
    Some(format!("{head}: {} ", names.join(", ")))
}

/// The marks without names: " ✓ 비교 3/4 ".
fn marked_count(lang: Lang, marked: usize) -> String {
    match lang {
        Lang::Ko => format!(" {MARK} 비교 {marked}/{MAX_COMPARED} "),
        Lang::En => format!(" {MARK} marked {marked}/{MAX_COMPARED} "),
    }
}

/// `names` cut to one common width so that together they take at most `budget` columns
/// (the widest such width: long names give up columns, short ones keep all of theirs),
/// or `None` when that width would be under [`MIN_NAME`] for a name that needs cutting.
fn fitted(names: &[String], budget: usize) -> Option<Vec<String>> {
    let widths: Vec<usize> = names.iter().map(|n| width(n)).collect();
    let longest = widths.iter().copied().max().unwrap_or(0);
    let total = |cap: usize| widths.iter().map(|&w| w.min(cap)).sum::<usize>();
    let cap = (0..=longest).rev().find(|&cap| total(cap) <= budget)?;
    if cap < longest && cap < MIN_NAME {
        return None;
    }
    Some(
        names
            .iter()
            .map(|n| {
                let cut = truncate(n, cap);
                // "울산…", not "울산 …": a cut that ends on a space drops it.
                match cut.strip_suffix('…') {
                    Some(kept) => format!("{}…", kept.trim_end()),
                    None => cut.into_owned(),
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn names_that_fit_are_shown_whole() {
        let marked = names(&["울산 자동차클러스터", "Brenta"]);
        assert_eq!(
            marked_text(Lang::Ko, &marked, 80).as_deref(),
            Some(" ✓ 비교 2/4: 울산 자동차클러스터, Brenta ")
        );
    }

    #[test]
    fn long_names_are_cut_evenly_by_display_width() {
        let marked = names(&[
            "울산 자동차클러스터",
            "이태리 브렌타 신발클러스터",
            "이천 도자기클러스터",
        ]);
        let text = marked_text(Lang::Ko, &marked, 40).expect("fits");
        assert!(width(&text) <= 40, "{text:?} is {} wide", width(&text));
        assert_eq!(text, " ✓ 비교 3/4: 울산…, 이태리…, 이천… ");
        // A short name keeps all of its columns while the long ones give way.
        let mixed = names(&["Kista", "Daedeok Valley IT and biotech cluster"]);
        let text = marked_text(Lang::En, &mixed, 40).expect("fits");
        assert!(width(&text) <= 40, "{text:?}");
        assert!(text.contains("Kista, Daedeok"), "{text:?}");
    }

    #[test]
    fn without_room_for_names_the_count_remains() {
        let marked = names(&["울산 자동차클러스터", "이천 도자기클러스터"]);
        assert_eq!(marked_text(Lang::Ko, &marked, 12), None);
        assert_eq!(marked_count(Lang::Ko, 2), " ✓ 비교 2/4 ");
        assert_eq!(fitted(&marked, 0), None);
    }
}
