//! The explorer's Sources pane (key `6`): documents and their sections as a tree with a
//! count column, a section's detail listing every item and fact citing it, and
//! following such a backlink to the fact and back. Screens are `TestBackend` buffers
//! compared with insta snapshots at 120×35 and 80×24, in Korean and English, with the
//! styles that carry meaning (the selected row, the selected link).

mod common;
use common::explorer::app;

use std::sync::Arc;

use casebook::collection::{self};
use casebook::config::ThemeName;
use casebook::model::{Kind, Lang};
use casebook::tui::action::{Action, Reloaded};
use casebook::tui::app::{App, Focus, Pane, Subject};
use casebook::tui::theme::Theme;
use casebook::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

fn theme() -> Theme {
    Theme::new(ThemeName::Dark, false)
}

fn draw(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    let frame = terminal
        .draw(|f| ui::render(f, app, &theme()))
        .expect("draw");
    frame.buffer.clone()
}

/// The screen as text; a run of cells in the list's selection colours is bracketed
/// `⟦ ⟧`, a run in the selected link's colours `⟪ ⟫` (the brackets take no column of the
/// screen, so rows with them are wider than the terminal).
fn screen(buffer: &Buffer) -> String {
    let theme = theme();
    let style_of = |cell: &ratatui::buffer::Cell| {
        if Some(cell.bg) == theme.selected.bg {
            1
        } else if Some(cell.bg) == theme.link_selected.bg {
            2
        } else {
            0
        }
    };
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        let mut open = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buffer[(x, y)];
            let now = style_of(cell);
            if now != open {
                line.push_str(match open {
                    1 => "⟧",
                    2 => "⟫",
                    _ => "",
                });
                line.push_str(match now {
                    1 => "⟦",
                    2 => "⟪",
                    _ => "",
                });
                open = now;
            }
            skip = cell.symbol().width().saturating_sub(1);
            line.push_str(cell.symbol());
        }
        line.push_str(match open {
            1 => "⟧",
            2 => "⟫",
            _ => "",
        });
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn assert_rows_fit(buffer: &Buffer) {
    let area = buffer.area;
    for y in 0..area.height {
        let mut columns = 0;
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let w = buffer[(x, y)].symbol().width().max(1);
            skip = w - 1;
            columns += w;
        }
        assert!(columns <= area.width as usize, "row {y} is {columns} wide");
    }
}

/// The Sources pane with the row of `doc`'s section `section` selected.
fn at_section(app: &mut App, doc: &str, section: &str) {
    app.update(Action::ShowPane(5));
    assert_eq!(app.pane(), Pane::Sources);
    let index = Arc::clone(app.index());
    let position = index.position(doc).expect("document");
    let at = index
        .item(position)
        .source_document()
        .and_then(|d| d.sections.iter().position(|s| s.id == section))
        .expect("section");
    let wanted = Subject::Section {
        doc: position,
        section: at,
    };
    let row = app
        .list_rows(Pane::Sources)
        .iter()
        .position(|&r| r == wanted)
        .expect("row");
    app.update(Action::SelectFirst);
    for _ in 0..row {
        app.update(Action::SelectNext);
    }
    assert_eq!(app.current_subject(), Some(wanted));
}

fn detail_text(app: &App) -> Vec<String> {
    app.detail_lines()
        .iter()
        .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
        .collect()
}

#[test]
fn key_6_shows_documents_with_their_sections_beneath_them() {
    let mut app = app(120, 35, Lang::Ko);
    app.update(Action::ShowPane(5));
    assert_eq!(app.pane(), Pane::Sources);
    let rows = app.list_rows(Pane::Sources);
    let index = app.index();
    let documents = index.of_kind(Kind::Source);
    let sections: usize = documents
        .iter()
        .map(|&d| index.item(d).source_document().expect("doc").sections.len())
        .sum();
    assert_eq!(rows.len(), documents.len() + sections);
    assert_eq!(rows[0], Subject::Item(documents[0]));
    assert_eq!(
        rows[1],
        Subject::Section {
            doc: documents[0],
            section: 0
        }
    );
    // The documents left the reference pane.
    assert!(app
        .list_items(Pane::Reference)
        .iter()
        .all(|&i| index.item(i).kind != Kind::Source));
}

