//! The explorer's memory, through `App::update`: the query history (↑/↓ in an empty
//! search box, Ctrl-R narrowing it), the recent items (`r`), and resuming a run from
//! what the last one remembered — through the state file too, with ids that name
//! nothing any more dropped. Screens of both lists at 120×35 and 80×24, Korean and
//! English, as insta snapshots.

mod common;
use common::explorer::{app, current_id, run_pending_search, shipped};

use casebook::config::ThemeName;
use casebook::model::{Lang, Status};
use casebook::state::{self, Memory, Place, ViewName};
use casebook::tui::action::{Action, Facet};
use casebook::tui::app::{App, Focus, Overlay, Pane, View};
use casebook::tui::keymap::Context;
use casebook::tui::theme::Theme;
use casebook::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

fn screen(app: &App) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    let theme = Theme::new(ThemeName::Dark, false);
    let frame = terminal.draw(|f| ui::render(f, app, &theme)).expect("draw");
    text_of(&frame.buffer.clone())
}

/// The screen as text, wide characters once, and no row wider than the screen.
fn text_of(buffer: &Buffer) -> String {
    let text = common::explorer::screen(buffer);
    for (y, line) in text.lines().enumerate() {
        assert!(
            line.width() <= buffer.area.width as usize,
            "row {y} too wide"
        );
    }
    text
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::SearchInsert(c));
    }
    run_pending_search(app);
}

/// `/`, the query, Enter: a look-up as a meeting does it.
fn look_up(app: &mut App, query: &str) {
    app.update(Action::OpenSearch);
    type_text(app, query);
    app.update(Action::Open);
    assert!(app.search().is_none(), "Enter on {query:?} opened nothing");
}

fn input(app: &App) -> &str {
    app.search().map_or("(no box)", |s| s.input())
}

fn position(id: &str) -> usize {
    shipped().index.position(id).expect("item exists")
}

// ---------------------------------------------------------------------------------------
// History

#[test]
fn up_in_an_empty_box_recalls_earlier_queries_and_down_comes_back() {
    let mut app = app(120, 35, Lang::Ko);
    look_up(&mut app, "울산");
    look_up(&mut app, "toyota");
    look_up(&mut app, "울산");
    // Once each, newest first.
    assert_eq!(app.query_history(), ["울산", "toyota"]);
    app.update(Action::OpenSearch);
    app.update(Action::SelectPrevious);
    assert_eq!(input(&app), "울산");
    assert_eq!(app.search().unwrap().recalled(), Some(0));
    run_pending_search(&mut app);
    assert_eq!(
        current_id(&app),
        "ulsan",
        "the recalled query's results are shown"
    );
    app.update(Action::SelectPrevious);
    assert_eq!(input(&app), "toyota");
    // The oldest stays.
    app.update(Action::SelectPrevious);
    assert_eq!(input(&app), "toyota");
    app.update(Action::SelectNext);
    assert_eq!(input(&app), "울산");
    app.update(Action::SelectNext);
    assert_eq!(input(&app), "", "past the newest, the box is empty again");
    assert_eq!(app.search().unwrap().recalled(), None);
    // In an empty box (which lists everything) ↓ moves the results, and ↑ below the
    // first row moves back up before it recalls anything.
    run_pending_search(&mut app);
    app.update(Action::SelectNext);
    app.update(Action::SelectNext);
    assert_eq!(app.search().unwrap().cursor().selected, 2);
    app.update(Action::SelectPrevious);
    assert_eq!(app.search().unwrap().cursor().selected, 1);
    assert_eq!(input(&app), "");
    app.update(Action::SelectPrevious);
    app.update(Action::SelectPrevious);
    assert_eq!(input(&app), "울산");
}

#[test]
fn a_key_other_than_up_or_down_ends_the_recall_and_arrows_select_results_again() {
    let mut app = app(120, 35, Lang::En);
    look_up(&mut app, "san");
    app.update(Action::OpenSearch);
    app.update(Action::SelectPrevious);
    run_pending_search(&mut app);
    app.update(Action::SearchCaretEnd);
    assert_eq!(app.search().unwrap().recalled(), None);
    let first = current_id(&app);
    app.update(Action::SelectNext);
    assert_eq!(input(&app), "san", "↓ moved the results, not the history");
    assert_ne!(current_id(&app), first);
    assert_eq!(app.search().unwrap().cursor().selected, 1);
    // Typing into a recalled query edits it.
    app.update(Action::SearchClear);
    run_pending_search(&mut app);
    app.update(Action::SelectPrevious);
    type_text(&mut app, " diego");
    assert_eq!(input(&app), "san diego");
    assert_eq!(app.search().unwrap().recalled(), None);
}

