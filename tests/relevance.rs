//! The look-up a meeting relies on, measured on the shipped cases: queries a room would
//! type — firms, people, programmes, places, figures, in Korean and English, with typos
//! and with the keyboard in the wrong mode — each with the item that must come first (or
//! within the first three, where several items fairly share the word), and queries no
//! item answers, which must say "nothing found". The counts are in the README.
//!
//! Every row is checked and every failure reported at once, so a ranking change shows
//! its whole effect.

use casebook::collection::{self, Collection, Found};
use casebook::search::Searcher;

/// What a query must bring.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// This item first.
    First(&'static str),
    /// This item among the first three.
    Top3(&'static str),
    /// Nothing at all: no hit, a total of 0.
    Nothing,
}

/// How the query reaches its answer, checked with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    /// As typed.
    Typed,
    /// Through a spelling one edit away (the results say which).
    Typo,
    /// Typed with the keyboard in the wrong mode, converted (the results say to what).
    WrongMode,
}

use Expect::{First, Nothing, Top3};
use Route::{Typed, Typo, WrongMode};

const ROWS: &[(&str, Expect, Route)] = &[
    // Cases by their names, in both languages and both spellings the documents use.
    ("대덕", First("daedeok"), Typed),
    ("Daedeok", First("daedeok"), Typed),
    ("daedeok valley", First("daedeok"), Typed),
    ("울산", First("ulsan"), Typed),
    ("Ulsan", First("ulsan"), Typed),
    ("도요타", First("toyota-city"), Typed),
    ("토요타", First("toyota-city"), Typo),
    ("Toyota", First("toyota-city"), Typed),
    ("샌디에고", First("san-diego"), Typed),
    ("샌디에이고", First("san-diego"), Typed),
    ("San Diego", First("san-diego"), Typed),
    ("Kista", First("kista"), Typed),
    ("시스타", First("kista"), Typed),
    ("Brenta", First("brenta"), Typed),
    ("브렌타", First("brenta"), Typed),
    ("Icheon", First("icheon"), Typed),
    ("이천", First("icheon"), Typed),
    ("Silicon Valley", First("silicon-valley"), Typed),
    ("실리콘밸리", First("silicon-valley"), Typed),
    ("Singapore", First("singapore-it2000"), Typed),
    ("Pudong", First("pudong"), Typed),
    ("푸동", First("pudong"), Typed),
    ("Zhongguancun", First("zhongguancun"), Typed),
    ("중관촌", First("zhongguancun"), Typed),
    ("Ontario", First("ontario-auto-parts"), Typed),
    ("온타리오", First("ontario-auto-parts"), Typed),
    ("Regensburg", First("regensburg"), Typed),
    ("레겐스부르크", First("regensburg"), Typo),
    ("Silicon Hills", First("silicon-hills"), Typed),
    ("Curitiba", First("curitiba"), Typed),
    ("꾸리찌바", First("curitiba"), Typed),
    ("Cambridge", First("cambridge"), Typed),
    ("캠브리지", First("cambridge"), Typed),
    ("Hsinchu", First("hsinchu"), Typed),
    ("신쥬", First("hsinchu"), Typed),
    ("Kumamoto", First("kumamoto"), Typed),
    ("구마모또", First("kumamoto"), Typed),
    (
        "Multimedia Super Corridor",
        First("multimedia-super-corridor"),
        Typed,
    ),
    ("MSC", First("multimedia-super-corridor"), Typed),
    ("Malaysia", First("multimedia-super-corridor"), Typed),
    ("Oulu", First("oulu"), Typed),
    ("울루", First("oulu"), Typed),
    ("Route 128", First("route-128"), Typed),
    ("Boston", First("route-128"), Typed),
    ("Sophia Antipolis", First("sophia-antipolis"), Typed),
    ("Tsukuba", First("tsukuba"), Typed),
    ("쓰꾸바", First("tsukuba"), Typed),
    ("Yeongwol", First("yeongwol-solar"), Typed),
    ("영월", First("yeongwol-solar"), Typed),
    // Firms, research bodies and programmes named in a case's text.
    ("ETRI", First("daedeok"), Typed),
    ("KAIST", First("daedeok"), Typed),
    ("현대자동차", First("ulsan"), Typed),
    ("Hyundai", First("ulsan"), Typed),
    ("Namyang", First("ulsan"), Typed),
    ("Toyota Motor", First("toyota-city"), Typed),
    ("UCSD", First("san-diego"), Typed),
    // CONNECT, San Diego's commercialisation hub (the word also reads as a verb).
    ("CONNECT", First("commercialization-hub"), Typed),
    ("Electrum", First("kista"), Typed),
    ("Nokia", First("kista"), Typed),
    ("Ericsson", First("kista"), Typed),
    ("Apple", First("kista"), Typed),
    ("IBM", Top3("kista"), Typed),
    ("Kwangjuyo", First("icheon"), Typed),
    ("Haegangyo", First("icheon"), Typed),
    ("Fairchild", First("silicon-valley"), Typed),
    ("HP", First("silicon-valley"), Typed),
    ("Hewlett", First("silicon-valley"), Typed),
    ("Packard", First("silicon-valley"), Typed),
    ("Stanford", Top3("silicon-valley"), Typed),
    ("IT2000", First("singapore-it2000"), Typed),
    ("Dell", First("silicon-hills"), Typed),
    ("Motorola", First("silicon-hills"), Typed),
    // Samsung is also the report's publisher: the report first, then the case.
    ("Samsung", Top3("silicon-hills"), Typed),
    ("OECD", First("cluster-competition-era"), Typed),
    ("polysilicon", First("yeongwol-solar"), Typed),
    ("태양광", First("yeongwol-solar"), Typed),
    ("강원도", First("yeongwol-solar"), Typed),
    ("도자기", First("icheon"), Typed),
    ("pottery", First("icheon"), Typed),
    // People and studies.
    ("Dyer", First("dyer-proximity-study"), Typed),
    ("Atkinson", Top3("san-diego"), Typed),
    ("애트킨슨", Top3("san-diego"), Typed),
    ("Terman", Top3("silicon-valley"), Typed),
    ("Porter", First("porter-definition"), Typed),
    ("포터", First("porter-definition"), Typed),
    ("Storper", First("cluster-research-trends"), Typed),
    ("McCann", First("cluster-research-trends"), Typed),
    ("Belussi", First("cluster-evolution-stage"), Typed),
    // Roles, factors, problems and concepts by their names and terms.
    ("vision provider", First("vision-provider"), Typed),
    ("비전제시자", First("vision-provider"), Typed),
    ("VP", First("vision-provider"), Typed),
    ("system organizer", First("system-organizer"), Typed),
    ("SO", First("system-organizer"), Typed),
    ("specialized supplier", First("specialized-supplier"), Typed),
    ("전문공급자", First("specialized-supplier"), Typed),
    ("SS", First("specialized-supplier"), Typed),
    ("tacit knowledge", First("why-clusters-work"), Typed),
    ("암묵지", First("why-clusters-work"), Typed),
    ("디지털 시대의 역설", First("digital-age-paradox"), Typed),
    ("paradox", First("digital-age-paradox"), Typed),
    ("industrial estate", Top3("paradigm-shift-table"), Typed),
    ("산업단지", Top3("industrial-estate-supply-limits"), Typed),
    ("technopolis", Top3("era-timeline"), Typed),
    ("spin-off", First("spinoffs-and-mobility"), Typed),
    ("분리창업", First("spinoffs-and-mobility"), Typed),
    ("entrepreneurship", First("entrepreneurship"), Typed),
    ("champion", First("champion-leadership"), Typed),
    ("incentive", First("incentive-system"), Typed),
    ("branding", First("regional-branding"), Typed),
    ("브랜드", First("regional-branding"), Typed),
    (
        "internationalization",
        First("weak-internationalization"),
        Typed,
    ),
    ("국제화", First("weak-internationalization"), Typed),
    ("subcontractor", First("subcontractor-dependence"), Typed),
    ("하청", First("subcontractor-dependence"), Typed),
    ("knowledge network", First("weak-knowledge-network"), Typed),
    ("지식 네트워크", First("weak-knowledge-network"), Typed),
    ("China", First("china-catch-up-pressure"), Typed),
    ("중국", First("china-catch-up-pressure"), Typed),
    // The documents cited: authors, publisher, titles.
    ("복득규", First("seri-2002"), Typed),
    ("고유상", First("seri-2002"), Typed),
    ("Bok", First("seri-2002"), Typed),
    ("SERI", First("seri-2002"), Typed),
    ("삼성경제연구소", First("seri-2002"), Typed),
    (
        "Samsung Economic Research Institute",
        First("seri-2002"),
        Typed,
    ),
    ("성공적 추진전략", First("yeongwol-solar-plan"), Typed),
    ("kind:문헌 영월", First("yeongwol-solar-plan"), Typed),
    // Figures, as printed.
    ("69.3%", First("daedeok"), Typed),
    ("36.7", First("daedeok"), Typed),
    ("1938", First("toyota-city"), Typed),
    ("2,312억", First("ulsan"), Typed),
    ("5,200억", First("icheon"), Typed),
    ("60%", First("icheon"), Typed),
    ("220여개", First("daedeok"), Typed),
    // Figures, as English reads them.
    ("231.2 billion", First("ulsan"), Typed),
    ("KRW 520 billion", First("icheon"), Typed),
    ("2.5 million people", First("silicon-valley"), Typed),
    // Typos: one letter swapped, missing, extra or wrong; in Korean one jamo.
    ("Daedoek", First("daedeok"), Typo),
    ("Kitsa", First("kista"), Typo),
    ("Electrun", First("kista"), Typo),
    ("Regensbrug", First("regensburg"), Typo),
    ("Curitba", First("curitiba"), Typo),
    ("Hsinhcu", First("hsinchu"), Typo),
    ("Toyta", First("toyota-city"), Typo),
    ("Pudnog", First("pudong"), Typo),
    ("Stanfrod", Top3("silicon-valley"), Typo),
    ("univrsity", Top3("university-led"), Typo),
    ("샌디애고", First("san-diego"), Typo),
    ("실리콘벨리", First("silicon-valley"), Typo),
    ("레겐스부르그", First("regensburg"), Typed),
    ("브랜타", First("brenta"), Typo),
    ("쿠리찌바", First("curitiba"), Typo),
    // The keyboard in the wrong mode, and jamo pasted one by one.
    ("eoejr", First("daedeok"), WrongMode),
    ("dnftks", First("ulsan"), WrongMode),
    ("kind:case eoejr", First("daedeok"), WrongMode),
    ("rkddnjseh", First("yeongwol-solar"), WrongMode),
    ("xodidrhkd", First("yeongwol-solar"), WrongMode),
    ("새ㅛㅐㅅㅁ", First("toyota-city"), WrongMode),
    ("ㅏㅑㄴㅅㅁ", First("kista"), WrongMode),
    ("ㅕㅣㄴ무", First("ulsan"), WrongMode),
    ("ㄷㅐㄷㅓㄱ", First("daedeok"), Typed),
    ("ㅅㄷㅇㄱ", First("san-diego"), Typed),
    // Words no item contains.
    ("KOSPI", Nothing, Typed),
    ("Tesla", Nothing, Typed),
    ("테슬라", Nothing, Typed),
    ("Nvidia", Nothing, Typed),
    ("Google", Nothing, Typed),
    ("구글", Nothing, Typed),
    ("bitcoin", Nothing, Typed),
    ("blockchain", Nothing, Typed),
    ("블록체인", Nothing, Typed),
    ("메타버스", Nothing, Typed),
    ("코로나", Nothing, Typed),
    ("인공지능", Nothing, Typed),
    ("artificial intelligence", Nothing, Typed),
    ("xyzzy", Nothing, Typed),
    ("Toyota Tesla", Nothing, Typed),
];

