#!/usr/bin/env bash
# Installs everything Rusmiddelportalen needs on a fresh Debian 12 machine, from the project's own
# files and the package registries only (apt, crates.io, npm). Idempotent: each step is skipped
# when its result is already in place, so a second run takes seconds. Run as root (or with sudo
# rights for apt). Follows ../shared/TOOLCHAIN.md steps 1–3, 6 and 7; its steps 4–5 (cargo-leptos,
# wasm-bindgen-cli) are replaced by the workspace's build-site (README: How the site is built).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APT_PACKAGES=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22 chromium)
WASM_LIBDIR=/usr/lib/rustlib/wasm32-unknown-unknown/lib
STAMP=/usr/lib/rustlib/wasm32-unknown-unknown/.built-by-setup
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
java -version 2>&1 | grep -qE 'version "(1[1-9]|[2-9][0-9])' || missing+=(default-jre-headless)
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

# 3. The wasm32-unknown-unknown std for Debian's rustc, built once from rust-web-src.
want_stamp="$(rustc +debian -vV) | build-std=std,panic_abort,test | -Cembed-bitcode=yes"
if ! { [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want_stamp" ]] && ls "$WASM_LIBDIR"/libstd-*.rlib >/dev/null 2>&1; }; then
  log "building the wasm32 std for $(rustc +debian -V)"
  seed="$(mktemp -d)"
  mkdir -p "$seed/src"
  cat > "$seed/Cargo.toml" <<'TOML'
[package]
name = "wasm_std_seed"
version = "0.0.0"
edition = "2021"
publish = false

[profile.release]
opt-level = 3
debug = 0
codegen-units = 1
lto = false
incremental = false
TOML
  echo '#![no_std]' > "$seed/src/lib.rs"
  # -Cembed-bitcode=yes, like Rust's own std, so crates with lto = true link.
  (cd "$seed" && RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Cembed-bitcode=yes" \
     cargo +debian build --release --target wasm32-unknown-unknown \
       -Zbuild-std=std,panic_abort,test --target-dir "$seed/target")
  $SUDO rm -rf "$WASM_LIBDIR"   # two libstd rlibs there would be "multiple candidates"
  $SUDO mkdir -p "$WASM_LIBDIR"
  find "$seed/target/wasm32-unknown-unknown/release/deps" -maxdepth 1 \
       \( -name 'lib*.rlib' -o -name 'lib*.rmeta' \) ! -name 'libwasm_std_seed-*' \
       -exec $SUDO cp {} "$WASM_LIBDIR/" \;
  printf '%s' "$want_stamp" | $SUDO tee "$STAMP" >/dev/null
  rm -rf "$seed"
fi

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
npm_ci "$ROOT/end2end"

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
log "ready: $(rustc +debian -V | cut -d' ' -f1-2), wasm-opt $("$ROOT/style/node_modules/.bin/wasm-opt" --version | awk '{print $3}'), sass $("$ROOT/style/node_modules/.bin/sass" --version), esbuild $("$ROOT/style/node_modules/.bin/esbuild" --version), $(chromium --version 2>/dev/null | cut -d' ' -f1-2)"
