//! The explorer without a terminal: state driven through actions, and whole screens drawn
//! into ratatui's `TestBackend` and compared with insta snapshots at 120×35 and 80×24.

mod common;
use common::char_at_column;
use common::explorer::{app, current_id, run_pending_search, screen, select_case};

use casebook::collection::{self};
use casebook::config::ThemeName;
use casebook::model::{Kind, Lang};
use casebook::tui::action::{Action, Facet};
use casebook::tui::app::{App, Focus, MatrixLine, Overlay, Pane, View};
use casebook::tui::theme::Theme;
use casebook::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

/// Draws the app and returns the buffer `draw` produced.
fn draw(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    let theme = Theme::new(ThemeName::Dark, false);
    let frame = terminal.draw(|f| ui::render(f, app, &theme)).expect("draw");
    frame.buffer.clone()
}

/// Every row of the screen is exactly as wide as the terminal: nothing drawn past an edge.
fn assert_rows_fit(buffer: &Buffer) {
    let area = buffer.area;
    for y in 0..area.height {
        let mut columns = 0;
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let w = buffer[(x, y)].symbol().width().max(1);
            skip = w - 1;
            columns += w;
        }
        assert!(
            columns <= area.width as usize,
            "row {y} is {columns} columns wide in a {}-column screen",
            area.width
        );
    }
}

fn type_query(app: &mut App, query: &str) {
    for c in query.chars() {
        app.update(Action::SearchInsert(c));
    }
    run_pending_search(app);
}

/// Opens `facet`'s picker, types `typed` and presses Enter.
fn pick(app: &mut App, facet: Facet, typed: &str) {
    app.update(Action::OpenPicker(facet));
    for c in typed.chars() {
        app.update(Action::PickerInsert(c));
    }
    app.update(Action::Open);
}

// ---------------------------------------------------------------------------------------
// Snapshots

#[test]
fn cases_pane_at_120x35() {
    let buffer = draw(&app(120, 35, Lang::Ko));
    assert_rows_fit(&buffer);
    insta::assert_snapshot!(screen(&buffer));
}

#[test]
fn cases_pane_at_80x24_in_english() {
    let buffer = draw(&app(80, 24, Lang::En));
    assert_rows_fit(&buffer);
    insta::assert_snapshot!(screen(&buffer));
}

#[test]
fn every_pane_at_120x35() {
    let mut app = app(120, 35, Lang::Ko);
    for (n, name) in [
        (1, "roles"),
        (2, "factors"),
        (3, "problems"),
        (4, "reference"),
    ] {
        app.update(Action::ShowPane(n));
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        insta::assert_snapshot!(format!("pane_{name}_120x35"), screen(&buffer));
    }
}

#[test]
fn case_detail_shows_summary_and_key_figures_without_scrolling() {
    let mut app = app(120, 35, Lang::Ko);
    select_case(&mut app, "daedeok");
    app.update(Action::Open);
    let buffer = draw(&app);
    assert_rows_fit(&buffer);
    let text = screen(&buffer);
    // The meeting look-up: type, place, summary and the first figures are on screen.
    for expected in [
        "대학ㆍ연구소 주도형",
        "116개",
        "1만여",
        "복득규 외(2002), 삼성경제연구소, Ⅱ-2 ①, 8쪽",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not on screen:\n{text}"
        );
    }
    insta::assert_snapshot!(text);
}

#[test]
fn case_detail_at_80x24() {
    let mut app = app(80, 24, Lang::En);
    select_case(&mut app, "ulsan");
    app.update(Action::Open);
    let buffer = draw(&app);
    assert_rows_fit(&buffer);
    insta::assert_snapshot!(screen(&buffer));
}

#[test]
fn search_with_initial_consonants_highlights_the_match() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::OpenSearch);
    type_query(&mut app, "ㅅㄷㅇㄱ");
    let buffer = draw(&app);
    assert_rows_fit(&buffer);
    let text = screen(&buffer);
    assert_eq!(current_id(&app), "san-diego", "best hit first:\n{text}");
    // The first result row has its matched syllables highlighted.
    let row = buffer.area.y + 4;
    let highlighted: String = (0..buffer.area.width)
        .filter(|&x| buffer[(x, row)].modifier.contains(Modifier::UNDERLINED))
        .map(|x| buffer[(x, row)].symbol().to_string())
        .collect();
    assert!(
        highlighted.contains('샌') && highlighted.contains('고'),
        "highlighted {highlighted:?} in\n{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn search_in_english_at_80x24() {
    let mut app = app(80, 24, Lang::En);
    app.update(Action::OpenSearch);
    type_query(&mut app, "toyota");
    let buffer = draw(&app);
    assert_rows_fit(&buffer);
    assert_eq!(current_id(&app), "toyota-city");
    insta::assert_snapshot!(screen(&buffer));
}

#[test]
fn help_overlay_lists_the_key_table() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut app = app(w, h, Lang::Ko);
        app.update(Action::ToggleHelp);
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        let text = screen(&buffer);
        assert!(text.contains("도움말") && text.contains("검색"), "{text}");
        insta::assert_snapshot!(format!("help_{w}x{h}"), text);
    }
}

#[test]
fn too_small_window_says_how_large_it_must_be() {
    for (w, h) in [(59, 20), (100, 14), (20, 5), (1, 1)] {
        let app = app(w, h, Lang::Ko);
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        let text = screen(&buffer);
        if w >= 30 {
            assert!(text.starts_with("창을 60×15 이상으로"), "{w}x{h}: {text}");
        }
        assert_eq!(
            text.lines().filter(|l| !l.is_empty()).count(),
            1,
            "one line only at {w}x{h}"
        );
    }
    insta::assert_snapshot!(screen(&draw(&app(50, 10, Lang::En))));
}

// ---------------------------------------------------------------------------------------
// State

#[test]
fn look_up_in_a_meeting_is_slash_name_enter() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::OpenSearch);
    type_query(&mut app, "울산");
    app.update(Action::Open);
    assert!(app.search().is_none());
    assert_eq!(app.pane(), Pane::Cases);
    assert_eq!(current_id(&app), "ulsan");
    assert_eq!(app.focus(), Focus::Detail);
    let text = screen(&draw(&app));
    assert!(
        text.contains("26.9%"),
        "Ulsan's share of car production is on screen:\n{text}"
    );
}

