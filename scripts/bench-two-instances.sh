#!/usr/bin/env bash
# Two portal instances on one PostgreSQL behind nginx: the deployment README, "PostgreSQL" and
# "Behind a reverse proxy", describe, measured and checked. Called by scripts/bench.sh after its
# build (the release server and the harness server/examples/bench.rs); writes Markdown to the
# file named by its one argument, and exits non-zero if a check failed.
#
# Each phase starts from empty databases (one per store and one for the limits, each owned by a
# role of its own, as the README sets them up) and two fresh instances sharing one token secret:
#   1. the write path through nginx: every free seat of every site;
#   2. races through nginx and split over both: 1,000 clients on one seat, 200 bookings on one
#      code with 4 of 5 talks used, and wrong codes against the shared guess limit;
#   3. kill -9 of one instance in the middle of a booking load through nginx: every receipted
#      booking is stored, no seat is taken twice, and the other instance goes on answering;
#   4. the store on PostgreSQL without HTTP, beside raw inserts with the same durability.
# nginx listens on plain HTTP here: TLS is the proxy's cost, not the portal's (the test command's
# scripts/behind-proxy.sh runs the same files with TLS).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$ROOT/scripts/postgres.sh"
source "$ROOT/scripts/nginx-shipped.sh"
cd "$ROOT" || exit 1
OUT="${1:?usage: scripts/bench-two-instances.sh OUT.md}"
HARNESS="$ROOT/target/release/examples/bench"
[ -x "$SERVER_BIN" ] && [ -x "$HARNESS" ] || { echo "bench-two-instances: build the server and the harness first (scripts/bench.sh does)"; exit 1; }
# Below the ephemeral range (32768–60999 here): the load before this section leaves thousands of
# client sockets on 127.0.0.1, and one on the port PostgreSQL wants made it fail to bind.
PG_PORT="${BENCH_PG_PORT:-25442}"
A_PORT="${BENCH_A_PORT:-3160}"
B_PORT="${BENCH_B_PORT:-3161}"
PROXY_PORT="${BENCH_PROXY_PORT:-3162}"
GUESS_BUDGET=10
WORK="$(mktemp -d)"
chmod 755 "$WORK" # nginx's workers run as www-data when started as root (the shipped `user`)
LOGS="$ROOT/target/bench-logs"
mkdir -p "$LOGS"
failures=()
log() { printf '== bench (two instances): %s\n' "$*"; }
A_PID="" B_PID=""

