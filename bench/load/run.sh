#!/usr/bin/env bash
# Turns per second through POST /api/messages (Release build, loopback, wrk, 32 connections, expectReplies) with each
# store provider, and the host's resident memory after 10,000 conversations and after they expire.
#   bench/load/run.sh                     # all: Memory, Sqlite, PostgreSql, then the memory check (Sqlite and Memory)
#   PROVIDERS="Sqlite" DURATION=30 bench/load/run.sh
# Installs wrk (and PostgreSQL, through tools/test-postgres.sh) from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
PROVIDERS="${PROVIDERS:-Memory Sqlite PostgreSql}"
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-32}"
export THREADS="${THREADS:-2}" CONVERSATIONS="${CONVERSATIONS:-10000}"
PORT="${PORT:-5391}"

sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! command -v wrk > /dev/null || ! command -v curl > /dev/null; then
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk curl > /dev/null
fi

dotnet build src/ComplianceBot -c Release -v quiet -nologo > /dev/null
dll="$root/src/ComplianceBot/bin/Release/net10.0/ComplianceBot.dll"
work="$(mktemp -d /tmp/compliancebot-bench.XXXXXX)"
host_pid=""
cleanup() { [ -n "$host_pid" ] && kill "$host_pid" 2> /dev/null; wait 2> /dev/null || true; rm -rf "$work"; }
trap 'cleanup; declare -F stop_test_postgres > /dev/null && stop_test_postgres' EXIT

connection_for() {
  case "$1" in
    Sqlite) echo "Data Source=$work/state-$RANDOM.db" ;;
    PostgreSql)
      if [ -z "${COMPLIANCEBOT_TEST_POSTGRES:-}" ]; then source tools/test-postgres.sh; start_test_postgres > /dev/null; fi
      local db="bench_$RANDOM$RANDOM"
      dotnet_psql "CREATE DATABASE $db"
      echo "${COMPLIANCEBOT_TEST_POSTGRES/Database=postgres/Database=$db}" ;;
    *) echo "" ;;
  esac
}

dotnet_psql() { # psql against the test server (host and port from its connection string)
  local cs="$COMPLIANCEBOT_TEST_POSTGRES" host port
  host="$(sed -E 's/.*Host=([^;]+).*/\1/' <<< "$cs")"; port="$(sed -E 's/.*Port=([^;]+).*/\1/' <<< "$cs")"
  psql -q -h "$host" -p "$port" -U postgres -d postgres -c "$1" > /dev/null
}

start_host() { # provider, extra settings...
  local provider="$1"; shift
  local connection; connection="$(connection_for "$provider")"
  ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=0 dotnet "$dll" --urls "http://127.0.0.1:$PORT" --Logging:LogLevel:Default=Warning \
    --Content:WatchForChanges=false --RateLimits:Enabled=false --Audit:UserIdKey=bench --Storage:Provider="$provider" ${connection:+"--Storage:ConnectionString=$connection"} "$@" \
    > "$work/host.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && return 0
    sleep 0.5
  done
  echo "host did not start:"; cat "$work/host.log"; exit 1
}

stop_host() { kill "$host_pid"; wait "$host_pid" 2> /dev/null || true; host_pid=""; }

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$host_pid/status"; }

load() { # seconds, prefix
  PREFIX="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" -s bench/load/turns.lua "http://127.0.0.1:$PORT" | grep '^RESULT'
}

echo "Turns per second (wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $CONVERSATIONS conversations, $(nproc) cores, $(date -u +%F))"
for provider in $PROVIDERS; do
  start_host "$provider"
  load 5 warmup > /dev/null
  echo "$provider: $(load "$DURATION" run) rss_mb=$(rss_mb)"
  stop_host
done

echo "Resident memory with $CONVERSATIONS conversations, then after they expire (ConversationTtl 20 s, sweep every 5 s)"
for provider in ${MEMORY_PROVIDERS:-Sqlite Memory}; do
  start_host "$provider" --Storage:ConversationTtl=00:00:20 --Storage:ExpiryScanInterval=00:00:05
  line="$provider: start $(rss_mb) MB"
  for round in 1 2 3; do
    load 10 "round$round" > /dev/null
    loaded="$(rss_mb)"
    sleep 30 # idle past the TTL and a sweep
    line="$line; round $round: $loaded MB loaded, $(rss_mb) MB after expiry"
  done
  echo "$line"
  stop_host
done
