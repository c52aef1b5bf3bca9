//! Hostile key sequences: long random runs of actions and terminal sizes down to 1×1,
//! each step drawn into a `TestBackend`. Nothing may panic, selections and scrolls stay
//! in range, and the history stays consistent. Seeds are fixed so failures reproduce.

use std::sync::{Arc, OnceLock};

use casebook::collection::search_items;
use casebook::config::ThemeName;
use casebook::index::Index;
use casebook::model::Lang;
use casebook::search::{SearchIndex, Searcher};
use casebook::tui::action::Action;
use casebook::tui::app::{App, Overlay, Pane};
use casebook::tui::theme::Theme;
use casebook::tui::{ui, RESULT_LIMIT};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn shipped() -> &'static (Arc<Index>, Arc<SearchIndex>) {
    static SHIPPED: OnceLock<(Arc<Index>, Arc<SearchIndex>)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let loaded = casebook::collection::open(None).expect("shipped cases load");
        (loaded.index, loaded.search)
    })
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
        prop::sample::select(vec![
            Action::SelectNext,
            Action::SelectPrevious,
            Action::PageDown,
            Action::PageUp,
            Action::SelectFirst,
            Action::SelectLast,
            Action::NextPane,
            Action::PreviousPane,
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
            Action::CycleTypeFilter,
            Action::CycleCountryFilter,
            Action::CycleStatusFilter,
            Action::ClearFilters,
            Action::ToggleLanguage,
            Action::ToggleHelp,
            Action::ToggleErrors,
        ]),
        (0usize..8).prop_map(Action::ShowPane),
        any_char().prop_map(Action::SearchInsert),
        size.prop_map(|(w, h)| Action::Resize(w, h)),
        (0u16..250, 0u16..80, -3i32..4).prop_map(|(column, row, delta)| Action::Scroll {
            column,
            row,
            delta
        }),
        (0u16..250, 0u16..80).prop_map(|(column, row)| Action::Click { column, row }),
    ]
}

fn check_invariants(app: &App) {
    for pane in Pane::ALL {
        let len = app.list_items(pane).len();
        let cursor = app.cursors[Pane::ALL.iter().position(|p| *p == pane).unwrap_or(0)];
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
    if let Some(search) = &app.search {
        assert!(search.caret <= search.input.chars().count());
        assert!(search.cursor.selected < search.results.len().max(1));
        for row in &search.results {
            let count = row.text.chars().count();
            assert!(
                row.indices.iter().all(|&i| i < count),
                "highlight index out of range"
            );
        }
    }
    let lines = app.detail_lines();
    assert!(
        app.detail.scroll <= lines.len(),
        "detail scrolled past its end"
    );
    if let Some(line) = app.detail.link_line {
        assert!(
            lines.get(line).is_some_and(|l| l.link.is_some()),
            "link cursor on a line without a link"
        );
    }
    if let Some(item) = app.pinned {
        assert!(item < app.index.len());
    }
    assert!(app.history_len() <= 200);
    if let Some(Overlay::Help { scroll } | Overlay::Errors { scroll }) = app.overlay {
        assert!(scroll < 10_000);
    }
}

proptest! {
    #![proptest_config(Config {
        cases: 48,
        rng_seed: RngSeed::Fixed(0x00CA_5EB0),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn random_actions_never_panic_and_keep_state_consistent(
        actions in prop::collection::vec(any_action(), 1..120),
        lang in prop::sample::select(vec![Lang::Ko, Lang::En]),
    ) {
        let (index, search_index) = shipped();
        let mut app = App::new(Arc::clone(index), lang, (120, 35));
        let theme = Theme::new(ThemeName::HighContrast, false);
        let mut searcher = Searcher::new(search_index);
        for action in actions {
            app.update(action);
            if let Some(request) = app.take_search_request() {
                if let Some((rows, total)) = search_items(index, &mut searcher, &request.query, RESULT_LIMIT, &|| false) {
                    app.apply_search_results(request.generation, rows, total);
                }
            }
            check_invariants(&app);
            let (w, h) = app.size;
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal.draw(|f| ui::render(f, &app, &theme)).expect("draw");
        }
    }

    #[test]
    fn back_always_returns_to_a_listed_or_pinned_item(
        steps in prop::collection::vec(0usize..400, 1..30),
    ) {
        let (index, _) = shipped();
        let mut app = App::new(Arc::clone(index), Lang::Ko, (120, 35));
        let mut trail = Vec::new();
        for step in steps {
            let target = step % index.len();
            trail.push(app.current_item());
            app.follow(target);
            prop_assert_eq!(app.current_item(), Some(target));
        }
        while let Some(expected) = trail.pop() {
            app.update(Action::Back);
            prop_assert_eq!(app.current_item(), expected);
        }
    }
}
