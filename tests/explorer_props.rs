//! Hostile key sequences: long random runs of actions — every view and overlay included
//! — and terminal sizes down to 1×1, each step drawn into a `TestBackend`. Nothing may
//! panic, selections stay on a row, every scroll stays within the lines its view draws,
//! and the history stays consistent. Seeds are fixed so failures reproduce.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use casebook::collection::{self, Collection};
use casebook::config::ThemeName;
use casebook::index::Index;
use casebook::load::Loaded;
use casebook::model::{Lang, Status};
use casebook::search::{SearchIndex, Searcher};
use casebook::state::{FilterMemory, Memory, Place, ViewName};
use casebook::tui::action::{Action, Facet, LoadBatch, Reloaded};
use casebook::tui::app::memory::{history_rows, recent_rows, MAX_HISTORY, MAX_RECENT};
use casebook::tui::app::{App, Focus, MatrixLine, Overlay, Pane, Scroll, View};
use casebook::tui::clipboard::{Delivery, TerminalRoute, ToolOutcome};
use casebook::tui::layout::{self, ERRORS_WIDTH, HELP_WIDTH};
use casebook::tui::{ui, RESULT_LIMIT};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn shipped() -> &'static Collection {
    static SHIPPED: OnceLock<Collection> = OnceLock::new();
    SHIPPED.get_or_init(|| collection::open(None).expect("shipped cases load"))
}

fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec!['샌', '디', '에', '고', '대', '덕', 'ㅅ', 'ㄷ', 'ㅇ', 'ㄱ', 'a', 'S', ' ', '\'', '!', '^', '$', ':']),
        1 => any::<char>(),
        1 => prop::sample::select(vec!['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}', '\u{1100}', '\u{1161}', '👩', '\u{301}']),
    ]
}

fn any_action() -> impl Strategy<Value = Action> {
    let size = (
        prop_oneof![1 => 1u16..20, 3 => 20u16..200],
        prop_oneof![1 => 1u16..10, 3 => 10u16..60],
    );
    prop_oneof![
        6 => prop::sample::select(vec![
            Action::SelectNext,
            Action::SelectPrevious,
            Action::PageDown,
            Action::PageDown,
            Action::PageUp,
            Action::SelectFirst,
            Action::SelectLast,
            Action::SelectLast,
            Action::NextPane,
            Action::PreviousPane,
            Action::NextColumn,
            Action::PreviousColumn,
            Action::Open,
            Action::Open,
            Action::Back,
            Action::Close,
            Action::OpenSearch,
            Action::SearchBackspace,
            Action::SearchDelete,
            Action::SearchCaretLeft,
            Action::SearchCaretRight,
            Action::SearchCaretHome,
            Action::SearchCaretEnd,
            Action::SearchClear,
            Action::OpenPicker(Facet::Type),
            Action::OpenPicker(Facet::Country),
            Action::OpenPicker(Facet::Status),
            Action::OpenPicker(Facet::Document),
            Action::PickerToggle,
            Action::PickerToggle,
            Action::PickerBackspace,
            Action::PickerClear,
            Action::ClearFilters,
            Action::ToggleLanguage,
            Action::ToggleHelp,
            Action::ToggleErrors,
            Action::ToggleMark,
            Action::ClearMarks,
            Action::CompareMarked,
            Action::CompareCounterpart,
            Action::ShowMatrix,
            Action::ShowTimeline,
            Action::ShowCharts,
            Action::ShowCharts,
            Action::TogglePresenter,
            Action::Copy,
            Action::CopyAll,
            Action::SaveCopy,
            Action::Copied(Delivery {
                route: TerminalRoute::Direct,
                tool: ToolOutcome::NoTool,
            }),
            Action::Copied(Delivery {
                route: TerminalRoute::TmuxPassthrough,
                tool: ToolOutcome::Confirmed("xclip"),
            }),
            Action::Saved(Ok("/tmp/casebook-copy.md".into())),
            Action::Saved(Err("read-only file system".into())),
            Action::Suspend,
            Action::Tick,
            Action::NextMatch,
            Action::PreviousMatch,
                Action::CycleTheme,
                Action::ShowRecent,
            Action::SearchHistory,
            ]),
        1 => any_memory().prop_map(|memory| Action::Restore(Box::new(memory))),
        1 => prop::collection::vec(any_char(), 0..300)
            .prop_map(|chars| Action::Paste(chars.into_iter().collect())),
        1 => any_char().prop_map(|c| Action::EscapeThen(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::ALT,
        ))),
        1 => (0usize..8).prop_map(Action::ShowPane),
        1 => (0usize..200).prop_map(Action::OpenItem),
        1 => any_char().prop_map(Action::SearchInsert),
        1 => any_char().prop_map(Action::PickerInsert),
        1 => size.prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..250, 0u16..80, -3i32..4).prop_map(|(column, row, delta)| Action::Scroll {
            column,
            row,
            delta
        }),
        1 => (0u16..250, 0u16..80).prop_map(|(column, row)| Action::Click { column, row }),
    ]
}

