//! A filter's picker (`t` `c` `s` `d`): a small box over the main view listing the
//! facet's values, each with how many items have it under the other filters, in the
//! interface language's order. Typing narrows the list (Korean-aware, as the search box:
//! `ㅎㄱ` or `한` finds 한국; the best match comes first, so `c`, `한`, Enter is "Korean
//! cases only"; when nothing matches, the text is tried as typed with the input method
//! in the other mode, then against the other language's names); ↑/↓ move; Space ticks several values; Enter applies the ticked values —
//! or, when none was ticked here, the one under the cursor — Del clears the filter and
//! Esc leaves it as it was. A click on a value moves the cursor there; a click outside
//! the box cancels, as Esc does.
//!
//! Opened on a facet, the values the filter already allows start ticked. A case facet
//! applied from another pane shows the cases pane, where it narrows.
//!
//! Depends on the app's state (`super`), its `filter` and `scroll`, the explorer's
//! `action`, `keymap` (the hint line's width) and `layout`, `text`, `keyboard` (text
//! typed with the input method in the wrong mode) and `search::label` (the matching).

use std::collections::{BTreeMap, BTreeSet};

use super::filter::{facet_values, Cited, Filters};
use super::scroll::ListCursor;
use super::{movement, App, Overlay, Pane};
use crate::index::Index;
use crate::model::Lang;
use crate::search::label::match_label;
use crate::text::{one_line, width};
use crate::tui::action::{Action, Facet};
use crate::tui::keymap::{self, Context};
use crate::tui::layout;

/// The columns before a value's label: the cursor's `▶`, the tick `✓` and a space.
pub const ROW_MARKS: usize = 3;

/// The most characters the picker's box holds: labels are short.
pub const MAX_PICKER_CHARS: usize = 40;

/// One value of the facet, with its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerRow {
    pub key: String,
    pub label: String,
    /// The label in the other language, which typing finds too when the shown one does
    /// not match.
    pub other: String,
    /// How many of the pane's items have this value under the other filters.
    pub count: usize,
}

/// A row the typed text matches, with the label's characters it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// Position in [`Picker::rows`].
    pub row: usize,
    /// Char indices into the label to mark.
    pub marked: Vec<usize>,
}

/// The picker of one facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    facet: Facet,
    /// The pane whose items are counted (and filtered, for the document facet).
    pane: Pane,
    query: String,
    rows: Vec<PickerRow>,
    shown: Vec<Shown>,
    cursor: ListCursor,
    ticked: BTreeSet<String>,
    /// Whether a value was ticked or unticked here: then Enter applies the ticks.
    touched: bool,
    /// The language and collection (by address) the rows were laid out for.
    built_for: Option<(Lang, usize)>,
}

impl Picker {
    pub fn facet(&self) -> Facet {
        self.facet
    }

