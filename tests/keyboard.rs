//! Queries typed with the Korean keyboard in the wrong mode (`eoejr` for 대덕, `새ㅛㅐㅅㅁ`
//! for `toyota`): `collection::find` rescues them when they find nothing as typed, only
//! ever converting the search terms, and `casebook search` says which query it used.

mod common;
use common::casebook_command;

use std::path::Path;

use casebook::collection::{self, Collection, Found};
use casebook::model::Kind;
use casebook::search::Searcher;

const LIMIT: usize = 20;

fn find(collection: &Collection, query: &str) -> Found {
    let mut searcher = Searcher::new(&collection.search);
    collection::find(&collection.index, &mut searcher, query, LIMIT, &|| false)
        .expect("a search that is never cancelled answers")
}

/// The ids of the hits, best first.
fn ids(collection: &Collection, found: &Found) -> Vec<String> {
    found
        .hits
        .iter()
        .map(|hit| collection.index.item(hit.item).id.clone())
        .collect()
}

fn shipped() -> Collection {
    collection::open(None).expect("the shipped cases load")
}

/// Two concepts with short texts, where a Latin query cannot match by letters strewn
/// across long English text (as it still can in the shipped cases).
const SMALL: &str = r#"catalog: concept
items:
  - id: daedeok
    name: {ko: 대덕, en: Daedeok}
    summary: {ko: 대덕 연구단지, en: Daedeok Innopolis}
    sources: [{doc: a, section: b}]
  - id: ulsan
    name: {ko: 울산, en: Ulsan}
    summary: {ko: 울산 자동차, en: Ulsan cars}
    sources: [{doc: a, section: b}]
"#;

/// The one document the two concepts cite.
const SOURCE: &str = r#"catalog: source
items:
  - id: a
    name: {ko: 문헌, en: document}
    summary: {ko: 시험 문헌, en: test document}
    sources: [{doc: a, section: b}]
    document: report
    title_note: {ko: 제목 없음, en: untitled}
    date: {year: 2002, certainty: inferred, label: {ko: "2002", en: "2002"}, evidence: {ko: 근거, en: evidence, source: {doc: a, section: b}}}
    file: a.txt
    sections: [{id: b, label: {ko: Ⅰ, en: I}, heading: {ko: 장, en: chapter}}]
"#;

fn small_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("catalog")).expect("mkdir");
    std::fs::write(dir.path().join("catalog/concepts.yaml"), SMALL).expect("write");
    std::fs::write(dir.path().join("catalog/sources.yaml"), SOURCE).expect("write");
    dir
}

fn small(dir: &Path) -> Collection {
    let collection = collection::open(Some(dir)).expect("the small collection loads");
    assert_eq!(
        collection.index.len(),
        3,
        "{:?}",
        collection.index.diagnostics
    );
    assert!(
        collection.index.diagnostics.is_empty(),
        "{:?}",
        collection.index.diagnostics
    );
    collection
}

#[test]
fn latin_typed_for_hangul_finds_the_hangul() {
    let dir = small_dir();
    let collection = small(dir.path());
    for (typed, meant, first) in [
        ("eoejr", "대덕", "daedeok"),
        ("dnftks", "울산", "ulsan"),
        ("'eoejr", "'대덕", "daedeok"),
        ("^dnftks$", "^울산$", "ulsan"),
        ("dnftks wkehdck", "울산 자동차", "ulsan"),
    ] {
        let found = find(&collection, typed);
        assert_eq!(found.converted.as_deref(), Some(meant), "{typed}");
        assert_eq!(ids(&collection, &found), [first], "{typed}");
        assert_eq!(found.total, 1, "{typed}");
    }
}

#[test]
fn filters_and_operators_are_kept_as_typed() {
    let dir = small_dir();
    let collection = small(dir.path());
    let found = find(&collection, "kind:concept eoejr");
    assert_eq!(found.converted.as_deref(), Some("kind:concept 대덕"));
    assert_eq!(ids(&collection, &found), ["daedeok"]);
    // The filter still filters: no case is called 대덕 here.
    let found = find(&collection, "kind:case eoejr");
    assert_eq!(found, Found::default());
    // A negation is converted like any term, and keeps its `!`.
    let found = find(&collection, "dnftks !eoejr");
    assert_eq!(found.converted.as_deref(), Some("울산 !대덕"));
    assert_eq!(ids(&collection, &found), ["ulsan"]);
    // "^대덕 !연구" leaves nothing either: the answer is the query's own, empty.
    assert_eq!(find(&collection, "^eoejr !dusrn"), Found::default());
}

