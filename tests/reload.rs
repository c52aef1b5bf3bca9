//! Live reload: an edit shows up; a half-written or broken file never replaces the good
//! data already loaded, and its error is reported until it is fixed. Only case and
//! catalog files count; a reload parses only the files that changed and gives the same
//! collection as loading everything again; a steady writer cannot hold a reload off;
//! a replaced folder is watched again, and the status bar says when it cannot be.

mod common;
use common::copy_dir;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use casebook::collection::Reloader;
use casebook::config::ThemeName;
use casebook::index::Index;
use casebook::load::{is_collection_file, load_collection, reload_collection};
use casebook::model::{Item, Lang};
use casebook::tui::action::{Action, PauseReason, Reloaded, WatchState};
use casebook::tui::app::{App, Pane};
use casebook::tui::events::Input;
use casebook::tui::theme::Theme;
use casebook::tui::ui;
use casebook::tui::watch::{self, classify, Burst, Relevance, MAX_WAIT, QUIET};
use notify::event::{
    AccessKind, CreateKind, DataChange, EventKind, Flag, ModifyKind, RemoveKind, RenameMode,
};
use proptest::prelude::*;

fn shipped_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("cases"),
        dir.path(),
    );
    let path = dir.path().to_path_buf();
    (dir, path)
}

#[test]
fn a_broken_write_keeps_the_last_good_version_and_reports_the_error() {
    let (_guard, dir) = shipped_copy();
    let first = Index::build(load_collection(&dir).expect("loads"));
    assert!(first.diagnostics.is_empty());
    let factors = dir.join("catalog/factors.yaml");
    let good = std::fs::read_to_string(&factors).expect("read");
    // An editor caught half-way through saving: the file ends mid-entry, inside a flow
    // mapping (a cut at a line end could leave valid YAML with fewer entries).
    let half = good.len() / 2;
    let cut = half
        + good[half..]
            .find("name: {ko: ")
            .expect("an entry after half")
        + 9;
    std::fs::write(&factors, &good[..cut]).expect("write");
    let second = Index::build(reload_collection(&dir, first.items()).expect("reloads"));
    assert_eq!(second.len(), first.len(), "no item disappears");
    assert!(
        second.get("craft-tradition").is_some(),
        "factors from the broken file are kept"
    );
    let brenta = second.get("brenta").and_then(|i| i.case()).expect("brenta");
    assert!(
        brenta.factors.iter().any(|f| f == "craft-tradition"),
        "links to kept items survive"
    );
    assert!(
        second
            .diagnostics
            .iter()
            .any(|d| d.file.ends_with("factors.yaml") && d.line.is_some()),
        "the error is reported with its position: {:?}",
        second.diagnostics
    );

    // Fixed, with an edit: the edit shows and the error is gone.
    std::fs::write(&factors, good.replacen("장인", "장인(수정)", 1)).expect("write");
    let third = Index::build(reload_collection(&dir, second.items()).expect("reloads"));
    assert!(third.diagnostics.is_empty(), "{:?}", third.diagnostics);
    assert!(third
        .items()
        .iter()
        .any(|i| i.name.ko.contains("장인(수정)")
            || i.summary.ko.contains("장인(수정)")
            || i.points.iter().any(|p| p.ko.contains("장인(수정)"))));
}

#[test]
fn a_deleted_file_disappears_on_reload() {
    let (_guard, dir) = shipped_copy();
    let first = Index::build(load_collection(&dir).expect("loads"));
    std::fs::remove_file(dir.join("cases/kumamoto.yaml")).expect("rm");
    let second = Index::build(reload_collection(&dir, first.items()).expect("reloads"));
    assert!(
        second.get("kumamoto").is_none(),
        "a deleted case is not resurrected"
    );
}

