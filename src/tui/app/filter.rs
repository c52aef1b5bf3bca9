//! The main view's filters, as sets: for each [`Facet`] the values allowed (none: all),
//! OR within a facet and AND across facets. The case facets (type, country, status)
//! narrow the cases pane; the document facet narrows every pane, keeping the items that
//! cite one of the chosen documents anywhere ([`Item::citations`]: sources, statements,
//! figures, actors, …).
//!
//! Also what a picker shows of a facet: its values in the interface language's order,
//! each with the number of items that have it under the *other* filters, and the labels
//! the status bar names them by.
//!
//! Collation: in Korean, labels that begin with Hangul come first in 가나다 order (the
//! syllables' Unicode order is that order), then those that begin with a Latin letter in
//! ABC order, as Korean reference lists put 국내 문헌 before 외국 문헌 and indexes 한글
//! before 영문; in English, Latin first, then Hangul. Anything else follows.
//!
//! Depends on the app's `Pane`, the explorer's `action` (the facets), `index` and
//! `model`.

use std::collections::{BTreeMap, BTreeSet};

use super::Pane;
use crate::index::Index;
use crate::model::{Item, Kind, Lang, Status};
use crate::tui::action::Facet;

impl super::App {
    /// The documents each item cites, worked out on first use.
    pub(super) fn cited(&self) -> &Cited {
        self.cited.get_or_init(|| Cited::new(&self.index))
    }

    /// What filtering needs of the citations: nothing while no document filter is set.
    pub(super) fn cited_if_needed(&self) -> &Cited {
        if self.filter.values(Facet::Document).is_empty() {
            Cited::none()
        } else {
            self.cited()
        }
    }
}

impl Facet {
    /// Whether this facet narrows `pane`: the document facet narrows every pane, the
    /// others only the cases.
    pub fn applies_to(self, pane: Pane) -> bool {
        self == Facet::Document || pane == Pane::Cases
    }
}

/// The documents each item cites, by item position: worked out once per collection, the
/// first time the document filter needs them (for 10,000 cases that takes a tenth of a
/// second, which opening the explorer need not pay), so that filtering a pane never
/// walks every citation again.
#[derive(Debug, Clone, Default)]
pub struct Cited {
    documents: Vec<Vec<String>>,
}

impl Cited {
    pub fn new(index: &Index) -> Cited {
        let documents = (0..index.len())
            .map(|i| {
                let mut docs: Vec<String> = index
                    .item(i)
                    .citations()
                    .into_iter()
                    .map(|(_, source)| source.doc.clone())
                    .collect();
                docs.sort_unstable();
                docs.dedup();
                docs
            })
            .collect();
        Cited { documents }
    }

    /// No citations at all: what filtering needs while no document filter is set.
    pub fn none() -> &'static Cited {
        static NONE: Cited = Cited {
            documents: Vec::new(),
        };
        &NONE
    }

    fn of(&self, item: usize) -> &[String] {
        self.documents.get(item).map_or(&[], Vec::as_slice)
    }
}

/// The values each facet allows; an empty set allows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    sets: [BTreeSet<String>; 4],
}

impl Filters {
    /// The values `facet` allows, by key: a type's id, a country's English name (the
    /// stable one of the two), a status as written in YAML, a document's id.
    pub fn values(&self, facet: Facet) -> &BTreeSet<String> {
        &self.sets[slot(facet)]
    }

    pub fn is_active(&self) -> bool {
        self.sets.iter().any(|set| !set.is_empty())
    }

    /// Whether any filter that narrows `pane` is set.
    pub fn narrows(&self, pane: Pane) -> bool {
        Facet::ALL
            .iter()
            .any(|&f| f.applies_to(pane) && !self.values(f).is_empty())
    }

    pub(super) fn set(&mut self, facet: Facet, values: BTreeSet<String>) {
        self.sets[slot(facet)] = values;
    }

