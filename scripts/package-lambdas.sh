#!/usr/bin/env bash
# Builds the Lambda packages for the custom runtime provided.al2023 (an executable named bootstrap, linux-x64):
#   artifacts/api-lambda.zip      the API, Native AOT (fastest measured cold start: bench/RESULTS.md); needs clang, zlib1g-dev
#   artifacts/scraper-lambda.zip  the scheduled scraper, self-contained ReadyToRun (it runs for minutes; start-up matters little)
# API_MODE=r2r builds the API ReadyToRun too; API_MODE=managed builds it framework-dependent for the managed dotnet10
# runtime (handler: ReviewPulse.Api) — the CDK stack expects bootstrap packages.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts

package() { # name project mode
  local name=$1 project=$2 mode=$3 out="artifacts/$1"
  rm -rf "$out" "artifacts/$name.zip"
  case "$mode" in
    aot)
      command -v clang >/dev/null || { echo "Native AOT needs clang and zlib1g-dev: apt-get install clang zlib1g-dev" >&2; exit 3; }
      dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo -v q ;;
    r2r)
      dotnet publish "$project" -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o "$out" -nologo -v q ;;
    managed)
      dotnet publish "$project" -c Release -o "$out" -nologo -v q ;;
  esac
  local exe; exe=$(basename "$project")
  if [ "$mode" != managed ]; then mv "$out/$exe" "$out/bootstrap"; chmod +x "$out/bootstrap"; fi
  rm -f "$out"/*.pdb "$out"/*.dbg "$out"/*.xml
  (cd "$out" && zip -qr9 "../$name.zip" .)
  echo "artifacts/$name.zip ($mode, $(du -h "artifacts/$name.zip" | cut -f1))"
}

package api-lambda src/Functions/ReviewPulse.Api "${API_MODE:-aot}"
package scraper-lambda src/Functions/ReviewPulse.Scraper r2r
