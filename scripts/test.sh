#!/usr/bin/env bash
# Runs every test on a fresh machine: checks what the tests need (they start moto themselves), builds, tests, and
# ends with one summary line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
export ORT_DISABLE_TELEMETRY=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need() { echo "scripts/test.sh: $1" >&2; exit 3; }
command -v dotnet >/dev/null || need "the .NET 10 SDK is required (https://dot.net)."
python=${MOTO_PYTHON:-python3}
command -v "$python" >/dev/null || need "python3 is required for the moto server the AWS tests start (apt-get install python3)."
"$python" -c "import moto.server, moto.moto_server.werkzeug_app" 2>/dev/null || need "moto is required for the AWS tests: pip install 'moto[server]' (or set MOTO_PYTHON to a python that has it)."

command -v cfn-lint >/dev/null || need "the infrastructure tests need cfn-lint: pip install cfn-lint"
command -v node >/dev/null || need "the CDK tests need Node.js (jsii runs on it): apt-get install nodejs"

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here); the compose file is
# validated by Debian's docker-compose (no Docker engine is needed for that).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v docker-compose >/dev/null || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "scripts/test.sh: installing Debian's ${missing[*]}" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null || need "apt-get install ${missing[*]} failed."
  else
    need "the tests need Debian's ${missing[*]}: sudo apt-get install ${missing[*]}"
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test ReviewPulse.slnx --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{s += $2} END {print s + 0}'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