/// How far down a hit is looked for.
const LIMIT: usize = 20;

fn find(collection: &Collection, query: &str) -> Found {
    let mut searcher = Searcher::new(&collection.search);
    collection::find(&collection.index, &mut searcher, query, LIMIT, &|| false)
        .expect("a search that is never cancelled answers")
}

/// What is wrong with a row's answer, if anything.
fn check(collection: &Collection, query: &str, expect: Expect, route: Route) -> Option<String> {
    let found = find(collection, query);
    let ids: Vec<&str> = found
        .hits
        .iter()
        .map(|hit| collection.index.item(hit.item).id.as_str())
        .collect();
    let taken = match (found.converted.is_some(), found.corrected.is_empty()) {
        (true, _) => WrongMode,
        (false, false) => Typo,
        (false, true) => Typed,
    };
    let answer = match expect {
        First(id) => ids.first() == Some(&id),
        Top3(id) => ids.iter().take(3).any(|&hit| hit == id),
        Nothing => ids.is_empty() && found.total == 0,
    };
    let route_ok = matches!(expect, Nothing) || taken == route;
    (!answer || !route_ok).then(|| {
        format!(
            "{query:?}: wanted {expect:?} by {route:?}, got {:?} by {taken:?} ({} in all{})",
            &ids[..ids.len().min(5)],
            found.total,
            found
                .converted
                .as_deref()
                .map(|c| format!(", → {c}"))
                .unwrap_or_default()
        )
    })
}

