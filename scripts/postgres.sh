#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: installs Debian's `postgresql` when missing, and starts a
# cluster in a new temporary directory as an unprivileged user (the `postgres` system user when
# run as root, since PostgreSQL refuses to run as root), listening on loopback only, with `fsync`
# on so the tests see the durability a deployment has. Sourced by scripts/test.sh:
#
#   source scripts/postgres.sh
#   pg_start || …       # exports RMP_TEST_POSTGRES=postgres://rmp_test@127.0.0.1:PORT
#   pg_stop             # stops the cluster and deletes its directory
#
# The tests then create a schema of their own for each store in the database rmp_tests
# (app/tests/common/mod.rs, server/tests/common/mod.rs). A
# test that needs PostgreSQL fails, with a message saying to start it, when RMP_TEST_POSTGRES is
# unset: it never skips.

# Below the ephemeral range (32768–60999 on Linux), where a client socket can hold the port.
PG_PORT="${PG_PORT:-25432}"
PG_AS=()
PG_WORK=""

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

pg_start() {
  if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "== postgres: apt-get install postgresql"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null \
      || { echo "FAIL: could not install postgresql from Debian's packages"; return 1; }
  fi
  local bin
  bin="$(pg_bin)"
  PG_WORK="$(mktemp -d)"
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "FAIL: running as root, and there is no postgres user to run PostgreSQL as"; return 1; }
    chown postgres "$PG_WORK"
    as=(runuser -u postgres --)
  fi
  PG_AS=("${as[@]}")
  if ! "${as[@]}" "$bin/initdb" -D "$PG_WORK/data" -U rmp_test --auth=trust -E UTF8 --locale=C.UTF-8 > "$PG_WORK/initdb.log" 2>&1; then
    echo "FAIL: initdb did not make a cluster:"; tail -5 "$PG_WORK/initdb.log"; return 1
  fi
  if ! "${as[@]}" "$bin/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_WORK -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start > /dev/null; then
    echo "FAIL: PostgreSQL did not start:"; tail -5 "$PG_WORK/server.log"; return 1
  fi
  # The tests' stores each get a schema of their own in this one database (tests/common/mod.rs).
  if ! "$bin/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U rmp_test -d postgres -c "CREATE DATABASE rmp_tests" > /dev/null; then
    echo "FAIL: could not create the tests' database"; return 1
  fi
  export RMP_TEST_POSTGRES="postgres://rmp_test@127.0.0.1:$PG_PORT"
  echo "== postgres: $("$bin/postgres" --version) on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  [ -n "${PG_WORK:-}" ] || return 0
  "${PG_AS[@]}" "$(pg_bin)/pg_ctl" -D "$PG_WORK/data" -m fast -w stop > /dev/null 2>&1
  rm -rf "$PG_WORK"
  PG_WORK=""
}
