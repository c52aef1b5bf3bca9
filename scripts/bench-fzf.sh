#!/usr/bin/env bash
# Times `fzf --filter` on the same searchable text and the same queries as
# `cargo bench --bench search`, for BENCHMARKS.md.
#
# Usage: scripts/bench-fzf.sh [CASES] [document|field]
#   CASES   size of the synthetic collection (default 10000)
#   mode    document (default): one line per search document, its fields
#           joined by " | " -- like casebook, every term of a query must match
#           somewhere in the document;
#           field: one line per document field.
#
# Needs fzf and hyperfine (Debian: apt-get install -y fzf hyperfine).
# Writes target/bench-data/fzf-<CASES>-<mode>.txt and
# target/bench-data/fzf-<CASES>-<mode>.{md,json}.
set -euo pipefail

cases=${1:-10000}
mode=${2:-document}
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/target/bench-data"
text="$data/fzf-$cases-$mode.txt"
mkdir -p "$data"

cd "$root"
cargo run --quiet --release --example search_text -- "$cases" "$mode" > "$text"
echo "$(wc -l < "$text") lines, $(wc -c < "$text") bytes in $text" >&2
echo "fzf $(fzf --version), hyperfine $(hyperfine --version | cut -d' ' -f2)" >&2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), nproc $(nproc)" >&2

queries=(
  "대" "대덕" "샌디에" "샌디에고" "ㅅㄷㅇㄱ" "대학 연구소" "울산 자동차 클러" "바이오클러스터 특허"
  "s" "cl" "toyota" "cluster" "san dieg" "university research"
  "ㄷ" "e" "unvrsty" "clsuter" "reserach" "ㅋㄹㅅㅌ" "대학 ㅇㄱㅅ" "클라스터"
)

for q in "${queries[@]}"; do
  printf '%-24s %7d matches\n' "$q" "$(fzf --filter "$q" < "$text" | wc -l)" >&2
done

# Reading the input is part of every fzf run (fzf has no index to keep).
# hyperfine runs each command through sh and subtracts the shell's start-up.
# `-i`: fzf exits 1 when nothing matches (the jamo query).
commands=()
for q in "${queries[@]}"; do
  commands+=("fzf --filter '$q' < '$text' > /dev/null")
done
hyperfine -i --style basic --warmup 2 --runs 10 \
  --export-markdown "$data/fzf-$cases-$mode.md" \
  --export-json "$data/fzf-$cases-$mode.json" \
  "${commands[@]}"
# Medians, for the table in BENCHMARKS.md.
python3 - "$data/fzf-$cases-$mode.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    q = r["command"].split("'")[1]
    print(f"{q:24} median {r['median'] * 1000:8.1f} ms  (min {r['min'] * 1000:.1f}, max {r['max'] * 1000:.1f})")
PY