#[test]
fn ctrl_r_narrows_the_history_by_typing_and_enter_searches_the_query() {
    let mut app = app(120, 35, Lang::En);
    for query in ["toyota", "울산", "brenta"] {
        look_up(&mut app, query);
    }
    // From the main view: the search box opens under the history list.
    app.update(Action::SearchHistory);
    assert_eq!(app.context(), Context::History);
    assert!(app.search().is_some());
    let Some(Overlay::History(history)) = app.overlay() else {
        panic!("no history list");
    };
    assert_eq!(history.rows(), [0, 1, 2]);
    // `q` is text here, and the words narrow the list.
    for c in "TO".chars() {
        app.update(Action::SearchInsert(c));
    }
    let Some(Overlay::History(history)) = app.overlay() else {
        panic!("no history list");
    };
    assert_eq!(history.input(), "TO");
    assert_eq!(history.rows(), [2], "only toyota has \"to\"");
    app.update(Action::SearchBackspace);
    app.update(Action::SearchBackspace);
    app.update(Action::SelectNext);
    app.update(Action::Open);
    assert!(app.overlay().is_none());
    assert_eq!(input(&app), "울산");
    run_pending_search(&mut app);
    app.update(Action::Open);
    assert_eq!(current_id(&app), "ulsan");
    assert_eq!(app.query_history()[0], "울산");
    // Esc leaves the list and keeps the box as it was.
    app.update(Action::OpenSearch);
    type_text(&mut app, "kis");
    app.update(Action::SearchHistory);
    app.update(Action::Close);
    assert_eq!(input(&app), "kis");
    assert_eq!(app.context(), Context::Search);
}

// ---------------------------------------------------------------------------------------
// Recent

#[test]
fn every_way_of_opening_an_item_lands_in_the_recent_list_newest_first() {
    let mut app = app(120, 35, Lang::Ko);
    // Enter on a list row.
    app.update(Action::SelectLast);
    app.update(Action::Open);
    let first = current_id(&app);
    // A followed link, a search hit, the matrix.
    app.update(Action::OpenItem(position("ulsan")));
    look_up(&mut app, "브렌타");
    app.update(Action::ShowMatrix);
    app.update(Action::Open);
    let from_matrix = current_id(&app);
    app.update(Action::OpenItem(position("ulsan")));
    assert_eq!(
        app.recent(),
        [
            "ulsan".to_string(),
            from_matrix,
            "brenta".into(),
            first.clone()
        ]
    );
    app.update(Action::ShowRecent);
    assert_eq!(app.context(), Context::Recent);
    app.update(Action::SelectLast);
    app.update(Action::Open);
    assert!(app.overlay().is_none());
    assert_eq!(current_id(&app), first);
    assert_eq!(app.focus(), Focus::Detail);
    // Back returns to where the list was opened from.
    app.update(Action::Back);
    assert_eq!(current_id(&app), "ulsan");
}

#[test]
fn the_recent_list_keeps_twenty_and_closes_with_r_or_esc() {
    let mut app = app(120, 35, Lang::En);
    let index = &shipped().index;
    for item in 0..30.min(index.len()) {
        app.update(Action::OpenItem(item));
    }
    assert_eq!(app.recent().len(), 20);
    assert_eq!(app.recent()[0], index.item(29).id);
    app.update(Action::ShowRecent);
    app.update(Action::Close);
    assert!(app.overlay().is_none());
}

// ---------------------------------------------------------------------------------------
// Resume

/// Filters the cases to the status whose label starts with `label`, through its picker.
fn filter_status(app: &mut App, label: &str) {
    app.update(Action::OpenPicker(Facet::Status));
    for c in label.chars() {
        app.update(Action::PickerInsert(c));
    }
    app.update(Action::Open);
}

/// A run left somewhere particular: filtered, marked, on a case's detail, in English.
fn a_run_left_mid_meeting() -> App {
    let mut app = app(120, 35, Lang::Ko);
    filter_status(&mut app, "정착");
    app.update(Action::ToggleMark);
    app.update(Action::SelectNext);
    app.update(Action::ToggleMark);
    app.update(Action::ToggleLanguage);
    app.update(Action::Open);
    app.update(Action::PageDown);
    app.update(Action::Notice("ignored".into()));
    app
}

