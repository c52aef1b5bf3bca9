//! Who cites what: for every document of the sources catalog and each of its sections,
//! the items that cite it and, under each item, the facts in it that do (a figure, a
//! strength, an entry of its `sources` list, …) with the page they name.
//!
//! The table is built once per index ([`crate::index::Index::build`]; live reload builds
//! a new index, and with it a new table), so the explorer's Sources pane and
//! `casebook sources DOC SECTION` read it without walking the collection. Every citation
//! of every item sits in exactly one section's list, unless it names a document or a
//! section the catalog does not have (the loader reports those).
//!
//! Depends on `model` only.

use std::collections::HashMap;

use crate::model::Item;

/// Every citation of the collection, by the document and the section it names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceCitations {
    documents: Vec<CitedDocument>,
}

/// One document of the catalog, with each of its sections in catalog order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedDocument {
    /// The document's item position in the index.
    pub item: usize,
    pub sections: Vec<CitedSection>,
}

/// One section of a document and everything citing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedSection {
    /// The section's position in the document's `sections`.
    pub section: usize,
    /// The items citing the section, cases first, then in the order kinds are listed
    /// ([`crate::model::Kind::ALL`]), each kind in display order.
    pub items: Vec<CitingItem>,
}

/// An item citing a section, and which of its citations do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitingItem {
    pub item: usize,
    pub facts: Vec<CitingFact>,
}

/// One citation of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CitingFact {
    /// Its position in the item's [`Item::cited_facts`] (and [`Item::citations`]).
    pub fact: usize,
    /// The page (slide) the citation names, if it names one.
    pub page: Option<u32>,
}

impl CitedSection {
    /// How many citations name this section.
    pub fn count(&self) -> usize {
        self.items.iter().map(|i| i.facts.len()).sum()
    }
}

impl CitedDocument {
    /// How many citations name this document (any of its sections).
    pub fn count(&self) -> usize {
        self.sections.iter().map(CitedSection::count).sum()
    }

    /// How many different items cite this document.
    pub fn citing_items(&self) -> usize {
        let mut items: Vec<usize> = self
            .sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| i.item))
            .collect();
        items.sort_unstable();
        items.dedup();
        items.len()
    }
}

impl SourceCitations {
    /// The table for `items`; `order` is every item position in display order (cases
    /// first, by kind), which is the order citing items are listed in.
    pub fn build(items: &[Item], order: &[usize]) -> SourceCitations {
        let mut documents: Vec<CitedDocument> = Vec::new();
        // (document id, section id) → (document, section) in `documents`.
        let mut place: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
        for &position in order {
            let item = &items[position];
            let Some(doc) = item.source_document() else {
                continue;
            };
            let d = documents.len();
            for (s, section) in doc.sections.iter().enumerate() {
                place.entry((&item.id, &section.id)).or_insert((d, s));
            }
            documents.push(CitedDocument {
                item: position,
                sections: (0..doc.sections.len())
                    .map(|section| CitedSection {
                        section,
                        items: Vec::new(),
                    })
                    .collect(),
            });
        }
        for &position in order {
            for (fact, cited) in items[position].cited_facts().into_iter().enumerate() {
                let key = (cited.source.doc.as_str(), cited.source.section.as_str());
                let Some(&(d, s)) = place.get(&key) else {
                    continue;
                };
                let section = &mut documents[d].sections[s];
                let entry = CitingFact {
                    fact,
                    page: cited.source.page,
                };
                match section.items.last_mut() {
                    Some(last) if last.item == position => last.facts.push(entry),
                    _ => section.items.push(CitingItem {
                        item: position,
                        facts: vec![entry],
                    }),
                }
            }
        }
        SourceCitations { documents }
    }

    /// The documents, in the catalog's order.
    pub fn documents(&self) -> &[CitedDocument] {
        &self.documents
    }

    /// The document whose item is at `item`.
    pub fn document(&self, item: usize) -> Option<&CitedDocument> {
        self.documents.iter().find(|d| d.item == item)
    }

