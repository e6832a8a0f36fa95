#!/usr/bin/env bash
# The portal behind Debian's nginx on loopback, with TLS, configured by the README's own files:
# deploy/nginx/nginx.conf as the main configuration and deploy/nginx/rusmiddelportalen.conf as
# the site, as shipped but for what a test on loopback must change (ports, name, certificate,
# and the paths an nginx that is not the installed one needs: pid, error log, temporary files,
# the site's include). Each of those replacements must match, or the test fails: it cannot drift
# into testing a file that is no longer the shipped one. Called by scripts/test.sh after the
# release build; installs nginx-light (and sqlite3) when missing and fails, never skips, when it
# cannot start it. Prints one line per check and ends with "N passed, N failed".
#
# What it shows: each citizen behind the proxy has a guess budget of their own (clients are
# told apart by binding curl to 127.0.0.2 and 127.0.0.3), a forged X-Forwarded-For changes
# nothing, staff POSTs pass the origin check though the proxy rewrites Host, the proxy's
# readiness and liveness checks answer, and a burst holds: 1,000 citizens at once, each on a
# connection of its own, all booking the same one seat (scripts/burst.mjs), all get an answer,
# one gets the receipt, the store holds one booking, and nginx logs nothing at warn or above
# (under Debian's own main configuration, 768 connections per worker, clients got no answer).
# Then a body of the largest form's limit + 1 reaches the portal, not nginx's 413.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$ROOT/scripts/nginx-shipped.sh"

source "$ROOT/scripts/checks.sh"

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v nginx >/dev/null; then
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx-light >/dev/null \
    || give_up "could not install nginx-light from Debian's packages"
fi
if ! command -v sqlite3 >/dev/null; then
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null \
    || give_up "could not install sqlite3 from Debian's packages (the burst check counts the stored bookings with it)"
fi
[ -x "$SERVER_BIN" ] || give_up "no server binary at $SERVER_BIN: build first"
command -v node >/dev/null || give_up "no node (the build needs it too: scripts/env.sh)"
# The burst holds 1,000 client sockets in node and 1,000 connections in the portal; the usual
# soft limit is 1,024 open files. nginx raises its own (worker_rlimit_nofile in the shipped file).
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 4096 ]; then
  ulimit -n 4096 || give_up "cannot raise the open-file limit to 4096 (the hard limit is $(ulimit -Hn))"
fi

WORK="$(mktemp -d)"
chmod 755 "$WORK" # nginx's workers run as www-data when started as root (the shipped `user`)
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

# The site file on loopback: one instance (the limits are per instance on SQLite), the test's
# port, name and certificate. Whatever follows `listen 443` on its line stays as shipped. Each
# replacement must match (scripts/nginx-shipped.sh), or the test stops.
cp "$ROOT/deploy/nginx/rusmiddelportalen.conf" "$WORK/site.conf"
for expression in "s#server 127.0.0.1:3000 #server 127.0.0.1:$PORTAL_PORT #" "/server 127.0.0.1:3001 /d" \
  "s#listen 443 #listen 127.0.0.1:$TLS_PORT #" "s#server_name rusmiddel.example.dk;#server_name localhost;#" \
  "s#/etc/ssl/rusmiddel/#$WORK/#g"; do
  why="$(shipped "$WORK/site.conf" "$expression")" || give_up "$why"
done
# The main file as shipped but for its paths (pid, error log at the shipped level, which the
# checks below read, temporary files, the site's include): its worker_processes,
# worker_connections and worker_rlimit_nofile are what the burst below tests.
why="$(shipped_main "$WORK")" || give_up "$why"

# The portal as the README runs it behind a proxy. The guess limit is 3 for the budget checks
# below. The booking limit is raised: every burst client comes from 127.0.0.1, and each takes a
# unit of it before booking (given back when it did not book), so 1,000 at once need 1,000.
mkdir -p "$WORK/data"
(cd "$ROOT" && RMP_DATA_DIR="$WORK/data" RMP_LISTEN="127.0.0.1:$PORTAL_PORT" RMP_EXAMPLE_HOURS=vis \
  RMP_TOKEN_ATTEMPTS_PER_HOUR=3 RMP_BOOKINGS_PER_DAY=5000 RMP_TRUSTED_PROXIES=127.0.0.1 \
  RMP_PUBLIC_ORIGIN="$ORIGIN" RMP_SECURE_COOKIES=1 exec "$SERVER_BIN") > "$WORK/portal.log" 2>&1 &
