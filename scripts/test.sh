#!/usr/bin/env bash
# Runs every test: native core, browser boundary, and the packed npm package as a
# user imports it. Does its own set-up first (scripts/setup.sh).
# Every step is a gate: under `set -e` a command fails the run only where errexit sees it,
# so no step here is followed by `&& echo …` or hidden in `$(...)` inside another command.
set -euo pipefail
. "$(dirname "$0")/setup.sh" browser
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

step "Lints (rustfmt, clippy, rustdoc)"
# Debian's compiler ships neither tool; a rustup toolchain beside it usually does.
# It gets its own PATH (rustup's rustc with rustup's clippy) and its own target dir,
# so that the artifacts of two compilers never meet.
lint() { PATH="$HOME/.cargo/bin:$PATH" CARGO_TARGET_DIR="$ROOT/target/lint" cargo "$@"; }
have_lints() { lint fmt --version >/dev/null 2>&1 && lint clippy --version >/dev/null 2>&1; }
if ! have_lints; then
  echo "rustfmt or clippy missing: rustup component add rustfmt clippy"
  # A short time-out: where rustup's download host is unreachable it hangs rather than fails.
  PATH="$HOME/.cargo/bin:$PATH" timeout 60 rustup component add rustfmt clippy ||
    echo "rustup could not add rustfmt and clippy" >&2
fi
if have_lints; then
  lint fmt --check
  lint clippy --workspace --all-features --all-targets --quiet -- -D warnings
  # The core as a Rust user builds it: without the `internal` feature the wasm crates turn on.
  lint clippy -p coc-incident-core --all-targets --quiet -- -D warnings
  # Its documentation, with every link resolved (a public item's doc naming a private one).
  RUSTDOCFLAGS="-D warnings" lint doc -p coc-incident-core --no-deps --all-features --quiet
  # The small module's allocator and exports exist only on wasm32.
  lint clippy -p coc-incident-validate --target wasm32-unknown-unknown --quiet -- -D warnings
  echo "rustfmt, clippy and rustdoc: clean"
elif [ -n "${CI:-}" ] && [ "$CI" != false ]; then
  echo "rustfmt and clippy are required in CI, and could not be installed" >&2
  exit 1
else
  echo "rustfmt or clippy not installed: lints skipped (outside CI only)"
fi

step "Native tests of the core crate (cargo test), with and without its serde feature"
cargo test -p coc-incident-core --all-features --all-targets
cargo test -p coc-incident-core --doc
cargo test -p coc-incident-core --no-default-features --lib
cargo test -p coc-incident-validate

step "Browser tests of the JavaScript boundary (wasm-bindgen-test in headless Chromium)"
# Run by cargo through scripts/wasm-test-runner.mjs: wasm-bindgen's runner serves the
# tests and playwright's Chromium runs them (through chromedriver the page now and then
# hung for 300 s before any test ran; see that file).
wasm_env env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="node $ROOT/scripts/wasm-test-runner.mjs" \
  cargo test --target wasm32-unknown-unknown --test browser

step "Release build of the package (wasm-pack build, wasm-opt)"
bash scripts/build.sh

step "The packed package as a user imports it (tsc)"
consumer="$ROOT/target/consumer"
rm -rf "$consumer"
mkdir -p "$consumer/node_modules/coc-incident"
tarball=$(npm pack --silent --pack-destination "$ROOT/target")
tar -xzf "$ROOT/target/$tarball" -C "$consumer/node_modules/coc-incident" --strip-components=1
# The examples' package.json files name the tarball by this path.
mkdir -p "$ROOT/target/pack"
cp "$ROOT/target/$tarball" "$ROOT/target/pack/coc-incident.tgz"
cp tests/js/package.test.mjs tests/types/usage.ts tests/types/disposable.ts tests/types/tsconfig.json tests/types/tsconfig.bundler.json tests/types/tsconfig.disposable.json "$consumer/"
echo '{ "name": "consumer", "private": true, "type": "module" }' > "$consumer/package.json"
# The usage file as consumers check it: strict, skipLibCheck false, the default lib of an
# ES2022 target, with the current TypeScript and the last 5.x (devDependency typescript5),
# under module resolution nodenext (tsconfig.json) and bundler (tsconfig.bundler.json).
for ts in typescript typescript5; do
  tsc="$ROOT/node_modules/$ts/bin/tsc"
  version=$("$tsc" --version)
  for resolution in nodenext bundler; do
    config=tsconfig.json
    if [ "$resolution" = bundler ]; then config=tsconfig.bundler.json; fi
    "$tsc" -p "$consumer/$config"
    echo "tsc: usage.ts type-checks against the packed .d.ts (TypeScript ${version#Version }, moduleResolution $resolution)"
  done
  # `using`, with the README's declaration, where a project's lib has Symbol.dispose.
  "$tsc" -p "$consumer/tsconfig.disposable.json"
  echo "tsc: disposable.ts type-checks (TypeScript ${version#Version }, lib esnext)"
done

step "The examples: each app installs the packed tarball and builds (scripts/examples.sh)"
bash scripts/examples.sh "$ROOT/target/pack/coc-incident.tgz"

step "Node tests: the packed package; the emulator; client, forms, <coc-incident-form>, demo, examples and the README in headless Chromium (node --test)"
node --test --test-reporter=spec "$consumer/package.test.mjs" tests/js/fuzz.test.mjs tests/js/time-zone.test.mjs tests/js/memory-limit.test.mjs tests/emulator/*.test.mjs tests/bench/*.test.mjs tests/client/*.test.mjs tests/e2e/*.test.mjs tests/element/*.test.mjs tests/examples/*.test.mjs tests/readme/*.test.mjs
