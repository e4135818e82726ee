#!/usr/bin/env bash
# Sourced by test.sh: gives the PostgreSQL tests a throwaway server and exports its connection string as
# COMPLIANCEBOT_TEST_POSTGRES (left alone when it is already set). Installs Debian's postgresql when it is missing,
# starts a cluster on a free port in a temporary folder (as the `postgres` user when run as root: initdb refuses root),
# and stops it and removes the folder when the calling script exits.

start_test_postgres() {
  if [ -n "${COMPLIANCEBOT_TEST_POSTGRES:-}" ]; then
    echo "PostgreSQL tests use COMPLIANCEBOT_TEST_POSTGRES as given."
    return
  fi

  local sudo="" bin
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "Installing Debian's postgresql for the PostgreSQL tests..."
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql > /dev/null
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi

  local port=55432
  while (echo > "/dev/tcp/127.0.0.1/$port") 2> /dev/null; do port=$((port + 1)); done

  TEST_POSTGRES_DIR="$(mktemp -d /tmp/compliancebot-pg.XXXXXX)"
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$TEST_POSTGRES_DIR"
    as=(runuser -u postgres --)
  fi
  TEST_POSTGRES_CTL=("${as[@]}" "$bin/pg_ctl" -D "$TEST_POSTGRES_DIR/data")
  "${as[@]}" "$bin/initdb" -D "$TEST_POSTGRES_DIR/data" -A trust -U postgres > "$TEST_POSTGRES_DIR/initdb.log"
  "${TEST_POSTGRES_CTL[@]}" -l "$TEST_POSTGRES_DIR/server.log" -w \
    -o "-p $port -k $TEST_POSTGRES_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start > /dev/null
  trap stop_test_postgres EXIT
  export COMPLIANCEBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port (folder $TEST_POSTGRES_DIR)."
}

stop_test_postgres() {
  if [ -n "${TEST_POSTGRES_DIR:-}" ]; then
    "${TEST_POSTGRES_CTL[@]}" -m immediate stop > /dev/null 2>&1 || true
    rm -rf "$TEST_POSTGRES_DIR"
  fi
}
