//! Unit and property tests of the search module (uses only its public API
//! plus `crate::model::Kind`).

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::searcher::reference_search;
use super::*;

fn doc(kind: Kind, id: &str, title: &str, fields: &[(Field, &str)]) -> Document {
    Document {
        kind,
        id: id.to_string(),
        title: title.to_string(),
        type_id: None,
        fields: fields
            .iter()
            .map(|&(field, text)| DocField {
                field,
                text: text.to_string(),
            })
            .collect(),
    }
}

fn case(id: &str, name: &str, summary: &str) -> Document {
    doc(
        Kind::Case,
        id,
        name,
        &[(Field::Name, name), (Field::Summary, summary)],
    )
}

fn never() -> bool {
    false
}

fn run(index: &SearchIndex, query: &str) -> SearchResults {
    Searcher::new(index)
        .search(query, 100, &never)
        .expect("a search that is never cancelled returns results")
}

/// Ids of the hits, best first.
fn ids(index: &SearchIndex, query: &str) -> Vec<String> {
    run(index, query)
        .hits
        .iter()
        .map(|h| index.id(h.doc).expect("hit in range").to_string())
        .collect()
}

/// The highlighted chars of a hit, in order, as one string.
fn highlighted(index: &SearchIndex, hit: &Hit) -> String {
    let (_, text) = index
        .field(hit.doc, hit.field_index)
        .expect("hit field in range");
    let chars: Vec<char> = text.chars().collect();
    hit.indices.iter().map(|&i| chars[i]).collect()
}

fn sample_index() -> SearchIndex {
    SearchIndex::build(sample_documents())
}

fn sample_documents() -> Vec<Document> {
    let mut role = doc(
        Kind::Role,
        "role-university",
        "University",
        &[
            (Field::Name, "University"),
            (Field::Summary, "대학은 연구와 인력양성을 맡는다"),
        ],
    );
    role.type_id = Some("type-research-driven".into());
    let mut factor = doc(
        Kind::Factor,
        "factor-anchor",
        "앵커 기업",
        &[
            (Field::Name, "앵커 기업"),
            (Field::Alias, "anchor firm"),
            (Field::Strength, "대기업이 공급망을 이끈다"),
        ],
    );
    factor.type_id = Some("type-anchor-firm".into());
    vec![
        case(
            "case-san-diego",
            "샌디에고 바이오 클러스터",
            "San Diego biotech cluster grew around UCSD research",
        ),
        case(
            "case-daedeok",
            "대덕연구개발특구",
            "정부 출연 연구소가 모인 대덕",
        ),
        case(
            "case-toyota",
            "Toyota City",
            "Automotive keiretsu around Toyota Motor",
        ),
        case(
            "case-ecole",
            "école polytechnique",
            "Paris-Saclay research cluster",
        ),
        role,
        factor,
    ]
}

#[test]
fn initials_match_syllables_starting_with_them() {
    let index = sample_index();
    assert_eq!(ids(&index, "ㅅㄷㅇㄱ"), ["case-san-diego"]);
    // Fuzzy: 대 followed (anywhere later) by a ㄷ syllable; the name ranks first.
    assert_eq!(ids(&index, "대ㄷ")[0], "case-daedeok");
    assert_eq!(ids(&index, "'대ㄷ"), ["case-daedeok"]);
    assert_eq!(ids(&index, "샌ㄷ에ㄱ"), ["case-san-diego"]);
    assert_eq!(ids(&index, "ㄷㄷㅇㄱ"), ["case-daedeok"]);
    // A full syllable only matches itself.
    assert!(ids(&index, "샌크").is_empty());
    assert!(ids(&index, "샌도").is_empty());
    // Two syllables from two neighbouring words are chance, not a match.
    assert!(ids(&index, "샌바").is_empty());
    assert!(ids(&index, "'대도").is_empty());
    assert!(ids(&index, "대덕ㅋ").is_empty());
}

