#!/usr/bin/env bash
# The evaluation server's benchmark (issue 3, "Performance"): generates a Sartorius-sized competition, starts a
# server in-process and measures upload-to-scored latency, leaderboard latency under load and concurrent uploads.
# Options: --images N (240) --workers N (half the cores) --clients N (200) --uploads N (100);
#          --quick first: 12 images, 10 clients, 5 uploads: checks that the benchmark runs (CI), no figures to cite.
# JVM options: BENCH_JAVA_OPTS (default: the launcher's, -Xmx4g -XX:+UseParallelGC). Figures: web/BENCHMARKS.md.
# Builds the web module and what it needs first; a failing build stops here with Maven's own error.
# Runs from a snapshot of the compiled classes, so a build running beside it cannot
# pull them away mid-run.
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
if [ "${1:-}" = --quick ]; then
  args=(--images 12 --clients 10 --uploads 5 "${@:2}")
fi
snapshot="$(mktemp -d)"
trap 'rm -rf "$snapshot"' EXIT
# -am: the scoring module is built in the same reactor (nothing needs to be installed in ~/.m2 first).
mvn -B -q -Dstyle.color=never -pl web -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$snapshot/classpath.txt"
cp -r web/target/classes "$snapshot/classes"
cp -r web/target/test-classes "$snapshot/test-classes"
java ${BENCH_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC} -cp "$snapshot/test-classes:$snapshot/classes:$(cat "$snapshot/classpath.txt")" \
  org.cellarena.web.bench.ServerBenchmark "${args[@]}"