#[test]
fn resuming_comes_back_to_the_same_place() {
    let left = a_run_left_mid_meeting();
    let memory = left.memory();
    let mut back = app(120, 35, Lang::Ko);
    back.update(Action::Restore(Box::new(memory.clone())));
    assert_eq!(back.lang(), Lang::En);
    assert_eq!(back.filter(), left.filter());
    let established: Vec<&str> = back
        .filter()
        .values(Facet::Status)
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(established, [Status::Established.as_str()]);
    assert_eq!(back.marked(), left.marked());
    assert_eq!(back.pane(), left.pane());
    assert_eq!(current_id(&back), current_id(&left));
    assert_eq!(back.focus(), Focus::Detail);
    assert_eq!(back.detail().scroll.top(), left.detail().scroll.top());
    assert!(back.detail().scroll.top() > 0, "the detail was paged down");
    assert_eq!(back.recent(), left.recent());
    assert!(back.notice().is_some_and(|n| n.contains("--fresh")));
    // Nothing changed but the notice: the screens match, bar the status line.
    let (a, b) = (screen(&left), screen(&back));
    let body = |s: &str| s.lines().take(33).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&a), body(&b));
    // Saved again at once, the memory is the same.
    assert_eq!(back.memory(), memory);
}

#[test]
fn views_the_open_search_and_a_pinned_item_come_back() {
    // A comparison.
    let mut left = app(120, 35, Lang::Ko);
    for id in ["daedeok", "san-diego"] {
        left.update(Action::OpenItem(position(id)));
        left.update(Action::ToggleMark);
    }
    left.update(Action::CompareMarked);
    let mut back = app(120, 35, Lang::Ko);
    back.update(Action::Restore(Box::new(left.memory())));
    assert_eq!(back.view(), left.view());
    // The matrix, the timeline, presenter mode.
    for (key, view) in [
        (Action::ShowMatrix, ViewName::Matrix),
        (Action::ShowTimeline, ViewName::Timeline),
        (Action::TogglePresenter, ViewName::Presenter),
    ] {
        let mut left = app(120, 35, Lang::Ko);
        left.update(Action::OpenItem(position("ulsan")));
        left.update(key);
        let memory = left.memory();
        assert_eq!(memory.place.as_ref().map(|p| p.view), Some(view));
        let mut back = app(120, 35, Lang::Ko);
        back.update(Action::Restore(Box::new(memory)));
        assert_eq!(
            std::mem::discriminant(back.view()),
            std::mem::discriminant(left.view())
        );
        assert_eq!(current_id(&back), "ulsan");
    }
    // The search box with its query, results asked for again.
    let mut left = app(120, 35, Lang::Ko);
    left.update(Action::OpenSearch);
    type_text(&mut left, "ㅅㄷㅇㄱ");
    let mut back = app(120, 35, Lang::Ko);
    back.update(Action::Restore(Box::new(left.memory())));
    assert_eq!(input(&back), "ㅅㄷㅇㄱ");
    run_pending_search(&mut back);
    assert_eq!(current_id(&back), "san-diego");
    // A followed link to an item its pane does not list (filtered out) stays pinned.
    let mut left = app(120, 35, Lang::En);
    filter_status(&mut left, "established");
    let hidden = shipped()
        .index
        .of_kind(casebook::model::Kind::Case)
        .iter()
        .copied()
        .find(|&i| !left.list_items(Pane::Cases).contains(&i))
        .expect("a case the filter hides");
    left.update(Action::OpenItem(hidden));
    assert_eq!(left.pinned(), Some(hidden));
    let mut back = app(120, 35, Lang::En);
    back.update(Action::Restore(Box::new(left.memory())));
    assert_eq!(back.pinned(), Some(hidden));
}

#[test]
fn ids_that_name_nothing_any_more_are_dropped_without_a_word() {
    let memory = Memory {
        history: vec![
            "울산".into(),
            "\u{1b}[2J".into(),
            "  ".into(),
            "울산".into(),
        ],
        recent: vec!["gone".into(), "ulsan".into(), "also-gone".into()],
        place: Some(Place {
            view: ViewName::Compare,
            pane: "no-such-pane".into(),
            item: Some("gone".into()),
            marked: vec![
                "gone".into(),
                "ulsan".into(),
                "ulsan".into(),
                "vision-provider".into(),
            ],
            compared: vec!["ulsan".into(), "gone".into()],
            filter: state::FilterMemory {
                cluster_type: vec!["no-such-type".into()],
                country: vec!["Atlantis".into()],
                status: vec!["finished".into()],
                document: vec!["no-such-document".into()],
            },
            ..Place::default()
        }),
    };
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::Restore(Box::new(memory)));
    assert_eq!(app.recent(), ["ulsan"]);
    assert_eq!(app.query_history(), ["울산", "[2J"]);
    assert_eq!(
        app.marked(),
        [position("ulsan")],
        "a role is no case to mark"
    );
    assert!(!app.filter().is_active());
    assert_eq!(app.pane(), Pane::Cases);
    assert_eq!(app.view(), &View::Browse, "one case left is no comparison");
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.cursor().selected, 0);
    // The mark came back, so the status bar says where from.
    assert!(app.notice().is_some_and(|n| n.contains("--fresh")));
    // A run left at the top comes back without a word, too.
    let top = self::app(120, 35, Lang::En).memory();
    let mut again = self::app(120, 35, Lang::Ko);
    again.update(Action::Restore(Box::new(top)));
    assert_eq!(again.lang(), Lang::En);
    assert_eq!(again.notice(), None);
}

