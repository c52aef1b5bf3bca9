//! Pictures of the numbers: which figures are charts (the shipped data), the chart of a
//! comparison, the text bars of copies and `show`, and the explorer's chart view — whole
//! screens in ratatui's `TestBackend` with insta, in colour and under NO_COLOR.

mod common;
use common::explorer::{screen, select_case, shipped};

use std::sync::Arc;

use casebook::chart::{self, Chart};
use casebook::config::ThemeName;
use casebook::index::Index;
use casebook::model::Lang;
use casebook::tui::action::Action;
use casebook::tui::app::{App, View};
use casebook::tui::theme::Theme;
use casebook::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

fn index() -> &'static Index {
    &shipped().index
}

fn charts_of(id: &str, lang: Lang) -> Vec<Chart> {
    chart::charts(index(), index().get(id).expect("case"), lang)
}

fn bars(chart: &Chart) -> Vec<(String, f64, String)> {
    chart
        .bars
        .iter()
        .map(|b| (b.label.clone(), b.value, b.value_text()))
        .collect()
}

// ---------------------------------------------------------------------------------------
// The shipped charts

#[test]
fn toyota_city_draws_the_two_dyer_series_and_not_the_defects_per_month() {
    let charts = charts_of("toyota-city", Lang::En);
    assert_eq!(charts.len(), 2, "{charts:#?}");
    assert!(charts[0].title.contains("Dyer"), "{}", charts[0].title);
    assert_eq!(
        bars(&charts[0]),
        [
            ("Toyota".into(), 80.0, "80 miles".into()),
            ("Nissan".into(), 160.0, "160 miles".into()),
            ("GM".into(), 410.0, "410 miles".into()),
        ]
    );
    assert_eq!(
        bars(&charts[1]),
        [
            ("Toyota".into(), 7500.0, "7,500 person-days".into()),
            ("Nissan".into(), 3500.0, "3,500 person-days".into()),
            ("GM".into(), 1000.0, "1,000 person-days".into()),
        ]
    );
    // The reconstruction of which value is whose is said with the chart itself.
    assert!(charts[1]
        .note
        .as_deref()
        .unwrap()
        .contains("reconstruction"));
    for chart in &charts {
        assert_eq!(chart.sources, ["Bok et al. (2002), SERI, §II-2 ②, p. 12"]);
    }
    // "80/50" is two numbers: no chart of it.
    assert!(!charts.iter().any(|c| c.title.contains("efects")));
    assert_eq!(chart::parse_number("80/50"), None);
}

#[test]
fn daedeok_sets_its_manufacturing_share_against_seouls() {
    let charts = charts_of("daedeok", Lang::Ko);
    assert_eq!(charts.len(), 1);
    assert_eq!(
        bars(&charts[0]),
        [
            ("서울".into(), 36.7, "36.7%".into()),
            ("대덕".into(), 69.3, "69.3%".into()),
        ]
    );
}

#[test]
fn ulsan_draws_its_regional_and_national_shares() {
    let charts = charts_of("ulsan", Lang::En);
    let values: Vec<Vec<f64>> = charts
        .iter()
        .map(|c| c.bars.iter().map(|b| b.value).collect())
        .collect();
    assert_eq!(values, [vec![54.8, 51.8, 34.3], vec![26.9, 17.6]]);
    assert_eq!(charts[1].bars[0].value_text(), "26.9% (2000)");
}

#[test]
fn a_comparison_charts_shared_measures_but_never_years_nor_approximations() {
    let ids = ["ulsan", "icheon", "toyota-city", "san-diego"];
    let items: Vec<_> = ids.iter().map(|id| index().get(id).unwrap()).collect();
    let charts = chart::compare_charts(index(), &items, Lang::En);
    let titles: Vec<&str> = charts.iter().map(|c| c.title.as_str()).collect();
    // Start years are never bars; firm counts mix "844" with "500 or more" (another unit).
    assert_eq!(
        titles,
        ["Share of the national industry", "Regional growth rate"]
    );
    assert_eq!(
        bars(&charts[0]),
        [
            (
                "Ulsan automotive cluster".into(),
                26.9,
                "26.9% (2000)".into()
            ),
            (charts[0].bars[1].label.clone(), 60.0, "60% (2002)".into()),
        ]
    );
    let silicon = ["silicon-valley", "icheon"].map(|id| index().get(id).unwrap());
    // "9,000여" is an approximation: the firm counts are not drawn.
    assert!(chart::compare_charts(index(), &silicon, Lang::Ko).is_empty());
}

