//! The in-memory index: every loaded item by id and by kind, in display order, and the
//! reverse links computed once on load (factor → cases, problem → cases, role → cases
//! with strength, type → cases, strategy → cases, case → timeline eras), and which items
//! and facts cite each section of each source document ([`crate::backlinks`]).
//!
//! Depends on `model`, `load`, `backlinks` and `citation` (a source as a reference, for
//! the documents it holds); knows nothing of search or the terminal.

use std::collections::HashMap;

use crate::backlinks::SourceCitations;
use crate::load::{Diagnostic, Loaded};
use crate::model::{CaseDetails, Details, Item, Kind, Lang, RoleStrength, Source, SourceDocument};

/// Why another item points at this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// A case illustrates this success factor.
    Factor,
    /// A case illustrates this policy problem.
    Problem,
    /// A case has an actor in this role, with the seed's strength where it rates one.
    Role(Option<RoleStrength>),
    /// A case is of this cluster type (or a strategy is for it).
    Type,
    /// A case follows this strategy.
    Strategy,
    /// The era timeline lists this case.
    Timeline,
    /// The report pairs this case with the linking one (San Diego ↔ Daedeok, …).
    Counterpart,
}

/// One reverse link: item `from` points at the indexed item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backlink {
    pub from: usize,
    pub relation: Relation,
}

/// The three report roles whose strengths make up the role matrix, in the report's order.
pub const MATRIX_ROLES: [&str; 3] = [
    "vision-provider",
    "system-organizer",
    "specialized-supplier",
];

/// A loaded collection, ready to browse.
#[derive(Debug, Default)]
pub struct Index {
    items: Vec<Item>,
    by_id: HashMap<String, usize>,
    by_kind: HashMap<Kind, Vec<usize>>,
    backlinks: Vec<Vec<Backlink>>,
    /// Every citation by the document section it names.
    citations: SourceCitations,
    /// Each item's place in the display order of its kind (see [`Index::of_kind`]).
    rank: Vec<usize>,
    /// Each document's sections by id, as positions in its `sections`: a citation finds
    /// its section without a walk through the document's list.
    sections: HashMap<String, HashMap<String, usize>>,
    /// Problems found while loading, for `check` and the explorer's status bar.
    pub diagnostics: Vec<Diagnostic>,
    /// How many YAML files were found, and which were skipped whole.
    pub files: usize,
    pub skipped_files: Vec<String>,
}