/// Ids that exist and ids that do not, as a remembered run may hold.
fn any_id() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (0usize..400).prop_map(|n| {
            let index = &shipped().index;
            index.item(n % index.len()).id.clone()
        }),
        1 => "[a-z\\-]{0,12}",
    ]
}

/// A remembered run, of every view and with stale, foreign or hostile parts.
fn any_memory() -> impl Strategy<Value = Memory> {
    let text = || {
        prop::collection::vec(any_char(), 0..260).prop_map(|c| c.into_iter().collect::<String>())
    };
    let place = (
        prop::sample::select(vec![
            ViewName::Browse,
            ViewName::Compare,
            ViewName::Matrix,
            ViewName::Timeline,
            ViewName::Presenter,
        ]),
        prop::sample::select(vec![
            "cases",
            "roles",
            "factors",
            "problems",
            "reference",
            "nope",
        ]),
        any::<bool>(),
        prop::option::of(any_id()),
        0usize..500,
        prop::option::of(text()),
        prop::collection::vec(any_id(), 0..8),
        prop::collection::vec(any_id(), 0..6),
        prop::option::of(prop::sample::select(vec![Lang::Ko, Lang::En])),
        prop::option::of(prop::sample::select(vec![
            Status::Established,
            Status::Emerging,
            Status::NotStated,
        ])),
    )
        .prop_map(
            |(
                view,
                pane,
                detail_focused,
                item,
                detail_top,
                query,
                marked,
                compared,
                lang,
                status,
            )| {
                Place {
                    view,
                    pane: pane.to_string(),
                    detail_focused,
                    item,
                    detail_top,
                    query,
                    filter: FilterMemory {
                        cluster_type: vec!["university-led".into()],
                        country: vec!["Korea".into()],
                        status: status
                            .map(|s: Status| s.as_str().to_string())
                            .into_iter()
                            .collect(),
                        document: vec!["seri-2002".into(), "no-such-document".into()],
                    },
                    marked,
                    compared,
                    lang,
                }
            },
        );
    (
        prop::collection::vec(text(), 0..120),
        prop::collection::vec(any_id(), 0..30),
        prop::option::of(place),
    )
        .prop_map(|(history, recent, place)| Memory {
            history,
            recent,
            place,
        })
}

/// One step while the collection is still arriving: an action, or more of the
/// collection (this many more items, at least one).
#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    Arrive(usize),
}

fn any_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => any_action().prop_map(Step::Act),
        1 => (1usize..40).prop_map(Step::Arrive),
        1 => Just(Step::Arrive(0)),
    ]
}

/// A partial index and its search index.
type Part = (Arc<Index>, Arc<SearchIndex>);

/// The first `n` shipped items as the loader's partial index of them (the shipped order
/// puts the catalogs last: cases arrive before their types are known), with its search
/// index; each built once for all cases of the property.
fn partial(n: usize) -> Part {
    static PARTS: OnceLock<Mutex<HashMap<usize, Part>>> = OnceLock::new();
    let mut parts = PARTS
        .get_or_init(Default::default)
        .lock()
        .expect("not poisoned");
    parts
        .entry(n)
        .or_insert_with(|| {
            let index = Index::build(Loaded {
                items: shipped().index.items()[..n].to_vec(),
                diagnostics: Vec::new(),
                files: n,
                skipped_files: Vec::new(),
            });
            let search = collection::search_index(&index);
            (Arc::new(index), Arc::new(search))
        })
        .clone()
}

