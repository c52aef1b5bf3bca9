//! The search on the shipped collection: every case, role, factor and problem comes
//! up first for its Korean name, its English name, each of its other spellings, and
//! the initial consonants (초성) of its Korean name.

use casebook::model::Kind;
use casebook::search::Searcher;

/// How far down a name may sit: on top, where the eye lands in a meeting.
const FIRST_HITS: usize = 1;

/// The initial consonants of every syllable, other characters kept as they are:
/// "샌디에고 바이오" → "ㅅㄷㅇㄱ ㅂㅇㅇ".
fn initials(text: &str) -> String {
    const INITIALS: [char; 19] = [
        'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ',
        'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
    ];
    text.chars()
        .map(|c| match c as u32 {
            0xAC00..=0xD7A3 => INITIALS[((c as u32 - 0xAC00) / 588) as usize],
            _ => c,
        })
        .collect()
}

/// The query syntax gives a few characters a meaning; a name is searched as words.
fn as_query(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            word.trim_start_matches(['!', '\'', '^'])
                .trim_end_matches('$')
        })
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_item_is_found_by_each_of_its_names_and_initials() {
    let loaded = casebook::collection::open(None).expect("shipped cases load");
    let (index, search) = (&loaded.index, &loaded.search);
    let mut misses = Vec::new();
    let mut checked = 0;
    for item in index.items() {
        if !matches!(
            item.kind,
            Kind::Case | Kind::Role | Kind::Factor | Kind::Problem
        ) {
            continue;
        }
        let mut queries = vec![
            ("Korean name", item.name.ko.clone()),
            ("English name", item.name.en.clone()),
            ("initials", initials(&item.name.ko)),
        ];
        queries.extend(item.aliases.iter().map(|a| ("alias", a.clone())));
        for (what, name) in queries {
            let query = as_query(&name);
            let results = Searcher::new(search)
                .search(&query, FIRST_HITS, &|| false)
                .expect("not cancelled");
            let found = results
                .hits
                .iter()
                .any(|hit| search.id(hit.doc) == Some(item.id.as_str()));
            checked += 1;
            if !found {
                let first: Vec<&str> = results
                    .hits
                    .iter()
                    .filter_map(|hit| search.id(hit.doc))
                    .collect();
                misses.push(format!("{} by {what} {query:?}: first {first:?}", item.id));
            }
        }
    }
    assert!(checked > 200, "only {checked} queries");
    assert!(
        misses.is_empty(),
        "{} of {checked} not in the first {FIRST_HITS}:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
