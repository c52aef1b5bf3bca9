//! What the explorer's state and screen tests share: the shipped collection opened once,
//! an app over it, drawing it on a `TestBackend`, the screen as text, and a search run the
//! way the event loop runs it.

use std::sync::{Arc, OnceLock};

use casebook::collection::{self, Collection};
use casebook::model::Lang;
use casebook::search::Searcher;
use casebook::tui::action::Action;
use casebook::tui::app::{App, Pane};
use casebook::tui::{ui, RESULT_LIMIT};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

/// The built-in collection with its search index, opened once per test crate.
pub fn shipped() -> &'static Collection {
    static SHIPPED: OnceLock<Collection> = OnceLock::new();
    SHIPPED.get_or_init(|| collection::open(None).expect("shipped cases load"))
}

/// An explorer over the built-in collection at `width` × `height`.
pub fn app(width: u16, height: u16, lang: Lang) -> App {
    App::new(Arc::clone(&shipped().index), lang, (width, height))
}

/// Draws the app in its own theme and returns the buffer.
pub fn draw(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    let frame = terminal
        .draw(|f| ui::render(f, app, app.theme()))
        .expect("draw");
    frame.buffer.clone()
}

/// The screen as text, one line per row, wide characters once (as a terminal shows them).
pub fn screen(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Answers the search the app asked for, as the worker would.
pub fn run_pending_search(app: &mut App) {
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

/// The id of the item the detail shows, or "" when none.
pub fn current_id(app: &App) -> String {
    app.current_item()
        .map(|i| app.index().item(i).id.clone())
        .unwrap_or_default()
}

/// Moves the cases list's cursor onto case `id` (unfiltered list).
pub fn select_case(app: &mut App, id: &str) {
    let target = app.index().position(id).expect("case exists");
    let rows = app.list_items(Pane::Cases);
    let row = rows.iter().position(|&i| i == target).expect("listed");
    app.update(Action::SelectFirst);
    for _ in 0..row {
        app.update(Action::SelectNext);
    }
    assert_eq!(current_id(app), id);
}
