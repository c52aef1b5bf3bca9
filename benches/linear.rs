//! Work that must grow no faster than the data (issue #14, deliverable 5), each at two
//! sizes four times apart: linear work takes about 4× as long at the larger size,
//! quadratic work 16× (see BENCHMARKS.md, "Session 5: linear work").
//!
//! - **The search box**: drawing the whole explorer (TestBackend, 120×40) with a
//!   query of 50 and of 200 characters (the longest the box takes), the caret at the
//!   end and at the start; pasting a text of 10,000 and 40,000 characters.
//! - **A role linked by every case** of a 2,500- and a 10,000-case collection: the
//!   item index that holds the links, the role's report, its detail laid out as the
//!   explorer shows it, and `casebook show <role>` run as a user runs it.
//! - **Two cases citing 500 and 2,000 sections each**: the comparison, its Markdown
//!   (numbered reference list), drawing the compare view, and the detail of one case.
//!
//! Run: `cargo bench --bench linear` (a filter such as `-- linear/role` runs part).

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use casebook::config::ThemeName;
use casebook::index::Index;
use casebook::load::load_collection;
use casebook::model::Lang;
use casebook::tui::action::Action;
use casebook::tui::app::{detail, App};
use casebook::tui::theme::Theme;
use casebook::tui::ui;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// The role every synthetic case links to.
const ROLE: &str = "system-organizer";

/// The cases given many sources; a counterpart pair, so `c` compares them.
const CITING: [&str; 2] = ["ulsan", "toyota-city"];

fn draw(terminal: &mut Terminal<TestBackend>, app: &App, theme: &Theme) {
    terminal.draw(|f| ui::render(f, app, theme)).expect("draw");
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(120, 40)).expect("terminal")
}

/// A query of `chars` characters, Hangul and Latin mixed as a pasted title would be.
fn long_query(chars: usize) -> String {
    "대덕 연구개발특구 Daedeok Innopolis 연구소 "
        .chars()
        .cycle()
        .take(chars)
        .collect()
}