#[test]
fn decomposed_jamo_compose_before_matching() {
    let index = sample_index();
    // Jamo one by one find the syllables they make, as typed with the input method.
    assert_eq!(ids(&index, "ㄷㅐㄷㅓㄱ"), ids(&index, "대덕"));
    assert_eq!(ids(&index, "ㄷㅐㄷㅓㄱ")[0], "case-daedeok");
    assert_eq!(ids(&index, "'ㄷㅐㄷㅓㄱ"), ["case-daedeok"]);
    assert_eq!(ids(&index, "ㅅㅐㄴㄷㅣ"), ["case-san-diego"]);
    let results = run(&index, "ㄷㅐㄷㅓㄱ");
    assert_eq!(highlighted(&index, &results.hits[0]), "대덕");
    // A run of consonants alone is still an initial-consonant search.
    assert_eq!(ids(&index, "ㅅㄷㅇㄱ"), ["case-san-diego"]);
    assert_eq!(ids(&index, "ㄷㄷㅇㄱ"), ["case-daedeok"]);
    // Negations compose too.
    assert!(!ids(&index, "!ㄷㅐㄷㅓㄱ").contains(&"case-daedeok".to_string()));
}

#[test]
fn initials_highlight_the_syllables() {
    let index = sample_index();
    let results = run(&index, "ㅅㄷㅇㄱ");
    let hit = &results.hits[0];
    assert_eq!(hit.field, Field::Name);
    assert_eq!(hit.indices, [0, 1, 2, 3]);
    assert_eq!(highlighted(&index, hit), "샌디에고");

    let results = run(&index, "대ㄷ");
    assert_eq!(highlighted(&index, &results.hits[0]), "대덕");
}

#[test]
fn highlight_points_at_hangul_chars() {
    let index = sample_index();
    let hit = &run(&index, "연구개발").hits[0];
    assert_eq!(index.id(hit.doc), Some("case-daedeok"));
    assert_eq!(hit.indices, [2, 3, 4, 5]);
    assert_eq!(highlighted(&index, hit), "연구개발");

    // Scattered (fuzzy) match: a gap of one syllable inside the word.
    let hit = &run(&index, "대연").hits[0];
    assert_eq!(highlighted(&index, hit), "대연");
    assert_eq!(hit.indices, [0, 2]);
    // Five syllables apart is no match.
    assert!(run(&index, "대특").hits.is_empty());

    // Two terms in the same field both highlight.
    let hit = &run(&index, "바이오 샌디").hits[0];
    assert_eq!(highlighted(&index, hit), "샌디바이오");
}

#[test]
fn nfd_query_finds_nfc_data() {
    let index = sample_index();
    let nfd: String = "대덕연구".nfd().collect();
    assert_ne!(nfd, "대덕연구");
    assert_eq!(ids(&index, &nfd), ["case-daedeok"]);
    let nfd: String = "école".nfd().collect();
    assert_eq!(ids(&index, &nfd), ["case-ecole"]);
}

/// The index stores only folded text; every field must still come back
/// exactly as written (in NFC), whatever folding did to it.
#[test]
fn fields_come_back_as_written() {
    let written = [
        (Field::Name, "Toyota CITY"),
        (Field::Summary, "ＡＢＣ１２ 대덕 Daedeok\tR&D\u{3000}센터"),
        // Lowercasing İ gives two chars: stored as written.
        (Field::Point, "İstanbul ÇARŞI"),
        (Field::Point, "already folded"),
        (Field::Source, "ÉCOLE"),
    ];
    let index = SearchIndex::build(vec![doc(Kind::Case, "x", "X", &written)]);
    let mut stored: Vec<(Field, String)> = (0..index.field_count(0))
        .map(|p| {
            let (field, text) = index.field(0, p).expect("in range");
            (field, text.into_owned())
        })
        .collect();
    stored.sort();
    let mut expected: Vec<(Field, String)> =
        written.iter().map(|(f, t)| (*f, t.to_string())).collect();
    expected.sort();
    assert_eq!(stored, expected);
    // And highlights point into that text.
    let hit = &run(&index, "çarş").hits[0];
    assert_eq!(highlighted(&index, hit), "ÇARŞ");
    let hit = &run(&index, "abc12").hits[0];
    assert_eq!(highlighted(&index, hit), "ＡＢＣ１２");
}