#[test]
fn following_links_and_going_back_retraces_the_path() {
    let mut app = app(120, 35, Lang::Ko);
    select_case(&mut app, "san-diego");
    app.update(Action::Open);
    // Walk the link cursor to the counterpart link and follow it.
    let daedeok = app.index().position("daedeok").expect("daedeok");
    let mut steps = 0;
    loop {
        let lines = app.detail_lines();
        if app.detail().link_line.and_then(|l| lines[l].link) == Some(daedeok) {
            break;
        }
        app.update(Action::SelectNext);
        steps += 1;
        assert!(steps < 200, "counterpart link not reachable");
    }
    app.update(Action::Open);
    assert_eq!(current_id(&app), "daedeok");
    assert_eq!(app.history_len(), 1);
    // Follow the type link: types are not in the case list, so the detail pins it.
    let type_link = app.index().position("university-led").expect("type");
    while app
        .detail()
        .link_line
        .and_then(|l| app.detail_lines()[l].link)
        != Some(type_link)
    {
        app.update(Action::SelectNext);
    }
    app.update(Action::Open);
    assert_eq!(current_id(&app), "university-led");
    assert_eq!(app.pane(), Pane::Reference);
    app.update(Action::Back);
    assert_eq!(current_id(&app), "daedeok");
    app.update(Action::Back);
    assert_eq!(current_id(&app), "san-diego");
    assert_eq!(app.history_len(), 0);
}

#[test]
fn a_role_lists_every_case_with_its_strength() {
    let mut app = app(120, 35, Lang::En);
    app.update(Action::ShowPane(1));
    assert_eq!(current_id(&app), "vision-provider");
    let text: String = app
        .detail_lines()
        .iter()
        .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect::<String>() + "\n")
        .collect();
    assert!(text.contains("◎ strong"), "{text}");
    assert!(text.contains("△ weak"), "{text}");
}

#[test]
fn filters_narrow_the_case_list_and_show_in_the_status_bar() {
    let mut app = app(120, 35, Lang::Ko);
    let all = app.list_items(Pane::Cases).len();
    pick(&mut app, Facet::Type, "대학");
    let filtered = app.list_items(Pane::Cases);
    assert!(filtered.len() < all);
    assert!(filtered.iter().all(|&i| app
        .index()
        .item(i)
        .case()
        .is_some_and(|c| c.cluster_type == "university-led")));
    let text = screen(&draw(&app));
    assert!(
        text.lines()
            .last()
            .is_some_and(|l| l.contains("유형=대학ㆍ연구소 주도형")),
        "{text}"
    );
    pick(&mut app, Facet::Status, "정착");
    assert!(app.list_items(Pane::Cases).len() < filtered.len());
    app.update(Action::ClearFilters);
    assert_eq!(app.list_items(Pane::Cases).len(), all);
}

#[test]
fn language_switch_changes_titles_and_keeps_the_selection() {
    let mut app = app(120, 35, Lang::Ko);
    select_case(&mut app, "brenta");
    app.update(Action::ToggleLanguage);
    assert_eq!(app.lang(), Lang::En);
    assert_eq!(current_id(&app), "brenta");
    assert!(screen(&draw(&app)).contains("Cases"));
}

#[test]
fn escape_leaves_detail_then_closes_search() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::Open);
    assert_eq!(app.focus(), Focus::Detail);
    app.update(Action::Close);
    assert_eq!(app.focus(), Focus::List);
    app.update(Action::OpenSearch);
    app.update(Action::Close);
    assert!(app.search().is_none());
}

#[test]
fn stale_search_results_are_ignored() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::OpenSearch);
    app.update(Action::SearchInsert('대'));
    let old = app.take_search_request().expect("request");
    app.update(Action::SearchInsert('덕'));
    // The answer to the older query arrives late and must not replace the newer one.
    app.update(Action::SearchResults {
        generation: old.generation,
        found: collection::Found::default(),
    });
    assert!(app.search().is_some_and(|s| s.is_waiting()));
    run_pending_search(&mut app);
    assert_eq!(current_id(&app), "daedeok");
}

#[test]
fn caret_edits_mixed_korean_and_latin_input() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::OpenSearch);
    type_query(&mut app, "대덕x");
    app.update(Action::SearchCaretLeft);
    app.update(Action::SearchBackspace); // removes 덕
    app.update(Action::SearchInsert('구'));
    let search = app.search().expect("open");
    assert_eq!(search.input(), "대구x");
    assert_eq!(search.caret(), 2);
    // The terminal cursor sits after 대구: prompt "/ " (2) + 4 columns, inside the border.
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).expect("terminal");
    let theme = Theme::new(ThemeName::Dark, false);
    terminal
        .draw(|f| ui::render(f, &app, &theme))
        .expect("draw");
    let cursor = terminal.get_cursor_position().expect("cursor");
    assert_eq!((cursor.x, cursor.y), (1 + 2 + 4, 2));
}

#[test]
fn clicking_a_tab_and_a_row_selects_them() {
    let mut app = app(120, 35, Lang::Ko);
    let tabs = casebook::tui::layout::tabs(Lang::Ko, 120, 0);
    let (_, x) = &tabs[2];
    app.update(Action::Click {
        column: *x + 1,
        row: 0,
    });
    assert_eq!(app.pane(), Pane::Factors);
    let rows = app.areas().list_rows;
    app.update(Action::Click {
        column: rows.x + 2,
        row: rows.y + 3,
    });
    assert_eq!(app.cursor().selected, 3);
    app.update(Action::Scroll {
        column: rows.x + 2,
        row: rows.y,
        delta: 1,
    });
    assert_eq!(app.cursor().selected, 4);
}

#[test]
fn help_and_errors_overlays_open_and_close() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::ToggleHelp);
    assert!(matches!(app.overlay(), Some(Overlay::Help(help)) if help.scroll().top() == 0));
    app.update(Action::SelectNext);
    assert!(matches!(app.overlay(), Some(Overlay::Help(help)) if help.scroll().top() == 1));
    app.update(Action::Close);
    assert_eq!(app.overlay(), None);
    app.update(Action::ToggleErrors);
    assert!(screen(&draw(&app)).contains("문제 없음"));
}

