#!/usr/bin/env bash
# The demo's model against the classical baseline on generated data of a given seed, as model/BENCHMARKS.md
# reports it: demo-data (30 704x520 images), the demo's split (stratified by cell type, grouped by sample_id:
# 15 train, 6 val, 9 held out), `train --config configs/demo_cpu.json --max-minutes M`, then `predict` and
# `baseline` on the held-out images, both scored with `score` (overall and per cell type).
# usage: model/bench/demo-vs-baseline.sh SEED [MINUTES=4] [OUT=/tmp/demo-vs-baseline-SEED] [TRAIN_ARGS...]
# (MINUTES 0: no time budget, the config's epochs; TRAIN_ARGS go to `train`, e.g. --set data.photometric=false; CONFIG=FILE picks another config)
set -euo pipefail
seed="$1"; minutes="${2:-4}"; out="${3:-/tmp/demo-vs-baseline-$seed}"; shift $(( $# < 3 ? $# : 3 ))
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ca="$root/cellarena"
rm -rf "$out" && mkdir -p "$out/holdout"
"$ca" demo-data --out "$out/data" --images 30 --seed "$seed" >/dev/null
"$ca" split --data "$out/data" --out "$out/split.json" --holdout 0.3 --val 0.15 --group sample_id --seed "$seed" >/dev/null
jq -r '.holdout[]' "$out/split.json" > "$out/holdout.txt"
while read -r id; do ln -s "$out/data/train/$id.png" "$out/holdout/$id.png"; done < "$out/holdout.txt"
awk -F, 'NR == FNR { keep[$1] = 1; next } FNR == 1 { print $0 ",Usage"; next } ($1 in keep) { print $0 ",Public" }' \
  "$out/holdout.txt" "$out/data/train.csv" > "$out/solution.csv"
echo "seed $seed, $minutes min, $(date -u '+%F %T') UTC, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$ca" train --config "${CONFIG:-$root/configs/demo_cpu.json}" "$@" --data "$out/data" --split "$out/split.json" \
  --work-dir "$out/work" $([ "$minutes" = 0 ] || echo --max-minutes "$minutes") 2>"$out/train.log" | tail -1
grep "val mAP" "$out/train.log" | tail -3
echo "load after training: $(cut -d' ' -f1-3 /proc/loadavg)"
"$ca" predict --checkpoint "$out/work" --images "$out/holdout" --out "$out/model.csv" >/dev/null 2>&1
"$ca" baseline --images "$out/holdout" --out "$out/baseline.csv" >/dev/null
for who in model baseline; do
  "$ca" score --solution "$out/solution.csv" --submission "$out/$who.csv" --json \
    | jq -r --arg who "$who" '"\($who): \(.score | . * 1000 | round / 1000) (" + ([.cell_types | to_entries[] | "\(.key) \(.value | if type == "object" then .score else . end | . * 1000 | round / 1000)"] | join(", ")) + ")"'
done
