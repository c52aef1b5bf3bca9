//! Copying in the explorer, through `App::update` as the keys drive it: `y` copies the
//! line under the cursor — a figure, an actor, a statement, the list's item, a row of a
//! comparison or of the matrix, a timeline entry — as one line with its reference; `Y`
//! copies the whole of it as Markdown; `w` offers the copy as a file. No copy of any
//! item shows an internal id. The detail's line cursor is drawn (snapshots with its
//! style) at 120×35 and 80×24.

mod common;
use common::explorer::{app, select_case, shipped};

use std::collections::BTreeSet;

use casebook::config::ThemeName;
use casebook::model::Lang;
use casebook::search::Field;
use casebook::tui::action::Action;
use casebook::tui::app::{App, Focus, MatrixLine, Pane, View};
use casebook::tui::clipboard::{Delivery, TerminalRoute, ToolOutcome};
use casebook::tui::theme::Theme;
use casebook::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

fn draw(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    let theme = Theme::new(ThemeName::Dark, false);
    let frame = terminal.draw(|f| ui::render(f, app, &theme)).expect("draw");
    frame.buffer.clone()
}

/// The screen as text, wide characters once; rows in the selection style (the line
/// cursor) are marked `▐` at the right edge, so the snapshot shows where the cursor is.
fn screen_with_cursor(buffer: &Buffer, theme: &Theme) -> String {
    let area = buffer.area;
    let selected = theme.link_selected.bg.expect("a colour");
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        let mut marked = false;
        for x in 0..area.width {
            marked |= buffer[(x, y)].bg == selected;
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        if marked {
            out.push_str("  ▐");
        }
        out.push('\n');
    }
    out
}

/// The text of the detail line the cursor is on.
fn cursor_text(app: &App) -> String {
    let line = app.detail().link_line.expect("a line cursor");
    app.detail_lines()[line]
        .pieces
        .iter()
        .map(|p| p.text.as_str())
        .collect()
}

/// Opens `id` and walks the line cursor down to the first line containing `needle`.
fn cursor_on(app: &mut App, id: &str, needle: &str) {
    select_case(app, id);
    app.update(Action::Open);
    assert_eq!(app.focus(), Focus::Detail);
    for _ in 0..300 {
        if cursor_text(app).contains(needle) {
            return;
        }
        app.update(Action::SelectNext);
    }
    panic!("the cursor never reached {needle:?}");
}

fn copy_line(app: &mut App) -> String {
    app.update(Action::Copy);
    app.take_copy().expect("something copied")
}

// ---------------------------------------------------------------------------------------
// `y`: the line under the cursor, in full, with its citation

#[test]
fn y_on_the_auto_valley_budget_copies_the_figure_with_its_citation_in_korean() {
    let mut app = app(120, 35, Lang::Ko);
    cursor_on(&mut app, "ulsan", "2,312");
    assert_eq!(
        copy_line(&mut app),
        "울산 자동차클러스터 · 울산 오토밸리 조성사업 총 투자액: 2,312억원 (2002; 2002년부터 5년간 투입 계획) — 복득규 외(2002), 삼성경제연구소, Ⅱ-2 ②, 11쪽"
    );
    assert!(
        app.notice().is_some_and(|n| n.starts_with("복사: 울산")),
        "{:?}",
        app.notice()
    );
    assert!(app.take_copy().is_none(), "copied once");
}

#[test]
fn y_on_the_auto_valley_budget_copies_the_figure_with_its_citation_in_english() {
    // At 80 columns the figure wraps over several screen lines; the copy is the whole
    // fact, never the fragment on screen.
    let mut app = app(80, 24, Lang::En);
    cursor_on(&mut app, "ulsan", "2,312");
    assert_eq!(
        copy_line(&mut app),
        "Ulsan automotive cluster · Total investment in the Ulsan Auto Valley project: KRW 231.2 billion (2,312억 원) (2002; Planned over five years starting in 2002) — Bok et al. (2002), SERI, §II-2 ②, p. 11"
    );
    // The cursor moves on to the next figure, and copying there copies that one.
    app.update(Action::SelectNext);
    assert!(
        copy_line(&mut app).contains("Duration of the Ulsan Auto Valley project: 5 years"),
        "the next fact"
    );
}

