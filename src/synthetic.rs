//! Synthetic collections for the benchmarks: the shipped cases replicated into
//! any number of case files, with fresh ids and slightly varied text.
//!
//! Not part of the explorer; `benches/` and `examples/memory.rs` use it. The
//! shipped YAML is read from the source tree (`CARGO_MANIFEST_DIR/cases`), so
//! this only works where the crate's sources are present.
//!
//! Layout of a generated collection:
//!
//! - `catalog/*.yaml`: the shipped catalogs, byte for byte.
//! - `cases/*.yaml`: copy 0 of every shipped case file, byte for byte (the
//!   era timeline in the catalogs refers to these ids), then copies
//!   `k = 1, 2, …` with `id: <id>-<k:05>` (file `<id>-<k:05>.yaml`),
//!   `counterpart: <counterpart>-<k:05>` (pairs stay mutual), and one or two
//!   words from a fixed list, chosen by `k`, appended to `name` and `summary`
//!   in both languages. Everything else is kept as written.
//!
//! The result passes `casebook check` without errors. When the last copy is
//! partial, files without a counterpart are taken first; only if a pair
//! still has to be split is the orphan's `counterpart:` line left out.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Words appended to copies' names and summaries: (Korean, English).
const WORDS: [(&str, &str); 32] = [
    ("북부", "North"),
    ("남부", "South"),
    ("동부", "East"),
    ("서부", "West"),
    ("제2단지", "Phase II"),
    ("신도시", "New Town"),
    ("혁신지구", "Innovation District"),
    ("테크노파크", "Technopark"),
    ("연구단지", "Research Park"),
    ("산업단지", "Industrial Estate"),
    ("특구", "Special Zone"),
    ("밸리", "Valley"),
    ("캠퍼스", "Campus"),
    ("허브", "Hub"),
    ("회랑", "Corridor"),
    ("거점", "Base"),
    ("네트워크", "Network"),
    ("포럼", "Forum"),
    ("협의회", "Council"),
    ("재단", "Foundation"),
    ("센터", "Centre"),
    ("항만", "Harbour"),
    ("공항", "Airport"),
    ("광역권", "Metropolitan Area"),
    ("시범사업", "Pilot Project"),
    ("확장", "Extension"),
    ("재생", "Regeneration"),
    ("연합", "Alliance"),
    ("기술원", "Institute of Technology"),
    ("창업보육", "Incubator"),
    ("지원단", "Support Agency"),
    ("실험실", "Laboratory"),
];

/// One shipped case file.
struct Shipped {
    file_name: String,
    id: String,
    counterpart: Option<String>,
    text: String,
    name: (String, String),
    summary: (String, String),
}

/// The shipped collection in the source tree.
fn shipped_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

fn yaml_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    files.retain(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
    });
    files.sort();
    Ok(files)
}

fn invalid(path: &Path, what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("{}: {what}", path.display()),
    )
}

fn text_pair(value: &serde_yaml::Value, key: &str, path: &Path) -> io::Result<(String, String)> {
    let get = |lang: &str| {
        value
            .get(key)
            .and_then(|t| t.get(lang))
            .and_then(|s| s.as_str())
            .map(str::to_string)
            .ok_or_else(|| invalid(path, &format!("no {key}.{lang}")))
    };
    Ok((get("ko")?, get("en")?))
}

fn read_shipped(path: &Path) -> io::Result<Shipped> {
    let text = fs::read_to_string(path)?;
    let value: serde_yaml::Value =
        serde_yaml::from_str(&text).map_err(|e| invalid(path, &format!("not YAML: {e}")))?;
    let id = value
        .get("id")
        .and_then(|v| v.as_str())
        .ok_or_else(|| invalid(path, "no id"))?
        .to_string();
    let counterpart = value
        .get("counterpart")
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let name = text_pair(&value, "name", path)?;
    let summary = text_pair(&value, "summary", path)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| invalid(path, "no file name"))?;
    Ok(Shipped {
        file_name,
        id,
        counterpart,
        text,
        name,
        summary,
    })
}

/// A YAML double-quoted scalar (JSON string syntax is a subset of it).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serialises")
}

/// The top-level key a line starts, if it starts one.
fn top_level_key(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if first.is_whitespace() || first == '#' || first == '-' {
        return None;
    }
    line.split_once(':').map(|(key, _)| key.trim())
}