#[test]
fn the_explorer_keeps_its_place_across_a_reload() {
    let (_guard, dir) = shipped_copy();
    let first = Arc::new(Index::build(load_collection(&dir).expect("loads")));
    let mut app = App::new(Arc::clone(&first), Lang::Ko, (120, 35));
    let ulsan = first.position("ulsan").expect("ulsan");
    app.update(Action::OpenItem(ulsan));
    app.update(Action::ToggleMark);
    let path = dir.join("cases/ulsan.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replacen("울산 자동차클러스터", "울산 자동차클러스터(개정)", 1),
    )
    .expect("write");
    let second = Arc::new(Index::build(
        reload_collection(&dir, first.items()).expect("reloads"),
    ));
    app.update(Action::Reloaded(Reloaded(Arc::clone(&second))));
    let current = app.current_item().map(|i| app.index().item(i));
    assert_eq!(current.map(|i| i.id.as_str()), Some("ulsan"));
    assert!(
        current.is_some_and(|i| i.name.ko.contains("(개정)")),
        "the edit shows"
    );
    assert_eq!(app.pane(), Pane::Cases);
    assert_eq!(app.marked(), [second.position("ulsan").expect("ulsan")]);
}

// ---------------------------------------------------------------------------------------
// What counts as a change

fn event(kind: EventKind, path: &Path) -> notify::Event {
    notify::Event::new(kind).add_path(path.to_path_buf())
}

const WRITE: EventKind = EventKind::Modify(ModifyKind::Data(DataChange::Content));

#[test]
fn only_case_and_catalog_files_count_as_changes() {
    let root = Path::new("/data/cases");
    let changed = |rel: &str, kind: EventKind| classify(root, &event(kind, &root.join(rel)));
    for counted in [
        "cases/ulsan.yaml",
        "catalog/factors.yml",
        "cases/UPPER.YAML",
        "more/deep/er/x.yaml",
    ] {
        assert_eq!(
            changed(counted, WRITE),
            Relevance::Changed(vec![root.join(counted)]),
            "{counted}"
        );
    }
    for ignored in [
        ".git/index.lock",
        ".git/objects/ab/cdef.yaml",
        "cases/.ulsan.yaml.swp",
        "cases/.#ulsan.yaml",
        ".sync/cases/ulsan.yaml",
        "cases/ulsan.yaml~",
        "cases/4913",
        "notes.txt",
        "cases/ulsan.yaml.tmp",
    ] {
        assert_eq!(changed(ignored, WRITE), Relevance::Ignored, "{ignored}");
        assert_eq!(
            changed(ignored, EventKind::Create(CreateKind::File)),
            Relevance::Ignored,
            "{ignored}"
        );
    }
    // Reading a case file changes nothing.
    assert_eq!(
        changed("cases/ulsan.yaml", EventKind::Access(AccessKind::Any)),
        Relevance::Ignored
    );
    // A folder that may hold case files counts; a hidden one does not.
    assert!(matches!(
        changed("new-folder", EventKind::Create(CreateKind::Folder)),
        Relevance::Changed(_)
    ));
    assert!(matches!(
        changed("old-folder", EventKind::Remove(RemoveKind::Folder)),
        Relevance::Changed(_)
    ));
    assert!(matches!(
        changed(
            "moved",
            EventKind::Modify(ModifyKind::Name(RenameMode::From))
        ),
        Relevance::Changed(_)
    ));
    assert_eq!(
        changed(".cache", EventKind::Create(CreateKind::Folder)),
        Relevance::Ignored
    );
    // The folder itself going away, and a watcher that lost track.
    assert_eq!(
        classify(root, &event(EventKind::Remove(RemoveKind::Folder), root)),
        Relevance::FolderGone
    );
    assert_eq!(
        classify(
            root,
            &event(WRITE, &root.join("x.txt")).set_flag(Flag::Rescan)
        ),
        Relevance::Rescan
    );
    // Outside the collection: not ours.
    assert_eq!(
        classify(root, &event(WRITE, Path::new("/elsewhere/x.yaml"))),
        Relevance::Ignored
    );
}

