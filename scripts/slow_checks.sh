#!/bin/sh
# The slow scale checks CI leaves out: the tests marked #[ignore] because they write
# hundreds of thousands of files or walk the whole file system. Speed is measured in
# benches/ (BENCHMARKS.md), not here; these check that the limits hold and say so.
#
# Usage: scripts/slow_checks.sh   (from the repository; takes a few minutes)
set -eu
cd "$(dirname "$0")/.."
cargo test --release --test hostile_files -- --ignored --test-threads=1
