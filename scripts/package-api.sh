#!/usr/bin/env bash
# Builds the API Lambda package: artifacts/api-lambda.zip for the custom runtime provided.al2023 (an executable named
# bootstrap: self-contained, ReadyToRun, linux-x64), the packaging chosen by measured cold start (bench/RESULTS.md).
# MODE=managed builds the framework-dependent package for the managed dotnet10 runtime instead (handler: ReviewPulse.Api).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${MODE:-bootstrap}
out=artifacts/api-lambda
rm -rf "$out" artifacts/api-lambda.zip
mkdir -p artifacts
if [ "$mode" = managed ]; then
  dotnet publish src/Functions/ReviewPulse.Api -c Release -o "$out" -nologo -v q
else
  dotnet publish src/Functions/ReviewPulse.Api -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o "$out" -nologo -v q
  mv "$out/ReviewPulse.Api" "$out/bootstrap"
  chmod +x "$out/bootstrap"
fi
rm -f "$out"/*.pdb
(cd "$out" && zip -qr9 ../api-lambda.zip .)
echo "artifacts/api-lambda.zip ($mode, $(du -h artifacts/api-lambda.zip | cut -f1))"
