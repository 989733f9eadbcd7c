#!/usr/bin/env bash
# Measures the desktop app under Xvfb with Mesa's software Vulkan: time to the first drawn frame
# and resident memory beside a bare Bevy + bevy_egui window built the same way, and CPU and
# frames while idle. Usage: benches/gui.sh [RUNS]   (needs xvfb-run; builds in release with the `dev` feature)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
cargo build --release -q --features dev
bin="${CARGO_TARGET_DIR:-target}/release/shapan"
x() { xvfb-run -a -s "-screen 0 1280x800x24" "$bin" "$@" 2>/dev/null; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for mode in empty app; do
  extra=(); [ "$mode" = empty ] && extra=(--empty)
  : > "/tmp/shapan-startup-$mode"
  for _ in $(seq "$runs"); do
    x gui --measure-startup "${extra[@]}" | sed -n 's/startup: first frame drawn after \([0-9]*\) ms, resident memory \([0-9]*\) KiB/\1 \2/p' >> "/tmp/shapan-startup-$mode"
  done
  ms=$(cut -d' ' -f1 "/tmp/shapan-startup-$mode" | median)
  kib=$(cut -d' ' -f2 "/tmp/shapan-startup-$mode" | median)
  echo "$mode: first frame ${ms} ms, resident ${kib} KiB (median of $runs)"
  eval "${mode}_ms=$ms; ${mode}_kib=$kib"
done
awk -v a="$app_ms" -v e="$empty_ms" -v am="$app_kib" -v em="$empty_kib" 'BEGIN {printf "ratio: startup %.2fx, memory %.2fx\n", a/e, am/em}'
x gui --measure-idle 6