// ---------------------------------------------------------------------------------------
// Text bars: `show`, Markdown copies

#[test]
fn show_draws_the_dyer_comparison_in_text_bars_with_its_reference() {
    let out = common::casebook_command()
        .args(["show", "toyota-city", "--lang", "en"])
        .output()
        .expect("runs");
    let out = String::from_utf8(out.stdout).unwrap();
    let at = out
        .find("How far suppliers sit")
        .expect("the chart is shown");
    let chart: Vec<&str> = out[at..].lines().take(5).collect();
    insta::assert_snapshot!("show_toyota_city_dyer_chart", chart.join("\n"));
}

#[test]
fn the_whole_item_copy_carries_the_text_bars_and_the_reference() {
    let mut app = App::new(Arc::clone(&shipped().index), Lang::Ko, (120, 35));
    select_case(&mut app, "toyota-city");
    app.update(Action::CopyAll);
    let markdown = app.take_copy().expect("copied");
    assert!(markdown.contains("```text\n  도요타  "), "{markdown}");
    let bar_line = markdown
        .lines()
        .find(|l| l.starts_with("  GM ") && l.ends_with("410 mile"))
        .unwrap_or_else(|| panic!("the GM bar is copied:\n{markdown}"));
    assert!(bar_line.contains('█'), "{bar_line}");
    assert!(markdown.contains("출처: ["), "{markdown}");
}

// ---------------------------------------------------------------------------------------
// The explorer's chart view

fn draw(app: &App, no_color: bool) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    let theme = Theme::new(ThemeName::Dark, no_color);
    let frame = terminal.draw(|f| ui::render(f, app, &theme)).expect("draw");
    frame.buffer.clone()
}

/// The foreground colour of every bar cell, row by row: the bars are drawn in the
/// heading colour, the values in the title style.
fn bar_styles(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let cells: Vec<_> = (0..buffer.area.width)
            .map(|x| &buffer[(x, y)])
            .filter(|c| c.symbol() == "█")
            .collect();
        if let Some(cell) = cells.first() {
            out.push_str(&format!(
                "row {y}: {} cells, {:?}\n",
                cells.len(),
                cell.style()
            ));
        }
    }
    out
}

fn chart_view(width: u16, height: u16, lang: Lang, id: &str) -> App {
    let mut app = App::new(Arc::clone(&shipped().index), lang, (width, height));
    select_case(&mut app, id);
    app.update(Action::ShowCharts);
    assert!(
        matches!(app.view(), View::Chart(_)),
        "v opens the chart view"
    );
    app
}

#[test]
fn chart_view_of_toyota_city_120x35_ko() {
    let app = chart_view(120, 35, Lang::Ko, "toyota-city");
    let buffer = draw(&app, false);
    insta::assert_snapshot!("chart_view_toyota_city_120x35_ko", screen(&buffer));
    insta::assert_snapshot!(
        "chart_view_toyota_city_120x35_ko_styles",
        bar_styles(&buffer)
    );
}

#[test]
fn chart_view_of_toyota_city_80x24_en() {
    let app = chart_view(80, 24, Lang::En, "toyota-city");
    insta::assert_snapshot!(
        "chart_view_toyota_city_80x24_en",
        screen(&draw(&app, false))
    );
}

#[test]
fn chart_view_of_toyota_city_120x35_en() {
    let app = chart_view(120, 35, Lang::En, "toyota-city");
    insta::assert_snapshot!(
        "chart_view_toyota_city_120x35_en",
        screen(&draw(&app, false))
    );
}

#[test]
fn chart_view_of_toyota_city_80x24_ko() {
    let app = chart_view(80, 24, Lang::Ko, "toyota-city");
    insta::assert_snapshot!(
        "chart_view_toyota_city_80x24_ko",
        screen(&draw(&app, false))
    );
}

#[test]
fn chart_view_under_no_color_draws_text_bars() {
    let app = chart_view(80, 24, Lang::Ko, "toyota-city");
    let buffer = draw(&app, true);
    let text = screen(&buffer);
    assert!(text.contains("  도요타  ███"), "{text}");
    insta::assert_snapshot!("chart_view_toyota_city_80x24_no_color", text);
}

