#!/usr/bin/env bash
# The evaluation server's benchmarks: each generates a Sartorius-sized competition, starts the server in-process and
# drives it over loopback HTTP. Figures: web/BENCHMARKS.md.
#   web/bench.sh [--images N (240)] [--workers N (half the cores)] [--clients N (200)] [--uploads N (100)]
#       upload-to-scored latency, leaderboard latency under load, concurrent uploads (ServerBenchmark)
#   web/bench.sh --flood [--images N] [--masks 100000,1000000,3000000,10000000]
#       one team's flood of masks against another team's normal submission (FloodBenchmark, issue 11)
#   web/bench.sh --victim [--images N] [--heavy 10] [--pixels 3] [--victims 5]
#       a normal submission's wait behind another team's heaviest allowed files, one worker (VictimBenchmark, issue 24)
#   web/bench.sh --hostile [--bomb-gb 4] [--half-sent 200]
#       gzip bombs refused as they inflate, half-sent requests closed while health answers (HostileBenchmark, issue 24)
#   web/bench.sh --inference [--images N] [--uploads 5]
#       a CSV's upload-to-scored time while another team's model runs on the server (InferenceBenchmark, issue 27)
#   web/bench.sh --cluster ...   workers on PostgreSQL (ClusterBenchmark, issue 17)
# --quick (after --flood/--victim/--hostile/--inference/--cluster, or first): a small run that checks the benchmark works (CI), no figures to cite.
# JVM options: BENCH_JAVA_OPTS (default: the launcher's, -Xmx4g -XX:+UseParallelGC).
# Builds the web module and what it needs first; a failing build stops here with Maven's own error.
# Runs from a snapshot of the compiled classes, so a build running beside it cannot pull them away mid-run.
set -euo pipefail
cd "$(dirname "$0")/.."
main=org.cellarena.web.bench.ServerBenchmark
case "${1:-}" in
  --flood) main=org.cellarena.web.bench.FloodBenchmark; shift ;;
  --victim) main=org.cellarena.web.bench.VictimBenchmark; shift ;;
  --hostile) main=org.cellarena.web.bench.HostileBenchmark; shift ;;
  --inference) main=org.cellarena.web.bench.InferenceBenchmark; shift ;;
  --cluster) main=org.cellarena.web.cluster.ClusterBenchmark; shift ;;
esac
args=("$@")
if [ "${1:-}" = --quick ]; then
  case "$main" in
    *ServerBenchmark) args=(--images 12 --clients 10 --uploads 5 "${@:2}") ;;
    *FloodBenchmark) args=(--images 12 --masks 1000,100000 "${@:2}") ;;
    *VictimBenchmark) args=(--images 12 --heavy 2 --victims 2 "${@:2}") ;;
    *HostileBenchmark) args=(--bomb-gb 1 --half-sent 20 "${@:2}") ;;
    *InferenceBenchmark) args=(--images 12 --uploads 2 "${@:2}") ;;
    *) args=("${@:2}") ;;
  esac
fi
snapshot="$(mktemp -d)"
trap 'rm -rf "$snapshot"' EXIT
# -am: the scoring module is built in the same reactor (nothing needs to be installed in ~/.m2 first).
mvn -B -q -Dstyle.color=never -pl web -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$snapshot/classpath.txt"
cp -r web/target/classes "$snapshot/classes"
cp -r web/target/test-classes "$snapshot/test-classes"
java ${BENCH_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC} -cp "$snapshot/test-classes:$snapshot/classes:$(cat "$snapshot/classpath.txt")" \
  "$main" "${args[@]}"
