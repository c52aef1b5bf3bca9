//! The projector path (issue #13): the theme changed at run time with `Ctrl-t`, a
//! high-contrast theme that paints every cell it owns in colours no terminal scheme
//! redefines, a light theme whose selection shows on white, presenter mode as a
//! full-screen card with search over it, and every figure shown with its reference.
//! State through `App::update`, screens through ratatui's `TestBackend`.

use std::sync::{Arc, OnceLock};

use casebook::collection::{self, Collection};
use casebook::config::ThemeName;
use casebook::model::Lang;
use casebook::search::Searcher;
use casebook::tui::action::Action;
use casebook::tui::app::{App, Pane, View};
use casebook::tui::keymap::{action_for, Context};
use casebook::tui::theme::{contrast, rgb, Theme};
use casebook::tui::{ui, RESULT_LIMIT};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

fn shipped() -> &'static Collection {
    static SHIPPED: OnceLock<Collection> = OnceLock::new();
    SHIPPED.get_or_init(|| collection::open(None).expect("shipped cases load"))
}

fn app(width: u16, height: u16, lang: Lang) -> App {
    App::new(Arc::clone(&shipped().index), lang, (width, height))
}

/// Draws the app in the theme it holds, as the event loop does.
fn draw(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    let frame = terminal
        .draw(|f| ui::render(f, app, app.theme()))
        .expect("draw");
    frame.buffer.clone()
}

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

fn run_pending_search(app: &mut App) {
    if let Some(request) = app.take_search_request() {
        let shipped = shipped();
        let mut searcher = Searcher::new(&shipped.search);
        let found = collection::find(
            &shipped.index,
            &mut searcher,
            &request.query,
            RESULT_LIMIT,
            &|| false,
        )
        .expect("not cancelled");
        app.update(Action::SearchResults {
            generation: request.generation,
            found,
        });
    }
}

fn current_id(app: &App) -> String {
    app.current_item()
        .map(|i| app.index().item(i).id.clone())
        .unwrap_or_default()
}

fn select_case(app: &mut App, id: &str) {
    let target = app.index().position(id).expect("case exists");
    let rows = app.list_items(Pane::Cases);
    let row = rows.iter().position(|&i| i == target).expect("listed");
    app.update(Action::SelectFirst);
    for _ in 0..row {
        app.update(Action::SelectNext);
    }
    assert_eq!(current_id(app), id);
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
                        // The column a wide character covers is not drawn on its own.
                        if hidden > 0 {
                            hidden -= 1;
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
