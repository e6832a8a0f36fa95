#!/usr/bin/env bash
# Checks that `cargo test` reuses the release build: every crate that both the release server and
# the test build compile must have the same features in both, or cargo compiles it (and every
# crate above it: leptos, sqlx, the app) a second time, about ten minutes on a fresh machine.
# Crates only the tests use (tempfile, proptest) do not matter. When this fails, add the crate
# with the named features to the block in server/Cargo.toml that the code does not use. Prints "ok" or the crates.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
features() { cargo tree --offline "$@" -f '{p}|{f}' --prefix none 2>/dev/null | sed 's/ (\*)$//' | sort -u; }
build="$(features -p server -e normal,build)"
tests="$(features --workspace --exclude build-site --features app/ssr -e normal,build,dev)"
[ -n "$build" ] && [ -n "$tests" ] || { echo "FAIL: cargo tree gave nothing"; exit 1; }
# The same package (name and version, so path and registry alike) with other features.
differ="$(comm -13 <(echo "$build") <(echo "$tests") | cut -d'|' -f1 | sort -u \
  | comm -12 - <(echo "$build" | cut -d'|' -f1 | sort -u))"
if [ -n "$differ" ]; then
  echo "FAIL: the test build compiles these with other features than the release build:"
  echo "$differ" | while IFS= read -r p; do
    echo "  $p: release [$(echo "$build" | grep -F "$p|" | cut -d'|' -f2 | paste -sd' ')] test [$(echo "$tests" | grep -F "$p|" | cut -d'|' -f2 | paste -sd' ')]"
  done
  exit 1
fi
echo "ok: the test build compiles every crate of the release build with the same features"
