#!/usr/bin/env bash
# Runs the portal: installs what is missing, builds (server + WASM, release), starts it on SQLite.
#   RMP_LISTEN=127.0.0.1:8080 scripts/run.sh    to use another address or port
#   RMP_DATA_DIR=/var/lib/rusmiddelportalen ...  to keep the store files elsewhere
#   scripts/run.sh add-staff USERNAME admin KOMMUNE          creates a staff account (asks for its password)
#   scripts/run.sh assign-staff USERNAME KOMMUNE [SITE ...]  gives an older account its municipality
#   scripts/run.sh check-content DIR                         checks a content directory (every problem, file:line)
#   scripts/run.sh backup DIR                                copies the stores, consistently, while the portal runs
#   RMP_CONTENT_DIR=DIR scripts/run.sh                       serves that content instead of the compiled-in files
#   RMP_EXAMPLE_HOURS= scripts/run.sh                        refuses the example opening hours, as a real service does
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh" --for-running
build_release
export RMP_DATA_DIR="${RMP_DATA_DIR:-$ROOT/data}"
# A newcomer's portal offers the content's example opening hours, marked as examples, so booking
# can be tried at once. A real service runs the server without this (see README, Configuration).
export RMP_EXAMPLE_HOURS="${RMP_EXAMPLE_HOURS-vis}"
mkdir -p "$RMP_DATA_DIR"
chmod 700 "$RMP_DATA_DIR"
cd "$ROOT"
exec "$SERVER_BIN" "$@"
