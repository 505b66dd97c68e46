#!/usr/bin/env bash
# /api/predict throughput and latency on Kestrel vs the tutorial's serving path (../shared/anchors/seed_api, gunicorn
# defaults), same tool (hey), text, concurrency and duration, in one run. Loopback only.
# Needs Debian's hey gunicorn python3-flask python3-torch libopenblas0-pthread (bench only; installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-20s}
concurrency=${CONCURRENCY:-16}
text='The delivery was two days late and support never answered my emails, but the product itself works fine.'
for tool in hey gunicorn; do
  command -v "$tool" >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq hey gunicorn python3-flask python3-torch libopenblas0-pthread >/dev/null; } || { echo "install $tool (Debian package)" >&2; exit 3; }
done
work=$(mktemp -d)
cleanup() { kill "${api:-}" "${seed:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export ORT_DISABLE_TELEMETRY=1
dotnet publish src/Functions/ReviewPulse.Api -c Release -o "$work/api" -v q -nologo >/dev/null
ReviewPulse__Sqlite__Path="$work/r.db" ReviewPulse__Model__Uri="file:$PWD/models/default" \
ReviewPulse__Limits__PredictPerSecond=1000000 ReviewPulse__Limits__PredictBurst=1000000 \
  dotnet "$work/api/ReviewPulse.Api.dll" --urls http://127.0.0.1:5081 >"$work/api.log" 2>&1 & api=$!
(cd ../shared/anchors/seed_api && exec gunicorn -b 127.0.0.1:5009 app:app) >"$work/seed.log" 2>&1 & seed=$!
for url in http://127.0.0.1:5081/ready http://127.0.0.1:5009/; do
  for _ in $(seq 120); do curl -s -o /dev/null "$url" && break; sleep 0.5; done
done
summary() { awk '/Requests\/sec/ {rps=$2} /50% in/ {p50=$3*1000} /99% in/ {p99=$3*1000} END {printf "%s requests/s, p50 %.1f ms, p99 %.1f ms\n", rps, p50, p99}'; }
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); hey -z $duration -c $concurrency, same text"
hey -z 3s -c "$concurrency" -m POST -T application/json -d "{\"text\":\"$text\"}" http://127.0.0.1:5081/api/predict >/dev/null
printf 'reviewpulse (Kestrel, %s): ' "$(sed -n 's/.*"version": "\(.*\)",/\1/p' models/default/manifest.json | head -1)"
hey -z "$duration" -c "$concurrency" -m POST -T application/json -d "{\"text\":\"$text\"}" http://127.0.0.1:5081/api/predict | summary
hey -z 3s -c "$concurrency" -m POST -T application/x-www-form-urlencoded -d "review=$text" http://127.0.0.1:5009/api/predict >/dev/null
printf 'seed anchor (Flask + PyTorch, gunicorn defaults): '
hey -z "$duration" -c "$concurrency" -m POST -T application/x-www-form-urlencoded -d "review=$text" http://127.0.0.1:5009/api/predict | summary