/// Copy `k` (≥ 1) of a shipped case file. `keep_counterpart` is false only
/// when the counterpart's copy `k` is not part of the collection.
fn rewrite(case: &Shipped, k: usize, keep_counterpart: bool) -> String {
    let (word_ko, word_en) = WORDS[k % WORDS.len()];
    let (extra_ko, extra_en) = WORDS[(k / WORDS.len() + 7) % WORDS.len()];
    let mut out = String::with_capacity(case.text.len() + 128);
    let mut skipping = false;
    for line in case.text.split_inclusive('\n') {
        if let Some(key) = top_level_key(line) {
            skipping = true;
            match key {
                "id" => out.push_str(&format!("id: {}-{k:05}\n", case.id)),
                "counterpart" => {
                    if let (true, Some(other)) = (keep_counterpart, &case.counterpart) {
                        out.push_str(&format!("counterpart: {other}-{k:05}\n"));
                    }
                }
                "name" => out.push_str(&format!(
                    "name: {{ko: {}, en: {}}}\n",
                    quoted(&format!("{} {word_ko}", case.name.0)),
                    quoted(&format!("{} {word_en}", case.name.1)),
                )),
                "summary" => out.push_str(&format!(
                    "summary:\n  ko: {}\n  en: {}\n",
                    quoted(&format!("{} {word_ko} {extra_ko}", case.summary.0)),
                    quoted(&format!("{} {word_en} {extra_en}", case.summary.1)),
                )),
                _ => skipping = false,
            }
        }
        if !skipping {
            out.push_str(line);
        }
    }
    out
}

/// Writes a collection of `cases` case files (plus the shipped catalogs)
/// into `dir` (created if missing; existing files of the same names are
/// overwritten) and returns the total size of the YAML written, in bytes.
///
/// `cases` must be at least the number of shipped case files (24), since the
/// catalogs refer to every shipped case by id.
pub fn write_collection(dir: &Path, cases: usize) -> io::Result<u64> {
    let source = shipped_dir();
    let catalog_dir = dir.join("catalog");
    let cases_dir = dir.join("cases");
    fs::create_dir_all(&catalog_dir)?;
    fs::create_dir_all(&cases_dir)?;

    let mut bytes = 0u64;
    for path in yaml_files(&source.join("catalog"))? {
        let name = path.file_name().expect("listed files have names");
        bytes += fs::copy(&path, catalog_dir.join(name))?;
    }

    let mut shipped = yaml_files(&source.join("cases"))?
        .iter()
        .map(|p| read_shipped(p))
        .collect::<io::Result<Vec<_>>>()?;
    if cases < shipped.len() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "a synthetic collection needs at least {} cases (one copy of each shipped case)",
                shipped.len()
            ),
        ));
    }
    // Unpaired cases first, then pairs side by side, so that a partial last
    // copy splits a pair only when it has to.
    shipped.sort_by(|a, b| {
        let pair_key = |c: &Shipped| match &c.counterpart {
            None => (0, c.id.clone(), c.id.clone()),
            Some(other) => {
                let first = c.id.clone().min(other.clone());
                (1, first, c.id.clone())
            }
        };
        pair_key(a).cmp(&pair_key(b))
    });
    let position: HashMap<&str, usize> = shipped
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();

    let per_copy = shipped.len();
    for i in 0..cases {
        let (k, j) = (i / per_copy, i % per_copy);
        let case = &shipped[j];
        if k == 0 {
            let path = cases_dir.join(&case.file_name);
            fs::write(&path, &case.text)?;
            bytes += case.text.len() as u64;
            continue;
        }
        let copy_len = per_copy.min(cases - k * per_copy);
        let keep_counterpart = case
            .counterpart
            .as_deref()
            .and_then(|other| position.get(other))
            .is_some_and(|&p| p < copy_len);
        let text = rewrite(case, k, keep_counterpart);
        fs::write(cases_dir.join(format!("{}-{k:05}.yaml", case.id)), &text)?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

/// The shipped collection with `sections` more sections in the first document of the
/// sources catalog (`bench-00000`, … one page each) and the cases in `citing` each
/// citing every one of them in `sources:`, in place of their own list: for
/// benchmarks of work that grows with an item's sources (its detail, a comparison,
/// the Markdown reference list). Written into `dir`, which should be empty.
pub fn write_cited_collection(dir: &Path, citing: &[&str], sections: usize) -> io::Result<()> {
    write_collection(dir, 24)?;
    let catalog = dir.join("catalog/sources.yaml");
    let text = fs::read_to_string(&catalog)?;
    let anchor = "    sections:\n";
    let at = text.find(anchor).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "no sections in the sources catalog",
        )
    })? + anchor.len();
    let mut added = String::new();
    for n in 0..sections {
        added.push_str(&format!(
            "      - {{id: bench-{n:05}, label: {{ko: 부록, en: Appendix}}, \
             heading: {{ko: \"벤치마크 절 {n}\", en: \"Benchmark section {n}\"}}, pages: [{}]}}\n",
            n % 22 + 1
        ));
    }
    fs::write(&catalog, format!("{}{added}{}", &text[..at], &text[at..]))?;
    let cited: String = (0..sections)
        .map(|n| format!("  - {{doc: seri-2002, section: bench-{n:05}}}\n"))
        .collect();
    for id in citing {
        let path = dir.join(format!("cases/{id}.yaml"));
        let text = fs::read_to_string(&path)?;
        let start = text.find("\nsources:\n").ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidData, format!("{id}: no sources list"))
        })? + "\nsources:\n".len();
        let end = start
            + text[start..]
                .lines()
                .take_while(|l| l.starts_with("  - "))
                .map(|l| l.len() + 1)
                .sum::<usize>();
        fs::write(&path, format!("{}{cited}{}", &text[..start], &text[end..]))?;
    }
    Ok(())
}