/// Scattered letters are looked for in names and other short texts only: there the
/// starts of neighbouring words match, and the highlight marks the chars matched;
/// in running text the pieces are chance more often than intent.
#[test]
fn scattered_letters_count_in_short_texts_only() {
    let filler = "the report describes how regional policy shaped the cluster over decades";
    let long = format!("{filler}; the san diego biotech firms");
    assert!(long.chars().count() > 64);
    let index = SearchIndex::build(vec![
        doc(
            Kind::Case,
            "long",
            "Long",
            &[(Field::Summary, long.as_str())],
        ),
        doc(
            Kind::Case,
            "short",
            "Short",
            &[(Field::Summary, "the san diego biotech firms")],
        ),
        doc(
            Kind::Case,
            "strewn",
            "Strewn",
            &[(Field::Summary, "under no view are rules set to yield")],
        ),
    ]);
    let results = run(&index, "sandiego");
    assert_eq!(ids(&index, "sandiego"), ["short"]);
    assert_eq!(results.total, 1);
    assert_eq!(highlighted(&index, &results.hits[0]), "sandiego");
    let (_, text) = index
        .field(results.hits[0].doc, results.hits[0].field_index)
        .expect("field");
    let chars: Vec<char> = text.chars().collect();
    let first = results.hits[0].indices[0];
    let last = *results.hits[0].indices.last().expect("indices");
    assert_eq!(chars[first..=last].iter().collect::<String>(), "san diego");
    // The words themselves are found in the long text too (same score: by title).
    assert_eq!(ids(&index, "san diego"), ["long", "short"]);
}

#[test]
fn nfd_data_is_stored_as_nfc_and_highlights_match_it() {
    let name: String = "대덕 école".nfd().collect();
    let index = SearchIndex::build(vec![case("case-nfd", &name, "")]);
    let (field, text) = index.field(0, 0).expect("the name is stored first");
    assert_eq!((field, text.as_ref()), (Field::Name, "대덕 école"));
    let hit = &run(&index, "ÉCO").hits[0];
    assert_eq!(highlighted(&index, hit), "éco");
}

#[test]
fn full_width_latin_matches_half_width() {
    let index = sample_index();
    assert_eq!(ids(&index, "ＳＡＮ ｄｉｅｇｏ"), ["case-san-diego"]);
    assert_eq!(ids(&index, "ＳＡＮ")[0], "case-san-diego");
}

#[test]
fn case_folding_covers_all_of_unicode() {
    let index = sample_index();
    assert_eq!(ids(&index, "ÉCOLE"), ["case-ecole"]);
    assert_eq!(ids(&index, "TOYOTA")[0], "case-toyota");
}

#[test]
fn every_term_must_match_some_field() {
    let index = sample_index();
    // "toyota" in the name, "keiretsu" in the summary.
    assert_eq!(ids(&index, "toyota keiretsu"), ["case-toyota"]);
    assert!(ids(&index, "toyota 샌디").is_empty());
    // Ideographic space separates terms too.
    assert_eq!(ids(&index, "toyota\u{3000}keiretsu"), ["case-toyota"]);
}

#[test]
fn exact_prefix_suffix_terms() {
    let index = sample_index();
    // Fuzzy finds letters in pieces at word starts; 'exact needs them contiguous.
    assert!(ids(&index, "sadi").contains(&"case-san-diego".to_string()));
    assert!(ids(&index, "'sadi").is_empty());
    assert_eq!(ids(&index, "'diego"), ["case-san-diego"]);
    assert_eq!(ids(&index, "^toyota"), ["case-toyota"]);
    assert!(ids(&index, "^city").is_empty());
    assert_eq!(ids(&index, "city$"), ["case-toyota"]);
    assert!(ids(&index, "toyota$").is_empty());
    assert_eq!(ids(&index, "^toyota city$"), ["case-toyota"]);
    assert_eq!(ids(&index, "^university$"), ["role-university"]);
    assert!(ids(&index, "^univ$").is_empty());
    assert_eq!(ids(&index, "^대ㄷ"), ["case-daedeok"]);
    assert_eq!(ids(&index, "특구$"), ["case-daedeok"]);
}

#[test]
fn negation_excludes_documents() {
    let index = sample_index();
    let with = ids(&index, "research");
    assert!(with.contains(&"case-san-diego".to_string()));
    let without = ids(&index, "research !ucsd");
    assert!(!without.contains(&"case-san-diego".to_string()));
    assert_eq!(without.len(), with.len() - 1);
    // A negation alone lists everything else.
    assert_eq!(run(&index, "!toyota").total, index.len() - 1);
    assert_eq!(run(&index, "!^toyota").total, index.len() - 1);
    assert_eq!(run(&index, "!^city").total, index.len());
}

#[test]
fn bare_operators_are_ignored() {
    let index = sample_index();
    for query in [
        "!", "'", "^", "$", "!'", "!^", "^$", "!$", "  ", "kind:", "type:", "in:",
    ] {
        let results = run(&index, query);
        assert_eq!(results.total, index.len(), "query {query:?}");
    }
    assert_eq!(ids(&index, "toyota !"), ["case-toyota"]);
}

