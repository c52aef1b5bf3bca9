//! Prints the searchable text of a synthetic collection for comparing with
//! other tools (`scripts/bench-fzf.sh`): exactly the fields of the search
//! documents the explorer searches (`corpus::build_search_index`).
//!
//! Run: `cargo run --release --example search_text -- 10000 document`
//! - `document` (default): one line per document, its fields joined by ` | `;
//! - `field`: one line per document field.
//!
//! Line breaks inside a field become spaces.

use std::io::{self, BufWriter, Write};

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let cases: usize = args
        .next()
        .map(|a| {
            a.parse()
                .expect("usage: search_text [CASES] [document|field]")
        })
        .unwrap_or(10_000);
    let per_field = match args.next().as_deref() {
        None | Some("document") => false,
        Some("field") => true,
        Some(other) => panic!("unknown mode {other:?}: document or field"),
    };
    let (dir, _) = casebook::synthetic::bench_collection(cases)?;
    let search = casebook::collection::open(Some(&dir))
        .expect("load collection")
        .search;
    let mut out = BufWriter::new(io::stdout().lock());
    for doc in 0..search.len() {
        let texts = (0..search.field_count(doc)).filter_map(|position| {
            let (_, text) = search.field(doc, position)?;
            Some(text.replace(['\n', '\r'], " "))
        });
        if per_field {
            for text in texts {
                writeln!(out, "{text}")?;
            }
        } else {
            writeln!(out, "{}", texts.collect::<Vec<_>>().join(" | "))?;
        }
    }
    out.flush()
}
