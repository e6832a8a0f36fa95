#!/usr/bin/env bash
# The portal behind Debian's nginx on loopback, with TLS, configured by the README's own file
# (deploy/nginx/rusmiddelportalen.conf; only the addresses, the name and the certificate are
# replaced). Called by scripts/test.sh after the release build; installs nginx-light when
# missing and fails, never skips, when it cannot start it. Prints one line per check and ends
# with "N passed, N failed".
#
# What it shows: each citizen behind the proxy has a guess budget of their own (clients are
# told apart by binding curl to 127.0.0.2 and 127.0.0.3), a forged X-Forwarded-For changes
# nothing, staff POSTs pass the origin check though the proxy rewrites Host, and the proxy's
# readiness and liveness checks answer.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

passed=0
failed=0
check() { # check NAME CONDITION-EXIT-STATUS
  if [ "$2" -eq 0 ]; then echo "ok: $1"; passed=$((passed + 1)); else echo "FAIL: $1"; failed=$((failed + 1)); fi
}
give_up() {
  echo "FAIL: $1"
  echo "$passed passed, $((failed + 1)) failed"
  exit 1
}

if ! command -v nginx >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx-light >/dev/null \
    || give_up "could not install nginx-light from Debian's packages"
fi
[ -x "$SERVER_BIN" ] || give_up "no server binary at $SERVER_BIN: build first"

WORK="$(mktemp -d)"
chmod 755 "$WORK" # nginx's workers run as nobody when started as root
PORTAL_PORT="${PROXY_TEST_PORTAL_PORT:-3141}"
TLS_PORT="${PROXY_TEST_TLS_PORT:-8443}"
ORIGIN="https://localhost:$TLS_PORT"
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  [ -n "${portal_pid:-}" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# A throwaway certificate for localhost.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$WORK/privkey.pem" -out "$WORK/fullchain.pem" >/dev/null 2>&1 || give_up "openssl could not make a certificate"
chmod 644 "$WORK/privkey.pem"

# The README's file, on loopback: one instance (the limits are per instance on SQLite).
sed -e "s#server 127.0.0.1:3000 .*#server 127.0.0.1:$PORTAL_PORT;#" -e "/server 127.0.0.1:3001/d" \
  -e "s#listen 443 ssl http2;#listen 127.0.0.1:$TLS_PORT ssl http2;#" -e "s#server_name rusmiddel.example.dk;#server_name localhost;#" \
  -e "s#/etc/ssl/rusmiddel/#$WORK/#" "$ROOT/deploy/nginx/rusmiddelportalen.conf" > "$WORK/site.conf"
for d in client_body proxy fastcgi uwsgi scgi; do mkdir -p "$WORK/$d"; done
cat > "$WORK/nginx.conf" <<EOF
worker_processes 1;
error_log $WORK/error.log warn;
pid $WORK/nginx.pid;
events { worker_connections 64; }
http {
  client_body_temp_path $WORK/client_body;
  proxy_temp_path $WORK/proxy;
  fastcgi_temp_path $WORK/fastcgi;
  uwsgi_temp_path $WORK/uwsgi;
  scgi_temp_path $WORK/scgi;
  include $WORK/site.conf;
}
EOF

mkdir -p "$WORK/data"
(cd "$ROOT" && RMP_DATA_DIR="$WORK/data" RMP_LISTEN="127.0.0.1:$PORTAL_PORT" RMP_EXAMPLE_HOURS=vis \
  RMP_TOKEN_ATTEMPTS_PER_HOUR=3 RMP_TRUSTED_PROXIES=127.0.0.1 RMP_PUBLIC_ORIGIN="$ORIGIN" RMP_SECURE_COOKIES=1 \
  exec "$SERVER_BIN") > "$WORK/portal.log" 2>&1 &
portal_pid=$!
nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/error.log" || give_up "nginx did not start: $(tail -3 "$WORK/error.log" 2>/dev/null)"
for _ in $(seq 1 100); do
  curl -fsk -o /dev/null "$ORIGIN/readyz" && break
  kill -0 "$portal_pid" 2>/dev/null || give_up "the portal stopped: $(tail -3 "$WORK/portal.log")"
  sleep 0.2
done

# From citizen $1 (a loopback address), a code typed on /min-aftale: prints 1 when refused.
guess() {
  local from="$1"; shift
  curl -sk --interface "$from" "$@" -X POST --data "kode=ABCD-EFGH-JKMN-PQRS-TVWX" "$ORIGIN/min-aftale" \
    | grep -c "prøvet for mange koder"
}

[ "$(curl -sk "$ORIGIN/readyz")" = "klar" ]; check "readiness through the proxy says klar" $?
[ "$(curl -sk "$ORIGIN/healthz")" = "ok" ]; check "liveness through the proxy says ok" $?
curl -fsk "$ORIGIN/" | grep -q "Rusmiddelportalen"; check "the front page comes through TLS" $?
a=""; for _ in 1 2 3; do a="$a$(guess 127.0.0.2)"; done
[ "$a" = "000" ]; check "citizen A's first three codes are looked up" $?
[ "$(guess 127.0.0.2)" = "1" ]; check "citizen A's fourth code within the hour is refused" $?
[ "$(guess 127.0.0.3)" = "0" ]; check "citizen B, behind the same proxy, keeps a budget of their own" $?
[ "$(guess 127.0.0.2 -H "X-Forwarded-For: 203.0.113.9")" = "1" ]; check "a forged X-Forwarded-For does not give citizen A a new budget" $?
status=$(curl -sk -o /dev/null -w '%{http_code}' -H "Origin: $ORIGIN" --data "brugernavn=ingen&adgangskode=forkert" "$ORIGIN/personale/log-ind")
[ "$status" != "403" ] && [ "$status" != "000" ]; check "a staff sign-in from the public origin passes the origin check though Host is rewritten ($status)" $?
status=$(curl -sk -o /dev/null -w '%{http_code}' -H "Origin: https://evil.example" --data "brugernavn=ingen&adgangskode=forkert" "$ORIGIN/personale/log-ind")
[ "$status" = "403" ]; check "a staff sign-in from another origin is refused ($status)" $?
! grep -qE '127\.0\.0\.[23]|203\.0\.113' "$WORK/portal.log"; check "the portal's log holds no client address" $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
