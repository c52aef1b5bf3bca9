//! The domain model: the plain types a collection is made of.
//!
//! Everything here is data — cases, actor roles, cluster types, success factors, policy
//! problems, strategies, concepts and the source documents they cite — with no I/O and no knowledge of YAML files, the
//! index, search or the terminal. Every other module may depend on this one; it depends
//! on nothing in the crate.
//!
//! The field names and enum spellings are the ones written in the YAML files
//! (`docs/DATA_MODEL.md`), so the same types deserialize case files and serialize JSON.

use serde::{Deserialize, Serialize};

/// A display language. Every human-readable text exists in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ko,
    En,
}

impl Lang {
    pub fn other(self) -> Lang {
        match self {
            Lang::Ko => Lang::En,
            Lang::En => Lang::Ko,
        }
    }

    /// Picks the Korean or the English string of a pair of UI labels.
    pub fn pick<'a>(self, ko: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }
}

/// A text in Korean and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub ko: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }
}

/// Where a fact comes from: a document of the sources catalog (by id), one of its
/// sections (by id), and where known the page (a slide, for a presentation). The loader
/// checks all three against the catalog; [`crate::citation`] turns one into a reference
/// a reader can cite.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub doc: String,
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// One statement, in both languages, with its own source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub ko: String,
    pub en: String,
    pub source: Source,
}

impl Point {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }
}

/// The seven kinds of item in a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Case,
    Role,
    Type,
    Factor,
    Problem,
    Strategy,
    Concept,
    /// A document the collection cites (the sources catalog).
    Source,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Case,
        Kind::Role,
        Kind::Type,
        Kind::Factor,
        Kind::Problem,
        Kind::Strategy,
        Kind::Concept,
        Kind::Source,
    ];

    /// "case", "role", ... as written in YAML and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Case => "case",
            Kind::Role => "role",
            Kind::Type => "type",
            Kind::Factor => "factor",
            Kind::Problem => "problem",
            Kind::Strategy => "strategy",
            Kind::Concept => "concept",
            Kind::Source => "source",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Case, Lang::Ko) => "사례",
            (Kind::Role, Lang::Ko) => "역할",
            (Kind::Type, Lang::Ko) => "유형",
            (Kind::Factor, Lang::Ko) => "성공요인",
            (Kind::Problem, Lang::Ko) => "정책문제",
            (Kind::Strategy, Lang::Ko) => "전략",
            (Kind::Concept, Lang::Ko) => "개념",
            (Kind::Source, Lang::Ko) => "문헌",
            (Kind::Case, Lang::En) => "case",
            (Kind::Role, Lang::En) => "role",
            (Kind::Type, Lang::En) => "type",
            (Kind::Factor, Lang::En) => "factor",
            (Kind::Problem, Lang::En) => "problem",
            (Kind::Strategy, Lang::En) => "strategy",
            (Kind::Concept, Lang::En) => "concept",
            (Kind::Source, Lang::En) => "source",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a cluster stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Established,
    Emerging,
    Transforming,
    Planned,
    /// The documents name the cluster without saying where it stands (the
    /// timeline table's entries): honest, rather than a guessed `established`.
    NotStated,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Established,
        Status::Emerging,
        Status::Transforming,
        Status::Planned,
        Status::NotStated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Established => "established",
            Status::Emerging => "emerging",
            Status::Transforming => "transforming",
            Status::Planned => "planned",
            Status::NotStated => "not-stated",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Established => lang.pick("정착", "established"),
            Status::Emerging => lang.pick("형성 중", "emerging"),
            Status::Transforming => lang.pick("전환 중", "transforming"),
            Status::Planned => lang.pick("계획", "planned"),
            Status::NotStated => lang.pick("미상", "not stated"),
        }
    }

    /// The label for a narrow column: never wider than four Hangul syllables or six
    /// Latin letters.
    pub fn short_label(self, lang: Lang) -> &'static str {
        match self {
            Status::Established => lang.pick("정착", "estab."),
            Status::Emerging => lang.pick("형성", "emerg."),
            Status::Transforming => lang.pick("전환", "trans."),
            Status::Planned => lang.pick("계획", "plan"),
            Status::NotStated => lang.pick("미상", "n/s"),
        }
    }
}