#[test]
fn resizing_keeps_selection_in_view() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::SelectLast);
    let last = app.cursor().selected;
    app.update(Action::Resize(80, 16));
    let cursor = app.cursor();
    assert_eq!(cursor.selected, last);
    let rows = app.areas().list_rows.height as usize;
    assert!(cursor.selected >= cursor.offset && cursor.selected < cursor.offset + rows);
    let text = screen(&draw(&app));
    assert!(
        text.contains('▶'),
        "selected row visible after resize:\n{text}"
    );
}

#[test]
fn reference_pane_holds_types_strategies_and_concepts_and_sources_have_their_own() {
    let app = app(120, 35, Lang::Ko);
    let kinds = |pane| -> Vec<Kind> {
        app.list_items(pane)
            .iter()
            .map(|&i| app.index().item(i).kind)
            .collect()
    };
    let reference = kinds(Pane::Reference);
    assert!(
        reference.contains(&Kind::Type)
            && reference.contains(&Kind::Strategy)
            && reference.contains(&Kind::Concept)
            && !reference.contains(&Kind::Source)
    );
    assert!(kinds(Pane::Sources).iter().all(|&k| k == Kind::Source));
}

#[test]
fn the_report_is_found_by_an_author_and_its_detail_lists_sections_with_pages() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::OpenSearch);
    type_query(&mut app, "복득규");
    app.update(Action::Open);
    assert_eq!(current_id(&app), "seri-2002");
    assert_eq!(app.pane(), Pane::Sources);
    let lines: Vec<String> = app
        .detail_lines()
        .iter()
        .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
        .collect();
    let text = lines.join("\n");
    for expected in [
        "저자: 복득규, 박용규, 고유상",
        "발행: 삼성경제연구소",
        "날짜: 2002년 11월 초",
        "Ⅱ-2 ① 국내 : 대덕밸리의 ITㆍ바이오 클러스터 — 8쪽",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // The file it was read from is provenance, named once as such, never in a citation.
    assert_eq!(text.matches(".txt").count(), 1, "{text}");
    let provenance = lines
        .iter()
        .position(|l| l.contains("원문 파일(출처 표기 아님)"))
        .expect("provenance line");
    assert!(lines[provenance..=provenance + 1]
        .iter()
        .any(|l| l.contains(".txt")));
}

#[test]
fn enter_in_a_detail_without_a_visible_link_brings_the_first_link_into_view() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::OpenSearch);
    type_query(&mut app, "ㄷㄷ");
    app.update(Action::Open);
    assert_eq!(current_id(&app), "daedeok");
    app.update(Action::Open);
    let line = app.detail().link_line.expect("a link is selected");
    let page = app.areas().detail_inner.height as usize;
    assert!(
        line >= app.detail().scroll.top() && line < app.detail().scroll.top() + page,
        "the selected link is in view"
    );
    app.update(Action::Open);
    assert_eq!(current_id(&app), "vision-provider");
    app.update(Action::Back);
    assert_eq!(current_id(&app), "daedeok");
}

// ---------------------------------------------------------------------------------------
// In the meeting: compare, matrix, timeline, presenter, copy

#[test]
fn counterpart_comparison_is_one_key_away() {
    for (w, h, lang) in [(120, 35, Lang::Ko), (80, 24, Lang::En)] {
        let mut app = app(w, h, lang);
        select_case(&mut app, "daedeok");
        app.update(Action::CompareCounterpart);
        let daedeok = app.index().position("daedeok").expect("daedeok");
        let san_diego = app.index().position("san-diego").expect("san-diego");
        let View::Compare(view) = app.view() else {
            panic!("not comparing: {:?}", app.view())
        };
        assert_eq!(view.cases(), [daedeok, san_diego]);
        assert_eq!(view.scroll().top(), 0);
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        let text = screen(&buffer);
        // The role that differs is marked by a symbol, not colour alone.
        assert!(
            text.lines()
                .any(|l| l.contains('≠') && (l.contains("시스템 통합자") || l.contains("System"))),
            "{text}"
        );
        insta::assert_snapshot!(format!("compare_{w}x{h}"), text);
        app.update(Action::Close);
        assert_eq!(app.view(), &View::Browse);
    }
}

#[test]
fn marking_up_to_four_cases_and_comparing_them() {
    let mut app = app(120, 35, Lang::Ko);
    for id in ["ulsan", "toyota-city", "brenta", "icheon", "kista"] {
        select_case(&mut app, id);
        app.update(Action::ToggleMark);
    }
    assert_eq!(app.marked().len(), 4, "a fifth case is refused");
    assert!(app.notice().is_some_and(|n| n.contains("최대 4")));
    app.update(Action::CompareMarked);
    let View::Compare(view) = app.view() else {
        panic!("not comparing: {:?}", app.view())
    };
    assert_eq!(view.cases().len(), 4);
    assert_rows_fit(&draw(&app));
    app.update(Action::CopyAll);
    let markdown = app.take_copy().expect("copied");
    assert!(
        markdown.contains("\n## 출처\n\n1. 복득규 외(2002), 삼성경제연구소, "),
        "a comparison is copied with its sources:\n{markdown}"
    );
    assert!(!markdown.contains(".txt"), "{markdown}");
}

#[test]
fn role_matrix_marks_the_weakest_role_and_opens_the_case_at_that_role() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut app = app(w, h, Lang::Ko);
        app.update(Action::ShowMatrix);
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        let text = screen(&buffer);
        let ulsan = text
            .lines()
            .find(|l| l.contains("울산"))
            .expect("Ulsan row");
        assert!(
            ulsan.contains("△ 약 ◀"),
            "Ulsan's weak vision provider is marked: {ulsan}"
        );
        // Icheon is △ in two roles: both are the weakest, both are marked.
        let icheon = text
            .lines()
            .find(|l| l.contains("이천"))
            .expect("Icheon row");
        assert_eq!(icheon.matches("△ 약 ◀").count(), 2, "{icheon}");
        insta::assert_snapshot!(format!("matrix_{w}x{h}"), text);
    }
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::ShowMatrix);
    let rows: Vec<usize> = app
        .matrix_lines()
        .into_iter()
        .filter_map(|l| match l {
            MatrixLine::Case(case) => Some(case.item),
            MatrixLine::Group(_) => None,
        })
        .collect();
    let ulsan_row = rows
        .iter()
        .position(|&i| app.index().item(i).id == "ulsan")
        .expect("ulsan rated");
    for _ in 0..ulsan_row {
        app.update(Action::SelectNext);
    }
    app.update(Action::Open);
    assert_eq!(app.view(), &View::Browse);
    assert_eq!(current_id(&app), "ulsan");
    let lines = app.detail_lines();
    let selected = app
        .detail()
        .link_line
        .and_then(|l| lines[l].link)
        .map(|i| app.index().item(i).id.clone());
    assert_eq!(
        selected.as_deref(),
        Some("vision-provider"),
        "the detail opens on the selected role"
    );
}