#[test]
fn y_on_an_actor_copies_the_role_rating_and_who_with_its_citation() {
    let mut app = app(120, 35, Lang::Ko);
    cursor_on(&mut app, "ulsan", "시스템 통합자");
    let copied = copy_line(&mut app);
    assert!(
        copied.starts_with("울산 자동차클러스터 · 시스템 통합자 ◎ 강: "),
        "{copied}"
    );
    assert!(
        copied.contains(" — 복득규 외(2002), 삼성경제연구소, "),
        "{copied}"
    );
}

#[test]
fn y_on_a_statement_copies_it_whole_with_its_citation() {
    let mut app = app(80, 24, Lang::En);
    cursor_on(&mut app, "ulsan", "The industry ministry's");
    let copied = copy_line(&mut app);
    assert!(
        copied.starts_with("Ulsan automotive cluster · The industry ministry's Auto Valley plan is weighted toward hard infrastructure and needs soft measures to complement it. — Bok et al. (2002), SERI, §II-2 ②"),
        "{copied}"
    );
}

#[test]
fn y_in_the_list_copies_the_item_in_one_line_with_its_sources() {
    let mut app = app(120, 35, Lang::Ko);
    select_case(&mut app, "ulsan");
    assert_eq!(app.focus(), Focus::List);
    let copied = copy_line(&mut app);
    assert!(
        copied.starts_with(
            "울산 자동차클러스터 (Ulsan automotive cluster) — 사례, 대기업 주도형, 한국 · 울산 — 복득규 외(2002), 삼성경제연구소, Ⅱ-1, 6쪽; Ⅱ-2 ②, 10~11쪽; "
        ),
        "{copied}"
    );
    assert!(!copied.contains('\n'), "one line: {copied}");
}

#[test]
fn y_in_the_matrix_copies_the_selected_case_with_its_ratings_and_weakest_roles() {
    let mut app = app(120, 35, Lang::En);
    app.update(Action::ShowMatrix);
    let rows: Vec<String> = app
        .matrix_lines()
        .into_iter()
        .filter_map(|l| match l {
            MatrixLine::Case(case) => Some(app.index().item(case.item).id.clone()),
            MatrixLine::Group(_) => None,
        })
        .collect();
    let icheon = rows.iter().position(|id| id == "icheon").expect("rated");
    for _ in 0..icheon {
        app.update(Action::SelectNext);
    }
    let copied = copy_line(&mut app);
    assert!(
        copied.starts_with("Icheon ceramics cluster (Region-specialized cluster): VP △ weak ◀, SO △ weak ◀, SS ◎ strong (weakest: VP, SO) — Bok et al. (2002), SERI, "),
        "{copied}"
    );
}

#[test]
fn y_in_the_timeline_copies_the_entry_with_its_era_and_source() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::ShowTimeline);
    let copied = copy_line(&mut app);
    assert_eq!(
        copied,
        "60년대 및 그 이전 — 공업단지 · 세계: 미국 실리콘밸리 — 복득규 외(2002), 삼성경제연구소, Ⅰ, 1쪽"
    );
    assert!(
        copied.contains(" — 복득규 외(2002), 삼성경제연구소, "),
        "{copied}"
    );
}

#[test]
fn y_in_a_comparison_copies_the_row_under_the_cursor_with_every_case() {
    let mut app = app(120, 35, Lang::En);
    select_case(&mut app, "ulsan");
    app.update(Action::CompareCounterpart);
    let first = copy_line(&mut app);
    app.update(Action::SelectNext);
    let second = copy_line(&mut app);
    assert_ne!(first, second, "the cursor moved to another row");
    for copied in [&first, &second] {
        assert!(
            copied.contains("Ulsan automotive cluster: ")
                && copied.contains("Toyota City automotive cluster: "),
            "{copied}"
        );
        assert!(copied.contains(" — Bok et al. (2002), SERI, "), "{copied}");
    }
    let View::Compare(view) = app.view() else {
        panic!("not comparing")
    };
    assert_eq!(view.selected_row(), Some(1));
    // The row the cursor is on is drawn in the selection style, and only that row: the
    // header of case names, a section heading, then the first row, then the second.
    let theme = Theme::new(ThemeName::Dark, false);
    let buffer = draw(&app);
    let selected = theme.selected.bg.expect("a colour");
    let body = app.areas().view_inner;
    let rows: Vec<u16> = (body.y..body.y + body.height)
        .filter(|&y| (0..buffer.area.width).any(|x| buffer[(x, y)].bg == selected))
        .collect();
    assert_eq!(rows.len(), 1, "one selected row: {rows:?}");
    let row_text: String = (0..buffer.area.width)
        .map(|x| buffer[(x, rows[0])].symbol().to_string())
        .collect();
    let second_label = &app_comparison_label(&app, 1);
    assert!(row_text.contains(second_label.as_str()), "{row_text}");
}

