#!/usr/bin/env bash
# The demo's model against the classical baseline on generated data of a given seed, as model/BENCHMARKS.md
# reports it: demo-data (30 generated 704x520 images), the demo's split (stratified by cell type, grouped by
# sample_id: 15 train, 6 val, 9 held out), `train --config configs/demo_cpu.json --max-minutes M`, then `predict`
# and `baseline` on the held-out images, both scored with `score` (overall and per cell type), and the baseline on
# the validation images beside the model's val mAP.
# usage: model/bench/demo-vs-baseline.sh SEED [MINUTES=4] [OUT=/tmp/demo-vs-baseline-SEED] [TRAIN_ARGS...]
# MINUTES 0: no time budget (the config's epochs). TRAIN_ARGS go to `train` (e.g. --set data.photometric=false).
# Environment: CONFIG (default configs/demo_cpu.json), IMAGES (30), WIDTH (704), HEIGHT (520); e.g. the tiny check:
#   CONFIG=configs/tiny_cpu.json IMAGES=48 WIDTH=256 HEIGHT=256 model/bench/demo-vs-baseline.sh 7 6
set -euo pipefail
seed="$1"; minutes="${2:-4}"; out="${3:-/tmp/demo-vs-baseline-$seed}"; shift $(( $# < 3 ? $# : 3 ))
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ca="$root/cellarena"
rm -rf "$out" && mkdir -p "$out"
"$ca" demo-data --out "$out/data" --images "${IMAGES:-30}" --width "${WIDTH:-704}" --height "${HEIGHT:-520}" \
  --seed "$seed" >/dev/null
"$ca" split --data "$out/data" --out "$out/split.json" --holdout 0.3 --val 0.15 --group sample_id --seed "$seed" >/dev/null
for part in holdout val; do # a folder of the part's images and its solution (every image Public)
  mkdir -p "$out/$part"
  jq -r ".$part[]" "$out/split.json" > "$out/$part.txt"
  while read -r id; do ln -s "$out/data/train/$id.png" "$out/$part/$id.png"; done < "$out/$part.txt"
  awk -F, 'NR == FNR { keep[$1] = 1; next } FNR == 1 { print $0 ",Usage"; next } ($1 in keep) { print $0 ",Public" }' \
    "$out/$part.txt" "$out/data/train.csv" > "$out/$part-solution.csv"
done
echo "seed $seed, $minutes min, $(date -u '+%F %T') UTC, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$ca" train --config "${CONFIG:-$root/configs/demo_cpu.json}" "$@" --data "$out/data" --split "$out/split.json" \
  --work-dir "$out/work" $([ "$minutes" = 0 ] || echo --max-minutes "$minutes") 2>"$out/train.log" | tail -1
grep "val mAP" "$out/train.log" | tail -3
echo "load after training: $(cut -d' ' -f1-3 /proc/loadavg)"
score() { # label solution submission
  "$ca" score --solution "$2" --submission "$3" --json | jq -r --arg who "$1" '"\($who): \(.score | . * 1000 | round
    / 1000) (" + ([.cell_types | to_entries[] | "\(.key) \(.value | if type == "object" then .score else . end | . *
    1000 | round / 1000)"] | join(", ")) + ")"'
}
"$ca" baseline --images "$out/val" --out "$out/baseline-val.csv" >/dev/null
score "baseline on the validation images" "$out/val-solution.csv" "$out/baseline-val.csv"
"$ca" predict --checkpoint "$out/work" --images "$out/holdout" --out "$out/model.csv" >/dev/null 2>&1
"$ca" baseline --images "$out/holdout" --out "$out/baseline.csv" >/dev/null
score "model" "$out/holdout-solution.csv" "$out/model.csv"
score "baseline" "$out/holdout-solution.csv" "$out/baseline.csv"