#[test]
fn the_event_filter_uses_the_loaders_rule() {
    // Every file the loader reads counts as a change, and nothing else in the folder.
    let (_guard, dir) = shipped_copy();
    std::fs::create_dir_all(dir.join(".git")).expect("mkdir");
    std::fs::write(dir.join(".git/HEAD.yaml"), "x").expect("write");
    std::fs::write(dir.join("cases/.draft.yaml"), "x").expect("write");
    std::fs::write(dir.join("cases/README.md"), "x").expect("write");
    let loaded: HashSet<String> = load_collection(&dir)
        .expect("loads")
        .items
        .iter()
        .map(|i| i.file.clone())
        .collect();
    let mut counted = HashSet::new();
    for entry in walkdir::WalkDir::new(&dir) {
        let path = entry.expect("entry").into_path();
        if path.is_file() && is_collection_file(&dir, &path) == Some(true) {
            counted.insert(path.display().to_string());
        }
    }
    assert_eq!(counted, loaded);
}

// ---------------------------------------------------------------------------------------
// When a burst is over

#[test]
fn a_burst_is_over_after_a_quiet_moment() {
    let start = Instant::now();
    let mut burst = Burst::default();
    assert_eq!(burst.deadline(), None);
    burst.note(start);
    burst.note(start + Duration::from_millis(100));
    assert!(!burst.is_due(start + Duration::from_millis(300)));
    assert!(burst.is_due(start + Duration::from_millis(100) + QUIET));
    burst.clear();
    assert!(!burst.is_due(start + Duration::from_secs(10)));
}

#[test]
fn a_steady_writer_cannot_hold_a_reload_off() {
    // A write every 100 ms, forever: each is within the quiet period of the last.
    let start = Instant::now();
    let mut burst = Burst::default();
    let mut now = start;
    while !burst.is_due(now) {
        burst.note(now);
        now += Duration::from_millis(100);
        assert!(now - start <= MAX_WAIT + Duration::from_millis(100));
    }
    assert!(now - start >= MAX_WAIT);
}

// ---------------------------------------------------------------------------------------
// Reloading only what changed

/// Items as the panes show them: everything but the file they came from.
fn shown(items: &[Item]) -> Vec<Item> {
    items
        .iter()
        .map(|i| Item {
            file: String::new(),
            ..i.clone()
        })
        .collect()
}

#[test]
fn a_reload_parses_only_the_files_that_changed_and_matches_a_full_load() {
    let (_guard, dir) = shipped_copy();
    let mut reloader = Reloader::new(&dir);
    let none = HashSet::new();
    let (first, report) = reloader.open_index(&none).expect("loads");
    assert_eq!(
        report.counts.parsed, report.counts.files,
        "all, the first time"
    );
    assert!(first.diagnostics.is_empty(), "{:?}", first.diagnostics);

    let (_, report) = reloader.open_index(&none).expect("reloads");
    assert_eq!(report.counts.parsed, 0, "nothing changed");

    let ulsan = dir.join("cases/ulsan.yaml");
    let text = std::fs::read_to_string(&ulsan).expect("read");
    std::fs::write(
        &ulsan,
        text.replacen("울산 자동차클러스터", "울산 자동차(수정)", 1),
    )
    .expect("write");
    let (second, report) = reloader.open_index(&none).expect("reloads");
    assert_eq!(report.counts.parsed, 1);
    let full = load_collection(&dir).expect("loads");
    assert_eq!(second.items(), &full.items[..]);
    assert!(second
        .get("ulsan")
        .is_some_and(|u| u.name.ko.contains("(수정)")));

    // Named as touched by the watcher, a file is parsed even when its stamp is the same.
    let (_, report) = reloader
        .open_index(&HashSet::from([ulsan.clone()]))
        .expect("reloads");
    assert_eq!(report.counts.parsed, 1);

    // New, deleted, and hidden or other files.
    std::fs::write(dir.join("cases/.ulsan.yaml.swp"), "junk").expect("write");
    std::fs::write(dir.join("cases/notes.txt"), "junk").expect("write");
    std::fs::remove_file(dir.join("cases/kumamoto.yaml")).expect("rm");
    std::fs::write(
        dir.join("cases/ulsan-copy.yaml"),
        text.replace("id: ulsan", "id: ulsan-copy")
            .replace("counterpart: toyota-city\n", ""),
    )
    .expect("write");
    let (third, report) = reloader.open_index(&none).expect("reloads");
    assert_eq!((report.counts.parsed, report.counts.removed), (1, 1));
    let full = load_collection(&dir).expect("loads");
    assert_eq!(third.items(), &full.items[..]);
    assert_eq!(third.diagnostics, full.diagnostics);
    assert!(third.get("kumamoto").is_none());
}