/// The decades of the report's era timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Era {
    #[serde(rename = "1960s-and-earlier")]
    SixtiesAndEarlier,
    #[serde(rename = "1970s")]
    Seventies,
    #[serde(rename = "1980s")]
    Eighties,
    #[serde(rename = "1990s-on")]
    NinetiesOn,
}

impl Era {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Era::SixtiesAndEarlier => lang.pick("60년대 및 그 이전", "the 1960s and earlier"),
            Era::Seventies => lang.pick("70년대", "1970s"),
            Era::Eighties => lang.pick("80년대", "1980s"),
            Era::NinetiesOn => lang.pick("90년대 이후", "1990s on"),
        }
    }
}

/// How much weight an actor role carries in a cluster, as the report's ◎ > ○ > △.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleStrength {
    Strong,
    Medium,
    Weak,
}

impl RoleStrength {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleStrength::Strong => "strong",
            RoleStrength::Medium => "medium",
            RoleStrength::Weak => "weak",
        }
    }

    /// The report's own symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            RoleStrength::Strong => "◎",
            RoleStrength::Medium => "○",
            RoleStrength::Weak => "△",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RoleStrength::Strong => lang.pick("강", "strong"),
            RoleStrength::Medium => lang.pick("중", "medium"),
            RoleStrength::Weak => lang.pick("약", "weak"),
        }
    }
}

/// Who fills an actor role in a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub role: String,
    pub who: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<RoleStrength>,
    pub source: Source,
}

/// A number exactly as the seed prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub label: Text,
    /// A string, so that "2,312억", "1만여" and "130/87" stay exactly as printed (English
    /// outputs read it in English, in `figure_en`).
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// What the figure measures, where figures of different cases measure the same thing
    /// and can be set side by side (compare lines them up only then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    /// The chart of this case the figure is a bar of, where it is drawn beside others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<ChartBar>,
    pub source: Source,
}

impl Figure {
    /// The value with its unit, as a reader expects it in each language: Korean units
    /// and % follow the number directly (40%, 116개), English units take a space
    /// (116 institutes), and a unit of "year" marks a calendar year (1973년, plain 1973).
    pub fn printed(&self, lang: Lang) -> String {
        let mut unit = self.unit.as_ref().map(|u| u.get(lang)).unwrap_or("");
        if lang == Lang::En && unit == "year" {
            unit = "";
        }
        let attached = unit.chars().all(|c| c == '%')
            || (lang == Lang::Ko && !unit.starts_with(|c: char| c.is_ascii_alphabetic()));
        if unit.is_empty() {
            self.value.clone()
        } else if attached {
            format!("{}{unit}", self.value)
        } else {
            format!("{} {unit}", self.value)
        }
    }
}

/// A printed value as a number, when it is one plain non-negative number: digits, with
/// commas between groups of three ("7,500") and a decimal point ("69.3"). Anything else —
/// "80/50", "1만여", "약 2조", "-3" — is `None`: drawing it would be our reading, not the
/// source's number.
pub fn parse_number(printed: &str) -> Option<f64> {
    let (whole, fraction) = match printed.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (printed, None),
    };
    let groups: Vec<&str> = whole.split(',').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !groups.iter().all(|g| digits(g)) || !grouped || !fraction.is_none_or(digits) {
        return None;
    }
    printed.replace(',', "").parse().ok()
}

/// A figure's place in one of its case's charts ([`ChartSpec`]): which chart, and the
/// bar's short label ("Toyota"), since the figure's own label names the whole series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartBar {
    pub id: String,
    pub bar: Text,
}

/// A chart a case draws from its figures: the figures naming its id are its bars, in
/// file order. Which figures belong together is data, never guessed from labels; the
/// loader checks that there are two bars or more, of one unit, each a plain number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    pub id: String,
    pub title: Text,
    /// What a reader must know to read the chart right (a reconstruction, a caveat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Things figures of different cases measure alike. The list is closed, so a comparison
/// never pairs two numbers only because their labels look similar; the loader checks each
/// figure's unit against its measure ([`Measure::unit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// The year the cluster's anchor — a research town, a carmaker's plant — was set up.
    StartYear,
    /// How many firms of the cluster's industry it holds.
    FirmCount,
    /// The cluster's share of its industry's national output.
    NationalShare,
    /// The economic growth rate of the cluster's region in a year.
    RegionalGrowth,
}

