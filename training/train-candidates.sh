#!/usr/bin/env bash
# Reproduces the shipped model: dataset split, every candidate preset, the TF-IDF baseline, and the comparison that
# picks models/default. Usage: training/train-candidates.sh [corpus] [work-folder]   (about an hour on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/reviews.csv.gz}
work=${2:-runs}
presets=${PRESETS:-fasttext fasttext-mlp fasttext-words fasttext-mlp-drop cnn-small}
export ORT_DISABLE_TELEMETRY=1
dotnet build -c Release training/ReviewPulse.Training -v q -nologo
trainer="dotnet training/ReviewPulse.Training/bin/Release/net10.0/ReviewPulse.Training.dll"
$trainer dataset --input "$corpus" --output "$work/data" --seed 42 > "$work/dataset-stats.json"
for preset in $presets; do
  $trainer train --data "$work/data" --output "$work/$preset" --preset "$preset" --seed 42 --resume
  $trainer export --run "$work/$preset" --data "$work/data" --output "$work/models/$preset" --corpus "$corpus" --version "$preset-$(date -u +%Y%m%d)"
done
# The tutorial network only has to train and export here: a short run (a full epoch takes ~45 min on 2 cores).
$trainer train --data "$work/data" --output "$work/tutorial" --preset tutorial --seed 42 --epochs 1 --train-limit 2000 --validation-limit 1000
$trainer export --run "$work/tutorial" --data "$work/data" --output "$work/models/tutorial" --corpus "$corpus" --version "tutorial-$(date -u +%Y%m%d)" --evaluation-limit 2000
$trainer baseline --data "$work/data" --output "$work/baseline"
models=()
for preset in $presets tutorial; do models+=("$work/models/$preset"); done
$trainer compare --model "${models[@]}" --baseline "$work/baseline.json" --data "$work/data" --select-into models/default