#[test]
fn timeline_lists_eras_with_their_policy_focus_and_links_to_cases() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut app = app(w, h, Lang::Ko);
        app.update(Action::ShowTimeline);
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        let text = screen(&buffer);
        assert!(
            text.contains("공업단지") && text.contains("실리콘밸리"),
            "{text}"
        );
        insta::assert_snapshot!(format!("timeline_{w}x{h}"), text);
    }
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::ShowTimeline);
    app.update(Action::Open);
    assert_eq!(current_id(&app), "silicon-valley");
}

#[test]
fn timeline_place_labels_are_whole_in_english() {
    let mut app = app(80, 24, Lang::En);
    app.update(Action::ShowTimeline);
    let text = screen(&draw(&app));
    assert!(
        text.contains("World · ") && text.contains("Korea · "),
        "{text}"
    );
    assert!(!text.contains("Wor…") && !text.contains("Kor…"), "{text}");
    insta::assert_snapshot!("timeline_80x24_en", text);
}

#[test]
fn presenter_mode_shows_one_item_and_walks_the_list() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut app = app(w, h, Lang::Ko);
        select_case(&mut app, "brenta");
        app.update(Action::TogglePresenter);
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        let text = screen(&buffer);
        assert!(
            !text.contains('┌'),
            "no panes or borders on the projector:\n{text}"
        );
        insta::assert_snapshot!(format!("presenter_{w}x{h}"), text);
    }
    let mut app = app(120, 35, Lang::Ko);
    select_case(&mut app, "brenta");
    app.update(Action::TogglePresenter);
    app.update(Action::SelectNext);
    assert_eq!(current_id(&app), "icheon");
    assert!(matches!(app.view(), View::Presenter(_)));
    app.update(Action::TogglePresenter);
    assert_eq!(app.view(), &View::Browse);
}

// Issue #12: in English the detail, presenter mode and the copy lead with the English
// reading of a figure and keep the printed form beside it; Korean shows it as printed.
#[test]
fn english_detail_presenter_and_copy_read_figures_in_english() {
    let mut app = app(120, 35, Lang::En);
    select_case(&mut app, "daedeok");
    app.update(Action::Open);
    let buffer = draw(&app);
    assert_rows_fit(&buffer);
    let text = screen(&buffer);
    for expected in [
        "• over 10,000 people (1만여 명) — Research staff",
        "• about KRW 2 trillion (약 2조 원) (2000) — R&D spending in",
        "• 116 institutes — Research institutes",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not on screen:\n{text}"
        );
    }
    insta::assert_snapshot!(text);
    // The whole reading, printed form included, is styled as the figure's value.
    let row = (0..buffer.area.height)
        .find(|&y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("over 10,000")
        })
        .expect("the research-staff row");
    let styled: String = (0..buffer.area.width)
        .filter(|&x| buffer[(x, row)].modifier.contains(Modifier::BOLD))
        .map(|x| buffer[(x, row)].symbol())
        .collect();
    assert!(
        styled.contains("over 10,000 people (1만여 명)"),
        "{styled:?}"
    );

    app.update(Action::TogglePresenter);
    let text = screen(&draw(&app));
    assert!(text.contains("over 4,000 people (4천여 명)"), "{text}");

    let mut app = self::app(120, 35, Lang::En);
    select_case(&mut app, "ulsan");
    app.update(Action::CopyAll);
    let markdown = app.take_copy().expect("copied");
    assert!(
        markdown.contains("**KRW 231.2 billion (2,312억 원)** (2002)"),
        "{markdown}"
    );
    let mut app = self::app(120, 35, Lang::Ko);
    select_case(&mut app, "ulsan");
    app.update(Action::CopyAll);
    let markdown = app.take_copy().expect("copied");
    assert!(markdown.contains("**2,312억원** (2002)"), "{markdown}");
}

#[test]
fn copying_the_matrix_marks_every_role_tied_for_weakest() {
    let mut app = app(120, 35, Lang::En);
    app.update(Action::ShowMatrix);
    app.update(Action::CopyAll);
    let markdown = app.take_copy().expect("copied");
    let row = |name: &str| {
        markdown
            .lines()
            .find(|l| l.starts_with(&format!("| {name}")))
            .unwrap_or_else(|| panic!("no {name} row:\n{markdown}"))
            .to_string()
    };
    let icheon = row("Icheon");
    assert_eq!(
        icheon.matches("**△ weak** ◀").count(),
        2,
        "both weak roles in bold and marked: {icheon}"
    );
    assert_eq!(row("San Diego").matches('◀').count(), 2);
    assert_eq!(row("Brenta").matches('◀').count(), 2);
    assert_eq!(row("Ulsan").matches('◀').count(), 1);
    assert_eq!(row("Silicon Valley").matches('◀').count(), 0);
    assert!(markdown.contains("every one tied"), "{markdown}");
}

#[test]
fn copying_a_case_gives_markdown_with_figures_and_sources() {
    let mut app = app(120, 35, Lang::Ko);
    select_case(&mut app, "icheon");
    app.update(Action::CopyAll);
    let markdown = app.take_copy().expect("copied");
    assert!(markdown.starts_with("# 이천"), "{markdown}");
    assert!(markdown.contains("844"), "figures are in the copy");
    // Sources are numbered references with the list at the end, never file names.
    assert!(
        markdown.contains("\n## 출처\n\n1. 복득규 외(2002), 삼성경제연구소, Ⅱ-2 ③, "),
        "sources are in the copy:\n{markdown}"
    );
    assert!(
        markdown.contains("### 문헌\n\n- 복득규·박용규·고유상(2002년 11월 초)."),
        "{markdown}"
    );
    assert!(!markdown.contains(".txt"), "{markdown}");
    assert!(app.take_copy().is_none(), "copied once");
    let osc = casebook::tui::clipboard::osc52("이천");
    assert!(osc.starts_with("\u{1b}]52;c;") && osc.ends_with('\u{7}'));
}

// ---------------------------------------------------------------------------------------
// Marks for comparison: a column of their own, named on the status bar, cleared with `u`.