    /// One section of the document at `item`.
    pub fn section(&self, item: usize, section: usize) -> Option<&CitedSection> {
        self.document(item)?.sections.get(section)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use crate::model::Kind;

    #[test]
    fn every_citation_of_the_shipped_collection_is_listed_once_and_the_counts_add_up() {
        let index = crate::collection::open_index(None).expect("the built-in collection");
        let table = index.source_citations();
        let mut listed: HashMap<(usize, usize), usize> = HashMap::new();
        for doc in table.documents() {
            let catalog = index.item(doc.item).source_document().expect("a document");
            assert_eq!(doc.sections.len(), catalog.sections.len());
            for section in &doc.sections {
                let id = &catalog.sections[section.section].id;
                for citing in &section.items {
                    let citations = index.item(citing.item).citations();
                    for fact in &citing.facts {
                        let (_, source) = &citations[fact.fact];
                        assert_eq!(
                            (&source.doc, &source.section),
                            (&index.item(doc.item).id, id)
                        );
                        assert_eq!(source.page, fact.page);
                        *listed.entry((citing.item, fact.fact)).or_default() += 1;
                    }
                }
            }
            assert_eq!(
                doc.count(),
                doc.sections.iter().map(|s| s.count()).sum::<usize>()
            );
        }
        let mut total = 0;
        for (position, item) in index.items().iter().enumerate() {
            for fact in 0..item.citations().len() {
                total += 1;
                assert_eq!(
                    listed.get(&(position, fact)),
                    Some(&1),
                    "{} citation {fact} listed other than once",
                    item.id
                );
            }
        }
        assert_eq!(listed.len(), total);
        let counted: usize = table.documents().iter().map(|d| d.count()).sum();
        assert_eq!(counted, total);
        assert_eq!(table.documents().len(), index.of_kind(Kind::Source).len());
    }

    #[test]
    fn citing_items_are_listed_cases_first_and_in_display_order() {
        let index = crate::collection::open_index(None).expect("the built-in collection");
        let order: Vec<usize> = Kind::ALL
            .iter()
            .flat_map(|&k| index.of_kind(k).iter().copied())
            .collect();
        let rank = |item: usize| order.iter().position(|&o| o == item);
        for doc in index.source_citations().documents() {
            for section in &doc.sections {
                let ranks: Vec<_> = section.items.iter().map(|i| rank(i.item)).collect();
                assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
            }
        }
        // The Daedeok case section is cited by the Daedeok case, listed first.
        let seri = index.position("seri-2002").expect("the report");
        let doc = index.item(seri).source_document().expect("document");
        let at = doc
            .sections
            .iter()
            .position(|s| s.id == "ii-2-1-daedeok")
            .expect("section");
        let section = index.source_citations().section(seri, at).expect("cited");
        let first = index.item(section.items[0].item);
        assert_eq!((first.kind, first.id.as_str()), (Kind::Case, "daedeok"));
    }

    #[test]
    fn citation_paths_read_as_the_fields_they_are_written_at() {
        let index = crate::collection::open_index(None).expect("the built-in collection");
        let paths = |id: &str| -> Vec<String> {
            let item = index.get(id).expect(id);
            item.citations().into_iter().map(|(p, _)| p).collect()
        };
        let daedeok = paths("daedeok");
        for expected in [
            "sources.0",
            "figures.2.source",
            "strengths.0.source",
            "actors.0.source",
        ] {
            assert!(
                daedeok.iter().any(|p| p == expected),
                "{expected} not in {daedeok:?}"
            );
        }
        assert!(paths("yeongwol-solar")
            .iter()
            .any(|p| p == "sections.0.points.0.source"));
        assert!(paths("seri-2002")
            .iter()
            .any(|p| p == "date.evidence.source"));
        let tables = index
            .items()
            .iter()
            .flat_map(|i| i.citations())
            .filter(|(p, _)| p == "table.source")
            .count();
        assert!(tables > 0);
    }
}
