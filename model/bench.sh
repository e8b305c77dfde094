#!/usr/bin/env bash
# The model's benchmark (model/BENCHMARKS.md): training images/s, prediction images/s and peak RSS of a
# configuration on generated images (model/src/test/java/org/cellarena/model/Bench.java).
# Usage: model/bench.sh CONFIG WIDTHxHEIGHT TRAIN_ITERATIONS WARMUP_ITERATIONS PREDICT_IMAGES
#        model/bench.sh                 the tiny CPU figures: configs/tiny_cpu.json 256x256 40 3 20
#        model/bench.sh --quick         one iteration at 128x128: checks that the benchmark runs (CI)
# BENCH_CLASS=LossTrace model/bench.sh CONFIG WIDTH CELLS STEPS instead prints the losses of seeded training steps
# (compare them before and after a refactor that must not change training).
# JVM options: BENCH_JAVA_OPTS (default -Xmx3g). Builds the model module and what it needs first; a failing
# build stops here with Maven's own error. Runs from a snapshot of the compiled classes.
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
case "${1:-}" in
  "") args=(configs/tiny_cpu.json 256x256 40 3 20) ;;
  --quick) args=(configs/tiny_cpu.json 128x128 1 0 1) ;;
esac
snapshot="$(mktemp -d)"
trap 'rm -rf "$snapshot"' EXIT
mvn -B -q -Dstyle.color=never -pl model -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$snapshot/classpath.txt"
cp -r model/target/classes "$snapshot/classes"
cp -r model/target/test-classes "$snapshot/test-classes"
java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "$snapshot/test-classes:$snapshot/classes:$(cat "$snapshot/classpath.txt")" \
  "org.cellarena.model.${BENCH_CLASS:-Bench}" "${args[@]}"
