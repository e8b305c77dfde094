#!/usr/bin/env bash
# import-coco on a generated LIVECell-sized COCO file (issue 26): 3,200 images of 704x520 and 1 million ~20-point
# polygon cells (~480 MB of JSON, annotations before images and not grouped by image), then the same doubled.
# Each: wall and CPU time and peak RSS of the whole ./cellarena process, with the launcher's defaults
# (-Xmx4g -XX:+UseParallelGC) and under a small heap that shows the bound.
# Usage: bench/coco.sh [--images N] [--cells N] [--xmx SIZE] [--quick]
#   --images N, --cells N   the base file (default 3200 and 1000000); the second run doubles both
#   --xmx SIZE              the small heap (default 512m)
#   --quick                 40 images, 12,000 cells: checks that the benchmark runs (CI), measures nothing worth citing
# The generated files stay in target/bench-coco/ (making 1.4 GB of JSON takes minutes). Figures: harness/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

images=3200 cells=1000000 xmx=512m
while [ $# -gt 0 ]; do
  case "$1" in
    --images) images="$2"; shift 2 ;;
    --cells) cells="$2"; shift 2 ;;
    --xmx) xmx="$2"; shift 2 ;;
    --quick) images=40 cells=12000; shift ;;
    *) echo "bench/coco.sh: unknown option $1 (see the header of this script)" >&2; exit 2 ;;
  esac
done

./cellarena --version >/dev/null # builds on a fresh clone or after a change
command -v /usr/bin/time >/dev/null || { echo "bench/coco.sh: /usr/bin/time is needed (Debian: apt-get install time)" >&2; exit 1; }
classpath="harness/target/cellarena-harness.jar:$(<harness/target/classpath.txt)"
work="target/bench-coco"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

generated() { # images cells -> folder
  local dir="$work/$1-images-$2-cells"
  if [ ! -f "$dir/complete" ]; then
    rm -rf "$dir"
    java -Xmx256m -cp "$classpath" org.cellarena.harness.bench.LivecellSizedCoco --images "$1" --cells "$2" --out "$dir"
    touch "$dir/complete"
  fi
  echo "$dir"
}

# Imports a generated folder; prints "label: wall s, CPU s, peak RSS MB". JVM options: the launcher's, or $1.
measure() { # folder label [java options]
  local dir="$1" label="$2" options="${3:-}" out="$scratch/out"
  rm -rf "$out"
  if ! CELLARENA_JAVA_OPTS="$options" /usr/bin/time -f '%e %M %U %S' -o "$scratch/time" ./cellarena import-coco \
      --json "$dir/livecell_coco_bench.json" --images "$dir/images" --out "$out" >"$scratch/log" 2>&1; then
    tail -20 "$scratch/log" >&2; echo "bench/coco.sh: import-coco failed (above)" >&2; exit 1
  fi
  local wall peak user system
  read -r wall peak user system < <(tail -1 "$scratch/time")
  printf '%-62s %7.1f s, CPU %7.1f s, peak RSS %5d MB (%s)\n' "$label" "$wall" \
    "$(echo "$user + $system" | bc)" $((peak / 1024)) "$(grep '^wrote' "$scratch/log")"
  rm -rf "$out"
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
base="$(generated "$images" "$cells")"
double="$(generated $((2 * images)) $((2 * cells)))"
for dir in "$base" "$double"; do
  echo "$dir: $(du -m "$dir/livecell_coco_bench.json" | cut -f1) MB of JSON"
done
measure "$base" "import-coco, $images images, $cells cells (defaults)"
measure "$double" "import-coco, $((2 * images)) images, $((2 * cells)) cells (defaults)"
measure "$base" "import-coco, $images images, $cells cells (-Xmx$xmx)" "-Xmx$xmx -XX:+UseParallelGC"
measure "$double" "import-coco, $((2 * images)) images, $((2 * cells)) cells (-Xmx$xmx)" "-Xmx$xmx -XX:+UseParallelGC"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
