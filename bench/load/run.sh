#!/usr/bin/env bash
# Load tests through POST /api/messages (Release builds, loopback, wrk, expectReplies, a mix of English, Chinese and
# off-topic questions from bench/load/turns.lua). One command from a fresh clone; installs wrk (and curl) from the
# distribution's packages when missing, and PostgreSQL through tools/test-postgres.sh when that provider is asked for.
#
#   bench/load/run.sh                  # compare: the bare echo bot (bench/EchoBot) and the product, side by side
#   PROVIDER=Memory bench/load/run.sh  #   ... with the product on another Storage:Provider (default: Sqlite, as shipped)
#   ROUNDS=3 DURATION=30 bench/load/run.sh   # alternate echo/product rounds (each round prints its own ratio)
#   bench/load/run.sh storage          # issue 11: turns/s per store provider (PROVIDERS="Memory Sqlite PostgreSql"),
#                                      #   then resident memory after 10,000 conversations and after they expire
#
# compare prints, for each side: turns/s, p50/p99 latency and peak resident memory (VmHWM from /proc: the largest
# resident set of the process since it started, warm-up included), the host's CPU time per turn during the measured
# run (user + system, from /proc: less sensitive to other load on the machine than turns/s), then the ratio product/echo.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
MODE="${1:-compare}"
PROVIDER="${PROVIDER:-Sqlite}"
PROVIDERS="${PROVIDERS:-Memory Sqlite PostgreSql}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-30}"
ROUNDS="${ROUNDS:-1}"
CONNECTIONS="${CONNECTIONS:-32}"
export THREADS="${THREADS:-2}" CONVERSATIONS="${CONVERSATIONS:-10000}"
PORT="${PORT:-5391}"

sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! command -v wrk > /dev/null || ! command -v curl > /dev/null; then
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk curl > /dev/null
fi

dotnet build src/ComplianceBot -c Release -v quiet -nologo > /dev/null
product_dll="$root/src/ComplianceBot/bin/Release/net10.0/ComplianceBot.dll"
echo_dll="$root/bench/EchoBot/bin/Release/net10.0/EchoBot.dll"
if [ "$MODE" = compare ]; then dotnet build bench/EchoBot -c Release -v quiet -nologo > /dev/null; fi
work="$(mktemp -d /tmp/compliancebot-bench.XXXXXX)"
host_pid=""
cleanup() { [ -n "$host_pid" ] && kill "$host_pid" 2> /dev/null; wait 2> /dev/null || true; rm -rf "$work"; }
trap 'cleanup; declare -F stop_test_postgres > /dev/null && stop_test_postgres' EXIT

dotnet_psql() { # psql against the test server (host and port from its connection string)
  local cs="$COMPLIANCEBOT_TEST_POSTGRES" host port
  host="$(sed -E 's/.*Host=([^;]+).*/\1/' <<< "$cs")"; port="$(sed -E 's/.*Port=([^;]+).*/\1/' <<< "$cs")"
  psql -q -h "$host" -p "$port" -U postgres -d postgres -c "$1" > /dev/null
}

connection_for() {
  case "$1" in
    Sqlite) echo "Data Source=$work/state-$RANDOM.db" ;;
    PostgreSql)
      local db="bench_$RANDOM$RANDOM"
      dotnet_psql "CREATE DATABASE $db"
      echo "${COMPLIANCEBOT_TEST_POSTGRES/Database=postgres/Database=$db}" ;;
    *) echo "" ;;
  esac
}

wait_healthy() {
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && return 0
    kill -0 "$host_pid" 2> /dev/null || break
    sleep 0.5
  done
  echo "host did not start:"; cat "$work/host.log"; exit 1
}

