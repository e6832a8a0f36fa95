# Shared by run.sh and test.sh: how to start the built server outside cargo-leptos.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
export LEPTOS_OUTPUT_NAME=rusmiddelportalen
export LEPTOS_SITE_ROOT="$ROOT/target/site"
export LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_ENV=PROD
export LEPTOS_HASH_FILES=true
export LEPTOS_HASH_FILE_NAME="${LEPTOS_HASH_FILE_NAME:-hash.txt}"
SERVER_BIN="$ROOT/target/release/server"

build_release() {
  (cd "$ROOT" && cargo leptos build --release)
}
