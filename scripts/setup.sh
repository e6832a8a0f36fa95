#!/usr/bin/env bash
# Installs everything Rusmiddelportalen needs on a fresh Debian 12 machine, from the project's own
# files and the package registries only (apt, crates.io, npm). Idempotent: each step is skipped
# when its result is already in place, so a second run takes seconds. Run as root (or with sudo
# rights for apt). Follows ../shared/TOOLCHAIN.md steps 1–2, 6 and 7 (step 3, the wasm32 std, is
# scripts/wasm-std.sh, run by the release build); its steps 4–5 (cargo-leptos, wasm-bindgen-cli)
# are replaced by the workspace's build-site (README: How the site is built).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# `scripts/setup.sh --for-running` (run.sh) installs only what builds and runs the portal; the test
# command's Chromium, Java and end2end/ npm packages are left out of a first run's wait.
FOR_RUNNING=0
[[ "${1:-}" == "--for-running" ]] && FOR_RUNNING=1
APT_PACKAGES=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22)
((FOR_RUNNING)) || APT_PACKAGES+=(chromium)
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '== setup [%3ds]: %s\n' "$SECONDS" "$*"; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# 1. Debian packages: rustc/cargo 1.96 with std sources (for the wasm32 std), rust-lld, Chromium.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Java 11 or later for the Nu Html Checker (end2end's vnu-jar; server/tests/valid_html.rs runs it).
((FOR_RUNNING)) || java -version 2>&1 | grep -qE 'version "(1[1-9]|[2-9][0-9])' || missing+=(default-jre-headless)
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Debian's binaryen (wasm-opt 108) silently corrupts wasm-bindgen's table: hydration then fails.
if dpkg-query -W -f='${Status}' binaryen 2>/dev/null | grep -q 'install ok installed'; then
  log "removing Debian's binaryen (its wasm-opt breaks the release wasm)"
  $SUDO apt-get remove -y -qq binaryen
fi

# 2. Debian's toolchain as the rustup toolchain "debian" (named in rust-toolchain.toml).
if ! rustup toolchain list | grep -qE '^debian( |$)'; then
  log "rustup toolchain link debian /usr"
  rustup toolchain link debian /usr
fi

# 3. The wasm32-unknown-unknown std for Debian's rustc is built by scripts/wasm-std.sh, which the
#    release build runs beside the server's compile (scripts/env.sh, build_release): the server
#    does not need it, and built here it kept both cores from the server for most of a minute.

# 4. npm packages, each from its package-lock.json: in style/ the browser files' build tools that
#    build-site runs (Dart Sass, esbuild; wasm-opt from npm's Binaryen 132, never Debian's 108) and
#    DKFDS's sources; in end2end/ Playwright and the Nu Html Checker (vnu-jar, run on Debian's Java).
npm_ci() {
  local dir="$1" sum
  sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [[ ! -f "$dir/node_modules/.setup-stamp" || "$(cat "$dir/node_modules/.setup-stamp")" != "$sum" ]]; then
    log "npm ci in ${dir#$ROOT/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" > "$dir/node_modules/.setup-stamp"
  fi
}
npm_ci "$ROOT/style"
((FOR_RUNNING)) || npm_ci "$ROOT/end2end"

# 5. DKFDS's and IBM Plex Sans's licences into public/dkfds (served as /dkfds/…). The stylesheet,
#    fonts and icons themselves are built from style/node_modules/dkfds by build-site into /pkg.
DKFDS_SRC="$ROOT/style/node_modules/dkfds/dist"
DKFDS_DST="$ROOT/public/dkfds"
dkfds_stamp="$(node -p "require('$ROOT/style/node_modules/dkfds/package.json').version") licences"
if [[ ! -f "$DKFDS_DST/.version" || "$(cat "$DKFDS_DST/.version")" != "$dkfds_stamp" ]]; then
  log "copying DKFDS's licences into public/dkfds"
  rm -rf "$DKFDS_DST"
  mkdir -p "$DKFDS_DST"
  cp "$DKFDS_SRC/LICENSE.md" "$DKFDS_DST/LICENSE.md"
  cp "$DKFDS_SRC/fonts/IBMPlexSans/split/woff2/license.txt" "$DKFDS_DST/IBMPlexSans-LICENSE.txt"
  echo "$dkfds_stamp" > "$DKFDS_DST/.version"
fi

# 6. Crates, so builds need no network afterwards.
(cd "$ROOT" && cargo fetch --locked -q)
log "ready: $(rustc +debian -V | cut -d' ' -f1-2), wasm-opt $("$ROOT/style/node_modules/.bin/wasm-opt" --version | awk '{print $3}'), sass $("$ROOT/style/node_modules/.bin/sass" --version), esbuild $("$ROOT/style/node_modules/.bin/esbuild" --version), $( ((FOR_RUNNING)) && echo "no test tools (--for-running)" || chromium --version 2>/dev/null | cut -d' ' -f1-2)"