portal_pid=$!
# Ready before nginx starts, so nginx's log holds no refused connection from the wait.
ready=""
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORTAL_PORT/readyz" && { ready=1; break; }
  kill -0 "$portal_pid" 2>/dev/null || give_up "the portal stopped: $(tail -3 "$WORK/portal.log")"
  sleep 0.2
done
[ -n "$ready" ] || give_up "the portal did not get ready in 20 s: $(tail -3 "$WORK/portal.log")"
nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/error.log" || give_up "nginx did not start: $(tail -3 "$WORK/error.log" 2>/dev/null)"
for _ in $(seq 1 50); do
  curl -fsk -o /dev/null "$ORIGIN/readyz" && break
  sleep 0.1
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

# The burst: 1,000 citizens at once, each on a connection of its own, all booking the same one
# seat. Odsherred's phone talk has one seat in every slot (app/content/booking.toml), so exactly
# one can win. The time is read from the booking page, so it is one the portal offers on the day
# the test runs; from the middle of the list, far from both the notice and the horizon.
BURST=1000
page="$(curl -sk "$ORIGIN/odsherred/book?samtale=telefon")"
mapfile -t times < <(grep -o 'name="tid"[^>]*value="[^"]*"' <<<"$page" | sed 's/.*value="//; s/"$//')
((${#times[@]} >= 3)) || give_up "the booking page of Odsherred's phone talk offers ${#times[@]} times; the burst needs a few to choose from"
time_value="${times[$((${#times[@]} / 2))]}"
form="samtale=telefon&tid=$(sed 's/:/%3A/g; s/+/%2B/g' <<<"$time_value")&trin=book"
node "$ROOT/scripts/burst.mjs" "$ORIGIN/odsherred/book" "$BURST" "$form" > "$WORK/burst.txt" 2>&1 \
  || give_up "scripts/burst.mjs failed: $(tail -3 "$WORK/burst.txt")"
declare -A b=()
while IFS='=' read -r key value; do b[$key]="$value"; done < "$WORK/burst.txt"
for key in clients started_before_first_answer answered receipts taken other dropped other_statuses errors seconds; do
  [ -n "${b[$key]:-}" ] || give_up "scripts/burst.mjs printed no $key: $(tail -3 "$WORK/burst.txt")"
done
[ "${b[started_before_first_answer]}" = "$BURST" ]; check "all $BURST requests of the burst were sent before any answer came" $?
[ "${b[answered]}" = "$BURST" ] && [ "${b[dropped]}" = 0 ]
check "every one of $BURST citizens at once got an answer through the proxy (${b[answered]} answered, ${b[dropped]} without: ${b[errors]}; ${b[seconds]} s)" $?
[ "${b[receipts]}" = 1 ]; check "exactly one of them got a receipt (${b[receipts]})" $?
[ "${b[taken]}" = $((BURST - 1)) ] && [ "${b[other]}" = 0 ]
check "the other $((BURST - 1)) were told the time was just taken (${b[taken]}; other answers: ${b[other_statuses]})" $?
stored="$(sqlite3 -readonly "$WORK/data/anonymous.sqlite" "SELECT count(*) FROM anon_booking" 2>&1)"
[ "$stored" = 1 ]; check "the store holds one booking ($stored)" $?
# Everything nginx logged since it started: the shipped file logs at warn, where "worker_connections
# are not enough", a refused connection to an instance and a body or answer spilled to disk show.
logged="$(grep -E '\[(warn|error|crit|alert|emerg)\]' "$WORK/error.log")"
said="${logged:+ ($(wc -l <<<"$logged") lines; the first: $(head -1 <<<"$logged"))}"
[ -z "$logged" ]; check "nginx logged nothing at warn or above$said" $?

# The largest form's byte limit + 1 (the staff opening hours', 727,674 bytes: see the site file)
# reaches the portal, which answers with the form's own page and 413, not with nginx's bare 413.
# After the log check: a body that size is spilled to a temporary file, which nginx logs at warn.
big="$WORK/big-body"
{ printf 'samtale='; head -c 727667 /dev/zero | tr '\0' 'a'; } > "$big"
status=$(curl -sk -o "$WORK/big.html" -w '%{http_code}' --data-binary "@$big" "$ORIGIN/odsherred/book")
size="$(stat -c %s "$big")"
[ "$status" = 413 ] && grep -q "Rusmiddelportalen" "$WORK/big.html"
check "a body of the largest form's limit + 1 ($size bytes) is answered by the portal, not by the proxy ($status)" $?

! grep -qE '127\.0\.0\.[23]|203\.0\.113' "$WORK/portal.log"; check "the portal's log holds no client address" $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
