#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need on a fresh machine that has the .NET SDK:
# Debian's Chromium for the browser test of the web chat page (Playwright drives it; no browser download), and
# Debian's PostgreSQL for the storage tests (a throwaway server, started here and stopped on exit).
set -euo pipefail
cd "$(dirname "$0")"

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
dotnet test ComplianceBot.sln --no-build -c Debug --logger "console;verbosity=normal" "$@"