impl Measure {
    pub const ALL: [Measure; 4] = [
        Measure::StartYear,
        Measure::FirmCount,
        Measure::NationalShare,
        Measure::RegionalGrowth,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Measure::StartYear => "start-year",
            Measure::FirmCount => "firm-count",
            Measure::NationalShare => "national-share",
            Measure::RegionalGrowth => "regional-growth",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Measure::StartYear => lang.pick("출발 연도", "Year it began"),
            Measure::FirmCount => lang.pick("업체 수", "Number of firms"),
            Measure::NationalShare => {
                lang.pick("전국 산업 중 비중", "Share of the national industry")
            }
            Measure::RegionalGrowth => lang.pick("지역 경제성장률", "Regional growth rate"),
        }
    }

    /// The Korean unit a figure of this measure must carry, where the measure fixes one.
    pub fn unit(self) -> Option<&'static str> {
        match self {
            Measure::StartYear => Some("년"),
            Measure::FirmCount => None,
            Measure::NationalShare | Measure::RegionalGrowth => Some("%"),
        }
    }
}

/// A titled group of statements: history, a programme, a part of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: Text,
    pub points: Vec<Point>,
}

/// The facts only a case has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseDetails {
    pub country: Text,
    pub region: Text,
    pub industry: Text,
    #[serde(rename = "type")]
    pub cluster_type: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub era: Option<Era>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub founded: Option<i32>,
    pub actors: Vec<Actor>,
    pub figures: Vec<Figure>,
    /// Charts drawn from the figures (see [`ChartSpec`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<ChartSpec>,
    pub strengths: Vec<Point>,
    pub weaknesses: Vec<Point>,
    pub evaluation: Vec<Point>,
    pub sections: Vec<Section>,
    pub factors: Vec<String>,
    pub problems: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strategy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterpart: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating_note: Option<Text>,
}

impl CaseDetails {
    /// The strength the seed gives this case in a role, if it rates it.
    pub fn strength_in(&self, role: &str) -> Option<RoleStrength> {
        self.actors
            .iter()
            .filter(|a| a.role == role)
            .find_map(|a| a.strength)
    }
}

/// Which scheme of actors a role belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoleScheme {
    /// The report's vision provider / system organizer / specialized supplier.
    ClusterActors,
    /// The actor kinds of the Yeongwol solar plan.
    YeongwolPlan,
}

/// Who fills a role in a cluster type, per the report's type table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeActor {
    pub role: String,
    pub who: Text,
    pub source: Source,
}

/// A promising Korean region a strategy names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<Text>,
    pub source: Source,
}

/// A small comparison table (paradigm shift, research trends, the Dyer figures...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub columns: Vec<Text>,
    pub rows: Vec<TableRow>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    pub label: Text,
    pub cells: Vec<Text>,
}

/// One decade of the report's era timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EraEntry {
    pub era: Era,
    pub label: Text,
    pub policy_focus: Text,
    #[serde(default)]
    pub world: Vec<String>,
    #[serde(default)]
    pub korea: Vec<KoreanEraEntry>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KoreanEraEntry {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
}

/// What kind of document a source is; it decides whether a place in it is a page or a slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    Report,
    Presentation,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Report => "report",
            DocumentKind::Presentation => "presentation",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DocumentKind::Report => lang.pick("보고서", "report"),
            DocumentKind::Presentation => lang.pick("발표자료", "presentation"),
        }
    }
}

/// An author, with the family name and the given name apart (reference managers want
/// them so). `en` is a romanization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub family: Text,
    pub given: Text,
}

impl Person {
    /// The name as it is written in each language: 복득규, Bok Deuk-gyu.
    pub fn full(&self, lang: Lang) -> String {
        match lang {
            Lang::Ko => format!("{}{}", self.family.ko, self.given.ko),
            Lang::En => format!("{} {}", self.family.en, self.given.en),
        }
    }
}

/// Who published a document, with the short name a citation uses (SERI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
}

impl Publisher {
    pub fn short(&self, lang: Lang) -> &str {
        self.short.as_ref().unwrap_or(&self.name).get(lang)
    }
}

/// How sure a document's date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateCertainty {
    /// Not printed, but inferred from the document (the year is certain).
    Inferred,
    /// Only a lower bound is known: the document is from `year` or later.
    NotBefore,
}

/// When a document appeared, and the evidence for it (no document prints its date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentDate {
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    pub certainty: DateCertainty,
    /// The date in words: "2002년 11월 초", "2007 or later".
    pub label: Text,
    pub evidence: Point,
}

