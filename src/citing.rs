//! What to say about one section of a source document and everything that cites it,
//! independent of the output format: its numbering, heading and pages, then the citing
//! items grouped by kind (cases first) and, under each item, the facts that cite the
//! section — a figure with its value, a statement, an actor, an entry of the item's
//! `sources` list — each with the page it names. The explorer's Sources view and
//! `casebook sources DOC SECTION` (plain and JSON) read the same [`SectionReport`].
//!
//! Depends on `model`, `index` (and its [`crate::backlinks`] table), `citation` and
//! `report` (a figure's value as printed with its unit).

use serde::Serialize;

use crate::backlinks::CitedSection;
use crate::index::Index;
use crate::model::{DocumentSection, Fact, Kind, Lang, Source, SourceDocument};

/// One section and what cites it, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionReport {
    /// The document's id and our name for it.
    pub doc: String,
    pub document: String,
    pub section: String,
    /// The section's numbering as a citation prints it (`Ⅱ-2 ①`).
    pub label: String,
    /// The heading as printed (Korean), or our translation (English).
    pub heading: String,
    /// The pages (slides) the section is printed on, where known: "8~9쪽", "pp. 8–9".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// How a fact from this section is cited.
    pub citation: String,
    /// How many citations name the section, and from how many items.
    pub count: usize,
    pub items: usize,
    pub groups: Vec<CitingGroup>,
}

/// The citing items of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitingGroup {
    pub kind: Kind,
    /// The kind's name in the language: "사례", "case".
    pub label: String,
    pub items: Vec<CitingEntry>,
}

/// One citing item and its facts that cite the section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitingEntry {
    /// The item's position in the index (for following it).
    #[serde(skip)]
    pub position: usize,
    pub id: String,
    pub name: String,
    pub facts: Vec<CitingLine>,
}

/// One citing fact, described for a reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitingLine {
    /// The field path the citation is written at (`figures.2.source`).
    pub path: String,
    /// What carries the citation: "수치", "strength", …
    pub what: String,
    /// The fact itself: a figure's value and label, a statement, who fills a role; empty
    /// for an entry of the item's `sources` list.
    pub text: String,
    /// The page (slide) the citation names, as a citation writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The text the item's own report shows for this fact, to find it again there (the
    /// explorer lands on it when the backlink is followed); `None` for a `sources` entry.
    #[serde(skip)]
    pub land: Option<String>,
}

/// The pages (slides) a section is printed on, where known.
pub fn pages(doc: &SourceDocument, section: &DocumentSection, lang: Lang) -> Option<String> {
    crate::citation::locator(doc.document, section, None, lang)
}

/// The report of section `section` (a position in its `sections`) of the document whose
/// item is at `doc`; `None` when there is no such document or section.
pub fn section_report(
    index: &Index,
    doc: usize,
    section: usize,
    lang: Lang,
) -> Option<SectionReport> {
    let item = index.item(doc);
    let document = item.source_document()?;
    let printed = document.sections.get(section)?;
    let cited = index.source_citations().section(doc, section)?;
    let source = Source {
        doc: item.id.clone(),
        section: printed.id.clone(),
        page: None,
    };
    Some(SectionReport {
        doc: item.id.clone(),
        document: item.name.get(lang).to_string(),
        section: printed.id.clone(),
        label: printed.label.get(lang).to_string(),
        heading: crate::citation::heading(printed, lang).to_string(),
        pages: pages(document, printed, lang),
        citation: index.cite(&source, lang),
        count: cited.count(),
        items: cited.items.len(),
        groups: groups(index, document, printed, cited, lang),
    })
}