    /// Whether `pane` lists `item` under these filters.
    pub fn admits(&self, index: &Index, cited: &Cited, pane: Pane, item: usize) -> bool {
        self.admits_except(index, cited, pane, item, None)
    }

    /// The same, leaving `skip` out: what a facet's counts are taken under.
    fn admits_except(
        &self,
        index: &Index,
        cited: &Cited,
        pane: Pane,
        item: usize,
        skip: Option<Facet>,
    ) -> bool {
        Facet::ALL
            .iter()
            .filter(|&&f| f.applies_to(pane) && Some(f) != skip)
            .all(|&f| {
                let allowed = self.values(f);
                if allowed.is_empty() {
                    return true;
                }
                let mut hit = false;
                for_each_key(f, index.item(item), cited.of(item), |key| {
                    hit |= allowed.contains(key)
                });
                hit
            })
    }

    /// How many of `pane`'s items have each value of `facet`, under every other filter.
    pub fn tally(
        &self,
        index: &Index,
        cited: &Cited,
        pane: Pane,
        facet: Facet,
    ) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for &kind in pane.kinds() {
            for &item in index.of_kind(kind) {
                if self.admits_except(index, cited, pane, item, Some(facet)) {
                    for_each_key(facet, index.item(item), cited.of(item), |key| {
                        *counts.entry(key.to_string()).or_insert(0) += 1;
                    });
                }
            }
        }
        counts
    }

    /// The filters that narrow `pane`, as the status bar names them: "국가=미국, 한국",
    /// each filter's values in collation order.
    pub fn describe(&self, index: &Index, pane: Pane, lang: Lang) -> Vec<Described> {
        Facet::ALL
            .iter()
            .filter(|&&f| f.applies_to(pane) && !self.values(f).is_empty())
            .map(|&facet| {
                let mut names: Vec<String> = self
                    .values(facet)
                    .iter()
                    .map(|key| short_label(index, facet, key, lang))
                    .collect();
                names.sort_by_cached_key(|name| collation_key(name, lang));
                Described { facet, names }
            })
            .collect()
    }

    /// How many filters are set that do not narrow `pane` (the case filters, seen from
    /// another pane).
    pub fn elsewhere(&self, pane: Pane) -> usize {
        Facet::ALL
            .iter()
            .filter(|&&f| !f.applies_to(pane) && !self.values(f).is_empty())
            .count()
    }
}

/// One set filter, named: its facet and its values' short labels in collation order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    pub facet: Facet,
    pub names: Vec<String>,
}

fn slot(facet: Facet) -> usize {
    match facet {
        Facet::Type => 0,
        Facet::Country => 1,
        Facet::Status => 2,
        Facet::Document => 3,
    }
}

/// Calls `each` with every key `item` has for `facet` (none for a case facet and an
/// item that is not a case; `cited` are the documents the item cites).
fn for_each_key(facet: Facet, item: &Item, cited: &[String], mut each: impl FnMut(&str)) {
    match facet {
        Facet::Document => cited.iter().for_each(|doc| each(doc)),
        _ => {
            let Some(case) = item.case() else { return };
            each(match facet {
                Facet::Type => &case.cluster_type,
                Facet::Country => &case.country.en,
                _ => case.status.as_str(),
            });
        }
    }
}

/// A value a facet can take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub key: String,
    /// As a picker lists it.
    pub label: String,
    /// As the status bar names it.
    pub short: String,
}

