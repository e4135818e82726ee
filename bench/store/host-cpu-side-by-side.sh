#!/usr/bin/env bash
# Host CPU time per turn of two Release builds run AT THE SAME TIME, each under its own wrk (-t1 -c16, bench/load/turns.lua,
# SQLite), so that both share whatever else loads the machine: on a shared machine, runs one after the other differ by
# more than the change being measured. WARMUP (25) s warm-up, then ROUNDS (3) rounds of 20 s; CPU = utime + stime from /proc;
# peak RSS = VmHWM (the largest resident set since the host started; at -c16 each, not the load script's -c32 figure).
#
#   bench/store/host-cpu-side-by-side.sh /tmp/before-build /tmp/after-build     # folders holding ComplianceBot.dll
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${ROUNDS:-3}"; WARMUP="${WARMUP:-25}"
export THREADS=1 CONVERSATIONS=10000
builds=("$1" "$2"); ports=(5381 5382); pids=()
work="$(mktemp -d /tmp/host-cpu-sbs.XXXXXX)"
trap 'kill "${pids[@]}" 2> /dev/null; wait "${pids[@]}" 2> /dev/null; rm -rf "$work"' EXIT
for i in 0 1; do
  ASPNETCORE_ENVIRONMENT=Production dotnet "${builds[$i]}/ComplianceBot.dll" --urls "http://127.0.0.1:${ports[$i]}" \
    --Content:WatchForChanges=false --RateLimits:Enabled=false --Audit:UserIdKey=bench --Storage:Provider=Sqlite \
    "--Storage:ConnectionString=Data Source=$work/$i.db" > "$work/$i.log" 2>&1 &
  pids+=($!)
done
for i in 0 1; do for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:${ports[$i]}/healthz" > /dev/null && break; sleep 0.5; done; done
load() { # seconds; runs both wrk at once, results in $work/<i>.wrk
  local w=()
  for i in 0 1; do wrk -t1 -c16 -d"$1"s -s bench/load/turns.lua "http://127.0.0.1:${ports[$i]}" > "$work/$i.wrk" & w+=($!); done
  wait "${w[@]}"
}
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
load "$WARMUP"
for _ in $(seq 1 "$ROUNDS"); do
  c0=("$(cpu "${pids[0]}")" "$(cpu "${pids[1]}")")
  load 20
  line="$(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for i in 0 1; do
    r=$(grep -Eo 'requests=[0-9]+' "$work/$i.wrk" | cut -d= -f2)
    line="$line | ${builds[$i]}: $(awk -v c=$(($(cpu "${pids[$i]}") - c0[i])) -v t="$(getconf CLK_TCK)" -v r="$r" \
      'BEGIN { printf "%d turns, %.3f ms CPU per turn", r, c * 1000 / t / r }'), peak RSS $(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/${pids[$i]}/status") MB"
  done
  echo "$line"
done