#[test]
fn a_run_saved_to_the_file_and_read_back_resumes_and_fresh_starts_at_the_top() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");
    let left = a_run_left_mid_meeting();
    state::save_memory(&path, state::BUILT_IN, &left.memory()).expect("saved");
    let loaded = state::load(&path);
    assert_eq!(loaded.problem, None);
    let memory = loaded.file.memory_for(state::BUILT_IN);
    let mut back = app(120, 35, Lang::Ko);
    back.update(Action::Restore(Box::new(memory.clone())));
    assert_eq!(current_id(&back), current_id(&left));
    assert_eq!(back.memory(), left.memory());
    // Another collection resumes nothing of this one.
    let other = loaded
        .file
        .memory_for(&state::collection_key(Some(dir.path())));
    assert!(other.place.is_none() && other.recent.is_empty());
    // `--fresh`: the lists, but not the place.
    let mut fresh = app(120, 35, Lang::Ko);
    fresh.update(Action::Restore(Box::new(Memory {
        place: None,
        ..memory
    })));
    assert_eq!(fresh.cursor().selected, 0);
    assert_eq!(fresh.focus(), Focus::List);
    assert!(!fresh.filter().is_active());
    assert_eq!(fresh.recent(), left.recent());
}

// ---------------------------------------------------------------------------------------
// Screens

fn with_memory(width: u16, height: u16, lang: Lang) -> App {
    let mut app = app(width, height, lang);
    for id in ["daedeok", "san-diego", "vision-provider", "ulsan"] {
        app.update(Action::OpenItem(position(id)));
    }
    for query in [
        "샌디에고 연구",
        "toyota",
        "울산 자동차",
        "'figure in:figure",
    ] {
        look_up(&mut app, query);
    }
    app
}

#[test]
fn the_recent_list_at_120x35_and_80x24() {
    for (w, h, lang) in [(120, 35, Lang::Ko), (80, 24, Lang::En)] {
        let mut app = with_memory(w, h, lang);
        app.update(Action::ShowRecent);
        app.update(Action::SelectNext);
        let text = screen(&app);
        assert!(text.contains("▶"), "{text}");
        insta::assert_snapshot!(format!("recent_{w}x{h}"), text);
    }
}

#[test]
fn the_history_search_at_120x35_and_80x24() {
    for (w, h, lang) in [(120, 35, Lang::Ko), (80, 24, Lang::En)] {
        let mut app = with_memory(w, h, lang);
        app.update(Action::SearchHistory);
        run_pending_search(&mut app);
        app.update(Action::SearchInsert('울'));
        let text = screen(&app);
        assert!(text.contains("▶ 울산 자동차"), "{text}");
        assert!(!text.contains("toyota"), "not narrowed:\n{text}");
        insta::assert_snapshot!(format!("history_{w}x{h}"), text);
    }
}

#[test]
fn an_empty_box_says_how_to_recall_and_the_title_which_query_is_recalled() {
    let mut app = app(80, 24, Lang::En);
    let text = {
        app.update(Action::OpenSearch);
        screen(&app)
    };
    assert!(
        !text.contains("earlier queries"),
        "no history, no hint:\n{text}"
    );
    app.update(Action::Close);
    look_up(&mut app, "toyota");
    look_up(&mut app, "kista");
    app.update(Action::OpenSearch);
    let text = screen(&app);
    assert!(text.contains("/ ↑ earlier queries"), "{text}");
    app.update(Action::SelectPrevious);
    app.update(Action::SelectPrevious);
    run_pending_search(&mut app);
    let text = screen(&app);
    assert!(text.contains("Search · earlier query 2/2"), "{text}");
    assert!(text.contains("/ toyota"), "{text}");
}

// ---------------------------------------------------------------------------------------
// The command line

#[test]
fn help_offers_fresh_and_config_says_where_the_memory_is() {
    let help = common::casebook_command()
        .arg("--help")
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--fresh"), "{help}");
    assert!(help.contains("CASEBOOK_STATE=FILE"), "{help}");
    let shown = common::casebook_command()
        .env("CASEBOOK_STATE", "/tmp/somewhere/else.json")
        .arg("config")
        .output()
        .expect("runs");
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.contains("# explorer memory: /tmp/somewhere/else.json"),
        "{shown}"
    );
    // `--fresh` is the explorer's: with a subcommand it changes nothing.
    let listed = common::casebook_command()
        .args(["--fresh", "list", "--kind", "role"])
        .output()
        .expect("runs");
    assert!(listed.status.success());
}