#[test]
fn a_link_dropped_for_a_missing_target_comes_back_with_the_target() {
    // The case file is not parsed again, yet its link to the factor returns: what is
    // kept of unchanged files is what they say, before linking.
    let (_guard, dir) = shipped_copy();
    let mut reloader = Reloader::new(&dir);
    let none = HashSet::new();
    let (first, _) = reloader.open_index(&none).expect("loads");
    let links_craft = |index: &Index| {
        index
            .get("brenta")
            .and_then(|i| i.case())
            .is_some_and(|c| c.factors.iter().any(|f| f == "craft-tradition"))
    };
    assert!(links_craft(&first));
    let factors = dir.join("catalog/factors.yaml");
    let good = std::fs::read_to_string(&factors).expect("read");
    std::fs::remove_file(&factors).expect("rm");
    let (without, _) = reloader.open_index(&none).expect("reloads");
    assert!(
        !links_craft(&without),
        "the factor is gone, and so is the link"
    );
    std::fs::write(&factors, &good).expect("write");
    let (back, report) = reloader.open_index(&none).expect("reloads");
    assert_eq!(report.counts.parsed, 1, "only the factors file");
    assert!(links_craft(&back), "the link is back");
    assert_eq!(back.items(), first.items());
}

#[test]
fn a_broken_file_keeps_its_last_good_version_in_an_incremental_reload() {
    let (_guard, dir) = shipped_copy();
    let mut reloader = Reloader::new(&dir);
    let none = HashSet::new();
    let (first, _) = reloader.open_index(&none).expect("loads");
    let icheon = dir.join("cases/icheon.yaml");
    let good = std::fs::read_to_string(&icheon).expect("read");
    std::fs::write(&icheon, "id: icheon\nname: {ko: 이천\n").expect("write");
    let (broken, _) = reloader.open_index(&none).expect("reloads");
    assert_eq!(shown(broken.items()), shown(first.items()));
    assert_eq!(broken.skipped_files.len(), 1);
    assert!(broken
        .diagnostics
        .iter()
        .any(|d| d.file.ends_with("icheon.yaml")));
    std::fs::write(&icheon, &good).expect("write");
    let (fixed, _) = reloader.open_index(&none).expect("reloads");
    assert!(fixed.diagnostics.is_empty(), "{:?}", fixed.diagnostics);
}

// ---------------------------------------------------------------------------------------
// Property: the explorer shows the collection as it is on disk

/// The case files the properties change (deleting one with a counterpart breaks that
/// link, which both loads must treat alike).
const CASES: [&str; 4] = ["icheon", "ulsan", "kumamoto", "daedeok"];

#[derive(Debug, Clone)]
enum Change {
    /// Rename the case in its file (a good edit).
    Edit(usize, u8),
    /// Write half a file, as an editor caught mid-save.
    Break(usize),
    Delete(usize),
    /// Put the shipped version back.
    Restore(usize),
    /// Files the loader does not read: hidden, other kinds, `.git`.
    Junk(u8),
    /// Delete the whole folder and make it again (watcher test only).
    ReplaceFolder,
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => (0..CASES.len(), any::<u8>()).prop_map(|(c, n)| Change::Edit(c, n)),
        2 => (0..CASES.len()).prop_map(Change::Break),
        1 => (0..CASES.len()).prop_map(Change::Delete),
        2 => (0..CASES.len()).prop_map(Change::Restore),
        2 => any::<u8>().prop_map(Change::Junk),
    ]
}

