#!/usr/bin/env bash
# Builds the npm package's wasm and glue into pkg/ (release, wasm-opt from npm binaryen).
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$ROOT"
# A fresh pkg/: wasm-pack leaves snippets of earlier builds behind, which npm pack would ship.
rm -rf pkg
# LLVM's inlining threshold set to 25 for the full module: 1.3 KB less gzipped (64.9 ->
# 63.6 KB). Measured: 50 gave opt-level "s"'s own bytes, 75 more, 10 and 0 more than 25.
# Its speed is the client's and the form's, which the network and the DOM dwarf.
RUSTFLAGS="${RUSTFLAGS:-} -C llvm-args=-inline-threshold=25" wasm_env wasm-pack --quiet build . --release --target web --out-dir pkg --no-pack >&2
# wasm-pack leaves a `*` .gitignore in pkg/, which would keep npm pack from shipping pkg/snippets/.
rm -f pkg/.gitignore
# The small module behind `coc-incident/validate`: no wasm-bindgen, raw exports.
wasm_env cargo build --quiet --profile wasm-small --target wasm32-unknown-unknown -p coc-incident-validate
# -Oz: with the crates at opt-level 2, as fast per call as -O3 (bench/quick.mjs, raw,
# within the runs' noise) and 0.2 KB smaller gzipped (32.06 -> 31.86 KB).
"$ROOT/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --strip-debug --strip-producers \
  "$ROOT/target/wasm32-unknown-unknown/wasm-small/coc_incident_validate.wasm" -o pkg/coc_incident_validate.wasm
