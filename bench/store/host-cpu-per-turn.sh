#!/usr/bin/env bash
# Host CPU time per turn under load (what a profile's percentages are of): the Release product on one provider, wrk
# -t2 -c32 with bench/load/turns.lua, 20 s warm-up, then 15 s measured; CPU = utime + stime of the host from /proc.
#
#   bench/store/host-cpu-per-turn.sh                      # Storage:Provider=Sqlite on a fresh file, Release build of this tree
#   PROVIDER=Memory bench/store/host-cpu-per-turn.sh
#   bench/store/host-cpu-per-turn.sh /tmp/other-build     # a folder holding another build's ComplianceBot.dll (before/after)
set -euo pipefail
cd "$(dirname "$0")/../.."
PROVIDER="${PROVIDER:-Sqlite}"; PORT="${PORT:-5391}"
bin="${1:-}"
if [ -z "$bin" ]; then dotnet build src/ComplianceBot -c Release -v quiet -nologo > /dev/null; bin=src/ComplianceBot/bin/Release/net10.0; fi
work="$(mktemp -d /tmp/host-cpu.XXXXXX)"
connection=""; if [ "$PROVIDER" = Sqlite ]; then connection="Data Source=$work/state.db"; fi
export THREADS=2 CONVERSATIONS=10000
ASPNETCORE_ENVIRONMENT=Production dotnet "$bin/ComplianceBot.dll" --urls "http://127.0.0.1:$PORT" \
  --Content:WatchForChanges=false --RateLimits:Enabled=false --Audit:UserIdKey=bench --Storage:Provider="$PROVIDER" \
  ${connection:+"--Storage:ConnectionString=$connection"} > "$work/host.log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null; wait $pid 2> /dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 0.5; done
wrk -t2 -c32 -d20s -s bench/load/turns.lua "http://127.0.0.1:$PORT" > /dev/null
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
c0=$(cpu); out=$(wrk -t2 -c32 -d15s -s bench/load/turns.lua "http://127.0.0.1:$PORT"); c1=$(cpu)
requests=$(grep -Eo 'requests=[0-9]+' <<< "$out" | head -1 | cut -d= -f2)
awk -v c=$((c1 - c0)) -v t="$(getconf CLK_TCK)" -v r="$requests" -v p="$PROVIDER" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
  'BEGIN { printf "%s: %d turns in 15 s, %.3f ms CPU per turn, load average %s\n", p, r, c * 1000 / t / r, l }'