/// Where the benchmarks keep generated collections: `$CARGO_TARGET_DIR/bench-data`,
/// else `target/bench-data` in the source tree.
pub fn bench_data_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(target) => PathBuf::from(target).join("bench-data"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data"),
    }
}

/// The number of cases an example was asked for (its first argument; 10,000 when
/// none is given). Exits with `usage` when the argument is not a number.
pub fn cases_from_args(usage: &str) -> usize {
    match std::env::args().nth(1) {
        None => 10_000,
        Some(arg) => arg.parse().unwrap_or_else(|_| {
            eprintln!("usage: {usage}");
            std::process::exit(2)
        }),
    }
}

/// A collection of `cases` case files below [`bench_data_dir`], generated on
/// first use and reused afterwards, and its total YAML bytes.
///
/// A hidden `.bytes` file (the loader skips hidden files) marks a finished
/// collection, with the fingerprint of the shipped files it was made from; an
/// unfinished or stale one is generated again from scratch.
pub fn bench_collection(cases: usize) -> io::Result<(PathBuf, u64)> {
    let dir = bench_data_dir().join(format!("cases-{cases}"));
    let marker = dir.join(".bytes");
    // The collection is made from the shipped files: when they change (a new field,
    // a new citation shape), the copy made from the old ones is stale.
    let fingerprint = shipped_fingerprint()?;
    if let Ok(text) = fs::read_to_string(&marker) {
        let mut fields = text.split_whitespace();
        if let (Some(bytes), Some(made_from)) = (fields.next(), fields.next()) {
            if let (Ok(bytes), true) = (bytes.parse(), made_from == fingerprint) {
                return Ok((dir, bytes));
            }
        }
    }
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    let bytes = write_collection(&dir, cases)?;
    fs::write(&marker, format!("{bytes} {fingerprint}\n"))?;
    Ok((dir, bytes))
}

/// A hash of every shipped YAML file's name and bytes, as 16 hex digits.
fn shipped_fingerprint() -> io::Result<String> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for folder in ["cases", "catalog"] {
        for path in yaml_files(&shipped_dir().join(folder))? {
            path.file_name().hash(&mut hasher);
            fs::read(&path)?.hash(&mut hasher);
        }
    }
    Ok(format!("{:016x}", hasher.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_collection_loads_without_errors() {
        let dir = tempfile::tempdir().unwrap();
        // 2 full copies and a partial one that has to split a pair (24 shipped files:
        // 18 unpaired + 3 pairs, so 19 of the third copy split the first pair).
        let bytes = write_collection(dir.path(), 24 * 2 + 19).unwrap();
        assert!(bytes > 0);
        let loaded = crate::load::load_collection(dir.path()).unwrap();
        let index = crate::index::Index::build(loaded);
        assert!(
            index.diagnostics.is_empty(),
            "{:?}",
            index.diagnostics.first().map(|d| d.to_string())
        );
        // Seven catalogs: roles, types, factors, problems, strategies, concepts, sources.
        assert_eq!(index.files, 7 + 24 * 2 + 19);
        assert!(index.get("san-diego-00001").is_some());
        assert!(index.get("san-diego-00002").is_none());
        assert!(write_collection(dir.path(), 3).is_err());
    }

    #[test]
    fn a_cited_collection_loads_without_errors_with_every_section_cited() {
        let dir = tempfile::tempdir().unwrap();
        write_cited_collection(dir.path(), &["ulsan", "toyota-city"], 30).unwrap();
        let index = crate::index::Index::build(crate::load::load_collection(dir.path()).unwrap());
        assert!(
            index.diagnostics.is_empty(),
            "{:?}",
            index.diagnostics.first().map(|d| d.to_string())
        );
        for id in ["ulsan", "toyota-city"] {
            let item = index.get(id).unwrap();
            assert_eq!(item.sources.len(), 30, "{id}");
            assert_eq!(item.sources[29].section, "bench-00029");
        }
        assert_eq!(
            index.get("icheon").unwrap().sources.len(),
            8,
            "other cases keep theirs"
        );
    }
}
