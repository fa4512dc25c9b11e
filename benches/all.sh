#!/usr/bin/env bash
# Every speed figure in README.md in one command: the criterion benchmarks (library, 100k
# contacts + 20k invitations; median estimates) and then the whole-command comparison with
# VisiData, pandas and Python's csv module (benches/compare.sh).
#
#   bash benches/all.sh [RUNS]        (RUNS for compare.sh, default 7; about 12 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo bench 2>/dev/null | tee "$log" >/dev/null
echo "Criterion median estimates (cargo bench):"
# A benchmark's name is before "time: [low median high]" on its line, or on the line before.
grep -v '^Benchmarking' "$log" | awk '
  /time:/ {
    split($0, parts, "time:"); here = parts[1]; gsub(/^ +| +$/, "", here)
    if (here != "") name = here
    split(parts[2], t, " "); printf "  %-78s %s %s\n", name, t[3], t[4]; next
  }
  NF { name = $0; gsub(/^ +| +$/, "", name) }'
echo
bash benches/compare.sh "$runs"
