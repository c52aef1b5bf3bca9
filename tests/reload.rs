//! Live reload: an edit shows up; a half-written or broken file never replaces the good
//! data already loaded, and its error is reported until it is fixed.

mod common;
use common::copy_dir;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use casebook::index::Index;
use casebook::load::{load_collection, reload_collection};
use casebook::model::Lang;
use casebook::tui::action::{Action, Reloaded};
use casebook::tui::app::{App, Pane};

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