#[test]
fn kind_filter() {
    let index = sample_index();
    assert_eq!(ids(&index, "kind:factor"), ["factor-anchor"]);
    assert_eq!(ids(&index, "kind:요인"), ["factor-anchor"]);
    assert_eq!(ids(&index, "kind:fac"), ["factor-anchor"]);
    assert_eq!(ids(&index, "KIND:Role"), ["role-university"]);
    assert_eq!(run(&index, "kind:case").total, 4);
    assert_eq!(run(&index, "kind:사례 toyota").total, 1);
    assert_eq!(ids(&index, "종류:요인"), ["factor-anchor"]);
    assert_eq!(ids(&index, "kind:전략").len(), 0);
    // An ambiguous prefix means every kind it could name (case, concept).
    assert_eq!(run(&index, "kind:c").total, 4);
    // Several kind: terms OR together.
    assert_eq!(run(&index, "kind:role kind:factor").total, 2);
    // Unknown kinds match nothing, without an error.
    assert_eq!(run(&index, "kind:nonsense").total, 0);
    assert_eq!(run(&index, "kind:nonsense toyota").total, 0);
}

#[test]
fn type_filter() {
    let index = sample_index();
    assert_eq!(ids(&index, "type:anchor"), ["factor-anchor"]);
    assert_eq!(ids(&index, "type:TYPE-RESEARCH"), ["role-university"]);
    assert_eq!(run(&index, "type:type").total, 2);
    assert_eq!(run(&index, "type:nothing").total, 0);
    assert_eq!(ids(&index, "유형:anchor"), ["factor-anchor"]);
    assert_eq!(run(&index, "필드:name toyota").total, 1);
}

#[test]
fn field_filter() {
    let index = sample_index();
    // "research" is in two summaries and no name.
    assert_eq!(run(&index, "'research").total, 2);
    assert_eq!(run(&index, "'research field:name").total, 0);
    assert_eq!(run(&index, "'research in:summary").total, 2);
    assert_eq!(run(&index, "'research in:sum").total, 2);
    assert_eq!(run(&index, "'research in:요약").total, 2);
    let results = run(&index, "in:alias anchor");
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].field, Field::Alias);
    assert_eq!(run(&index, "field:nonsense toyota").total, 0);
    // A listing reports a field in scope.
    let results = run(&index, "in:summary kind:case");
    assert!(results.hits.iter().all(|h| h.field == Field::Summary));
}

#[test]
fn empty_query_lists_in_stable_order() {
    let documents = sample_documents();
    let index = SearchIndex::build(documents.clone());
    let results = run(&index, "");
    assert_eq!(results.total, index.len());
    let listed: Vec<(Kind, String)> = results
        .hits
        .iter()
        .map(|h| (h.kind, documents[h.doc].title.clone()))
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(listed, sorted);
    assert!(results
        .hits
        .iter()
        .all(|h| h.score == 0 && h.indices.is_empty()));
    assert!(results.hits.iter().all(|h| h.field == Field::Name));
    // Limit applies, total does not change.
    let limited = Searcher::new(&index)
        .search("", 2, &never)
        .expect("not cancelled");
    assert_eq!(limited.hits.len(), 2);
    assert_eq!(limited.total, index.len());
}

#[test]
fn contiguous_beats_scattered() {
    // Plain fuzzy matching ranks "회사 의견" above "정기 회의" for 회의; here the
    // syllables of two words are no match at all.
    let index = SearchIndex::build(vec![
        case("a", "문서 가", "회사 의견"),
        case("b", "문서 나", "정기 회의"),
        case("c", "문서 다", "회계 심의"),
    ]);
    assert_eq!(ids(&index, "회의"), ["b"]);
    let hit = &run(&index, "회의").hits[0];
    assert_eq!(highlighted(&index, hit), "회의");
    assert_eq!(ids(&index, "sadi"), Vec::<String>::new());
    let index = SearchIndex::build(vec![
        case("scattered", "San Diego", ""),
        case("word", "Sadi Carnot", ""),
    ]);
    assert_eq!(ids(&index, "sadi"), ["word", "scattered"]);
}