/// A scroll that shows `len` lines through a window of `page`, and no further than the
/// last full page.
fn assert_scroll(what: &str, scroll: Scroll, len: usize, page: usize) {
    assert_eq!(
        scroll.len(),
        len,
        "{what}: scroll measures other lines than it draws"
    );
    assert_eq!(
        scroll.page(),
        page,
        "{what}: scroll window is not the drawn window"
    );
    assert!(
        scroll.top() <= len.saturating_sub(page.max(1)),
        "{what}: scrolled to line {} of {len} with a window of {page}",
        scroll.top()
    );
}

fn check_invariants(app: &App) {
    for pane in Pane::ALL {
        let len = app.list_items(pane).len();
        let cursor = app.cursor_of(pane);
        assert!(
            cursor.selected < len.max(1),
            "{pane:?} selection {} of {len}",
            cursor.selected
        );
        assert!(
            cursor.offset <= cursor.selected,
            "{pane:?} offset past selection"
        );
    }
    let areas = app.areas();
    if let Some(search) = app.search() {
        assert!(search.caret() <= search.input().chars().count());
        assert!(search.cursor().selected < search.results().len().max(1));
        for row in search.results() {
            let count = row.text.chars().count();
            assert!(
                row.indices.iter().all(|&i| i < count),
                "highlight index out of range"
            );
        }
    }
    let lines = app.detail_lines();
    assert_scroll(
        "detail",
        app.detail().scroll,
        lines.len(),
        areas.detail_inner.height as usize,
    );
    if let Some(line) = app.detail().link_line {
        assert!(
            lines.get(line).is_some_and(|l| l.fact.is_some()),
            "line cursor on a line that shows no fact"
        );
    }
    if let Some(line) = app.detail().found {
        assert!(line < lines.len(), "found line past the detail's end");
    }
    if let Some(search) = app.search() {
        assert!(
            search.input().chars().count() <= casebook::tui::app::search::MAX_QUERY_CHARS,
            "the query grew past its bound"
        );
    }
    if let Some(item) = app.pinned() {
        assert!(item < app.index().len());
    }
    assert!(app.history_len() <= 200);
    let marked = app.marked();
    assert!(
        marked.len() <= casebook::tui::app::MAX_COMPARED,
        "too many marks"
    );
    for (n, &item) in marked.iter().enumerate() {
        assert_eq!(
            app.index().item(item).kind,
            casebook::model::Kind::Case,
            "a non-case marked"
        );
        assert!(!marked[..n].contains(&item), "a case marked twice");
    }
    match app.view() {
        View::Browse => {}
        View::Compare(view) => {
            assert_scroll(
                "compare",
                view.scroll(),
                view.lines().len(),
                (areas.view_inner.height as usize).saturating_sub(1),
            );
            if !view.lines().is_empty() {
                assert!(
                    view.cursor_line() < view.lines().len(),
                    "compare cursor past the end"
                );
                assert!(view.selected_row().is_some(), "compare cursor off a row");
                if view.scroll().page() > 0 {
                    assert!(
                        view.scroll().shows(view.cursor_line()),
                        "compare cursor out of view"
                    );
                }
            }
        }
        View::Matrix(view) => {
            assert_scroll(
                "matrix",
                view.scroll(),
                view.lines().len(),
                (areas.view_inner.height as usize).saturating_sub(4),
            );
            assert!(view.column() < 3);
            // On a case whenever there is one (a collection still arriving may have none yet).
            let has_cases = view
                .lines()
                .iter()
                .any(|l| matches!(l, MatrixLine::Case(_)));
            assert_eq!(
                view.selected_case().is_some(),
                has_cases,
                "matrix cursor on no case"
            );
        }
        View::Timeline(view) => {
            assert_scroll(
                "timeline",
                view.scroll(),
                view.lines().len(),
                areas.view_inner.height as usize,
            );
            if let Some(line) = view.cursor_line() {
                if view.scroll().page() > 0 {
                    assert!(view.scroll().shows(line), "timeline cursor out of view");
                }
            }
        }
        View::Chart(view) => {
            assert!(!view.charts().is_empty(), "a chart view with no chart");
            assert_scroll(
                "chart",
                view.scroll(),
                view.lines().len(),
                areas.view_inner.height as usize,
            );
        }
        View::Presenter(view) => {
            // Only the search box over the card may have no hit to show.
            assert!(
                app.current_subject().is_some() || app.search().is_some(),
                "presenting nothing"
            );
            assert_scroll(
                "presenter",
                view.scroll(),
                view.lines().len(),
                (areas.presenter.height as usize).saturating_sub(view.header().len()),
            );
        }
    }
    match app.overlay() {
        None => {}
        Some(Overlay::Help(help)) => assert_scroll(
            "help",
            help.scroll(),
            help.lines().len(),
            layout::overlay_inner(areas.screen, HELP_WIDTH).height as usize,
        ),
        Some(Overlay::Errors(errors)) => assert_scroll(
            "errors",
            errors.scroll(),
            errors.lines().len(),
            layout::overlay_inner(areas.screen, ERRORS_WIDTH).height as usize,
        ),
        Some(Overlay::Recent(recent)) => {
            let cursor = recent.cursor();
            assert!(
                cursor.selected < recent.rows().len().max(1),
                "recent cursor past the list"
            );
            assert!(cursor.offset <= cursor.selected);
            let page = recent_rows(areas.screen).max(1);
            assert!(
                cursor.selected < cursor.offset + page,
                "recent cursor out of view"
            );
            assert!(recent.rows().iter().all(|&i| i < app.index().len()));
        }
        Some(Overlay::History(history)) => {
            let cursor = history.cursor();
            assert!(
                cursor.selected < history.rows().len().max(1),
                "history cursor past the list"
            );
            let page = history_rows(areas.screen).max(1);
            assert!(
                cursor.selected < cursor.offset + page,
                "history cursor out of view"
            );
            assert!(history
                .rows()
                .iter()
                .all(|&at| at < app.query_history().len()));
        }
        Some(Overlay::Picker(picker)) => {
            let shown = picker.shown();
            let cursor = picker.cursor();
            assert!(
                cursor.selected < shown.len().max(1),
                "picker cursor past its rows"
            );
            assert!(
                cursor.offset <= cursor.selected,
                "picker offset past its cursor"
            );
            let page = layout::picker_rows(areas.screen, picker.rows().len()).height as usize;
            if page > 0 && !shown.is_empty() {
                assert!(
                    cursor.selected < cursor.offset + page,
                    "picker cursor out of view"
                );
            }
            for row in shown {
                let label = &picker.rows()[row.row].label;
                let chars = label.chars().count();
                assert!(
                    row.marked.iter().all(|&i| i < chars),
                    "picker mark past its label"
                );
            }
            assert!(
                picker.query().chars().count() <= casebook::tui::app::picker::MAX_PICKER_CHARS,
                "the picker's text grew past its bound"
            );
            let counted: usize = picker.rows().iter().map(|r| r.count).sum();
            let items: usize = picker
                .pane()
                .kinds()
                .iter()
                .map(|&k| app.index().of_kind(k).len())
                .sum();
            if picker.facet() != Facet::Document {
                assert!(counted <= items, "a case counted twice");
            }
        }
    }
    assert!(app.query_history().len() <= MAX_HISTORY);
    assert!(app.recent().len() <= MAX_RECENT);
    for (n, query) in app.query_history().iter().enumerate() {
        assert!(
            !query.is_empty() && !query.chars().any(char::is_control),
            "{query:?} kept"
        );
        assert!(
            !app.query_history()[..n].contains(query),
            "{query:?} kept twice"
        );
    }
    if let Some(at) = app.search().and_then(|s| s.recalled()) {
        assert_eq!(
            app.search().map(|s| s.input()),
            app.query_history().get(at).map(String::as_str)
        );
    }
}