/// Draws the app in `theme`.
fn draw_in(app: &App, theme: &Theme) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    let frame = terminal.draw(|f| ui::render(f, app, theme)).expect("draw");
    frame.buffer.clone()
}

/// Marks the cases `ids` in that order, leaving the last one selected.
fn mark(app: &mut App, ids: &[&str]) {
    for id in ids {
        select_case(app, id);
        app.update(Action::ToggleMark);
    }
}

/// The list pane's rows as text (its columns only), each marked row followed by the
/// style of its mark cell, for snapshots that show what the theme does with the mark.
fn list_rows_with_mark_styles(app: &App, buffer: &Buffer) -> String {
    let rows = app.areas().list_rows;
    let mut out = String::new();
    for y in rows.y..rows.y + rows.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in rows.x..rows.x + rows.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        let cell = &buffer[(rows.x + 1, y)];
        if cell.symbol() == "✓" {
            out.push_str(&format!(
                "   [✓ fg={:?} bg={:?} {:?}]",
                cell.fg, cell.bg, cell.modifier
            ));
        }
        out.push('\n');
    }
    out.trim_end().to_string()
}

#[test]
fn marked_cases_show_a_mark_in_its_own_column_in_every_theme() {
    let mut app = app(120, 35, Lang::Ko);
    // Icheon, marked last, stays selected: a mark on the selection bar too.
    mark(&mut app, &["ulsan", "brenta", "icheon"]);
    let marked: Vec<usize> = app.marked().to_vec();
    assert_eq!(marked.len(), 3);
    let rows = app.areas().list_rows;
    let listed = app.list_items(Pane::Cases);
    for (name, theme) in [
        ("dark", Theme::new(ThemeName::Dark, false)),
        ("light", Theme::new(ThemeName::Light, false)),
        ("high_contrast", Theme::new(ThemeName::HighContrast, false)),
        ("no_color", Theme::new(ThemeName::Dark, true)),
    ] {
        let buffer = draw_in(&app, &theme);
        assert_rows_fit(&buffer);
        for (row, &item) in listed.iter().enumerate().take(rows.height as usize) {
            let y = rows.y + row as u16;
            let cell = &buffer[(rows.x + 1, y)];
            if marked.contains(&item) {
                assert_eq!(cell.symbol(), "✓", "{name}: row {row} is marked");
                // The mark's own style, over the selection bar where it is selected.
                if let Some(fg) = theme.mark.fg {
                    assert_eq!(cell.fg, fg, "{name}: mark colour on row {row}");
                }
                assert!(
                    cell.modifier.contains(theme.mark.add_modifier),
                    "{name}: mark attributes on row {row}"
                );
            } else {
                assert_eq!(cell.symbol(), " ", "{name}: row {row} is not marked");
            }
        }
        insta::assert_snapshot!(
            format!("marks_column_{name}"),
            list_rows_with_mark_styles(&app, &buffer)
        );
    }
    // Without colour the glyph and bold carry the mark; the selection stays reversed.
    let mono = draw_in(&app, &Theme::new(ThemeName::Dark, true));
    let icheon_row = listed
        .iter()
        .position(|&i| app.index().item(i).id == "icheon")
        .expect("listed") as u16;
    let cell = &mono[(rows.x + 1, rows.y + icheon_row)];
    assert!(cell.modifier.contains(Modifier::BOLD | Modifier::REVERSED));
    assert_eq!(mono[(rows.x, rows.y + icheon_row)].symbol(), "▶");
}

#[test]
fn a_marked_case_shows_its_mark_among_search_results() {
    let mut app = app(120, 35, Lang::Ko);
    mark(&mut app, &["ulsan"]);
    app.update(Action::OpenSearch);
    type_query(&mut app, "울산");
    let ulsan = app.index().position("ulsan").expect("ulsan");
    let results = app.search().expect("open").results().to_vec();
    let buffer = draw(&app);
    assert_rows_fit(&buffer);
    let rows = app.areas().list_rows;
    let theme = Theme::new(ThemeName::Dark, false);
    let mut seen = false;
    for (n, result) in results.iter().enumerate().take(rows.height as usize) {
        let cell = &buffer[(rows.x + 1, rows.y + n as u16)];
        if result.item == ulsan {
            assert_eq!(cell.symbol(), "✓");
            assert_eq!(Some(cell.fg), theme.mark.fg);
            seen = true;
        } else {
            assert_eq!(cell.symbol(), " ", "result {n} is not a marked case");
        }
    }
    assert!(seen, "Ulsan is among the results");
}

#[test]
fn the_status_bar_names_the_marked_cases_cut_to_fit() {
    for (w, h, lang) in [(120, 35, Lang::Ko), (80, 24, Lang::Ko), (80, 24, Lang::En)] {
        let mut app = app(w, h, lang);
        mark(&mut app, &["ulsan", "brenta", "icheon"]);
        // The notice after marking says what to do next, and the names still show.
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        let status = screen(&buffer)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string();
        assert!(
            status.contains(lang.pick("C로 비교", "C compares")),
            "{w}x{h}: {status}"
        );
        // One key later the notice is gone: the marks and the hints share the bar.
        app.update(Action::SelectFirst);
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        let text = screen(&buffer);
        let status = text.lines().last().unwrap_or_default().to_string();
        assert!(
            status.contains(lang.pick("✓ 비교 3/4: ", "✓ marked 3/4: ")),
            "{w}x{h}: {status}"
        );
        let names = match lang {
            Lang::Ko => ["울산", "이태리", "이천"],
            Lang::En => ["Ulsan", "Brenta", "Icheon"],
        };
        for name in names {
            assert!(status.contains(name), "{w}x{h}: {name} in {status}");
        }
        assert!(status.width() <= w as usize, "{w}x{h}: {status}");
        // The marks are in the mark style on the status bar's background.
        let theme = Theme::new(ThemeName::Dark, false);
        let y = h - 1;
        let x = (0..w)
            .find(|&x| buffer[(x, y)].symbol() == "✓")
            .expect("a ✓ on the status bar");
        assert_eq!(Some(buffer[(x, y)].fg), theme.mark.fg);
        assert_eq!(Some(buffer[(x, y)].bg), theme.status.bg);
        let name = match lang {
            Lang::Ko => "ko",
            Lang::En => "en",
        };
        insta::assert_snapshot!(format!("status_marks_{w}x{h}_{name}"), text);
    }
}

