#!/usr/bin/env bash
# Whole-process timings of ./cellarena (issue 18): `--help`, `score` on two generated workloads and the time
# from starting `serve` to its first answer. Each: median (min-max) of the runs, and peak RSS.
# Usage: bench/cli.sh [--runs N] [--quick]
#   --runs N   runs per measure (default 5)
#   --quick    1 run on small workloads: checks that the benchmark runs (CI), measures nothing worth citing
# Builds what is missing first (through ./cellarena); a failing build stops it with Maven's own error.
# Figures: README.md, "Benchmarks".
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5 big=240 small=120
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --quick) runs=1 big=8 small=6; shift ;;
    *) echo "bench/cli.sh: unknown option $1 (see the header of this script)" >&2; exit 2 ;;
  esac
done

./cellarena --version >/dev/null # builds on a fresh clone or after a change
for command in /usr/bin/time curl; do
  command -v "$command" >/dev/null || { echo "bench/cli.sh: $command is needed (Debian: apt-get install time curl)" >&2; exit 1; }
done

work="target/bench-cli"
scratch="$(mktemp -d)"
server=""
trap '[ -z "$server" ] || kill "$server" 2>/dev/null; rm -rf "$scratch"' EXIT
mkdir -p "$work"

# The workloads: generated once by `./cellarena bench` (deterministic), kept in target/bench-cli/.
workload() { # images mix -> folder
  local dir="$work/$1-images$([ "$2" = heavy ] || echo "-$2")"
  if [ ! -f "$dir/submission.csv" ]; then
    ./cellarena bench --dir "$work" --images "$1" --mix "$2" --iterations 1 >/dev/null
  fi
  echo "$dir"
}

# Prints "label: median s (min-max), CPU median s, peak RSS M MB" over the runs of a command (stdout discarded).
# The CPU time (user + system) varies less than the wall time when other work shares the cores.
measure() {
  local label="$1"; shift
  local times=() cpu=() rss=0
  for ((i = 0; i < runs; i++)); do
    local t0 t1 peak user system
    t0=$(date +%s%N)
    /usr/bin/time -f '%M %U %S' -o "$scratch/time" "$@" >/dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
    read -r peak user system < <(tail -1 "$scratch/time")
    cpu+=($(( 10#${user/./} * 10 + 10#${system/./} * 10 )))
    rss=$(( peak > rss ? peak : rss ))
  done
  report "$label" "$rss" "$(ms "$(median "${cpu[@]}")") s" "${times[@]}"
}

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int(NR / 2) + 1]}'; }

report() { # label rssKb cpuMillis millis...
  local label="$1" rss="$2" cpu="$3"; shift 3
  local sorted
  sorted=($(printf '%s\n' "$@" | sort -n))
  local n=${#sorted[@]}
  printf '%-46s %6.3f s median (%.3f-%.3f, %d runs), CPU %s, peak RSS %d MB\n' "$label" \
    "$(ms "${sorted[n / 2]}")" "$(ms "${sorted[0]}")" "$(ms "${sorted[n - 1]}")" "$n" "$cpu" $((rss / 1024))
}

ms() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

# Starts `serve` on a fresh data dir and a free port; the time until GET /api/health answers 200.
serve_first_answer() {
  local times=() rss=0
  for ((i = 0; i < runs; i++)); do
    local data="$scratch/serve-$i" t0 t1 pid url=""
    mkdir -p "$data"
    : >"$data/out"
    t0=$(date +%s%N)
    ./cellarena serve --port 0 --data-dir "$data" --competition examples/competitions/example >"$data/out" 2>&1 &
    pid=$! server=$!
    until [ -n "$url" ] && curl -sf -o /dev/null "$url/api/health"; do
      kill -0 "$pid" 2>/dev/null || { cat "$data/out" >&2; echo "bench/cli.sh: serve stopped" >&2; exit 1; }
      url="$(sed -n 's/^CellArena serving .* at \(http[^ ]*\) .*/\1/p' "$data/out")"
      sleep 0.01
    done
    t1=$(date +%s%N)
    local peak
    peak=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    rss=$(( peak > rss ? peak : rss ))
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    server=""
    times+=($(( (t1 - t0) / 1000000 )))
  done
  report "serve: start to first answer (GET /api/health)" "$rss" "n/a" "${times[@]}"
}

big_dir="$(workload "$big" heavy)"
small_dir="$(workload "$small" sartorius)"
describe() { # folder
  printf '%s: %s rows (%s) + %s rows (%s)\n' "$1" \
    "$(($(wc -l <"$1/solution.csv") - 1))" "$(du -h "$1/solution.csv" | cut -f1)" \
    "$(($(wc -l <"$1/submission.csv") - 1))" "$(du -h "$1/submission.csv" | cut -f1)"
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
describe "$big_dir"
describe "$small_dir"
measure "cellarena --help" ./cellarena --help
measure "cellarena score, $big images (heavy)" ./cellarena score --solution "$big_dir/solution.csv" --submission "$big_dir/submission.csv"
measure "cellarena score, $small images (sartorius)" ./cellarena score --solution "$small_dir/solution.csv" --submission "$small_dir/submission.csv"
serve_first_answer
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
