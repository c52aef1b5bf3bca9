//! The filters as pickers (`t` `c` `s` `d`): state driven through `App::update` — open,
//! type to narrow, tick several, apply, cancel, clear one, counts under the other
//! filters, the document filter on every pane — and the picker drawn into a
//! `TestBackend` at 120×35 and 80×24 in Korean and English, with the styles that carry
//! meaning (the cursor's row, ticked values, matched characters).

mod common;
use common::char_at_column;
use common::explorer::{app, screen, shipped};

use std::collections::BTreeSet;

use casebook::config::ThemeName;
use casebook::model::{Kind, Lang};
use casebook::tui::action::{Action, Facet};
use casebook::tui::app::{App, Overlay, Pane, Picker};
use casebook::tui::keymap::{action_for, Context};
use casebook::tui::layout;
use casebook::tui::theme::Theme;
use casebook::tui::ui;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

fn draw(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    let theme = Theme::new(ThemeName::Dark, false);
    let frame = terminal.draw(|f| ui::render(f, app, &theme)).expect("draw");
    frame.buffer.clone()
}

fn status_bar(app: &App) -> String {
    screen(&draw(app))
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

/// A key press as the terminal reports it, turned into an action where the app is.
fn press(app: &mut App, c: char) {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let action = action_for(&key, app.context()).expect("the key means something here");
    app.update(action);
}

fn press_code(app: &mut App, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    let action = action_for(&key, app.context()).expect("the key means something here");
    app.update(action);
}

fn picker(app: &App) -> &Picker {
    match app.overlay() {
        Some(Overlay::Picker(picker)) => picker,
        other => panic!("no picker open: {other:?}"),
    }
}

fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::PickerInsert(c));
    }
}

fn labels_shown(app: &App) -> Vec<String> {
    let picker = picker(app);
    picker
        .shown()
        .iter()
        .map(|s| picker.rows()[s.row].label.clone())
        .collect()
}

fn countries_listed(app: &App) -> BTreeSet<String> {
    app.list_items(Pane::Cases)
        .iter()
        .filter_map(|&i| app.index().item(i).case())
        .map(|c| c.country.en.clone())
        .collect()
}

fn set(values: &[&str]) -> BTreeSet<String> {
    values.iter().map(|v| v.to_string()).collect()
}

fn korean_cases() -> usize {
    let index = &shipped().index;
    index
        .of_kind(Kind::Case)
        .iter()
        .filter(|&&i| {
            index
                .item(i)
                .case()
                .is_some_and(|c| c.country.en == "South Korea")
        })
        .count()
}

#[test]
fn korean_cases_only_is_c_then_han_then_enter_with_the_input_method_on() {
    let mut app = app(120, 35, Lang::Ko);
    // `c` typed with the Korean input method on arrives as ㅊ: a command in the list...
    press(&mut app, 'ㅊ');
    assert_eq!(app.context(), Context::Picker);
    assert_eq!(picker(&app).facet(), Facet::Country);
    // ...but Hangul in the picker is text, and the first match is under the cursor.
    press(&mut app, '한');
    assert_eq!(picker(&app).query(), "한");
    assert_eq!(
        picker(&app).current().map(|r| r.key.as_str()),
        Some("South Korea")
    );
    press_code(&mut app, KeyCode::Enter);
    assert!(app.overlay().is_none());
    assert_eq!(countries_listed(&app), set(&["South Korea"]));
    let korean = korean_cases();
    assert_eq!(app.list_items(Pane::Cases).len(), korean);
    let total = app.index().of_kind(Kind::Case).len();
    assert!(
        status_bar(&app).starts_with(&format!(" 사례 {korean}/{total} · 국가=한국 ")),
        "{}",
        status_bar(&app)
    );
}