#[test]
fn sources_pane_snapshots() {
    for (w, h, lang, name) in [
        (120, 35, Lang::Ko, "ko_120x35"),
        (80, 24, Lang::Ko, "ko_80x24"),
        (120, 35, Lang::En, "en_120x35"),
        (80, 24, Lang::En, "en_80x24"),
    ] {
        let mut app = app(w, h, lang);
        at_section(&mut app, "seri-2002", "i-spread");
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        insta::assert_snapshot!(format!("sources_pane_{name}"), screen(&buffer));
    }
}

#[test]
fn section_detail_snapshots() {
    for (w, h, lang, name) in [
        (120, 35, Lang::Ko, "ko_120x35"),
        (80, 24, Lang::Ko, "ko_80x24"),
        (120, 35, Lang::En, "en_120x35"),
        (80, 24, Lang::En, "en_80x24"),
    ] {
        let mut app = app(w, h, lang);
        at_section(&mut app, "seri-2002", "ii-2-1-daedeok");
        app.update(Action::Open);
        assert_eq!(app.focus(), Focus::Detail);
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        insta::assert_snapshot!(format!("sources_section_{name}"), screen(&buffer));
    }
}

#[test]
fn a_section_detail_lists_every_citing_item_cases_first_with_its_facts() {
    let mut app = app(120, 35, Lang::En);
    at_section(&mut app, "seri-2002", "ii-2-1-daedeok");
    let text = detail_text(&app);
    assert!(
        text[0].contains("Daedeok Valley IT and biotech cluster"),
        "{text:?}"
    );
    let case = text
        .iter()
        .position(|l| l.starts_with("→ [case] Daedeok"))
        .expect("case");
    let factor = text
        .iter()
        .position(|l| l.starts_with("→ [factor]"))
        .expect("factor");
    assert!(case < factor, "cases come first");
    assert!(
        text.iter()
            .any(|l| l.contains("figure: 116 institutes — Research institutes")),
        "{text:?}"
    );
    // Every fact line links to its item.
    let daedeok = app.index().position("daedeok").expect("case");
    let lines = app.detail_lines();
    let facts: Vec<_> = (case + 1..factor)
        .filter(|&i| text[i].starts_with("    •"))
        .collect();
    assert!(facts.len() > 10, "{text:?}");
    assert!(facts.iter().all(|&i| lines[i].link == Some(daedeok)));
    // Each fact is a link of its own: different landings.
    assert_ne!(lines[facts[1]].land, lines[facts[2]].land);
    assert_eq!(lines[case].link, Some(daedeok));
}

#[test]
fn following_a_fact_lands_on_it_in_the_item_and_back_returns_to_the_section() {
    let mut app = app(120, 35, Lang::En);
    at_section(&mut app, "seri-2002", "ii-2-1-daedeok");
    let section = app.current_subject();
    app.update(Action::Open);
    // Walk the links to the fact line of the PhD-level researchers figure.
    let target = "over 4,000 people (4천여 명)";
    for _ in 0..200 {
        let on = app
            .detail()
            .link_line
            .map(|l| detail_text(&app)[l].clone())
            .unwrap_or_default();
        if on.contains(target) {
            break;
        }
        app.update(Action::SelectNext);
    }
    let on = app.detail().link_line.expect("a link selected");
    assert!(detail_text(&app)[on].contains(target));
    app.update(Action::Open);
    assert_eq!(app.current_item(), app.index().position("daedeok"));
    assert_eq!(app.pane(), Pane::Cases);
    let found = app.detail().found.expect("landed on the fact");
    assert!(
        detail_text(&app)[found].contains("over 4,000 people"),
        "{:?}",
        detail_text(&app)[found]
    );
    assert!(app.detail().scroll.shows(found));
    app.update(Action::Back);
    assert_eq!(app.pane(), Pane::Sources);
    assert_eq!(app.current_subject(), section);
    assert_eq!(app.focus(), Focus::Detail);
    assert_eq!(app.history_len(), 0);
}

#[test]
fn following_the_item_line_opens_the_item_at_its_top() {
    let mut app = app(120, 35, Lang::Ko);
    at_section(&mut app, "seri-2002", "ii-2-1-daedeok");
    app.update(Action::Open);
    let first = app.detail().link_line.expect("first link");
    assert_eq!(app.detail_lines()[first].land, None);
    app.update(Action::Open);
    assert_eq!(app.current_item(), app.index().position("daedeok"));
    assert_eq!(app.detail().scroll.top(), 0);
    assert_eq!(app.detail().found, None);
}