#[test]
fn u_unmarks_every_case_and_filters_esc_and_compare_keep_marks() {
    use casebook::tui::keymap::{action_for, Context};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = app(120, 35, Lang::Ko);
    mark(&mut app, &["ulsan", "toyota-city"]);
    // Marks outlive what only changes the list or the view.
    pick(&mut app, Facet::Country, "");
    app.update(Action::ClearFilters);
    app.update(Action::Close);
    assert_eq!(app.marked().len(), 2, "x and Esc keep the marks");
    app.update(Action::CompareMarked);
    assert!(matches!(app.view(), View::Compare(_)));
    app.update(Action::Close);
    assert_eq!(app.marked().len(), 2, "comparing keeps the marks");
    // `u` (ㅕ with the Korean input method on) clears them all, from the list or detail.
    let u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE);
    let jamo = KeyEvent::new(KeyCode::Char('ㅕ'), KeyModifiers::NONE);
    for context in [Context::List, Context::Detail] {
        assert_eq!(action_for(&u, context), Some(Action::ClearMarks));
        assert_eq!(action_for(&jamo, context), Some(Action::ClearMarks));
    }
    let action = action_for(&u, app.context()).expect("u is bound");
    app.update(action);
    assert!(app.marked().is_empty());
    assert_eq!(app.notice(), Some("비교 표시 2개 해제"));
    let buffer = draw(&app);
    let text = screen(&buffer);
    assert!(!text.contains('✓'), "no mark left on screen:\n{text}");
    // Nothing to clear says how to mark.
    app.update(Action::ClearMarks);
    assert!(app.notice().is_some_and(|n| n.contains("m으로")));
    // The help lists the key from the same table.
    app.update(Action::ToggleHelp);
    let help = screen(&draw(&app));
    assert!(help.contains("비교 표시 모두 해제"), "{help}");
}

#[test]
fn the_status_bar_counts_what_the_pane_lists_in_its_own_noun() {
    let status = |app: &App| {
        screen(&draw(app))
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    let mut app = app(120, 35, Lang::Ko);
    let cases = app.list_items(Pane::Cases).len();
    assert!(status(&app).starts_with(&format!(" 사례 {cases} ")));
    // A filter: shown of total.
    pick(&mut app, Facet::Country, "");
    let shown = app.list_items(Pane::Cases).len();
    assert!(shown < cases);
    assert!(
        status(&app).starts_with(&format!(" 사례 {shown}/{cases} · 국가=")),
        "{}",
        status(&app)
    );
    // Another pane counts its own items, in its own noun, whatever the case filter.
    app.update(Action::ShowPane(2));
    let factors = app.list_items(Pane::Factors).len();
    assert!(
        status(&app).starts_with(&format!(" 성공요인 {factors} ")),
        "{}",
        status(&app)
    );
    app.update(Action::ToggleLanguage);
    assert!(status(&app).starts_with(&format!(" factors {factors} ")));
    app.update(Action::ShowPane(1));
    let roles = app.list_items(Pane::Roles).len();
    assert!(status(&app).starts_with(&format!(" roles {roles} ")));
    // Searching: the results.
    app.update(Action::OpenSearch);
    type_query(&mut app, "Toyota");
    let found = app.search().expect("open").total();
    assert!(status(&app).starts_with(&format!(" results {found} ")));
}

// ---------------------------------------------------------------------------------------
// Regressions of the structure work: every view scrolls within its content, overlays keep
// their border over Hangul, keys mean what the table says in every context.

/// Presses `action` `times` times.
fn press(app: &mut App, action: Action, times: usize) {
    for _ in 0..times {
        app.update(action.clone());
    }
}

/// Regression: the compare view clamped its scroll to a made-up length of 200, so after
/// paging far down, ↑ had to be pressed ~199 times before the view moved.
#[test]
fn compare_scrolls_back_at_once_after_paging_past_the_end() {
    let mut app = app(80, 24, Lang::Ko);
    select_case(&mut app, "daedeok");
    app.update(Action::CompareCounterpart);
    press(&mut app, Action::PageDown, 40);
    let at_end = screen(&draw(&app));
    let row = |app: &App| match app.view() {
        View::Compare(view) => view.selected_row(),
        other => panic!("not comparing: {other:?}"),
    };
    let last_row = row(&app);
    app.update(Action::SelectPrevious);
    assert_eq!(
        row(&app).zip(last_row).map(|(a, b)| b - a),
        Some(1),
        "one ↑ after the end moves the row cursor at once"
    );
    app.update(Action::PageUp);
    let page_up = screen(&draw(&app));
    assert_ne!(
        at_end, page_up,
        "one page up after the end must move the view"
    );
    app.update(Action::SelectLast);
    assert_eq!(screen(&draw(&app)), at_end, "End shows the same last page");
    assert_eq!(row(&app), last_row);
}

/// Regression: presenter mode never clamped; PageDown ×40 then PageUp showed no change.
#[test]
fn presenter_pages_back_at_once_after_paging_past_the_end() {
    let mut app = app(80, 24, Lang::Ko);
    select_case(&mut app, "ulsan");
    app.update(Action::TogglePresenter);
    press(&mut app, Action::PageDown, 40);
    let at_end = screen(&draw(&app));
    app.update(Action::PageUp);
    assert_ne!(
        at_end,
        screen(&draw(&app)),
        "PageUp after the end must move the view"
    );
}

/// Regression: the help guessed its length, so End scrolled to a popup showing one line.
#[test]
fn help_end_shows_a_full_last_page() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut app = app(w, h, Lang::En);
        app.update(Action::ToggleHelp);
        app.update(Action::SelectLast);
        let text = screen(&draw(&app));
        let rows: Vec<&str> = text.lines().collect();
        let last_inside = rows.len() - 3; // above the popup's bottom border and the status bar
        assert!(
            rows[last_inside].contains("Mouse: wheel scrolls"),
            "{w}x{h}: the last help line is not at the bottom of the popup:\n{text}"
        );
        // A full page: most rows of the popup hold text (a blank row between sections
        // may come first).
        let inside = &rows[2..=last_inside];
        let filled = inside
            .iter()
            .filter(|r| r.trim_matches(['│', ' ', '▶']).chars().count() > 4)
            .count();
        assert!(
            filled * 4 >= inside.len() * 3,
            "{w}x{h}: the last page is not full:\n{text}"
        );
    }
}

