#!/usr/bin/env bash
# Cold start: process start → first successful POST /api/predict, median of N runs, for each packaging of the API.
# Measured on Kestrel on loopback (the Lambda bridge adds no start-up work beyond it). Usage: bench/cold-start.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ORT_DISABLE_TELEMETRY=1
dotnet publish src/Functions/ReviewPulse.Api -c Release -o "$work/jit" -v q -nologo >/dev/null
dotnet publish src/Functions/ReviewPulse.Api -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o "$work/r2r" -v q -nologo >/dev/null
command -v clang >/dev/null || apt-get install -y -qq clang zlib1g-dev >/dev/null  # Native AOT links with clang
dotnet publish src/Functions/ReviewPulse.Api -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -v q -nologo >/dev/null
measure() {
  local name=$1; shift
  local times=()
  for i in $(seq "$runs"); do
    rm -f "$work/r.db"*
    local start; start=$(date +%s%N)
    ReviewPulse__Sqlite__Path="$work/r.db" ReviewPulse__Model__Uri="file:$PWD/models/default" "$@" --urls http://127.0.0.1:5082 >/dev/null 2>&1 &
    local pid=$!
    until curl -sf -o /dev/null -X POST -H 'content-type: application/json' -d '{"text":"first request"}' http://127.0.0.1:5082/api/predict; do sleep 0.005; done
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  printf '%s: median %s ms over %s runs (all: %s)\n' "$name" "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')" "$runs" "${times[*]}"
}
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
measure "framework-dependent (managed dotnet10 runtime shape)" dotnet "$work/jit/ReviewPulse.Api.dll"
measure "self-contained ReadyToRun (provided.al2023 bootstrap)" "$work/r2r/ReviewPulse.Api"
measure "Native AOT (provided.al2023 bootstrap)" "$work/aot/ReviewPulse.Api"
