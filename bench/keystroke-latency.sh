#!/usr/bin/env bash
# Keystroke-to-gauge latency (p50/p95) in Debian's Chromium against the local app started from a Release publish.
# Usage: bench/keystroke-latency.sh [delay-between-keys-ms]
set -euo pipefail
cd "$(dirname "$0")/.."
delay=${1:-100}
work=$(mktemp -d)
trap 'kill "${api:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
export ORT_DISABLE_TELEMETRY=1
dotnet publish src/Functions/ReviewPulse.Api -c Release -o "$work/api" -v q -nologo >/dev/null
dotnet build -c Release bench/ReviewPulse.Bench -v q -nologo >/dev/null
ReviewPulse__Sqlite__Path="$work/r.db" ReviewPulse__Model__Uri="file:$PWD/models/default" ReviewPulse__WebRoot="$PWD/src/Web" \
  dotnet "$work/api/ReviewPulse.Api.dll" --urls http://127.0.0.1:5086 >"$work/api.log" 2>&1 & api=$!
for _ in $(seq 120); do curl -sf -o /dev/null http://127.0.0.1:5086/ready && break; sleep 0.5; done
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
dotnet bench/ReviewPulse.Bench/bin/Release/net10.0/ReviewPulse.Bench.dll keystrokes --url http://127.0.0.1:5086/ --delay-ms "$delay"