start_product() { # provider, extra settings...
  local provider="$1"; shift
  if [ "$provider" = PostgreSql ] && [ -z "${COMPLIANCEBOT_TEST_POSTGRES:-}" ]; then
    source tools/test-postgres.sh; start_test_postgres > /dev/null
  fi
  local connection; connection="$(connection_for "$provider")"
  ASPNETCORE_ENVIRONMENT=Production dotnet "$product_dll" --urls "http://127.0.0.1:$PORT" \
    --Content:WatchForChanges=false --RateLimits:Enabled=false --Audit:UserIdKey=bench --Storage:Provider="$provider" ${connection:+"--Storage:ConnectionString=$connection"} "$@" \
    > "$work/host.log" 2>&1 &
  host_pid=$!
  wait_healthy
}

start_echo() {
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$echo_dll" --urls "http://127.0.0.1:$PORT") > "$work/host.log" 2>&1 &
  host_pid=$!
  wait_healthy
}

stop_host() { kill "$host_pid"; wait "$host_pid" 2> /dev/null || true; host_pid=""; }

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$host_pid/status"; }
peak_rss_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$host_pid/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$host_pid/stat"; } # user + system time of the host, in clock ticks

load() { # seconds, prefix
  PREFIX="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" -s bench/load/turns.lua "http://127.0.0.1:$PORT" | grep '^RESULT' | sed 's/^RESULT //'
}

field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<< "$2"; }

# One side: start, warm up, measure; prints "<wrk result> peak_rss_mb=N".
measure() { # echo|product
  if [ "$1" = echo ]; then start_echo; else start_product "$PROVIDER"; fi
  load "$WARMUP" warmup > /dev/null
  local before; before="$(cpu_ticks)"
  local result; result="$(load "$DURATION" run)"
  local cpu; cpu="$(awk -v a="$before" -v b="$(cpu_ticks)" -v hz="$(getconf CLK_TCK)" -v n="$(field requests "$result")" \
    'BEGIN { printf "%.3f", (b - a) * 1000 / hz / n }')"
  if [ "$(field non2xx "$result")" != 0 ] || [ "$(field errors "$result")" != 0 ]; then
    echo "WARNING: $1 answered errors; its host log ends with:" >&2; tail -n 20 "$work/host.log" >&2
  fi
  echo "$result cpu_ms_per_turn=$cpu peak_rss_mb=$(peak_rss_mb)"
  stop_host
}

compare() {
  echo "Echo bot vs product (Storage:Provider=$PROVIDER), wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up," \
    "$CONVERSATIONS conversations, $(nproc) cores, $(date -u '+%F %H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for round in $(seq 1 "$ROUNDS"); do
    local echo_result product_result
    echo_result="$(measure echo)"
    product_result="$(measure product)"
    printf '%-8s %s\n' "echo:" "$echo_result" "product:" "$product_result"
    awk -v p="$(field rps "$product_result")" -v e="$(field rps "$echo_result")" -v r="$round" \
      'BEGIN { printf "round %d: product/echo turns/s ratio = %.2f\n", r, p / e }'
  done
}

storage() {
  echo "Turns per second per store (wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $CONVERSATIONS conversations, $(nproc) cores," \
    "$(date -u '+%F %H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  for provider in $PROVIDERS; do
    start_product "$provider"
    load "$WARMUP" warmup > /dev/null
    echo "$provider: $(load "$DURATION" run) rss_mb=$(rss_mb) peak_rss_mb=$(peak_rss_mb)"
    stop_host
  done

  echo "Resident memory with $CONVERSATIONS conversations, then after they expire (ConversationTtl 20 s, sweep every 5 s)"
  for provider in ${MEMORY_PROVIDERS:-Sqlite Memory}; do
    start_product "$provider" --Storage:ConversationTtl=00:00:20 --Storage:ExpiryScanInterval=00:00:05
    local line="$provider: start $(rss_mb) MB"
    for round in 1 2 3; do
      load 10 "round$round" > /dev/null
      local loaded; loaded="$(rss_mb)"
      sleep 30 # idle past the TTL and a sweep
      line="$line; round $round: $loaded MB loaded, $(rss_mb) MB after expiry"
    done
    echo "$line"
    stop_host
  done
}

case "$MODE" in
  compare) compare ;;
  storage) storage ;;
  *) echo "usage: bench/load/run.sh [compare|storage]  (see the comment at the top)"; exit 2 ;;
esac
