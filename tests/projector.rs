//! The projector path (issue #13): the theme changed at run time with `Ctrl-t`, a
//! high-contrast theme that paints every cell it owns in colours no terminal scheme
//! redefines, a light theme whose selection shows on white, presenter mode as a
//! full-screen card with search over it, and every figure shown with its reference.
//! State through `App::update`, screens through ratatui's `TestBackend`.

mod common;
use common::explorer::{app, current_id, draw, run_pending_search, select_case, shipped};

use casebook::config::ThemeName;
use casebook::model::Lang;
use casebook::tui::action::Action;
use casebook::tui::app::{App, View};
use casebook::tui::keymap::{action_for, Context};
use casebook::tui::theme::{contrast, rgb, Theme};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

/// The screen as text, one line per row, wide characters once.
fn screen(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        out.push_str(row_text(buffer, y).trim_end());
        out.push('\n');
    }
    out
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    let mut line = String::new();
    let mut skip = 0;
    for x in 0..buffer.area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buffer[(x, y)].symbol();
        skip = symbol.width().saturating_sub(1);
        line.push_str(symbol);
    }
    line
}

fn type_query(app: &mut App, query: &str) {
    for c in query.chars() {
        app.update(Action::SearchInsert(c));
    }
    run_pending_search(app);
}

fn ctrl_t() -> KeyEvent {
    KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL)
}

/// Every view and overlay the explorer has, each reached from a fresh app.
fn every_view(w: u16, h: u16, theme: ThemeName) -> Vec<(&'static str, App)> {
    let fresh = || app(w, h, Lang::Ko).with_theme(theme, false);
    let mut views = Vec::new();
    views.push(("list", fresh()));
    let mut detail = fresh();
    select_case(&mut detail, "brenta");
    detail.update(Action::Open);
    detail.update(Action::SelectNext);
    views.push(("detail", detail));
    let mut search = fresh();
    search.update(Action::OpenSearch);
    type_query(&mut search, "브렌타");
    views.push(("search", search));
    let mut compare = fresh();
    select_case(&mut compare, "brenta");
    compare.update(Action::CompareCounterpart);
    views.push(("compare", compare));
    let mut matrix = fresh();
    matrix.update(Action::ShowMatrix);
    views.push(("matrix", matrix));
    let mut timeline = fresh();
    timeline.update(Action::ShowTimeline);
    views.push(("timeline", timeline));
    let mut presenter = fresh();
    select_case(&mut presenter, "brenta");
    presenter.update(Action::TogglePresenter);
    views.push(("presenter", presenter));
    let mut presenter_search = fresh();
    select_case(&mut presenter_search, "brenta");
    presenter_search.update(Action::TogglePresenter);
    presenter_search.update(Action::OpenSearch);
    type_query(&mut presenter_search, "이천");
    views.push(("presenter_search", presenter_search));
    let mut help = fresh();
    select_case(&mut help, "brenta");
    help.update(Action::Open);
    help.update(Action::ToggleHelp);
    views.push(("help", help));
    let mut errors = fresh();
    errors.update(Action::ToggleErrors);
    views.push(("errors", errors));
    let mut notice = fresh();
    notice.update(Action::CycleTheme);
    notice.update(Action::CycleTheme);
    notice.update(Action::CycleTheme);
    views.push(("notice", notice));
    views
}

// ---------------------------------------------------------------------------------------
// Every cell painted, in fixed colours