/// A place in a document that facts cite: its id, the numbering a citation shows
/// (`Ⅱ-2 ①`), the heading as printed (`ko`) with our translation (`en`), and the pages
/// (or slides) it is printed on, where known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSection {
    pub id: String,
    pub label: Text,
    pub heading: Text,
    /// Every page (slide) the section is printed on, in order; empty when not known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<u32>,
    /// The page numbers are our reading (counted), not printed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pages_reading: bool,
}

/// A document of the sources catalog: what a reference manager needs to cite it, and
/// its sections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    pub document: DocumentKind,
    /// The title as printed (`ko`) and our translation (`en`); `None` when the text
    /// carries no title: one is never invented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// A shorter form of the title for citations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<Text>,
    /// Where the title is printed, or that the text has none.
    pub title_note: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Person>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authors_note: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Publisher>,
    pub date: DocumentDate,
    /// The text file the document was read from: provenance, never a citation.
    pub file: String,
    /// How many pages the document has, where every page is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_count: Option<u32>,
    /// How the page (slide) numbers were established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages_note: Option<Text>,
    pub sections: Vec<DocumentSection>,
}

impl SourceDocument {
    pub fn section(&self, id: &str) -> Option<&DocumentSection> {
        self.sections.iter().find(|s| s.id == id)
    }
}

/// What distinguishes one kind of item from another.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Details {
    Case(Box<CaseDetails>),
    Role {
        #[serde(skip_serializing_if = "Option::is_none")]
        abbr: Option<String>,
        scheme: RoleScheme,
    },
    Type {
        actors: Vec<TypeActor>,
    },
    Strategy {
        #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
        for_type: Option<String>,
        regions: Vec<Region>,
    },
    Concept {
        #[serde(skip_serializing_if = "Option::is_none")]
        table: Option<Table>,
        eras: Vec<EraEntry>,
    },
    /// A document of the sources catalog.
    Source(Box<SourceDocument>),
    /// Factors and problems carry only the common fields.
    Plain {},
}

/// Any item of a collection: the fields all kinds share, and the kind's own details.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub kind: Kind,
    pub id: String,
    pub name: Text,
    pub aliases: Vec<String>,
    pub summary: Text,
    /// Statements about the item (a factor's aspects, a concept's parts, a strategy's actions).
    pub points: Vec<Point>,
    pub sources: Vec<Source>,
    #[serde(flatten)]
    pub details: Details,
    /// The file the item was loaded from, for messages and live reload.
    #[serde(skip)]
    pub file: String,
}

impl Item {
    pub fn case(&self) -> Option<&CaseDetails> {
        match &self.details {
            Details::Case(case) => Some(case),
            _ => None,
        }
    }

    pub fn title(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }

    /// The source document, for an item of the sources catalog.
    pub fn source_document(&self) -> Option<&SourceDocument> {
        match &self.details {
            Details::Source(doc) => Some(doc),
            _ => None,
        }
    }

    /// Every citation in the item with the field path it is written at
    /// (`figures.2.source`, `sources.0`), in file order.
    pub fn citations(&self) -> Vec<(String, &Source)> {
        self.cited_facts()
            .into_iter()
            .map(|fact| (fact.path.to_string(), fact.source))
            .collect()
    }

