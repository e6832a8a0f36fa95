#!/usr/bin/env bash
# The wasm32-unknown-unknown std for Debian's rustc, built once from rust-web-src (../shared/
# TOOLCHAIN.md step 3). Run by build_release (scripts/env.sh) beside the server's compile, which
# does not need it; skipped in under a second when the std for this rustc is in place.
set -euo pipefail
export PATH="$HOME/.cargo/bin:$PATH"
WASM_LIBDIR=/usr/lib/rustlib/wasm32-unknown-unknown/lib
STAMP=/usr/lib/rustlib/wasm32-unknown-unknown/.built-by-setup
log() { printf '== wasm-std [%3ds]: %s\n' "$SECONDS" "$*"; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

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