/// Regression: an overlay whose left edge split a Hangul syllable lost its border on
/// that row and showed the syllable inside the popup (`5` then `?`; `M` then `?`).
#[test]
fn overlays_keep_their_left_border_over_hangul() {
    for (w, h) in [(120u16, 35u16), (80, 24), (97, 30), (61, 15)] {
        for setup in [Action::ShowPane(4), Action::ShowMatrix, Action::ShowPane(0)] {
            let mut app = app(w, h, Lang::Ko);
            app.update(setup.clone());
            for overlay in [Action::ToggleHelp, Action::ToggleErrors] {
                app.update(overlay.clone());
                let text = screen(&draw(&app));
                let left = casebook::tui::layout::overlay(
                    app.areas().screen,
                    match overlay {
                        Action::ToggleHelp => casebook::tui::layout::HELP_WIDTH,
                        _ => casebook::tui::layout::ERRORS_WIDTH,
                    },
                )
                .x as usize;
                for (y, row) in text.lines().enumerate().skip(1).take(h as usize - 2) {
                    let expected = if y == 1 {
                        '┌'
                    } else if y == h as usize - 2 {
                        '└'
                    } else {
                        '│'
                    };
                    assert_eq!(
                        char_at_column(row, left),
                        Some(expected),
                        "{w}x{h} after {setup:?} {overlay:?}: row {y} lost its border:\n{text}"
                    );
                }
                app.update(Action::Close);
            }
        }
    }
}

#[test]
fn q_and_escape_close_views_and_overlays_and_ctrl_c_ends_with_130() {
    use casebook::tui::keymap::action_for;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    for open in [
        Action::ToggleHelp,
        Action::ToggleErrors,
        Action::ShowMatrix,
        Action::ShowTimeline,
        Action::TogglePresenter,
        Action::CompareCounterpart,
    ] {
        let mut app = app(120, 35, Lang::Ko);
        select_case(&mut app, "icheon");
        app.update(open.clone());
        let action = action_for(&q, app.context()).expect("q is bound");
        app.update(action);
        assert!(!app.should_quit(), "q after {open:?} quit");
        assert_eq!(app.view(), &View::Browse, "q after {open:?}");
        assert_eq!(app.overlay(), None, "q after {open:?}");
        let action = action_for(&q, app.context()).expect("q is bound");
        app.update(action);
        assert_eq!(app.exit().map(|e| e.status()), Some(0));
    }
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::ShowMatrix);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    app.update(action_for(&ctrl_c, app.context()).expect("bound"));
    assert_eq!(app.exit().map(|e| e.status()), Some(130));
}

#[test]
fn only_a_change_asks_for_a_redraw() {
    let mut app = app(120, 35, Lang::Ko);
    assert!(
        !app.update(Action::Tick),
        "a tick with nothing to do redraws nothing"
    );
    app.update(Action::OpenSearch);
    let old = app.take_search_request().expect("request");
    app.update(Action::SearchInsert('대'));
    let stale = Action::SearchResults {
        generation: old.generation,
        found: collection::Found::default(),
    };
    assert!(!app.update(stale), "stale results change nothing on screen");
    assert!(app.update(Action::SelectNext));
}

// ---------------------------------------------------------------------------------------
// Styles that carry meaning: selection, focus, highlight.

#[test]
fn selection_focus_and_highlight_are_styled() {
    use ratatui::style::Color;
    let theme = Theme::new(ThemeName::Dark, false);
    let mut app = app(120, 35, Lang::Ko);
    let buffer = draw(&app);
    let rows = app.areas().list_rows;
    // The selected row is styled across its width, the others are not (cells under the
    // right half of a wide character are drawn by that character).
    let covered = |x: u16, y: u16| x > 0 && buffer[(x - 1, y)].symbol().width() > 1;
    for x in (rows.x..rows.x + rows.width).filter(|&x| !covered(x, rows.y)) {
        assert_eq!(
            buffer[(x, rows.y)].bg,
            Color::Indexed(237),
            "selected row, column {x}"
        );
        assert!(buffer[(x, rows.y)].modifier.contains(Modifier::BOLD));
        assert_ne!(
            buffer[(x, rows.y + 1)].bg,
            Color::Indexed(237),
            "second row, column {x}"
        );
    }
    assert_eq!(
        buffer[(rows.x, rows.y)].symbol(),
        "▶",
        "the marker, not colour alone"
    );
    // Focus: the list's border is the focused colour until Enter moves focus to the detail.
    let list = app.areas().list;
    let detail = app.areas().detail;
    assert_eq!(
        buffer[(list.x, list.y)].fg,
        theme.border_focused.fg.expect("colour")
    );
    assert_eq!(
        buffer[(detail.x, detail.y)].fg,
        theme.border.fg.expect("colour")
    );
    app.update(Action::Open);
    let buffer = draw(&app);
    assert_eq!(
        buffer[(list.x, list.y)].fg,
        theme.border.fg.expect("colour")
    );
    assert_eq!(
        buffer[(detail.x, detail.y)].fg,
        theme.border_focused.fg.expect("colour")
    );
    // The selected link in the detail is drawn in the selected-link style (a second
    // Enter brings the first link into view when the first page has none).
    if app.detail().link_line.is_none() {
        app.update(Action::Open);
    }
    let buffer = draw(&app);
    let line = app.detail().link_line.expect("a link is selected");
    let y = app.areas().detail_inner.y + (line - app.detail().scroll.top()) as u16;
    let styled = (detail.x..detail.x + detail.width)
        .any(|x| buffer[(x, y)].bg == theme.link_selected.bg.expect("colour"));
    assert!(
        styled,
        "the selected link is highlighted:\n{}",
        screen(&buffer)
    );
    // Search: matched characters in the highlight style, the rest not.
    app.update(Action::Close);
    app.update(Action::OpenSearch);
    type_query(&mut app, "울산");
    let buffer = draw(&app);
    let row = app.areas().list_rows.y;
    // The row reads "울산 자동차클러스터 — 울산": the name, then the field that matched
    // (the region), whose two syllables alone carry the highlight.
    let marked: Vec<&str> = (0..app.areas().list.width)
        .map(|x| &buffer[(x, row)])
        .filter(|cell| cell.modifier.contains(Modifier::UNDERLINED))
        .inspect(|cell| assert_eq!(cell.fg, Color::Yellow))
        .map(|cell| cell.symbol())
        .collect();
    assert_eq!(marked, ["울", "산"], "highlight in\n{}", screen(&buffer));
}