    /// Every citation in the item with what carries it (a figure, a strength, the
    /// item's own `sources` list, …), in file order: the same order and paths as
    /// [`Item::citations`], so the `n`-th of one is the `n`-th of the other.
    pub fn cited_facts(&self) -> Vec<CitedFact<'_>> {
        let mut out: Vec<CitedFact<'_>> = Vec::new();
        fn push<'a>(
            out: &mut Vec<CitedFact<'a>>,
            path: FieldPath,
            source: &'a Source,
            what: Fact<'a>,
        ) {
            out.push(CitedFact { path, source, what });
        }
        fn points<'a>(
            out: &mut Vec<CitedFact<'a>>,
            path: &'static str,
            points: &'a [Point],
            what: fn(&'a Point) -> Fact<'a>,
        ) {
            for (i, p) in points.iter().enumerate() {
                push(out, FieldPath::at(path, i, true), &p.source, what(p));
            }
        }
        for (i, s) in self.sources.iter().enumerate() {
            push(
                &mut out,
                FieldPath::at("sources", i, false),
                s,
                Fact::Listed,
            );
        }
        points(&mut out, "points", &self.points, Fact::Point);
        match &self.details {
            Details::Case(case) => {
                for (i, a) in case.actors.iter().enumerate() {
                    push(
                        &mut out,
                        FieldPath::at("actors", i, true),
                        &a.source,
                        Fact::Actor(a),
                    );
                }
                for (i, f) in case.figures.iter().enumerate() {
                    push(
                        &mut out,
                        FieldPath::at("figures", i, true),
                        &f.source,
                        Fact::Figure(f),
                    );
                }
                points(&mut out, "strengths", &case.strengths, Fact::Strength);
                points(&mut out, "weaknesses", &case.weaknesses, Fact::Weakness);
                points(&mut out, "evaluation", &case.evaluation, Fact::Evaluation);
                for (i, section) in case.sections.iter().enumerate() {
                    for (j, p) in section.points.iter().enumerate() {
                        push(
                            &mut out,
                            FieldPath {
                                field: "sections",
                                at: Some(i),
                                then: Some(("points", j)),
                                source: true,
                            },
                            &p.source,
                            Fact::SectionPoint(section, p),
                        );
                    }
                }
            }
            Details::Type { actors } => {
                for (i, a) in actors.iter().enumerate() {
                    push(
                        &mut out,
                        FieldPath::at("actors", i, true),
                        &a.source,
                        Fact::TypeActor(a),
                    );
                }
            }
            Details::Strategy { regions, .. } => {
                for (i, r) in regions.iter().enumerate() {
                    push(
                        &mut out,
                        FieldPath::at("regions", i, true),
                        &r.source,
                        Fact::Region(r),
                    );
                }
            }
            Details::Concept { table, eras } => {
                if let Some(table) = table {
                    push(
                        &mut out,
                        FieldPath::whole("table"),
                        &table.source,
                        Fact::Table(table),
                    );
                }
                for (i, e) in eras.iter().enumerate() {
                    push(
                        &mut out,
                        FieldPath::at("eras", i, true),
                        &e.source,
                        Fact::Era(e),
                    );
                }
            }
            Details::Source(doc) => {
                push(
                    &mut out,
                    FieldPath::whole("date.evidence"),
                    &doc.date.evidence.source,
                    Fact::DateEvidence(&doc.date.evidence),
                );
            }
            Details::Role { .. } | Details::Plain {} => {}
        }
        out
    }
}

/// What carries a citation in an item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fact<'a> {
    /// An entry of the item's own `sources` list: a place the item as a whole draws on.
    Listed,
    /// A statement about the item (a factor's aspect, a concept's part, …).
    Point(&'a Point),
    Actor(&'a Actor),
    Figure(&'a Figure),
    Strength(&'a Point),
    Weakness(&'a Point),
    Evaluation(&'a Point),
    /// A statement in one of a case's titled sections.
    SectionPoint(&'a Section, &'a Point),
    /// Who fills a role in a cluster type.
    TypeActor(&'a TypeActor),
    Region(&'a Region),
    Table(&'a Table),
    Era(&'a EraEntry),
    /// The evidence for a document's date.
    DateEvidence(&'a Point),
}

/// Where a citation is written in an item's file, shown as `figures.2.source`,
/// `sources.0`, `sections.1.points.3.source` (built as text only when shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldPath {
    pub field: &'static str,
    pub at: Option<usize>,
    /// A list inside the entry at `at`, and the position in it.
    pub then: Option<(&'static str, usize)>,
    /// Whether the path ends in the entry's `source` field.
    pub source: bool,
}

impl FieldPath {
    fn at(field: &'static str, at: usize, source: bool) -> FieldPath {
        FieldPath {
            field,
            at: Some(at),
            then: None,
            source,
        }
    }

    fn whole(field: &'static str) -> FieldPath {
        FieldPath {
            field,
            at: None,
            then: None,
            source: true,
        }
    }
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.field)?;
        if let Some(at) = self.at {
            write!(f, ".{at}")?;
        }
        if let Some((list, at)) = self.then {
            write!(f, ".{list}.{at}")?;
        }
        if self.source {
            f.write_str(".source")?;
        }
        Ok(())
    }
}

/// One citation of an item: the field path it is written at, the source, and what
/// carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct CitedFact<'a> {
    pub path: FieldPath,
    pub source: &'a Source,
    pub what: Fact<'a>,
}