/// The label of row `row` of the comparison on screen.
fn app_comparison_label(app: &App, row: usize) -> String {
    let View::Compare(view) = app.view() else {
        panic!("not comparing")
    };
    view.comparison().expect("a comparison").rows[row]
        .label
        .clone()
}

// ---------------------------------------------------------------------------------------
// `Y`: the whole as Markdown

#[test]
fn shift_y_copies_the_whole_item_as_markdown_with_its_reference_list() {
    for lang in [Lang::Ko, Lang::En] {
        let mut app = app(120, 35, lang);
        cursor_on(&mut app, "ulsan", "2,312");
        app.update(Action::CopyAll);
        let markdown = app.take_copy().expect("copied");
        assert!(markdown.starts_with("# "), "{markdown}");
        // Korean keeps the printed form; English leads with its reading.
        let value = lang.pick("**2,312억원", "**KRW 231.2 billion (2,312억 원)");
        assert!(markdown.contains(value), "{markdown}");
        let sources = lang.pick("\n## 출처\n\n1. ", "\n## Sources\n\n1. ");
        assert!(markdown.contains(sources), "{markdown}");
        assert!(markdown.lines().count() > 20, "the whole item");
    }
}

// ---------------------------------------------------------------------------------------
// No internal ids in any copy

/// Every id of the collection, as a whole word (ids are lower-case words joined by `-`),
/// found in `copy`, unless people's text in the collection uses the same word (a factor
/// called `entrepreneurship` may be named "entrepreneurship" in a sentence).
fn ids_in(copy: &str, ids: &BTreeSet<String>, words: &BTreeSet<String>) -> Vec<String> {
    copy.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        .filter(|w| ids.contains(*w) && !words.contains(*w))
        .map(str::to_string)
        .collect()
}

#[test]
fn no_copy_of_any_item_shows_an_internal_id() {
    let index = &shipped().index;
    let ids: BTreeSet<String> = index.items().iter().map(|i| i.id.clone()).collect();
    // The words people's text uses: every field of every item but the id itself.
    let mut words = BTreeSet::new();
    for item in index.items() {
        for field in casebook::corpus::document(index, item).fields {
            if field.field == Field::Alias && field.text == item.id {
                continue;
            }
            for w in field
                .text
                .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            {
                words.insert(w.to_string());
            }
        }
    }
    let mut checked = 0;
    for lang in [Lang::Ko, Lang::En] {
        let mut app = app(100, 30, lang);
        for pane in 0..5 {
            app.update(Action::ShowPane(pane));
            app.update(Action::SelectFirst);
            let count = app.list_items(app.pane()).len();
            for row in 0..count {
                let item = app.current_item().expect("an item");
                let id = app.index().item(item).id.clone();
                let mut copies = vec![copy_line(&mut app)];
                app.update(Action::CopyAll);
                copies.push(app.take_copy().expect("Markdown"));
                // Every fact of the detail, one by one.
                app.update(Action::Open);
                let mut last = None;
                let here = |app: &App| Some((app.detail().link_line, app.detail().scroll.top()));
                while here(&app) != last {
                    last = here(&app);
                    copies.push(copy_line(&mut app));
                    app.update(Action::SelectNext);
                }
                for copy in &copies {
                    let found = ids_in(copy, &ids, &words);
                    assert!(
                        found.is_empty(),
                        "{id} ({lang:?}): ids {found:?} in:\n{copy}"
                    );
                    checked += 1;
                }
                // Back to the list, on the next row.
                app.update(Action::Close);
                app.update(Action::ShowPane(pane));
                app.update(Action::SelectFirst);
                for _ in 0..=row {
                    app.update(Action::SelectNext);
                }
                if row + 1 < count {
                    assert_ne!(app.current_item(), Some(item), "moved on");
                }
            }
        }
        // Every counterpart comparison, row by row.
        for case in app.list_items(Pane::Cases) {
            app.update(Action::ShowPane(0));
            app.update(Action::OpenItem(case));
            app.update(Action::CompareCounterpart);
            if !matches!(app.view(), View::Compare(_)) {
                continue;
            }
            app.update(Action::CopyAll);
            let mut copies = vec![app.take_copy().expect("Markdown")];
            for _ in 0..60 {
                copies.push(copy_line(&mut app));
                app.update(Action::SelectNext);
            }
            for copy in &copies {
                let found = ids_in(copy, &ids, &words);
                assert!(found.is_empty(), "{lang:?}: ids {found:?} in:\n{copy}");
                checked += 1;
            }
            app.update(Action::Close);
        }
        // The views: matrix, timeline.
        for show in [Action::ShowMatrix, Action::ShowTimeline] {
            app.update(show);
            for _ in 0..40 {
                for copy in [copy_line(&mut app), {
                    app.update(Action::CopyAll);
                    app.take_copy().expect("Markdown")
                }] {
                    let found = ids_in(&copy, &ids, &words);
                    assert!(found.is_empty(), "{lang:?}: ids {found:?} in:\n{copy}");
                    checked += 1;
                }
                app.update(Action::SelectNext);
            }
            app.update(Action::Close);
        }
    }
    assert!(checked > 1000, "only {checked} copies checked");
}