#[test]
fn typing_narrows_with_initials_decomposed_jamo_and_the_other_keyboard_mode() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::OpenPicker(Facet::Country));
    let all = picker(&app).rows().len();
    assert_eq!(
        picker(&app).shown().len(),
        all,
        "nothing typed: every value"
    );
    type_in(&mut app, "ㅎㄱ");
    assert_eq!(labels_shown(&app), ["한국"]);
    app.update(Action::PickerBackspace);
    app.update(Action::PickerBackspace);
    assert_eq!(picker(&app).shown().len(), all);
    // Jamo one by one compose as the input method would.
    type_in(&mut app, "ㅎㅏㄴ");
    assert_eq!(labels_shown(&app), ["한국"]);
    for _ in 0..3 {
        app.update(Action::PickerBackspace);
    }
    // The input method off: `gks` is what 한 is typed as.
    type_in(&mut app, "gks");
    assert_eq!(labels_shown(&app), ["한국"]);
    // The start of a name ranks before a piece inside one, each in 가나다 order.
    for _ in 0..3 {
        app.update(Action::PickerBackspace);
    }
    type_in(&mut app, "ㅇ");
    let shown = labels_shown(&app);
    assert_eq!(shown[..3], ["영국", "이탈리아", "일본"], "{shown:?}");
    assert!(shown.contains(&"말레이시아".to_string()), "{shown:?}");
    // In English, a word's start.
    let mut app = self::app(120, 35, Lang::En);
    app.update(Action::OpenPicker(Facet::Country));
    type_in(&mut app, "kor");
    assert_eq!(labels_shown(&app), ["South Korea"]);
    // A Korean name in the English interface finds the value too, shown in English.
    for _ in 0..3 {
        app.update(Action::PickerBackspace);
    }
    type_in(&mut app, "한국");
    assert_eq!(labels_shown(&app), ["South Korea"]);
    assert!(
        picker(&app).shown()[0].marked.is_empty(),
        "nothing of it to mark"
    );
}

#[test]
fn values_come_in_the_interface_languages_order_and_language() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::OpenPicker(Facet::Country));
    let korean: Vec<String> = picker(&app)
        .rows()
        .iter()
        .map(|r| r.label.clone())
        .collect();
    let mut sorted = korean.clone();
    sorted.sort();
    assert_eq!(korean, sorted, "가나다 order is the syllables' order");
    assert_eq!(korean.first().map(String::as_str), Some("대만"));
    assert_eq!(korean.last().map(String::as_str), Some("한국"));
    app.update(Action::ToggleLanguage);
    let english: Vec<String> = picker(&app)
        .rows()
        .iter()
        .map(|r| r.label.clone())
        .collect();
    assert_eq!(english.first().map(String::as_str), Some("Brazil"));
    assert!(english.contains(&"South Korea".to_string()));
    assert!(english
        .windows(2)
        .all(|w| w[0].to_lowercase() <= w[1].to_lowercase()));
}

#[test]
fn space_ticks_several_values_and_enter_applies_them_all() {
    let mut app = app(120, 35, Lang::Ko);
    press(&mut app, 'c');
    type_in(&mut app, "미국");
    press(&mut app, ' ');
    app.update(Action::PickerBackspace);
    app.update(Action::PickerBackspace);
    type_in(&mut app, "일본");
    press_code(&mut app, KeyCode::Tab);
    assert!(picker(&app).is_ticked("United States") && picker(&app).is_ticked("Japan"));
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(countries_listed(&app), set(&["United States", "Japan"]));
    assert_eq!(
        app.filter().values(Facet::Country),
        &set(&["Japan", "United States"])
    );
    let status = status_bar(&app);
    assert!(status.contains("국가=미국, 일본"), "{status}");
    // Opened again, the picker shows them ticked; Space on one unticks it.
    press(&mut app, 'c');
    assert!(picker(&app).is_ticked("Japan"));
    type_in(&mut app, "일본");
    press(&mut app, ' ');
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(countries_listed(&app), set(&["United States"]));
}

#[test]
fn esc_cancels_and_del_clears_only_that_filter() {
    let mut app = app(120, 35, Lang::Ko);
    press(&mut app, 'c');
    type_in(&mut app, "한");
    press_code(&mut app, KeyCode::Enter);
    press(&mut app, 's');
    type_in(&mut app, "정착");
    press_code(&mut app, KeyCode::Enter);
    let before = app.filter().clone();
    let listed = app.list_items(Pane::Cases);
    // Esc after typing and ticking leaves everything as it was.
    press(&mut app, 'c');
    type_in(&mut app, "미");
    press(&mut app, ' ');
    press_code(&mut app, KeyCode::Esc);
    assert!(app.overlay().is_none());
    assert_eq!(app.filter(), &before);
    assert_eq!(app.list_items(Pane::Cases), listed);
    // Del clears the country filter; the status filter stays.
    press(&mut app, 'c');
    press_code(&mut app, KeyCode::Delete);
    assert!(app.overlay().is_none());
    assert!(app.filter().values(Facet::Country).is_empty());
    assert_eq!(app.filter().values(Facet::Status), &set(&["established"]));
    // `x` clears them all.
    press(&mut app, 'x');
    assert!(!app.filter().is_active());
}

