#!/usr/bin/env bash
# Installs everything Rusmiddelportalen needs on a fresh Debian 12 machine, from the project's own
# files and the package registries only (apt, crates.io, npm). Idempotent: each step is skipped
# when its result is already in place, so a second run takes seconds. Run as root (or with sudo
# rights for apt). Follows ../shared/TOOLCHAIN.md; the README says why each piece is there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_LEPTOS_VERSION=0.3.11
BINARYEN_NPM_VERSION=132.0.0
APT_PACKAGES=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22 chromium)
WASM_LIBDIR=/usr/lib/rustlib/wasm32-unknown-unknown/lib
STAMP=/usr/lib/rustlib/wasm32-unknown-unknown/.built-by-setup
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '== setup: %s\n' "$*"; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# 1. Debian packages: rustc/cargo 1.96 with std sources (for the wasm32 std), rust-lld, Chromium.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
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
if ! rustup toolchain list | grep -qx 'debian'; then
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

# 4. cargo-leptos, with no_downloads: it uses wasm-bindgen and wasm-opt from PATH and never
#    fetches tools itself. LTO off for the install: ~15 min on 2 cores instead of much longer.
if ! cargo-leptos --version 2>/dev/null | grep -qx "cargo-leptos $CARGO_LEPTOS_VERSION"; then
  log "cargo install cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes, once per machine)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo +debian install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

# 5. wasm-bindgen CLI: exactly the version in Cargo.lock (pinned in Cargo.toml).
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")"
[[ -n "$WB_VERSION" ]] || { echo "setup: wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WB_VERSION"; then
  log "cargo install wasm-bindgen-cli $WB_VERSION (about 3 minutes, once per machine)"
  # --locked can fail when the index lacks a version its lockfile names; then retry unlocked.
  cargo +debian install wasm-bindgen-cli --version "$WB_VERSION" --locked --force \
    || cargo +debian install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# 6. wasm-opt from npm's Binaryen 132 (never Debian's 108).
if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_NPM_VERSION%%.*}"; then
  log "npm install -g binaryen@$BINARYEN_NPM_VERSION"
  npm install -g --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_NPM_VERSION"
fi

# 7. npm packages, each from its package-lock.json: DKFDS (style/) and Playwright (end2end/).
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

# 8. DKFDS's CSS, fonts and icons into public/dkfds (served from this origin, never a CDN).
DKFDS_SRC="$ROOT/style/node_modules/dkfds/dist"
DKFDS_DST="$ROOT/public/dkfds"
dkfds_version="$(node -p "require('$ROOT/style/node_modules/dkfds/package.json').version")"
if [[ ! -f "$DKFDS_DST/.version" || "$(cat "$DKFDS_DST/.version")" != "$dkfds_version" ]]; then
  log "copying DKFDS $dkfds_version into public/dkfds"
  rm -rf "$DKFDS_DST"
  mkdir -p "$DKFDS_DST/css" "$DKFDS_DST/fonts/IBMPlexSans/complete"
  cp "$DKFDS_SRC/css/dkfds-borgerdk.min.css" "$DKFDS_DST/css/"
  cp -r "$DKFDS_SRC/fonts/IBMPlexSans/complete/woff2" "$DKFDS_SRC/fonts/IBMPlexSans/complete/woff" \
        "$DKFDS_DST/fonts/IBMPlexSans/complete/"
  cp -r "$DKFDS_SRC/img" "$DKFDS_DST/img"
  cp "$DKFDS_SRC/LICENSE.md" "$DKFDS_DST/LICENSE.md"
  echo "$dkfds_version" > "$DKFDS_DST/.version"
fi

# 9. Crates, so builds need no network afterwards.
(cd "$ROOT" && cargo fetch --locked -q)
log "ready: $(rustc +debian -V | cut -d' ' -f1-2), $(cargo-leptos --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | cut -d' ' -f1-2)"
