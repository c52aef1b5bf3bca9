//! The chart view (`v`): every chart of the current case, or of the compared cases,
//! stacked — each its title, one line per bar, then its note and its sources. The charts
//! are made when the view opens (and again for another language or collection); the
//! lines under the bars are wrapped once per width. The renderer and the scroll both
//! read [`ChartView::lines`]. Esc goes back where `v` was pressed: the detail, or the
//! comparison.
//!
//! Depends on the app's state (`super`), `chart`, `render::chart_text` and `index`.

use super::scroll::Scroll;
use super::{scroll_by, App, View};
use crate::chart::{self, Chart};
use crate::index::Index;
use crate::model::{Item, Lang};
use crate::tui::action::Action;

/// Whose charts the view shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartSubject {
    /// One item's own charts (by item position).
    Item(usize),
    /// The charts of the measures compared cases share (by item position, in order).
    Compare(Vec<usize>),
}

/// One line of the chart view's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartLine {
    /// Line `line` of chart `chart`'s title.
    Title { chart: usize, line: usize },
    /// Bar `bar` of chart `chart`.
    Bar { chart: usize, bar: usize },
    /// Line `line` of what comes under chart `chart`'s bars (note, sources).
    After { chart: usize, line: usize },
    /// The space between two charts.
    Blank,
}

/// The charts on screen and the scroll through them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartView {
    subject: ChartSubject,
    lang: Lang,
    /// What the charts are of: the case's name, or the compared cases' names.
    title: String,
    charts: Vec<Chart>,
    /// The width the lines under the bars were wrapped at (0: not yet).
    room: usize,
    /// Each chart's title, wrapped for `room`.
    titles: Vec<Vec<String>>,
    /// Each chart's lines under its bars, wrapped for `room`.
    after: Vec<Vec<String>>,
    lines: Vec<ChartLine>,
    scroll: Scroll,
}

impl ChartView {
    pub fn new(index: &Index, subject: ChartSubject, lang: Lang) -> ChartView {
        let (title, charts) = match &subject {
            ChartSubject::Item(item) => {
                let item = index.item(*item);
                (
                    item.name.get(lang).to_string(),
                    chart::charts(index, item, lang),
                )
            }
            ChartSubject::Compare(cases) => {
                let items: Vec<&Item> = cases.iter().map(|&c| index.item(c)).collect();
                let names: Vec<&str> = items.iter().map(|i| i.name.get(lang)).collect();
                (
                    names.join(" · "),
                    chart::compare_charts(index, &items, lang),
                )
            }
        };
        let mut view = ChartView {
            subject,
            lang,
            title,
            charts,
            room: 0,
            titles: Vec::new(),
            after: Vec::new(),
            lines: Vec::new(),
            scroll: Scroll::new(0, 0),
        };
        view.wrap(80);
        view
    }

    pub fn subject(&self) -> &ChartSubject {
        &self.subject
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn charts(&self) -> &[Chart] {
        &self.charts
    }

    /// The body, one entry per screen line.
    pub fn lines(&self) -> &[ChartLine] {
        &self.lines
    }

    /// Line `line` of chart `chart`'s title, as wrapped for the current width.
    pub fn title_line(&self, chart: usize, line: usize) -> &str {
        self.titles
            .get(chart)
            .and_then(|lines| lines.get(line))
            .map_or("", String::as_str)
    }

    /// Line `line` under chart `chart`'s bars, as wrapped for the current width.
    pub fn after(&self, chart: usize, line: usize) -> &str {
        self.after
            .get(chart)
            .and_then(|lines| lines.get(line))
            .map_or("", String::as_str)
    }

    /// The width the view was laid out for.
    pub fn room(&self) -> usize {
        self.room
    }

    pub fn scroll(&self) -> Scroll {
        self.scroll
    }

    /// Rebuilt for another language, laid out again for another width; the window is
    /// `page` lines of a body `room` columns wide.
    pub(super) fn sync(&mut self, index: &Index, lang: Lang, page: usize, room: usize) {
        let top = self.scroll.top();
        if lang != self.lang {
            let subject = self.subject.clone();
            *self = ChartView::new(index, subject, lang);
        }
        if room != self.room {
            self.wrap(room);
        }
        self.scroll.resize(self.lines.len(), page);
        self.scroll.to_start();
        self.scroll.by(top as isize);
    }

    fn wrap(&mut self, room: usize) {
        self.room = room;
        self.titles = self
            .charts
            .iter()
            .map(|c| crate::text::wrap(&crate::text::one_line(&c.title), room.max(10)))
            .collect();
        self.after = self
            .charts
            .iter()
            .map(|c| crate::render::chart_text::after_lines(c, room))
            .collect();
        self.lines.clear();
        for (i, chart) in self.charts.iter().enumerate() {
            if i > 0 {
                self.lines.push(ChartLine::Blank);
            }
            for line in 0..self.titles[i].len() {
                self.lines.push(ChartLine::Title { chart: i, line });
            }
            for bar in 0..chart.bars.len() {
                self.lines.push(ChartLine::Bar { chart: i, bar });
            }
            for line in 0..self.after[i].len() {
                self.lines.push(ChartLine::After { chart: i, line });
            }
        }
    }
}

impl App {
    /// `v`: the charts of the comparison on screen, else of the item in the detail; a
    /// notice when there are none.
    pub(super) fn show_charts(&mut self) {
        let subject = match &self.view {
            View::Compare(view) => ChartSubject::Compare(view.cases().to_vec()),
            _ => match self.current_item() {
                Some(item) => ChartSubject::Item(item),
                None => return,
            },
        };
        let view = ChartView::new(&self.index, subject, self.lang);
        if view.charts.is_empty() {
            let notice = match view.subject {
                ChartSubject::Item(_) => self.lang.pick(
                    "이 항목에는 차트로 그릴 수치가 없습니다",
                    "this item has no figures to chart",
                ),
                ChartSubject::Compare(_) => self.lang.pick(
                    "비교한 사례들에 같은 잣대로 그릴 수치가 없습니다",
                    "the compared cases share no figures to chart",
                ),
            };
            self.notice = Some(notice.to_string());
            return;
        }
        self.view = View::Chart(view);
    }

    /// Esc in the chart view: back to the comparison it was opened from, or the main view.
    pub(super) fn close_charts(&mut self) {
        self.view = match &self.view {
            View::Chart(ChartView {
                subject: ChartSubject::Compare(cases),
                ..
            }) => View::Compare(super::CompareView::new(
                &self.index,
                cases.clone(),
                self.lang,
            )),
            _ => View::Browse,
        };
    }

    pub(super) fn update_chart(&mut self, action: Action) {
        if let View::Chart(view) = &mut self.view {
            scroll_by(&mut view.scroll, &action);
        }
    }
}