#[test]
fn counts_are_taken_under_the_other_filters() {
    let mut app = app(120, 35, Lang::Ko);
    press(&mut app, 't');
    type_in(&mut app, "대학");
    press_code(&mut app, KeyCode::Enter);
    let university: Vec<usize> = app.list_items(Pane::Cases);
    press(&mut app, 'c');
    let rows = picker(&app).rows().to_vec();
    // Every country is listed, each counting the university-led cases in it.
    for row in &rows {
        let expected = university
            .iter()
            .filter(|&&i| {
                app.index()
                    .item(i)
                    .case()
                    .is_some_and(|c| c.country.en == row.key)
            })
            .count();
        assert_eq!(row.count, expected, "{}", row.label);
    }
    assert_eq!(
        rows.iter().map(|r| r.count).sum::<usize>(),
        university.len()
    );
    assert!(
        rows.iter().any(|r| r.count == 0),
        "a country with none still shows"
    );
    // The type picker's own counts ignore the type filter itself.
    press_code(&mut app, KeyCode::Esc);
    press(&mut app, 't');
    let all_cases = app.index().of_kind(Kind::Case).len();
    assert_eq!(
        picker(&app).rows().iter().map(|r| r.count).sum::<usize>(),
        all_cases
    );
}

#[test]
fn the_document_filter_narrows_every_pane_to_what_cites_the_document() {
    let mut app = app(120, 35, Lang::Ko);
    // "What does the presentation list as policy problems?" — 4, d, the presentation.
    press(&mut app, '4');
    let all_problems = app.list_items(Pane::Problems).len();
    press(&mut app, 'd');
    assert_eq!(picker(&app).pane(), Pane::Problems);
    let counts: Vec<(String, usize)> = picker(&app)
        .rows()
        .iter()
        .map(|r| (r.key.clone(), r.count))
        .collect();
    type_in(&mut app, "발표");
    assert_eq!(
        picker(&app).current().map(|r| r.key.as_str()),
        Some("yeongwol-solar-plan")
    );
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(
        app.pane(),
        Pane::Problems,
        "the document filter stays on its pane"
    );
    let problems = app.list_items(Pane::Problems);
    assert!(!problems.is_empty() && problems.len() < all_problems);
    for &i in &problems {
        let item = app.index().item(i);
        assert!(
            item.citations()
                .iter()
                .any(|(_, s)| s.doc == "yeongwol-solar-plan"),
            "{} does not cite the presentation",
            item.id
        );
    }
    let count = counts
        .iter()
        .find(|(key, _)| key == "yeongwol-solar-plan")
        .map(|(_, n)| *n);
    assert_eq!(
        count,
        Some(problems.len()),
        "the picker counted this pane's items"
    );
    let status = status_bar(&app);
    assert!(
        status.starts_with(&format!(
            " 정책문제 {}/{all_problems} · 문헌=발표자료 ",
            problems.len()
        )),
        "{status}"
    );
    // Every other pane is narrowed the same way.
    for pane in Pane::ALL {
        for i in app.list_items(pane) {
            let item = app.index().item(i);
            assert!(item
                .citations()
                .iter()
                .any(|(_, s)| s.doc == "yeongwol-solar-plan"));
        }
    }
    let report_only: Vec<usize> = app
        .index()
        .of_kind(Kind::Case)
        .iter()
        .copied()
        .filter(|&i| {
            app.index()
                .item(i)
                .citations()
                .iter()
                .all(|(_, s)| s.doc == "seri-2002")
        })
        .collect();
    assert!(!report_only.is_empty());
    assert!(report_only
        .iter()
        .all(|i| !app.list_items(Pane::Cases).contains(i)));
}

#[test]
fn a_case_filter_picked_from_another_pane_shows_the_cases() {
    let mut app = app(120, 35, Lang::En);
    press(&mut app, '3');
    press(&mut app, 'c');
    assert_eq!(picker(&app).pane(), Pane::Cases, "case filters count cases");
    type_in(&mut app, "korea");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(app.pane(), Pane::Cases);
    assert_eq!(countries_listed(&app), set(&["South Korea"]));
    // Seen from another pane, the case filter is counted, not named.
    press(&mut app, '3');
    let status = status_bar(&app);
    assert!(status.contains("(1 case filter)"), "{status}");
}