#[test]
fn the_id_scan_finds_an_id_where_one_is_left() {
    let ids: BTreeSet<String> = ["ulsan".to_string(), "vision-provider".to_string()].into();
    let words = BTreeSet::new();
    assert_eq!(
        ids_in("- Ulsan (`ulsan`) — vision-provider", &ids, &words),
        ["ulsan", "vision-provider"]
    );
    assert!(ids_in("- Ulsan automotive cluster", &ids, &words).is_empty());
}

// ---------------------------------------------------------------------------------------
// The clipboard's answer, and `w`

fn delivery(tool: ToolOutcome) -> Action {
    Action::Copied(Delivery {
        route: TerminalRoute::TmuxPassthrough,
        tool,
    })
}

#[test]
fn the_notice_says_which_way_the_copy_went_and_offers_a_file_when_none_is_confirmed() {
    let mut app = app(120, 35, Lang::Ko);
    cursor_on(&mut app, "ulsan", "2,312");
    let copied = copy_line(&mut app);
    app.update(delivery(ToolOutcome::Confirmed("xclip")));
    let notice = app.notice().expect("a notice").to_string();
    assert!(
        notice.starts_with("복사함 (xclip, OSC 52 (tmux passthrough)도 보냄): 울산"),
        "{notice}"
    );
    app.update(delivery(ToolOutcome::NoTool));
    let notice = app.notice().expect("a notice").to_string();
    assert!(
        notice
            .starts_with("OSC 52 (tmux passthrough)로 보냄 — 클립보드 확인 불가 — w: 파일로 저장"),
        "{notice}"
    );
    app.update(Action::SaveCopy);
    assert_eq!(app.take_save(), Some((copied, "txt")));
    app.update(Action::Saved(Ok("/tmp/casebook-copy.txt".into())));
    assert_eq!(app.notice(), Some("저장함: /tmp/casebook-copy.txt"));

    let mut app = self::app(120, 35, Lang::En);
    app.update(Action::SaveCopy);
    assert_eq!(app.take_save(), None, "nothing copied yet");
    assert_eq!(
        app.notice(),
        Some("nothing copied yet — y or Y copies first")
    );
    select_case(&mut app, "icheon");
    app.update(Action::CopyAll);
    let markdown = app.take_copy().expect("copied");
    app.update(delivery(ToolOutcome::GaveUp("wl-copy")));
    assert!(
        app.notice()
            .is_some_and(|n| n.starts_with("wl-copy did not answer and was stopped")),
        "{:?}",
        app.notice()
    );
    app.update(Action::SaveCopy);
    assert_eq!(app.take_save(), Some((markdown, "md")));
}

// ---------------------------------------------------------------------------------------
// The line cursor on screen

#[test]
fn the_line_cursor_rests_on_a_figure_and_is_drawn_on_every_line_of_it() {
    let theme = Theme::new(ThemeName::Dark, false);
    for (w, h, lang) in [(120, 35, Lang::Ko), (80, 24, Lang::En)] {
        let mut app = app(w, h, lang);
        cursor_on(&mut app, "ulsan", "2,312");
        let buffer = draw(&app);
        let text = screen_with_cursor(&buffer, &theme);
        let marked: Vec<&str> = text.lines().filter(|l| l.ends_with('▐')).collect();
        assert!(
            marked.first().is_some_and(|l| l.contains("2,312")),
            "the figure's first line carries the cursor:\n{text}"
        );
        // The figure, its note and its source: all one fact, all selected.
        assert!(marked.len() >= 2, "{text}");
        insta::assert_snapshot!(format!("line_cursor_{w}x{h}"), text);
    }
}