fn search_box(c: &mut Criterion) {
    let index = Arc::new(casebook::collection::open_index(None).expect("shipped cases"));
    let theme = Theme::new(ThemeName::Dark, false);
    let mut group = c.benchmark_group("linear/search_box");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for chars in [50, 200] {
        let mut app = App::new(Arc::clone(&index), Lang::Ko, (120, 40));
        app.update(Action::OpenSearch);
        for ch in long_query(chars).chars() {
            app.update(Action::SearchInsert(ch));
        }
        assert_eq!(app.search().expect("open").input().chars().count(), chars);
        let mut terminal = terminal();
        group.bench_function(BenchmarkId::new("draw, caret at the end", chars), |b| {
            b.iter(|| draw(&mut terminal, black_box(&app), &theme))
        });
        app.update(Action::SearchCaretHome);
        group.bench_function(BenchmarkId::new("draw, caret at the start", chars), |b| {
            b.iter(|| draw(&mut terminal, black_box(&app), &theme))
        });
    }
    for chars in [10_000, 40_000] {
        let text = long_query(chars);
        group.bench_function(BenchmarkId::new("paste", chars), |b| {
            b.iter_batched(
                || App::new(Arc::clone(&index), Lang::Ko, (120, 40)),
                |mut app| {
                    app.update(Action::Paste(black_box(text.clone())));
                    app
                },
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

fn role_linked_by_every_case(c: &mut Criterion) {
    let mut group = c.benchmark_group("linear/role");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for cases in [2_500, 10_000] {
        let (dir, _) = casebook::synthetic::bench_collection(cases).expect("generate collection");
        let index = Index::build(load_collection(&dir).expect("load"));
        let role = index.get(ROLE).expect("role");
        let linked = index.backlinks(index.position(ROLE).expect("role")).len();
        eprintln!("linear/role/{cases}: {ROLE} has {linked} links");
        group.bench_function(BenchmarkId::new("Index::build", cases), |b| {
            b.iter_batched(
                || load_collection(&dir).expect("load"),
                Index::build,
                BatchSize::PerIteration,
            )
        });
        group.bench_function(BenchmarkId::new("report", cases), |b| {
            b.iter(|| casebook::report::report(&index, black_box(role), Lang::Ko))
        });
        group.bench_function(BenchmarkId::new("detail lines, 80 columns", cases), |b| {
            b.iter(|| detail::lines(&index, black_box(role), Lang::Ko, 80))
        });
        group.bench_function(BenchmarkId::new("casebook show", cases), |b| {
            b.iter(|| show(&dir, ROLE))
        });
    }
    group.finish();
}

/// `casebook show <id> --cases <dir>`, as a user runs it; its output must be the report.
/// `$CASEBOOK_BENCH_BIN` names another build to run (to compare two versions).
fn show(dir: &Path, id: &str) {
    let bin = std::env::var_os("CASEBOOK_BENCH_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_casebook").into());
    let out = Command::new(bin)
        .args(["show", id, "--cases"])
        .arg(dir)
        .env("CASEBOOK_CONFIG", "/nonexistent/casebook.toml")
        .env("CASEBOOK_LANG", "ko")
        .output()
        .expect("run casebook");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.len() > 1000);
}

fn cases_with_many_sources(c: &mut Criterion) {
    let theme = Theme::new(ThemeName::Dark, false);
    let mut group = c.benchmark_group("linear/sources");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for sections in [500, 2_000] {
        let dir = tempfile::tempdir().expect("tempdir");
        casebook::synthetic::write_cited_collection(dir.path(), &CITING, sections)
            .expect("write collection");
        let index = Arc::new(Index::build(load_collection(dir.path()).expect("load")));
        assert!(index.diagnostics.is_empty(), "{:?}", index.diagnostics[0]);
        group.bench_function(BenchmarkId::new("compare", sections), |b| {
            b.iter(|| casebook::compare::compare(&index, black_box(&CITING), Lang::Ko))
        });
        let comparison = casebook::compare::compare(&index, &CITING, Lang::Ko).expect("compare");
        assert_eq!(comparison.sources.len(), sections);
        group.bench_function(BenchmarkId::new("compare as Markdown", sections), |b| {
            b.iter(|| casebook::render::markdown::comparison(black_box(&comparison), Lang::Ko))
        });
        let ulsan = index.get(CITING[0]).expect("case");
        group.bench_function(BenchmarkId::new("case detail lines", sections), |b| {
            b.iter(|| detail::lines(&index, black_box(ulsan), Lang::Ko, 80))
        });
        group.bench_function(BenchmarkId::new("case as Markdown", sections), |b| {
            b.iter(|| {
                let blocks = casebook::report::report(&index, black_box(ulsan), Lang::Ko);
                casebook::render::markdown::report(&blocks, Lang::Ko)
            })
        });
        let mut app = App::new(Arc::clone(&index), Lang::Ko, (120, 40));
        app.update(Action::OpenItem(index.position(CITING[0]).expect("case")));
        app.update(Action::CompareCounterpart);
        assert!(
            matches!(app.view(), casebook::tui::app::View::Compare(_)),
            "{:?}",
            app.view()
        );
        let mut terminal = terminal();
        group.bench_function(BenchmarkId::new("draw the compare view", sections), |b| {
            b.iter(|| draw(&mut terminal, black_box(&app), &theme))
        });
        group.bench_function(BenchmarkId::new("open the compare view", sections), |b| {
            b.iter_batched(
                || {
                    let mut app = App::new(Arc::clone(&index), Lang::Ko, (120, 40));
                    app.update(Action::OpenItem(index.position(CITING[0]).expect("case")));
                    app
                },
                |mut app| {
                    app.update(Action::CompareCounterpart);
                    app
                },
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

criterion_group!(
    linear,
    search_box,
    role_linked_by_every_case,
    cases_with_many_sources
);
criterion_main!(linear);