#[test]
fn match_classes_rank_in_order() {
    let index = SearchIndex::build(vec![
        case("fuzzy", "clu sters", ""),
        case("substring", "supercluster", ""),
        case("word-start", "big clusters", ""),
        case("word", "big cluster", ""),
        case("prefix", "clusters", ""),
        case("exact", "Cluster", ""),
    ]);
    assert_eq!(
        ids(&index, "cluster"),
        [
            "exact",
            "prefix",
            "word",
            "word-start",
            "substring",
            "fuzzy"
        ]
    );
}

#[test]
fn name_beats_body() {
    let index = SearchIndex::build(vec![
        case("body", "Alpha", "toyota"),
        case("name", "Big Toyota Plant", "nothing here"),
        doc(
            Kind::Case,
            "alias",
            "Gamma",
            &[(Field::Name, "Gamma"), (Field::Alias, "the toyota group")],
        ),
    ]);
    let results = run(&index, "toyota");
    let ranked: Vec<&str> = results
        .hits
        .iter()
        .map(|h| index.id(h.doc).expect("hit in range"))
        .collect();
    assert_eq!(&ranked[2..], ["body"]);
    assert_eq!(results.hits[2].field, Field::Summary);
    assert!(results.hits[..2].iter().all(|h| h.field.is_title()));
}

#[test]
fn ties_break_by_kind_then_title_then_id() {
    let index = SearchIndex::build(vec![
        doc(
            Kind::Factor,
            "f1",
            "Beta",
            &[(Field::Summary, "innovation")],
        ),
        doc(Kind::Case, "c2", "Beta", &[(Field::Summary, "innovation")]),
        doc(Kind::Case, "c1", "Beta", &[(Field::Summary, "innovation")]),
        doc(Kind::Case, "c0", "Alpha", &[(Field::Summary, "innovation")]),
        doc(Kind::Role, "r0", "Alpha", &[(Field::Summary, "innovation")]),
    ]);
    assert_eq!(ids(&index, "innovation"), ["c0", "c1", "c2", "r0", "f1"]);
    assert_eq!(ids(&index, "'innov"), ["c0", "c1", "c2", "r0", "f1"]);
}

#[test]
fn reported_field_holds_the_best_match() {
    let index = SearchIndex::build(vec![doc(
        Kind::Case,
        "x",
        "X",
        &[
            (Field::Summary, "a research university"),
            (Field::Name, "Research Triangle"),
        ],
    )]);
    let hit = &run(&index, "research university").hits[0];
    assert_eq!(hit.field, Field::Name);
    // Stored order puts names first.
    assert_eq!(hit.field_index, 0);
    assert_eq!(highlighted(&index, hit), "Research");
}

#[test]
fn narrowing_matches_fresh_search() {
    let index = SearchIndex::build(synthetic_documents(400));
    let sequences: [&[&str]; 6] = [
        &[
            "u",
            "un",
            "uni",
            "univ",
            "university",
            "university r",
            "university re",
        ],
        &[
            "ㄷ",
            "대",
            "대ㄷ",
            "대더",
            "대덕",
            "대덕 ",
            "대덕 ㅇ",
            "대덕 연",
            "대덕 연구",
        ],
        &["'c", "'cl", "'clu", "^clu", "kind:case ^clu"],
        &["s", "s$", "sa", "san", "san !d", "san !di"],
        &["ㅅ", "ㅅㄷ", "ㅅㄷㅇ", "ㅅㄷㅇㄱ", "샌", "샌디"],
        &[
            "kind:c",
            "kind:ca",
            "kind:case t",
            "kind:case to",
            "in:name to",
        ],
    ];
    for sequence in sequences {
        let mut typing = Searcher::new(&index);
        for query in sequence {
            let narrowed = typing.search(query, 50, &never).expect("not cancelled");
            let fresh = Searcher::new(&index)
                .search(query, 50, &never)
                .expect("not cancelled");
            assert_eq!(narrowed, fresh, "query {query:?}");
        }
    }
}

#[test]
fn cancellation_returns_none() {
    let index = SearchIndex::build(synthetic_documents(300));
    let mut searcher = Searcher::new(&index);
    assert!(searcher.search("cluster", 10, &|| true).is_none());
    assert!(searcher.search("", 10, &|| true).is_none());

    // Cancelled part-way: after a few polls.
    let polls = std::sync::atomic::AtomicUsize::new(0);
    let later = || polls.fetch_add(1, std::sync::atomic::Ordering::SeqCst) >= 2;
    assert!(searcher.search("research", 10, &later).is_none());

    // The searcher still works afterwards.
    let results = searcher
        .search("cluster", 10, &never)
        .expect("not cancelled");
    let fresh = Searcher::new(&index).search("cluster", 10, &never);
    assert_eq!(Some(results), fresh);
}

