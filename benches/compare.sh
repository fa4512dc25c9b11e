#!/usr/bin/env bash
# Times whole commands with /usr/bin/time on one generated 100k-connection export:
# netcurate (import + filtered export, and startup to first frame) next to what a user
# would pick instead for "load the export and keep the directors": VisiData in batch mode,
# a pandas script, and Python's csv module as a floor. Prints medians of N runs (the commands in turn, N rounds) and ratios.
#
#   bash benches/compare.sh [RUNS]        (default 5)
#
# Needs: a release build (made here), /usr/bin/time, python3; VisiData (`apt-get install
# visidata`) and pandas (`pip install pandas`) are timed when present.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release -q --bin netcurate --example gen-export
bin=target/release/netcurate
target/release/examples/gen-export --connections 100000 --invitations 20000 --out "$work/export" 2>/dev/null
csv="$work/export/Connections.csv"
profile=fixtures/demo/profile.toml

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# time_cmd NAME CMD...: adds CMD to the commands timed; $SETUP, when set, runs before each
# of its runs, outside the clock. time_all then runs every command once a round, $runs
# rounds, so that a slower minute of this shared machine falls on every tool alike (one
# tool's runs back to back could all land in it), and records each one's median wall
# seconds and peak RSS (MiB).
declare -A wall rss
names=() setups=()
time_cmd() {
  local n=${#names[@]}
  names+=("$1"); setups+=("${SETUP:-}")
  shift
  declare -g -a "cmd_$n"
  eval "cmd_$n=(\"\$@\")"
}
time_all() {
  declare -A walls mems
  local n args secs kb
  for _ in $(seq "$runs"); do
    for n in "${!names[@]}"; do
      rm -f "$work"/net.db* "$work"/out.csv
      if [ -n "${setups[$n]}" ]; then bash -c "${setups[$n]}"; fi
      eval "args=(\"\${cmd_$n[@]}\")"
      /usr/bin/time -f "%e %M" -o "$work/time" "${args[@]}" >/dev/null 2>&1
      read -r secs kb < "$work/time"
      walls[$n]+="$secs "; mems[$n]+="$((kb / 1024)) "
    done
  done
  for n in "${!names[@]}"; do
    wall[${names[$n]}]=$(printf '%s\n' ${walls[$n]} | median)
    rss[${names[$n]}]=$(printf '%s\n' ${mems[$n]} | median)
  done
}

time_cmd "netcurate import (100k + 20k invitations, stored and scored)" \
  "$bin" --db "$work/net.db" --as-of 2026-11-01 --profile "$profile" import "$work/export"
# The same file the other tools load: Connections.csv alone.
time_cmd "netcurate import Connections.csv alone (100k, stored and scored)" \
  "$bin" --db "$work/net.db" --as-of 2026-11-01 --profile "$profile" import "$csv"
"$bin" --db "$work/keep.db" --as-of 2026-11-01 --profile "$profile" import "$work/export" >/dev/null
# The weekly case: the same export again, into the database that already holds it.
SETUP="cp '$work/keep.db' '$work/net.db'" time_cmd "netcurate import again (the same export, into its database)" \
  "$bin" --db "$work/net.db" --as-of 2026-11-01 --profile "$profile" import "$work/export"
time_cmd "netcurate filtered export (title:director)" \
  "$bin" --db "$work/keep.db" export -o "$work/out.csv" --filter title:director --force
# A changed profile that changes scores: one more target title.
sed 's/target = \["VP Engineering",/target = ["VP Engineering", "Head of Infrastructure",/' "$profile" > "$work/p.toml"
SETUP="cp '$work/keep.db' '$work/net.db'" time_cmd "netcurate score: rescore 100k with a changed profile" \
  "$bin" --db "$work/net.db" --profile "$work/p.toml" score
time_cmd "netcurate startup to first frame (100k)" \
  script -qc "NETCURATE_EXIT_AFTER_FIRST_FRAME=1 $bin --db $work/keep.db" /dev/null

cat > "$work/floor.py" <<PY
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    n = sum(1 for _ in csv.reader(f))
PY
time_cmd "python csv module: read every row (floor)" python3 "$work/floor.py" "$csv"

if python3 -c "import pandas" 2>/dev/null; then
  cat > "$work/pandas_filter.py" <<PY
import sys, pandas as pd
df = pd.read_csv(sys.argv[1], skiprows=3)
df[df["Position"].str.contains("Director", na=False)].to_csv(sys.argv[2], index=False)
PY
  time_cmd "pandas: load, filter Position, save" python3 "$work/pandas_filter.py" "$csv" "$work/out.csv"
fi

if command -v vd >/dev/null; then
  printf 'sheet\tcol\trow\tlongname\tinput\tkeystrokes\tcomment\n\tPosition\t\tselect-col-regex\tDirector\t\t\n\t\t\tdup-selected\t\t\t\n' > "$work/select.vd"
  time_cmd "VisiData batch: load --skip 3, regex-select Position, save" \
    vd -b --skip 3 "$csv" -p "$work/select.vd" -o "$work/out.csv"
fi

time_all
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); medians of $runs runs"
printf '%-66s %9s %9s\n' "command" "wall s" "peak MiB"
for name in "${!wall[@]}"; do printf '%-66s %9s %9s\n' "$name" "${wall[$name]}" "${rss[$name]}"; done | sort
export_s=${wall["netcurate filtered export (title:director)"]}
for which in "Connections.csv alone" "100k + 20k invitations"; do
  for name in "${!wall[@]}"; do
    case $name in "netcurate import"*"$which"*) import_s=${wall[$name]} ;; esac
  done
  ours=$(echo "$import_s + $export_s" | bc -l)
  echo "netcurate import ($which) + filtered export: $ours s"
  for other in "VisiData batch: load --skip 3, regex-select Position, save" "pandas: load, filter Position, save"; do
    if [ -n "${wall[$other]:-}" ]; then
      printf '  %s: %.2f× that\n' "$other" "$(echo "${wall[$other]} / $ours" | bc -l)"
    fi
  done
done
