#!/usr/bin/env bash
# The evaluation server's benchmark (issue 3, "Performance"): generates a Sartorius-sized competition, starts a
# server in-process and measures upload-to-scored latency, leaderboard latency under load and concurrent uploads.
# Options: --images N (240) --workers N (half the cores) --clients N (200) --uploads N (100).
# First option --flood: FloodBenchmark (issue 11); --cluster: ClusterBenchmark (issue 17: workers on PostgreSQL).
# JVM options: BENCH_JAVA_OPTS (default: the launcher's, -Xmx4g -XX:+UseParallelGC). Figures: web/BENCHMARKS.md.
# Runs from a snapshot of the compiled classes, so a build running beside it cannot
# pull them away mid-run.
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot="$(mktemp -d)"
trap 'rm -rf "$snapshot"' EXIT
mvn -B -q -pl web test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$snapshot/classpath.txt" >/dev/null
cp -r web/target/classes "$snapshot/classes"
cp -r web/target/test-classes "$snapshot/test-classes"
main=org.cellarena.web.bench.ServerBenchmark
case "${1:-}" in
  --flood) main=org.cellarena.web.bench.FloodBenchmark; shift ;;
  --cluster) main=org.cellarena.web.cluster.ClusterBenchmark; shift ;;
esac
java ${BENCH_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC} -cp "$snapshot/test-classes:$snapshot/classes:$(cat "$snapshot/classpath.txt")" \
  "$main" "$@"