#[test]
fn synthetic_documents_look_like_cases() {
    let docs = synthetic_documents(3);
    assert_eq!(docs[2].id, "case-00002");
    assert!(docs
        .iter()
        .all(|d| d.fields.len() >= 50 && d.kind == Kind::Case));
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    // Hangul syllables and jamo (compatibility and conjoining), combining
    // marks, control chars, emoji, full-width forms, operators, and anything.
    let piece = prop_oneof![
        "[가-힣]{1,3}",
        "[ㄱ-ㅎㅏ-ㅣ]{1,3}",
        "[\u{1100}-\u{11FF}]{1,3}",
        "[a-zA-Z0-9 ]{1,4}",
        "[\u{0300}-\u{036F}]{1,2}",
        "[\u{0000}-\u{001F}\u{007F}]{1,2}",
        "[\u{1F300}-\u{1F6FF}]",
        "[\u{FF01}-\u{FF5E}\u{3000}]{1,2}",
        "[!'^$: ]",
        Just("kind:".to_string()),
        Just("in:".to_string()),
        Just("type:".to_string()),
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat())
}

/// Queries built from words of the synthetic documents, their prefixes,
/// initial consonants, typos and the query operators.
fn vocabulary_query() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("대덕"),
        Just("대"),
        Just("ㄷ"),
        Just("ㅅㄷㅇㄱ"),
        Just("샌디에고"),
        Just("샌디"),
        Just("연구"),
        Just("ㅇㄱ"),
        Just("대학"),
        Just("클러스터"),
        Just("울산"),
        Just("자동차"),
        Just("university"),
        Just("univ"),
        Just("unvrsty"),
        Just("research"),
        Just("cluster"),
        Just("toyota"),
        Just("san"),
        Just("dieg"),
        Just("s"),
        Just("a"),
        Just("ion"),
        Just("kind:case"),
        Just("kind:f"),
        // Typos with one or several spellings one edit away, scattered pieces,
        // Korean abbreviations: what the hand-made documents hold.
        Just("electrun"),
        Just("univrsity"),
        Just("reserach"),
        Just("parx"),
        Just("클라스터"),
        Just("산업단치"),
        Just("샌디애고"),
        Just("sandiego"),
        Just("sdv"),
        Just("daeval"),
        Just("산단"),
        Just("대특"),
        Just("ㅇㅅㅈㄷ"),
        Just("kospi"),
        Just("in:name"),
        Just("in:summary"),
        Just("type:"),
    ];
    let operator = prop_oneof![
        Just(""),
        Just(""),
        Just(""),
        Just("'"),
        Just("^"),
        Just("!")
    ];
    let suffix = prop_oneof![Just(""), Just(""), Just(""), Just("$")];
    proptest::collection::vec((operator, word, suffix), 1..4).prop_map(|terms| {
        terms
            .into_iter()
            .map(|(operator, word, suffix)| format!("{operator}{word}{suffix}"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The fast paths (character sets, score bounds, narrowing while typing)
    /// change nothing: the results equal a plain exact search of every
    /// document, for any limit.
    #[test]
    fn fast_search_equals_reference(
        queries in proptest::collection::vec(vocabulary_query(), 1..5),
        limit in prop_oneof![Just(0usize), Just(1), Just(7), Just(40), Just(1000)],
    ) {
        let index = reference_index();
        let mut typing = Searcher::new(index);
        for query in &queries {
            let expected = reference_search(index, query, limit);
            let fresh = Searcher::new(index).search(query, limit, &never).expect("not cancelled");
            prop_assert_eq!(&fresh, &expected, "query {:?}", query);
            // Typed one char at a time through one searcher.
            let chars: Vec<char> = query.chars().collect();
            for end in 1..=chars.len() {
                let prefix: String = chars[..end].iter().collect();
                let typed = typing.search(&prefix, limit, &never).expect("not cancelled");
                prop_assert_eq!(typed, reference_search(index, &prefix, limit), "typed {:?}", prefix);
            }
        }
    }
}

fn reference_index() -> &'static SearchIndex {
    static INDEX: std::sync::OnceLock<SearchIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut documents = synthetic_documents(300);
        documents.extend(hand_made_documents());
        SearchIndex::build(documents)
    })
}