/// Every value of `facet` in the collection, in `lang`'s order (see the module doc):
/// each cluster type, each country a case is in, each status, each source document.
pub fn facet_values(index: &Index, facet: Facet, lang: Lang) -> Vec<FacetValue> {
    let plain = |key: &str, label: &str| FacetValue {
        key: key.to_string(),
        label: label.to_string(),
        short: label.to_string(),
    };
    let mut values: Vec<FacetValue> = match facet {
        Facet::Type => index
            .of_kind(Kind::Type)
            .iter()
            .map(|&i| index.item(i))
            .map(|item| plain(&item.id, item.name.get(lang)))
            .collect(),
        Facet::Country => {
            let mut seen = BTreeSet::new();
            index
                .of_kind(Kind::Case)
                .iter()
                .filter_map(|&i| index.item(i).case())
                .filter(|case| seen.insert(case.country.en.as_str()))
                .map(|case| plain(&case.country.en, case.country.get(lang)))
                .collect()
        }
        Facet::Status => Status::ALL
            .iter()
            .map(|s| plain(s.as_str(), s.label(lang)))
            .collect(),
        Facet::Document => document_values(index, lang),
    };
    values.sort_by_cached_key(|v| collation_key(&v.label, lang));
    values
}

/// How the status bar names one value of a facet; the key itself when the collection no
/// longer has the value.
fn short_label(index: &Index, facet: Facet, key: &str, lang: Lang) -> String {
    let found = match facet {
        Facet::Type => index
            .position(key)
            .map(|i| index.item(i).name.get(lang).to_string()),
        Facet::Country => index
            .of_kind(Kind::Case)
            .iter()
            .filter_map(|&i| index.item(i).case())
            .find(|case| case.country.en == key)
            .map(|case| case.country.get(lang).to_string()),
        Facet::Status => Status::ALL
            .iter()
            .find(|s| s.as_str() == key)
            .map(|s| s.label(lang).to_string()),
        Facet::Document => document_values(index, lang)
            .into_iter()
            .find(|v| v.key == key)
            .map(|v| v.short),
    };
    found.unwrap_or_else(|| key.to_string())
}

/// The documents: listed as "발표자료 · 영월군 …", named on the status bar by their kind
/// ("발표자료") where no other document is of the same kind, else by their name.
fn document_values(index: &Index, lang: Lang) -> Vec<FacetValue> {
    let documents: Vec<&Item> = index
        .of_kind(Kind::Source)
        .iter()
        .map(|&i| index.item(i))
        .collect();
    let kind_of = |item: &Item| item.source_document().map(|d| d.document);
    documents
        .iter()
        .map(|item| {
            let name = item.name.get(lang);
            let kind = kind_of(item);
            let alone = documents.iter().filter(|d| kind_of(d) == kind).count() == 1;
            let kind_label = kind.map(|k| k.label(lang));
            FacetValue {
                key: item.id.clone(),
                label: match kind_label {
                    Some(k) => format!("{k} · {name}"),
                    None => name.to_string(),
                },
                short: match kind_label {
                    Some(k) if alone => k.to_string(),
                    _ => name.to_string(),
                },
            }
        })
        .collect()
}

/// Sorts Hangul before Latin in Korean and after it in English, then by the text
/// itself (lower-cased; Hangul syllables are in 가나다 order as code points).
fn collation_key(label: &str, lang: Lang) -> (u8, String) {
    let first = label.chars().find(|c| c.is_alphanumeric());
    let hangul = first.is_some_and(|c| ('가'..='힣').contains(&c) || ('ㄱ'..='ㅣ').contains(&c));
    let latin = first.is_some_and(|c| c.is_ascii_alphabetic());
    let group = match (lang, hangul, latin) {
        (Lang::Ko, true, _) | (Lang::En, _, true) => 0,
        (Lang::Ko, _, true) | (Lang::En, true, _) => 1,
        _ => 2,
    };
    (group, label.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_puts_hangul_in_ganada_order_before_latin_and_english_the_reverse() {
        let mut labels = vec!["한국", "Zeta", "가나", "미국", "alpha"];
        labels.sort_by_key(|l| collation_key(l, Lang::Ko));
        assert_eq!(labels, ["가나", "미국", "한국", "alpha", "Zeta"]);
        labels.sort_by_key(|l| collation_key(l, Lang::En));
        assert_eq!(labels, ["alpha", "Zeta", "가나", "미국", "한국"]);
    }
}