// ---------------------------------------------------------------------------------------
// A look-up you can trust: Enter acts on the query in the box, pastes are text, the
// answer is on screen.

/// Regression: Enter acted on whatever results were on screen. An IME commits the last
/// syllable together with Enter, so `울` was answered, `산`+Enter arrived in one burst,
/// and Enter opened the first hit for `울` (울루, Oulu).
#[test]
fn enter_opens_the_hit_for_the_query_in_the_box_not_the_results_on_screen() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::OpenSearch);
    type_query(&mut app, "울");
    assert_ne!(
        current_id(&app),
        "ulsan",
        "test premise: 울 alone is not answered by Ulsan"
    );
    app.update(Action::SearchInsert('산'));
    app.update(Action::Open);
    assert!(app.search().is_some(), "Enter waits for the answer to 울산");
    assert!(app.awaiting_answer().is_some());
    run_pending_search(&mut app);
    assert!(app.search().is_none(), "the answer opened its first hit");
    assert_eq!(current_id(&app), "ulsan");
    assert_eq!(app.focus(), Focus::Detail);
    // With nothing typed, Enter picks nothing for you.
    app.update(Action::OpenSearch);
    run_pending_search(&mut app);
    app.update(Action::Open);
    assert!(app.search().is_some(), "Enter on an empty box does nothing");
}

/// Regression: with no bracketed paste, pasting `Tyq` into the list opened the timeline,
/// copied it and quit.
#[test]
fn a_paste_is_a_query_never_keys() {
    let mut app = app(120, 35, Lang::En);
    app.update(Action::Paste("Tyq".into()));
    assert!(!app.should_quit());
    assert_eq!(app.view(), &View::Browse);
    assert_eq!(app.search().map(|s| s.input()), Some("Tyq"));
    // A name pasted with its line break searches for the name and opens nothing.
    let mut app = self::app(120, 35, Lang::Ko);
    app.update(Action::ShowMatrix);
    app.update(Action::Paste("이천\r\n".into()));
    assert_eq!(app.search().map(|s| s.input()), Some("이천"));
    run_pending_search(&mut app);
    assert!(app.search().is_some(), "a trailing newline is not Enter");
    assert_eq!(current_id(&app), "icheon");
    // A huge paste is cut, with a notice, and the box stays usable.
    let mut app = self::app(120, 35, Lang::En);
    app.update(Action::Paste("brenta ".repeat(100_000)));
    let search = app.search().expect("open");
    assert_eq!(
        search.input().chars().count(),
        casebook::tui::app::search::MAX_QUERY_CHARS
    );
    assert!(
        app.notice().is_some_and(|n| n.contains("cut")),
        "{:?}",
        app.notice()
    );
}

/// In tmux with its default escape-time, Esc then `j` arrives as Alt-j; it must close
/// the search box and move, not vanish.
#[test]
fn alt_key_is_escape_then_the_key() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let alt_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT);
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::OpenSearch);
    let action = casebook::tui::keymap::action_for(&alt_j, app.context()).expect("bound");
    app.update(action);
    assert!(app.search().is_none(), "Esc closed the box");
    assert_eq!(app.cursor().selected, 1, "then j moved down");
    let action = casebook::tui::keymap::action_for(&alt_j, app.context()).expect("bound");
    app.update(action);
    assert_eq!(
        app.cursor().selected,
        2,
        "in the list, Esc does nothing and j moves"
    );
}

/// Opening a hit lands on the line that matched, marked, even when it is far down.
#[test]
fn opening_a_hit_shows_the_matched_line_at_80x24() {
    let mut app = app(80, 24, Lang::Ko);
    app.update(Action::OpenSearch);
    type_query(&mut app, "69.3");
    app.update(Action::Open);
    assert_eq!(current_id(&app), "daedeok");
    let found = app.detail().found.expect("the matched line is known");
    assert!(app.detail().scroll.shows(found), "matched line on screen");
    assert!(
        found > app.detail().scroll.page(),
        "premise: the figure is below the first page"
    );
    let buffer = draw(&app);
    let text = screen(&buffer);
    let y = app.areas().detail_inner.y + (found - app.detail().scroll.top()) as u16;
    let row: String = text.lines().nth(y as usize).unwrap_or_default().to_string();
    assert!(
        row.contains("69.3"),
        "the found row shows the figure: {row}\n{text}"
    );
    let marked: String = (0..buffer.area.width)
        .map(|x| &buffer[(x, y)])
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .collect();
    assert_eq!(marked, "69.3", "exactly the match is highlighted:\n{text}");
    // n walks on to the next line that says it, N back.
    app.update(Action::NextMatch);
    let next = app.detail().found.expect("another line says 69.3");
    assert!(next > found);
    app.update(Action::PreviousMatch);
    assert_eq!(app.detail().found, Some(found));
}

/// The search preview shows the selected result on its matched line too.
#[test]
fn the_search_preview_scrolls_to_the_match() {
    let mut app = app(80, 24, Lang::Ko);
    app.update(Action::OpenSearch);
    type_query(&mut app, "69.3");
    let found = app.detail().found.expect("found in the preview");
    assert!(app.detail().scroll.shows(found));
    assert!(app.detail().scroll.top() > 0);
}

/// A word found nowhere as typed finds the spelling one edit away, and the search title
/// says which; a word no item holds says "0 found" and lists nothing.
#[test]
fn a_typo_finds_the_word_and_a_missing_word_finds_nothing() {
    let mut app = app(120, 35, Lang::En);
    app.update(Action::OpenSearch);
    type_query(&mut app, "Kitsa");
    let text = screen(&draw(&app));
    let title = text.lines().nth(1).unwrap_or_default();
    assert!(title.contains("found (≈ kista)"), "{title}");
    app.update(Action::Open);
    assert_eq!(current_id(&app), "kista");

    app.update(Action::OpenSearch);
    app.update(Action::SearchClear);
    type_query(&mut app, "KOSPI");
    let text = screen(&draw(&app));
    let title = text.lines().nth(1).unwrap_or_default();
    assert!(title.contains("Search · 0 found "), "{title}");
    assert!(text.contains("nothing matches"), "{text}");
    assert!(app.search().is_some_and(|s| s.total() == 0));
}
