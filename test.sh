#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need on a fresh machine that has the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"

dotnet restore ComplianceBot.sln
dotnet build ComplianceBot.sln --no-restore -c Debug
dotnet test ComplianceBot.sln --no-build -c Debug --logger "console;verbosity=normal" "$@"