/// A collection on disk and what the explorer must show for it: every file's last good
/// text (a broken file shows its last good version; a deleted one nothing).
struct Disk {
    _guard: tempfile::TempDir,
    dir: PathBuf,
    shipped: HashMap<usize, String>,
    last_good: HashMap<usize, Option<String>>,
    /// Every good version each file has had (`None`: it was deleted), oldest first. A
    /// watcher reads a file only a quiet period after it changes, so a version broken
    /// again within that time may never have been read: a broken file may show any of
    /// these.
    ever_good: HashMap<usize, Vec<Option<String>>>,
}

impl Disk {
    fn new() -> Disk {
        let (guard, dir) = shipped_copy();
        let shipped: HashMap<usize, String> = (0..CASES.len())
            .map(|c| {
                let text = std::fs::read_to_string(Disk::path_in(&dir, c)).expect("read");
                (c, text)
            })
            .collect();
        let last_good: HashMap<usize, Option<String>> =
            shipped.iter().map(|(&c, t)| (c, Some(t.clone()))).collect();
        let ever_good = last_good
            .iter()
            .map(|(&c, t)| (c, vec![t.clone()]))
            .collect();
        Disk {
            _guard: guard,
            dir,
            shipped,
            last_good,
            ever_good,
        }
    }

    fn path_in(dir: &Path, case: usize) -> PathBuf {
        dir.join(format!("cases/{}.yaml", CASES[case]))
    }

    fn path(&self, case: usize) -> PathBuf {
        Disk::path_in(&self.dir, case)
    }

    /// Applies `change`; returns the paths written, as the watcher would name them.
    fn apply(&mut self, change: &Change) -> Vec<PathBuf> {
        let written = self.write(change);
        for (&c, good) in &self.last_good {
            let versions = self.ever_good.get_mut(&c).expect("every case");
            if versions.last() != Some(good) {
                versions.push(good.clone());
            }
        }
        written
    }

