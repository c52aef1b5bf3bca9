//! The collection arriving at start: an explorer opened on a folder is drawn before any
//! file is read and takes the collection in parts. State tests through `App::update`
//! (the cursor stays still as rows arrive, search says it is partial, problems come at
//! the end), screens of the first frames, and the loader thread itself on a generated
//! collection.

mod common;
use common::explorer::shipped;

use std::collections::HashSet;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use casebook::collection::{self};
use casebook::index::Index;
use casebook::load::{Diagnostic, Loaded, Severity};
use casebook::model::{Item, Kind, Lang};
use casebook::search::Searcher;
use casebook::tui::action::{Action, LoadBatch, Reloaded};
use casebook::tui::app::{App, Focus, Overlay, Pane};
use casebook::tui::events::Input;
use casebook::tui::{loader, RESULT_LIMIT};

/// The shipped items in the order a loader might read them: the catalogs first, then
/// the cases in reverse order of their English names, so that every part sorts some
/// cases before the ones already listed.
fn arrival_order() -> Vec<Item> {
    let items = shipped().index.items();
    let mut cases: Vec<Item> = items
        .iter()
        .filter(|i| i.kind == Kind::Case)
        .cloned()
        .collect();
    cases.sort_by(|a, b| b.name.en.cmp(&a.name.en));
    let mut order: Vec<Item> = items
        .iter()
        .filter(|i| i.kind != Kind::Case)
        .cloned()
        .collect();
    order.extend(cases);
    order
}

/// The first `n` items to arrive, as the loader's partial index of them.
fn part(n: usize) -> Arc<Index> {
    Arc::new(Index::build(Loaded {
        items: arrival_order()[..n].to_vec(),
        diagnostics: Vec::new(),
        files: n,
        skipped_files: Vec::new(),
    }))
}

fn batch(read: usize, total: usize, items: Option<Arc<Index>>) -> Action {
    Action::Loading(LoadBatch {
        read,
        total: Some(total),
        items: items.map(Reloaded),
    })
}

fn catalogs() -> usize {
    arrival_order()
        .iter()
        .filter(|i| i.kind != Kind::Case)
        .count()
}

fn screen(app: &App) -> String {
    common::explorer::screen(&common::explorer::draw(app))
}

