#!/usr/bin/env bash
# Builds the baseline package the differential fuzzer compares against: the tree of
# commit 908fa2d ("post-issue-9"; REFERENCE_COMMIT overrides it) in target/reference/src,
# its wasm and glue in target/reference/src/pkg/, its entry target/reference/src/src/index.js.
# Idempotent: nothing is done when the stamp names the commit and the wasm is there.
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$ROOT"

wanted="${REFERENCE_COMMIT:-908fa2d}"
# A full id for the stamp; a shallow clone without the commit stops here.
commit=$(git -C "$ROOT" rev-parse --verify --quiet "$wanted^{commit}") || {
  echo "reference: commit $wanted is not in this clone (a shallow clone? git fetch --unshallow)" >&2
  exit 1
}
dir="$ROOT/target/reference"
src="$dir/src"
stamp="$dir/commit"
if [ -f "$src/pkg/coc_incident_bg.wasm" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$commit" ]; then
  echo "reference: $src/pkg is built from $commit" >&2
  exit 0
fi

say "building the reference package from $commit into $src"
rm -rf "$dir"
mkdir -p "$src"
git -C "$ROOT" archive "$commit" | tar -x -C "$src"
# The tree sits inside this checkout, whose Cargo.toml may declare a workspace: an empty
# [workspace] makes the old tree its own (cargo refuses a package that is in a workspace
# without being a member of it).
if ! grep -q '^\[workspace\]' "$src/Cargo.toml"; then
  printf '\n[workspace]\n' >> "$src/Cargo.toml"
fi
# binaryen's wasm-opt, for wasm-pack's release profile, from this checkout's packages.
ln -s "$ROOT/node_modules" "$src/node_modules"
# scripts/build.sh's wasm-pack command as it stood, with this checkout's cargo target
# directory (CARGO_TARGET_DIR from setup.sh). Without build.sh's inlining threshold (a
# size setting, which changes no behaviour), so its release dependencies are built apart.
(cd "$src" && wasm_env wasm-pack --quiet build . --release --target web --out-dir pkg --no-pack >&2)
rm -f "$src/pkg/.gitignore"
echo "$commit" > "$stamp"
say "reference built: $src/src/index.js"