#[test]
fn high_contrast_and_light_paint_every_cell_of_every_view_in_fixed_colours() {
    for theme in [ThemeName::HighContrast, ThemeName::Light] {
        for (w, h) in [(120, 35), (80, 24), (60, 15), (40, 10)] {
            for (name, app) in every_view(w, h, theme) {
                assert_eq!(app.theme_name(), theme);
                let buffer = draw(&app);
                for y in 0..h {
                    let mut hidden = 0;
                    for x in 0..w {
                        let cell = &buffer[(x, y)];
                        // The column a wide character covers is not drawn on its own; it
                        // is left reset, so that the next frame writes whatever comes
                        // there (the terminal blanks it in its own colours when the
                        // syllable is overwritten).
                        if hidden > 0 {
                            hidden -= 1;
                            assert!(
                                cell.symbol() == " "
                                    && cell.fg == Color::Reset
                                    && cell.bg == Color::Reset,
                                "{theme:?} {name} {w}x{h}: covered cell ({x},{y}) is {cell:?}"
                            );
                            continue;
                        }
                        hidden = cell.symbol().width().saturating_sub(1);
                        assert!(
                            rgb(cell.fg).is_some() && rgb(cell.bg).is_some(),
                            "{theme:?} {name} {w}x{h}: cell ({x},{y}) {:?} has fg {:?} bg {:?}\n{}",
                            cell.symbol(),
                            cell.fg,
                            cell.bg,
                            screen(&buffer)
                        );
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The theme, changed at run time

#[test]
fn ctrl_t_cycles_the_theme_from_every_context_and_names_it() {
    for context in Context::ALL {
        assert_eq!(
            action_for(&ctrl_t(), context),
            Some(Action::CycleTheme),
            "{context:?}"
        );
    }
    let mut app = app(80, 24, Lang::Ko);
    select_case(&mut app, "brenta");
    app.update(Action::TogglePresenter);
    let before = draw(&app);
    // The presenter's footer names the key, after the way out.
    let footer = screen(&before)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(footer.ends_with("Esc 나가기 · Ctrl-t 테마"), "{footer}");
    assert_eq!(app.theme_name(), ThemeName::Dark);
    app.update(Action::CycleTheme);
    assert_eq!(app.theme_name(), ThemeName::Light);
    assert_eq!(app.notice(), Some("밝은 테마 · Ctrl-t로 다음 테마"));
    app.update(Action::CycleTheme);
    assert_eq!(app.theme_name(), ThemeName::HighContrast);
    assert!(matches!(app.view(), View::Presenter(_)), "still presenting");
    let after = draw(&app);
    assert_eq!(
        screen(&before).lines().count(),
        screen(&after).lines().count()
    );
    // The same screen, repainted: the background of every cell is the theme's black.
    let theme = Theme::new(ThemeName::HighContrast, false);
    assert_eq!(app.theme(), &theme);
    assert_eq!(after[(0, 0)].bg, theme.base.bg.unwrap());
    assert_ne!(before[(0, 0)].bg, after[(0, 0)].bg);
    // The notice names the theme in the presenter's footer.
    let footer = screen(&after)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(footer.contains("고대비 테마 (발표용)"), "{footer}");
    app.update(Action::CycleTheme);
    assert_eq!(app.theme_name(), ThemeName::Dark);
    // In English, from the search box, and the query keeps what was typed.
    let mut app = self::app(120, 35, Lang::En);
    app.update(Action::OpenSearch);
    type_query(&mut app, "brenta");
    app.update(Action::CycleTheme);
    assert_eq!(app.search().map(|s| s.input()), Some("brenta"));
    assert_eq!(app.notice(), Some("light theme · Ctrl-t for the next one"));
    // Under NO_COLOR there is nothing to cycle, and the notice says why.
    let mut plain = self::app(80, 24, Lang::En).with_theme(ThemeName::Dark, true);
    plain.update(Action::CycleTheme);
    assert_eq!(plain.theme(), &Theme::monochrome());
    assert!(plain.notice().unwrap_or_default().contains("NO_COLOR"));
}

#[test]
fn the_selection_stands_out_from_the_rows_in_light_and_high_contrast() {
    for theme in [ThemeName::Light, ThemeName::HighContrast] {
        let mut app = app(120, 35, Lang::Ko).with_theme(theme, false);
        select_case(&mut app, "brenta");
        let styles = *app.theme();
        let buffer = draw(&app);
        let rows = app.areas().list_rows;
        let row = app.cursor().selected - app.cursor().offset;
        let y = rows.y + row as u16;
        // The name column of the selected row (after the marker and the mark column).
        let cell = &buffer[(rows.x + 3, y)];
        let row_bg = buffer[(rows.x + 3, y + 1)].bg;
        assert_ne!(cell.bg, row_bg, "{theme:?}: the bar differs from the rows");
        assert_eq!(Some(row_bg), styles.base.bg, "{theme:?}");
        // WCAG: the bar against the rows at least 3:1 (a user-interface component), its
        // text against the bar at least 4.5:1 (AA for text).
        let bar = contrast(cell.bg, row_bg).expect("fixed colours");
        let text = contrast(cell.fg, cell.bg).expect("fixed colours");
        assert!(
            bar >= 3.0,
            "{theme:?}: the bar is {bar:.2}:1 against the rows"
        );
        assert!(text >= 4.5, "{theme:?}: its text is {text:.2}:1");
    }
}

// ---------------------------------------------------------------------------------------
// Presenter mode: a full-screen card

/// Where `needle` starts and ends on row `y`, in columns.
fn columns_of(buffer: &Buffer, y: u16, needle: &str) -> Option<(usize, usize)> {
    let text = row_text(buffer, y);
    let at = text.find(needle)?;
    let start = text[..at].width();
    Some((start, start + needle.width()))
}

fn row_of(buffer: &Buffer, needle: &str) -> Option<u16> {
    (0..buffer.area.height).find(|&y| row_text(buffer, y).contains(needle))
}

#[test]
fn presenter_is_a_card_with_the_name_centred_and_each_figure_with_its_reference() {
    for (w, h, lang) in [
        (120, 35, Lang::Ko),
        (80, 24, Lang::Ko),
        (80, 20, Lang::Ko),
        (80, 20, Lang::En),
    ] {
        let mut app = app(w, h, lang).with_theme(ThemeName::HighContrast, false);
        select_case(&mut app, "brenta");
        app.update(Action::TogglePresenter);
        let buffer = draw(&app);
        let text = screen(&buffer);
        let name = lang.pick(
            "이태리 브렌타 신발클러스터",
            "Brenta footwear cluster (Italy)",
        );
        let y = row_of(&buffer, name).unwrap_or_else(|| panic!("{w}x{h}: no name\n{text}"));
        // Centred: as many columns left of it as right of it, give or take one.
        let (start, end) = columns_of(&buffer, y, name).expect("on the row");
        let (left, right) = (start, w as usize - end);
        assert!(
            left.abs_diff(right) <= 1,
            "{w}x{h}: {left} | {right}\n{text}"
        );
        // Set apart: bold, in the heading colour, with a rule under it as wide.
        let styles = app.theme();
        let cell = &buffer[(start as u16, y)];
        assert_eq!(Some(cell.fg), styles.heading.fg, "{w}x{h}");
        assert!(cell.modifier.contains(ratatui::style::Modifier::BOLD));
        let rule = row_text(&buffer, y + 1);
        assert_eq!(
            rule.trim().trim_matches('│').trim(),
            "━".repeat(end - start)
        );
        // The type line, and the figures opening the body, each with its reference
        // on the next line.
        assert!(
            text.contains(lang.pick(
                "지역특화형 · 이탈리아",
                "Region-specialized cluster · Italy"
            )),
            "{text}"
        );
        let first = lang.pick("• 1268년 — ", "• 1268 — ");
        let fy = row_of(&buffer, first).unwrap_or_else(|| panic!("{w}x{h}: no figure\n{text}"));
        let reference = row_text(&buffer, fy + 1);
        assert!(
            reference.contains(lang.pick("↳ 복득규 외(2002)", "↳ Bok et al. (2002)")),
            "{w}x{h}: {reference}\n{text}"
        );
        // A card: a border round the screen, the footer under it.
        assert!(text.starts_with('╭'), "{text}");
        let name = match lang {
            Lang::Ko => "ko",
            Lang::En => "en",
        };
        insta::assert_snapshot!(format!("presenter_card_{w}x{h}_{name}"), text);
    }
}

#[test]
fn slash_in_presenter_searches_over_the_card_and_enter_presents_the_hit() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut app = app(w, h, Lang::Ko);
        select_case(&mut app, "brenta");
        app.update(Action::TogglePresenter);
        let slash = KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE);
        assert_eq!(action_for(&slash, app.context()), Some(Action::OpenSearch));
        app.update(Action::OpenSearch);
        assert_eq!(app.context(), Context::Search);
        type_query(&mut app, "이천");
        assert!(matches!(app.view(), View::Presenter(_)));
        // The box is over the card, and the card behind it shows the selected hit.
        let buffer = draw(&app);
        let text = screen(&buffer);
        assert!(text.contains("/ 이천"), "{text}");
        assert!(text.contains("검색 ·"), "{text}");
        assert_eq!(current_id(&app), "icheon");
        let footer = text.lines().last().unwrap_or_default();
        assert!(
            footer.contains("Enter 이동"),
            "the search box's hints: {footer}"
        );
        insta::assert_snapshot!(format!("presenter_search_{w}x{h}"), text);
        app.update(Action::Open);
        assert!(app.search().is_none());
        assert!(matches!(app.view(), View::Presenter(_)), "still presenting");
        assert_eq!(current_id(&app), "icheon");
        let text = screen(&draw(&app));
        assert!(text.contains("이천 도자기클러스터"), "{text}");
        assert!(!text.contains("/ 이천"), "the box is gone: {text}");
        // The card starts at its top, and ↑↓ walk the list the hit is in.
        app.update(Action::SelectPrevious);
        assert_eq!(current_id(&app), "brenta");
        // Esc in the box goes back to the item presented before it opened.
        app.update(Action::OpenSearch);
        type_query(&mut app, "울산");
        app.update(Action::Close);
        assert!(matches!(app.view(), View::Presenter(_)));
        assert_eq!(current_id(&app), "brenta");
    }
}

// ---------------------------------------------------------------------------------------
// Every figure with its reference

/// The text of a detail line.
fn line_text(line: &casebook::tui::app::detail::DetailLine) -> String {
    line.pieces.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn every_figure_is_followed_at_once_by_its_own_reference_at_every_width() {
    use casebook::model::Kind;
    use casebook::tui::app::detail;
    let index = &shipped().index;
    for lang in [Lang::Ko, Lang::En] {
        for &case in index.of_kind(Kind::Case) {
            let item = index.item(case);
            let Some(details) = item.case() else { continue };
            for width in [24, 40, 56, 64, 100] {
                let lines = detail::lines(index, item, lang, width);
                let card = detail::card(index, item, lang, width).body;
                for (name, lines) in [("detail", &lines), ("card", &card)] {
                    let texts: Vec<String> = lines.iter().map(line_text).collect();
                    let mut from = 0;
                    for figure in &details.figures {
                        let value = casebook::report::figure_value(figure, lang);
                        // Its first word: the rest may wrap anywhere.
                        let first_word = value.split_whitespace().next().unwrap_or_default();
                        let head = format!("• {}", casebook::text::one_line(first_word));
                        let at = (from..texts.len())
                            .find(|&i| texts[i].starts_with(&head))
                            .unwrap_or_else(|| panic!("{} {width} {name}: no {head}", item.id));
                        // The figure's own wrapped lines, then its reference.
                        let mut next = at + 1;
                        while next < texts.len()
                            && texts[next].starts_with("  ")
                            && !texts[next].starts_with("  ↳")
                            && !texts[next].starts_with("  ※")
                        {
                            next += 1;
                        }
                        let cite = index.cite(&figure.source, lang);
                        let expected: String =
                            casebook::text::truncate(&format!("  ↳ {cite}"), width).into_owned();
                        let first_line = expected.chars().take(8).collect::<String>();
                        assert!(
                            texts.get(next).is_some_and(|t| t.starts_with(&first_line)),
                            "{} {lang:?} {width} {name}: {head} is followed by {:?}",
                            item.id,
                            texts.get(next)
                        );
                        from = next;
                    }
                }
            }
        }
    }
}

#[test]
fn a_window_shorter_than_a_figure_run_shows_the_reference_of_every_figure_on_it() {
    // 80×15: eleven rows of detail, and Brenta's run of seven figures is longer.
    let mut app = app(80, 15, Lang::Ko);
    select_case(&mut app, "brenta");
    app.update(Action::Open);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..40 {
        let buffer = draw(&app);
        let detail = app.areas().detail_inner;
        // The detail pane's rows, its own columns only.
        let rows: Vec<String> = (detail.y..detail.y + detail.height)
            .map(|y| {
                let row = row_text(&buffer, y);
                let at = row.rfind("││").map_or(0, |at| at + "││".len());
                row[at..].trim_start_matches(' ').to_string()
            })
            .collect();
        let figures = [
            "1268년",
            "1976년",
            "95%",
            "9만리라",
            "10만원",
            "33,000리라",
            "15,000카피",
        ];
        for (n, row) in rows.iter().enumerate() {
            if !figures.iter().any(|v| row.starts_with(&format!("• {v}"))) {
                continue;
            }
            // Past the figure's own wrapped lines: its reference, unless the figure
            // ends on the bottom row (then it heads the next page).
            let mut next = n + 1;
            while next < rows.len()
                && !rows[next].starts_with('↳')
                && !rows[next].starts_with('※')
                && !rows[next].starts_with('•')
            {
                next += 1;
            }
            if next < rows.len() {
                seen.insert(row.clone());
                assert!(
                    rows[next].starts_with("↳ 복득규 외(2002)"),
                    "row {n}: {row}\n{}",
                    screen(&buffer)
                );
            }
        }
        // The wheel over the detail: three lines a notch, so the fold falls everywhere.
        let at = app.areas().detail_inner;
        app.update(Action::Scroll {
            column: at.x,
            row: at.y,
            delta: 1,
        });
    }
    assert_eq!(seen.len(), 7, "every figure came by: {seen:?}");
}

#[test]
fn the_selected_link_is_one_bar_in_every_theme() {
    for theme in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast] {
        let mut app = app(120, 35, Lang::Ko).with_theme(theme, false);
        select_case(&mut app, "brenta");
        app.update(Action::Open);
        // Down to the first link: an actor's role, with its rating.
        for _ in 0..200 {
            if app.detail().link_line.is_some() {
                break;
            }
            app.update(Action::SelectNext);
        }
        let line = app.detail().link_line.expect("a link selected");
        let top = app.detail().scroll.top();
        let inner = app.areas().detail_inner;
        let y = inner.y + (line - top) as u16;
        let buffer = draw(&app);
        let text = row_text(&buffer, y);
        let drawn = text.trim_end_matches([' ', '│']).width();
        let bar = app.theme().link_selected.bg.expect("a bar");
        let mut hidden = 0;
        // From the first column of the line's text to its last.
        for x in inner.x..(drawn as u16).min(inner.right()) {
            let cell = &buffer[(x, y)];
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            hidden = cell.symbol().width().saturating_sub(1);
            assert_eq!(
                cell.bg,
                bar,
                "{theme:?}: ({x},{y}) {:?} in {text}",
                cell.symbol()
            );
        }
    }
}

#[test]
fn presenter_cards_of_a_factor_and_at_the_smallest_window() {
    // Not a case: name, other name and kind, then the detail; the kind said once.
    let mut app = app(80, 24, Lang::En).with_theme(ThemeName::Light, false);
    app.update(Action::ShowPane(2));
    app.update(Action::TogglePresenter);
    let text = screen(&draw(&app));
    assert_eq!(text.matches("factor").count(), 1, "{text}");
    insta::assert_snapshot!("presenter_card_factor_80x24_en", text);
    // 60×15, the smallest window: the header and the first figure with its reference.
    let mut app = self::app(60, 15, Lang::En);
    select_case(&mut app, "daedeok");
    app.update(Action::TogglePresenter);
    let buffer = draw(&app);
    let text = screen(&buffer);
    let fy = row_of(&buffer, "• 1973 —").unwrap_or_else(|| panic!("{text}"));
    assert!(
        row_text(&buffer, fy + 1).contains("↳ Bok et al. (2002), SERI"),
        "{text}"
    );
    insta::assert_snapshot!("presenter_card_60x15_en", text);
}

/// Rows `from..to` as runs of text in one style each: `[fg bg modifiers] text`, blanks
/// in the base style left out, for snapshots where the style is the point.
fn style_runs(buffer: &Buffer, base: ratatui::style::Style, rows: std::ops::Range<u16>) -> String {
    let mut out = String::new();
    for y in rows {
        let mut runs: Vec<(String, String)> = Vec::new();
        let mut hidden = 0;
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            hidden = cell.symbol().width().saturating_sub(1);
            let key = format!("{:?} {:?} {:?}", cell.fg, cell.bg, cell.modifier);
            match runs.last_mut() {
                Some((k, text)) if *k == key => text.push_str(cell.symbol()),
                _ => runs.push((key, cell.symbol().to_string())),
            }
        }
        let plain = format!(
            "{:?} {:?} {:?}",
            base.fg.unwrap(),
            base.bg.unwrap(),
            base.add_modifier
        );
        let shown: Vec<String> = runs
            .into_iter()
            .filter(|(k, t)| !(k == &plain && t.trim().is_empty()))
            .map(|(k, t)| format!("[{k}] {}", t.trim()))
            .collect();
        out.push_str(&format!("{y:>2}: {}\n", shown.join("  ")));
    }
    out
}

#[test]
fn the_presenter_card_in_high_contrast_with_its_styles() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut app = app(w, h, Lang::Ko).with_theme(ThemeName::HighContrast, false);
        select_case(&mut app, "brenta");
        app.update(Action::TogglePresenter);
        let buffer = draw(&app);
        // The header, the figures' heading and the first two figures with their
        // references; the footer.
        let mut text = style_runs(&buffer, app.theme().base, 0..12);
        text.push_str(&style_runs(&buffer, app.theme().base, h - 1..h));
        insta::assert_snapshot!(format!("presenter_card_styles_{w}x{h}"), text);
    }
}