    pub fn pane(&self) -> Pane {
        self.pane
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// Every value, in the interface language's order.
    pub fn rows(&self) -> &[PickerRow] {
        &self.rows
    }

    /// The values the typed text matches, best first (all of them, in order, before
    /// anything is typed).
    pub fn shown(&self) -> &[Shown] {
        &self.shown
    }

    pub fn cursor(&self) -> ListCursor {
        self.cursor
    }

    pub fn is_ticked(&self, key: &str) -> bool {
        self.ticked.contains(key)
    }

    /// The value under the cursor.
    pub fn current(&self) -> Option<&PickerRow> {
        let shown = self.shown.get(self.cursor.selected)?;
        self.rows.get(shown.row)
    }

    /// How many columns the widest count takes.
    pub fn count_width(&self) -> usize {
        self.rows
            .iter()
            .map(|r| r.count.to_string().len())
            .max()
            .unwrap_or(1)
    }

    /// How wide the picker's content would like to be: its hint line, and its longest
    /// value after the cursor and tick marks and before the count.
    pub fn wanted_width(&self, lang: Lang) -> u16 {
        let hints = width(&keymap::hints(Context::Picker, lang));
        let longest = self
            .rows
            .iter()
            .map(|r| width(&one_line(&r.label)))
            .max()
            .unwrap_or(0);
        let row = ROW_MARKS + longest + 1 + self.count_width() + 1;
        hints.max(row).min(u16::MAX as usize) as u16
    }

    /// The values Enter would apply.
    fn chosen(&self) -> Option<BTreeSet<String>> {
        if self.touched {
            return Some(self.ticked.clone());
        }
        self.current().map(|row| BTreeSet::from([row.key.clone()]))
    }

    /// Lays the rows out from the collection, the filters and the language when those
    /// are new to it, then matches the typed text against them.
    fn sync(&mut self, index: &Index, filters: &Filters, cited: &Cited, lang: Lang, page: usize) {
        // The values and counts change only with the collection and the language (the
        // filters cannot change while the picker is open); typing only matches again.
        let built_for = (lang, index as *const Index as usize);
        if self.built_for != Some(built_for) {
            self.build_rows(index, filters, cited, lang);
            self.built_for = Some(built_for);
        }
        self.shown = self.matching(&self.query, false);
        if self.shown.is_empty() && !self.query.is_empty() {
            // Typed with the input method in the other mode: `gks` meant as 한, `ㅓㅁㅔ`
            // meant as `jap`.
            let converted = crate::keyboard::hangul_from_latin(&self.query)
                .or_else(|| crate::keyboard::latin_from_hangul(&self.query));
            if let Some(converted) = converted {
                self.shown = self.matching(&converted, false);
            }
        }
        if self.shown.is_empty() && !self.query.is_empty() {
            // A name in the other language: 한국 typed in the English interface.
            self.shown = self.matching(&self.query, true);
        }
        self.cursor.clamp(self.shown.len(), page);
    }

    /// Every value with its count and its labels in both languages.
    fn build_rows(&mut self, index: &Index, filters: &Filters, cited: &Cited, lang: Lang) {
        let counts = filters.tally(index, cited, self.pane, self.facet);
        let mut others: BTreeMap<String, String> = facet_values(index, self.facet, lang.other())
            .into_iter()
            .map(|value| (value.key, value.label))
            .collect();
        self.rows = facet_values(index, self.facet, lang)
            .into_iter()
            .map(|value| PickerRow {
                count: counts.get(&value.key).copied().unwrap_or(0),
                other: others.remove(&value.key).unwrap_or_default(),
                key: value.key,
                label: value.label,
            })
            .collect();
    }

    /// The rows `typed` matches, in the label shown or (`other`) in the other language's:
    /// the best matches first, each quality in row order. Only a match in the label shown
    /// marks characters.
    fn matching(&self, typed: &str, other: bool) -> Vec<Shown> {
        let mut found: Vec<(u8, Shown)> = self
            .rows
            .iter()
            .enumerate()
            .filter_map(|(row, r)| {
                let m = match_label(typed, if other { &r.other } else { &r.label })?;
                let marked = if other { Vec::new() } else { m.indices };
                Some((m.quality, Shown { row, marked }))
            })
            .collect();
        found.sort_by_key(|(quality, _)| std::cmp::Reverse(*quality));
        found.into_iter().map(|(_, shown)| shown).collect()
    }
}

impl App {
    /// `t` `c` `s` `d`: the facet's picker, over the main view. The document facet
    /// counts the current pane's items; the case facets count cases.
    pub(super) fn open_picker(&mut self, facet: Facet) {
        let pane = if facet.applies_to(self.pane) {
            self.pane
        } else {
            Pane::Cases
        };
        self.overlay = Some(Overlay::Picker(Picker {
            facet,
            pane,
            query: String::new(),
            rows: Vec::new(),
            shown: Vec::new(),
            cursor: ListCursor::default(),
            ticked: self.filter.values(facet).clone(),
            touched: false,
            built_for: None,
        }));
    }

