# Shared by run.sh, test.sh and bench.sh: how to build the release site and start the server.
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

# build-site (the workspace's own build step, build-site/src/main.rs) does what
# `cargo leptos build --release` did: WASM, wasm-bindgen, wasm-opt, minified JS and CSS, assets,
# hashed names, the server binary.
#
# The server's release build runs beside the browser half (the wasm32 std where it is missing,
# build-site itself, the WASM, the stylesheet), which runs at the lowest priority (nice 19): the
# server's longest steps, the app crate's and the server crate's analysis, keep one core of two
# busy, and the browser half takes the other without slowing the server's compile, which is the
# longer of the two. Both set the one variable leptos reads at compile time, LEPTOS_OUTPUT_NAME,
# to the same value, so build-site's own server step finds the binary fresh.
build_release() {
  local server_build status=0
  (cd "$ROOT" && exec cargo build --release --package server) &
  server_build=$!
  nice -n 19 bash -c '"$1/scripts/wasm-std.sh" && cd "$1" && cargo run --quiet --package build-site --profile build-tool -- --browser-only' _ "$ROOT" || status=$?
  wait "$server_build" || status=$?
  [[ $status -eq 0 ]] || return "$status"
  precompress_pkg
}

# The server's /pkg route serves `<file>.br` / `<file>.gz` when they exist (ServeDir precompressed);
# build-site writes none, so without this the WASM is compressed on the fly at a fast, weak
# level on every request. Brotli 11 and gzip 9 once per build instead (Node's zlib, no new tool).
precompress_pkg() {
  node -e '
    const fs = require("fs"), path = require("path"), zlib = require("zlib");
    const dir = process.argv[1];
    for (const f of fs.readdirSync(dir)) {
      if (!/\.(js|wasm|css)$/.test(f)) continue;
      const p = path.join(dir, f), t = fs.statSync(p).mtimeMs;
      const fresh = (q) => fs.existsSync(q) && fs.statSync(q).mtimeMs >= t;
      if (fresh(p + ".br") && fresh(p + ".gz")) continue;
      const data = fs.readFileSync(p);
      fs.writeFileSync(p + ".br", zlib.brotliCompressSync(data, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
      fs.writeFileSync(p + ".gz", zlib.gzipSync(data, { level: 9 }));
    }' "$ROOT/target/site/pkg"
}