#[test]
fn the_status_bar_cuts_the_filters_by_display_width_when_narrow() {
    let mut app = app(60, 20, Lang::Ko);
    press(&mut app, 'c');
    for country in ["미국", "일본", "중국", "한국"] {
        type_in(&mut app, country);
        press(&mut app, ' ');
        for _ in 0..country.chars().count() {
            app.update(Action::PickerBackspace);
        }
    }
    press_code(&mut app, KeyCode::Enter);
    press(&mut app, 't');
    type_in(&mut app, "대학");
    press_code(&mut app, KeyCode::Enter);
    let status = status_bar(&app);
    assert!(status.width() <= 60, "{status}");
    assert!(status.contains("국가=미국 외 3"), "{status}");
    let wide = self::app(160, 35, Lang::Ko);
    let mut wide = wide;
    wide.update(Action::OpenPicker(Facet::Country));
    for country in ["미국", "일본"] {
        type_in(&mut wide, country);
        wide.update(Action::PickerToggle);
        for _ in 0..country.chars().count() {
            wide.update(Action::PickerBackspace);
        }
    }
    wide.update(Action::Open);
    assert!(status_bar(&wide).contains("국가=미국, 일본"));
}

/// The picker's rows with what their styles mean, column by column: `S` the cursor's
/// row, `m`/`M` the ✓ of a ticked value, `h`/`H` a matched character (upper case on the
/// cursor's row), a blank for anything else.
fn picker_styles(buffer: &Buffer, app: &App) -> String {
    let theme = Theme::new(ThemeName::Dark, false);
    let values = picker(app).rows().len();
    let wanted = picker(app).wanted_width(app.lang());
    let (_, rows, _) = layout::picker_parts(buffer.area, values, wanted);
    let mut out = String::new();
    for y in rows.top()..rows.bottom() {
        let mut wide_before = false;
        let line: String = (rows.left()..rows.right())
            .map(|x| {
                // The second column of a wide character means what its first does.
                let x = if wide_before { x - 1 } else { x };
                let cell = &buffer[(x, y)];
                wide_before = !wide_before && cell.symbol().width() > 1;
                let selected = Some(cell.bg) == theme.selected.bg;
                let code = if Some(cell.fg) == theme.mark.fg && cell.symbol() == "✓" {
                    'm'
                } else if cell.modifier.contains(Modifier::UNDERLINED) {
                    'h'
                } else if selected {
                    's'
                } else {
                    ' '
                };
                if selected {
                    code.to_ascii_uppercase()
                } else {
                    code
                }
            })
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn the_picker_at_120x35_and_80x24_in_korean_and_english() {
    for (w, h) in [(120u16, 35u16), (80, 24)] {
        for lang in [Lang::Ko, Lang::En] {
            let mut app = app(w, h, lang);
            press(&mut app, 'c');
            // A value ticked, the cursor moved on, and a typed text that matches several.
            type_in(&mut app, lang.pick("ㅇ", "an"));
            press(&mut app, ' ');
            let buffer = draw(&app);
            let text = screen(&buffer);
            // The box keeps its left border over the Hangul of the list beneath.
            let wanted = picker(&app).wanted_width(lang);
            let area = layout::picker(buffer.area, picker(&app).rows().len(), wanted);
            for (y, row) in text
                .lines()
                .enumerate()
                .skip(area.y as usize + 1)
                .take(area.height as usize - 2)
            {
                assert_eq!(
                    char_at_column(row, area.x as usize),
                    Some('│'),
                    "{w}x{h}: row {y}:\n{text}"
                );
            }
            for row in text.lines() {
                assert!(row.width() <= w as usize, "{w}x{h}: {row}");
            }
            let styles = picker_styles(&buffer, &app);
            assert!(styles.contains('m') && styles.contains('S'), "{styles}");
            let name = lang.pick("ko", "en");
            insta::assert_snapshot!(
                format!("picker_{w}x{h}_{name}"),
                format!(
                    "{text}\n--- the picker's rows: S cursor, m ticked, h matched ---\n{styles}"
                )
            );
        }
    }
}

#[test]
fn a_click_on_a_value_moves_the_cursor_and_outside_the_box_cancels() {
    let mut app = app(120, 35, Lang::Ko);
    press(&mut app, 'c');
    let values = picker(&app).rows().len();
    let wanted = picker(&app).wanted_width(Lang::Ko);
    let (_, rows, _) = layout::picker_parts(app.areas().screen, values, wanted);
    app.update(Action::Click {
        column: rows.x + 4,
        row: rows.y + 3,
    });
    assert_eq!(picker(&app).cursor().selected, 3);
    assert_eq!(
        picker(&app).current().map(|r| r.label.as_str()),
        Some("미국")
    );
    app.update(Action::Click { column: 0, row: 0 });
    assert!(app.overlay().is_none());
    assert!(!app.filter().is_active(), "a click outside cancels");
}
