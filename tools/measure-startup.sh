#!/usr/bin/env bash
# Start-up time of the bot host: from process start to the first answered question over POST /api/messages
# (content loaded, matcher built, Kestrel listening). Runs the Release build N times (default 5) on port 3999.
#   tools/measure-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
port=3999
dotnet build -c Release src/ComplianceBot -v q -nologo > /dev/null
dll=src/ComplianceBot/bin/Release/net10.0/ComplianceBot.dll
body='{"type":"message","id":"m1","channelId":"emulator","serviceUrl":"http://localhost","deliveryMode":"expectReplies",
"from":{"id":"u1"},"recipient":{"id":"bot"},"conversation":{"id":"startup"},"text":"Is a paid VPN legal for individuals?"}'
for run in $(seq "$runs"); do
  start=$(date +%s%N)
  dotnet "$dll" serve --urls "http://localhost:$port" > /dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://localhost:$port/api/messages"; do
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2> /dev/null || true
  echo "run $run: $(( (end - start) / 1000000 )) ms to the first answer"
done