#[test]
fn conversions_touch_only_the_search_terms() {
    let conversions = collection::wrong_mode_conversions;
    assert_eq!(conversions("eoejr"), ["대덕"]);
    assert_eq!(conversions("새ㅛㅐㅅㅁ"), ["toyota"]);
    assert_eq!(conversions("kind:case eoejr"), ["kind:case 대덕"]);
    assert_eq!(conversions("종류:사례 새ㅛㅐㅅㅁ"), ["종류:사례 toyota"]);
    assert_eq!(conversions("in:name  eoejr"), ["in:name  대덕"]);
    assert_eq!(
        conversions("!eoejr 'dnftks ^rhkdwn tkatjd$ ^eoejr$"),
        ["!대덕 '울산 ^광주 삼성$ ^대덕$"]
    );
    assert_eq!(conversions("'새ㅛㅐㅅㅁ"), ["'toyota"]);
    // Mixed: each side is tried, each word as far as it converts.
    assert_eq!(conversions("대덕 ejr"), ["대덕 덕", "eoejr ejr"]);
    // Nothing to convert, or nothing plausible.
    for query in ["", "kind:case", "toyota", "apple pie", "123", "'", "^$"] {
        assert!(conversions(query).is_empty(), "{query:?}");
    }
    // Decomposed (NFD) Hangul converts like composed.
    assert_eq!(conversions("\u{1109}\u{1162}"), ["to"]);
}

#[test]
fn a_query_that_finds_something_as_typed_is_never_converted() {
    let collection = shipped();
    for query in [
        "대덕",
        "toyota",
        "ㅅㄷㅇㄱ",
        "san diego",
        "울산 자동차",
        "kind:case",
    ] {
        let found = find(&collection, query);
        assert!(found.total > 0, "{query}");
        assert_eq!(found.converted, None, "{query}");
        // The same as the plain search.
        let mut searcher = Searcher::new(&collection.search);
        let (hits, total) =
            collection::search_items(&collection.index, &mut searcher, query, LIMIT, &|| false)
                .unwrap();
        assert_eq!((found.hits, found.total), (hits, total), "{query}");
    }
}

#[test]
fn nothing_found_either_way_is_not_converted() {
    let collection = shipped();
    let found = find(&collection, "ㅋㅋㅋㅋㅋ zzzzqqqq");
    assert_eq!(found, Found::default());
}

#[test]
fn cancelled_is_none() {
    let collection = shipped();
    let mut searcher = Searcher::new(&collection.search);
    let found = collection::find(
        &collection.index,
        &mut searcher,
        "새ㅛㅐㅅㅁ",
        LIMIT,
        &|| true,
    );
    assert_eq!(found, None);
}

/// Finds `typed` on the shipped cases and checks it was rescued as `meant`, with only
/// items of `kind` (any when `None`) and `first` on top.
fn assert_rescued(typed: &str, meant: &str, first: &str, kind: Option<Kind>) {
    let collection = shipped();
    let found = find(&collection, typed);
    assert_eq!(found.converted.as_deref(), Some(meant), "{typed}");
    assert_eq!(ids(&collection, &found)[0], first, "{typed}");
    if let Some(kind) = kind {
        assert!(found.hits.iter().all(|hit| hit.kind == kind), "{typed}");
    }
}

#[test]
fn hangul_typed_for_latin_finds_the_latin() {
    assert_rescued("새ㅛㅐㅅㅁ", "toyota", "toyota-city", None);
    assert_rescued(
        "kind:case 새ㅛㅐㅅㅁ",
        "kind:case toyota",
        "toyota-city",
        Some(Kind::Case),
    );
}

// On the shipped cases too: no letters strewn across long English text stand in the way.

#[test]
fn shipped_eoejr_finds_daedeok() {
    assert_rescued("eoejr", "대덕", "daedeok", None);
}

#[test]
fn shipped_dnftks_finds_ulsan() {
    assert_rescued("dnftks", "울산", "ulsan", None);
}

#[test]
fn shipped_kind_filter_is_kept() {
    assert_rescued(
        "kind:case eoejr",
        "kind:case 대덕",
        "daedeok",
        Some(Kind::Case),
    );
}

// ---------------------------------------------------------------------------------------
// casebook search

#[test]
fn search_says_which_query_it_used() {
    let dir = small_dir();
    let out = casebook_command()
        .args(["search", "eoejr", "--lang", "en", "--cases"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stdout.contains("daedeok"), "{stdout}");
    assert_eq!(
        stderr,
        "casebook: nothing matches \"eoejr\"; showing results for \"대덕\" \
         (typed with the keyboard in the wrong mode)\n"
    );
}

#[test]
fn search_json_stays_an_array_and_the_note_goes_to_stderr() {
    let out = casebook_command()
        .args([
            "search",
            "새ㅛㅐㅅㅁ",
            "--kind",
            "case",
            "--json",
            "--lang",
            "en",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(hits[0]["id"], "toyota-city");
    assert!(hits.as_array().unwrap().iter().all(|h| h["kind"] == "case"));
    // The note names the query as the user typed it, without the --kind term.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "casebook: nothing matches \"새ㅛㅐㅅㅁ\"; showing results for \"toyota\" \
         (typed with the keyboard in the wrong mode)\n"
    );
}

#[test]
fn search_found_as_typed_says_nothing_more() {
    let out = casebook_command()
        .args(["search", "대덕", "--lang", "en"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
