#!/usr/bin/env bash
# Builds the API Lambda package artifacts/api-lambda.zip for the custom runtime provided.al2023: a Native AOT
# executable named bootstrap (linux-x64), the packaging chosen by measured cold start (bench/RESULTS.md). Needs clang
# and zlib1g-dev (Debian). MODE=r2r builds a self-contained ReadyToRun bootstrap instead; MODE=managed the
# framework-dependent package for the managed dotnet10 runtime (handler: ReviewPulse.Api).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${MODE:-aot}
out=artifacts/api-lambda
rm -rf "$out" artifacts/api-lambda.zip
mkdir -p artifacts
if [ "$mode" = managed ]; then
  dotnet publish src/Functions/ReviewPulse.Api -c Release -o "$out" -nologo -v q
else
  if [ "$mode" = aot ]; then
    command -v clang >/dev/null || { echo "Native AOT needs clang and zlib1g-dev: apt-get install clang zlib1g-dev" >&2; exit 3; }
    dotnet publish src/Functions/ReviewPulse.Api -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo -v q
    rm -f "$out"/*.dbg "$out"/*.xml
  else
    dotnet publish src/Functions/ReviewPulse.Api -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o "$out" -nologo -v q
  fi
  mv "$out/ReviewPulse.Api" "$out/bootstrap"
  chmod +x "$out/bootstrap"
fi
rm -f "$out"/*.pdb
(cd "$out" && zip -qr9 ../api-lambda.zip .)
echo "artifacts/api-lambda.zip ($mode, $(du -h artifacts/api-lambda.zip | cut -f1))"