proptest! {
    #![proptest_config(Config {
        cases: 64,
        rng_seed: RngSeed::Fixed(0x00CA_5EB0),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn random_actions_never_panic_and_keep_every_view_in_range(
        actions in prop::collection::vec(any_action(), 1..150),
        lang in prop::sample::select(vec![Lang::Ko, Lang::En]),
    ) {
        let shipped = shipped();
        let app = App::new(Arc::clone(&shipped.index), lang, (120, 35));
        // Started in high contrast; CycleTheme among the actions draws every theme.
        let mut app = app.with_theme(ThemeName::HighContrast, false);
        let mut searcher = Searcher::new(&shipped.search);
        for action in actions {
            app.update(action);
            if let Some(request) = app.take_search_request() {
                if let Some(found) = collection::find(&shipped.index, &mut searcher, &request.query, RESULT_LIMIT, &|| false) {
                    app.update(Action::SearchResults { generation: request.generation, found });
                }
            }
            check_invariants(&app);
            let (w, h) = app.size();
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal.draw(|f| ui::render(f, &app, app.theme())).expect("draw");
        }
    }

    #[test]
    fn random_actions_while_the_collection_arrives_keep_every_view_in_range(
        steps in prop::collection::vec(any_step(), 1..150),
        lang in prop::sample::select(vec![Lang::Ko, Lang::En]),
    ) {
        let shipped = shipped();
        let all = shipped.index.len();
        let app = App::loading(lang, (120, 35));
        let mut app = app.with_theme(ThemeName::HighContrast, false);
        let (mut index, mut search) = partial(0);
        let mut arrived = 0;
        let last = steps.len();
        for (n, step) in steps.into_iter().enumerate() {
            let action = match step {
                // Loading ends after the last step: the whole collection, as the loader sends it.
                _ if n + 1 == last => Action::Loaded(Reloaded(Arc::clone(&shipped.index))),
                Step::Act(action) => action,
                // Progress alone, no new items.
                Step::Arrive(0) => Action::Loading(LoadBatch { read: arrived, total: Some(all), items: None }),
                Step::Arrive(more) => {
                    arrived = (arrived + more).min(all);
                    (index, search) = partial(arrived);
                    Action::Loading(LoadBatch { read: arrived, total: Some(all), items: Some(Reloaded(Arc::clone(&index))) })
                }
            };
            if let Action::Loaded(whole) = &action {
                index = Arc::clone(&whole.0);
                search = Arc::clone(&shipped.search);
            }
            app.update(action);
            if let Some(request) = app.take_search_request() {
                let mut searcher = Searcher::new(&search);
                if let Some(found) = collection::find(&index, &mut searcher, &request.query, RESULT_LIMIT, &|| false) {
                    app.update(Action::SearchResults { generation: request.generation, found });
                }
            }
            check_invariants(&app);
            let (w, h) = app.size();
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal.draw(|f| ui::render(f, &app, app.theme())).expect("draw");
        }
        prop_assert_eq!(app.load_progress(), None);
        prop_assert_eq!(app.index().len(), all);
    }

    #[test]
    fn back_always_returns_to_a_listed_or_pinned_item(
        steps in prop::collection::vec(0usize..400, 1..30),
    ) {
        let index = &shipped().index;
        let mut app = App::new(Arc::clone(index), Lang::Ko, (120, 35));
        let mut trail = Vec::new();
        for step in steps {
            let target = step % index.len();
            trail.push(app.current_item());
            app.update(Action::OpenItem(target));
            prop_assert_eq!(app.current_item(), Some(target));
        }
        while let Some(expected) = trail.pop() {
            app.update(Action::Back);
            prop_assert_eq!(app.current_item(), expected);
        }
    }

    /// The Sources pane (6): any row, any link of its detail followed — an item line or
    /// one of its facts — and Back returns to the very row and the detail focus, with
    /// every view still in range and drawn at odd sizes.
    #[test]
    fn sources_backlinks_lead_to_their_item_and_back_to_the_row(
        row in 0usize..200,
        links in 0usize..40,
        size in (prop_oneof![1 => 1u16..40, 3 => 40u16..200], 1u16..60),
        lang in prop::sample::select(vec![Lang::Ko, Lang::En]),
    ) {
        let index = &shipped().index;
        let mut app = App::new(Arc::clone(index), lang, size);
        app.update(Action::ShowPane(5));
        prop_assert_eq!(app.pane(), Pane::Sources);
        for _ in 0..row {
            app.update(Action::SelectNext);
        }
        let shown = app.current_subject();
        prop_assert!(shown.is_some());
        app.update(Action::Open);
        for _ in 0..links {
            app.update(Action::SelectNext);
        }
        check_invariants(&app);
        let link = app
            .detail()
            .link_line
            .and_then(|l| app.detail_lines().get(l))
            .and_then(|l| l.link);
        app.update(Action::Open);
        check_invariants(&app);
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
        terminal.draw(|f| ui::render(f, &app, app.theme())).expect("draw");
        if let Some(target) = link {
            prop_assert_eq!(app.current_item(), Some(target));
            if let Some(found) = app.detail().found {
                prop_assert!(found < app.detail_lines().len());
            }
            app.update(Action::Back);
            prop_assert_eq!(app.pane(), Pane::Sources);
            prop_assert_eq!(app.current_subject(), shown);
            prop_assert_eq!(app.focus(), Focus::Detail);
        }
        check_invariants(&app);
    }
}