impl Index {
    pub fn build(loaded: Loaded) -> Index {
        let Loaded {
            items,
            diagnostics,
            files,
            skipped_files,
        } = loaded;
        let by_id: HashMap<String, usize> = items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id.clone(), i))
            .collect();
        let sections = items
            .iter()
            .filter_map(|item| {
                let doc = item.source_document()?;
                let by_id = doc
                    .sections
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.id.clone(), i))
                    .collect();
                Some((item.id.clone(), by_id))
            })
            .collect();
        let mut index = Index {
            backlinks: vec![Vec::new(); items.len()],
            rank: vec![0; items.len()],
            sections,
            items,
            by_id,
            by_kind: HashMap::new(),
            citations: SourceCitations::default(),
            diagnostics,
            files,
            skipped_files,
        };
        index.compute_backlinks();
        index.order_kinds();
        let order: Vec<usize> = Kind::ALL
            .iter()
            .flat_map(|&k| index.of_kind(k).iter().copied())
            .collect();
        index.citations = SourceCitations::build(&index.items, &order);
        index
    }

    fn compute_backlinks(&mut self) {
        let mut links: Vec<(usize, Backlink)> = Vec::new();
        let target = |id: &str| self.by_id.get(id).copied();
        for (from, item) in self.items.iter().enumerate() {
            let mut add = |id: &str, relation: Relation| {
                if let Some(to) = target(id) {
                    links.push((to, Backlink { from, relation }));
                }
            };
            match &item.details {
                Details::Case(case) => {
                    add(&case.cluster_type, Relation::Type);
                    case.factors.iter().for_each(|f| add(f, Relation::Factor));
                    case.problems.iter().for_each(|p| add(p, Relation::Problem));
                    if let Some(s) = &case.strategy {
                        add(s, Relation::Strategy);
                    }
                    if let Some(c) = &case.counterpart {
                        add(c, Relation::Counterpart);
                    }
                    let mut roles_seen: Vec<&str> = Vec::new();
                    for actor in &case.actors {
                        if !roles_seen.contains(&actor.role.as_str()) {
                            roles_seen.push(&actor.role);
                            add(&actor.role, Relation::Role(case.strength_in(&actor.role)));
                        }
                    }
                }
                Details::Strategy {
                    for_type: Some(t), ..
                } => add(t, Relation::Type),
                Details::Concept { eras, .. } => {
                    for era in eras {
                        era.world.iter().for_each(|c| add(c, Relation::Timeline));
                        era.korea
                            .iter()
                            .filter_map(|k| k.case.as_deref())
                            .for_each(|c| add(c, Relation::Timeline));
                    }
                }
                _ => {}
            }
        }
        // Links come in order of `from`, so a repeat (an item naming the same target
        // twice) can only be among the last ones its target holds: the check stays
        // short however many items link to one target.
        for (to, link) in links {
            let held = &mut self.backlinks[to];
            let repeat = held
                .iter()
                .rev()
                .take_while(|l| l.from == link.from)
                .any(|l| *l == link);
            if !repeat {
                held.push(link);
            }
        }
    }

    /// Cases by cluster type (in the type catalog's order), then by English name;
    /// catalog entries in the order their files give them.
    fn order_kinds(&mut self) {
        let type_rank: HashMap<&str, usize> = self
            .items
            .iter()
            .filter(|i| i.kind == Kind::Type)
            .enumerate()
            .map(|(rank, i)| (i.id.as_str(), rank))
            .collect();
        for kind in Kind::ALL {
            let mut ids: Vec<usize> = (0..self.items.len())
                .filter(|&i| self.items[i].kind == kind)
                .collect();
            if kind == Kind::Case {
                // Each key once (a lowercased name is an allocation), not per comparison.
                ids.sort_by_cached_key(|&i| {
                    let item = &self.items[i];
                    let rank = item
                        .case()
                        .and_then(|c| type_rank.get(c.cluster_type.as_str()))
                        .copied()
                        .unwrap_or(usize::MAX);
                    (rank, item.name.en.to_lowercase())
                });
            }
            for (rank, &i) in ids.iter().enumerate() {
                self.rank[i] = rank;
            }
            self.by_kind.insert(kind, ids);
        }
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn item(&self, index: usize) -> &Item {
        &self.items[index]
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn get(&self, id: &str) -> Option<&Item> {
        self.position(id).map(|i| &self.items[i])
    }

    /// Item positions of one kind, in display order.
    pub fn of_kind(&self, kind: Kind) -> &[usize] {
        self.by_kind.get(&kind).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Everything that links to the item at `index`.
    pub fn backlinks(&self, index: usize) -> &[Backlink] {
        self.backlinks.get(index).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Cases linking to the item at `index` with a given kind of relation, in case order.
    pub fn cases_linking(&self, index: usize, wanted: fn(Relation) -> bool) -> Vec<usize> {
        let mut cases: Vec<usize> = self
            .backlinks(index)
            .iter()
            .filter(|l| wanted(l.relation) && self.items[l.from].kind == Kind::Case)
            .map(|l| l.from)
            .collect();
        cases.sort_by_key(|&c| self.rank[c]);
        cases
    }

    /// Who cites each section of each source document, built once with the index.
    pub fn source_citations(&self) -> &SourceCitations {
        &self.citations
    }

    /// The document of the sources catalog with this id, with its item.
    pub fn document(&self, id: &str) -> Option<(&Item, &SourceDocument)> {
        let item = self.get(id)?;
        Some((item, item.source_document()?))
    }

    /// A source as a reference in `lang` (see [`crate::citation::cite`]).
    pub fn cite(&self, source: &Source, lang: Lang) -> String {
        let document = self.document(&source.doc);
        let section = document.and_then(|(_, doc)| {
            let at = *self.sections.get(&source.doc)?.get(&source.section)?;
            doc.sections.get(at)
        });
        crate::citation::cite_section(document, section, source, lang)
    }

    /// The full reference of the document a source names, if the collection has it.
    pub fn reference(&self, source: &Source, lang: Lang) -> Option<String> {
        self.document(&source.doc)
            .map(|(_, doc)| crate::citation::reference(doc, lang))
    }

    /// The display name of an id in a language, or the id itself when it is unknown.
    pub fn name_of<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.get(id).map_or(id, |item| item.name.get(lang))
    }

    /// Cases the seed rates in at least one of the three report roles: the role matrix.
    pub fn matrix(&self) -> Vec<MatrixRow<'_>> {
        self.of_kind(Kind::Case)
            .iter()
            .filter_map(|&i| {
                let item = &self.items[i];
                let case = item.case()?;
                let strengths = MATRIX_ROLES.map(|role| case.strength_in(role));
                strengths.iter().any(Option::is_some).then_some(MatrixRow {
                    item,
                    case,
                    strengths,
                })
            })
            .collect()
    }
}

/// One case's row in the role matrix: VP, SO and SS strengths (which of them are weakest
/// is `crate::matrix`'s to say).
pub struct MatrixRow<'a> {
    pub item: &'a Item,
    pub case: &'a CaseDetails,
    pub strengths: [Option<RoleStrength>; 3],
}
