#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need on a fresh machine that has the .NET SDK:
# Debian's Chromium for the browser test of the web chat page (Playwright drives it; no browser download), and
# Debian's PostgreSQL for the storage tests (a throwaway server, started here and stopped on exit).
#   ./test.sh [dotnet test arguments...]             build, then run the suite once (what CI runs)
#   ./test.sh --repeat N [dotnet test arguments...]  build once, run the suite N times, then report each run's duration,
#                                                    every test that failed in any run and the 10 slowest tests
#                                                    (tools/test-report.cs; results in artifacts/test-runs/)
# Either way it fails when a run changed the repository's knowledge/, dialogs/ or data/ (tests work on copies).
set -euo pipefail
cd "$(dirname "$0")"

repeat=0
if [ "${1:-}" = "--repeat" ]; then
  if [[ ! "${2:-}" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: ./test.sh --repeat N [dotnet test arguments...]   (N: how many runs, 1 or more)" >&2
    exit 2
  fi
  repeat="$2"
  shift 2
fi

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Installing Debian's chromium for the web chat browser test..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-color-emoji > /dev/null
fi

source tools/test-postgres.sh
start_test_postgres

dotnet restore ComplianceBot.sln
dotnet build ComplianceBot.sln --no-restore -c Debug

content_state() { { find knowledge dialogs data -type f -printf '%p %s %T@\n' 2> /dev/null || true; } | sort; }
content_before="$(content_state)"
content_unchanged() {
  local now
  now="$(content_state)"
  if [ "$now" != "$content_before" ]; then
    echo "The tests changed the repository's content (knowledge/, dialogs/ or data/); tests must work on copies:" >&2
    diff <(echo "$content_before") <(echo "$now") >&2 || true
    return 1
  fi
}

if [ "$repeat" -eq 0 ]; then
  status=0
  dotnet test ComplianceBot.sln --no-build -c Debug --logger "console;verbosity=normal" "$@" || status=$?
  content_unchanged || status=1
  exit "$status"
fi

results=artifacts/test-runs
rm -rf "$results"
failed=0
for run in $(seq "$repeat"); do
  echo "== run $run of $repeat =="
  mkdir -p "$results/run-$run"
  start=$(date +%s)
  dotnet test ComplianceBot.sln --no-build -c Debug --logger "console;verbosity=minimal" --logger trx \
    --results-directory "$results/run-$run" "$@" || failed=1
  echo $(( $(date +%s) - start )) > "$results/run-$run/duration.txt"
  content_unchanged || failed=1
done
dotnet run tools/test-report.cs -- "$results" || failed=1
exit "$failed"