#[test]
fn the_detail_says_a_case_has_charts_and_v_on_a_case_without_says_so() {
    let mut app = App::new(Arc::clone(&shipped().index), Lang::Ko, (120, 35));
    select_case(&mut app, "toyota-city");
    let detail: Vec<String> = app
        .detail_lines()
        .iter()
        .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
        .collect();
    assert!(detail.iter().any(|l| l == "▤ 차트 2개 — v"), "{detail:#?}");
    select_case(&mut app, "silicon-valley");
    app.update(Action::ShowCharts);
    assert!(matches!(app.view(), View::Browse));
    assert_eq!(
        app.notice(),
        Some("이 항목에는 차트로 그릴 수치가 없습니다")
    );
}

#[test]
fn the_chart_view_scrolls_closes_and_returns_to_the_comparison() {
    let mut app = chart_view(80, 12, Lang::En, "toyota-city");
    let View::Chart(view) = app.view() else {
        unreachable!()
    };
    assert!(
        view.lines().len() > view.scroll().page(),
        "taller than the window"
    );
    app.update(Action::SelectLast);
    let View::Chart(view) = app.view() else {
        unreachable!()
    };
    assert_eq!(view.scroll().top(), view.scroll().max_top());
    app.update(Action::Close);
    assert!(matches!(app.view(), View::Browse));

    // From a comparison, `v` charts the shared measures and Esc goes back to it.
    select_case(&mut app, "ulsan");
    app.update(Action::ToggleMark);
    select_case(&mut app, "icheon");
    app.update(Action::ToggleMark);
    app.update(Action::CompareMarked);
    assert!(matches!(app.view(), View::Compare(_)));
    app.update(Action::ShowCharts);
    let View::Chart(view) = app.view() else {
        panic!("v in compare opens charts: {:?}", app.notice())
    };
    assert_eq!(view.charts()[0].title, "Share of the national industry");
    app.update(Action::Copy);
    let markdown = app.take_copy().expect("copied");
    assert!(
        markdown.contains("26.9% (2000)") && markdown.contains("## Sources"),
        "{markdown}"
    );
    app.update(Action::Close);
    assert!(matches!(app.view(), View::Compare(_)));
}

#[test]
fn compare_in_text_and_markdown_draws_the_shared_measures_with_their_references() {
    let run = |args: &[&str]| {
        let out = common::casebook_command()
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let plain = run(&["compare", "ulsan", "icheon", "--lang", "ko"]);
    let at = plain.find("\n차트\n").expect("a chart section");
    let chart: Vec<&str> = plain[at..].lines().skip(4).take(4).collect();
    assert!(chart[0].starts_with("  울산 자동차클러스터  █"), "{plain}");
    assert!(chart[0].ends_with("  26.9% (2000)"), "{plain}");
    assert!(chart[1].ends_with("  60% (2002)"), "{plain}");
    assert!(chart[2].starts_with("  ↳ 복득규 외(2002)"), "{plain}");
    let markdown = run(&[
        "compare",
        "toyota-city",
        "san-diego",
        "--lang",
        "en",
        "--markdown",
    ]);
    assert!(
        markdown.contains("## Charts\n\n**Regional growth rate**\n\n```text\n"),
        "{markdown}"
    );
    assert!(markdown.contains("Source: Bok et al. (2002)"), "{markdown}");
    // Years are never bars.
    assert!(!markdown.contains("**Year it began**"), "{markdown}");
}

#[test]
fn v_in_presenter_mode_opens_the_charts_of_the_item_presented() {
    let mut app = App::new(Arc::clone(&shipped().index), Lang::En, (120, 35));
    select_case(&mut app, "daedeok");
    app.update(Action::TogglePresenter);
    assert!(matches!(app.view(), View::Presenter(_)));
    app.update(Action::ShowCharts);
    let View::Chart(view) = app.view() else {
        panic!("v in presenter mode opens the charts")
    };
    assert_eq!(view.charts()[0].bars[1].printed, "69.3%");
}

#[test]
fn at_the_smallest_window_titles_wrap_whole_and_nothing_spills() {
    let mut app = chart_view(60, 15, Lang::En, "toyota-city");
    let View::Chart(view) = app.view() else {
        unreachable!()
    };
    let title: Vec<&str> = view
        .lines()
        .iter()
        .filter_map(|l| match *l {
            casebook::tui::app::ChartLine::Title { chart: 1, line } => {
                Some(view.title_line(1, line))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        title.join(" "),
        "Time assembler and suppliers spent exchanging information (Dyer 1994)"
    );
    for _ in 0..view.lines().len() {
        let buffer = draw(&app, false);
        for y in 0..buffer.area.height {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            assert!(row.width() <= 60, "row {y}: {row}");
        }
        app.update(Action::SelectNext);
    }
}