fn status_bar(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

fn selected_id(app: &App) -> String {
    app.current_item()
        .map(|i| app.index().item(i).id.clone())
        .unwrap_or_default()
}

/// Runs the pending search over `index`, as the search worker would.
fn answer_search(app: &mut App, index: &Index) {
    if let Some(request) = app.take_search_request() {
        let search = collection::search_index(index);
        let mut searcher = Searcher::new(&search);
        let found = collection::find(index, &mut searcher, &request.query, RESULT_LIMIT, &|| {
            false
        })
        .expect("not cancelled");
        app.update(Action::SearchResults {
            generation: request.generation,
            found,
        });
    }
}

#[test]
fn the_first_frame_has_the_panes_and_says_it_is_loading() {
    let app = App::loading(Lang::Ko, (80, 24));
    let first = screen(&app);
    assert!(first.contains("1 사례"), "{first}");
    assert!(first.contains("(불러오는 중…)"), "{first}");
    assert!(status_bar(&app).contains("불러오는 중…"), "{first}");
    let mut app = App::loading(Lang::En, (120, 35));
    app.update(batch(0, 10_000, None));
    assert!(
        status_bar(&app).contains("loading 0/10,000 files"),
        "{}",
        status_bar(&app)
    );
    app.update(batch(120, 10_000, Some(part(catalogs() + 5))));
    let shown = screen(&app);
    assert!(
        status_bar(&app).contains("loading 120/10,000 files"),
        "{shown}"
    );
    assert!(shown.contains("Cases 5"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn a_cursor_at_the_top_stays_at_the_top_as_rows_arrive_above() {
    let total = arrival_order().len();
    let mut app = App::loading(Lang::En, (120, 35));
    app.update(batch(10, 40, Some(part(catalogs() + 3))));
    let first_shown = selected_id(&app);
    app.update(batch(20, 40, Some(part(catalogs() + 15))));
    assert_eq!(app.cursor_of(Pane::Cases).selected, 0);
    assert_eq!(app.cursor_of(Pane::Cases).offset, 0);
    let top = app.list_items(Pane::Cases)[0];
    assert_eq!(
        app.current_item(),
        Some(top),
        "the cursor stays on the first row"
    );
    assert_ne!(
        selected_id(&app),
        first_shown,
        "the test needs a row arriving above the first one"
    );
    app.update(Action::Loaded(Reloaded(Arc::clone(&shipped().index))));
    assert_eq!(app.cursor_of(Pane::Cases).selected, 0);
    assert_eq!(app.load_progress(), None);
    assert_eq!(app.index().len(), total);
}

#[test]
fn a_selected_case_stays_selected_on_the_same_screen_row_as_rows_arrive() {
    // A window shorter than the list: a list that fits whole cannot scroll, so there
    // rows arriving above do push the selection down.
    let mut app = App::loading(Lang::En, (120, 18));
    app.update(batch(10, 40, Some(part(catalogs() + 16))));
    assert!(app.list_items(Pane::Cases).len() > app.areas().list_rows.height as usize);
    app.update(Action::SelectNext);
    app.update(Action::SelectNext);
    let chosen = selected_id(&app);
    let cursor = app.cursor_of(Pane::Cases);
    let screen_row = cursor.selected - cursor.offset;
    assert_eq!(screen_row, 2);
    for n in [18, 21, 24] {
        app.update(batch(n, 40, Some(part(catalogs() + n))));
        assert_eq!(selected_id(&app), chosen, "after {n} cases");
        let cursor = app.cursor_of(Pane::Cases);
        assert_eq!(
            cursor.selected - cursor.offset,
            screen_row,
            "after {n} cases the cursor moved on screen"
        );
    }
    assert!(
        app.cursor_of(Pane::Cases).selected > 2,
        "the test needs rows arriving above the selection"
    );
    app.update(Action::Loaded(Reloaded(Arc::clone(&shipped().index))));
    assert_eq!(selected_id(&app), chosen);
    let cursor = app.cursor_of(Pane::Cases);
    assert_eq!(cursor.selected - cursor.offset, screen_row);
}

#[test]
fn an_open_detail_keeps_its_item_even_at_the_first_row() {
    let mut app = App::loading(Lang::En, (120, 35));
    app.update(batch(10, 40, Some(part(catalogs() + 3))));
    app.update(Action::Open);
    assert_eq!(app.focus(), Focus::Detail);
    let reading = selected_id(&app);
    app.update(batch(30, 40, Some(part(catalogs() + 20))));
    assert_eq!(selected_id(&app), reading);
}

#[test]
fn search_while_loading_is_over_what_arrived_and_says_so() {
    let mut app = App::loading(Lang::En, (120, 35));
    let first = part(catalogs() + 6);
    app.update(batch(10, 40, Some(Arc::clone(&first))));
    app.update(Action::OpenSearch);
    for c in "cluster".chars() {
        app.update(Action::SearchInsert(c));
    }
    answer_search(&mut app, &first);
    let partial = screen(&app);
    assert!(partial.contains("loading — partial results"), "{partial}");
    let found_first = app.search().expect("open").total();
    app.update(Action::SelectNext);
    let chosen = app.search().expect("open").selected().expect("a row").item;

    // A larger part: the rows shown stay until the new answer, which keeps the row.
    let second = part(catalogs() + 20);
    app.update(batch(25, 40, Some(Arc::clone(&second))));
    assert_eq!(
        app.search().expect("open").selected().map(|r| r.item),
        Some(chosen)
    );
    answer_search(&mut app, &second);
    let search = app.search().expect("open");
    assert!(search.total() > found_first, "more arrived, more found");
    assert_eq!(search.selected().map(|r| r.item), Some(chosen));

    // Done: the title no longer says partial, and the query ran over everything.
    let whole = Arc::clone(&shipped().index);
    app.update(Action::Loaded(Reloaded(Arc::clone(&whole))));
    answer_search(&mut app, &whole);
    let done = screen(&app);
    assert!(!done.contains("partial"), "{done}");
    assert!(!done.contains("loading"), "{done}");
}

#[test]
fn search_title_in_korean_while_loading() {
    let mut app = App::loading(Lang::Ko, (120, 35));
    let first = part(catalogs() + 6);
    app.update(batch(10, 40, Some(Arc::clone(&first))));
    app.update(Action::OpenSearch);
    app.update(Action::SearchInsert('대'));
    answer_search(&mut app, &first);
    let shown = screen(&app);
    assert!(shown.contains("불러오는 중 — 일부 결과"), "{shown}");
}

#[test]
fn load_problems_appear_only_when_loading_completes() {
    let mut app = App::loading(Lang::En, (120, 35));
    app.update(batch(10, 40, Some(part(catalogs() + 6))));
    assert!(!status_bar(&app).contains('⚠'), "{}", status_bar(&app));
    app.update(Action::ToggleErrors);
    assert_eq!(app.overlay(), None, "no problems list while loading");
    assert!(
        app.notice().is_some_and(|n| n.contains("still loading")),
        "{:?}",
        app.notice()
    );

    let mut diagnostics = vec![Diagnostic {
        file: "cases/broken.yaml".to_string(),
        line: Some(1),
        column: Some(5),
        severity: Severity::Error,
        message: "expected a mapping".to_string(),
    }];
    diagnostics.extend(shipped().index.diagnostics.iter().cloned());
    let whole = Index::build(Loaded {
        items: shipped().index.items().to_vec(),
        diagnostics,
        files: 32,
        skipped_files: vec!["cases/broken.yaml".to_string()],
    });
    app.update(Action::Loaded(Reloaded(Arc::new(whole))));
    let bar = status_bar(&app);
    assert!(bar.contains("1 file skipped"), "{bar}");
    assert!(!bar.contains("loading"), "{bar}");
    app.update(Action::ToggleErrors);
    assert!(matches!(app.overlay(), Some(Overlay::Errors(_))));
}

#[test]
fn batches_after_loading_is_done_change_nothing() {
    let mut app = App::loading(Lang::En, (120, 35));
    app.update(Action::Loaded(Reloaded(Arc::clone(&shipped().index))));
    let before = screen(&app);
    assert!(!app.update(batch(3, 40, Some(part(catalogs() + 3)))));
    assert!(!app.update(Action::Loaded(Reloaded(part(5)))));
    assert_eq!(screen(&app), before);
}

#[test]
fn the_built_in_collection_needs_no_loading() {
    let app = App::new(Arc::clone(&shipped().index), Lang::En, (120, 35));
    assert_eq!(app.load_progress(), None);
    assert!(!status_bar(&app).contains("loading"));
}

/// The loader thread on a generated collection with one broken file: progress only
/// grows, each partial index holds the last one's items at their places, carries no
/// load problems, and the whole collection comes last with its problem.
#[test]
fn the_loader_sends_growing_parts_then_the_whole_collection() {
    let dir = tempfile::tempdir().expect("tempdir");
    casebook::synthetic::write_collection(dir.path(), 600).expect("generate");
    std::fs::write(dir.path().join("cases/zz-broken.yaml"), "id: [unclosed\n").expect("write");
    let (tx, rx) = mpsc::channel();
    loader::spawn(dir.path().to_path_buf(), tx);
    let mut read = 0;
    let mut parts: Vec<Arc<Index>> = Vec::new();
    let whole = loop {
        match rx
            .recv_timeout(Duration::from_secs(60))
            .expect("loader answers")
        {
            Input::Loading(batch) => {
                assert!(batch.read >= read, "progress went back");
                read = batch.read;
                let total = batch.total.expect("the walk ends before the first report");
                assert_eq!(total, 7 + 600 + 1);
                assert!(read <= total);
                if let Some(items) = batch.items {
                    let items = items.0;
                    assert!(items.diagnostics.is_empty(), "problems come at the end");
                    if let Some(last) = parts.last() {
                        assert!(items.len() >= loader::GROWTH * last.len(), "parts grow");
                        for (n, item) in last.items().iter().enumerate() {
                            assert_eq!(items.item(n).id, item.id, "item {n} moved");
                        }
                    }
                    parts.push(items);
                }
            }
            Input::Loaded(index) => break index,
            Input::LoadFailed(reason) => panic!("{reason}"),
            _ => {}
        }
    };
    assert!(parts.len() >= 2, "{} parts", parts.len());
    let first = &parts[0];
    assert!(
        !first.of_kind(Kind::Type).is_empty(),
        "the type catalog is read first"
    );
    assert_eq!(whole.of_kind(Kind::Case).len(), 600);
    assert_eq!(whole.skipped_files.len(), 1, "{:?}", whole.diagnostics);
    let ids: HashSet<&str> = whole.items().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), whole.len(), "no id twice");
}

#[test]
fn a_folder_that_is_not_there_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (tx, rx) = mpsc::channel();
    loader::spawn(dir.path().join("missing"), tx);
    match rx.recv_timeout(Duration::from_secs(10)).expect("answers") {
        Input::LoadFailed(reason) => assert!(reason.contains("missing"), "{reason}"),
        _ => panic!("expected a failure"),
    }
}