/// Short documents whose words the synthetic ones lack: typo targets with one or
/// several spellings one edit away (electrum / electronics, park / part), names a
/// scattered term spells, Korean compounds and their abbreviations. With long
/// synthetic bodies alone, where a term's letters occur everywhere, a fast path that
/// drops or adds such a match would go unnoticed.
fn hand_made_documents() -> Vec<Document> {
    vec![
        case(
            "hand-kista",
            "Kista",
            "It set up Electrum for industry and research",
        ),
        case(
            "hand-etri",
            "Daedeok Valley",
            "electronics research institute 대덕특구",
        ),
        // Neither holds an x, so only a correction's own documents bring them.
        case("hand-park", "Science park", "green area"),
        case("hand-part", "Spare part", "bolt"),
        case("hand-sdv", "San Diego Valley", "산업단지 클러스터"),
        case(
            "hand-ulsan",
            "울산 자동차클러스터",
            "선도기업이 없고 부품업체가 많다",
        ),
        case("hand-sandbox", "Sandbox", "samples and diverse egos"),
        case("hand-univ", "University town", "universe of universities"),
        case("hand-san-diego", "샌디에고", "샌디에이고 바이오"),
    ]
}

proptest! {
    #[test]
    fn parse_query_never_panics(input in arbitrary_text()) {
        let _ = parse_query(&input);
    }

    #[test]
    fn search_never_panics_and_indices_are_in_range(
        texts in proptest::collection::vec(arbitrary_text(), 1..4),
        queries in proptest::collection::vec(arbitrary_text(), 1..4),
    ) {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| doc(Kind::ALL[i % 7], &format!("d{i}"), text, &[
                (Field::Name, text.as_str()),
                (Field::Summary, "샌디에고 research 대덕"),
                (Field::Point, text.as_str()),
            ]))
            .collect();
        let index = SearchIndex::build(docs);
        let mut searcher = Searcher::new(&index);
        for query in &queries {
            let results = searcher.search(query, 10, &never).expect("not cancelled");
            prop_assert!(results.hits.len() <= results.total);
            for hit in &results.hits {
                // Every document here has fields, so the sentinel never shows.
                prop_assert!(hit.field_index < index.field_count(hit.doc));
                let (_, text) = index.field(hit.doc, hit.field_index).expect("in range");
                let count = text.chars().count();
                prop_assert!(hit.indices.iter().all(|&i| i < count));
                prop_assert!(hit.indices.windows(2).all(|w| w[0] < w[1]));
            }
            // Indices also stay in range when the query hits the text itself.
            let own = searcher.search(&texts[0], 10, &never).expect("not cancelled");
            for hit in &own.hits {
                let (_, text) = index.field(hit.doc, hit.field_index).expect("in range");
                let count = text.chars().count();
                prop_assert!(hit.indices.iter().all(|&i| i < count));
            }
        }
    }
}

#[test]
fn a_word_found_nowhere_finds_every_spelling_one_edit_away() {
    // Neither document holds an x: only the corrections can bring them.
    let index = SearchIndex::build(vec![
        case("park", "Science park", "green area"),
        case("part", "Spare part", "bolt"),
        case("other", "Harbour", "ships"),
    ]);
    let results = run(&index, "parx");
    let mut found = ids(&index, "parx");
    found.sort();
    assert_eq!(found, ["park", "part"]);
    let mut corrected = results.corrected.clone();
    corrected.sort();
    assert_eq!(corrected, ["park", "part"]);
    for hit in &results.hits {
        assert_eq!(highlighted(&index, hit).len(), 4, "the spelling is marked");
    }
    // A word that occurs is searched as typed only.
    assert!(run(&index, "park").corrected.is_empty());
    assert_eq!(ids(&index, "park"), ["park"]);
    // Several terms keep their AND: the correction must meet the other term.
    assert_eq!(ids(&index, "parx bolt"), ["part"]);
}

#[test]
fn a_typo_ranks_below_the_word_itself() {
    // `clustre` is one edit from "cluster" (swap) and occurs nowhere, so the word
    // in a body beats nothing; but a scattered match of the term as typed loses
    // to the correction anywhere.
    let index = SearchIndex::build(vec![
        case("body", "Alpha", "a cluster of firms"),
        case("scattered", "clus tre", ""),
    ]);
    assert_eq!(ids(&index, "clustre"), ["body", "scattered"]);
}