#[test]
fn every_query_brings_its_item_first_or_says_nothing_found() {
    let collection = collection::open(None).expect("the shipped cases load");
    let failures: Vec<String> = ROWS
        .iter()
        .filter_map(|&(query, expect, route)| check(&collection, query, expect, route))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} queries went wrong:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

/// The suite stays as large as the README says: at least 80 queries with an answer and
/// 8 that must find nothing, wrong-mode and typo rows among them.
#[test]
fn the_suite_covers_what_a_meeting_types() {
    let answered = ROWS.iter().filter(|r| !matches!(r.1, Nothing)).count();
    let nothing = ROWS.len() - answered;
    let typos = ROWS.iter().filter(|r| r.2 == Typo).count();
    let wrong_mode = ROWS.iter().filter(|r| r.2 == WrongMode).count();
    let korean = ROWS
        .iter()
        .filter(|r| r.0.chars().any(|c| ('가'..='힣').contains(&c)))
        .count();
    assert!(answered >= 80, "{answered} answered queries");
    assert!(nothing >= 8, "{nothing} nothing-found queries");
    assert!(typos >= 8, "{typos} typo queries");
    assert!(wrong_mode >= 5, "{wrong_mode} wrong-mode queries");
    assert!(korean >= 40, "{korean} Korean queries");
    // The README's Search section reports these counts.
    let readme = include_str!("../README.md");
    let line = format!(
        "{} queries: {answered} with the item that must come first or in the first three, \
         {nothing} that must find nothing",
        ROWS.len()
    );
    assert!(readme.contains(&line), "README.md should say: {line}");
}
