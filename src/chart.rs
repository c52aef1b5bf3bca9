//! Charts: figures drawn as bars where they are comparable, so a reader sees the Dyer
//! (1994) comparison or Daedeok's 69.3 % against Seoul's 36.7 % instead of reading it.
//!
//! Which figures form a chart is data, never guessed from labels: a case declares its
//! charts (`charts:` with an id and a title) and each bar is a figure naming one
//! (`chart: {id, bar}`); the loader checks the declaration (`load::validate`). A
//! comparison charts a [`Measure`] its cases share, one bar per case, when every value
//! of it is a plain number of one unit — never [`Measure::StartYear`], since bars of
//! years would draw the distance from year 0.
//!
//! A bar's length is its value read by [`parse_number`] (in `model`, as the loader
//! checks bars with it): "80", "7,500" and "69.3" are
//! numbers; "80/50" (two numbers in one), "1만여" and "약 2조" (approximations) are not,
//! and stay text. The printed value next to a bar is always the figure as the source
//! prints it. Every chart carries the citations of its figures.
//!
//! This is the model only; `render::chart_text` draws a chart in text (copies, `show`,
//! NO_COLOR) and the explorer draws it with ratatui's `BarChart`.
//!
//! Depends on `model` and `index` (for citations).

use crate::index::Index;
use crate::model::{CaseDetails, Figure, Item, Lang, Measure};

/// A chart: a title, two bars or more of one unit, and where the numbers come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    /// What a reader must know to read it right.
    pub note: Option<String>,
    pub bars: Vec<Bar>,
    /// The citation of every figure drawn, each once, in bar order.
    pub sources: Vec<String>,
}

// A bar's value is never NaN (`parse_number` reads only digits), so equality is total.
impl Eq for Chart {}

/// One bar: its label, the value its length is drawn from, and the value as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The figure's value with its unit, exactly as the source prints it ("7,500 人/日").
    pub printed: String,
    pub year: Option<i32>,
}

impl Bar {
    /// The printed value, with the year when the figure gives one: "26.9% (2000)".
    pub fn value_text(&self) -> String {
        match self.year {
            Some(year) => format!("{} ({year})", self.printed),
            None => self.printed.clone(),
        }
    }
}

impl Chart {
    /// The largest value, which the longest bar stands for.
    pub fn max(&self) -> f64 {
        self.bars.iter().map(|b| b.value).fold(0.0, f64::max)
    }
}

pub use crate::model::parse_number;

/// The charts of an item: for a case, each chart it declares with the figures that are
/// its bars, in file order; nothing for any other item.
pub fn charts(index: &Index, item: &Item, lang: Lang) -> Vec<Chart> {
    let Some(case) = item.case() else {
        return Vec::new();
    };
    case.charts
        .iter()
        .filter_map(|spec| {
            let figures: Vec<&Figure> = case
                .figures
                .iter()
                .filter(|f| f.chart.as_ref().is_some_and(|c| c.id == spec.id))
                .collect();
            let bars = figures
                .iter()
                .map(|f| {
                    let label = f.chart.as_ref().map(|c| c.bar.get(lang)).unwrap_or("");
                    bar(f, label, lang)
                })
                .collect::<Option<Vec<Bar>>>()?;
            (bars.len() >= 2).then(|| Chart {
                title: spec.title.get(lang).to_string(),
                note: spec.note.as_ref().map(|n| n.get(lang).to_string()),
                bars,
                sources: citations(index, &figures, lang),
            })
        })
        .collect()
}

/// The charts of a comparison of `cases` (items that are cases; others are skipped):
/// one per [`Measure`] but the start year that two cases or more have, with a bar per
/// figure labelled with its case's name — only when every figure of the measure in
/// these cases is a plain number and all share one unit, so no bar stands for a
/// reading and no two bars for different things.
pub fn compare_charts(index: &Index, cases: &[&Item], lang: Lang) -> Vec<Chart> {
    let cases: Vec<(&Item, &CaseDetails)> =
        cases.iter().filter_map(|i| Some((*i, i.case()?))).collect();
    let mut out = Vec::new();
    for measure in Measure::ALL {
        if measure == Measure::StartYear {
            continue;
        }
        let of: Vec<(&Item, &Figure)> = cases
            .iter()
            .flat_map(|(item, case)| {
                case.figures
                    .iter()
                    .filter(move |f| f.measure == Some(measure))
                    .map(move |f| (*item, f))
            })
            .collect();
        let has = |case: &Item| of.iter().any(|(item, _)| std::ptr::eq(*item, case));
        if cases.iter().filter(|(item, _)| has(item)).count() < 2 {
            continue;
        }
        let unit = |f: &Figure| f.unit.as_ref().map(|u| u.ko.clone());
        if of.iter().any(|(_, f)| unit(f) != unit(of[0].1)) {
            continue;
        }
        let bars = of
            .iter()
            .map(|(item, f)| bar(f, item.name.get(lang), lang))
            .collect::<Option<Vec<Bar>>>();
        let Some(bars) = bars else { continue };
        let figures: Vec<&Figure> = of.iter().map(|(_, f)| *f).collect();
        out.push(Chart {
            title: measure.label(lang).to_string(),
            note: None,
            bars,
            sources: citations(index, &figures, lang),
        });
    }
    out
}

fn bar(figure: &Figure, label: &str, lang: Lang) -> Option<Bar> {
    Some(Bar {
        label: label.to_string(),
        value: parse_number(&figure.value)?,
        printed: figure.printed(lang),
        year: figure.year,
    })
}

fn citations(index: &Index, figures: &[&Figure], lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in figures {
        let cite = index.cite(&f.source, lang);
        if !out.contains(&cite) {
            out.push(cite);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn plain_numbers_parse() {
        assert_eq!(parse_number("80"), Some(80.0));
        assert_eq!(parse_number("7,500"), Some(7500.0));
        assert_eq!(parse_number("69.3"), Some(69.3));
        assert_eq!(parse_number("26.9"), Some(26.9));
        assert_eq!(parse_number("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_number("0"), Some(0.0));
    }

    #[test]
    fn what_is_not_one_plain_number_is_refused() {
        for printed in [
            "80/50", "1만여", "약 2조", "9,000여", "-3", "", "7,50", "75,00", "1.", ".5", "1.2.3",
            "12,3456", " 80", "80 ", "1e3", "+5",
        ] {
            assert_eq!(parse_number(printed), None, "{printed:?}");
        }
    }
}