fn groups(
    index: &Index,
    document: &SourceDocument,
    printed: &DocumentSection,
    cited: &CitedSection,
    lang: Lang,
) -> Vec<CitingGroup> {
    let mut groups: Vec<CitingGroup> = Vec::new();
    for citing in &cited.items {
        let item = index.item(citing.item);
        let facts = item.cited_facts();
        let lines = citing
            .facts
            .iter()
            .filter_map(|f| facts.get(f.fact))
            .map(|fact| {
                let (what, text, land) = describe(index, fact.what, lang);
                CitingLine {
                    path: fact.path.to_string(),
                    what,
                    text,
                    page: fact.source.page.and_then(|p| {
                        crate::citation::locator(document.document, printed, Some(p), lang)
                    }),
                    land,
                }
            })
            .collect();
        let entry = CitingEntry {
            position: citing.item,
            id: item.id.clone(),
            name: item.name.get(lang).to_string(),
            facts: lines,
        };
        match groups.last_mut() {
            Some(group) if group.kind == item.kind => group.items.push(entry),
            _ => groups.push(CitingGroup {
                kind: item.kind,
                label: item.kind.label(lang).to_string(),
                items: vec![entry],
            }),
        }
    }
    groups
}

/// What carries a citation, the fact in words, and the text the item's report shows
/// for it (see [`crate::report`]: a figure is "value (year) — label", a statement its
/// text, an actor who fills the role).
fn describe(index: &Index, fact: Fact<'_>, lang: Lang) -> (String, String, Option<String>) {
    let (what, text, land): (&str, String, Option<String>) = match fact {
        Fact::Listed => (
            lang.pick("출처 목록", "listed in its sources"),
            String::new(),
            None,
        ),
        Fact::Point(p) => (
            lang.pick("내용", "point"),
            p.get(lang).into(),
            Some(p.get(lang).into()),
        ),
        Fact::Strength(p) => (
            lang.pick("강점", "strength"),
            p.get(lang).into(),
            Some(p.get(lang).into()),
        ),
        Fact::Weakness(p) => (
            lang.pick("약점", "weakness"),
            p.get(lang).into(),
            Some(p.get(lang).into()),
        ),
        Fact::Evaluation(p) => (
            lang.pick("평가", "evaluation"),
            p.get(lang).into(),
            Some(p.get(lang).into()),
        ),
        Fact::SectionPoint(section, p) => {
            return (
                section.title.get(lang).to_string(),
                p.get(lang).to_string(),
                Some(p.get(lang).to_string()),
            )
        }
        Fact::Figure(f) => {
            let year = f.year.map(|y| format!(" ({y})")).unwrap_or_default();
            let shown = format!(
                "{}{year} — {}",
                crate::report::figure_value(f, lang),
                f.label.get(lang)
            );
            (lang.pick("수치", "figure"), shown.clone(), Some(shown))
        }
        Fact::Actor(a) => (
            lang.pick("주체", "actor"),
            format!("{}: {}", index.name_of(&a.role, lang), a.who.get(lang)),
            Some(a.who.get(lang).into()),
        ),
        Fact::TypeActor(a) => (
            lang.pick("역할별 주체", "actor"),
            format!("{}: {}", index.name_of(&a.role, lang), a.who.get(lang)),
            Some(a.who.get(lang).into()),
        ),
        Fact::Region(r) => (
            lang.pick("유망지역", "region"),
            r.name.get(lang).into(),
            Some(r.name.get(lang).into()),
        ),
        Fact::Table(t) => {
            let columns: Vec<&str> = t.columns.iter().map(|c| c.get(lang)).collect();
            (
                lang.pick("표", "table"),
                columns.join(" · "),
                Some(lang.pick("표 출처", "Table source").into()),
            )
        }
        Fact::Era(e) => {
            let shown = format!("{} — {}", e.label.get(lang), e.policy_focus.get(lang));
            (lang.pick("연표", "timeline"), shown.clone(), Some(shown))
        }
        Fact::DateEvidence(p) => (
            lang.pick("날짜의 근거", "date evidence"),
            p.get(lang).into(),
            Some(p.get(lang).into()),
        ),
    };
    (what.to_string(), text, land)
}

/// A citing fact on one line: "수치: 116개 — 연구기관 수 · 8쪽"; an entry of the item's
/// `sources` list is its label with the page.
pub fn fact_text(line: &CitingLine) -> String {
    let mut out = line.what.clone();
    if !line.text.is_empty() {
        out.push_str(": ");
        out.push_str(&line.text);
    }
    if let Some(page) = &line.page {
        out.push_str(" · ");
        out.push_str(page);
    }
    out
}
