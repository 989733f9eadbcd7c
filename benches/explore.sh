#!/usr/bin/env bash
# Exploration as an author and a trainee meet it, one process per scenario: `shapan play
# --policy best` (score ranges, best play and the debrief's better road at every decision, all
# from one shared exploration) and `shapan analyze` (every role, roads told apart by ending).
# Prints wall time and peak resident memory per process. Usage: benches/explore.sh
# (needs /usr/bin/time; builds the core in release). Figures go in README.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --no-default-features
bin="${CARGO_TARGET_DIR:-target}/release/shapan"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
measure() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$data/rss" "$bin" --data-dir "$data" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  awk -v a="$start" -v b="$end" -v k="$(cat "$data/rss")" 'BEGIN { printf "%8.1f ms %7.1f MiB", (b - a) / 1e6, k / 1024 }'
}
printf "%-28s %-30s %s\n" scenario "play --policy best" "analyze (every role)"
for f in $(find scenarios -name '*.ron' | sort); do
  printf "%-28s %s   %s\n" "$(basename "$f" .ron)" "$(measure play "$f" --policy best --seed 1 --json)" "$(measure analyze "$f")"
done