    fn write(&mut self, change: &Change) -> Vec<PathBuf> {
        let write = |path: &Path, text: &str| {
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        match *change {
            Change::Edit(c, n) => {
                let text =
                    self.shipped[&c].replacen("name: {ko: ", &format!("name: {{ko: 편집{n} "), 1);
                write(&self.path(c), &text);
                self.last_good.insert(c, Some(text));
                vec![self.path(c)]
            }
            Change::Break(c) => {
                let good = &self.shipped[&c];
                // A third of the file, cut on a char boundary (the text is Korean).
                let cut = (0..=good.len() / 3)
                    .rev()
                    .find(|&at| good.is_char_boundary(at))
                    .unwrap_or(0);
                write(&self.path(c), &format!("{}\nname: {{ko: ", &good[..cut]));
                // A file that never loaded (deleted, then broken) shows nothing.
                vec![self.path(c)]
            }
            Change::Delete(c) => {
                let _ = std::fs::remove_file(self.path(c));
                self.last_good.insert(c, None);
                vec![self.path(c)]
            }
            Change::Restore(c) => {
                write(&self.path(c), &self.shipped[&c].clone());
                self.last_good.insert(c, Some(self.shipped[&c].clone()));
                vec![self.path(c)]
            }
            Change::Junk(n) => {
                let name = [
                    ".git/index.lock",
                    ".git/objects/x.yaml",
                    "cases/.icheon.yaml.swp",
                    "cases/icheon.yaml~",
                    "cases/4913",
                    "notes.txt",
                ][n as usize % 6];
                write(&self.dir.join(name), &format!("junk {n}"));
                Vec::new()
            }
            Change::ReplaceFolder => {
                let texts: Vec<(usize, Option<String>)> = (0..CASES.len())
                    .map(|c| (c, std::fs::read_to_string(self.path(c)).ok()))
                    .collect();
                std::fs::remove_dir_all(&self.dir).expect("rm -r");
                // Gone for a moment, as a sync tool or `git clone` over it leaves it.
                std::thread::sleep(Duration::from_millis(50));
                std::fs::create_dir_all(&self.dir).expect("mkdir");
                copy_dir(
                    &Path::new(env!("CARGO_MANIFEST_DIR")).join("cases"),
                    &self.dir,
                );
                for (c, text) in texts {
                    match text {
                        Some(text) => write(&self.path(c), &text),
                        None => {
                            let _ = std::fs::remove_file(self.path(c));
                        }
                    }
                }
                Vec::new()
            }
        }
    }

    /// What the explorer must show: the collection with every broken file's last good
    /// text in its place.
    fn expected(&self) -> Vec<Item> {
        self.expected_with(&self.last_good)
    }

    /// What a watched explorer may show: the collection with each broken file's text
    /// replaced by any of its good versions (see [`Disk::ever_good`]); the files that
    /// are not broken as they are.
    fn expected_any(&self) -> Vec<Vec<Item>> {
        let mut choices: Vec<HashMap<usize, Option<String>>> = vec![self.last_good.clone()];
        for c in 0..CASES.len() {
            if !self.is_broken(c) {
                continue;
            }
            choices = choices
                .into_iter()
                .flat_map(|choice| {
                    self.ever_good[&c].iter().map(move |version| {
                        let mut choice = choice.clone();
                        choice.insert(c, version.clone());
                        choice
                    })
                })
                .collect();
        }
        let mut out: Vec<Vec<Item>> = Vec::new();
        for choice in &choices {
            let items = self.expected_with(choice);
            if !out.contains(&items) {
                out.push(items);
            }
        }
        out
    }

    /// The collection with each file's text in `good` in its place (`None`: removed).
    fn expected_with(&self, good: &HashMap<usize, Option<String>>) -> Vec<Item> {
        let shadow = tempfile::tempdir().expect("tempdir");
        copy_dir(&self.dir, shadow.path());
        for (&c, good) in good {
            let path = Disk::path_in(shadow.path(), c);
            match good {
                Some(text) => std::fs::write(&path, text).expect("write"),
                None => {
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
        shown(&load_collection(shadow.path()).expect("loads").items)
    }

    /// The files on disk that fail now.
    fn broken(&self) -> usize {
        (0..CASES.len()).filter(|&c| self.is_broken(c)).count()
    }

    fn is_broken(&self, c: usize) -> bool {
        std::fs::read_to_string(self.path(c)).is_ok_and(|t| Some(&t) != self.last_good[&c].as_ref())
    }
}

fn assert_shows(app: &App, expected: &[Item]) -> Result<(), TestCaseError> {
    prop_assert_eq!(&shown(app.index().items()), expected);
    if let Some(current) = app.current_item() {
        prop_assert!(current < app.index().len());
    }
    for pane in Pane::ALL {
        let rows = app.list_items(pane);
        prop_assert!(rows.iter().all(|&i| i < app.index().len()));
    }
    Ok(())
}

fn draw(app: &App) {
    let theme = Theme::new(ThemeName::Dark, false);
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| ui::render(f, app, &theme)).expect("draw");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    /// Without a watcher: after every change the reload gives what a full load of the
    /// disk (with last good versions in place of broken files) gives, and the explorer
    /// shows it.
    #[test]
    fn the_explorer_shows_the_disk_after_every_reload(
        changes in proptest::collection::vec(change(), 1..6)
    ) {
        let mut disk = Disk::new();
        let mut reloader = Reloader::new(&disk.dir);
        let (first, _) = reloader.open_index(&HashSet::new()).expect("loads");
        let mut app = App::new(Arc::new(first), Lang::Ko, (100, 30));
        app.update(Action::OpenItem(0));
        for change in &changes {
            let touched: HashSet<PathBuf> = disk.apply(change).into_iter().collect();
            let (fresh, _) = reloader.open_index(&touched).expect("reloads");
            prop_assert_eq!(fresh.skipped_files.len(), disk.broken());
            app.update(Action::Reloaded(Reloaded(Arc::new(fresh))));
            assert_shows(&app, &disk.expected())?;
            draw(&app);
        }
    }
}

/// Waits for the watcher's inputs, feeding them to `app` as the event loop does, until
/// the app shows one of `expected`; fails after a few seconds.
fn settle(
    app: &mut App,
    inputs: &mpsc::Receiver<Input>,
    expected: &[Vec<Item>],
) -> Result<(), TestCaseError> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let now = shown(app.index().items());
        if expected.contains(&now) && app.watch_paused().is_none() {
            return Ok(());
        }
        let left = deadline.saturating_duration_since(Instant::now());
        match inputs.recv_timeout(left) {
            Ok(Input::Reloaded(index)) => {
                app.update(Action::Reloaded(Reloaded(index)));
            }
            Ok(Input::Watch(state)) => {
                app.update(Action::Watch(state));
            }
            Ok(_) => {}
            Err(_) => return assert_shows(app, &expected[0]),
        }
        draw(app);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    /// With the real watcher: changes made in bursts (some between the watcher's
    /// looks, some replacing the whole folder) under an open explorer; once the quiet
    /// period is over, the explorer shows the disk, never having panicked. A broken
    /// file shows one of its good versions: which one depends on what the watcher had
    /// read before it broke (see
    /// `a_good_version_broken_within_the_quiet_period_is_never_read`).
    #[test]
    fn the_watched_explorer_shows_the_disk_after_the_quiet_period(
        steps in proptest::collection::vec(
            (prop_oneof![6 => change(), 1 => Just(Change::ReplaceFolder)], 0u64..120),
            1..6,
        )
    ) {
        let mut disk = Disk::new();
        let mut reloader = Reloader::new(&disk.dir);
        let (first, _) = reloader.open_index(&HashSet::new()).expect("loads");
        let mut app = App::new(Arc::new(first), Lang::En, (100, 30));
        let (tx, inputs) = mpsc::channel();
        watch::watch_collection(reloader, tx);
        // The watch is in place within a moment of starting.
        std::thread::sleep(Duration::from_millis(100));
        for (change, pause) in &steps {
            disk.apply(change);
            std::thread::sleep(Duration::from_millis(*pause));
        }
        settle(&mut app, &inputs, &disk.expected_any())?;
    }
}

/// Why a watched explorer may show an older version of a broken file than the last
/// good one written: a file is read a quiet period after it changes, so a good version
/// broken again within that time is never read, and the file keeps the version read
/// before (with its error reported).
#[test]
fn a_good_version_broken_within_the_quiet_period_is_never_read() {
    let mut disk = Disk::new();
    let mut reloader = Reloader::new(&disk.dir);
    let (first, _) = reloader.open_index(&HashSet::new()).expect("loads");
    let mut app = App::new(Arc::new(first), Lang::En, (100, 30));
    let (tx, inputs) = mpsc::channel();
    watch::watch_collection(reloader, tx);
    std::thread::sleep(Duration::from_millis(100));
    disk.apply(&Change::Edit(0, 0));
    disk.apply(&Change::Break(0));
    let mut before = disk.last_good.clone();
    before.insert(0, Some(disk.shipped[&0].clone()));
    let shipped = disk.expected_with(&before);
    // The first reload after the burst: the broken file is reported.
    let fresh = loop {
        match inputs
            .recv_timeout(Duration::from_secs(60))
            .expect("a reload")
        {
            Input::Reloaded(index) => break index,
            _ => continue,
        }
    };
    app.update(Action::Reloaded(Reloaded(fresh)));
    assert_eq!(
        app.index().skipped_files.len(),
        1,
        "{:?}",
        app.index().skipped_files
    );
    assert!(app.index().skipped_files[0].ends_with("icheon.yaml"));
    assert_shows(&app, &shipped).expect("the version read before the edit");
    assert_ne!(
        disk.expected(),
        shipped,
        "the edit was good and is not shown"
    );
}

#[test]
fn a_replaced_folder_is_watched_again_and_the_status_bar_says_so_meanwhile() {
    let disk = Disk::new();
    let mut reloader = Reloader::new(&disk.dir);
    let (first, _) = reloader.open_index(&HashSet::new()).expect("loads");
    let mut app = App::new(Arc::new(first), Lang::En, (120, 30));
    let (tx, inputs) = mpsc::channel();
    watch::watch_collection(reloader, tx);
    std::thread::sleep(Duration::from_millis(100));
    let aside = disk.dir.with_extension("aside");
    std::fs::rename(&disk.dir, &aside).expect("mv");
    let paused = inputs
        .recv_timeout(Duration::from_secs(60))
        .expect("a word about watching");
    let Input::Watch(state) = paused else {
        panic!("expected a watch state first");
    };
    assert_eq!(state, WatchState::Paused(PauseReason::FolderMissing));
    app.update(Action::Watch(state));
    let status = status_line(&app);
    assert!(status.contains("live reload paused"), "{status}");
    // A key press does not hide it: it stays until watching resumes.
    app.update(Action::SelectNext);
    assert!(status_line(&app).contains("live reload paused"));

    // The folder comes back, with an edit made while nobody watched.
    let ulsan = aside.join("cases/ulsan.yaml");
    let text = std::fs::read_to_string(&ulsan).expect("read");
    std::fs::write(
        &ulsan,
        text.replacen("울산 자동차클러스터", "울산 자동차(돌아옴)", 1),
    )
    .expect("write");
    std::fs::rename(&aside, &disk.dir).expect("mv back");
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut resumed = false;
    let mut reloaded = false;
    while !(resumed && reloaded) {
        let left = deadline.saturating_duration_since(Instant::now());
        match inputs
            .recv_timeout(left)
            .expect("watching resumes and reloads")
        {
            Input::Watch(state) => {
                resumed |= state == WatchState::Watching;
                app.update(Action::Watch(state));
                if resumed {
                    let status = status_line(&app);
                    assert!(status.contains("live reload resumed"), "{status}");
                }
            }
            Input::Reloaded(index) => {
                reloaded = index
                    .get("ulsan")
                    .is_some_and(|u| u.name.ko.contains("(돌아옴)"));
                app.update(Action::Reloaded(Reloaded(index)));
            }
            _ => {}
        }
    }
    assert!(app.watch_paused().is_none());
    // And edits are seen again.
    let icheon = disk.dir.join("cases/icheon.yaml");
    let text = std::fs::read_to_string(&icheon).expect("read");
    std::fs::write(
        &icheon,
        text.replacen("이천 도자기클러스터", "이천(다시)", 1),
    )
    .expect("write");
    let index = loop {
        match inputs
            .recv_timeout(Duration::from_secs(60))
            .expect("a reload")
        {
            Input::Reloaded(index) => break index,
            _ => continue,
        }
    };
    assert!(index
        .get("icheon")
        .is_some_and(|i| i.name.ko.contains("이천(다시)")));
}

fn status_line(app: &App) -> String {
    let theme = Theme::new(ThemeName::Dark, false);
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).expect("terminal");
    terminal.draw(|f| ui::render(f, app, &theme)).expect("draw");
    let buffer = terminal.backend().buffer();
    (0..120)
        .map(|x| buffer[(x, 29)].symbol().to_string())
        .collect()
}