    pub(super) fn update_picker(&mut self, action: Action) {
        let page = self.picker_page();
        let screen = self.areas().screen;
        let lang = self.lang;
        let Some(Overlay::Picker(picker)) = &mut self.overlay else {
            return;
        };
        if let Some(delta) = movement(&action, page) {
            picker.cursor.moved(delta, picker.shown.len(), page);
            return;
        }
        match action {
            Action::PickerInsert(c)
                if !c.is_control() && picker.query.chars().count() < MAX_PICKER_CHARS =>
            {
                picker.query.push(c);
                picker.cursor = ListCursor::default();
            }
            Action::PickerBackspace => {
                picker.query.pop();
                picker.cursor = ListCursor::default();
            }
            Action::PickerToggle => {
                if let Some(key) = picker.current().map(|row| row.key.clone()) {
                    if !picker.ticked.remove(&key) {
                        picker.ticked.insert(key);
                    }
                    picker.touched = true;
                    picker.cursor.moved(1, picker.shown.len(), page);
                }
            }
            Action::Open => {
                if let Some(values) = picker.chosen() {
                    let (facet, pane) = (picker.facet, picker.pane);
                    self.overlay = None;
                    self.apply_picked(facet, pane, values);
                }
            }
            Action::PickerClear => {
                let (facet, pane) = (picker.facet, picker.pane);
                self.overlay = None;
                self.apply_picked(facet, pane, BTreeSet::new());
            }
            // A click on a value puts the cursor on it; a click outside the box cancels.
            Action::Click { column, row } => {
                let wanted = picker.wanted_width(lang);
                let area = layout::picker(screen, picker.rows.len(), wanted);
                let (_, rows, _) = layout::picker_parts(screen, picker.rows.len(), wanted);
                let at = (column, row).into();
                if rows.contains(at) {
                    let clicked = picker.cursor.offset + (row - rows.y) as usize;
                    if clicked < picker.shown.len() {
                        picker.cursor.select(clicked, picker.shown.len(), page);
                    }
                } else if !area.contains(at) {
                    self.overlay = None;
                }
            }
            Action::Close | Action::Back => self.overlay = None,
            Action::ToggleLanguage => self.lang = self.lang.other(),
            _ => {}
        }
    }

    /// Text pasted while the picker is open goes into its box, on one line.
    pub(super) fn paste_into_picker(&mut self, text: &str) {
        for c in text.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            self.update_picker(Action::PickerInsert(c));
        }
    }

    fn apply_picked(&mut self, facet: Facet, pane: Pane, values: BTreeSet<String>) {
        let mut filters = self.filter.clone();
        filters.set(facet, values);
        self.set_filter(filters);
        // A case filter chosen from another pane is seen where it narrows.
        if pane != self.pane {
            self.show_pane(pane.position());
        }
    }

    /// How many value rows the picker shows at once.
    fn picker_page(&self) -> usize {
        let values = match &self.overlay {
            Some(Overlay::Picker(picker)) => picker.rows.len(),
            _ => 0,
        };
        layout::picker_rows(self.areas().screen, values).height as usize
    }

    /// Brings the open picker up to date with the collection, filters, language and size.
    pub(super) fn sync_picker(&mut self) {
        let page = self.picker_page();
        let screen = self.areas().screen;
        let documents =
            matches!(&self.overlay, Some(Overlay::Picker(p)) if p.facet == Facet::Document);
        // Only the document facet and the document filter look at citations.
        let cited = if documents || !self.filter.values(Facet::Document).is_empty() {
            self.cited.get_or_init(|| Cited::new(&self.index))
        } else {
            Cited::none()
        };
        if let Some(Overlay::Picker(picker)) = &mut self.overlay {
            picker.sync(&self.index, &self.filter, cited, self.lang, page);
            // The box is sized by the rows, which the sync has just laid out.
            let page = layout::picker_rows(screen, picker.rows.len()).height;
            picker.cursor.clamp(picker.shown.len(), page as usize);
        }
    }
}