# The instances are not this shell's children (started inside `$(…)`), so `wait` cannot wait for
# them: poll until each is gone.
stop_instances() {
  for pid in $A_PID $B_PID; do
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  A_PID="" B_PID=""
}
cleanup() {
  stop_instances
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v nginx >/dev/null; then
  log "apt-get install nginx-light"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx-light >/dev/null \
    || { echo "bench-two-instances: could not install nginx-light from Debian's packages"; exit 1; }
fi
pg_start || exit 1
PSQL=("$(pg_bin)/psql" -q -X -h 127.0.0.1 -p "$PG_PORT" -U rmp_test -v ON_ERROR_STOP=1)
STORES=(anon case staff limits)
for store in "${STORES[@]}"; do
  "${PSQL[@]}" -d postgres -c "CREATE ROLE rmp_$store LOGIN" || exit 1
done
url() { echo "postgres://rmp_$1@127.0.0.1:$PG_PORT/rmp_$1"; }

# Empty databases for every store, owned by their roles, no one else may connect.
fresh_databases() {
  for store in "${STORES[@]}"; do
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS rmp_$store WITH (FORCE)" -c "CREATE DATABASE rmp_$store OWNER rmp_$store" \
      -c "REVOKE CONNECT, TEMPORARY ON DATABASE rmp_$store FROM PUBLIC" || exit 1
  done
}

# start_instance PORT LOG: one instance on the shared databases; prints its pid.
start_instance() {
  local port="$1" logfile="$2"
  # Something left on the port would answer the readiness poll below in the new instance's place.
  if curl -s -o /dev/null "http://127.0.0.1:$port/healthz"; then
    echo "bench-two-instances: port $port is already in use: stop what listens there, or set BENCH_A_PORT/BENCH_B_PORT" >&2
    exit 1
  fi
  mkdir -p "$WORK/data-$port"
  chmod 700 "$WORK/data-$port"
  (
    export RMP_DATA_DIR="$WORK/data-$port" RMP_LISTEN="127.0.0.1:$port" RMP_EXAMPLE_HOURS=vis \
      RMP_TOKEN_SECRET_FILE="$WORK/secrets/token-secret" RMP_TRUSTED_PROXIES=127.0.0.1 \
      RMP_ANON_DATABASE_URL="$(url anon)" RMP_CASE_DATABASE_URL="$(url case)" \
      RMP_STAFF_DATABASE_URL="$(url staff)" RMP_LIMITS_DATABASE_URL="$(url limits)" \
      RMP_BOOKINGS_PER_DAY=1000000 RMP_TOKEN_ATTEMPTS_PER_HOUR="$guess_budget"
    exec "$SERVER_BIN"
  ) >>"$logfile" 2>&1 &
  local pid=$!
  for _ in $(seq 1 150); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && kill -0 "$pid" 2>/dev/null && { echo "$pid"; return 0; }
    kill -0 "$pid" 2>/dev/null || { tail -5 "$logfile" >&2; echo "bench-two-instances: an instance did not start" >&2; exit 1; }
    sleep 0.2
  done
  echo "bench-two-instances: the instance on $port did not get ready" >&2
  exit 1
}

# Both instances on empty databases. A starts first: it makes the schema and the shared token
# secret, which B then reads. The guess limit is lifted (this script is one client, and every
# typed code takes a unit before it is looked up, so 200 codes at once would meet it) except
# where it is measured: `fresh_instances GUESS_BUDGET`.
guess_budget=1000000
fresh_instances() {
  guess_budget="${1:-1000000}"
  stop_instances
  fresh_databases
  mkdir -p "$WORK/secrets"
  chmod 700 "$WORK/secrets"
  A_PID="$(start_instance "$A_PORT" "$LOGS/instance-a.log")" || exit 1
  B_PID="$(start_instance "$B_PORT" "$LOGS/instance-b.log")" || exit 1
}

# nginx from the README's files, as shipped but for what runs here (each replacement must match,
# scripts/nginx-shipped.sh): the two instances as upstreams, plain HTTP on loopback, and the
# main file's paths (pid, error log, temporary files, the site's include). Its worker_connections
# and worker_rlimit_nofile are the shipped ones, so the races below go through what is deployed.
cp "$ROOT/deploy/nginx/rusmiddelportalen.conf" "$WORK/site.conf"
for expression in "s#server 127.0.0.1:3000 #server 127.0.0.1:$A_PORT #" "s#server 127.0.0.1:3001 #server 127.0.0.1:$B_PORT #" \
  "s#listen 443 ssl http2#listen 127.0.0.1:$PROXY_PORT#" "/ssl_/d"; do
  why="$(shipped "$WORK/site.conf" "$expression")" || { echo "bench-two-instances: $why"; exit 1; }
done
why="$(shipped_main "$WORK")" || { echo "bench-two-instances: $why"; exit 1; }
# For the harness's clients (1,000 sockets in the race); nginx sets its own (worker_rlimit_nofile).
ulimit -n 8192 2>/dev/null || true
nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/error.log" || { echo "bench-two-instances: nginx did not start"; exit 1; }
PROXY="127.0.0.1:$PROXY_PORT"
BOTH="127.0.0.1:$A_PORT,127.0.0.1:$B_PORT"

WRITE_MD="$WORK/write.md" RACE_MD="$WORK/race.md" CRASH_MD="$WORK/crash.md"

log "1. write path through nginx"
fresh_instances
"$HARNESS" book "$PROXY" 16 > "$WRITE_MD" || failures+=("two instances: not every free seat was booked")

log "2. races"
fresh_instances
"$HARNESS" race "$PROXY" "$(url anon)" 1000 > "$RACE_MD" || failures+=("two instances: 1,000 clients on one seat")
"$HARNESS" quota-http "$BOTH" 200 >> "$RACE_MD" || failures+=("two instances: 200 bookings on one code")
GUESS_MD="$WORK/guesses.md"
fresh_instances "$GUESS_BUDGET"
"$HARNESS" guesses "$BOTH" "$GUESS_BUDGET" > "$GUESS_MD" || failures+=("two instances: the shared guess limit")

log "3. kill -9 of one instance under load"
fresh_instances
"$HARNESS" book "$PROXY" 32 "$A_PID" 60 "$WORK/receipts.tsv" > "$CRASH_MD" || failures+=("two instances: the load with a kill")
for _ in $(seq 1 100); do kill -0 "$A_PID" 2>/dev/null || break; sleep 0.1; done
A_PID=""
after=0
for _ in $(seq 1 20); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$PROXY/ishoj/book?samtale=fremmoede")" = 200 ] && after=$((after + 1))
done
echo "- After the kill, 20 page requests through nginx: **$after** answered 200 (by the instance left)." >> "$CRASH_MD"
[ "$after" -eq 20 ] || failures+=("two instances: the instance left did not answer every request")
"$HARNESS" check "$(url anon)" "$WORK/receipts.tsv" >> "$CRASH_MD" || failures+=("two instances: receipted bookings lost or a seat taken twice")
stop_instances

log "4. the store on PostgreSQL beside raw inserts"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE bench_store" -c "CREATE DATABASE bench_raw" || exit 1
STORE_MD="$WORK/store.md"
"$HARNESS" store "postgres://rmp_test@127.0.0.1:$PG_PORT/bench_store" 2000 16 > "$STORE_MD" || failures+=("two instances: store bookings on PostgreSQL")
"$HARNESS" postgres "postgres://rmp_test@127.0.0.1:$PG_PORT/bench_raw" 2000 16 >> "$STORE_MD" || failures+=("two instances: raw PostgreSQL inserts")

{
  echo "Two instances of the release server on one PostgreSQL $("$(pg_bin)/postgres" --version | awk '{ print $3 }') (a throwaway cluster on this"
  echo "machine's disk, \`fsync\` and \`synchronous_commit\` on), each store and the limits in a database of its own owned by"
  echo "a role of its own, behind Debian's nginx configured by \`deploy/nginx/nginx.conf\` and \`deploy/nginx/rusmiddelportalen.conf\`"
  echo "(plain HTTP on loopback; the test command runs the same files with TLS). Each phase starts from empty databases."
  echo
  echo "| path | bookings / rows | concurrent clients | seconds | per second |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  cat "$WRITE_MD" "$STORE_MD"
  echo
  echo "| race | won | refused | other answers | stored | time |"
  echo "| --- | --- | --- | ---: | --- | --- |"
  cat "$RACE_MD"
  echo
  echo "| guess limit | looked up | refused | other answers |"
  echo "| --- | --- | --- | ---: |"
  cat "$GUESS_MD"
  echo
  echo "Kill -9 of one instance (\`$A_PORT\`) in the middle of a booking load through nginx:"
  echo
  cat "$CRASH_MD"
  if ((${#failures[@]})); then
    echo
    echo "**Failed:** ${failures[*]}"
  fi
} > "$OUT"
cat "$OUT"
if ((${#failures[@]})); then
  printf 'bench-two-instances: FAILED: %s\n' "${failures[@]}"
  exit 1
fi