#[test]
fn a_document_detail_gives_its_record_and_sections_with_counts() {
    let mut app = app(120, 35, Lang::En);
    app.update(Action::OpenItem(
        app.index().position("seri-2002").expect("doc"),
    ));
    assert_eq!(app.pane(), Pane::Sources);
    assert_eq!(app.cursor().selected, 0);
    let text = detail_text(&app)
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "Title: untitled in the text",
        "Bok Deuk-gyu",
        "early November 2002",
        "000_20dacdbc4cd72bd5.txt",
        "[34] II-2 ① Korea: the Daedeok Valley IT and biotech cluster — p. 8",
    ] {
        assert!(text.contains(expected), "{expected} missing from\n{text}");
    }
}

#[test]
fn presenter_mode_shows_a_section_row_too() {
    let mut app = app(120, 35, Lang::Ko);
    at_section(&mut app, "seri-2002", "ii-2-1-daedeok");
    app.update(Action::TogglePresenter);
    assert!(!app.in_main_view());
    app.update(Action::SelectNext);
    assert!(matches!(
        app.current_subject(),
        Some(Subject::Section { .. })
    ));
    draw(&app);
}

#[test]
fn copying_a_section_gives_markdown_of_what_cites_it() {
    let mut app = app(120, 35, Lang::En);
    at_section(&mut app, "seri-2002", "ii-2-1-daedeok");
    app.update(Action::Copy);
    let markdown = app.take_copy().expect("copied");
    assert!(markdown.starts_with("## II-2 ① Korea: the Daedeok Valley IT and biotech cluster"));
    assert!(markdown.contains("- Cited as: Bok et al. (2002), SERI, §II-2 ①, p. 8"));
    assert!(markdown.contains("- **Daedeok Valley IT and biotech cluster** (`daedeok`)"));
    assert!(markdown.contains("  - figure: 116 institutes — Research institutes"));
}

#[test]
fn a_reload_rebuilds_the_counts_and_keeps_the_section_selected() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("cases"),
        dir.path(),
    );
    let first = Arc::new(collection::open_index(Some(dir.path())).expect("copy loads"));
    let mut app = App::new(Arc::clone(&first), Lang::En, (120, 35));
    at_section(&mut app, "seri-2002", "ii-2-1-daedeok");
    let count = |app: &App| match app.current_subject() {
        Some(Subject::Section { doc, section }) => app
            .index()
            .source_citations()
            .section(doc, section)
            .map(|s| s.count()),
        _ => None,
    };
    let before = count(&app).expect("a section");
    assert!(detail_text(&app)
        .iter()
        .any(|l| l.starts_with("→ [case] Daedeok")));
    std::fs::remove_file(dir.path().join("cases/daedeok.yaml")).expect("remove");
    let second = Arc::new(collection::open_index(Some(dir.path())).expect("still loads"));
    app.update(Action::Reloaded(Reloaded(second)));
    let after = count(&app).expect("the same section still selected");
    assert!(
        after < before,
        "{after} citations after removing Daedeok, {before} before"
    );
    assert!(detail_text(&app)[0].contains("Korea: the Daedeok Valley"));
    assert!(!detail_text(&app)
        .iter()
        .any(|l| l.starts_with("→ [case] Daedeok")));
}

#[test]
fn the_presentations_sections_show_their_slides_and_fit_at_every_width() {
    for (w, h) in [(120, 35), (80, 24), (60, 15)] {
        let mut app = app(w, h, Lang::Ko);
        at_section(&mut app, "yeongwol-solar-plan", "v-1-system");
        let buffer = draw(&app);
        assert_rows_fit(&buffer);
        let text = screen(&buffer);
        let row = text
            .lines()
            .find(|l| l.contains("⟦▶"))
            .expect("selected row");
        assert!(row.contains("Ⅴ-1 클러스터 형성"), "{row}");
        if w == 120 {
            // Counted slides are marked as our reading; the column cuts the longest.
            assert!(row.contains("슬라이드 19"), "{row}");
        }
    }
}
